/*
 * doc.c: `kngg doc`: runs a template (XSLT 1.0, libxslt) over a
 * municipality's export and hands the result to a renderer.
 *
 * A template is trusted with the export and nothing else:
 *   - libxslt's security preferences forbid reading and writing files,
 *     creating directories and network access while it runs, so document(),
 *     xsl:document and friends fail with a message;
 *   - stylesheets are read without entity substitution, external DTDs or
 *     network (XML_PARSE_NONET), so a DOCTYPE cannot pull in a file;
 *   - xsl:include/xsl:import only reach .xsl files inside the template
 *     folder itself (after resolving symbolic links);
 *   - no extension modules (EXSLT) are registered;
 *   - parameters are passed as quoted strings, never as XPath.
 */
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "doc/doc_priv.h"
#include "engine/engine.h"
#include "kngg/doc.h"
#include "kngg/export.h"

#define STYLE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING)

kngg_doc_format kngg_doc_format_parse(const char *s)
{
	if (!s)
		return 0;
	if (strcmp(s, "md") == 0)
		return KNGG_DOC_MD;
	if (strcmp(s, "html") == 0)
		return KNGG_DOC_HTML;
	if (strcmp(s, "docx") == 0)
		return KNGG_DOC_DOCX;
	return 0;
}

const char *kngg_doc_format_ext(kngg_doc_format f)
{
	return f == KNGG_DOC_HTML ? "html" : f == KNGG_DOC_DOCX ? "docx" : "md";
}

/* ---- the template folder --------------------------------------------------------- */

static int valid_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The summary of a template: the text of its "<!-- kngg: ... -->" line
 * within the first 1 KiB, or NULL when it has none or cannot be read (a
 * FIFO or a device is not a template, and is not opened for reading). */
static char *summary_of(const char *path)
{
	char *text, *p, *end, *summary = NULL;
	size_t n;

	if (kngg_read_file_max(path, DOC_MAX_TEMPLATE_FILE, NULL, NULL, &text, &n) < 0)
		return NULL;
	if (n > 1023)
		text[1023] = '\0';
	if ((p = strstr(text, "<!-- kngg:")) && (end = strstr(p, "-->"))) {
		p += strlen("<!-- kngg:");
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		summary = strndup(p, (size_t)(end - p));
	}
	free(text);
	return summary;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const kngg_doc_template *)a)->name, ((const kngg_doc_template *)b)->name);
}

int kngg_doc_templates(const char *dir, kngg_diag_fn diag, void *ctx, kngg_doc_template **out,
		       size_t *n)
{
	kngg_doc_template *list = NULL;
	size_t cap = 0;
	struct dirent *e;
	DIR *d = opendir(dir);

	*out = NULL;
	*n = 0;
	if (!d) {
		kngg_diagf(diag, ctx, "kan de sjablonenmap %s niet lezen", dir);
		return KNGG_EIO;
	}
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		char path[PATH_MAX], *summary;

		if (len < 5 || strcmp(e->d_name + len - 4, ".xsl") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (!(summary = summary_of(path)))
			continue;
		if (*n == cap) {
			kngg_doc_template *grown = realloc(list, (cap = cap ? 2 * cap : 16) * sizeof(*list));

			if (!grown) {
				free(summary);
				goto nomem;
			}
			list = grown;
		}
		list[*n].summary = summary;
		if (!(list[*n].name = strndup(e->d_name, len - 4))) {
			free(summary);
			goto nomem;
		}
		if (!valid_name(list[*n].name)) {
			free(list[*n].name);
			free(summary);
			continue;
		}
		(*n)++;
	}
	closedir(d);
	if (*n)
		qsort(list, *n, sizeof(*list), by_name);
	*out = list;
	return 0;
nomem:
	closedir(d);
	kngg_doc_templates_free(list, *n);
	*n = 0;
	return KNGG_ENOMEM;
}

void kngg_doc_templates_free(kngg_doc_template *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].summary);
	}
	free(list);
}

/* ---- running a template ------------------------------------------------------- */

/* Per thread (the web server renders in several): the folder includes may
 * come from, and the first message libxml2/libxslt gave. */
static _Thread_local const char *allowed_dir;
static _Thread_local kngg_buf *first_error;

static void on_error(void *ctx, const char *fmt, ...) KNGG_PRINTF(2, 3);

static void on_error(void *ctx, const char *fmt, ...)
{
	va_list ap;

	(void)ctx;
	if (!first_error || first_error->len > 2000)
		return;
	va_start(ap, fmt);
	kngg_buf_vprintf(first_error, fmt, ap);
	va_end(ap);
}

/* The messages collected, as one line: "a; b", at most about 300 bytes. */
static const char *one_line(kngg_buf *b)
{
	kngg_buf line = {0};
	const char *p = kngg_buf_cstr(b);

	while (*p && line.len < 300) {
		size_t n = strcspn(p, "\r\n");

		if (n) {
			if (line.len)
				kngg_buf_puts(&line, "; ");
			kngg_buf_put(&line, p, n);
		}
		p += n;
		p += strspn(p, "\r\n");
	}
	kngg_buf_free(b);
	*b = line;
	return b->len ? kngg_buf_cstr(b) : "onbekende fout";
}

static void on_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	if (err && err->message)
		on_error(NULL, "%s", err->message);
}

/* 1 when path (resolved) is a .xsl file directly inside the allowed folder. */
static int inside_allowed(const char *path)
{
	char dir[PATH_MAX], file[PATH_MAX];
	size_t n, len;

	if (!allowed_dir || !realpath(allowed_dir, dir) || !realpath(path, file))
		return 0;
	n = strlen(dir);
	len = strlen(file);
	return strncmp(file, dir, n) == 0 && file[n] == '/' && !strchr(file + n + 1, '/') &&
	       len > 4 && strcmp(file + len - 4, ".xsl") == 0;
}

static void collect_diag(void *ctx, const char *msg)
{
	(void)ctx;
	on_error(NULL, "%s\n", msg);
}

/* Stylesheets are read by us and parsed from memory: the process refuses
 * every entity libxml2 would load itself (defs_load.c). Only regular files
 * of at most DOC_MAX_TEMPLATE_FILE bytes are read (the reason goes to
 * first_error). path stays the base URL, so includes resolve against the
 * template's folder. 0, KNGG_EIO (not read), KNGG_EINVALID (not XML). */
static int read_style(const char *path, xmlDocPtr *doc)
{
	char *text;
	size_t len;
	int rc;

	*doc = NULL;
	rc = kngg_read_file_max(path, DOC_MAX_TEMPLATE_FILE, collect_diag, NULL, &text, &len);
	if (rc == KNGG_ENOMEM)
		on_error(NULL, "onvoldoende geheugen\n");
	if (rc < 0)
		return KNGG_EIO;
	*doc = xmlReadMemory(text, (int)len, path, NULL, STYLE_PARSE_OPTIONS);
	free(text);
	return *doc ? 0 : KNGG_EINVALID;
}

static void silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* libxslt's document loader: stylesheets from the template folder only
 * (xsl:include, xsl:import); documents (document()) never; nothing at all
 * outside a render (allowed_dir NULL). */
static xmlDocPtr load_doc(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
			  xsltLoadType type)
{
	const char *u = (const char *)uri;
	xmlDocPtr doc;

	(void)dict;
	(void)options;
	(void)ctxt;
	if (type == XSLT_LOAD_STYLESHEET && strncmp(u, "file://", 7) == 0)
		u += 7;
	if (type != XSLT_LOAD_STYLESHEET || strstr(u, "://") || !inside_allowed(u)) {
		on_error(NULL, "sjabloon mag %s niet laden (alleen .xsl uit de sjablonenmap)\n",
			 (const char *)uri);
		return NULL;
	}
	return read_style(u, &doc) == 0 ? doc : NULL;
}

static xsltSecurityPrefsPtr locked_down(void)
{
	static const xsltSecurityOption all[] = {XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE,
						 XSLT_SECPREF_CREATE_DIRECTORY,
						 XSLT_SECPREF_READ_NETWORK,
						 XSLT_SECPREF_WRITE_NETWORK};
	xsltSecurityPrefsPtr sec = xsltNewSecurityPrefs();

	for (size_t i = 0; sec && i < sizeof(all) / sizeof(all[0]); i++)
		if (xsltSetSecurityPrefs(sec, all[i], xsltSecurityForbid) < 0) {
			xsltFreeSecurityPrefs(sec);
			return NULL;
		}
	return sec;
}

/* "JJJJ-MM-DD" three months before date (the day clamped to the month). */
static void months_before(const char *date, int months, char out[11])
{
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8), max;
	char tmp[48];

	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	max = engine_month_days(y, m);

	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, d > max ? max : d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

static int transform(kngg_tracker *t, const char *dir, const char *name, xmlDocPtr input,
		     const char **params, xmlDocPtr *result)
{
	char path[PATH_MAX];
	xsltStylesheetPtr style = NULL;
	xsltTransformContextPtr ctxt = NULL;
	xsltSecurityPrefsPtr sec = NULL;
	xmlDocPtr sdoc;
	kngg_buf err = {0};
	int rc = KNGG_EINVALID;

	*result = NULL;
	snprintf(path, sizeof(path), "%s/%s.xsl", dir, name);
	allowed_dir = dir;
	first_error = &err;
	xmlSetGenericErrorFunc(NULL, on_error);
	xmlSetStructuredErrorFunc(NULL, on_structured);
	xsltSetGenericErrorFunc(NULL, on_error);
	xsltSetLoaderFunc(load_doc);

	if ((rc = read_style(path, &sdoc)) == KNGG_EIO) {
		rc = engine_fail(t, rc, "sjabloon %s: %s", name, one_line(&err));
		goto done;
	} else if (rc < 0) {
		rc = engine_fail(t, rc, "sjabloon %s is geen geldige XML: %s", name, one_line(&err));
		goto done;
	}
	rc = KNGG_EINVALID;
	if (!(style = xsltParseStylesheetDoc(sdoc))) {
		xmlFreeDoc(sdoc);
		rc = engine_fail(t, KNGG_EINVALID, "sjabloon %s is geen geldig XSLT: %s", name,
				 one_line(&err));
		goto done;
	}
	if (style->errors) {
		rc = engine_fail(t, KNGG_EINVALID, "sjabloon %s bevat fouten: %s", name,
				 one_line(&err));
		goto done;
	}
	if (!(sec = locked_down()) || !(ctxt = xsltNewTransformContext(style, input))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	xsltSetTransformErrorFunc(ctxt, NULL, on_error);
	if (xsltSetCtxtSecurityPrefs(sec, ctxt) < 0 || xsltQuoteUserParams(ctxt, params) < 0) {
		rc = engine_fail(t, KNGG_EINVALID, "sjabloon %s: parameters niet door te geven", name);
		goto done;
	}
	*result = xsltApplyStylesheetUser(style, input, NULL, NULL, NULL, ctxt);
	if (!*result || ctxt->state != XSLT_STATE_OK) {
		xmlFreeDoc(*result);
		*result = NULL;
		rc = engine_fail(t, KNGG_EINVALID, "sjabloon %s mislukt: %s", name,
				 one_line(&err));
		goto done;
	}
	rc = 0;
done:
	if (ctxt)
		xsltFreeTransformContext(ctxt);
	if (sec)
		xsltFreeSecurityPrefs(sec);
	if (style)
		xsltFreeStylesheet(style);
	/* the loader stays: it is process-wide, and resetting it while another
	 * thread parses would let that thread's includes reach any file */
	xsltSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetGenericErrorFunc(NULL, silent);
	first_error = NULL;
	allowed_dir = NULL;
	kngg_buf_free(&err);
	return rc;
}

int doc_render(const xmlNode *root, const doc_meta *m, kngg_doc_format f, char **out,
	       size_t *len)
{
	kngg_buf text = {0};
	int rc;

	*out = NULL;
	*len = 0;
	if (f == KNGG_DOC_DOCX)
		return doc_render_docx(root, m, out, len);
	rc = f == KNGG_DOC_HTML ? doc_render_html(root, m, &text) : doc_render_md(root, m, &text);
	if (rc == 0 && text.failed)
		rc = KNGG_ENOMEM;
	if (rc == 0) {
		*len = text.len;
		*out = text.ptr ? text.ptr : strdup("");
		if (!*out)
			rc = KNGG_ENOMEM;
	} else {
		kngg_buf_free(&text);
	}
	return rc;
}

int doc_render_xml(const char *xml, size_t n, kngg_doc_format f, kngg_buf *why, char **out,
		   size_t *len)
{
	doc_meta m = {NULL, NULL, "GM9999", "Waterlinde & <Zn>", "2026-11-23", "bron"};
	xmlDocPtr doc;
	int rc = KNGG_EINVALID;

	*out = NULL;
	*len = 0;
	if (n > INT_MAX || !(doc = xmlReadMemory(xml, (int)n, "doc.xml", NULL, XML_PARSE_NONET))) {
		kngg_buf_puts(why, "geen geldige XML");
		return KNGG_EINVALID;
	}
	if (doc_check(xmlDocGetRootElement(doc), why) == 0) {
		xmlChar *title = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "title");
		xmlChar *sub = xmlGetProp(xmlDocGetRootElement(doc), BAD_CAST "subtitle");

		m.title = (const char *)title;
		m.subtitle = (const char *)sub;
		rc = doc_render(xmlDocGetRootElement(doc), &m, f, out, len);
		xmlFree(title);
		xmlFree(sub);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* 1 when the export has a run (of phase 3 or 4) with that cycle number. */
static int has_cycle(xmlDocPtr input, int cycle)
{
	char expr[96];
	xmlXPathContextPtr x = xmlXPathNewContext(input);
	xmlXPathObjectPtr r;
	int found = 0;

	/* an integer, never request text, goes into the expression */
	snprintf(expr, sizeof(expr), "boolean(/kngg-export/phases/phase/runs/run[@cycle = %d])", cycle);
	if (x && (r = xmlXPathEvalExpression(BAD_CAST expr, x))) {
		found = r->type == XPATH_BOOLEAN && r->boolval;
		xmlXPathFreeObject(r);
	}
	xmlXPathFreeContext(x);
	return found;
}

static char *prop(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, BAD_CAST name);
}

int kngg_doc_render(kngg_tracker *t, const char *dir, const char *name, const char *code,
		    const kngg_doc_params *p, kngg_doc_format f, char **out, size_t *len)
{
	static const kngg_doc_params none = {0};
	char today[11], since[11], cycle[16], path[PATH_MAX];
	const char *params[9];
	char *xml = NULL, *title = NULL, *subtitle = NULL, *mname = NULL, *source = NULL;
	xmlDocPtr input = NULL, result = NULL;
	xmlNodePtr root;
	kngg_buf why = {0};
	int rc;

	*out = NULL;
	*len = 0;
	if (!p)
		p = &none;
	if (!valid_name(name))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige documentnaam '%s' (kleine letters, cijfers en -)", name);
	snprintf(path, sizeof(path), "%s/%s.xsl", dir, name);
	if (access(path, R_OK) != 0)
		return engine_fail(t, KNGG_ENOTFOUND, "onbekend document '%s' (zie 'kngg doc list')",
				   name);
	if (!f)
		return engine_fail(t, KNGG_EINVALID, "onbekend formaat (md, html of docx)");
	if ((rc = engine_check_as_of(t, p->as_of)) < 0)
		return rc;
	if (p->since && !kngg_valid_date(p->since))
		return engine_fail(t, KNGG_EINVALID, "ongeldige datum '%s' bij --since (JJJJ-MM-DD)",
				   p->since);
	if (p->area) {
		int64_t id;

		if ((rc = engine_need_municipality(t, code)) < 0)
			return rc;
		rc = kngg_store_area_find(t->store, code, p->area, &id);
		if (rc == KNGG_ENOTFOUND)
			return engine_fail(t, rc, "%s heeft geen gebied '%s' (zie 'kngg area list %s')",
					   code, p->area, code);
		if (rc < 0)
			return rc;
	}
	if ((rc = kngg_export(t, code, p->as_of, KNGG_EXPORT_XML, &xml)) < 0)
		return rc;
	if (!(input = xmlReadMemory(xml, (int)strlen(xml), "export.xml", "UTF-8", XML_PARSE_NONET))) {
		rc = engine_fail(t, KNGG_ERROR, "de export is geen geldige XML");
		goto done;
	}
	engine_day(t, p->as_of, today);
	if (p->since && strcmp(p->since, today) > 0) {
		rc = engine_fail(t, KNGG_EINVALID, "--since %s ligt na de peildatum %s", p->since, today);
		goto done;
	}
	if (p->since)
		snprintf(since, sizeof(since), "%s", p->since);
	else
		months_before(today, 3, since);
	if (p->cycle && !has_cycle(input, p->cycle)) {
		rc = engine_fail(t, KNGG_ENOTFOUND, "%s heeft geen cyclus %d (zie 'kngg status %s')", code,
				 p->cycle, code);
		goto done;
	}
	snprintf(cycle, sizeof(cycle), "%d", p->cycle);
	params[0] = "today", params[1] = today;
	params[2] = "area", params[3] = p->area ? p->area : "";
	params[4] = "cycle", params[5] = p->cycle ? cycle : "";
	params[6] = "since", params[7] = since;
	params[8] = NULL;
	if ((rc = transform(t, dir, name, input, params, &result)) < 0)
		goto done;
	root = xmlDocGetRootElement(result);
	if (doc_check(root, &why) < 0) {
		rc = engine_fail(t, KNGG_EINVALID, "sjabloon %s: %s", name, kngg_buf_cstr(&why));
		goto done;
	}
	title = prop(root, "title");
	subtitle = prop(root, "subtitle");
	{
		xmlNodePtr er = xmlDocGetRootElement(input);

		mname = prop(er, "name");
		source = prop(er, "source");
	}
	{
		doc_meta m = {title, subtitle, code, mname, today, source};

		rc = doc_render(root, &m, f, out, len);
		if (rc == KNGG_ENOMEM)
			engine_fail(t, rc, "onvoldoende geheugen voor het document");
		else if (rc < 0)
			engine_fail(t, rc, "document %s niet op te bouwen", name);
	}
done:
	xmlFree(title);
	xmlFree(subtitle);
	xmlFree(mname);
	xmlFree(source);
	kngg_buf_free(&why);
	xmlFreeDoc(result);
	xmlFreeDoc(input);
	free(xml);
	return rc;
}
