/*
 * cmd_activity.c: `kngg activity done CODE ID` and
 * `kngg deliverable done CODE ID [--document TEXT]`.
 */
#include <string.h>

#include "cli/cli.h"

static int item_done(kngg_cli *cli, const char *cmd, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const cli_opt with_doc[] = {CLI_TRACK_OPTS(o), {"area", 0, 1, &o.area, NULL},
				    {"document", 0, 1, &o.document, NULL},
				    {NULL, 0, 0, NULL, NULL}};
	int deliverable = strcmp(cmd, "deliverable") == 0;
	kngg_tracker *t;
	int npos, shown, rc;

	/* activities take no --document: hide it from their parser */
	rc = cli_parse(cmd, argc, argv, deliverable ? with_doc : (const cli_opt[]){
		CLI_TRACK_OPTS(o), {"area", 0, 1, &o.area, NULL}, {NULL, 0, 0, NULL, NULL}},
		&npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 3 || strcmp(argv[1], "done") != 0)
		return cli_usage(cmd, "gebruik: kngg %s done CODE ID", cmd);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (deliverable && kngg_defs_find(t->defs, argv[3]) &&
	    kngg_defs_find(t->defs, argv[3])->kind != KNGG_DEF_DELIVERABLE)
		return cli_fail("'%s' is geen oplevering (opleveringen hebben ids als 1.2/d1)", argv[3]);
	if (!deliverable && kngg_defs_find(t->defs, argv[3]) &&
	    kngg_defs_find(t->defs, argv[3])->kind != KNGG_DEF_ACTIVITY)
		return cli_fail("'%s' is geen activiteit (activiteiten hebben ids als 1.2/a3)", argv[3]);
	if (kngg_track_item_done(t, argv[2], argv[3], &o) < 0)
		return EXIT_FAIL;
	printf("%s: %s %s gedaan%s%s\n", argv[2], deliverable ? "oplevering" : "activiteit", argv[3],
	       o.document ? ": " : "", o.document ? o.document : "");
	return EXIT_OK;
}

int cmd_activity(kngg_cli *cli, int argc, char **argv)
{
	return item_done(cli, "activity", argc, argv);
}

int cmd_deliverable(kngg_cli *cli, int argc, char **argv)
{
	return item_done(cli, "deliverable", argc, argv);
}
