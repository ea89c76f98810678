/*
 * export.c: a municipality's whole state as one document, the input for
 * document templates and for other tools. One builder makes a JSON tree;
 * the XML form is the same tree, mapped the same way every time:
 *
 *   - an object becomes an element; its scalar members become attributes
 *     (null: left out), its object members child elements of that name;
 *   - an array member "xs" becomes an element "xs" holding one element per
 *     item, named by the table below ("stakeholders" -> "stakeholder");
 *     a string item becomes that element's text.
 *
 * The shape is documented in the README ("Export").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/plan.h"
#include "kngg/export.h"
#include "kngg/readiness.h"
#include "util/text.h"

static json_t *js(const char *s)
{
	return s ? json_string(s) : json_null();
}

static void set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v ? v : json_null());
}

/* ---- the tree -------------------------------------------------------------------- */

/* Where a run's sign-offs are answered for: the tracker, the register and
 * the run's area; status 0 for runs whose sign-offs are not current (an
 * earlier cycle of phase 3 or 4). */
typedef struct {
	kngg_tracker *t;
	const char *code, *as_of;
	const kngg_register *reg;
	const char *area;
	int status;
	int rc;
} signoff_ctx;

/* complete, missing_set and one slot per required signer, as readiness sees them. */
static void signoff_state(signoff_ctx *sc, const kngg_signoff *so, json_t *o)
{
	kngg_signoff_status *st = NULL;
	json_t *slots;

	if (!sc->status || sc->rc)
		return;
	if ((sc->rc = engine_signoff_status(sc->t, sc->code, so, sc->area, sc->as_of, sc->reg, &st)) < 0)
		return;
	slots = json_array();
	set(o, "complete", json_boolean(st->complete));
	set(o, "completed_on", js(st->completed_on));
	set(o, "frozen", json_boolean(st->frozen));
	set(o, "parties_on", js(st->set_on));
	set(o, "parties_chosen", json_boolean(st->prepared));
	set(o, "missing_set", js(st->missing_set));
	{
		json_t *w = json_array();

		for (size_t i = 0; i < st->nwarnings; i++)
			json_array_append_new(w, js(st->warnings[i]));
		set(o, "warnings", w);
	}
	for (size_t i = 0; i < st->nslots; i++) {
		const kngg_signoff_slot *sl = &st->slots[i];
		json_t *j = json_object();

		set(j, "role", js(sl->party->role));
		set(j, "role_title", js(sl->party->role ? kngg_defs_label(sc->t->defs, "rollen", sl->party->role)
							: NULL));
		set(j, "organisation_type", js(sl->party->org));
		set(j, "organisation", js(sl->org));
		set(j, "organisation_id", sl->org_id ? json_integer(sl->org_id) : json_null());
		set(j, "optional", json_boolean(sl->party->optional));
		set(j, "ok", json_boolean(sl->ok));
		set(j, "signer", js(sl->latest ? sl->latest->signer : NULL));
		set(j, "decision", js(sl->latest ? sl->latest->decision : NULL));
		set(j, "date", js(sl->latest ? sl->latest->date : NULL));
		set(j, "valid_until", js(sl->latest ? sl->latest->valid_until : NULL));
		set(j, "region", js(sl->latest ? sl->latest->region : NULL));
		json_array_append_new(slots, j);
	}
	set(o, "slots", slots);
	kngg_signoff_status_free(st);
}

static json_t *step_json(const kngg_defs *defs, const kngg_step *step, const kngg_step_status *ss,
			 signoff_ctx *sc)
{
	json_t *o = json_object(), *acts = json_array(), *dels = json_array(), *signs = json_array();

	set(o, "id", js(step->def.id));
	set(o, "title", js(step->def.title));
	set(o, "state", js(kngg_step_state_name(ss->state)));
	set(o, "started", js(ss->started));
	set(o, "done", js(ss->done));
	set(o, "reopened", js(ss->reopened));
	set(o, "by", js(ss->by));
	set(o, "note", js(ss->note));
	for (size_t i = 0; i < step->nactivities; i++) {
		json_t *a = json_object();

		set(a, "id", js(step->activities[i].id));
		set(a, "text", js(step->activities[i].text));
		set(a, "done", js(ss->activity_done ? ss->activity_done[i] : NULL));
		json_array_append_new(acts, a);
	}
	for (size_t i = 0; i < step->ndeliverables; i++) {
		json_t *d = json_object();

		set(d, "id", js(step->deliverables[i].id));
		set(d, "text", js(step->deliverables[i].text));
		set(d, "done", js(ss->deliverable_done ? ss->deliverable_done[i] : NULL));
		set(d, "document", js(ss->deliverable_doc ? ss->deliverable_doc[i] : NULL));
		json_array_append_new(dels, d);
	}
	for (size_t i = 0; i < step->nsignoffs; i++) {
		json_t *s = json_object();

		set(s, "id", js(step->signoffs[i].def.id));
		set(s, "text", js(step->signoffs[i].def.text));
		signoff_state(sc, &step->signoffs[i], s);
		json_array_append_new(signs, s);
	}
	(void)defs;
	set(o, "activities", acts);
	set(o, "deliverables", dels);
	set(o, "signoffs", signs);
	return o;
}

static json_t *phases_json(const kngg_defs *defs, const kngg_status *st, signoff_ctx *sc)
{
	json_t *phases = json_array();

	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &st->phases[p];
		json_t *ph = json_object(), *runs = json_array();

		set(ph, "number", json_integer(ps->phase->number));
		set(ph, "title", js(ps->phase->def.title));
		for (size_t r = 0; r < ps->nruns; r++) {
			const kngg_run_status *run = &ps->runs[r];
			json_t *jr = json_object(), *steps = json_array();

			set(jr, "label", js(run->label));
			set(jr, "target_group", js(run->target_group));
			set(jr, "area_kind", p == 1 ? js(kngg_area_kind_name(run->kind)) : json_null());
			set(jr, "cycle", run->cycle ? json_integer(run->cycle) : json_null());
			set(jr, "started", js(run->started));
			/* phase 2: per area; phases 3-4: only the current cycle signs */
			sc->area = p == 1 ? run->label : NULL;
			sc->status = p < 2 || r + 1 == ps->nruns;
			for (size_t s = 0; s < ps->phase->nsteps; s++)
				json_array_append_new(steps, step_json(defs, &ps->phase->steps[s], &run->steps[s], sc));
			set(jr, "steps", steps);
			if (run->quickscan) {
				const kngg_quickscan *q = kngg_defs_quickscan(defs);
				json_t *themes = json_array();

				for (size_t i = 0; i < q->nthemes; i++) {
					json_t *th = json_object();

					set(th, "id", js(q->themes[i].def.id));
					set(th, "title", js(q->themes[i].def.title));
					set(th, "score", run->quickscan[i] >= 0 ? json_integer(run->quickscan[i])
										: json_null());
					json_array_append_new(themes, th);
				}
				set(jr, "quickscan", themes);
			}
			json_array_append_new(runs, jr);
		}
		set(ph, "runs", runs);
		json_array_append_new(phases, ph);
	}
	return phases;
}

static json_t *assessment_json(const kngg_defs *defs, const kngg_assessment_rec *a)
{
	json_t *o = json_object();

	set(o, "event", json_integer(a->event_id));
	set(o, "date", js(a->date));
	set(o, "round", js(a->round));
	set(o, "area", js(a->area));
	set(o, "interest", js(a->interest));
	set(o, "influence", js(a->influence));
	set(o, "urgency", js(a->urgency));
	set(o, "stance", js(a->stance));
	set(o, "commitment", js(a->commitment));
	set(o, "committed", json_boolean(a->commitment && kngg_commitment_counts(defs, a->commitment) == 1));
	set(o, "by", js(a->by));
	set(o, "note", js(a->note));
	return o;
}

static json_t *role_json(const kngg_defs *defs, const kngg_role_rec *rr)
{
	json_t *o = json_object();

	set(o, "event", json_integer(rr->event_id));
	set(o, "role", js(rr->role));
	set(o, "title", js(kngg_defs_label(defs, "rollen", rr->role)));
	set(o, "deputy", json_boolean(rr->deputy));
	set(o, "from", js(rr->from));
	set(o, "until", js(rr->until));
	set(o, "hours", rr->hours ? json_integer(rr->hours) : json_null());
	set(o, "contribution", js(rr->contribution));
	return o;
}

json_t *kngg_stakeholder_json(const kngg_defs *defs, const kngg_stakeholder *s)
{
	json_t *p = json_object(), *hist = json_array(), *roles = json_array();

	set(p, "id", json_integer(s->person.id));
	set(p, "name", js(s->person.name));
	set(p, "erased", json_boolean(s->person.erased_at != NULL));
	set(p, "function", js(s->person.function));
	set(p, "organisation", js(s->person.org));
	set(p, "organisation_type", js(s->person.org_type));
	set(p, "level", js(s->person.level));
	set(p, "email", js(s->person.email));
	set(p, "phone", js(s->person.phone));
	set(p, "committed", json_boolean(s->latest && s->latest->commitment &&
					 kngg_commitment_counts(defs, s->latest->commitment) == 1));
	set(p, "latest", s->latest ? assessment_json(defs, s->latest) : json_null());
	for (size_t k = 0; k < s->nhistory; k++)
		json_array_append_new(hist, assessment_json(defs, &s->history[k]));
	for (size_t k = 0; k < s->nroles; k++)
		json_array_append_new(roles, role_json(defs, &s->roles[k]));
	set(p, "assessments", hist);
	set(p, "roles", roles);
	return p;
}

static json_t *people_json(const kngg_defs *defs, const kngg_register *reg)
{
	json_t *people = json_array();

	for (size_t i = 0; i < reg->npeople; i++)
		json_array_append_new(people, kngg_stakeholder_json(defs, &reg->people[i]));
	return people;
}

struct sig_out {
	json_t *list;
	const char *as_of;
};

json_t *kngg_signature_json(const kngg_signature *s)
{
	json_t *o = json_object(), *args = json_array();

	for (size_t i = 0; i < s->narguments; i++)
		json_array_append_new(args, js(s->arguments[i]));
	set(o, "event", json_integer(s->event_id));
	set(o, "signoff", js(s->signoff));
	set(o, "date", js(s->date));
	set(o, "area", js(s->area));
	set(o, "phase", s->cycle_number ? json_integer(s->cycle_phase) : json_null());
	set(o, "cycle", s->cycle_number ? json_integer(s->cycle_number) : json_null());
	set(o, "decision", js(s->decision));
	set(o, "person_id", s->person_id ? json_integer(s->person_id) : json_null());
	set(o, "signer", js(s->signer));
	set(o, "signer_erased", json_boolean(!s->signer && s->person_id));
	set(o, "role", js(s->role));
	set(o, "as", js(s->as));
	set(o, "organisation", js(s->org));
	set(o, "organisation_type", js(s->org_type));
	set(o, "document", js(s->document));
	set(o, "arguments", args);
	set(o, "note", js(s->note));
	set(o, "by", js(s->by));
	set(o, "withdrawn", json_boolean(s->withdrawn));
	/* issue 18: an agreement's last day and a regional signature */
	set(o, "valid_until", js(s->valid_until));
	set(o, "region", js(s->region));
	set(o, "regional_id", js(s->regional_id));
	{
		json_t *m = json_array();

		for (size_t i = 0; i < s->nmembers; i++)
			json_array_append_new(m, js(s->members[i]));
		set(o, "members", m);
	}
	return o;
}

static int add_signature(void *ctx, const kngg_signature *s)
{
	struct sig_out *so = ctx;

	if (so->as_of && strcmp(s->date, so->as_of) > 0)
		return 0;
	return json_array_append_new(so->list, kngg_signature_json(s)) == 0 ? 0 : KNGG_ENOMEM;
}

static json_t *rule_json(const kngg_rule_result *res, const char *area)
{
	json_t *o = json_object();

	set(o, "id", js(res->id));
	set(o, "kind", js(res->kind));
	set(o, "text", js(res->text));
	set(o, "met", json_boolean(res->met));
	set(o, "binding", json_boolean(res->binding));
	set(o, "area", js(area));
	set(o, "guide_lines", js(res->lines));
	set(o, "fix", js(res->fix));
	set(o, "why", js(res->rule ? res->rule->why : NULL));
	return o;
}

json_t *kngg_readiness_json(const kngg_readiness *r)
{
	json_t *o = json_object(), *sections = json_array(), *warnings = json_array();
	json_t *missing = json_array(), *advice = json_array(), *met = json_array();

	set(o, "municipality", js(r->code));
	set(o, "name", js(r->name));
	set(o, "scope", js(r->scope));
	set(o, "as_of", js(r->as_of));
	set(o, "calculated_phase", json_integer(r->calculated_phase));
	set(o, "declared_phase", r->declared_phase ? json_integer(r->declared_phase) : json_null());
	set(o, "declared_on", js(r->declared_on));
	set(o, "ready", json_boolean(r->ready));
	set(o, "oldest_stalled", js(r->oldest_stalled));
	for (size_t i = 0; i < r->nsections; i++) {
		const kngg_readiness_section *sec = &r->sections[i];
		json_t *js_sec = json_object(), *rules = json_array();

		set(js_sec, "scope", js(sec->scope));
		set(js_sec, "area", js(sec->area));
		set(js_sec, "gating", json_boolean(sec->gating));
		set(js_sec, "ready", json_boolean(sec->ready));
		for (size_t k = 0; k < sec->nresults; k++) {
			const kngg_rule_result *res = &sec->results[k];

			json_array_append_new(rules, rule_json(res, sec->area));
			/* every section's rules by outcome, for a quick look */
			json_array_append_new(res->met ? met : res->binding ? missing : advice,
					      rule_json(res, sec->area));
		}
		set(js_sec, "rules", rules);
		json_array_append_new(sections, js_sec);
	}
	for (size_t i = 0; i < r->nwarnings; i++)
		json_array_append_new(warnings, js(r->warnings[i]));
	set(o, "missing", missing);
	set(o, "advice", advice);
	set(o, "met", met);
	set(o, "sections", sections);
	set(o, "warnings", warnings);
	return o;
}

/* Every factor check, oldest first, under its factor's "checks". */
static int add_check(void *ctx, const kngg_factor_check *check)
{
	json_t *factors = ctx, *f, *c;
	size_t i;

	json_array_foreach(factors, i, f) {
		if (strcmp(json_string_value(json_object_get(f, "id")), check->factor) != 0)
			continue;
		c = json_object();
		set(c, "date", js(check->date));
		set(c, "score", json_integer(check->score));
		set(c, "note", js(check->note));
		return json_array_append_new(json_object_get(f, "checks"), c) == 0 ? 0 : KNGG_ENOMEM;
	}
	return 0; /* a factor the current definitions no longer know */
}

json_t *kngg_risk_json(const kngg_risk *r)
{
	static const char *const kinds[] = {"",
					    "sole-holder",
					    "stale-commitment",
					    "committer-left",
					    "org-uncommitted",
					    "overdue",
					    "funding-ends",
					    "agreement-expires",
					    "no-handover"};
	json_t *o = json_object();
	size_t nkinds = sizeof(kinds) / sizeof(kinds[0]);

	set(o, "kind", js(r->kind >= 1 && (size_t)r->kind < nkinds ? kinds[r->kind] : "other"));
	set(o, "text", js(r->text));
	set(o, "person", r->person_id ? json_integer(r->person_id) : json_null());
	set(o, "role", js(r->role));
	set(o, "step", js(r->step));
	set(o, "organisation_type", js(r->org_type));
	return o;
}

json_t *kngg_funding_json(const kngg_funding *f)
{
	json_t *o = json_object();
	char amount[40];

	kngg_amount_nl(f->amount_cents, amount);
	set(o, "id", json_integer(f->id));
	set(o, "source", js(f->source));
	set(o, "amount_cents", json_integer((json_int_t)f->amount_cents));
	set(o, "amount", js(amount));
	set(o, "from", js(f->from));
	set(o, "until", js(f->until));
	set(o, "structural", json_boolean(f->structural));
	set(o, "for", js(f->purpose));
	set(o, "note", js(f->note));
	set(o, "ended", js(f->ended));
	set(o, "end", js(f->end));
	set(o, "active", json_boolean(f->active));
	return o;
}

json_t *kngg_funding_list_json(const kngg_funding_list *l)
{
	json_t *o = json_object(), *a = json_array();
	char amount[40];

	kngg_amount_nl(l->total_active_cents, amount);
	set(o, "day", js(l->day));
	set(o, "total_active_cents", json_integer((json_int_t)l->total_active_cents));
	set(o, "total_active", js(amount));
	for (size_t i = 0; i < l->n; i++)
		json_array_append_new(a, kngg_funding_json(&l->items[i]));
	set(o, "grants", a);
	return o;
}

/* The funding block of the export (issue 18). */
static int add_funding(kngg_tracker *t, const char *code, const char *as_of, json_t *root)
{
	kngg_funding_list *l = NULL;
	int rc;

	if ((rc = kngg_funding_load(t, code, as_of, &l)) < 0)
		return rc;
	set(root, "funding", kngg_funding_list_json(l));
	kngg_funding_list_free(l);
	return 0;
}

static int add_risk(void *ctx, const kngg_risk *r)
{
	return json_array_append_new(ctx, kngg_risk_json(r)) == 0 ? 0 : KNGG_ENOMEM;
}

/* The planned dates beside what happened (plan.c), under "plan". */
static int plan_json(kngg_tracker *t, const char *code, const char *as_of,
		     const kngg_status *st, json_t *root)
{
	kngg_plan *p = NULL;
	int rc = kngg_plan_load(t, code, as_of, st, &p);

	if (rc == 0)
		set(root, "plan", kngg_plan_json(p));
	kngg_plan_free(p);
	return rc;
}

static int build(kngg_tracker *t, const char *code, const char *as_of, json_t **out)
{
	kngg_status *st = NULL;
	kngg_register *reg = NULL;
	kngg_readiness *r = NULL;
	json_t *root = NULL, *orgs, *sigs, *factors, *risks;
	char today[11];
	int rc;

	if ((rc = kngg_readiness_load(t, code, 0, NULL, NULL, as_of, &r)) < 0 ||
	    (rc = kngg_status_load(t, code, as_of, &st)) < 0 ||
	    (rc = kngg_register_load(t, code, as_of, &reg)) < 0)
		goto done;
	engine_day(t, as_of, today);
	root = json_object();
	set(root, "format", json_integer(KNGG_EXPORT_VERSION));
	set(root, "definitions", js(kngg_defs_version(t->defs)));
	set(root, "source", js(kngg_defs_citation(t->defs)));
	set(root, "municipality", js(st->code));
	set(root, "name", js(st->name));
	set(root, "as_of", js(today));
	set(root, "current_phase", json_integer(st->current_phase));
	set(root, "readiness", kngg_readiness_json(r));
	{
		signoff_ctx sc = {t, code, as_of, reg, NULL, 0, 0};

		set(root, "phases", phases_json(t->defs, st, &sc));
		if ((rc = sc.rc) < 0)
			goto done;
	}
	orgs = json_array();
	for (size_t i = 0; i < reg->norgs; i++) {
		json_t *o = json_object();

		set(o, "id", json_integer(reg->orgs[i].id));
		set(o, "name", js(reg->orgs[i].name));
		set(o, "type", js(reg->orgs[i].type));
		set(o, "type_title", js(kngg_defs_label(t->defs, "organisatietypen", reg->orgs[i].type)));
		/* the main implementing organisation (named, or JGZ/wijkteam until one is) */
		set(o, "lead", json_boolean(kngg_org_is_lead(reg, reg->orgs[i].id)));
		set(o, "lead_named", json_boolean(reg->orgs[i].lead));
		json_array_append_new(orgs, o);
	}
	set(root, "organisations", orgs);
	set(root, "stakeholders", people_json(t->defs, reg));
	sigs = json_array();
	{
		struct sig_out so = {sigs, as_of};

		if ((rc = kngg_signatures(t, code, add_signature, &so)) < 0) {
			json_decref(sigs);
			goto done;
		}
	}
	set(root, "signatures", sigs);
	factors = json_array();
	for (size_t i = 0; i < st->nfactors; i++) {
		const kngg_factor_status *f = &st->factors[i];
		json_t *o = json_object();

		set(o, "id", js(f->factor->def.id));
		set(o, "title", js(f->factor->def.title));
		set(o, "score", f->date ? json_integer(f->score) : json_null());
		set(o, "date", js(f->date));
		set(o, "note", js(f->note));
		set(o, "checks", json_array());
		json_array_append_new(factors, o);
	}
	set(root, "factors", factors);
	if ((rc = kngg_factor_checks(t, code, as_of, add_check, factors)) < 0)
		goto done;
	{
		json_t *handovers;

		if ((rc = engine_handovers_json(t, code, as_of, &handovers)) < 0)
			goto done;
		set(root, "handovers", handovers);
	}
	risks = json_array();
	set(root, "risks", risks);
	if ((rc = engine_risks(t, reg, st, today, ENGINE_RISKS_ALL, add_risk, risks)) < 0)
		goto done;
	if ((rc = add_funding(t, code, as_of, root)) < 0)
		goto done;
	if ((rc = plan_json(t, code, as_of, st, root)) < 0)
		goto done;
	*out = root;
	root = NULL;
done:
	json_decref(root);
	kngg_readiness_free(r);
	kngg_status_free(st);
	kngg_register_free(reg);
	return rc;
}

/* ---- XML ----------------------------------------------------------------------- */

int kngg_export_tree(kngg_tracker *t, const char *code, const char *as_of, json_t **root)
{
	int rc;

	*root = NULL;
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	return build(t, code, as_of, root);
}

int kngg_export_json(kngg_tracker *t, const char *code, const char *as_of, char **text)
{
	json_t *root = NULL;
	int rc;

	*text = NULL;
	if ((rc = kngg_export_tree(t, code, as_of, &root)) < 0)
		return rc;
	*text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return *text ? 0 : KNGG_ENOMEM;
}
