/*
 * page_home.c: the overview of municipalities and regions, the audit
 * chain's verdict, logging in and out, and the accounts page.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "kngg/readiness.h"
#include "web/web.h"

/* ---- overview ------------------------------------------------------------------ */

/*
 * The overview computes readiness for every municipality (0.3 s for the
 * whole country): it is kept, shared by all threads, as long as the
 * journal's latest event and the day are the same. A snapshot is freed
 * when it is replaced and no page is still printing it.
 */
typedef struct {
	char code[8];
	char *name;
	int calculated, declared, ready, missing;
	char *stalled;
} overview_row;

typedef struct {
	int64_t last_event;
	char day[11];
	int refs;
	overview_row *rows;
	size_t n, cap;
	int failed;
} snapshot;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static snapshot *cache;

static void snapshot_free(snapshot *s)
{
	for (size_t i = 0; s && i < s->n; i++) {
		free(s->rows[i].name);
		free(s->rows[i].stalled);
	}
	if (s)
		free(s->rows);
	free(s);
}

static void snapshot_release(snapshot *s)
{
	int last;

	pthread_mutex_lock(&cache_lock);
	last = --s->refs == 0 && s != cache;
	pthread_mutex_unlock(&cache_lock);
	if (last)
		snapshot_free(s);
}

static int snapshot_row(void *ctx, const kngg_readiness *rd)
{
	snapshot *s = ctx;
	overview_row *row;

	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		overview_row *more = realloc(s->rows, cap * sizeof(*more));

		if (!more)
			return (s->failed = 1, KNGG_ENOMEM);
		s->rows = more;
		s->cap = cap;
	}
	row = &s->rows[s->n++];
	memset(row, 0, sizeof(*row));
	snprintf(row->code, sizeof(row->code), "%s", rd->code);
	row->name = strdup(rd->name ? rd->name : rd->code);
	row->calculated = rd->calculated_phase;
	row->declared = rd->declared_phase;
	row->ready = rd->ready;
	for (size_t i = 0; i < rd->nsections; i++)
		row->missing += rd->sections[i].nmissing;
	row->stalled = rd->oldest_stalled ? strdup(rd->oldest_stalled) : NULL;
	if (!row->name || (rd->oldest_stalled && !row->stalled))
		return (s->failed = 1, KNGG_ENOMEM);
	return 0;
}

/* The current snapshot (held: release it), computed when stale. */
static snapshot *overview_get(web_request *r)
{
	snapshot *s, *old = NULL;
	int64_t last = 0;
	char day[11];

	if (kngg_journal_last(r->tracker, &last) < 0)
		return NULL;
	if (kngg_tracker_today(r->tracker))
		snprintf(day, sizeof(day), "%s", kngg_tracker_today(r->tracker));
	else
		kngg_today(day);
	pthread_mutex_lock(&cache_lock);
	if ((s = cache) && s->last_event == last && strcmp(s->day, day) == 0) {
		s->refs++;
		pthread_mutex_unlock(&cache_lock);
		return s;
	}
	pthread_mutex_unlock(&cache_lock);
	if (!(s = calloc(1, sizeof(*s))))
		return NULL;
	s->last_event = last;
	snprintf(s->day, sizeof(s->day), "%s", day);
	if (kngg_readiness_all(r->tracker, NULL, snapshot_row, s) < 0 || s->failed) {
		snapshot_free(s);
		return NULL;
	}
	s->refs = 2; /* the cache's and the caller's */
	pthread_mutex_lock(&cache_lock);
	if (cache && --cache->refs == 0)
		old = cache;
	cache = s;
	pthread_mutex_unlock(&cache_lock);
	snapshot_free(old);
	return s;
}

void web_overview_cache_free(void)
{
	pthread_mutex_lock(&cache_lock);
	if (cache && --cache->refs == 0)
		snapshot_free(cache);
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}

typedef struct {
	web_request *r;
	const char *region; /* filter, or NULL */
	char **members;
	size_t nmembers, cap;
	int rows;
} overview;

static int member_add(void *ctx, const char *code)
{
	overview *o = ctx;

	if (o->nmembers == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		char **m = realloc(o->members, cap * sizeof(*m));

		if (!m)
			return KNGG_ENOMEM;
		o->members = m;
		o->cap = cap;
	}
	if (!(o->members[o->nmembers] = strdup(code)))
		return KNGG_ENOMEM;
	o->nmembers++;
	return 0;
}

static int is_member(const overview *o, const char *code)
{
	for (size_t i = 0; i < o->nmembers; i++)
		if (strcmp(o->members[i], code) == 0)
			return 1;
	return 0;
}

static void overview_row_html(overview *o, const overview_row *row)
{
	kngg_buf *b = &o->r->out;

	if (!web_may_read(o->r, row->code) || (o->region && !is_member(o, row->code)))
		return;
	o->rows++;
	web_hf(b, "<tr><th scope=\"row\"><a href=\"/gemeente/%s\">%s</a></th><td>%s</td><td>%d</td>",
	       row->code, row->name, row->code, row->calculated);
	if (row->declared)
		web_hf(b, "<td>%d</td>", row->declared);
	else
		kngg_buf_puts(b, "<td>—</td>");
	if (row->ready) {
		kngg_buf_puts(b, "<td><span class=\"ok\">gereed</span></td><td></td>");
	} else {
		kngg_buf stalled = {0};

		web_plain_text(&stalled, row->stalled);
		web_hf(b, "<td><a href=\"/gemeente/%s/gereedheid\">%d open</a></td><td>%s</td>", row->code,
		       row->missing, kngg_buf_cstr(&stalled));
		kngg_buf_free(&stalled);
	}
	kngg_buf_puts(b, "</tr>");
}

static int region_item(void *ctx, const char *region, int members)
{
	overview *o = ctx;
	kngg_buf q = {0};

	web_url_encode(&q, region);
	web_hf(&o->r->out, "<li><a href=\"/?regio=%s\"%R>%s</a> (%d)</li>", kngg_buf_cstr(&q),
	       o->region && strcmp(o->region, region) == 0 ? " aria-current=\"page\"" : "", region,
	       members);
	kngg_buf_free(&q);
	return 0;
}

/* ---- a region's regional agreements (issue 18) ------------------------------------- */

struct regional_rows {
	web_request *r;
	char today[11];
	int n;
};

static int regional_row(void *ctx, const kngg_regional_signature *rs)
{
	static const char *const marks[] = {"", " (loopt af)", " (verlopen)"};
	struct regional_rows *rr = ctx;
	const kngg_signature *s = rs->sig;
	kngg_buf *b = &rr->r->out;
	char nl[32];
	int readable = 0;

	/* only what the account may read: a row with one of its municipalities */
	for (size_t i = 0; i < rs->nmembers + rs->nwithdrawn; i++)
		readable |= web_may_read(rr->r, i < rs->nmembers ? rs->members[i]
								   : rs->withdrawn[i - rs->nmembers]);
	if (!readable)
		return 0;
	if (rr->n++ == 0)
		kngg_buf_puts(b, "<section class=\"card\"><h2>Regionale afspraken</h2>"
				 "<p>Een regionale partner tekende een keer voor de gemeenten van de regio; "
				 "de handtekening telt bij elke gemeente.</p>" WEB_SCROLL_OPEN("Regionale afspraken")
				 "<table><thead><tr><th scope=\"col\">Punt</th><th scope=\"col\">Partner</th>"
				 "<th scope=\"col\">Voor</th><th scope=\"col\">Geldig tot</th></tr></thead><tbody>");
	kngg_date_nl(s->date, nl);
	web_hf(b, "<tr><td>%s</td><td>%s, %s door %s op %s</td><td>", s->signoff,
	       s->org ? s->org : "-", s->decision, s->signer ? s->signer : "(gewist)", nl);
	for (size_t i = 0; i < rs->nmembers; i++)
		if (web_may_read(rr->r, rs->members[i]))
			web_hf(b, "%s<a href=\"/gemeente/%s\">%s</a>", i ? ", " : "", rs->members[i],
			       rs->members[i]);
		else
			web_hf(b, "%s%s", i ? ", " : "", rs->members[i]);
	for (size_t i = 0; i < rs->nwithdrawn; i++)
		web_hf(b, "%s%s", i ? ", " : " (ingetrokken voor ", rs->withdrawn[i]);
	kngg_buf_puts(b, rs->nwithdrawn ? ")</td><td>" : "</td><td>");
	if (s->valid_until) {
		kngg_date_nl(s->valid_until, nl);
		web_hf(b, "%s%s", nl, marks[kngg_agreement_state(s->valid_until, rr->today)]);
	} else {
		kngg_buf_puts(b, "—");
	}
	kngg_buf_puts(b, "</td></tr>");
	return 0;
}

static int regional_section(web_request *r, const char *region)
{
	struct regional_rows rr = {r, "", 0};
	int rc;

	kngg_day(r->tracker, NULL, rr.today);
	rc = kngg_region_signatures(r->tracker, region, NULL, regional_row, &rr);
	if (rr.n)
		kngg_buf_puts(&r->out, "</tbody></table>" WEB_SCROLL_CLOSE "</section>");
	return rc;
}

void page_home(web_request *r)
{
	overview o = {r, web_arg(r, "regio"), NULL, 0, 0, 0};
	snapshot *snap;
	kngg_buf *b = &r->out;
	int rc = 0;

	if (o.region) {
		rc = kngg_region_members(r->tracker, o.region, member_add, &o);
		if (rc == KNGG_ENOTFOUND) {
			kngg_buf_free(&r->error);
			web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden", "Deze regio bestaat niet.");
			goto done;
		}
		if (rc < 0) {
			web_engine_failed(r, rc, "/");
			goto done;
		}
	}
	web_page_begin(r, o.region ? o.region : "Gemeenten", NULL, NULL);
	web_hf(b, "<h1>%s</h1>", o.region ? o.region : "Gemeenten");
	kngg_buf_puts(b, "<nav class=\"regions\" aria-label=\"Regio's\"><p>Regio:</p><ul>"
			 "<li><a href=\"/\">alle</a></li>");
	if ((rc = kngg_regions(r->tracker, region_item, &o)) < 0)
		goto fail;
	kngg_buf_puts(b, "</ul></nav>");
	kngg_buf_puts(b, WEB_SCROLL_OPEN("Gemeenten"));
	kngg_buf_puts(b, "<table class=\"overview\"><caption>Fase, gereedheid en wat het langst stilligt, "
			 "volgens het logboek</caption><thead><tr><th scope=\"col\">Gemeente</th>"
			 "<th scope=\"col\">CBS-code</th><th scope=\"col\">Fase (berekend)</th>"
			 "<th scope=\"col\">Fase (opgegeven)</th><th scope=\"col\">Gereedheid</th>"
			 "<th scope=\"col\">Ligt het langst stil</th></tr></thead><tbody>");
	if (!(snap = overview_get(r)))
		goto fail;
	for (size_t i = 0; i < snap->n; i++)
		overview_row_html(&o, &snap->rows[i]);
	snapshot_release(snap);
	kngg_buf_puts(b, "</tbody></table>");
	kngg_buf_puts(b, WEB_SCROLL_CLOSE);
	if (o.rows == 0)
		kngg_buf_puts(b, "<p>Nog geen gemeenten. De beheerder van de server voegt ze toe.</p>");
	if (o.region && regional_section(r, o.region) < 0)
		goto fail;
	web_page_end(r);
	goto done;
fail:
	web_engine_failed(r, KNGG_EIO, "/");
done:
	for (size_t i = 0; i < o.nmembers; i++)
		free(o.members[i]);
	free(o.members);
}

/* ---- the audit chain ------------------------------------------------------------ */

void page_verify(web_request *r)
{
	kngg_verify_result v;
	kngg_buf *b = &r->out;
	int rc = kngg_verify(r->tracker, &v);

	if (rc < 0 && rc != KNGG_EINVALID) {
		web_engine_failed(r, rc, "/");
		return;
	}
	web_page_begin(r, "Controle", NULL, NULL);
	kngg_buf_puts(b, "<h1>Controle van het logboek</h1>");
	if (rc == 0)
		web_hf(b, "<p class=\"ok big\">In orde: alle %lld gebeurtenissen kloppen met de keten "
			  "van hashes%s.</p>", (long long)v.checked,
		       v.redacted ? ", ook de vastgelegde AVG-aanpassingen" : "");
	else
		web_hf(b, "<p class=\"flash error big\" role=\"alert\">Niet in orde: gebeurtenis #%lld: %s</p>",
		       (long long)v.bad_id, v.problem);
	kngg_buf_puts(b, "<p>Elke gebeurtenis draagt een SHA-256-hash over de vorige en zichzelf. Wie het "
			 "databasebestand buiten dit programma om wijzigt, breekt die keten; deze pagina rekent hem "
			 "helemaal na.</p>");
	web_page_end(r);
}

/* ---- logging in and out ------------------------------------------------------------ */

static void login_form(web_request *r, const char *message)
{
	kngg_buf *b = &r->out;

	web_page_begin(r, "Inloggen", NULL, NULL);
	kngg_buf_puts(b, "<h1>Inloggen</h1>");
	if (message)
		web_hf(b, "<p class=\"flash error\" role=\"alert\">%s</p>", message);
	web_form_begin(r, "/inloggen", "card narrow");
	web_input_attrs(r, "naam", "Naam", "text", "autocomplete=\"username\" required");
	web_input_attrs(r, "wachtwoord", "Wachtwoord", "password",
			"autocomplete=\"current-password\" required");
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Inloggen</button></form>");
	web_page_end(r);
}

/* A fresh session (and token) for a in place of the request's: at login,
 * against fixation, and after a's own password change, whose new stamp
 * it carries. Answers 500 itself and returns -1 when none can be made. */
static int start_session(web_request *r, const kngg_account *a)
{
	web_session_end(r->session.token);
	if (web_session_new(a->name, a->stamp, &r->session) < 0) {
		web_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Er ging iets mis", "Geen sessie mogelijk.");
		return -1;
	}
	r->set_cookie = 1;
	return 0;
}

void page_login(web_request *r)
{
	const char *name, *password;
	kngg_account *a = NULL;
	char user_key[128], address[64];
	int wait, rc;

	if (!r->post) {
		if (r->account || r->local) {
			web_redirect(r, "/", 0, NULL);
			return;
		}
		login_form(r, NULL);
		return;
	}
	name = web_form_get(&r->form, "naam");
	password = web_form_get(&r->form, "wachtwoord");
	snprintf(user_key, sizeof(user_key), "u:%s", name ? name : "");
	web_client_address(r, address);
	if ((wait = web_throttle_check(address)) > 0 ||
	    (wait = web_throttle_check(user_key)) > 0) {
		char msg[160];

		snprintf(msg, sizeof(msg), "Te veel mislukte pogingen. Probeer het over %d seconden opnieuw.",
			 wait);
		r->status = MHD_HTTP_TOO_MANY_REQUESTS;
		login_form(r, msg);
		return;
	}
	rc = kngg_account_login(r->tracker, name, password, &a);
	if (rc == KNGG_EINVALID) {
		web_throttle_fail(address);
		web_throttle_fail(user_key);
		r->status = MHD_HTTP_UNAUTHORIZED;
		login_form(r, "Naam of wachtwoord onjuist.");
		return;
	}
	if (rc < 0) {
		web_engine_failed(r, rc, "/inloggen");
		return;
	}
	web_throttle_reset(user_key);
	rc = start_session(r, a);
	kngg_account_free(a);
	if (rc == 0)
		web_redirect(r, "/", 0, "U bent ingelogd.");
}

void page_logout(web_request *r)
{
	web_session_end(r->session.token);
	memset(&r->session, 0, sizeof(r->session));
	r->clear_cookie = 1;
	r->set_cookie = 0;
	web_redirect(r, "/inloggen", 0, NULL);
}

/* ---- passwords ----------------------------------------------------------------------- */

/* After name's password has changed, every session of name ends at its
 * next request (its stamp no longer matches); when name is the one logged
 * in here, this session goes on under the new stamp. Redirects to back. */
static void password_changed(web_request *r, const char *name, const char *back)
{
	kngg_account *a = NULL;
	int own = r->account && strcmp(name, r->account->name) == 0, rc;

	if (own) {
		if ((rc = kngg_account_get(r->tracker, name, &a)) < 0) {
			web_engine_failed(r, rc, back);
			return;
		}
		rc = start_session(r, a);
		kngg_account_free(a);
		if (rc < 0)
			return;
	}
	web_redirect(r, back, 0, own ? "Wachtwoord gewijzigd. Uw andere sessies zijn beëindigd."
				    : "Wachtwoord gewijzigd. De sessies van dit account zijn beëindigd.");
}

static void password_form(web_request *r)
{
	kngg_buf *b = &r->out;

	web_page_begin(r, "Wachtwoord", NULL, NULL);
	kngg_buf_puts(b, "<h1>Wachtwoord wijzigen</h1><p>Daarna eindigen uw andere sessies, ook op "
			 "andere apparaten; deze loopt door.</p>");
	web_form_begin(r, "/wachtwoord", "card narrow");
	web_input_attrs(r, "huidig", "Huidig wachtwoord", "password",
			"autocomplete=\"current-password\" required");
	web_input_attrs(r, "nieuw", "Nieuw wachtwoord (minstens " KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) " tekens)", "password",
			"autocomplete=\"new-password\" minlength=\"" KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) "\" required");
	web_input_attrs(r, "herhaal", "Nieuw wachtwoord nogmaals", "password",
			"autocomplete=\"new-password\" minlength=\"" KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) "\" required");
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Wijzigen</button></form>");
	web_page_end(r);
}

/* The current password first, throttled as a login is: a session left
 * open somewhere is no way to find it out. */
static void password_post(web_request *r)
{
	const char *name = r->account->name, *password = web_form_get(&r->form, "nieuw");
	const char *again = web_form_get(&r->form, "herhaal");
	kngg_account *a = NULL;
	char user_key[128];
	int rc;

	if (!password || !again || strcmp(password, again) != 0) {
		web_redirect(r, "/wachtwoord", 1, "De twee nieuwe wachtwoorden verschillen.");
		return;
	}
	snprintf(user_key, sizeof(user_key), "u:%s", name);
	if (web_throttle_check(user_key) > 0) {
		web_redirect(r, "/wachtwoord", 1, "Te veel mislukte pogingen: probeer het later opnieuw.");
		return;
	}
	rc = kngg_account_login(r->tracker, name, web_form_get(&r->form, "huidig"), &a);
	kngg_account_free(a);
	if (rc == KNGG_EINVALID) {
		web_throttle_fail(user_key);
		web_redirect(r, "/wachtwoord", 1, "Het huidige wachtwoord klopt niet.");
		return;
	}
	if (rc == 0)
		rc = kngg_account_set_password(r->tracker, name, password);
	if (rc < 0)
		web_engine_failed(r, rc, "/wachtwoord");
	else
		password_changed(r, name, "/");
}

void page_password(web_request *r)
{
	if (!r->account) { /* the local mode: no accounts, no passwords */
		web_error(r, MHD_HTTP_FORBIDDEN, "Geen account",
			  "Zonder accounts is er geen wachtwoord. De beheerder van de server maakt "
			  "accounts aan.");
		return;
	}
	if (r->post)
		password_post(r);
	else
		password_form(r);
}

/* ---- accounts ------------------------------------------------------------------------ */

static int account_row(void *ctx, const kngg_account *a)
{
	web_request *r = ctx;
	kngg_buf *b = &r->out;

	char nl[32];

	web_hf(b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>", a->name,
	       a->display_name ? a->display_name : "", kngg_account_role_name(a->role));
	if (a->nmunicipalities == 0)
		kngg_buf_puts(b, "alle");
	for (size_t i = 0; i < a->nmunicipalities; i++)
		web_hf(b, "%s%s", i ? ", " : "", a->municipalities[i]);
	kngg_buf_puts(b, "</td><td>");
	for (size_t i = 0; i < a->nlinks; i++)
		web_hf(b, "%s%s: %s", i ? "; " : "", a->links[i].code,
		       a->links[i].person_name ? a->links[i].person_name : "(gewist)");
	if (a->nlinks == 0)
		kngg_buf_puts(b, "—");
	kngg_date_nl(a->created_at, nl);
	web_hf(b, "</td><td>%s</td><td>", nl);
	if (!r->account || strcmp(a->name, r->account->name) != 0) {
		web_form_begin(r, "/gebruikers", "inline");
		web_hf(b, "<input type=\"hidden\" name=\"verwijder\" value=\"%s\">"
			  "<button type=\"submit\">Verwijderen</button></form>", a->name);
	}
	kngg_buf_puts(b, "</td></tr>");
	return 0;
}

static void users_post(web_request *r)
{
	const char *remove = web_form_get(&r->form, "verwijder");
	const char *password_for = web_form_get(&r->form, "voor");
	const char *rename = web_form_get(&r->form, "weergave_voor");
	const char *codes[32];
	size_t ncodes = web_form_all(&r->form, "gemeente", codes, 32);
	int rc;

	if (password_for) {
		rc = kngg_account_set_password(r->tracker, password_for,
					       web_form_get(&r->form, "nieuw"));
		if (rc < 0)
			web_engine_failed(r, rc, "/gebruikers");
		else
			password_changed(r, password_for, "/gebruikers");
		return;
	}

	if (rename) {
		const char *shown = web_form_get(&r->form, "weergavenaam");
		kngg_account_change c = {shown ? shown : "", NULL, 0};

		if ((rc = kngg_account_update(r->tracker, rename, &c)) < 0)
			web_engine_failed(r, rc, "/gebruikers");
		else
			web_redirect(r, "/gebruikers", 0, "Weergavenaam gewijzigd.");
		return;
	}
	if (remove) {
		if (r->account && strcmp(remove, r->account->name) == 0) {
			web_redirect(r, "/gebruikers", 1, "U kunt uw eigen account niet verwijderen.");
			return;
		}
		if ((rc = kngg_account_remove(r->tracker, remove)) < 0)
			web_engine_failed(r, rc, "/gebruikers");
		else
			web_redirect(r, "/gebruikers", 0, "Account verwijderd.");
		return;
	}
	kngg_account_change c = {web_form_get(&r->form, "weergavenaam"), NULL, 0};

	rc = kngg_account_add_ex(r->tracker, web_form_get(&r->form, "naam"),
				 kngg_account_role_parse(web_form_get(&r->form, "rol")),
				 web_form_get(&r->form, "wachtwoord"), codes, ncodes, &c);
	if (rc < 0)
		web_engine_failed(r, rc, "/gebruikers");
	else
		web_redirect(r, "/gebruikers", 0, "Account toegevoegd.");
}

static int account_option(void *ctx, const kngg_account *a)
{
	web_hf(ctx, "<option value=\"%s\">%s</option>", a->name, a->name);
	return 0;
}

static int municipality_option(void *ctx, const kngg_municipality *m)
{
	web_hf(ctx, "<option value=\"%s\">%s (%s)</option>", m->code, m->name ? m->name : "", m->code);
	return 0;
}

void page_users(web_request *r)
{
	kngg_buf *b = &r->out;

	if (r->post) { /* a beheerder's (the route) */
		users_post(r);
		return;
	}
	web_page_begin(r, "Gebruikers", NULL, NULL);
	kngg_buf_puts(b, "<h1>Gebruikers</h1><p class=\"hint\">Wie een account in het stakeholdersregister "
			 "is, kiest u per gemeente op de pagina Stakeholders van die gemeente. Zonder koppeling "
			 "legt een account niets vast.</p>" WEB_SCROLL_OPEN("Gebruikers")
			 "<table><thead><tr><th scope=\"col\">Naam</th>"
			 "<th scope=\"col\">Weergavenaam</th>"
			 "<th scope=\"col\">Rol</th><th scope=\"col\">Gemeenten</th>"
			 "<th scope=\"col\">Gekoppeld aan</th><th scope=\"col\">Sinds</th>"
			 "<th scope=\"col\"><span class=\"sr\">Acties</span></th></tr></thead><tbody>");
	if (kngg_accounts(r->tracker, account_row, r) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	kngg_buf_puts(b, "</tbody></table>" WEB_SCROLL_CLOSE);
	web_form_begin(r, "/gebruikers", "card narrow");
	kngg_buf_puts(b, "<h2>Account toevoegen</h2>");
	web_input(r, "naam", "Naam (om in te loggen)", "text", NULL, 1);
	web_input(r, "weergavenaam", "Weergavenaam (optioneel)", "text", NULL, 0);
	web_select_open(r, "rol", "Rol", NULL);
	kngg_buf_puts(b, "<option value=\"lezer\">lezer</option><option value=\"projectleider\">projectleider</option>"
			 "<option value=\"beheerder\">beheerder</option></select>");
	web_select_open(r, "gemeente", "Gemeenten (projectleider: verplicht)", "multiple size=\"5\"");
	kngg_municipalities(r->tracker, municipality_option, b);
	kngg_buf_puts(b, "</select>");
	web_input_attrs(r, "wachtwoord", "Wachtwoord (minstens " KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) " tekens)", "password",
			"autocomplete=\"new-password\" minlength=\"" KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) "\" required");
	kngg_buf_puts(b, "<button type=\"submit\" class=\"primary\">Toevoegen</button></form>");
	web_form_begin(r, "/gebruikers", "card narrow");
	kngg_buf_puts(b, "<h2>Wachtwoord wijzigen</h2><p>De sessies van het account eindigen.</p>");
	web_select_open(r, "voor", "Account", "required");
	kngg_accounts(r->tracker, account_option, b);
	kngg_buf_puts(b, "</select>");
	web_input_attrs(r, "nieuw", "Nieuw wachtwoord (minstens " KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) " tekens)", "password",
			"autocomplete=\"new-password\" minlength=\"" KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) "\" required");
	kngg_buf_puts(b, "<button type=\"submit\">Wijzigen</button></form>");
	web_form_begin(r, "/gebruikers", "card narrow");
	kngg_buf_puts(b, "<h2>Weergavenaam wijzigen</h2>");
	web_select_open(r, "weergave_voor", "Account", "required");
	kngg_accounts(r->tracker, account_option, b);
	kngg_buf_puts(b, "</select>");
	web_input(r, "weergavenaam", "Weergavenaam (leeg: geen)", "text", NULL, 0);
	kngg_buf_puts(b, "<button type=\"submit\">Wijzigen</button></form>");
	web_page_end(r);
}
