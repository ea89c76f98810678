/*
 * store_priv.h: what the store's files share: the handle and the helpers
 * around SQLite. Nothing outside src/store/ includes this.
 */
#ifndef KNGG_STORE_PRIV_H
#define KNGG_STORE_PRIV_H

#include <sqlite3.h>
#include <sodium.h>

#include "kngg/sys/store.h"
#include "util/util.h"

/* How long a statement waits for another process's lock. */
#define BUSY_TIMEOUT_MS 30000

/* Prepared statements kept for the life of a connection (store_prepare):
 * the web server's threads each have their own connection, so a cache per
 * connection needs no lock. */
#define STORE_CACHE 64

struct store_cached {
	sqlite3_stmt *stmt;
	int busy; /* handed out and not yet given back by store_finalize */
};

struct kngg_store {
	sqlite3 *db;
	struct store_cached cache[STORE_CACHE];
	int ncache;
	char *path;
	int version;
	int in_tx;
	int batch;       /* kngg_store_batch_begin: writes nest as savepoints */
	int64_t commits;   /* write transactions committed through this handle */
	int checked;       /* quick_check done before the first write */
	int64_t pages;     /* the file's size in pages when opened */
	int readonly;      /* opened read-only (flag, or file/directory not writable) */
	const char *readonly_why;
	kngg_buf pending;  /* row seals waiting for the next event (seal.c) */
	kngg_diag_fn diag;
	void *diag_ctx;
	kngg_diag_fn open_diag; /* as given to open, for retries */
	void *open_ctx;
};

/* Reports one line through the store's diag. */
void store_report(kngg_store *st, const char *fmt, ...) KNGG_PRINTF(2, 3);
/* Maps an SQLite result to a kngg code, reporting unexpected failures. */
int store_sql_error(kngg_store *st, int rc, const char *what);
/*
 * A prepared statement for sql, from the connection's cache when the same
 * SQL text was prepared before and is not in use (a nested walk of the same
 * query gets a statement of its own). Give it back with store_finalize(),
 * never sqlite3_finalize().
 */
int store_prepare(kngg_store *st, const char *sql, sqlite3_stmt **stmt);
/* Gives a statement back: reset and kept if cached, else finalized. NULL is
 * ignored. */
void store_finalize(kngg_store *st, sqlite3_stmt *stmt);
/* Finalizes every cached statement (before the connection closes, and
 * after a schema change). */
void store_cache_clear(kngg_store *st);

/*
 * The query helper. Binds one argument per character of types, in order:
 *   t  const char * (NULL binds NULL)   i  int64_t
 *   I  int64_t id (0 binds NULL)        n  int
 *   b  const void *, size_t: a blob
 * then steps: store_query() calls map for every row (a non-zero return
 * stops the walk and is returned), counting rows in *found (may be NULL);
 * store_run_sql() expects no rows; store_int64() reads the first column of
 * the first row (KNGG_ENOTFOUND when there is none). what names the work in
 * an error message ("lezen van organisaties"); with what NULL an SQLite error
 * is not reported but returned as KNGG_EIO (sqlite3_errmsg() tells it).
 */
typedef int (*store_row_fn)(void *ctx, sqlite3_stmt *row);
int store_query(kngg_store *st, const char *sql, const char *what, store_row_fn map, void *ctx,
		int *found, const char *types, ...);
int store_run_sql(kngg_store *st, const char *sql, const char *what, const char *types, ...);
int store_int64(kngg_store *st, const char *sql, const char *what, int64_t *out,
		const char *types, ...);
/* Walks a prepared, bound statement through map; gives it back. */
int store_walk(kngg_store *st, sqlite3_stmt *stmt, const char *what, store_row_fn map,
	       void *ctx, int *found);
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
/* Recomputes the head's count and seal (migration 4 -> 5). */
int store_chain_reseal(kngg_store *st);
/* Computes note digests and hashes for every event (migration 1 -> 2). */
int store_chain_rebuild(kngg_store *st);
/* Feeds one field into a hash: name, then 0x00 for NULL or 0x01, an
 * 8-byte big-endian length and the bytes. */
void store_hash_put(crypto_hash_sha256_state *h, const char *name, const void *p, size_t len,
		    int is_null);
/* Fills r with the first problem verify found; returns KNGG_EINVALID. */
int store_verify_bad(kngg_verify_result *r, int64_t id, const char *fmt, ...) KNGG_PRINTF(3, 4);

/* seal.c */
/* Adds the digest of one row (table "municipality" by code, others by id)
 * to the seals pending for the next event. */
int store_seal_row(kngg_store *st, const char *table, const char *code, int64_t id);
/* Adds every row of one municipality (migration 4 -> 5). */
int store_seal_municipality(kngg_store *st, const char *code);
/* The seals found in the chain while verifying. */
typedef struct {
	struct seal_entry *list;
	size_t n, cap;
} store_seals;
/* Adds the seals of one event's seal text; KNGG_EINVALID when malformed. */
int store_seals_add(store_seals *s, const char *text, int64_t event);
/* Compares every sealed table with the latest seals. */
int store_seals_check(kngg_store *st, store_seals *s, kngg_verify_result *r);
void store_seals_free(store_seals *s);

#endif
