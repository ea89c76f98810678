/*
 * store.c: the only code that talks to SQLite. See include/kngg/store.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store_internal.h"
#include "store/store_priv.h"
#include "util/text.h"


extern const unsigned char kngg_schema_sql[];
extern const unsigned char kngg_schema2_sql[];
extern const unsigned char kngg_schema3_sql[];
extern const unsigned char kngg_schema4_sql[];
extern const unsigned char kngg_schema5_sql[];
extern const unsigned char kngg_schema6_sql[];
extern const unsigned char kngg_schema7_sql[];

/* ---- errors ----------------------------------------------------------- */

void store_report(kngg_store *st, const char *fmt, ...)
{
	kngg_buf b = {0};
	va_list ap;

	if (!st->diag)
		return;
	va_start(ap, fmt);
	kngg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	st->diag(st->diag_ctx, b.failed ? "onvoldoende geheugen" : kngg_buf_cstr(&b));
	kngg_buf_free(&b);
}

/* Maps an SQLite result to a kngg code, reporting unexpected failures.
 * Every message says in Dutch what happened and what to do; SQLite's own
 * English text only follows as a detail. */
int store_sql_error(kngg_store *st, int rc, const char *what)
{
	int primary = rc & 0xff;
	const char *detail = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);

	switch (primary) {
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
			return KNGG_EEXISTS;
		store_report(st, "databasefout bij %s: de gegevens passen niet in de database (%s)", what,
			     detail);
		return KNGG_EINVALID;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		store_report(st, "database '%s' is bezet door een ander proces; probeer het opnieuw",
			     st->path);
		return KNGG_EBUSY;
	case SQLITE_NOMEM:
		return KNGG_ENOMEM;
	case SQLITE_NOTADB:
		store_report(st, "'%s' is geen kngg-database", st->path);
		return KNGG_EINVALID;
	case SQLITE_CORRUPT:
		store_report(st, "database '%s' is beschadigd (bij %s); er is niets gewijzigd. "
			     "Controleer hem met 'kngg verify' en zet zo nodig een reservekopie terug",
			     st->path, what);
		return KNGG_EIO;
	case SQLITE_READONLY:
		store_report(st, "database '%s' kan alleen gelezen worden (bestand, map of schijf is "
			     "alleen-lezen); er is niets gewijzigd. Kopieer hem naar een map waarin je mag "
			     "schrijven of vraag schrijfrechten", st->path);
		return KNGG_EIO;
	case SQLITE_FULL:
		store_report(st, "de schijf is vol bij %s in '%s'; er is niets gewijzigd. Maak ruimte "
			     "vrij en probeer het opnieuw", what, st->path);
		return KNGG_EIO;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		store_report(st, "kan database '%s' niet openen of bijwerken (rechten op het bestand of "
			     "de map?); er is niets gewijzigd (%s)", st->path, detail);
		return KNGG_EIO;
	case SQLITE_IOERR:
		store_report(st, "schijffout bij %s in '%s'; er is niets gewijzigd. Controleer de schijf "
			     "en probeer het opnieuw (%s)", what, st->path, detail);
		return KNGG_EIO;
	default:
		store_report(st, "databasefout bij %s in '%s' (%s)", what, st->path, detail);
		return KNGG_ERROR;
	}
}

/* ---- statements: the per-connection cache and the query helper ------------- */

int store_prepare(kngg_store *st, const char *sql, sqlite3_stmt **stmt)
{
	int rc;

	for (int i = 0; i < st->ncache; i++) {
		struct store_cached *c = &st->cache[i];

		if (!c->busy && strcmp(sqlite3_sql(c->stmt), sql) == 0) {
			c->busy = 1;
			*stmt = c->stmt;
			return 0;
		}
	}
	/* SQLITE_PREPARE_PERSISTENT: kept for many uses */
	rc = sqlite3_prepare_v3(st->db, sql, -1,
				st->ncache < STORE_CACHE ? SQLITE_PREPARE_PERSISTENT : 0, stmt, NULL);
	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return store_sql_error(st, rc, "voorbereiden");
	}
	if (st->ncache < STORE_CACHE)
		st->cache[st->ncache++] = (struct store_cached){*stmt, 1};
	return 0;
}

void store_finalize(kngg_store *st, sqlite3_stmt *stmt)
{
	if (!stmt)
		return;
	for (int i = 0; i < st->ncache; i++) {
		if (st->cache[i].stmt == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			st->cache[i].busy = 0;
			return;
		}
	}
	store_finalize(st, stmt);
}

void store_cache_clear(kngg_store *st)
{
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	st->ncache = 0;
}

static int bind_args(sqlite3_stmt *stmt, const char *types, va_list ap)
{
	for (int i = 1; types && *types; types++, i++) {
		switch (*types) {
		case 't':
			store_bind_text(stmt, i, va_arg(ap, const char *));
			break;
		case 'i':
			sqlite3_bind_int64(stmt, i, va_arg(ap, int64_t));
			break;
		case 'I':
			store_bind_id(stmt, i, va_arg(ap, int64_t));
			break;
		case 'n':
			sqlite3_bind_int(stmt, i, va_arg(ap, int));
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t len = va_arg(ap, size_t);

			sqlite3_bind_blob(stmt, i, p, (int)len, SQLITE_TRANSIENT);
			break;
		}
		default:
			return -1;
		}
	}
	return 0;
}

static int prepare_bound(kngg_store *st, const char *sql, sqlite3_stmt **stmt,
			 const char *types, va_list ap)
{
	int rc = store_prepare(st, sql, stmt);

	if (rc < 0)
		return rc;
	if (bind_args(*stmt, types, ap) < 0) {
		store_finalize(st, *stmt);
		store_report(st, "interne fout: onbekend type in '%s'", types);
		return KNGG_ERROR;
	}
	return 0;
}

int store_walk(kngg_store *st, sqlite3_stmt *stmt, const char *what, store_row_fn map,
	       void *ctx, int *found)
{
	int rc, n = 0;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int r;

		n++;
		if (map && (r = map(ctx, stmt)) != 0) {
			store_finalize(st, stmt);
			if (found)
				*found = n;
			return r;
		}
	}
	store_finalize(st, stmt);
	if (found)
		*found = n;
	if (rc == SQLITE_DONE)
		return 0;
	return what ? store_sql_error(st, rc, what) : KNGG_EIO;
}

int store_query(kngg_store *st, const char *sql, const char *what, store_row_fn map, void *ctx,
		int *found, const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = prepare_bound(st, sql, &stmt, types, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	return store_walk(st, stmt, what, map, ctx, found);
}

int store_run_sql(kngg_store *st, const char *sql, const char *what, const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = prepare_bound(st, sql, &stmt, types, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	return store_run(st, stmt, what);
}

static int first_int64(void *ctx, sqlite3_stmt *row)
{
	*(int64_t *)ctx = sqlite3_column_int64(row, 0);
	return 1;
}

int store_int64(kngg_store *st, const char *sql, const char *what, int64_t *out,
		const char *types, ...)
{
	sqlite3_stmt *stmt;
	va_list ap;
	int rc;

	va_start(ap, types);
	rc = prepare_bound(st, sql, &stmt, types, ap);
	va_end(ap);
	if (rc < 0)
		return rc;
	rc = store_walk(st, stmt, what, first_int64, out, NULL);
	return rc == 1 ? 0 : rc < 0 ? rc : KNGG_ENOTFOUND;
}

/* Binds text, or NULL when s is NULL. */
void store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, i);
}

void store_bind_id(sqlite3_stmt *stmt, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(stmt, i, id);
	else
		sqlite3_bind_null(stmt, i);
}

const char *store_col_text(sqlite3_stmt *stmt, int i)
{
	return (const char *)sqlite3_column_text(stmt, i);
}

/* Runs a statement that returns no rows; finalizes it. */
int store_run(kngg_store *st, sqlite3_stmt *stmt, const char *what)
{
	int rc = sqlite3_step(stmt);

	store_finalize(st, stmt);
	if (rc != SQLITE_DONE)
		return store_sql_error(st, rc, what);
	return 0;
}

int store_exec(kngg_store *st, const char *sql, const char *what)
{
	char *msg = NULL;
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);

	sqlite3_free(msg);
	return rc == SQLITE_OK ? 0 : store_sql_error(st, rc, what);
}

int store_pragma_int(kngg_store *st, const char *sql, int *out)
{
	int64_t v = 0;
	int rc = store_int64(st, sql, "lezen van de kop", &v, NULL);

	*out = (int)v;
	/* a pragma or count always has its row */
	return rc == KNGG_ENOTFOUND ? store_sql_error(st, SQLITE_ERROR, "lezen van de kop") : rc;
}

/* ---- transactions ------------------------------------------------------- */

/* Small databases are checked (PRAGMA quick_check) before their first
 * write: it costs about 4-17 us a page (measured: 0.11 ms for a
 * one-municipality file of 30 pages, 175 ms for the national benchmark
 * file of 10,096), so up to 256 pages (1 MiB) it stays under ~5 ms, and a
 * damaged file is refused before anything is added to it.
 * Larger files rely on SQLite finding damage in the pages a write touches
 * (SQLITE_CORRUPT, reported and rolled back) and on `kngg verify`. */
#define QUICK_CHECK_PAGES 256

static int map_quick_check(void *ctx, sqlite3_stmt *row)
{
	(void)ctx;
	return strcmp(store_col_text(row, 0), "ok") == 0 ? 1 : 2;
}

static int quick_check(kngg_store *st)
{
	int rc;

	st->checked = 1;
	if (st->pages > QUICK_CHECK_PAGES) /* read with the header */
		return 0;
	rc = store_query(st, "PRAGMA quick_check(1)", "de controle voor het schrijven",
			 map_quick_check, NULL, NULL, NULL);
	if (rc == 2) /* not "ok": reported as damage */
		return store_sql_error(st, SQLITE_CORRUPT, "de controle voor het schrijven");
	return rc == 1 ? 0 : rc; /* errors are reported by the walk */
}

int kngg_store_begin(kngg_store *st)
{
	int rc;

	if (st->readonly) {
		store_report(st, "database '%s' kan alleen gelezen worden (%s); er is niets gewijzigd. "
			     "Kopieer hem naar een map waarin je mag schrijven of vraag schrijfrechten",
			     st->path, st->readonly_why);
		return KNGG_EIO;
	}
	if (st->batch && st->in_tx)
		return store_exec(st, "SAVEPOINT kngg_write", "starten van een transactie");
	if (!st->checked && (rc = quick_check(st)) < 0)
		return rc;
	rc = store_exec(st, "BEGIN IMMEDIATE", "starten van een transactie");
	if (rc == 0)
		st->in_tx = 1;
	kngg_buf_free(&st->pending);
	return rc;
}

int kngg_store_commit(kngg_store *st)
{
	int rc;

	/* a row written without an event would escape the chain (seal.c) */
	if (st->pending.len) {
		store_report(st, "interne fout: een registerwijziging zonder gebeurtenis; er is niets "
			     "vastgelegd");
		kngg_store_rollback(st);
		return KNGG_ERROR;
	}
	if (st->batch && st->in_tx)
		return store_exec(st, "RELEASE kngg_write", "vastleggen");
	if (kngg_test_fault("kill-before-commit"))
		raise(SIGKILL);
	rc = store_exec(st, "COMMIT", "vastleggen");
	if (rc == 0 && kngg_test_fault("kill-after-commit"))
		raise(SIGKILL);
	if (rc == 0) {
		st->in_tx = 0;
		st->commits++;
	} else {
		kngg_store_rollback(st);
	}
	return rc;
}

void kngg_store_rollback(kngg_store *st)
{
	if (st->batch && st->in_tx) {
		sqlite3_exec(st->db, "ROLLBACK TO kngg_write; RELEASE kngg_write", NULL, NULL, NULL);
		kngg_buf_free(&st->pending);
		return;
	}
	if (st->in_tx)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_tx = 0;
	kngg_buf_free(&st->pending);
}

int kngg_store_batch_begin(kngg_store *st)
{
	int rc;

	if (st->batch || st->in_tx) {
		store_report(st, "interne fout: een transactie in een transactie");
		return KNGG_ERROR;
	}
	if ((rc = kngg_store_begin(st)) == 0)
		st->batch = 1;
	return rc;
}

int kngg_store_batch_end(kngg_store *st, int commit)
{
	if (!st->batch)
		return 0;
	st->batch = 0;
	if (commit)
		return kngg_store_commit(st);
	kngg_store_rollback(st);
	return 0;
}

int kngg_store_take(kngg_store *st)
{
	int log = -1, done = -1, rc;

	/* exclusive locking mode: once the write lock below is taken it is
	 * kept until close, so no other process can read or write meanwhile */
	if ((rc = store_exec(st, "PRAGMA locking_mode = EXCLUSIVE", "vergrendelen")) < 0)
		return rc;
	sqlite3_busy_timeout(st->db, 5000);
	if ((rc = kngg_store_begin(st)) < 0 || (rc = kngg_store_commit(st)) < 0)
		goto done;
	rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc == SQLITE_OK && log == 0)
		rc = 0;
	else if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		rc = store_sql_error(st, SQLITE_BUSY, "vergrendelen");
	else
		rc = store_sql_error(st, rc, "verwerken van het WAL-bestand");
done:
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	return rc;
}

int64_t kngg_store_commits(const kngg_store *st)
{
	return st ? st->commits : 0;
}

static void utc_now(char out[21])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- open, migrate ------------------------------------------------------ */

/*
 * Migrations: migrations[i] brings a file from version i to i + 1. Each runs
 * in its own transaction together with the new user_version.
 */
const char *kngg_store_migration_sql(int from)
{
	switch (from) {
	case 0: return (const char *)kngg_schema_sql;
	case 1: return (const char *)kngg_schema2_sql;
	case 2: return (const char *)kngg_schema3_sql;
	case 3: return (const char *)kngg_schema4_sql;
	case 4: return (const char *)kngg_schema5_sql;
	case 5: return (const char *)kngg_schema6_sql;
	case 6: return (const char *)kngg_schema7_sql;
	default: return NULL;
	}
}

/* Migration 4 -> 5, after its SQL: the rows as they stand are sealed, one
 * register.seal event per municipality, and the head gets its count and
 * seal. */
struct seal_walk {
	kngg_store *st;
	const char *date;
};

static int map_seal(void *ctx, sqlite3_stmt *row)
{
	struct seal_walk *w = ctx;
	kngg_event ev = {0};
	int r;

	ev.date = w->date;
	ev.municipality = store_col_text(row, 0);
	ev.kind = KNGG_EV_REGISTER_SEAL;
	ev.defs_version = "schema-5";
	if ((r = store_seal_municipality(w->st, ev.municipality)) < 0 ||
	    (r = kngg_store_event_add(w->st, &ev, NULL)) < 0)
		return r;
	return 0;
}

static int seal_existing(kngg_store *st)
{
	char now[21], date[11];
	struct seal_walk w = {st, date};
	int rc;

	utc_now(now);
	snprintf(date, sizeof(date), "%.10s", now);
	if ((rc = store_query(st, "SELECT code FROM municipality ORDER BY code", "verzegelen", map_seal,
			      &w, NULL, NULL)) < 0)
		return rc;
	return store_chain_reseal(st);
}

/* One step, in one transaction. The version is read again under the write
 * lock: another process may have migrated the file meanwhile. */
static int migrate_step(kngg_store *st)
{
	char sql[96];
	const char *step;
	int version, rc;

	if ((rc = kngg_store_begin(st)) < 0)
		return rc;
	if ((rc = store_pragma_int(st, "PRAGMA user_version", &version)) < 0)
		goto fail;
	if (version != st->version) {
		st->version = version;
		kngg_store_rollback(st);
		return 0;
	}
	if (!(step = kngg_store_migration_sql(version))) {
		store_report(st, "geen migratie van schema %d", version);
		rc = KNGG_ERROR;
		goto fail;
	}
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d; PRAGMA application_id = %d;",
		 version + 1, KNGG_STORE_APPLICATION_ID);
	if ((rc = store_exec(st, step, "bijwerken van het schema")) < 0 ||
	    (version == 1 && (rc = store_chain_rebuild(st)) < 0) ||
	    (version == 4 && (rc = seal_existing(st)) < 0) ||
	    (rc = store_exec(st, sql, "bijwerken van het schema")) < 0 ||
	    (rc = kngg_store_commit(st)) < 0)
		goto fail;
	st->version = version + 1;
	return 0;
fail:
	kngg_store_rollback(st);
	return rc;
}

static int migrate(kngg_store *st)
{
	int rc;

	while (st->version < KNGG_STORE_SCHEMA_VERSION)
		if ((rc = migrate_step(st)) < 0)
			return rc;
	return 0;
}

static int configure(kngg_store *st)
{
	int on = 1, off = 0;

	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, on, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DDL, off, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DQS_DML, off, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, off, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_ENABLE_FKEY, on, NULL);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	sqlite3_extended_result_codes(st->db, 1);
	/* secure_delete: freed space is zeroed, so an erased name leaves no
	 * copy in the file (AVG) */
	return store_exec(st, "PRAGMA synchronous = FULL; PRAGMA secure_delete = ON", "instellen");
}

struct header {
	kngg_store *st;
	int app, tables;
};

static int map_header(void *ctx, sqlite3_stmt *row)
{
	struct header *h = ctx;

	h->app = sqlite3_column_int(row, 0);
	h->st->version = sqlite3_column_int(row, 1);
	h->tables = sqlite3_column_int(row, 2);
	h->st->pages = sqlite3_column_int64(row, 3);
	return 1;
}

static int check_header(kngg_store *st, int creating)
{
	struct header h = {st, 0, 0};
	int app, tables;
	/* one statement (each parse costs as much as the read) */
	int rc = store_query(st, "SELECT (SELECT application_id FROM pragma_application_id), "
				 "(SELECT user_version FROM pragma_user_version), "
				 "(SELECT count(*) FROM sqlite_schema), "
				 "(SELECT page_count FROM pragma_page_count)",
			     "lezen van de kop", map_header, &h, NULL, NULL);

	if (rc < 0)
		return rc;
	app = h.app;
	tables = h.tables;
	if (app == 0 && st->version == 0 && tables == 0 && creating)
		return 0;
	if (app != KNGG_STORE_APPLICATION_ID) {
		store_report(st, "'%s' is geen kngg-database", st->path);
		return KNGG_EINVALID;
	}
	if (st->version == 0 && tables > 0) {
		store_report(st, "'%s' is beschadigd: een kngg-database zonder schemaversie maar met tabellen",
		       st->path);
		return KNGG_EINVALID;
	}
	if (st->version > KNGG_STORE_SCHEMA_VERSION) {
		store_report(st, "'%s' is gemaakt door een nieuwere kngg (schema %d; deze kngg kent tot en met %d)",
		       st->path, st->version, KNGG_STORE_SCHEMA_VERSION);
		return KNGG_EINVALID;
	}
	return 0;
}

/* "file:PATH?QUERY" with the characters a URI gives meaning escaped. */
static char *file_uri(const char *path, const char *query)
{
	kngg_buf b = {0};

	kngg_buf_puts(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			kngg_buf_printf(&b, "%%%02X", (unsigned char)*p);
		else
			kngg_buf_put(&b, p, 1);
	}
	kngg_buf_printf(&b, "?%s", query);
	if (b.failed) {
		kngg_buf_free(&b);
		return NULL;
	}
	return b.ptr;
}

/* Opens st->db on path; query (or NULL) as a URI query. Then configures
 * it and checks its header. */
static int connect(kngg_store *st, const char *path, int oflags, const char *query, int creating)
{
	char *uri = NULL;
	int rc;

	if (st->db) {
		store_cache_clear(st);
		sqlite3_close_v2(st->db);
		st->db = NULL;
	}
	if (query && !(uri = file_uri(path, query)))
		return KNGG_ENOMEM;
	rc = sqlite3_open_v2(uri ? uri : path, &st->db,
			     oflags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE |
				     (uri ? SQLITE_OPEN_URI : 0),
			     NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (!st->db)
			return KNGG_ENOMEM;
		return store_sql_error(st, rc, "openen");
	}
	if ((rc = configure(st)) < 0 || (rc = check_header(st, creating)) < 0)
		return rc;
	return 0;
}

/* Why path cannot be written, or NULL when it can. */
static const char *unwritable(const char *path)
{
	kngg_buf dir = {0};
	const char *slash = strrchr(path, '/'), *why = NULL;

	if (slash)
		kngg_buf_put(&dir, path, slash == path ? 1 : (size_t)(slash - path));
	else
		kngg_buf_puts(&dir, ".");
	/* WAL needs to create -wal and -shm beside the file */
	if (!dir.failed && access(kngg_buf_cstr(&dir), W_OK | X_OK) != 0)
		why = errno == EROFS ? "de schijf is alleen-lezen" : "de map is alleen-lezen";
	else if (access(path, W_OK) != 0)
		why = errno == EROFS ? "de schijf is alleen-lezen" : "het bestand is alleen-lezen";
	kngg_buf_free(&dir);
	return why;
}

/* 1 when path's -wal holds frames not yet in the file. */
static int wal_has_frames(const char *path)
{
	char side[4096 + 8];
	struct stat sb;

	snprintf(side, sizeof(side), "%s-wal", path);
	return stat(side, &sb) == 0 && sb.st_size > 0;
}

static int open_existing(kngg_store *st, const char *path, int flags)
{
	int rc;

	if (flags & KNGG_STORE_READONLY)
		st->readonly_why = "alleen lezen gevraagd";
	else if ((st->readonly_why = unwritable(path)) == NULL) {
		rc = connect(st, path, SQLITE_OPEN_READWRITE, NULL, 0);
		if (rc == 0 || rc != KNGG_EIO)
			return rc;
		/* e.g. a mount that refuses writes without saying so in access() */
		st->readonly_why = "schrijven in de map of op de schijf lukt niet";
	}
	st->readonly = 1;
	kngg_store_set_diag(st, NULL, NULL);
	rc = connect(st, path, SQLITE_OPEN_READONLY, "mode=ro", 0);
	kngg_store_set_diag(st, st->open_diag, st->open_ctx);
	if (rc == KNGG_EIO && !wal_has_frames(path)) {
		/* reading WAL needs a -shm file nobody can create here; with no
		 * frames waiting in a -wal, the file alone is the whole database */
		rc = connect(st, path, SQLITE_OPEN_READONLY, "mode=ro&immutable=1", 0);
	} else if (rc == KNGG_EIO) {
		store_report(st, "kan database '%s' niet lezen: '%s-wal' bevat nog wijzigingen die "
			     "alleen in een schrijfbare map verwerkt kunnen worden (%s)",
			     path, path, st->readonly_why);
	}
	if (rc == 0 && st->version < KNGG_STORE_SCHEMA_VERSION) {
		store_report(st, "database '%s' heeft schema %d en moet worden bijgewerkt naar %d, maar kan "
			     "alleen gelezen worden (%s); open hem eenmaal op een schrijfbare plek",
			     path, st->version, KNGG_STORE_SCHEMA_VERSION, st->readonly_why);
		rc = KNGG_EIO;
	}
	return rc;
}

/* The -wal and -shm files beside path. */
static void remove_sides(const char *path)
{
	char side[4096 + 8];

	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

int kngg_store_open(kngg_store **out, const char *path, int flags, kngg_diag_fn diag,
		    void *ctx)
{
	kngg_store *st;
	kngg_buf real = {0};
	struct stat sb;
	int creating = flags & KNGG_STORE_CREATE, created = 0;
	int rc;

	*out = NULL;
	if (creating) {
		/* through a symlink: the file it names is created, the link stays */
		if ((rc = kngg_path_resolve(path, &real)) < 0) {
			kngg_diagf(diag, ctx, "'%s': te veel symbolische koppelingen", path);
			return rc;
		}
		if (lstat(real.ptr, &sb) == 0) {
			kngg_diagf(diag, ctx, "'%s' bestaat al", path);
			kngg_buf_free(&real);
			return KNGG_EEXISTS;
		}
	} else if (stat(path, &sb) != 0) {
		return KNGG_ENOTFOUND;
	} else if (!S_ISREG(sb.st_mode)) {
		kngg_diagf(diag, ctx, "'%s' is geen bestand", path);
		return KNGG_EINVALID;
	}
	st = calloc(1, sizeof(*st));
	if (!st || !(st->path = strdup(path))) {
		free(st);
		kngg_buf_free(&real);
		return KNGG_ENOMEM;
	}
	st->diag = st->open_diag = diag;
	st->diag_ctx = st->open_ctx = ctx;
	if (creating) {
		/* O_EXCL: a file that appeared since the check is not ours */
		int fd = open(real.ptr, O_WRONLY | O_CREAT | O_EXCL, 0666);

		if (fd < 0) {
			rc = errno == EEXIST ? KNGG_EEXISTS : KNGG_EIO;
			if (rc == KNGG_EEXISTS)
				kngg_diagf(diag, ctx, "'%s' bestaat al", path);
			else
				kngg_diagf(diag, ctx, "kan '%s' niet aanmaken: %s", path, strerror(errno));
			goto fail;
		}
		close(fd);
		created = 1;
		if ((rc = connect(st, real.ptr, SQLITE_OPEN_READWRITE, NULL, 1)) < 0 ||
		    (rc = store_exec(st, "PRAGMA journal_mode = WAL", "instellen")) < 0)
			goto fail;
	} else if ((rc = open_existing(st, path, flags)) < 0) {
		goto fail;
	}
	if (!st->readonly && (rc = migrate(st)) < 0)
		goto fail;
	st->commits = 0; /* a migration is not a write the caller made */
	kngg_buf_free(&real);
	*out = st;
	return 0;
fail:
	kngg_store_close(st);
	if (created) {
		unlink(real.ptr);
		remove_sides(real.ptr);
	}
	kngg_buf_free(&real);
	return rc;
}

void kngg_store_close(kngg_store *st)
{
	if (!st)
		return;
	kngg_store_rollback(st);
	store_cache_clear(st);
	sqlite3_close_v2(st->db);
	kngg_buf_free(&st->pending);
	free(st->path);
	free(st);
}

int kngg_store_is_readonly(const kngg_store *st)
{
	return st->readonly;
}

void kngg_store_set_diag(kngg_store *st, kngg_diag_fn diag, void *ctx)
{
	st->diag = diag;
	st->diag_ctx = ctx;
}

int kngg_store_schema_version(kngg_store *st)
{
	return st->version;
}

static int map_ok(void *ctx, sqlite3_stmt *row)
{
	(void)ctx;
	return strcmp(store_col_text(row, 0), "ok") == 0 ? 1 : KNGG_ERROR;
}

int kngg_store_check(kngg_store *st)
{
	int rc = store_query(st, "PRAGMA integrity_check", "de controle", map_ok, NULL, NULL, NULL);

	return rc == 1 ? 0 : KNGG_ERROR;
}

/* ---- municipalities ----------------------------------------------------- */

int kngg_store_municipality_add(kngg_store *st, const char *code, const char *name,
				const char *created_at)
{
	int rc = store_run_sql(st, "INSERT INTO municipality(code, name, created_at) VALUES (?1, ?2, ?3)",
			       "toevoegen van een gemeente", "ttt", code, name, created_at);

	if (rc < 0)
		return rc;
	return store_seal_row(st, "municipality", code, 0);
}

int kngg_store_municipality_rename(kngg_store *st, const char *code, const char *name)
{
	int rc = store_run_sql(st, "UPDATE municipality SET name = ?2 WHERE code = ?1",
			       "hernoemen van een gemeente", "tt", code, name);

	if (rc < 0)
		return rc;
	return sqlite3_changes(st->db) ? store_seal_row(st, "municipality", code, 0) : KNGG_ENOTFOUND;
}

struct municipality_walk {
	kngg_municipality_fn fn;
	void *ctx;
};

static int map_municipality(void *ctx, sqlite3_stmt *row)
{
	struct municipality_walk *w = ctx;
	kngg_municipality m = {store_col_text(row, 0), store_col_text(row, 1), store_col_text(row, 2)};

	return w->fn(w->ctx, &m);
}

int kngg_store_municipality_get(kngg_store *st, const char *code, kngg_municipality_fn fn,
				void *ctx)
{
	struct municipality_walk w = {fn, ctx};
	int found, rc = store_query(st, "SELECT code, name, created_at FROM municipality WHERE code = ?1",
				    "lezen van gemeenten", map_municipality, &w, &found, "t", code);

	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_municipalities(kngg_store *st, kngg_municipality_fn fn, void *ctx)
{
	struct municipality_walk w = {fn, ctx};

	return store_query(st, "SELECT code, name, created_at FROM municipality ORDER BY code",
			   "lezen van gemeenten", map_municipality, &w, NULL, NULL);
}

/* ---- areas and cycles ---------------------------------------------------- */

int kngg_store_area_add(kngg_store *st, const char *municipality, const char *name,
			const char *target_group, const char *created_at, int64_t *id)
{
	int rc = store_run_sql(st, "INSERT INTO area(municipality, name, target_group, created_at) "
				   "VALUES (?1, ?2, ?3, ?4)", "toevoegen van een gebied", "tttt",
			       municipality, name, target_group, created_at);

	if (rc < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_seal_row(st, "area", NULL, sqlite3_last_insert_rowid(st->db));
}

struct area_match {
	const char *name;
	int64_t *id;
	int found;
};

static int map_area_match(void *ctx, sqlite3_stmt *row)
{
	struct area_match *m = ctx;

	if (!m->found && kngg_fold_eq((const char *)sqlite3_column_text(row, 1), m->name)) {
		*m->id = sqlite3_column_int64(row, 0);
		m->found = 1;
	}
	return 0;
}

/* Names match as people type them: case and accents aside (util/text.h);
 * the exact spelling first, should two names fold alike. */
int kngg_store_area_find(kngg_store *st, const char *municipality, const char *name,
			 int64_t *id)
{
	struct area_match m = {name, id, 0};
	int rc = store_query(st, "SELECT id, name FROM area WHERE municipality = ?1 "
				 "ORDER BY name = ?2 DESC, id",
			     "zoeken van een gebied", map_area_match, &m, NULL, "tt", municipality,
			     name);

	return rc ? rc : m.found ? 0 : KNGG_ENOTFOUND;
}

struct area_walk {
	kngg_area_fn fn;
	void *ctx;
};

static int map_area(void *ctx, sqlite3_stmt *row)
{
	struct area_walk *w = ctx;
	kngg_area a = {sqlite3_column_int64(row, 0), store_col_text(row, 1), store_col_text(row, 2),
		       store_col_text(row, 3), store_col_text(row, 4)};

	return w->fn(w->ctx, &a);
}

int kngg_store_areas(kngg_store *st, const char *municipality, kngg_area_fn fn, void *ctx)
{
	struct area_walk w = {fn, ctx};

	return store_query(st, "SELECT id, municipality, name, target_group, created_at FROM area "
			       "WHERE ?1 IS NULL OR municipality = ?1 ORDER BY id",
			   "lezen van gebieden", map_area, &w, NULL, "t", municipality);
}

struct cycle_ref {
	int64_t *id;
	int *number;
};

static int map_cycle_ref(void *ctx, sqlite3_stmt *row)
{
	struct cycle_ref *c = ctx;

	*c->id = sqlite3_column_int64(row, 0);
	*c->number = sqlite3_column_int(row, 1);
	return 1;
}

/* A cycle counts unless its start was withdrawn (every cycle.start event
 * of it corrected): a start entered by mistake can be withdrawn. */
int kngg_store_cycle_current(kngg_store *st, const char *municipality, int phase,
			     int64_t *id, int *number)
{
	struct cycle_ref c = {id, number};
	int rc = store_query(st, "SELECT c.id, c.number FROM cycle c "
				 "WHERE c.municipality = ?1 AND c.phase = ?2 AND NOT ("
				 "EXISTS (SELECT 1 FROM event e WHERE e.municipality = ?1 "
				 "AND e.target = CAST(?2 AS TEXT) AND e.kind = 'cycle.start' "
				 "AND e.cycle_id = c.id) AND NOT EXISTS ("
				 "SELECT 1 FROM event e WHERE e.municipality = ?1 "
				 "AND e.target = CAST(?2 AS TEXT) AND e.kind = 'cycle.start' "
				 "AND e.cycle_id = c.id AND NOT EXISTS ("
				 "SELECT 1 FROM event x WHERE x.corrects = e.id))) "
				 "ORDER BY c.number DESC LIMIT 1",
			     "zoeken van een cyclus", map_cycle_ref, &c, NULL, "tn", municipality, phase);

	return rc == 1 ? 0 : rc < 0 ? rc : KNGG_ENOTFOUND;
}

/* The next cycle follows the latest one that stands; a withdrawn one with
 * that number is started again (same row: the rows are sealed, never
 * deleted, and a withdrawn cycle holds nothing that stands). */
int kngg_store_cycle_add(kngg_store *st, const char *municipality, int phase,
			 const char *started, int64_t *id, int *number)
{
	int64_t last_id;
	int last = 0, rc, again;
	struct cycle_ref c = {id, &again};

	rc = kngg_store_cycle_current(st, municipality, phase, &last_id, &last);
	if (rc < 0 && rc != KNGG_ENOTFOUND)
		return rc;
	rc = store_query(st, "SELECT id, number FROM cycle WHERE municipality = ?1 AND phase = ?2 "
			     "AND number = ?3",
			 "zoeken van een cyclus", map_cycle_ref, &c, NULL, "tnn", municipality, phase,
			 last + 1);
	if (rc < 0)
		return rc;
	if (rc == 1) {
		*number = last + 1;
		return 0;
	}
	if ((rc = store_run_sql(st, "INSERT INTO cycle(municipality, phase, number, started) "
				    "VALUES (?1, ?2, ?3, ?4)", "starten van een cyclus", "tnnt",
				municipality, phase, last + 1, started)) < 0)
		return rc;
	*id = sqlite3_last_insert_rowid(st->db);
	*number = last + 1;
	return store_seal_row(st, "cycle", NULL, *id);
}

struct cycle_walk {
	kngg_cycle_fn fn;
	void *ctx;
};

static int map_cycle(void *ctx, sqlite3_stmt *row)
{
	struct cycle_walk *w = ctx;
	kngg_cycle c = {sqlite3_column_int64(row, 0), sqlite3_column_int(row, 1),
			sqlite3_column_int(row, 2), store_col_text(row, 3)};

	return w->fn(w->ctx, &c);
}

int kngg_store_cycles(kngg_store *st, const char *municipality, kngg_cycle_fn fn, void *ctx)
{
	struct cycle_walk w = {fn, ctx};

	return store_query(st, "SELECT id, phase, number, started FROM cycle "
			       "WHERE ?1 IS NULL OR municipality = ?1 ORDER BY phase, number",
			   "lezen van cycli", map_cycle, &w, NULL, "t", municipality);
}

/* ---- the journal ---------------------------------------------------------- */


int kngg_store_event_add(kngg_store *st, const kngg_event *ev, int64_t *id)
{
	sqlite3_stmt *stmt;
	unsigned char prev[32], hash[32], digest[32];
	char now[21];
	kngg_event e = *ev;
	int64_t head_id, max_id = 0;
	int rc;

	if (!e.recorded_at) {
		utc_now(now);
		e.recorded_at = now;
	}
	if ((rc = store_chain_head(st, &head_id, prev)) < 0)
		return rc;
	if ((rc = store_int64(st, "SELECT coalesce(max(id), 0) FROM event", "lezen van het logboek",
			      &max_id, NULL)) < 0)
		return rc;
	/* past the head too: an id freed by deleting the newest row is not reused */
	e.id = (max_id > head_id ? max_id : head_id) + 1;
	/* the rows written since the last event ride on this one */
	e.seal = st->pending.len ? kngg_buf_cstr(&st->pending) : NULL;
	store_text_digest(&e, digest);
	store_event_hash(prev, &e, digest, hash);

	rc = store_prepare(st,
			   "INSERT INTO event(id, recorded_at, date, municipality, kind, target, "
			   "area_id, cycle_id, score, value, by_person, person_id, org_id, data, "
			   "corrects, note, text_digest, defs_version, hash, seal) VALUES (?1, ?2, ?3, "
			   "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
			   &stmt);
	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, e.id);
	store_bind_text(stmt, 2, e.recorded_at);
	store_bind_text(stmt, 3, e.date);
	store_bind_text(stmt, 4, e.municipality);
	store_bind_text(stmt, 5, e.kind);
	store_bind_text(stmt, 6, e.target);
	store_bind_id(stmt, 7, e.area_id);
	store_bind_id(stmt, 8, e.cycle_id);
	if (e.has_score)
		sqlite3_bind_int(stmt, 9, e.score);
	store_bind_text(stmt, 10, e.value);
	store_bind_id(stmt, 11, e.by_person);
	store_bind_id(stmt, 12, e.person_id);
	store_bind_id(stmt, 13, e.org_id);
	store_bind_text(stmt, 14, e.data);
	store_bind_id(stmt, 15, e.corrects);
	store_bind_text(stmt, 16, e.note);
	sqlite3_bind_blob(stmt, 17, digest, sizeof(digest), SQLITE_TRANSIENT);
	store_bind_text(stmt, 18, e.defs_version);
	sqlite3_bind_blob(stmt, 19, hash, sizeof(hash), SQLITE_TRANSIENT);
	store_bind_text(stmt, 20, e.seal);
	if ((rc = store_run(st, stmt, "vastleggen van een gebeurtenis")) < 0 ||
	    (rc = store_chain_append(st, e.id, hash)) < 0)
		return rc;
	kngg_buf_free(&st->pending);
	if (id)
		*id = e.id;
	return 0;
}

/* What every walk reads: the event, names of its area, cycle, persons and
 * organisation, and the correction that withdrew it. idx follows FROM: ""
 * (the planner's choice) or an INDEXED BY clause. */
#define EVENT_SELECT_BY(idx)                                                               \
	"SELECT e.id, e.recorded_at, e.date, e.municipality, e.kind, e.target, "          \
	"e.area_id, a.name, e.cycle_id, c.phase, c.number, e.score, e.value, "             \
	"e.by_person, bp.name, bp.erased_at, e.person_id, pp.name, pp.erased_at, "         \
	"e.org_id, o.name, e.data, e.corrects, x.id, x.date, "                             \
	"e.note, e.defs_version FROM event e " idx                                         \
	"LEFT JOIN area a ON a.id = e.area_id LEFT JOIN cycle c ON c.id = e.cycle_id "     \
	"LEFT JOIN person bp ON bp.id = e.by_person "                                      \
	"LEFT JOIN person pp ON pp.id = e.person_id "                                      \
	"LEFT JOIN organisation o ON o.id = e.org_id "                                     \
	"LEFT JOIN event x ON x.corrects = e.id "
#define EVENT_SELECT EVENT_SELECT_BY("")

/* The same columns for reviews of the whole country, without any join:
 * names, cycle numbers, corrections, recorded_at, defs_version and the
 * note are NULL
 * (the ids are there) and
 * the caller resolves them from the small tables, so that every row costs
 * one sequential read and nothing more. */
#define EVENT_SELECT_LEAN                                                                  \
	"SELECT e.id, NULL, e.date, e.municipality, e.kind, e.target, "                    \
	"e.area_id, NULL, e.cycle_id, NULL, NULL, e.score, e.value, "                      \
	"e.by_person, NULL, NULL, e.person_id, NULL, NULL, "                               \
	"e.org_id, NULL, e.data, e.corrects, NULL, NULL, "                                 \
	"NULL, NULL FROM event e "

/* The two forms of the walk: with a target the planner must use
 * event_by_target (one step's few rows), without it event_journal (already
 * in order, and covering: no table look-ups). One query with "?4 IS NULL OR
 * target = ?4" would always pick the latter and read the municipality's
 * whole history for one step. */
#define EVENT_WHERE                                                                        \
	"WHERE e.municipality = ?1 AND (?2 IS NULL OR e.date >= ?2) "                      \
	"AND (?3 IS NULL OR e.date <= ?3) AND (?5 IS NULL OR e.kind = ?5) "                \
	"AND (?6 IS NULL OR e.person_id = ?6 OR e.by_person = ?6) "

struct event_walk {
	kngg_event_fn fn;
	void *ctx;
};

static int map_event(void *ctx, sqlite3_stmt *stmt)
{
	struct event_walk *w = ctx;
	kngg_event ev = {0};

	ev.id = sqlite3_column_int64(stmt, 0);
	ev.recorded_at = store_col_text(stmt, 1);
	ev.date = store_col_text(stmt, 2);
	ev.municipality = store_col_text(stmt, 3);
	ev.kind = store_col_text(stmt, 4);
	ev.target = store_col_text(stmt, 5);
	ev.area_id = sqlite3_column_int64(stmt, 6);
	ev.area = store_col_text(stmt, 7);
	ev.cycle_id = sqlite3_column_int64(stmt, 8);
	ev.cycle_phase = sqlite3_column_int(stmt, 9);
	ev.cycle_number = sqlite3_column_int(stmt, 10);
	ev.has_score = sqlite3_column_type(stmt, 11) != SQLITE_NULL;
	ev.score = sqlite3_column_int(stmt, 11);
	ev.value = store_col_text(stmt, 12);
	ev.by_person = sqlite3_column_int64(stmt, 13);
	ev.by = store_col_text(stmt, 14);
	ev.by_erased = sqlite3_column_type(stmt, 15) != SQLITE_NULL;
	ev.person_id = sqlite3_column_int64(stmt, 16);
	ev.person = store_col_text(stmt, 17);
	ev.person_erased = sqlite3_column_type(stmt, 18) != SQLITE_NULL;
	ev.org_id = sqlite3_column_int64(stmt, 19);
	ev.org = store_col_text(stmt, 20);
	ev.data = store_col_text(stmt, 21);
	ev.corrects = sqlite3_column_int64(stmt, 22);
	ev.corrected_by = sqlite3_column_int64(stmt, 23);
	ev.corrected_on = store_col_text(stmt, 24);
	ev.note = store_col_text(stmt, 25);
	ev.defs_version = store_col_text(stmt, 26);
	return w->fn(w->ctx, &ev);
}

static int walk_events(kngg_store *st, sqlite3_stmt *stmt, kngg_event_fn fn, void *ctx,
		       int *found)
{
	struct event_walk w = {fn, ctx};

	return store_walk(st, stmt, "lezen van het logboek", map_event, &w, found);
}

int kngg_store_events_where(kngg_store *st, const kngg_event_filter *f, kngg_event_fn fn,
			    void *ctx)
{
	sqlite3_stmt *stmt;
	/* one step's few rows: by event_by_target, or the planner would read
	 * the whole journal through the covering event_journal */
	static const char by_target[] = EVENT_SELECT_BY("INDEXED BY event_by_target ")
		EVENT_WHERE "AND e.target = ?4 ORDER BY e.date, e.id";
	static const char all[] = EVENT_SELECT EVENT_WHERE "ORDER BY e.date, e.id";
	int found, rc = store_prepare(st, f->target ? by_target : all, &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, f->municipality);
	store_bind_text(stmt, 2, f->since);
	store_bind_text(stmt, 3, f->until);
	if (f->target)
		store_bind_text(stmt, 4, f->target);
	store_bind_text(stmt, 5, f->kind);
	store_bind_id(stmt, 6, f->person_id);
	return walk_events(st, stmt, fn, ctx, &found);
}

int kngg_store_events_of(kngg_store *st, const char *municipality, const char *target,
			 kngg_event_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	/* the lean columns and the correction that withdrew each: what a
	 * write checks a step or item against, at a fraction of the full
	 * walk's cost to prepare */
	int found, rc = store_prepare(st,
			"SELECT e.id, NULL, e.date, e.municipality, e.kind, e.target, e.area_id, NULL, "
			"e.cycle_id, NULL, NULL, e.score, e.value, e.by_person, NULL, NULL, e.person_id, "
			"NULL, NULL, e.org_id, NULL, e.data, e.corrects, x.id, x.date, NULL, NULL "
			"FROM event e INDEXED BY event_by_target "
			"LEFT JOIN event x ON x.corrects = e.id "
			"WHERE e.municipality = ?1 AND e.target = ?2 ORDER BY e.date, e.id",
			&stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, municipality);
	store_bind_text(stmt, 2, target);
	return walk_events(st, stmt, fn, ctx, &found);
}

int kngg_store_events(kngg_store *st, const char *municipality, const char *target,
		      const char *since, const char *until, kngg_event_fn fn, void *ctx)
{
	kngg_event_filter f = {municipality, target, NULL, 0, since, until};

	return kngg_store_events_where(st, &f, fn, ctx);
}

int kngg_store_events_all(kngg_store *st, const char *until, kngg_event_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	/* event_journal holds every column read here, in this order: one
	 * sequential pass over the index, no table look-up, no sort */
	int found, rc = store_prepare(st, EVENT_SELECT_LEAN "INDEXED BY event_journal "
					  "WHERE (?1 IS NULL OR e.date <= ?1) "
					  "ORDER BY e.municipality, e.date, e.id", &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, until);
	return walk_events(st, stmt, fn, ctx, &found);
}

int kngg_store_event_get(kngg_store *st, int64_t id, kngg_event_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, EVENT_SELECT "WHERE e.id = ?1", &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = walk_events(st, stmt, fn, ctx, &found);
	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_event_last(kngg_store *st, int64_t *id)
{
	return store_int64(st, "SELECT coalesce(max(id), 0) FROM event", "lezen van het logboek",
			   id, NULL);
}

int64_t kngg_store_event_count(kngg_store *st)
{
	int64_t n = -1;

	return store_int64(st, "SELECT count(*) FROM event", "lezen van het logboek", &n, NULL) < 0
		       ? -1 : n;
}
