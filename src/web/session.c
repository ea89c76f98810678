/*
 * session.c: sessions (in memory: a restart logs everyone out), CSRF
 * tokens and login throttling. One mutex guards both tables; nothing slow
 * happens while it is held.
 */
#include <stdio.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "web/web.h"

#define MAX_SESSIONS 1024
#define IDLE_SECONDS (2 * 3600)     /* logged out after two idle hours */
#define MAX_SECONDS (12 * 3600)     /* and after twelve hours in any case */

#define MAX_THROTTLE 256
#define FREE_TRIES 5                /* failures of one account name before waiting starts */
#define FREE_TRIES_ADDRESS 20       /* of one address (colleagues behind one NAT) */
#define MAX_WAIT (15 * 60)

typedef struct {
	web_session s;
	time_t created, used;
	int in_use;
	int uses; /* requests that came back with it */
} slot;

typedef struct {
	char key[128];
	int failures;
	time_t last, until;
} throttle;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static slot sessions[MAX_SESSIONS];
static throttle throttles[MAX_THROTTLE];

void web_sessions_init(void)
{
	pthread_mutex_lock(&lock);
	memset(sessions, 0, sizeof(sessions));
	memset(throttles, 0, sizeof(throttles));
	pthread_mutex_unlock(&lock);
}

void web_sessions_free(void)
{
	pthread_mutex_lock(&lock);
	sodium_memzero(sessions, sizeof(sessions));
	pthread_mutex_unlock(&lock);
}

static int expired(const slot *s, time_t now)
{
	return now - s->used > IDLE_SECONDS || now - s->created > MAX_SECONDS;
}

/* The slot of token, or NULL; called with the lock held. */
static slot *find(const char *token, time_t now)
{
	if (!token || strlen(token) != WEB_TOKEN_HEX)
		return NULL;
	for (size_t i = 0; i < MAX_SESSIONS; i++) {
		slot *s = &sessions[i];

		if (s->in_use && sodium_memcmp(s->s.token, token, WEB_TOKEN_HEX) == 0) {
			if (expired(s, now)) {
				sodium_memzero(s, sizeof(*s));
				return NULL;
			}
			return s;
		}
	}
	return NULL;
}

int web_session_get(const char *token, web_session *out)
{
	time_t now = time(NULL);
	slot *s;
	int rc = -1;

	pthread_mutex_lock(&lock);
	if ((s = find(token, now)) != NULL) {
		s->used = now;
		s->uses++;
		*out = s->s;
		s->s.flash[0] = '\0';
		rc = 0;
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

/* How much a session is worth keeping when the table is full. */
static int worth(const slot *s)
{
	return s->s.user[0] ? 2 : s->uses > 0;
}

static void random_hex(char out[WEB_TOKEN_HEX + 1])
{
	unsigned char raw[WEB_TOKEN_HEX / 2];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, WEB_TOKEN_HEX + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
}

int web_session_new(const char *user, const char *stamp, web_session *out)
{
	time_t now = time(NULL);
	slot *victim = NULL;

	if (sodium_init() < 0)
		return -1;
	memset(out, 0, sizeof(*out));
	random_hex(out->token);
	random_hex(out->csrf);
	snprintf(out->user, sizeof(out->user), "%s", user ? user : "");
	snprintf(out->stamp, sizeof(out->stamp), "%s", stamp ? stamp : "");
	pthread_mutex_lock(&lock);
	/* a free or expired slot, else the least recently used among the
	 * least valuable: anonymous sessions never used again (a client
	 * without cookies, such as a load test), then other anonymous ones,
	 * then logged-in ones */
	for (size_t i = 0; i < MAX_SESSIONS; i++) {
		slot *s = &sessions[i];

		if (!s->in_use || expired(s, now)) {
			victim = s;
			break;
		}
		if (!victim || worth(s) < worth(victim) ||
		    (worth(s) == worth(victim) && s->used < victim->used))
			victim = s;
	}
	sodium_memzero(victim, sizeof(*victim));
	victim->s = *out;
	victim->created = victim->used = now;
	victim->in_use = 1;
	pthread_mutex_unlock(&lock);
	return 0;
}

void web_session_end(const char *token)
{
	slot *s;

	pthread_mutex_lock(&lock);
	if ((s = find(token, time(NULL))) != NULL)
		sodium_memzero(s, sizeof(*s));
	pthread_mutex_unlock(&lock);
}

void web_session_flash(const char *token, int error, const char *msg)
{
	slot *s;

	pthread_mutex_lock(&lock);
	if ((s = find(token, time(NULL))) != NULL) {
		snprintf(s->s.flash, sizeof(s->s.flash), "%s", msg);
		s->s.flash_error = error;
	}
	pthread_mutex_unlock(&lock);
}

int web_csrf_ok(const web_session *s, const char *given)
{
	return given && s->csrf[0] && strlen(given) == WEB_TOKEN_HEX &&
	       sodium_memcmp(s->csrf, given, WEB_TOKEN_HEX) == 0;
}

/* ---- login throttling ------------------------------------------------------------ */

/* The entry of key (created when create), or NULL; with the lock held. */
static throttle *throttle_find(const char *key, int create, time_t now)
{
	throttle *oldest = &throttles[0];

	for (size_t i = 0; i < MAX_THROTTLE; i++) {
		throttle *t = &throttles[i];

		if (t->key[0] && strcmp(t->key, key) == 0)
			return t;
		if (t->last < oldest->last)
			oldest = t;
	}
	if (!create)
		return NULL;
	memset(oldest, 0, sizeof(*oldest));
	snprintf(oldest->key, sizeof(oldest->key), "%s", key);
	oldest->last = now;
	return oldest;
}

int web_throttle_check(const char *key)
{
	time_t now = time(NULL);
	throttle *t;
	int wait = 0;

	pthread_mutex_lock(&lock);
	if ((t = throttle_find(key, 0, now)) != NULL && t->until > now)
		wait = (int)(t->until - now);
	pthread_mutex_unlock(&lock);
	return wait;
}

void web_throttle_fail(const char *key)
{
	int free_tries = strncmp(key, "u:", 2) == 0 ? FREE_TRIES : FREE_TRIES_ADDRESS;
	time_t now = time(NULL);
	throttle *t;

	pthread_mutex_lock(&lock);
	t = throttle_find(key, 1, now);
	/* failures are forgotten after a quiet quarter of an hour */
	if (now - t->last > MAX_WAIT)
		t->failures = 0;
	t->failures++;
	t->last = now;
	if (t->failures >= free_tries) {
		/* 30 s after the last free failure, doubling, at most 15 minutes */
		int shift = t->failures - free_tries;
		long wait = shift > 5 ? MAX_WAIT : 30L << shift;

		t->until = now + (wait > MAX_WAIT ? MAX_WAIT : wait);
	}
	pthread_mutex_unlock(&lock);
}

void web_throttle_reset(const char *key)
{
	throttle *t;

	pthread_mutex_lock(&lock);
	if ((t = throttle_find(key, 0, time(NULL))) != NULL)
		memset(t, 0, sizeof(*t));
	pthread_mutex_unlock(&lock);
}
