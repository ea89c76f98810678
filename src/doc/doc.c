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
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlmemory.h>
#include <libxml/xpath.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "doc/doc_priv.h"
#include "kngg/track.h"
#include "kngg/doc.h"
#include "kngg/export.h"

#define STYLE_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING)

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

/* ---- limits on a running template ---------------------------------------- */

/*
 * A customised template may recurse without end, or build a string or tree
 * that doubles at every step. libxslt's own limits (nesting, variables on
 * the stack, instructions executed, XPath operations) are set on each
 * transform context, never through its process-wide defaults, so renders
 * in other threads keep theirs. Memory and time have no such limit in
 * libxslt: every libxml2/libxslt allocation passes hooks (installed once,
 * before main) that count the bytes a render holds on its own thread and
 * read the thread's CPU clock now and then, and stop that render's
 * transform once either budget is spent.
 *
 * The real templates, over ten years of one municipality's history
 * (bench/gen_national.py --single), need at most 2,000 instructions,
 * 10,000 XPath operations, 0.2 MiB and 10 ms: the limits leave a margin of
 * several hundred times. Nesting and variables keep libxslt's defaults;
 * 3000 levels fit in 2 MiB of stack (a web server thread has 8).
 */
const doc_limits doc_default_limits = {
	.depth = 3000,
	.vars = 15000,
	.steps = 1000000,
	.xpath_steps = 50000000,
	.memory = (size_t)64 << 20,
	.seconds = 10,
};

typedef enum {
	LIMIT_NONE,
	LIMIT_DEPTH,
	LIMIT_VARS,
	LIMIT_STEPS,
	LIMIT_XPATH_STEPS,
	LIMIT_MEMORY,
	LIMIT_TIME
} limit_kind;

typedef struct {
	xsltTransformContextPtr ctxt;
	const doc_limits *lim;
	long long held;          /* bytes allocated minus freed on this thread */
	unsigned long allocs;    /* allocations, to read the clock every so often */
	struct timespec start;   /* the thread's CPU clock when the transform began */
	limit_kind hit;          /* the first limit reached */
} render_guard;

static _Thread_local const doc_limits *limits_override;
static _Thread_local render_guard *guard;

void doc_set_limits(const doc_limits *limits)
{
	limits_override = limits;
}

static double cpu_seconds_since(const struct timespec *start)
{
	struct timespec now;

	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
		return 0;
	return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Ends the transform at its next instruction or XPath operation. */
static void stop(render_guard *g, limit_kind why)
{
	if (g->hit == LIMIT_NONE)
		g->hit = why;
	g->ctxt->state = XSLT_STATE_STOPPED; /* as libxslt does itself; 1.1.35 has no call */
	if (g->ctxt->xpathCtxt)
		g->ctxt->xpathCtxt->opCount = g->ctxt->xpathCtxt->opLimit;
}

static void account(render_guard *g, long long delta)
{
	g->held += delta;
	if (delta > 0 && g->held > (long long)g->lim->memory)
		stop(g, LIMIT_MEMORY);
	if (++g->allocs % 1024 == 0 && cpu_seconds_since(&g->start) > (double)g->lim->seconds)
		stop(g, LIMIT_TIME);
}

/* An allocation that would take the render past twice its budget fails:
 * the transform was stopped at the budget, and only the instruction in
 * flight (one concat() of two halves, say) may still grow. */
static int refused(const render_guard *g, long long delta)
{
	return delta > 0 && g->held + delta > 2 * (long long)g->lim->memory;
}

/* The hooks. malloc_usable_size() (glibc, and ASan's allocator) gives a
 * block's size on free without a header of our own. */
static void *guarded_malloc(size_t n)
{
	render_guard *g = guard;
	void *p;

	if (g && refused(g, (long long)n)) {
		stop(g, LIMIT_MEMORY);
		return NULL;
	}
	p = malloc(n);
	if (p && g)
		account(g, (long long)malloc_usable_size(p));
	return p;
}

static void *guarded_realloc(void *p, size_t n)
{
	render_guard *g = guard;
	long long old = g && p ? (long long)malloc_usable_size(p) : 0;
	void *q;

	if (g && refused(g, (long long)n - old)) {
		stop(g, LIMIT_MEMORY);
		return NULL;
	}
	q = realloc(p, n);
	if (g && q)
		account(g, (long long)malloc_usable_size(q) - old);
	else if (g && n == 0)
		account(g, -old); /* realloc(p, 0) freed p */
	return q;
}

static void guarded_free(void *p)
{
	render_guard *g = guard;

	if (g && p)
		account(g, -(long long)malloc_usable_size(p));
	free(p);
}

static char *guarded_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = guarded_malloc(n);

	return p ? memcpy(p, s, n) : NULL;
}

static xmlDocPtr load_doc(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
			  xsltLoadType type);

/* What libxml2 and libxslt keep process-wide is set here once, before main,
 * so that no thread can be inside them while it changes and no render can
 * undo it for another: the allocator hooks (outside a transform they only
 * pass calls on, so a block may be allocated by one and freed by the
 * other), libxslt's generic error handler (a no-op on a thread that is not
 * rendering) and its document loader (which refuses everything then). */
__attribute__((constructor)) static void install_hooks(void)
{
	xmlMemSetup(guarded_free, guarded_malloc, guarded_realloc, guarded_strdup);
	xsltSetGenericErrorFunc(NULL, on_error);
	xsltSetLoaderFunc(load_doc);
}

/* libxslt reports its own limits as errors; which one it was is read from
 * the context at that moment (the nesting unwinds before it returns, and
 * a render that ends well may have used a counter up to its limit). */
static void note_limit(render_guard *g)
{
	xsltTransformContextPtr c = g->ctxt;

	if (g->hit != LIMIT_NONE)
		return;
	if (c->depth >= c->maxTemplateDepth)
		g->hit = LIMIT_DEPTH;
	else if (c->varsNr >= c->maxTemplateVars)
		g->hit = LIMIT_VARS;
	else if (c->opLimit && c->opCount >= c->opLimit)
		g->hit = LIMIT_STEPS;
	else if (c->xpathCtxt && c->xpathCtxt->opLimit &&
		 c->xpathCtxt->opCount >= c->xpathCtxt->opLimit)
		g->hit = LIMIT_XPATH_STEPS;
}

static void on_transform_error(void *ctx, const char *fmt, ...) KNGG_PRINTF(2, 3);

static void on_transform_error(void *ctx, const char *fmt, ...)
{
	va_list ap;

	note_limit(ctx);
	if (!first_error || first_error->len > 2000)
		return;
	va_start(ap, fmt);
	kngg_buf_vprintf(first_error, fmt, ap);
	va_end(ap);
}

/* Sets the limits on a new transform context and starts counting. */
static void guard_begin(render_guard *g, xsltTransformContextPtr ctxt)
{
	memset(g, 0, sizeof(*g));
	g->ctxt = ctxt;
	g->lim = limits_override ? limits_override : &doc_default_limits;
	ctxt->maxTemplateDepth = g->lim->depth;
	ctxt->maxTemplateVars = g->lim->vars;
	ctxt->opLimit = g->lim->steps;
	if (ctxt->xpathCtxt) {
		ctxt->xpathCtxt->opLimit = g->lim->xpath_steps;
		ctxt->xpathCtxt->opCount = 0;
	}
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &g->start);
	xsltSetTransformErrorFunc(ctxt, g, on_transform_error);
	guard = g;
}

static void guard_end(void)
{
	guard = NULL;
}

/* Fails the render with the limit it reached, in words a template author
 * can act on; 0 when none was. */
static int limit_failure(kngg_tracker *t, const char *name, const render_guard *g)
{
	const doc_limits *l = g->lim;

	switch (g->hit) {
	case LIMIT_DEPTH:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: te diep genest (meer dan %d niveaus); "
				   "controleer recursie in het sjabloon", name, l->depth);
	case LIMIT_VARS:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: te veel variabelen en parameters "
				   "tegelijk (meer dan %d); controleer recursie in het sjabloon",
				   name, l->vars);
	case LIMIT_STEPS:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: te veel stappen (meer dan %lu "
				   "instructies); controleer lussen en recursie in het sjabloon",
				   name, l->steps);
	case LIMIT_XPATH_STEPS:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: te veel rekenwerk in expressies "
				   "(meer dan %lu XPath-stappen); controleer lussen en recursie in "
				   "het sjabloon", name, l->xpath_steps);
	case LIMIT_MEMORY:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: gebruikt te veel geheugen (meer "
				   "dan %zu MiB); controleer recursie in het sjabloon", name,
				   l->memory >> 20);
	case LIMIT_TIME:
		return kngg_fail(t, KNGG_EINVALID, "sjabloon %s: rekent te lang (meer dan %u s "
				   "rekentijd); controleer lussen en recursie in het sjabloon", name,
				   l->seconds);
	case LIMIT_NONE:
		break;
	}
	return 0;
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

/* "JJJJ-MM-DD" months before date (the day clamped to the month). */
static void months_before(const char *date, int months, char out[11])
{
	int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8), max;
	char tmp[48];

	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	max = kngg_month_days(y, m);

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
	render_guard g;
	int rc = KNGG_EINVALID;

	*result = NULL;
	snprintf(path, sizeof(path), "%s/%s.xsl", dir, name);
	allowed_dir = dir;
	first_error = &err;
	xmlSetGenericErrorFunc(NULL, on_error);
	xmlSetStructuredErrorFunc(NULL, on_structured);

	if ((rc = read_style(path, &sdoc)) == KNGG_EIO) {
		rc = kngg_fail(t, rc, "sjabloon %s: %s", name, one_line(&err));
		goto done;
	} else if (rc < 0) {
		rc = kngg_fail(t, rc, "sjabloon %s is geen geldige XML: %s", name, one_line(&err));
		goto done;
	}
	rc = KNGG_EINVALID;
	if (!(style = xsltParseStylesheetDoc(sdoc))) {
		xmlFreeDoc(sdoc);
		rc = kngg_fail(t, KNGG_EINVALID, "sjabloon %s is geen geldig XSLT: %s", name,
				 one_line(&err));
		goto done;
	}
	if (style->errors) {
		rc = kngg_fail(t, KNGG_EINVALID, "sjabloon %s bevat fouten: %s", name,
				 one_line(&err));
		goto done;
	}
	if (!(sec = locked_down()) || !(ctxt = xsltNewTransformContext(style, input))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	guard_begin(&g, ctxt);
	if (xsltSetCtxtSecurityPrefs(sec, ctxt) < 0 || xsltQuoteUserParams(ctxt, params) < 0) {
		guard_end();
		rc = kngg_fail(t, KNGG_EINVALID, "sjabloon %s: parameters niet door te geven", name);
		goto done;
	}
	*result = xsltApplyStylesheetUser(style, input, NULL, NULL, NULL, ctxt);
	guard_end();
	if (!*result || ctxt->state != XSLT_STATE_OK || g.hit != LIMIT_NONE) {
		xmlFreeDoc(*result);
		*result = NULL;
		rc = limit_failure(t, name, &g);
		if (rc == 0)
			rc = kngg_fail(t, KNGG_EINVALID, "sjabloon %s mislukt: %s", name,
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
	/* libxml2's error handlers are per thread; libxslt's stay (install_hooks) */
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

/* doc_render() with title and subtitle taken from the template's output,
 * their ISO dates made Dutch as in the text. */
static int render_titled(const xmlNode *root, doc_meta *m, const char *title, const char *subtitle,
			 kngg_doc_format f, char **out, size_t *len)
{
	kngg_buf t_nl = {0}, s_nl = {0};
	int rc;

	kngg_buf_puts(&t_nl, title ? title : "");
	doc_dates_nl(&t_nl);
	m->title = kngg_buf_cstr(&t_nl);
	m->subtitle = NULL;
	if (subtitle) {
		kngg_buf_puts(&s_nl, subtitle);
		doc_dates_nl(&s_nl);
		m->subtitle = kngg_buf_cstr(&s_nl);
	}
	rc = t_nl.failed || s_nl.failed ? KNGG_ENOMEM : doc_render(root, m, f, out, len);
	kngg_buf_free(&t_nl);
	kngg_buf_free(&s_nl);
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

		rc = render_titled(xmlDocGetRootElement(doc), &m, (const char *)title,
				   (const char *)sub, f, out, len);
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
	char today[11], year_ago[11], cycle[16], path[PATH_MAX];
	const char *params[11];
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
		return kngg_fail(t, KNGG_EINVALID,
				   "ongeldige documentnaam '%s' (kleine letters, cijfers en -)", name);
	snprintf(path, sizeof(path), "%s/%s.xsl", dir, name);
	if (access(path, R_OK) != 0)
		return kngg_fail(t, KNGG_ENOTFOUND, "onbekend document '%s' (zie 'kngg doc list')",
				   name);
	if (!f)
		return kngg_fail(t, KNGG_EINVALID, "onbekend formaat (md, html of docx)");
	if ((rc = kngg_check_as_of(t, p->as_of)) < 0)
		return rc;
	if (p->since && !kngg_valid_date(p->since))
		return kngg_fail(t, KNGG_EINVALID, "ongeldige datum '%s' bij --since (JJJJ-MM-DD)",
				   p->since);
	if (p->area) {
		int64_t id;

		if ((rc = kngg_need_municipality(t, code)) < 0)
			return rc;
		rc = kngg_area_id(t, code, p->area, &id);
		if (rc == KNGG_ENOTFOUND)
			return kngg_fail(t, rc, "%s heeft geen gebied '%s' (zie 'kngg area list %s')",
					   code, p->area, code);
		if (rc < 0)
			return rc;
	}
	if ((rc = kngg_export_xml(t, code, p->as_of, &xml)) < 0)
		return rc;
	if (!(input = xmlReadMemory(xml, (int)strlen(xml), "export.xml", "UTF-8", XML_PARSE_NONET))) {
		rc = kngg_fail(t, KNGG_ERROR, "de export is geen geldige XML");
		goto done;
	}
	kngg_day(t, p->as_of, today);
	if (p->since && strcmp(p->since, today) > 0) {
		rc = kngg_fail(t, KNGG_EINVALID, "--since %s ligt na de peildatum %s", p->since, today);
		goto done;
	}
	/* a report's period: --since, else (the template decides) the last
	 * twelve months, but not from before the project started */
	months_before(today, 12, year_ago);
	if (p->cycle && !has_cycle(input, p->cycle)) {
		rc = kngg_fail(t, KNGG_ENOTFOUND, "%s heeft geen cyclus %d (zie 'kngg status %s')", code,
				 p->cycle, code);
		goto done;
	}
	snprintf(cycle, sizeof(cycle), "%d", p->cycle);
	params[0] = "today", params[1] = today;
	params[2] = "area", params[3] = p->area ? p->area : "";
	params[4] = "cycle", params[5] = p->cycle ? cycle : "";
	params[6] = "since", params[7] = p->since ? p->since : "";
	params[8] = "year-ago", params[9] = year_ago;
	params[10] = NULL;
	if ((rc = transform(t, dir, name, input, params, &result)) < 0)
		goto done;
	root = xmlDocGetRootElement(result);
	if (doc_check(root, &why) < 0) {
		rc = kngg_fail(t, KNGG_EINVALID, "sjabloon %s: %s", name, kngg_buf_cstr(&why));
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
		doc_meta m = {NULL, NULL, code, mname, today, source};

		rc = render_titled(root, &m, title, subtitle, f, out, len);
		if (rc == KNGG_ENOMEM)
			kngg_fail(t, rc, "onvoldoende geheugen voor het document");
		else if (rc < 0)
			kngg_fail(t, rc, "document %s niet op te bouwen", name);
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
