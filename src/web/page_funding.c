/*
 * page_funding.c: the funding of a municipality (kngg funding) as a small
 * section of the stakeholders page: who pays, how much, until when. The
 * risk that money stops shows with the readiness warnings (gereedheid).
 * The form posts to /gemeente/{code}/financiering (page_funding).
 */
#include <stdio.h>

#include "kngg/funding.h"
#include "util/text.h"
#include "util/util.h"
#include "web/web.h"

void web_funding_section(web_request *r, const char *code)
{
	kngg_funding_list *l = NULL;
	kngg_buf *b = &r->out;
	char amount[40], from[32], end[32], day[32];

	if (kngg_funding_load(r->tracker, code, NULL, &l) < 0)
		return; /* the page stands without it */
	kngg_buf_puts(b, "<section aria-labelledby=\"financiering\"><h2 id=\"financiering\">"
			 "Financiering</h2>");
	if (l->n == 0) {
		kngg_buf_puts(b, "<p>Er is nog geen financiering vastgelegd.</p></section>");
		kngg_funding_list_free(l);
		return;
	}
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Financiering"));
	kngg_buf_puts(b, "<table><caption>Vastgelegde financiering</caption><thead><tr>"
			 "<th scope=\"col\">Bron</th><th scope=\"col\">Bedrag</th>"
			 "<th scope=\"col\">Van</th><th scope=\"col\">Tot en met</th>"
			 "<th scope=\"col\">Waarvoor</th></tr></thead><tbody>");
	for (size_t i = 0; i < l->n; i++) {
		const kngg_funding *f = &l->items[i];

		kngg_amount_nl(f->amount_cents, amount);
		kngg_date_nl(f->from, from);
		if (f->end)
			kngg_date_nl(f->end, end);
		web_hf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s%s</td><td>%s</td></tr>",
		       f->source, amount, from, f->end ? end : "structureel",
		       f->ended ? " (eerder beëindigd)" : "",
		       f->purpose ? (f->purpose_is_role ? kngg_defs_label(r->cfg->defs, "rollen", f->purpose)
							: f->purpose)
				  : "de aanpak als geheel");
	}
	kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE);
	kngg_amount_nl(l->total_active_cents, amount);
	kngg_date_nl(l->day, day);
	web_hf(b, "<p>Lopend op %s: %s.</p></section>", day, amount);
	kngg_funding_list_free(l);
}

void web_funding_form(web_request *r, const char *code)
{
	kngg_buf *b = &r->out;
	char action[64];

	snprintf(action, sizeof(action), "/gemeente/%s/financiering", code);
	web_form_begin(r, action, "card narrow");
	kngg_buf_puts(b, "<h2>Financiering vastleggen</h2>");
	web_input(r, "bron", "Bron (bijvoorbeeld SPUK 2025)", "text", NULL, 1);
	web_input_attrs(r, "bedrag", "Bedrag in euro (45.000 of 45.000,50)", "text",
			"required inputmode=\"decimal\"");
	web_input(r, "van", "Van", "date", NULL, 1);
	web_input(r, "tot", "Tot en met (leeg bij structureel)", "date", NULL, 0);
	kngg_buf_puts(b, "<label class=\"check\"><input type=\"checkbox\" name=\"structureel\" "
			 "value=\"1\"> structureel</label>");
	web_select_list(r, "voor", "Voor de rol (optioneel)", "rollen", 0);
	web_input(r, "notitie", "Notitie (optioneel)", "text", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Vastleggen</button></form>");
}

void page_funding(web_request *r, const char *code)
{
	kngg_funding_in in = {0};
	kngg_track_opts o = {0};
	char back[64], name[256];
	const char *until;
	int rc;

	if (web_municipality(r, code, name) < 0)
		return;
	snprintf(back, sizeof(back), "/gemeente/%s/stakeholders", code);
	if (!r->post) {
		web_redirect(r, back, 0, NULL);
		return;
	}
	if (web_write_begin(r, code, &o) < 0)
		return;
	o.date = NULL; /* recorded today; the form's dates are the funding's own */
	in.source = web_form_get(&r->form, "bron");
	in.amount = web_form_get(&r->form, "bedrag");
	in.from = web_form_get(&r->form, "van");
	until = web_form_get(&r->form, "tot");
	in.until = until && *until ? until : NULL;
	in.structural = web_form_get(&r->form, "structureel") != NULL;
	in.purpose = web_form_get(&r->form, "voor");
	if (in.purpose && !*in.purpose)
		in.purpose = NULL;
	rc = kngg_funding_add(r->tracker, code, &in, &o, NULL);
	web_write_end(r, rc, back, "Financiering vastgelegd.");
}
