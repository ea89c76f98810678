/*
 * page_review.c: the pages that look back and ahead: readiness (what the
 * CLI's readiness says), the QuickScan across cycles (radar), the
 * essential-factor checks over time, the journal, and documents.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "kngg/doc.h"
#include "kngg/people.h"
#include "kngg/readiness.h"
#include "web/svg.h"
#include "web/web.h"

/* ---- readiness ---------------------------------------------------------------------- */

static void section_html(kngg_buf *b, const kngg_readiness_section *sec, int heading)
{
	if (heading && sec->scope)
		web_hf(b, "<h2>%s</h2>", sec->scope);
	size_t binding = 0;

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

		web_hf(b, "<li class=\"%s\"><span class=\"mark\" aria-hidden=\"true\">%s</span>"
			  "<span class=\"sr\">%s: </span>%s%s",
		       res->met ? "met" : advice ? "advice" : "unmet",
		       res->met ? "✓" : advice ? "~" : "✗",
		       res->met ? "voldaan" : advice ? "advies" : "open", advice ? "Advies: " : "",
		       res->text ? res->text : res->id);
		if (!res->met && res->fix)
			web_hf(b, "<br><span class=\"fix\">→ %s</span>", res->fix);
		if (!res->met && res->lines)
			web_hf(b, "<br><span class=\"hint\">handreiking, regels %s</span>", res->lines);
		kngg_buf_puts(b, "</li>");
	}
	kngg_buf_puts(b, "</ul>");
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
	char name[256];
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
	web_hf(b, "<p class=\"lead\">Stand op %s. Berekende fase: %d; opgegeven fase: ", rd->as_of,
	       rd->calculated_phase);
	if (rd->declared_phase)
		web_hf(b, "%d (sinds %s)", rd->declared_phase, rd->declared_on ? rd->declared_on : "?");
	else
		kngg_buf_puts(b, "nog niet opgegeven");
	kngg_buf_puts(b, ".</p>");
	for (size_t i = 0; i < rd->nsections; i++)
		section_html(b, &rd->sections[i], rd->nsections > 1);
	kngg_buf_puts(b, "<h2>Waarschuwingen</h2>");
	if (rd->nwarnings == 0)
		kngg_buf_puts(b, "<p>Geen.</p>");
	kngg_buf_puts(b, "<ul class=\"warnings\">");
	for (size_t i = 0; i < rd->nwarnings; i++)
		web_hf(b, "<li>%s</li>", rd->warnings[i]);
	kngg_buf_puts(b, "</ul>");
	if (web_may_write(r, code)) {
		char action[64];

		snprintf(action, sizeof(action), "/gemeente/%s/gereedheid", code);
		web_form_begin(r, action, "card narrow");
		kngg_buf_puts(b, "<h2>Fase opgeven</h2><p class=\"hint\">Waar ziet u de gemeente zelf? "
				 "kngg toont dat naast de berekende fase.</p>");
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
			kngg_buf_puts(b, "<p>Nog geen cyclus gestart: de QuickScan hoort bij fase 3 en 4.</p>");
	}
	if (web_may_write(r, code) && qs && ns) {
		web_form_begin(r, back, "card narrow");
		kngg_buf_puts(b, "<h2>Score vastleggen (lopende cyclus)</h2>");
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

			web_hf(b, "<p>Laatste check %s: <strong>%d</strong> %s</p>", last->date, last->score,
			       l ? l : "");
			web_svg_trend(b, factors[i].def.title, fc->samples, fc->n, scale ? scale->min : 0,
				      scale ? scale->max : 5);
			kngg_buf_puts(b, "<details><summary>Alle checks</summary>"
					 WEB_SCROLL_OPEN("Alle checks") "<table><thead><tr>"
					 "<th scope=\"col\">Datum</th><th scope=\"col\">Score</th>"
					 "<th scope=\"col\">Notitie</th></tr></thead><tbody>");
			for (size_t k = 0; k < fc->n; k++)
				web_hf(b, "<tr><td>%s</td><td>%d</td><td>%s</td></tr>", fc->samples[k].date,
				       fc->samples[k].score, fc->notes[k] ? fc->notes[k] : "");
			kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE "</details>");
		} else {
			kngg_buf_puts(b, "<p>Nog niet gecheckt.</p>");
		}
		kngg_buf_puts(b, "</section>");
	}
	kngg_buf_puts(b, "</div>");
	if (web_may_write(r, code)) {
		web_form_begin(r, back, "card narrow");
		kngg_buf_puts(b, "<h2>Check vastleggen</h2>");
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

static int journal_row(void *ctx, const kngg_event *ev)
{
	kngg_buf *b = ctx;
	char *line = kngg_event_describe(ev);

	if (!line)
		return KNGG_ENOMEM;
	web_hf(b, "<tr%R><td>#%lld</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
	       ev->corrected_by ? " class=\"withdrawn\"" : "", (long long)ev->id, ev->date,
	       kngg_event_kind_text(ev->kind), line, ev->by ? ev->by : ev->by_erased ? "(gewist)" : "",
	       ev->note ? ev->note : "");
	free(line);
	return 0;
}

/* Withdraws a recorded fact: a correction event with a reason. */
static void correct_post(web_request *r, const char *code)
{
	const char *nr = web_form_get(&r->form, "nummer");
	char back[64], *end = NULL;
	long long id = nr ? strtoll(nr[0] == '#' ? nr + 1 : nr, &end, 10) : 0;
	kngg_track_opts o;
	int rc = KNGG_EINVALID;

	snprintf(back, sizeof(back), "/gemeente/%s/logboek", code);
	if (web_write_begin(r, code, &o) < 0)
		return;
	if (!nr || *end || id <= 0)
		kngg_buf_puts(&r->error, "geef het nummer van de gebeurtenis (bv. 57)");
	else
		rc = kngg_correct(r->tracker, code, id, web_form_get(&r->form, "reden"), &o);
	web_write_end(r, rc, back, "Ingetrokken; de correctie staat in het logboek.");
}

void page_journal(web_request *r, const char *code)
{
	char name[256];
	kngg_buf *b = &r->out;

	if (web_municipality(r, code, name) < 0)
		return;
	if (r->post) {
		correct_post(r, code);
		return;
	}
	web_page_begin(r, "Logboek", code, "logboek");
	web_hf(b, "<h1>Logboek van %s</h1><p class=\"lead\">Elke vastgelegde gebeurtenis, op datum. "
		  "Niets wordt gewijzigd of verwijderd: een correctie is een nieuwe regel.</p>", name);
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Logboek"));
	kngg_buf_puts(b, "<table class=\"journal\"><thead><tr><th scope=\"col\">Nr.</th>"
			 "<th scope=\"col\">Datum</th><th scope=\"col\">Wat</th><th scope=\"col\">Details</th>"
			 "<th scope=\"col\">Door</th><th scope=\"col\">Notitie</th></tr></thead><tbody>");
	if (kngg_journal(r->tracker, code, NULL, journal_row, b) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
	if (web_may_write(r, code)) {
		char action[64];

		snprintf(action, sizeof(action), "/gemeente/%s/logboek", code);
		web_form_begin(r, action, "card narrow");
		kngg_buf_puts(b, "<h2>Iets intrekken</h2><p class=\"hint\">Per ongeluk vastgelegd? Trek de "
				 "gebeurtenis in met een reden. Er wordt niets gewist: de correctie komt erbij.</p>");
		web_input_attrs(r, "nummer", "Nummer van de gebeurtenis", "text",
				"inputmode=\"numeric\" required");
		web_input(r, "reden", "Reden", "text", NULL, 1);
		kngg_buf_puts(b, "<button type=\"submit\">Intrekken</button></form>");
	}
	web_page_end(r);
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
	web_hf(b, "<h1>Documenten voor %s</h1><p class=\"lead\">Elk stuk is ingevuld met wat kngg weet; "
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
