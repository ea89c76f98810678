/*
 * xlsx_read.c: the first sheet of an .xlsx workbook as a table, with
 * libzip and libxml2 (Debian has no library that reads xlsx worth adding).
 *
 * An .xlsx is a zip of XML parts (ECMA-376): xl/workbook.xml lists the
 * sheets, xl/_rels/workbook.xml.rels says which part each one is,
 * xl/sharedStrings.xml holds the texts cells refer to by number and
 * xl/styles.xml the number formats that make a number a date. Every part
 * is size-checked before it is unpacked (zip bombs) and parsed without
 * network, DTD or entity expansion.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "kngg/limits.h"
#include "sheet/sheet.h"
#include "util/util.h"

typedef struct {
	zip_t *zip;
	const char *file;
	kngg_diag_fn diag;
	void *ctx;
	char **strings;   /* the shared strings */
	size_t nstrings;
	unsigned char *is_date; /* per cell style (xf index): a date format */
	size_t nstyles;
	int date1904;
} xlsx;

static int bad(xlsx *x, const char *why)
{
	kngg_diagf(x->diag, x->ctx, "%s is geen leesbaar Excel-bestand (.xlsx): %s", x->file, why);
	return KNGG_EINVALID;
}

/* The part called name, parsed; NULL with *rc 0 when it is not there. */
static xmlDocPtr part(xlsx *x, const char *name, int *rc)
{
	zip_stat_t st;
	zip_file_t *zf;
	xmlDocPtr doc;
	char *buf;
	zip_int64_t got;

	*rc = 0;
	if (zip_stat(x->zip, name, ZIP_FL_ENC_GUESS, &st) != 0)
		return NULL;
	if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE) ||
	    st.size > KNGG_SHEET_PART_MAX ||
	    (st.size > 1024 * 1024 && st.size / KNGG_SHEET_RATIO_MAX > st.comp_size)) {
		kngg_diagf(x->diag, x->ctx, "%s: onderdeel %s is uitgepakt te groot (%llu bytes; "
			   "maximaal %d MiB en %d keer de ingepakte grootte)", x->file, name,
			   (unsigned long long)st.size, KNGG_SHEET_PART_MAX / (1024 * 1024),
			   KNGG_SHEET_RATIO_MAX);
		*rc = KNGG_EINVALID;
		return NULL;
	}
	if (!(buf = malloc(st.size + 1))) {
		*rc = KNGG_ENOMEM;
		return NULL;
	}
	if (!(zf = zip_fopen(x->zip, name, 0))) {
		free(buf);
		*rc = bad(x, "een onderdeel kan niet worden uitgepakt");
		return NULL;
	}
	got = zip_fread(zf, buf, st.size);
	zip_fclose(zf);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		*rc = bad(x, "een onderdeel is beschadigd");
		return NULL;
	}
	doc = xmlReadMemory(buf, (int)st.size, name, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(buf);
	if (!doc || doc->intSubset) {
		xmlFreeDoc(doc);
		*rc = bad(x, doc ? "een onderdeel heeft een DOCTYPE" : "een onderdeel is geen XML");
		return NULL;
	}
	return doc;
}

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (n = n ? n->children : NULL; n; n = n->next)
		if (is(n, name))
			return n;
	return NULL;
}

/* An attribute by local name, whatever its namespace (malloc'd, or NULL). */
static char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0)
			return (char *)xmlNodeGetContent((const xmlNode *)a);
	return NULL;
}

/* The text of every <t> below n, outside phonetic runs (<rPh>). */
static void texts(const xmlNode *n, kngg_buf *b)
{
	for (n = n->children; n; n = n->next) {
		if (is(n, "rPh"))
			continue;
		if (is(n, "t")) {
			xmlChar *s = xmlNodeGetContent(n);

			kngg_buf_puts(b, s ? (const char *)s : "");
			xmlFree(s);
		} else if (n->type == XML_ELEMENT_NODE) {
			texts(n, b);
		}
	}
}

static int shared_strings(xlsx *x)
{
	int rc;
	xmlDocPtr doc = part(x, "xl/sharedStrings.xml", &rc);
	const xmlNode *root;
	size_t cap = 0;

	if (!doc)
		return rc;
	root = xmlDocGetRootElement(doc);
	for (const xmlNode *si = root ? root->children : NULL; si; si = si->next) {
		kngg_buf b = {0};

		if (!is(si, "si"))
			continue;
		if (x->nstrings == cap) {
			size_t ncap = cap ? 2 * cap : 64;
			char **s = realloc(x->strings, ncap * sizeof(*s));

			if (!s) {
				rc = KNGG_ENOMEM;
				break;
			}
			x->strings = s;
			cap = ncap;
		}
		texts(si, &b);
		if (b.failed || !(x->strings[x->nstrings] = strdup(kngg_buf_cstr(&b)))) {
			kngg_buf_free(&b);
			rc = KNGG_ENOMEM;
			break;
		}
		x->nstrings++;
		kngg_buf_free(&b);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* 1 when a number format code shows a date: it has a day or a year
 * outside quotes and brackets ("d-m-yyyy", "[$-413]d mmmm yyyy"). */
static int date_code(const char *code)
{
	int quoted = 0, bracket = 0;

	for (; code && *code; code++) {
		if (*code == '"')
			quoted = !quoted;
		else if (!quoted && *code == '[')
			bracket = 1;
		else if (!quoted && *code == ']')
			bracket = 0;
		else if (!quoted && !bracket && *code == '\\' && code[1])
			code++;
		else if (!quoted && !bracket && strchr("dDyY", *code))
			return 1;
	}
	return 0;
}

static int builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

static int styles(xlsx *x)
{
	int rc;
	xmlDocPtr doc = part(x, "xl/styles.xml", &rc);
	const xmlNode *root, *fmts, *xfs;
	size_t n = 0;

	if (!doc)
		return rc;
	root = xmlDocGetRootElement(doc);
	fmts = child(root, "numFmts");
	xfs = child(root, "cellXfs");
	for (const xmlNode *xf = xfs ? xfs->children : NULL; xf; xf = xf->next)
		n += is(xf, "xf");
	if (n && !(x->is_date = calloc(n, 1))) {
		xmlFreeDoc(doc);
		return KNGG_ENOMEM;
	}
	for (const xmlNode *xf = xfs ? xfs->children : NULL; xf; xf = xf->next) {
		char *id;
		long num;
		int date;

		if (!is(xf, "xf"))
			continue;
		id = attr(xf, "numFmtId");
		num = id ? strtol(id, NULL, 10) : 0;
		date = builtin_date(num);
		for (const xmlNode *f = fmts ? fmts->children : NULL; f && !date; f = f->next) {
			char *fid, *code;

			if (!is(f, "numFmt"))
				continue;
			fid = attr(f, "numFmtId");
			code = attr(f, "formatCode");
			if (fid && strtol(fid, NULL, 10) == num)
				date = date_code(code);
			xmlFree(fid);
			xmlFree(code);
		}
		xmlFree(id);
		x->is_date[x->nstyles++] = (unsigned char)date;
	}
	xmlFreeDoc(doc);
	return 0;
}

/* The part of the workbook's first sheet into path, and its name. */
static int first_sheet(xlsx *x, char *path, size_t size, kngg_buf *name)
{
	int rc;
	xmlDocPtr doc = part(x, "xl/workbook.xml", &rc), rels;
	const xmlNode *root, *sheets, *sheet = NULL, *pr;
	char *rid = NULL, *v;

	if (!doc)
		return rc < 0 ? rc : bad(x, "xl/workbook.xml ontbreekt");
	root = xmlDocGetRootElement(doc);
	if ((pr = child(root, "workbookPr")) && (v = attr(pr, "date1904")) != NULL) {
		x->date1904 = strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
		xmlFree(v);
	}
	if ((sheets = child(root, "sheets")))
		sheet = child(sheets, "sheet");
	if (!sheet) {
		xmlFreeDoc(doc);
		return bad(x, "het werkboek heeft geen werkblad");
	}
	if ((v = attr(sheet, "name"))) {
		kngg_buf_puts(name, v);
		xmlFree(v);
	}
	rid = attr(sheet, "id");
	xmlFreeDoc(doc);
	snprintf(path, size, "xl/worksheets/sheet1.xml");
	if (!rid)
		return 0;
	rels = part(x, "xl/_rels/workbook.xml.rels", &rc);
	root = rels ? xmlDocGetRootElement(rels) : NULL;
	for (const xmlNode *r = root ? root->children : NULL; r; r = r->next) {
		char *id, *target;

		if (!is(r, "Relationship"))
			continue;
		id = attr(r, "Id");
		target = attr(r, "Target");
		if (id && target && strcmp(id, rid) == 0) {
			if (target[0] == '/')
				snprintf(path, size, "%s", target + 1);
			else
				snprintf(path, size, "xl/%s", target);
		}
		xmlFree(id);
		xmlFree(target);
	}
	xmlFreeDoc(rels);
	xmlFree(rid);
	return rc;
}

/* Days since 1970-01-01 to YYYY-MM-DD (H. Hinnant's civil_from_days). */
static void civil(long z, char out[11])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	char buf[64];

	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", y % 10000, m, d);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

/* An Excel serial day as YYYY-MM-DD: 0 when it is not a date in range. */
static int serial_day(const xlsx *x, double v, char out[11])
{
	long days = (long)v;

	if (v < 1 || v > 2958465) /* up to 9999-12-31 */
		return 0;
	if (x->date1904)
		days += 1462;
	else if (days < 61)
		days++; /* before Excel's 1900-02-29 */
	/* serial 25569 is 1970-01-01 (Excel counts 1900-02-29, which never was) */
	civil(days - 25569, out);
	return 1;
}

/* "BC12" to column 55 (0-based); -1 when not a reference. */
static long column_ref(const char *r)
{
	long c = 0;
	int n = 0;

	for (; *r >= 'A' && *r <= 'Z' && n < 4; r++, n++)
		c = c * 26 + (*r - 'A' + 1);
	return n ? c - 1 : -1;
}

typedef struct {
	long row, col;
	kngg_cell_type type;
	char *text;
	double number;
} raw_cell;

static void raw_free(raw_cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(cells[i].text);
	free(cells);
}

/* One <c>: its value as text, number or day. */
static int read_cell(xlsx *x, const xmlNode *c, long row, long col, raw_cell *out)
{
	char *t = attr(c, "t"), *s = attr(c, "s");
	const xmlNode *vn = child(c, "v");
	xmlChar *v = vn ? xmlNodeGetContent(vn) : NULL;
	kngg_buf b = {0};
	int rc = 0;

	out->row = row;
	out->col = col;
	out->type = KNGG_CELL_EMPTY;
	if (t && strcmp(t, "inlineStr") == 0) {
		const xmlNode *is_ = child(c, "is");

		if (is_)
			texts(is_, &b);
		out->type = KNGG_CELL_TEXT;
	} else if (t && strcmp(t, "s") == 0) {
		long i = v ? strtol((const char *)v, NULL, 10) : -1;

		if (i < 0 || (size_t)i >= x->nstrings)
			rc = bad(x, "een cel verwijst naar een tekst die er niet is");
		else
			kngg_buf_puts(&b, x->strings[i]);
		out->type = KNGG_CELL_TEXT;
	} else if (t && (strcmp(t, "str") == 0 || strcmp(t, "e") == 0 || strcmp(t, "b") == 0)) {
		kngg_buf_puts(&b, v ? (const char *)v : "");
		out->type = KNGG_CELL_TEXT;
	} else if (v && *v) {
		char *end, day[11];
		double num = strtod((const char *)v, &end);
		long style = s ? strtol(s, NULL, 10) : 0;

		if (*end) {
			kngg_buf_puts(&b, (const char *)v);
			out->type = KNGG_CELL_TEXT;
		} else if (style >= 0 && (size_t)style < x->nstyles && x->is_date[style] &&
			   serial_day(x, num, day)) {
			kngg_buf_puts(&b, day);
			out->type = KNGG_CELL_DATE;
		} else {
			out->type = KNGG_CELL_NUMBER;
			out->number = num;
		}
	}
	if (b.len > KNGG_TEXT_MAX)
		rc = bad(x, "een cel is langer dan " KNGG_LIMIT_STR(KNGG_TEXT_MAX) " tekens");
	if (rc == 0 && b.len && !(out->text = strdup(kngg_buf_cstr(&b))))
		rc = KNGG_ENOMEM;
	if (rc == 0 && out->type == KNGG_CELL_TEXT && !b.len)
		out->type = KNGG_CELL_EMPTY;
	kngg_buf_free(&b);
	xmlFree(v);
	xmlFree(t);
	xmlFree(s);
	return rc;
}

static int read_cells(xlsx *x, const char *path, raw_cell **cells, size_t *n)
{
	int rc;
	xmlDocPtr doc = part(x, path, &rc);
	const xmlNode *root, *data;
	size_t cap = 0;
	long rowno = 0;

	if (!doc)
		return rc < 0 ? rc : bad(x, "het werkblad ontbreekt");
	root = xmlDocGetRootElement(doc);
	data = child(root, "sheetData");
	for (const xmlNode *r = data ? data->children : NULL; r && rc == 0; r = r->next) {
		char *rv;
		long col = -1;

		if (!is(r, "row"))
			continue;
		rv = attr(r, "r");
		rowno = rv ? strtol(rv, NULL, 10) : rowno + 1;
		xmlFree(rv);
		if (rowno < 1 || rowno > 1048576) {
			rc = bad(x, "een rijnummer is ongeldig");
			break;
		}
		for (const xmlNode *c = r->children; c && rc == 0; c = c->next) {
			char *ref;

			if (!is(c, "c"))
				continue;
			ref = attr(c, "r");
			col = ref ? column_ref(ref) : col + 1;
			xmlFree(ref);
			if (col < 0 || col >= 16384) {
				rc = bad(x, "een celverwijzing is ongeldig");
				break;
			}
			if (col >= KNGG_SHEET_COLS_MAX) {
				kngg_diagf(x->diag, x->ctx, "%s rij %ld: meer dan "
					   KNGG_LIMIT_STR(KNGG_SHEET_COLS_MAX) " kolommen", x->file,
					   rowno);
				rc = KNGG_EINVALID;
				break;
			}
			if (*n == cap) {
				size_t ncap = cap ? 2 * cap : 256;
				raw_cell *nc = realloc(*cells, ncap * sizeof(*nc));

				if (!nc) {
					rc = KNGG_ENOMEM;
					break;
				}
				*cells = nc;
				cap = ncap;
			}
			memset(&(*cells)[*n], 0, sizeof(**cells));
			rc = read_cell(x, c, rowno, col, &(*cells)[*n]);
			if ((*cells)[*n].type != KNGG_CELL_EMPTY || (*cells)[*n].text)
				(*n)++;
			else
				free((*cells)[*n].text);
		}
	}
	xmlFreeDoc(doc);
	return rc;
}

/* The raw cells (in row order) as a table: the first row is the header. */
static int to_table(xlsx *x, const raw_cell *cells, size_t n, const char *name,
		    kngg_table **out)
{
	const char *head[KNGG_SHEET_COLS_MAX] = {0};
	long head_row, ncols = 0, row = -1;
	kngg_table *t;
	size_t i;
	int rc = 0;

	if (n == 0) {
		kngg_diagf(x->diag, x->ctx, "%s is leeg: geen kopregel met kolomnamen", x->file);
		return KNGG_EINVALID;
	}
	head_row = cells[0].row;
	for (i = 0; i < n && cells[i].row == head_row; i++) {
		head[cells[i].col] = cells[i].text;
		if (cells[i].col + 1 > ncols)
			ncols = cells[i].col + 1;
	}
	if (!(t = kngg_table_new(name, (size_t)ncols, head)))
		return KNGG_ENOMEM;
	t->unit = "rij";
	t->head_line = head_row;
	for (; i < n && rc == 0; i++) {
		const raw_cell *c = &cells[i];

		if (c->row < row) {
			rc = bad(x, "de rijen staan niet op volgorde");
			break;
		}
		if (c->col >= ncols) {
			kngg_diagf(x->diag, x->ctx, "%s rij %ld: een waarde in kolom %ld, buiten de "
				   "kopregel (%ld kolommen)", x->file, c->row, c->col + 1, ncols);
			rc = KNGG_EINVALID;
			break;
		}
		if (c->row != row) {
			if (t->nrows == KNGG_SHEET_ROWS_MAX) {
				kngg_diagf(x->diag, x->ctx, "%s rij %ld: meer dan "
					   KNGG_LIMIT_STR(KNGG_SHEET_ROWS_MAX) " rijen", x->file,
					   c->row);
				rc = KNGG_EINVALID;
				break;
			}
			if ((rc = kngg_table_row(t, c->row)) < 0)
				break;
			row = c->row;
		}
		if (c->type == KNGG_CELL_NUMBER)
			rc = kngg_table_number(t, (size_t)c->col, c->number);
		else if (c->type == KNGG_CELL_DATE)
			rc = kngg_table_date(t, (size_t)c->col, c->text);
		else
			rc = kngg_table_text(t, (size_t)c->col, c->text);
	}
	if (rc < 0) {
		kngg_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int sheet_xlsx_read(const char *data, size_t len, const char *file, kngg_diag_fn diag,
		    void *ctx, kngg_table **out)
{
	xlsx x = {NULL, file, diag, ctx, NULL, 0, NULL, 0, 0};
	zip_error_t zerr;
	zip_source_t *src;
	raw_cell *cells = NULL;
	size_t ncells = 0;
	kngg_buf name = {0};
	char path[512];
	int rc;

	*out = NULL;
	zip_error_init(&zerr);
	if (!(src = zip_source_buffer_create(data, len, 0, &zerr)))
		return bad(&x, "onvoldoende geheugen");
	if (!(x.zip = zip_open_from_source(src, ZIP_RDONLY, &zerr))) {
		zip_source_free(src);
		zip_error_fini(&zerr);
		return bad(&x, "geen geldig zip-bestand");
	}
	zip_error_fini(&zerr);
	if ((rc = first_sheet(&x, path, sizeof(path), &name)) == 0 &&
	    (rc = shared_strings(&x)) == 0 && (rc = styles(&x)) == 0 &&
	    (rc = read_cells(&x, path, &cells, &ncells)) == 0)
		rc = to_table(&x, cells, ncells, kngg_buf_cstr(&name), out);
	if (rc == KNGG_ENOMEM)
		kngg_diagf(diag, ctx, "onvoldoende geheugen bij het lezen van %s", file);
	raw_free(cells, ncells);
	for (size_t i = 0; i < x.nstrings; i++)
		free(x.strings[i]);
	free(x.strings);
	free(x.is_date);
	kngg_buf_free(&name);
	zip_discard(x.zip);
	return rc;
}
