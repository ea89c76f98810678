/*
 * audit.c: corrections (withdrawing a recorded fact with a reason) and the
 * AVG rights of a person: export everything held, erase the personal
 * fields everywhere while the chain stays verifiable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/handover.h"
#include "kngg/people.h"
#include "kngg/plan.h"

/* ---- corrections -------------------------------------------------------------- */

static const char *const correctable[] = {
	KNGG_EV_STEP_START, KNGG_EV_STEP_DONE, KNGG_EV_STEP_REOPEN, KNGG_EV_ACTIVITY_DONE,
	KNGG_EV_DELIVERABLE_DONE, KNGG_EV_QUICKSCAN, KNGG_EV_FACTOR, KNGG_EV_STAKEHOLDER_ASSESS,
	KNGG_EV_ROLE_ASSIGN, KNGG_EV_ROLE_END, KNGG_EV_SIGNOFF, KNGG_EV_CYCLE_START,
	KNGG_EV_FUNDING_ADD, KNGG_EV_FUNDING_END, KNGG_EV_PLAN_DUE,
	KNGG_EV_HANDOVER, NULL};

int kngg_event_correctable(const char *kind)
{
	for (int i = 0; kind && correctable[i]; i++)
		if (strcmp(kind, correctable[i]) == 0)
			return 1;
	return 0;
}

struct event_copy {
	char municipality[8];
	char kind[32];
	char date[11];
	char target[64];
	int has_target;
	int64_t corrected_by;
	int64_t cycle_id;
	int cycle_phase;
};

static int copy_event(void *ctx, const kngg_event *ev)
{
	struct event_copy *c = ctx;

	snprintf(c->municipality, sizeof(c->municipality), "%s", ev->municipality);
	snprintf(c->kind, sizeof(c->kind), "%s", ev->kind);
	snprintf(c->date, sizeof(c->date), "%s", ev->date);
	c->has_target = ev->target != NULL;
	snprintf(c->target, sizeof(c->target), "%s", ev->target ? ev->target : "");
	c->corrected_by = ev->corrected_by;
	c->cycle_id = ev->cycle_id;
	c->cycle_phase = atoi(c->target);
	return 0;
}

struct cycle_use {
	int64_t cycle_id, start; /* the cycle, its start event */
	int64_t first;           /* the first other event in it that stands */
};

static int cycle_used(void *ctx, const kngg_event *ev)
{
	struct cycle_use *u = ctx;

	if (ev->cycle_id != u->cycle_id || ev->id == u->start || ev->corrected_by ||
	    strcmp(ev->kind, KNGG_EV_CORRECTION) == 0)
		return 0;
	u->first = ev->id;
	return 1;
}

/*
 * A cycle start can be withdrawn only for the latest cycle of its phase,
 * and only while nothing that stands was recorded in it: the cycle then
 * counts as never started (the next cycle start takes its number again).
 */
static int check_cycle_withdraw(kngg_tracker *t, const char *code, int64_t event_id,
				const struct event_copy *c)
{
	struct cycle_use u = {c->cycle_id, event_id, 0};
	int64_t current = 0;
	int number = 0, rc;

	rc = kngg_store_cycle_current(t->store, code, c->cycle_phase, &current, &number);
	if (rc < 0 && rc != KNGG_ENOTFOUND)
		return rc;
	if (current != c->cycle_id)
		return engine_fail(t, KNGG_EINVALID,
				   "gebeurtenis %lld start niet de laatste cyclus van fase %d; alleen die kan worden ingetrokken",
				   (long long)event_id, c->cycle_phase);
	if ((rc = kngg_store_events(t->store, code, NULL, NULL, NULL, cycle_used, &u)) < 0)
		return rc;
	if (u.first)
		return engine_fail(t, KNGG_EINVALID,
				   "in cyclus %d van fase %d is al iets vastgelegd (gebeurtenis %lld); trek dat eerst in",
				   number, c->cycle_phase, (long long)u.first);
	return 0;
}

int kngg_correct(kngg_tracker *t, const char *code, int64_t event_id, const char *reason,
		 const kngg_track_opts *o)
{
	struct event_copy c = {0};
	kngg_event ev;
	char date[11];
	int rc, ok = 0;

	if (!reason || !*reason)
		return engine_fail(t, KNGG_EINVALID, "een correctie vraagt een reden (--reason)");
	if ((rc = engine_check_text(t, "--reason", reason, 1)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	rc = event_id > 0 ? kngg_store_event_get(t->store, event_id, copy_event, &c) : KNGG_ENOTFOUND;
	if (rc == KNGG_ENOTFOUND || (rc == 0 && strcmp(c.municipality, code) != 0)) {
		rc = engine_fail(t, KNGG_ENOTFOUND, "%s heeft geen gebeurtenis %lld (zie 'kngg log %s')",
				 code, (long long)event_id, code);
		goto done;
	}
	if (rc < 0)
		goto done;
	for (int i = 0; correctable[i]; i++)
		ok |= strcmp(c.kind, correctable[i]) == 0;
	if (!ok) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "gebeurtenis %lld (%s) kan niet worden ingetrokken; alleen vastgelegde feiten zoals stappen, scores, analyses, rollen, ondertekeningen, het begin van een cyclus, planning, financiering en overdrachten",
				 (long long)event_id, c.kind);
		goto done;
	}
	if (c.corrected_by) {
		rc = engine_fail(t, KNGG_EINVALID, "gebeurtenis %lld is al ingetrokken (door %lld)",
				 (long long)event_id, (long long)c.corrected_by);
		goto done;
	}
	if (strcmp(c.kind, KNGG_EV_CYCLE_START) == 0 &&
	    (rc = check_cycle_withdraw(t, code, event_id, &c)) < 0)
		goto done;
	if (strcmp(date, c.date) < 0) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "de correctie (%s) kan niet eerder liggen dan de gebeurtenis zelf (%s)",
				 date, c.date);
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_CORRECTION, code, date, o);
	ev.corrects = event_id;
	ev.target = c.has_target ? c.target : NULL;
	ev.note = reason;
	rc = engine_event_add(t, &ev, NULL);
done:
	return engine_finish(t, rc);
}

/* ---- export ------------------------------------------------------------------------ */

static json_t *js(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *event_json(const kngg_event *ev)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(ev->id));
	json_object_set_new(o, "date", js(ev->date));
	json_object_set_new(o, "recorded_at", js(ev->recorded_at));
	json_object_set_new(o, "kind", js(ev->kind));
	json_object_set_new(o, "target", js(ev->target));
	json_object_set_new(o, "value", js(ev->value));
	json_object_set_new(o, "organisation", js(ev->org));
	json_object_set_new(o, "area", js(ev->area));
	json_object_set_new(o, "data", ev->data ? json_loads(ev->data, 0, NULL) : json_null());
	json_object_set_new(o, "note", js(ev->note));
	json_object_set_new(o, "withdrawn", json_boolean(ev->corrected_by != 0));
	return o;
}

struct export_walk {
	int64_t person;
	const char *const *needles; /* personal strings to look for in notes */
	json_t *about, *recorded, *mentioned;
	json_t *handovers; /* handovers the person gave or received (kngg/handover.h) */
};

/* 1 when a handover event names person as the one it went to, or among
 * the stakeholders passed on (data {"to":N,"items":[{"person":N}...]}). */
static int handover_names(const kngg_event *ev, int64_t person)
{
	json_t *data, *v;
	size_t i;
	int found = 0;

	if (strcmp(ev->kind, KNGG_EV_HANDOVER) != 0 || !ev->data ||
	    !(data = json_loads(ev->data, 0, NULL)))
		return 0;
	found = json_integer_value(json_object_get(data, "to")) == person;
	json_array_foreach(json_object_get(data, "items"), i, v)
		found |= json_integer_value(json_object_get(v, "person")) == person;
	json_decref(data);
	return found;
}

/* Length of the needle that starts at s (ASCII letters compared without
 * case; other bytes exactly), or 0. */
static size_t match_at(const char *s, const char *const *needles)
{
	size_t best = 0;

	for (int i = 0; needles[i]; i++) {
		size_t len = strlen(needles[i]);

		if (len > best && len && strncasecmp(s, needles[i], len) == 0)
			best = len;
	}
	return best;
}

static int mentions(const char *text, const char *const *needles)
{
	for (const char *s = text; s && *s; s++)
		if (match_at(s, needles))
			return 1;
	return 0;
}

static int event_mentions(const kngg_event *ev, const char *const *needles)
{
	return mentions(ev->note, needles) || mentions(ev->value, needles) ||
	       mentions(ev->data, needles);
}

static int export_event(void *ctx, const kngg_event *ev)
{
	struct export_walk *w = ctx;

	if (ev->person_id == w->person)
		json_array_append_new(w->about, event_json(ev));
	if (ev->by_person == w->person)
		json_array_append_new(w->recorded, event_json(ev));
	if (ev->person_id != w->person && ev->by_person != w->person &&
	    event_mentions(ev, w->needles))
		json_array_append_new(w->mentioned, event_json(ev));
	if (strcmp(ev->kind, KNGG_EV_HANDOVER) == 0 &&
	    (ev->person_id == w->person || handover_names(ev, w->person)))
		json_array_append_new(w->handovers, event_json(ev));
	return 0;
}

static int copy_person(void *ctx, const kngg_person *p)
{
	kngg_person *d = ctx;

	d->id = p->id;
	d->municipality = strdup(p->municipality);
	d->name = p->name ? strdup(p->name) : NULL;
	d->function = p->function ? strdup(p->function) : NULL;
	d->email = p->email ? strdup(p->email) : NULL;
	d->phone = p->phone ? strdup(p->phone) : NULL;
	d->org = p->org ? strdup(p->org) : NULL;
	d->org_type = p->org_type ? strdup(p->org_type) : NULL;
	d->level = p->level ? strdup(p->level) : NULL;
	d->created_at = strdup(p->created_at);
	d->erased_at = p->erased_at ? strdup(p->erased_at) : NULL;
	return 0;
}

static void free_person(kngg_person *p)
{
	free((char *)p->municipality);
	free((char *)p->name);
	free((char *)p->function);
	free((char *)p->email);
	free((char *)p->phone);
	free((char *)p->org);
	free((char *)p->org_type);
	free((char *)p->level);
	free((char *)p->created_at);
	free((char *)p->erased_at);
}

static int load_person(kngg_tracker *t, int64_t id, kngg_person *p)
{
	int rc;

	memset(p, 0, sizeof(*p));
	if (id <= 0)
		return engine_fail(t, KNGG_ENOTFOUND, "ongeldig persoonsnummer %lld", (long long)id);
	rc = kngg_store_person_get(t->store, id, copy_person, p);
	if (rc == KNGG_ENOTFOUND)
		return engine_fail(t, rc, "er is geen persoon %lld (zie 'kngg stakeholder list CODE')",
				   (long long)id);
	if (rc == 0 && (!p->municipality || !p->created_at))
		rc = KNGG_ENOMEM;
	return rc;
}

int kngg_person_export(kngg_tracker *t, int64_t person, char **json)
{
	kngg_person p;
	kngg_event_filter f = {0};
	struct export_walk w = {person, NULL, json_array(), json_array(), json_array(),
				 json_array()};
	const char *needles[4];
	json_t *root, *pj;
	int rc;

	*json = NULL;
	if ((rc = load_person(t, person, &p)) < 0) {
		free_person(&p);
		goto done;
	}
	{
		int k = 0;

		if (p.name)
			needles[k++] = p.name;
		if (p.email)
			needles[k++] = p.email;
		if (p.phone)
			needles[k++] = p.phone;
		needles[k] = NULL;
	}
	w.needles = needles;
	f.municipality = p.municipality;
	rc = engine_events(t, &f, export_event, &w);
	if (rc == 0) {
		root = json_object();
		pj = json_object();
		json_object_set_new(pj, "id", json_integer(p.id));
		json_object_set_new(pj, "municipality", js(p.municipality));
		json_object_set_new(pj, "name", js(p.name));
		json_object_set_new(pj, "function", js(p.function));
		json_object_set_new(pj, "email", js(p.email));
		json_object_set_new(pj, "phone", js(p.phone));
		json_object_set_new(pj, "organisation", js(p.org));
		json_object_set_new(pj, "organisation_type", js(p.org_type));
		json_object_set_new(pj, "level", js(p.level));
		json_object_set_new(pj, "created_at", js(p.created_at));
		json_object_set_new(pj, "erased_at", js(p.erased_at));
		json_object_set_new(root, "kngg_export", json_string("persoon"));
		json_object_set_new(root, "person", pj);
		json_object_set_new(root, "events_about", w.about);
		json_object_set_new(root, "events_recorded_by", w.recorded);
		json_object_set_new(root, "notes_mentioning", w.mentioned);
		json_object_set_new(root, "handovers", w.handovers);
		w.about = w.recorded = w.mentioned = w.handovers = NULL;
		*json = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		json_decref(root);
		if (!*json)
			rc = KNGG_ENOMEM;
	}
	free_person(&p);
done:
	json_decref(w.about);
	json_decref(w.recorded);
	json_decref(w.mentioned);
	json_decref(w.handovers);
	return rc;
}

/* ---- erase ---------------------------------------------------------------------- */

typedef struct {
	int64_t id;
	char *value, *data, *note;
} redaction;

struct erase_walk {
	const char *const *needles;
	redaction *list;
	size_t n, cap;
	int failed;
};

/* s with every occurrence of each needle replaced by "[gewist]"; malloc'd
 * (NULL for NULL). *failed is set when memory runs out. */
static char *redact(const char *s, const char *const *needles, int *failed)
{
	kngg_buf b = {0};
	char *out;

	if (!s)
		return NULL;
	while (*s) {
		size_t len = match_at(s, needles);

		if (len) {
			kngg_buf_printf(&b, "[gewist]");
			s += len;
		} else {
			kngg_buf_printf(&b, "%c", *s++);
		}
	}
	out = b.failed ? NULL : strdup(kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	if (!out)
		*failed = 1;
	return out;
}

static int find_mentions(void *ctx, const kngg_event *ev)
{
	struct erase_walk *w = ctx;
	redaction *r;

	if (!event_mentions(ev, w->needles))
		return 0;
	if (w->n == w->cap) {
		r = realloc(w->list, (w->cap = w->cap ? 2 * w->cap : 8) * sizeof(*r));
		if (!r)
			return KNGG_ENOMEM;
		w->list = r;
	}
	r = &w->list[w->n++];
	r->id = ev->id;
	r->value = redact(ev->value, w->needles, &w->failed);
	r->data = redact(ev->data, w->needles, &w->failed);
	r->note = redact(ev->note, w->needles, &w->failed);
	return w->failed ? KNGG_ENOMEM : 0;
}

int kngg_person_erase(kngg_tracker *t, int64_t person, const char *reason,
		      const kngg_track_opts *o, int *redacted)
{
	struct erase_walk w = {0};
	kngg_event_filter f = {0};
	const char *needles[4] = {NULL, NULL, NULL, NULL};
	kngg_person p;
	kngg_event ev;
	char date[11], target[24];
	int rc, k = 0;

	if (redacted)
		*redacted = 0;
	if (!reason || !*reason)
		return engine_fail(t, KNGG_EINVALID, "wissen vraagt een reden (--reason)");
	if ((rc = engine_check_text(t, "--reason", reason, 1)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = load_person(t, person, &p)) < 0)
		goto done;
	if (p.erased_at) {
		rc = engine_fail(t, KNGG_EINVALID, "persoon %lld is al gewist op %s", (long long)person,
				 p.erased_at);
		goto done;
	}
	if (p.name)
		needles[k++] = p.name;
	if (p.email)
		needles[k++] = p.email;
	if (p.phone)
		needles[k++] = p.phone;
	w.needles = needles;
	if (mentions(reason, needles) || (o && (mentions(o->note, needles) || mentions(o->by, needles)))) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "de reden of notitie noemt de persoon zelf; die zou dan na het wissen blijven staan");
		goto done;
	}
	f.municipality = p.municipality;
	if ((rc = engine_events(t, &f, find_mentions, &w)) < 0)
		goto done;
	/* texts first, each change recorded in the chain with the new
	 * text's digest, then the person */
	for (size_t i = 0; i < w.n && rc == 0; i++) {
		char hex[65];

		rc = kngg_store_text_redact(t->store, w.list[i].id, w.list[i].value, w.list[i].data,
					    w.list[i].note, hex);
		if (rc == 0) {
			engine_fill_event(t, &ev, KNGG_EV_NOTE_REDACT, p.municipality, date, NULL);
			snprintf(target, sizeof(target), "%lld", (long long)w.list[i].id);
			ev.target = target;
			ev.value = hex;
			ev.person_id = person;
			rc = engine_event_add(t, &ev, NULL);
		}
	}
	/* the row first: the erase event carries its seal (the erased row) */
	if (rc == 0)
		rc = kngg_store_person_erase(t->store, person, date);
	if (rc == 0) {
		engine_fill_event(t, &ev, KNGG_EV_PERSON_ERASE, p.municipality, date, o);
		ev.person_id = person;
		ev.note = reason;
		rc = engine_event_add(t, &ev, NULL);
	}
done:
	rc = engine_finish(t, rc);
	if (rc == 0) {
		if (redacted)
			*redacted = (int)w.n;
		/* no copy of the old pages may stay behind in the WAL; the erase
		 * is committed either way, so a failure here is a warning */
		if (kngg_store_scrub(t->store) < 0 && t->warn) {
			char msg[512];

			snprintf(msg, sizeof(msg),
				 "let op: persoon %lld is gewist, maar een ander proces leest de database nog; "
				 "tot dat stopt kunnen de oude gegevens nog in het WAL-bestand (-wal) staan. "
				 "Sluit andere kngg- of sqlite3-sessies en voer daarna een wijziging of "
				 "'kngg verify' uit",
				 (long long)person);
			t->warn(t->warn_ctx, msg);
		}
	}
	for (size_t i = 0; i < w.n; i++) {
		free(w.list[i].value);
		free(w.list[i].data);
		free(w.list[i].note);
	}
	free(w.list);
	free_person(&p);
	return rc;
}
