/*
 * plan.h: planned completion dates of steps, and how the work keeps to them.
 *
 * A plan is a journal event (KNGG_EV_PLAN_DUE): target the step, area_id or
 * cycle_id where the step runs per area (phase 2) or per cycle (phases 3
 * and 4), value the planned date. A newer plan of the same step in the
 * same area or cycle replaces the older one; the journal keeps both, so
 * `--as-of` shows the plan as it stood and `kngg correct` withdraws one
 * (the one before it counts again).
 */
#ifndef KNGG_PLAN_H
#define KNGG_PLAN_H

#include <jansson.h>

#include "kngg/table.h"
#include "kngg/track.h"

#define KNGG_EV_PLAN_DUE "plan.due" /* target: step; value: planned date YYYY-MM-DD */

/* Plans due dates for steps (all or nothing, one transaction): due as
 * people type dates; area for steps of phase 2; cycle (0: the current one)
 * for steps of phases 3 and 4. o->date is the day the plan was made. */
int kngg_plan_set(kngg_tracker *t, const char *code, const char *const *steps, size_t nsteps,
		  const char *due, int cycle, const kngg_track_opts *o);

/* One planned step in one area or cycle, with what happened. */
typedef struct {
	const kngg_step *step;
	int phase;
	const char *area;       /* area name, or NULL */
	int cycle;              /* cycle number (phases 3-4), or 0 */
	const char *due;        /* YYYY-MM-DD */
	const char *planned_on; /* effective date of the plan in force */
	const char *note;       /* or NULL */
	const char *by;         /* or NULL */
	int64_t event;          /* the plan event in force */
	int sequence;           /* changes before this one (iCalendar SEQUENCE) */
	kngg_step_state state;
	const char *started;    /* or NULL */
	const char *done;       /* when done (state afgerond), else NULL */
	long late;              /* done: days after due (negative: before); not done:
				   days past due on the day asked (0 when not past) */
	char day[11];           /* the day asked */
} kngg_plan_item;

typedef struct {
	const char *code, *name;
	char day[11]; /* the day asked (as_of or today) */
	kngg_plan_item *items; /* by phase, step, area or cycle */
	size_t nitems;
	void *priv;
} kngg_plan;

/* The plan of code as it stood at as_of (NULL: now), beside the status
 * (st: already loaded for the same as_of, or NULL to load it). Free with
 * kngg_plan_free(). */
int kngg_plan_load(kngg_tracker *t, const char *code, const char *as_of, const kngg_status *st,
		   kngg_plan **out);
void kngg_plan_free(kngg_plan *p);
/* The item of step in area (NULL) or cycle (0), or NULL. */
const kngg_plan_item *kngg_plan_find(const kngg_plan *p, const char *step, const char *area,
				     int cycle);
/* Days a step is over its planned date and not done (0: not overdue). */
long kngg_plan_overdue(const kngg_plan_item *it);
/* How an item keeps to its plan, in Dutch: "op tijd", "3 weken te laat",
 * "12 dagen over tijd", "nog 5 dagen", "vandaag"; into buf. */
void kngg_plan_deviation(const kngg_plan_item *it, char *buf, size_t size);
/* Days from a to b (YYYY-MM-DD each); 0 when either is not a date. */
long kngg_days_between(const char *a, const char *b);

/* The plan as JSON: an array of {step, title, phase, area, cycle, due,
 * planned_on, note, by, event, sequence, state, started, done, late,
 * overdue, deviation}. */
json_t *kngg_plan_json(const kngg_plan *p);

/* The plan as a table (--format csv|xlsx): stap, titel, fase, gebied,
 * cyclus, gepland, gestart, afgerond, afwijking, dagen te laat, notitie. */
int kngg_plan_table(const kngg_plan *p, kngg_table **out);

#endif
