/*
 * funding.h: the money that pays for the local approach (issue 18).
 *
 * Local approaches stop quietly when temporary money runs out (4.borging
 * asks for structural funding, the netwerkregisseur named explicitly).
 * Funding is recorded as journal events: funding.add (its data holds the
 * facts, the amount exactly in cents) and funding.end (ends one early);
 * both can be withdrawn with kngg_correct, and --as-of works as for every
 * other fact. A funding is known by the id of its funding.add event.
 */
#ifndef KNGG_FUNDING_H
#define KNGG_FUNDING_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/people.h"
#include "kngg/table.h"
#include "kngg/track.h"

/* What a user says about one funding; text as typed (the engine reads it). */
typedef struct {
	const char *source;  /* where the money comes from, e.g. "SPUK 2025"; required */
	const char *amount;  /* euros as Dutch people type them (kngg_amount_parse); required */
	const char *from;    /* first day it pays for; required */
	const char *until;   /* last day; required unless structural */
	int structural;      /* structural (no end foreseen) rather than temporary */
	const char *purpose; /* a role of list rollen or an activity id (1.2/a3), or NULL */
} kngg_funding_in;

/* Records a funding (o->date: when it was agreed, default today; o->note).
 * *id (may be NULL) receives its id. Refuses, with one message and nothing
 * written: a zero, negative or unreadable amount, a missing or bad date,
 * --until before --from, an unknown role or activity. */
int kngg_funding_add(kngg_tracker *t, const char *code, const kngg_funding_in *in,
		     const kngg_track_opts *o, int64_t *id);

/* Ends funding id early, on o->date (default today; may lie ahead). */
int kngg_funding_end(kngg_tracker *t, const char *code, int64_t id, const kngg_track_opts *o);

typedef struct {
	int64_t id;           /* its funding.add event */
	const char *recorded; /* the date of that event */
	const char *source;
	int64_t amount_cents;
	const char *from;
	const char *until;    /* or NULL (structural) */
	int structural;
	const char *purpose;  /* role id, activity id, or NULL */
	int purpose_is_role;  /* purpose names a role of list rollen */
	const char *note;     /* or NULL */
	const char *ended;    /* ended early on this date (kngg_funding_end), or NULL */
	const char *end;      /* the day it stops: ended, else until, else NULL */
	int active;           /* started and not yet stopped on the list's day */
} kngg_funding;

typedef struct {
	const char *code;
	const char *day;           /* the day it holds for (as_of or today) */
	const kngg_funding *items; /* by start date, then id */
	size_t n;
	int64_t total_active_cents; /* what is active on day */
	struct kngg_arena *arena;
} kngg_funding_list;

/* The funding of code as known on as_of (NULL: today); withdrawn ones out. */
int kngg_funding_load(kngg_tracker *t, const char *code, const char *as_of,
		      kngg_funding_list **out);
void kngg_funding_list_free(kngg_funding_list *l);

/* The funding as a table (for CSV and xlsx): id, bron, bedrag (euros as a
 * number), van, tot en met, soort, voor, beëindigd. */
int kngg_funding_table(const kngg_funding_list *l, kngg_table **out);

#endif
