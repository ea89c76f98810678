/*
 * cmd_factor.c: `kngg factor CODE FACTOR --score N`: an essential-factor check.
 */
#include "cli/cli.h"

int cmd_factor(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *score_s = NULL;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"score", 0, 1, &score_s, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, score;

	rc = cli_parse("factor", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 2)
		return cli_usage("factor", "gebruik: kngg factor CODE FACTOR --score N");
	if (!score_s)
		return cli_usage("factor", "--score ontbreekt");
	if ((rc = cli_int("factor", "--score", score_s, -1000, 1000, &score)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_factor(t, argv[1], argv[2], score, &o) < 0)
		return EXIT_FAIL;
	printf("%s: factor %s gescoord: %d\n", argv[1], argv[2], score);
	return EXIT_OK;
}
