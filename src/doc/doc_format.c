/*
 * doc_format.c: the names of the document formats. In the engine proper
 * (not the xml module), so that the CLI can check a format before it loads
 * the module that renders it.
 */
#include <string.h>

#include "kngg/doc.h"

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

