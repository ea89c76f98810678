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

static int phases(kngg_cli *cli, const cli_call *call)
{
	const kngg_defs *defs;
	size_t idw = 0, width = 0;

	(void)call;
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

		idw = 0;
		for (size_t s = 0; s < ph->nsteps; s++)
			if (utf8_width(ph->steps[s].def.id) > idw)
				idw = utf8_width(ph->steps[s].def.id);
		printf("\nFase %d  %s%s\n", ph->number, ph->def.title, repeat_note(ph));
		printf("  ");
		print_padded(stdout, "", idw + 2 + width);
		printf("  act  opl  ond\n");
		for (size_t s = 0; s < ph->nsteps; s++) {
			const kngg_step *st = &ph->steps[s];

			printf("  ");
			print_padded(stdout, st->def.id, idw + 2);
			print_padded(stdout, st->def.title, width);
			printf("  %3zu  %3zu  %3zu\n", st->nactivities, st->ndeliverables, st->nsignoffs);
		}
	}
	printf("\nact = activiteiten, opl = opleveringen, ond = ondertekeningen. "
	       "Meer: kngg show ID\n");
	return EXIT_OK;
}

const cli_sub cmd_phases_subs[] = {
	{NULL, NULL, "", phases, NULL, 0, NULL, NULL},
	CLI_SUB_END,
};
