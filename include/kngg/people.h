/*
 * people.h: stakeholders, project roles, sign-offs, corrections and the
 * AVG rights of the persons kngg holds.
 *
 * kngg holds names, functions and contact details of professionals only,
 * never data about children or families. Personal fields live in the
 * person record; every event refers to a person by id, so that erasing a
 * person clears their fields everywhere while history and the audit chain
 * stay whole ("(gewist)" signed on that date, in that role).
 *
 * As in track.h: every write validates first and then appends its events
 * in one transaction; problems go to the tracker's diag as one Dutch line.
 */
#ifndef KNGG_PEOPLE_H
#define KNGG_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/limits.h"
#include "kngg/track.h"

/* ---- register: organisations and persons ------------------------------------ */

/* Adds an organisation of a type from list organisatietypen. */
int kngg_org_add(kngg_tracker *t, const char *code, const char *name, const char *type,
		 const kngg_track_opts *o, int64_t *id);

/* Names an organisation the municipality's main implementing organisation
 * (hoofduitvoerder; on 1) or ends that (0), from o->date. The guide: "the
 * main implementing organisation, usually JGZ and wijkteam"; rules and
 * sign-offs refer to this role, not to a type. */
int kngg_org_lead(kngg_tracker *t, const char *code, const char *org, int on,
		  const kngg_track_opts *o);

typedef struct {
	const char *name;     /* required */
	const char *org;      /* organisation name, required */
	const char *org_type; /* creates org when it is not registered yet */
	const char *function; /* e.g. "beleidsadviseur jeugd" */
	const char *level;    /* list niveaus: bestuurlijk, management, uitvoerend */
	const char *email;    /* optional */
	const char *phone;    /* optional */
} kngg_stakeholder_in;

int kngg_stakeholder_add(kngg_tracker *t, const char *code, const kngg_stakeholder_in *in,
			 const kngg_track_opts *o, int64_t *id);

/* The one person of code named name (case and accents aside) or numbered
 * so: 0 and *id; KNGG_ENOTFOUND when none, KNGG_EINVALID when the name is
 * not unique. Reports nothing (a front asks before it offers a default). */
int kngg_person_lookup(kngg_tracker *t, const char *code, const char *name, int64_t *id);

/* An analysis of one person at one moment. Values are ids from the lists
 * mate (interest, influence, urgency), houding (stance) and commitment.
 * Fields left NULL carry over from the person's previous assessment, so
 * that "commitment is now toegezegd" is one option. */
typedef struct {
	const char *interest, *influence, *urgency;
	const char *stance;
	const char *commitment;
	const char *round; /* step whose analysis this is (1.2, 1.7, 2.5...), or NULL */
} kngg_assessment;

/* o->area is required for a phase-2 round. */
int kngg_stakeholder_assess(kngg_tracker *t, const char *code, int64_t person,
			    const kngg_assessment *a, const kngg_track_opts *o);

/* What a role assignment says besides who and which role: deputy marks a
 * stand-in (plaatsvervanger); hours per week (0: not said, else
 * KNGG_HOURS_MIN..KNGG_HOURS_MAX, kngg/limits.h) and
 * the person's contribution (inbreng, free text, or NULL) feed the overview
 * of the project organisation (step 1.7). */
typedef struct {
	int deputy;
	int hours;
	const char *contribution;
} kngg_role_terms;

/* Reads hours per week as a user typed them (CLI --hours, the web form's
 * uren) into *hours: KNGG_EINVALID, with the one message every front
 * shows, unless text is a whole number in KNGG_HOURS_MIN..KNGG_HOURS_MAX. */
int kngg_role_hours_parse(kngg_tracker *t, const char *text, int *hours);

/* Roles in the project (list rollen) with start and end dates. terms may be NULL. */
int kngg_role_assign(kngg_tracker *t, const char *code, int64_t person, const char *role,
		     const kngg_role_terms *terms, const kngg_track_opts *o);
int kngg_role_end(kngg_tracker *t, const char *code, int64_t person, const char *role,
		  const kngg_track_opts *o);

/* 1 when a commitment id counts as committed: at or past the threshold the
 * definitions set on list commitment ("toegezegd"). Informed does not. */
int kngg_commitment_counts(const kngg_defs *defs, const char *commitment);

/* ---- the register as it stood on a date ------------------------------------ */

typedef struct {
	int64_t event_id;
	const char *date;
	const char *round;  /* or NULL */
	const char *area;   /* or NULL */
	const char *interest, *influence, *urgency, *stance, *commitment; /* NULL: never said */
	const char *commitment_date; /* when the commitment was last given (said, not carried) */
	const char *note;
	const char *by;
} kngg_assessment_rec;

typedef struct {
	int64_t event_id;
	const char *role;
	int deputy;
	const char *from;
	const char *until; /* NULL while active */
	int hours;                /* per week; 0: not said */
	const char *contribution; /* or NULL */
} kngg_role_rec;

typedef struct {
	kngg_person person;             /* name NULL once erased */
	const kngg_assessment_rec *history; /* oldest first */
	size_t nhistory;
	const kngg_assessment_rec *latest;  /* or NULL */
	const kngg_role_rec *roles;     /* in order of assignment */
	size_t nroles;
} kngg_stakeholder;

typedef struct kngg_register {
	const char *code;
	const char *as_of;               /* or NULL: today */
	const kngg_org *orgs;            /* by name */
	size_t norgs;
	int lead_named;                  /* any organisation was ever named
					    hoofduitvoerder (up to as_of) */
	const kngg_stakeholder *people;  /* by id */
	size_t npeople;
	struct kngg_arena *arena;
} kngg_register;

/* Loads the register of a municipality from its journal, up to as_of
 * (NULL: everything). Withdrawn (corrected) events do not count. */
int kngg_register_load(kngg_tracker *t, const char *code, const char *as_of,
		       kngg_register **out);
void kngg_register_free(kngg_register *r);
const kngg_stakeholder *kngg_register_person(const kngg_register *r, int64_t id);
/* 1 when organisation org_id counts as main implementing organisation in
 * reg: named so (kngg org lead), or, while the municipality never named
 * one, of type jgz or wijkteam (the guide's "usually"). */
int kngg_org_is_lead(const kngg_register *reg, int64_t org_id);

/* 1 when the person holds role on date (as holder or as deputy). */
int kngg_stakeholder_has_role(const kngg_stakeholder *s, const char *role, const char *date);

/* ---- continuity risks ------------------------------------------------------ */

typedef enum {
	KNGG_RISK_SOLE_HOLDER = 1,   /* a role held by one person, no deputy */
	KNGG_RISK_STALE_COMMITMENT,  /* committed more than twelve months ago */
	KNGG_RISK_COMMITTER_LEFT,    /* committed while in a role since ended, or erased */
	KNGG_RISK_ORG_UNCOMMITTED,   /* an organisation type a running step expects, nobody committed */
	/* issue 18: planning and continuity */
	KNGG_RISK_OVERDUE,           /* a step past its planned date and not done */
	KNGG_RISK_FUNDING_ENDS,      /* temporary funding ends soon without a structural successor */
	KNGG_RISK_AGREEMENT_EXPIRES, /* a signed agreement expires soon (or has expired) */
	KNGG_RISK_NO_HANDOVER        /* a key role ended without a recorded handover */
} kngg_risk_kind;

typedef struct {
	kngg_risk_kind kind;
	const char *text;    /* one line, Dutch, with the advice */
	int64_t person_id;   /* or 0 */
	const char *role;    /* or NULL */
	const char *step;    /* or NULL */
	const char *org_type;/* or NULL */
} kngg_risk;

typedef int (*kngg_risk_fn)(void *ctx, const kngg_risk *r);

/* Calls fn for every risk on as_of (NULL: today); returns the count or a
 * negative error. */
int kngg_risks(kngg_tracker *t, const char *code, const char *as_of, kngg_risk_fn fn,
	       void *ctx);

/* ---- sign-offs ---------------------------------------------------------------- */

typedef struct {
	const char *decision;  /* "go", "no-go" (go/no-go points) or "akkoord" */
	const char *signer;    /* a person's name or id number */
	const char *role;      /* the signer's role, list rollen */
	const char *as;        /* the required role signed for under mandate, or NULL */
	const char *org;       /* registered organisation name */
	const char *document;  /* decision document: title, number or link; required */
	const char *const *arguments; /* required (at least one) for no-go */
	size_t narguments;
	const char *valid_until; /* the agreement's last day (YYYY-MM-DD), or NULL;
				    only for agreements (kngg_signoff_expires) */
} kngg_signoff_in;

/* o->area for phase-2 points; phases 3-4 sign in the current cycle. */
int kngg_signoff_record(kngg_tracker *t, const char *code, const char *signoff_id,
			const kngg_signoff_in *in, const kngg_track_opts *o, int64_t *event_id);

/* 1 when a signature of so is an agreement that may run out (--valid-until):
 * the samenwerkingsovereenkomst (1.6), the written agreements per
 * organisation (1.7), the agreements of phase 3 and the borging (4.borging).
 * A go/no-go or a plan approval does not expire. */
int kngg_signoff_expires(const kngg_signoff *so);

/* The state of an agreement valid until valid_until (NULL: no end) on
 * today: KNGG_AGREEMENT_RUNS, _ENDS_SOON (within three months), _EXPIRED. */
enum { KNGG_AGREEMENT_RUNS, KNGG_AGREEMENT_ENDS_SOON, KNGG_AGREEMENT_EXPIRED };
int kngg_agreement_state(const char *valid_until, const char *today);

/* A regional partner signs once for every member of region: in one
 * transaction one signature per member (all or none), each carrying the
 * region, the members and one shared reference (*regional_id, 17 bytes).
 * The signer and organisation must be in each member's register (or
 * o->new_person adds the signer in each). fn (may be NULL) gets each
 * member's code and event id after the commit. */
int kngg_signoff_record_region(kngg_tracker *t, const char *region, const char *signoff_id,
			       const kngg_signoff_in *in, const kngg_track_opts *o,
			       char regional_id[17],
			       int (*fn)(void *ctx, const char *code, int64_t event_id), void *ctx);

typedef struct {
	int64_t event_id;
	const char *signoff;  /* 1.5/s1 */
	const char *date;
	const char *decision;
	int64_t person_id;
	const char *signer;   /* NULL once erased */
	const char *role;
	const char *as;       /* or NULL */
	const char *org;
	int64_t org_id;
	const char *org_type;
	const char *document;
	const char *const *arguments;
	size_t narguments;
	const char *note;
	const char *by;
	const char *area;     /* or NULL */
	int cycle_phase, cycle_number;
	int withdrawn;        /* corrected later */
	const char *valid_until; /* an agreement's last day, or NULL */
	const char *region;   /* signed once for a region: its name, else NULL */
	const char *regional_id; /* the reference shared by the members' copies */
	const char *const *members; /* the region's members it was signed for */
	size_t nmembers;
} kngg_signature;

typedef struct {
	const kngg_party *party;   /* the definition's signer */
	const char *org;           /* per-organisation slots: which one, else NULL */
	int64_t org_id;            /* its id, else 0 */
	const kngg_signature *latest; /* its latest valid signature, or NULL */
	int ok;                    /* latest says go or akkoord */
} kngg_signoff_slot;

typedef struct {
	const kngg_signoff *def;
	const char *scope;         /* area name, "cyclus N", or NULL */
	const kngg_signoff_slot *slots;
	size_t nslots;
	const char *missing_set;   /* a per-organisation set that is empty: its Dutch name */
	const kngg_signature *history; /* every signature, oldest first */
	size_t nhistory;
	int complete;              /* every required slot ok, no empty set */
	const char *completed_on;  /* when complete: the day it was (its last needed signature) */
	int frozen;                /* complete on completed_on with the set of that day,
				      though not with today's: the decision stands */
	const char *set_on;        /* the day whose set decides who must sign (today,
				      the day it completed, or the day its step was done) */
	int prepared;              /* the set was chosen (kngg signoff prepare), not suggested */
	const char *const *warnings; /* what changed since it was complete: re-confirm, addendum */
	size_t nwarnings;
	struct kngg_arena *arena;
} kngg_signoff_status;

/* Chooses who signs a per-organisation point (in o->area for phase 2, the
 * current cycle for phases 3-4): the organisations named, or without any
 * the set suggested today, recorded from o->date. The set then counts
 * until the point is complete (and stays fixed after). The guide picks
 * the parties from the stakeholder analysis and the projectplan (1.6 a1)
 * and the involved partners (2.1, 3.x, 4.borging). */
int kngg_signoff_prepare(kngg_tracker *t, const char *code, const char *signoff_id,
			 const char *const *orgs, size_t norgs, const kngg_track_opts *o);

/* The state of one sign-off point (in one area for phase 2). */
int kngg_signoff_status_load(kngg_tracker *t, const char *code, const char *signoff_id,
			     const char *area, const char *as_of, kngg_signoff_status **out);
void kngg_signoff_status_free(kngg_signoff_status *s);

/* One regional signature (kngg_signoff_record_region) as the region sees
 * it: the first member's copy, and which members' copies count on the day
 * (a copy withdrawn with kngg correct counts no more for that member). */
typedef struct {
	const kngg_signature *sig;
	const char *const *members;   /* copies in force */
	size_t nmembers;
	const char *const *withdrawn; /* copies withdrawn */
	size_t nwithdrawn;
} kngg_regional_signature;

/* Every regional signature of region up to as_of (NULL: today), oldest
 * first. */
int kngg_region_signatures(kngg_tracker *t, const char *region, const char *as_of,
			   int (*fn)(void *ctx, const kngg_regional_signature *r), void *ctx);

typedef int (*kngg_signature_fn)(void *ctx, const kngg_signature *s);
/* Every signature of a municipality, oldest first (withdrawn ones too). */
int kngg_signatures(kngg_tracker *t, const char *code, kngg_signature_fn fn, void *ctx);

/* ---- corrections and the audit chain ------------------------------------------ */

/* Withdraws a recorded fact (step, activity, deliverable, score, check,
 * assessment, role, sign-off) with a required reason; a new event. */
int kngg_correct(kngg_tracker *t, const char *code, int64_t event_id, const char *reason,
		 const kngg_track_opts *o);
/* 1 when events of kind can be withdrawn with kngg_correct (for fronts that
 * offer it only there). */
int kngg_event_correctable(const char *kind);

/* ---- AVG ------------------------------------------------------------------------ */

/* Everything kngg holds about one person, as a JSON text (malloc'd). */
int kngg_person_export(kngg_tracker *t, int64_t person, char **json);

/* Erases a person's personal fields everywhere (also their name, e-mail and
 * phone inside notes), records why, and scrubs the file. History keeps the
 * id: "(gewist)" in the role, on the date. *redacted: notes changed. */
int kngg_person_erase(kngg_tracker *t, int64_t person, const char *reason,
		      const kngg_track_opts *o, int *redacted);

#endif
