/*
 * track.h: recording progress and deriving a municipality's status.
 *
 * Every kngg_track_* call validates its input against the definitions and
 * the database, then appends its event(s) in one write transaction: either
 * everything is recorded or nothing is. Problems that block go to the
 * tracker's diag (one line each, Dutch); advice that does not block (steps
 * done out of order) goes to its warn callback.
 */
#ifndef KNGG_TRACK_H
#define KNGG_TRACK_H

#include <stddef.h>

#include "kngg/defs.h"
#include "kngg/records.h"

/*
 * The tracker: the engine's handle on one database with one set of
 * definitions. Opaque; one per thread (the web server keeps one per pool
 * thread). Problems go to diag as one Dutch line each, advice to warn.
 */
typedef struct kngg_tracker kngg_tracker;

enum {
	KNGG_TRACKER_CREATE = 1,  /* a new database; refuse an existing file */
	KNGG_TRACKER_READONLY = 2 /* never write */
};

/* Opens the database at path (created with KNGG_TRACKER_CREATE; an older
 * one is migrated) for defs, which must outlive the tracker. The reason of
 * a failure goes to diag. Free with kngg_tracker_close(). */
int kngg_tracker_open(kngg_tracker **out, const kngg_defs *defs, const char *path, int flags,
		      kngg_diag_fn diag, void *ctx);
void kngg_tracker_close(kngg_tracker *t);
/* Where problems (diag) and advice (warn, may be NULL) go. */
void kngg_tracker_set_diag(kngg_tracker *t, kngg_diag_fn diag, void *ctx);
void kngg_tracker_set_warn(kngg_tracker *t, kngg_diag_fn warn, void *ctx);
/* The date taken as today, YYYY-MM-DD (tests, the demo); NULL: the local
 * date. The string must outlive its use. */
void kngg_tracker_set_today(kngg_tracker *t, const char *today);
const char *kngg_tracker_today(const kngg_tracker *t);
const kngg_defs *kngg_tracker_defs(const kngg_tracker *t);
/* Write transactions committed through this tracker. */
int64_t kngg_tracker_commits(const kngg_tracker *t);
/* Takes the database for this process alone and folds the WAL into the
 * file (before the file is replaced, as demo --force does). */
int kngg_tracker_take(kngg_tracker *t);
/* Forgets anything kept from earlier questions (a journal held in memory);
 * the web server calls it at the start of every request. */
void kngg_tracker_reset(kngg_tracker *t);

/* ---- reading the register and the journal ------------------------------- */

/* The municipalities, by code; one of them (KNGG_ENOTFOUND, unreported,
 * when unknown). A non-zero return of fn stops and is returned. */
int kngg_municipalities(kngg_tracker *t, kngg_municipality_fn fn, void *ctx);
int kngg_municipality_get(kngg_tracker *t, const char *code, kngg_municipality_fn fn, void *ctx);
/* The regions with their number of members. */
int kngg_regions(kngg_tracker *t, int (*fn)(void *ctx, const char *region, int members),
		 void *ctx);
/* The organisations of a municipality, by name. */
int kngg_orgs(kngg_tracker *t, const char *code, kngg_org_fn fn, void *ctx);
/* The id of the area named name of code; KNGG_ENOTFOUND when none. */
int kngg_area_id(kngg_tracker *t, const char *code, const char *name, int64_t *id);
/* The events of code from since (NULL: all), by date then id; one event by
 * id; the latest event id (0: none; it changes with every write); the
 * number of events of all municipalities (-1 on failure). */
int kngg_journal(kngg_tracker *t, const char *code, const char *since, kngg_event_fn fn,
		 void *ctx);
int kngg_journal_event(kngg_tracker *t, int64_t id, kngg_event_fn fn, void *ctx);
int kngg_journal_last(kngg_tracker *t, int64_t *id);
int64_t kngg_journal_count(kngg_tracker *t);
/* The audit: see kngg/sys/store.h, kngg_store_verify(); and the chain hash
 * of one event as hex (for anchors). */
int kngg_verify(kngg_tracker *t, kngg_verify_result *r);
int kngg_event_hash(kngg_tracker *t, int64_t id, char hex[65]);

/* Reports one line through the tracker's diag (for modules that work on
 * the engine's behalf, such as documents) and returns code. */
int kngg_fail(kngg_tracker *t, int code, const char *fmt, ...)
#ifdef __GNUC__
	__attribute__((format(printf, 3, 4)))
#endif
	;
/* KNGG_ENOTFOUND (reported) unless code is a known municipality. */
int kngg_need_municipality(kngg_tracker *t, const char *code);
/* KNGG_EINVALID (reported) unless as_of is NULL or a real date. */
int kngg_check_as_of(kngg_tracker *t, const char *as_of);
/* The day a question is answered for: as_of, else the tracker's today,
 * else the local date. */
void kngg_day(const kngg_tracker *t, const char *as_of, char out[11]);
/* Days in month m (1-12) of year y. */
int kngg_month_days(int y, int m);

/* Options shared by the recording calls; every field may be NULL. */
typedef struct {
	const char *date;     /* effective date YYYY-MM-DD; default today */
	const char *by;       /* who did it */
	const char *note;
	const char *area;     /* phase-2 steps and their activities */
	const char *document; /* deliverables: title, path or link */
	int new_person;       /* a name (by, signer) not in the register is a new
				 person, added on purpose; else it is refused */
} kngg_track_opts;

typedef enum { KNGG_STEP_START, KNGG_STEP_DONE, KNGG_STEP_REOPEN } kngg_step_action;

/* 1 when code is 'GM' followed by four digits. */
int kngg_valid_code(const char *code);
/*
 * The municipality typed means, as people type it: a CBS code in any case
 * (gm0479) or a name, case and accents aside (zaanstad). 0 with its code in
 * code[7]; KNGG_ENOTFOUND (unreported) when none, with near[] (size nsize,
 * may be NULL) the one municipality it nearly names, as "Zaanstad (GM0479)",
 * or "". A code not in the database is still its code (0) when known_only
 * is 0.
 */
int kngg_municipality_resolve(kngg_tracker *t, const char *typed, int known_only, char code[7],
			      char *near, size_t nsize);
/* 1 when s looks like a CBS code in any case (gm0479). */
int kngg_code_like(const char *s);
/* 1 when s is a real calendar date YYYY-MM-DD (1900-2199). */
int kngg_valid_date(const char *s);
/* Writes the local date as YYYY-MM-DD into out[11]. */
void kngg_today(char out[11]);

int kngg_track_municipality_add(kngg_tracker *t, const char *code, const char *name,
				const kngg_track_opts *o);
int kngg_track_municipality_rename(kngg_tracker *t, const char *code, const char *name,
				   const kngg_track_opts *o);
int kngg_track_step(kngg_tracker *t, kngg_step_action action, const char *code,
		    const char *step_id, const kngg_track_opts *o);
/* An activity (1.2/a3) or deliverable (1.2/d1) done. */
int kngg_track_item_done(kngg_tracker *t, const char *code, const char *item_id,
			 const kngg_track_opts *o);
/* Several at once, all or nothing (one transaction): each spec an id or a
 * range of one step (1.2/a1-a8, 1.2/a1-8, 1.2/a1-1.2/a8); the same id twice
 * counts once. kind KNGG_DEF_ACTIVITY or KNGG_DEF_DELIVERABLE refuses the
 * other kind (0: either). *count (may be NULL): how many were recorded. */
int kngg_track_items_done(kngg_tracker *t, const char *code, const char *const *specs,
			  size_t nspecs, int kind, const kngg_track_opts *o, size_t *count);
/* An area of phase 2. kind: "experiment" (the first pilot, runs 2.1-2.5),
 * "wijk" (a new area, enters via 2.5) or "doelgroep" (a new target group,
 * re-runs 2.1-2.3); NULL: the first area is the experiment, a later one
 * with another target group a doelgroep, else a wijk. */
int kngg_track_area_add(kngg_tracker *t, const char *code, const char *name,
			const char *target_group, const char *kind, const kngg_track_opts *o);
/* 1 when a step of phase 2 runs in an area of that kind (definitions). */
int kngg_step_runs_in(const kngg_step *step, kngg_area_kind kind);
/* Starts the next cycle of phase 3 or 4; *number receives its number. */
int kngg_track_cycle_start(kngg_tracker *t, const char *code, int phase,
			   const kngg_track_opts *o, int *number);
/* A QuickScan score for a theme in the current cycle of phase (3 or 4;
 * 0: the latest started cycle of either). */
int kngg_track_quickscan(kngg_tracker *t, const char *code, const char *theme, int score,
			 int phase, const kngg_track_opts *o);
int kngg_track_factor(kngg_tracker *t, const char *code, const char *factor, int score,
		      const kngg_track_opts *o);

/* The Dutch name of an event kind ("stap afgerond"), or kind itself. */
const char *kngg_event_kind_text(const char *kind);

/* The one Dutch line that describes a journal event after its kind, for
 * every front (the log, the web journal): what it names, its area and
 * cycle, score, value, what it withdraws, whom it is about, and whether a
 * correction withdrew it, e.g. "1.3 [Poelenburg] — Fleur, GGD (ingetrokken
 * op 2026-03-14 door #12)". "" when there is nothing to say. malloc'd (the
 * caller frees); NULL when out of memory. */
char *kngg_event_describe(const kngg_event *ev);

/* One essential-factor check as recorded. */
typedef struct {
	const char *factor; /* its id */
	const char *date;
	int score;
	const char *note;   /* or NULL */
} kngg_factor_check;
typedef int (*kngg_factor_check_fn)(void *ctx, const kngg_factor_check *c);
/* Every factor check of code up to as_of (NULL: all), oldest first,
 * without those withdrawn by then; a non-zero return of fn stops. */
int kngg_factor_checks(kngg_tracker *t, const char *code, const char *as_of,
		       kngg_factor_check_fn fn, void *ctx);

/* ---- status ----------------------------------------------------------- */

typedef enum {
	KNGG_STATE_NOT_STARTED = 0,
	KNGG_STATE_STARTED,
	KNGG_STATE_DONE,
	KNGG_STATE_REOPENED /* open again after having been done */
} kngg_step_state;

/* Dutch name of a state: "niet gestart", "gestart", "afgerond", "heropend". */
const char *kngg_step_state_name(kngg_step_state s);

typedef struct {
	kngg_step_state state;
	const char *started;  /* date, or NULL */
	const char *done;     /* date of the last done, or NULL */
	const char *reopened; /* date of the last reopen, or NULL */
	const char *by;       /* who recorded the last change */
	const char *note;     /* its note */
	int reopen_count;
	const char **activity_done;    /* per activity of the step: date or NULL */
	const char **deliverable_done; /* per deliverable: date or NULL */
	const char **deliverable_doc;  /* per deliverable: document or NULL */
} kngg_step_status;

/* One run through a phase's steps: the phase itself (1), an area (2) or a
 * cycle (3, 4). */
typedef struct {
	const char *label;        /* NULL, area name or "cyclus N" */
	const char *target_group; /* areas: or NULL */
	kngg_area_kind kind;      /* areas: experiment, wijk or doelgroep; else 0 */
	int cycle;                /* cycles: number */
	const char *started;      /* areas and cycles: date */
	kngg_step_status *steps;  /* one per step of the phase */
	int quickscan_count;      /* cycles: themes scored */
	int *quickscan;           /* cycles: per theme: score, or -1 */
} kngg_run_status;

typedef struct {
	const kngg_phase *phase;
	kngg_run_status *runs;
	size_t nruns;
} kngg_phase_status;

typedef struct {
	const kngg_factor *factor;
	const char *date; /* of the last check, or NULL */
	int score;
	const char *note;
} kngg_factor_status;

typedef struct kngg_status {
	const char *code;
	const char *name;
	int current_phase; /* highest phase with any recorded progress (1 if none) */
	kngg_phase_status phases[4];
	kngg_factor_status *factors; /* one per factor of the definitions */
	size_t nfactors;
	size_t nevents;
	const char *last_date; /* of the latest event */
	void *priv;
} kngg_status;

/*
 * Derives the status of a municipality from its journal, as it stood at
 * as_of (inclusive; NULL: everything). Free with kngg_status_free().
 * KNGG_ENOTFOUND (reported) when the municipality is unknown.
 */
int kngg_status_load(kngg_tracker *t, const char *code, const char *as_of,
		     kngg_status **out);
void kngg_status_free(kngg_status *s);

#endif
