/*
 * import.c: a stakeholder register from a spreadsheet (kngg/table.h).
 *
 * Every row goes through the same calls as `kngg stakeholder add` and
 * `kngg stakeholder assess`, so it is checked and normalised as they are;
 * the rows share one transaction (kngg_store_batch_begin: each call's own
 * transaction becomes a savepoint inside it), so one bad row leaves the
 * database as it was. While a row is written the tracker's diag is
 * wrapped: the engine's message gets the file, the line and the column it
 * is about in front of it.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "kngg/people.h"
#include "kngg/table.h"
#include "util/text.h"

enum {
	F_NAME, F_ORG, F_ORGTYPE, F_FUNCTION, F_LEVEL, F_EMAIL, F_PHONE,
	F_INTEREST, F_INFLUENCE, F_URGENCY, F_STANCE, F_COMMITMENT, F_ROUND, F_AREA, F_DATE,
	F_FIRST, F_INFIX, F_LAST, /* a name in parts, when there is no naam column */
	F_IGNORED, NFIELDS
};

/* Column titles as they are compared: lower case, no accents, letters and
 * digits only ("E-mail" is "email"). The first is the Dutch one. */
static const char *const aliases[NFIELDS][8] = {
	[F_NAME] = {"naam", "name", "volledigenaam", "fullname", "stakeholder"},
	[F_ORG] = {"organisatie", "organisation", "organization", "org", "organisatienaam"},
	[F_ORGTYPE] = {"organisatietype", "type", "orgtype", "organisationtype",
		       "organizationtype", "soortorganisatie"},
	[F_FUNCTION] = {"functie", "function", "functietitel", "jobtitle"},
	[F_LEVEL] = {"niveau", "level"},
	[F_EMAIL] = {"email", "emailadres", "emailaddress", "mail"},
	[F_PHONE] = {"telefoon", "phone", "telefoonnummer", "phonenumber", "tel", "telephone",
		     "mobiel"},
	[F_INTEREST] = {"belang", "interest"},
	[F_INFLUENCE] = {"invloed", "influence"},
	[F_URGENCY] = {"urgentie", "urgency"},
	[F_STANCE] = {"houding", "attitude", "stance"},
	[F_COMMITMENT] = {"commitment"},
	[F_ROUND] = {"ronde", "round"},
	[F_AREA] = {"gebied", "area"},
	[F_DATE] = {"analyse", "analysedatum", "datum", "date", "analysisdate"},
	[F_FIRST] = {"voornaam", "firstname", "givenname", "roepnaam"},
	[F_INFIX] = {"tussenvoegsel", "tussenvoegsels", "voorvoegsel"},
	[F_LAST] = {"achternaam", "lastname", "surname", "familyname"},
	/* what `stakeholder list --format csv` writes besides: read back, not needed */
	[F_IGNORED] = {"id", "gewist", "gecommitteerd"},
};

/* The option names the engine's messages use, by field. */
static const char *const option_of[NFIELDS] = {
	[F_NAME] = "--name", [F_ORG] = "--org ", [F_ORGTYPE] = "organisatietype",
	[F_FUNCTION] = "--function", [F_LEVEL] = "niveau", [F_EMAIL] = "--email",
	[F_PHONE] = "--phone", [F_INTEREST] = "--interest", [F_INFLUENCE] = "--influence",
	[F_URGENCY] = "--urgency", [F_STANCE] = "--stance", [F_COMMITMENT] = "--commitment",
	[F_ROUND] = "--round", [F_AREA] = "--area", [F_DATE] = "datum",
};

/* title folded for comparing (kngg_fold: case and accents), letters and
 * digits only, into out (size n). Text in brackets drops: "Invloed
 * (laag/middel/hoog)" is "invloed". */
static void fold(const char *title, char *out, size_t n)
{
	kngg_buf plain = {0}, folded = {0};
	const char *f;
	size_t k = 0;
	int depth = 0;

	for (const char *p = title; *p; p++) {
		if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth)
			depth--;
		else if (!depth)
			kngg_buf_put(&plain, p, 1);
	}
	kngg_fold(kngg_buf_cstr(&plain), &folded);
	for (f = kngg_buf_cstr(&folded); *f && k + 1 < n; f++)
		if ((*f >= 'a' && *f <= 'z') || (*f >= '0' && *f <= '9'))
			out[k++] = *f;
	out[k] = '\0';
	kngg_buf_free(&plain);
	kngg_buf_free(&folded);
}

static int field_of(const char *title)
{
	char f[128];

	fold(title, f, sizeof(f));
	if (!*f)
		return -1;
	for (int i = 0; i < NFIELDS; i++)
		for (int j = 0; j < 8 && aliases[i][j]; j++)
			if (strcmp(f, aliases[i][j]) == 0)
				return i;
	return -1;
}

typedef struct {
	kngg_tracker *t;
	kngg_diag_fn diag;  /* the tracker's own */
	void *diag_ctx;
	const kngg_table *tab;
	const char *file;
	long col[NFIELDS];  /* the column of each field, or -1 */
	size_t row;         /* the row being written */
	char *v[NFIELDS];   /* its values, each on one line, or NULL */
	long fixed;         /* the column a message is about when already known, or -1 */
	long name_col;      /* naam, else achternaam */
} importer;

/* Every field is one line: a line break typed in a cell (Alt+Enter) and
 * the blanks around it become one space, in place (the table's copy). */
static void one_line(char *s)
{
	char *w = s;

	for (const char *r = s; *r; r++) {
		if (*r == '\r' || *r == '\n') {
			while (w > s && (w[-1] == ' ' || w[-1] == '\t'))
				w--;
			while (r[1] == '\r' || r[1] == '\n' || r[1] == ' ' || r[1] == '\t')
				r++;
			*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static void row_free(importer *im)
{
	for (int f = 0; f < NFIELDS; f++) {
		free(im->v[f]);
		im->v[f] = NULL;
	}
}

/* The values of row im->row into im->v. */
static int row_load(importer *im)
{
	row_free(im);
	for (int f = 0; f < NFIELDS; f++) {
		const kngg_cell *c;

		if (im->col[f] < 0)
			continue;
		c = kngg_table_cell(im->tab, im->row, (size_t)im->col[f]);
		if (c->type == KNGG_CELL_EMPTY)
			continue;
		if (!(im->v[f] = strdup(c->text)))
			return KNGG_ENOMEM;
		one_line(im->v[f]);
	}
	/* voornaam, tussenvoegsel and achternaam: "Anna de Vries" */
	if (im->col[F_NAME] < 0 && im->v[F_LAST]) {
		kngg_buf b = {0};

		for (int f = F_FIRST; f <= F_LAST; f++)
			if (im->v[f])
				kngg_buf_printf(&b, "%s%s", b.len ? " " : "", im->v[f]);
		if (b.failed || !(im->v[F_NAME] = strdup(kngg_buf_cstr(&b)))) {
			kngg_buf_free(&b);
			return KNGG_ENOMEM;
		}
		kngg_buf_free(&b);
	}
	return 0;
}

/* The column of field f (the name may come from achternaam), or -1. */
static long column(const importer *im, int f)
{
	return f == F_NAME ? im->name_col : im->col[f];
}

/* The column an engine message is about: the one whose value it quotes,
 * else the one whose option it names; -1 when none. */
static long column_of(const importer *im, const char *msg)
{
	for (int f = 0; f < F_IGNORED; f++) {
		const char *v = im->v[f];
		size_t n = v ? strlen(v) : 0;

		for (const char *q = msg; v && column(im, f) >= 0 && (q = strchr(q, '\'')) != NULL;
		     q++)
			if (strncmp(q + 1, v, n) == 0 && q[1 + n] == '\'')
				return column(im, f);
	}
	for (int f = 0; f < F_IGNORED; f++)
		if (column(im, f) >= 0 && option_of[f] && strstr(msg, option_of[f]))
			return column(im, f);
	return -1;
}

static void row_diag(void *ctx, const char *msg)
{
	importer *im = ctx;
	long col = im->fixed >= 0 ? im->fixed : column_of(im, msg);
	long line = im->tab->line[im->row];

	/* "--influence 'x' bestaat niet": the column says which, not the option */
	if (col >= 0 && strncmp(msg, "--", 2) == 0 && strchr(msg, ' '))
		msg = strchr(msg, ' ') + 1;
	if (col >= 0)
		kngg_diagf(im->diag, im->diag_ctx, "%s %s %ld, kolom '%s': %s", im->file,
			   im->tab->unit, line, im->tab->head[col], msg);
	else
		kngg_diagf(im->diag, im->diag_ctx, "%s %s %ld: %s", im->file, im->tab->unit, line,
			   msg);
}

/* Finds the columns; reports a missing or doubled one. */
static int map_columns(importer *im)
{
	kngg_tracker *t = im->t;

	for (int f = 0; f < NFIELDS; f++)
		im->col[f] = -1;
	for (size_t c = 0; c < im->tab->ncols; c++) {
		int f = field_of(im->tab->head[c]);

		if (f == F_IGNORED)
			continue;
		if (f < 0)
			continue;
		if (im->col[f] >= 0)
			return engine_fail(t, KNGG_EINVALID, "%s: de kolommen '%s' en '%s' betekenen "
					   "hetzelfde (%s); laat er een staan", im->file,
					   im->tab->head[im->col[f]], im->tab->head[c],
					   aliases[f][0]);
		im->col[f] = (long)c;
	}
	if ((im->col[F_NAME] < 0 && im->col[F_LAST] < 0) || im->col[F_ORG] < 0)
		return engine_fail(t, KNGG_EINVALID, "%s: geen kolom '%s' in de kopregel (%s %ld); "
				   "verwacht minstens 'naam' (of 'achternaam') en 'organisatie', of "
				   "'name' en 'organisation'", im->file,
				   im->col[F_ORG] >= 0 ? "naam" : "organisatie", im->tab->unit,
				   im->tab->head_line);
	if (im->col[F_NAME] < 0)
		im->name_col = im->col[F_LAST];
	else
		im->name_col = im->col[F_NAME];
	for (size_t c = 0; c < im->tab->ncols && t->warn; c++)
		if (*im->tab->head[c] && field_of(im->tab->head[c]) < 0)
			kngg_diagf(t->warn, t->warn_ctx, "let op: %s: kolom '%s' wordt niet gelezen "
				   "(onbekende kolomnaam)", im->file, im->tab->head[c]);
	return 0;
}

static int count_org(void *ctx, const kngg_org *o)
{
	(void)o;
	++*(int *)ctx;
	return 0;
}

static const char *value(const importer *im, int field)
{
	return im->v[field];
}

/* One row: the stakeholder, then the analysis when it gives one. */
static int import_row(importer *im, const char *code, const kngg_track_opts *o,
		      kngg_import_counts *n)
{
	kngg_tracker *t = im->t;
	kngg_stakeholder_in in = {0};
	kngg_assessment a = {0};
	kngg_track_opts ro = o ? *o : (kngg_track_opts){0};
	int64_t id;
	int rc;

	if ((rc = row_load(im)) < 0)
		return engine_fail(t, rc, "onvoldoende geheugen");
	in.name = value(im, F_NAME);
	in.org = value(im, F_ORG);
	in.org_type = value(im, F_ORGTYPE);
	in.function = value(im, F_FUNCTION);
	in.level = value(im, F_LEVEL);
	in.email = value(im, F_EMAIL);
	in.phone = value(im, F_PHONE);
	a.interest = value(im, F_INTEREST);
	a.influence = value(im, F_INFLUENCE);
	a.urgency = value(im, F_URGENCY);
	a.stance = value(im, F_STANCE);
	a.commitment = value(im, F_COMMITMENT);
	a.round = value(im, F_ROUND);
	if (value(im, F_DATE))
		ro.date = value(im, F_DATE);
	im->fixed = -1;
	if (!in.name || !in.org) {
		im->fixed = in.name ? im->col[F_ORG] : im->name_col;
		return engine_fail(t, KNGG_EINVALID, "leeg; iedere stakeholder heeft een naam en "
				   "een organisatie");
	}
	ro.area = NULL;
	if ((rc = kngg_stakeholder_add(t, code, &in, &ro, &id)) < 0)
		return rc;
	n->persons++;
	if (!a.interest && !a.influence && !a.urgency && !a.stance && !a.commitment) {
		if (a.round || value(im, F_AREA)) {
			im->fixed = im->col[a.round ? F_ROUND : F_AREA];
			return engine_fail(t, KNGG_EINVALID, "een ronde of gebied hoort bij een "
					   "analyse; geef ook invloed, belang, urgentie, houding "
					   "of commitment");
		}
		return 0;
	}
	ro.area = value(im, F_AREA);
	if ((rc = kngg_stakeholder_assess(t, code, id, &a, &ro)) < 0)
		return rc;
	n->analyses++;
	return 0;
}

int kngg_stakeholder_import(kngg_tracker *t, const char *code, const kngg_table *tab,
			    const char *file, const kngg_track_opts *o, kngg_import_counts *n)
{
	importer im = {t, t->diag, t->diag_ctx, tab, file, {0}, 0, {NULL}, -1, -1};
	kngg_import_counts tmp = {0};
	int orgs_before = 0, orgs_after = 0, rc, end;

	if (!n)
		n = &tmp;
	memset(n, 0, sizeof(*n));
	if ((rc = kngg_need_municipality(t, code)) < 0 || (rc = map_columns(&im)) < 0)
		return rc;
	if (tab->nrows == 0)
		return engine_fail(t, KNGG_EINVALID, "%s heeft geen rijen onder de kopregel; er is "
				   "niets geïmporteerd", file);
	if ((rc = kngg_orgs(t, code, count_org, &orgs_before)) < 0)
		return rc;
	if ((rc = kngg_store_batch_begin(t->store)) < 0)
		return rc;
	t->diag = row_diag;
	t->diag_ctx = &im;
	kngg_store_set_diag(t->store, row_diag, &im);
	for (im.row = 0; im.row < tab->nrows && rc == 0; im.row++)
		rc = import_row(&im, code, o, n);
	row_free(&im);
	t->diag = im.diag;
	t->diag_ctx = im.diag_ctx;
	kngg_store_set_diag(t->store, im.diag, im.diag_ctx);
	if (rc == 0 && (rc = kngg_orgs(t, code, count_org, &orgs_after)) == 0)
		n->orgs = orgs_after - orgs_before;
	end = kngg_store_batch_end(t->store, rc == 0);
	if (rc < 0) {
		memset(n, 0, sizeof(*n));
		return rc;
	}
	return end;
}
