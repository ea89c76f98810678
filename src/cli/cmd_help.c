/*
 * cmd_help.c: `kngg help [COMMAND]` and the overview of all commands.
 */
#include "cli/cli.h"

void cli_print_overview(FILE *f)
{
	fputs("kngg: volg de lokale aanpak Kind naar Gezonder Gewicht stap voor stap\n\n"
	      "gebruik: kngg [--phases MAP] [--db BESTAND] OPDRACHT [ARGUMENTEN]\n\n"
	      "Opdrachten:\n", f);
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		fputs("  ", f);
		print_padded(f, c->name, 14);
		fprintf(f, "%s\n", c->summary);
	}
	fputs("\nAlgemene opties (vóór de opdracht):\n"
	      "  --phases MAP   definities uit MAP (anders KNGG_PHASES, anders de\n"
	      "                 geïnstalleerde definities)\n"
	      "  --db BESTAND   database (anders KNGG_DB, anders ./kngg.db)\n"
	      "  --version      toon de versie\n"
	      "  --help         deze hulp\n\n"
	      "Meer over één opdracht: kngg help OPDRACHT\n", f);
}

int cmd_help(kngg_cli *cli, int argc, char **argv)
{
	const cmd_def *c;
	int npos = 0, shown = 0, rc;

	(void)cli;
	rc = cli_parse("help", argc, argv, (const cli_opt[]){{NULL, 0, 0, NULL, NULL}}, &npos,
		       &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos == 0) {
		cli_print_overview(stdout);
		return EXIT_OK;
	}
	if (npos > 1)
		return cli_usage("help", "te veel argumenten");
	c = cmd_find(argv[1]);
	if (!c)
		return cli_usage(NULL, "onbekende opdracht '%s'", argv[1]);
	cli_print_help(stdout, c);
	return EXIT_OK;
}

