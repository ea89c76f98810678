/*
 * vocab.c: the document vocabulary templates write (templates/README.md):
 * the check every rendered template passes before a renderer sees it, and
 * the tree helpers the renderers share.
 */
#include <string.h>

#include "util/text.h"
#include "doc/doc_priv.h"
#include "kngg/track.h"

static const char *const blocks[] = {"h1", "h2", "h3", "p", "ul", "ol", "table", "note", NULL};
static const char *const inlines[] = {"b", "i", "fill", "br", NULL};

int doc_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !n->ns && strcmp((const char *)n->name, name) == 0;
}

const xmlNode *doc_elem(const xmlNode *n)
{
	while (n && n->type != XML_ELEMENT_NODE)
		n = n->next;
	return n;
}

int doc_heading(const xmlNode *n)
{
	return doc_is(n, "h1") ? 1 : doc_is(n, "h2") ? 2 : doc_is(n, "h3") ? 3 : 0;
}

int doc_header_row(const xmlNode *tr)
{
	int any = 0;

	for (const xmlNode *c = doc_elem(tr->children); c; c = doc_elem(c->next)) {
		if (!doc_is(c, "th"))
			return 0;
		any = 1;
	}
	return any;
}

size_t doc_table_cols(const xmlNode *table)
{
	size_t most = 0;

	for (const xmlNode *tr = doc_elem(table->children); tr; tr = doc_elem(tr->next)) {
		size_t n = 0;

		for (const xmlNode *c = doc_elem(tr->children); c; c = doc_elem(c->next))
			n++;
		if (n > most)
			most = n;
	}
	return most;
}

/* ---- the check ------------------------------------------------------------------- */

static int in(const xmlNode *n, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (doc_is(n, names[i]))
			return 1;
	return 0;
}

static int blank(const xmlChar *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return 0;
	return 1;
}

static int bad(kngg_buf *why, const xmlNode *n, const char *where)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		kngg_buf_printf(why, "tekst direct in <%s>; zet die in een <p>", where);
	else if (n->ns)
		kngg_buf_printf(why, "element <%s> met namespace %s in <%s>", n->name,
				n->ns->href ? (const char *)n->ns->href : "?", where);
	else
		kngg_buf_printf(why, "onbekend element <%s> in <%s>", n->name, where);
	return -1;
}

/* Children that are ignored anywhere: comments, processing instructions. */
static int ignorable(const xmlNode *n)
{
	return n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE;
}

static int check_inline(const xmlNode *parent, kngg_buf *why)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (ignorable(n) || n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			continue;
		if (!in(n, inlines))
			return bad(why, n, (const char *)parent->name);
		if ((doc_is(n, "b") || doc_is(n, "i")) && check_inline(n, why) < 0)
			return -1;
		if (doc_is(n, "br") && n->children)
			return bad(why, n->children, "br");
	}
	return 0;
}

/* Children of a container (ul, ol, table, tr): only the named elements. */
static int check_only(const xmlNode *parent, const char *const *allowed, kngg_buf *why)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (ignorable(n) || (n->type == XML_TEXT_NODE && blank(n->content)))
			continue;
		if (!in(n, allowed))
			return bad(why, n, (const char *)parent->name);
	}
	return 0;
}

static int check_block(const xmlNode *b, kngg_buf *why)
{
	static const char *const li[] = {"li", NULL}, *const tr[] = {"tr", NULL},
				 *const cells[] = {"th", "td", NULL};

	if (doc_is(b, "ul") || doc_is(b, "ol")) {
		if (check_only(b, li, why) < 0)
			return -1;
		for (const xmlNode *n = doc_elem(b->children); n; n = doc_elem(n->next))
			if (check_inline(n, why) < 0)
				return -1;
		return 0;
	}
	if (doc_is(b, "table")) {
		if (check_only(b, tr, why) < 0)
			return -1;
		for (const xmlNode *row = doc_elem(b->children); row; row = doc_elem(row->next)) {
			if (check_only(row, cells, why) < 0)
				return -1;
			for (const xmlNode *c = doc_elem(row->children); c; c = doc_elem(c->next))
				if (check_inline(c, why) < 0)
					return -1;
		}
		return 0;
	}
	return check_inline(b, why);
}

int doc_check(const xmlNode *root, kngg_buf *why)
{
	xmlChar *title;
	int empty;

	if (!doc_is(root, "document")) {
		kngg_buf_printf(why, "de uitvoer begint met <%s>, niet met <document>",
				root ? (const char *)root->name : "niets");
		return -1;
	}
	title = xmlGetProp(root, BAD_CAST "title");
	empty = !title || blank(title);
	xmlFree(title);
	if (empty) {
		kngg_buf_puts(why, "<document> heeft geen title");
		return -1;
	}
	for (const xmlNode *n = root->children; n; n = n->next) {
		if (ignorable(n) || (n->type == XML_TEXT_NODE && blank(n->content)))
			continue;
		if (!in(n, blocks))
			return bad(why, n, "document");
		if (check_block(n, why) < 0)
			return -1;
	}
	return 0;
}

/* ---- inline text ---------------------------------------------------------------- */

typedef struct {
	doc_seg_fn fn;
	void *ctx;
	int started; /* some text was given */
	int space;   /* whitespace seen since the last text */
	kngg_buf run;
} seg_state;

/* Collapses every run of whitespace in src into one space, appended to b;
 * returns whether src began and ended with whitespace. */
static void collapse(kngg_buf *b, const char *src, int *lead, int *trail)
{
	const char *p = src + strspn(src, " \t\r\n");

	*lead = p != src;
	*trail = 0;
	while (*p) {
		size_t word = strcspn(p, " \t\r\n");

		kngg_buf_put(b, p, word);
		p += word;
		if (*p) {
			p += strspn(p, " \t\r\n");
			if (*p)
				kngg_buf_put(b, " ", 1);
			else
				*trail = 1;
		}
	}
}

/* Rewrites every ISO date in b ("2026-07-01") as Dutch people write it ("1
 * juli 2026"), so that no template can put an ISO date in a document; a
 * run of digits and hyphens longer than a date (a code) stays as it is. */
void doc_dates_nl(kngg_buf *b)
{
	kngg_buf out = {0};

	kngg_dates_nl(&out, kngg_buf_cstr(b), b->len);
	if (out.failed) {
		kngg_buf_free(&out);
		return; /* the ISO date is shown then: out of memory, not wrong */
	}
	kngg_buf_free(b);
	*b = out;
}

/* One text node (or a whole fill) as one piece, with the space before it
 * given separately and unstyled (Markdown emphasis may not start with one). */
static void emit(seg_state *s, const char *text, doc_style st)
{
	int lead, trail;

	kngg_buf_free(&s->run);
	collapse(&s->run, text, &lead, &trail);
	doc_dates_nl(&s->run);
	if (!s->run.len) {
		s->space |= lead;
		return;
	}
	if ((s->space || lead) && s->started)
		s->fn(s->ctx, " ", 1, (doc_style){0, 0, 0});
	s->fn(s->ctx, kngg_buf_cstr(&s->run), s->run.len, st);
	s->started = 1;
	s->space = trail;
}

static void walk(seg_state *s, const xmlNode *parent, doc_style st)
{
	for (const xmlNode *n = parent->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			emit(s, n->content ? (const char *)n->content : "", st);
		} else if (doc_is(n, "br")) {
			s->fn(s->ctx, NULL, 0, st);
			s->space = 0;
			s->started = 0;
		} else if (doc_is(n, "fill")) {
			xmlChar *all = xmlNodeGetContent(n);
			doc_style fs = st;

			fs.fill = 1;
			emit(s, all ? (const char *)all : "", fs);
			xmlFree(all);
		} else if (doc_is(n, "b") || doc_is(n, "i")) {
			doc_style inner = st;

			if (doc_is(n, "b"))
				inner.bold = 1;
			else
				inner.italic = 1;
			walk(s, n, inner);
		}
	}
}

void doc_inline(const xmlNode *parent, doc_seg_fn fn, void *ctx)
{
	seg_state s = {fn, ctx, 0, 0, {0}};

	walk(&s, parent, (doc_style){0, 0, 0});
	kngg_buf_free(&s.run);
}
