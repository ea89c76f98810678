/*
 * page_people.c: the stakeholder register: the influence/interest grid
 * (SVG), the register with each person's latest analysis, the history of
 * commitments, and forms to add a stakeholder and record an analysis.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "kngg/handover.h"
#include "kngg/people.h"
#include "web/svg.h"
#include "web/web.h"

static const char *label(web_request *r, const char *list, const char *id)
{
	return id ? kngg_defs_label(r->cfg->defs, list, id) : "—";
}

static void grid(web_request *r, const kngg_register *reg, const char *name)
{
	const kngg_list *mate = kngg_defs_list(r->cfg->defs, "mate");
	const char *levels[8];
	web_svg_point *pts = calloc(reg->npeople ? reg->npeople : 1, sizeof(*pts));
	kngg_buf title = {0};
	size_t n = 0, nlevels = mate ? mate->nitems : 0;

	if (!pts || nlevels == 0 || nlevels > 8) {
		free(pts);
		return;
	}
	for (size_t i = 0; i < nlevels; i++)
		levels[i] = mate->items[i].title;
	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];
		const kngg_assessment_rec *a = s->latest;

		if (!a || !a->interest || !a->influence)
			continue;
		pts[n].name = s->person.name;
		pts[n].interest = kngg_list_index(mate, a->interest);
		pts[n].influence = kngg_list_index(mate, a->influence);
		pts[n].committed = a->commitment && kngg_commitment_counts(r->cfg->defs, a->commitment);
		pts[n].href = NULL;
		n++;
	}
	kngg_buf_printf(&title, "Invloed en belang van de stakeholders van %s", name);
	kngg_buf_puts(&r->out, "<figure class=\"grid\">" WEB_SCROLL_OPEN("Invloed en belang"));
	web_svg_grid(&r->out, kngg_buf_cstr(&title), levels, nlevels, pts, n);
	kngg_buf_puts(&r->out, WEB_SCROLL_CLOSE);
	web_hf(&r->out, "<figcaption>%zu van %zu stakeholders geanalyseerd; een gevulde stip heeft "
			"commitment toegezegd.</figcaption></figure>", n, reg->npeople);
	kngg_buf_free(&title);
	free(pts);
}

static void register_table(web_request *r, const kngg_register *reg)
{
	kngg_buf *b = &r->out;

	kngg_buf_puts(b, WEB_SCROLL_OPEN("Register"));
	kngg_buf_puts(b, "<table><caption>Register (laatste analyse per persoon)</caption><thead><tr>"
			 "<th scope=\"col\">#</th><th scope=\"col\">Naam</th><th scope=\"col\">Organisatie</th>"
			 "<th scope=\"col\">Functie</th><th scope=\"col\">Niveau</th><th scope=\"col\">Belang</th>"
			 "<th scope=\"col\">Invloed</th><th scope=\"col\">Houding</th><th scope=\"col\">Commitment</th>"
			 "<th scope=\"col\">Rollen</th></tr></thead><tbody>");
	for (size_t i = 0; i < reg->npeople; i++) {
		const kngg_stakeholder *s = &reg->people[i];
		const kngg_assessment_rec *a = s->latest;

		web_hf(b, "<tr><td>%lld</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
		       (long long)s->person.id, s->person.name ? s->person.name : "(gewist)",
		       s->person.org ? s->person.org : "", s->person.function ? s->person.function : "",
		       s->person.level ? label(r, "niveaus", s->person.level) : "");
		web_hf(b, "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>",
		       label(r, "mate", a ? a->interest : NULL), label(r, "mate", a ? a->influence : NULL),
		       label(r, "houding", a ? a->stance : NULL),
		       label(r, "commitment", a ? a->commitment : NULL));
		for (size_t k = 0, shown = 0; k < s->nroles; k++) {
			if (s->roles[k].until)
				continue;
			web_hf(b, "%s%s%s", shown++ ? ", " : "", label(r, "rollen", s->roles[k].role),
			       s->roles[k].deputy ? " (plv.)" : "");
		}
		kngg_buf_puts(b, "</td></tr>");
	}
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
}

typedef struct {
	const kngg_stakeholder *who;
	const kngg_assessment_rec *a;
} said;

static int by_date(const void *x, const void *y)
{
	const said *a = x, *b = y;
	int c = strcmp(a->a->date, b->a->date);

	return c ? c : (a->a->event_id > b->a->event_id) - (a->a->event_id < b->a->event_id);
}

/* Every analysis of every person, oldest first: how commitment grew. */
static void commitment_history(web_request *r, const kngg_register *reg)
{
	kngg_buf *b = &r->out;
	said *rows = NULL;
	size_t n = 0, total = 0;

	for (size_t i = 0; i < reg->npeople; i++)
		total += reg->people[i].nhistory;
	kngg_buf_puts(b, "<h2>Verloop van commitment</h2>");
	if (total == 0 || !(rows = calloc(total, sizeof(*rows)))) {
		kngg_buf_puts(b, "<p>Nog geen analyses vastgelegd.</p>");
		return;
	}
	for (size_t i = 0; i < reg->npeople; i++)
		for (size_t k = 0; k < reg->people[i].nhistory; k++)
			rows[n++] = (said){&reg->people[i], &reg->people[i].history[k]};
	qsort(rows, n, sizeof(*rows), by_date);
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Verloop van commitment"));
	kngg_buf_puts(b, "<table><thead><tr><th scope=\"col\">Datum</th>"
			 "<th scope=\"col\">Persoon</th><th scope=\"col\">Ronde</th>"
			 "<th scope=\"col\">Commitment</th><th scope=\"col\">Houding</th>"
			 "<th scope=\"col\">Vastgelegd door</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const kngg_assessment_rec *a = rows[i].a;
		char nl[32];

		kngg_date_nl(a->date, nl);
		web_hf(b, "<tr><td>%s</td><td>%s</td><td>%s%s%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
		       nl, rows[i].who->person.name ? rows[i].who->person.name : "(gewist)",
		       a->round ? a->round : "", a->area ? " · " : "", a->area ? a->area : "",
		       label(r, "commitment", a->commitment), label(r, "houding", a->stance),
		       a->by ? a->by : "");
	}
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
	free(rows);
}

static void person_select(web_request *r, const kngg_register *reg)
{
	web_select_open(r, "persoon", "Persoon", "required");
	for (size_t i = 0; i < reg->npeople; i++)
		if (reg->people[i].person.name)
			web_hf(&r->out, "<option value=\"%lld\">%s</option>",
			       (long long)reg->people[i].person.id, reg->people[i].person.name);
	kngg_buf_puts(&r->out, "</select>");
}

/* The person number of the form, or 0 (reported) when there is none. */
static int64_t form_person(web_request *r)
{
	const char *p = web_form_get(&r->form, "persoon");
	char *end = NULL;
	long long id = p ? strtoll(p, &end, 10) : 0;

	if (!p || *end || id <= 0) {
		kngg_buf_puts(&r->error, "kies een persoon");
		return 0;
	}
	return id;
}

static void forms(web_request *r, const char *code, const kngg_register *reg)
{
	kngg_buf *b = &r->out;
	char action[64];

	snprintf(action, sizeof(action), "/gemeente/%s/stakeholders", code);
	kngg_buf_puts(b, "<div class=\"columns\">");
	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2>Stakeholder toevoegen</h2><input type=\"hidden\" name=\"wat\" value=\"nieuw\">");
	web_input(r, "naam", "Naam", "text", NULL, 1);
	web_input(r, "organisatie", "Organisatie", "text", NULL, 1);
	web_select_list(r, "soort", "Soort organisatie (als die nieuw is)", "organisatietypen", 0);
	web_input(r, "functie", "Functie", "text", NULL, 0);
	web_select_list(r, "niveau", "Niveau", "niveaus", 0);
	web_input(r, "email", "E-mail (optioneel)", "email", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Toevoegen</button></form>");

	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2 id=\"analyse\">Analyse vastleggen</h2><input type=\"hidden\" name=\"wat\" value=\"analyse\">");
	person_select(r, reg);
	kngg_buf_puts(b, "<p class=\"hint\">Wat u leeg laat, blijft zoals de vorige analyse.</p>");
	web_select_list(r, "belang", "Belang", "mate", 0);
	web_select_list(r, "invloed", "Invloed", "mate", 0);
	web_select_list(r, "urgentie", "Urgentie", "mate", 0);
	web_select_list(r, "houding", "Houding", "houding", 0);
	web_select_list(r, "commitment", "Commitment", "commitment", 0);
	web_input(r, "ronde", "Ronde (stap, bv. 1.2; optioneel)", "text", NULL, 0);
	web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
	web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Vastleggen</button></form>");

	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2 id=\"rol\">Rol in het project</h2><input type=\"hidden\" name=\"wat\" value=\"rol\">");
	person_select(r, reg);
	web_select_list(r, "rol", "Rol", "rollen", 1);
	kngg_buf_puts(b, "<label class=\"check\"><input type=\"checkbox\" name=\"plv\" value=\"1\"> "
			 "als plaatsvervanger</label>");
	web_input_attrs(r, "uren", "Uren per week (optioneel)", "number",
			"min=\"" KNGG_LIMIT_STR(KNGG_HOURS_MIN) "\" max=\"" KNGG_LIMIT_STR(KNGG_HOURS_MAX) "\"");
	web_input(r, "inbreng", "Inbreng (optioneel)", "text", NULL, 0);
	web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
	kngg_buf_puts(b, "<div class=\"buttons\"><button type=\"submit\" name=\"actie\" value=\"toewijzen\" "
			 "class=\"primary\">Toewijzen</button><button type=\"submit\" name=\"actie\" "
			 "value=\"beeindigen\">Rol beëindigen</button></div></form></div>");
}

/* ---- handovers (issue 18) ------------------------------------------------------- */

static const char *erased(const char *name)
{
	return name ? name : "(gewist)";
}

struct no_handover_list {
	web_request *r;
	int n;
};

static int no_handover(void *ctx, const kngg_risk *risk)
{
	struct no_handover_list *l = ctx;
	kngg_buf text = {0};

	if (risk->kind != KNGG_RISK_NO_HANDOVER)
		return 0;
	if (!l->n++)
		kngg_buf_puts(&l->r->out, "<ul aria-label=\"Sleutelrollen zonder overdracht\">");
	web_plain(&text, risk->text); /* without the CLI command */
	web_hf(&l->r->out, "<li>%s</li>", kngg_buf_cstr(&text));
	kngg_buf_free(&text);
	return 0;
}

/* Who handed a key role to whom, with the open items passed on, and the key
 * roles that ended without a handover. */
static void handovers_section(web_request *r, const char *code)
{
	kngg_buf *b = &r->out;
	kngg_handovers *h = NULL;
	size_t shown = 0;

	if (kngg_handovers_load(r->tracker, code, NULL, &h) < 0)
		return;
	kngg_buf_puts(b, "<h2 id=\"overdrachten\">Overdrachten</h2>");
	for (size_t i = 0; i < h->n; i++) {
		const kngg_handover *ho = &h->list[i];
		char nl[32];

		if (ho->withdrawn)
			continue;
		if (!shown++)
			kngg_buf_puts(b, WEB_SCROLL_OPEN("Overdrachten")
				      "<table><caption>Overdrachten van rollen, met de open punten"
				      "</caption><thead><tr><th scope=\"col\">Datum</th>"
				      "<th scope=\"col\">Rol</th><th scope=\"col\">Van</th>"
				      "<th scope=\"col\">Aan</th><th scope=\"col\">Stuk</th>"
				      "<th scope=\"col\">Overgedragen punten</th></tr></thead><tbody>");
		kngg_date_nl(ho->date, nl);
		web_hf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>", nl,
		       label(r, "rollen", ho->role), erased(ho->from_name), erased(ho->to_name),
		       ho->document ? ho->document : "—");
		if (!ho->nitems)
			kngg_buf_puts(b, "geen");
		else
			kngg_buf_puts(b, "<ul>");
		for (size_t k = 0; k < ho->nitems; k++)
			web_hf(b, "<li>%s</li>", ho->items[k].text);
		kngg_buf_puts(b, ho->nitems ? "</ul></td></tr>" : "</td></tr>");
	}
	if (shown)
		kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE);
	else
		kngg_buf_puts(b, "<p>Nog geen overdrachten vastgelegd.</p>");
	kngg_handovers_free(h);
	{
		struct no_handover_list l = {r, 0};

		if (kngg_risks(r->tracker, code, NULL, no_handover, &l) < 0)
			r->error.len = 0; /* the page shows what it has */
		if (l.n)
			kngg_buf_puts(b, "</ul>");
	}
}

/* A form to record a handover: from and to picked from the register; the
 * account's linked person records it (web_write_begin). */
static void handover_form(web_request *r, const char *code, const kngg_register *reg)
{
	kngg_buf *b = &r->out;
	char action[64];

	snprintf(action, sizeof(action), "/gemeente/%s/stakeholders", code);
	web_form_begin(r, action, "card");
	kngg_buf_puts(b, "<h2 id=\"overdracht\">Overdracht vastleggen</h2>"
			 "<input type=\"hidden\" name=\"wat\" value=\"overdracht\">"
			 "<p class=\"hint\">Bij een wisseling van een sleutelrol: aan wie, met welk stuk. "
			 "De open punten van wie vertrekt komen er vanzelf bij.</p>");
	for (int side = 0; side < 2; side++) {
		web_select_open(r, side ? "aan" : "van", side ? "Aan" : "Van", "required");
		for (size_t i = 0; i < reg->npeople; i++)
			if (reg->people[i].person.name)
				web_hf(b, "<option value=\"%lld\">%s</option>",
				       (long long)reg->people[i].person.id, reg->people[i].person.name);
		kngg_buf_puts(b, "</select>");
	}
	web_select_list(r, "rol", "Rol", "rollen", 1);
	web_input(r, "stuk", "Overdrachtsdocument (optioneel)", "text", NULL, 0);
	web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
	web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Overdracht vastleggen</button>"
			 "</form>");
}

/* The number in form field name, or 0 (reported as what). */
static int64_t form_id(web_request *r, const char *name, const char *what)
{
	const char *p = web_form_get(&r->form, name);
	char *end = NULL;
	long long id = p ? strtoll(p, &end, 10) : 0;

	if (!p || *end || id <= 0) {
		if (!r->error.len)
			kngg_buf_printf(&r->error, "kies %s", what);
		return 0;
	}
	return id;
}

/* ---- accounts and persons (beheerder) ------------------------------------------ */

struct link_rows {
	web_request *r;
	const char *code;
	int n;
};

static int account_link_option(void *ctx, const kngg_account *a)
{
	struct link_rows *l = ctx;
	web_hf(&l->r->out, "<option value=\"%s\">%s</option>", a->name, kngg_account_shown(a));
	return 0;
}

static int account_link_row(void *ctx, const kngg_account *a)
{
	struct link_rows *l = ctx;

	for (size_t i = 0; i < a->nlinks; i++)
		if (strcmp(a->links[i].code, l->code) == 0) {
			web_hf(&l->r->out, "<li>%s → %s</li>", kngg_account_shown(a),
			       a->links[i].person_name ? a->links[i].person_name : "(gewist)");
			l->n++;
		}
	return 0;
}

/* Which account is which person of this register: only a beheerder links,
 * so that nobody records under another's name. */
static void link_form(web_request *r, const char *code, const kngg_register *reg)
{
	struct link_rows l = {r, code, 0};
	kngg_buf *b = &r->out;
	char action[64];

	snprintf(action, sizeof(action), "/gemeente/%s/stakeholders", code);
	web_form_begin(r, action, "card narrow");
	kngg_buf_puts(b, "<h2>Account koppelen aan een persoon</h2><input type=\"hidden\" name=\"wat\" "
			 "value=\"koppel\"><p class=\"hint\">Wat iemand via de website vastlegt, komt in het "
			 "logboek op naam van de persoon aan wie het account gekoppeld is. Zonder koppeling "
			 "kan het account hier niets vastleggen.</p><ul class=\"links\">");
	kngg_accounts(r->tracker, account_link_row, &l);
	if (l.n == 0)
		kngg_buf_puts(b, "<li>Nog geen accounts gekoppeld.</li>");
	kngg_buf_puts(b, "</ul>");
	web_select_open(r, "account", "Account", "required");
	kngg_accounts(r->tracker, account_link_option, &l);
	kngg_buf_puts(b, "</select>");
	web_select_open(r, "persoon", "Persoon", NULL);
	kngg_buf_puts(b, "<option value=\"\">— geen koppeling —</option>");
	for (size_t i = 0; i < reg->npeople; i++)
		if (reg->people[i].person.name)
			web_hf(b, "<option value=\"%lld\">%s%R%s%R</option>",
			       (long long)reg->people[i].person.id, reg->people[i].person.name,
			       reg->people[i].person.org ? " (" : "",
			       reg->people[i].person.org ? reg->people[i].person.org : "",
			       reg->people[i].person.org ? ")" : "");
	kngg_buf_puts(b, "</select><button type=\"submit\">Koppelen</button></form>");
}

static void link_post(web_request *r, const char *code, const char *back)
{
	const char *person = web_form_get(&r->form, "persoon");
	kngg_account_link_in link = {code, person};
	kngg_account_change c = {NULL, &link, 1};
	int rc;

	if (!web_is_admin(r)) {
		web_error(r, MHD_HTTP_FORBIDDEN, "Geen toegang", "Alleen een beheerder koppelt accounts.");
		return;
	}
	if (person && strspn(person, "0123456789") != strlen(person)) {
		web_redirect(r, back, 1, "Kies een persoon uit de lijst.");
		return;
	}
	if (!web_form_get(&r->form, "account")) {
		web_redirect(r, back, 1, "Kies een account.");
		return;
	}
	rc = kngg_account_update(r->tracker, web_form_get(&r->form, "account"), &c);
	if (rc < 0)
		web_engine_failed(r, rc, back);
	else
		web_redirect(r, back, 0, person ? "Account gekoppeld." : "Koppeling verwijderd.");
}

static void stakeholders_post(web_request *r, const char *code)
{
	const char *what = web_form_get(&r->form, "wat");
	const char *done = "Vastgelegd.";
	kngg_track_opts o = {0};
	char back[64];
	int rc = KNGG_EINVALID;

	snprintf(back, sizeof(back), "/gemeente/%s/stakeholders", code);
	if (what && strcmp(what, "koppel") == 0) {
		link_post(r, code, back);
		return;
	}
	if (web_write_begin(r, code, &o) < 0)
		return;
	if (what && strcmp(what, "nieuw") == 0) {
		kngg_stakeholder_in in = {0};

		in.name = web_form_get(&r->form, "naam");
		in.org = web_form_get(&r->form, "organisatie");
		in.org_type = web_form_get(&r->form, "soort");
		in.function = web_form_get(&r->form, "functie");
		in.level = web_form_get(&r->form, "niveau");
		in.email = web_form_get(&r->form, "email");
		rc = kngg_stakeholder_add(r->tracker, code, &in, &o, NULL);
	} else if (what && strcmp(what, "analyse") == 0) {
		int64_t id = form_person(r);
		kngg_assessment a = {0};

		a.interest = web_form_get(&r->form, "belang");
		a.influence = web_form_get(&r->form, "invloed");
		a.urgency = web_form_get(&r->form, "urgentie");
		a.stance = web_form_get(&r->form, "houding");
		a.commitment = web_form_get(&r->form, "commitment");
		a.round = web_form_get(&r->form, "ronde");
		if (id)
			rc = kngg_stakeholder_assess(r->tracker, code, id, &a, &o);
	} else if (what && strcmp(what, "rol") == 0) {
		const char *action = web_form_get(&r->form, "actie");
		const char *role = web_form_get(&r->form, "rol");
		int64_t id = form_person(r);
		const char *hours = web_form_get(&r->form, "uren");
		kngg_role_terms terms = {0};

		terms.deputy = web_form_get(&r->form, "plv") != NULL;
		terms.contribution = web_form_get(&r->form, "inbreng");

		if (hours && (rc = kngg_role_hours_parse(r->tracker, hours, &terms.hours)) < 0) {
			/* the engine's message is in r->error */
		} else if (id && action && strcmp(action, "beeindigen") == 0) {
			rc = kngg_role_end(r->tracker, code, id, role, &o);
			/* a key role: a handover is expected (it does not block) */
			if (rc == 0 && kngg_role_is_key(role))
				done = "Vastgelegd. Dit is een sleutelrol: leg ook de overdracht vast "
				       "(Overdracht vastleggen, onderaan).";
		}
		else if (id)
			rc = kngg_role_assign(r->tracker, code, id, role, &terms, &o);
	} else if (what && strcmp(what, "overdracht") == 0) {
		kngg_handover_in in = {0};

		in.from = form_id(r, "van", "van wie de rol overgaat");
		in.to = form_id(r, "aan", "aan wie de rol overgaat");
		in.role = web_form_get(&r->form, "rol");
		in.document = web_form_get(&r->form, "stuk");
		if (in.from && in.to)
			rc = kngg_handover_record(r->tracker, code, &in, &o, NULL);
	} else {
		kngg_buf_puts(&r->error, "onbekend formulier");
	}
	web_write_end(r, rc, back, done);
}

/* The register as a download: the same table as `stakeholder list --format
 * csv|xlsx`, which `stakeholder import` reads back. */
static void stakeholders_download(web_request *r, const char *code, int xlsx)
{
	kngg_register *reg = NULL;
	kngg_table *t = NULL;
	char name[256], file[64];

	if (web_municipality(r, code, name) < 0)
		return;
	if (kngg_register_load(r->tracker, code, NULL, &reg) < 0 ||
	    kngg_register_table(r->cfg->defs, reg, &t) < 0) {
		kngg_register_free(reg);
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	snprintf(file, sizeof(file), "stakeholders-%s", code);
	web_table_send(r, file, t, xlsx);
	kngg_table_free(t);
	kngg_register_free(reg);
}

void page_stakeholders_csv(web_request *r, const char *code)
{
	stakeholders_download(r, code, 0);
}

void page_stakeholders_xlsx(web_request *r, const char *code)
{
	stakeholders_download(r, code, 1);
}

void page_stakeholders(web_request *r, const char *code)
{
	kngg_register *reg = NULL;
	char name[256];
	kngg_buf *b = &r->out;

	if (web_municipality(r, code, name) < 0)
		return;
	if (r->post) {
		stakeholders_post(r, code);
		return;
	}
	if (kngg_register_load(r->tracker, code, NULL, &reg) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	web_page_begin(r, "Stakeholders", code, "stakeholders");
	web_hf(b, "<h1>Stakeholders van %s</h1>", name);
	web_hf(b, "<p class=\"downloads\"><a class=\"button\" href=\"/gemeente/%s/stakeholders.csv\" "
		  "download>Register downloaden als CSV</a> <a class=\"button\" "
		  "href=\"/gemeente/%s/stakeholders.xlsx\" download>als Excel</a></p>", code, code);
	grid(r, reg, name);
	register_table(r, reg);
	commitment_history(r, reg);
	web_funding_section(r, code);
	handovers_section(r, code);
	if (web_may_write(r, code)) {
		forms(r, code, reg);
		handover_form(r, code, reg);
		web_funding_form(r, code);
	}
	if (web_is_admin(r))
		link_form(r, code, reg);
	web_page_end(r);
	kngg_register_free(reg);
}
