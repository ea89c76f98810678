/*
 * server.c: `kngg serve`: the libmicrohttpd daemon, one request's life
 * (limits, session, CSRF, access), the routes, and the security headers
 * every answer carries.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <microhttpd.h>

#include "web/web.h"

#define MAX_BODY (64 * 1024)          /* bytes of a form */
#define MAX_DROPPED (1024 * 1024)     /* of a chunked body over MAX_BODY, read to answer 413 */
#define MEMORY_LIMIT (32 * 1024)      /* per connection: request line and headers */
#define CONNECTION_TIMEOUT 30         /* seconds without traffic */
/* Slow clients (guard.c): a request must be in within 10 s of the accept
 * or of the previous answer; at most 32 connections of one address and
 * 256 in all wait for their request, so that at least half of the
 * WEB_CONNECTION_LIMIT connections are left for requests being answered.
 * The per-address cap of the daemon (all of a client's connections) only
 * when listening beyond loopback: on loopback every client, or the one
 * reverse proxy in front, shares 127.0.0.1, and a cap there would be a
 * cap on everyone at once. */
#define REQUEST_TIMEOUT_MS 10000
#define WAIT_LIMIT 256
#define WAIT_PER_ADDRESS 32
#define PER_IP_LIMIT 64

#define COOKIE "kngg_sessie"
#define CSP "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " \
	    "frame-ancestors 'none'; base-uri 'none'"

extern const unsigned char kngg_web_css[];
extern const size_t kngg_web_css_len;
extern const unsigned char kngg_web_icon[];
extern const size_t kngg_web_icon_len;

typedef struct {
	const web_config *cfg;
	int loopback;
	char host_port[16];          /* ":8080", for the Host check */
	pthread_key_t store_key;
} server;

/* ---- per-thread database connection ------------------------------------------- */

static void store_close(void *p)
{
	kngg_tracker_close(p);
}

static void collect_error(void *ctx, const char *msg)
{
	kngg_buf *b = ctx;

	if (b->len == 0)
		kngg_buf_puts(b, msg);
}

/* The tracker (and database connection) of this pool thread, opened on
 * first use; each request starts it afresh, its messages in r->error. */
static kngg_tracker *thread_tracker(server *srv, web_request *r)
{
	kngg_tracker *t = pthread_getspecific(srv->store_key);

	if (!t) {
		if (kngg_tracker_open(&t, srv->cfg->defs, srv->cfg->db_path, 0, collect_error,
				      &r->error) < 0)
			return NULL;
		kngg_tracker_set_today(t, srv->cfg->today);
		pthread_setspecific(srv->store_key, t);
	}
	kngg_tracker_reset(t);
	kngg_tracker_set_diag(t, collect_error, &r->error);
	return t;
}

/* ---- helpers for pages -------------------------------------------------------- */

const char *web_arg(web_request *r, const char *name)
{
	const char *v = MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);

	return v && *v ? v : NULL;
}

int64_t web_by(const web_request *r, const char *code)
{
	return kngg_account_person(r->account, code);
}

int web_may_read(const web_request *r, const char *code)
{
	return r->local || kngg_account_may_read(r->account, code);
}

int web_may_write(const web_request *r, const char *code)
{
	return r->local || kngg_account_may_write(r->account, code);
}

int web_is_admin(const web_request *r)
{
	return r->account && r->account->role == KNGG_ROLE_BEHEERDER;
}

void web_redirect(web_request *r, const char *location, int error, const char *flash)
{
	free(r->location);
	r->location = strdup(location);
	r->status = MHD_HTTP_SEE_OTHER;
	if (flash && r->session.token[0])
		web_session_flash(r->session.token, error, flash);
}

void web_engine_failed(web_request *r, int rc, const char *back)
{
	const char *msg = r->error.len ? kngg_buf_cstr(&r->error) : "onbekende fout";

	if (rc == KNGG_EIO || rc == KNGG_ENOMEM || rc == KNGG_ERROR || rc == KNGG_EBUSY) {
		web_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Er ging iets mis",
			  "De database gaf een fout. Er is niets veranderd. Probeer het zo "
			  "nog eens; blijft het misgaan, meld het dan aan de beheerder.");
		fprintf(stderr, "kngg: %s\n", msg);
		return;
	}
	kngg_buf plain = {0};

	web_plain(&plain, msg);
	/* a message that was only a command: say that it did not work */
	web_redirect(r, back, 1, plain.len ? kngg_buf_cstr(&plain) : "Dit kon niet worden vastgelegd.");
	kngg_buf_free(&plain);
}

/* The client address of conn as text ("" when unknown). */
static void conn_address(struct MHD_Connection *conn, char out[64])
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	out[0] = '\0';
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out, 64);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out, 64);
}

void web_client_address(web_request *r, char out[64])
{
	conn_address(r->conn, out);
}

/* ---- routes ------------------------------------------------------------------- */

static void serve_static(web_request *r, const unsigned char *data, size_t len,
			 const char *type)
{
	kngg_buf_put(&r->out, (const char *)data, len);
	r->content_type = type;
	r->cacheable = 1;
}

int web_path_split(char *path, char **seg, size_t max, size_t *nseg)
{
	char *p, *save = NULL, *s;

	*nseg = 0;
	for (p = strtok_r(path, "/", &save); p; p = strtok_r(NULL, "/", &save)) {
		if (*nseg == max || strcmp(p, "..") == 0 || strcmp(p, ".") == 0)
			return -1;
		for (s = p; *s; s++)
			if ((unsigned char)*s < 0x20)
				return -1;
		seg[(*nseg)++] = p;
	}
	return 0;
}

/* Splits the path into segments (no empty ones; "..", "." refused). */
static int split_path(web_request *r)
{
	if (!(r->seg_storage = strdup(r->path)))
		return -1;
	return web_path_split(r->seg_storage, r->seg, sizeof(r->seg) / sizeof(r->seg[0]), &r->nseg);
}

/* 1 when the segments are pattern's; its {parameters} into params. */
static int pattern_match(const char *pattern, char *const *seg, size_t nseg, const char **params)
{
	const char *p = pattern;
	size_t i = 0, np = 0;

	while (*p == '/')
		p++;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (i == nseg)
			return 0;
		if (p[0] == '{' && p[len - 1] == '}') {
			if (np == WEB_ROUTE_PARAMS)
				return 0;
			params[np++] = seg[i];
		} else if (strlen(seg[i]) != len || strncmp(seg[i], p, len) != 0) {
			return 0;
		}
		i++;
		p += len;
		while (*p == '/')
			p++;
	}
	for (; np < WEB_ROUTE_PARAMS; np++)
		params[np] = NULL;
	return i == nseg;
}

int web_route_match(const web_route *routes, int post, char *const *seg, size_t nseg,
		    const char **params)
{
	int path_known = 0;

	for (int i = 0; routes[i].pattern; i++) {
		if (!pattern_match(routes[i].pattern, seg, nseg, params))
			continue;
		if (routes[i].methods & (post ? WEB_POST : WEB_GET))
			return i;
		path_known = 1;
	}
	return path_known ? WEB_ROUTE_405 : WEB_ROUTE_404;
}

/* ---- the route table ------------------------------------------------------------ */

static void h_css(web_request *r, const char *const *p)
{
	(void)p;
	serve_static(r, kngg_web_css, kngg_web_css_len, "text/css; charset=utf-8");
}

static void h_icon(web_request *r, const char *const *p)
{
	(void)p;
	serve_static(r, kngg_web_icon, kngg_web_icon_len, "image/svg+xml");
}

static void h_no_file(web_request *r, const char *const *p)
{
	(void)p;
	web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden", "Dit bestand bestaat niet.");
}

/* Pages without parameters, and pages of one municipality ({code}). */
#define PAGE(name)                                                         \
	static void h_##name(web_request *r, const char *const *p)         \
	{                                                                  \
		(void)p;                                                   \
		page_##name(r);                                            \
	}
#define CODE_PAGE(name)                                                    \
	static void h_##name(web_request *r, const char *const *p)         \
	{                                                                  \
		page_##name(r, p[0]);                                      \
	}
PAGE(home)
PAGE(login)
PAGE(logout)
PAGE(users)
PAGE(password)
PAGE(verify)
CODE_PAGE(roadmap)
CODE_PAGE(stakeholders)
CODE_PAGE(readiness)
CODE_PAGE(quickscan)
CODE_PAGE(factors)
CODE_PAGE(journal)
CODE_PAGE(journal_csv)
CODE_PAGE(stakeholders_csv)
CODE_PAGE(readiness_csv)
CODE_PAGE(journal_xlsx)
CODE_PAGE(stakeholders_xlsx)
CODE_PAGE(readiness_xlsx)
CODE_PAGE(funding)
#undef PAGE
#undef CODE_PAGE

static void h_step(web_request *r, const char *const *p)
{
	page_step(r, p[0], p[1]);
}

static void h_documents(web_request *r, const char *const *p)
{
	page_documents(r, p[0], p[1]);
}

/* Every URL: the first route whose pattern and method match answers. A
 * {code} is a municipality the account must be able to see; a POST is a
 * write (its form carries the CSRF token; web_write_begin checks the right
 * to record for that municipality). */
#define GET WEB_GET
#define GET_POST (WEB_GET | WEB_POST)
const web_route web_routes[] = {
	{GET, "/", h_home, WEB_USER},
	{GET, "/static/kngg.css", h_css, WEB_PUBLIC},
	{GET, "/static/kngg.svg", h_icon, WEB_PUBLIC},
	{GET, "/static/{file}", h_no_file, WEB_PUBLIC},
	{GET_POST, "/inloggen", h_login, WEB_ANYONE},
	{WEB_POST, "/uitloggen", h_logout, WEB_USER},
	{GET_POST, "/gebruikers", h_users, WEB_ADMIN},
	{GET_POST, "/wachtwoord", h_password, WEB_USER},
	{GET, "/controle", h_verify, WEB_USER},
	{GET_POST, "/gemeente/{code}", h_roadmap, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/stap/{id}", h_step, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/stakeholders", h_stakeholders, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/stakeholders.csv", h_stakeholders_csv, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/financiering", h_funding, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/gereedheid.csv", h_readiness_csv, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/logboek.csv", h_journal_csv, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/stakeholders.xlsx", h_stakeholders_xlsx, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/gereedheid.xlsx", h_readiness_xlsx, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/logboek.xlsx", h_journal_xlsx, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/gereedheid", h_readiness, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/quickscan", h_quickscan, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/factoren", h_factors, WEB_MUNICIPALITY},
	{GET_POST, "/gemeente/{code}/logboek", h_journal, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/documenten", h_documents, WEB_MUNICIPALITY},
	{GET, "/gemeente/{code}/documenten/{file}", h_documents, WEB_MUNICIPALITY},
	{0, NULL, NULL, 0}};
#undef GET
#undef GET_POST

/* Runs the route found (or answers 404/405), once its access is checked:
 * the session's account was checked already (authenticate). */
static void dispatch(web_request *r, int found, const char *const *params)
{
	const web_route *route;

	if (found == WEB_ROUTE_404) {
		web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden", "Deze pagina bestaat niet.");
		return;
	}
	if (found == WEB_ROUTE_405) {
		web_error(r, MHD_HTTP_METHOD_NOT_ALLOWED, "Niet toegestaan",
			  "Deze methode wordt niet ondersteund.");
		return;
	}
	route = &web_routes[found];
	if (route->access == WEB_ADMIN && !web_is_admin(r)) {
		web_error(r, MHD_HTTP_FORBIDDEN, "Geen toegang",
			  r->local ? "Er zijn nog geen accounts. De beheerder van de server maakt ze aan; "
				     "daarna logt iedereen in."
				   : "Alleen een beheerder beheert accounts.");
		return;
	}
	if (route->access == WEB_MUNICIPALITY &&
	    (!kngg_valid_code(params[0]) || !web_may_read(r, params[0]))) {
		web_error(r, MHD_HTTP_NOT_FOUND, "Niet gevonden",
			  "Deze gemeente bestaat niet of u heeft er geen toegang toe.");
		return;
	}
	route->handler(r, params);
}

/* ---- one request -------------------------------------------------------------- */

static const char *header(web_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

/* 1 when host is name, alone or with a port. */
static int host_is(const char *host, const char *name)
{
	size_t n = strlen(name);

	if (strncasecmp(host, name, n) != 0)
		return 0;
	if (host[n] == '\0')
		return 1;
	if (host[n] != ':' || !host[n + 1])
		return 0;
	return strspn(host + n + 1, "0123456789") == strlen(host + n + 1);
}

/* The Host header names this server (loopback listening): guards against
 * DNS rebinding, where a web page's own host name points at 127.0.0.1.
 * Behind a reverse proxy the name given with --host is ours too, so the
 * proxy can pass the browser's Host (and its Origin then matches). */
static int host_ok(server *srv, web_request *r)
{
	static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
	const char *host = header(r, MHD_HTTP_HEADER_HOST);

	if (host && srv->cfg->public_host && host_is(host, srv->cfg->public_host))
		return 1;
	if (!srv->loopback)
		return 1;
	if (!host)
		return 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = strlen(names[i]);

		if (strncmp(host, names[i], n) == 0 &&
		    (host[n] == '\0' || strcmp(host + n, srv->host_port) == 0))
			return 1;
	}
	return 0;
}

/* A POST must come from our own pages: same origin (when the browser
 * says), the right content type, and the session's CSRF token. */
static int post_ok(web_request *r)
{
	const char *site = header(r, "Sec-Fetch-Site");
	const char *origin = header(r, "Origin");
	const char *host = header(r, MHD_HTTP_HEADER_HOST);
	char expect[300];

	if (site && strcmp(site, "same-origin") != 0 && strcmp(site, "none") != 0)
		return 0;
	if (origin && strcmp(origin, "null") != 0) {
		snprintf(expect, sizeof(expect), "://%s", host ? host : "");
		const char *p = strstr(origin, "://");

		if (!p || strcmp(p, expect) != 0)
			return 0;
	}
	return r->have_session && web_csrf_ok(&r->session, web_form_get(&r->form, "csrf"));
}

/* Session, account and access; returns 0 when the route may run. */
static int authenticate(server *srv, web_request *r, int found)
{
	const char *cookie = MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, COOKIE);
	int naccounts = 0, changed = 0, rc;

	if ((rc = kngg_account_count(r->tracker, &naccounts)) < 0) {
		web_engine_failed(r, KNGG_EIO, "/");
		return -1;
	}
	r->local = naccounts == 0 && srv->loopback;
	r->have_session = cookie && web_session_get(cookie, &r->session) == 0;
	if (!r->have_session) {
		if (web_session_new("", NULL, &r->session) < 0) {
			web_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Er ging iets mis",
				  "Geen sessie mogelijk.");
			return -1;
		}
		r->set_cookie = 1;
	}
	if (r->session.user[0]) {
		rc = kngg_account_get(r->tracker, r->session.user, &r->account);
		if (rc == 0 && strcmp(r->account->stamp, r->session.stamp) != 0) {
			kngg_account_free(r->account); /* password changed since login */
			r->account = NULL;
			changed = 1;
			rc = KNGG_ENOTFOUND;
		}
		if (rc == KNGG_ENOTFOUND) { /* removed or password changed meanwhile */
			web_session_end(r->session.token);
			web_session_new("", NULL, &r->session);
			r->set_cookie = 1;
			if (changed)
				web_session_flash(r->session.token, 0, "Het wachtwoord van uw account is "
						  "gewijzigd. Log opnieuw in.");
		} else if (rc < 0) {
			web_engine_failed(r, rc, "/");
			return -1;
		}
	}
	if (r->post && !post_ok(r)) {
		web_error(r, MHD_HTTP_FORBIDDEN, "Geweigerd",
			  "Dit formulier is verlopen of kwam niet van deze site. Open de pagina "
			  "opnieuw en probeer het nog eens.");
		return -1;
	}
	if (!r->local && !r->account && (found < 0 || web_routes[found].access != WEB_ANYONE)) {
		if (naccounts == 0) {
			web_error(r, MHD_HTTP_FORBIDDEN, "Geen accounts",
				  "Deze server luistert niet alleen op deze computer en heeft nog geen "
				  "accounts. De beheerder van de server maakt eerst een account aan.");
			return -1;
		}
		web_redirect(r, "/inloggen", 0, NULL);
		return -1;
	}
	return 0;
}

static void handle(server *srv, web_request *r)
{
	const char *params[WEB_ROUTE_PARAMS];
	int found;

	if (!host_ok(srv, r)) {
		web_error(r, MHD_HTTP_MISDIRECTED_REQUEST, "Verkeerde host",
			  "Open deze website via het adres dat de server bij het starten toont.");
		return;
	}
	if (split_path(r) < 0) {
		web_error(r, MHD_HTTP_BAD_REQUEST, "Ongeldig adres", "Dit adres klopt niet.");
		return;
	}
	found = web_route_match(web_routes, r->post, r->seg, r->nseg, params);
	if (found >= 0 && web_routes[found].access == WEB_PUBLIC) { /* no database needed */
		web_routes[found].handler(r, params);
		return;
	}
	if (!(r->tracker = thread_tracker(srv, r))) {
		web_engine_failed(r, KNGG_EIO, "/");
		return;
	}
	if (authenticate(srv, r, found) == 0)
		dispatch(r, found, params);
	/* r->error goes with the request; the connection stays with the thread */
	kngg_tracker_reset(r->tracker);
	kngg_tracker_set_diag(r->tracker, NULL, NULL);
}

static void add_headers(server *srv, web_request *r, struct MHD_Response *resp)
{
	char cookie[200];

	MHD_add_response_header(resp, "Content-Security-Policy", CSP);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cache-Control",
				r->cacheable ? "public, max-age=3600" : "no-store");
	if (r->content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	if (r->location)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, r->location);
	if (r->disposition)
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	if (r->clear_cookie || r->set_cookie) {
		snprintf(cookie, sizeof(cookie), COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s%s",
			 r->clear_cookie ? "" : r->session.token,
			 r->clear_cookie ? "; Max-Age=0" : "", srv->cfg->secure_cookie ? "; Secure" : "");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, cookie);
	}
}

static enum MHD_Result respond(server *srv, web_request *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = r->out.len;
	char *body = r->out.ptr;

	if (r->out.failed) {
		kngg_buf_free(&r->out);
		web_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "Er ging iets mis", "Te weinig geheugen.");
		len = r->out.len;
		body = r->out.ptr;
	}
	r->out.ptr = NULL;
	r->out.len = r->out.cap = 0;
	resp = MHD_create_response_from_buffer(len, body ? body : (char *)"",
					       body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	add_headers(srv, r, resp);
	ret = MHD_queue_response(r->conn, (unsigned)(r->status ? r->status : MHD_HTTP_OK), resp);
	MHD_destroy_response(resp);
	return ret;
}

static void request_free(web_request *r)
{
	if (!r)
		return;
	web_form_free(&r->form);
	kngg_account_free(r->account);
	kngg_buf_free(&r->error);
	kngg_buf_free(&r->out);
	free(r->seg_storage);
	free(r->location);
	free(r->disposition);
	memset(&r->session, 0, sizeof(r->session));
	free(r);
}

/* The guard's slot of conn (NULL when it has none). */
static web_conn *conn_guard(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return ci ? ci->socket_context : NULL;
}

/* A small answer before the request reached a page (limits). The request
 * counts as in: the guard lets the answer go out. */
static enum MHD_Result refuse(server *srv, web_request *r, int status, const char *title,
			      const char *msg)
{
	web_guard_busy(conn_guard(r->conn));
	web_error(r, status, title, msg);
	return respond(srv, r);
}

/* Takes a piece of the body. A body over MAX_BODY with a Content-Length
 * was refused before it came; a chunked one is only found out here, and
 * libmicrohttpd (0.9.75) cannot queue an answer in the middle of a body:
 * the rest is read and dropped and the 413 goes out once it has ended, up
 * to MAX_DROPPED bytes. Beyond that, the connection is cut (MHD_NO). */
static enum MHD_Result take_body(web_request *r, const char *data, size_t *size)
{
	if (r->dropped || r->out.len + *size > MAX_BODY) {
		kngg_buf_free(&r->out);
		r->dropped += *size;
		*size = 0;
		return r->dropped > MAX_DROPPED ? MHD_NO : MHD_YES;
	}
	kngg_buf_put(&r->out, data, *size); /* the body, for now */
	*size = 0;
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_size, void **con_cls)
{
	server *srv = cls;
	web_request *r = *con_cls;

	(void)version;
	if (!r) { /* headers are in: check what can be checked before the body */
		const char *len_s, *type;

		if (!(r = calloc(1, sizeof(*r))))
			return MHD_NO;
		*con_cls = r;
		r->cfg = srv->cfg;
		r->conn = conn;
		r->path = url;
		if (strcmp(method, "POST") == 0) {
			r->post = 1;
			len_s = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							    MHD_HTTP_HEADER_CONTENT_LENGTH);
			type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							   MHD_HTTP_HEADER_CONTENT_TYPE);
			if (len_s && strtoull(len_s, NULL, 10) > MAX_BODY)
				return refuse(srv, r, MHD_HTTP_CONTENT_TOO_LARGE, "Te groot",
					      "Dit formulier is te groot.");
			if (!type || strncmp(type, "application/x-www-form-urlencoded", 33) != 0)
				return refuse(srv, r, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Niet ondersteund",
					      "Alleen gewone formulieren worden aangenomen.");
		} else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
			return refuse(srv, r, MHD_HTTP_METHOD_NOT_ALLOWED, "Niet toegestaan",
				      "Deze methode wordt niet ondersteund.");
		}
		return MHD_YES;
	}
	if (r->status) /* refused above; the rest of the body is dropped */
		return (*upload_size = 0, MHD_YES);
	if (*upload_size)
		return take_body(r, upload_data, upload_size);
	if (r->dropped)
		return refuse(srv, r, MHD_HTTP_CONTENT_TOO_LARGE, "Te groot",
			      "Dit formulier is te groot.");
	web_guard_busy(conn_guard(conn)); /* the whole request is in */
	if (r->post) {
		int bad = web_form_parse(&r->form, r->out.ptr ? r->out.ptr : "", r->out.len) < 0;

		kngg_buf_free(&r->out);
		if (bad)
			return refuse(srv, r, MHD_HTTP_BAD_REQUEST, "Ongeldig formulier",
				      "Het formulier kon niet worden gelezen.");
	}
	handle(srv, r);
	return respond(srv, r);
}

/* A request ends; a kept-alive connection now waits for the next one, and
 * the guard's deadline runs again. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	request_free(*con_cls);
	*con_cls = NULL;
	if (toe == MHD_REQUEST_TERMINATED_COMPLETED_OK)
		web_guard_wait(conn_guard(conn), web_guard_now());
}

/* The request line is in, the headers are not (yet): libmicrohttpd calls
 * this first. Returns the request's context, which on_request makes. */
static void *on_request_line(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)uri;
	web_guard_line(conn_guard(conn));
	return NULL;
}

/* Every connection is in the guard's table from accept to close (which
 * libmicrohttpd reports before it closes the socket). */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	const union MHD_ConnectionInfo *ci;
	char address[64];

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		web_guard_close(*socket_context);
		*socket_context = NULL;
		return;
	}
	if (!(ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD)))
		return;
	conn_address(conn, address);
	*socket_context = web_guard_open(ci->connect_fd, address, web_guard_now());
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap)
{
	(void)cls;
	(void)fmt;
	(void)ap; /* client mistakes are answered with 4xx already; stay quiet */
}

/* ---- start and stop --------------------------------------------------------------- */

/* Parses HOST:PORT ("[v6]:port" too) into an address. */
static int parse_listen(const char *listen, struct sockaddr_storage *ss, socklen_t *sslen,
			int *loopback, kngg_diag_fn diag, void *ctx)
{
	char host[256];
	const char *colon, *port;
	struct addrinfo hints = {0}, *ai = NULL;
	int rc;

	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');

		if (!close || close[1] != ':')
			goto bad;
		snprintf(host, sizeof(host), "%.*s", (int)(close - listen - 1), listen + 1);
		port = close + 2;
	} else {
		if (!(colon = strrchr(listen, ':')) || (size_t)(colon - listen) >= sizeof(host))
			goto bad;
		snprintf(host, sizeof(host), "%.*s", (int)(colon - listen), listen);
		port = colon + 1;
	}
	if (!*host || !*port || strspn(port, "0123456789") != strlen(port) || strlen(port) > 5 ||
	    atoi(port) > 65535)
		goto bad;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	hints.ai_socktype = SOCK_STREAM;
	if ((rc = getaddrinfo(host, port, &hints, &ai)) != 0 || !ai) {
		kngg_diagf(diag, ctx, "adres '%s' niet gevonden: %s", host, gai_strerror(rc));
		return KNGG_EINVALID;
	}
	memcpy(ss, ai->ai_addr, ai->ai_addrlen);
	*sslen = ai->ai_addrlen;
	freeaddrinfo(ai);
	if (ss->ss_family == AF_INET)
		*loopback = (ntohl(((struct sockaddr_in *)(void *)ss)->sin_addr.s_addr) >> 24) == 127;
	else
		*loopback = IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)(void *)ss)->sin6_addr);
	return 0;
bad:
	kngg_diagf(diag, ctx, "--listen '%s' klopt niet (verwacht ADRES:POORT, bv. 127.0.0.1:8080)",
		   listen);
	return KNGG_EINVALID;
}

static void open_browser(const char *url)
{
	pid_t pid = fork();

	if (pid == 0) {
		int devnull = open("/dev/null", O_RDWR);

		if (devnull >= 0) {
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		execlp("xdg-open", "xdg-open", url, (char *)NULL);
		_exit(127);
	}
}

/* Refuses to serve a network without accounts; opens a connection once to
 * report a bad database before the first visitor would. */
static int preflight(server *srv, kngg_diag_fn diag, void *ctx)
{
	kngg_tracker *t = NULL;
	int n = 0, rc;

	if ((rc = kngg_tracker_open(&t, srv->cfg->defs, srv->cfg->db_path, 0, diag, ctx)) < 0)
		return rc;
	rc = kngg_account_count(t, &n);
	kngg_tracker_close(t);
	if (rc < 0)
		return rc;
	if (!srv->loopback && n == 0) {
		kngg_diagf(diag, ctx, "wie buiten deze computer luistert, heeft accounts nodig: "
			   "maak eerst een beheerder met 'kngg user add NAAM --role beheerder'");
		return KNGG_EINVALID;
	}
	return 0;
}

int web_serve(const web_config *cfg, kngg_diag_fn diag, void *ctx)
{
	static const web_guard_limits guard_limits = {REQUEST_TIMEOUT_MS, WAIT_LIMIT,
						      WAIT_PER_ADDRESS};
	server srv = {cfg, 0, "", 0};
	struct sockaddr_storage ss;
	socklen_t sslen = 0;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	sigset_t set;
	char url[128], host[INET6_ADDRSTRLEN + 2];
	int sig, rc, port;

	if ((rc = parse_listen(cfg->listen, &ss, &sslen, &srv.loopback, diag, ctx)) < 0 ||
	    (rc = preflight(&srv, diag, ctx)) < 0)
		return rc;
	if (pthread_key_create(&srv.store_key, store_close) != 0) {
		kngg_diagf(diag, ctx, "kan geen thread-sleutel maken");
		return KNGG_ERROR;
	}
	web_sessions_init();
	/* the pool's threads inherit this mask: only this thread takes the signals */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_IGN); /* --open's child needs no reaping */
	web_guard_init(&guard_limits);
	if (web_guard_start() < 0) {
		kngg_diagf(diag, ctx, "kan de bewaking van verbindingen niet starten");
		pthread_key_delete(srv.store_key);
		return KNGG_ERROR;
	}
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG |
				     (ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
			     0, NULL, NULL, on_request, &srv,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
			     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4),
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONNECTION_TIMEOUT,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)WEB_CONNECTION_LIMIT,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(srv.loopback ? 0 : PER_IP_LIMIT),
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)MEMORY_LIMIT,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
			     MHD_OPTION_NOTIFY_CONNECTION, on_connection, &srv,
			     MHD_OPTION_URI_LOG_CALLBACK, on_request_line, &srv,
			     MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, &srv,
			     MHD_OPTION_END);
	if (!d) {
		kngg_diagf(diag, ctx, "kan niet luisteren op %s: %s", cfg->listen,
			   errno ? strerror(errno) : "onbekende fout");
		web_guard_stop();
		pthread_key_delete(srv.store_key);
		return KNGG_EIO;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	port = info ? info->port : 0;
	snprintf(srv.host_port, sizeof(srv.host_port), ":%d", port);
	if (ss.ss_family == AF_INET6)
		snprintf(host, sizeof(host), "[%s]", "::1");
	if (ss.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)&ss)->sin_addr, host, sizeof(host));
	else if (srv.loopback)
		snprintf(host, sizeof(host), "[::1]");
	else
		snprintf(host, sizeof(host), "[%s]", "::");
	snprintf(url, sizeof(url), "http://%s:%d/", host, port);
	printf("kngg serve: %s (stoppen met Ctrl-C)\n", url);
	fflush(stdout);
	if (cfg->open_browser)
		open_browser(url);
	while (sigwait(&set, &sig) != 0 || (sig != SIGINT && sig != SIGTERM))
		;
	MHD_stop_daemon(d);
	web_guard_stop();
	pthread_key_delete(srv.store_key);
	web_sessions_free();
	web_overview_cache_free();
	return 0;
}
