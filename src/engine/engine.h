/*
 * engine.h: what the engine's files share privately.
 */
#ifndef KNGG_ENGINE_H
#define KNGG_ENGINE_H

#include "kngg/people.h"
#include "kngg/sys/store.h"
#include "kngg/track.h"
#include "util/util.h"

/* The tracker (kngg/track.h keeps it opaque). */
struct kngg_tracker {
	const kngg_defs *defs;
	kngg_store *store;
	kngg_diag_fn diag;  /* errors */
	void *diag_ctx;
	kngg_diag_fn warn;  /* warnings that do not block, or NULL */
	void *warn_ctx;
	const char *today;  /* YYYY-MM-DD; NULL: the local date */
	struct engine_journal *journal; /* the journal held while a question is answered */
	int owns_store;     /* opened by kngg_tracker_open: closed with the tracker */
	int new_person;     /* the write being filled in may add its --by (new_person) */
};

typedef struct engine_journal engine_journal;

/*
 * Applies a step.* event to a step's status. Dates point into memory the
 * caller keeps alive (dup_fn copies them; NULL keeps the pointer).
 */
typedef const char *(*engine_dup_fn)(void *ctx, const char *s);
void engine_step_apply(kngg_step_status *ss, const kngg_event *ev, engine_dup_fn dup,
		       void *ctx);

/* The day a question is answered for: as_of, else the tracker's today,
 * else the local date. */
void engine_day(const kngg_tracker *t, const char *as_of, char out[11]);
/* Days in month m (1-12) of year y, leap years included. */
int engine_month_days(int y, int m);
/* KNGG_EINVALID (reported) unless as_of is NULL or a real date. */
int engine_check_as_of(kngg_tracker *t, const char *as_of);

/* The effective date of o (or today) into out[11]; reports and returns
 * KNGG_EINVALID for a malformed date, or one in the future unless
 * allow_future. */
int engine_date(kngg_tracker *t, const kngg_track_opts *o, int allow_future, char out[11]);

/* Appends ev, resolving ev->by (a name or an id number) to a person of the
 * municipality first: an unknown name becomes a new person. */
int engine_event_add(kngg_tracker *t, kngg_event *ev, int64_t *id);

/* Resolves a person named or numbered s in municipality code. With create,
 * an unknown name is added (org_id may be 0). Reports and returns
 * KNGG_ENOTFOUND / KNGG_EINVALID (ambiguous name, other municipality). */
/* Reports an organisation name not found in code: one suggestion for a near
 * miss (never a hint that would add a second one), else how to add it.
 * Returns KNGG_ENOTFOUND. */
int engine_unknown_org(kngg_tracker *t, const char *code, const char *name);
int engine_person(kngg_tracker *t, const char *code, const char *s, int create, int64_t org_id,
		  const char *date, int64_t *id);

/* 1 when ev was withdrawn by a correction dated on or before as_of (NULL:
 * any time). */
int engine_withdrawn(const kngg_event *ev, const char *as_of);

/* Validation shared by the recording calls. */
int engine_check_text(kngg_tracker *t, const char *what, const char *s, int required);
int engine_check_name(kngg_tracker *t, const char *what, const char *s, int required);
int engine_check_opts(kngg_tracker *t, const kngg_track_opts *o);
/* Fills the common fields of an event. */
void engine_fill_event(kngg_tracker *t, kngg_event *ev, const char *kind, const char *code,
		       const char *date, const kngg_track_opts *o);
/* Ends a write: commit when rc is 0, else roll back. Returns rc. */
int engine_finish(kngg_tracker *t, int rc);
/* KNGG_ENOTFOUND (reported) when the municipality is unknown. */
int engine_need_municipality(kngg_tracker *t, const char *code);
/* The scope of a step or sign-off: the area (phase 2, o->area required) or
 * the current cycle (phases 3-4). Reports what is wrong. */
int engine_scope(kngg_tracker *t, const char *code, const kngg_step *step, const char *area,
		 int64_t *area_id, int64_t *cycle_id);
/* An item of definitions list list_id, as people type it (any case, with or
 * without accents, or its title): *id becomes the id as the list spells it.
 * Reports one suggestion for a near miss, else the allowed ones. */
int engine_list_item(kngg_tracker *t, const char *list_id, const char *what, const char **id);

/* The state of a sign-off point with the register already loaded. */
int engine_signoff_status(kngg_tracker *t, const char *code, const kngg_signoff *so,
			  const char *area, const char *as_of, const kngg_register *reg,
			  kngg_signoff_status **out);

/* The continuity risks from a loaded register and status (st may be NULL:
 * then no step-based risks). */
/* The risks of the kinds in mask (ENGINE_RISK(kind) bits, or
 * ENGINE_RISKS_ALL) on today; a family none of whose kinds is asked for is
 * not worked out at all. The count, or a negative error. */
#define ENGINE_RISK(kind) (1u << (kind))
#define ENGINE_RISKS_ALL (~0u)
int engine_risks(kngg_tracker *t, const kngg_register *reg, const kngg_status *st,
		 const char *today, unsigned mask, kngg_risk_fn fn, void *ctx);

/* Where a family of risks goes: fn (may be NULL: only counted) with ctx.
 * rc holds the first error (negative) or fn's non-zero return; after it
 * nothing more is emitted. */
typedef struct {
	kngg_tracker *t;
	kngg_risk_fn fn;
	void *ctx;
	int count;
	int rc;
	unsigned mask; /* the kinds asked for (ENGINE_RISK bits) */
} engine_risks_out;

/* r, its text made from fmt, to out, when its kind is asked for (people.c). */
void engine_risk_emit(engine_risks_out *out, kngg_risk *r, const char *fmt, ...)
	KNGG_PRINTF(3, 4);

/* The families of issue 18, each in its own file, called by engine_risks:
 * agreements.c: agreements whose newest signature runs out within three
 * months of today, or ran out; */
void engine_agreement_risks(engine_risks_out *out, const kngg_register *reg, const char *today);
/* funding.c: temporary funding that ends within six months without a
 * structural successor, and a netwerkregisseur without funding; */
void engine_funding_risks(engine_risks_out *out, const kngg_register *reg, const kngg_status *st,
			  const char *today);
/* plan.c: the steps past their planned date beside st (KNGG_RISK_OVERDUE); */
void engine_plan_risks(engine_risks_out *out, const kngg_status *st, const char *today);
/* handover.c: key roles that ended on or before today without a handover. */
void engine_handover_risks(engine_risks_out *out, const kngg_register *reg, const char *today);

/* agreements.c: date plus months, the day clamped to the month's last day. */
void engine_months_after(const char *date, int months, char out[11]);

/* handover.c: the handovers of code up to as_of as a JSON array (export). */
struct json_t;
int engine_handovers_json(kngg_tracker *t, const char *code, const char *as_of,
			  struct json_t **out);

/* journal.c: one municipality's journal in memory while a question is
 * answered; engine_events() walks it, or the store when none is open or
 * the walk reaches beyond it. Writes must not happen while it is open. */
int engine_journal_open(kngg_tracker *t, const char *code, const char *until);
int engine_journal_is(const kngg_tracker *t, const char *code, const char *until);
/* Opens each municipality's journal in turn (one scan of the whole table)
 * and calls fn with it open; a non-zero return stops. */
typedef int (*engine_each_fn)(void *ctx, const char *code);
int engine_journal_each(kngg_tracker *t, const char *until, engine_each_fn fn, void *ctx);
void engine_journal_close(kngg_tracker *t);
/* 1 when a journal of code is open (whatever its until): the municipality
 * exists. */
int engine_journal_has(const kngg_tracker *t, const char *code);
/* The organisations and persons of code: read once while its journal is
 * open (a review loads the register for several dates), else the store. */
int engine_journal_orgs(kngg_tracker *t, const char *code, kngg_org_fn fn, void *ctx);
int engine_journal_persons(kngg_tracker *t, const char *code, kngg_person_fn fn, void *ctx);
int engine_events(kngg_tracker *t, const kngg_event_filter *f, kngg_event_fn fn, void *ctx);

/* Reports through the tracker's diag. */
#define engine_fail kngg_fail

#endif
