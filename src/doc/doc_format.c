/*
 * doc_format.c: the names of the document formats. In the engine proper
 * (not the xml module), so that the CLI can check a format before it loads
 * the module that renders it.
 */
#include <string.h>
#include <strings.h>

#include "kngg/doc.h"

kngg_doc_format kngg_doc_format_parse(const char *s)
{
	if (!s)
		return 0;
	/* any capitalisation, as a file name's extension may have (.DOCX) */
	if (strcasecmp(s, "md") == 0 || strcasecmp(s, "markdown") == 0)
		return KNGG_DOC_MD;
	if (strcasecmp(s, "html") == 0 || strcasecmp(s, "htm") == 0)
		return KNGG_DOC_HTML;
	if (strcasecmp(s, "docx") == 0)
		return KNGG_DOC_DOCX;
	return 0;
}

const char *kngg_doc_format_ext(kngg_doc_format f)
{
	return f == KNGG_DOC_HTML ? "html" : f == KNGG_DOC_DOCX ? "docx" : "md";
}

