/*
 * people.c: organisations and persons, the only tables with names of people.
 */
#include <string.h>

#include "store/store_priv.h"
#include "util/text.h"

/* ---- organisations -------------------------------------------------------- */

int kngg_store_org_add(kngg_store *st, const kngg_org *o, int64_t *id)
{
	int rc = store_run_sql(st, "INSERT INTO organisation(municipality, name, type, created_at) "
				   "VALUES (?1, ?2, ?3, ?4)", "toevoegen van een organisatie", "tttt",
			       o->municipality, o->name, o->type, o->created_at);

	if (rc < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_seal_row(st, "organisation", NULL, sqlite3_last_insert_rowid(st->db));
}

#define ORG_SELECT "SELECT id, municipality, name, type, created_at FROM organisation "

/* A row mapper's context: the caller's callback. */
struct org_walk {
	kngg_org_fn fn;
	void *ctx;
};

static int map_org(void *ctx, sqlite3_stmt *row)
{
	struct org_walk *w = ctx;
	kngg_org o = {sqlite3_column_int64(row, 0), store_col_text(row, 1), store_col_text(row, 2),
		      store_col_text(row, 3), store_col_text(row, 4), 0};

	return w->fn ? w->fn(w->ctx, &o) : 0;
}

/* Names match as people type them: case and accents aside (util/text.h). */
struct org_match {
	struct org_walk w;
	const char *name;
	int found;
};

static int map_org_match(void *ctx, sqlite3_stmt *row)
{
	struct org_match *m = ctx;

	if (m->found || !kngg_fold_eq((const char *)sqlite3_column_text(row, 2), m->name))
		return 0;
	m->found = 1;
	return map_org(&m->w, row);
}

int kngg_store_org_find(kngg_store *st, const char *municipality, const char *name,
			kngg_org_fn fn, void *ctx)
{
	struct org_match m = {{fn, ctx}, name, 0};
	/* the exact spelling first, should two names fold alike */
	int rc = store_query(st, ORG_SELECT "WHERE municipality = ?1 ORDER BY name = ?2 DESC, id",
			     "lezen van organisaties", map_org_match, &m, NULL, "tt", municipality,
			     name);

	return rc ? rc : m.found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_org_get(kngg_store *st, int64_t id, kngg_org_fn fn, void *ctx)
{
	struct org_walk w = {fn, ctx};
	int found, rc = store_query(st, ORG_SELECT "WHERE id = ?1", "lezen van organisaties",
				    map_org, &w, &found, "i", id);

	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_orgs(kngg_store *st, const char *municipality, kngg_org_fn fn, void *ctx)
{
	struct org_walk w = {fn, ctx};

	return store_query(st, ORG_SELECT "WHERE municipality = ?1 ORDER BY name",
			   "lezen van organisaties", map_org, &w, NULL, "t", municipality);
}

/* ---- persons -------------------------------------------------------------- */

int kngg_store_person_add(kngg_store *st, const kngg_person *p, int64_t *id)
{
	unsigned char salt[16];
	int rc;

	/* the salt of the row's seal (seal.c): erased with the name */
	randombytes_buf(salt, sizeof(salt));
	rc = store_run_sql(st, "INSERT INTO person(municipality, name, function, email, phone, "
			       "organisation_id, level, created_at, salt) "
			       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
			   "toevoegen van een persoon", "tttttIttb", p->municipality, p->name,
			   p->function, p->email, p->phone, p->org_id, p->level, p->created_at,
			   (const void *)salt, sizeof(salt));
	if (rc < 0)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return store_seal_row(st, "person", NULL, sqlite3_last_insert_rowid(st->db));
}

#define PERSON_SELECT                                                                      \
	"SELECT p.id, p.municipality, p.name, p.function, p.email, p.phone, "             \
	"p.organisation_id, o.name, o.type, p.level, p.created_at, p.erased_at "           \
	"FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id "

struct person_walk {
	kngg_person_fn fn;
	void *ctx;
};

static int map_person(void *ctx, sqlite3_stmt *row)
{
	struct person_walk *w = ctx;
	kngg_person p = {
		.id = sqlite3_column_int64(row, 0),
		.municipality = store_col_text(row, 1),
		.name = store_col_text(row, 2),
		.function = store_col_text(row, 3),
		.email = store_col_text(row, 4),
		.phone = store_col_text(row, 5),
		.org_id = sqlite3_column_int64(row, 6),
		.org = store_col_text(row, 7),
		.org_type = store_col_text(row, 8),
		.level = store_col_text(row, 9),
		.created_at = store_col_text(row, 10),
		.erased_at = store_col_text(row, 11),
	};

	return w->fn ? w->fn(w->ctx, &p) : 0;
}

int kngg_store_person_get(kngg_store *st, int64_t id, kngg_person_fn fn, void *ctx)
{
	struct person_walk w = {fn, ctx};
	int found, rc = store_query(st, PERSON_SELECT "WHERE p.id = ?1", "lezen van personen",
				    map_person, &w, &found, "i", id);

	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

struct person_match {
	struct person_walk w;
	const char *name;
};

static int map_person_match(void *ctx, sqlite3_stmt *row)
{
	struct person_match *m = ctx;

	if (!kngg_fold_eq((const char *)sqlite3_column_text(row, 2), m->name))
		return 0;
	return map_person(&m->w, row);
}

int kngg_store_person_find(kngg_store *st, const char *municipality, const char *name,
			   kngg_person_fn fn, void *ctx)
{
	struct person_match m = {{fn, ctx}, name};

	return store_query(st, PERSON_SELECT "WHERE p.municipality = ?1 AND p.name IS NOT NULL "
					     "ORDER BY p.id",
			   "lezen van personen", map_person_match, &m, NULL, "t", municipality);
}

int kngg_store_persons(kngg_store *st, const char *municipality, kngg_person_fn fn, void *ctx)
{
	struct person_walk w = {fn, ctx};

	return store_query(st, PERSON_SELECT "WHERE p.municipality = ?1 ORDER BY p.id",
			   "lezen van personen", map_person, &w, NULL, "t", municipality);
}

int kngg_store_person_register(kngg_store *st, const kngg_person *p)
{
	int rc = store_run_sql(st, "UPDATE person SET function = ?2, email = ?3, phone = ?4, "
				   "organisation_id = ?5, level = ?6 WHERE id = ?1 AND erased_at IS NULL",
			       "registreren van een persoon", "itttIt", p->id, p->function, p->email,
			       p->phone, p->org_id, p->level);

	if (rc < 0)
		return rc;
	return sqlite3_changes(st->db) ? store_seal_row(st, "person", NULL, p->id) : KNGG_ENOTFOUND;
}

int kngg_store_person_erase(kngg_store *st, int64_t id, const char *erased_at)
{
	int rc = store_run_sql(st, "UPDATE person SET name = NULL, function = NULL, email = NULL, "
				   "phone = NULL, salt = NULL, erased_at = ?2 "
				   "WHERE id = ?1 AND erased_at IS NULL",
			       "wissen van een persoon", "it", id, erased_at);

	if (rc < 0)
		return rc;
	return sqlite3_changes(st->db) ? store_seal_row(st, "person", NULL, id) : KNGG_ENOTFOUND;
}

int kngg_store_text_redact(kngg_store *st, int64_t event_id, const char *value,
			   const char *data, const char *note, char digest_hex[65])
{
	kngg_event ev = {0};
	unsigned char d[32];
	int rc = store_run_sql(st, "UPDATE event SET value = ?2, data = ?3, note = ?4 WHERE id = ?1",
			       "aanpassen van een tekst", "ittt", event_id, value, data, note);

	if (rc < 0)
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

struct code_walk {
	int (*fn)(void *ctx, const char *code);
	void *ctx;
};

static int map_code(void *ctx, sqlite3_stmt *row)
{
	struct code_walk *w = ctx;

	return w->fn(w->ctx, store_col_text(row, 0));
}

struct region_walk {
	int (*fn)(void *ctx, const char *region, int members);
	void *ctx;
};

static int map_region(void *ctx, sqlite3_stmt *row)
{
	struct region_walk *w = ctx;

	return w->fn(w->ctx, store_col_text(row, 0), sqlite3_column_int(row, 1));
}

int kngg_store_region_join(kngg_store *st, const char *region, const char *municipality,
			   const char *date)
{
	int rc = store_run_sql(st, "INSERT OR IGNORE INTO region(name, created_at) VALUES (?1, ?2)",
			       "toevoegen van een regio", "tt", region, date);

	if (rc < 0)
		return rc;
	return store_run_sql(st, "INSERT INTO region_member(region, municipality) VALUES (?1, ?2)",
			     "toevoegen aan een regio", "tt", region, municipality);
}

int kngg_store_region_members(kngg_store *st, const char *region,
			      int (*fn)(void *ctx, const char *code), void *ctx)
{
	struct code_walk w = {fn, ctx};
	int64_t found = 0;
	int rc = store_int64(st, "SELECT count(*) FROM region WHERE name = ?1", "lezen van een regio",
			     &found, "t", region);

	if (rc < 0)
		return rc;
	if (!found)
		return KNGG_ENOTFOUND;
	return store_query(st, "SELECT municipality FROM region_member WHERE region = ?1 "
			       "ORDER BY municipality", "lezen van een regio", map_code, &w, NULL,
			   "t", region);
}

int kngg_store_regions(kngg_store *st, int (*fn)(void *ctx, const char *region, int members),
		       void *ctx)
{
	struct region_walk w = {fn, ctx};

	return store_query(st, "SELECT r.name, (SELECT count(*) FROM region_member m "
			       "WHERE m.region = r.name) FROM region r ORDER BY r.name",
			   "lezen van regio's", map_region, &w, NULL, NULL);
}
