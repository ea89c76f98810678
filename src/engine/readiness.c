/*
 * readiness.c: evaluates the readiness rules of phases/gereedheid.xml
 * against a municipality's journal as it stood on a date. Only the generic
 * rule kinds live here; which step needs what is data.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/engine.h"
#include "kngg/plan.h"
#include "kngg/readiness.h"

#define STALLED_DAYS 90 /* a step open this long is a signal (the guide: check the factors) */

typedef struct {
	kngg_tracker *t;
	const char *code;
	char today[11];
	const char *as_of; /* NULL: up to now */
	kngg_status *st;
	kngg_register *reg;
	kngg_arena *a;
	struct warnings *w; /* where sign-off points add what changed since */
	int failed;
} eval;

static void add_warning(struct warnings *w, const char *text);

static const char *fmt(eval *e, const char *f, ...) KNGG_PRINTF(2, 3);

static const char *fmt(eval *e, const char *f, ...)
{
	kngg_buf b = {0};
	va_list ap;
	char *s;

	va_start(ap, f);
	kngg_buf_vprintf(&b, f, ap);
	va_end(ap);
	s = b.failed ? NULL : kngg_arena_strdup(e->a, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	if (!s)
		e->failed = 1;
	return s;
}

/* date minus months, as YYYY-MM-DD (day clamped to 28 where needed). */
static void months_before(const char *date, int months, char out[11])
{
	int y = atoi(date), m = atoi(date + 5) - months, d = atoi(date + 8);

	while (m < 1) {
		m += 12;
		y--;
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)(d > 28 ? 28 : d) % 100u);
}

/* ---- where a step is recorded ------------------------------------------------- */

static const kngg_run_status *run_for(const eval *e, int phase, const char *area)
{
	const kngg_phase_status *ps = &e->st->phases[phase - 1];

	if (ps->nruns == 0)
		return NULL;
	if (phase == 1)
		return &ps->runs[0];
	if (phase == 2) {
		for (size_t i = 0; area && i < ps->nruns; i++)
			if (ps->runs[i].label && strcmp(ps->runs[i].label, area) == 0)
				return &ps->runs[i];
		return NULL;
	}
	return &ps->runs[ps->nruns - 1]; /* the current cycle */
}

static int step_index(const kngg_step *step)
{
	const kngg_phase *ph = kngg_def_phase(step->def.parent);

	return (int)(step - ph->steps);
}

static int phase_of(const kngg_def *d)
{
	while (d && d->kind != KNGG_DEF_PHASE)
		d = d->parent;
	return d ? kngg_def_phase(d)->number : 0;
}

/* ---- fix hints: complete commands ----------------------------------------------- */

/* s as one shell word: bare when it holds only safe characters, else in
 * double quotes (with ", \, $ and ` escaped). Placeholders a human fills in
 * ("NAAM", "STUK") are written quoted by the callers, so that a name with
 * spaces fits in. */
static const char *shq(eval *e, const char *s)
{
	kngg_buf b = {0};
	const char *p;
	char *out;
	int bare = *s != '\0';

	for (p = s; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./_-:",
			    *p))
			bare = 0;
	if (bare)
		return s;
	kngg_buf_printf(&b, "\"");
	for (p = s; *p; p++)
		kngg_buf_printf(&b, "%s%c", strchr("\"\\$`", *p) ? "\\" : "", *p);
	kngg_buf_printf(&b, "\"");
	out = b.failed ? NULL : kngg_arena_strdup(e->a, kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	if (!out)
		e->failed = 1;
	return out ? out : "";
}

/* " --area NAME" for a phase-2 rule, else "". */
static const char *area_arg(eval *e, int phase, const char *area)
{
	return phase == 2 && area ? fmt(e, " --area %s", shq(e, area)) : "";
}

/* The first organisation of the register of a type (or the main
 * implementing organisation for KNGG_ORG_LEAD), or NULL. */
static const kngg_org *org_of_type(const eval *e, const char *type)
{
	for (size_t i = 0; type && i < e->reg->norgs; i++) {
		const kngg_org *o = &e->reg->orgs[i];

		if (strcmp(type, KNGG_ORG_LEAD) == 0 ? kngg_org_is_lead(e->reg, o->id)
						     : o->type && strcmp(o->type, type) == 0)
			return o;
	}
	return NULL;
}

/* Someone in the register who holds role today (at organisation org_id
 * when that is not 0), or NULL. */
static const kngg_stakeholder *holder_of(const eval *e, const char *role, int64_t org_id)
{
	for (size_t i = 0; i < e->reg->npeople; i++) {
		const kngg_stakeholder *s = &e->reg->people[i];

		if (!s->person.erased_at && s->person.name &&
		    kngg_stakeholder_has_role(s, role, e->today) &&
		    (!org_id || s->person.org_id == org_id))
			return s;
	}
	return NULL;
}

/* ---- the rule kinds -------------------------------------------------------------- */

static const char *const kind_words[] = {"", "gedaan", "getekend", "commitment", "factor",
					 "quickscan"};

static void rule_done(eval *e, const kngg_rule *r, const char *area, kngg_rule_result *out)
{
	const kngg_def *d = r->target;
	const kngg_step *step = kngg_def_step(d->kind == KNGG_DEF_STEP ? d : d->parent);
	int phase = phase_of(d);
	const kngg_run_status *run = run_for(e, phase, phase == 2 ? area : NULL);
	const kngg_step_status *ss = run ? &run->steps[step_index(step)] : NULL;
	const char *date = NULL;
	const char *where = area_arg(e, phase, area);

	if (d->kind == KNGG_DEF_STEP) {
		date = ss && ss->state == KNGG_STATE_DONE ? ss->done : NULL;
		out->met = date != NULL;
		out->text = date ? fmt(e, "stap %s (%s) afgerond op %s", d->id, d->title, date)
				 : fmt(e, "stap %s (%s) is %s", d->id, d->title,
				       ss && ss->state == KNGG_STATE_REOPENED ? "heropend en niet opnieuw afgerond"
				       : ss && ss->state == KNGG_STATE_STARTED ? "gestart maar niet afgerond"
									    : "niet afgerond");
		out->fix = fmt(e, "kngg step done %s %s%s", e->code, d->id, where);
		return;
	}
	for (size_t i = 0; ss && i < step->nactivities; i++)
		if (&step->activities[i] == d)
			date = ss->activity_done[i];
	for (size_t i = 0; ss && i < step->ndeliverables; i++)
		if (&step->deliverables[i] == d)
			date = ss->deliverable_done[i];
	out->met = date != NULL;
	if (d->kind == KNGG_DEF_ACTIVITY) {
		out->text = date ? fmt(e, "activiteit %s gedaan op %s", d->id, date)
				 : fmt(e, "activiteit %s is niet gedaan: %s", d->id, d->text);
		out->fix = fmt(e, "kngg activity done %s %s%s", e->code, d->id, where);
	} else {
		out->text = date ? fmt(e, "oplevering %s klaar op %s", d->id, date)
				 : fmt(e, "oplevering %s is niet klaar: %s", d->id, d->text);
		out->fix = fmt(e, "kngg deliverable done %s %s --document \"TITEL\"%s", e->code,
			       d->id, where);
	}
}

static const char *party_label(eval *e, const kngg_party *p)
{
	if (p->role)
		return kngg_defs_label(e->t->defs, "rollen", p->role);
	if (strcmp(p->org, KNGG_ORG_LEAD) == 0)
		return "iemand van de hoofduitvoerder";
	return fmt(e, "iemand van %s", kngg_defs_label(e->t->defs, "organisatietypen", p->org));
}

/* The command that records a signature for party p (the first one
 * missing; NULL: the first signer of the point) in slot sl (or NULL): its
 * role, its organisation and, when the register knows one, who holds that
 * role there. */
static const char *signoff_fix(eval *e, const kngg_signoff *so, const kngg_party *p,
			       const kngg_signoff_slot *sl, int phase, const char *area)
{
	const kngg_stakeholder *who = NULL;
	const kngg_org *org = NULL;
	const char *org_name = sl && sl->org ? sl->org : NULL;
	int64_t org_id = sl ? sl->org_id : 0;
	const char *role;

	if (!p && so->nsigners)
		p = &so->signers[0];
	if (p && p->role) {
		role = p->role;
		who = holder_of(e, role, org_id);
	} else {
		/* a party by organisation type: its organisation signs through its
		 * wethouder (gemeente) or bestuurder (any other) */
		if (!org_name && p && (org = org_of_type(e, p->org)) != NULL) {
			org_name = org->name;
			org_id = org->id;
		}
		role = (org && org->type && strcmp(org->type, "gemeente") == 0) ||
				       (p && p->org && strcmp(p->org, "gemeente") == 0)
			       ? "wethouder"
			       : "bestuurder";
		who = holder_of(e, role, org_id);
	}
	if (!org_name && who && who->person.org)
		org_name = who->person.org;
	if (!org_name && (strcmp(role, "wethouder") == 0 || strcmp(role, "gemeenteraad") == 0 ||
			  strcmp(role, "opdrachtgever") == 0) &&
	    (org = org_of_type(e, "gemeente")) != NULL)
		org_name = org->name;
	return fmt(e, "kngg signoff %s %s --decision %s --signer %s --role %s --org %s --document \"STUK\"%s",
		   e->code, so->def.id, so->decision == KNGG_DECISION_GO_NO_GO ? "go" : "akkoord",
		   who ? shq(e, who->person.name) : "\"NAAM\"", role,
		   org_name ? shq(e, org_name) : "\"ORGANISATIE\"", area_arg(e, phase, area));
}

static void rule_signed(eval *e, const kngg_rule *r, const char *area, kngg_rule_result *out)
{
	const kngg_signoff *so = kngg_def_signoff(r->target);
	int phase = phase_of(r->target);
	kngg_signoff_status *s = NULL;
	kngg_buf missing = {0};

	out->fix = signoff_fix(e, so, NULL, NULL, phase, area);
	/* phases 3-4 sign in a cycle, phase 2 in an area: without one, not signed */
	if ((phase >= 3 && !run_for(e, phase, NULL)) || (phase == 2 && !run_for(e, 2, area))) {
		out->text = fmt(e, "ondertekening %s: nog niet mogelijk (geen %s)", so->def.id,
				phase == 2 ? "gebied" : "cyclus");
		return;
	}
	/* a cycle seen as of a past date may have been withdrawn since: then
	 * nothing was signed in it that stands */
	if (phase >= 3) {
		int64_t cycle_id;
		int number;

		if (kngg_store_cycle_current(e->t->store, e->code, phase, &cycle_id, &number) ==
		    KNGG_ENOTFOUND) {
			out->text = fmt(e, "ondertekening %s niet compleet (de cyclus is later ingetrokken)",
					so->def.id);
			return;
		}
	}
	if (engine_signoff_status(e->t, e->code, so, phase == 2 ? area : NULL, e->as_of, e->reg,
				  &s) < 0) {
		e->failed = 1;
		return;
	}
	out->met = s->complete;
	for (size_t i = 0; i < s->nslots; i++) {
		const kngg_signoff_slot *sl = &s->slots[i];

		if (sl->ok || sl->party->optional)
			continue;
		if (!missing.len)
			out->fix = signoff_fix(e, so, sl->party, sl, phase, area);
		kngg_buf_printf(&missing, "%s%s%s%s%s", missing.len ? ", " : "",
				party_label(e, sl->party),
				sl->org ? " van " : "", sl->org ? sl->org : "",
				sl->latest ? fmt(e, " (%s op %s)", sl->latest->decision, sl->latest->date) : "");
	}
	for (size_t i = 0; i < s->nwarnings; i++)
		add_warning(e->w, fmt(e, "%s", s->warnings[i]));
	if (s->complete && s->frozen)
		out->text = fmt(e, "ondertekening %s compleet sinds %s (met de partijen van %s; wat later veranderde staat bij de waarschuwingen)",
				so->def.id, s->completed_on, s->set_on);
	else if (s->complete)
		out->text = fmt(e, "ondertekening %s compleet%s%s", so->def.id,
				s->completed_on ? " sinds " : "", s->completed_on ? s->completed_on : "");
	else
		out->text = fmt(e, "ondertekening %s niet compleet: %s%s%s%s", so->def.id,
				missing.len ? "ontbreekt " : "", kngg_buf_cstr(&missing),
				missing.len && s->missing_set ? "; " : "",
				s->missing_set ? s->missing_set : "");
	kngg_buf_free(&missing);
	kngg_signoff_status_free(s);
}

/* Whether s has a commitment that counts. */
static int committed(const eval *e, const kngg_stakeholder *s)
{
	return s->latest && kngg_commitment_counts(e->t->defs, s->latest->commitment);
}

/* Whether s is of the level and organisation a commitment rule asks for. */
static int commitment_fits(const eval *e, const kngg_rule *r, const kngg_stakeholder *s)
{
	if (s->person.erased_at || !kngg_rule_level_ok(r, s->person.level))
		return 0;
	if (r->org_type && strcmp(r->org_type, KNGG_ORG_LEAD) == 0)
		return kngg_org_is_lead(e->reg, s->person.org_id);
	return !r->org_type ||
	       (s->person.org_type && strcmp(s->person.org_type, r->org_type) == 0);
}

/*
 * The one command that brings an unmet commitment rule closer: the
 * analysis of someone who fits but has not committed; else, for a role,
 * assigning it (who gets it is the projectleider's choice: ID); else adding
 * a stakeholder of the level and organisation asked for.
 */
static const char *commitment_fix(eval *e, const kngg_rule *r)
{
	const kngg_stakeholder *fits = NULL;
	const kngg_org *org;
	char level[32];

	for (size_t i = 0; i < e->reg->npeople; i++) {
		const kngg_stakeholder *s = &e->reg->people[i];

		if (!commitment_fits(e, r, s))
			continue;
		if (r->role && !kngg_stakeholder_has_role(s, r->role, e->today))
			continue;
		if (!committed(e, s)) {
			fits = s;
			break;
		}
	}
	if (fits)
		return fmt(e, "kngg stakeholder assess %s %lld --commitment toegezegd", e->code,
			   (long long)fits->person.id);
	if (r->role)
		return fmt(e, "kngg role assign %s ID %s", e->code, r->role);
	/* the first of the rule's levels ("bestuurlijk management") */
	snprintf(level, sizeof(level), "%s", r->level ? r->level : "");
	level[strcspn(level, " ")] = '\0';
	org = org_of_type(e, r->org_type);
	/* an organisation not registered yet needs its type: the rule's, or
	 * for the main implementing organisation the projectleider's choice */
	return fmt(e, "kngg stakeholder add %s --name \"NAAM\" --org %s%s%s%s%s", e->code,
		   org ? shq(e, org->name) : "\"ORGANISATIE\"", org ? "" : " --org-type ",
		   org ? ""
		   : r->org_type && strcmp(r->org_type, KNGG_ORG_LEAD) != 0 ? r->org_type
									   : "TYPE",
		   *level ? " --level " : "", level);
}

static void rule_commitment(eval *e, const kngg_rule *r, kngg_rule_result *out)
{
	int n = 0;

	for (size_t i = 0; i < e->reg->npeople; i++) {
		const kngg_stakeholder *s = &e->reg->people[i];

		if (!committed(e, s) || !commitment_fits(e, r, s))
			continue;
		if (r->role && !kngg_stakeholder_has_role(s, r->role, e->today))
			continue;
		n++;
	}
	out->met = n >= r->min;
	out->text = fmt(e, "minstens %d %s met commitment (vanaf 'toegezegd'; geïnformeerd telt niet)%s%s%s%s%s%s: nu %d",
			r->min, r->min == 1 ? "persoon" : "personen",
			r->level ? ", niveau " : "", r->level ? r->level : "",
			r->org_type ? ", van " : "",
			!r->org_type ? ""
			: strcmp(r->org_type, KNGG_ORG_LEAD) == 0
				? (e->reg->lead_named ? "de hoofduitvoerder"
						      : "de hoofduitvoerder (nog niet genoemd; nu JGZ en wijkteam)")
				: kngg_defs_label(e->t->defs, "organisatietypen", r->org_type),
			r->role ? ", in de rol " : "", r->role ? r->role : "", n);
	out->fix = commitment_fix(e, r);
}

static void rule_factor(eval *e, const kngg_rule *r, kngg_rule_result *out)
{
	char limit[11] = "";
	kngg_buf why = {0};
	const char *first = NULL;

	if (r->within_months)
		months_before(e->today, r->within_months, limit);
	for (size_t i = 0; i < e->st->nfactors; i++) {
		const kngg_factor_status *f = &e->st->factors[i];

		if (r->target && &f->factor->def != r->target)
			continue;
		if (!f->date)
			kngg_buf_printf(&why, "%s%s nooit gecheckt", why.len ? ", " : "", f->factor->def.id);
		else if (*limit && strcmp(f->date, limit) < 0)
			kngg_buf_printf(&why, "%s%s laatst op %s", why.len ? ", " : "", f->factor->def.id,
					f->date);
		else if (r->has_min && f->score < r->min)
			kngg_buf_printf(&why, "%s%s scoort %d", why.len ? ", " : "", f->factor->def.id,
					f->score);
		else
			continue;
		if (!first)
			first = f->factor->def.id;
	}
	out->met = why.len == 0;
	out->text = fmt(e, "%s%s%s%s%s%s", r->target ? "factor " : "alle essentiële factoren",
			r->target ? r->target->id : "",
			r->within_months ? fmt(e, " gecheckt in de laatste %d maanden", r->within_months) : "",
			r->has_min ? fmt(e, ", score minstens %d", r->min) : "",
			why.len ? ": " : "", why.len ? kngg_buf_cstr(&why) : "");
	out->fix = fmt(e, "kngg factor %s %s --score N", e->code,
		       first ? first : r->target ? r->target->id : "FACTOR");
	kngg_buf_free(&why);
}

/* A theme as --theme takes it: its id without "quickscan/". */
static const char *theme_word(const char *id)
{
	const char *slash = strrchr(id, '/');

	return slash ? slash + 1 : id;
}

static void rule_quickscan(eval *e, int phase, kngg_rule_result *out)
{
	const kngg_quickscan *q = kngg_defs_quickscan(e->t->defs);
	const kngg_run_status *run = run_for(e, phase >= 3 ? phase : 3, NULL);
	int done = run ? run->quickscan_count : 0; /* themes scored in this cycle */

	out->met = run && (size_t)done == q->nthemes;
	out->text = run ? fmt(e, "QuickScan van %s: %d van %zu thema's gescoord", run->label, done,
			      q->nthemes)
			: fmt(e, "QuickScan: er loopt nog geen cyclus");
	size_t open = 0;

	/* the first theme not scored yet in this cycle */
	while (run && run->quickscan && open < q->nthemes && run->quickscan[open] >= 0)
		open++;
	out->fix = run ? fmt(e, "kngg quickscan %s --theme %s --score N --phase %d", e->code,
			     open < q->nthemes ? theme_word(q->themes[open].def.id) : "THEMA",
			     phase >= 3 ? phase : 3)
		       : fmt(e, "kngg cycle start %s %d", e->code, phase >= 3 ? phase : 3);
}

/* The step a rule is about (done or signed), or NULL. */
static const kngg_step *rule_step(const kngg_rule *r)
{
	const kngg_def *d = r->target;

	if (!d || (r->kind != KNGG_RULE_DONE && r->kind != KNGG_RULE_SIGNED))
		return NULL;
	while (d && d->kind != KNGG_DEF_STEP)
		d = d->parent;
	return d ? kngg_def_step(d) : NULL;
}

/* Evaluates one rule set into a section. kind: the kind of area of a
 * phase-2 section (0 otherwise); only rules about steps that run in that
 * kind count, and a later wijk or doelgroep does not gate the phase nor
 * carry its situational rules. */
static void eval_section(eval *e, const kngg_ruleset *rs, const char *scope, const char *area,
			 int phase, kngg_area_kind kind, kngg_readiness_section *sec)
{
	kngg_rule_result *res = kngg_arena_alloc(e->a, (rs->nrules + 1) * sizeof(*res));
	size_t n = 0;

	sec->scope = scope;
	sec->area = area;
	sec->gating = kind == 0 || kind == KNGG_AREA_EXPERIMENT;
	if (!res) {
		e->failed = 1;
		return;
	}
	for (size_t i = 0; i < rs->nrules && !e->failed; i++) {
		const kngg_rule *r = &rs->rules[i];
		const kngg_step *st = rule_step(r);
		kngg_rule_result *out;

		if (kind && (st ? !kngg_step_runs_in(st, kind)
				: !sec->gating && rs->scope->kind == KNGG_DEF_PHASE))
			continue;
		out = &res[n++];
		out->rule = r;
		out->binding = r->binding;
		out->lines = r->lines;
		out->kind = kind_words[r->kind];
		out->id = r->target ? r->target->id : kind_words[r->kind];
		switch (r->kind) {
		case KNGG_RULE_DONE: rule_done(e, r, area, out); break;
		case KNGG_RULE_SIGNED: rule_signed(e, r, area, out); break;
		case KNGG_RULE_COMMITMENT: rule_commitment(e, r, out); break;
		case KNGG_RULE_FACTOR: rule_factor(e, r, out); break;
		case KNGG_RULE_QUICKSCAN: rule_quickscan(e, phase, out); break;
		}
		if (!out->met && out->binding)
			sec->nmissing++;
		else if (!out->met)
			sec->nadvice++;
	}
	sec->results = res;
	sec->nresults = n;
	sec->ready = sec->nmissing == 0;
}

/* A section that cannot be evaluated yet (no area, no cycle). */
static void blocked_section(eval *e, const char *scope, const char *id, const char *text,
			    const char *fix, kngg_readiness_section *sec)
{
	kngg_rule_result *res = kngg_arena_alloc(e->a, sizeof(*res));

	sec->scope = scope;
	if (!res) {
		e->failed = 1;
		return;
	}
	res->id = id;
	res->kind = "voorwaarde";
	res->text = text;
	res->fix = fix;
	res->binding = 1;
	sec->gating = 1;
	sec->results = res;
	sec->nresults = 1;
	sec->nmissing = 1;
}

/* ---- sections for a scope ------------------------------------------------------ */

typedef struct {
	kngg_readiness_section *list;
	size_t n, cap;
} sections;

static kngg_readiness_section *new_section(eval *e, sections *ss)
{
	if (ss->n == ss->cap) {
		kngg_readiness_section *p = kngg_arena_alloc(e->a, (ss->cap = ss->cap ? 2 * ss->cap : 4) *
								   sizeof(*p));

		if (!p) {
			e->failed = 1;
			return NULL;
		}
		if (ss->n)
			memcpy(p, ss->list, ss->n * sizeof(*p));
		ss->list = p;
	}
	memset(&ss->list[ss->n], 0, sizeof(ss->list[ss->n]));
	return &ss->list[ss->n++];
}

/* Sections for a phase (scope_def a phase) or a step of it. */
static void scope_sections(eval *e, const kngg_def *scope_def, const char *area, sections *ss)
{
	const kngg_ruleset *rs = kngg_defs_rules(e->t->defs, scope_def);
	int phase = phase_of(scope_def);
	const kngg_phase_status *ps = &e->st->phases[phase - 1];
	const char *what = scope_def->kind == KNGG_DEF_PHASE ? fmt(e, "fase %d", phase)
							     : fmt(e, "stap %s", scope_def->id);
	kngg_readiness_section *sec;

	if (!rs) {
		static const kngg_ruleset none = {NULL, NULL, 0};

		rs = &none; /* no rules: nothing to miss */
	}
	if (phase == 2) {
		size_t n = 0, gating = 0;

		for (size_t i = 0; i < ps->nruns; i++) {
			const kngg_run_status *run = &ps->runs[i];
			static const char *const kinds[] = {"", "experiment", "nieuwe wijk", "",
							    "nieuwe doelgroep"};

			if (area && (!run->label || strcmp(run->label, area) != 0))
				continue;
			/* a step asked about that does not run in this kind of area */
			if (scope_def->kind == KNGG_DEF_STEP &&
			    !kngg_step_runs_in(kngg_def_step(scope_def), run->kind))
				continue;
			if (!(sec = new_section(e, ss)))
				return;
			eval_section(e, rs,
				     fmt(e, "%s, gebied %s (%s%s)", what, run->label ? run->label : "?",
					 kinds[run->kind & 7],
					 run->kind == KNGG_AREA_EXPERIMENT || run->kind == 0 ? ""
					 : "; telt niet mee voor fase 3"),
				     fmt(e, "%s", run->label ? run->label : ""), phase, run->kind, sec);
			n++;
			gating += sec->gating;
		}
		if (n == 0 && area && (sec = new_section(e, ss)))
			blocked_section(e, what, "gebied",
					fmt(e, "stap %s loopt niet in gebied '%s' (zie 'kngg area list %s')",
					    scope_def->id, area, e->code),
					NULL, sec);
		else if (gating == 0 && !area && (sec = new_section(e, ss)))
			blocked_section(e, what, "gebied",
					"fase 2 begint met een experiment in een eerste gebied; dat is er nog niet",
					fmt(e, "kngg area add %s \"NAAM\" --kind experiment",
					    e->code), sec);
		return;
	}
	if (!(sec = new_section(e, ss)))
		return;
	if (phase >= 3 && ps->nruns == 0) {
		blocked_section(e, what, "cyclus", fmt(e, "fase %d loopt in cycli; er is nog geen cyclus", phase),
				fmt(e, "kngg cycle start %s %d", e->code, phase), sec);
		return;
	}
	eval_section(e, rs, phase >= 3 ? fmt(e, "%s, %s", what, ps->runs[ps->nruns - 1].label) : what,
		     NULL, phase, 0, sec);
}

/* Ready: every section that gates the phase (not a later wijk or
 * doelgroep), and there is one. */
static int sections_ready(const sections *ss)
{
	size_t gating = 0;

	for (size_t i = 0; i < ss->n; i++) {
		if (!ss->list[i].gating)
			continue;
		if (!ss->list[i].ready)
			return 0;
		gating++;
	}
	return gating > 0;
}

/* ---- warnings ---------------------------------------------------------------------- */

typedef struct warnings {
	eval *e;
	const char **list;
	size_t n, cap;
} warnings;

static void add_warning(warnings *w, const char *text)
{
	if (!text)
		return;
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->list[i], text) == 0)
			return; /* a point evaluated for two sections says it once */
	if (w->n == w->cap) {
		const char **p = kngg_arena_alloc(w->e->a, (w->cap = w->cap ? 2 * w->cap : 8) * sizeof(*p));

		if (!p) {
			w->e->failed = 1;
			return;
		}
		if (w->n)
			memcpy(p, w->list, w->n * sizeof(*p));
		w->list = p;
	}
	w->list[w->n++] = text;
}

static int risk_warning(void *ctx, const kngg_risk *r)
{
	warnings *w = ctx;

	/* only the kinds asked for come here (WARNING_RISKS) */
	add_warning(w, fmt(w->e, "%s", r->text));
	return 0;
}

/* The two lowest-scored factors, for the stalled-step advice. */
static const char *lowest_factors(eval *e)
{
	const kngg_factor_status *a = NULL, *b = NULL;

	for (size_t i = 0; i < e->st->nfactors; i++) {
		const kngg_factor_status *f = &e->st->factors[i];

		if (!f->date)
			continue;
		if (!a || f->score < a->score) {
			b = a;
			a = f;
		} else if (!b || f->score < b->score) {
			b = f;
		}
	}
	if (!a)
		return "er zijn nog geen factorchecks; doe er een met 'kngg factor'";
	return b ? fmt(e, "laagst gescoord: %s (%d), %s (%d)", a->factor->def.id, a->score,
		       b->factor->def.id, b->score)
		 : fmt(e, "laagst gescoord: %s (%d)", a->factor->def.id, a->score);
}

static void step_warnings(eval *e, warnings *w, const char **oldest)
{
	const char *oldest_date = NULL;

	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &e->st->phases[p];

		for (size_t r = 0; ps->phase && r < ps->nruns; r++) {
			for (size_t s = 0; s < ps->phase->nsteps; s++) {
				const kngg_step_status *ss = &ps->runs[r].steps[s];
				const char *id = ps->phase->steps[s].def.id;
				const char *since = ss->state == KNGG_STATE_REOPENED ? ss->reopened : ss->started;
				const char *where = ps->runs[r].label ? fmt(e, " (%s)", ps->runs[r].label) : "";

				if (ss->state == KNGG_STATE_REOPENED)
					add_warning(w, fmt(e, "stap %s%s is heropend op %s", id, where,
							   ss->reopened));
				if ((ss->state != KNGG_STATE_STARTED && ss->state != KNGG_STATE_REOPENED) ||
				    !since || kngg_days_between(since, e->today) <= STALLED_DAYS)
					continue;
				add_warning(w, fmt(e, "stap %s%s loopt sinds %s (%ld dagen) en is niet afgerond; een stilstaande stap is een signaal om de essentiële factoren te bekijken: %s",
						   id, where, since, kngg_days_between(since, e->today), lowest_factors(e)));
				if (!oldest_date || strcmp(since, oldest_date) < 0) {
					oldest_date = since;
					*oldest = fmt(e, "%s sinds %s", id, since);
				}
			}
		}
	}
}

/* ---- the review -------------------------------------------------------------------- */

struct declared {
	const char *as_of;
	int phase;
	char on[11];
};

static int last_declared(void *ctx, const kngg_event *ev)
{
	struct declared *d = ctx;

	if (engine_withdrawn(ev, d->as_of))
		return 0;
	d->phase = atoi(ev->value ? ev->value : "0");
	snprintf(d->on, sizeof(d->on), "%s", ev->date);
	return 0;
}

/* The scope every section shares: the one section's scope, else the part
 * before ", " that all sections have in common ("fase 2"), else fallback. */
static const char *common_scope(eval *e, const kngg_readiness *r, const char *fallback)
{
	const char *first, *comma;
	size_t k;

	if (r->nsections == 0)
		return fallback;
	if (r->nsections == 1)
		return r->sections[0].scope ? r->sections[0].scope : fallback;
	first = r->sections[0].scope;
	if (!first)
		return fallback;
	comma = strstr(first, ", ");
	k = comma ? (size_t)(comma - first) : strlen(first);
	for (size_t i = 1; i < r->nsections; i++) {
		const char *s = r->sections[i].scope;

		if (!s || strncmp(s, first, k) != 0 || (s[k] != '\0' && s[k] != ','))
			return fallback;
	}
	return fmt(e, "%.*s", (int)k, first);
}

/* The risks readiness shows as warnings: commitment to re-confirm, a step
 * past its planned date, an agreement that runs out, money that stops
 * (4.borging); never a rule unmet (the point an agreement completed stays
 * complete). */
#define WARNING_RISKS                                                                      \
	(ENGINE_RISK(KNGG_RISK_STALE_COMMITMENT) | ENGINE_RISK(KNGG_RISK_COMMITTER_LEFT) | \
	 ENGINE_RISK(KNGG_RISK_OVERDUE) | ENGINE_RISK(KNGG_RISK_AGREEMENT_EXPIRES) |       \
	 ENGINE_RISK(KNGG_RISK_FUNDING_ENDS))

/* with_warnings 0: the rules and the calculated phase only, without the
 * step warnings and the risks (kngg_readiness_phase) */
static int load(kngg_tracker *t, const char *code, int phase, const char *step, const char *area,
		const char *as_of, int with_warnings, kngg_readiness **out)
{
	eval e = {0};
	kngg_readiness *r = NULL;
	const kngg_def *scope = NULL;
	sections calc = {0}, asked = {0};
	warnings w = {0};
	kngg_event_filter f = {0};
	int rc, own_journal, target;

	*out = NULL;
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	if (phase && step)
		return engine_fail(t, KNGG_EINVALID, "vraag naar een fase of naar een stap, niet allebei");
	if (phase && (phase < 1 || phase > KNGG_PHASES))
		return engine_fail(t, KNGG_EINVALID, "fase %d bestaat niet (1-%d)", phase, KNGG_PHASES);
	if (step) {
		scope = kngg_defs_find(t->defs, step);
		if (!scope || scope->kind != KNGG_DEF_STEP)
			return engine_fail(t, KNGG_ENOTFOUND, "onbekende stap '%s' (zie 'kngg phases')", step);
	}
	if (area && (phase ? phase != 2 : step ? phase_of(scope) != 2 : 0))
		return engine_fail(t, KNGG_EINVALID, "--area hoort bij fase 2 en zijn stappen");
	if (area && !phase && !step)
		phase = 2; /* an area asks about phase 2 */
	e.t = t;
	e.code = code;
	e.as_of = as_of;
	engine_day(t, as_of, e.today);
	/* every walk below reads this municipality's journal once, from memory */
	own_journal = !engine_journal_is(t, code, as_of);
	if (own_journal && ((rc = engine_need_municipality(t, code)) < 0 ||
			    (rc = engine_journal_open(t, code, as_of)) < 0))
		return rc;
	if ((rc = kngg_status_load(t, code, as_of, &e.st)) < 0)
		goto done;
	if (area) {
		int64_t id;

		rc = kngg_store_area_find(t->store, code, area, &id);
		if (rc == KNGG_ENOTFOUND)
			rc = engine_fail(t, rc, "onbekend gebied '%s' in %s (zie 'kngg area list %s')", area,
					 code, code);
		if (rc < 0)
			goto done;
	}
	if ((rc = kngg_register_load(t, code, as_of, &e.reg)) < 0)
		goto done;
	if (!(r = calloc(1, sizeof(*r))) || !(e.a = r->arena = kngg_arena_new())) {
		rc = KNGG_ENOMEM;
		goto done;
	}
	w.e = &e;
	e.w = &w;
	r->code = fmt(&e, "%s", code);
	r->name = fmt(&e, "%s", e.st->name);
	r->as_of = fmt(&e, "%s", e.today);

	/* the question: the phase asked, else the phase the municipality works
	 * in now (the highest with recorded progress) */
	target = phase ? phase : e.st->current_phase;
	/* the calculated phase: 1 + the phases complete in a row; the
	 * sections of the phase asked about are kept when evaluated here */
	r->calculated_phase = 1;
	for (int p = 1; p <= 3 && !e.failed; p++) {
		sections s = {0};
		int ready;

		scope_sections(&e, &kngg_defs_phase_by_number(t->defs, p)->def, NULL, &s);
		ready = sections_ready(&s);
		if (!step && !area && p == target)
			calc = s;
		if (!ready)
			break;
		r->calculated_phase = p + 1;
	}
	if (step)
		scope_sections(&e, scope, area, &asked);
	else if (calc.n)
		asked = calc;
	else
		scope_sections(&e, &kngg_defs_phase_by_number(t->defs, target)->def, area, &asked);
	r->sections = asked.list;
	r->nsections = asked.n;
	r->ready = sections_ready(&asked);
	r->scope = common_scope(&e, r, step ? fmt(&e, "stap %s", step)
					    : fmt(&e, "fase %d", phase ? phase : r->calculated_phase));

	f.municipality = code;
	f.kind = KNGG_EV_PHASE_DECLARE;
	f.until = as_of;
	{
		struct declared d = {as_of, 0, ""};

		if ((rc = engine_events(t, &f, last_declared, &d)) < 0)
			goto done;
		r->declared_phase = d.phase;
		r->declared_on = d.phase ? fmt(&e, "%s", d.on) : NULL;
	}
	if (with_warnings) {
		step_warnings(&e, &w, &r->oldest_stalled);
		if ((rc = engine_risks(t, e.reg, e.st, e.today, WARNING_RISKS, risk_warning, &w)) < 0)
			goto done;
	}
	r->warnings = w.list;
	r->nwarnings = w.n;
	rc = e.failed ? KNGG_ENOMEM : 0;
done:
	if (own_journal)
		engine_journal_close(t);
	kngg_status_free(e.st);
	kngg_register_free(e.reg);
	if (rc < 0) {
		kngg_readiness_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

int kngg_readiness_load(kngg_tracker *t, const char *code, int phase, const char *step,
			const char *area, const char *as_of, kngg_readiness **out)
{
	return load(t, code, phase, step, area, as_of, 1, out);
}

int kngg_readiness_phase(kngg_tracker *t, const char *code, const char *as_of, int *phase)
{
	kngg_readiness *r = NULL;
	int rc = load(t, code, 0, NULL, NULL, as_of, 0, &r);

	*phase = rc < 0 ? 0 : r->calculated_phase;
	kngg_readiness_free(r);
	return rc;
}

void kngg_readiness_free(kngg_readiness *r)
{
	if (!r)
		return;
	kngg_arena_free(r->arena);
	free(r);
}

/* ---- declared phase and regions ---------------------------------------------------- */

int kngg_phase_declare(kngg_tracker *t, const char *code, int phase, const kngg_track_opts *o)
{
	char date[11], value[2];
	kngg_event ev;
	int rc;

	if (phase < 1 || phase > 4)
		return engine_fail(t, KNGG_EINVALID, "fase %d bestaat niet (1-4)", phase);
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) == 0) {
		value[0] = (char)('0' + phase);
		value[1] = '\0';
		engine_fill_event(t, &ev, KNGG_EV_PHASE_DECLARE, code, date, o);
		ev.value = value;
		rc = engine_event_add(t, &ev, NULL);
	}
	return engine_finish(t, rc);
}

int kngg_region_add(kngg_tracker *t, const char *region, const char *const *codes, size_t n,
		    const kngg_track_opts *o)
{
	char date[11];
	kngg_event ev;
	int rc = 0;

	if ((rc = engine_check_name(t, "naam van de regio", region, 1)) < 0 ||
	    (rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	if (n == 0)
		return engine_fail(t, KNGG_EINVALID, "noem minstens een gemeente (CBS-code)");
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if ((rc = engine_need_municipality(t, codes[i])) < 0)
			break;
		rc = kngg_store_region_join(t->store, region, codes[i], date);
		if (rc == KNGG_EEXISTS) {
			rc = engine_fail(t, rc, "%s hoort al bij regio '%s'", codes[i], region);
			break;
		}
		if (rc == 0) {
			engine_fill_event(t, &ev, KNGG_EV_REGION_JOIN, codes[i], date, o);
			ev.value = region;
			rc = engine_event_add(t, &ev, NULL);
		}
	}
	return engine_finish(t, rc);
}

int kngg_region_members(kngg_tracker *t, const char *region, kngg_code_fn fn, void *ctx)
{
	int rc = kngg_store_region_members(t->store, region, fn, ctx);

	if (rc == KNGG_ENOTFOUND)
		return engine_fail(t, rc, "onbekende regio '%s' (maak hem met 'kngg region add')",
				   region ? region : "");
	return rc;
}

struct each_ctx {
	kngg_tracker *t;
	const char *as_of;
	kngg_readiness_fn fn;
	void *ctx;
};

static int review_one(void *ctx, const char *code)
{
	struct each_ctx *c = ctx;
	kngg_readiness *r;
	int rc = kngg_readiness_load(c->t, code, 0, NULL, NULL, c->as_of, &r);

	if (rc < 0)
		return rc;
	rc = c->fn(c->ctx, r);
	kngg_readiness_free(r);
	return rc;
}

int kngg_readiness_all(kngg_tracker *t, const char *as_of, kngg_readiness_fn fn, void *ctx)
{
	struct each_ctx c = {t, as_of, fn, ctx};
	int rc = engine_check_as_of(t, as_of);

	return rc < 0 ? rc : engine_journal_each(t, as_of, review_one, &c);
}
