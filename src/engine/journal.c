/*
 * journal.c: a municipality's journal held in memory while one question is
 * answered (a readiness review walks it for the status, the register, each
 * sign-off point and the declared phase). Every engine walk goes through
 * engine_events(): from memory when the journal is open, else from the
 * store. Both yield the same events in the same order (date, then id).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"

struct engine_journal {
	char code[8];
	char until[11];     /* "" : everything */
	kngg_event *ev;
	size_t n, cap;
	kngg_org *orgs;     /* the register's rows, read once (rows_loaded) */
	size_t norgs, ocap;
	kngg_person *persons;
	size_t npersons, pcap;
	int rows_loaded;
	kngg_arena *arena;
	int failed;
};

static const char *jdup(engine_journal *j, const char *s)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = kngg_arena_strdup(j->arena, s)))
		j->failed = 1;
	return d;
}

static int keep(void *ctx, const kngg_event *ev)
{
	engine_journal *j = ctx;
	kngg_event *e;

	if (j->n == j->cap) {
		kngg_event *p = realloc(j->ev, (j->cap = j->cap ? 2 * j->cap : 512) * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		j->ev = p;
	}
	e = &j->ev[j->n++];
	*e = *ev;
	e->recorded_at = jdup(j, ev->recorded_at);
	e->date = jdup(j, ev->date);
	e->municipality = jdup(j, ev->municipality);
	e->kind = jdup(j, ev->kind);
	e->target = jdup(j, ev->target);
	e->value = jdup(j, ev->value);
	e->data = jdup(j, ev->data);
	e->note = jdup(j, ev->note);
	e->defs_version = jdup(j, ev->defs_version);
	e->by = jdup(j, ev->by);
	e->person = jdup(j, ev->person);
	e->org = jdup(j, ev->org);
	e->corrected_on = jdup(j, ev->corrected_on);
	e->area = jdup(j, ev->area);
	return j->failed ? KNGG_ENOMEM : 0;
}

/* 1 when the open journal is this municipality's, up to until. */
int engine_journal_is(const kngg_tracker *t, const char *code, const char *until)
{
	const engine_journal *j = t->journal;

	return j && strcmp(j->code, code) == 0 && strcmp(j->until, until ? until : "") == 0;
}

static engine_journal *journal_new(const char *code, const char *until)
{
	engine_journal *j = calloc(1, sizeof(*j));

	if (!j || !(j->arena = kngg_arena_new())) {
		free(j);
		return NULL;
	}
	snprintf(j->code, sizeof(j->code), "%s", code);
	snprintf(j->until, sizeof(j->until), "%s", until ? until : "");
	return j;
}

static void journal_free(engine_journal *j)
{
	if (!j)
		return;
	free(j->orgs);
	free(j->persons);
	free(j->ev);
	kngg_arena_free(j->arena);
	free(j);
}

typedef struct {
	int64_t id;
	const char *name; /* areas */
	int phase, number; /* cycles */
} id_entry;

struct each_walk {
	kngg_tracker *t;
	const char *until;
	engine_journal *j;
	engine_each_fn fn;
	void *ctx;
	id_entry *areas, *cycles;
	size_t nareas, ncycles, acap, ccap;
	kngg_arena *names;
	int failed;
};

static int cmp_entry(const void *a, const void *b)
{
	int64_t x = ((const id_entry *)a)->id, y = ((const id_entry *)b)->id;

	return (x > y) - (x < y);
}

static const id_entry *find_entry(const id_entry *list, size_t n, int64_t id)
{
	id_entry key = {id, NULL, 0, 0};

	return id ? bsearch(&key, list, n, sizeof(*list), cmp_entry) : NULL;
}

static id_entry *add_entry(struct each_walk *w, id_entry **list, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		id_entry *p = realloc(*list, (*cap = *cap ? 2 * *cap : 256) * sizeof(*p));

		if (!p) {
			w->failed = 1;
			return NULL;
		}
		*list = p;
	}
	return &(*list)[(*n)++];
}

static int each_area(void *ctx, const kngg_area *a)
{
	struct each_walk *w = ctx;
	id_entry *e = add_entry(w, &w->areas, &w->nareas, &w->acap);

	if (!e)
		return KNGG_ENOMEM;
	*e = (id_entry){a->id, kngg_arena_strdup(w->names, a->name), 0, 0};
	return e->name ? 0 : KNGG_ENOMEM;
}

static int each_cycle(void *ctx, const kngg_cycle *c)
{
	struct each_walk *w = ctx;
	id_entry *e = add_entry(w, &w->cycles, &w->ncycles, &w->ccap);

	if (!e)
		return KNGG_ENOMEM;
	*e = (id_entry){c->id, NULL, c->phase, c->number};
	return 0;
}

static int cmp_date_id(const void *a, const void *b)
{
	const kngg_event *x = a, *y = b;
	int c = strcmp(x->date, y->date);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* What the lean walk leaves out: which later event withdrew an event
 * (corrections stay within one municipality's journal). */
static void resolve_corrections(engine_journal *j)
{
	for (size_t i = 0; i < j->n; i++) {
		if (!j->ev[i].corrects)
			continue;
		for (size_t k = 0; k < j->n; k++)
			if (j->ev[k].id == j->ev[i].corrects && !j->ev[k].corrected_by) {
				j->ev[k].corrected_by = j->ev[i].id;
				j->ev[k].corrected_on = j->ev[i].date;
			}
	}
}

/* Hands a complete journal to fn, open on the tracker; then empties it
 * for the next municipality (its memory is reused: no churn). */
static int hand_over(struct each_walk *w)
{
	int rc;

	/* the same order as every other walk: date, then id (a journal is
	 * mostly appended in that order already: then there is nothing to do) */
	for (size_t i = 1; i < w->j->n; i++)
		if (cmp_date_id(&w->j->ev[i - 1], &w->j->ev[i]) > 0) {
			qsort(w->j->ev, w->j->n, sizeof(*w->j->ev), cmp_date_id);
			break;
		}
	resolve_corrections(w->j);
	w->t->journal = w->j;
	rc = w->fn(w->ctx, w->j->code);
	w->t->journal = NULL;
	w->j->n = 0;
	w->j->norgs = w->j->npersons = 0;
	w->j->rows_loaded = 0;
	w->j->code[0] = '\0';
	kngg_arena_reset(w->j->arena);
	return rc;
}

static int each_event(void *ctx, const kngg_event *ev)
{
	struct each_walk *w = ctx;
	int rc;

	if (w->j->n && strcmp(w->j->code, ev->municipality) != 0 && (rc = hand_over(w)) != 0)
		return rc;
	if (!w->j->n)
		snprintf(w->j->code, sizeof(w->j->code), "%s", ev->municipality);
	if ((rc = keep(w->j, ev)) == 0) {
		kngg_event *e = &w->j->ev[w->j->n - 1];
		const id_entry *a = find_entry(w->areas, w->nareas, e->area_id);
		const id_entry *c = find_entry(w->cycles, w->ncycles, e->cycle_id);

		e->area = a ? a->name : NULL;
		e->cycle_phase = c ? c->phase : 0;
		e->cycle_number = c ? c->number : 0;
	}
	return rc;
}

int engine_journal_each(kngg_tracker *t, const char *until, engine_each_fn fn, void *ctx)
{
	struct each_walk w = {.t = t, .until = until, .fn = fn, .ctx = ctx};
	int rc;

	engine_journal_close(t);
	if (!(w.j = journal_new("", until)) || !(w.names = kngg_arena_new())) {
		journal_free(w.j);
		return KNGG_ENOMEM;
	}
	/* areas and cycles once, for every event (the walk joins nothing) */
	if ((rc = kngg_store_areas(t->store, NULL, each_area, &w)) == 0 &&
	    (rc = kngg_store_cycles(t->store, NULL, each_cycle, &w)) == 0) {
		if (w.ncycles)
			qsort(w.cycles, w.ncycles, sizeof(*w.cycles), cmp_entry);
		rc = kngg_store_events_all(t->store, until, each_event, &w);
	}
	if (rc == 0 && w.j->n)
		rc = hand_over(&w);
	journal_free(w.j);
	free(w.areas);
	free(w.cycles);
	kngg_arena_free(w.names);
	t->journal = NULL;
	return rc;
}

int engine_journal_open(kngg_tracker *t, const char *code, const char *until)
{
	engine_journal *j;
	kngg_event_filter f = {0};
	int rc;

	engine_journal_close(t);
	if (!(j = journal_new(code, until)))
		return KNGG_ENOMEM;
	f.municipality = code;
	f.until = until;
	if ((rc = kngg_store_events_where(t->store, &f, keep, j)) < 0) {
		journal_free(j);
		return rc;
	}
	t->journal = j;
	return 0;
}

/* ---- the register's rows, read once per open journal ------------------------ */

static int keep_org(void *ctx, const kngg_org *o)
{
	engine_journal *j = ctx;
	kngg_org *e;

	if (j->norgs == j->ocap) {
		kngg_org *p = realloc(j->orgs, (j->ocap = j->ocap ? 2 * j->ocap : 16) * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		j->orgs = p;
	}
	e = &j->orgs[j->norgs++];
	*e = *o;
	e->municipality = jdup(j, o->municipality);
	e->name = jdup(j, o->name);
	e->type = jdup(j, o->type);
	e->created_at = jdup(j, o->created_at);
	return j->failed ? KNGG_ENOMEM : 0;
}

static int keep_person(void *ctx, const kngg_person *p)
{
	engine_journal *j = ctx;
	kngg_person *e;

	if (j->npersons == j->pcap) {
		kngg_person *np = realloc(j->persons, (j->pcap = j->pcap ? 2 * j->pcap : 32) * sizeof(*np));

		if (!np)
			return KNGG_ENOMEM;
		j->persons = np;
	}
	e = &j->persons[j->npersons++];
	*e = *p;
	e->municipality = jdup(j, p->municipality);
	e->name = jdup(j, p->name);
	e->function = jdup(j, p->function);
	e->email = jdup(j, p->email);
	e->phone = jdup(j, p->phone);
	e->org = jdup(j, p->org);
	e->org_type = jdup(j, p->org_type);
	e->level = jdup(j, p->level);
	e->created_at = jdup(j, p->created_at);
	e->erased_at = jdup(j, p->erased_at);
	return j->failed ? KNGG_ENOMEM : 0;
}

/* The open journal of code, its rows read, or NULL. */
static engine_journal *rows_of(kngg_tracker *t, const char *code, int *rc)
{
	engine_journal *j = t->journal;

	*rc = 0;
	if (!j || strcmp(j->code, code) != 0)
		return NULL;
	if (!j->rows_loaded) {
		if ((*rc = kngg_store_orgs(t->store, code, keep_org, j)) < 0 ||
		    (*rc = kngg_store_persons(t->store, code, keep_person, j)) < 0)
			return NULL;
		j->rows_loaded = 1;
	}
	return j;
}

int engine_journal_orgs(kngg_tracker *t, const char *code, kngg_org_fn fn, void *ctx)
{
	int rc;
	engine_journal *j = rows_of(t, code, &rc);

	if (rc < 0)
		return rc;
	if (!j)
		return kngg_store_orgs(t->store, code, fn, ctx);
	for (size_t i = 0; i < j->norgs; i++)
		if ((rc = fn(ctx, &j->orgs[i])) != 0)
			return rc;
	return 0;
}

int engine_journal_persons(kngg_tracker *t, const char *code, kngg_person_fn fn, void *ctx)
{
	int rc;
	engine_journal *j = rows_of(t, code, &rc);

	if (rc < 0)
		return rc;
	if (!j)
		return kngg_store_persons(t->store, code, fn, ctx);
	for (size_t i = 0; i < j->npersons; i++)
		if ((rc = fn(ctx, &j->persons[i])) != 0)
			return rc;
	return 0;
}

int engine_journal_has(const kngg_tracker *t, const char *code)
{
	return t->journal && strcmp(t->journal->code, code) == 0;
}

void engine_journal_close(kngg_tracker *t)
{
	journal_free(t->journal);
	t->journal = NULL;
}

static int matches(const kngg_event *e, const kngg_event_filter *f)
{
	if (f->target && (!e->target || strcmp(e->target, f->target) != 0))
		return 0;
	if (f->kind && strcmp(e->kind, f->kind) != 0)
		return 0;
	if (f->person_id && e->person_id != f->person_id && e->by_person != f->person_id)
		return 0;
	if (f->since && strcmp(e->date, f->since) < 0)
		return 0;
	return !f->until || strcmp(e->date, f->until) <= 0;
}

int engine_events(kngg_tracker *t, const kngg_event_filter *f, kngg_event_fn fn, void *ctx)
{
	const engine_journal *j = t->journal;
	int rc;

	/* the open journal serves a walk that lies within it */
	if (!j || strcmp(j->code, f->municipality) != 0 ||
	    (*j->until && (!f->until || strcmp(f->until, j->until) > 0)))
		return kngg_store_events_where(t->store, f, fn, ctx);
	for (size_t i = 0; i < j->n; i++)
		if (matches(&j->ev[i], f) && (rc = fn(ctx, &j->ev[i])) != 0)
			return rc;
	return 0;
}
