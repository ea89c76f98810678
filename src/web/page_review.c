/*
 * page_review.c: the pages that look back and ahead: readiness (what the
 * CLI's readiness says), the QuickScan across cycles (radar), the
 * essential-factor checks over time, the journal, and documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "util/text.h"
#include "kngg/doc.h"
#include "kngg/people.h"
#include "kngg/readiness.h"
#include "web/svg.h"
#include "web/web.h"

/* ---- readiness ---------------------------------------------------------------------- */

/* Where on the site an unmet rule is met: the page and form, from the
 * rule's structured fields (never from its fix text, which is a command). */
static void fix_link(kngg_buf *b, const char *code, const kngg_readiness_section *sec,
		     const kngg_rule_result *res)
{
	const kngg_rule *rule = res->rule;
	const kngg_def *target = rule ? rule->target : NULL;
	const kngg_step *step = NULL;
	kngg_buf href = {0};
	const char *label = NULL;
	char text[160];

	kngg_buf_printf(&href, "/gemeente/%s", code);
	if (!rule) { /* a condition of the phase itself: an area, a cycle */
		if (res->id && strcmp(res->id, "gebied") == 0)
			kngg_buf_puts(&href, "#gebied"), label = "Gebied toevoegen op de routekaart";
		else if (res->id && strcmp(res->id, "cyclus") == 0)
			kngg_buf_puts(&href, "#cyclus"), label = "Cyclus starten op de routekaart";
	} else if (rule->kind == KNGG_RULE_DONE || rule->kind == KNGG_RULE_SIGNED) {
		step = target ? kngg_def_step(target->kind == KNGG_DEF_STEP ? target : target->parent)
			      : NULL;
		if (step) {
			kngg_buf_printf(&href, "/stap/%s", step->def.id);
			if (sec->area) {
				kngg_buf_puts(&href, "?gebied=");
				web_url_encode(&href, sec->area);
			}
			if (target->kind == KNGG_DEF_STEP) {
				kngg_buf_puts(&href, "#stand");
				snprintf(text, sizeof(text), "Stap %s afronden", step->def.id);
			} else if (target->kind == KNGG_DEF_SIGNOFF) {
				kngg_buf_printf(&href, "#o-%s", target->id);
				snprintf(text, sizeof(text), "Ondertekening %s vastleggen bij stap %s",
					 target->id, step->def.id);
			} else {
				kngg_buf_printf(&href, "#i-%s", target->id);
				snprintf(text, sizeof(text), "%s afvinken bij stap %s", target->id,
					 step->def.id);
			}
			label = text;
		}
	} else if (rule->kind == KNGG_RULE_COMMITMENT) {
		if (rule->role)
			kngg_buf_puts(&href, "/stakeholders#rol"), label = "Rol toewijzen bij Stakeholders";
		else
			kngg_buf_puts(&href, "/stakeholders#analyse"),
				label = "Analyse vastleggen bij Stakeholders";
	} else if (rule->kind == KNGG_RULE_FACTOR) {
		kngg_buf_puts(&href, "/factoren#check"), label = "Check vastleggen bij Factoren";
	} else if (rule->kind == KNGG_RULE_QUICKSCAN) {
		kngg_buf_puts(&href, "/quickscan#score"), label = "Scores vastleggen bij QuickScan";
	}
	if (label)
		web_hf(b, "<br><a class=\"fix\" href=\"%s\">→ %s</a>", kngg_buf_cstr(&href), label);
	kngg_buf_free(&href);
}

static void section_html(kngg_buf *b, const char *code, const kngg_readiness_section *sec,
			 int heading)
{
	kngg_buf plain = {0};
	size_t binding = 0;

	if (heading && sec->scope)
		web_hf(b, "<h2>%s</h2>", sec->scope);
	for (size_t i = 0; i < sec->nresults; i++)
		binding += sec->results[i].binding;
	if (sec->ready)
		kngg_buf_puts(b, "<p class=\"ok big\">Gereed</p>");
	else
		web_hf(b, "<p class=\"notready big\">Niet gereed: %d van %zu regels ontbreken</p>",
		       sec->nmissing, binding);
	if (sec->nadvice)
		web_hf(b, "<p class=\"hint\">%d %s: de handreiking vraagt dit niet als voorwaarde, "
			  "maar het helpt.</p>",
		       sec->nadvice, sec->nadvice == 1 ? "advies" : "adviezen");
	kngg_buf_puts(b, "<ul class=\"rules\">");
	for (size_t i = 0; i < sec->nresults; i++) {
		const kngg_rule_result *res = &sec->results[i];
		int advice = !res->met && !res->binding;

		plain.len = 0;
		web_plain_text(&plain, res->text ? res->text : res->id);
		web_hf(b, "<li class=\"%s\"><span class=\"mark\" aria-hidden=\"true\">%s</span>"
			  "<span class=\"sr\">%s: </span>%s%s",
		       res->met ? "met" : advice ? "advice" : "unmet",
		       res->met ? "✓" : advice ? "~" : "✗",
		       res->met ? "voldaan" : advice ? "advies" : "open", advice ? "Advies: " : "",
		       kngg_buf_cstr(&plain));
		if (!res->met)
			fix_link(b, code, sec, res);
		if (!res->met && res->lines)
			web_hf(b, "<br><span class=\"hint\">handreiking, regels %s</span>", res->lines);
		kngg_buf_puts(b, "</li>");
	}
	kngg_buf_puts(b, "</ul>");
	kngg_buf_free(&plain);
}

/* Records the phase the projectleider sees the municipality in. */
static void declare_post(web_request *r, const char *code)
{
	kngg_track_opts o;
	char back[64];
	int rc = KNGG_EINVALID, phase;

	snprintf(back, sizeof(back), "/gemeente/%s/gereedheid", code);
	if (web_write_begin(r, code, &o) < 0)
		return;
	if (web_form_number(&r->form, "fase", &phase) < 0)
		kngg_buf_puts(&r->error, "kies fase 1, 2, 3 of 4");
	else
		rc = kngg_phase_declare(r->tracker, code, phase, &o);
	web_write_end(r, rc, back, "Opgegeven fase vastgelegd.");
}

void page_readiness(web_request *r, const char *code)
{
	kngg_readiness *rd = NULL;
	char name[256], nl[32];
	kngg_buf *b = &r->out;
	const char *phase_s = web_arg(r, "fase");
	int phase = 0;

	if (web_municipality(r, code, name) < 0)
		return;
	if (r->post) {
		declare_post(r, code);
		return;
	}
	if (phase_s && (strlen(phase_s) != 1 || phase_s[0] < '1' || phase_s[0] > '4')) {
		web_error(r, MHD_HTTP_BAD_REQUEST, "Ongeldige fase", "Kies fase 1, 2, 3 of 4.");
		return;
	}
	phase = phase_s ? phase_s[0] - '0' : 0;
	if (kngg_readiness_load(r->tracker, code, phase, NULL, NULL, NULL, &rd) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	web_page_begin(r, "Gereedheid", code, "gereedheid");
	web_hf(b, "<h1>Gereedheid van %s</h1>", name);
	kngg_buf_puts(b, "<nav class=\"areas\" aria-label=\"Fase\"><p>Vraag:</p><ul>");
	web_hf(b, "<li><a href=\"/gemeente/%s/gereedheid\"%R>huidige fase</a></li>", code,
	       phase ? "" : " aria-current=\"page\"");
	for (int p = 1; p <= 4; p++)
		web_hf(b, "<li><a href=\"/gemeente/%s/gereedheid?fase=%d\"%R>fase %d af?</a></li>", code, p,
		       p == phase ? " aria-current=\"page\"" : "", p);
	kngg_buf_puts(b, "</ul></nav>");
	kngg_date_nl(rd->as_of, nl);
	web_hf(b, "<p class=\"lead\">Stand op %s. Berekende fase: %d; opgegeven fase: ", nl,
	       rd->calculated_phase);
	if (rd->declared_phase) {
		kngg_date_nl(rd->declared_on, nl);
		web_hf(b, "%d (sinds %s)", rd->declared_phase, nl[0] ? nl : "?");
	} else {
		kngg_buf_puts(b, "nog niet opgegeven");
	}
	kngg_buf_puts(b, ".</p>");
	web_hf(b, "<p class=\"downloads\"><a class=\"button\" href=\"/gemeente/%s/gereedheid.csv%R%s\" "
		  "download>Download als CSV</a> <a class=\"button\" "
		  "href=\"/gemeente/%s/gereedheid.xlsx%R%s\" download>als Excel</a></p>",
	       code, phase ? "?fase=" : "", phase ? phase_s : "", code, phase ? "?fase=" : "",
	       phase ? phase_s : "");
	for (size_t i = 0; i < rd->nsections; i++)
		section_html(b, code, &rd->sections[i], rd->nsections > 1);
	kngg_buf_puts(b, "<h2>Waarschuwingen</h2>");
	if (rd->nwarnings == 0)
		kngg_buf_puts(b, "<p>Geen.</p>");
	kngg_buf_puts(b, "<ul class=\"warnings\">");
	for (size_t i = 0; i < rd->nwarnings; i++) {
		kngg_buf plain = {0};

		web_plain_text(&plain, rd->warnings[i]);
		web_hf(b, "<li>%s</li>", kngg_buf_cstr(&plain));
		kngg_buf_free(&plain);
	}
	kngg_buf_puts(b, "</ul>");
	if (web_may_write(r, code)) {
		char action[64];

		snprintf(action, sizeof(action), "/gemeente/%s/gereedheid", code);
		web_form_begin(r, action, "card narrow");
		kngg_buf_puts(b, "<h2>Fase opgeven</h2><p class=\"hint\">Waar ziet u de gemeente zelf? "
				 "Dat staat dan naast de berekende fase.</p>");
		web_select_open(r, "fase", "Fase", "required");
		for (int p = 1; p <= 4; p++)
			web_hf(b, "<option value=\"%d\"%R>%d</option>", p,
			       p == (rd->declared_phase ? rd->declared_phase : rd->calculated_phase)
				       ? " selected" : "", p);
		kngg_buf_puts(b, "</select>");
		web_input(r, "notitie", "Toelichting (optioneel)", "text", NULL, 0);
		kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Vastleggen</button></form>");
	}
	web_page_end(r);
	kngg_readiness_free(rd);
}

static void readiness_download(web_request *r, const char *code, int xlsx)
{
	static const char *const header[] = {"onderdeel", "regel", "soort", "voldaan", "bindend",
					     "tekst", "handreiking_regels"};
	kngg_readiness *rd = NULL;
	kngg_table *t = NULL;
	const char *phase_s = web_arg(r, "fase");
	char name[256], file[64];
	int rc = 0;

	if (web_municipality(r, code, name) < 0)
		return;
	if (phase_s && (strlen(phase_s) != 1 || phase_s[0] < '1' || phase_s[0] > '4')) {
		web_error(r, MHD_HTTP_BAD_REQUEST, "Ongeldige fase", "Kies fase 1, 2, 3 of 4.");
		return;
	}
	if (kngg_readiness_load(r->tracker, code, phase_s ? phase_s[0] - '0' : 0, NULL, NULL, NULL,
				&rd) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	if (!(t = kngg_table_new("gereedheid", sizeof(header) / sizeof(header[0]), header)))
		rc = KNGG_ENOMEM;
	for (size_t i = 0; i < rd->nsections && rc == 0; i++)
		for (size_t k = 0; k < rd->sections[i].nresults && rc == 0; k++) {
			const kngg_rule_result *res = &rd->sections[i].results[k];
			kngg_buf text = {0};

			web_plain_text(&text, res->text ? res->text : res->id);
			if (text.failed || kngg_table_row(t, 0) < 0 ||
			    kngg_table_text(t, 0, rd->sections[i].scope) < 0 ||
			    kngg_table_text(t, 1, res->id) < 0 || kngg_table_text(t, 2, res->kind) < 0 ||
			    kngg_table_text(t, 3, res->met ? "ja" : "nee") < 0 ||
			    kngg_table_text(t, 4, res->binding ? "ja" : "nee") < 0 ||
			    kngg_table_text(t, 5, kngg_buf_cstr(&text)) < 0 ||
			    kngg_table_text(t, 6, res->lines) < 0)
				rc = KNGG_ENOMEM;
			kngg_buf_free(&text);
		}
	kngg_readiness_free(rd);
	if (rc < 0) {
		kngg_table_free(t);
		web_engine_failed(r, rc, "/");
		return;
	}
	snprintf(file, sizeof(file), "gereedheid-%s", code);
	web_table_send(r, file, t, xlsx);
	kngg_table_free(t);
}

void page_readiness_csv(web_request *r, const char *code)
{
	readiness_download(r, code, 0);
}

void page_readiness_xlsx(web_request *r, const char *code)
{
	readiness_download(r, code, 1);
}

/* ---- QuickScan ---------------------------------------------------------------------- */

static void quickscan_post(web_request *r, const char *code, const char *back)
{
	const char *theme = web_form_get(&r->form, "thema");
	kngg_track_opts o;
	int rc = KNGG_EINVALID, score, phase = 0;

	if (web_write_begin(r, code, &o) < 0)
		return;
	if (web_form_number(&r->form, "fase", &phase) == 0 &&
	    (phase < KNGG_CYCLE_PHASE || phase > KNGG_PHASES))
		kngg_buf_puts(&r->error, "kies fase 3 of 4");
	else if (!theme || web_form_number(&r->form, "score", &score) < 0)
		kngg_buf_puts(&r->error, "kies een thema en een score");
	else
		rc = kngg_track_quickscan(r->tracker, code, theme, score, phase, &o);
	web_write_end(r, rc, back, "Score vastgelegd.");
}

void page_quickscan(web_request *r, const char *code)
{
	const kngg_quickscan *qs = kngg_defs_quickscan(r->cfg->defs);
	const char **axes = NULL;
	web_svg_series series[32];
	char labels[32][32], name[256], back[64];
	size_t ns = 0;
	kngg_status *st = NULL;
	kngg_buf *b = &r->out;

	if (web_municipality(r, code, name) < 0)
		return;
	snprintf(back, sizeof(back), "/gemeente/%s/quickscan", code);
	if (r->post) {
		quickscan_post(r, code, back);
		return;
	}
	if (kngg_status_load(r->tracker, code, NULL, &st) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	web_page_begin(r, "QuickScan", code, "quickscan");
	web_hf(b, "<h1>QuickScan van %s</h1><p class=\"lead\">%s</p>", name, qs ? qs->text : "");
	if (qs && qs->nthemes && (axes = calloc(qs->nthemes, sizeof(*axes))) != NULL) {
		for (size_t i = 0; i < qs->nthemes; i++)
			axes[i] = qs->themes[i].def.title;
		for (int p = 2; p < 4; p++)
			for (size_t k = 0; k < st->phases[p].nruns && ns < 32; k++) {
				const kngg_run_status *run = &st->phases[p].runs[k];

				snprintf(labels[ns], sizeof(labels[ns]), "fase %d, cyclus %d", p + 1, run->cycle);
				series[ns].label = labels[ns];
				series[ns].scores = run->quickscan;
				ns++;
			}
		kngg_buf_puts(b, "<figure class=\"radar\">"
				 WEB_SCROLL_OPEN("QuickScan per cyclus"));
		web_svg_radar(b, "QuickScan per cyclus", axes, qs->nthemes, qs->scale.min, qs->scale.max,
			      series, ns);
		kngg_buf_puts(b, WEB_SCROLL_CLOSE "</figure>");
		/* the same as a table */
		kngg_buf_puts(b, WEB_SCROLL_OPEN("Scores per thema en cyclus"));
		kngg_buf_puts(b, "<table><caption>Scores per thema en cyclus</caption><thead><tr>"
				 "<th scope=\"col\">Thema</th>");
		for (size_t k = 0; k < ns; k++)
			web_hf(b, "<th scope=\"col\">%s</th>", series[k].label);
		kngg_buf_puts(b, "</tr></thead><tbody>");
		for (size_t i = 0; i < qs->nthemes; i++) {
			web_hf(b, "<tr><th scope=\"row\">%s</th>", axes[i]);
			for (size_t k = 0; k < ns; k++) {
				int v = series[k].scores ? series[k].scores[i] : -1;

				if (v < 0)
					kngg_buf_puts(b, "<td>—</td>");
				else
					web_hf(b, "<td>%d <span class=\"hint\">%s</span></td>", v,
					       kngg_scale_label_of(&qs->scale, v));
			}
			kngg_buf_puts(b, "</tr>");
		}
		kngg_buf_puts(b, "</tbody></table>");
		kngg_buf_puts(b, WEB_SCROLL_CLOSE);
		if (ns == 0)
			web_hf(b, "<p>Nog geen cyclus gestart: de QuickScan hoort bij fase 3 en 4. "
				  "<a href=\"/gemeente/%s#cyclus\">Start een cyclus op de routekaart</a>.</p>",
			       code);
	}
	if (web_may_write(r, code) && qs && ns) {
		web_form_begin(r, back, "card narrow");
		kngg_buf_puts(b, "<h2 id=\"score\">Score vastleggen (lopende cyclus)</h2>");
		web_select_open(r, "thema", "Thema", "required");
		for (size_t i = 0; i < qs->nthemes; i++)
			web_hf(b, "<option value=\"%s\">%s</option>", qs->themes[i].def.id, axes[i]);
		kngg_buf_puts(b, "</select>");
		web_select_open(r, "score", "Score", "required");
		for (int v = qs->scale.min; v <= qs->scale.max; v++) {
			const char *l = kngg_scale_label_of(&qs->scale, v);

			web_hf(b, "<option value=\"%d\">%d%s%s</option>", v, v, l ? " — " : "", l ? l : "");
		}
		kngg_buf_puts(b, "</select>");
		web_select_open(r, "fase", "Fase", NULL);
		kngg_buf_puts(b, "<option value=\"\">laatst gestarte cyclus</option><option value=\"3\">3</option>"
				 "<option value=\"4\">4</option></select>");
		web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
		kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Vastleggen</button></form>");
	}
	free(axes);
	web_page_end(r);
	kngg_status_free(st);
}

/* ---- essential factors ----------------------------------------------------------------- */

/* The checks of one factor: samples for the trend (dates malloc'd) and
 * their notes. */
typedef struct {
	const kngg_factor *factor;
	web_svg_sample *samples;
	char **notes;
	size_t n, cap;
} factor_checks;

typedef struct {
	factor_checks *list;
	size_t nfactors;
} checks_ctx;

static int collect_check(void *ctx, const kngg_factor_check *check)
{
	checks_ctx *c = ctx;

	for (size_t i = 0; i < c->nfactors; i++) {
		factor_checks *f = &c->list[i];

		if (strcmp(f->factor->def.id, check->factor) != 0)
			continue;
		if (f->n == f->cap) {
			size_t cap = f->cap ? f->cap * 2 : 8;
			web_svg_sample *s = realloc(f->samples, cap * sizeof(*s));
			char **notes = s ? realloc(f->notes, cap * sizeof(*notes)) : NULL;

			if (s)
				f->samples = s;
			if (!s || !notes)
				return KNGG_ENOMEM;
			f->notes = notes;
			f->cap = cap;
		}
		f->samples[f->n].date = strdup(check->date);
		f->samples[f->n].score = check->score;
		f->notes[f->n] = check->note ? strdup(check->note) : NULL;
		f->n++;
		return f->samples[f->n - 1].date ? 0 : KNGG_ENOMEM;
	}
	return 0; /* a factor the definitions no longer know */
}

static void factors_post(web_request *r, const char *code, const char *back)
{
	const char *factor = web_form_get(&r->form, "factor");
	kngg_track_opts o;
	int rc = KNGG_EINVALID, score;

	if (web_write_begin(r, code, &o) < 0)
		return;
	if (!factor || web_form_number(&r->form, "score", &score) < 0)
		kngg_buf_puts(&r->error, "kies een factor en een score");
	else
		rc = kngg_track_factor(r->tracker, code, factor, score, &o);
	web_write_end(r, rc, back, "Check vastgelegd.");
}

void page_factors(web_request *r, const char *code)
{
	size_t nf = 0;
	const kngg_factor *factors = kngg_defs_factors(r->cfg->defs, &nf);
	const kngg_scale *scale = kngg_defs_factor_scale(r->cfg->defs);
	checks_ctx c = {NULL, nf};
	char name[256], back[64];
	kngg_buf *b = &r->out;

	if (web_municipality(r, code, name) < 0)
		return;
	snprintf(back, sizeof(back), "/gemeente/%s/factoren", code);
	if (r->post) {
		factors_post(r, code, back);
		return;
	}
	if (!(c.list = calloc(nf ? nf : 1, sizeof(*c.list)))) {
		web_engine_failed(r, KNGG_ENOMEM, "/");
		return;
	}
	for (size_t i = 0; i < nf; i++)
		c.list[i].factor = &factors[i];
	if (kngg_factor_checks(r->tracker, code, NULL, collect_check, &c) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		goto done;
	}
	web_page_begin(r, "Essentiële factoren", code, "factoren");
	web_hf(b, "<h1>Essentiële factoren van %s</h1>", name);
	kngg_buf_puts(b, "<div class=\"factors\">");
	for (size_t i = 0; i < nf; i++) {
		factor_checks *fc = &c.list[i];

		web_hf(b, "<section class=\"card\"><h2>%s</h2>", factors[i].def.title);
		if (fc->n) {
			const web_svg_sample *last = &fc->samples[fc->n - 1];
			const char *l = scale ? kngg_scale_label_of(scale, last->score) : NULL;
			char nl[32];

			kngg_date_nl(last->date, nl);
			web_hf(b, "<p>Laatste check %s: <strong>%d</strong> %s</p>", nl, last->score,
			       l ? l : "");
			web_svg_trend(b, factors[i].def.title, fc->samples, fc->n, scale ? scale->min : 0,
				      scale ? scale->max : 5);
			kngg_buf_puts(b, "<details><summary>Alle checks</summary>"
					 WEB_SCROLL_OPEN("Alle checks") "<table><thead><tr>"
					 "<th scope=\"col\">Datum</th><th scope=\"col\">Score</th>"
					 "<th scope=\"col\">Notitie</th></tr></thead><tbody>");
			for (size_t k = 0; k < fc->n; k++) {
				kngg_date_nl(fc->samples[k].date, nl);
				web_hf(b, "<tr><td>%s</td><td>%d</td><td>%s</td></tr>", nl,
				       fc->samples[k].score, fc->notes[k] ? fc->notes[k] : "");
			}
			kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE "</details>");
		} else {
			kngg_buf_puts(b, "<p>Nog niet gecheckt.</p>");
		}
		kngg_buf_puts(b, "</section>");
	}
	kngg_buf_puts(b, "</div>");
	if (web_may_write(r, code)) {
		web_form_begin(r, back, "card narrow");
		kngg_buf_puts(b, "<h2 id=\"check\">Check vastleggen</h2>");
		web_select_open(r, "factor", "Factor", "required");
		for (size_t i = 0; i < nf; i++)
			web_hf(b, "<option value=\"%s\">%s</option>", factors[i].def.id, factors[i].def.title);
		kngg_buf_puts(b, "</select>");
		web_select_open(r, "score", "Score", "required");
		for (int v = scale ? scale->min : 1; v <= (scale ? scale->max : 5); v++) {
			const char *l = scale ? kngg_scale_label_of(scale, v) : NULL;

			web_hf(b, "<option value=\"%d\">%d%s%s</option>", v, v, l ? " — " : "", l ? l : "");
		}
		kngg_buf_puts(b, "</select>");
		web_input(r, "datum", "Datum (leeg: vandaag)", "date", NULL, 0);
		web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
		kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Vastleggen</button></form>");
	}
	web_page_end(r);
done:
	for (size_t i = 0; i < nf; i++) {
		for (size_t k = 0; k < c.list[i].n; k++) {
			free((char *)c.list[i].samples[k].date);
			free(c.list[i].notes[k]);
		}
		free(c.list[i].samples);
		free(c.list[i].notes);
	}
	free(c.list);
}

/* ---- the journal ---------------------------------------------------------------------- */

/* The journal's filter, from the query: kind, step (its activities,
 * deliverables and sign-offs too), and a date range. */
typedef struct {
	const char *kind, *step, *from, *to;
} journal_filter;

typedef struct {
	web_request *r;
	const journal_filter *f;
	char **rows;          /* rendered rows, oldest first (the page) */
	kngg_table *sheet;    /* the rows, oldest first (a download) */
	size_t n, cap, total;
	char kinds[64][40];    /* the kinds seen that have a Dutch name, for the filter */
	size_t nkinds;
	int failed;
	int writable;
	const char *code;
} journal_walk;

static int filter_match(const journal_filter *f, const kngg_event *ev)
{
	size_t n;

	if (f->kind && strcmp(f->kind, ev->kind) != 0)
		return 0;
	if (f->step) {
		n = strlen(f->step);
		if (!ev->target || strncmp(ev->target, f->step, n) != 0 ||
		    (ev->target[n] != '\0' && ev->target[n] != '/'))
			return 0;
	}
	if (f->from && strcmp(ev->date, f->from) < 0)
		return 0;
	if (f->to && strcmp(ev->date, f->to) > 0)
		return 0;
	return 1;
}

static int journal_row(void *ctx, const kngg_event *ev)
{
	journal_walk *w = ctx;
	kngg_buf row = {0};
	const char *kind = kngg_event_kind_text(ev->kind);
	const char *by = ev->by ? ev->by : ev->by_erased ? "(gewist)" : "";
	char *line, nl[32];
	size_t i;

	for (i = 0; i < w->nkinds && strcmp(w->kinds[i], ev->kind) != 0; i++)
		;
	if (i == w->nkinds && kind != ev->kind && strlen(ev->kind) < sizeof(w->kinds[0]) &&
	    w->nkinds < sizeof(w->kinds) / sizeof(w->kinds[0]))
		snprintf(w->kinds[w->nkinds++], sizeof(w->kinds[0]), "%s", ev->kind);
	w->total++;
	if (!filter_match(w->f, ev))
		return 0;
	if (!(line = kngg_event_describe(ev)))
		return KNGG_ENOMEM;
	if (w->sheet) {
		kngg_table *t = w->sheet;
		int rc = kngg_table_row(t, 0) < 0 || kngg_table_number(t, 0, (double)ev->id) < 0 ||
			 kngg_table_date(t, 1, ev->date) < 0 || kngg_table_text(t, 2, kind) < 0 ||
			 kngg_table_text(t, 3, ev->target) < 0 || kngg_table_text(t, 4, line) < 0 ||
			 kngg_table_text(t, 5, by) < 0 || kngg_table_text(t, 6, ev->note) < 0 ||
			 kngg_table_text(t, 7, ev->corrected_by ? "ja" : "nee") < 0;

		free(line);
		return rc ? KNGG_ENOMEM : 0;
	} else {
		kngg_buf details = {0};

		kngg_dates_nl(&details, line, strlen(line));
		kngg_date_nl(ev->date, nl);
		web_hf(&row, "<tr%R><td>#%lld</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>",
		       ev->corrected_by ? " class=\"withdrawn\"" : "", (long long)ev->id, nl, kind,
		       kngg_buf_cstr(&details), by, ev->note ? ev->note : "");
		kngg_buf_free(&details);
		if (w->writable && !ev->corrected_by && kngg_event_correctable(ev->kind))
			web_hf(&row, "<td><a href=\"/gemeente/%s/logboek?intrekken=%lld\">Intrekken…</a></td>",
			       w->code, (long long)ev->id);
		else if (w->writable)
			kngg_buf_puts(&row, "<td></td>");
		kngg_buf_puts(&row, "</tr>");
	}
	free(line);
	if (row.failed)
		return (kngg_buf_free(&row), KNGG_ENOMEM);
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 64;
		char **more = realloc(w->rows, cap * sizeof(*more));

		if (!more)
			return (kngg_buf_free(&row), KNGG_ENOMEM);
		w->rows = more;
		w->cap = cap;
	}
	w->rows[w->n++] = row.ptr ? row.ptr : strdup("");
	return 0;
}

static void journal_walk_free(journal_walk *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->rows[i]);
	free(w->rows);
	kngg_table_free(w->sheet);
}

/* The filter from the query; -1 (answered: 400) when a date is wrong. */
static int journal_filter_get(web_request *r, journal_filter *f)
{
	f->kind = web_arg(r, "soort");
	f->step = web_arg(r, "stap");
	f->from = web_arg(r, "van");
	f->to = web_arg(r, "tot");
	if ((f->from && !kngg_valid_date(f->from)) || (f->to && !kngg_valid_date(f->to))) {
		web_error(r, MHD_HTTP_BAD_REQUEST, "Ongeldige datum",
			  "Kies bij Van en Tot een datum uit de kalender (bijvoorbeeld 1 juli 2026).");
		return -1;
	}
	if (f->step && (strlen(f->step) > 40 || strspn(f->step, "0123456789.abcdefghijklmnopqrstuvwxyz-") !=
							   strlen(f->step))) {
		web_error(r, MHD_HTTP_BAD_REQUEST, "Ongeldige stap",
			  "Geef bij Stap het nummer van een stap, bijvoorbeeld 1.2.");
		return -1;
	}
	return 0;
}

/* The query of the filter, for the CSV link ("?soort=...&..."), into b. */
static void filter_query(kngg_buf *b, const journal_filter *f)
{
	const char *names[] = {"soort", "stap", "van", "tot"};
	const char *values[] = {f->kind, f->step, f->from, f->to};
	int first = 1;

	for (int i = 0; i < 4; i++) {
		if (!values[i])
			continue;
		kngg_buf_printf(b, "%s%s=", first ? "?" : "&", names[i]);
		web_url_encode(b, values[i]);
		first = 0;
	}
}

struct found_event {
	web_request *r;
	const char *code;
	int found;
};

/* The event to withdraw, described (it must be this municipality's). */
static int confirm_event(void *ctx, const kngg_event *ev)
{
	struct found_event *f = ctx;
	char *line;
	char nl[32];
	kngg_buf details = {0};

	if (strcmp(ev->municipality, f->code) != 0)
		return 0;
	if (!(line = kngg_event_describe(ev)))
		return KNGG_ENOMEM;
	kngg_dates_nl(&details, line, strlen(line));
	kngg_date_nl(ev->date, nl);
	web_hf(&f->r->out, "<p class=\"lead\">#%lld · %s · %s %s</p>", (long long)ev->id, nl,
	       kngg_event_kind_text(ev->kind), kngg_buf_cstr(&details));
	kngg_buf_free(&details);
	free(line);
	f->found = 1;
	return 0;
}

/* The confirmation step before a withdrawal: a page of its own, so that it
 * works without JavaScript. id 0: an unknown number. */
static void confirm_page(web_request *r, const char *code, long long id, const char *reason)
{
	struct found_event f = {r, code, 0};
	kngg_buf *b = &r->out;
	char action[64], back[64], num[24];

	snprintf(action, sizeof(action), "/gemeente/%s/logboek", code);
	snprintf(back, sizeof(back), "/gemeente/%s/logboek", code);
	web_page_begin(r, "Intrekken bevestigen", code, "logboek");
	kngg_buf_puts(b, "<h1>Intrekken bevestigen</h1>");
	if (id > 0 && kngg_journal_event(r->tracker, id, confirm_event, &f) < 0)
		kngg_buf_free(&r->error);
	if (!f.found) {
		kngg_buf_puts(b, "<p class=\"flash error\" role=\"alert\">Deze gemeente heeft geen "
				 "gebeurtenis met dat nummer. Kies het nummer uit de eerste kolom van het "
				 "logboek.</p>");
		web_hf(b, "<p><a href=\"%s\">Terug naar het logboek</a></p>", back);
		web_page_end(r);
		return;
	}
	kngg_buf_puts(b, "<p>Weet u zeker dat u deze gebeurtenis wilt intrekken? Er wordt niets gewist: "
			 "de intrekking komt als nieuwe regel in het logboek, met uw reden.</p>");
	web_form_begin(r, action, "card narrow");
	snprintf(num, sizeof(num), "%lld", id);
	web_hf(b, "<input type=\"hidden\" name=\"nummer\" value=\"%s\">"
		  "<input type=\"hidden\" name=\"bevestigd\" value=\"ja\">", num);
	web_input(r, "reden", "Reden", "text", reason, 1);
	web_hf(b, "<div class=\"buttons\"><button type=\"submit\" class=\"primary\">Ja, intrekken</button> "
		  "<a href=\"%s\">Annuleren</a></div></form>", back);
	web_page_end(r);
}

/* Withdraws a recorded fact: a correction event with a reason, after the
 * confirmation step. */
static void correct_post(web_request *r, const char *code)
{
	const char *nr = web_form_get(&r->form, "nummer");
	const char *reason = web_form_get(&r->form, "reden");
	char back[64], *end = NULL;
	long long id = nr ? strtoll(nr[0] == '#' ? nr + 1 : nr, &end, 10) : 0;
	kngg_track_opts o;
	int rc = KNGG_EINVALID;

	snprintf(back, sizeof(back), "/gemeente/%s/logboek", code);
	if (web_write_begin(r, code, &o) < 0)
		return;
	if (!nr || *end || id <= 0) {
		web_redirect(r, back, 1, "Vul bij Nummer het nummer van de gebeurtenis in (bijvoorbeeld 57).");
		return;
	}
	if (!web_form_get(&r->form, "bevestigd")) {
		confirm_page(r, code, id, reason);
		return;
	}
	if (!reason) {
		web_redirect(r, back, 1, "Vul bij Reden in waarom de gebeurtenis wordt ingetrokken.");
		return;
	}
	rc = kngg_correct(r->tracker, code, id, reason, &o);
	web_write_end(r, rc, back, "Ingetrokken; de intrekking staat in het logboek.");
}

static const char *const journal_head[] = {"nummer", "datum", "soort", "onderwerp", "details",
					  "door", "notitie", "ingetrokken"};

static void journal_filter_form(web_request *r, const char *code, const journal_walk *w)
{
	kngg_buf *b = &r->out;

	web_hf(b, "<form method=\"get\" action=\"/gemeente/%s/logboek\" class=\"card filter\">"
		  "<fieldset><legend>Filter</legend>", code);
	r->form_no++;
	web_select_open(r, "soort", "Soort", NULL);
	kngg_buf_puts(b, "<option value=\"\">alle</option>");
	for (size_t i = 0; i < w->nkinds; i++)
		web_hf(b, "<option value=\"%s\"%R>%s</option>", w->kinds[i],
		       w->f->kind && strcmp(w->f->kind, w->kinds[i]) == 0 ? " selected" : "",
		       kngg_event_kind_text(w->kinds[i]));
	kngg_buf_puts(b, "</select>");
	web_input(r, "stap", "Stap (bv. 1.2)", "text", w->f->step, 0);
	web_input(r, "van", "Van", "date", w->f->from, 0);
	web_input(r, "tot", "Tot en met", "date", w->f->to, 0);
	web_hf(b, "<div class=\"buttons\"><button type=\"submit\">Filteren</button> "
		  "<a href=\"/gemeente/%s/logboek\">Alles tonen</a></div></fieldset></form>", code);
}

/* download: 0 the page, 1 CSV, 2 xlsx (with the page's filter, newest first) */
static void journal_page(web_request *r, const char *code, int download)
{
	char name[256];
	kngg_buf *b = &r->out, q = {0};
	journal_filter f = {0};
	journal_walk w = {0};
	const char *withdraw = web_arg(r, "intrekken");

	if (web_municipality(r, code, name) < 0)
		return;
	if (r->post) {
		correct_post(r, code);
		return;
	}
	if (withdraw && web_may_write(r, code)) {
		char *end = NULL;
		long long id = strtoll(withdraw, &end, 10);

		confirm_page(r, code, *end ? 0 : id, NULL);
		return;
	}
	if (journal_filter_get(r, &f) < 0)
		return;
	w.r = r;
	w.f = &f;
	if (download &&
	    !(w.sheet = kngg_table_new("logboek", sizeof(journal_head) / sizeof(journal_head[0]),
				       journal_head))) {
		web_engine_failed(r, KNGG_ENOMEM, "/");
		return;
	}
	w.code = code;
	w.writable = web_may_write(r, code);
	if (kngg_journal(r->tracker, code, NULL, journal_row, &w) < 0) {
		journal_walk_free(&w);
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	if (download) {
		char file[64];

		snprintf(file, sizeof(file), "logboek-%s", code);
		kngg_table_reverse(w.sheet); /* newest first, as on the page */
		web_table_send(r, file, w.sheet, download == 2);
		journal_walk_free(&w);
		return;
	}
	web_page_begin(r, "Logboek", code, "logboek");
	web_hf(b, "<h1>Logboek van %s</h1><p class=\"lead\">Elke vastgelegde gebeurtenis, de nieuwste "
		  "bovenaan. Niets wordt gewijzigd of verwijderd: een intrekking is een nieuwe regel.</p>",
	       name);
	journal_filter_form(r, code, &w);
	filter_query(&q, &f);
	web_hf(b, "<p class=\"downloads\"><a class=\"button\" href=\"/gemeente/%s/logboek.csv%s\" "
		  "download>Download als CSV</a> <a class=\"button\" "
		  "href=\"/gemeente/%s/logboek.xlsx%s\" download>als Excel</a> "
		  "<span class=\"hint\">%zu van %zu gebeurtenissen</span></p>",
	       code, kngg_buf_cstr(&q), code, kngg_buf_cstr(&q), w.n, w.total);
	kngg_buf_free(&q);
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Logboek"));
	web_hf(b, "<table class=\"journal\"><thead><tr><th scope=\"col\">Nr.</th>"
		  "<th scope=\"col\">Datum</th><th scope=\"col\">Wat</th><th scope=\"col\">Details</th>"
		  "<th scope=\"col\">Door</th><th scope=\"col\">Notitie</th>%R</tr></thead><tbody>",
	       w.writable ? "<th scope=\"col\"><span class=\"sr\">Intrekken</span></th>" : "");
	for (size_t i = w.n; i-- > 0;)
		kngg_buf_puts(b, w.rows[i]);
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
	journal_walk_free(&w);
	if (web_may_write(r, code)) {
		char action[64];

		snprintf(action, sizeof(action), "/gemeente/%s/logboek", code);
		web_form_begin(r, action, "card narrow");
		kngg_buf_puts(b, "<h2>Iets intrekken</h2><p class=\"hint\">Per ongeluk vastgelegd? Trek de "
				 "gebeurtenis in met een reden. Er wordt niets gewist: de intrekking komt erbij. "
				 "U bevestigt eerst.</p>");
		web_input_attrs(r, "nummer", "Nummer van de gebeurtenis", "text",
				"inputmode=\"numeric\" required");
		web_input(r, "reden", "Reden", "text", NULL, 1);
		kngg_buf_puts(b, "<button type=\"submit\">Intrekken…</button></form>");
	}
	web_page_end(r);
}

void page_journal(web_request *r, const char *code)
{
	journal_page(r, code, 0);
}

void page_journal_csv(web_request *r, const char *code)
{
	journal_page(r, code, 1);
}

void page_journal_xlsx(web_request *r, const char *code)
{
	journal_page(r, code, 2);
}

/* ---- documents ---------------------------------------------------------------------- */

static void document_download(web_request *r, const char *code, const char *file,
			      const kngg_doc_template *list, size_t n)
{
	const char *dot = strrchr(file, '.');
	kngg_doc_format f = dot ? kngg_doc_format_parse(dot + 1) : 0;
	kngg_doc_params p = {0};
	const char *name = NULL;
	char *out = NULL, disp[200];
	size_t len = 0;
	int rc;

	/* the name must be one of the listed templates: never a path */
	for (size_t i = 0; dot && i < n; i++)
		if (strlen(list[i].name) == (size_t)(dot - file) &&
		    strncmp(list[i].name, file, (size_t)(dot - file)) == 0)
			name = list[i].name;
	if (!name || !f) {
		web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden", "Dit stuk bestaat niet.");
		return;
	}
	p.area = web_arg(r, "gebied");
	rc = kngg_doc_render(r->tracker, r->cfg->templates_dir, name, code, &p, f, &out, &len);
	if (rc < 0) {
		char back[64];

		snprintf(back, sizeof(back), "/gemeente/%s/documenten", code);
		web_engine_failed(r, rc, back);
		return;
	}
	kngg_buf_free(&r->out);
	kngg_buf_put(&r->out, out, len);
	free(out);
	r->content_type = f == KNGG_DOC_DOCX
				  ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
			  : f == KNGG_DOC_HTML ? "text/html; charset=utf-8"
					       : "text/markdown; charset=utf-8";
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s-%s.%s\"", name, code,
		 kngg_doc_format_ext(f));
	r->disposition = strdup(disp);
}

void page_documents(web_request *r, const char *code, const char *file)
{
	kngg_doc_template *list = NULL;
	size_t n = 0;
	char name[256];
	kngg_buf *b = &r->out;

	if (web_municipality(r, code, name) < 0)
		return;
	if (kngg_doc_templates(r->cfg->templates_dir, (kngg_diag_fn)NULL, NULL, &list, &n) < 0) {
		kngg_buf_puts(&r->error, "de sjablonen konden niet worden gelezen");
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	if (file) {
		document_download(r, code, file, list, n);
		kngg_doc_templates_free(list, n);
		return;
	}
	web_page_begin(r, "Documenten", code, "documenten");
	web_hf(b, "<h1>Documenten voor %s</h1><p class=\"lead\">Elk stuk is ingevuld met wat er is "
		  "vastgelegd; "
		  "wat alleen u kunt schrijven staat er als <mark class=\"fill\">[In te vullen: …]</mark>.</p>",
	       name);
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Documenten"));
	kngg_buf_puts(b, "<table><thead><tr><th scope=\"col\">Stuk</th><th scope=\"col\">Inhoud</th>"
			 "<th scope=\"col\">Downloaden</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		web_hf(b, "<tr><th scope=\"row\">%s</th><td>%s</td><td>"
			  "<a href=\"/gemeente/%s/documenten/%s.docx\">Word</a> · "
			  "<a href=\"/gemeente/%s/documenten/%s.html\">HTML</a> · "
			  "<a href=\"/gemeente/%s/documenten/%s.md\">Markdown</a></td></tr>",
		       list[i].name, list[i].summary ? list[i].summary : "", code, list[i].name, code,
		       list[i].name, code, list[i].name);
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
	web_page_end(r);
	kngg_doc_templates_free(list, n);
}
