/*
 * plan.c: planned completion dates of steps (kngg plan), derived like
 * everything else from the journal, and the overdue risk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kngg/plan.h"

#include "engine/engine.h"
#include "util/text.h"

/* ---- dates ------------------------------------------------------------- */

long kngg_days_between(const char *a, const char *b)
{
	long da, db;

	if (kngg_day_number(a, &da) < 0 || kngg_day_number(b, &db) < 0)
		return 0;
	return db - da;
}

/* ---- recording --------------------------------------------------------- */

struct cycle_pick {
	int phase, number;
	int64_t id;
	kngg_buf have;
	int n;
};

static int pick_cycle(void *ctx, const kngg_cycle *c)
{
	struct cycle_pick *p = ctx;

	if (c->phase != p->phase)
		return 0;
	if (c->number == p->number)
		p->id = c->id; /* the latest of that number (a withdrawn start is reused) */
	kngg_buf_printf(&p->have, "%s%d", p->n++ ? ", " : "", c->number);
	return 0;
}

/* Where a plan of step is kept: engine_scope (area for phase 2, the
 * current cycle for phases 3-4), or cycle number of its phase. */
static int plan_scope(kngg_tracker *t, const char *code, const kngg_step *st, const char *area,
		      int cycle, int64_t *area_id, int64_t *cycle_id)
{
	const kngg_phase *ph = kngg_def_phase(st->def.parent);
	struct cycle_pick p = {ph->number, cycle, 0, {0}, 0};
	int rc;

	if (!cycle)
		return engine_scope(t, code, st, area, area_id, cycle_id);
	if (ph->repeat != KNGG_REPEAT_PER_CYCLE)
		return engine_fail(t, KNGG_EINVALID,
				   "--cycle hoort alleen bij stappen van fase 3 en 4 (stap %s hoort bij fase %d)",
				   st->def.id, ph->number);
	if (area)
		return engine_fail(t, KNGG_EINVALID,
				   "--area hoort alleen bij stappen van fase 2 (fase %d herhaalt niet per gebied)",
				   ph->number);
	*area_id = 0;
	if ((rc = kngg_store_cycles(t->store, code, pick_cycle, &p)) < 0)
		goto done;
	if (!p.id)
		rc = engine_fail(t, KNGG_ENOTFOUND, "fase %d van %s heeft geen cyclus %d (%s%s)",
				 ph->number, code, cycle, p.n ? "cycli: " : "nog geen cyclus; begin er een met 'kngg cycle start'",
				 kngg_buf_cstr(&p.have));
	*cycle_id = p.id;
done:
	kngg_buf_free(&p.have);
	return rc;
}

struct plan_now {
	int64_t area_id, cycle_id;
	char due[11];
};

static int current_plan(void *ctx, const kngg_event *ev)
{
	struct plan_now *p = ctx;

	if (strcmp(ev->kind, KNGG_EV_PLAN_DUE) == 0 && ev->area_id == p->area_id &&
	    ev->cycle_id == p->cycle_id && !engine_withdrawn(ev, NULL) && ev->value)
		snprintf(p->due, sizeof(p->due), "%s", ev->value);
	return 0;
}

int kngg_plan_set(kngg_tracker *t, const char *code, const char *const *steps, size_t nsteps,
		  const char *due_typed, int cycle, const kngg_track_opts *o)
{
	const kngg_step *st;
	char date[11], due[11];
	int rc;

	if (nsteps == 0)
		return engine_fail(t, KNGG_EINVALID, "geef een of meer stappen (bijvoorbeeld 1.3)");
	if (!due_typed || !*due_typed)
		return engine_fail(t, KNGG_EINVALID, "--due ontbreekt: de geplande datum");
	if (!kngg_date_parse(due_typed, due))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige datum '%s' bij --due (verwacht een bestaande dag, bijvoorbeeld "
				   "1-11-2026, 1 november 2026 of 2026-11-01)",
				   due_typed);
	if (cycle < 0)
		return engine_fail(t, KNGG_EINVALID, "ongeldig cyclusnummer %d", cycle);
	for (size_t i = 0; i < nsteps; i++) {
		if (!kngg_def_step(kngg_defs_find(t->defs, steps[i])))
			return engine_fail(t, KNGG_ENOTFOUND, "onbekende stap '%s' (zie 'kngg phases')",
					   steps[i] ? steps[i] : "");
		for (size_t k = 0; k < i; k++)
			if (strcmp(steps[k], steps[i]) == 0)
				return engine_fail(t, KNGG_EINVALID, "stap %s staat er twee keer", steps[i]);
	}
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	for (size_t i = 0; i < nsteps && rc == 0; i++) {
		struct plan_now now = {0, 0, ""};
		kngg_event ev;

		st = kngg_def_step(kngg_defs_find(t->defs, steps[i]));
		if ((rc = plan_scope(t, code, st, o ? o->area : NULL, cycle, &now.area_id,
				     &now.cycle_id)) < 0 ||
		    (rc = kngg_store_events_of(t->store, code, st->def.id, current_plan, &now)) < 0)
			break;
		if (strcmp(now.due, due) == 0 && !(o && o->note)) {
			rc = engine_fail(t, KNGG_EINVALID, "stap %s staat al gepland op %s", st->def.id,
					 due);
			break;
		}
		engine_fill_event(t, &ev, KNGG_EV_PLAN_DUE, code, date, o);
		ev.target = st->def.id;
		ev.area_id = now.area_id;
		ev.cycle_id = now.cycle_id;
		ev.value = due;
		rc = engine_event_add(t, &ev, NULL);
	}
done:
	return engine_finish(t, rc);
}

/* ---- reading ----------------------------------------------------------- */

typedef struct {
	kngg_plan *p;
	kngg_arena *arena;
	const char *as_of;
	int64_t *area_ids, *cycle_ids; /* per item */
	int64_t *counts;               /* per item: plan events and withdrawals */
	size_t cap;
	int failed;
} plan_builder;

static const char *pdup(plan_builder *b, const char *s)
{
	return s ? kngg_arena_strdup(b->arena, s) : NULL;
}

static kngg_plan_item *item_for(plan_builder *b, const kngg_step *st, const kngg_event *ev)
{
	kngg_plan *p = b->p;

	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].step == st && b->area_ids[i] == ev->area_id &&
		    b->cycle_ids[i] == ev->cycle_id)
			return &p->items[i];
	if (p->nitems == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		kngg_plan_item *items = realloc(p->items, cap * sizeof(*items));
		int64_t *a = realloc(b->area_ids, cap * sizeof(*a));
		int64_t *c = realloc(b->cycle_ids, cap * sizeof(*c));
		int64_t *n = realloc(b->counts, cap * sizeof(*n));

		if (items)
			p->items = items;
		if (a)
			b->area_ids = a;
		if (c)
			b->cycle_ids = c;
		if (n)
			b->counts = n;
		if (!items || !a || !c || !n) {
			b->failed = 1;
			return NULL;
		}
		b->cap = cap;
	}
	memset(&p->items[p->nitems], 0, sizeof(p->items[0]));
	p->items[p->nitems].step = st;
	p->items[p->nitems].phase = kngg_def_phase(st->def.parent)->number;
	p->items[p->nitems].area = pdup(b, ev->area);
	p->items[p->nitems].cycle = ev->cycle_number;
	b->area_ids[p->nitems] = ev->area_id;
	b->cycle_ids[p->nitems] = ev->cycle_id;
	b->counts[p->nitems] = 0;
	return &p->items[p->nitems++];
}

struct plan_walk {
	plan_builder *b;
	const kngg_defs *defs;
};

static int on_plan_event(void *ctx, const kngg_event *ev)
{
	struct plan_walk *w = ctx;
	plan_builder *b = w->b;
	const kngg_step *st;
	kngg_plan_item *it;
	size_t i;

	if (strcmp(ev->kind, KNGG_EV_PLAN_DUE) != 0 || !ev->target || !ev->value)
		return 0;
	if (!(st = kngg_def_step(kngg_defs_find(w->defs, ev->target))))
		return 0; /* a step the current definitions no longer know */
	if (!(it = item_for(b, st, ev)))
		return KNGG_ENOMEM;
	i = (size_t)(it - b->p->items);
	b->counts[i]++;
	if (engine_withdrawn(ev, b->as_of)) {
		b->counts[i]++; /* the withdrawal is a change too */
		return 0;
	}
	it->due = pdup(b, ev->value);
	it->planned_on = pdup(b, ev->date);
	it->note = pdup(b, ev->note);
	it->by = pdup(b, ev->by);
	it->event = ev->id;
	return b->failed ? KNGG_ENOMEM : 0;
}

static int item_order(const void *x, const void *y)
{
	const kngg_plan_item *a = x, *b = y;
	int c;

	if (a->phase != b->phase)
		return a->phase - b->phase;
	if (a->step != b->step)
		return a->step < b->step ? -1 : 1;
	if (a->cycle != b->cycle)
		return a->cycle - b->cycle;
	if ((c = strcmp(a->area ? a->area : "", b->area ? b->area : "")) != 0)
		return c;
	return 0;
}

/* What happened to the item's step in its area or cycle. */
static void match_status(plan_builder *b, kngg_plan_item *it, const kngg_status *st)
{
	const kngg_phase_status *ps = &st->phases[it->phase - 1];
	const kngg_phase *ph = ps->phase;
	size_t s = (size_t)(it->step - ph->steps);

	for (size_t r = 0; r < ps->nruns; r++) {
		const kngg_run_status *run = &ps->runs[r];
		const kngg_step_status *ss;

		if (ph->repeat == KNGG_REPEAT_PER_AREA &&
		    (!run->label || !it->area || strcmp(run->label, it->area) != 0))
			continue;
		if (ph->repeat == KNGG_REPEAT_PER_CYCLE && run->cycle != it->cycle)
			continue;
		ss = &run->steps[s];
		it->state = ss->state;
		it->started = pdup(b, ss->started);
		if (ss->state == KNGG_STATE_DONE)
			it->done = pdup(b, ss->done);
		break;
	}
	memcpy(it->day, b->p->day, sizeof(it->day));
	if (it->done)
		it->late = kngg_days_between(it->due, it->done);
	else {
		long d = kngg_days_between(it->due, b->p->day);

		it->late = d > 0 ? d : 0;
	}
}

int kngg_plan_load(kngg_tracker *t, const char *code, const char *as_of, const kngg_status *st,
		   kngg_plan **out)
{
	plan_builder b = {0};
	kngg_status *own = NULL;
	struct plan_walk w;
	size_t keep = 0;
	int rc;

	*out = NULL;
	if (!st) {
		if ((rc = kngg_status_load(t, code, as_of, &own)) < 0)
			return rc;
		st = own;
	}
	b.p = calloc(1, sizeof(*b.p));
	b.arena = kngg_arena_new();
	b.as_of = as_of;
	if (!b.p || !b.arena) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	b.p->priv = b.arena;
	b.p->code = pdup(&b, st->code);
	b.p->name = pdup(&b, st->name);
	engine_day(t, as_of, b.p->day);
	w.b = &b;
	w.defs = t->defs;
	{
		kngg_event_filter f = {code, NULL, KNGG_EV_PLAN_DUE, 0, NULL, as_of};

		rc = engine_events(t, &f, on_plan_event, &w);
	}
	if (rc == 0 && b.failed)
		rc = KNGG_ENOMEM;
	if (rc < 0)
		goto done;
	/* items whose every plan was withdrawn drop out; the rest keep their
	 * number of changes for iCalendar */
	for (size_t i = 0; i < b.p->nitems; i++) {
		if (!b.p->items[i].due)
			continue;
		b.p->items[keep] = b.p->items[i];
		b.p->items[keep].sequence = (int)(b.counts[i] - 1);
		keep++;
	}
	b.p->nitems = keep;
	if (keep)
		qsort(b.p->items, keep, sizeof(*b.p->items), item_order);
	for (size_t i = 0; i < keep; i++)
		match_status(&b, &b.p->items[i], st);
	if (b.failed)
		rc = KNGG_ENOMEM;
done:
	free(b.area_ids);
	free(b.cycle_ids);
	free(b.counts);
	kngg_status_free(own);
	if (rc < 0) {
		if (b.p)
			kngg_plan_free(b.p);
		else
			kngg_arena_free(b.arena);
		return rc;
	}
	*out = b.p;
	return 0;
}

void kngg_plan_free(kngg_plan *p)
{
	if (!p)
		return;
	free(p->items);
	kngg_arena_free(p->priv);
	free(p);
}

const kngg_plan_item *kngg_plan_find(const kngg_plan *p, const char *step, const char *area,
				     int cycle)
{
	for (size_t i = 0; p && i < p->nitems; i++) {
		const kngg_plan_item *it = &p->items[i];

		if (strcmp(it->step->def.id, step) == 0 && it->cycle == cycle &&
		    ((!area && !it->area) || (area && it->area && strcmp(area, it->area) == 0)))
			return it;
	}
	return NULL;
}

long kngg_plan_overdue(const kngg_plan_item *it)
{
	return it->done ? 0 : it->late;
}

/* "1 dag", "12 dagen", "3 weken": weeks from three weeks on. */
static void span(long days, char *buf, size_t size)
{
	if (days >= 21)
		snprintf(buf, size, "%ld weken", (days + 3) / 7);
	else
		snprintf(buf, size, "%ld %s", days, days == 1 ? "dag" : "dagen");
}

/* The day the item was looked at: due + late (late is 0 when not past). */
static const char *day_of(const kngg_plan_item *it)
{
	return it->day;
}

void kngg_plan_deviation(const kngg_plan_item *it, char *buf, size_t size)
{
	char s[32];

	if (it->done) {
		if (it->late <= 0)
			snprintf(buf, size, "op tijd");
		else {
			span(it->late, s, sizeof(s));
			snprintf(buf, size, "%s te laat", s);
		}
		return;
	}
	if (it->late > 0) {
		span(it->late, s, sizeof(s));
		snprintf(buf, size, "%s over tijd", s);
	} else {
		long left = kngg_days_between(day_of(it), it->due);

		if (left <= 0)
			snprintf(buf, size, "vandaag");
		else {
			span(left, s, sizeof(s));
			snprintf(buf, size, "nog %s", s);
		}
	}
}

static json_t *jstr_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *kngg_plan_json(const kngg_plan *p)
{
	json_t *arr = json_array();

	for (size_t i = 0; p && arr && i < p->nitems; i++) {
		const kngg_plan_item *it = &p->items[i];
		json_t *o = json_object();
		char dev[64], nl[32];

		kngg_plan_deviation(it, dev, sizeof(dev));
		json_object_set_new(o, "step", json_string(it->step->def.id));
		json_object_set_new(o, "title", json_string(it->step->def.title));
		json_object_set_new(o, "phase", json_integer(it->phase));
		json_object_set_new(o, "area", jstr_or_null(it->area));
		json_object_set_new(o, "cycle", it->cycle ? json_integer(it->cycle) : json_null());
		json_object_set_new(o, "due", json_string(it->due));
		kngg_date_nl(it->due, nl);
		json_object_set_new(o, "due_text", json_string(nl));
		json_object_set_new(o, "planned_on", jstr_or_null(it->planned_on));
		json_object_set_new(o, "note", jstr_or_null(it->note));
		json_object_set_new(o, "by", jstr_or_null(it->by));
		json_object_set_new(o, "event", json_integer(it->event));
		json_object_set_new(o, "sequence", json_integer(it->sequence));
		json_object_set_new(o, "state", json_string(kngg_step_state_name(it->state)));
		json_object_set_new(o, "started", jstr_or_null(it->started));
		json_object_set_new(o, "done", jstr_or_null(it->done));
		json_object_set_new(o, "late_days", json_integer(it->late));
		json_object_set_new(o, "overdue_days", json_integer(kngg_plan_overdue(it)));
		json_object_set_new(o, "deviation", json_string(dev));
		json_array_append_new(arr, o);
	}
	return arr;
}

static const char *const plan_head[] = {"stap", "titel", "fase", "gebied", "cyclus",
					 "gepland", "gestart", "afgerond", "afwijking",
					 "dagen te laat", "notitie"};
#define NPLAN (sizeof(plan_head) / sizeof(plan_head[0]))

int kngg_plan_table(const kngg_plan *p, kngg_table **out)
{
	kngg_table *t = kngg_table_new("planning", NPLAN, plan_head);
	int rc = t ? 0 : KNGG_ENOMEM;

	for (size_t i = 0; rc == 0 && i < p->nitems; i++) {
		const kngg_plan_item *it = &p->items[i];
		char dev[64];

		kngg_plan_deviation(it, dev, sizeof(dev));
		if ((rc = kngg_table_row(t, 0)) == 0)
			rc = kngg_table_text(t, 0, it->step->def.id);
		if (rc == 0)
			rc = kngg_table_text(t, 1, it->step->def.title);
		if (rc == 0)
			rc = kngg_table_number(t, 2, it->phase);
		if (rc == 0 && it->area)
			rc = kngg_table_text(t, 3, it->area);
		if (rc == 0 && it->cycle)
			rc = kngg_table_number(t, 4, it->cycle);
		if (rc == 0)
			rc = kngg_table_date(t, 5, it->due);
		if (rc == 0 && it->started)
			rc = kngg_table_date(t, 6, it->started);
		if (rc == 0 && it->done)
			rc = kngg_table_date(t, 7, it->done);
		if (rc == 0)
			rc = kngg_table_text(t, 8, dev);
		if (rc == 0)
			rc = kngg_table_number(t, 9, (double)it->late);
		if (rc == 0 && it->note)
			rc = kngg_table_text(t, 10, it->note);
	}
	if (rc < 0) {
		kngg_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* ---- the overdue risk (engine_risks) ------------------------------------ */

void engine_plan_risks(engine_risks_out *out, const kngg_status *st, const char *today)
{
	kngg_plan *p = NULL;
	int rc;

	if (out->rc)
		return;
	if ((rc = kngg_plan_load(out->t, st->code, today, st, &p)) < 0) {
		out->rc = rc;
		return;
	}
	for (size_t i = 0; i < p->nitems && !out->rc; i++) {
		const kngg_plan_item *it = &p->items[i];
		long days = kngg_plan_overdue(it);
		kngg_risk r = {KNGG_RISK_OVERDUE, NULL, 0, NULL, it->step->def.id, NULL};
		char nl[32], where[64] = "";

		if (days <= 0)
			continue;
		kngg_date_nl(it->due, nl);
		if (it->area)
			snprintf(where, sizeof(where), " in %s", it->area);
		else if (it->cycle)
			snprintf(where, sizeof(where), " in cyclus %d", it->cycle);
		engine_risk_emit(out, &r,
				 "stap %s%s is %ld %s over de geplande datum (%s): rond af of plan "
				 "opnieuw met 'kngg plan %s %s --due DATUM%s%s%s'",
				 it->step->def.id, where, days, days == 1 ? "dag" : "dagen", nl, p->code,
				 it->step->def.id, it->area ? " --area \"" : "", it->area ? it->area : "",
				 it->area ? "\"" : "");
	}
	kngg_plan_free(p);
}
