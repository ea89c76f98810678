/*
 * cmd_area.c: `kngg area add CODE NAME [--target-group TEXT] [--kind SOORT]`,
 * `area list CODE`. Phase 2 runs per area: the first experiment, new wijken
 * (via 2.5) and new target groups (2.1-2.3 again).
 */
#include <string.h>

#include "cli/cli.h"

static const char *kind_text(kngg_area_kind k)
{
	switch (k) {
	case KNGG_AREA_EXPERIMENT: return "experiment: 2.1 tot en met 2.5";
	case KNGG_AREA_WIJK: return "nieuwe wijk: via 2.5";
	case KNGG_AREA_DOELGROEP: return "nieuwe doelgroep: 2.1 tot en met 2.3";
	default: return "";
	}
}

static int list_areas(kngg_tracker *t, const char *code)
{
	kngg_status *s = NULL;
	const kngg_phase_status *ps;

	if (kngg_status_load(t, code, NULL, &s) < 0)
		return EXIT_FAIL;
	ps = &s->phases[1];
	for (size_t i = 0; i < ps->nruns; i++) {
		const kngg_run_status *run = &ps->runs[i];

		printf("%s (%s)", run->label ? run->label : "?", kind_text(run->kind));
		if (run->target_group)
			printf(" — doelgroep %s", run->target_group);
		printf(", sinds %s\n", run->started ? run->started : "?");
	}
	if (ps->nruns == 0)
		printf("%s heeft nog geen gebieden\n", code);
	kngg_status_free(s);
	return EXIT_OK;
}

int cmd_area(kngg_cli *cli, int argc, char **argv)
{
	kngg_track_opts o = {0};
	const char *group = NULL, *kind = NULL;
	const cli_opt opts[] = {CLI_TRACK_OPTS(o), {"target-group", 0, 1, &group, NULL},
				{"kind", 0, 1, &kind, NULL}, {NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc;

	rc = cli_parse("area", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos >= 1 && strcmp(argv[1], "add") == 0) {
		if (npos != 3)
			return cli_usage("area", "gebruik: kngg area add CODE NAAM [--target-group TEKST] [--kind experiment|wijk|doelgroep]");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		if (kngg_track_area_add(t, argv[2], argv[3], group, kind, &o) < 0)
			return EXIT_FAIL;
		printf("%s: gebied '%s' toegevoegd\n", argv[2], argv[3]);
		return EXIT_OK;
	}
	if (npos >= 1 && strcmp(argv[1], "list") == 0) {
		if (npos != 2)
			return cli_usage("area", "gebruik: kngg area list CODE");
		if (group || kind || o.date || o.by || o.note)
			return cli_usage("area", "'area list' heeft geen opties");
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		return list_areas(t, argv[2]);
	}
	return cli_usage("area", "welke opdracht? add of list");
}
