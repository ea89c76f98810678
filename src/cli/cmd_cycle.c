/*
 * cmd_cycle.c: `kngg cycle start CODE PHASE`.
 */
#include "cli/cli.h"

struct cycle_opts {
	kngg_track_opts o;
};

static int start(kngg_cli *cli, const cli_call *call)
{
	const struct cycle_opts *a = call->opts;
	kngg_tracker *t;
	int rc, phase, number, calculated;

	if ((rc = cli_int("cycle", "FASE", call->args[1], 1, KNGG_PHASES, &phase)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_cycle_start(t, call->args[0], phase, &a->o, &number) < 0)
		return EXIT_FAIL;
	printf("%s: cyclus %d van fase %d gestart\n", call->args[0], number, phase);
	/* the guide allows it; say what the phase before still asks */
	if (kngg_readiness_phase(t, call->args[0], NULL, &calculated) == 0 &&
	    calculated < phase) {
		char what[128];

		fflush(stdout);
		snprintf(what, sizeof(what), "fase %d is nog niet gereed (berekende fase: %d)",
			 phase - 1, calculated);
		cli_warn_open(t, call->args[0], phase - 1, NULL, NULL, what);
	}
	return EXIT_OK;
}

static const cli_option start_opts[] = {
	CLI_TRACK_OPTS(struct cycle_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_cycle_subs[] = {
	{"start", NULL, "CODE FASE", start, start_opts, sizeof(struct cycle_opts),
	 "begin een nieuwe cyclus", "FASE is 3 of 4"},
	CLI_SUB_END,
};
