/*
 * export.h: a municipality's whole state (phases, steps, activities and
 * deliverables per area and cycle, organisations, stakeholders with their
 * analyses and roles, signatures, factor checks, QuickScan scores and the
 * readiness review) as one JSON or XML document: the input for document
 * templates and for other tools. The shape is documented in the README.
 */
#ifndef KNGG_EXPORT_H
#define KNGG_EXPORT_H

#include <jansson.h>

#include "kngg/funding.h"
#include "kngg/people.h"
#include "kngg/readiness.h"
#include "kngg/track.h"

#define KNGG_EXPORT_VERSION 1 /* raised when the shape changes incompatibly */

/* The document for code as it stood at as_of (NULL: now), as JSON; *text
 * is malloc'd. Holds names of professionals: handle as personal data. */
int kngg_export_json(kngg_tracker *t, const char *code, const char *as_of, char **text);

/* The same tree as XML (the templates' input). Part of the xml module
 * (libxml2): the CLI reaches it through cli_xml(). */
int kngg_export_xml(kngg_tracker *t, const char *code, const char *as_of, char **text);

/* ---- one serialisation per object ---------------------------------------------
 * Each object has one JSON form, used by every front (the CLI's --format
 * json, the export, whose XML form is the same tree): new objects the
 * caller owns and frees with json_decref(); every key always present
 * (null when empty). The README documents them ("Readiness", "Export"). */

/* The whole export of code as a JSON tree (what kngg_export_json prints;
 * the XML export is built from it); the caller frees it with json_decref(). */
int kngg_export_tree(kngg_tracker *t, const char *code, const char *as_of, json_t **root);

/* A review: municipality, name, scope, as_of, calculated_phase,
 * declared_phase, declared_on, ready, oldest_stalled; missing, advice and
 * met (every section's rules by outcome); sections (scope, area, gating,
 * ready, rules); warnings. A rule: id, kind, text, met, binding, area,
 * guide_lines, fix, why. */
json_t *kngg_readiness_json(const kngg_readiness *r);

/* A stakeholder: id, name, erased, function, organisation,
 * organisation_type, level, email, phone, committed, latest (an assessment
 * or null), assessments (oldest first: event, date, round, area, interest,
 * influence, urgency, stance, commitment, committed, by, note) and roles
 * (event, role, title, deputy, from, until, hours, contribution). */
json_t *kngg_stakeholder_json(const kngg_defs *defs, const kngg_stakeholder *s);

/* A signature: event, signoff, date, area, phase, cycle, decision,
 * person_id, signer, signer_erased, role, as, organisation,
 * organisation_type, document, arguments, note, by, withdrawn. */
json_t *kngg_signature_json(const kngg_signature *s);

/* A continuity risk: kind, text, person, role, step, organisation_type. */
json_t *kngg_risk_json(const kngg_risk *r);
/* One funding: id, source, amount_cents (an integer, exact), amount (Dutch
 * text, "€ 45.000,00"), from, until, structural, for, note, ended, end,
 * active. */
json_t *kngg_funding_json(const kngg_funding *f);
/* The funding list: day, total_active_cents, total_active, grants[]. */
json_t *kngg_funding_list_json(const kngg_funding_list *l);

#endif
