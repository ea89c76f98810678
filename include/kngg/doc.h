/*
 * doc.h: documents pre-filled from what is recorded (project plan,
 * besluitnotitie, ...). A template (templates/NAME.xsl, XSLT 1.0) turns the
 * municipality's export into a small document vocabulary (document, h1-h3,
 * p, ul/ol/li, table/tr/th/td, note; inline b, i, fill, br); this module
 * renders that vocabulary as Markdown, standalone HTML or DOCX, escaping
 * every value for the format. Templates run with libxslt's security
 * preferences forbidding file and network access, and with limits on
 * nesting, steps, memory and time; see templates/README.md.
 */
#ifndef KNGG_DOC_H
#define KNGG_DOC_H

#include <stddef.h>

#include "kngg/track.h"

typedef enum { KNGG_DOC_MD = 1, KNGG_DOC_HTML, KNGG_DOC_DOCX } kngg_doc_format;

/* "md", "html", "docx" -> format; 0 when unknown. */
kngg_doc_format kngg_doc_format_parse(const char *s);
const char *kngg_doc_format_ext(kngg_doc_format f); /* "md", "html", "docx" */

typedef struct {
	char *name;    /* file name without .xsl */
	char *summary; /* from the template's "<!-- kngg: ... -->" line */
} kngg_doc_template;

/* The documents in dir, by name; templates without the kngg line (such as
 * common.xsl, which others include) are not documents. Free with
 * kngg_doc_templates_free(). */
int kngg_doc_templates(const char *dir, kngg_diag_fn diag, void *ctx, kngg_doc_template **out,
		       size_t *n);
void kngg_doc_templates_free(kngg_doc_template *list, size_t n);

typedef struct {
	const char *as_of; /* NULL: today */
	const char *area;  /* phase-2 area name, or NULL */
	int cycle;         /* phase-3/4 cycle, or 0 */
	const char *since; /* start of a report period, or NULL: three months before as_of */
} kngg_doc_params;

/* Renders template name (from dir) for municipality code as f. *out is
 * malloc'd, *len bytes (DOCX is binary; the text formats also end in NUL).
 * Every failure is reported once through the tracker's diag. */
int kngg_doc_render(kngg_tracker *t, const char *dir, const char *name, const char *code,
		    const kngg_doc_params *p, kngg_doc_format f, char **out, size_t *len);

#endif
