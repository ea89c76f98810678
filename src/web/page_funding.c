/*
 * page_funding.c: the funding of a municipality (kngg funding) as a small
 * section of the stakeholders page: who pays, how much, until when. The
 * risk that money stops shows with the readiness warnings (gereedheid).
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
