/*
 * cmd_phase.c: `kngg phase declare CODE N [--date D] [--by NAAM] [--note
 * TEKST]`: where the projectleider sees the municipality (phase 1-4), shown
 * next to the phase kngg calculates.
 */
#include <string.h>

#include "cli/cli.h"

int cmd_phase(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, phase;

	rc = cli_parse("phase", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos < 1 || strcmp(argv[1], "declare") != 0)
		return cli_usage("phase", "welke opdracht? declare");
	if (npos != 3)
		return cli_usage("phase", "gebruik: kngg phase declare CODE N [--date D] [--by NAAM] [--note TEKST]");
	if ((rc = cli_int("phase", "de fase", argv[3], 1, KNGG_PHASES, &phase)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_phase_declare(t, argv[2], phase, &o) < 0)
		return EXIT_FAIL;
	printf("%s: opgegeven fase %d vastgelegd\n", argv[2], phase);
	return EXIT_OK;
}
