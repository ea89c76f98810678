/*
 * status.c: a municipality's status, derived from its journal in one pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kngg/plan.h"

#include "engine/engine.h"

const char *kngg_step_state_name(kngg_step_state s)
{
	switch (s) {
	case KNGG_STATE_STARTED: return "gestart";
	case KNGG_STATE_DONE: return "afgerond";
	case KNGG_STATE_REOPENED: return "heropend";
	default: return "niet gestart";
	}
}

void engine_step_apply(kngg_step_status *ss, const kngg_event *ev, engine_dup_fn dup,
		       void *ctx)
{
	const char *date = dup ? dup(ctx, ev->date) : ev->date;

	if (strcmp(ev->kind, KNGG_EV_STEP_START) == 0) {
		ss->state = KNGG_STATE_STARTED;
		ss->started = date;
	} else if (strcmp(ev->kind, KNGG_EV_STEP_DONE) == 0) {
		if (!ss->started)
			ss->started = date;
		ss->state = KNGG_STATE_DONE;
		ss->done = date;
	} else if (strcmp(ev->kind, KNGG_EV_STEP_REOPEN) == 0) {
		ss->state = KNGG_STATE_REOPENED;
		ss->reopened = date;
		ss->reopen_count++;
	} else {
		return;
	}
	ss->by = dup ? dup(ctx, ev->by) : ev->by;
	ss->note = dup ? dup(ctx, ev->note) : ev->note;
}

/* ---- building the status ------------------------------------------------- */

struct run_key {
	int64_t id; /* area or cycle id */
};

typedef struct {
	kngg_tracker *t;
	kngg_status *s;
	kngg_arena *arena;
	const char *as_of;
	int64_t *run_ids[4]; /* per phase: area/cycle id of each run */
	size_t cap[4];
	int failed;
} builder;

static const char *bdup(void *ctx, const char *s)
{
	builder *b = ctx;

	return s ? kngg_arena_strdup(b->arena, s) : NULL;
}

static kngg_run_status *add_run(builder *b, int phase, int64_t id)
{
	kngg_phase_status *ps = &b->s->phases[phase - 1];
	const kngg_phase *ph = ps->phase;
	kngg_run_status *runs;
	int64_t *ids;

	if (ps->nruns == b->cap[phase - 1]) {
		size_t cap = b->cap[phase - 1] ? b->cap[phase - 1] * 2 : 4;

		runs = realloc(ps->runs, cap * sizeof(*runs));
		if (runs)
			ps->runs = runs;
		ids = realloc(b->run_ids[phase - 1], cap * sizeof(*ids));
		if (ids)
			b->run_ids[phase - 1] = ids;
		if (!runs || !ids) {
			b->failed = 1;
			return NULL;
		}
		b->cap[phase - 1] = cap;
	}
	runs = &ps->runs[ps->nruns];
	memset(runs, 0, sizeof(*runs));
	b->run_ids[phase - 1][ps->nruns++] = id;
	runs->steps = kngg_arena_alloc(b->arena, ph->nsteps * sizeof(*runs->steps) + 1);
	for (size_t i = 0; runs->steps && i < ph->nsteps; i++) {
		kngg_step_status *ss = &runs->steps[i];

		ss->activity_done = kngg_arena_alloc(b->arena, ph->steps[i].nactivities * sizeof(char *) + 1);
		ss->deliverable_done =
			kngg_arena_alloc(b->arena, ph->steps[i].ndeliverables * sizeof(char *) + 1);
		ss->deliverable_doc =
			kngg_arena_alloc(b->arena, ph->steps[i].ndeliverables * sizeof(char *) + 1);
		if (!ss->activity_done || !ss->deliverable_done || !ss->deliverable_doc)
			b->failed = 1;
	}
	if (!runs->steps)
		b->failed = 1;
	return b->failed ? NULL : runs;
}

static kngg_run_status *find_run(builder *b, int phase, int64_t id)
{
	kngg_phase_status *ps = &b->s->phases[phase - 1];

	for (size_t i = 0; i < ps->nruns; i++)
		if (b->run_ids[phase - 1][i] == id)
			return &ps->runs[i];
	return NULL;
}

/* The run an event about a step (or its activity) belongs to. */
static kngg_run_status *run_for(builder *b, const kngg_phase *ph, const kngg_event *ev)
{
	int64_t id = ph->repeat == KNGG_REPEAT_PER_AREA    ? ev->area_id
		     : ph->repeat == KNGG_REPEAT_PER_CYCLE ? ev->cycle_id
							   : 0;
	kngg_run_status *r = find_run(b, ph->number, id);

	return r ? r : add_run(b, ph->number, id);
}

static size_t step_index(const kngg_step *st)
{
	const kngg_phase *ph = kngg_def_phase(st->def.parent);

	return (size_t)(st - ph->steps);
}

static void apply_item(builder *b, const kngg_def *item, const kngg_event *ev)
{
	const kngg_step *st = kngg_def_step(item->parent);
	const kngg_phase *ph = kngg_def_phase(st->def.parent);
	kngg_run_status *run = run_for(b, ph, ev);
	kngg_step_status *ss;
	size_t i;

	if (!run)
		return;
	ss = &run->steps[step_index(st)];
	if (item->kind == KNGG_DEF_ACTIVITY) {
		i = (size_t)(item - st->activities);
		if (!ss->activity_done[i])
			ss->activity_done[i] = bdup(b, ev->date);
	} else {
		i = (size_t)(item - st->deliverables);
		if (!ss->deliverable_done[i])
			ss->deliverable_done[i] = bdup(b, ev->date);
		if (ev->value)
			ss->deliverable_doc[i] = bdup(b, ev->value);
	}
}

static void apply_quickscan(builder *b, const kngg_event *ev)
{
	const kngg_quickscan *q = kngg_defs_quickscan(b->t->defs);
	kngg_run_status *run;

	if (ev->cycle_phase < 3 || ev->cycle_phase > 4)
		return;
	run = find_run(b, ev->cycle_phase, ev->cycle_id);
	if (!run)
		run = add_run(b, ev->cycle_phase, ev->cycle_id);
	if (!run)
		return;
	if (!run->quickscan) {
		run->quickscan = kngg_arena_alloc(b->arena, q->nthemes * sizeof(int) + 1);
		if (!run->quickscan) {
			b->failed = 1;
			return;
		}
		for (size_t i = 0; i < q->nthemes; i++)
			run->quickscan[i] = -1;
	}
	for (size_t i = 0; i < q->nthemes; i++) {
		if (strcmp(q->themes[i].def.id, ev->target) == 0) {
			if (run->quickscan[i] < 0)
				run->quickscan_count++;
			run->quickscan[i] = ev->score;
		}
	}
}

static void apply_factor(builder *b, const kngg_event *ev)
{
	for (size_t i = 0; i < b->s->nfactors; i++) {
		kngg_factor_status *fs = &b->s->factors[i];

		if (strcmp(fs->factor->def.id, ev->target) == 0) {
			fs->date = bdup(b, ev->date);
			fs->score = ev->score;
			fs->note = bdup(b, ev->note);
		}
	}
}

/* The kind of an area: as recorded, else the first area is the
 * experiment, a later one with another target group a doelgroep, else a
 * wijk (areas added before kngg knew kinds). */
static kngg_area_kind area_kind(builder *b, const kngg_event *ev)
{
	const kngg_phase_status *ps = &b->s->phases[1];
	const kngg_run_status *first = NULL;
	const char *soort = ev->data ? strstr(ev->data, "\"soort\":\"") : NULL;
	kngg_area_kind k = 0;

	if (soort) {
		char word[16];

		snprintf(word, sizeof(word), "%.*s", (int)strcspn(soort + 9, "\""), soort + 9);
		k = kngg_area_kind_parse(word);
	}
	if (k)
		return k;
	for (size_t i = 0; i + 1 < ps->nruns && !first; i++)
		if (ps->runs[i].kind == KNGG_AREA_EXPERIMENT)
			first = &ps->runs[i];
	if (!first)
		return KNGG_AREA_EXPERIMENT;
	if (ev->value && (!first->target_group || strcmp(ev->value, first->target_group) != 0))
		return KNGG_AREA_DOELGROEP;
	return KNGG_AREA_WIJK;
}

int kngg_step_runs_in(const kngg_step *step, kngg_area_kind kind)
{
	return kind == 0 || (step->area_kinds & (unsigned)kind) != 0;
}

static int on_event(void *ctx, const kngg_event *ev)
{
	builder *b = ctx;
	const kngg_def *def = ev->target ? kngg_defs_find(b->t->defs, ev->target) : NULL;
	kngg_run_status *run;

	b->s->nevents++;
	b->s->last_date = bdup(b, ev->date);
	if (engine_withdrawn(ev, b->as_of))
		return 0;
	/* a plan is not progress (plan.c reads it); a correction only marks
	 * what it withdraws (it carries no area or cycle: taken as a step's
	 * event it made a run without one and raised the current phase) */
	if (strcmp(ev->kind, KNGG_EV_PLAN_DUE) == 0 || strcmp(ev->kind, KNGG_EV_CORRECTION) == 0)
		return 0;
	if (strcmp(ev->kind, KNGG_EV_AREA_ADD) == 0 || strcmp(ev->kind, KNGG_EV_CYCLE_START) == 0) {
		int phase = ev->area_id ? 2 : ev->cycle_phase;

		if (phase < 2 || phase > 4)
			return 0;
		run = find_run(b, phase, ev->area_id ? ev->area_id : ev->cycle_id);
		if (!run)
			run = add_run(b, phase, ev->area_id ? ev->area_id : ev->cycle_id);
		if (run) {
			kngg_buf lb = {0};

			if (ev->area_id) {
				run->label = bdup(b, ev->area);
				run->target_group = bdup(b, ev->value);
				run->kind = area_kind(b, ev);
			} else {
				kngg_buf_printf(&lb, "cyclus %d", ev->cycle_number);
				run->label = bdup(b, kngg_buf_cstr(&lb));
				run->cycle = ev->cycle_number;
				kngg_buf_free(&lb);
			}
			run->started = bdup(b, ev->date);
		}
		return 0;
	}
	if (strcmp(ev->kind, KNGG_EV_MUNICIPALITY_RENAME) == 0) {
		b->s->name = bdup(b, ev->value);
		return 0;
	}
	if (strcmp(ev->kind, KNGG_EV_QUICKSCAN) == 0) {
		apply_quickscan(b, ev);
		return 0;
	}
	if (strcmp(ev->kind, KNGG_EV_FACTOR) == 0) {
		apply_factor(b, ev);
		return 0;
	}
	if (!def)
		return 0; /* an id the current definitions no longer know */
	if (def->kind == KNGG_DEF_STEP) {
		const kngg_step *st = kngg_def_step(def);
		const kngg_phase *ph = kngg_def_phase(st->def.parent);

		run = run_for(b, ph, ev);
		if (run)
			engine_step_apply(&run->steps[step_index(st)], ev, bdup, b);
		if (ph->number > b->s->current_phase)
			b->s->current_phase = ph->number;
	} else if (def->kind == KNGG_DEF_ACTIVITY || def->kind == KNGG_DEF_DELIVERABLE) {
		apply_item(b, def, ev);
	}
	return b->failed ? KNGG_ENOMEM : 0;
}

static int got_municipality(void *ctx, const kngg_municipality *m)
{
	builder *b = ctx;

	b->s->code = bdup(b, m->code);
	b->s->name = bdup(b, m->name);
	return 0;
}

int kngg_status_load(kngg_tracker *t, const char *code, const char *as_of, kngg_status **out)
{
	builder b = {0};
	size_t nf;
	const kngg_factor *factors = kngg_defs_factors(t->defs, &nf);
	int rc;

	*out = NULL;
	b.t = t;
	if (!kngg_valid_code(code))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige gemeentecode '%s' (verwacht GM en vier cijfers, bijvoorbeeld GM0479)",
				   code ? code : "");
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	b.s = calloc(1, sizeof(*b.s));
	b.arena = kngg_arena_new();
	if (!b.s || !b.arena) {
		free(b.s);
		kngg_arena_free(b.arena);
		return KNGG_ENOMEM;
	}
	b.s->priv = b.arena;
	b.as_of = as_of;
	b.s->current_phase = 1;
	for (int p = 0; p < 4; p++)
		b.s->phases[p].phase = kngg_defs_phase_by_number(t->defs, p + 1);
	b.s->factors = kngg_arena_alloc(b.arena, nf * sizeof(*b.s->factors) + 1);
	b.s->nfactors = nf;
	for (size_t i = 0; b.s->factors && i < nf; i++)
		b.s->factors[i].factor = &factors[i];
	/* phase 1 always has its one run */
	if (!b.s->factors || !add_run(&b, 1, 0)) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	rc = kngg_store_municipality_get(t->store, code, got_municipality, &b);
	if (rc == KNGG_ENOTFOUND)
		rc = engine_fail(t, rc, "onbekende gemeente '%s' (zie 'kngg municipality list')", code);
	if (rc == 0) {
		kngg_event_filter f = {code, NULL, NULL, 0, NULL, as_of};

		rc = engine_events(t, &f, on_event, &b);
	}
	if (rc == 0 && b.failed)
		rc = KNGG_ENOMEM;
done:
	for (int p = 0; p < 4; p++)
		free(b.run_ids[p]);
	if (rc < 0) {
		kngg_status_free(b.s);
		return rc;
	}
	*out = b.s;
	return 0;
}

void kngg_status_free(kngg_status *s)
{
	if (!s)
		return;
	for (int p = 0; p < 4; p++)
		free(s->phases[p].runs);
	kngg_arena_free(s->priv);
	free(s);
}
