/*
 * html.c: the page frame (head, navigation, flash message, footer), the
 * one escaping helper and the form helpers every page uses.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "util/text.h"
#include "web/web.h"

void web_h(kngg_buf *b, const char *s)
{
	if (s)
		kngg_buf_put_xml(b, s, strlen(s));
}

void web_hf(kngg_buf *b, const char *fmt, ...)
{
	va_list ap;
	const char *p;

	va_start(ap, fmt);
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			const char *q = strchr(p, '%');
			size_t n = q ? (size_t)(q - p) : strlen(p);

			kngg_buf_put(b, p, n);
			p += n - 1;
			continue;
		}
		switch (*++p) {
		case 's': web_h(b, va_arg(ap, const char *)); break;
		case 'R': kngg_buf_puts(b, va_arg(ap, const char *)); break;
		case 'd': kngg_buf_printf(b, "%d", va_arg(ap, int)); break;
		case 'z': p++; kngg_buf_printf(b, "%zu", va_arg(ap, size_t)); break;
		case 'l': p += 2; kngg_buf_printf(b, "%lld", va_arg(ap, long long)); break;
		case '%': kngg_buf_put(b, "%", 1); break;
		default: p--; kngg_buf_put(b, "%", 1); break;
		}
	}
	va_end(ap);
}

void web_url_encode(kngg_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.')
			kngg_buf_put(b, (const char *)p, 1);
		else
			kngg_buf_printf(b, "%%%02X", *p);
	}
}

/*
 * The engine's messages are written for the CLI: they name options
 * (--area) and commands ('kngg step reopen GM0479 1.3'). A page speaks of
 * fields and buttons instead. Options become the field's name; a clause
 * that gives a command is cut, and when the command has a counterpart on
 * the site, a sentence that names it is added.
 */
static const struct {
	const char *option, *field;
} fields[] = {
	{"area", "Gebied"},         {"org", "Organisatie"},     {"org-type", "Soort organisatie"},
	{"as", "Mandaat"},          {"signer", "Wie tekent"},   {"role", "Rol"},
	{"document", "Stuk"},       {"argument", "Argumenten"}, {"note", "Notitie"},
	{"date", "Datum"},          {"by", "Door"},             {"score", "Score"},
	{"municipality", "Gemeente"}, {"name", "Naam"},         {"interest", "Belang"},
	{"influence", "Invloed"},   {"urgency", "Urgentie"},    {"stance", "Houding"},
	{"commitment", "Commitment"}, {"round", "Ronde"},       {"reason", "Reden"},
	{"hours", "Uren per week"}, {"type", "Soort"},          {"level", "Niveau"},
	{"function", "Functie"},    {"email", "E-mail"},        {"phone", "Telefoon"},
	{"phase", "Fase"},          {"kind", "Soort"},          {"target-group", "Doelgroep"},
	{"deputy", "als plaatsvervanger"}, {"contribution", "Inbreng"}, {"decision", "Besluit"},
	{"theme", "Thema"},         {"display-name", "Weergavenaam"}, {"person", "Persoon"},
	{"source", "Bron"}, {"amount", "Bedrag"}, {"from", "Van"}, {"until", "Tot en met"},
	{"structural", "structureel"}, {"for", "Voor de rol"},
};

static const struct {
	const char *command, *hint;
} commands[] = {
	{"step reopen", "Heropen de stap met de knop Heropenen op de pagina van de stap."},
	{"org add", "Een nieuwe organisatie komt erbij met Stakeholder toevoegen (met de soort "
		    "organisatie)."},
	{"area add", "Voeg een gebied toe op de routekaart."},
	{"cycle start", "Start een cyclus op de routekaart."},
	{"role assign", "Wijs rollen toe op de pagina Stakeholders."},
	{"signoff prepare", "Kies de partijen bij Wie tekent? op de pagina van de stap."},
	{"plan", "Plan opnieuw bij Planning op de pagina van de stap."},
	{"handover", "Leg de overdracht vast op de pagina Stakeholders."},
};

/* The end of a clause before p in s: the last "; ", " (", ": ", ", " or
 * " — " before p, or s itself. */
static const char *clause_start(const char *s, const char *p)
{
	static const char *const seps[] = {"; ", " (", ": ", ", ", " \xe2\x80\x94 ", " - "};
	const char *best = s;

	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		for (const char *q = s; (q = strstr(q, seps[i])) && q < p; q++)
			if (q > best)
				best = q;
	return best;
}

static void web_plain_cli(kngg_buf *out, const char *msg, int sentence);

/* msg without CLI text, its dates said the Dutch way, appended to out;
 * sentence: a capital first and a full stop at the end */
static void plain(kngg_buf *out, const char *msg, int sentence)
{
	kngg_buf t = {0};

	web_plain_cli(&t, msg, sentence);
	kngg_dates_nl(out, kngg_buf_cstr(&t), t.len);
	kngg_buf_free(&t);
	if (out->ptr && !out->failed)
		out->ptr[out->len] = '\0'; /* also when nothing was added to a reused buffer */
}

void web_plain_text(kngg_buf *out, const char *text)
{
	plain(out, text, 0);
}

void web_plain(kngg_buf *out, const char *msg)
{
	plain(out, msg, 1);
}

static void web_plain_cli(kngg_buf *out, const char *msg, int sentence)
{
	const char *hint = NULL, *end, *p;
	size_t start = out->len;

	if (!msg)
		return;
	end = msg + strlen(msg);
	/* a command: cut its clause (and all after it) */
	for (p = msg; (p = strstr(p, "kngg ")) != NULL; p++) {
		if (p[5] < 'a' || p[5] > 'z' ||
		    (p > msg && p[-1] != '\'' && p[-1] != ' ' && p[-1] != '"'))
			continue;
		for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (strncmp(p + 5, commands[i].command, strlen(commands[i].command)) == 0)
				hint = commands[i].hint;
		end = clause_start(msg, p);
		break;
	}
	for (p = msg; p < end;) {
		size_t n;

		if (p[0] == '-' && p[1] == '-' && p[2] >= 'a' && p[2] <= 'z') {
			const char *field = NULL;

			n = strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
			while (n && p[2 + n - 1] == '-')
				n--;
			for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
				if (strlen(fields[i].option) == n &&
				    strncmp(fields[i].option, p + 2, n) == 0)
					field = fields[i].field;
			kngg_buf_puts(out, "veld \xe2\x80\x98");
			if (field)
				kngg_buf_puts(out, field);
			else
				kngg_buf_put(out, p + 2, n);
			kngg_buf_puts(out, "\xe2\x80\x99");
			p += 2 + n;
			/* the option's placeholder (--as ROL): the field says it */
			if (p[0] == ' ' && p[1] >= 'A' && p[1] <= 'Z' && p + 2 < end &&
			    p[2] >= 'A' && p[2] <= 'Z') {
				p++;
				while (p < end && ((*p >= 'A' && *p <= 'Z') || *p == '_'))
					p++;
			}
			continue;
		}
		n = 1;
		kngg_buf_put(out, p, n);
		p += n;
	}
	/* what remains ends as a sentence (a message: the first letter a capital) */
	while (out->len > start && strchr(" ;:,(", out->ptr[out->len - 1]))
		out->len--;
	if (sentence && out->len > start && out->ptr[start] >= 'a' && out->ptr[start] <= 'z')
		out->ptr[start] = (char)(out->ptr[start] - 'a' + 'A');
	if (sentence && out->len > start && !strchr(".!?)", out->ptr[out->len - 1]))
		kngg_buf_puts(out, ".");
	if (hint) {
		if (out->len > start)
			kngg_buf_puts(out, " ");
		kngg_buf_puts(out, hint);
	}
	if (out->ptr && !out->failed)
		out->ptr[out->len] = '\0';
}

void web_csv_field(kngg_buf *b, const char *s, int last)
{
	if (s && strpbrk(s, ";\"\r\n")) {
		kngg_buf_puts(b, "\"");
		for (; *s; s++)
			kngg_buf_puts(b, *s == '"' ? "\"\"" : (char[2]){*s, '\0'});
		kngg_buf_puts(b, "\"");
	} else if (s) {
		kngg_buf_puts(b, s);
	}
	kngg_buf_puts(b, last ? "\r\n" : ";");
}

void web_table_send(web_request *r, const char *file, const kngg_table *t, int xlsx)
{
	char disp[160];

	kngg_buf_free(&r->out);
	if (xlsx) {
		char *data = NULL;
		size_t len = 0;

		if (kngg_module_sheet.xlsx_render(&t, 1, NULL, NULL, &data, &len) < 0) {
			web_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Downloaden mislukt",
				  "Het Excel-bestand kon niet worden gemaakt. Probeer het als CSV.");
			return;
		}
		kngg_buf_put(&r->out, data, len);
		free(data);
		r->content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	} else {
		kngg_buf_puts(&r->out, "\xEF\xBB\xBF"); /* a BOM: Excel then reads UTF-8 */
		for (size_t k = 0; k < t->ncols; k++)
			web_csv_field(&r->out, t->head[k], k + 1 == t->ncols);
		for (size_t i = 0; i < t->nrows; i++)
			for (size_t k = 0; k < t->ncols; k++)
				web_csv_field(&r->out, kngg_table_cell(t, i, k)->text, k + 1 == t->ncols);
		r->content_type = "text/csv; charset=utf-8";
	}
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s.%s\"", file, xlsx ? "xlsx" : "csv");
	free(r->disposition);
	r->disposition = strdup(disp);
}

/* The municipality's sub-navigation. */
static void municipality_nav(web_request *r, const char *code, const char *active)
{
	static const struct { const char *slug, *label; } items[] = {
		{"", "Routekaart"},        {"gereedheid", "Gereedheid"},
		{"stakeholders", "Stakeholders"}, {"quickscan", "QuickScan"},
		{"factoren", "Factoren"},  {"documenten", "Documenten"},
		{"logboek", "Logboek"},
	};
	kngg_buf *b = &r->out;

	kngg_buf_puts(b, "<nav class=\"sub\" aria-label=\"Gemeente\"><ul>");
	for (size_t i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		int on = active && strcmp(active, items[i].slug) == 0;

		web_hf(b, "<li><a href=\"/gemeente/%s%s%s\"%R>%s</a></li>", code,
		       items[i].slug[0] ? "/" : "", items[i].slug, on ? " aria-current=\"page\"" : "",
		       items[i].label);
	}
	kngg_buf_puts(b, "</ul></nav>");
}

void web_page_begin(web_request *r, const char *title, const char *code, const char *active)
{
	kngg_buf *b = &r->out;

	r->content_type = "text/html; charset=utf-8";
	web_hf(b, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		  "<title>%s — kngg</title>"
		  "<link rel=\"stylesheet\" href=\"/static/kngg.css\">"
		  "<link rel=\"icon\" href=\"/static/kngg.svg\" type=\"image/svg+xml\">"
		  "</head><body>"
		  "<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>"
		  "<header class=\"top\"><a class=\"brand\" href=\"/\">kngg</a>"
		  "<span class=\"tagline\">Kind naar Gezonder Gewicht</span>",
	       title);
	kngg_buf_puts(b, "<nav class=\"main\" aria-label=\"Hoofdmenu\"><ul>"
			 "<li><a href=\"/\">Gemeenten</a></li>"
			 "<li><a href=\"/controle\">Controle</a></li>");
	if (web_is_admin(r))
		kngg_buf_puts(b, "<li><a href=\"/gebruikers\">Gebruikers</a></li>");
	kngg_buf_puts(b, "</ul></nav>");
	if (r->account) {
		web_hf(b, "<div class=\"who\"><span>%s (%s)</span><a href=\"/wachtwoord\">Wachtwoord</a>",
		       kngg_account_shown(r->account), kngg_account_role_name(r->account->role));
		web_form_begin(r, "/uitloggen", "inline");
		kngg_buf_puts(b, "<button type=\"submit\" class=\"link\">Uitloggen</button></form></div>");
	} else if (r->local) {
		kngg_buf_puts(b, "<div class=\"who\"><span>lokaal, zonder accounts</span></div>");
	}
	kngg_buf_puts(b, "</header>");
	if (code)
		municipality_nav(r, code, active);
	kngg_buf_puts(b, "<main id=\"inhoud\">");
	if (code && r->account && web_may_write(r, code) && !web_by(r, code))
		kngg_buf_puts(b, "<p class=\"flash\" id=\"niet-gekoppeld\">Uw account is voor deze "
				 "gemeente nog niet gekoppeld aan een persoon uit het "
				 "stakeholdersregister: vastleggen lukt pas na die koppeling (door "
				 "een beheerder, op de pagina Stakeholders).</p>");
	if (r->session.flash[0])
		web_hf(b, "<p class=\"flash%R\" role=\"%R\">%s</p>",
		       r->session.flash_error ? " error" : "", r->session.flash_error ? "alert" : "status",
		       r->session.flash);
}

void web_page_end(web_request *r)
{
	web_hf(&r->out, "</main><footer><p>kngg " KNGG_VERSION " · definities %s · %s</p></footer>"
			"</body></html>\n",
	       kngg_defs_version(r->cfg->defs), kngg_defs_citation(r->cfg->defs));
}

void web_error(web_request *r, int status, const char *title, const char *msg)
{
	kngg_buf_free(&r->out);
	r->status = status;
	/* no flash here: it would be used up by an error page */
	r->session.flash[0] = '\0';
	web_page_begin(r, title, NULL, NULL);
	web_hf(&r->out, "<h1>%s</h1><p>%s</p><p><a href=\"/\">Naar het overzicht</a></p>", title, msg);
	web_page_end(r);
}

void web_form_begin(web_request *r, const char *action, const char *cls)
{
	r->form_no++;
	web_hf(&r->out, "<form method=\"post\" action=\"%s\"%R%s%R>"
			"<input type=\"hidden\" name=\"csrf\" value=\"%s\">",
	       action, cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "", r->session.csrf);
}

void web_select_list(web_request *r, const char *name, const char *label, const char *list_id,
		     int required)
{
	const kngg_list *list = kngg_defs_list(r->cfg->defs, list_id);
	kngg_buf *b = &r->out;

	web_select_open(r, name, label, required ? "required" : NULL);
	if (!required)
		kngg_buf_puts(b, "<option value=\"\">—</option>");
	for (size_t i = 0; list && i < list->nitems; i++)
		web_hf(b, "<option value=\"%s\">%s</option>", list->items[i].id,
		       list->items[i].title ? list->items[i].title : list->items[i].id);
	kngg_buf_puts(b, "</select>");
}

/* <label for=ID>label</label> and ID into id[80]: unique per form. */
static void field_label(web_request *r, const char *name, const char *label, char id[80])
{
	snprintf(id, 80, "f%d-%s", r->form_no, name);
	web_hf(&r->out, "<label for=\"%s\">%s</label>", id, label);
}

void web_select_open(web_request *r, const char *name, const char *label, const char *attrs)
{
	char id[80];

	field_label(r, name, label, id);
	web_hf(&r->out, "<select id=\"%s\" name=\"%s\"", id, name);
	if (attrs)
		kngg_buf_printf(&r->out, " %s", attrs);
	kngg_buf_puts(&r->out, ">");
}

void web_input_attrs(web_request *r, const char *name, const char *label, const char *type,
		     const char *attrs)
{
	char id[80];

	field_label(r, name, label, id);
	web_hf(&r->out, "<input id=\"%s\" name=\"%s\" type=\"%s\"", id, name, type);
	if (attrs)
		kngg_buf_printf(&r->out, " %s", attrs);
	kngg_buf_puts(&r->out, ">");
}

void web_input(web_request *r, const char *name, const char *label, const char *type,
	       const char *value, int required)
{
	char id[80];

	field_label(r, name, label, id);
	web_hf(&r->out, "<input id=\"%s\" name=\"%s\" type=\"%s\"", id, name, type);
	if (value)
		web_hf(&r->out, " value=\"%s\"", value);
	kngg_buf_puts(&r->out, required ? " required>" : ">");
}

void web_textarea(web_request *r, const char *name, const char *label, int rows)
{
	char id[80];

	field_label(r, name, label, id);
	web_hf(&r->out, "<textarea id=\"%s\" name=\"%s\" rows=\"%d\"></textarea>", id, name, rows);
}

struct name_ctx {
	char *name;
};

static int got_name(void *ctx, const kngg_municipality *m)
{
	struct name_ctx *n = ctx;

	snprintf(n->name, 256, "%s", m->name ? m->name : m->code);
	return 0;
}

int web_municipality(web_request *r, const char *code, char name[256])
{
	struct name_ctx n = {name};
	int rc;

	/* that the account may see code is the route's check (server.c) */
	rc = kngg_municipality_get(r->tracker, code, got_name, &n);
	if (rc == KNGG_ENOTFOUND) {
		web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden",
			  "Deze gemeente bestaat niet of u heeft er geen toegang toe.");
		return -1;
	}
	if (rc < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return -1;
	}
	return 0;
}

#define UNLINKED "Uw account is voor deze gemeente nog niet gekoppeld aan een persoon uit het " \
		 "stakeholdersregister. "

int web_write_begin(web_request *r, const char *code, kngg_track_opts *o)
{
	if (!web_may_write(r, code)) {
		web_error(r, MHD_HTTP_FORBIDDEN, "Geen schrijfrechten",
			  "Uw account mag voor deze gemeente niets vastleggen.");
		return -1;
	}
	memset(o, 0, sizeof(*o));
	if (r->account) {
		int64_t person = web_by(r, code);

		/* the account acts as the person it is linked to, never as itself */
		if (!person) {
			web_error(r, MHD_HTTP_FORBIDDEN, "Account niet gekoppeld",
				  web_is_admin(r) ? UNLINKED "Koppel uw account op de pagina "
							     "Stakeholders van deze gemeente; daarna "
							     "legt u vast onder die naam."
						  : UNLINKED "Vraag een beheerder om de koppeling te "
							     "maken; daarna legt u vast onder uw eigen "
							     "naam.");
			return -1;
		}
		snprintf(r->by, sizeof(r->by), "%lld", (long long)person);
		o->by = r->by;
	}
	o->date = web_form_get(&r->form, "datum");
	o->note = web_form_get(&r->form, "notitie");
	return 0;
}

void web_write_end(web_request *r, int rc, const char *back, const char *msg)
{
	if (rc < 0)
		web_engine_failed(r, rc, back);
	else
		web_redirect(r, back, 0, msg);
}

int web_form_number(const web_form *f, const char *name, int *v)
{
	const char *s = web_form_get(f, name);

	if (!s || strlen(s) > 2 || strspn(s, "0123456789") != strlen(s))
		return -1;
	*v = atoi(s);
	return 0;
}
