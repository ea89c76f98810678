/*
 * cmd_cycle.c: `kngg cycle start CODE PHASE`.
 */
#include <string.h>

#include "cli/cli.h"

int cmd_cycle(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, phase, number;

	rc = cli_parse("cycle", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 3 || strcmp(argv[1], "start") != 0)
		return cli_usage("cycle", "gebruik: kngg cycle start CODE FASE (3 of 4)");
	if ((rc = cli_int("cycle", "FASE", argv[3], 1, KNGG_PHASES, &phase)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_cycle_start(t, argv[2], phase, &o, &number) < 0)
		return EXIT_FAIL;
	printf("%s: cyclus %d van fase %d gestart\n", argv[2], number, phase);
	return EXIT_OK;
}
