/*
 * table.c: the table of typed cells that spreadsheets go in and out as
 * (kngg/table.h), and the CSV reader: separator, quotes, byte order mark
 * and Windows-1252 as Excel writes them.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kngg/limits.h"
#include "kngg/table.h"
#include "util/util.h"

kngg_table *kngg_table_new(const char *name, size_t ncols, const char *const *head)
{
	kngg_arena *a = kngg_arena_new();
	kngg_table *t = a ? kngg_arena_alloc(a, sizeof(*t)) : NULL;

	if (!t || !(t->head = kngg_arena_alloc(a, (ncols ? ncols : 1) * sizeof(*t->head)))) {
		kngg_arena_free(a);
		return NULL;
	}
	t->arena = a;
	t->ncols = ncols;
	t->unit = "regel";
	if (name && !(t->name = kngg_arena_strdup(a, name)))
		goto oom;
	for (size_t c = 0; c < ncols; c++)
		if (!(t->head[c] = kngg_arena_strdup(a, head && head[c] ? head[c] : "")))
			goto oom;
	return t;
oom:
	kngg_arena_free(a);
	return NULL;
}

void kngg_table_free(kngg_table *t)
{
	if (!t)
		return;
	free(t->cells);
	free(t->line);
	kngg_arena_free(t->arena);
}

int kngg_table_row(kngg_table *t, long line)
{
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		kngg_cell *cells = realloc(t->cells, cap * (t->ncols ? t->ncols : 1) * sizeof(*cells));
		long *lines;

		if (!cells)
			return KNGG_ENOMEM;
		t->cells = cells;
		if (!(lines = realloc(t->line, cap * sizeof(*lines))))
			return KNGG_ENOMEM;
		t->line = lines;
		t->cap = cap;
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof(*t->cells));
	t->line[t->nrows++] = line;
	return 0;
}

void kngg_table_reverse(kngg_table *t)
{
	for (size_t i = 0; t->nrows && i < t->nrows - 1 - i; i++) {
		size_t j = t->nrows - 1 - i;
		long line = t->line[i];

		for (size_t k = 0; k < t->ncols; k++) {
			kngg_cell c = t->cells[i * t->ncols + k];

			t->cells[i * t->ncols + k] = t->cells[j * t->ncols + k];
			t->cells[j * t->ncols + k] = c;
		}
		t->line[i] = t->line[j];
		t->line[j] = line;
	}
}

static kngg_cell *last(kngg_table *t, size_t col)
{
	return t->nrows && col < t->ncols ? &t->cells[(t->nrows - 1) * t->ncols + col] : NULL;
}

int kngg_table_text(kngg_table *t, size_t col, const char *s)
{
	kngg_cell *c = last(t, col);

	if (!c)
		return KNGG_EINVALID;
	if (!s || !*s) {
		memset(c, 0, sizeof(*c));
		return 0;
	}
	if (!(c->text = kngg_arena_strdup(t->arena, s)))
		return KNGG_ENOMEM;
	c->type = KNGG_CELL_TEXT;
	return 0;
}

int kngg_table_number(kngg_table *t, size_t col, double v)
{
	kngg_cell *c = last(t, col);
	char num[32];

	if (!c)
		return KNGG_EINVALID;
	snprintf(num, sizeof(num), "%.15g", v);
	if (!(c->text = kngg_arena_strdup(t->arena, num)))
		return KNGG_ENOMEM;
	c->type = KNGG_CELL_NUMBER;
	c->number = v;
	return 0;
}

int kngg_table_date(kngg_table *t, size_t col, const char *day)
{
	int rc = kngg_table_text(t, col, day);

	if (rc == 0 && day && kngg_valid_date(day))
		last(t, col)->type = KNGG_CELL_DATE;
	return rc;
}

const kngg_cell *kngg_table_cell(const kngg_table *t, size_t row, size_t col)
{
	static const kngg_cell empty;

	if (row >= t->nrows || col >= t->ncols)
		return &empty;
	return &t->cells[row * t->ncols + col];
}

/* ---- CSV ------------------------------------------------------------------------ */

/* 1 when s holds only well-formed UTF-8 (no overlongs, no surrogates). */
static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + k >= n)
			return 0;
		for (size_t j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Windows-1252 text to UTF-8 (malloc'd) with iconv; NULL when a byte is
 * not Windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D) or out of memory. */
static char *from_cp1252(const char *in, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	size_t cap = 3 * len + 1, left = cap - 1, inleft = len;
	char *out, *op, *ip = (char *)in;

	if (cd == (iconv_t)-1)
		return NULL;
	if (!(out = malloc(cap))) {
		iconv_close(cd);
		return NULL;
	}
	op = out;
	if (iconv(cd, &ip, &inleft, &op, &left) == (size_t)-1) {
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*op = '\0';
	*outlen = (size_t)(op - out);
	return out;
}

typedef struct {
	const char *p, *end;
	long line;          /* the line p is on */
	char sep;
	const char *file;
	kngg_diag_fn diag;
	void *ctx;
	kngg_buf field;
	char **fields;      /* the current row */
	size_t n, cap;
	long row_line;      /* where the current row started */
} csv_reader;

static void fields_clear(csv_reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->fields[i]);
	r->n = 0;
}

/* "FILE regel LINE: why" through diag; KNGG_EINVALID. */
static int fail(csv_reader *r, long line, const char *why)
{
	kngg_diagf(r->diag, r->ctx, "%s regel %ld: %s", r->file, line, why);
	return KNGG_EINVALID;
}

/* The text between first and last non-blank. */
static char *trimmed(const char *s, size_t n)
{
	char *out;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!(out = malloc(n + 1)))
		return NULL;
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

static int push_field(csv_reader *r)
{
	char *f;

	if (r->field.failed)
		return KNGG_ENOMEM;
	if (r->field.len > KNGG_TEXT_MAX)
		return fail(r, r->row_line, "een veld is langer dan " KNGG_LIMIT_STR(KNGG_TEXT_MAX)
			    " tekens");
	if (r->n == KNGG_SHEET_COLS_MAX)
		return fail(r, r->row_line, "meer dan " KNGG_LIMIT_STR(KNGG_SHEET_COLS_MAX)
			    " kolommen");
	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		char **fs = realloc(r->fields, cap * sizeof(*fs));

		if (!fs)
			return KNGG_ENOMEM;
		r->fields = fs;
		r->cap = cap;
	}
	if (!(f = trimmed(r->field.len ? r->field.ptr : "", r->field.len)))
		return KNGG_ENOMEM;
	r->fields[r->n++] = f;
	r->field.len = 0;
	if (r->field.ptr)
		r->field.ptr[0] = '\0';
	return 0;
}

/* Reads one record into r->fields; 1 when one was read, 0 at the end. */
static int next_record(csv_reader *r)
{
	int rc;

	fields_clear(r);
	if (r->p >= r->end)
		return 0;
	r->row_line = r->line;
	for (;;) {
		/* one field */
		if (r->p < r->end && *r->p == '"') {
			long opened = r->line;

			r->p++;
			for (;;) {
				if (r->p >= r->end)
					return fail(r, opened, "een aanhalingsteken wordt niet "
						    "gesloten");
				if (*r->p == '"') {
					if (r->p + 1 < r->end && r->p[1] == '"') {
						kngg_buf_put(&r->field, "\"", 1);
						r->p += 2;
						continue;
					}
					r->p++;
					break;
				}
				if (*r->p == '\n')
					r->line++;
				kngg_buf_put(&r->field, r->p, 1);
				r->p++;
			}
			while (r->p < r->end && (*r->p == ' ' || (*r->p == '\t' && r->sep != '\t')))
				r->p++;
			if (r->p < r->end && *r->p != r->sep && *r->p != '\r' && *r->p != '\n')
				return fail(r, r->line, "tekst na een afsluitend aanhalingsteken; "
					    "schrijf een aanhalingsteken in een veld als \"\"");
		} else {
			const char *s = r->p;

			while (r->p < r->end && *r->p != r->sep && *r->p != '\r' && *r->p != '\n')
				r->p++;
			kngg_buf_put(&r->field, s, (size_t)(r->p - s));
		}
		if ((rc = push_field(r)) < 0)
			return rc;
		if (r->p >= r->end)
			return 1;
		if (*r->p == r->sep) {
			r->p++;
			continue;
		}
		/* end of the record: \r\n, \n or \r */
		if (*r->p == '\r')
			r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
		return 1;
	}
}

static int blank_record(const csv_reader *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (*r->fields[i])
			return 0;
	return 1;
}

/* The separator the header line holds most of, outside quotes. */
static char detect_separator(const char *p, const char *end)
{
	size_t semi = 0, comma = 0, tab = 0;
	int quoted = 0;

	/* skip blank lines before the header */
	while (p < end && (*p == '\r' || *p == '\n'))
		p++;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted && *p == ';')
			semi++;
		else if (!quoted && *p == ',')
			comma++;
		else if (!quoted && *p == '\t')
			tab++;
	}
	if (tab > semi && tab > comma)
		return '\t';
	if (semi >= comma && semi > 0)
		return ';';
	return ',';
}

int kngg_csv_read(const char *data, size_t len, const char *file, kngg_diag_fn diag, void *ctx,
		  kngg_table **out, kngg_csv_info *info)
{
	csv_reader r = {0};
	kngg_csv_info tmp;
	kngg_table *t = NULL;
	char *converted = NULL;
	size_t ncols;
	int rc;

	if (!info)
		info = &tmp;
	memset(info, 0, sizeof(*info));
	*out = NULL;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		info->bom = 1;
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		kngg_diagf(diag, ctx, "%s is geen tekstbestand (CSV) en geen Excel-bestand (.xlsx)",
			   file);
		return KNGG_EINVALID;
	}
	if (!valid_utf8((const unsigned char *)data, len)) {
		size_t n;

		if (info->bom || !(converted = from_cp1252(data, len, &n))) {
			kngg_diagf(diag, ctx, "%s is geen UTF-8 en geen Windows-1252; sla het op als "
				   "'CSV UTF-8 (door komma's gescheiden)'", file);
			return KNGG_EINVALID;
		}
		info->cp1252 = 1;
		data = converted;
		len = n;
	}
	r.p = data;
	r.end = data + len;
	r.line = 1;
	r.sep = info->separator = detect_separator(data, data + len);
	/* Excel's own hint on the first line: "sep=;" */
	if (len >= 5 && strncasecmp(data, "sep=", 4) == 0 && strchr(";,\t", data[4]) &&
	    (len == 5 || data[5] == '\r' || data[5] == '\n')) {
		r.sep = info->separator = data[4];
		r.p = data + 5;
		if (r.p < r.end && *r.p == '\r')
			r.p++;
		if (r.p < r.end && *r.p == '\n')
			r.p++;
		r.line = 2;
	}
	r.file = file;
	r.diag = diag;
	r.ctx = ctx;
	/* the header: the first record that is not blank */
	while ((rc = next_record(&r)) == 1 && blank_record(&r))
		;
	if (rc < 0)
		goto done;
	if (rc == 0) {
		kngg_diagf(diag, ctx, "%s is leeg: geen kopregel met kolomnamen", file);
		rc = KNGG_EINVALID;
		goto done;
	}
	ncols = r.n;
	while (ncols && !*r.fields[ncols - 1])
		ncols--;
	if (!(t = kngg_table_new(NULL, ncols, (const char *const *)r.fields))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	t->head_line = r.row_line;
	while ((rc = next_record(&r)) == 1) {
		if (blank_record(&r))
			continue;
		for (size_t i = ncols; i < r.n; i++)
			if (*r.fields[i]) {
				kngg_diagf(diag, ctx, "%s regel %ld: meer velden dan de kopregel "
					   "kolommen heeft (%zu)", file, r.row_line, ncols);
				rc = KNGG_EINVALID;
				goto done;
			}
		if (t->nrows == KNGG_SHEET_ROWS_MAX) {
			rc = fail(&r, r.row_line, "meer dan " KNGG_LIMIT_STR(KNGG_SHEET_ROWS_MAX)
				  " rijen");
			goto done;
		}
		if ((rc = kngg_table_row(t, r.row_line)) < 0)
			goto done;
		for (size_t i = 0; i < ncols && i < r.n; i++)
			if ((rc = kngg_table_text(t, i, r.fields[i])) < 0)
				goto done;
	}
done:
	if (rc == KNGG_ENOMEM)
		kngg_diagf(diag, ctx, "onvoldoende geheugen bij het lezen van %s", file);
	fields_clear(&r);
	free(r.fields);
	kngg_buf_free(&r.field);
	free(converted);
	if (rc < 0) {
		kngg_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}
