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

struct area_opts {
	kngg_track_opts o;
	const char *group, *kind;
};

static int add(kngg_cli *cli, const cli_call *call)
{
	const struct area_opts *a = call->opts;
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_track_area_add(t, call->args[0], call->args[1], a->group, a->kind, &a->o) < 0)
		return EXIT_FAIL;
	printf("%s: gebied '%s' toegevoegd\n", call->args[0], call->args[1]);
	return EXIT_OK;
}

static int list(kngg_cli *cli, const cli_call *call)
{
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return list_areas(t, call->args[0]);
}

static const cli_option add_opts[] = {
	CLI_TRACK_OPTS(struct area_opts, o),
	CLI_OPT(struct area_opts, group, "target-group", "TEKST", "de doelgroep van het gebied"),
	CLI_OPT(struct area_opts, kind, "kind", "experiment|wijk|doelgroep",
		"de soort (zonder: kngg kiest)"),
	CLI_OPT_END,
};

const cli_sub cmd_area_subs[] = {
	{"add", NULL, "CODE NAAM", add, add_opts, sizeof(struct area_opts), "voeg een gebied toe",
	 CLI_HINT_QUOTED},
	{"list", NULL, "CODE", list, NULL, 0, "de gebieden van een gemeente", NULL},
	CLI_SUB_END,
};
