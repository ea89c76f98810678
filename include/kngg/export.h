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

/* The document for code as it stood at as_of (NULL: now), as JSON; *text
 * is malloc'd. Holds names of professionals: handle as personal data. */
int kngg_export_json(kngg_tracker *t, const char *code, const char *as_of, char **text);

/* The same tree as XML (the templates' input). Part of the xml module
 * (libxml2): the CLI reaches it through cli_xml(). */
int kngg_export_xml(kngg_tracker *t, const char *code, const char *as_of, char **text);

#endif
