/*
 * people.c: the stakeholder register, analyses, project roles and the
 * continuity check. Facts are events; the register is derived from them.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/people.h"
#include "util/text.h"

/* ---- validation helpers ------------------------------------------------------- */

int engine_list_item(kngg_tracker *t, const char *list_id, const char *what, const char **id)
{
	const kngg_list *l = kngg_defs_list(t->defs, list_id);
	const char *typed = id ? *id : NULL;
	kngg_suggest sg;
	kngg_buf b = {0};
	int rc;

	/* as people type it: any case, with or without accents, the title too */
	for (size_t i = 0; typed && l && i < l->nitems; i++) {
		if (kngg_fold_eq_id(typed, l->items[i].id) ||
		    (l->items[i].title && kngg_fold_eq(typed, l->items[i].title))) {
			*id = l->items[i].id;
			return 0;
		}
	}
	kngg_suggest_init(&sg, typed);
	for (size_t i = 0; l && i < l->nitems; i++)
		kngg_suggest_offer(&sg, l->items[i].id);
	if (kngg_suggest_best(&sg))
		return engine_fail(t, KNGG_EINVALID, "%s '%s' bestaat niet; bedoelde je '%s'?", what,
				   typed, kngg_suggest_best(&sg));
	for (size_t i = 0; l && i < l->nitems; i++)
		kngg_buf_printf(&b, "%s%s", i ? ", " : "", l->items[i].id);
	rc = engine_fail(t, KNGG_EINVALID, "%s '%s' bestaat niet (kies uit: %s)", what,
			 typed ? typed : "", kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	return rc;
}

int kngg_commitment_counts(const kngg_defs *defs, const char *commitment)
{
	const kngg_list *l = kngg_defs_list(defs, "commitment");
	int at = kngg_list_index(l, commitment), from = l ? kngg_list_index(l, l->threshold) : -1;

	return at >= 0 && from >= 0 && at >= from;
}

/* Canonical JSON text of o (sorted keys, compact); steals o. */
static char *dump(json_t *o)
{
	char *s = o ? json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;

	json_decref(o);
	return s;
}

static int find_org(void *ctx, const kngg_org *o)
{
	*(int64_t *)ctx = o->id;
	return 0;
}

/* ---- organisations and persons ------------------------------------------------ */

static int suggest_org(void *ctx, const kngg_org *o)
{
	kngg_suggest_offer(ctx, o->name);
	return 0;
}

int engine_unknown_org(kngg_tracker *t, const char *code, const char *name)
{
	kngg_suggest sg;

	kngg_suggest_init(&sg, name);
	kngg_store_orgs(t->store, code, suggest_org, &sg);
	if (kngg_suggest_best(&sg))
		return engine_fail(t, KNGG_ENOTFOUND, "onbekende organisatie '%s'; bedoelde je '%s'?",
				   name, kngg_suggest_best(&sg));
	return engine_fail(t, KNGG_ENOTFOUND,
			   "%s heeft geen organisatie '%s'; voeg die toe met 'kngg org add %s \"%s\" "
			   "--type TYPE' (zie 'kngg org list %s')",
			   code, name, code, name, code);
}

static int org_name(void *ctx, const kngg_org *o)
{
	snprintf(ctx, KNGG_NAME_MAX + 1, "%s", o->name);
	return 0;
}

static int org_add(kngg_tracker *t, const char *code, const char *name, const char *type,
		   const char *date, const kngg_track_opts *o, int64_t *id)
{
	kngg_org org = {0, code, name, type, date, 0};
	char known[KNGG_NAME_MAX + 1] = "";
	kngg_event ev;
	int rc;

	/* "gemeente zaanstad" is "Gemeente Zaanstad": never a second one */
	rc = kngg_store_org_find(t->store, code, name, org_name, known);
	if (rc == 0)
		return engine_fail(t, KNGG_EEXISTS, "%s heeft al een organisatie '%s'", code, known);
	if (rc != KNGG_ENOTFOUND)
		return rc;
	rc = kngg_store_org_add(t->store, &org, id);
	if (rc == KNGG_EEXISTS)
		return engine_fail(t, rc, "%s heeft al een organisatie '%s'", code, name);
	if (rc < 0)
		return rc;
	engine_fill_event(t, &ev, KNGG_EV_ORG_ADD, code, date, o);
	ev.org_id = *id;
	ev.value = type;
	return engine_event_add(t, &ev, NULL);
}

int kngg_org_lead(kngg_tracker *t, const char *code, const char *org, int on,
		  const kngg_track_opts *o)
{
	int64_t org_id = 0;
	char date[11];
	kngg_event ev;
	int rc;

	if ((rc = engine_check_name(t, "organisatie", org, 1)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	rc = kngg_store_org_find(t->store, code, org, find_org, &org_id);
	if (rc == KNGG_ENOTFOUND)
		rc = engine_unknown_org(t, code, org);
	if (rc < 0)
		goto done;
	engine_fill_event(t, &ev, KNGG_EV_ORG_LEAD, code, date, o);
	ev.org_id = org_id;
	ev.value = on ? "ja" : "nee";
	rc = engine_event_add(t, &ev, NULL);
done:
	return engine_finish(t, rc);
}

int kngg_org_add(kngg_tracker *t, const char *code, const char *name, const char *type,
		 const kngg_track_opts *o, int64_t *id)
{
	int64_t tmp;
	char date[11];
	int rc;

	if ((rc = engine_check_name(t, "naam van de organisatie", name, 1)) < 0 ||
	    (rc = engine_list_item(t, "organisatietypen", "organisatietype", &type)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0)
		rc = org_add(t, code, name, type, date, o, id ? id : &tmp);
	return engine_finish(t, rc);
}

static int check_contact(kngg_tracker *t, const kngg_stakeholder_in *in)
{
	int rc;

	if ((rc = engine_check_name(t, "--function", in->function, 0)) < 0 ||
	    (rc = engine_check_name(t, "--email", in->email, 0)) < 0 ||
	    (rc = engine_check_name(t, "--phone", in->phone, 0)) < 0)
		return rc;
	if (in->email && (!strchr(in->email, '@') || strchr(in->email, ' ')))
		return engine_fail(t, KNGG_EINVALID, "'%s' is geen e-mailadres", in->email);
	for (const char *p = in->phone; p && *p; p++)
		if (!strchr("0123456789 +-()", *p))
			return engine_fail(t, KNGG_EINVALID, "'%s' is geen telefoonnummer",
					   in->phone);
	return 0;
}

/* The persons of one name (folded): the one not yet registered (known only
 * from --by or as a signer), and one already at the organisation. */
struct same_name {
	int64_t org_id;
	int64_t unregistered; /* > 0: the one; -1: more than one */
	int64_t same_org;     /* a stakeholder of that name at org_id, or 0 */
};

static int same_name(void *ctx, const kngg_person *p)
{
	struct same_name *sn = ctx;

	if (!p->org_id)
		sn->unregistered = sn->unregistered ? -1 : p->id;
	else if (p->org_id == sn->org_id && !sn->same_org)
		sn->same_org = p->id;
	return 0;
}

int kngg_stakeholder_add(kngg_tracker *t, const char *code, const kngg_stakeholder_in *given,
			 const kngg_track_opts *o, int64_t *id)
{
	kngg_stakeholder_in canon = *given, *in = &canon; /* listed values as the lists spell them */
	kngg_person p = {0};
	int64_t org_id = 0, pid;
	json_t *data;
	kngg_event ev;
	char date[11], *text = NULL;
	int rc;

	if ((rc = engine_check_name(t, "--name", in->name, 1)) < 0 ||
	    (rc = engine_check_name(t, "--org", in->org, 1)) < 0 ||
	    (rc = check_contact(t, in)) < 0 ||
	    (in->level && (rc = engine_list_item(t, "niveaus", "niveau", &in->level)) < 0) ||
	    (in->org_type &&
	     (rc = engine_list_item(t, "organisatietypen", "organisatietype", &in->org_type)) < 0) ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if (strspn(in->name, "0123456789") == strlen(in->name))
		return engine_fail(t, KNGG_EINVALID, "een naam kan niet alleen uit cijfers bestaan");
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	rc = kngg_store_org_find(t->store, code, in->org, find_org, &org_id);
	if (rc == KNGG_ENOTFOUND && in->org_type)
		rc = org_add(t, code, in->org, in->org_type, date, o, &org_id);
	else if (rc == KNGG_ENOTFOUND)
		rc = engine_unknown_org(t, code, in->org);
	if (rc < 0)
		goto done;
	p.municipality = code;
	p.name = in->name;
	p.function = in->function;
	p.email = in->email;
	p.phone = in->phone;
	p.org_id = org_id;
	p.level = in->level;
	p.created_at = date;
	/* the same name (case and accents aside) at the same organisation is the
	 * same person: refused; someone known only from --by becomes this one */
	{
		struct same_name sn = {org_id, 0, 0};

		if ((rc = kngg_store_person_find(t->store, code, in->name, same_name, &sn)) < 0)
			goto done;
		if (sn.same_org) {
			rc = engine_fail(t, KNGG_EEXISTS,
					 "%s heeft al een stakeholder '%s' bij %s (nummer %lld; zie "
					 "'kngg stakeholder show %s %lld')",
					 code, in->name, in->org, (long long)sn.same_org, code,
					 (long long)sn.same_org);
			goto done;
		}
		p.id = sn.unregistered > 0 ? sn.unregistered : 0;
	}
	if (p.id > 0) {
		pid = p.id;
		rc = kngg_store_person_register(t->store, &p);
	} else {
		rc = kngg_store_person_add(t->store, &p, &pid);
	}
	if (rc < 0)
		goto done;
	/* only the non-personal facts enter the journal */
	data = json_object();
	json_object_set_new(data, "level", in->level ? json_string(in->level) : json_null());
	if (!(text = dump(data))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_STAKEHOLDER_ADD, code, date, o);
	ev.person_id = pid;
	ev.org_id = org_id;
	ev.data = text;
	rc = engine_event_add(t, &ev, NULL);
	if (rc == 0 && id)
		*id = pid;
done:
	free(text);
	return engine_finish(t, rc);
}

/* ---- the register --------------------------------------------------------------- */

typedef struct {
	kngg_stakeholder s;
	size_t hcap, rcap;
} person_slot;

typedef struct {
	kngg_tracker *t;
	kngg_register *r;
	kngg_arena *a;
	person_slot *slots;
	size_t n, cap;
	kngg_org *orgs;
	size_t norgs, ocap;
	const char *as_of;
	int failed;
} reg_builder;

static const char *adup(reg_builder *b, const char *s)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = kngg_arena_strdup(b->a, s)))
		b->failed = 1;
	return d;
}

/* Grows an arena array of elem-sized items to hold one more. */
static void *grow(reg_builder *b, void *arr, size_t n, size_t *cap, size_t elem)
{
	void *p;

	if (n < *cap)
		return arr;
	*cap = *cap ? 2 * *cap : 4;
	if (!(p = kngg_arena_alloc(b->a, *cap * elem))) {
		b->failed = 1;
		return NULL;
	}
	if (n)
		memcpy(p, arr, n * elem);
	return p;
}

static int add_org(void *ctx, const kngg_org *o)
{
	reg_builder *b = ctx;
	kngg_org *arr;

	if (b->as_of && strcmp(o->created_at, b->as_of) > 0)
		return 0;
	if (!(arr = grow(b, b->orgs, b->norgs, &b->ocap, sizeof(*arr))))
		return KNGG_ENOMEM;
	b->orgs = arr;
	arr[b->norgs++] = (kngg_org){o->id, adup(b, o->municipality), adup(b, o->name),
				     adup(b, o->type), adup(b, o->created_at), 0};
	return 0;
}

static int add_person(void *ctx, const kngg_person *p)
{
	reg_builder *b = ctx;
	person_slot *arr;
	kngg_person *d;

	if (b->as_of && strcmp(p->created_at, b->as_of) > 0)
		return 0;
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		if (!(arr = realloc(b->slots, b->cap * sizeof(*arr))))
			return KNGG_ENOMEM;
		b->slots = arr;
	}
	memset(&b->slots[b->n], 0, sizeof(b->slots[b->n]));
	d = &b->slots[b->n++].s.person;
	d->id = p->id;
	d->municipality = adup(b, p->municipality);
	d->name = adup(b, p->name);
	d->function = adup(b, p->function);
	d->email = adup(b, p->email);
	d->phone = adup(b, p->phone);
	d->org_id = p->org_id;
	d->org = adup(b, p->org);
	d->org_type = adup(b, p->org_type);
	d->level = adup(b, p->level);
	d->created_at = adup(b, p->created_at);
	d->erased_at = adup(b, p->erased_at);
	return 0;
}

static person_slot *slot_of(reg_builder *b, int64_t id)
{
	size_t lo = 0, hi = b->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (b->slots[mid].s.person.id < id)
			lo = mid + 1;
		else if (b->slots[mid].s.person.id > id)
			hi = mid;
		else
			return &b->slots[mid];
	}
	return NULL;
}

static const char *jget(reg_builder *b, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? adup(b, json_string_value(v)) : NULL;
}

static void apply_assess(reg_builder *b, person_slot *ps, const kngg_event *ev)
{
	kngg_assessment_rec *arr, *rec;
	json_t *o = json_loads(ev->data ? ev->data : "{}", 0, NULL);

	arr = grow(b, (void *)ps->s.history, ps->s.nhistory, &ps->hcap, sizeof(*arr));
	if (!arr || !o) {
		json_decref(o);
		b->failed = 1;
		return;
	}
	rec = &arr[ps->s.nhistory++];
	rec->event_id = ev->id;
	rec->date = adup(b, ev->date);
	rec->round = adup(b, ev->target);
	rec->area = adup(b, ev->area);
	rec->interest = jget(b, o, "interest");
	rec->influence = jget(b, o, "influence");
	rec->urgency = jget(b, o, "urgency");
	rec->stance = jget(b, o, "stance");
	rec->commitment = jget(b, o, "commitment");
	if (json_is_false(json_object_get(o, "commitment_given")) && ps->s.latest &&
	    ps->s.latest->commitment_date)
		rec->commitment_date = ps->s.latest->commitment_date;
	else
		rec->commitment_date = rec->date;
	rec->note = adup(b, ev->note);
	rec->by = adup(b, ev->by);
	json_decref(o);
	ps->s.history = arr;
	ps->s.latest = rec;
}

static void apply_role(reg_builder *b, person_slot *ps, const kngg_event *ev)
{
	kngg_role_rec *arr = (kngg_role_rec *)ps->s.roles;
	json_t *o;

	if (strcmp(ev->kind, KNGG_EV_ROLE_END) == 0) {
		for (size_t i = ps->s.nroles; i-- > 0;)
			if (!arr[i].until && strcmp(arr[i].role, ev->target) == 0) {
				arr[i].until = adup(b, ev->date);
				break;
			}
		return;
	}
	if (!(arr = grow(b, arr, ps->s.nroles, &ps->rcap, sizeof(*arr))))
		return;
	o = json_loads(ev->data ? ev->data : "{}", 0, NULL);
	arr[ps->s.nroles] = (kngg_role_rec){ev->id,
					    adup(b, ev->target),
					    json_is_true(json_object_get(o, "deputy")),
					    adup(b, ev->date),
					    NULL,
					    (int)json_integer_value(json_object_get(o, "hours")),
					    jget(b, o, "contribution")};
	json_decref(o);
	ps->s.nroles++;
	ps->s.roles = arr;
}

static void apply_lead(reg_builder *b, const kngg_event *ev)
{
	for (size_t i = 0; i < b->norgs; i++)
		if (b->orgs[i].id == ev->org_id) {
			b->orgs[i].lead = ev->value && strcmp(ev->value, "ja") == 0;
			b->r->lead_named = 1;
		}
}

static int on_register_event(void *ctx, const kngg_event *ev)
{
	reg_builder *b = ctx;
	person_slot *ps;

	if (strcmp(ev->kind, KNGG_EV_ORG_LEAD) == 0 && !engine_withdrawn(ev, b->as_of)) {
		apply_lead(b, ev);
		return 0;
	}
	if (!ev->person_id || engine_withdrawn(ev, b->as_of) || !(ps = slot_of(b, ev->person_id)))
		return 0;
	if (strcmp(ev->kind, KNGG_EV_STAKEHOLDER_ASSESS) == 0)
		apply_assess(b, ps, ev);
	else if (strcmp(ev->kind, KNGG_EV_ROLE_ASSIGN) == 0 || strcmp(ev->kind, KNGG_EV_ROLE_END) == 0)
		apply_role(b, ps, ev);
	return b->failed ? KNGG_ENOMEM : 0;
}

int kngg_register_load(kngg_tracker *t, const char *code, const char *as_of,
		       kngg_register **out)
{
	reg_builder b = {0};
	kngg_event_filter f = {0};
	kngg_stakeholder *people;
	int rc;

	*out = NULL;
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	/* a municipality with an open journal was checked when it was opened */
	if (!engine_journal_has(t, code) && (rc = engine_need_municipality(t, code)) < 0)
		return rc;
	b.t = t;
	b.as_of = as_of;
	if (!(b.r = calloc(1, sizeof(*b.r))) || !(b.a = kngg_arena_new())) {
		free(b.r);
		return KNGG_ENOMEM;
	}
	b.r->arena = b.a;
	b.r->code = adup(&b, code);
	b.r->as_of = adup(&b, as_of);
	f.municipality = code;
	f.until = as_of;
	if ((rc = engine_journal_orgs(t, code, add_org, &b)) < 0 ||
	    (rc = engine_journal_persons(t, code, add_person, &b)) < 0 ||
	    (rc = engine_events(t, &f, on_register_event, &b)) < 0)
		goto fail;
	if (b.failed || !(people = kngg_arena_alloc(b.a, (b.n + 1) * sizeof(*people)))) {
		rc = KNGG_ENOMEM;
		goto fail;
	}
	for (size_t i = 0; i < b.n; i++)
		people[i] = b.slots[i].s;
	free(b.slots);
	b.r->people = people;
	b.r->npeople = b.n;
	b.r->orgs = b.orgs;
	b.r->norgs = b.norgs;
	*out = b.r;
	return 0;
fail:
	free(b.slots);
	kngg_register_free(b.r);
	return rc;
}

void kngg_register_free(kngg_register *r)
{
	if (!r)
		return;
	kngg_arena_free(r->arena);
	free(r);
}

int kngg_org_is_lead(const kngg_register *reg, int64_t org_id)
{
	for (size_t i = 0; reg && i < reg->norgs; i++) {
		const kngg_org *o = &reg->orgs[i];

		if (o->id != org_id)
			continue;
		if (reg->lead_named)
			return o->lead;
		return strcmp(o->type, "jgz") == 0 || strcmp(o->type, "wijkteam") == 0;
	}
	return 0;
}

const kngg_stakeholder *kngg_register_person(const kngg_register *r, int64_t id)
{
	for (size_t i = 0; r && i < r->npeople; i++)
		if (r->people[i].person.id == id)
			return &r->people[i];
	return NULL;
}

int kngg_stakeholder_has_role(const kngg_stakeholder *s, const char *role, const char *date)
{
	for (size_t i = 0; i < s->nroles; i++) {
		const kngg_role_rec *r = &s->roles[i];

		if (strcmp(r->role, role) == 0 && strcmp(r->from, date) <= 0 &&
		    (!r->until || strcmp(r->until, date) > 0))
			return 1;
	}
	return 0;
}

static int count_person(void *ctx, const kngg_person *p)
{
	int64_t *id = ctx;

	*id = *id ? -1 : p->id;
	return 0;
}

int kngg_person_lookup(kngg_tracker *t, const char *code, const char *name, int64_t *id)
{
	int64_t found = 0;
	int rc;

	*id = 0;
	if (!code || !name || !*name)
		return KNGG_ENOTFOUND;
	if (strspn(name, "0123456789") == strlen(name)) {
		kngg_diag_fn diag = t->diag;
		void *ctx = t->diag_ctx;

		t->diag = NULL; /* quiet */
		rc = engine_person(t, code, name, 0, 0, NULL, id);
		t->diag = diag;
		t->diag_ctx = ctx;
		return rc < 0 ? KNGG_ENOTFOUND : 0;
	}
	if ((rc = kngg_store_person_find(t->store, code, name, count_person, &found)) < 0)
		return rc;
	if (found < 0)
		return KNGG_EINVALID;
	if (!found)
		return KNGG_ENOTFOUND;
	*id = found;
	return 0;
}

/* ---- analyses ------------------------------------------------------------------- */

/* The person must belong to the municipality and not be erased. */
static int need_person(kngg_tracker *t, const char *code, int64_t person)
{
	char num[24];
	int64_t id;

	if (person <= 0)
		return engine_fail(t, KNGG_EINVALID, "ongeldig persoonsnummer %lld", (long long)person);
	snprintf(num, sizeof(num), "%lld", (long long)person);
	return engine_person(t, code, num, 0, 0, NULL, &id);
}

/* A round must be a step that asks for a stakeholder analysis. */
static const kngg_step *need_round(kngg_tracker *t, const char *round)
{
	const kngg_step *st = kngg_def_step(kngg_defs_find(t->defs, round));
	kngg_buf b = {0};

	for (size_t i = 0; st && i < st->ntools; i++)
		if (st->tools[i].document && strcmp(st->tools[i].document, "stakeholdersanalyse") == 0)
			return st;
	for (size_t p = 0; p < kngg_defs_phase_count(t->defs); p++) {
		const kngg_phase *ph = kngg_defs_phase(t->defs, p);

		for (size_t s = 0; s < ph->nsteps; s++)
			for (size_t i = 0; i < ph->steps[s].ntools; i++)
				if (ph->steps[s].tools[i].document &&
				    strcmp(ph->steps[s].tools[i].document, "stakeholdersanalyse") == 0) {
					kngg_buf_printf(&b, "%s%s", b.len ? ", " : "", ph->steps[s].def.id);
					break;
				}
	}
	engine_fail(t, KNGG_EINVALID, "'%s' is geen stap met een stakeholdersanalyse (wel: %s)",
		    round, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	return NULL;
}

int kngg_stakeholder_assess(kngg_tracker *t, const char *code, int64_t person,
			    const kngg_assessment *a, const kngg_track_opts *o)
{
	static const char *const keys[] = {"interest", "influence", "urgency", "stance", "commitment"};
	static const char *const lists[] = {"mate", "mate", "mate", "houding", "commitment"};
	static const char *const names[] = {"--interest", "--influence", "--urgency", "--stance",
					    "--commitment"};
	const char *given[5] = {a->interest, a->influence, a->urgency, a->stance, a->commitment};
	const kngg_step *round = NULL;
	kngg_register *reg = NULL;
	const kngg_stakeholder *s;
	int64_t area_id = 0, cycle_id = 0;
	kngg_event ev;
	json_t *data;
	char date[11], *text = NULL;
	int rc, any = 0;

	for (int i = 0; i < 5; i++) {
		if (!given[i])
			continue;
		any = 1;
		if ((rc = engine_list_item(t, lists[i], names[i], &given[i])) < 0)
			return rc;
	}
	if (!any)
		return engine_fail(t, KNGG_EINVALID,
				   "geef minstens een van --interest, --influence, --urgency, --stance, --commitment");
	if (a->round && !(round = need_round(t, a->round)))
		return KNGG_EINVALID;
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if (!round && o && o->area)
		return engine_fail(t, KNGG_EINVALID, "--area hoort bij een ronde van fase 2 (--round 2.5)");
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0 || (rc = need_person(t, code, person)) < 0)
		goto done;
	if (round && (rc = engine_scope(t, code, round, o ? o->area : NULL, &area_id, &cycle_id)) < 0)
		goto done;
	/* what is not given carries over from the last analysis */
	if ((rc = kngg_register_load(t, code, NULL, &reg)) < 0)
		goto done;
	s = kngg_register_person(reg, person);
	data = json_object();
	for (int i = 0; i < 5; i++) {
		const char *v = given[i];

		if (!v && s && s->latest) {
			const char *prev[5] = {s->latest->interest, s->latest->influence,
					       s->latest->urgency, s->latest->stance,
					       s->latest->commitment};
			v = prev[i];
		}
		/* never said: stays unknown (null), not a guessed middle */
		json_object_set_new(data, keys[i], v ? json_string(v) : json_null());
	}
	/* whether the commitment was said now or carried over: a commitment
	 * ages from the day it was last given, not from the last analysis */
	json_object_set_new(data, "commitment_given", json_boolean(a->commitment != NULL));
	if (!(text = dump(data))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_STAKEHOLDER_ASSESS, code, date, o);
	ev.person_id = person;
	ev.target = a->round;
	ev.area_id = area_id;
	ev.cycle_id = cycle_id;
	ev.data = text;
	rc = engine_event_add(t, &ev, NULL);
done:
	kngg_register_free(reg);
	free(text);
	return engine_finish(t, rc);
}

/* ---- roles ------------------------------------------------------------------------ */

#define HOURS_MESSAGE "uren per week moet een geheel getal van " KNGG_LIMIT_STR(KNGG_HOURS_MIN) \
		      " tot en met " KNGG_LIMIT_STR(KNGG_HOURS_MAX) " zijn"

int kngg_role_hours_parse(kngg_tracker *t, const char *text, int *hours)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = text ? strtol(text, &end, 10) : 0;
	if (!text || !*text || *end || errno || v < KNGG_HOURS_MIN || v > KNGG_HOURS_MAX)
		return engine_fail(t, KNGG_EINVALID, HOURS_MESSAGE ", niet '%s'", text ? text : "");
	*hours = (int)v;
	return 0;
}

/* The event data of an assignment: {"deputy":true,"hours":8,"contribution":"..."},
 * only what was said; NULL when nothing was. */
static int role_data(kngg_tracker *t, const kngg_role_terms *terms, char **data)
{
	json_t *o;

	*data = NULL;
	if (!terms)
		return 0;
	if (terms->hours && (terms->hours < KNGG_HOURS_MIN || terms->hours > KNGG_HOURS_MAX))
		return engine_fail(t, KNGG_EINVALID, HOURS_MESSAGE ", niet %d", terms->hours);
	if (terms->contribution && engine_check_text(t, "inbreng", terms->contribution, 1) < 0)
		return KNGG_EINVALID;
	if (!terms->deputy && !terms->hours && !terms->contribution)
		return 0;
	if (!(o = json_object()))
		return KNGG_ENOMEM;
	if (terms->deputy)
		json_object_set_new(o, "deputy", json_true());
	if (terms->hours)
		json_object_set_new(o, "hours", json_integer(terms->hours));
	if (terms->contribution)
		json_object_set_new(o, "contribution", json_string(terms->contribution));
	*data = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return *data ? 0 : KNGG_ENOMEM;
}

static int role_write(kngg_tracker *t, const char *code, int64_t person, const char *role,
		      const kngg_role_terms *terms, int end, const kngg_track_opts *o)
{
	kngg_register *reg = NULL;
	const kngg_stakeholder *s;
	kngg_event ev;
	char date[11], *data = NULL;
	int rc, held = 0;

	if ((rc = engine_list_item(t, "rollen", "rol", &role)) < 0 ||
	    (!end && (rc = role_data(t, terms, &data)) < 0) ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0 || (rc = need_person(t, code, person)) < 0 ||
	    (rc = kngg_register_load(t, code, NULL, &reg)) < 0)
		goto done;
	s = kngg_register_person(reg, person);
	for (size_t i = 0; s && i < s->nroles; i++)
		if (strcmp(s->roles[i].role, role) == 0 && !s->roles[i].until) {
			held = 1;
			if (end && strcmp(date, s->roles[i].from) < 0) {
				rc = engine_fail(t, KNGG_EINVALID,
						 "de rol %s begon op %s; het einde kan niet eerder liggen",
						 role, s->roles[i].from);
				goto done;
			}
		}
	if (end && !held) {
		rc = engine_fail(t, KNGG_EINVALID, "persoon %lld heeft de rol %s niet (meer)",
				 (long long)person, role);
		goto done;
	}
	if (!end && held) {
		rc = engine_fail(t, KNGG_EEXISTS, "persoon %lld heeft de rol %s al",
				 (long long)person, role);
		goto done;
	}
	engine_fill_event(t, &ev, end ? KNGG_EV_ROLE_END : KNGG_EV_ROLE_ASSIGN, code, date, o);
	ev.person_id = person;
	ev.target = role;
	ev.data = data;
	rc = engine_event_add(t, &ev, NULL);
done:
	kngg_register_free(reg);
	free(data);
	return engine_finish(t, rc);
}

int kngg_role_assign(kngg_tracker *t, const char *code, int64_t person, const char *role,
		     const kngg_role_terms *terms, const kngg_track_opts *o)
{
	return role_write(t, code, person, role, terms, 0, o);
}

int kngg_role_end(kngg_tracker *t, const char *code, int64_t person, const char *role,
		  const kngg_track_opts *o)
{
	return role_write(t, code, person, role, NULL, 1, o);
}

/* ---- continuity risks ----------------------------------------------------------- */

void engine_risk_emit(engine_risks_out *out, kngg_risk *r, const char *fmt, ...)
{
	kngg_buf b = {0};
	va_list ap;

	if (out->rc || !(out->mask & ENGINE_RISK(r->kind)))
		return;
	va_start(ap, fmt);
	kngg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (b.failed) {
		kngg_buf_free(&b);
		out->rc = KNGG_ENOMEM;
		return;
	}
	r->text = kngg_buf_cstr(&b);
	out->count++;
	if (out->fn)
		out->rc = out->fn(out->ctx, r);
	kngg_buf_free(&b);
}

static const char *who(const kngg_stakeholder *s)
{
	return s->person.name ? s->person.name : "(gewist)";
}

static void sole_holders(engine_risks_out *out, const kngg_register *reg, const char *today)
{
	const kngg_list *roles = kngg_defs_list(out->t->defs, "rollen");

	for (size_t r = 0; roles && r < roles->nitems; r++) {
		const char *role = roles->items[r].id;
		const kngg_stakeholder *holder = NULL;
		int holders = 0, deputies = 0;

		for (size_t i = 0; i < reg->npeople; i++) {
			const kngg_stakeholder *s = &reg->people[i];

			for (size_t k = 0; k < s->nroles; k++) {
				const kngg_role_rec *rr = &s->roles[k];

				if (strcmp(rr->role, role) != 0 || strcmp(rr->from, today) > 0 ||
				    (rr->until && strcmp(rr->until, today) <= 0))
					continue;
				if (rr->deputy) {
					deputies++;
				} else {
					holders++;
					holder = s;
				}
			}
		}
		if (holders == 1 && deputies == 0) {
			kngg_risk risk = {KNGG_RISK_SOLE_HOLDER, NULL, holder->person.id, role, NULL, NULL};

			engine_risk_emit(out, &risk,
			     "de rol %s ligt alleen bij %s (%lld) en heeft geen plaatsvervanger: wijs er een aan met 'kngg role assign %s ID %s --deputy'",
			     roles->items[r].title, who(holder), (long long)holder->person.id, reg->code,
			     role);
		}
	}
}

/* The date twelve months before date (string arithmetic is enough to compare). */
static void year_before(const char *date, char out[11])
{
	int y = atoi(date) - 1;

	memcpy(out, date, 11);
	for (int i = 3; i >= 0; i--, y /= 10)
		out[i] = (char)('0' + y % 10);
}

static void commitments(engine_risks_out *out, const kngg_register *reg, const char *today)
{
	char limit[11];

	year_before(today, limit);
	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];
		const kngg_assessment_rec *a = s->latest;
		const char *ended = NULL, *ended_role = NULL;
		int active = 0;

		if (!a || !kngg_commitment_counts(out->t->defs, a->commitment))
			continue;
		if (strcmp(a->commitment_date, limit) < 0) {
			kngg_risk risk = {KNGG_RISK_STALE_COMMITMENT, NULL, s->person.id, NULL, NULL, NULL};

			char since[32];

			kngg_date_nl(a->commitment_date, since);
			engine_risk_emit(out, &risk,
			     "het commitment van %s (%lld, %s) dateert van %s, meer dan twaalf maanden geleden: opnieuw bevestigen",
			     who(s), (long long)s->person.id, s->person.org ? s->person.org : "geen organisatie",
			     since);
		}
		for (size_t k = 0; k < s->nroles; k++) {
			const kngg_role_rec *rr = &s->roles[k];

			if (!rr->until || strcmp(rr->until, today) > 0)
				active = 1;
			else if (strcmp(rr->from, a->commitment_date) <= 0 &&
				 strcmp(rr->until, a->commitment_date) > 0)
				ended = rr->until, ended_role = rr->role;
		}
		if (s->person.erased_at || (ended && !active)) {
			kngg_risk risk = {KNGG_RISK_COMMITTER_LEFT, NULL, s->person.id, ended_role, NULL, NULL};

			if (s->person.erased_at)
				engine_risk_emit(out, &risk,
				     "het commitment van persoon %lld (%s) is gegeven door iemand die niet meer in het register staat: opnieuw bevestigen bij de organisatie",
				     (long long)s->person.id, s->person.org ? s->person.org : "geen organisatie");
			else {
				char given[32], until[32];

				kngg_date_nl(a->commitment_date, given);
				kngg_date_nl(ended, until);
				engine_risk_emit(out, &risk,
				     "%s (%lld) gaf commitment op %s als %s, maar heeft die rol sinds %s niet meer: opnieuw bevestigen bij de opvolger",
				     who(s), (long long)s->person.id, given,
				     kngg_defs_label(out->t->defs, "rollen", ended_role), until);
			}
		}
	}
}

static int type_committed(const kngg_tracker *t, const kngg_register *reg, const char *type)
{
	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];

		if (!s->person.erased_at && s->person.org_type && strcmp(s->person.org_type, type) == 0 &&
		    s->latest &&
		    kngg_commitment_counts(t->defs, s->latest->commitment))
			return 1;
	}
	return 0;
}

static void running_steps(engine_risks_out *out, const kngg_register *reg, const kngg_status *st)
{
	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &st->phases[p];

		for (size_t s = 0; ps->phase && s < ps->phase->nsteps; s++) {
			const kngg_step *step = &ps->phase->steps[s];
			int running = 0;

			for (size_t r = 0; r < ps->nruns; r++) {
				kngg_step_state state = ps->runs[r].steps[s].state;

				running |= state == KNGG_STATE_STARTED || state == KNGG_STATE_REOPENED;
			}
			if (!running)
				continue;
			for (size_t k = 0; k < step->nparticipants; k++) {
				const char *type = step->participants[k].org;
				kngg_risk risk = {KNGG_RISK_ORG_UNCOMMITTED, NULL, 0, NULL, step->def.id, type};

				if (!type || type_committed(out->t, reg, type))
					continue;
				engine_risk_emit(out, &risk,
				     "stap %s loopt en rekent op %s, maar niemand daarvan heeft commitment toegezegd",
				     step->def.id, kngg_defs_label(out->t->defs, "organisatietypen", type));
			}
		}
	}
}

int engine_risks(kngg_tracker *t, const kngg_register *reg, const kngg_status *st,
		 const char *today, unsigned mask, kngg_risk_fn fn, void *ctx)
{
	engine_risks_out out = {t, fn, ctx, 0, 0, mask};

	/* a family none of whose kinds is asked for is not worked out */
	if (mask & ENGINE_RISK(KNGG_RISK_SOLE_HOLDER))
		sole_holders(&out, reg, today);
	if (mask & (ENGINE_RISK(KNGG_RISK_STALE_COMMITMENT) | ENGINE_RISK(KNGG_RISK_COMMITTER_LEFT)))
		commitments(&out, reg, today);
	if (st && (mask & ENGINE_RISK(KNGG_RISK_ORG_UNCOMMITTED)))
		running_steps(&out, reg, st);
	/* issue 18: planning and continuity */
	if (mask & ENGINE_RISK(KNGG_RISK_AGREEMENT_EXPIRES))
		engine_agreement_risks(&out, reg, today);
	if (mask & ENGINE_RISK(KNGG_RISK_FUNDING_ENDS))
		engine_funding_risks(&out, reg, st, today);
	if (st && (mask & ENGINE_RISK(KNGG_RISK_OVERDUE)))
		engine_plan_risks(&out, st, today);
	if (mask & ENGINE_RISK(KNGG_RISK_NO_HANDOVER))
		engine_handover_risks(&out, reg, today);
	return out.rc ? out.rc : out.count;
}

int kngg_risks(kngg_tracker *t, const char *code, const char *as_of, kngg_risk_fn fn,
	       void *ctx)
{
	kngg_register *reg = NULL;
	kngg_status *st = NULL;
	char today[11];
	int rc;

	engine_day(t, as_of, today);
	if ((rc = kngg_register_load(t, code, as_of, &reg)) < 0 ||
	    (rc = kngg_status_load(t, code, as_of, &st)) < 0)
		goto done;
	rc = engine_risks(t, reg, st, today, ENGINE_RISKS_ALL, fn, ctx);
done:
	kngg_status_free(st);
	kngg_register_free(reg);
	return rc;
}
