/*
 * web.h: what the files of the web interface share: the server's
 * configuration, one request with its session and response, the page
 * frame and form helpers, and the pages themselves.
 *
 * The web front does what the CLI does: parse input, call the engine,
 * print. Every value written into HTML goes through web_h() (which is
 * kngg_buf_put_xml); no SQL and no file path is built from request text:
 * ids are looked up in the definitions, names go to the engine as bound
 * values, and downloads only name templates from the template list.
 */
#ifndef KNGG_WEB_H
#define KNGG_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/account.h"
#include "kngg/defs.h"
#include "kngg/track.h"
#include "mod/modules.h"
#include "kngg/table.h"
#include "util/util.h"

/* ---- configuration --------------------------------------------------------- */

/* web_config: the module contract (mod/modules.h). */

/* Runs the server until SIGINT or SIGTERM. Prints the address on stdout
 * first ("kngg serve: http://127.0.0.1:8080/"). Returns 0, or a negative
 * code after one line through diag. */
int web_serve(const web_config *cfg, kngg_diag_fn diag, void *ctx);

/* ---- the connection guard (guard.c) ----------------------------------------- */

#define WEB_CONNECTION_LIMIT 512 /* connections in all (the daemon's own cap too) */

typedef struct {
	int request_ms;       /* a request (headers and body) must be in within this */
	int wait_limit;       /* connections waiting for their request, in all */
	int wait_per_address; /* and from one client address */
} web_guard_limits;

typedef struct web_conn web_conn;

/* Empties the table and sets the limits (before the daemon starts). */
void web_guard_init(const web_guard_limits *l);
/* Starts and stops the reaper thread that ends connections past their
 * deadline. Start returns -1 when the thread cannot be made. */
int web_guard_start(void);
void web_guard_stop(void);
/* Milliseconds on the monotonic clock: the now of the calls below. */
int64_t web_guard_now(void);
/* A new connection on socket fd from address (text): waiting for its
 * request from now on. First pushes out (shuts down) a waiting
 * connection when address, or all addresses together, are at their
 * limit: the one waiting longest among those with a request line in, else
 * the one waiting longest. Returns the connection's slot, owned by the guard until
 * web_guard_close(); NULL (and fd shut down) when the table is full. */
web_conn *web_guard_open(int fd, const char *address, int64_t now);
/* The request line is in (not yet the headers). NULL: nothing. */
void web_guard_line(web_conn *c);
/* The request is in: no deadline while it is answered. NULL: nothing. */
void web_guard_busy(web_conn *c);
/* Answered, kept alive: the next request's deadline runs from now. */
void web_guard_wait(web_conn *c, int64_t now);
/* The daemon closes the connection (before it closes the socket). */
void web_guard_close(web_conn *c);
/* Shuts down every connection whose deadline has passed at now (the
 * reaper does this by itself; for tests). */
void web_guard_reap(int64_t now);

/* ---- forms ----------------------------------------------------------------- */

#define WEB_FORM_MAX_FIELDS 64

typedef struct {
	char *name[WEB_FORM_MAX_FIELDS];
	char *value[WEB_FORM_MAX_FIELDS];
	size_t n;
	char *storage;
} web_form;

/* Parses an application/x-www-form-urlencoded body. -1 when it is
 * malformed: a bad %-escape, more than WEB_FORM_MAX_FIELDS fields, a NUL,
 * or text that is not UTF-8. Free with web_form_free() in any case. */
int web_form_parse(web_form *f, const char *body, size_t len);
void web_form_free(web_form *f);
/* The first value of name, or NULL; empty values count as absent. */
const char *web_form_get(const web_form *f, const char *name);
/* Every non-empty value of name, in order, into out (up to max). */
size_t web_form_all(const web_form *f, const char *name, const char **out, size_t max);

/* ---- sessions -------------------------------------------------------------- */

#define WEB_TOKEN_HEX 64 /* 32 random bytes */

typedef struct {
	char token[WEB_TOKEN_HEX + 1];
	char csrf[WEB_TOKEN_HEX + 1];
	char user[101];     /* "" before login (and in local mode) */
	char stamp[KNGG_ACCOUNT_STAMP_HEX + 1]; /* the account's at login: a password change ends it */
	char flash[600];    /* a message for the next page, or "" */
	int flash_error;
} web_session;

void web_sessions_init(void);
void web_sessions_free(void);
/* Finds the session of token and copies it into *out (flash moved out:
 * shown once). 0 or -1 when unknown or expired. */
int web_session_get(const char *token, web_session *out);
/* A new session for user ("" anonymous) whose account has stamp (NULL
 * when anonymous): token and csrf filled. -1 when randomness fails. */
int web_session_new(const char *user, const char *stamp, web_session *out);
void web_session_end(const char *token);
void web_session_flash(const char *token, int error, const char *msg);
/* Constant time comparison of a form's token with the session's. */
int web_csrf_ok(const web_session *s, const char *given);

/* Login throttling per key: "u:NAME" for an account name (waits after 5
 * failures), anything else for an address (after 20): 0 when a try is
 * allowed now, else the seconds to wait. */
int web_throttle_check(const char *key);
void web_throttle_fail(const char *key);
void web_throttle_reset(const char *key);

/* ---- a request ------------------------------------------------------------- */

typedef struct web_request {
	const web_config *cfg;
	struct MHD_Connection *conn;
	int post;
	const char *path;        /* decoded URL path */
	char *seg[8];            /* path split at '/', NULL-padded */
	size_t nseg;
	char *seg_storage;
	web_form form;           /* POST body */
	size_t dropped;          /* bytes of a body over the limit, read and dropped */
	web_session session;
	int have_session;        /* a valid cookie came with the request */
	kngg_account *account;   /* the logged-in account, or NULL */
	int local;               /* no accounts: loopback only, every right */
	kngg_tracker *tracker;  /* this thread's, set up for the request */
	kngg_buf error;          /* the engine's first message */
	char by[24];             /* the acting person's number, for a write's by */
	/* the response */
	int status;
	kngg_buf out;
	const char *content_type;
	char *location;          /* redirect target */
	char *disposition;       /* Content-Disposition for downloads */
	int set_cookie;          /* send the session cookie */
	int clear_cookie;
	int cacheable;           /* static files */
	int form_no;             /* forms on the page so far: field ids are f<no>-<name> */
} web_request;

/* Query argument of the URL, or NULL (empty counts as absent). */
const char *web_arg(web_request *r, const char *name);

/* The client's address as text ("" when unknown), for login throttling. */
void web_client_address(web_request *r, char out[64]);

/* Who is acting in municipality code, for the journal's by: the person
 * the account is linked to there; 0 when there is none (and locally). */
int64_t web_by(const web_request *r, const char *code);
int web_may_read(const web_request *r, const char *code);
int web_may_write(const web_request *r, const char *code);
/* A beheerder, who manages accounts (never the local mode: without
 * accounts there is nothing to manage). */
int web_is_admin(const web_request *r);

/* ---- responses and the page frame ------------------------------------------ */

/* Escaped text (NULL: nothing). */
void web_h(kngg_buf *b, const char *s);
/* printf with every %s argument escaped: only %s, %d, %zu, %lld and %%.
 * %R inserts its argument unescaped: only for markup written in the code
 * itself (a string literal such as " selected"), never for data (as
 * Fossil's %s beside its %h). */
void web_hf(kngg_buf *b, const char *fmt, ...);

/* A wide table (or chart) scrolls sideways inside this on a narrow screen,
 * not the page: a labelled region, focusable so that a keyboard can scroll
 * it (WCAG 2.1.1; axe's scrollable-region-focusable). label is a literal. */
#define WEB_SCROLL_OPEN(label) \
	"<div class=\"tabel\" role=\"region\" aria-label=\"" label "\" tabindex=\"0\">"
#define WEB_SCROLL_CLOSE "</div>"

/* Starts a page: doctype, head, header with navigation and the session's
 * flash message. code (or NULL) adds the municipality's sub-navigation. */
void web_page_begin(web_request *r, const char *title, const char *code, const char *active);
void web_page_end(web_request *r);
/* A whole error page with a Dutch message. */
void web_error(web_request *r, int status, const char *title, const char *msg);
/* 303 to location, with a flash message (NULL: none). */
void web_redirect(web_request *r, const char *location, int error, const char *flash);
/* Form opening with method POST, action and the CSRF field. */
void web_form_begin(web_request *r, const char *action, const char *cls);
/* <label> and an opening <select> for field name of the current form
 * (attrs: trusted extra attributes such as "required", or NULL); the
 * caller adds the options and closes it. */
void web_select_open(web_request *r, const char *name, const char *label, const char *attrs);
/* <label>+<input> with trusted extra attributes (or NULL). */
void web_input_attrs(web_request *r, const char *name, const char *label, const char *type,
		     const char *attrs);
/* <label>+<textarea>. */
void web_textarea(web_request *r, const char *name, const char *label, int rows);
/* <label>+<select> from a definitions list (with an empty first option
 * unless required). */
void web_select_list(web_request *r, const char *name, const char *label, const char *list_id,
		     int required);
/* <label>+<input>. type "text", "date", "number", "password"... */
void web_input(web_request *r, const char *name, const char *label, const char *type,
	       const char *value, int required);

/* s percent-encoded for a query string: every byte but letters, digits
 * and "-_." (the result still goes through web_hf's escaping). */
void web_url_encode(kngg_buf *b, const char *s);

/* An engine message (written for the CLI) as a page says it, appended to
 * out (not escaped): options become field names ("veld ‘Gebied’"), a
 * clause giving a command is cut, and replaced by where the site does that
 * when it can ("Heropen de stap met de knop Heropenen ..."); a capital
 * first letter and a full stop. */
void web_plain(kngg_buf *out, const char *msg);
/* The same for a text shown as it is (a readiness rule, a warning): no
 * capital or full stop added. */
void web_plain_text(kngg_buf *out, const char *text);

/* CSV for Dutch Excel: fields separated by ';', quoted when needed, rows
 * ended by CRLF. */
void web_csv_field(kngg_buf *b, const char *s, int last);
/* A download of t named file (no extension): CSV for Dutch Excel as above
 * (days as YYYY-MM-DD), or with xlsx an Excel workbook (kngg-sheet.so:
 * typed cells, a bold frozen header). */
void web_table_send(web_request *r, const char *file, const kngg_table *t, int xlsx);

/* ---- routes ----------------------------------------------------------------- */

enum { WEB_GET = 1, WEB_POST = 2 }; /* HEAD is GET */

typedef enum {
	WEB_PUBLIC,       /* no session, no database (the stylesheet, the icon) */
	WEB_ANYONE,       /* a session, no login (the login page) */
	WEB_USER,         /* logged in, or local mode */
	WEB_ADMIN,        /* a beheerder */
	WEB_MUNICIPALITY  /* {code}: a municipality the account may see */
} web_access;

#define WEB_ROUTE_PARAMS 2

/* params: the pattern's {parameters} in order, NULL past the last. */
typedef void (*web_handler)(web_request *r, const char *const *params);

typedef struct {
	unsigned methods;     /* WEB_GET, WEB_POST (a write: CSRF token required) */
	const char *pattern;  /* "/gemeente/{code}/stap/{id}": {x} is one segment */
	web_handler handler;
	web_access access;
} web_route;

/* The server's table, ended by a NULL pattern (server.c). */
extern const web_route web_routes[];

#define WEB_ROUTE_404 (-404) /* no route has this path */
#define WEB_ROUTE_405 (-405) /* a route has the path, none the method */
/* The first route of routes (ended by a NULL pattern) whose pattern is the
 * path seg[0..nseg) and that takes the method (post or GET): its index,
 * its parameters into params; else WEB_ROUTE_404 or WEB_ROUTE_405. */
int web_route_match(const web_route *routes, int post, char *const *seg, size_t nseg,
		    const char **params);
/* Splits path (modified) at '/' into at most max segments, empty ones
 * dropped (so a trailing slash is no segment); -1 for more segments, "."
 * or "..", or a control character. */
int web_path_split(char *path, char **seg, size_t max, size_t *nseg);

/* ---- pages ------------------------------------------------------------------ */

void page_home(web_request *r);
/* Drops the overview kept between requests (at shutdown). */
void web_overview_cache_free(void);
void page_verify(web_request *r);
void page_login(web_request *r);
void page_logout(web_request *r);
void page_users(web_request *r);
/* The logged-in account's own password. */
void page_password(web_request *r);
void page_roadmap(web_request *r, const char *code);
void page_step(web_request *r, const char *code, const char *step_id);
void page_stakeholders(web_request *r, const char *code);
/* The funding section of the stakeholders page and its form (page_funding.c);
 * the form posts to page_funding, which records and returns there. */
void web_funding_section(web_request *r, const char *code);
void web_funding_form(web_request *r, const char *code);
void page_funding(web_request *r, const char *code);
void page_readiness(web_request *r, const char *code);
void page_quickscan(web_request *r, const char *code);
void page_factors(web_request *r, const char *code);
void page_journal(web_request *r, const char *code);
/* Downloads: the journal (with the page's filter), the register and
 * readiness, as CSV. */
void page_journal_csv(web_request *r, const char *code);
void page_journal_xlsx(web_request *r, const char *code);
void page_stakeholders_csv(web_request *r, const char *code);
void page_stakeholders_xlsx(web_request *r, const char *code);
void page_readiness_csv(web_request *r, const char *code);
void page_readiness_xlsx(web_request *r, const char *code);
void page_documents(web_request *r, const char *code, const char *file);

/* Starts a write for municipality code: 403 (answered, -1) unless the
 * account may record there; else fills o's by (the account), date and
 * note from the form's datum and notitie. */
int web_write_begin(web_request *r, const char *code, kngg_track_opts *o);
/* Ends a write: the engine's message back at back when rc < 0 (500 for
 * database trouble), else a redirect there with msg. */
void web_write_end(web_request *r, int rc, const char *back, const char *msg);
/* A small whole number (0-99) from form field name into *v; -1 when
 * absent or not digits. */
int web_form_number(const web_form *f, const char *name, int *v);

/* Loads the municipality's name; answers 404 itself and returns -1 when
 * unknown (whether the account may see it is checked by its route). */
int web_municipality(web_request *r, const char *code, char name[256]);
/* Answers a failed engine call: 500 for database trouble, else a redirect
 * back to back with the engine's message as flash. */
void web_engine_failed(web_request *r, int rc, const char *back);

#endif
