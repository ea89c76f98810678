/*
 * track.c: recording progress. Each public function validates, then writes
 * all its events in one transaction. No SQL here (the store has it), no XML
 * (the definitions have it), no printing (diag and warn callbacks).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "kngg/handover.h"
#include "kngg/limits.h"
#include "kngg/people.h"
#include "kngg/plan.h"

#include "engine/engine.h"
#include "util/text.h"

#define MAX_TEXT KNGG_TEXT_MAX
#define MAX_NAME KNGG_NAME_MAX /* as the schema's CHECK */

static void warn(kngg_tracker *t, const char *msg)
{
	if (t->warn)
		t->warn(t->warn_ctx, msg);
}

int kngg_valid_code(const char *code)
{
	if (!code || strlen(code) != 6 || code[0] != 'G' || code[1] != 'M')
		return 0;
	for (int i = 2; i < 6; i++)
		if (code[i] < '0' || code[i] > '9')
			return 0;
	return 1;
}

int kngg_code_like(const char *s)
{
	if (!s || strlen(s) != 6 || (s[0] != 'G' && s[0] != 'g') || (s[1] != 'M' && s[1] != 'm'))
		return 0;
	for (int i = 2; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

struct resolve {
	const char *typed;
	char code[7];
	int found;
	kngg_suggest sg;
	char near[KNGG_NAME_MAX + 16];
};

static int resolve_one(void *ctx, const kngg_municipality *m)
{
	struct resolve *r = ctx;

	if (!r->found && (kngg_fold_eq(r->typed, m->name) || kngg_fold_eq(r->typed, m->code))) {
		snprintf(r->code, sizeof(r->code), "%s", m->code);
		r->found = 1;
		return 0;
	}
	if (kngg_suggest_offer(&r->sg, m->name))
		snprintf(r->near, sizeof(r->near), "%s (%s)", m->name, m->code);
	return 0;
}

int kngg_municipality_resolve(kngg_tracker *t, const char *typed, int known_only, char code[7],
			      char *near, size_t nsize)
{
	struct resolve r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.typed = typed;
	kngg_suggest_init(&r.sg, typed);
	if (near && nsize)
		near[0] = '\0';
	code[0] = '\0';
	if (!typed || !*typed)
		return KNGG_ENOTFOUND;
	if (kngg_code_like(typed) && !known_only) {
		for (int i = 0; i < 6; i++)
			code[i] = (char)(i < 2 ? typed[i] & ~0x20 : typed[i]);
		code[6] = '\0';
		return 0;
	}
	if ((rc = kngg_store_municipalities(t->store, resolve_one, &r)) < 0)
		return rc;
	if (r.found) {
		memcpy(code, r.code, 7);
		return 0;
	}
	if (near && nsize && kngg_suggest_best(&r.sg))
		snprintf(near, nsize, "%s", r.near);
	return KNGG_ENOTFOUND;
}

int engine_month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

int kngg_valid_date(const char *s)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= engine_month_days(y, m);
}

void kngg_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void engine_day(const kngg_tracker *t, const char *as_of, char out[11])
{
	if (as_of)
		snprintf(out, 11, "%s", as_of);
	else if (t->today)
		snprintf(out, 11, "%s", t->today);
	else
		kngg_today(out);
}

int engine_check_as_of(kngg_tracker *t, const char *as_of)
{
	if (as_of && !kngg_valid_date(as_of))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige datum '%s' (verwacht bijvoorbeeld 1-7-2026, 1 juli 2026 of "
				   "2026-07-01)",
				   as_of);
	return 0;
}

int engine_date(kngg_tracker *t, const kngg_track_opts *o, int allow_future, char out[11])
{
	char today[11];

	engine_day(t, NULL, today);
	/* a clock outside the range --date accepts would record dates that
	 * could never be typed again, nor corrected */
	if (!kngg_valid_date(today))
		return engine_fail(t, KNGG_EINVALID,
				   "de systeemklok staat op %s, buiten 1900-2199; kngg legt niets vast "
				   "met die datum. Zet de klok goed",
				   today);
	if (!o || !o->date) {
		memcpy(out, today, 11);
		return 0;
	}
	/* as Dutch people write it (1-7-2026, 1 juli 2026), stored as ISO */
	if (!kngg_date_parse(o->date, out))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige datum '%s' (verwacht een bestaande dag, bijvoorbeeld "
				   "1-7-2026, 1 juli 2026 of 2026-07-01)",
				   o->date);
	if (!allow_future && strcmp(out, today) > 0)
		return engine_fail(t, KNGG_EINVALID, "datum %s ligt in de toekomst (vandaag is %s)",
				   out, today);
	return 0;
}

/* Text fields: bounded, valid UTF-8 is the caller's business (SQLite keeps bytes). */
int engine_check_text(kngg_tracker *t, const char *what, const char *s, int required)
{
	if (!s)
		return required ? engine_fail(t, KNGG_EINVALID, "%s ontbreekt", what) : 0;
	if (required && !*s)
		return engine_fail(t, KNGG_EINVALID, "%s mag niet leeg zijn", what);
	if (strlen(s) > MAX_TEXT)
		return engine_fail(t, KNGG_EINVALID, "%s is te lang (meer dan %d tekens)", what,
				   MAX_TEXT);
	return 0;
}

/* Names (municipalities, areas, target groups) appear in lists and
 * headings: one line, at most MAX_NAME bytes, not only blanks. */
int engine_check_name(kngg_tracker *t, const char *what, const char *s, int required)
{
	const unsigned char *p;
	int rc, blank = 1;

	if ((rc = engine_check_text(t, what, s, required)) < 0 || !s)
		return rc;
	if (strlen(s) > MAX_NAME)
		return engine_fail(t, KNGG_EINVALID, "%s is te lang (meer dan %d tekens)", what,
				   MAX_NAME);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return engine_fail(t, KNGG_EINVALID,
					   "%s mag geen regeleinde, tab of stuurteken bevatten", what);
		if (*p != ' ')
			blank = 0;
	}
	if (blank && required)
		return engine_fail(t, KNGG_EINVALID, "%s mag niet leeg zijn", what);
	return 0;
}

int engine_check_opts(kngg_tracker *t, const kngg_track_opts *o)
{
	int rc;

	if (!o)
		return 0;
	if ((rc = engine_check_name(t, "--by", o->by, 0)) < 0 ||
	    (rc = engine_check_text(t, "--note", o->note, 0)) < 0 ||
	    (rc = engine_check_text(t, "--document", o->document, 0)) < 0)
		return rc;
	return 0;
}

static int found_one(void *ctx, const kngg_municipality *m)
{
	(void)ctx;
	(void)m;
	return 0;
}

/* Inside a transaction: the municipality must exist. */
int engine_need_municipality(kngg_tracker *t, const char *code)
{
	int rc;

	if (!kngg_valid_code(code))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige gemeentecode '%s' (verwacht GM en vier cijfers, bijvoorbeeld GM0479)",
				   code ? code : "");
	rc = kngg_store_municipality_get(t->store, code, found_one, NULL);
	if (rc == KNGG_ENOTFOUND)
		return engine_fail(t, rc, "onbekende gemeente '%s' (voeg toe met 'kngg municipality add %s NAAM')",
				   code, code);
	return rc;
}

void engine_fill_event(kngg_tracker *t, kngg_event *ev, const char *kind, const char *code,
		       const char *date, const kngg_track_opts *o)
{
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->municipality = code;
	ev->date = date;
	ev->defs_version = kngg_defs_version(t->defs);
	t->new_person = o && o->new_person;
	if (o) {
		ev->by = o->by;
		ev->note = o->note;
	}
}

/* Ends a write: commit when rc is 0, else roll back. Returns rc. */
int engine_finish(kngg_tracker *t, int rc)
{
	if (rc == 0)
		return kngg_store_commit(t->store);
	kngg_store_rollback(t->store);
	return rc;
}

int engine_withdrawn(const kngg_event *ev, const char *as_of)
{
	return ev->corrected_by && (!as_of || strcmp(ev->corrected_on, as_of) <= 0);
}

struct persons_found {
	int64_t id;
	int n;
	const char *municipality;
};

static int found_person(void *ctx, const kngg_person *p)
{
	struct persons_found *f = ctx;

	f->id = p->id;
	f->n++;
	return 0;
}

static int person_in(void *ctx, const kngg_person *p)
{
	struct persons_found *f = ctx;

	f->id = p->erased_at ? -1 : strcmp(p->municipality, f->municipality) == 0 ? p->id : 0;
	return 0;
}

static int suggest_person(void *ctx, const kngg_person *p)
{
	if (p->name && !p->erased_at)
		kngg_suggest_offer(ctx, p->name);
	return 0;
}

/* A name that is not in the register: never added silently (two people
 * would become one, or one two); one suggestion for a near miss. */
static int unknown_person(kngg_tracker *t, const char *code, const char *name)
{
	kngg_suggest sg;

	kngg_suggest_init(&sg, name);
	kngg_store_persons(t->store, code, suggest_person, &sg);
	if (kngg_suggest_best(&sg))
		return engine_fail(t, KNGG_ENOTFOUND,
				   "%s heeft geen persoon '%s'; bedoelde je '%s'? (of geef --new-person "
				   "voor een nieuwe persoon)",
				   code, name, kngg_suggest_best(&sg));
	return engine_fail(t, KNGG_ENOTFOUND,
			   "%s heeft geen persoon '%s'; voeg die toe met 'kngg stakeholder add %s "
			   "--name \"%s\" --org ORG', of geef --new-person voor een nieuwe persoon",
			   code, name, code, name);
}

int engine_person(kngg_tracker *t, const char *code, const char *s, int create, int64_t org_id,
		  const char *date, int64_t *id)
{
	struct persons_found f = {0, 0, code};
	char *end;
	long long n;
	int rc;

	if (!s || !*s)
		return engine_fail(t, KNGG_EINVALID, "persoon ontbreekt");
	n = strtoll(s, &end, 10);
	if (*end == '\0') {
		if (n <= 0)
			return engine_fail(t, KNGG_EINVALID, "ongeldig persoonsnummer '%s'", s);
		rc = kngg_store_person_get(t->store, n, person_in, &f);
		if (rc == KNGG_ENOTFOUND || (rc == 0 && f.id == 0))
			return engine_fail(t, KNGG_ENOTFOUND, "%s heeft geen persoon %lld", code, n);
		if (rc < 0)
			return rc;
		if (f.id < 0)
			return engine_fail(t, KNGG_EINVALID, "persoon %lld is gewist (AVG)", n);
		*id = f.id;
		return 0;
	}
	if ((rc = engine_check_name(t, "naam", s, 1)) < 0)
		return rc;
	if ((rc = kngg_store_person_find(t->store, code, s, found_person, &f)) < 0)
		return rc;
	if (f.n > 1)
		return engine_fail(t, KNGG_EINVALID,
				   "in %s heten %d personen '%s'; gebruik het nummer uit 'kngg stakeholder list %s'",
				   code, f.n, s, code);
	if (f.n == 1) {
		*id = f.id;
		return 0;
	}
	if (!create)
		return unknown_person(t, code, s);
	{
		kngg_person p = {0};

		p.municipality = code;
		p.name = s;
		p.org_id = org_id;
		p.created_at = date;
		return kngg_store_person_add(t->store, &p, id);
	}
}

int engine_event_add(kngg_tracker *t, kngg_event *ev, int64_t *id)
{
	int rc;

	if (ev->by && !ev->by_person &&
	    (rc = engine_person(t, ev->municipality, ev->by, t->new_person, 0, ev->date,
				&ev->by_person)) < 0)
		return rc;
	return kngg_store_event_add(t->store, ev, id);
}

int kngg_track_municipality_add(kngg_tracker *t, const char *code, const char *name,
				const kngg_track_opts *o)
{
	char date[11];
	kngg_event ev;
	int rc;

	if (!kngg_valid_code(code))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige gemeentecode '%s' (verwacht GM en vier cijfers, bijvoorbeeld GM0479)",
				   code ? code : "");
	if ((rc = engine_check_name(t, "naam", name, 1)) < 0 || (rc = engine_check_opts(t, o)) < 0 ||
	    (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	rc = kngg_store_municipality_add(t->store, code, name, date);
	if (rc == KNGG_EEXISTS)
		rc = engine_fail(t, rc, "gemeente %s bestaat al", code);
	if (rc == 0) {
		engine_fill_event(t, &ev, KNGG_EV_MUNICIPALITY_ADD, code, date, o);
		ev.value = name;
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

int kngg_track_municipality_rename(kngg_tracker *t, const char *code, const char *name,
				   const kngg_track_opts *o)
{
	char date[11];
	kngg_event ev;
	int rc;

	if ((rc = engine_check_name(t, "naam", name, 1)) < 0 || (rc = engine_check_opts(t, o)) < 0 ||
	    (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0 &&
	    (rc = kngg_store_municipality_rename(t->store, code, name)) == 0) {
		engine_fill_event(t, &ev, KNGG_EV_MUNICIPALITY_RENAME, code, date, o);
		ev.value = name;
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

/* ---- steps -------------------------------------------------------------- */

struct area_names {
	kngg_buf list;
	int n;
};

static int collect_area(void *ctx, const kngg_area *a)
{
	struct area_names *an = ctx;

	kngg_buf_printf(&an->list, "%s%s", an->n++ ? ", " : "", a->name);
	return 0;
}

/*
 * Resolves where a step of this phase is recorded: an area for phase 2 (from
 * o->area), the current cycle for phases 3-4, nothing for phase 1.
 */
static int resolve_scope(kngg_tracker *t, const char *code, const kngg_phase *ph,
			 const kngg_track_opts *o, int64_t *area_id, int64_t *cycle_id)
{
	const char *area = o ? o->area : NULL;
	int number, rc;

	*area_id = *cycle_id = 0;
	if (ph->repeat != KNGG_REPEAT_PER_AREA) {
		if (area)
			return engine_fail(t, KNGG_EINVALID,
					   "--area hoort alleen bij stappen van fase 2 (fase %d herhaalt niet per gebied)",
					   ph->number);
		if (ph->repeat == KNGG_REPEAT_NONE)
			return 0;
		rc = kngg_store_cycle_current(t->store, code, ph->number, cycle_id, &number);
		if (rc == KNGG_ENOTFOUND)
			return engine_fail(t, rc,
					   "fase %d heeft nog geen cyclus; begin er een met 'kngg cycle start %s %d'",
					   ph->number, code, ph->number);
		return rc;
	}
	if (!area) {
		struct area_names an = {{0}, 0};

		kngg_store_areas(t->store, code, collect_area, &an);
		rc = engine_fail(t, KNGG_EINVALID,
				 "fase 2 loopt per gebied: geef --area NAAM (%s%s)",
				 an.n ? "gebieden: " : "nog geen gebieden; voeg toe met 'kngg area add'",
				 kngg_buf_cstr(&an.list));
		kngg_buf_free(&an.list);
		return rc;
	}
	rc = kngg_store_area_find(t->store, code, area, area_id);
	if (rc == KNGG_ENOTFOUND) {
		struct area_names an = {{0}, 0};

		kngg_store_areas(t->store, code, collect_area, &an);
		rc = engine_fail(t, rc, "onbekend gebied '%s' in %s (%s%s)", area, code,
				 an.n ? "gebieden: " : "nog geen gebieden; voeg toe met 'kngg area add'",
				 kngg_buf_cstr(&an.list));
		kngg_buf_free(&an.list);
	}
	return rc;
}

int engine_scope(kngg_tracker *t, const char *code, const kngg_step *step, const char *area,
		 int64_t *area_id, int64_t *cycle_id)
{
	kngg_track_opts o = {0};

	o.area = area;
	return resolve_scope(t, code, kngg_def_phase(step->def.parent), &o, area_id, cycle_id);
}

struct step_replay {
	kngg_step_status ss;
	int64_t area_id, cycle_id;
	kngg_arena *arena;
};

static const char *arena_dup(void *ctx, const char *s)
{
	return s ? kngg_arena_strdup(ctx, s) : NULL;
}

static int replay_step(void *ctx, const kngg_event *ev)
{
	struct step_replay *r = ctx;

	if (ev->area_id != r->area_id || ev->cycle_id != r->cycle_id || engine_withdrawn(ev, NULL))
		return 0;
	engine_step_apply(&r->ss, ev, arena_dup, r->arena);
	return 0;
}

/* Loads the state of one step in one scope into r. */
static int step_state(kngg_tracker *t, const char *code, const char *step_id,
		      struct step_replay *r)
{
	return kngg_store_events_of(t->store, code, step_id, replay_step, r);
}

/* Warns about earlier steps of the same phase (and scope) not yet done. */
static void warn_out_of_order(kngg_tracker *t, const char *code, const kngg_step *st,
			      int64_t area_id, int64_t cycle_id)
{
	const kngg_phase *ph = kngg_def_phase(st->def.parent);
	kngg_buf b = {0};
	int n = 0;

	if (ph->repeat == KNGG_REPEAT_PER_CYCLE)
		return; /* process parts have no order */
	for (size_t i = 0; i < ph->nsteps && &ph->steps[i] != st; i++) {
		struct step_replay r = {{0}, area_id, cycle_id, kngg_arena_new()};

		if (!r.arena)
			break;
		if (step_state(t, code, ph->steps[i].def.id, &r) == 0 &&
		    r.ss.state != KNGG_STATE_DONE)
			kngg_buf_printf(&b, "%s%s", n++ ? ", " : "", ph->steps[i].def.id);
		kngg_arena_free(r.arena);
	}
	if (n) {
		kngg_buf b2 = {0};

		kngg_buf_printf(&b2, "let op: eerdere %s nog niet afgerond: %s (dat mag; stappen lopen vaak door elkaar)",
				n == 1 ? "stap" : "stappen", kngg_buf_cstr(&b));
		warn(t, kngg_buf_cstr(&b2));
		kngg_buf_free(&b2);
	}
	kngg_buf_free(&b);
}

static int check_transition(kngg_tracker *t, kngg_step_action action, const kngg_step *st,
			    const kngg_step_status *ss, const char *date)
{
	const char *id = st->def.id;

	switch (action) {
	case KNGG_STEP_START:
		if (ss->state == KNGG_STATE_STARTED || ss->state == KNGG_STATE_REOPENED)
			return engine_fail(t, KNGG_EINVALID, "stap %s loopt al (gestart op %s)", id,
					   ss->state == KNGG_STATE_REOPENED ? ss->reopened : ss->started);
		if (ss->state == KNGG_STATE_DONE)
			return engine_fail(t, KNGG_EINVALID,
					   "stap %s is al afgerond op %s; heropen hem met 'kngg step reopen'",
					   id, ss->done);
		return 0;
	case KNGG_STEP_DONE:
		if (ss->state == KNGG_STATE_DONE)
			return engine_fail(t, KNGG_EINVALID, "stap %s is al afgerond op %s", id,
					   ss->done);
		if (ss->started && strcmp(date, ss->started) < 0)
			return engine_fail(t, KNGG_EINVALID,
					   "afronddatum %s ligt vóór de startdatum %s van stap %s", date,
					   ss->started, id);
		if (ss->state == KNGG_STATE_REOPENED && strcmp(date, ss->reopened) < 0)
			return engine_fail(t, KNGG_EINVALID,
					   "afronddatum %s ligt vóór de heropening op %s van stap %s", date,
					   ss->reopened, id);
		return 0;
	case KNGG_STEP_REOPEN:
		if (ss->state != KNGG_STATE_DONE)
			return engine_fail(t, KNGG_EINVALID,
					   "stap %s is niet afgerond (%s); alleen een afgeronde stap kan heropend worden",
					   id, kngg_step_state_name(ss->state));
		if (strcmp(date, ss->done) < 0)
			return engine_fail(t, KNGG_EINVALID,
					   "heropendatum %s ligt vóór de afronding op %s van stap %s", date,
					   ss->done, id);
		return 0;
	}
	return KNGG_EINVALID;
}

/* Looks up a step id and explains an unknown one. */
static const kngg_step *need_step(kngg_tracker *t, const char *step_id)
{
	const kngg_step *st = kngg_def_step(kngg_defs_find(t->defs, step_id));

	if (!st)
		engine_fail(t, KNGG_ENOTFOUND, "onbekende stap '%s' (zie 'kngg phases')",
			    step_id ? step_id : "");
	return st;
}

int kngg_track_step(kngg_tracker *t, kngg_step_action action, const char *code,
		    const char *step_id, const kngg_track_opts *o)
{
	static const char *const kinds[] = {KNGG_EV_STEP_START, KNGG_EV_STEP_DONE,
					    KNGG_EV_STEP_REOPEN};
	const kngg_step *st = need_step(t, step_id);
	struct step_replay r = {{0}, 0, 0, NULL};
	char date[11];
	kngg_event ev;
	int rc;

	if (!st)
		return KNGG_ENOTFOUND;
	if ((rc = engine_check_opts(t, o)) < 0 ||
	    (rc = engine_date(t, o, action == KNGG_STEP_START, date)) < 0)
		return rc;
	if (!(r.arena = kngg_arena_new()))
		return KNGG_ENOMEM;
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto done;
	if ((rc = engine_need_municipality(t, code)) < 0 ||
	    (rc = resolve_scope(t, code, kngg_def_phase(st->def.parent), o, &r.area_id,
				&r.cycle_id)) < 0 ||
	    (rc = step_state(t, code, st->def.id, &r)) < 0 ||
	    (rc = check_transition(t, action, st, &r.ss, date)) < 0)
		goto done;
	engine_fill_event(t, &ev, kinds[action], code, date, o);
	ev.target = st->def.id;
	ev.area_id = r.area_id;
	ev.cycle_id = r.cycle_id;
	if ((rc = engine_event_add(t, &ev, NULL)) == 0 && action == KNGG_STEP_DONE)
		warn_out_of_order(t, code, st, r.area_id, r.cycle_id);
done:
	rc = engine_finish(t, rc);
	kngg_arena_free(r.arena);
	return rc;
}

/* ---- activities, deliverables ------------------------------------------ */

struct item_seen {
	int64_t area_id, cycle_id;
	const char *date; /* first done, or NULL */
	kngg_arena *arena;
};

static int find_item(void *ctx, const kngg_event *ev)
{
	struct item_seen *s = ctx;

	if (ev->area_id == s->area_id && ev->cycle_id == s->cycle_id && !s->date &&
	    !engine_withdrawn(ev, NULL))
		s->date = kngg_arena_strdup(s->arena, ev->date);
	return 0;
}

/* One activity or deliverable done, inside the caller's transaction. */
static int item_one(kngg_tracker *t, const char *code, const kngg_def *item, const char *date,
		    const kngg_track_opts *o, kngg_arena *arena)
{
	struct item_seen seen = {0, 0, NULL, arena};
	const char *word = item->kind == KNGG_DEF_ACTIVITY ? "activiteit" : "oplevering";
	kngg_event ev;
	int rc;

	if ((rc = resolve_scope(t, code, kngg_def_phase(item->parent->parent), o, &seen.area_id,
				&seen.cycle_id)) < 0 ||
	    (rc = kngg_store_events_of(t->store, code, item->id, find_item, &seen)) < 0)
		return rc;
	if (seen.date && !(o && o->document))
		return engine_fail(t, KNGG_EINVALID, "%s %s is al gedaan op %s", word, item->id,
				   seen.date);
	engine_fill_event(t, &ev, item->kind == KNGG_DEF_ACTIVITY ? KNGG_EV_ACTIVITY_DONE
							   : KNGG_EV_DELIVERABLE_DONE,
			  code, date, o);
	ev.target = item->id;
	ev.area_id = seen.area_id;
	ev.cycle_id = seen.cycle_id;
	ev.value = o ? o->document : NULL;
	return engine_event_add(t, &ev, NULL);
}

static const kngg_def *need_item(kngg_tracker *t, const char *item_id, int kind)
{
	const kngg_def *item = kngg_defs_find(t->defs, item_id);

	if (!item || (item->kind != KNGG_DEF_ACTIVITY && item->kind != KNGG_DEF_DELIVERABLE)) {
		engine_fail(t, KNGG_ENOTFOUND,
			    "onbekende activiteit of oplevering '%s' (zie 'kngg show STAP')",
			    item_id ? item_id : "");
		return NULL;
	}
	if (kind && (int)item->kind != kind) {
		if (kind == KNGG_DEF_DELIVERABLE)
			engine_fail(t, KNGG_EINVALID,
				    "'%s' is geen oplevering (opleveringen hebben ids als 1.2/d1)",
				    item->id);
		else
			engine_fail(t, KNGG_EINVALID,
				    "'%s' is geen activiteit (activiteiten hebben ids als 1.2/a3)",
				    item->id);
		return NULL;
	}
	return item;
}

/* Expands one id or range (1.2/a1-a8, 1.2/a1-8, 1.2/a1-1.2/a8) into out. */
static int expand_items(kngg_tracker *t, const char *spec, int kind, const kngg_def **out,
			size_t *n, size_t max)
{
	const char *dash = spec ? strrchr(spec, '-') : NULL, *slash = spec ? strchr(spec, '/') : NULL;
	const kngg_def *one;

	if (dash && slash && dash > slash) {
		/* the prefix up to the number: "1.2/a" of "1.2/a1-a8" */
		const char *num = dash;
		const char *hi = dash + 1;
		char id[64];
		long from, to;
		size_t plen;

		while (num > slash + 1 && num[-1] >= '0' && num[-1] <= '9')
			num--;
		plen = (size_t)(num - spec);
		if (strncmp(hi, spec, plen) == 0)
			hi += plen; /* 1.2/a1-1.2/a8 */
		else if (plen > 0 && *hi == spec[plen - 1] && (hi[0] < '0' || hi[0] > '9'))
			hi++; /* 1.2/a1-a8 */
		if (num == dash || plen >= sizeof(id) - 12 || strspn(hi, "0123456789") != strlen(hi) ||
		    !*hi || strlen(hi) > 4)
			return engine_fail(t, KNGG_EINVALID,
					   "ongeldig bereik '%s' (verwacht bijvoorbeeld 1.2/a1-a8)", spec);
		from = strtol(num, NULL, 10);
		to = strtol(hi, NULL, 10);
		if (to < from)
			return engine_fail(t, KNGG_EINVALID,
					   "ongeldig bereik '%s': %ld komt na %ld", spec, from, to);
		for (long i = from; i <= to; i++) {
			snprintf(id, sizeof(id), "%.*s%ld", (int)plen, spec, i);
			if (!(one = need_item(t, id, kind)))
				return KNGG_ENOTFOUND;
			if (*n >= max)
				return engine_fail(t, KNGG_EINVALID, "te veel ids in een keer (hoogstens %zu)",
						   max);
			out[(*n)++] = one;
		}
		return 0;
	}
	if (!(one = need_item(t, spec, kind)))
		return KNGG_ENOTFOUND;
	if (*n >= max)
		return engine_fail(t, KNGG_EINVALID, "te veel ids in een keer (hoogstens %zu)", max);
	out[(*n)++] = one;
	return 0;
}

#define MAX_ITEMS 256

int kngg_track_items_done(kngg_tracker *t, const char *code, const char *const *specs,
			  size_t nspecs, int kind, const kngg_track_opts *o, size_t *count)
{
	const kngg_def *items[MAX_ITEMS];
	kngg_arena *arena;
	size_t n = 0, k = 0;
	char date[11];
	int rc;

	if (count)
		*count = 0;
	if (nspecs == 0)
		return engine_fail(t, KNGG_EINVALID, "geen activiteit of oplevering genoemd");
	for (size_t i = 0; i < nspecs; i++)
		if ((rc = expand_items(t, specs[i], kind, items, &n, MAX_ITEMS)) < 0)
			return rc;
	/* the same id twice is once */
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;

		while (j < k && items[j] != items[i])
			j++;
		if (j == k)
			items[k++] = items[i];
	}
	n = k;
	for (size_t i = 0; i < n; i++)
		if (o && o->document && items[i]->kind != KNGG_DEF_DELIVERABLE)
			return engine_fail(t, KNGG_EINVALID,
					   "--document hoort bij een oplevering, niet bij activiteit %s",
					   items[i]->id);
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if (!(arena = kngg_arena_new()))
		return KNGG_ENOMEM;
	/* all or nothing: one transaction */
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto done;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = item_one(t, code, items[i], date, o, arena);
done:
	rc = engine_finish(t, rc);
	kngg_arena_free(arena);
	if (rc == 0 && count)
		*count = n;
	return rc;
}

int kngg_track_item_done(kngg_tracker *t, const char *code, const char *item_id,
			 const kngg_track_opts *o)
{
	return kngg_track_items_done(t, code, &item_id, 1, 0, o, NULL);
}

/* ---- areas, cycles, scores ------------------------------------------------ */

struct area_named {
	int64_t id;
	char name[KNGG_NAME_MAX + 1];
};

static int area_name(void *ctx, const kngg_area *a)
{
	struct area_named *n = ctx;

	if (a->id == n->id)
		snprintf(n->name, sizeof(n->name), "%s", a->name);
	return 0;
}

int kngg_track_area_add(kngg_tracker *t, const char *code, const char *name,
			const char *target_group, const char *kind, const kngg_track_opts *o)
{
	char date[11], data[32];
	kngg_event ev;
	int64_t id;
	int rc;

	if (kind && !kngg_area_kind_parse(kind))
		return engine_fail(t, KNGG_EINVALID,
				   "onbekende soort gebied '%s' (experiment, wijk of doelgroep)", kind);
	if ((rc = engine_check_name(t, "naam van het gebied", name, 1)) < 0 ||
	    (rc = engine_check_name(t, "--target-group", target_group, 0)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0) {
		/* "poelenburg" is "Poelenburg": never a second one */
		struct area_named known = {0, ""};

		rc = kngg_store_area_find(t->store, code, name, &known.id);
		if (rc == 0)
			kngg_store_areas(t->store, code, area_name, &known);
		if (rc == 0 || (rc == KNGG_ENOTFOUND &&
				(rc = kngg_store_area_add(t->store, code, name, target_group, date,
							  &id)) == KNGG_EEXISTS))
			rc = engine_fail(t, KNGG_EEXISTS, "%s heeft al een gebied '%s'", code,
					 known.name[0] ? known.name : name);
	}
	if (rc == 0) {
		engine_fill_event(t, &ev, KNGG_EV_AREA_ADD, code, date, o);
		ev.area_id = id;
		ev.value = target_group;
		if (kind) {
			snprintf(data, sizeof(data), "{\"soort\":\"%s\"}", kind);
			ev.data = data;
		}
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

int kngg_track_cycle_start(kngg_tracker *t, const char *code, int phase,
			   const kngg_track_opts *o, int *number)
{
	const kngg_phase *ph = kngg_defs_phase_by_number(t->defs, phase);
	char date[11], target[4];
	kngg_event ev;
	int64_t id;
	int rc;

	if (!ph || ph->repeat != KNGG_REPEAT_PER_CYCLE)
		return engine_fail(t, KNGG_EINVALID, "alleen fase 3 en 4 lopen in cycli, niet fase %d",
				   phase);
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0 &&
	    (rc = kngg_store_cycle_add(t->store, code, phase, date, &id, number)) == 0) {
		snprintf(target, sizeof(target), "%d", phase);
		engine_fill_event(t, &ev, KNGG_EV_CYCLE_START, code, date, o);
		ev.target = target;
		ev.cycle_id = id;
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

int kngg_track_quickscan(kngg_tracker *t, const char *code, const char *theme, int score,
			 int phase, const kngg_track_opts *o)
{
	const kngg_quickscan *q = kngg_defs_quickscan(t->defs);
	const kngg_theme *th = NULL;
	char date[11], id[64];
	int64_t cycle_id = 0, c3 = 0, c4 = 0;
	int n3 = 0, n4 = 0, rc;
	kngg_event ev;

	snprintf(id, sizeof(id), "quickscan/%s", theme ? theme : "");
	th = kngg_def_theme(kngg_defs_find(t->defs, id));
	for (size_t i = 0; !th && theme && i < q->nthemes; i++)
		if (kngg_fold_eq_id(theme, q->themes[i].def.id) ||
		    kngg_fold_eq(theme, q->themes[i].def.title))
			th = &q->themes[i];
	if (!th) {
		kngg_buf b = {0};
		kngg_suggest sg;

		kngg_suggest_init(&sg, theme);
		for (size_t i = 0; i < q->nthemes; i++)
			kngg_suggest_offer(&sg, q->themes[i].def.id);
		if (kngg_suggest_best(&sg))
			return engine_fail(t, KNGG_ENOTFOUND,
					   "onbekend QuickScan-thema '%s'; bedoelde je '%s'?", theme,
					   kngg_suggest_best(&sg));

		for (size_t i = 0; i < q->nthemes; i++)
			kngg_buf_printf(&b, "%s%s", i ? ", " : "", q->themes[i].def.id);
		rc = engine_fail(t, KNGG_ENOTFOUND, "onbekend QuickScan-thema '%s' (thema's: %s)",
				 theme ? theme : "", kngg_buf_cstr(&b));
		kngg_buf_free(&b);
		return rc;
	}
	if (score < q->scale.min || score > q->scale.max)
		return engine_fail(t, KNGG_EINVALID, "score %d valt buiten de schaal %d-%d", score,
				   q->scale.min, q->scale.max);
	if (phase != 0 && phase != 3 && phase != 4)
		return engine_fail(t, KNGG_EINVALID, "de QuickScan hoort bij fase 3 of 4, niet fase %d",
				   phase);
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	if (phase != 4 && kngg_store_cycle_current(t->store, code, 3, &c3, &n3) == 0)
		cycle_id = c3;
	if (phase != 3 && kngg_store_cycle_current(t->store, code, 4, &c4, &n4) == 0)
		cycle_id = c4;
	if (c3 && c4) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "%s heeft een cyclus in fase 3 (nr. %d) en in fase 4 (nr. %d); kies er een met --phase 3 of --phase 4",
				 code, n3, n4);
		goto done;
	}
	if (!cycle_id) {
		rc = engine_fail(t, KNGG_ENOTFOUND,
				 "geen cyclus om de QuickScan in vast te leggen; begin er een met 'kngg cycle start %s %d'",
				 code, phase ? phase : 3);
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_QUICKSCAN, code, date, o);
	ev.target = th->def.id;
	ev.cycle_id = cycle_id;
	ev.has_score = 1;
	ev.score = score;
	rc = engine_event_add(t, &ev, NULL);
done:
	return engine_finish(t, rc);
}

int kngg_track_factor(kngg_tracker *t, const char *code, const char *factor, int score,
		      const kngg_track_opts *o)
{
	const kngg_factor *f = kngg_def_factor(kngg_defs_find(t->defs, factor));
	char date[11];
	kngg_event ev;
	int rc;
	size_t n;
	const kngg_factor *all = kngg_defs_factors(t->defs, &n);

	for (size_t i = 0; !f && factor && i < n; i++)
		if (kngg_fold_eq_id(factor, all[i].def.id) || kngg_fold_eq(factor, all[i].def.title))
			f = &all[i];
	if (!f) {
		kngg_buf b = {0};
		kngg_suggest sg;

		kngg_suggest_init(&sg, factor);
		for (size_t i = 0; i < n; i++)
			kngg_suggest_offer(&sg, all[i].def.id);
		if (kngg_suggest_best(&sg))
			return engine_fail(t, KNGG_ENOTFOUND, "onbekende factor '%s'; bedoelde je '%s'?",
					   factor, kngg_suggest_best(&sg));

		for (size_t i = 0; i < n; i++)
			kngg_buf_printf(&b, "%s%s", i ? ", " : "", all[i].def.id);
		rc = engine_fail(t, KNGG_ENOTFOUND, "onbekende factor '%s' (factoren: %s)",
				 factor ? factor : "", kngg_buf_cstr(&b));
		kngg_buf_free(&b);
		return rc;
	}
	{
		const kngg_scale *sc = kngg_defs_factor_scale(t->defs);

		if (score < sc->min || score > sc->max)
			return engine_fail(t, KNGG_EINVALID, "score %d valt buiten de schaal %d-%d",
					   score, sc->min, sc->max);
	}
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0) {
		engine_fill_event(t, &ev, KNGG_EV_FACTOR, code, date, o);
		ev.target = f->def.id;
		ev.has_score = 1;
		ev.score = score;
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

struct checks_walk {
	const char *as_of;
	kngg_factor_check_fn fn;
	void *ctx;
};

static int one_check(void *ctx, const kngg_event *ev)
{
	struct checks_walk *w = ctx;
	kngg_factor_check c = {ev->target, ev->date, ev->score, ev->note};

	if (engine_withdrawn(ev, w->as_of) || !ev->target || !ev->has_score)
		return 0;
	return w->fn(w->ctx, &c);
}

int kngg_factor_checks(kngg_tracker *t, const char *code, const char *as_of,
		       kngg_factor_check_fn fn, void *ctx)
{
	kngg_event_filter f = {code, NULL, KNGG_EV_FACTOR, 0, NULL, as_of};
	struct checks_walk w = {as_of, fn, ctx};

	return engine_events(t, &f, one_check, &w);
}

const char *kngg_event_kind_text(const char *kind)
{
	static const struct { const char *kind, *text; } names[] = {
		{KNGG_EV_MUNICIPALITY_ADD, "gemeente toegevoegd"},
		{KNGG_EV_MUNICIPALITY_RENAME, "gemeente hernoemd"},
		{KNGG_EV_AREA_ADD, "gebied toegevoegd"},
		{KNGG_EV_CYCLE_START, "cyclus gestart"},
		{KNGG_EV_STEP_START, "stap gestart"},
		{KNGG_EV_STEP_DONE, "stap afgerond"},
		{KNGG_EV_STEP_REOPEN, "stap heropend"},
		{KNGG_EV_ACTIVITY_DONE, "activiteit gedaan"},
		{KNGG_EV_DELIVERABLE_DONE, "oplevering gedaan"},
		{KNGG_EV_QUICKSCAN, "QuickScan-score"},
		{KNGG_EV_FACTOR, "factorcheck"},
		{KNGG_EV_ORG_ADD, "organisatie toegevoegd"},
		{KNGG_EV_STAKEHOLDER_ADD, "stakeholder toegevoegd"},
		{KNGG_EV_STAKEHOLDER_ASSESS, "stakeholderanalyse"},
		{KNGG_EV_ROLE_ASSIGN, "rol toegewezen"},
		{KNGG_EV_ROLE_END, "rol beëindigd"},
		{KNGG_EV_SIGNOFF, "ondertekening"},
		{KNGG_EV_CORRECTION, "correctie"},
		{KNGG_EV_PERSON_ERASE, "persoon gewist"},
		{KNGG_EV_NOTE_REDACT, "notitie aangepast"},
		{KNGG_EV_PHASE_DECLARE, "fase opgegeven"},
		{KNGG_EV_REGION_JOIN, "regio"},
		{KNGG_EV_REGISTER_SEAL, "register verzegeld (controle van namen)"},
		{KNGG_EV_ORG_LEAD, "hoofduitvoerder"},
		{KNGG_EV_SIGNOFF_PREPARE, "partijen voor ondertekening gekozen"},
		{KNGG_EV_FUNDING_ADD, "financiering vastgelegd"},
		{KNGG_EV_FUNDING_END, "financiering beëindigd"},
		{KNGG_EV_PLAN_DUE, "gepland"},
		{KNGG_EV_HANDOVER, "overdracht"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].kind, kind) == 0)
			return names[i].text;
	return kind;
}

/* A signature's validity and region (issue 18), from its data. */
static void signoff_describe(const kngg_event *ev, kngg_buf *b)
{
	json_t *o = ev->data ? json_loads(ev->data, 0, NULL) : NULL;
	const char *until = json_string_value(json_object_get(o, "valid_until"));
	const char *region = json_string_value(json_object_get(o, "region"));
	char nl[32];

	if (until) {
		kngg_date_nl(until, nl);
		kngg_buf_printf(b, ", geldig tot %s", nl);
	}
	if (region)
		kngg_buf_printf(b, ", regionaal voor regio %s", region);
	json_decref(o);
}

char *kngg_event_describe(const kngg_event *ev)
{
	const char *person = ev->person ? ev->person : ev->person_erased ? "(gewist)" : NULL;
	const char *to;
	kngg_buf b = {0};
	char *line;

	if (ev->target && strcmp(ev->kind, KNGG_EV_NOTE_REDACT) == 0)
		kngg_buf_printf(&b, " van #%s", ev->target); /* the event whose note changed */
	else if (ev->target && strcmp(ev->kind, KNGG_EV_FUNDING_END) == 0)
		kngg_buf_printf(&b, " #%s", ev->target); /* the funding it ends */
	else if (ev->target)
		kngg_buf_printf(&b, " %s", ev->target);
	if (ev->area)
		kngg_buf_printf(&b, " [%s]", ev->area);
	if (ev->cycle_number)
		kngg_buf_printf(&b, " [fase %d, cyclus %d]", ev->cycle_phase, ev->cycle_number);
	if (ev->has_score)
		kngg_buf_printf(&b, " score %d", ev->score);
	if (ev->value)
		kngg_buf_printf(&b, " %s", ev->value);
	if (ev->corrects)
		kngg_buf_printf(&b, " trekt #%lld in", (long long)ev->corrects);
	if (person && ev->org)
		kngg_buf_printf(&b, " — %s, %s", person, ev->org);
	else if (person || ev->org)
		kngg_buf_printf(&b, " — %s", person ? person : ev->org);
	if (strcmp(ev->kind, KNGG_EV_SIGNOFF) == 0)
		signoff_describe(ev, &b);
	/* a handover: to whom (data {"to":N,...}) */
	if (strcmp(ev->kind, KNGG_EV_HANDOVER) == 0 && ev->data && (to = strstr(ev->data, "\"to\":")))
		kngg_buf_printf(&b, " aan persoon %lld", strtoll(to + 5, NULL, 10));
	if (ev->corrected_by)
		kngg_buf_printf(&b, " (ingetrokken op %s door #%lld)",
				ev->corrected_on ? ev->corrected_on : "?", (long long)ev->corrected_by);
	/* without the separating space in front */
	line = b.failed ? NULL : strdup(kngg_buf_cstr(&b) + (b.len > 0));
	kngg_buf_free(&b);
	return line;
}
