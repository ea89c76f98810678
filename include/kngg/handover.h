/*
 * handover.h: handovers of key roles (issue 18). When a projectleider,
 * netwerkregisseur, kerngroep member or wethouder leaves, the role is handed
 * to someone else with a document and the person's open items: the
 * stakeholders they kept in touch with, sign-offs they signed that are not
 * complete yet, activities they logged in steps still running, the roles
 * they held. The Drenthe study (../shared/sources/drenthe-expertisebeheer-
 * gezond-gewicht.txt, "impliciete kennis") found that tacit
 * knowledge goes even when a handover document exists, so the record lists
 * those items, not only the document.
 *
 * A handover is one journal event (kind "handover", person_id the one who
 * hands over, target the role); the items are ids, never names, so that
 * erasing a person (AVG) leaves "(gewist)" in the list.
 */
#ifndef KNGG_HANDOVER_H
#define KNGG_HANDOVER_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/people.h"
#include "kngg/track.h"

#define KNGG_EV_HANDOVER "handover"

/* 1 for the roles whose end asks for a handover: projectleider,
 * netwerkregisseur, kerngroep and wethouder. The definitions do not mark
 * key roles; issue 18 names these four (the guide's continuity advice in
 * 4.borging and the Drenthe study). */
int kngg_role_is_key(const char *role);

typedef struct {
	int64_t from, to;         /* persons of the municipality, not the same */
	const char *role;         /* list rollen; from held it on or before the date */
	const char *document;     /* the handover document, or NULL */
	const int64_t *contacts;  /* stakeholders passed on explicitly */
	size_t ncontacts;
} kngg_handover_in;

/* Records a handover on o->date (default today) with the open items of
 * in->from collected on that date; o->note and o->by as usual. */
int kngg_handover_record(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			 const kngg_track_opts *o, int64_t *event_id);

/* Ends a role and records its handover in one transaction (on o->date). */
int kngg_role_end_handover(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			   const kngg_track_opts *o, int64_t *event_id);

typedef enum {
	KNGG_HANDOVER_STAKEHOLDER = 1, /* a stakeholder whose analysis or contact they kept */
	KNGG_HANDOVER_CONTACT,         /* a stakeholder passed on explicitly (--contact) */
	KNGG_HANDOVER_SIGNOFF,         /* a point they signed that is not complete */
	KNGG_HANDOVER_ACTIVITY,        /* an activity they logged in a step still running */
	KNGG_HANDOVER_ROLE             /* a role they held on the day */
} kngg_handover_item_kind;

typedef struct {
	kngg_handover_item_kind kind;
	const char *id;     /* signoff, activity, role; NULL for persons */
	int64_t person_id;  /* stakeholder, contact; else 0 */
	const char *area;   /* signoff, activity: area name, or NULL */
	const char *text;   /* one Dutch line: what it is, with the name or "(gewist)" */
} kngg_handover_item;

typedef struct {
	int64_t event_id;
	const char *date;
	int64_t from, to;
	const char *from_name, *to_name; /* NULL once erased */
	const char *role;
	const char *document; /* or NULL */
	const char *note;     /* or NULL */
	const char *by;       /* or NULL */
	const kngg_handover_item *items;
	size_t nitems;
	int withdrawn;        /* corrected on or before as_of */
	const char *withdrawn_on;
} kngg_handover;

typedef struct {
	const kngg_handover *list; /* oldest first */
	size_t n;
	struct kngg_arena *arena;
} kngg_handovers;

/* The handovers of code up to as_of (NULL: all); withdrawn ones are kept
 * with withdrawn set. */
int kngg_handovers_load(kngg_tracker *t, const char *code, const char *as_of,
			kngg_handovers **out);
void kngg_handovers_free(kngg_handovers *h);
/* The handover recorded by event id (KNGG_ENOTFOUND, reported, when none). */
const kngg_handover *kngg_handover_find(kngg_tracker *t, const kngg_handovers *h, int64_t id);

#endif
