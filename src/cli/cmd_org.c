/*
 * cmd_org.c: `kngg org add CODE NAME --type TYPE`, `org lead CODE NAME
 * [--end]`, `org list CODE`: the organisations in a municipality's field
 * and which of them is its main implementing organisation.
 */
#include <string.h>

#include "cli/cli.h"

static const cli_opt no_opts[] = {{NULL, 0, 0, NULL, NULL}};

static int org_add(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *type = NULL;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"type", 0, 1, &type, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc;
	int64_t id;

	rc = cli_parse("org", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 2)
		return cli_usage("org", "gebruik: kngg org add CODE NAAM --type TYPE (naam met spaties tussen aanhalingstekens)");
	if (!type)
		return cli_usage("org", "--type ontbreekt (een type uit de lijst organisatietypen)");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_org_add(t, argv[1], argv[2], type, &o, &id) < 0)
		return EXIT_FAIL;
	printf("%s: organisatie '%s' (%s) toegevoegd\n", argv[1], argv[2], type);
	return EXIT_OK;
}

static int org_lead(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	int end = 0;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"end", 0, 0, NULL, &end},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc;

	rc = cli_parse("org", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 2)
		return cli_usage("org", "gebruik: kngg org lead CODE NAAM [--end] (naam met spaties tussen aanhalingstekens)");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_org_lead(t, argv[1], argv[2], !end, &o) < 0)
		return EXIT_FAIL;
	printf(end ? "%s: '%s' is niet langer hoofduitvoerder\n"
		   : "%s: '%s' is hoofduitvoerder (belangrijkste uitvoeringsorganisatie)\n",
	       argv[1], argv[2]);
	return EXIT_OK;
}

static int count_width(void *ctx, const kngg_org *o)
{
	size_t *width = ctx, w = utf8_width(o->name);

	if (w > *width)
		*width = w;
	return 0;
}

struct org_print {
	const kngg_defs *defs;
	size_t width;
	int n;
};

static int print_org(void *ctx, const kngg_org *o)
{
	struct org_print *p = ctx;

	printf("  ");
	print_padded(stdout, o->name, p->width + 2);
	print_padded(stdout, o->type, 16);
	printf("%s  (sinds %s)%s\n", kngg_defs_label(p->defs, "organisatietypen", o->type),
	       o->created_at, o->lead ? "  hoofduitvoerder" : "");
	p->n++;
	return 0;
}

/* KNGG_ENOTFOUND (reported) when the municipality is unknown. */
static int need_known(kngg_tracker *t, const char *code)
{
	kngg_status *s = NULL;
	int rc = kngg_status_load(t, code, "1900-01-01", &s);

	kngg_status_free(s);
	return rc;
}

static int org_list(kngg_cli *cli, int argc, char **argv)
{
	struct org_print p = {0};
	kngg_register *reg = NULL;
	kngg_tracker *t;
	int npos, shown, rc;

	rc = cli_parse("org", argc, argv, no_opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 1)
		return cli_usage("org", "gebruik: kngg org list CODE");
	if (!(t = cli_tracker(cli)) || need_known(t, argv[1]) < 0 ||
	    kngg_register_load(t, argv[1], NULL, &reg) < 0)
		return EXIT_FAIL;
	p.defs = t->defs;
	p.width = strlen("naam");
	for (size_t i = 0; i < reg->norgs; i++)
		count_width(&p.width, &reg->orgs[i]);
	printf("%s: organisaties\n  ", argv[1]);
	print_padded(stdout, "naam", p.width + 2);
	printf("type\n");
	for (size_t i = 0; i < reg->norgs; i++)
		print_org(&p, &reg->orgs[i]);
	if (p.n == 0)
		printf("  (nog geen; voeg toe met 'kngg org add %s NAAM --type TYPE')\n", argv[1]);
	else if (!reg->lead_named)
		printf("  (geen hoofduitvoerder genoemd: kngg rekent JGZ en wijkteam als hoofduitvoerder;\n"
		       "   noem de eigen met 'kngg org lead %s NAAM')\n", argv[1]);
	kngg_register_free(reg);
	return EXIT_OK;
}

int cmd_org(kngg_cli *cli, int argc, char **argv)
{
	int npos, shown, rc;

	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return org_add(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return org_list(cli, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "lead") == 0)
		return org_lead(cli, argc - 1, argv + 1);
	/* --help, or a misplaced option */
	rc = cli_parse("org", argc, argv, no_opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos >= 1)
		return cli_usage("org", "onbekende opdracht 'org %s' (add, lead of list)", argv[1]);
	return cli_usage("org", "welke opdracht? add, lead of list");
}
