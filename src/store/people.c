/*
 * people.c: organisations and persons, the only tables with names of people.
 */
#include <string.h>

#include "store/store_priv.h"

/* ---- organisations -------------------------------------------------------- */

int kngg_store_org_add(kngg_store *st, const kngg_org *o, int64_t *id)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "INSERT INTO organisation(municipality, name, type, created_at) "
			       "VALUES (?1, ?2, ?3, ?4)",
			       &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, o->municipality);
	store_bind_text(stmt, 2, o->name);
	store_bind_text(stmt, 3, o->type);
	store_bind_text(stmt, 4, o->created_at);
	if ((rc = store_run(st, stmt, "toevoegen van een organisatie")) < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_seal_row(st, "organisation", NULL, sqlite3_last_insert_rowid(st->db));
}

#define ORG_SELECT "SELECT id, municipality, name, type, created_at FROM organisation "

static int walk_orgs(kngg_store *st, sqlite3_stmt *stmt, kngg_org_fn fn, void *ctx, int *found)
{
	int rc;

	*found = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kngg_org o = {sqlite3_column_int64(stmt, 0), store_col_text(stmt, 1),
			      store_col_text(stmt, 2), store_col_text(stmt, 3),
			      store_col_text(stmt, 4), 0};
		int r;

		(*found)++;
		if (fn && (r = fn(ctx, &o)) != 0) {
			sqlite3_finalize(stmt);
			return r;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_sql_error(st, rc, "lezen van organisaties");
}

int kngg_store_org_find(kngg_store *st, const char *municipality, const char *name,
			kngg_org_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, ORG_SELECT "WHERE municipality = ?1 AND name = ?2", &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, municipality);
	store_bind_text(stmt, 2, name);
	rc = walk_orgs(st, stmt, fn, ctx, &found);
	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_org_get(kngg_store *st, int64_t id, kngg_org_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, ORG_SELECT "WHERE id = ?1", &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = walk_orgs(st, stmt, fn, ctx, &found);
	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_orgs(kngg_store *st, const char *municipality, kngg_org_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, ORG_SELECT "WHERE municipality = ?1 ORDER BY name", &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, municipality);
	return walk_orgs(st, stmt, fn, ctx, &found);
}

/* ---- persons -------------------------------------------------------------- */

int kngg_store_person_add(kngg_store *st, const kngg_person *p, int64_t *id)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "INSERT INTO person(municipality, name, function, email, phone, "
			       "organisation_id, level, created_at, salt) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			       &stmt);
	unsigned char salt[16];

	if (rc < 0)
		return rc;
	/* the salt of the row's seal (seal.c): erased with the name */
	randombytes_buf(salt, sizeof(salt));
	sqlite3_bind_blob(stmt, 9, salt, sizeof(salt), SQLITE_TRANSIENT);
	store_bind_text(stmt, 1, p->municipality);
	store_bind_text(stmt, 2, p->name);
	store_bind_text(stmt, 3, p->function);
	store_bind_text(stmt, 4, p->email);
	store_bind_text(stmt, 5, p->phone);
	store_bind_id(stmt, 6, p->org_id);
	store_bind_text(stmt, 7, p->level);
	store_bind_text(stmt, 8, p->created_at);
	if ((rc = store_run(st, stmt, "toevoegen van een persoon")) < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_seal_row(st, "person", NULL, sqlite3_last_insert_rowid(st->db));
}

#define PERSON_SELECT                                                                      \
	"SELECT p.id, p.municipality, p.name, p.function, p.email, p.phone, "             \
	"p.organisation_id, o.name, o.type, p.level, p.created_at, p.erased_at "           \
	"FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "

static int walk_persons(kngg_store *st, sqlite3_stmt *stmt, kngg_person_fn fn, void *ctx,
			int *found)
{
	int rc;

	*found = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kngg_person p = {
			.id = sqlite3_column_int64(stmt, 0),
			.municipality = store_col_text(stmt, 1),
			.name = store_col_text(stmt, 2),
			.function = store_col_text(stmt, 3),
			.email = store_col_text(stmt, 4),
			.phone = store_col_text(stmt, 5),
			.org_id = sqlite3_column_int64(stmt, 6),
			.org = store_col_text(stmt, 7),
			.org_type = store_col_text(stmt, 8),
			.level = store_col_text(stmt, 9),
			.created_at = store_col_text(stmt, 10),
			.erased_at = store_col_text(stmt, 11),
		};
		int r;

		(*found)++;
		if (fn && (r = fn(ctx, &p)) != 0) {
			sqlite3_finalize(stmt);
			return r;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_sql_error(st, rc, "lezen van personen");
}

int kngg_store_person_get(kngg_store *st, int64_t id, kngg_person_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, PERSON_SELECT "WHERE p.id = ?1", &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	rc = walk_persons(st, stmt, fn, ctx, &found);
	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_person_find(kngg_store *st, const char *municipality, const char *name,
			   kngg_person_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, PERSON_SELECT "WHERE p.municipality = ?1 AND p.name = ?2 "
					  "ORDER BY p.id", &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, municipality);
	store_bind_text(stmt, 2, name);
	return walk_persons(st, stmt, fn, ctx, &found);
}

int kngg_store_persons(kngg_store *st, const char *municipality, kngg_person_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, PERSON_SELECT "WHERE p.municipality = ?1 ORDER BY p.id",
				      &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, municipality);
	return walk_persons(st, stmt, fn, ctx, &found);
}

int kngg_store_person_register(kngg_store *st, const kngg_person *p)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "UPDATE person SET function = ?2, email = ?3, phone = ?4, "
			       "organisation_id = ?5, level = ?6 WHERE id = ?1 AND erased_at IS NULL",
			       &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, p->id);
	store_bind_text(stmt, 2, p->function);
	store_bind_text(stmt, 3, p->email);
	store_bind_text(stmt, 4, p->phone);
	store_bind_id(stmt, 5, p->org_id);
	store_bind_text(stmt, 6, p->level);
	if ((rc = store_run(st, stmt, "registreren van een persoon")) < 0)
		return rc;
	return sqlite3_changes(st->db) ? store_seal_row(st, "person", NULL, p->id) : KNGG_ENOTFOUND;
}

int kngg_store_person_erase(kngg_store *st, int64_t id, const char *erased_at)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "UPDATE person SET name = NULL, function = NULL, email = NULL, "
			       "phone = NULL, salt = NULL, erased_at = ?2 "
			       "WHERE id = ?1 AND erased_at IS NULL",
			       &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	store_bind_text(stmt, 2, erased_at);
	if ((rc = store_run(st, stmt, "wissen van een persoon")) < 0)
		return rc;
	return sqlite3_changes(st->db) ? store_seal_row(st, "person", NULL, id) : KNGG_ENOTFOUND;
}

int kngg_store_text_redact(kngg_store *st, int64_t event_id, const char *value,
			   const char *data, const char *note, char digest_hex[65])
{
	sqlite3_stmt *stmt;
	kngg_event ev = {0};
	unsigned char d[32];
	int rc = store_prepare(st, "UPDATE event SET value = ?2, data = ?3, note = ?4 WHERE id = ?1",
			       &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, event_id);
	store_bind_text(stmt, 2, value);
	store_bind_text(stmt, 3, data);
	store_bind_text(stmt, 4, note);
	if ((rc = store_run(st, stmt, "aanpassen van een tekst")) < 0)
		return rc;
	if (!sqlite3_changes(st->db))
		return KNGG_ENOTFOUND;
	ev.value = value;
	ev.data = data;
	ev.note = note;
	store_text_digest(&ev, d);
	store_digest_hex(d, digest_hex);
	return 0;
}

/* How long an erase waits for readers that still see the old pages. */
#define SCRUB_WAIT_MS 5000

int kngg_store_scrub(kngg_store *st)
{
	int log = -1, done = -1, rc;

	/* TRUNCATE waits (busy handler) for writers and for readers of the
	 * old pages, copies everything into the file and empties the -wal;
	 * a reader that stays longer keeps the -wal as it is */
	sqlite3_busy_timeout(st->db, SCRUB_WAIT_MS);
	rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	if (rc == SQLITE_OK && log == 0)
		return 0;
	if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return KNGG_EBUSY;
	return store_sql_error(st, rc, "opschonen van het WAL-bestand");
}

/* ---- regions ------------------------------------------------------------------ */

int kngg_store_region_join(kngg_store *st, const char *region, const char *municipality,
			   const char *date)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st, "INSERT OR IGNORE INTO region(name, created_at) VALUES (?1, ?2)",
			       &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, region);
	store_bind_text(stmt, 2, date);
	if ((rc = store_run(st, stmt, "toevoegen van een regio")) < 0)
		return rc;
	if ((rc = store_prepare(st, "INSERT INTO region_member(region, municipality) VALUES (?1, ?2)",
				&stmt)) < 0)
		return rc;
	store_bind_text(stmt, 1, region);
	store_bind_text(stmt, 2, municipality);
	return store_run(st, stmt, "toevoegen aan een regio");
}

int kngg_store_region_members(kngg_store *st, const char *region,
			      int (*fn)(void *ctx, const char *code), void *ctx)
{
	sqlite3_stmt *stmt;
	int rc, found = 0;

	if ((rc = store_prepare(st, "SELECT count(*) FROM region WHERE name = ?1", &stmt)) < 0)
		return rc;
	store_bind_text(stmt, 1, region);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		found = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	if (!found)
		return KNGG_ENOTFOUND;
	if ((rc = store_prepare(st, "SELECT municipality FROM region_member WHERE region = ?1 "
				    "ORDER BY municipality", &stmt)) < 0)
		return rc;
	store_bind_text(stmt, 1, region);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int r = fn(ctx, store_col_text(stmt, 0));

		if (r) {
			sqlite3_finalize(stmt);
			return r;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_sql_error(st, rc, "lezen van een regio");
}

int kngg_store_regions(kngg_store *st, int (*fn)(void *ctx, const char *region, int members),
		       void *ctx)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "SELECT r.name, (SELECT count(*) FROM region_member m "
			       "WHERE m.region = r.name) FROM region r ORDER BY r.name",
			       &stmt);

	if (rc < 0)
		return rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int r = fn(ctx, store_col_text(stmt, 0), sqlite3_column_int(stmt, 1));

		if (r) {
			sqlite3_finalize(stmt);
			return r;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_sql_error(st, rc, "lezen van regio's");
}
