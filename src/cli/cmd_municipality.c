/*
 * cmd_municipality.c: `kngg municipality add|rename|list|show`.
 */
#include <string.h>

#include "cli/cli.h"

static int print_row(void *ctx, const kngg_municipality *m)
{
	int *n = ctx;

	printf("%s  %s\n", m->code, m->name);
	(*n)++;
	return 0;
}

static int print_show(void *ctx, const kngg_municipality *m)
{
	(void)ctx;
	printf("%s  %s\ntoegevoegd op %s\n", m->code, m->name, m->created_at);
	return 0;
}

struct municipality_opts {
	kngg_track_opts o;
};

/* add and rename */
static int name(kngg_cli *cli, const cli_call *call)
{
	const struct municipality_opts *a = call->opts;
	const char *sub = call->sub->name;
	kngg_tracker *t;
	int rc;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	rc = sub[0] == 'a' ? kngg_track_municipality_add(t, call->args[0], call->args[1], &a->o)
			   : kngg_track_municipality_rename(t, call->args[0], call->args[1], &a->o);
	if (rc < 0)
		return EXIT_FAIL;
	printf("%s %s: %s\n", sub[0] == 'a' ? "toegevoegd" : "hernoemd", call->args[0],
	       call->args[1]);
	return EXIT_OK;
}

static int list(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;
	int n = 0;

	(void)call;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_municipalities(t, print_row, &n) < 0)
		return EXIT_FAIL;
	if (n == 0)
		printf("nog geen gemeenten; voeg toe met 'kngg municipality add GM0479 Zaanstad'\n");
	return EXIT_OK;
}

static int show(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;
	int rc;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (!kngg_valid_code(call->args[0]))
		return cli_fail("ongeldige gemeentecode '%s' (verwacht GM en vier cijfers, bijvoorbeeld GM0479)",
				call->args[0]);
	rc = kngg_municipality_get(t, call->args[0], print_show, NULL);
	if (rc == KNGG_ENOTFOUND)
		return cli_fail("onbekende gemeente '%s' (zie 'kngg municipality list')", call->args[0]);
	return rc < 0 ? EXIT_FAIL : EXIT_OK;
}

static const cli_option track_opts[] = {
	CLI_TRACK_OPTS(struct municipality_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_municipality_subs[] = {
	{"add", NULL, "CODE NAAM", name, track_opts, sizeof(struct municipality_opts),
	 "voeg een gemeente toe", CLI_HINT_QUOTED},
	{"rename", NULL, "CODE NAAM", name, track_opts, sizeof(struct municipality_opts),
	 "geef een gemeente een nieuwe naam", CLI_HINT_QUOTED},
	{"list", NULL, "", list, NULL, 0, "alle gemeenten", NULL},
	{"show", NULL, "CODE", show, NULL, 0, "een gemeente en sinds wanneer kngg haar volgt", NULL},
	CLI_SUB_END,
};
