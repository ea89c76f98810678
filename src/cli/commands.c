/*
 * commands.c: the one table of kngg commands, with their help text. The
 * subcommands, arguments and options of each are in its own cmd_*.c, next
 * to the code that runs them; usage text is generated from both. A new
 * command is one cmd_*.c file and one row here.
 */
#include <string.h>

#include "cli/cli.h"

const cmd_def kngg_commands[] = {
	{"init", cmd_init_subs,
	 "maak een nieuwe, lege database",
	 "Maakt de database (--db, anders KNGG_DB, anders ./kngg.db). Een bestaand\n"
	 "bestand wordt nooit overschreven.\n"},
	{"demo", cmd_demo_subs,
	 "maak een demodatabase met een fictieve gemeente halverwege fase 1",
	 "Speelt een script van gewone kngg-opdrachten af op een nieuwe database:\n"
	 "de fictieve gemeente Waterlinde (GM9999). --force vervangt een bestaande\n"
	 "kngg-database op dezelfde plek.\n"},
	{"municipality", cmd_municipality_subs,
	 "gemeenten: toevoegen, tonen, hernoemen",
	 "CODE is de CBS-code: GM en vier cijfers (GM0479 = Zaanstad). Een naam met\n"
	 "spaties staat tussen aanhalingstekens. add en rename nemen ook --date,\n"
	 "--by en --note.\n"},
	{"step", cmd_step_subs,
	 "leg vast dat een stap gestart, afgerond of heropend is",
	 "Datum: 1-7-2026, 1 juli 2026 of 2026-07-01, standaard vandaag; afronden en\n"
	 "heropenen kan niet in de toekomst. Stappen mogen in een andere volgorde;\n"
	 "dan volgt een waarschuwing met de eerdere stappen die nog open zijn.\n"
	 "Stappen van fase 2 horen bij een gebied (--area, verplicht);\n"
	 "procesonderdelen van fase 3 en 4 bij de lopende cyclus van die fase.\n"},
	{"activity", cmd_activity_subs,
	 "leg vast dat een activiteit (bijvoorbeeld 1.2/a3) gedaan is",
	 "Meer ids tegelijk en reeksen: 'kngg activity done GM0479 1.2/a1-a8' of\n"
	 "'1.2/a1 1.2/a3'. Alles of niets: bij één onbekend of al gedaan id wordt niets\n"
	 "vastgelegd. Zonder CODE geldt de standaardgemeente (kngg help config).\n"},
	{"deliverable", cmd_deliverable_subs,
	 "leg vast dat een oplevering (bijvoorbeeld 1.2/d1) klaar is",
	 "--document noemt het stuk: een titel, pad of link (kngg bewaart het\n"
	 "bestand zelf niet). Opnieuw vastleggen met een nieuw --document legt een\n"
	 "nieuwe versie vast.\n"},
	{"area", cmd_area_subs,
	 "gebieden (wijken) en doelgroepen voor fase 2",
	 "Het eerste gebied is het experiment: dat doorloopt 2.1 tot en met 2.5, en\n"
	 "als het klaar is, is fase 2 af. Een nieuwe wijk komt erbij via 2.5\n"
	 "(stakeholderanalyse en implementatieplan), een nieuwe doelgroep doorloopt\n"
	 "2.1 tot en met 2.3 opnieuw; die houden fase 2 niet open, want uitbreiden\n"
	 "gaat door in fase 3. Zonder --kind kiest kngg: het eerste gebied is het\n"
	 "experiment, een later gebied met een andere doelgroep een doelgroep, anders\n"
	 "een wijk.\n"},
	{"cycle", cmd_cycle_subs,
	 "begin een nieuwe cyclus van fase 3 of 4",
	 "Is de fase ervoor nog niet gereed, dan begint de cyclus toch (dat mag) en\n"
	 "volgt op stderr wat daar nog openstaat. Per ongeluk begonnen: trek de\n"
	 "gebeurtenis in met 'kngg correct' (alleen de laatste cyclus, zolang er\n"
	 "niets in is vastgelegd).\n"},
	{"quickscan", cmd_quickscan_subs,
	 "leg een QuickScan-score vast in de lopende cyclus",
	 "De schaal en de thema's staan in phases/quickscan.xml (kngg show\n"
	 "quickscan/THEMA).\n"},
	{"factor", cmd_factor_subs,
	 "leg een check van een essentiële factor vast",
	 "De schaal staat in phases/factoren.xml (standaard 1-5).\n"},
	{"org", cmd_org_subs,
	 "organisaties in het werkveld: toevoegen, hoofduitvoerder noemen, tonen",
	 "TYPE komt uit de lijst organisatietypen (kngg show organisatietypen/ggd;\n"
	 "bijvoorbeeld gemeente, ggd, jgz, wijkteam, ziekenhuis, huisartsen, onderwijs).\n"
	 "lead noemt een organisatie hoofduitvoerder: de belangrijkste\n"
	 "uitvoeringsorganisatie (vaak JGZ en wijkteam; de JGZ zit soms in de GGD).\n"
	 "Regels en ondertekeningen (zoals 1.1/s1) vragen die rol, niet een type.\n"
	 "Zolang er geen is genoemd, telt kngg JGZ en wijkteam als hoofduitvoerder.\n"},
	{"stakeholder", cmd_stakeholder_subs,
	 "stakeholders: register, analyses door de tijd, invloed/belang-raster",
	 "kngg bewaart alleen namen, functies en contactgegevens van professionals,\n"
	 "nooit gegevens over kinderen of gezinnen.\n\n"
	 "Een analyse (assess) legt belang, invloed en urgentie (laag/middel/hoog),\n"
	 "houding (tegen/neutraal/voor) en commitment vast (onbekend, geïnformeerd,\n"
	 "betrokken, toegezegd, formeel-vastgelegd). Wat je niet opgeeft, blijft\n"
	 "zoals bij de vorige analyse. Pas vanaf 'toegezegd' telt iemand als\n"
	 "gecommitteerd: geïnformeerd zijn is nog geen commitment. --round koppelt de\n"
	 "analyse aan de stap die erom vraagt (1.2, 1.7, 2.5 met --area).\n"},
	{"role", cmd_role_subs,
	 "rollen in het project (projectleider, kerngroep, stuurgroep, wethouder...)",
	 "Een wisseling wordt vastgelegd, niet overschreven: beëindig de oude rol en\n"
	 "wijs de nieuwe toe. --deputy: plaatsvervanger. --hours: uren per week,\n"
	 "--contribution: wat iemand in die rol inbrengt (beide voor het overzicht\n"
	 "projectorganisatie).\n\n"
	 "Eindigt een sleutelrol (projectleider, netwerkregisseur, kerngroep,\n"
	 "wethouder), dan vraagt kngg om een overdracht (zie 'kngg help handover');\n"
	 "--handover-to ID [--document STUK] legt die meteen vast.\n"},
	{"handover", cmd_handover_subs,
	 "overdracht van een sleutelrol, met open afspraken en contacten",
	 "Eindigt een sleutelrol (projectleider, netwerkregisseur, kerngroep,\n"
	 "wethouder), leg dan vast aan wie die overgaat, met het overdrachtsdocument.\n"
	 "kngg zet de open punten van wie vertrekt erbij: stakeholders die diegene\n"
	 "analyseerde of toevoegde, ondertekeningen die nog niet compleet zijn,\n"
	 "activiteiten van lopende stappen en de rollen van die dag. --contact voegt\n"
	 "een stakeholder uitdrukkelijk toe. Een document alleen is niet genoeg: ook\n"
	 "met een overdrachtsdocument gaat kennis verloren die niet op papier staat.\n"
	 "'kngg risks' noemt sleutelrollen die eindigden zonder overdracht.\n"},
	{"funding", cmd_funding_subs,
	 "financiering: bedragen, looptijd en waarvoor (structureel of tijdelijk)",
	 "Bedragen in euro zoals je ze schrijft: 45000, 45.000 of 45.000,50. Een\n"
	 "komma scheidt de centen, een punt alleen duizendtallen (12.5 is dus\n"
	 "onduidelijk en wordt geweigerd). kngg bewaart het bedrag exact, in centen.\n"
	 "Tijdelijke financiering heeft een --until; --structural mag zonder.\n"
	 "--for noemt een rol (netwerkregisseur) of een activiteit (1.2/a3).\n"
	 "'kngg risks' waarschuwt zes maanden voordat tijdelijke financiering\n"
	 "stopt zonder structurele opvolger, en als de netwerkregisseur in fase 3\n"
	 "of 4 geen financiering heeft (4.borging). Intrekken: 'kngg correct'.\n"},
	{"plan", cmd_plan_subs,
	 "planning: wanneer stappen af moeten zijn, gepland naast werkelijk",
	 "Met --due: leg de geplande datum vast van een of meer stappen (fase 2 per\n"
	 "gebied met --area, fase 3 en 4 per cyclus: --cycle N, standaard de lopende).\n"
	 "Een nieuwe planning van dezelfde stap vervangt de oude; het logboek houdt\n"
	 "beide. Intrekken met 'kngg correct'. Zonder --due: gepland, gestart,\n"
	 "afgerond en de afwijking per stap; --format ics geeft een agenda (iCalendar)\n"
	 "voor Outlook: een afspraak per stap, die bij een nieuwe planning meeschuift.\n"},
	{"risks", cmd_risks_subs,
	 "continuïteit: rollen zonder vervanger of overdracht, commitment, geld, afspraken, planning",
	 ""},
	{"signoff", cmd_signoff_subs,
	 "ondertekeningen en besluiten (go/no-go, akkoord) met wie, rol en stuk",
	 "Een no-go vraagt minstens een --argument. Een latere go wist een eerdere\n"
	 "no-go niet: de hele geschiedenis blijft zichtbaar. Tekent iemand met een\n"
	 "andere rol dan de ondertekening vraagt, dan legt --as ROL het mandaat vast.\n"
	 "\n"
	 "Punten die per organisatie getekend worden (1.6/s1, 1.7/s1, 2.1/s1, de 3.x-\n"
	 "punten, 4.borging/s1) vragen een set partijen. prepare legt die vast: de\n"
	 "genoemde organisaties, of zonder --org de set die kngg nu voorstelt (de\n"
	 "kerngroep, partners met commitment). Is een punt eenmaal compleet, dan blijft\n"
	 "het dat: de set van die dag telt. Een partner die later instapt of een\n"
	 "kerngroep die opgeheven wordt, geeft een waarschuwing (addendum), geen\n"
	 "terugval.\n"
	 "\n"
	 "Een overeenkomst (1.6, 1.7, fase 3, 4.borging) kan --valid-until DATUM\n"
	 "krijgen; drie maanden voor die dag meldt 'kngg risks' dat ze afloopt. Een\n"
	 "verlopen overeenkomst blijft meetellen (een waarschuwing, geen terugval).\n"
	 "Vernieuwen is opnieuw tekenen; de oude handtekening blijft in de\n"
	 "geschiedenis. Met --region NAAM tekent een regionale partner een keer voor\n"
	 "elke gemeente van de regio: alle of geen, en de ondertekenaar en de\n"
	 "organisatie moeten in het register van elke gemeente staan.\n"},
	{"correct", cmd_correct_subs,
	 "trek een vastgelegd feit in (met reden); het blijft in het logboek",
	 "GEBEURTENIS is het nummer uit 'kngg log'. Er wordt niets gewist: de\n"
	 "correctie is een nieuwe gebeurtenis. Ook het begin van een cyclus kan\n"
	 "worden ingetrokken: de laatste cyclus van een fase, zolang er niets in is\n"
	 "vastgelegd; de volgende 'kngg cycle start' krijgt dan weer dat nummer.\n"},
	{"verify", cmd_verify_subs,
	 "controleer het bestand en de keten van het logboek op wijzigingen buiten kngg om",
	 "Controleert het databasebestand zelf (SQLite integrity_check), herberekent de\n"
	 "SHA-256-keten over alle gebeurtenissen, controleert de verzegelde kop (laatste\n"
	 "gebeurtenis en aantal) en vergelijkt gemeenten, gebieden, cycli, organisaties\n"
	 "en personen met hun zegel in de keten. Noemt het eerste dat niet klopt.\n"
	 "\n"
	 "Toont daarna een ankerpunt (gebeurtenis:hash). Bewaar dat buiten de database;\n"
	 "--anchor controleert later dat de keten tot dat punt niet is herschreven. Wie\n"
	 "schrijfrechten en de broncode heeft, kan de hele keten opnieuw berekenen; alleen\n"
	 "een elders bewaard ankerpunt laat dat zien.\n"},
	{"person", cmd_person_subs,
	 "AVG: alles over een persoon exporteren (JSON) of de persoon wissen",
	 "erase wist naam, functie, e-mail en telefoon overal (ook in notities,\n"
	 "stukken en argumenten, ongeacht hoofdletters) en laat de geschiedenis staan:\n"
	 "'(gewist)' tekende op die datum in die rol. 'kngg verify' blijft slagen.\n"},
	{"readiness", cmd_readiness_subs,
	 "is de gemeente klaar voor de volgende stap of fase, en zo niet: waarom",
	 "Zonder --phase of --step: de fase waarin de gemeente volgens kngg zit.\n"
	 "--phase N vraagt of fase N af is (fase 3 en 4: de lopende cyclus). Fase 2\n"
	 "geldt per gebied: --area, of alle gebieden onder elkaar. --as-of geeft het\n"
	 "antwoord zoals het logboek het die dag gaf. De regels staan in\n"
	 "phases/gereedheid.xml. --region en --all: een regel per gemeente.\n"},
	{"phase", cmd_phase_subs,
	 "leg vast in welke fase de gemeente zich zelf ziet",
	 "status en readiness tonen die opgegeven fase naast de berekende.\n"},
	{"region", cmd_region_subs,
	 "regio's: gemeenten samen volgen (kngg readiness --region NAAM)", ""},
	{"export", cmd_export_subs,
	 "alles over een gemeente als een document (JSON of XML), voor sjablonen en andere tools",
	 "Fasen, stappen, activiteiten en opleveringen per gebied en cyclus,\n"
	 "organisaties, stakeholders met analyses en rollen, ondertekeningen,\n"
	 "factorchecks, QuickScan-scores en de gereedheid. Bevat namen van\n"
	 "professionals: behandel het als persoonsgegevens.\n"},
	{"doc", cmd_doc_subs,
	 "stukken (projectplan, besluitnotitie, ...) ingevuld met wat is vastgelegd",
	 "Elk sjabloon in templates/ maakt een stuk dat al bevat wat kngg weet:\n"
	 "stakeholders, besluiten, stappen, gereedheid. Wat alleen een mens kan\n"
	 "schrijven staat er als [In te vullen: ...]. Zonder -o gaan md en html naar\n"
	 "stdout; het formaat volgt anders uit de extensie van -o. Een bestaand\n"
	 "bestand wordt alleen met --force vervangen. --area: het gebied (fase 2),\n"
	 "--cycle: de cyclus (fase 3 en 4), --since: begin van de periode van een\n"
	 "voortgangsrapportage (standaard een jaar terug, niet voor de start).\n"
	 "Sjablonen uit --templates, KNGG_TEMPLATES of de geïnstalleerde map.\n"},
	{"serve", cmd_serve_subs,
	 "de webinterface: routekaart, stappen, stakeholders, gereedheid en stukken in de browser",
	 "Luistert standaard op 127.0.0.1:8080 (alleen deze computer). Zonder accounts\n"
	 "mag daar iedereen alles; zodra er accounts zijn (kngg user add) moet ieder\n"
	 "inloggen. Op een ander adres luisteren kan alleen met accounts. --open\n"
	 "opent de browser; --secure-cookie zet de sessiecookie op Secure (achter\n"
	 "HTTPS). Achter een reverse proxy (nginx, Apache) noemt --host de naam waaronder\n"
	 "gebruikers kngg bereiken; de proxy geeft die door als Host.\n"
	 "Elke wijziging gaat het logboek in op naam van de persoon aan wie het account\n"
	 "gekoppeld is (kngg user set NAAM --person CODE:PERSOON).\n"
	 "Poort 0 kiest een vrije poort; het adres staat op de eerste regel.\n"},
	{"user", cmd_user_subs,
	 "accounts voor de webinterface (kngg serve)",
	 "Het wachtwoord (minstens " KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) " tekens) wordt gevraagd, of gelezen als eerste\n"
	 "regel van de invoer. Een lezer leest, een projectleider legt vast voor de\n"
	 "eigen gemeenten (--municipality, verplicht), een beheerder mag alles en\n"
	 "beheert accounts. Met --municipality ziet een account alleen die gemeenten.\n"
	 "Wachtwoorden worden bewaard als Argon2id-hash. Een account dat op de website\n"
	 "vastlegt, hoort per gemeente bij een persoon uit het register (--person);\n"
	 "zonder die koppeling weigert de website het vastleggen.\n"},
	{"status", cmd_status_subs,
	 "stand van zaken: per fase elke stap, data, wie, open activiteiten",
	 "--as-of toont de stand zoals het logboek die op die dag had.\n"},
	{"log", cmd_log_subs,
	 "het logboek: elke vastgelegde gebeurtenis", ""},
	{"phases", cmd_phases_subs,
	 "de routekaart: fasen en stappen met hun aantallen",
	 "Toont de vier fasen van de handreiking met hun stappen (fase 1-2) en\n"
	 "procesonderdelen (fase 3-4): id, titel en het aantal activiteiten,\n"
	 "opleveringen en ondertekeningen. Gebruik de ids met 'kngg show'.\n"},
	{"show", cmd_show_subs,
	 "toon een fase, stap, activiteit, oplevering, ondertekening of factor",
	 "ID is een fase (1), stap of procesonderdeel (1.5, 3.proces), activiteit\n"
	 "(1.5/a2), oplevering (1.5/d1), ondertekening (1.5/s1) of essentiële\n"
	 "factor (draagvlak). Ook: quickscan/THEMA, monitoring/NIVEAU en\n"
	 "LIJST/ITEM (bijvoorbeeld rollen/wethouder).\n"
	 "Toont de samenvatting, alle onderdelen, wie tekent en de bron in de\n"
	 "handreiking.\n"},
	{"validate", cmd_validate_subs,
	 "controleer definities tegen het schema en op samenhang",
	 "Controleert alle *.xml in MAP (standaard: de definities die kngg\n"
	 "gebruikt) tegen het schema phases/kngg.xsd en op samenhang: unieke ids,\n"
	 "kloppende verwijzingen, alle vier de fasen aanwezig. Elke fout is één\n"
	 "regel BESTAND:REGEL: melding. Exitcode 0 als alles klopt, anders 1.\n"},
	{"config", cmd_config_subs,
	 "standaardwaarden: wie vastlegt (door) en voor welke gemeente",
	 "Zonder argumenten: het configuratiebestand en de standaardwaarden. Met\n"
	 "SLEUTEL WAARDE: zet een standaard (een lege WAARDE wist hem). Sleutels:\n"
	 "door (voor --by: een naam uit het register) en gemeente (een CBS-code of\n"
	 "naam). Het bestand is $XDG_CONFIG_HOME/kngg/config, anders\n"
	 "~/.config/kngg/config, met regels 'sleutel = waarde'. KNGG_BY en\n"
	 "KNGG_GEMEENTE gaan voor het bestand; een argument op de opdrachtregel gaat\n"
	 "altijd voor. Zonder standaardgemeente geldt de enige gemeente in de\n"
	 "database, als er één is. Een eerste argument dat een CBS-code (ook gm0479)\n"
	 "of de naam van een bekende gemeente is, is de gemeente; anders geldt de\n"
	 "standaard (stap-ids als 1.2 zijn nooit een gemeente). Een standaard voor\n"
	 "--by die niet in het register staat, wordt niet gebruikt (met een\n"
	 "waarschuwing): kngg voegt nooit stilzwijgend een persoon toe.\n"},
	{"help", cmd_help_subs,
	 "hulp bij kngg of bij één opdracht", ""},
	{NULL, NULL, NULL, NULL},
};

const cmd_def *cmd_find(const char *name)
{
	for (const cmd_def *c = kngg_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
