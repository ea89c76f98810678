/*
 * render_text.c: the document vocabulary as Markdown (CommonMark with GFM
 * tables, for wikis) and as standalone HTML with print styles.
 */
#include <string.h>

#include "doc/doc_priv.h"

/* ---- Markdown ---------------------------------------------------------------------- */

typedef struct {
	kngg_buf *b;
	int line_start; /* the next text begins a block: guard list and heading markers */
	int in_cell;    /* inside a table cell: | must be escaped, no line breaks */
} md_out;

/* "&name;" or "&#123;" would be read as a character reference. */
static int entity_like(const char *s, size_t n)
{
	size_t i = 1;

	if (i < n && s[i] == '#')
		i++;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			 (s[i] >= '0' && s[i] <= '9')))
		i++;
	return i > 1 && i < n && s[i] == ';';
}

static void md_escape(md_out *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int esc = 0;

		if (strchr("\\`*_[]<>~", c) || (c == '|' && o->in_cell))
			esc = 1;
		else if (c == '&')
			esc = entity_like(s + i, n - i);
		else if (o->line_start && i == 0 && strchr("#-+=", c))
			esc = 1;
		else if (o->line_start && (c == '.' || c == ')') && i > 0 &&
			 strspn(s, "0123456789") == i)
			esc = 1; /* "1." would start a numbered list */
		if (esc)
			kngg_buf_put(o->b, "\\", 1);
		kngg_buf_put(o->b, &c, 1);
	}
	if (n)
		o->line_start = 0;
}

static void md_seg(void *ctx, const char *text, size_t len, doc_style st)
{
	md_out *o = ctx;

	if (!text) {
		/* GFM has no line break in a table cell but inline HTML's */
		kngg_buf_puts(o->b, o->in_cell ? "<br>" : "\\\n");
		return;
	}
	if (st.fill) {
		kngg_buf_puts(o->b, "**" DOC_FILL_OPEN);
		o->line_start = 0;
		md_escape(o, text, len);
		kngg_buf_puts(o->b, DOC_FILL_CLOSE "**");
		return;
	}
	if (st.bold)
		kngg_buf_puts(o->b, "**");
	if (st.italic)
		kngg_buf_puts(o->b, "*");
	md_escape(o, text, len);
	if (st.italic)
		kngg_buf_puts(o->b, "*");
	if (st.bold)
		kngg_buf_puts(o->b, "**");
}

/* block_start: n's text opens a paragraph or list item, where "#", "-" or
 * "1." would be read as markup. */
static void md_inline(md_out *o, const xmlNode *n, int block_start)
{
	o->line_start = block_start;
	doc_inline(n, md_seg, o);
	o->line_start = 0;
}

static void md_table(md_out *o, const xmlNode *table)
{
	size_t cols = doc_table_cols(table), row = 0;

	if (!cols)
		return;
	o->in_cell = 1;
	for (const xmlNode *tr = doc_elem(table->children); tr; tr = doc_elem(tr->next), row++) {
		size_t k = 0;

		kngg_buf_puts(o->b, "|");
		for (const xmlNode *c = doc_elem(tr->children); c; c = doc_elem(c->next), k++) {
			kngg_buf_puts(o->b, " ");
			md_inline(o, c, 0);
			kngg_buf_puts(o->b, " |");
		}
		for (; k < cols; k++)
			kngg_buf_puts(o->b, "  |");
		kngg_buf_puts(o->b, "\n");
		if (row == 0) { /* GFM: the first row is the header */
			kngg_buf_puts(o->b, "|");
			for (k = 0; k < cols; k++)
				kngg_buf_puts(o->b, " --- |");
			kngg_buf_puts(o->b, "\n");
		}
	}
	o->in_cell = 0;
}

int doc_render_md(const xmlNode *root, const doc_meta *m, kngg_buf *b)
{
	md_out o = {b, 1, 0};

	kngg_buf_puts(b, "# ");
	md_escape(&o, m->title, strlen(m->title));
	kngg_buf_puts(b, "\n\n");
	if (m->subtitle) {
		kngg_buf_puts(b, "*");
		o.line_start = 0;
		md_escape(&o, m->subtitle, strlen(m->subtitle));
		kngg_buf_puts(b, "*\n\n");
	}
	for (const xmlNode *n = doc_elem(root->children); n; n = doc_elem(n->next)) {
		int level = doc_heading(n);

		if (level) {
			kngg_buf_printf(b, "%.*s ", level + 1, "####");
			md_inline(&o, n, 0);
		} else if (doc_is(n, "p")) {
			md_inline(&o, n, 1);
		} else if (doc_is(n, "note")) {
			kngg_buf_puts(b, "> ");
			md_inline(&o, n, 1);
		} else if (doc_is(n, "ul") || doc_is(n, "ol")) {
			int k = 1;

			for (const xmlNode *li = doc_elem(n->children); li; li = doc_elem(li->next), k++) {
				if (doc_is(n, "ol"))
					kngg_buf_printf(b, "%d. ", k);
				else
					kngg_buf_puts(b, "- ");
				md_inline(&o, li, 1);
				kngg_buf_puts(b, "\n");
			}
			kngg_buf_puts(b, "\n");
			continue;
		} else if (doc_is(n, "table")) {
			md_table(&o, n);
			kngg_buf_puts(b, "\n");
			continue;
		}
		kngg_buf_puts(b, "\n\n");
	}
	return b->failed ? KNGG_ENOMEM : 0;
}

/* ---- HTML ----------------------------------------------------------------------- */

static const char css[] =
	"body{font-family:'Segoe UI',Arial,sans-serif;line-height:1.5;color:#1a1a1a;"
	"max-width:48rem;margin:2rem auto;padding:0 1rem}"
	"h1{font-size:1.9rem;margin-bottom:.2rem}h2{font-size:1.45rem;margin-top:2rem;"
	"border-bottom:1px solid #ccc}h3{font-size:1.2rem}h4{font-size:1.05rem}"
	".subtitle{color:#444;margin-top:0}.meta{color:#444;font-size:.9rem}"
	"table{border-collapse:collapse;width:100%;margin:1rem 0}"
	"th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}"
	"th{background:#e8eef4}"
	"mark.fill{background:#fff3a0;color:#1a1a1a}"
	"aside.note{border-left:4px solid #4a7ab0;background:#f3f6fa;padding:.5rem 1rem;"
	"margin:1rem 0;font-size:.92rem}"
	"@page{size:A4;margin:2cm}"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
	"h2{break-after:avoid}h3,h4{break-after:avoid}tr,aside{break-inside:avoid}"
	"thead{display:table-header-group}mark.fill{background:none;border:1px dashed #777}"
	"a{color:inherit}}";

static void html_text(kngg_buf *b, const char *s)
{
	kngg_buf_put_xml(b, s, strlen(s));
}

static void html_seg(void *ctx, const char *text, size_t len, doc_style st)
{
	kngg_buf *b = ctx;

	if (!text) {
		kngg_buf_puts(b, "<br>");
		return;
	}
	if (st.fill) {
		kngg_buf_puts(b, "<mark class=\"fill\">" DOC_FILL_OPEN);
		kngg_buf_put_xml(b, text, len);
		kngg_buf_puts(b, DOC_FILL_CLOSE "</mark>");
		return;
	}
	if (st.bold)
		kngg_buf_puts(b, "<strong>");
	if (st.italic)
		kngg_buf_puts(b, "<em>");
	kngg_buf_put_xml(b, text, len);
	if (st.italic)
		kngg_buf_puts(b, "</em>");
	if (st.bold)
		kngg_buf_puts(b, "</strong>");
}

static void html_cells(kngg_buf *b, const xmlNode *tr, size_t cols, int head)
{
	size_t k = 0;

	kngg_buf_puts(b, "<tr>");
	for (const xmlNode *c = doc_elem(tr->children); c; c = doc_elem(c->next), k++) {
		int th = doc_is(c, "th");

		kngg_buf_puts(b, th ? (head ? "<th scope=\"col\">" : "<th scope=\"row\">") : "<td>");
		doc_inline(c, html_seg, b);
		kngg_buf_puts(b, th ? "</th>" : "</td>");
	}
	for (; k < cols; k++)
		kngg_buf_puts(b, "<td></td>");
	kngg_buf_puts(b, "</tr>\n");
}

static void html_table(kngg_buf *b, const xmlNode *table)
{
	size_t cols = doc_table_cols(table);
	const xmlNode *tr = doc_elem(table->children);

	kngg_buf_puts(b, "<table>\n");
	if (tr && doc_header_row(tr)) {
		kngg_buf_puts(b, "<thead>");
		for (; tr && doc_header_row(tr); tr = doc_elem(tr->next))
			html_cells(b, tr, cols, 1);
		kngg_buf_puts(b, "</thead>\n");
	}
	kngg_buf_puts(b, "<tbody>\n");
	for (; tr; tr = doc_elem(tr->next))
		html_cells(b, tr, cols, 0);
	kngg_buf_puts(b, "</tbody>\n</table>\n");
}

int doc_render_html(const xmlNode *root, const doc_meta *m, kngg_buf *b)
{
	kngg_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
			 "<meta name=\"generator\" content=\"kngg " KNGG_VERSION "\">\n<title>");
	html_text(b, m->title);
	if (m->name) {
		kngg_buf_puts(b, " – ");
		html_text(b, m->name);
	}
	kngg_buf_puts(b, "</title>\n<style>");
	kngg_buf_puts(b, css);
	kngg_buf_puts(b, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_text(b, m->title);
	kngg_buf_puts(b, "</h1>\n");
	if (m->subtitle) {
		kngg_buf_puts(b, "<p class=\"subtitle\">");
		html_text(b, m->subtitle);
		kngg_buf_puts(b, "</p>\n");
	}
	kngg_buf_puts(b, "<p class=\"meta\">");
	html_text(b, m->name ? m->name : "");
	kngg_buf_puts(b, " (");
	html_text(b, m->code);
	kngg_buf_puts(b, ") · stand van ");
	{
		char nl[32];

		kngg_date_nl(m->date, nl);
		html_text(b, nl);
	}
	kngg_buf_puts(b, "</p>\n</header>\n<main>\n");
	for (const xmlNode *n = doc_elem(root->children); n; n = doc_elem(n->next)) {
		int level = doc_heading(n);

		if (level) {
			kngg_buf_printf(b, "<h%d>", level + 1);
			doc_inline(n, html_seg, b);
			kngg_buf_printf(b, "</h%d>\n", level + 1);
		} else if (doc_is(n, "p") || doc_is(n, "note")) {
			kngg_buf_puts(b, doc_is(n, "p") ? "<p>" : "<aside class=\"note\">");
			doc_inline(n, html_seg, b);
			kngg_buf_puts(b, doc_is(n, "p") ? "</p>\n" : "</aside>\n");
		} else if (doc_is(n, "ul") || doc_is(n, "ol")) {
			kngg_buf_puts(b, doc_is(n, "ul") ? "<ul>\n" : "<ol>\n");
			for (const xmlNode *li = doc_elem(n->children); li; li = doc_elem(li->next)) {
				kngg_buf_puts(b, "<li>");
				doc_inline(li, html_seg, b);
				kngg_buf_puts(b, "</li>\n");
			}
			kngg_buf_puts(b, doc_is(n, "ul") ? "</ul>\n" : "</ol>\n");
		} else if (doc_is(n, "table")) {
			html_table(b, n);
		}
	}
	kngg_buf_puts(b, "</main>\n</body>\n</html>\n");
	return b->failed ? KNGG_ENOMEM : 0;
}
