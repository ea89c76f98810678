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
			int r = kngg_municipality_get(t, codes.codes[i], print_member, NULL);

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

struct region_opts {
	kngg_track_opts o;
};

static int add(kngg_cli *cli, const cli_call *call)
{
	const struct region_opts *a = call->opts;
	size_t n = (size_t)call->nargs - 1;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_region_add(t, call->args[0], (const char *const *)&call->args[1], n, &a->o) < 0)
		return EXIT_FAIL;
	printf("regio '%s': %zu %s toegevoegd\n", call->args[0], n, n == 1 ? "gemeente" : "gemeenten");
	return EXIT_OK;
}

static int list_(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return list(t, call->args[0]);
}

static const cli_option add_opts[] = {
	CLI_TRACK_OPTS(struct region_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_region_subs[] = {
	{"add", NULL, "NAAM CODE...", add, add_opts, sizeof(struct region_opts),
	 "voeg gemeenten toe aan een regio (alle of geen)",
	 "noem na de naam van de regio minstens een gemeente, als CBS-code"},
	{"list", NULL, "NAAM", list_, NULL, 0, "de gemeenten van een regio", NULL},
	CLI_SUB_END,
};
