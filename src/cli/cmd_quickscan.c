/*
 * cmd_quickscan.c: `kngg quickscan CODE --theme THEMA --score N [--phase 3|4]`.
 */
#include "cli/cli.h"

struct quickscan_opts {
	kngg_track_opts o;
	const char *theme, *score, *phase;
};

static int quickscan(kngg_cli *cli, const cli_call *call)
{
	const struct quickscan_opts *a = call->opts;
	kngg_tracker *t;
	int rc, score, phase = 0;

	if (!a->theme || !a->score)
		return cli_usage("quickscan", "%s ontbreekt", a->theme ? "--score" : "--theme");
	if (!cli_defs(cli))
		return EXIT_FAIL;
	if ((rc = cli_score("quickscan", a->score, &kngg_defs_quickscan(cli_defs(cli))->scale,
			    &score)) != EXIT_OK ||
	    (a->phase && (rc = cli_int("quickscan", "--phase", a->phase, KNGG_CYCLE_PHASE, KNGG_PHASES, &phase)) != EXIT_OK))
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_quickscan(t, call->args[0], a->theme, score, phase, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: QuickScan %s gescoord: %d\n", call->args[0], a->theme, score);
	return EXIT_OK;
}

static const cli_option quickscan_opts[] = {
	CLI_OPT_REQ(struct quickscan_opts, theme, "theme", "THEMA", "het thema (kngg show quickscan/THEMA)"),
	CLI_OPT_REQ(struct quickscan_opts, score, "score", "N", "de score op de schaal van het thema"),
	CLI_OPT(struct quickscan_opts, phase, "phase", "3|4", "de fase van de cyclus"),
	CLI_TRACK_OPTS(struct quickscan_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_quickscan_subs[] = {
	{NULL, NULL, "CODE", quickscan, quickscan_opts, sizeof(struct quickscan_opts), NULL, NULL},
	CLI_SUB_END,
};
