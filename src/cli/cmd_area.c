/*
 * cmd_area.c: `kngg area add CODE NAME [--target-group TEXT]`, `area list CODE`.
 */
#include <string.h>

#include "cli/cli.h"

static int print_area(void *ctx, const kngg_area *a)
{
	int *n = ctx;

	if (a->target_group)
		printf("%s — doelgroep %s (sinds %s)\n", a->name, a->target_group, a->created_at);
	else
		printf("%s (sinds %s)\n", a->name, a->created_at);
	(*n)++;
	return 0;
}

static int need_known(kngg_tracker *t, const char *code)
{
	kngg_status *s = NULL;
	int rc = kngg_status_load(t, code, NULL, &s);

	kngg_status_free(s);
	return rc;
}

int cmd_area(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *group = NULL;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"target-group", 0, 1, &group, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, n = 0;

	rc = cli_parse("area", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos >= 1 && strcmp(argv[1], "add") == 0) {
		if (npos != 3)
			return cli_usage("area", "gebruik: kngg area add CODE NAAM [--target-group TEKST]");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		if (kngg_track_area_add(t, argv[2], argv[3], group, &o) < 0)
			return EXIT_FAIL;
		printf("%s: gebied '%s' toegevoegd\n", argv[2], argv[3]);
		return EXIT_OK;
	}
	if (npos >= 1 && strcmp(argv[1], "list") == 0) {
		if (npos != 2)
			return cli_usage("area", "gebruik: kngg area list CODE");
		if (group || o.date || o.by || o.note)
			return cli_usage("area", "'area list' heeft geen opties");
		if (!(t = cli_tracker(cli)) || need_known(t, argv[2]) < 0)
			return EXIT_FAIL;
		if (kngg_store_areas(t->store, argv[2], print_area, &n) < 0)
			return EXIT_FAIL;
		if (n == 0)
			printf("%s heeft nog geen gebieden\n", argv[2]);
		return EXIT_OK;
	}
	return cli_usage("area", "welke opdracht? add of list");
}
