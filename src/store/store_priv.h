/*
 * store_priv.h: what the store's files share: the handle and the helpers
 * around SQLite. Nothing outside src/store/ includes this.
 */
#ifndef KNGG_STORE_PRIV_H
#define KNGG_STORE_PRIV_H

#include <sqlite3.h>

#include "kngg/store.h"
#include "util/util.h"

struct kngg_store {
	sqlite3 *db;
	char *path;
	int version;
	int in_tx;
	kngg_diag_fn diag;
	void *diag_ctx;
};

/* Reports one line through the store's diag. */
void store_report(kngg_store *st, const char *fmt, ...) KNGG_PRINTF(2, 3);
/* Maps an SQLite result to a kngg code, reporting unexpected failures. */
int store_sql_error(kngg_store *st, int rc, const char *what);
int store_prepare(kngg_store *st, const char *sql, sqlite3_stmt **stmt);
/* Binds text, or NULL when s is NULL. */
void store_bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* Binds an id, or NULL when it is 0. */
void store_bind_id(sqlite3_stmt *stmt, int i, int64_t id);
const char *store_col_text(sqlite3_stmt *stmt, int i);
/* Runs a statement that returns no rows; finalizes it. */
int store_run(kngg_store *st, sqlite3_stmt *stmt, const char *what);
int store_exec(kngg_store *st, const char *sql, const char *what);
int store_pragma_int(kngg_store *st, const char *sql, int *out);

/* chain.c */
/* SHA-256 over the free text of an event: value, data and note. */
void store_text_digest(const kngg_event *ev, unsigned char out[32]);
void store_digest_hex(const unsigned char d[32], char out[65]);
/* The chain hash of ev (id included) after prev, its text by digest. */
void store_event_hash(const unsigned char prev[32], const kngg_event *ev,
		      const unsigned char text_digest[32], unsigned char out[32]);
/* The last event and hash of the chain (0 and zeros when empty). */
int store_chain_head(kngg_store *st, int64_t *id, unsigned char hash[32]);
/* Moves the head to a newly appended event. */
int store_chain_append(kngg_store *st, int64_t id, const unsigned char hash[32]);
/* Computes note digests and hashes for every event (migration 1 -> 2). */
int store_chain_rebuild(kngg_store *st);

#endif
