/*
 * page_roadmap.c: a municipality's roadmap (the four phases drawn as SVG,
 * with the same facts as a table) and the page of one step, where its
 * state, activities, deliverables and sign-offs are recorded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "kngg/people.h"
#include "kngg/plan.h"
#include "web/svg.h"
#include "kngg/readiness.h"
#include "web/web.h"

/* "/gemeente/GM0479/stap/2.3?gebied=Poelenburg" (escaped later). */
static void step_href(kngg_buf *b, const char *code, const char *step, const char *area)
{
	kngg_buf_printf(b, "/gemeente/%s/stap/%s", code, step);
	if (area) {
		kngg_buf_puts(b, "?gebied=");
		web_url_encode(b, area);
	}
}

static const char *step_date(const kngg_step_status *ss)
{
	if (ss->state == KNGG_STATE_DONE)
		return ss->done;
	if (ss->state == KNGG_STATE_REOPENED)
		return ss->reopened;
	return ss->started;
}

static void state_cell(kngg_buf *b, const kngg_step_status *ss)
{
	char nl[32];

	kngg_date_nl(step_date(ss), nl);
	web_hf(b, "<td><span class=\"state s%d\">%s</span>%s%s</td>", (int)ss->state,
	       kngg_step_state_name(ss->state), nl[0] ? " " : "", nl);
}

/* The planned date of a step and how the work keeps to it (kngg plan), as
 * a table cell: a step past it and not done is flagged. */
static void plan_cell(kngg_buf *b, const kngg_plan_item *it)
{
	char nl[32], dev[64];

	if (!it) {
		kngg_buf_puts(b, "<td></td>");
		return;
	}
	kngg_date_nl(it->due, nl);
	kngg_plan_deviation(it, dev, sizeof(dev));
	if (kngg_plan_overdue(it) > 0)
		web_hf(b, "<td>%s <strong class=\"overdue\">%s</strong></td>", nl, dev);
	else
		web_hf(b, "<td>%s <span class=\"plan-dev\">(%s)</span></td>", nl, dev);
}

/* The roadmap as a table: for screen readers, print and copying. */
static void roadmap_table(web_request *r, const char *code, const kngg_status *st,
			  const kngg_plan *plan)
{
	kngg_buf *b = &r->out;

	kngg_buf_puts(b, "<h2>Alle stappen</h2>" WEB_SCROLL_OPEN("Alle stappen")
			 "<table class=\"facts\"><thead><tr><th scope=\"col\">Fase</th><th scope=\"col\">Ronde</th>"
			 "<th scope=\"col\">Stap</th><th scope=\"col\">Stand</th>"
			 "<th scope=\"col\">Gepland</th></tr></thead><tbody>");
	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &st->phases[p];

		for (size_t k = 0; ps->phase && k < ps->nruns; k++) {
			const kngg_run_status *run = &ps->runs[k];

			for (size_t i = 0; i < ps->phase->nsteps; i++) {
				const kngg_step *s = &ps->phase->steps[i];
				kngg_buf href = {0};

				step_href(&href, code, s->def.id,
					  ps->phase->repeat == KNGG_REPEAT_PER_AREA ? run->label : NULL);
				web_hf(b, "<tr><td>%d</td><td>%s</td><td><a href=\"%s\">%s %s</a></td>",
				       ps->phase->number, run->label ? run->label : "", kngg_buf_cstr(&href),
				       s->def.id, s->def.title);
				kngg_buf_free(&href);
				state_cell(b, &run->steps[i]);
				plan_cell(b, kngg_plan_find(plan, s->def.id,
							    ps->phase->repeat == KNGG_REPEAT_PER_AREA
								    ? run->label
								    : NULL,
							    run->cycle));
				kngg_buf_puts(b, "</tr>");
			}
		}
	}
	kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE);
}

/* The boxes of one run: its steps' states and dates (run NULL: a phase
 * not begun, every step not started), each linking to its step page
 * (href malloc'd: freed by roadmap_svg). */
static void fill_steps(web_svg_step *out, const char *code, const kngg_phase *phase,
		       const kngg_run_status *run)
{
	const char *area = run && phase->repeat == KNGG_REPEAT_PER_AREA ? run->label : NULL;

	for (size_t i = 0; i < phase->nsteps; i++) {
		kngg_buf h = {0};

		step_href(&h, code, phase->steps[i].def.id, area);
		out[i].id = phase->steps[i].def.id;
		out[i].title = phase->steps[i].def.title;
		out[i].state = run ? run->steps[i].state : KNGG_STATE_NOT_STARTED;
		out[i].date = run ? step_date(&run->steps[i]) : NULL;
		out[i].href = h.ptr;
	}
}

static void roadmap_svg(web_request *r, const char *code, const char *name,
			const kngg_status *st)
{
	web_svg_phase phases[4];
	web_svg_run *runs[4] = {NULL};
	web_svg_step *steps = NULL;
	kngg_buf title = {0};
	size_t nsteps = 0, used = 0, n = 0;

	for (int p = 0; p < 4; p++)
		if (st->phases[p].phase)
			nsteps += st->phases[p].phase->nsteps * (st->phases[p].nruns ? st->phases[p].nruns : 1);
	if (!(steps = calloc(nsteps ? nsteps : 1, sizeof(*steps))))
		goto done;
	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &st->phases[p];
		size_t nruns = ps->nruns ? ps->nruns : 1;

		if (!ps->phase)
			continue;
		if (!(runs[n] = calloc(nruns, sizeof(web_svg_run))))
			goto done;
		phases[n].number = ps->phase->number;
		phases[n].title = ps->phase->def.title;
		phases[n].current = ps->phase->number == st->current_phase;
		phases[n].runs = runs[n];
		phases[n].nruns = nruns;
		for (size_t k = 0; k < nruns; k++, used += ps->phase->nsteps) {
			/* phase 2 without areas, 3-4 without cycles: the steps as they come */
			const kngg_run_status *run = ps->nruns ? &ps->runs[k] : NULL;

			runs[n][k].label = run ? run->label
				       : ps->phase->repeat == KNGG_REPEAT_PER_AREA ? "nog geen gebied"
										   : "nog geen cyclus";
			runs[n][k].steps = &steps[used];
			runs[n][k].nsteps = ps->phase->nsteps;
			fill_steps(&steps[used], code, ps->phase, run);
		}
		n++;
	}
	kngg_buf_printf(&title, "Routekaart van %s (%s)", name, code);
	web_svg_roadmap(&r->out, kngg_buf_cstr(&title), phases, n);
done:
	for (size_t i = 0; steps && i < used; i++)
		free((char *)steps[i].href);
	for (int p = 0; p < 4; p++)
		free(runs[p]);
	free(steps);
	kngg_buf_free(&title);
}

/* Adds an area (phase 2) or starts a cycle (phases 3-4). */
static void roadmap_post(web_request *r, const char *code)
{
	const char *what = web_form_get(&r->form, "wat");
	kngg_track_opts o = {0};
	char back[64], msg[96];
	int rc = KNGG_EINVALID, number = 0;

	snprintf(back, sizeof(back), "/gemeente/%s", code);
	if (web_write_begin(r, code, &o) < 0)
		return;
	snprintf(msg, sizeof(msg), "Vastgelegd.");
	if (what && strcmp(what, "gebied") == 0) {
		const char *kind = web_form_get(&r->form, "soort");

		rc = kngg_track_area_add(r->tracker, code, web_form_get(&r->form, "naam"),
					 web_form_get(&r->form, "doelgroep"),
					 kind && *kind ? kind : NULL, &o);
		snprintf(msg, sizeof(msg), "Gebied toegevoegd.");
	} else if (what && strcmp(what, "cyclus") == 0) {
		const char *p = web_form_get(&r->form, "fase");

		if (!p || (strcmp(p, "3") != 0 && strcmp(p, "4") != 0))
			kngg_buf_puts(&r->error, "kies fase 3 of 4");
		else if ((rc = kngg_track_cycle_start(r->tracker, code, p[0] - '0', &o, &number)) == 0)
			snprintf(msg, sizeof(msg), "Cyclus %d van fase %c gestart.", number, p[0]);
	} else {
		kngg_buf_puts(&r->error, "onbekend formulier");
	}
	web_write_end(r, rc, back, msg);
}

/* Opens a <details> around the form of a phase not begun (begun: nothing). */
static void fold_open(web_request *r, int begun, const char *summary)
{
	if (!begun)
		web_hf(&r->out, "<details class=\"later card\"><summary>%s</summary>", summary);
}

static void fold_close(web_request *r, int begun)
{
	if (!begun)
		kngg_buf_puts(&r->out, "</details>");
}

static void roadmap_forms(web_request *r, const char *code, const kngg_status *st, int calculated)
{
	kngg_buf *b = &r->out;
	char action[64];
	int areas = calculated >= 2 || st->phases[1].nruns > 0;
	int cycles = calculated >= 3 || st->phases[2].nruns > 0 || st->phases[3].nruns > 0;

	snprintf(action, sizeof(action), "/gemeente/%s", code);
	kngg_buf_puts(b, "<div class=\"columns\">");
	fold_open(r, areas, "Fase 2 is nog niet begonnen: gebied toevoegen");
	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2 id=\"gebied\">Gebied toevoegen (fase 2)</h2><input type=\"hidden\" name=\"wat\" value=\"gebied\">"
			 "<p class=\"hint\">Het eerste gebied is het experiment (2.1 tot en met 2.5). Een nieuwe wijk "
			 "komt erbij via 2.5, een nieuwe doelgroep doorloopt 2.1 tot en met 2.3 opnieuw.</p>");
	web_input(r, "naam", "Naam van het gebied", "text", NULL, 1);
	web_input(r, "doelgroep", "Doelgroep (optioneel)", "text", NULL, 0);
	web_select_open(r, "soort", "Soort", NULL);
	kngg_buf_puts(b, "<option value=\"\">automatisch</option><option value=\"experiment\">experiment</option>"
			 "<option value=\"wijk\">nieuwe wijk</option><option value=\"doelgroep\">nieuwe doelgroep</option></select>");
	kngg_buf_puts(b, "<button type=\"submit\">Toevoegen</button></form>");
	fold_close(r, areas);
	fold_open(r, cycles, "Fase 3 is nog niet begonnen: cyclus starten");
	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2 id=\"cyclus\">Cyclus starten (fase 3 of 4)</h2><input type=\"hidden\" name=\"wat\" value=\"cyclus\">"
			 "<p class=\"hint\">Een nieuwe ronde van monitoren en verbeteren, met een nieuwe QuickScan.</p>");
	web_select_open(r, "fase", "Fase", NULL);
	kngg_buf_puts(b, "<option value=\"3\">3</option><option value=\"4\">4</option></select>");
	web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\">Starten</button></form>");
	fold_close(r, cycles);
	kngg_buf_puts(b, "</div>");
}

/* Steps past their planned date, above the roadmap. */
static void plan_overdue(web_request *r, const kngg_plan *plan)
{
	kngg_buf *b = &r->out;
	int n = 0;

	for (size_t i = 0; plan && i < plan->nitems; i++) {
		const kngg_plan_item *it = &plan->items[i];
		kngg_buf href = {0};
		char nl[32], dev[64];

		if (kngg_plan_overdue(it) <= 0)
			continue;
		if (n++ == 0)
			kngg_buf_puts(b, "<div class=\"flash overdue-list\"><p><strong>Over tijd</strong></p><ul>");
		step_href(&href, plan->code, it->step->def.id, it->area);
		kngg_date_nl(it->due, nl);
		kngg_plan_deviation(it, dev, sizeof(dev));
		web_hf(b, "<li><a href=\"%s\">%s %s</a>%s%s: gepland op %s, %s</li>",
		       kngg_buf_cstr(&href), it->step->def.id, it->step->def.title,
		       it->area ? " in " : "", it->area ? it->area : "", nl, dev);
		kngg_buf_free(&href);
	}
	if (n)
		kngg_buf_puts(b, "</ul></div>");
}

void page_roadmap(web_request *r, const char *code)
{
	char name[256], nl[32];
	kngg_status *st = NULL;
	kngg_plan *plan = NULL;
	kngg_buf *b = &r->out;
	int rc, calculated = 0;

	if (web_municipality(r, code, name) < 0)
		return;
	if (r->post) {
		roadmap_post(r, code);
		return;
	}
	if ((rc = kngg_status_load(r->tracker, code, NULL, &st)) < 0 ||
	    (rc = kngg_readiness_phase(r->tracker, code, NULL, &calculated)) < 0 ||
	    (rc = kngg_plan_load(r->tracker, code, NULL, st, &plan)) < 0) {
		kngg_status_free(st);
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	/* the phase on top is the calculated one, as everywhere */
	st->current_phase = calculated;
	web_page_begin(r, name, code, "");
	web_hf(b, "<h1>%s <span class=\"code\">%s</span></h1>", name, code);
	kngg_date_nl(st->last_date, nl);
	web_hf(b, "<p class=\"lead\">Fase %d (berekend uit het logboek) · %zu gebeurtenissen%s%s.</p>",
	       calculated, st->nevents, nl[0] ? ", laatste op " : "", nl);
	kngg_buf_puts(b, "<p class=\"legend\" aria-hidden=\"true\">"
			 "<span class=\"state s0\">niet gestart</span> <span class=\"state s1\">gestart</span> "
			 "<span class=\"state s2\">afgerond</span> <span class=\"state s3\">heropend</span></p>");
	kngg_buf_puts(b, "<figure class=\"roadmap\">");
	roadmap_svg(r, code, name, st);
	kngg_buf_puts(b, "<figcaption>Klik op een stap om voortgang vast te leggen.</figcaption></figure>");
	plan_overdue(r, plan);
	roadmap_table(r, code, st, plan);
	if (web_may_write(r, code))
		roadmap_forms(r, code, st, calculated);
	web_page_end(r);
	kngg_plan_free(plan);
	kngg_status_free(st);
}

/* ---- the step page ------------------------------------------------------------ */

typedef struct {
	const kngg_step *step;
	const kngg_phase *phase;
	const char *area;            /* phase 2: the area asked for */
	const kngg_run_status *run;  /* the run shown, or NULL */
	char action[300];            /* this page's URL, for forms and redirects */
} step_view;

/* Finds the run of the step page: phase 1 its only run, phase 2 the area's,
 * phases 3-4 the current (latest) cycle. */
static const kngg_run_status *pick_run(const kngg_status *st, const step_view *v)
{
	const kngg_phase_status *ps = &st->phases[v->phase->number - 1];

	if (ps->nruns == 0)
		return NULL;
	if (v->phase->repeat == KNGG_REPEAT_PER_AREA) {
		for (size_t k = 0; k < ps->nruns; k++)
			if (v->area && ps->runs[k].label && strcmp(ps->runs[k].label, v->area) == 0)
				return &ps->runs[k];
		return NULL;
	}
	return &ps->runs[ps->nruns - 1];
}

static void hidden_area(web_request *r, const step_view *v)
{
	if (v->area)
		web_hf(&r->out, "<input type=\"hidden\" name=\"gebied\" value=\"%s\">", v->area);
}

static void date_and_note(web_request *r, const char *prefix)
{
	char name[40];

	snprintf(name, sizeof(name), "%sdatum", prefix);
	web_input(r, name, "Datum (leeg: vandaag)", "date", NULL, 0);
}

static void step_state_form(web_request *r, const step_view *v, const kngg_step_status *ss)
{
	kngg_buf *b = &r->out;

	web_form_begin(r, v->action, "card");
	kngg_buf_puts(b, "<h2 id=\"stand\">Stand van de stap</h2><p>");
	if (ss) {
		char nl[32];

		kngg_date_nl(step_date(ss), nl);
		web_hf(b, "<span class=\"state s%d\">%s</span> %s", (int)ss->state,
		       kngg_step_state_name(ss->state), nl);
		if (ss->by)
			web_hf(b, " · door %s", ss->by);
		if (ss->note)
			web_hf(b, "</p><p class=\"note\">%s", ss->note);
	}
	kngg_buf_puts(b, "</p><input type=\"hidden\" name=\"wat\" value=\"stap\">");
	hidden_area(r, v);
	date_and_note(r, "");
	web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
	kngg_buf_puts(b, "<div class=\"buttons\">"
			 "<button type=\"submit\" name=\"actie\" value=\"start\">Gestart</button>"
			 "<button type=\"submit\" name=\"actie\" value=\"done\" class=\"primary\">Afgerond</button>"
			 "<button type=\"submit\" name=\"actie\" value=\"reopen\">Heropenen</button></div></form>");
}

/* The step's planned date beside what happened, and (for writers) a form
 * to plan it: a new date replaces the old one, the logboek keeps both. */
static void plan_section(web_request *r, const char *code, const step_view *v,
			 const kngg_status *st)
{
	kngg_buf *b = &r->out;
	kngg_plan *plan = NULL;
	const kngg_plan_item *it = NULL;
	int write = web_may_write(r, code) && (v->run || v->phase->repeat == KNGG_REPEAT_NONE);

	if (kngg_plan_load(r->tracker, code, NULL, st, &plan) == 0)
		it = kngg_plan_find(plan, v->step->def.id, v->area,
				    v->phase->repeat == KNGG_REPEAT_PER_CYCLE && v->run ? v->run->cycle : 0);
	if (write)
		web_form_begin(r, v->action, "card plan");
	else
		kngg_buf_puts(b, "<section class=\"card plan\">");
	kngg_buf_puts(b, "<h2 id=\"planning\">Planning</h2>");
	if (it) {
		char nl[32], dev[64];

		kngg_date_nl(it->due, nl);
		kngg_plan_deviation(it, dev, sizeof(dev));
		web_hf(b, "<p class=\"planned\">Gepland: af op <strong>%s</strong>", nl);
		if (kngg_plan_overdue(it) > 0)
			web_hf(b, " · <strong class=\"overdue\">%s</strong>", dev);
		else
			web_hf(b, " · %s", dev);
		kngg_buf_puts(b, "</p>");
		if (it->note)
			web_hf(b, "<p class=\"note\">%s</p>", it->note);
	} else {
		kngg_buf_puts(b, "<p class=\"planned\">Nog niet gepland.</p>");
	}
	kngg_plan_free(plan);
	if (!write) {
		kngg_buf_puts(b, "</section>");
		return;
	}
	kngg_buf_puts(b, "<input type=\"hidden\" name=\"wat\" value=\"plan\">");
	hidden_area(r, v);
	web_input(r, "gepland", "Af op (geplande datum)", "date", NULL, 1);
	web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
	kngg_buf_puts(b, "<div class=\"buttons\"><button type=\"submit\">Plannen</button></div></form>");
}

static void items_section(web_request *r, const step_view *v, const kngg_step_status *ss,
			  int deliverables)
{
	const kngg_def *items = deliverables ? v->step->deliverables : v->step->activities;
	size_t n = deliverables ? v->step->ndeliverables : v->step->nactivities;
	kngg_buf *b = &r->out;
	int writable = web_may_write(r, r->seg[1]) && ss;

	web_hf(b, "<section class=\"card\"><h2>%s</h2><ol class=\"items\">",
	       deliverables ? "Opleveringen" : "Activiteiten");
	for (size_t i = 0; i < n; i++) {
		const char *done = ss ? (deliverables ? ss->deliverable_done[i] : ss->activity_done[i]) : NULL;
		char nl[32];

		web_hf(b, "<li id=\"i-%s\"><p><span class=\"id\">%s</span> %s</p>", items[i].id,
		       items[i].id, items[i].text);
		if (done) {
			kngg_date_nl(done, nl);
			web_hf(b, "<p class=\"done\">✓ gedaan op %s", nl);
			if (deliverables && ss->deliverable_doc[i])
				web_hf(b, " · stuk: %s", ss->deliverable_doc[i]);
			kngg_buf_puts(b, "</p>");
		} else if (writable) {
			web_form_begin(r, v->action, "inline");
			web_hf(b, "<input type=\"hidden\" name=\"wat\" value=\"item\">"
				  "<input type=\"hidden\" name=\"item\" value=\"%s\">", items[i].id);
			hidden_area(r, v);
			if (deliverables)
				web_input(r, "stuk", "Stuk (titel of link)", "text", NULL, 0);
			web_hf(b, "<button type=\"submit\">%s als gedaan markeren</button></form>",
			       items[i].id);
		}
		kngg_buf_puts(b, "</li>");
	}
	kngg_buf_puts(b, "</ol></section>");
}

static int org_option(void *ctx, const kngg_org *o)
{
	web_hf(ctx, "<option value=\"%s\">%s</option>", o->name, o->name);
	return 0;
}

/* Who signs: a person of the register, with the organisation. */
static void signer_select(web_request *r, const kngg_register *reg)
{
	kngg_buf *b = &r->out;

	web_select_open(r, "ondertekenaar", "Wie tekent (uit het stakeholdersregister)", "required");
	kngg_buf_puts(b, "<option value=\"\">— kies —</option>");
	for (size_t i = 0; reg && i < reg->npeople; i++) {
		const kngg_person *p = &reg->people[i].person;

		if (!p->name)
			continue;
		web_hf(b, "<option value=\"%lld\">%s", (long long)p->id, p->name);
		if (p->org || p->function)
			web_hf(b, " (%s%s%s)", p->org ? p->org : "", p->org && p->function ? ", " : "",
			       p->function ? p->function : "");
		kngg_buf_puts(b, "</option>");
	}
	kngg_buf_puts(b, "</select>");
}

/* 1 when a point is signed per organisation (a set to choose). */
static int per_org(const kngg_signoff *so)
{
	for (size_t i = 0; i < so->nsigners; i++)
		if (so->signers[i].per != KNGG_PER_NONE)
			return 1;
	return 0;
}

struct party_boxes {
	web_request *r;
	const kngg_signoff_status *ss;
	int n;
};

static int party_box(void *ctx, const kngg_org *o)
{
	struct party_boxes *p = ctx;
	int on = 0;

	for (size_t i = 0; i < p->ss->nslots; i++)
		on |= p->ss->slots[i].org_id == o->id;
	web_hf(&p->r->out, "<label class=\"check\"><input type=\"checkbox\" name=\"partij\" value=\"%s\"%R> %s</label>",
	       o->name, on ? " checked" : "", o->name);
	p->n++;
	return 0;
}

/* Who signs a per-organisation point: chosen here, else suggested. */
static void parties_form(web_request *r, const step_view *v, const char *code,
			 const kngg_signoff *so, const kngg_signoff_status *ss)
{
	struct party_boxes p = {r, ss, 0};
	kngg_buf *b = &r->out;

	web_form_begin(r, v->action, "card sub");
	web_hf(b, "<input type=\"hidden\" name=\"wat\" value=\"partijen\">"
		  "<input type=\"hidden\" name=\"ondertekening\" value=\"%s\">", so->def.id);
	hidden_area(r, v);
	web_hf(b, "<fieldset><legend>Wie tekent %s? %s</legend>", so->def.id,
	       ss->prepared ? "(gekozen)" : "(voorstel uit de stakeholdersanalyse)");
	kngg_orgs(r->tracker, code, party_box, &p);
	kngg_buf_puts(b, "<button type=\"submit\">Partijen vastleggen</button></fieldset></form>");
}

/* issue 18: how long a signed agreement runs, and whether it was signed
 * for a whole region. */
static void agreement_cell(web_request *r, const kngg_signature *s)
{
	static const char *const marks[] = {"", "loopt af", "verlopen"};
	char nl[32], today[11];
	int state;

	if (s->valid_until) {
		kngg_day(r->tracker, NULL, today);
		state = kngg_agreement_state(s->valid_until, today);
		kngg_date_nl(s->valid_until, nl);
		web_hf(&r->out, "; geldig tot %s", nl);
		if (state != KNGG_AGREEMENT_RUNS)
			web_hf(&r->out, " <strong>(%s: vernieuw met een nieuwe handtekening)</strong>",
			       marks[state]);
	}
	if (s->region)
		web_hf(&r->out, "; regionaal getekend (regio %s)", s->region);
}

static void signoff_section(web_request *r, const step_view *v, const char *code,
			    const kngg_register *reg)
{
	kngg_buf *b = &r->out;

	if (v->step->nsignoffs == 0)
		return;
	kngg_buf_puts(b, "<section class=\"card\"><h2>Ondertekening</h2>");
	for (size_t i = 0; i < v->step->nsignoffs; i++) {
		const kngg_signoff *so = &v->step->signoffs[i];
		kngg_signoff_status *ss = NULL;
		int complete;

		web_hf(b, "<h3 id=\"o-%s\">%s</h3><p>%s</p>", so->def.id, so->def.id, so->def.text);
		if (kngg_signoff_status_load(r->tracker, code, so->def.id, v->area, NULL, &ss) < 0) {
			kngg_buf_puts(b, "<p class=\"flash error\">");
			web_h(b, kngg_buf_cstr(&r->error));
			kngg_buf_puts(b, "</p>");
			kngg_buf_free(&r->error);
			continue;
		}
		if (ss->complete && ss->completed_on) {
			char since[32], set_on[32];

			kngg_date_nl(ss->completed_on, since);
			kngg_date_nl(ss->frozen ? ss->set_on : NULL, set_on);
			web_hf(b, "<p><strong>Compleet getekend</strong> sinds %s%s%s.</p>", since,
			       ss->frozen && set_on[0] ? "; de partijen van " : "", set_on);
		}
		else
			web_hf(b, "<p><strong>%s</strong></p>", ss->complete ? "Compleet getekend" : "Nog niet compleet");
		for (size_t k = 0; k < ss->nwarnings; k++) {
			kngg_buf plain = {0};

			web_plain_text(&plain, ss->warnings[k]);
			web_hf(b, "<p class=\"flash\">Let op: %s</p>", kngg_buf_cstr(&plain));
			kngg_buf_free(&plain);
		}
		kngg_buf_puts(b, WEB_SCROLL_OPEN("Handtekeningen"));
		kngg_buf_puts(b, "<table><thead><tr><th scope=\"col\">Wie tekent</th>"
				 "<th scope=\"col\">Organisatie</th><th scope=\"col\">Getekend</th></tr></thead><tbody>");
		for (size_t k = 0; k < ss->nslots; k++) {
			const kngg_signoff_slot *sl = &ss->slots[k];
			const char *who = sl->party->role ? kngg_defs_label(r->cfg->defs, "rollen", sl->party->role)
					  : strcmp(sl->party->org, KNGG_ORG_LEAD) == 0
						  ? "Hoofduitvoerder"
						  : kngg_defs_label(r->cfg->defs, "organisatietypen", sl->party->org);

			web_hf(b, "<tr><td>%s%s</td><td>%s</td><td>", who,
			       sl->party->optional ? " (indien nodig)" : "", sl->org ? sl->org : "");
			if (sl->latest) {
				char nl[32];

				kngg_date_nl(sl->latest->date, nl);
				web_hf(b, "%s %s: %s op %s", sl->ok ? "✓" : "✗",
				       sl->latest->signer ? sl->latest->signer : "(gewist)",
				       sl->latest->decision, nl);
				if (sl->latest->as)
					web_hf(b, " (met mandaat, als %s)",
					       kngg_defs_label(r->cfg->defs, "rollen", sl->latest->as));
				agreement_cell(r, sl->latest);
			}
			else
				kngg_buf_puts(b, "—");
			kngg_buf_puts(b, "</td></tr>");
		}
		kngg_buf_puts(b, "</tbody></table>");
		kngg_buf_puts(b, WEB_SCROLL_CLOSE);
		if (ss->missing_set)
			web_hf(b, "<p>Nog niemand getekend voor: %s</p>", ss->missing_set);
		if (web_may_write(r, code) && !ss->complete && per_org(so))
			parties_form(r, v, code, so, ss);
		complete = ss->complete;
		kngg_signoff_status_free(ss);
		/* a complete point takes no more signatures here, but an
		 * agreement that runs out takes a renewal */
		if (!web_may_write(r, code) || (complete && !kngg_signoff_expires(so)))
			continue;
		web_form_begin(r, v->action, "card sub");
		web_hf(b, "<input type=\"hidden\" name=\"wat\" value=\"tekenen\">"
			  "<input type=\"hidden\" name=\"ondertekening\" value=\"%s\">", so->def.id);
		hidden_area(r, v);
		web_hf(b, "<fieldset><legend>%s voor %s</legend>",
		       complete ? "Vernieuwing vastleggen" : "Handtekening vastleggen", so->def.id);
		web_select_open(r, "besluit", "Besluit", "required");
		if (so->decision == KNGG_DECISION_GO_NO_GO)
			kngg_buf_puts(b, "<option value=\"go\">go</option><option value=\"no-go\">no-go</option>");
		else
			kngg_buf_puts(b, "<option value=\"akkoord\">akkoord</option>");
		kngg_buf_puts(b, "</select>");
		signer_select(r, reg);
		web_hf(b, "<p class=\"hint\">Staat wie tekent er niet bij? Voeg die persoon toe bij "
			  "<a href=\"/gemeente/%s/stakeholders\">Stakeholders</a>.</p>", code);
		web_select_list(r, "rol", "Rol van wie tekent", "rollen", 1);
		web_select_list(r, "mandaat", "Tekent met mandaat voor de rol (optioneel)", "rollen", 0);
		web_select_open(r, "organisatie", "Organisatie", NULL);
		kngg_buf_puts(b, "<option value=\"\">die van wie tekent</option>");
		kngg_orgs(r->tracker, code, org_option, b);
		kngg_buf_puts(b, "</select>");
		web_input(r, "stuk", "Besluitstuk (titel, nummer of link)", "text", NULL, 1);
		web_textarea(r, "argumenten", "Argumenten (bij no-go verplicht; één per regel)", 3);
		if (kngg_signoff_expires(so))
			web_input(r, "geldig_tot", "Geldig tot (optioneel: de laatste dag van de overeenkomst)",
				  "date", NULL, 0);
		date_and_note(r, "");
		web_hf(b, "<button type=\"submit\" class=\"primary\">%s</button></fieldset></form>",
		       complete ? "Vernieuwing vastleggen" : "Handtekening vastleggen");
	}
	kngg_buf_puts(b, "</section>");
}

/* The organisation of person (a number) in code's register, or NULL; the
 * register is loaded into *reg (the caller frees it). */
static const char *signer_org(web_request *r, const char *code, const char *person,
			      kngg_register **reg)
{
	long long id = strtoll(person, NULL, 10);

	if (kngg_register_load(r->tracker, code, NULL, reg) < 0) {
		kngg_buf_free(&r->error);
		return NULL;
	}
	for (size_t i = 0; i < (*reg)->npeople; i++)
		if ((*reg)->people[i].person.id == id)
			return (*reg)->people[i].person.org;
	return NULL;
}

/* Splits text at line ends into at most max non-empty, trimmed lines. */
static size_t split_lines(char *text, const char **out, size_t max)
{
	size_t n = 0;
	char *save = NULL;

	for (char *p = strtok_r(text, "\r\n", &save); p && n < max; p = strtok_r(NULL, "\r\n", &save)) {
		while (*p == ' ')
			p++;
		if (*p)
			out[n++] = p;
	}
	return n;
}

static void step_post(web_request *r, const char *code, const step_view *v)
{
	const char *what = web_form_get(&r->form, "wat");
	kngg_track_opts o = {0};
	const char *done_msg = "Vastgelegd.";
	int rc = KNGG_EINVALID;

	if (web_write_begin(r, code, &o) < 0)
		return;
	o.area = v->area;
	if (v->phase->repeat == KNGG_REPEAT_PER_AREA && !v->area) {
		web_redirect(r, v->action, 1, "Kies een gebied: fase 2 wordt per gebied vastgelegd.");
		return;
	}
	if (what && strcmp(what, "stap") == 0) {
		const char *a = web_form_get(&r->form, "actie");
		kngg_step_action act = KNGG_STEP_START;

		if (a && strcmp(a, "done") == 0)
			act = KNGG_STEP_DONE, done_msg = "Stap afgerond.";
		else if (a && strcmp(a, "reopen") == 0)
			act = KNGG_STEP_REOPEN, done_msg = "Stap heropend.";
		else if (a && strcmp(a, "start") == 0)
			done_msg = "Stap gestart.";
		else
			a = NULL;
		rc = a ? kngg_track_step(r->tracker, act, code, v->step->def.id, &o)
		       : (kngg_buf_puts(&r->error, "kies gestart, afgerond of heropenen"), KNGG_EINVALID);
	} else if (what && strcmp(what, "plan") == 0) {
		const char *const steps[] = {v->step->def.id};

		rc = kngg_plan_set(r->tracker, code, steps, 1, web_form_get(&r->form, "gepland"), 0, &o);
		done_msg = "Planning vastgelegd.";
	} else if (what && strcmp(what, "item") == 0) {
		const char *item = web_form_get(&r->form, "item");
		const kngg_def *d = item ? kngg_defs_find(r->cfg->defs, item) : NULL;

		o.document = web_form_get(&r->form, "stuk");
		if (!d || d->parent != &v->step->def) {
			kngg_buf_puts(&r->error, "deze activiteit of oplevering hoort niet bij de stap");
		} else {
			rc = kngg_track_item_done(r->tracker, code, item, &o);
			done_msg = "Gemarkeerd als gedaan.";
		}
	} else if (what && strcmp(what, "tekenen") == 0) {
		const char *so = web_form_get(&r->form, "ondertekening");
		const kngg_def *d = so ? kngg_defs_find(r->cfg->defs, so) : NULL;
		kngg_signoff_in in = {0};
		kngg_register *reg = NULL;
		const char *args[16];
		char *argtext = NULL;
		const char *raw = web_form_get(&r->form, "argumenten");

		if (!d || d->kind != KNGG_DEF_SIGNOFF || d->parent != &v->step->def) {
			kngg_buf_puts(&r->error, "dit ondertekenpunt hoort niet bij de stap");
		} else {
			in.decision = web_form_get(&r->form, "besluit");
			in.signer = web_form_get(&r->form, "ondertekenaar");
			in.role = web_form_get(&r->form, "rol");
			in.as = web_form_get(&r->form, "mandaat");
			in.org = web_form_get(&r->form, "organisatie");
			in.document = web_form_get(&r->form, "stuk");
			in.valid_until = web_form_get(&r->form, "geldig_tot");
			if (raw && (argtext = strdup(raw)) != NULL) {
				in.narguments = split_lines(argtext, args, 16);
				in.arguments = args;
			}
			if (!in.signer || strspn(in.signer, "0123456789") != strlen(in.signer))
				kngg_buf_puts(&r->error, "Kies bij Wie tekent een persoon uit de lijst.");
			else if (!in.role)
				kngg_buf_puts(&r->error, "Kies de rol van wie tekent.");
			else if (!in.document)
				kngg_buf_puts(&r->error, "Vul bij Besluitstuk de titel, het nummer of de link in.");
			else if (!in.org && !(in.org = signer_org(r, code, in.signer, &reg)))
				kngg_buf_puts(&r->error, "Kies bij Organisatie voor wie er getekend wordt: de "
							 "persoon heeft geen organisatie in het register.");
			else
				rc = kngg_signoff_record(r->tracker, code, so, &in, &o, NULL);
			kngg_register_free(reg);
			done_msg = "Handtekening vastgelegd.";
		}
		free(argtext);
	} else if (what && strcmp(what, "partijen") == 0) {
		const char *so = web_form_get(&r->form, "ondertekening");
		const kngg_def *d = so ? kngg_defs_find(r->cfg->defs, so) : NULL;
		const char *orgs[WEB_FORM_MAX_FIELDS];
		size_t n = web_form_all(&r->form, "partij", orgs, WEB_FORM_MAX_FIELDS);

		if (!d || d->kind != KNGG_DEF_SIGNOFF || d->parent != &v->step->def)
			kngg_buf_puts(&r->error, "dit ondertekenpunt hoort niet bij de stap");
		else if (n == 0)
			kngg_buf_puts(&r->error, "kies minstens een organisatie");
		else
			rc = kngg_signoff_prepare(r->tracker, code, so, orgs, n, &o);
		done_msg = "Partijen vastgelegd.";
	} else {
		kngg_buf_puts(&r->error, "onbekend formulier");
	}
	web_write_end(r, rc, v->action, done_msg);
}

/* The step before (dir -1) or after (+1) this one, across phases. */
static const kngg_step *step_beside(const kngg_defs *defs, const kngg_step *step, int dir,
				    const kngg_phase **phase)
{
	size_t np = kngg_defs_phase_count(defs);

	for (size_t p = 0; p < np; p++) {
		const kngg_phase *ph = kngg_defs_phase(defs, p);

		for (size_t i = 0; i < ph->nsteps; i++) {
			if (&ph->steps[i] != step)
				continue;
			if (dir < 0 && i > 0)
				return (*phase = ph, &ph->steps[i - 1]);
			if (dir > 0 && i + 1 < ph->nsteps)
				return (*phase = ph, &ph->steps[i + 1]);
			if (dir < 0 && p > 0) {
				*phase = kngg_defs_phase(defs, p - 1);
				return (*phase)->nsteps ? &(*phase)->steps[(*phase)->nsteps - 1] : NULL;
			}
			if (dir > 0 && p + 1 < np) {
				*phase = kngg_defs_phase(defs, p + 1);
				return (*phase)->nsteps ? &(*phase)->steps[0] : NULL;
			}
			return NULL;
		}
	}
	return NULL;
}

static void step_link(kngg_buf *b, const char *code, const step_view *v, const kngg_phase *ph,
		      const kngg_step *s, const char *rel, const char *label)
{
	kngg_buf h = {0};

	/* the area goes along within phase 2 */
	step_href(&h, code, s->def.id, ph == v->phase ? v->area : NULL);
	web_hf(b, "<a rel=\"%s\" href=\"%s\">%s %s %s</a>", rel, kngg_buf_cstr(&h), label, s->def.id,
	       s->def.title);
	kngg_buf_free(&h);
}

/* Previous and next step, as links. */
static void step_nav(web_request *r, const char *code, const step_view *v)
{
	const kngg_phase *ph = NULL;
	const kngg_step *prev = step_beside(r->cfg->defs, v->step, -1, &ph);
	kngg_buf *b = &r->out;

	kngg_buf_puts(b, "<nav class=\"steps\" aria-label=\"Stappen\"><ul>");
	if (prev) {
		kngg_buf_puts(b, "<li class=\"prev\">");
		step_link(b, code, v, ph, prev, "prev", "← Vorige stap:");
		kngg_buf_puts(b, "</li>");
	}
	const kngg_step *next = step_beside(r->cfg->defs, v->step, 1, &ph);
	if (next) {
		kngg_buf_puts(b, "<li class=\"next\">");
		step_link(b, code, v, ph, next, "next", "Volgende stap →");
		kngg_buf_puts(b, "</li>");
	}
	kngg_buf_puts(b, "</ul></nav>");
}

/* How far the step is, and what comes next: its first open activity,
 * deliverable or sign-off, else finishing it, else the next step. */
static void step_progress(web_request *r, const char *code, const step_view *v,
			  const kngg_step_status *ss)
{
	const kngg_step *s = v->step;
	kngg_buf *b = &r->out;
	size_t done = 0, ddone = 0;
	const kngg_def *open = NULL;

	for (size_t i = 0; ss && i < s->nactivities; i++)
		if (ss->activity_done[i])
			done++;
		else if (!open)
			open = &s->activities[i];
	for (size_t i = 0; ss && i < s->ndeliverables; i++)
		if (ss->deliverable_done[i])
			ddone++;
		else if (!open)
			open = &s->deliverables[i];
	web_hf(b, "<p class=\"progress\"><strong>%zu van %zu activiteiten</strong> gedaan", done,
	       s->nactivities);
	if (s->ndeliverables)
		web_hf(b, ", %zu van %zu opleveringen", ddone, s->ndeliverables);
	if (s->nactivities)
		web_hf(b, " <progress max=\"%zu\" value=\"%zu\" aria-hidden=\"true\"></progress>",
		       s->nactivities, done);
	web_hf(b, "</p><p class=\"next-hint\"><strong>%s</strong> ",
	       ss && ss->state == KNGG_STATE_DONE ? "Volgende stap:" : "Nu te doen:");
	if (!ss) {
		kngg_buf_puts(b, v->phase->repeat == KNGG_REPEAT_PER_AREA
					 ? "kies een gebied of voeg er een toe op de routekaart."
					 : "start een cyclus op de routekaart.");
	} else if (ss->state == KNGG_STATE_DONE) {
		const kngg_phase *ph = NULL;
		const kngg_step *next = step_beside(r->cfg->defs, s, 1, &ph);

		kngg_buf_puts(b, "deze stap is afgerond");
		if (next) {
			kngg_buf_puts(b, "; ga verder met ");
			step_link(b, code, v, ph, next, "next", "stap");
		}
		kngg_buf_puts(b, ".");
	} else if (open) {
		web_hf(b, "<a href=\"#i-%s\">%s</a> %s", open->id, open->id, open->text);
	} else {
		kngg_buf_puts(b, "alles is gedaan: rond de stap af met de knop Afgerond.");
	}
	kngg_buf_puts(b, "</p>");
}

/* 1 when the phase has begun: the municipality is in it or past it, or
 * a step of the run shown has moved. */
static int phase_begun(const step_view *v, int calculated)
{
	if (v->phase->number <= calculated)
		return 1;
	for (size_t i = 0; v->run && i < v->phase->nsteps; i++)
		if (v->run->steps[i].state != KNGG_STATE_NOT_STARTED)
			return 1;
	return 0;
}

void page_step(web_request *r, const char *code, const char *step_id)
{
	const kngg_def *def = kngg_defs_find(r->cfg->defs, step_id);
	kngg_status *st = NULL;
	step_view v = {0};
	kngg_buf *b = &r->out;
	kngg_buf url = {0};
	kngg_register *reg = NULL;
	char name[256];
	int calculated = 0, begun;

	if (web_municipality(r, code, name) < 0)
		return;
	if (!(v.step = kngg_def_step(def))) {
		web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden", "Deze stap bestaat niet.");
		return;
	}
	v.phase = kngg_def_phase(def->parent);
	v.area = v.phase && v.phase->repeat == KNGG_REPEAT_PER_AREA
			 ? (r->post ? web_form_get(&r->form, "gebied") : web_arg(r, "gebied"))
			 : NULL;
	step_href(&url, code, step_id, v.area);
	snprintf(v.action, sizeof(v.action), "%s", kngg_buf_cstr(&url));
	kngg_buf_free(&url);
	if (r->post) {
		step_post(r, code, &v);
		return;
	}
	if (kngg_status_load(r->tracker, code, NULL, &st) < 0 ||
	    kngg_readiness_phase(r->tracker, code, NULL, &calculated) < 0 ||
	    kngg_register_load(r->tracker, code, NULL, &reg) < 0) {
		kngg_status_free(st);
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	v.run = pick_run(st, &v);
	begun = phase_begun(&v, calculated);
	web_page_begin(r, v.step->def.title, code, NULL);
	web_hf(b, "<p class=\"crumbs\"><a href=\"/gemeente/%s\">%s</a> › Fase %d</p>", code, name,
	       v.phase->number);
	web_hf(b, "<h1><span class=\"id\">%s</span> %s</h1>", v.step->def.id, v.step->def.title);
	if (v.phase->repeat == KNGG_REPEAT_PER_AREA) {
		const kngg_phase_status *ps = &st->phases[1];

		kngg_buf_puts(b, "<nav class=\"areas\" aria-label=\"Gebieden\"><p>Gebied:</p><ul>");
		for (size_t k = 0; k < ps->nruns; k++) {
			kngg_buf h = {0};

			step_href(&h, code, step_id, ps->runs[k].label);
			web_hf(b, "<li><a href=\"%s\"%R>%s</a></li>", kngg_buf_cstr(&h),
			       v.run == &ps->runs[k] ? " aria-current=\"page\"" : "", ps->runs[k].label);
			kngg_buf_free(&h);
		}
		kngg_buf_puts(b, "</ul></nav>");
		if (!v.run)
			kngg_buf_puts(b, "<p class=\"flash\">Fase 2 loopt per gebied of doelgroep: kies hierboven "
					 "een gebied, of voeg er een toe op de routekaart.</p>");
	} else if (v.phase->repeat == KNGG_REPEAT_PER_CYCLE) {
		if (v.run)
			web_hf(b, "<p>Lopende cyclus: %s</p>", v.run->label);
		else
			kngg_buf_puts(b, "<p class=\"flash\">Er loopt nog geen cyclus: start er een op de "
					 "routekaart.</p>");
	}
	web_hf(b, "<p class=\"lead\">%s</p>", v.step->def.text);
	if (v.step->def.ref_section)
		web_hf(b, "<p class=\"cite\">Handreiking: %s</p>", v.step->def.ref_section);
	step_progress(r, code, &v, v.run ? &v.run->steps[v.step - v.phase->steps] : NULL);
	step_nav(r, code, &v);
	/* a phase not begun yet: its forms folded away, there when needed */
	if (!begun)
		web_hf(b, "<details class=\"later\"><summary>Fase %d is nog niet begonnen: toch "
			  "vastleggen</summary>", v.phase->number);
	kngg_buf_puts(b, "<div class=\"columns\">");
	if (web_may_write(r, code) && (v.run || v.phase->repeat == KNGG_REPEAT_NONE))
		step_state_form(r, &v, v.run ? &v.run->steps[v.step - v.phase->steps] : NULL);
	items_section(r, &v, v.run ? &v.run->steps[v.step - v.phase->steps] : NULL, 0);
	items_section(r, &v, v.run ? &v.run->steps[v.step - v.phase->steps] : NULL, 1);
	kngg_buf_puts(b, "</div>");
	plan_section(r, code, &v, st);
	if (v.run || v.phase->repeat == KNGG_REPEAT_NONE)
		signoff_section(r, &v, code, reg);
	if (!begun)
		kngg_buf_puts(b, "</details>");
	web_page_end(r);
	kngg_register_free(reg);
	kngg_status_free(st);
}
