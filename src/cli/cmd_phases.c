/*
 * cmd_phases.c: `kngg phases`: the roadmap of the guide.
 */
#include "cli/cli.h"

static const char *repeat_note(const kngg_phase *ph)
{
	switch (ph->repeat) {
	case KNGG_REPEAT_PER_AREA: return " (herhaalt per gebied en doelgroep)";
	case KNGG_REPEAT_PER_CYCLE:
		return ph->closable ? " (in cycli)" : " (in cycli, loopt door)";
	default: return "";
	}
}

struct phases_opts {
	int wide;
};

static int phases(kngg_cli *cli, const cli_call *call)
{
	const struct phases_opts *op = call->opts;
	const kngg_defs *defs;
	size_t idw = 0, width = 0;

	if (!(defs = cli_defs(cli)))
		return EXIT_FAIL;

	for (size_t p = 0; p < kngg_defs_phase_count(defs); p++) {
		const kngg_phase *ph = kngg_defs_phase(defs, p);

		for (size_t s = 0; s < ph->nsteps; s++) {
			if (utf8_width(ph->steps[s].def.title) > width)
				width = utf8_width(ph->steps[s].def.title);
		}
	}
	printf("Routekaart Kind naar Gezonder Gewicht (definities %s)\n", kngg_defs_version(defs));
	for (size_t p = 0; p < kngg_defs_phase_count(defs); p++) {
		const kngg_phase *ph = kngg_defs_phase(defs, p);
		size_t titlew = width;
		char head[256];

		idw = 0;
		for (size_t s = 0; s < ph->nsteps; s++)
			if (utf8_width(ph->steps[s].def.id) > idw)
				idw = utf8_width(ph->steps[s].def.id);
		/* "  ID  TITLE  act  opl  ond": a longer title is cut, unless --wide */
		if (!op->wide && 2 + idw + 2 + titlew + 15 > CLI_COLUMNS)
			titlew = CLI_COLUMNS - (2 + idw + 2 + 15);

		snprintf(head, sizeof(head), "Fase %d  %s%s", ph->number, ph->def.title,
			 repeat_note(ph));
		printf("\n");
		if (op->wide || utf8_width(head) <= CLI_COLUMNS)
			printf("%s\n", head);
		else
			print_wrapped_at(stdout, head, 0, 8);
		printf("  ");
		print_padded(stdout, "", idw + 2 + titlew);
		printf("  act  opl  ond\n");
		for (size_t s = 0; s < ph->nsteps; s++) {
			const kngg_step *st = &ph->steps[s];

			printf("  ");
			print_padded(stdout, st->def.id, idw + 2);
			print_cut(stdout, st->def.title, titlew, 1);
			printf("  %3zu  %3zu  %3zu\n", st->nactivities, st->ndeliverables, st->nsignoffs);
		}
	}
	printf("\nact = activiteiten, opl = opleveringen, ond = ondertekeningen.\n"
	       "Meer: kngg show ID; volledige titels: kngg phases --wide\n");
	return EXIT_OK;
}

static const cli_option phases_opts[] = {
	CLI_FLAG_OPT(struct phases_opts, wide, "wide", "volledige titels, breder dan 80 kolommen"),
	CLI_OPT_END,
};

const cli_sub cmd_phases_subs[] = {
	{NULL, NULL, "", phases, phases_opts, sizeof(struct phases_opts), NULL, NULL},
	CLI_SUB_END,
};
