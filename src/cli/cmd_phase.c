/*
 * cmd_phase.c: `kngg phase declare CODE N [--date D] [--by NAAM] [--note
 * TEKST]`: where the projectleider sees the municipality (phase 1-4), shown
 * next to the phase kngg calculates.
 */
#include "cli/cli.h"

struct phase_opts {
	kngg_track_opts o;
};

static int declare(kngg_cli *cli, const cli_call *call)
{
	const struct phase_opts *a = call->opts;
	char **args = call->args;
	kngg_tracker *t;
	int rc, phase;

	if ((rc = cli_int("phase", "de fase", args[1], 1, KNGG_PHASES, &phase)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_phase_declare(t, args[0], phase, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: opgegeven fase %d vastgelegd\n", args[0], phase);
	return EXIT_OK;
}

static const cli_option declare_opts[] = {
	CLI_TRACK_OPTS(struct phase_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_phase_subs[] = {
	{"declare", NULL, "CODE N", declare, declare_opts, sizeof(struct phase_opts),
	 "de fase (1-4) waarin de gemeente zich ziet", NULL},
	CLI_SUB_END,
};
