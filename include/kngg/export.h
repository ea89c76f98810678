/*
 * export.h: a municipality's whole state (phases, steps, activities and
 * deliverables per area and cycle, organisations, stakeholders with their
 * analyses and roles, signatures, factor checks, QuickScan scores and the
 * readiness review) as one JSON or XML document: the input for document
 * templates and for other tools. The shape is documented in the README.
 */
#ifndef KNGG_EXPORT_H
#define KNGG_EXPORT_H

#include "kngg/track.h"

#define KNGG_EXPORT_VERSION 1 /* raised when the shape changes incompatibly */

typedef enum { KNGG_EXPORT_JSON = 1, KNGG_EXPORT_XML } kngg_export_format;

/* The document for code as it stood at as_of (NULL: now); *text is
 * malloc'd. Holds names of professionals: handle as personal data. */
int kngg_export(kngg_tracker *t, const char *code, const char *as_of, kngg_export_format f,
		char **text);

#endif
