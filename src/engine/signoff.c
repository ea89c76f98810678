/*
 * signoff.c: sign-offs (ondertekeningen). Who must sign comes from the
 * definitions; each signature is an event; whether a point is complete is
 * derived: every required role or organisation's latest signature says go
 * or akkoord. A later go never removes an earlier no-go from the history.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/people.h"

static const char *decision_words(const kngg_signoff *so)
{
	return so->decision == KNGG_DECISION_GO_NO_GO ? "go of no-go" : "akkoord";
}

static int decision_fits(const kngg_signoff *so, const char *d)
{
	if (so->decision == KNGG_DECISION_GO_NO_GO)
		return strcmp(d, "go") == 0 || strcmp(d, "no-go") == 0;
	return strcmp(d, "akkoord") == 0;
}

static int is_yes(const char *d)
{
	return d && (strcmp(d, "go") == 0 || strcmp(d, "akkoord") == 0);
}

/* "wethouder, gemeenteraad (optioneel), bestuurder per kerngroeporganisatie" */
static void describe_signers(const kngg_defs *defs, const kngg_signoff *so, kngg_buf *b)
{
	static const char *const per[] = {"", " per kerngroeporganisatie", " per partnerorganisatie",
					  " per nieuwe partner"};

	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];

		kngg_buf_printf(b, "%s%s%s%s%s", i ? ", " : "", p->role ? p->role : "iemand van ",
				p->role ? "" : kngg_defs_label(defs, "organisatietypen", p->org),
				per[p->per], p->optional ? " (optioneel)" : "");
	}
}

struct org_found {
	int64_t id;
	char type[64];
};

static int org_found(void *ctx, const kngg_org *o)
{
	struct org_found *f = ctx;

	f->id = o->id;
	snprintf(f->type, sizeof(f->type), "%s", o->type);
	return 0;
}

/* Whether a signer in role (or with mandate as) from an organisation of
 * type counts for a party of this point. */
static int fits_party(const kngg_party *p, const char *effective, const char *org_type)
{
	if (p->role)
		return strcmp(p->role, effective) == 0;
	return p->org && strcmp(p->org, org_type) == 0;
}

static int party_orgs(const kngg_tracker *t, const kngg_register *reg, const kngg_party *p,
		      const char *round, const char *area, const char *today, int64_t *out,
		      size_t max);

/* The signer signs for their own organisation, and a per-organisation
 * point only for an organisation that belongs to its set (kerngroep,
 * committed partners, new partners of the area). */
static int check_signer(kngg_tracker *t, const char *code, const kngg_signoff *so,
			int64_t person, const struct org_found *org, const char *effective,
			const char *area, const char *date)
{
	kngg_register *reg = NULL;
	const kngg_stakeholder *s;
	int rc, plain = 0, in_set = 0, per = 0;

	if ((rc = kngg_register_load(t, code, NULL, &reg)) < 0)
		return rc;
	s = kngg_register_person(reg, person);
	if (s && s->person.org_id && s->person.org_id != org->id) {
		rc = engine_fail(t, KNGG_EINVALID, "%s staat geregistreerd bij %s, niet bij de opgegeven organisatie",
				 s->person.name ? s->person.name : "deze persoon",
				 s->person.org ? s->person.org : "een andere organisatie");
		goto done;
	}
	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];
		int64_t ids[64];
		int n;

		if (!fits_party(p, effective, org->type))
			continue;
		if (p->per == KNGG_PER_NONE) {
			plain = 1;
			continue;
		}
		per = p->per;
		n = party_orgs(t, reg, p, kngg_def_step(so->def.parent)->def.id, area, date, ids, 64);
		for (int k = 0; k < n; k++)
			in_set |= ids[k] == org->id;
	}
	if (!plain && !in_set) {
		static const char *const sets[] = {"", "de kerngroep", "de partners met commitment",
						   "de nieuwe partners van dit gebied"};

		rc = engine_fail(t, KNGG_EINVALID,
				 "%s tekent per organisatie van %s, en deze organisatie hoort daar (nog) niet bij",
				 so->def.id, sets[per]);
	}
done:
	kngg_register_free(reg);
	return rc;
}

int kngg_signoff_record(kngg_tracker *t, const char *code, const char *signoff_id,
			const kngg_signoff_in *in, const kngg_track_opts *o, int64_t *event_id)
{
	const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(t->defs, signoff_id));
	const char *effective;
	struct org_found org = {0, ""};
	int64_t person = 0, area_id = 0, cycle_id = 0;
	char date[11], *text = NULL;
	json_t *data, *args;
	kngg_event ev;
	int rc, fits = 0;

	if (!so)
		return engine_fail(t, KNGG_ENOTFOUND,
				   "onbekende ondertekening '%s' (zie 'kngg show STAP' voor de ids, bijvoorbeeld 1.5/s1)",
				   signoff_id ? signoff_id : "");
	if (!in->decision || !decision_fits(so, in->decision))
		return engine_fail(t, KNGG_EINVALID, "%s vraagt als besluit %s, niet '%s'", so->def.id,
				   decision_words(so), in->decision ? in->decision : "");
	if (strcmp(in->decision, "no-go") == 0 && in->narguments == 0)
		return engine_fail(t, KNGG_EINVALID,
				   "een no-go vraagt minstens een --argument: de argumenten horen bij het besluit");
	for (size_t i = 0; i < in->narguments; i++)
		if ((rc = engine_check_text(t, "--argument", in->arguments[i], 1)) < 0)
			return rc;
	if (!in->signer)
		return engine_fail(t, KNGG_EINVALID, "--signer ontbreekt");
	if (!in->document)
		return engine_fail(t, KNGG_EINVALID,
				   "--document ontbreekt: noem het besluit of stuk (titel, nummer of link)");
	if ((rc = engine_check_name(t, "--org", in->org, 1)) < 0 ||
	    (rc = engine_check_text(t, "--document", in->document, 1)) < 0 ||
	    (rc = engine_list_item(t, "rollen", "--role", in->role)) < 0 ||
	    (in->as && (rc = engine_list_item(t, "rollen", "--as", in->as)) < 0) ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	effective = in->as ? in->as : in->role;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	rc = kngg_store_org_find(t->store, code, in->org, org_found, &org);
	if (rc == KNGG_ENOTFOUND)
		rc = engine_fail(t, rc,
				 "%s heeft geen organisatie '%s'; voeg die toe met 'kngg org add %s \"%s\" --type TYPE'",
				 code, in->org, code, in->org);
	if (rc < 0)
		goto done;
	for (size_t i = 0; i < so->nsigners; i++)
		fits |= fits_party(&so->signers[i], effective, org.type);
	if (!fits) {
		kngg_buf b = {0};

		describe_signers(t->defs, so, &b);
		if (in->as)
			rc = engine_fail(t, KNGG_EINVALID, "%s tekent niet voor %s (gevraagd: %s)",
					 in->as, so->def.id, kngg_buf_cstr(&b));
		else
			rc = engine_fail(t, KNGG_EINVALID,
					 "een %s tekent niet voor %s (gevraagd: %s); tekent deze persoon met mandaat, geef dan --as ROL",
					 in->role, so->def.id, kngg_buf_cstr(&b));
		kngg_buf_free(&b);
		goto done;
	}
	if ((rc = engine_scope(t, code, kngg_def_step(so->def.parent), o ? o->area : NULL, &area_id,
			       &cycle_id)) < 0 ||
	    (rc = engine_person(t, code, in->signer, 1, org.id, date, &person)) < 0 ||
	    (rc = check_signer(t, code, so, person, &org, effective, o ? o->area : NULL, date)) < 0)
		goto done;
	data = json_object();
	args = json_array();
	for (size_t i = 0; i < in->narguments; i++)
		json_array_append_new(args, json_string(in->arguments[i]));
	json_object_set_new(data, "role", json_string(in->role));
	json_object_set_new(data, "as", in->as ? json_string(in->as) : json_null());
	json_object_set_new(data, "document", json_string(in->document));
	json_object_set_new(data, "arguments", args);
	text = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(data);
	if (!text) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_SIGNOFF, code, date, o);
	ev.target = so->def.id;
	ev.person_id = person;
	ev.org_id = org.id;
	ev.value = in->decision;
	ev.data = text;
	ev.area_id = area_id;
	ev.cycle_id = cycle_id;
	rc = engine_event_add(t, &ev, event_id);
done:
	free(text);
	return engine_finish(t, rc);
}

/* ---- reading signatures ---------------------------------------------------------- */

static const char *sdup(kngg_arena *a, const char *s)
{
	return s ? kngg_arena_strdup(a, s) : NULL;
}

static const char *org_type_in(const kngg_register *reg, int64_t org_id)
{
	for (size_t i = 0; reg && i < reg->norgs; i++)
		if (reg->orgs[i].id == org_id)
			return reg->orgs[i].type;
	return NULL;
}

/* Fills s from a signoff event; strings in arena a. */
static int to_signature(kngg_arena *a, const kngg_register *reg, const kngg_event *ev,
			const char *as_of, kngg_signature *s)
{
	json_t *o = json_loads(ev->data ? ev->data : "{}", 0, NULL), *args;
	const char **list;
	size_t n;

	if (!o)
		return KNGG_ERROR;
	memset(s, 0, sizeof(*s));
	s->event_id = ev->id;
	s->signoff = sdup(a, ev->target);
	s->date = sdup(a, ev->date);
	s->decision = sdup(a, ev->value);
	s->person_id = ev->person_id;
	s->signer = sdup(a, ev->person);
	s->role = sdup(a, json_string_value(json_object_get(o, "role")));
	s->as = sdup(a, json_string_value(json_object_get(o, "as")));
	s->org = sdup(a, ev->org);
	s->org_type = sdup(a, org_type_in(reg, ev->org_id));
	s->document = sdup(a, json_string_value(json_object_get(o, "document")));
	args = json_object_get(o, "arguments");
	n = json_is_array(args) ? json_array_size(args) : 0;
	list = kngg_arena_alloc(a, (n + 1) * sizeof(*list));
	for (size_t i = 0; list && i < n; i++)
		list[i] = sdup(a, json_string_value(json_array_get(args, i)));
	s->arguments = list;
	s->narguments = list ? n : 0;
	s->note = sdup(a, ev->note);
	s->by = sdup(a, ev->by);
	s->area = sdup(a, ev->area);
	s->cycle_phase = ev->cycle_phase;
	s->cycle_number = ev->cycle_number;
	s->withdrawn = engine_withdrawn(ev, as_of);
	json_decref(o);
	return list ? 0 : KNGG_ENOMEM;
}

struct sig_walk {
	kngg_arena *arena;
	const kngg_register *reg;
	kngg_signature_fn fn;
	void *ctx;
};

static int each_signature(void *ctx, const kngg_event *ev)
{
	struct sig_walk *w = ctx;
	kngg_signature s;
	int rc = to_signature(w->arena, w->reg, ev, NULL, &s);

	return rc < 0 ? rc : w->fn(w->ctx, &s);
}

int kngg_signatures(kngg_tracker *t, const char *code, kngg_signature_fn fn, void *ctx)
{
	kngg_register *reg = NULL;
	kngg_event_filter f = {0};
	struct sig_walk w = {NULL, NULL, fn, ctx};
	int rc;

	if ((rc = kngg_register_load(t, code, NULL, &reg)) < 0)
		return rc;
	if (!(w.arena = kngg_arena_new())) {
		kngg_register_free(reg);
		return KNGG_ENOMEM;
	}
	w.reg = reg;
	f.municipality = code;
	f.kind = KNGG_EV_SIGNOFF;
	rc = engine_events(t, &f, each_signature, &w);
	kngg_arena_free(w.arena);
	kngg_register_free(reg);
	return rc;
}

/* ---- the state of one point -------------------------------------------------------- */

typedef struct {
	kngg_signoff_status *s;
	const kngg_register *reg;
	int64_t area_id, cycle_id;
	const char *as_of;
	kngg_signature *list;
	size_t n, cap;
	int rc;
} point_walk;

static int collect_point(void *ctx, const kngg_event *ev)
{
	point_walk *w = ctx;

	if (strcmp(ev->kind, KNGG_EV_SIGNOFF) != 0 || ev->area_id != w->area_id ||
	    ev->cycle_id != w->cycle_id)
		return 0;
	if (w->n == w->cap) {
		kngg_signature *p = kngg_arena_alloc(w->s->arena,
						     (w->cap = w->cap ? 2 * w->cap : 8) * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		if (w->n)
			memcpy(p, w->list, w->n * sizeof(*p));
		w->list = p;
	}
	return to_signature(w->s->arena, w->reg, ev, w->as_of, &w->list[w->n++]);
}

/* The organisations a per-organisation party is about, as ids. */
static int party_orgs(const kngg_tracker *t, const kngg_register *reg, const kngg_party *p,
			 const char *round, const char *area, const char *today, int64_t *out,
			 size_t max)
{
	int n = 0;

	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];
		int in = 0;

		if (!s->person.org_id)
			continue;
		if (p->per == KNGG_PER_KERNGROEP) {
			in = kngg_stakeholder_has_role(s, "kerngroep", today);
		} else if (p->per == KNGG_PER_PARTNER) {
			in = s->latest && kngg_commitment_counts(t->defs, s->latest->commitment);
		} else {
			/* a new partner: committed in this area's analysis round */
			for (size_t k = 0; k < s->nhistory; k++) {
				const kngg_assessment_rec *a = &s->history[k];

				in |= a->round && strcmp(a->round, round) == 0 && a->area && area &&
				      strcmp(a->area, area) == 0 &&
				      kngg_commitment_counts(t->defs, a->commitment);
			}
		}
		if (!in)
			continue;
		for (int k = 0; k < n; k++)
			if (out[k] == s->person.org_id)
				in = 0;
		if (in && (size_t)n < max)
			out[n++] = s->person.org_id;
	}
	return n;
}

static const char *org_name_in(const kngg_register *reg, int64_t id)
{
	for (size_t i = 0; i < reg->norgs; i++)
		if (reg->orgs[i].id == id)
			return reg->orgs[i].name;
	return NULL;
}

#define MAX_ORGS 64

static int build_slots(kngg_tracker *t, point_walk *w, const char *today)
{
	kngg_signoff_status *s = w->s;
	const kngg_signoff *so = s->def;
	kngg_signoff_slot *slots = kngg_arena_alloc(s->arena, (so->nsigners * MAX_ORGS + 1) * sizeof(*slots));
	size_t n = 0;

	if (!slots)
		return KNGG_ENOMEM;
	s->complete = 1;
	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];
		int64_t orgs[MAX_ORGS];
		size_t norgs = 1;

		if (p->per != KNGG_PER_NONE) {
			norgs = (size_t)party_orgs(t, w->reg, p, kngg_def_step(so->def.parent)->def.id,
						   s->scope, today, orgs, MAX_ORGS);
			if (norgs == 0) {
				static const char *const sets[] = {"", "kerngroeporganisaties", "partnerorganisaties",
								   "nieuwe partners"};
				kngg_buf b = {0};

				if (p->optional)
					continue;
				kngg_buf_printf(&b, "nog geen %s vastgelegd%s", sets[p->per],
						p->per == KNGG_PER_KERNGROEP ? " (kngg role assign CODE ID kerngroep)"
									     : " (nog niemand heeft commitment toegezegd)");
				s->missing_set = kngg_arena_strdup(s->arena, kngg_buf_cstr(&b));
				kngg_buf_free(&b);
				s->complete = 0;
				continue;
			}
		}
		for (size_t k = 0; k < norgs; k++) {
			kngg_signoff_slot *slot = &slots[n++];

			slot->party = p;
			/* copied: the register may be freed before the status */
			slot->org = NULL;
			if (p->per != KNGG_PER_NONE && org_name_in(w->reg, orgs[k]) &&
			    !(slot->org = kngg_arena_strdup(s->arena, org_name_in(w->reg, orgs[k]))))
				return KNGG_ENOMEM;
			for (size_t j = 0; j < w->n; j++) {
				const kngg_signature *sig = &w->list[j];
				const char *eff = sig->as ? sig->as : sig->role;

				if (sig->withdrawn || !fits_party(p, eff ? eff : "", sig->org_type ? sig->org_type : ""))
					continue;
				if (p->per != KNGG_PER_NONE &&
				    (!sig->org || !slot->org || strcmp(sig->org, slot->org) != 0))
					continue;
				slot->latest = sig; /* the list is in date order: the last wins */
			}
			slot->ok = slot->latest && is_yes(slot->latest->decision);
			if (!slot->ok && !p->optional)
				s->complete = 0;
		}
	}
	s->slots = slots;
	s->nslots = n;
	return 0;
}

int engine_signoff_status(kngg_tracker *t, const char *code, const kngg_signoff *so,
			  const char *area, const char *as_of, const kngg_register *reg,
			  kngg_signoff_status **out)
{
	kngg_event_filter f = {0};
	point_walk w = {0};
	char today[11];
	int rc;

	*out = NULL;
	engine_day(t, as_of, today);
	if ((rc = engine_scope(t, code, kngg_def_step(so->def.parent), area, &w.area_id,
			       &w.cycle_id)) < 0)
		return rc;
	if (!(w.s = calloc(1, sizeof(*w.s))) || !(w.s->arena = kngg_arena_new())) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	w.s->def = so;
	w.reg = reg;
	w.as_of = as_of;
	if (area) {
		w.s->scope = kngg_arena_strdup(w.s->arena, area);
	} else if (w.cycle_id) {
		int64_t cid;
		int number = 0;
		char label[32];

		kngg_store_cycle_current(t->store, code,
					 kngg_def_phase(kngg_def_step(so->def.parent)->def.parent)->number,
					 &cid, &number);
		snprintf(label, sizeof(label), "cyclus %d", number);
		w.s->scope = kngg_arena_strdup(w.s->arena, label);
	}
	f.municipality = code;
	f.target = so->def.id;
	f.until = as_of;
	if ((rc = engine_events(t, &f, collect_point, &w)) < 0 ||
	    (rc = build_slots(t, &w, today)) < 0)
		goto done;
	w.s->history = w.list;
	w.s->nhistory = w.n;
	*out = w.s;
	w.s = NULL;
done:
	kngg_signoff_status_free(w.s);
	return rc;
}

int kngg_signoff_status_load(kngg_tracker *t, const char *code, const char *signoff_id,
			     const char *area, const char *as_of, kngg_signoff_status **out)
{
	const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(t->defs, signoff_id));
	kngg_register *reg = NULL;
	int rc;

	*out = NULL;
	if (!so)
		return engine_fail(t, KNGG_ENOTFOUND, "onbekende ondertekening '%s'",
				   signoff_id ? signoff_id : "");
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	if ((rc = kngg_register_load(t, code, as_of, &reg)) < 0)
		return rc;
	rc = engine_signoff_status(t, code, so, area, as_of, reg, out);
	kngg_register_free(reg);
	return rc;
}

void kngg_signoff_status_free(kngg_signoff_status *s)
{
	if (!s)
		return;
	kngg_arena_free(s->arena);
	free(s);
}
