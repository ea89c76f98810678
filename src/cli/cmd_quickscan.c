/*
 * cmd_quickscan.c: `kngg quickscan CODE --theme THEMA --score N [--phase 3|4]`.
 */
#include "cli/cli.h"

int cmd_quickscan(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *theme = NULL, *score_s = NULL, *phase_s = NULL;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o),
				{"theme", 0, 1, &theme, NULL},
				{"score", 0, 1, &score_s, NULL},
				{"phase", 0, 1, &phase_s, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, score, phase = 0;

	rc = cli_parse("quickscan", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 1)
		return cli_usage("quickscan", "gebruik: kngg quickscan CODE --theme THEMA --score N");
	if (!theme || !score_s)
		return cli_usage("quickscan", "%s ontbreekt", theme ? "--score" : "--theme");
	if ((rc = cli_int("quickscan", "--score", score_s, -1000, 1000, &score)) != EXIT_OK ||
	    (phase_s && (rc = cli_int("quickscan", "--phase", phase_s, KNGG_CYCLE_PHASE, KNGG_PHASES, &phase)) != EXIT_OK))
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_quickscan(t, argv[1], theme, score, phase, &o) < 0)
		return EXIT_FAIL;
	printf("%s: QuickScan %s gescoord: %d\n", argv[1], theme, score);
	return EXIT_OK;
}
