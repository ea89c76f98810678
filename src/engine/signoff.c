/*
 * signoff.c: sign-offs (ondertekeningen). Who must sign comes from the
 * definitions; each signature is an event; whether a point is complete is
 * derived: every required role or organisation's latest signature says go
 * or akkoord. A later go never removes an earlier no-go from the history.
 *
 * Who must sign per organisation is a set: chosen when the point is
 * prepared (signoff.prepare), else suggested from the register (kerngroep,
 * committed partners, new partners of an area). The set is fixed when the
 * point is complete, or when its step is done: a point that was complete
 * stays complete when the kerngroep is dissolved or a partner commits
 * later; such changes become warnings (re-confirm, suggest an addendum),
 * never a regression of a decision already taken.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/people.h"
#include "kngg/readiness.h"

#define MAX_ORGS 64

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

static const char *const per_words[] = {"", " per kerngroeporganisatie",
					" per betrokken partnerorganisatie", " per nieuwe partner",
					" per gekozen organisatie"};
static const char *const set_words[] = {"", "de kerngroep", "de betrokken partners",
					"de nieuwe partners van dit gebied",
					"de gekozen organisaties"};

/* "wethouder, gemeenteraad (optioneel), bestuurder per gekozen organisatie" */
static void describe_signers(const kngg_defs *defs, const kngg_signoff *so, kngg_buf *b)
{
	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];
		const char *org = !p->org ? ""
				  : strcmp(p->org, KNGG_ORG_LEAD) == 0
					  ? "de hoofduitvoerder"
					  : kngg_defs_label(defs, "organisatietypen", p->org);

		kngg_buf_printf(b, "%s%s%s%s%s", i ? ", " : "", p->role ? p->role : "iemand van ",
				org, per_words[p->per], p->optional ? " (optioneel)" : "");
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

/* Whether a signer in role (or with mandate as) from organisation org_id
 * of type org_type counts for a party of this point. */
static int fits_party(const kngg_register *reg, const kngg_party *p, const char *effective,
		      int64_t org_id, const char *org_type)
{
	if (p->role)
		return strcmp(p->role, effective) == 0;
	if (!p->org || !org_type)
		return 0;
	if (strcmp(p->org, KNGG_ORG_LEAD) == 0)
		return kngg_org_is_lead(reg, org_id);
	return strcmp(p->org, org_type) == 0;
}

/* ---- who is in a set ----------------------------------------------------------- */

typedef struct {
	const char *date;
	const int64_t *orgs;
	size_t n;
	int64_t event_id;
} prepared_set;

static const char *org_type_in(const kngg_register *reg, int64_t org_id)
{
	for (size_t i = 0; reg && i < reg->norgs; i++)
		if (reg->orgs[i].id == org_id)
			return reg->orgs[i].type;
	return NULL;
}

static const char *org_name_in(const kngg_register *reg, int64_t id)
{
	for (size_t i = 0; reg && i < reg->norgs; i++)
		if (reg->orgs[i].id == id)
			return reg->orgs[i].name;
	return NULL;
}

static int ever_held(const kngg_stakeholder *s, const char *role, const char *date)
{
	for (size_t i = 0; i < s->nroles; i++)
		if (strcmp(s->roles[i].role, role) == 0 && strcmp(s->roles[i].from, date) <= 0)
			return 1;
	return 0;
}

static int add_org_id(int64_t *out, int n, size_t max, int64_t id)
{
	for (int k = 0; k < n; k++)
		if (out[k] == id)
			return n;
	if ((size_t)n < max)
		out[n++] = id;
	return n;
}

/* The set a per-organisation party suggests from the register on date. */
static int suggested_orgs(const kngg_tracker *t, const kngg_register *reg, const kngg_party *p,
			  const char *round, const char *area, const char *date, int64_t *out,
			  size_t max)
{
	int n = 0;

	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];
		int committed = s->latest && kngg_commitment_counts(t->defs, s->latest->commitment);
		int in = 0;

		if (!s->person.org_id)
			continue;
		switch (p->per) {
		case KNGG_PER_KERNGROEP:
			in = kngg_stakeholder_has_role(s, "kerngroep", date);
			break;
		case KNGG_PER_CHOSEN:
			/* from the analysis: the kerngroep, and who committed at
			 * board level; the gemeente signs through its wethouder */
			in = ever_held(s, "kerngroep", date) ||
			     (committed && s->person.level && strcmp(s->person.level, "bestuurlijk") == 0);
			in = in && !(s->person.org_type && strcmp(s->person.org_type, "gemeente") == 0);
			break;
		case KNGG_PER_PARTNER:
			in = committed;
			break;
		case KNGG_PER_NEW_PARTNER:
			for (size_t k = 0; k < s->nhistory; k++) {
				const kngg_assessment_rec *a = &s->history[k];

				in |= a->round && strcmp(a->round, round) == 0 && a->area && area &&
				      strcmp(a->area, area) == 0 &&
				      kngg_commitment_counts(t->defs, a->commitment);
			}
			break;
		default:
			break;
		}
		if (in)
			n = add_org_id(out, n, max, s->person.org_id);
	}
	return n;
}

/* The set of a per-organisation party on date: the latest chosen set up to
 * that date, else the suggestion. */
static int party_orgs(const kngg_tracker *t, const kngg_register *reg, const kngg_party *p,
		      const char *round, const char *area, const char *date,
		      const prepared_set *preps, size_t npreps, int64_t *out, size_t max,
		      int *chosen)
{
	const prepared_set *use = NULL;
	int n = 0;

	for (size_t i = 0; i < npreps; i++)
		if (strcmp(preps[i].date, date) <= 0)
			use = &preps[i];
	if (chosen)
		*chosen = use != NULL;
	if (!use)
		return suggested_orgs(t, reg, p, round, area, date, out, max);
	for (size_t i = 0; i < use->n; i++)
		n = add_org_id(out, n, max, use->orgs[i]);
	return n;
}

/* ---- reading signatures ---------------------------------------------------------- */

static const char *sdup(kngg_arena *a, const char *s)
{
	return s ? kngg_arena_strdup(a, s) : NULL;
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
	s->org = sdup(a, ev->org ? ev->org : org_name_in(reg, ev->org_id));
	s->org_id = ev->org_id;
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
	s->valid_until = sdup(a, json_string_value(json_object_get(o, "valid_until")));
	s->region = sdup(a, json_string_value(json_object_get(o, "region")));
	s->regional_id = sdup(a, json_string_value(json_object_get(o, "regional_id")));
	args = json_object_get(o, "members");
	n = json_is_array(args) ? json_array_size(args) : 0;
	if (n && (s->members = kngg_arena_alloc(a, n * sizeof(*s->members)))) {
		const char **m = (const char **)s->members;

		for (size_t i = 0; i < n; i++)
			m[i] = sdup(a, json_string_value(json_array_get(args, i)));
		s->nmembers = n;
	}
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
	const char *date;
	kngg_register *reg;
} dated_register;

typedef struct {
	kngg_tracker *t;
	const char *code;
	kngg_signoff_status *s;
	const kngg_register *reg;   /* on the day answered for */
	int64_t area_id, cycle_id;
	const char *as_of;
	const char *today;
	kngg_signature *list;       /* this point's signatures, in date order */
	size_t n, cap;
	prepared_set *preps;        /* its chosen sets, in date order */
	size_t nprep, pcap;
	const char *step_done;      /* its step done (and not reopened since), or NULL */
	dated_register regs[8];     /* registers of earlier days, loaded once */
	size_t nregs;
	const char **warnings;      /* for s->warnings */
	size_t nwarn, wcap;
} point_walk;

static int add_prepare(point_walk *w, const kngg_event *ev)
{
	json_t *o = json_loads(ev->data ? ev->data : "{}", 0, NULL), *orgs;
	prepared_set *p;
	int64_t *ids;
	size_t n;

	if (!o)
		return KNGG_ERROR;
	if (w->nprep == w->pcap) {
		prepared_set *np = kngg_arena_alloc(w->s->arena,
						    (w->pcap = w->pcap ? 2 * w->pcap : 4) * sizeof(*np));

		if (!np) {
			json_decref(o);
			return KNGG_ENOMEM;
		}
		if (w->nprep)
			memcpy(np, w->preps, w->nprep * sizeof(*np));
		w->preps = np;
	}
	orgs = json_object_get(o, "orgs");
	n = json_is_array(orgs) ? json_array_size(orgs) : 0;
	ids = kngg_arena_alloc(w->s->arena, (n + 1) * sizeof(*ids));
	for (size_t i = 0; ids && i < n; i++)
		ids[i] = json_integer_value(json_array_get(orgs, i));
	json_decref(o);
	if (!ids)
		return KNGG_ENOMEM;
	p = &w->preps[w->nprep++];
	p->date = kngg_arena_strdup(w->s->arena, ev->date);
	p->orgs = ids;
	p->n = n;
	p->event_id = ev->id;
	return p->date ? 0 : KNGG_ENOMEM;
}

static int collect_point(void *ctx, const kngg_event *ev)
{
	point_walk *w = ctx;

	if (ev->area_id != w->area_id || ev->cycle_id != w->cycle_id)
		return 0;
	if (strcmp(ev->kind, KNGG_EV_SIGNOFF_PREPARE) == 0)
		return engine_withdrawn(ev, w->as_of) ? 0 : add_prepare(w, ev);
	if (strcmp(ev->kind, KNGG_EV_SIGNOFF) != 0)
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

/* The step of the point: the date it was done, when it is done now. */
static int collect_step(void *ctx, const kngg_event *ev)
{
	point_walk *w = ctx;

	if (ev->area_id != w->area_id || ev->cycle_id != w->cycle_id ||
	    engine_withdrawn(ev, w->as_of))
		return 0;
	if (strcmp(ev->kind, KNGG_EV_STEP_DONE) == 0)
		w->step_done = kngg_arena_strdup(w->s->arena, ev->date);
	else if (strcmp(ev->kind, KNGG_EV_STEP_REOPEN) == 0)
		w->step_done = NULL;
	return 0;
}

/* The register on date (the day answered for: the one loaded). */
static int register_on(point_walk *w, const char *date, const kngg_register **out)
{
	int rc;

	if (strcmp(date, w->today) >= 0) {
		*out = w->reg;
		return 0;
	}
	for (size_t i = 0; i < w->nregs; i++)
		if (strcmp(w->regs[i].date, date) == 0) {
			*out = w->regs[i].reg;
			return 0;
		}
	if (w->nregs == sizeof(w->regs) / sizeof(w->regs[0])) {
		kngg_register_free(w->regs[0].reg);
		memmove(&w->regs[0], &w->regs[1], (w->nregs - 1) * sizeof(w->regs[0]));
		w->nregs--;
	}
	if ((rc = kngg_register_load(w->t, w->code, date, &w->regs[w->nregs].reg)) < 0)
		return rc;
	w->regs[w->nregs].date = kngg_arena_strdup(w->s->arena, date);
	*out = w->regs[w->nregs++].reg;
	return 0;
}

typedef struct {
	kngg_signoff_slot *slots;
	size_t n;
	const char *missing_set;
	int complete;
	int chosen;
} evaluation;

/*
 * The slots of the point with the set of signers as it stood on set_date
 * (reg: the register of that day) and the signatures up to sig_date.
 */
static int evaluate(point_walk *w, const kngg_register *reg, const char *set_date,
		    const char *sig_date, evaluation *ev)
{
	kngg_signoff_status *s = w->s;
	const kngg_signoff *so = s->def;
	const char *round = kngg_def_step(so->def.parent)->def.id;

	memset(ev, 0, sizeof(*ev));
	ev->slots = kngg_arena_alloc(s->arena, (so->nsigners * MAX_ORGS + 1) * sizeof(*ev->slots));
	if (!ev->slots)
		return KNGG_ENOMEM;
	ev->complete = 1;
	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];
		int64_t orgs[MAX_ORGS];
		size_t norgs = 1;
		int chosen = 0;

		if (p->per != KNGG_PER_NONE) {
			norgs = (size_t)party_orgs(w->t, reg, p, round, s->scope, set_date, w->preps,
						   w->nprep, orgs, MAX_ORGS, &chosen);
			ev->chosen |= chosen;
			/* no new partners in this area: nothing to sign */
			if (norgs == 0 && (p->optional || p->per == KNGG_PER_NEW_PARTNER))
				continue;
			if (norgs == 0) {
				kngg_buf b = {0};

				kngg_buf_printf(&b, "wie tekent er (%s)? de set is nog leeg: kies de partijen met 'kngg signoff prepare %s %s --org ORG', of leg commitment of de kerngroep vast",
						set_words[p->per], w->code, so->def.id);
				ev->missing_set = kngg_arena_strdup(s->arena, kngg_buf_cstr(&b));
				kngg_buf_free(&b);
				ev->complete = 0;
				continue;
			}
		}
		for (size_t k = 0; k < norgs; k++) {
			kngg_signoff_slot *slot = &ev->slots[ev->n++];
			const char *name = p->per != KNGG_PER_NONE ? org_name_in(reg, orgs[k]) : NULL;

			memset(slot, 0, sizeof(*slot));
			slot->party = p;
			slot->org_id = p->per != KNGG_PER_NONE ? orgs[k] : 0;
			/* copied: the register may be freed before the status */
			if (name && !(slot->org = kngg_arena_strdup(s->arena, name)))
				return KNGG_ENOMEM;
			for (size_t j = 0; j < w->n; j++) {
				const kngg_signature *sig = &w->list[j];
				const char *eff = sig->as ? sig->as : sig->role;

				if (strcmp(sig->date, sig_date) > 0)
					break; /* in date order */
				if (sig->withdrawn ||
				    !fits_party(reg, p, eff ? eff : "", sig->org_id,
						org_type_in(reg, sig->org_id) ? org_type_in(reg, sig->org_id)
									      : sig->org_type))
					continue;
				if (p->per != KNGG_PER_NONE && sig->org_id != slot->org_id)
					continue;
				slot->latest = sig; /* the list is in date order: the last wins */
			}
			slot->ok = slot->latest && is_yes(slot->latest->decision);
			if (!slot->ok && !p->optional)
				ev->complete = 0;
		}
	}
	return 0;
}

/* The date whose set counts for signatures up to d: d itself, or the day
 * the step was done when that came first. */
static const char *set_day(const point_walk *w, const char *d)
{
	return w->step_done && strcmp(w->step_done, d) < 0 ? w->step_done : d;
}

static void add_warning(point_walk *w, const char *fmt, ...) KNGG_PRINTF(2, 3);

static void add_warning(point_walk *w, const char *fmt, ...)
{
	kngg_buf b = {0};
	const char *text;
	va_list ap;

	va_start(ap, fmt);
	kngg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	text = b.failed ? NULL : kngg_arena_strdup(w->s->arena, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	if (w->nwarn == w->wcap) {
		const char **p = kngg_arena_alloc(w->s->arena,
						  (w->wcap = w->wcap ? 2 * w->wcap : 4) * sizeof(*p));

		if (!p)
			return;
		if (w->nwarn)
			memcpy(p, w->warnings, w->nwarn * sizeof(*p));
		w->warnings = p;
	}
	if (text)
		w->warnings[w->nwarn++] = text;
}

/* What changed since the set was fixed (then), as warnings: parties that
 * belong to the set today (now) but were not party then, and a no-go given
 * after the point was complete. */
static void change_warnings(point_walk *w, const evaluation *then, const evaluation *now)
{
	const kngg_signoff_status *s = w->s;
	const kngg_signoff *so = s->def;

	for (size_t i = 0; i < now->n; i++) {
		const kngg_signoff_slot *sl = &now->slots[i];
		int party = 0;

		if (!sl->org_id || sl->ok)
			continue;
		for (size_t k = 0; k < then->n; k++)
			party |= then->slots[k].org_id == sl->org_id;
		if (!party)
			add_warning(w,
				    "%s: %s hoort nu bij %s, maar was geen partij toen de partijen vastlagen (%s, %s); overweeg een addendum of een nieuwe ondertekening",
				    so->def.id, sl->org ? sl->org : "een organisatie",
				    set_words[sl->party->per], s->set_on,
				    s->completed_on && strcmp(s->completed_on, s->set_on) == 0
					    ? "toen het punt compleet was"
					    : "toen de stap werd afgerond");
	}
	if (!s->completed_on)
		return;
	for (size_t k = 0; k < then->n; k++) {
		const kngg_signoff_slot *sl = &then->slots[k];

		for (size_t j = 0; j < w->n; j++) {
			const kngg_signature *sig = &w->list[j];

			if (strcmp(sig->date, s->completed_on) <= 0 || sig->withdrawn ||
			    is_yes(sig->decision) || !sl->latest ||
			    sig->person_id != sl->latest->person_id)
				continue;
			add_warning(w, "%s: %s gaf na de ondertekening op %s een %s; het besluit van %s blijft staan, bespreek het opnieuw",
				    so->def.id, sig->signer ? sig->signer : "(gewist)", sig->date,
				    sig->decision, s->completed_on);
		}
	}
}

static void apply(kngg_signoff_status *s, const evaluation *e)
{
	s->slots = e->slots;
	s->nslots = e->n;
	s->missing_set = e->missing_set;
	s->complete = e->complete;
	s->prepared = e->chosen;
}

/* The day the slots became complete: their latest signature. */
static const char *completed_day(const evaluation *e)
{
	const char *d = NULL;

	for (size_t i = 0; i < e->n; i++)
		if (e->slots[i].latest && (!d || strcmp(e->slots[i].latest->date, d) > 0))
			d = e->slots[i].latest->date;
	return d;
}

/* Live first (with the set fixed when the step was done, if it was); when
 * that is not complete, the first day on which the signatures up to it
 * completed the point with that day's set. Then what changed since the
 * set was fixed, compared with today's set. */
static int decide(point_walk *w)
{
	kngg_signoff_status *s = w->s;
	const kngg_register *reg;
	evaluation decided, fresh;
	int rc;

	s->set_on = set_day(w, w->today);
	if ((rc = register_on(w, s->set_on, &reg)) < 0 ||
	    (rc = evaluate(w, reg, s->set_on, w->today, &decided)) < 0)
		return rc;
	if (decided.complete)
		s->completed_on = completed_day(&decided);
	for (size_t i = 0; i < w->n && !decided.complete; i++) {
		const char *d = w->list[i].date;
		evaluation then;

		if (i + 1 < w->n && strcmp(w->list[i + 1].date, d) == 0)
			continue; /* each day once, after its last signature */
		if ((rc = register_on(w, set_day(w, d), &reg)) < 0 ||
		    (rc = evaluate(w, reg, set_day(w, d), d, &then)) < 0)
			return rc;
		if (!then.complete)
			continue;
		decided = then;
		s->frozen = 1;
		s->set_on = set_day(w, d);
		s->completed_on = kngg_arena_strdup(s->arena, d);
	}
	apply(s, &decided);
	/* the set as it would be today, where it was fixed earlier */
	if (strcmp(s->set_on, w->today) != 0) {
		if ((rc = evaluate(w, w->reg, w->today, w->today, &fresh)) < 0)
			return rc;
		change_warnings(w, &decided, &fresh);
	}
	s->warnings = w->warnings;
	s->nwarnings = w->nwarn;
	return 0;
}

static void walk_free(point_walk *w)
{
	for (size_t i = 0; i < w->nregs; i++)
		kngg_register_free(w->regs[i].reg);
	w->nregs = 0;
}

int engine_signoff_status(kngg_tracker *t, const char *code, const kngg_signoff *so,
			  const char *area, const char *as_of, const kngg_register *reg,
			  kngg_signoff_status **out)
{
	const kngg_step *step = kngg_def_step(so->def.parent);
	kngg_event_filter f = {0};
	point_walk w = {0};
	char today[11];
	int rc;

	*out = NULL;
	engine_day(t, as_of, today);
	if ((rc = engine_scope(t, code, step, area, &w.area_id, &w.cycle_id)) < 0)
		return rc;
	if (!(w.s = calloc(1, sizeof(*w.s))) || !(w.s->arena = kngg_arena_new())) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	w.t = t;
	w.code = code;
	w.s->def = so;
	w.reg = reg;
	w.as_of = as_of;
	/* in the status's arena: set_on may be today, and outlives this call */
	if (!(w.today = kngg_arena_strdup(w.s->arena, today))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	if (area) {
		w.s->scope = kngg_arena_strdup(w.s->arena, area);
	} else if (w.cycle_id) {
		int64_t cid;
		int number = 0;
		char label[32];

		kngg_store_cycle_current(t->store, code, kngg_def_phase(step->def.parent)->number,
					 &cid, &number);
		snprintf(label, sizeof(label), "cyclus %d", number);
		w.s->scope = kngg_arena_strdup(w.s->arena, label);
	}
	f.municipality = code;
	f.until = as_of;
	f.target = so->def.id;
	if ((rc = engine_events(t, &f, collect_point, &w)) < 0)
		goto done;
	f.target = step->def.id;
	if ((rc = engine_events(t, &f, collect_step, &w)) < 0 || (rc = decide(&w)) < 0)
		goto done;
	w.s->history = w.list;
	w.s->nhistory = w.n;
	*out = w.s;
	w.s = NULL;
done:
	walk_free(&w);
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

/* ---- recording ----------------------------------------------------------------------- */

/* The signer signs for their own organisation, and a per-organisation
 * point only for an organisation in its set on that day. */
static int check_signer(kngg_tracker *t, const char *code, const kngg_signoff *so,
			const kngg_register *reg, int64_t person, const struct org_found *org,
			const char *effective, const char *area, const char *date)
{
	const kngg_stakeholder *s = kngg_register_person(reg, person);
	kngg_signoff_status *st = NULL;
	int plain = 0, in_set = 0, per = 0, rc;

	if (s && s->person.org_id && s->person.org_id != org->id)
		return engine_fail(t, KNGG_EINVALID, "%s staat geregistreerd bij %s, niet bij de opgegeven organisatie",
				   s->person.name ? s->person.name : "deze persoon",
				   s->person.org ? s->person.org : "een andere organisatie");
	for (size_t i = 0; i < so->nsigners; i++) {
		const kngg_party *p = &so->signers[i];

		if (!fits_party(reg, p, effective, org->id, org->type))
			continue;
		if (p->per == KNGG_PER_NONE)
			plain = 1;
		else
			per = p->per;
	}
	if (plain || !per)
		return 0;
	/* the set as the point stands: chosen, suggested, or fixed */
	if ((rc = engine_signoff_status(t, code, so, area, date, reg, &st)) < 0)
		return rc;
	for (size_t i = 0; i < st->nslots; i++)
		in_set |= st->slots[i].org_id == org->id;
	/* once complete, a new partner may still sign (an addendum) */
	if (!in_set && st->complete)
		for (size_t i = 0; i < reg->npeople; i++)
			in_set |= reg->people[i].person.org_id == org->id && reg->people[i].latest &&
				  kngg_commitment_counts(t->defs, reg->people[i].latest->commitment);
	kngg_signoff_status_free(st);
	if (!in_set)
		return engine_fail(t, KNGG_EINVALID,
				   "%s tekent per organisatie van %s, en deze organisatie hoort daar (nog) niet bij; kies de partijen met 'kngg signoff prepare %s %s --org ORG'",
				   so->def.id, set_words[per], code, so->def.id);
	return 0;
}

int kngg_signoff_expires(const kngg_signoff *so)
{
	const kngg_step *step = so ? kngg_def_step(so->def.parent) : NULL;
	const char *id = step ? step->def.id : "";

	/* the points whose document is an agreement between partners; the
	 * guide calls them samenwerkingsovereenkomst, afspraken, bekrachtiging */
	return strcmp(id, "1.6") == 0 || strcmp(id, "1.7") == 0 || strncmp(id, "3.", 2) == 0 ||
	       strcmp(id, "4.borging") == 0;
}

/* The checks of a signature that need no database: the point, the
 * decision, the text fields; canonical role names into in. */
static int check_in(kngg_tracker *t, const char *signoff_id, kngg_signoff_in *in,
		    const kngg_track_opts *o, const kngg_signoff **sop, char date[11])
{
	const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(t->defs, signoff_id));
	int rc;

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
	    (rc = engine_list_item(t, "rollen", "--role", &in->role)) < 0 ||
	    (in->as && (rc = engine_list_item(t, "rollen", "--as", &in->as)) < 0) ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if (in->valid_until) {
		if (!kngg_signoff_expires(so))
			return engine_fail(t, KNGG_EINVALID,
					   "%s is geen overeenkomst die afloopt; --valid-until hoort bij 1.6, 1.7, de punten van fase 3 en 4.borging",
					   so->def.id);
		if (!kngg_valid_date(in->valid_until))
			return engine_fail(t, KNGG_EINVALID,
					   "ongeldige datum '%s' bij --valid-until (verwacht een bestaande dag)",
					   in->valid_until);
		if (strcmp(in->valid_until, date) < 0)
			return engine_fail(t, KNGG_EINVALID,
					   "--valid-until %s ligt voor de dag van ondertekening (%s)",
					   in->valid_until, date);
	}
	*sop = so;
	return 0;
}

/* One signature of so in code, inside an open transaction; extra (may be
 * NULL) is merged into the event's data. */
static int record_one(kngg_tracker *t, const char *code, const kngg_signoff *so,
		      const kngg_signoff_in *in, const kngg_track_opts *o, const char *date,
		      json_t *extra, int64_t *event_id)
{
	const char *effective = in->as ? in->as : in->role;
	struct org_found org = {0, ""};
	kngg_register *reg = NULL;
	int64_t person = 0, area_id = 0, cycle_id = 0;
	char *text = NULL;
	json_t *data, *args;
	kngg_event ev;
	int rc, fits = 0;

	if ((rc = engine_need_municipality(t, code)) < 0)
		goto done;
	rc = kngg_store_org_find(t->store, code, in->org, org_found, &org);
	if (rc == KNGG_ENOTFOUND)
		rc = engine_unknown_org(t, code, in->org);
	if (rc < 0 || (rc = kngg_register_load(t, code, date, &reg)) < 0)
		goto done;
	for (size_t i = 0; i < so->nsigners; i++)
		fits |= fits_party(reg, &so->signers[i], effective, org.id, org.type);
	if (!fits) {
		kngg_buf b = {0};

		describe_signers(t->defs, so, &b);
		if (in->as)
			rc = engine_fail(t, KNGG_EINVALID, "%s tekent niet voor %s (gevraagd: %s)",
					 in->as, so->def.id, kngg_buf_cstr(&b));
		else
			rc = engine_fail(t, KNGG_EINVALID,
					 "een %s van %s tekent niet voor %s (gevraagd: %s); tekent deze persoon met mandaat, geef dan --as ROL",
					 in->role, in->org, so->def.id, kngg_buf_cstr(&b));
		kngg_buf_free(&b);
		goto done;
	}
	if ((rc = engine_scope(t, code, kngg_def_step(so->def.parent), o ? o->area : NULL, &area_id,
			       &cycle_id)) < 0 ||
	    (rc = engine_person(t, code, in->signer, o && o->new_person, org.id, date,
				 &person)) < 0)
		goto done;
	/* a person just added is not in reg: load it again */
	kngg_register_free(reg);
	if ((rc = kngg_register_load(t, code, date, &reg)) < 0 ||
	    (rc = check_signer(t, code, so, reg, person, &org, effective, o ? o->area : NULL, date)) < 0)
		goto done;
	data = json_object();
	args = json_array();
	for (size_t i = 0; i < in->narguments; i++)
		json_array_append_new(args, json_string(in->arguments[i]));
	json_object_set_new(data, "role", json_string(in->role));
	json_object_set_new(data, "as", in->as ? json_string(in->as) : json_null());
	json_object_set_new(data, "document", json_string(in->document));
	json_object_set_new(data, "arguments", args);
	/* left out when not given: older signatures keep their exact data */
	if (in->valid_until)
		json_object_set_new(data, "valid_until", json_string(in->valid_until));
	if (extra)
		json_object_update(data, extra);
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
	kngg_register_free(reg);
	free(text);
	return rc;
}

int kngg_signoff_record(kngg_tracker *t, const char *code, const char *signoff_id,
			const kngg_signoff_in *given, const kngg_track_opts *o, int64_t *event_id)
{
	kngg_signoff_in canon = *given; /* roles as the list spells them */
	const kngg_signoff *so = NULL;
	char date[11];
	int rc;

	if ((rc = check_in(t, signoff_id, &canon, o, &so, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	rc = record_one(t, code, so, &canon, o, date, NULL, event_id);
	return engine_finish(t, rc);
}

/* ---- regional signatures ------------------------------------------------------------- */

typedef struct {
	char **codes;
	size_t n, cap;
} member_list;

static int add_member(void *ctx, const char *code)
{
	member_list *m = ctx;

	if (m->n == m->cap) {
		char **p = realloc(m->codes, (m->cap = m->cap ? 2 * m->cap : 8) * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		m->codes = p;
	}
	if (!(m->codes[m->n] = strdup(code)))
		return KNGG_ENOMEM;
	m->n++;
	return 0;
}

static void members_free(member_list *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->codes[i]);
	free(m->codes);
}

/* While one member is written, its errors name it. */
typedef struct {
	kngg_diag_fn diag;
	void *ctx;
	const char *code;
} member_diag;

static void diag_member(void *ctx, const char *msg)
{
	member_diag *d = ctx;
	kngg_buf b = {0};

	kngg_buf_printf(&b, "%s (regio): %s", d->code, msg);
	d->diag(d->ctx, b.failed ? msg : kngg_buf_cstr(&b));
	kngg_buf_free(&b);
}

/* A reference no other regional signature has: 16 hex digits. */
static int regional_ref(char out[17])
{
	unsigned char raw[8];
	FILE *f = fopen("/dev/urandom", "rb");
	size_t got = f ? fread(raw, 1, sizeof(raw), f) : 0;

	if (f)
		fclose(f);
	if (got != sizeof(raw))
		return KNGG_EIO;
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
	return 0;
}

int kngg_signoff_record_region(kngg_tracker *t, const char *region, const char *signoff_id,
			       const kngg_signoff_in *given, const kngg_track_opts *o,
			       char regional_id[17],
			       int (*fn)(void *ctx, const char *code, int64_t event_id), void *ctx)
{
	kngg_signoff_in canon = *given;
	const kngg_signoff *so = NULL;
	member_list m = {0};
	member_diag md = {t->diag, t->diag_ctx, NULL};
	int64_t *ids = NULL;
	json_t *extra = NULL, *codes;
	char date[11];
	int rc;

	regional_id[0] = '\0';
	if ((rc = check_in(t, signoff_id, &canon, o, &so, date)) < 0)
		return rc;
	if ((rc = kngg_region_members(t, region, add_member, &m)) < 0)
		goto out;
	if (m.n == 0) {
		rc = engine_fail(t, KNGG_EINVALID, "regio '%s' heeft geen gemeenten", region);
		goto out;
	}
	if (regional_ref(regional_id) < 0) {
		rc = engine_fail(t, KNGG_EIO, "geen willekeurige referentie te maken (/dev/urandom)");
		goto out;
	}
	if (!(ids = calloc(m.n, sizeof(*ids)))) {
		rc = KNGG_ENOMEM;
		goto out;
	}
	extra = json_object();
	codes = json_array();
	for (size_t i = 0; i < m.n; i++)
		json_array_append_new(codes, json_string(m.codes[i]));
	json_object_set_new(extra, "region", json_string(region));
	json_object_set_new(extra, "regional_id", json_string(regional_id));
	json_object_set_new(extra, "members", codes);
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto out;
	if (t->diag) {
		t->diag = diag_member;
		t->diag_ctx = &md;
	}
	for (size_t i = 0; i < m.n && rc == 0; i++) {
		md.code = m.codes[i];
		rc = record_one(t, m.codes[i], so, &canon, o, date, extra, &ids[i]);
	}
	if (md.diag) {
		t->diag = md.diag;
		t->diag_ctx = md.ctx;
	}
	if ((rc = engine_finish(t, rc)) < 0)
		goto out;
	/* committed: what follows only reports */
	for (size_t i = 0; fn && i < m.n; i++)
		if (fn(ctx, m.codes[i], ids[i]) != 0)
			break;
out:
	if (rc < 0)
		regional_id[0] = '\0';
	json_decref(extra);
	free(ids);
	members_free(&m);
	return rc;
}

/* ---- choosing the parties ------------------------------------------------------------ */

int kngg_signoff_prepare(kngg_tracker *t, const char *code, const char *signoff_id,
			 const char *const *orgs, size_t norgs, const kngg_track_opts *o)
{
	const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(t->defs, signoff_id));
	const kngg_party *per = NULL;
	kngg_register *reg = NULL;
	int64_t area_id = 0, cycle_id = 0, ids[MAX_ORGS];
	json_t *data = NULL, *arr;
	char date[11], *text = NULL;
	kngg_event ev;
	int rc, n = 0;

	if (!so)
		return engine_fail(t, KNGG_ENOTFOUND, "onbekende ondertekening '%s'",
				   signoff_id ? signoff_id : "");
	for (size_t i = 0; i < so->nsigners; i++)
		if (so->signers[i].per != KNGG_PER_NONE)
			per = &so->signers[i];
	if (!per)
		return engine_fail(t, KNGG_EINVALID,
				   "%s tekent niet per organisatie; er valt geen set partijen te kiezen",
				   so->def.id);
	if (norgs > MAX_ORGS)
		return engine_fail(t, KNGG_EINVALID, "te veel organisaties (hoogstens %d)", MAX_ORGS);
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0 ||
	    (rc = engine_scope(t, code, kngg_def_step(so->def.parent), o ? o->area : NULL, &area_id,
			       &cycle_id)) < 0 ||
	    (rc = kngg_register_load(t, code, date, &reg)) < 0)
		goto done;
	for (size_t i = 0; i < norgs; i++) {
		struct org_found f = {0, ""};

		rc = kngg_store_org_find(t->store, code, orgs[i], org_found, &f);
		if (rc == KNGG_ENOTFOUND)
			rc = engine_unknown_org(t, code, orgs[i]);
		if (rc < 0)
			goto done;
		n = add_org_id(ids, n, MAX_ORGS, f.id);
	}
	/* without --org: the suggestion of today, fixed as the choice */
	if (norgs == 0)
		n = suggested_orgs(t, reg, per, kngg_def_step(so->def.parent)->def.id,
				   o ? o->area : NULL, date, ids, MAX_ORGS);
	if (n == 0) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "geen partijen: noem ze met --org ORG, of leg eerst commitment of de kerngroep vast");
		goto done;
	}
	data = json_object();
	arr = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(arr, json_integer(ids[i]));
	json_object_set_new(data, "orgs", arr);
	if (!(text = json_dumps(data, JSON_COMPACT | JSON_SORT_KEYS))) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	engine_fill_event(t, &ev, KNGG_EV_SIGNOFF_PREPARE, code, date, o);
	ev.target = so->def.id;
	ev.data = text;
	ev.area_id = area_id;
	ev.cycle_id = cycle_id;
	rc = engine_event_add(t, &ev, NULL);
done:
	json_decref(data);
	free(text);
	kngg_register_free(reg);
	return engine_finish(t, rc);
}

/* ---- a region's signatures ----------------------------------------------------------- */

typedef struct {
	kngg_signature sig;
	const char **members, **withdrawn;
	size_t nmembers, nwithdrawn;
} regional_group;

typedef struct {
	kngg_arena *arena;
	const char *region, *as_of, *code;
	regional_group *groups;
	size_t n, cap;
	int rc;
} regional_walk;

static int add_code(kngg_arena *a, const char ***list, size_t *n, const char *code)
{
	const char **p = kngg_arena_alloc(a, (*n + 1) * sizeof(*p));

	if (!p)
		return KNGG_ENOMEM;
	if (*n)
		memcpy(p, *list, *n * sizeof(*p));
	if (!(p[*n] = kngg_arena_strdup(a, code)))
		return KNGG_ENOMEM;
	*list = p;
	(*n)++;
	return 0;
}

static int regional_event(void *ctx, const kngg_event *ev)
{
	regional_walk *w = ctx;
	json_t *o = json_loads(ev->data ? ev->data : "{}", 0, NULL);
	const char *region = json_string_value(json_object_get(o, "region"));
	const char *ref = json_string_value(json_object_get(o, "regional_id"));
	regional_group *g = NULL;
	int rc = 0;

	if (!region || !ref || strcmp(region, w->region) != 0) {
		json_decref(o);
		return 0;
	}
	for (size_t i = 0; i < w->n && !g; i++)
		if (strcmp(w->groups[i].sig.regional_id, ref) == 0)
			g = &w->groups[i];
	json_decref(o);
	if (!g) {
		if (w->n == w->cap) {
			regional_group *p = realloc(w->groups,
						    (w->cap = w->cap ? 2 * w->cap : 4) * sizeof(*p));

			if (!p)
				return KNGG_ENOMEM;
			w->groups = p;
		}
		g = &w->groups[w->n++];
		memset(g, 0, sizeof(*g));
		if ((rc = to_signature(w->arena, NULL, ev, w->as_of, &g->sig)) < 0)
			return rc;
	}
	if (engine_withdrawn(ev, w->as_of))
		return add_code(w->arena, &g->withdrawn, &g->nwithdrawn, w->code);
	return add_code(w->arena, &g->members, &g->nmembers, w->code);
}

static int regional_order(const void *a, const void *b)
{
	const regional_group *x = a, *y = b;
	int c = strcmp(x->sig.date, y->sig.date);

	return c ? c : (x->sig.event_id > y->sig.event_id) - (x->sig.event_id < y->sig.event_id);
}

int kngg_region_signatures(kngg_tracker *t, const char *region, const char *as_of,
			   int (*fn)(void *ctx, const kngg_regional_signature *r), void *ctx)
{
	regional_walk w = {NULL, region, as_of, NULL, NULL, 0, 0, 0};
	member_list m = {0};
	int rc;

	if ((rc = engine_check_as_of(t, as_of)) < 0 ||
	    (rc = kngg_region_members(t, region, add_member, &m)) < 0)
		goto out;
	if (!(w.arena = kngg_arena_new())) {
		rc = KNGG_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < m.n && rc >= 0; i++) {
		kngg_event_filter f = {m.codes[i], NULL, KNGG_EV_SIGNOFF, 0, NULL, as_of};

		w.code = m.codes[i];
		rc = engine_events(t, &f, regional_event, &w);
	}
	if (rc < 0)
		goto out;
	rc = 0;
	if (w.n > 1)
		qsort(w.groups, w.n, sizeof(*w.groups), regional_order);
	for (size_t i = 0; i < w.n && rc == 0; i++) {
		kngg_regional_signature r = {&w.groups[i].sig, w.groups[i].members,
					     w.groups[i].nmembers, w.groups[i].withdrawn,
					     w.groups[i].nwithdrawn};

		rc = fn(ctx, &r);
	}
out:
	free(w.groups);
	kngg_arena_free(w.arena);
	members_free(&m);
	return rc;
}
