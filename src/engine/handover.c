/*
 * handover.c: handovers of key roles (kngg/handover.h), the open items of
 * the one who leaves, and the risk of a key role that ended without one.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/handover.h"

/* Issue 18 names the key roles; the definitions (phases/lijsten.xml, list
 * rollen) have no mark for them. */
static const char *const key_roles[] = {"projectleider", "netwerkregisseur", "kerngroep",
					"wethouder", NULL};

int kngg_role_is_key(const char *role)
{
	for (int i = 0; role && key_roles[i]; i++)
		if (strcmp(role, key_roles[i]) == 0)
			return 1;
	return 0;
}

/* ---- collecting the open items -------------------------------------------------- */

typedef struct {
	kngg_tracker *t;
	const char *code;
	const char *date;
	int64_t from;
	json_t *persons;    /* ids of stakeholders they analysed or added */
	json_t *activities; /* {"id","area","cycle"} they logged */
	json_t *signed_;    /* {"id","area"} they signed */
	int rc;
} collect_ctx;

static int has_person(json_t *arr, int64_t id)
{
	size_t i;
	json_t *v;

	json_array_foreach(arr, i, v)
		if (json_integer_value(json_object_get(v, "person")) == id)
			return 1;
	return 0;
}

static json_t *person_item(const char *kind, int64_t id)
{
	return json_pack("{s:s,s:I}", "kind", kind, "person", (json_int_t)id);
}

static int collect_event(void *ctx, const kngg_event *ev)
{
	collect_ctx *c = ctx;

	if (ev->by_person != c->from || engine_withdrawn(ev, c->date) ||
	    strcmp(ev->date, c->date) > 0)
		return 0;
	if ((strcmp(ev->kind, KNGG_EV_STAKEHOLDER_ADD) == 0 ||
	     strcmp(ev->kind, KNGG_EV_STAKEHOLDER_ASSESS) == 0) &&
	    ev->person_id && ev->person_id != c->from && !has_person(c->persons, ev->person_id))
		json_array_append_new(c->persons, person_item("stakeholder", ev->person_id));
	else if (strcmp(ev->kind, KNGG_EV_ACTIVITY_DONE) == 0 && ev->target)
		json_array_append_new(c->activities,
				      json_pack("{s:s,s:o,s:i}", "id", ev->target, "area",
						ev->area ? json_string(ev->area) : json_null(),
						"cycle", ev->cycle_number));
	return 0;
}

static int collect_signature(void *ctx, const kngg_signature *s)
{
	collect_ctx *c = ctx;
	size_t i;
	json_t *v;

	if (s->person_id != c->from || s->withdrawn || strcmp(s->date, c->date) > 0)
		return 0;
	json_array_foreach(c->signed_, i, v) {
		const char *area = json_string_value(json_object_get(v, "area"));

		if (strcmp(json_string_value(json_object_get(v, "id")), s->signoff) == 0 &&
		    ((!area && !s->area) || (area && s->area && strcmp(area, s->area) == 0)))
			return 0;
	}
	json_array_append_new(c->signed_, json_pack("{s:s,s:o}", "id", s->signoff, "area",
						    s->area ? json_string(s->area) : json_null()));
	return 0;
}

/* 1 when the step of activity id runs (started or reopened, not done) in
 * the area or cycle the activity was logged in. */
static int step_running(const kngg_defs *defs, const kngg_status *st, const char *id,
			const char *area, int cycle)
{
	const kngg_def *act = kngg_defs_find(defs, id);
	const kngg_def *sd = act ? act->parent : NULL;
	const kngg_phase *ph = sd ? kngg_def_phase(sd->parent) : NULL;
	const kngg_phase_status *ps;
	size_t k;

	if (!ph || ph->number < 1 || ph->number > 4)
		return 0;
	for (k = 0; k < ph->nsteps && strcmp(ph->steps[k].def.id, sd->id) != 0; k++)
		;
	if (k == ph->nsteps)
		return 0;
	ps = &st->phases[ph->number - 1];
	for (size_t r = 0; r < ps->nruns; r++) {
		const kngg_run_status *run = &ps->runs[r];
		kngg_step_state s = run->steps[k].state;

		if (ph->number == 2 && (!area || !run->label || strcmp(run->label, area) != 0))
			continue;
		if (ph->number >= 3 && run->cycle != cycle)
			continue;
		return s == KNGG_STATE_STARTED || s == KNGG_STATE_REOPENED;
	}
	return 0;
}

/* The open items of in->from on date, as a JSON array (new reference). */
static int collect_items(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			 const char *date, json_t **out)
{
	collect_ctx c = {t, code, date, in->from, json_array(), json_array(), json_array(), 0};
	kngg_event_filter f = {0};
	kngg_register *reg = NULL;
	kngg_status *st = NULL;
	json_t *items = json_array();
	const kngg_stakeholder *s;
	size_t i;
	json_t *v;
	int rc;

	f.municipality = code;
	f.until = date;
	if ((rc = engine_events(t, &f, collect_event, &c)) < 0 ||
	    (rc = kngg_signatures(t, code, collect_signature, &c)) < 0 ||
	    (rc = kngg_status_load(t, code, date, &st)) < 0 ||
	    (rc = kngg_register_load(t, code, date, &reg)) < 0)
		goto done;
	/* those passed on by name first; then the ones found in the journal */
	for (size_t k = 0; k < in->ncontacts; k++)
		if (!has_person(items, in->contacts[k]))
			json_array_append_new(items, person_item("contact", in->contacts[k]));
	json_array_foreach(c.persons, i, v)
		if (!has_person(items, json_integer_value(json_object_get(v, "person"))))
			json_array_append(items, v);
	json_array_foreach(c.signed_, i, v) {
		kngg_signoff_status *ss = NULL;
		const char *id = json_string_value(json_object_get(v, "id"));
		const char *area = json_string_value(json_object_get(v, "area"));

		if ((rc = kngg_signoff_status_load(t, code, id, area, date, &ss)) < 0)
			goto done;
		if (!ss->complete)
			json_array_append_new(items, json_pack("{s:s,s:s,s:O}", "kind", "signoff",
							       "id", id, "area",
							       json_object_get(v, "area")));
		kngg_signoff_status_free(ss);
	}
	json_array_foreach(c.activities, i, v) {
		const char *id = json_string_value(json_object_get(v, "id"));
		const char *area = json_string_value(json_object_get(v, "area"));
		int cycle = (int)json_integer_value(json_object_get(v, "cycle"));

		if (step_running(t->defs, st, id, area, cycle))
			json_array_append_new(items, json_pack("{s:s,s:s,s:O}", "kind", "activity",
							       "id", id, "area",
							       json_object_get(v, "area")));
	}
	s = kngg_register_person(reg, in->from);
	for (size_t k = 0; s && k < s->nroles; k++) {
		const kngg_role_rec *rr = &s->roles[k];

		if (strcmp(rr->from, date) <= 0 && (!rr->until || strcmp(rr->until, date) >= 0))
			json_array_append_new(items, json_pack("{s:s,s:s}", "kind", "role", "id",
							       rr->role));
	}
	*out = items;
	items = NULL;
done:
	json_decref(items);
	json_decref(c.persons);
	json_decref(c.activities);
	json_decref(c.signed_);
	kngg_status_free(st);
	kngg_register_free(reg);
	return rc;
}

/* ---- recording ------------------------------------------------------------------ */

/* A person of code, not erased; what names it in messages. */
static int need_person(kngg_tracker *t, const char *code, int64_t id, const char *what)
{
	char num[24];
	int64_t found;

	if (id <= 0)
		return engine_fail(t, KNGG_EINVALID, "ongeldig persoonsnummer %lld bij %s",
				   (long long)id, what);
	snprintf(num, sizeof(num), "%lld", (long long)id);
	return engine_person(t, code, num, 0, 0, NULL, &found);
}

/* Validation that needs no database: role, persons apart, text. */
static int check_in(kngg_tracker *t, const kngg_handover_in *in, const char **role)
{
	int rc;

	if (!in->role || !*in->role)
		return engine_fail(t, KNGG_EINVALID, "een overdracht noemt de rol (--role)");
	if ((rc = engine_list_item(t, "rollen", "rol", role)) < 0)
		return rc;
	if (in->from == in->to)
		return engine_fail(t, KNGG_EINVALID,
				   "een overdracht gaat naar iemand anders: --from en --to zijn beide %lld",
				   (long long)in->from);
	if (in->document && engine_check_text(t, "--document", in->document, 1) < 0)
		return KNGG_EINVALID;
	return 0;
}

/* Appends the handover event; the caller holds the transaction. */
static int handover_write(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			  const char *role, const char *date, const kngg_track_opts *o,
			  int64_t *event_id)
{
	kngg_register *reg = NULL;
	const kngg_stakeholder *s;
	json_t *items = NULL, *data = NULL;
	char *text = NULL;
	kngg_event ev;
	int rc, held = 0;

	if ((rc = engine_need_municipality(t, code)) < 0 ||
	    (rc = need_person(t, code, in->from, "--from")) < 0 ||
	    (rc = need_person(t, code, in->to, "--to")) < 0)
		return rc;
	for (size_t k = 0; k < in->ncontacts; k++)
		if ((rc = need_person(t, code, in->contacts[k], "--contact")) < 0)
			return rc;
	if ((rc = kngg_register_load(t, code, date, &reg)) < 0)
		return rc;
	s = kngg_register_person(reg, in->from);
	for (size_t k = 0; s && k < s->nroles; k++)
		held |= strcmp(s->roles[k].role, role) == 0 && strcmp(s->roles[k].from, date) <= 0;
	kngg_register_free(reg);
	if (!held)
		return engine_fail(t, KNGG_EINVALID,
				   "persoon %lld had op %s de rol %s niet; alleen wie een rol had, draagt hem over",
				   (long long)in->from, date, role);
	if ((rc = collect_items(t, code, in, date, &items)) < 0)
		return rc;
	data = json_pack("{s:I,s:s,s:o,s:o}", "to", (json_int_t)in->to, "role", role, "document",
			 in->document ? json_string(in->document) : json_null(), "items", items);
	if (!data || !(text = json_dumps(data, JSON_COMPACT | JSON_PRESERVE_ORDER))) {
		json_decref(data);
		return KNGG_ENOMEM;
	}
	json_decref(data);
	engine_fill_event(t, &ev, KNGG_EV_HANDOVER, code, date, o);
	ev.person_id = in->from;
	ev.target = role;
	ev.data = text;
	rc = engine_event_add(t, &ev, event_id);
	free(text);
	return rc;
}

int kngg_handover_record(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			 const kngg_track_opts *o, int64_t *event_id)
{
	const char *role = in->role;
	char date[11];
	int rc;

	if ((rc = check_in(t, in, &role)) < 0 || (rc = engine_check_opts(t, o)) < 0 ||
	    (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	rc = handover_write(t, code, in, role, date, o, event_id);
	return engine_finish(t, rc);
}

int kngg_role_end_handover(kngg_tracker *t, const char *code, const kngg_handover_in *in,
			   const kngg_track_opts *o, int64_t *event_id)
{
	const char *role = in->role;
	char date[11];
	int rc, end;

	if ((rc = check_in(t, in, &role)) < 0 || (rc = engine_check_opts(t, o)) < 0 ||
	    (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	/* one transaction around both writes: each one's own is a savepoint */
	if ((rc = kngg_store_batch_begin(t->store)) < 0)
		return rc;
	if ((rc = kngg_role_end(t, code, in->from, role, o)) == 0 &&
	    (rc = kngg_store_begin(t->store)) == 0)
		rc = engine_finish(t, handover_write(t, code, in, role, date, o, event_id));
	end = kngg_store_batch_end(t->store, rc == 0);
	return rc < 0 ? rc : end;
}

/* ---- reading -------------------------------------------------------------------- */

typedef struct {
	kngg_tracker *t;
	const char *as_of;
	const kngg_register *reg;
	kngg_arena *arena;
	kngg_handover *list;
	size_t n, cap;
	int rc;
} load_ctx;

static const char *person_name(const kngg_register *reg, int64_t id)
{
	const kngg_stakeholder *s = kngg_register_person(reg, id);

	return s ? s->person.name : NULL;
}

static const char *item_text(load_ctx *c, const kngg_handover_item *it)
{
	const kngg_defs *defs = c->t->defs;
	kngg_buf b = {0};
	const char *name, *out;

	switch (it->kind) {
	case KNGG_HANDOVER_STAKEHOLDER:
	case KNGG_HANDOVER_CONTACT:
		name = person_name(c->reg, it->person_id);
		kngg_buf_printf(&b, "%s %lld %s",
				it->kind == KNGG_HANDOVER_CONTACT ? "contact" : "stakeholder",
				(long long)it->person_id, name ? name : "(gewist)");
		break;
	case KNGG_HANDOVER_SIGNOFF:
		kngg_buf_printf(&b, "ondertekening %s%s%s%s, nog niet compleet", it->id,
				it->area ? " [" : "", it->area ? it->area : "", it->area ? "]" : "");
		break;
	case KNGG_HANDOVER_ACTIVITY:
		kngg_buf_printf(&b, "activiteit %s%s%s%s in een lopende stap", it->id,
				it->area ? " [" : "", it->area ? it->area : "", it->area ? "]" : "");
		break;
	case KNGG_HANDOVER_ROLE:
		kngg_buf_printf(&b, "rol %s", kngg_defs_label(defs, "rollen", it->id));
		break;
	}
	out = kngg_arena_strdup(c->arena, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	return out;
}

static const char *adup(load_ctx *c, const char *s)
{
	return s ? kngg_arena_strdup(c->arena, s) : NULL;
}

static int load_event(void *ctx, const kngg_event *ev)
{
	static const char *const kinds[] = {"", "stakeholder", "contact", "signoff", "activity",
					    "role"};
	load_ctx *c = ctx;
	kngg_handover *h;
	kngg_handover_item *items;
	json_t *data, *arr, *v;
	size_t i;

	if (strcmp(ev->kind, KNGG_EV_HANDOVER) != 0)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 8;
		kngg_handover *l = realloc(c->list, cap * sizeof(*l));

		if (!l)
			return c->rc = KNGG_ENOMEM;
		c->list = l;
		c->cap = cap;
	}
	h = &c->list[c->n];
	memset(h, 0, sizeof(*h));
	data = ev->data ? json_loads(ev->data, 0, NULL) : NULL;
	h->event_id = ev->id;
	h->date = adup(c, ev->date);
	h->from = ev->person_id;
	h->to = data ? json_integer_value(json_object_get(data, "to")) : 0;
	h->from_name = adup(c, person_name(c->reg, h->from));
	h->to_name = adup(c, person_name(c->reg, h->to));
	h->role = adup(c, ev->target);
	h->document = adup(c, data ? json_string_value(json_object_get(data, "document")) : NULL);
	h->note = adup(c, ev->note);
	h->by = adup(c, ev->by);
	h->withdrawn = engine_withdrawn(ev, c->as_of);
	h->withdrawn_on = h->withdrawn ? adup(c, ev->corrected_on) : NULL;
	arr = data ? json_object_get(data, "items") : NULL;
	items = kngg_arena_alloc(c->arena, (json_array_size(arr) + 1) * sizeof(*items));
	if (!items) {
		json_decref(data);
		return c->rc = KNGG_ENOMEM;
	}
	json_array_foreach(arr, i, v) {
		const char *kind = json_string_value(json_object_get(v, "kind"));
		kngg_handover_item *it = &items[h->nitems];

		for (int k = 1; kind && k <= KNGG_HANDOVER_ROLE; k++)
			if (strcmp(kind, kinds[k]) == 0)
				it->kind = (kngg_handover_item_kind)k;
		if (!it->kind)
			continue; /* a kind a later version added */
		it->id = adup(c, json_string_value(json_object_get(v, "id")));
		it->person_id = json_integer_value(json_object_get(v, "person"));
		it->area = adup(c, json_string_value(json_object_get(v, "area")));
		it->text = item_text(c, it);
		h->nitems++;
	}
	h->items = items;
	json_decref(data);
	c->n++;
	return 0;
}

/* The handovers of code up to as_of, names from given (a register loaded
 * for as_of) or from one loaded here when given is NULL. */
static int handovers_load(kngg_tracker *t, const char *code, const char *as_of,
			  const kngg_register *given, kngg_handovers **out)
{
	load_ctx c = {t, as_of, given, NULL, NULL, 0, 0, 0};
	kngg_event_filter f = {0};
	kngg_register *reg = NULL;
	kngg_handovers *h;
	int rc;

	*out = NULL;
	if ((rc = engine_check_as_of(t, as_of)) < 0 || (rc = engine_need_municipality(t, code)) < 0)
		return rc;
	if (!(h = calloc(1, sizeof(*h))) || !(h->arena = kngg_arena_new())) {
		free(h);
		return KNGG_ENOMEM;
	}
	c.arena = h->arena;
	if (!given) {
		if ((rc = kngg_register_load(t, code, as_of, &reg)) < 0)
			goto fail;
		c.reg = reg;
	}
	f.municipality = code;
	f.kind = KNGG_EV_HANDOVER;
	f.until = as_of;
	rc = engine_events(t, &f, load_event, &c);
	if (rc == 0)
		rc = c.rc;
	if (rc < 0)
		goto fail;
	if (c.n) {
		kngg_handover *l = kngg_arena_alloc(h->arena, c.n * sizeof(*l));

		if (!l) {
			rc = KNGG_ENOMEM;
			goto fail;
		}
		memcpy(l, c.list, c.n * sizeof(*l));
		h->list = l;
	}
	h->n = c.n;
	free(c.list);
	kngg_register_free(reg);
	*out = h;
	return 0;
fail:
	free(c.list);
	kngg_register_free(reg);
	kngg_handovers_free(h);
	return rc;
}

int kngg_handovers_load(kngg_tracker *t, const char *code, const char *as_of,
			kngg_handovers **out)
{
	return handovers_load(t, code, as_of, NULL, out);
}

void kngg_handovers_free(kngg_handovers *h)
{
	if (!h)
		return;
	kngg_arena_free(h->arena);
	free(h);
}

const kngg_handover *kngg_handover_find(kngg_tracker *t, const kngg_handovers *h, int64_t id)
{
	for (size_t i = 0; h && i < h->n; i++)
		if (h->list[i].event_id == id)
			return &h->list[i];
	kngg_fail(t, KNGG_ENOTFOUND, "gebeurtenis %lld is geen overdracht (zie 'kngg handover list')",
		  (long long)id);
	return NULL;
}

/* ---- the risk: a key role ended without a handover ------------------------------ */

void engine_handover_risks(engine_risks_out *out, const kngg_register *reg, const char *today)
{
	kngg_handovers *h = NULL;
	int rc;

	if (out->rc)
		return;
	if ((rc = handovers_load(out->t, reg->code, today, reg, &h)) < 0) {
		out->rc = rc;
		return;
	}
	for (size_t i = 0; i < reg->npeople && !out->rc; i++) {
		const kngg_stakeholder *s = &reg->people[i];

		for (size_t k = 0; k < s->nroles && !out->rc; k++) {
			const kngg_role_rec *rr = &s->roles[k];
			kngg_risk risk = {KNGG_RISK_NO_HANDOVER, NULL, s->person.id, rr->role, NULL,
					  NULL};
			int found = 0;
			char nl[32];

			if (!rr->until || strcmp(rr->until, today) > 0 || !kngg_role_is_key(rr->role) ||
			    kngg_stakeholder_has_role(s, rr->role, today))
				continue;
			for (size_t j = 0; j < h->n && !found; j++)
				found = !h->list[j].withdrawn && h->list[j].from == s->person.id &&
					strcmp(h->list[j].role, rr->role) == 0 &&
					strcmp(h->list[j].date, rr->from) >= 0;
			if (found)
				continue;
			kngg_date_nl(rr->until, nl);
			engine_risk_emit(out, &risk,
					 "de rol %s van %s eindigde op %s zonder overdracht; leg die vast met "
					 "'kngg handover %s --from %lld --to ID --role %s'",
					 rr->role, s->person.name ? s->person.name : "(gewist)", nl,
					 reg->code, (long long)s->person.id, rr->role);
		}
	}
	kngg_handovers_free(h);
}

/* ---- export --------------------------------------------------------------------- */

static json_t *jstr(const char *s)
{
	return s ? json_string(s) : json_null();
}

int engine_handovers_json(kngg_tracker *t, const char *code, const char *as_of,
			  struct json_t **out)
{
	static const char *const kinds[] = {"", "stakeholder", "contact", "signoff", "activity",
					    "role"};
	kngg_handovers *h = NULL;
	json_t *arr;
	int rc;

	*out = NULL;
	if ((rc = kngg_handovers_load(t, code, as_of, &h)) < 0)
		return rc;
	arr = json_array();
	for (size_t i = 0; i < h->n; i++) {
		const kngg_handover *ho = &h->list[i];
		json_t *o = json_object(), *items = json_array();

		json_object_set_new(o, "id", json_integer(ho->event_id));
		json_object_set_new(o, "date", jstr(ho->date));
		json_object_set_new(o, "role", jstr(ho->role));
		json_object_set_new(o, "role_title",
				    jstr(kngg_defs_label(t->defs, "rollen", ho->role)));
		json_object_set_new(o, "from", json_integer(ho->from));
		json_object_set_new(o, "from_name", jstr(ho->from_name));
		json_object_set_new(o, "to", json_integer(ho->to));
		json_object_set_new(o, "to_name", jstr(ho->to_name));
		json_object_set_new(o, "document", jstr(ho->document));
		json_object_set_new(o, "note", jstr(ho->note));
		json_object_set_new(o, "by", jstr(ho->by));
		json_object_set_new(o, "withdrawn", json_boolean(ho->withdrawn));
		for (size_t k = 0; k < ho->nitems; k++) {
			const kngg_handover_item *it = &ho->items[k];
			json_t *j = json_object();

			json_object_set_new(j, "kind", json_string(kinds[it->kind]));
			json_object_set_new(j, "id", jstr(it->id));
			json_object_set_new(j, "person",
					    it->person_id ? json_integer(it->person_id) : json_null());
			json_object_set_new(j, "area", jstr(it->area));
			json_object_set_new(j, "text", jstr(it->text));
			json_array_append_new(items, j);
		}
		json_object_set_new(o, "items", items);
		json_array_append_new(arr, o);
	}
	kngg_handovers_free(h);
	*out = arr;
	return 0;
}
