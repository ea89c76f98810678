/*
 * commands.c: the one table of kngg commands, with their help text.
 * A new command is one cmd_*.c file and one row here.
 */
#include <string.h>

#include "cli/cli.h"

const cmd_def kngg_commands[] = {
	{"phases", cmd_phases, "kngg phases",
	 "de routekaart: fasen en stappen met hun aantallen",
	 "Toont de vier fasen van de handreiking met hun stappen (fase 1-2) en\n"
	 "procesonderdelen (fase 3-4): id, titel en het aantal activiteiten,\n"
	 "opleveringen en ondertekeningen. Gebruik de ids met 'kngg show'.\n"},
	{"show", cmd_show, "kngg show ID",
	 "toon een fase, stap, activiteit, oplevering, ondertekening of factor",
	 "ID is een fase (1), stap of procesonderdeel (1.5, 3.proces), activiteit\n"
	 "(1.5/a2), oplevering (1.5/d1), ondertekening (1.5/s1) of essentiële\n"
	 "factor (draagvlak). Ook: quickscan/THEMA, monitoring/NIVEAU en\n"
	 "LIJST/ITEM (bijvoorbeeld rollen/wethouder).\n"
	 "Toont de samenvatting, alle onderdelen, wie tekent en de bron in de\n"
	 "handreiking.\n"},
	{"validate", cmd_validate, "kngg validate [MAP]",
	 "controleer definities tegen het schema en op samenhang",
	 "Controleert alle *.xml in MAP (standaard: de definities die kngg\n"
	 "gebruikt) tegen het schema phases/kngg.xsd en op samenhang: unieke ids,\n"
	 "kloppende verwijzingen, alle vier de fasen aanwezig. Elke fout is één\n"
	 "regel BESTAND:REGEL: melding. Exitcode 0 als alles klopt, anders 1.\n"},
	{"help", cmd_help, "kngg help [OPDRACHT]",
	 "hulp bij kngg of bij één opdracht", ""},
	{NULL, NULL, NULL, NULL, NULL},
};

const cmd_def *cmd_find(const char *name)
{
	for (const cmd_def *c = kngg_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
