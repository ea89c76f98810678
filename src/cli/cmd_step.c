/*
 * cmd_step.c: `kngg step start|done|reopen CODE STEP`.
 */
#include <string.h>

#include "cli/cli.h"

struct step_opts {
	kngg_track_opts o;
};

/* start, done and reopen */
static int step(kngg_cli *cli, const cli_call *call)
{
	static const char *const actions[] = {"start", "done", "reopen"};
	static const char *const said[] = {"gestart", "afgerond", "heropend"};
	const struct step_opts *a = call->opts;
	kngg_tracker *t;
	int i;

	for (i = 0; i < 2 && strcmp(call->sub->name, actions[i]) != 0; i++)
		;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_step(t, (kngg_step_action)i, call->args[0], call->args[1], &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: stap %s %s%s%s\n", call->args[0], call->args[1], said[i],
	       a->o.area ? " in " : "", a->o.area ? a->o.area : "");
	/* the guide allows finishing a step early: say what it still asks */
	if ((kngg_step_action)i == KNGG_STEP_DONE) {
		char what[128];

		fflush(stdout);
		snprintf(what, sizeof(what), "stap %s is afgerond, maar nog niet gereed",
			 call->args[1]);
		cli_warn_open(t, call->args[0], 0, call->args[1], a->o.area, what);
	}
	return EXIT_OK;
}

static const cli_option step_opts[] = {
	CLI_TRACK_OPTS(struct step_opts, o),
	CLI_AREA_OPT(struct step_opts, o.area),
	CLI_OPT_END,
};

const cli_sub cmd_step_subs[] = {
	{"start", NULL, "CODE STAP", step, step_opts, sizeof(struct step_opts),
	 "een stap is begonnen", NULL},
	{"done", NULL, "CODE STAP", step, step_opts, sizeof(struct step_opts),
	 "een stap is afgerond", NULL},
	{"reopen", NULL, "CODE STAP", step, step_opts, sizeof(struct step_opts),
	 "een afgeronde stap loopt weer", NULL},
	CLI_SUB_END,
};
