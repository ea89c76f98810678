/*
 * store.h: the kngg database. This module owns every SQLite call: prepared
 * statements with bound parameters only, BEGIN IMMEDIATE for writes, a busy
 * timeout, WAL, foreign keys, SQLITE_DBCONFIG_DEFENSIVE and no double-quoted
 * string literals.
 *
 * The file is stamped with application_id 'KNGG' and versioned with
 * user_version; opening an older file migrates it (one transaction per
 * step), opening a newer one or a foreign file is refused.
 *
 * The journal (events) is the history: rows are appended, never changed.
 * Strings handed to callbacks live only during the callback.
 */
#ifndef KNGG_STORE_H
#define KNGG_STORE_H

#include <stdint.h>

#include "kngg/common.h"

typedef struct kngg_store kngg_store;

#define KNGG_STORE_APPLICATION_ID 0x4B4E4747 /* 'KNGG' */
#define KNGG_STORE_SCHEMA_VERSION 1

enum {
	KNGG_STORE_CREATE = 1, /* create the file; refuse if it already exists */
	KNGG_STORE_READONLY = 2
};

/* Named codes beyond common.h. */
enum { KNGG_EEXISTS = -20 };

/*
 * Opens the database at path. Without KNGG_STORE_CREATE a missing file is
 * KNGG_ENOTFOUND (no file is created). A file that is not a kngg database,
 * or one from a newer kngg, is KNGG_EINVALID. The message goes to diag.
 * Free with kngg_store_close().
 */
int kngg_store_open(kngg_store **out, const char *path, int flags, kngg_diag_fn diag,
		    void *ctx);
void kngg_store_close(kngg_store *st);

/* Where errors of later calls are reported (replaces the one given at open). */
void kngg_store_set_diag(kngg_store *st, kngg_diag_fn diag, void *ctx);

/* The schema version of the open file. */
int kngg_store_schema_version(kngg_store *st);

/*
 * Write transactions. begin takes the write lock at once (BEGIN IMMEDIATE),
 * waiting for other writers up to the busy timeout. Every write below must
 * run inside one; rollback undoes everything since begin.
 */
int kngg_store_begin(kngg_store *st);
int kngg_store_commit(kngg_store *st);
void kngg_store_rollback(kngg_store *st);

/* Runs PRAGMA integrity_check; 0 when "ok". */
int kngg_store_check(kngg_store *st);

/* ---- municipalities ----------------------------------------------------- */

typedef struct {
	const char *code;
	const char *name;
	const char *created_at;
} kngg_municipality;

typedef int (*kngg_municipality_fn)(void *ctx, const kngg_municipality *m);

/* KNGG_EEXISTS when the code is taken. */
int kngg_store_municipality_add(kngg_store *st, const char *code, const char *name,
				const char *created_at);
/* KNGG_ENOTFOUND when the code is unknown. */
int kngg_store_municipality_rename(kngg_store *st, const char *code, const char *name);
int kngg_store_municipality_get(kngg_store *st, const char *code, kngg_municipality_fn fn,
				void *ctx);
/* All municipalities by code; a non-zero return of fn stops and is returned. */
int kngg_store_municipalities(kngg_store *st, kngg_municipality_fn fn, void *ctx);

/* ---- areas (phase 2) and cycles (phases 3-4) ------------------------------ */

typedef struct {
	int64_t id;
	const char *municipality;
	const char *name;
	const char *target_group; /* or NULL */
	const char *created_at;
} kngg_area;

typedef int (*kngg_area_fn)(void *ctx, const kngg_area *a);

/* KNGG_EEXISTS when the municipality already has an area of that name. */
int kngg_store_area_add(kngg_store *st, const char *municipality, const char *name,
			const char *target_group, const char *created_at, int64_t *id);
/* KNGG_ENOTFOUND when unknown. */
int kngg_store_area_find(kngg_store *st, const char *municipality, const char *name,
			 int64_t *id);
int kngg_store_areas(kngg_store *st, const char *municipality, kngg_area_fn fn, void *ctx);

typedef struct {
	int64_t id;
	int phase;
	int number;
	const char *started;
} kngg_cycle;

typedef int (*kngg_cycle_fn)(void *ctx, const kngg_cycle *c);

/* Adds the next cycle (number = last + 1) of phase 3 or 4. */
int kngg_store_cycle_add(kngg_store *st, const char *municipality, int phase,
			 const char *started, int64_t *id, int *number);
/* The latest cycle of a phase; KNGG_ENOTFOUND when none was started. */
int kngg_store_cycle_current(kngg_store *st, const char *municipality, int phase,
			     int64_t *id, int *number);
int kngg_store_cycles(kngg_store *st, const char *municipality, kngg_cycle_fn fn, void *ctx);

/* ---- the journal ---------------------------------------------------------- */

/* Event kinds (kngg_event.kind). */
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
	const char *by;           /* or NULL */
	const char *note;         /* or NULL */
	const char *defs_version;
	/* filled when reading: */
	const char *area;         /* area name, or NULL */
	int cycle_phase, cycle_number;
} kngg_event;

typedef int (*kngg_event_fn)(void *ctx, const kngg_event *ev);

/* Appends one event; *id (if non-NULL) receives its id. */
int kngg_store_event_add(kngg_store *st, const kngg_event *ev, int64_t *id);

/*
 * Calls fn for the events of one municipality, ordered by effective date and
 * then by id: only those about target (if non-NULL) and whose date lies in
 * [since, until] (either may be NULL). A non-zero return of fn stops the
 * walk and is returned.
 */
int kngg_store_events(kngg_store *st, const char *municipality, const char *target,
		      const char *since, const char *until, kngg_event_fn fn, void *ctx);

/* Number of events in the journal (all municipalities). */
int64_t kngg_store_event_count(kngg_store *st);

#endif
