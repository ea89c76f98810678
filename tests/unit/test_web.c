/*
 * test_web.c: the web server's parts that need no daemon: the form
 * parser, sessions and CSRF tokens, login throttling, escaping, the
 * connection guard (on socket pairs) and the route matcher.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "util/text.h"
#include "web/web.h"

static int parse(web_form *f, const char *body)
{
	return web_form_parse(f, body, strlen(body));
}

static void form_decodes(void **state)
{
	web_form f;
	const char *all[4];

	(void)state;
	assert_int_equal(parse(&f, "naam=Zo%C3%AB+d%27Hondt+%26+%3CZn%3E&leeg=&x&wat=a&wat=b"), 0);
	assert_string_equal(web_form_get(&f, "naam"), "Zoë d'Hondt & <Zn>");
	assert_null(web_form_get(&f, "leeg"));   /* empty counts as absent */
	assert_null(web_form_get(&f, "x"));
	assert_null(web_form_get(&f, "nergens"));
	assert_int_equal(web_form_all(&f, "wat", all, 4), 2);
	assert_string_equal(all[1], "b");
	assert_int_equal(web_form_all(&f, "wat", all, 1), 1);
	web_form_free(&f);
	assert_int_equal(parse(&f, ""), 0);
	assert_int_equal(f.n, 0);
	web_form_free(&f);
	assert_int_equal(parse(&f, "&&a=1&&"), 0);
	assert_int_equal(f.n, 1);
	web_form_free(&f);
	/* line ends stay (textarea), = in a value stays */
	assert_int_equal(parse(&f, "t=a%0D%0Ab&e=x=y"), 0);
	assert_string_equal(web_form_get(&f, "t"), "a\r\nb");
	assert_string_equal(web_form_get(&f, "e"), "x=y");
	web_form_free(&f);
}

static void form_refuses(void **state)
{
	static const char *const bad[] = {
		"a=%zz", "a=%4", "a=%", "%=1", "a=%00", "a=%ff", "a=%C3", "a=%C0%AF", /* overlong */
		"a=%ED%A0%80", /* surrogate */ "a=%F4%90%80%80", /* beyond U+10FFFF */
	};
	web_form f;
	kngg_buf many = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&f, bad[i]), -1);
		web_form_free(&f);
	}
	assert_int_equal(web_form_parse(&f, "a=b\0c", 5), -1); /* raw NUL */
	web_form_free(&f);
	for (int i = 0; i <= WEB_FORM_MAX_FIELDS; i++)
		kngg_buf_printf(&many, "f%d=1&", i);
	assert_int_equal(parse(&f, kngg_buf_cstr(&many)), -1);
	web_form_free(&f);
	kngg_buf_free(&many);
}

static void sessions(void **state)
{
	web_session s, got, other, kept;

	(void)state;
	web_sessions_init();
	assert_int_equal(web_session_new("Fatima", NULL, &s), 0);
	assert_int_equal(strlen(s.token), WEB_TOKEN_HEX);
	assert_int_equal(strlen(s.csrf), WEB_TOKEN_HEX);
	assert_string_not_equal(s.token, s.csrf);
	assert_int_equal(web_session_new("", NULL, &other), 0);
	assert_string_not_equal(s.token, other.token);
	assert_int_equal(web_session_get(s.token, &got), 0);
	assert_string_equal(got.user, "Fatima");
	assert_true(web_csrf_ok(&got, s.csrf));
	assert_false(web_csrf_ok(&got, other.csrf));
	assert_false(web_csrf_ok(&got, NULL));
	assert_false(web_csrf_ok(&got, "abc"));
	assert_string_equal(got.stamp, "");
	assert_int_equal(web_session_new("Fatima", "0123456789abcdef0123456789abcdef", &kept), 0);
	assert_int_equal(web_session_get(kept.token, &got), 0);
	assert_string_equal(got.stamp, "0123456789abcdef0123456789abcdef"); /* kept for the account check */
	/* a flash is shown once */
	web_session_flash(s.token, 1, "fout");
	assert_int_equal(web_session_get(s.token, &got), 0);
	assert_string_equal(got.flash, "fout");
	assert_int_equal(got.flash_error, 1);
	assert_int_equal(web_session_get(s.token, &got), 0);
	assert_string_equal(got.flash, "");
	/* unknown, short and ended tokens */
	assert_int_equal(web_session_get("nope", &got), -1);
	assert_int_equal(web_session_get(NULL, &got), -1);
	web_session_end(s.token);
	assert_int_equal(web_session_get(s.token, &got), -1);
	/* many sessions: the table never overflows, the newest stays, and
	 * one-off sessions (clients without cookies) go before a browser's
	 * anonymous session that came back, and before logged-in ones */
	assert_int_equal(web_session_new("Lex", NULL, &s), 0);
	assert_int_equal(web_session_new("", NULL, &kept), 0);
	assert_int_equal(web_session_get(kept.token, &got), 0);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(web_session_new("", NULL, &other), 0);
	assert_int_equal(web_session_get(other.token, &got), 0);
	assert_int_equal(web_session_get(s.token, &got), 0);
	assert_string_equal(got.user, "Lex");
	assert_int_equal(web_session_get(kept.token, &got), 0);
	web_sessions_free();
}

static void throttling(void **state)
{
	(void)state;
	web_sessions_init();
	for (int i = 0; i < 4; i++) {
		web_throttle_fail("u:Fatima");
		assert_int_equal(web_throttle_check("u:Fatima"), 0);
	}
	web_throttle_fail("u:Fatima");
	assert_true(web_throttle_check("u:Fatima") > 0);
	assert_true(web_throttle_check("u:Fatima") <= 30);
	assert_int_equal(web_throttle_check("u:Lex"), 0);
	/* an address has more room (colleagues behind one address) */
	for (int i = 0; i < 19; i++)
		web_throttle_fail("127.0.0.1");
	assert_int_equal(web_throttle_check("127.0.0.1"), 0);
	web_throttle_fail("127.0.0.1");
	assert_true(web_throttle_check("127.0.0.1") > 0);
	web_throttle_reset("u:Fatima");
	assert_int_equal(web_throttle_check("u:Fatima"), 0);
	/* more keys than the table holds: no crash, the newest is kept */
	for (int i = 0; i < 600; i++) {
		char key[32];

		snprintf(key, sizeof(key), "10.0.%d.%d", i / 256, i % 256);
		web_throttle_fail(key);
	}
	web_sessions_free();
}

static void escaping(void **state)
{
	kngg_buf b = {0};

	(void)state;
	web_hf(&b, "<p title=\"%s\">%s %d %zu %lld 100%%</p>", "\"x\" & 'y'",
	       "<script>alert(1)</script>", -3, (size_t)7, 8LL);
	assert_string_equal(kngg_buf_cstr(&b),
			    "<p title=\"&quot;x&quot; &amp; &#39;y&#39;\">&lt;script&gt;alert(1)&lt;/script&gt;"
			    " -3 7 8 100%</p>");
	kngg_buf_free(&b);
	/* %R: markup of the code itself, unescaped */
	web_hf(&b, "<tr%R><td>%s</td></tr>", " class=\"withdrawn\"", "<b>");
	assert_string_equal(kngg_buf_cstr(&b), "<tr class=\"withdrawn\"><td>&lt;b&gt;</td></tr>");
	kngg_buf_free(&b);
	web_h(&b, NULL);
	assert_string_equal(kngg_buf_cstr(&b), "");
	kngg_buf_free(&b);
}

/* ---- the connection guard: socket pairs stand in for connections ---------------- */

typedef struct {
	int server, client;
	web_conn *c;
} pair;

static void pair_open(pair *p, const char *address, int64_t now)
{
	int fds[2];

	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
	p->server = fds[0];
	p->client = fds[1];
	p->c = web_guard_open(p->server, address, now);
	assert_non_null(p->c);
}

/* 1 when the guard shut the connection down: the client reads end of file. */
static int pair_ended(const pair *p)
{
	char byte;

	return recv(p->client, &byte, 1, MSG_DONTWAIT) == 0;
}

static void pair_close(pair *p)
{
	web_guard_close(p->c);
	close(p->server);
	close(p->client);
}

static const web_guard_limits few = {10000, 3, 2}; /* 10 s, 3 waiting, 2 per address */

static void guard_deadline(void **state)
{
	pair slow, answered, kept;

	(void)state;
	web_guard_init(&few);
	pair_open(&slow, "10.0.0.1", 0);
	pair_open(&answered, "10.0.0.2", 0);
	pair_open(&kept, "10.0.0.3", 0);
	web_guard_line(slow.c);
	web_guard_busy(answered.c); /* its request is in: no deadline while answered */
	web_guard_busy(kept.c);
	web_guard_wait(kept.c, 4000); /* answered at 4 s, kept alive */
	web_guard_reap(9999);
	assert_false(pair_ended(&slow));
	web_guard_reap(10000);
	assert_true(pair_ended(&slow));
	assert_false(pair_ended(&answered));
	assert_false(pair_ended(&kept));
	web_guard_reap(13999);
	assert_false(pair_ended(&kept));
	web_guard_reap(14000); /* 10 s after the answer */
	assert_true(pair_ended(&kept));
	web_guard_reap(60000);
	assert_false(pair_ended(&answered));
	pair_close(&slow);
	pair_close(&answered);
	pair_close(&kept);
}

static void guard_pushes_out(void **state)
{
	pair fresh, slow, next, other, third, last, more;

	(void)state;
	web_guard_init(&few);
	/* two from one address: the third pushes out the one that sent its
	 * request line and no more, not the older one that sent nothing yet */
	pair_open(&fresh, "127.0.0.1", 0);
	pair_open(&slow, "127.0.0.1", 1);
	web_guard_line(slow.c);
	pair_open(&next, "127.0.0.1", 2);
	assert_true(pair_ended(&slow));
	assert_false(pair_ended(&fresh));
	assert_false(pair_ended(&next));
	/* among equals the one waiting longest goes; a busy one never */
	web_guard_busy(next.c);
	pair_open(&other, "127.0.0.1", 3);
	assert_false(pair_ended(&fresh));
	pair_open(&third, "127.0.0.1", 4);
	assert_true(pair_ended(&fresh));
	assert_false(pair_ended(&next));
	/* all addresses together: 3 waiting at most */
	pair_open(&last, "192.0.2.7", 5);
	assert_false(pair_ended(&other));
	pair_open(&more, "198.51.100.1", 6);
	assert_true(pair_ended(&other));
	assert_false(pair_ended(&third));
	assert_false(pair_ended(&last));
	assert_false(pair_ended(&more));
	pair_close(&fresh);
	pair_close(&slow);
	pair_close(&next);
	pair_close(&other);
	pair_close(&third);
	pair_close(&last);
	pair_close(&more);
}

static void guard_reaper(void **state)
{
	static const web_guard_limits quick = {200, 256, 32};
	pair slow;
	int64_t start = web_guard_now(), ended = 0;

	(void)state;
	web_guard_init(&quick);
	assert_int_equal(web_guard_start(), 0);
	pair_open(&slow, "127.0.0.1", start);
	for (int i = 0; i < 200 && !ended; i++) { /* at most 2 s */
		struct timespec ms = {0, 10 * 1000000};

		if (pair_ended(&slow))
			ended = web_guard_now();
		nanosleep(&ms, NULL);
	}
	web_guard_stop();
	assert_true(ended >= start + 200);
	assert_true(ended < start + 1000);
	pair_close(&slow);
}

/* ---- routes ----------------------------------------------------------------- */

static void h_none(web_request *r, const char *const *p)
{
	(void)r;
	(void)p;
}

static const web_route test_routes[] = {
	{WEB_GET, "/", h_none, WEB_USER},
	{WEB_GET | WEB_POST, "/inloggen", h_none, WEB_ANYONE},
	{WEB_POST, "/uitloggen", h_none, WEB_USER},
	{WEB_GET | WEB_POST, "/gemeente/{code}", h_none, WEB_MUNICIPALITY},
	{WEB_GET | WEB_POST, "/gemeente/{code}/stap/{id}", h_none, WEB_MUNICIPALITY},
	{WEB_GET, "/gemeente/{code}/documenten", h_none, WEB_MUNICIPALITY},
	{WEB_GET, "/gemeente/{code}/documenten/{file}", h_none, WEB_MUNICIPALITY},
	{0, NULL, NULL, 0}};

/* Matches path for post into params: the route's index or 404/405. */
static int match(const char *path, int post, const char **params)
{
	static char buf[256];
	char *seg[8];
	size_t nseg;

	snprintf(buf, sizeof(buf), "%s", path);
	if (web_path_split(buf, seg, 8, &nseg) < 0)
		return -400;
	return web_route_match(test_routes, post, seg, nseg, params);
}

static void routes_match(void **state)
{
	const char *p[WEB_ROUTE_PARAMS];

	(void)state;
	/* exact */
	assert_int_equal(match("/", 0, p), 0);
	assert_int_equal(match("/inloggen", 1, p), 1);
	assert_null(p[0]);
	/* parameters, in order; one parameter leaves the other NULL */
	assert_int_equal(match("/gemeente/GM0479/stap/1.5", 0, p), 4);
	assert_string_equal(p[0], "GM0479");
	assert_string_equal(p[1], "1.5");
	assert_int_equal(match("/gemeente/GM0479", 1, p), 3);
	assert_string_equal(p[0], "GM0479");
	assert_null(p[1]);
	assert_int_equal(match("/gemeente/GM0479/documenten/projectplan.docx", 0, p), 6);
	assert_string_equal(p[1], "projectplan.docx");
	/* a trailing slash and doubled slashes are the same path */
	assert_int_equal(match("/gemeente/GM0479/stap/1.5/", 0, p), 4);
	assert_int_equal(match("//gemeente//GM0479", 0, p), 3);
	assert_int_equal(match("/inloggen/", 0, p), 1);
	/* too many or too few segments, another literal: 404 */
	assert_int_equal(match("/gemeente/GM0479/stap/1.5/extra", 0, p), WEB_ROUTE_404);
	assert_int_equal(match("/gemeente/GM0479/stap", 0, p), WEB_ROUTE_404);
	assert_int_equal(match("/gemeente", 0, p), WEB_ROUTE_404);
	assert_int_equal(match("/inloggen/x", 0, p), WEB_ROUTE_404);
	assert_int_equal(match("/nergens", 1, p), WEB_ROUTE_404);
	/* more segments than a request holds, "..": refused before matching */
	assert_int_equal(match("/a/b/c/d/e/f/g/h/i", 0, p), -400);
	assert_int_equal(match("/gemeente/../gebruikers", 0, p), -400);
	/* a known path with a method it does not take: 405 */
	assert_int_equal(match("/uitloggen", 0, p), WEB_ROUTE_405);
	assert_int_equal(match("/", 1, p), WEB_ROUTE_405);
	assert_int_equal(match("/gemeente/GM0479/documenten", 1, p), WEB_ROUTE_405);
}

/* The server's own table: every page of the guide is reachable, the
 * documents are read-only, logging out takes a POST. */
static void server_routes(void **state)
{
	const char *p[WEB_ROUTE_PARAMS];
	char buf[64] = "/gemeente/GM9999/logboek", *seg[8];
	size_t nseg;
	int i;

	(void)state;
	assert_int_equal(web_path_split(buf, seg, 8, &nseg), 0);
	i = web_route_match(web_routes, 1, seg, nseg, p);
	assert_true(i >= 0);
	assert_int_equal(web_routes[i].access, WEB_MUNICIPALITY);
	assert_string_equal(p[0], "GM9999");
	snprintf(buf, sizeof(buf), "/uitloggen");
	assert_int_equal(web_path_split(buf, seg, 8, &nseg), 0);
	assert_int_equal(web_route_match(web_routes, 0, seg, nseg, p), WEB_ROUTE_405);
	snprintf(buf, sizeof(buf), "/static/kngg.css");
	assert_int_equal(web_path_split(buf, seg, 8, &nseg), 0);
	i = web_route_match(web_routes, 0, seg, nseg, p);
	assert_true(i >= 0);
	assert_int_equal(web_routes[i].access, WEB_PUBLIC);
	snprintf(buf, sizeof(buf), "/gebruikers");
	assert_int_equal(web_path_split(buf, seg, 8, &nseg), 0);
	i = web_route_match(web_routes, 1, seg, nseg, p);
	assert_true(i >= 0);
	assert_int_equal(web_routes[i].access, WEB_ADMIN);
}

/* An engine message as a page says it: fields for options, no commands,
 * Dutch dates, a sentence; readiness texts keep their casing. */
static void plain_messages(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"--signer ontbreekt", "Veld \xe2\x80\x98Wie tekent\xe2\x80\x99 ontbreekt."},
		{"een Manager van X tekent niet voor 1.5/s1 (gevraagd: Wethouder); tekent deze persoon met "
		 "mandaat, geef dan --as ROL",
		 "Een Manager van X tekent niet voor 1.5/s1 (gevraagd: Wethouder); tekent deze persoon met "
		 "mandaat, geef dan veld \xe2\x80\x98Mandaat\xe2\x80\x99."},
		{"stap 1.3 is al afgerond op 2026-07-08; heropen hem met 'kngg step reopen'",
		 "Stap 1.3 is al afgerond op 8 juli 2026. Heropen de stap met de knop Heropenen op de "
		 "pagina van de stap."},
		{"GM9999 heeft geen organisatie 'X'; voeg die toe met 'kngg org add GM9999 \"X\" --type TYPE'",
		 "GM9999 heeft geen organisatie 'X'. Een nieuwe organisatie komt erbij met Stakeholder "
		 "toevoegen (met de soort organisatie)."},
		{"ongeldige waarde (zie 'kngg help factor')", "Ongeldige waarde."},
		{"kngg step done GM9999 1.4", ""},
		{"datum 2026-02-30 bestaat niet", "Datum 2026-02-30 bestaat niet."},
		{"--frobnicate mag niet", "Veld \xe2\x80\x98" "frobnicate\xe2\x80\x99 mag niet."},
	};
	kngg_buf b = {0};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		b.len = 0;
		web_plain(&b, cases[i].in);
		assert_string_equal(kngg_buf_cstr(&b), cases[i].out);
	}
	b.len = 0;
	web_plain_text(&b, "stap 1.1 afgerond op 2026-06-10 (zie 'kngg log GM9999')");
	assert_string_equal(kngg_buf_cstr(&b), "stap 1.1 afgerond op 10 juni 2026");
	b.len = 0;
	kngg_dates_nl(&b, "van 2026-01-07 tot 2026-06-10, nr 12026-01-070",
		      strlen("van 2026-01-07 tot 2026-06-10, nr 12026-01-070"));
	assert_string_equal(kngg_buf_cstr(&b), "van 7 januari 2026 tot 10 juni 2026, nr 12026-01-070");
	kngg_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_decodes), cmocka_unit_test(form_refuses),
		cmocka_unit_test(sessions),     cmocka_unit_test(throttling),
		cmocka_unit_test(escaping),     cmocka_unit_test(guard_deadline),
		cmocka_unit_test(guard_pushes_out), cmocka_unit_test(guard_reaper),
		cmocka_unit_test(routes_match),     cmocka_unit_test(server_routes),
		cmocka_unit_test(plain_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
