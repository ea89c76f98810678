/*
 * cmd_activity.c: `kngg activity done CODE ID` and
 * `kngg deliverable done CODE ID [--document TEXT]`.
 */
#include <string.h>

#include "cli/cli.h"

struct item_opts {
	kngg_track_opts o;
};

static int item_done(kngg_cli *cli, const cli_call *call)
{
	const struct item_opts *a = call->opts;
	int deliverable = strcmp(call->cmd->name, "deliverable") == 0;
	const char *code = call->args[0], *id = call->args[1];
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (deliverable && kngg_defs_find(kngg_tracker_defs(t), id) &&
	    kngg_defs_find(kngg_tracker_defs(t), id)->kind != KNGG_DEF_DELIVERABLE)
		return cli_fail("'%s' is geen oplevering (opleveringen hebben ids als 1.2/d1)", id);
	if (!deliverable && kngg_defs_find(kngg_tracker_defs(t), id) &&
	    kngg_defs_find(kngg_tracker_defs(t), id)->kind != KNGG_DEF_ACTIVITY)
		return cli_fail("'%s' is geen activiteit (activiteiten hebben ids als 1.2/a3)", id);
	if (kngg_track_item_done(t, code, id, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: %s %s gedaan%s%s\n", code, deliverable ? "oplevering" : "activiteit", id,
	       a->o.document ? ": " : "", a->o.document ? a->o.document : "");
	return EXIT_OK;
}

static const cli_option activity_opts[] = {
	CLI_TRACK_OPTS(struct item_opts, o),
	CLI_AREA_OPT(struct item_opts, o.area),
	CLI_OPT_END,
};

/* activities take no --document */
static const cli_option deliverable_opts[] = {
	CLI_OPT(struct item_opts, o.document, "document", "TITEL",
		"het stuk: een titel, pad of link"),
	CLI_TRACK_OPTS(struct item_opts, o),
	CLI_AREA_OPT(struct item_opts, o.area),
	CLI_OPT_END,
};

const cli_sub cmd_activity_subs[] = {
	{"done", NULL, "CODE ACTIVITEIT", item_done, activity_opts, sizeof(struct item_opts),
	 "een activiteit is gedaan", NULL},
	CLI_SUB_END,
};

const cli_sub cmd_deliverable_subs[] = {
	{"done", NULL, "CODE OPLEVERING", item_done, deliverable_opts, sizeof(struct item_opts),
	 "een oplevering is klaar", NULL},
	CLI_SUB_END,
};
