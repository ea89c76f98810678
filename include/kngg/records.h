/*
 * records.h: the rows and events the engine hands to its callers, and the
 * kinds of event in the journal. Strings live only during the callback that
 * receives them. The functions that read and write them are the engine's
 * (track.h, people.h, ...); the storage behind them is kngg/sys/store.h.
 */
#ifndef KNGG_RECORDS_H
#define KNGG_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/common.h"

/* ---- municipalities ----------------------------------------------------- */

typedef struct {
	const char *code;
	const char *name;
	const char *created_at;
} kngg_municipality;

typedef int (*kngg_municipality_fn)(void *ctx, const kngg_municipality *m);

/* ---- areas (phase 2) and cycles (phases 3-4) ------------------------------ */

typedef struct {
	int64_t id;
	const char *municipality;
	const char *name;
	const char *target_group; /* or NULL */
	const char *created_at;
} kngg_area;

typedef int (*kngg_area_fn)(void *ctx, const kngg_area *a);

typedef struct {
	int64_t id;
	int phase;
	int number;
	const char *started;
} kngg_cycle;

typedef int (*kngg_cycle_fn)(void *ctx, const kngg_cycle *c);

/* ---- organisations and persons -------------------------------------------- */

typedef struct {
	int64_t id;
	const char *municipality;
	const char *name;
	const char *type; /* item of list organisatietypen */
	const char *created_at;
	int lead;         /* in a register only: named main implementing
			     organisation on the register's date (org.lead) */
} kngg_org;

typedef int (*kngg_org_fn)(void *ctx, const kngg_org *o);

/* A person: the only record with personal data (name, function, e-mail,
 * phone). After an erase those are NULL and erased_at is set. */
typedef struct {
	int64_t id;
	const char *municipality;
	const char *name;
	const char *function;
	const char *email;
	const char *phone;
	int64_t org_id;       /* 0: none */
	const char *org;      /* reading: organisation name */
	const char *org_type; /* reading: its type */
	const char *level;    /* item of list niveaus, or NULL */
	const char *created_at;
	const char *erased_at; /* or NULL */
} kngg_person;

typedef int (*kngg_person_fn)(void *ctx, const kngg_person *p);

/* A login for `kngg serve`: role "lezer", "projectleider" or "beheerder";
 * pwhash an Argon2id string; the municipalities it is limited to (none:
 * all, for lezer and beheerder); its display name and its links to
 * persons (kngg_store_account_add ignores the links). */
typedef struct {
	const char *name;
	const char *role;
	const char *pwhash;
	const char *created_at;
	const char *const *municipalities;
	size_t nmunicipalities;
	const char *display_name; /* or NULL */
	/* the persons it acts as (schema 7): per municipality, the person's
	 * id and name (NULL once erased) */
	const char *const *link_codes;
	const int64_t *link_persons;
	const char *const *link_names;
	size_t nlinks;
} kngg_account_rec;

typedef int (*kngg_account_fn)(void *ctx, const kngg_account_rec *a);

#define KNGG_EV_MUNICIPALITY_ADD "municipality.add"
#define KNGG_EV_MUNICIPALITY_RENAME "municipality.rename"
#define KNGG_EV_AREA_ADD "area.add"
#define KNGG_EV_CYCLE_START "cycle.start"
#define KNGG_EV_STEP_START "step.start"
#define KNGG_EV_STEP_DONE "step.done"
#define KNGG_EV_STEP_REOPEN "step.reopen"
#define KNGG_EV_ACTIVITY_DONE "activity.done"
#define KNGG_EV_DELIVERABLE_DONE "deliverable.done"
#define KNGG_EV_QUICKSCAN "quickscan"
#define KNGG_EV_FACTOR "factor"
#define KNGG_EV_ORG_ADD "org.add"
#define KNGG_EV_STAKEHOLDER_ADD "stakeholder.add"
#define KNGG_EV_STAKEHOLDER_ASSESS "stakeholder.assess"
#define KNGG_EV_ROLE_ASSIGN "role.assign"
#define KNGG_EV_ROLE_END "role.end"
#define KNGG_EV_SIGNOFF "signoff"
#define KNGG_EV_CORRECTION "correction"
#define KNGG_EV_PERSON_ERASE "person.erase"
#define KNGG_EV_PHASE_DECLARE "phase.declare" /* value: the phase, "1"-"4" */
#define KNGG_EV_REGION_JOIN "region.join"     /* value: the region */
#define KNGG_EV_NOTE_REDACT "note.redact" /* target: event id; value: digest of its redacted text */
#define KNGG_EV_REGISTER_SEAL "register.seal" /* migration 4 -> 5: the rows as they stood, sealed */
#define KNGG_EV_ORG_LEAD "org.lead"           /* org_id; value "ja" or "nee": main implementing organisation */
#define KNGG_EV_SIGNOFF_PREPARE "signoff.prepare" /* target: point; data {"orgs":[ids]}: its party set */
/* target: the source; value: a readable summary; data {"amount_cents","for","from",
 * "source","structural","until"} (kngg/funding.h) */
#define KNGG_EV_FUNDING_ADD "funding.add"
#define KNGG_EV_FUNDING_END "funding.end" /* target: the funding.add id; data {"end":day} */

/* Event kinds (kngg_event.kind). */

typedef struct {
	int64_t id;               /* set by the store */
	const char *recorded_at;  /* set by the store when NULL */
	const char *date;         /* effective date YYYY-MM-DD */
	const char *municipality;
	const char *kind;
	const char *target;       /* or NULL */
	int64_t area_id;          /* 0: none */
	int64_t cycle_id;         /* 0: none */
	int has_score;
	int score;
	const char *value;        /* or NULL */
	int64_t by_person;        /* who recorded it: person id, 0: none */
	int64_t person_id;        /* whom it is about: person id, 0: none */
	int64_t org_id;           /* organisation, 0: none */
	const char *data;         /* kind-specific facts, canonical JSON, or NULL */
	int64_t corrects;         /* a correction: the event it withdraws, 0: none */
	const char *note;         /* or NULL */
	const char *defs_version;
	const char *seal;         /* the store's own: digests of the rows written with
				     this event (see src/store/seal.c); ignored on input */
	/* filled when reading: */
	const char *by;           /* name of by_person; NULL when none or erased */
	const char *person;       /* name of person_id; NULL when none or erased */
	const char *org;          /* name of org_id, or NULL */
	int by_erased, person_erased;
	int64_t corrected_by;     /* the correction that withdrew this event, or 0 */
	const char *corrected_on; /* its effective date, or NULL */
	const char *area;         /* area name, or NULL */
	int cycle_phase, cycle_number;
} kngg_event;

typedef int (*kngg_event_fn)(void *ctx, const kngg_event *ev);

/* Which events a walk visits; NULL and 0 fields do not filter. */
typedef struct {
	const char *municipality; /* required */
	const char *target;
	const char *kind;
	int64_t person_id; /* about or recorded by this person */
	const char *since, *until; /* effective dates, inclusive */
} kngg_event_filter;

/* ---- the audit chain -------------------------------------------------------- */

typedef struct {
	int64_t checked;     /* events whose hash was recomputed */
	int64_t redacted;    /* notes changed by an erase, and recorded so */
	int64_t bad_id;      /* first event that does not match, 0: none */
	int damaged;         /* the file itself is damaged (integrity_check) */
	int64_t head_id;     /* on success: the last event, and its hash (hex), */
	char head_hex[65];   /* to be kept elsewhere as an anchor */
	char problem[256];   /* what is wrong with it, in Dutch */
} kngg_verify_result;

#endif
