/*
 * cmd_activity.c: `kngg activity done CODE ID...` and
 * `kngg deliverable done CODE ID... [--document TEXT]`: several ids and
 * ranges (1.2/a1-a8) at once, all or nothing.
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
	const char *code = call->args[0];
	const char *const *ids = (const char *const *)call->args + 1;
	size_t nids = (size_t)call->nargs - 1, n = 0;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_items_done(t, code, ids, nids,
				  deliverable ? KNGG_DEF_DELIVERABLE : KNGG_DEF_ACTIVITY, &a->o, &n) < 0)
		return EXIT_FAIL;
	if (nids == 1 && !strchr(strchr(ids[0], '/') ? strchr(ids[0], '/') : ids[0], '-'))
		printf("%s: %s %s gedaan%s%s\n", code, deliverable ? "oplevering" : "activiteit",
		       ids[0], a->o.document ? ": " : "", a->o.document ? a->o.document : "");
	else
		printf("%s: %zu %s gedaan%s%s\n", code, n,
		       deliverable ? (n == 1 ? "oplevering" : "opleveringen")
				   : (n == 1 ? "activiteit" : "activiteiten"),
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
	{"done", NULL, "CODE ACTIVITEIT...", item_done, activity_opts, sizeof(struct item_opts),
	 "een activiteit is gedaan", NULL},
	CLI_SUB_END,
};

const cli_sub cmd_deliverable_subs[] = {
	{"done", NULL, "CODE OPLEVERING...", item_done, deliverable_opts, sizeof(struct item_opts),
	 "een oplevering is klaar", NULL},
	CLI_SUB_END,
};
