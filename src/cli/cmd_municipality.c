/*
 * cmd_municipality.c: `kngg municipality add|list|show|rename`.
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

int cmd_municipality(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	const char *sub;
	int npos, shown, rc, n = 0;

	rc = cli_parse("municipality", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos < 1)
		return cli_usage("municipality", "welke opdracht? add, list, show of rename");
	sub = argv[1];
	if (strcmp(sub, "add") == 0 || strcmp(sub, "rename") == 0) {
		if (npos != 3)
			return cli_usage("municipality", "gebruik: kngg municipality %s CODE NAAM (naam met spaties tussen aanhalingstekens)",
					 sub);
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		rc = sub[0] == 'a' ? kngg_track_municipality_add(t, argv[2], argv[3], &o)
				   : kngg_track_municipality_rename(t, argv[2], argv[3], &o);
		if (rc < 0)
			return EXIT_FAIL;
		printf("%s %s: %s\n", sub[0] == 'a' ? "toegevoegd" : "hernoemd", argv[2], argv[3]);
		return EXIT_OK;
	}
	if (o.date || o.by || o.note)
		return cli_usage("municipality", "--date, --by en --note horen bij add en rename");
	if (strcmp(sub, "list") == 0) {
		if (npos != 1)
			return cli_usage("municipality", "'municipality list' verwacht geen argumenten");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		if (kngg_store_municipalities(t->store, print_row, &n) < 0)
			return EXIT_FAIL;
		if (n == 0)
			printf("nog geen gemeenten; voeg toe met 'kngg municipality add GM0479 Zaanstad'\n");
		return EXIT_OK;
	}
	if (strcmp(sub, "show") == 0) {
		if (npos != 2)
			return cli_usage("municipality", "gebruik: kngg municipality show CODE");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		if (!kngg_valid_code(argv[2]))
			return cli_fail("ongeldige gemeentecode '%s' (verwacht GM en vier cijfers, bijvoorbeeld GM0479)",
					argv[2]);
		rc = kngg_store_municipality_get(t->store, argv[2], print_show, NULL);
		if (rc == KNGG_ENOTFOUND)
			return cli_fail("onbekende gemeente '%s' (zie 'kngg municipality list')", argv[2]);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	return cli_usage("municipality", "onbekende opdracht 'municipality %s' (add, list, show, rename)",
			 sub);
}
