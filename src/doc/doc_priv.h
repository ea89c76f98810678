/*
 * doc_priv.h: what the document renderers share. A rendered template is an
 * xmlDoc in the document vocabulary, checked by doc.c before any renderer
 * sees it, so renderers may rely on its shape.
 */
#ifndef KNGG_DOC_PRIV_H
#define KNGG_DOC_PRIV_H

#include <stddef.h>

#include <libxml/tree.h>

#include "kngg/doc.h"
#include "util/util.h"

/* The largest template file read (also for xsl:include). The largest real
 * one, common.xsl, is 34 KiB; 1 MiB leaves thirtyfold room for a
 * municipality's own and still refuses a wrong file before parsing it. */
#define DOC_MAX_TEMPLATE_FILE ((size_t)1 << 20)

/* What one render of a template may use; past any of these the transform
 * stops and the render fails with one line naming the limit. */
typedef struct {
	int depth;                 /* nested template bodies and instructions */
	int vars;                  /* variables and parameters on the stack */
	unsigned long steps;       /* XSLT instructions executed */
	unsigned long xpath_steps; /* XPath operations evaluated */
	size_t memory;             /* bytes libxml2/libxslt hold for the transform */
	unsigned seconds;          /* CPU time of the transform */
} doc_limits;

extern const doc_limits doc_default_limits;

/* Replaces the limits for renders on the calling thread only (tests);
 * NULL restores doc_default_limits. limits must outlive those renders. */
void doc_set_limits(const doc_limits *limits);

/* What the document is about: for titles and document properties. */
typedef struct {
	const char *title;    /* document/@title */
	const char *subtitle; /* or NULL */
	const char *code;     /* CBS code */
	const char *name;     /* municipality name */
	const char *date;     /* the date the document describes */
	const char *source;   /* citation of the guide */
} doc_meta;

typedef struct {
	unsigned bold : 1, italic : 1, fill : 1;
} doc_style;

/* Checks a rendered template against the vocabulary; on failure -1 and
 * why holds the first problem (Dutch). */
int doc_check(const xmlNode *root, kngg_buf *why);

/* One piece of inline text with whitespace collapsed as in HTML; text NULL
 * means a line break (<br/>). A fill's text is its whole content, without
 * the "[In te vullen: ...]" frame, which each renderer adds. */
typedef void (*doc_seg_fn)(void *ctx, const char *text, size_t len, doc_style st);
void doc_inline(const xmlNode *parent, doc_seg_fn fn, void *ctx);

/* Rewrites every ISO date in b as a Dutch one ("1 juli 2026"); doc_inline
 * does so for all text, doc.c for the title and subtitle. */
void doc_dates_nl(kngg_buf *b);

#define DOC_FILL_OPEN "[In te vullen: "
#define DOC_FILL_CLOSE "]"

/* 1 when n is an element of the vocabulary called name. */
int doc_is(const xmlNode *n, const char *name);
/* The next element sibling from n on (n itself when it is one), or NULL. */
const xmlNode *doc_elem(const xmlNode *n);
/* Heading level 1-3 of h1-h3, else 0. */
int doc_heading(const xmlNode *n);
/* The number of columns of a table: its widest row. */
size_t doc_table_cols(const xmlNode *table);
/* 1 when a table row holds only th cells. */
int doc_header_row(const xmlNode *tr);

int doc_render_md(const xmlNode *root, const doc_meta *m, kngg_buf *out);
int doc_render_html(const xmlNode *root, const doc_meta *m, kngg_buf *out);
/* *out malloc'd, the zip bytes. */
int doc_render_docx(const xmlNode *root, const doc_meta *m, char **out, size_t *len);
/* A checked tree in format f; *out malloc'd (text formats NUL-terminated). */
int doc_render(const xmlNode *root, const doc_meta *m, kngg_doc_format f, char **out,
	       size_t *len);
/* Parses vocabulary XML, checks it and renders it with a fixed municipality
 * (for tests and the fuzz target). KNGG_EINVALID with why filled when the
 * XML or the vocabulary is wrong. */
int doc_render_xml(const char *xml, size_t n, kngg_doc_format f, kngg_buf *why, char **out,
		   size_t *len);

#endif
