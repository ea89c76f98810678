/*
 * cmd_readiness.c: `kngg readiness CODE [--phase N | --step ID] [--area G]
 * [--as-of D] [--format text|json|md]`: is a municipality ready for the next
 * step or phase, and if not, why; `kngg readiness --region NAAM | --all`:
 * one row per municipality (calculated and declared phase, blockers).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/util.h"
#include "cli/json.h"
#include "kngg/export.h"

/* ---- what is still open, after a write that the guide allows early ------------- */

#define OPEN_LINES 6 /* at most this many items; the rest is counted */

void cli_quiet_diag(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

size_t cli_warn_open(kngg_tracker *t, const char *code, int phase, const char *step,
		     const char *area, const char *what)
{
	kngg_readiness *r = NULL;
	size_t n = 0;
	int rc;

	/* after a commit nothing may fail: an answer that cannot be loaded
	 * only means no warning */
	kngg_tracker_set_diag(t, cli_quiet_diag, NULL);
	rc = kngg_readiness_load(t, code, phase, step, area, NULL, &r);
	kngg_tracker_set_diag(t, cli_print_diag, NULL);
	if (rc < 0 || !r)
		return 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const kngg_readiness_section *sec = &r->sections[i];

		if (!sec->gating)
			continue;
		for (size_t j = 0; j < sec->nresults; j++) {
			const kngg_rule_result *res = &sec->results[j];
			char line[512];

			if (res->met || !res->binding)
				continue;
			if (n++ == 0) {
				snprintf(line, sizeof(line), "let op: %s; nog open:", what);
				cli_message(line, NULL);
			}
			if (n <= OPEN_LINES) {
				snprintf(line, sizeof(line), "let op: - %s%s%s",
					 sec->area ? sec->area : "", sec->area ? ": " : "", res->text);
				/* one terminal line: "kngg: " and 74 columns */
				cli_message(cut_to_width(line, 74), NULL);
			}
		}
	}
	if (n > OPEN_LINES) {
		char line[256], scope[64];

		if (step)
			snprintf(scope, sizeof(scope), "--step %s", step);
		else
			snprintf(scope, sizeof(scope), "--phase %d", phase);
		snprintf(line, sizeof(line), "let op: en nog %zu; zie 'kngg readiness %s %s'",
			 n - OPEN_LINES, code, scope);
		cli_message(line, NULL);
	}
	kngg_readiness_free(r);
	return n;
}

/* ---- shared ------------------------------------------------------------------ */

/* "verschil: ..." text when the declared phase differs from the calculated
 * one, into buf; 0 when they agree or nothing was declared. */
static int difference(const kngg_readiness *r, char *buf, size_t len)
{
	int d = r->declared_phase, c = r->calculated_phase;

	if (d == 0 || d == c)
		return 0;
	if (d > c)
		snprintf(buf, len,
			 "de projectleider ziet de gemeente in fase %d; volgens het logboek is fase %d nog niet af",
			 d, c);
	else if (c - 1 == d)
		snprintf(buf, len,
			 "de projectleider ziet de gemeente in fase %d; volgens het logboek is fase %d al af",
			 d, d);
	else
		snprintf(buf, len,
			 "de projectleider ziet de gemeente in fase %d; volgens het logboek zijn fase %d tot en met %d al af",
			 d, d, c - 1);
	return 1;
}

/* "berekende fase: N; opgegeven fase: ..." into buf. */
static void phase_line(const kngg_readiness *r, char *buf, size_t len)
{
	if (r->declared_phase)
		snprintf(buf, len, "berekende fase: %d; opgegeven fase: %d%s%s", r->calculated_phase,
			 r->declared_phase, r->declared_on ? " sinds " : "",
			 r->declared_on ? r->declared_on : "");
	else
		snprintf(buf, len, "berekende fase: %d; opgegeven fase: nog niet opgegeven",
			 r->calculated_phase);
}

/* Gating sections not ready (a later wijk or doelgroep does not gate). */
static size_t sections_not_ready(const kngg_readiness *r)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nsections; i++)
		if (!r->sections[i].ready && r->sections[i].gating)
			n++;
	return n;
}

/* "NIET GEREED: 3 van 15 regels ontbreken; 2 adviezen" into buf. */
static void section_head(const kngg_readiness_section *sec, char *buf, size_t len)
{
	size_t binding = 0;
	int n;

	for (size_t i = 0; i < sec->nresults; i++)
		binding += sec->results[i].binding;
	if (sec->ready)
		n = snprintf(buf, len, "GEREED");
	else
		n = snprintf(buf, len, "NIET GEREED: %d van %zu %s %s", sec->nmissing, binding,
			     binding == 1 ? "regel" : "regels",
			     sec->nmissing == 1 ? "ontbreekt" : "ontbreken");
	if (sec->nadvice && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "; %d %s (niet bindend)", sec->nadvice,
			 sec->nadvice == 1 ? "advies" : "adviezen");
}

/* ---- text ------------------------------------------------------------------------ */

static void section_text(const kngg_readiness_section *sec)
{
	char head[160];

	section_head(sec, head, sizeof(head));
	printf("%s\n", head);
	for (size_t i = 0; i < sec->nresults; i++) {
		const kngg_rule_result *res = &sec->results[i];
		const char *text = res->text ? res->text : res->id ? res->id : "?";

		/* ✓ met, ✗ missing (binding), ~ advice: the guide does not require it */
		fputs(res->met ? "  ✓ " : res->binding ? "  ✗ " : "  ~ ", stdout);
		if (!res->met && !res->binding) {
			char line[1024];

			snprintf(line, sizeof(line), "advies: %s", text);
			print_wrapped_at(stdout, line, 4, 4);
		} else {
			print_wrapped_at(stdout, text, 4, 4);
		}
		if (res->met)
			continue;
		if (res->fix)
			/* broken with " \\" between words: a copy still runs */
			print_command(stdout, "→ ", res->fix, 4);
		if (res->lines)
			printf("    (handreiking, regels %s)\n", res->lines);
	}
}

static int readiness_text(const kngg_readiness *r, const char *scope)
{
	char line[512];

	printf("%s %s — gereedheid %s (stand op %s)\n", r->code, r->name ? r->name : "", scope,
	       r->as_of ? r->as_of : "");
	phase_line(r, line, sizeof(line));
	printf("%s\n", line);
	if (difference(r, line, sizeof(line)))
		printf("verschil: %s\n", line); /* one line, like the two above */
	if (r->nsections == 1) {
		printf("\n");
		section_text(&r->sections[0]);
	} else {
		size_t open = sections_not_ready(r);

		if (open)
			printf("\ntotaal: NIET GEREED (%zu van %zu onderdelen niet gereed)\n", open,
			       r->nsections);
		else
			printf("\ntotaal: GEREED (alle %zu onderdelen)\n", r->nsections);
		for (size_t i = 0; i < r->nsections; i++) {
			printf("\n%s\n", r->sections[i].scope ? r->sections[i].scope : scope);
			section_text(&r->sections[i]);
		}
	}
	if (r->nwarnings == 0) {
		printf("\nwaarschuwingen: geen\n");
		return EXIT_OK;
	}
	printf("\nwaarschuwingen:\n");
	for (size_t i = 0; i < r->nwarnings; i++) {
		fputs("  ! ", stdout);
		print_wrapped_at(stdout, r->warnings[i], 4, 4);
	}
	return EXIT_OK;
}

/* ---- JSON ------------------------------------------------------------------------- */

static int readiness_json(const kngg_readiness *r)
{
	json_t *top = kngg_readiness_json(r);
	int rc = EXIT_OK;

	if (top && json_dumpf(top, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
		printf("\n");
	else
		rc = cli_fail("kan de JSON niet schrijven");
	json_decref(top);
	return rc;
}

/* ---- Markdown ----------------------------------------------------------------------- */

/* Text with the characters Markdown would read as markup escaped. */
static void md_text(const char *s)
{
	for (; s && *s; s++) {
		if (strchr("\\`*_[]<>|#", *s))
			putchar('\\');
		putchar(*s);
	}
}

/* A code span that survives backticks in s. */
static void md_code(const char *s)
{
	size_t run = 0, longest = 0;

	for (const char *p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	for (size_t i = 0; i <= longest; i++)
		putchar('`');
	printf(longest ? " %s " : "%s", s);
	for (size_t i = 0; i <= longest; i++)
		putchar('`');
}

static void section_md(const kngg_readiness_section *sec)
{
	char head[160];

	section_head(sec, head, sizeof(head));
	printf("**");
	md_text(head);
	printf("**\n\n");
	for (size_t i = 0; i < sec->nresults; i++) {
		const kngg_rule_result *res = &sec->results[i];

		printf("- [%c] %s", res->met ? 'x' : ' ', !res->met && !res->binding ? "*advies*: " : "");
		md_text(res->text ? res->text : res->id);
		if (res->lines)
			printf(" (handreiking, regels %s)", res->lines);
		putchar('\n');
		if (res->met)
			continue;
		if (res->rule && res->rule->why) {
			printf("  - waarom: ");
			md_text(res->rule->why);
			putchar('\n');
		}
		if (res->fix) {
			printf("  - zo los je het op: ");
			md_code(res->fix);
			putchar('\n');
		}
	}
}

static int readiness_md(const kngg_readiness *r, const char *scope)
{
	char line[512];

	printf("# Gereedheid ");
	md_text(r->code);
	putchar(' ');
	md_text(r->name);
	printf(": ");
	md_text(scope);
	printf("\n\n");
	phase_line(r, line, sizeof(line));
	printf("Stand op %s. ", r->as_of ? r->as_of : "");
	/* "berekende fase: ..." with a capital for the sentence */
	printf("B");
	md_text(line + 1);
	printf(".\n\n");
	if (difference(r, line, sizeof(line))) {
		printf("> **Verschil**: ");
		md_text(line);
		printf("\n\n");
	}
	if (r->nsections == 1) {
		section_md(&r->sections[0]);
	} else {
		size_t open = sections_not_ready(r);

		if (open)
			printf("**Totaal: niet gereed** (%zu van %zu onderdelen niet gereed)\n", open,
			       r->nsections);
		else
			printf("**Totaal: gereed** (alle %zu onderdelen)\n", r->nsections);
		for (size_t i = 0; i < r->nsections; i++) {
			printf("\n## ");
			md_text(r->sections[i].scope ? r->sections[i].scope : scope);
			printf("\n\n");
			section_md(&r->sections[i]);
		}
	}
	printf("\n## Waarschuwingen\n\n");
	if (r->nwarnings == 0)
		printf("Geen.\n");
	for (size_t i = 0; i < r->nwarnings; i++) {
		printf("- ");
		md_text(r->warnings[i]);
		putchar('\n');
	}
	return EXIT_OK;
}

/* ---- one municipality ------------------------------------------------------------------- */

static int one(kngg_tracker *t, const char *code, int phase, const char *step, const char *area,
	       const char *as_of, const char *format)
{
	kngg_readiness *r = NULL;
	int rc;

	if (kngg_readiness_load(t, code, phase, step, area, as_of, &r) < 0)
		return EXIT_FAIL;
	if (strcmp(format, "json") == 0)
		rc = readiness_json(r);
	else if (strcmp(format, "md") == 0)
		rc = readiness_md(r, r->scope);
	else
		rc = readiness_text(r, r->scope);
	kngg_readiness_free(r);
	return rc;
}

/* ---- many municipalities ------------------------------------------------------------------- */

/* One row of the overview; the strings are malloc'd. */
typedef struct {
	char *code, *name, *stalled;
	int calculated, declared, ready;
	long blockers, advice, warnings;
} row;

typedef struct {
	row *rows;
	size_t n, cap;
	char date[11]; /* the date answered for */
} row_list;

static void rows_free(row_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->rows[i].code);
		free(l->rows[i].name);
		free(l->rows[i].stalled);
	}
	free(l->rows);
}

/* Adds the row of a review (a kngg_readiness_fn): copies what it needs, as
 * the review is freed before the next. */
static int add_row(void *ctx, const kngg_readiness *r)
{
	row_list *l = ctx;
	row *rw;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		row *p = realloc(l->rows, cap * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		l->rows = p;
		l->cap = cap;
	}
	rw = &l->rows[l->n++];
	memset(rw, 0, sizeof(*rw));
	rw->calculated = r->calculated_phase;
	rw->declared = r->declared_phase;
	rw->ready = r->ready;
	for (size_t i = 0; i < r->nsections; i++) {
		rw->blockers += r->sections[i].nmissing;
		rw->advice += r->sections[i].nadvice;
	}
	rw->warnings = (long)r->nwarnings;
	rw->code = strdup(r->code ? r->code : "");
	rw->name = strdup(r->name ? r->name : "");
	rw->stalled = r->oldest_stalled ? strdup(r->oldest_stalled) : NULL;
	if (!rw->code || !rw->name || (r->oldest_stalled && !rw->stalled))
		return KNGG_ENOMEM;
	if (!l->date[0] && r->as_of)
		snprintf(l->date, sizeof(l->date), "%s", r->as_of);
	return 0;
}

static int rows_json(const row *rows, size_t n)
{
	json_t *arr = json_array();
	int rc = EXIT_OK;

	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "municipality", jstr(rows[i].code));
		json_object_set_new(o, "name", jstr(rows[i].name));
		json_object_set_new(o, "calculated_phase", json_integer(rows[i].calculated));
		json_object_set_new(o, "declared_phase",
				    rows[i].declared ? json_integer(rows[i].declared) : json_null());
		json_object_set_new(o, "ready", json_boolean(rows[i].ready));
		json_object_set_new(o, "blockers", json_integer(rows[i].blockers));
		json_object_set_new(o, "advice", json_integer(rows[i].advice));
		json_object_set_new(o, "warnings", json_integer(rows[i].warnings));
		json_object_set_new(o, "oldest_stalled", jstr(rows[i].stalled));
		json_array_append_new(arr, o);
	}
	if (json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
		printf("\n");
	else
		rc = cli_fail("kan de JSON niet schrijven");
	json_decref(arr);
	return rc;
}

/* The rows as a table (CSV, xlsx): phases and blockers as numbers, the
 * oldest stalled step as its id. */
static int rows_sheet(const row *rows, size_t n, const char *format, const cli_sheet_opts *o)
{
	static const char *const head[] = {"municipality", "name", "calculated_phase",
					   "declared_phase", "ready", "blockers", "oldest_stalled"};
	kngg_table *t = kngg_table_new("gereedheid", 7, head);
	int rc = t ? 0 : KNGG_ENOMEM;

	for (size_t i = 0; rc == 0 && i < n; i++) {
		if ((rc = kngg_table_row(t, 0)) == 0 && (rc = kngg_table_text(t, 0, rows[i].code)) == 0 &&
		    (rc = kngg_table_text(t, 1, rows[i].name)) == 0 &&
		    (rc = kngg_table_number(t, 2, rows[i].calculated)) == 0 &&
		    (!rows[i].declared || (rc = kngg_table_number(t, 3, rows[i].declared)) == 0) &&
		    (rc = kngg_table_text(t, 4, rows[i].ready ? "ja" : "nee")) == 0 &&
		    (rc = kngg_table_number(t, 5, (double)rows[i].blockers)) == 0)
			rc = kngg_table_text(t, 6, rows[i].stalled);
	}
	if (rc < 0)
		rc = cli_fail("onvoldoende geheugen");
	else
		rc = cli_table_write(t, format, o);
	kngg_table_free(t);
	return rc;
}

enum { COLS = 7 };

/* The cells of a row as text; num holds the numbers. */
static void row_cells(const row *rw, char num[3][24], const char *v[COLS])
{
	snprintf(num[0], sizeof(num[0]), "%d", rw->calculated);
	snprintf(num[1], sizeof(num[1]), "%d", rw->declared);
	snprintf(num[2], sizeof(num[2]), "%ld", rw->blockers);
	v[0] = rw->code;
	v[1] = rw->name;
	v[2] = num[0];
	v[3] = rw->declared ? num[1] : "-";
	v[4] = rw->ready ? "ja" : "nee";
	v[5] = num[2];
	v[6] = rw->stalled ? rw->stalled : "-";
}

static void rows_text(const row *rows, size_t n, const char *title, const char *date)
{
	/* 80 columns: a long name is cut (csv and json give it whole) */
	static const cli_column cols[COLS] = {
		{"gemeente", 0, 0, 0},  {"naam", 12, 0, 0},      {"fase", 0, 0, 1},
		{"opgegeven", 0, 0, 1}, {"gereed", 0, 0, 0},     {"blokkades", 0, 0, 1},
		{"oudste stilstand", 0, 0, 0}};
	char (*num)[3][24] = calloc(n ? n : 1, sizeof(*num));
	const char **cells = calloc((n ? n : 1) * COLS, sizeof(*cells));

	printf("%s — %zu %s, stand op %s\n", title, n, n == 1 ? "gemeente" : "gemeenten", date);
	print_wrapped_at(stdout, "(fase: de berekende fase; opgegeven: wat de projectleider opgaf; "
				 "gereed: klaar voor de volgende fase; blokkades: ontbrekende regels; "
				 "oudste stilstand: de stap die het langst openstaat)",
			 0, 1);
	printf("\n");
	if (!num || !cells) {
		free(num);
		free(cells);
		cli_fail("onvoldoende geheugen");
		return;
	}
	for (size_t i = 0; i < n; i++)
		row_cells(&rows[i], num[i], &cells[i * COLS]);
	print_table(stdout, cols, COLS, cells, n, 0, 0);
	free(num);
	free(cells);
}

/* The rows of a region's members, one review at a time. */
static int region_rows(kngg_tracker *t, const char *region, const char *as_of, row_list *l)
{
	cli_codes codes = {0};
	int rc = kngg_region_members(t, region, cli_code_collect, &codes);

	for (size_t i = 0; rc >= 0 && i < codes.n; i++) {
		kngg_readiness *r = NULL;

		if ((rc = kngg_readiness_load(t, codes.codes[i], 0, NULL, NULL, as_of, &r)) < 0)
			break;
		rc = add_row(l, r);
		kngg_readiness_free(r);
	}
	cli_codes_free(&codes);
	return rc;
}

/* ---- a region's regional agreements (issue 18) ---------------------------------------- */

struct regional_text {
	const char *today;
	int n;
};

static int regional_line(void *ctx, const kngg_regional_signature *r)
{
	struct regional_text *rt = ctx;
	const kngg_signature *s = r->sig;
	static const char *const marks[] = {"", " (loopt af)", " (verlopen)"};
	char *text = NULL, nl[32];
	size_t len = 0;
	FILE *m;

	if (rt->n++ == 0)
		printf("\nRegionale afspraken\n");
	if (!(m = open_memstream(&text, &len)))
		return KNGG_ENOMEM;
	fprintf(m, "%s %s door %s (%s) op %s; voor ", s->signoff, s->decision,
		s->signer ? s->signer : "(gewist)", s->org ? s->org : "-", s->date);
	for (size_t i = 0; i < r->nmembers; i++)
		fprintf(m, "%s%s", i ? ", " : "", r->members[i]);
	if (r->nmembers == 0)
		fprintf(m, "geen gemeente meer");
	for (size_t i = 0; i < r->nwithdrawn; i++)
		fprintf(m, "%s%s", i ? ", " : " (ingetrokken voor ", r->withdrawn[i]);
	if (r->nwithdrawn)
		fprintf(m, ")");
	if (s->valid_until) {
		kngg_date_nl(s->valid_until, nl);
		fprintf(m, "; geldig tot %s%s", nl,
			marks[kngg_agreement_state(s->valid_until, rt->today)]);
	}
	fclose(m);
	printf("  ");
	print_wrapped_at(stdout, text, 2, 4);
	free(text);
	return 0;
}

static int regional_agreements(kngg_tracker *t, const char *region, const char *as_of)
{
	struct regional_text rt = {NULL, 0};
	char today[11];

	kngg_day(t, as_of, today);
	rt.today = today;
	return kngg_region_signatures(t, region, as_of, regional_line, &rt);
}

static int many(kngg_cli *cli, const char *region, const char *as_of, const char *format,
		const cli_sheet_opts *so)
{
	row_list l = {0};
	char title[512];
	kngg_tracker *t;
	int rc;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	/* every municipality from one scan of the journal; a region's members
	 * one by one */
	rc = region ? region_rows(t, region, as_of, &l) : kngg_readiness_all(t, as_of, add_row, &l);
	if (rc == KNGG_ENOMEM) {
		rc = cli_fail("onvoldoende geheugen");
		goto done;
	}
	if (rc < 0) { /* reported */
		rc = EXIT_FAIL;
		goto done;
	}
	rc = EXIT_OK;
	if (!l.date[0]) {
		if (as_of)
			snprintf(l.date, sizeof(l.date), "%s", as_of);
		else if (kngg_tracker_today(t))
			snprintf(l.date, sizeof(l.date), "%s", kngg_tracker_today(t));
		else
			kngg_today(l.date);
	}
	if (strcmp(format, "json") == 0) {
		rc = rows_json(l.rows, l.n);
	} else if (strcmp(format, "csv") == 0 || strcmp(format, "xlsx") == 0) {
		rc = rows_sheet(l.rows, l.n, format, so);
	} else if (l.n == 0) {
		printf(region ? "regio '%s' heeft geen gemeenten\n"
			      : "nog geen gemeenten; voeg toe met 'kngg municipality add GM0479 Zaanstad'\n",
		       region);
	} else {
		if (region)
			snprintf(title, sizeof(title), "regio '%s'", region);
		else
			snprintf(title, sizeof(title), "alle gemeenten");
		rows_text(l.rows, l.n, title, l.date);
		if (region && regional_agreements(t, region, as_of) < 0)
			rc = EXIT_FAIL;
	}
done:
	rows_free(&l);
	return rc;
}

/* ---- dispatch ------------------------------------------------------------------------- */

struct readiness_opts {
	const char *phase, *step, *area, *as_of, *format, *region;
	int all;
	cli_sheet_opts sheet;
};

/* --region NAAM and --all: a row per municipality */
static int readiness_many(kngg_cli *cli, const cli_call *call)
{
	const struct readiness_opts *a = call->opts;
	const char *format = a->format ? a->format : "text", *as_of = a->as_of;
	int rc;

	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "csv") &&
	    strcmp(format, "xlsx"))
		return cli_usage("readiness",
				 "onbekend formaat '%s' bij --%s (text, json, csv of xlsx)", format,
				 a->region ? "region" : "all");
	if ((rc = cli_sheet_check("readiness", format, &a->sheet)) != EXIT_OK)
		return rc;
	return many(cli, a->region, as_of, format, &a->sheet);
}

static int readiness(kngg_cli *cli, const cli_call *call)
{
	const struct readiness_opts *a = call->opts;
	const char *phase_s = a->phase, *step = a->step, *as_of = a->as_of;
	const char *format = a->format ? a->format : "text";
	kngg_tracker *t;
	int rc, phase = 0;

	if (phase_s && step)
		return cli_usage("readiness", "--phase en --step gaan niet samen: vraag naar een fase of naar een stap");
	if (phase_s && (rc = cli_int("readiness", "--phase", phase_s, 1, KNGG_PHASES, &phase)) != EXIT_OK)
		return rc;
	if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "md"))
		return cli_usage("readiness", "onbekend formaat '%s' (text, json of md)", format);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	return one(t, call->args[0], phase, step, a->area, as_of, format);
}

#define R struct readiness_opts

static const cli_option one_opts[] = {
	CLI_OPT(R, phase, "phase", "N", "is fase N af? (fase 3 en 4: de lopende cyclus)"),
	CLI_OPT(R, step, "step", "ID", "is deze stap af?"),
	CLI_AREA_OPT(R, area),
	CLI_ASOF_OPT(R, as_of),
	CLI_FORMAT_OPT(R, format, "text|json|md"),
	CLI_OPT_END,
};

static const cli_option region_opts[] = {
	CLI_OPT_REQ(R, region, "region", "NAAM", "elke gemeente van de regio"),
	CLI_ASOF_OPT(R, as_of),
	CLI_FORMAT_OPT(R, format, "text|json|csv|xlsx"),
	CLI_SHEET_OPTS(R, sheet),
	CLI_OPT_END,
};

static const cli_option all_opts[] = {
	CLI_FLAG_REQ(R, all, "all", "elke gemeente in de database"),
	CLI_ASOF_OPT(R, as_of),
	CLI_FORMAT_OPT(R, format, "text|json|csv|xlsx"),
	CLI_SHEET_OPTS(R, sheet),
	CLI_OPT_END,
};

const cli_sub cmd_readiness_subs[] = {
	{NULL, NULL, "CODE", readiness, one_opts, sizeof(R),
	 "een gemeente: de huidige fase, of --phase of --step", NULL},
	{NULL, "region", "", readiness_many, region_opts, sizeof(R), "een regel per gemeente van een regio",
	 NULL},
	{NULL, "all", "", readiness_many, all_opts, sizeof(R), "een regel per gemeente", NULL},
	CLI_SUB_END,
};
