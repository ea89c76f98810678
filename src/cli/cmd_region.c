/*
 * cmd_region.c: `kngg region add NAAM CODE... [--date D] [--by NAAM]
 * [--note TEKST]` adds municipalities to a region (all or none);
 * `kngg region list NAAM` shows its members.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static int print_member(void *ctx, const kngg_municipality *m)
{
	(void)ctx;
	printf("%s  %s\n", m->code, m->name ? m->name : "");
	return 0;
}

static int list(kngg_tracker *t, const char *region)
{
	cli_codes codes = {0};
	int rc = kngg_region_members(t, region, cli_code_collect, &codes);

	if (rc == KNGG_ENOMEM) {
		rc = cli_fail("onvoldoende geheugen");
	} else if (rc < 0) {
		rc = EXIT_FAIL;
	} else {
		rc = EXIT_OK;
		for (size_t i = 0; i < codes.n && rc == EXIT_OK; i++) {
			int r = kngg_store_municipality_get(t->store, codes.codes[i], print_member, NULL);

			if (r == KNGG_ENOTFOUND) /* a member without a record: show the code */
				printf("%s  (onbekend)\n", codes.codes[i]);
			else if (r < 0)
				rc = EXIT_FAIL;
		}
		if (rc == EXIT_OK && codes.n == 0)
			printf("regio '%s' heeft geen gemeenten\n", region);
	}
	cli_codes_free(&codes);
	return rc;
}

int cmd_region(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc;

	rc = cli_parse("region", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos >= 1 && strcmp(argv[1], "add") == 0) {
		size_t n;

		if (npos < 3)
			return cli_usage("region", npos < 2 ? "gebruik: kngg region add NAAM CODE... [--date D] [--by NAAM]"
						    : "noem minstens een gemeente (CBS-code) na de naam van de regio");
		n = (size_t)npos - 2;
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		if (kngg_region_add(t, argv[2], (const char *const *)&argv[3], n, &o) < 0)
			return EXIT_FAIL;
		printf("regio '%s': %zu %s toegevoegd\n", argv[2], n, n == 1 ? "gemeente" : "gemeenten");
		return EXIT_OK;
	}
	if (npos >= 1 && strcmp(argv[1], "list") == 0) {
		if (npos != 2)
			return cli_usage("region", "gebruik: kngg region list NAAM");
		if (o.date || o.by || o.note)
			return cli_usage("region", "'region list' heeft geen opties");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		return list(t, argv[2]);
	}
	return cli_usage("region", "welke opdracht? add of list");
}
