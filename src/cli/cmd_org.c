/*
 * cmd_org.c: `kngg org add CODE NAME --type TYPE`, `org lead CODE NAME
 * [--end]`, `org list CODE`: the organisations in a municipality's field
 * and which of them is its main implementing organisation.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/text.h"

struct org_opts {
	kngg_track_opts o;
	const char *type;
	int end;
};

static int org_add(kngg_cli *cli, const cli_call *call)
{
	const struct org_opts *a = call->opts;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;

	if (!a->type)
		return cli_usage("org", "--type ontbreekt (een type uit de lijst organisatietypen)");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_org_add(t, args[0], args[1], a->type, &a->o, &id) < 0)
		return EXIT_FAIL;
	printf("%s: organisatie '%s' (%s) toegevoegd\n", args[0], args[1],
	       cli_list_id(kngg_tracker_defs(t), "organisatietypen", a->type));
	return EXIT_OK;
}

static int org_lead(kngg_cli *cli, const cli_call *call)
{
	const struct org_opts *a = call->opts;
	char **args = call->args;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_org_lead(t, args[0], args[1], !a->end, &a->o) < 0)
		return EXIT_FAIL;
	printf(a->end ? "%s: '%s' is niet langer hoofduitvoerder\n"
		      : "%s: '%s' is hoofduitvoerder (belangrijkste uitvoeringsorganisatie)\n",
	       args[0], args[1]);
	return EXIT_OK;
}

/* The list in 80 columns: the type's description only with --wide. */
static const cli_column org_cols[] = {
	{"naam", 15, 0, 0}, {"type", 0, 0, 0}, {"omschrijving", 0, 1, 0},
	{"sinds", 0, 0, 0}, {"hoofduitvoerder", 0, 0, 0}};
#define ORG_COLS (sizeof(org_cols) / sizeof(org_cols[0]))

/* KNGG_ENOTFOUND (reported) when the municipality is unknown. */
static int need_known(kngg_tracker *t, const char *code)
{
	kngg_status *s = NULL;
	int rc = kngg_status_load(t, code, "1900-01-01", &s);

	kngg_status_free(s);
	return rc;
}

struct org_list_opts {
	int wide;
};

static int org_list(kngg_cli *cli, const cli_call *call)
{
	const struct org_list_opts *op = call->opts;
	char **args = call->args;
	kngg_register *reg = NULL;
	kngg_tracker *t;
	const char **cells;

	if (!(t = cli_tracker(cli)) || need_known(t, args[0]) < 0 ||
	    kngg_register_load(t, args[0], NULL, &reg) < 0)
		return EXIT_FAIL;
	printf("%s: organisaties\n", args[0]);
	if (reg->norgs == 0) {
		printf("  (nog geen; voeg toe met 'kngg org add %s \"NAAM\" --type TYPE')\n", args[0]);
		kngg_register_free(reg);
		return EXIT_OK;
	}
	if (!(cells = calloc(reg->norgs * ORG_COLS, sizeof(*cells)))) {
		kngg_register_free(reg);
		return cli_fail("onvoldoende geheugen");
	}
	for (size_t i = 0; i < reg->norgs; i++) {
		const kngg_org *o = &reg->orgs[i];
		const char **row = &cells[i * ORG_COLS];

		row[0] = o->name;
		row[1] = o->type;
		row[2] = kngg_defs_label(kngg_tracker_defs(t), "organisatietypen", o->type);
		row[3] = o->created_at;
		row[4] = o->lead ? "ja" : "";
	}
	print_table(stdout, org_cols, ORG_COLS, cells, reg->norgs, 2, op->wide);
	if (!reg->lead_named)
		printf("  (geen hoofduitvoerder genoemd: kngg rekent JGZ en wijkteam als\n"
		       "   hoofduitvoerder; noem de eigen met 'kngg org lead %s \"NAAM\"')\n", args[0]);
	free(cells);
	kngg_register_free(reg);
	return EXIT_OK;
}

static const cli_option list_opts[] = {
	CLI_FLAG_OPT(struct org_list_opts, wide, "wide", "met de omschrijving van het type"),
	CLI_OPT_END,
};

static const cli_option add_opts[] = {
	CLI_OPT_REQ(struct org_opts, type, "type", "TYPE", "een type uit de lijst organisatietypen"),
	CLI_TRACK_OPTS(struct org_opts, o),
	CLI_OPT_END,
};

static const cli_option lead_opts[] = {
	CLI_FLAG_OPT(struct org_opts, end, "end", "niet langer hoofduitvoerder"),
	CLI_TRACK_OPTS(struct org_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_org_subs[] = {
	{"add", NULL, "CODE NAAM", org_add, add_opts, sizeof(struct org_opts),
	 "voeg een organisatie toe", CLI_HINT_QUOTED},
	{"lead", NULL, "CODE NAAM", org_lead, lead_opts, sizeof(struct org_opts),
	 "noem de hoofduitvoerder", CLI_HINT_QUOTED},
	{"list", NULL, "CODE", org_list, list_opts, sizeof(struct org_list_opts),
	 "de organisaties van een gemeente", NULL},
	CLI_SUB_END,
};
