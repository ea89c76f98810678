/*
 * cmd_step.c: `kngg step start|done|reopen CODE STEP`.
 */
#include <string.h>

#include "cli/cli.h"

int cmd_step(kngg_cli *cli, int argc, char **argv)
{
	static const char *const actions[] = {"start", "done", "reopen"};
	static const char *const said[] = {"gestart", "afgerond", "heropend"};
	kngg_track_opts o = {0};
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"area", 0, 1, &o.area, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, a;

	rc = cli_parse("step", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 3)
		return cli_usage("step", "gebruik: kngg step start|done|reopen CODE STAP");
	for (a = 0; a < 3 && strcmp(argv[1], actions[a]) != 0; a++)
		;
	if (a == 3)
		return cli_usage("step", "onbekende actie '%s' (start, done of reopen)", argv[1]);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_step(t, (kngg_step_action)a, argv[2], argv[3], &o) < 0)
		return EXIT_FAIL;
	printf("%s: stap %s %s%s%s\n", argv[2], argv[3], said[a], o.area ? " in " : "",
	       o.area ? o.area : "");
	return EXIT_OK;
}
