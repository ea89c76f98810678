/*
 * cmd_stakeholder.c: `kngg stakeholder add|list|show|assess`: the register
 * of professionals, their analyses over time and the influence/interest grid.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"
#include "kngg/export.h"
#include "kngg/table.h"
#include "util/util.h"

#define CMD "stakeholder"

struct sh_opts {
	kngg_track_opts o;
	kngg_stakeholder_in in;
	kngg_assessment a;
	const char *format, *as_of;
	int grid;
	cli_sheet_opts sheet;
	int wide; /* list: every column */
};

static const char *name_of(const kngg_person *p)
{
	return p->name ? p->name : "(gewist)";
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static int committed(const kngg_defs *defs, const kngg_assessment_rec *a)
{
	return a && a->commitment && kngg_commitment_counts(defs, a->commitment) == 1;
}

static int load_register(kngg_cli *cli, const char *code, const char *as_of,
			 kngg_register **r)
{
	kngg_tracker *t;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_register_load(t, code, as_of, r) < 0)
		return EXIT_FAIL;
	return EXIT_OK;
}

/* ---- add ------------------------------------------------------------------ */

static int sh_add(kngg_cli *cli, const cli_call *call)
{
	const struct sh_opts *op = call->opts;
	const kngg_track_opts o = op->o;
	const kngg_stakeholder_in in = op->in;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;

	if (!in.name)
		return cli_usage(CMD, "--name ontbreekt");
	if (!in.org)
		return cli_usage(CMD, "--org ontbreekt (de organisatie waar de stakeholder werkt)");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_stakeholder_add(t, args[0], &in, &o, &id) < 0)
		return EXIT_FAIL;
	printf("%s: stakeholder %lld toegevoegd: %s (%s)\n", args[0], (long long)id, in.name,
	       cli_org_name(t, args[0], in.org));
	return EXIT_OK;
}

/* ---- list: text --------------------------------------------------------------- */

enum { COL_ID, COL_NAME, COL_ORG, COL_FUNCTION, COL_LEVEL, COL_INFLUENCE, COL_INTEREST,
       COL_URGENCY, COL_STANCE, COL_COMMITMENT, COL_DATE, NCOLS };


typedef struct {
	char id[24];
	char commitment[64];
	const char *cell[NCOLS];
} list_row;

static void fill_row(const kngg_defs *defs, const kngg_stakeholder *s, list_row *row)
{
	const kngg_assessment_rec *a = s->latest;

	snprintf(row->id, sizeof(row->id), "%lld", (long long)s->person.id);
	row->cell[COL_ID] = row->id;
	row->cell[COL_NAME] = name_of(&s->person);
	row->cell[COL_ORG] = or_dash(s->person.org);
	row->cell[COL_FUNCTION] = or_dash(s->person.function);
	row->cell[COL_LEVEL] = or_dash(s->person.level);
	row->cell[COL_INFLUENCE] = or_dash(a ? a->influence : NULL);
	row->cell[COL_INTEREST] = or_dash(a ? a->interest : NULL);
	row->cell[COL_URGENCY] = or_dash(a ? a->urgency : NULL);
	row->cell[COL_STANCE] = or_dash(a ? a->stance : NULL);
	snprintf(row->commitment, sizeof(row->commitment), "%s%s",
		 or_dash(a ? a->commitment : NULL), committed(defs, a) ? " *" : "");
	row->cell[COL_COMMITMENT] = row->commitment;
	row->cell[COL_DATE] = or_dash(a ? a->date : NULL);
}

/* min 0: never cut; wide: only with --wide. In 80 columns the register
 * keeps who, where, level and commitment; the analysis is in --grid. */
static const cli_column list_cols[NCOLS] = {
	{"id", 0, 0, 0},          {"naam", 15, 0, 0},     {"organisatie", 15, 0, 0},
	{"functie", 0, 1, 0},     {"niveau", 0, 0, 0},     {"invloed", 0, 1, 0},
	{"belang", 0, 1, 0},      {"urgentie", 0, 1, 0},  {"houding", 0, 1, 0},
	{"commitment", 11, 0, 0}, {"analyse", 0, 1, 0}};

static int list_text(const kngg_defs *defs, const kngg_register *r, int wide)
{
	list_row *rows;
	const char **cells;
	const kngg_list *cl = kngg_defs_list(defs, "commitment");
	int ncommitted = 0;

	if (r->npeople == 0) {
		char line[256];

		snprintf(line, sizeof(line),
			 "%s heeft nog geen stakeholders; voeg toe met 'kngg stakeholder add %s --name NAAM --org ORG'",
			 r->code, r->code);
		print_wrapped(stdout, line, 0, 0);
		return EXIT_OK;
	}
	rows = calloc(r->npeople, sizeof(*rows));
	cells = calloc(r->npeople * NCOLS, sizeof(*cells));
	if (!rows || !cells) {
		free(rows);
		free(cells);
		return cli_fail("onvoldoende geheugen");
	}
	for (size_t i = 0; i < r->npeople; i++) {
		fill_row(defs, &r->people[i], &rows[i]);
		ncommitted += committed(defs, r->people[i].latest);
		for (int c = 0; c < NCOLS; c++)
			cells[i * NCOLS + (size_t)c] = rows[i].cell[c];
	}
	print_table(stdout, list_cols, NCOLS, cells, r->npeople, 0, wide);
	printf("\n%zu stakeholders, %d gecommitteerd (* telt als gecommitteerd: vanaf '%s')\n",
	       r->npeople, ncommitted, cl && cl->threshold ? cl->threshold : "toegezegd");
	if (!wide)
		printf("functie en de laatste analyse (invloed, belang, urgentie, houding, datum):\n"
		       "met --wide; het invloed/belang-raster: --grid\n");
	free(cells);
	free(rows);
	return EXIT_OK;
}

/* ---- list: the influence/interest grid ------------------------------------------ */

/* laag 0, middel 1, hoog 2; -1 for anything else. */
static int grade(const char *s)
{
	static const char *const grades[] = {"laag", "middel", "hoog"};

	for (int i = 0; s && i < 3; i++)
		if (strcmp(s, grades[i]) == 0)
			return i;
	return -1;
}

/* What to do with the people of a cell, by [influence][interest]. */
static const char *const grid_advice[3][3] = {
	{"monitoren", "informeren", "informeren"},
	{"monitoren", "raadplegen", "betrekken"},
	{"tevreden houden", "tevreden houden", "nauw betrekken"},
};

static const char *const grade_name[3] = {"laag", "middel", "hoog"};

typedef struct {
	const kngg_stakeholder **who; /* npeople slots per cell */
	size_t n[3][3];
	size_t width[4];  /* label column, then interest laag/middel/hoog */
	size_t height[3]; /* lines per influence row */
} grid_cells;

/* The np slots of the cell at influence inf, interest in. */
static const kngg_stakeholder **cell(const grid_cells *g, size_t np, int inf, int in)
{
	return g->who + (size_t)(inf * 3 + in) * np;
}

static size_t entry_width(const kngg_stakeholder *s)
{
	return 2 + utf8_width(name_of(&s->person)) + 2; /* "- NAME *" */
}

static void grid_fill(const kngg_register *r, grid_cells *g)
{
	for (size_t i = 0; i < r->npeople; i++) {
		const kngg_stakeholder *s = &r->people[i];
		int inf = grade(s->latest ? s->latest->influence : NULL);
		int in = grade(s->latest ? s->latest->interest : NULL);

		if (inf < 0 || in < 0)
			continue;
		cell(g, r->npeople, inf, in)[g->n[inf][in]++] = s;
	}
	g->width[0] = utf8_width("invloed middel");
	for (int in = 0; in < 3; in++) {
		g->width[in + 1] = utf8_width("belang middel");
		for (int inf = 0; inf < 3; inf++) {
			size_t w = utf8_width(grid_advice[inf][in]);

			if (w > g->width[in + 1])
				g->width[in + 1] = w;
			for (size_t k = 0; k < g->n[inf][in]; k++) {
				w = entry_width(cell(g, r->npeople, inf, in)[k]);
				if (w > g->width[in + 1])
					g->width[in + 1] = w;
			}
		}
	}
	for (int inf = 0; inf < 3; inf++) {
		g->height[inf] = 1;
		for (int in = 0; in < 3; in++)
			if (1 + g->n[inf][in] > g->height[inf])
				g->height[inf] = 1 + g->n[inf][in];
	}
}

static void grid_rule(const grid_cells *g)
{
	for (int c = 0; c < 4; c++) {
		for (size_t k = 0; k < g->width[c] + (c ? 2 : 1); k++)
			fputc('-', stdout);
		if (c < 3)
			fputc('+', stdout);
	}
	fputc('\n', stdout);
}

/* One line of a cell: the advice (line 0) or an entry. */
static void grid_cell_line(const kngg_defs *defs, const grid_cells *g, size_t np, int inf,
			   int in, size_t line)
{
	char entry[512];
	const char *text = "";

	if (line == 0) {
		text = grid_advice[inf][in];
	} else if (line - 1 < g->n[inf][in]) {
		const kngg_stakeholder *s = cell(g, np, inf, in)[line - 1];

		snprintf(entry, sizeof(entry), "- %s%s", name_of(&s->person),
			 committed(defs, s->latest) ? " *" : "");
		text = entry;
	}
	if (in == 2) {
		if (*text)
			printf(" %s", text); /* no trailing blanks */
	} else {
		fputc(' ', stdout);
		print_padded(stdout, text, g->width[in + 1] + 1);
	}
}

static void grid_print(const kngg_defs *defs, const kngg_register *r, const grid_cells *g)
{
	char label[32];

	print_padded(stdout, "", g->width[0] + 1);
	for (int in = 0; in < 3; in++) {
		snprintf(label, sizeof(label), "belang %s", grade_name[in]);
		fputs("| ", stdout);
		if (in == 2)
			fputs(label, stdout);
		else
			print_padded(stdout, label, g->width[in + 1] + 1);
	}
	fputc('\n', stdout);
	for (int inf = 2; inf >= 0; inf--) {
		grid_rule(g);
		for (size_t line = 0; line < g->height[inf]; line++) {
			snprintf(label, sizeof(label), "invloed %s", grade_name[inf]);
			print_padded(stdout, line == 0 ? label : "", g->width[0] + 1);
			for (int in = 0; in < 3; in++) {
				fputc('|', stdout);
				grid_cell_line(defs, g, r->npeople, inf, in, line);
			}
			fputc('\n', stdout);
		}
	}
}

static void grid_unassessed(const kngg_register *r)
{
	int n = 0;

	for (size_t i = 0; i < r->npeople; i++) {
		const kngg_stakeholder *s = &r->people[i];

		if (s->latest && grade(s->latest->influence) >= 0 && grade(s->latest->interest) >= 0)
			continue;
		if (n++ == 0)
			printf("\nnog niet geanalyseerd:\n");
		printf("  %lld  %s (%s)%s\n", (long long)s->person.id, name_of(&s->person),
		       or_dash(s->person.org), s->latest ? ": invloed of belang nog onbekend" : "");
	}
}

static int list_grid(const kngg_defs *defs, const kngg_register *r)
{
	grid_cells g = {0};

	if (r->npeople == 0) {
		printf("%s heeft nog geen stakeholders\n", r->code);
		return EXIT_OK;
	}
	if (!(g.who = calloc(9 * r->npeople, sizeof(*g.who))))
		return cli_fail("onvoldoende geheugen");
	grid_fill(r, &g);
	printf("%s: invloed en belang volgens de laatste analyse%s%s\n\n", r->code,
	       r->as_of ? " op " : "", r->as_of ? r->as_of : "");
	grid_print(defs, r, &g);
	grid_unassessed(r);
	printf("\n* telt als gecommitteerd\n");
	free(g.who);
	return EXIT_OK;
}

/* ---- list: CSV and xlsx ------------------------------------------------------------- */

static int list_sheet(const kngg_defs *defs, const kngg_register *r, const char *format,
		      const cli_sheet_opts *o)
{
	kngg_table *t = NULL;
	int rc;

	if (kngg_register_table(defs, r, &t) < 0)
		return cli_fail("onvoldoende geheugen");
	rc = cli_table_write(t, format, o);
	kngg_table_free(t);
	return rc;
}

/* ---- list: JSON ------------------------------------------------------------------- */

static int list_json(const kngg_defs *defs, const kngg_register *r)
{
	json_t *arr = json_array();
	int rc;

	for (size_t i = 0; i < r->npeople; i++)
		json_array_append_new(arr, kngg_stakeholder_json(defs, &r->people[i]));
	rc = json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(arr);
	if (rc != 0)
		return cli_fail("kan de JSON niet schrijven");
	printf("\n");
	return EXIT_OK;
}

static int sh_list(kngg_cli *cli, const cli_call *call)
{
	const struct sh_opts *op = call->opts;
	const char *format = op->format ? op->format : "text", *as_of = op->as_of;
	int grid = op->grid;
	char **args = call->args;
	kngg_register *r = NULL;
	int rc;

	if (strcmp(format, "text") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0 && strcmp(format, "xlsx") != 0)
		return cli_usage(CMD, "onbekend formaat '%s' (text, csv, xlsx of json)", format);
	if (grid && strcmp(format, "text") != 0)
		return cli_usage(CMD, "--grid is een tekstweergave; laat --format %s weg", format);
	if ((rc = cli_sheet_check(CMD, format, &op->sheet)) != EXIT_OK)
		return rc;
	if ((rc = load_register(cli, args[0], as_of, &r)) != EXIT_OK)
		return rc;
	if (grid)
		rc = list_grid(cli->defs, r);
	else if (format[0] == 'c' || format[0] == 'x')
		rc = list_sheet(cli->defs, r, format, &op->sheet);
	else if (format[0] == 'j')
		rc = list_json(cli->defs, r);
	else
		rc = list_text(cli->defs, r, op->wide);
	kngg_register_free(r);
	return rc;
}

/* ---- show ------------------------------------------------------------------------- */

static void show_person(const kngg_defs *defs, const char *code, const kngg_person *p)
{
	printf("%s stakeholder %lld: %s\n", code, (long long)p->id, name_of(p));
	if (p->org_type)
		printf("  organisatie    %s (%s)\n", or_dash(p->org),
		       kngg_defs_label(defs, "organisatietypen", p->org_type));
	else
		printf("  organisatie    %s\n", or_dash(p->org));
	printf("  functie        %s\n", or_dash(p->function));
	printf("  niveau         %s\n", or_dash(p->level));
	printf("  e-mail         %s\n", or_dash(p->email));
	printf("  telefoon       %s\n", or_dash(p->phone));
	printf("  geregistreerd  %s\n", or_dash(p->created_at));
	if (p->erased_at)
		printf("  gewist         %s\n", p->erased_at);
}

static void show_roles(const kngg_stakeholder *s)
{
	printf("\nrollen\n");
	if (s->nroles == 0)
		printf("  (geen)\n");
	for (size_t i = 0; i < s->nroles; i++) {
		const kngg_role_rec *rr = &s->roles[i];

		printf("  %s%s  ", rr->role, rr->deputy ? " (plaatsvervanger)" : "");
		if (rr->until)
			printf("%s → %s\n", rr->from, rr->until);
		else
			printf("sinds %s\n", rr->from);
	}
}

static void show_assessment(const kngg_assessment_rec *a, const kngg_assessment_rec *prev)
{
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);

	printf("  %s  ", a->date);
	if (!m) {
		printf("\n");
		return;
	}
	if (a->round)
		fprintf(m, "ronde %s", a->round);
	if (a->area)
		fprintf(m, " [%s]", a->area);
	fprintf(m, "%sbelang %s, invloed %s, urgentie %s, houding %s, ",
		a->round || a->area ? " " : "", or_dash(a->interest), or_dash(a->influence),
		or_dash(a->urgency), or_dash(a->stance));
	if (prev && prev->commitment && a->commitment && strcmp(prev->commitment, a->commitment))
		fprintf(m, "commitment: %s → %s", prev->commitment, a->commitment);
	else
		fprintf(m, "commitment %s", or_dash(a->commitment));
	if (a->by)
		fprintf(m, " (%s)", a->by);
	fclose(m);
	print_wrapped_at(stdout, text, 14, 14); /* 80 columns, under the analysis */
	free(text);
	if (a->note)
		print_wrapped(stdout, a->note, 14, 0);
}

/* "2026-02-01 geinformeerd → 2026-04-01 toegezegd": every change. */
static void show_commitment_path(const kngg_stakeholder *s)
{
	const char *last = NULL;

	printf("verloop commitment: ");
	for (size_t i = 0; i < s->nhistory; i++) {
		const kngg_assessment_rec *a = &s->history[i];

		if (!a->commitment || (last && strcmp(last, a->commitment) == 0))
			continue;
		printf("%s%s %s", last ? " → " : "", a->date, a->commitment);
		last = a->commitment;
	}
	printf("%s\n", last ? "" : "-");
}

static void show_history(const kngg_defs *defs, const kngg_stakeholder *s)
{
	printf("\nanalyses (oudste eerst)\n");
	if (s->nhistory == 0)
		printf("  (nog geen)\n");
	for (size_t i = 0; i < s->nhistory; i++)
		show_assessment(&s->history[i], i ? &s->history[i - 1] : NULL);
	printf("\n");
	show_commitment_path(s);
	printf("telt als gecommitteerd: %s\n", committed(defs, s->latest) ? "ja" : "nee");
}

static int sh_show(kngg_cli *cli, const cli_call *call)
{
	char **args = call->args;
	kngg_register *r = NULL;
	const kngg_stakeholder *s;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, args[1], &id)) != EXIT_OK)
		return rc;
	if ((rc = load_register(cli, args[0], NULL, &r)) != EXIT_OK)
		return rc;
	if (!(s = kngg_register_person(r, id))) {
		rc = cli_fail("%s heeft geen persoon %lld (zie 'kngg stakeholder list %s')",
			      args[0], (long long)id, args[0]);
	} else {
		show_person(cli->defs, args[0], &s->person);
		show_roles(s);
		show_history(cli->defs, s);
	}
	kngg_register_free(r);
	return rc;
}

/* ---- assess ----------------------------------------------------------------------- */

static void assess_echo(const kngg_assessment *a)
{
	const struct { const char *what, *value; } v[] = {
		{"belang", a->interest}, {"invloed", a->influence}, {"urgentie", a->urgency},
		{"houding", a->stance}, {"commitment", a->commitment}};
	int n = 0;

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		if (v[i].value)
			printf("%s%s %s", n++ ? ", " : ": ", v[i].what, v[i].value);
	printf("\n");
}

/* An analysis dated before the latest one of that person is history, not
 * the current picture: say which one stays the latest. Looked up after
 * the commit, so nothing here may fail. */
static void assess_backdated(kngg_tracker *t, const char *code, int64_t id)
{
	const kngg_stakeholder *s;
	kngg_register *r = NULL;
	int64_t newest = 0;
	int rc;

	kngg_tracker_set_diag(t, cli_quiet_diag, NULL);
	rc = kngg_register_load(t, code, NULL, &r);
	kngg_tracker_set_diag(t, cli_print_diag, NULL);
	if (rc < 0 || !r)
		return;
	if ((s = kngg_register_person(r, id)) != NULL) {
		for (size_t i = 0; i < s->nhistory; i++)
			if (s->history[i].event_id > newest)
				newest = s->history[i].event_id;
		if (s->latest && s->latest->event_id != newest) {
			char date[32], line[128];

			kngg_date_nl(s->latest->date, date);
			snprintf(line, sizeof(line), "let op: de analyse van %s blijft de laatste", date);
			cli_message(line, NULL);
		}
	}
	kngg_register_free(r);
}

static int sh_assess(kngg_cli *cli, const cli_call *call)
{
	const struct sh_opts *op = call->opts;
	const kngg_track_opts o = op->o;
	const kngg_assessment a = op->a;
	char **args = call->args;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if ((rc = cli_id(CMD, args[1], &id)) != EXIT_OK)
		return rc;
	if (!a.interest && !a.influence && !a.urgency && !a.stance && !a.commitment)
		return cli_usage(CMD, "geef minstens een van --interest, --influence, --urgency, --stance of --commitment");
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_stakeholder_assess(t, args[0], id, &a, &o) < 0)
		return EXIT_FAIL;
	printf("%s: analyse van stakeholder %lld vastgelegd", args[0], (long long)id);
	assess_echo(&a);
	fflush(stdout);
	if (a.commitment && !kngg_commitment_counts(kngg_tracker_defs(t), a.commitment)) {
		char line[128];

		snprintf(line, sizeof(line), "let op: '%s' telt nog niet als gecommitteerd",
			 a.commitment);
		cli_message(line, NULL);
	}
	assess_backdated(t, args[0], id);
	return EXIT_OK;
}

/* ---- import ----------------------------------------------------------------------- */

struct import_opts {
	kngg_track_opts o;
};

/* The name of path without its directories, for messages. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

/* 1 when the bytes are a zip (an .xlsx), whatever the name says. */
static int is_zip(const char *data, size_t len)
{
	return len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

static int sh_import(kngg_cli *cli, const cli_call *call)
{
	const struct import_opts *op = call->opts;
	char **args = call->args;
	const char *path = args[1], *file = base_name(path);
	kngg_import_counts n;
	kngg_table *tab = NULL;
	kngg_csv_info info = {0};
	kngg_tracker *t;
	char *data = NULL;
	size_t len = 0;
	int rc = EXIT_FAIL;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_read_file_max(path, KNGG_SHEET_FILE_MAX, cli_print_diag, NULL, &data, &len) < 0)
		return EXIT_FAIL;
	if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		cli_fail("%s is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx of als CSV",
			 file);
		goto done;
	}
	if (is_zip(data, len)) {
		const kngg_sheet_module *m = cli_sheet();

		if (!m || m->xlsx_read(data, len, file, cli_print_diag, NULL, &tab) < 0)
			goto done;
	} else if (kngg_csv_read(data, len, file, cli_print_diag, NULL, &tab, &info) < 0) {
		goto done;
	}
	if (info.cp1252) {
		char msg[512];

		snprintf(msg, sizeof(msg), "let op: %s is geen UTF-8; gelezen als Windows-1252", file);
		cli_message(msg, NULL);
	}
	if (kngg_stakeholder_import(t, args[0], tab, file, &op->o, &n) < 0)
		goto done;
	printf("%s: %d stakeholder%s geïmporteerd uit %s", args[0], n.persons,
	       n.persons == 1 ? "" : "s", file);
	if (n.orgs || n.analyses)
		printf(" (%d nieuwe organisatie%s, %d analyse%s)", n.orgs, n.orgs == 1 ? "" : "s",
		       n.analyses, n.analyses == 1 ? "" : "s");
	printf("\n");
	rc = EXIT_OK;
done:
	kngg_table_free(tab);
	free(data);
	return rc;
}

static const cli_option import_opts[] = {
	CLI_TRACK_OPTS(struct import_opts, o),
	CLI_OPT_END,
};

static const cli_option add_opts[] = {
	CLI_OPT_REQ(struct sh_opts, in.name, "name", "NAAM", "naam van de professional"),
	CLI_OPT_REQ(struct sh_opts, in.org, "org", "ORG", "de organisatie waar die werkt"),
	CLI_OPT(struct sh_opts, in.org_type, "org-type", "TYPE", "het type van die organisatie"),
	CLI_OPT(struct sh_opts, in.function, "function", "FUNCTIE", "de functie"),
	CLI_OPT(struct sh_opts, in.level, "level", "NIVEAU", "het niveau in de organisatie"),
	CLI_OPT(struct sh_opts, in.email, "email", "ADRES", "e-mailadres"),
	CLI_OPT(struct sh_opts, in.phone, "phone", "NUMMER", "telefoonnummer"),
	CLI_TRACK_OPTS(struct sh_opts, o),
	CLI_OPT_END,
};

static const cli_option list_opts[] = {
	CLI_FORMAT_OPT(struct sh_opts, format, "text|csv|xlsx|json"),
	CLI_FLAG_OPT(struct sh_opts, grid, "grid", "het invloed/belang-raster (tekst)"),
	CLI_SHEET_OPTS(struct sh_opts, sheet),
	CLI_ASOF_OPT(struct sh_opts, as_of),
	CLI_FLAG_OPT(struct sh_opts, wide, "wide", "alle kolommen, breder dan 80 kolommen"),
	CLI_OPT_END,
};

static const cli_option assess_opts[] = {
	CLI_OPT(struct sh_opts, a.interest, "interest", "M", "belang: laag, middel of hoog"),
	CLI_OPT(struct sh_opts, a.influence, "influence", "M", "invloed: laag, middel of hoog"),
	CLI_OPT(struct sh_opts, a.urgency, "urgency", "M", "urgentie: laag, middel of hoog"),
	CLI_OPT(struct sh_opts, a.stance, "stance", "H", "houding: tegen, neutraal of voor"),
	CLI_OPT(struct sh_opts, a.commitment, "commitment", "C",
		"onbekend, geïnformeerd, betrokken, toegezegd of formeel-vastgelegd"),
	CLI_OPT(struct sh_opts, a.round, "round", "STAP", "de stap die om de analyse vraagt"),
	CLI_AREA_OPT(struct sh_opts, o.area),
	CLI_TRACK_OPTS(struct sh_opts, o),
	CLI_OPT_END,
};

const cli_sub cmd_stakeholder_subs[] = {
	{"add", NULL, "CODE", sh_add, add_opts, sizeof(struct sh_opts),
	 "voeg een professional toe aan het register", NULL},
	{"list", NULL, "CODE", sh_list, list_opts, sizeof(struct sh_opts),
	 "het register met de laatste analyse van ieder", NULL},
	{"import", NULL, "CODE BESTAND", sh_import, import_opts, sizeof(struct import_opts),
	 "lees een register uit een CSV- of Excel-bestand (.xlsx); alles of niets", NULL},
	{"show", NULL, "CODE ID", sh_show, NULL, 0, "een stakeholder: rollen en analyses", NULL},
	{"assess", NULL, "CODE ID", sh_assess, assess_opts, sizeof(struct sh_opts),
	 "leg een analyse vast", NULL},
	CLI_SUB_END,
};
