/*
 * guard.c: the connection guard against slow clients (slowloris). Every
 * connection is in a table from accept to close. Until its request is in
 * (headers and body), it is "waiting", and a waiting connection has a
 * deadline: the request must be complete within limits.request_ms of the
 * accept, or of the previous answer on a kept-alive connection. A reaper
 * thread shuts down the late ones.
 *
 * Why not libmicrohttpd itself: 0.9.75 has only an idle timeout
 * (MHD_OPTION_CONNECTION_TIMEOUT, and per connection
 * MHD_set_connection_option(MHD_CONNECTION_OPTION_TIMEOUT), which sets the
 * same one), which every byte restarts, so a client sending one byte every
 * few seconds keeps its connection for ever; and it has no call that
 * closes a connection from outside its callbacks. What
 * works instead: shutdown(2) of the connection's socket. The daemon's
 * poll then sees end of file, closes the connection itself and calls
 * MHD_CONNECTION_NOTIFY_CLOSED. That notification comes before the daemon
 * closes the descriptor (daemon.c, MHD_cleanup_connections), and
 * web_guard_close() takes the same lock as the reaper, so the guard never
 * shuts down a descriptor that has been closed and reused.
 *
 * New connections also push out old waiting ones: when one address has
 * limits.wait_per_address waiting connections, or all addresses together
 * limits.wait_limit, the one waiting longest is shut down to make room.
 * A browser sends its whole request at once, so it is among the newest
 * and is answered; an attacker's slow connections are the oldest and go.
 * Those that have sent a request line and are still short of the headers
 * go first, before the ones that have sent nothing yet: an attacker who
 * opens hundreds at once would otherwise push out a browser's connection
 * in the moment between accept and reading its request. This is what
 * keeps a loopback or reverse-proxy deployment usable, where every user
 * shares one address and a per-address cap would lock all of them out
 * together.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "web/web.h"

struct web_conn {
	int fd;
	int in_use;
	int waiting;         /* request not complete yet: the deadline runs */
	int line_in;         /* its request line is in, the rest is not */
	int64_t since;       /* ms: accept, or the previous answer */
	char address[64];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static web_conn table[WEB_CONNECTION_LIMIT];
static web_guard_limits limits;
static pthread_t reaper_thread;
static int reaper_running, stopping;

int64_t web_guard_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void web_guard_init(const web_guard_limits *l)
{
	pthread_mutex_lock(&lock);
	memset(table, 0, sizeof(table));
	limits = *l;
	pthread_mutex_unlock(&lock);
}

/* Ends c's connection: the daemon sees end of file and closes it. With
 * the lock held; c stays in the table until web_guard_close(). */
static void push_out(web_conn *c)
{
	shutdown(c->fd, SHUT_RDWR);
	c->waiting = 0;
}

/* 1 when a is the better one to push out: one that has sent its request
 * line but not its headers before one that has sent nothing yet (most
 * likely a browser's new connection whose request is about to be read),
 * and the one waiting longer. */
static int worse(const web_conn *a, const web_conn *b)
{
	if (a->line_in != b->line_in)
		return a->line_in;
	return a->since < b->since;
}

/* The connection to push out among those waiting (of address, or of all
 * when NULL), and how many wait in *n; with the lock held. */
static web_conn *to_push_out(const char *address, int *n)
{
	web_conn *victim = NULL;

	*n = 0;
	for (size_t i = 0; i < WEB_CONNECTION_LIMIT; i++) {
		web_conn *c = &table[i];

		if (!c->in_use || !c->waiting || (address && strcmp(c->address, address) != 0))
			continue;
		(*n)++;
		if (!victim || worse(c, victim))
			victim = c;
	}
	return victim;
}

web_conn *web_guard_open(int fd, const char *address, int64_t now)
{
	web_conn *c = NULL, *victim;
	int n;

	pthread_mutex_lock(&lock);
	if ((victim = to_push_out(address, &n)) && n >= limits.wait_per_address)
		push_out(victim);
	if ((victim = to_push_out(NULL, &n)) && n >= limits.wait_limit)
		push_out(victim);
	for (size_t i = 0; i < WEB_CONNECTION_LIMIT && !c; i++)
		if (!table[i].in_use)
			c = &table[i];
	if (c) {
		c->fd = fd;
		c->in_use = c->waiting = 1;
		c->since = now;
		snprintf(c->address, sizeof(c->address), "%s", address);
	} else { /* more than the daemon's own limit: cannot happen, refuse */
		shutdown(fd, SHUT_RDWR);
	}
	pthread_mutex_unlock(&lock);
	return c;
}

void web_guard_line(web_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&lock);
	c->line_in = 1;
	pthread_mutex_unlock(&lock);
}

void web_guard_busy(web_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&lock);
	c->waiting = 0;
	pthread_mutex_unlock(&lock);
}

void web_guard_wait(web_conn *c, int64_t now)
{
	if (!c)
		return;
	pthread_mutex_lock(&lock);
	c->waiting = 1;
	c->line_in = 0;
	c->since = now;
	pthread_mutex_unlock(&lock);
}

void web_guard_close(web_conn *c)
{
	if (!c)
		return;
	pthread_mutex_lock(&lock);
	memset(c, 0, sizeof(*c));
	pthread_mutex_unlock(&lock);
}

/* Shuts down the late connections; returns the next deadline (ms). With
 * the lock held. */
static int64_t reap(int64_t now)
{
	int64_t next = now + limits.request_ms;

	for (size_t i = 0; i < WEB_CONNECTION_LIMIT; i++) {
		web_conn *c = &table[i];

		if (!c->in_use || !c->waiting)
			continue;
		if (now - c->since >= limits.request_ms) {
			push_out(c);
		} else if (c->since + limits.request_ms < next) {
			next = c->since + limits.request_ms;
		}
	}
	return next;
}

void web_guard_reap(int64_t now)
{
	pthread_mutex_lock(&lock);
	reap(now);
	pthread_mutex_unlock(&lock);
}

/* Sleeps until the earliest deadline: a later connection's deadline is
 * never earlier, so nothing needs to wake it but the stop. */
static void *reaper(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!stopping) {
		int64_t next = reap(web_guard_now());
		struct timespec ts = {(time_t)(next / 1000), (long)(next % 1000) * 1000000};

		pthread_cond_timedwait(&wake, &lock, &ts);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int web_guard_start(void)
{
	pthread_condattr_t attr;
	int rc = -1;

	if (pthread_condattr_init(&attr) != 0)
		return -1;
	if (pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0 &&
	    pthread_cond_init(&wake, &attr) == 0) {
		stopping = 0;
		if (pthread_create(&reaper_thread, NULL, reaper, NULL) == 0)
			rc = 0, reaper_running = 1;
		else
			pthread_cond_destroy(&wake);
	}
	pthread_condattr_destroy(&attr);
	return rc;
}

void web_guard_stop(void)
{
	if (!reaper_running)
		return;
	pthread_mutex_lock(&lock);
	stopping = 1;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(reaper_thread, NULL);
	pthread_cond_destroy(&wake);
	reaper_running = 0;
}
