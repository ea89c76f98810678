/*
 * test_store.c: the store: opening and refusing files, migrations from every
 * older schema version, and each table's reads and writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "kngg/sys/store.h"
#include "store/store_internal.h"
#include "util/util.h"

typedef struct {
	char dir[64];
	char path[128];
	kngg_buf diag;
	kngg_store *st;
} fixture;

static void collect(void *ctx, const char *msg)
{
	kngg_buf_printf(&((fixture *)ctx)->diag, "%s\n", msg);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));

	strcpy(fx->dir, "/tmp/kngg-store-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/t.db", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	char cmd[128];

	kngg_store_close(fx->st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd) != 0)
		return -1;
	kngg_buf_free(&fx->diag);
	free(fx);
	return 0;
}

static int sql_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	int v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static void sql_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void create(fixture *fx)
{
	assert_int_equal(kngg_store_open(&fx->st, fx->path, KNGG_STORE_CREATE, collect, fx), 0);
}

/* An event that carries the seals of the rows written before it: the
 * store refuses to commit a row change without one. */
static void add_event(fixture *fx, const char *code, const char *kind)
{
	kngg_event ev = {0};

	ev.municipality = code;
	ev.defs_version = "2021.1";
	ev.kind = kind;
	ev.date = "2026-01-01";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
}

/* ---- opening ------------------------------------------------------------ */

static void missing_file_is_not_created(void **state)
{
	fixture *fx = *state;

	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), KNGG_ENOTFOUND);
	assert_null(fx->st);
	assert_int_not_equal(access(fx->path, F_OK), 0);
}

static void create_stamps_and_versions(void **state)
{
	fixture *fx = *state;

	create(fx);
	assert_int_equal(kngg_store_schema_version(fx->st), KNGG_STORE_SCHEMA_VERSION);
	kngg_store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(sql_int(fx->path, "PRAGMA application_id"), KNGG_STORE_APPLICATION_ID);
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), KNGG_STORE_SCHEMA_VERSION);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1);
	/* reopen, and create again is refused */
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), 0);
	kngg_store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(kngg_store_open(&fx->st, fx->path, KNGG_STORE_CREATE, collect, fx),
			 KNGG_EEXISTS);
}

static void foreign_files_refused(void **state)
{
	fixture *fx = *state;
	FILE *f = fopen(fx->path, "w");

	fputs("geen database\n", f);
	fclose(f);
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "geen kngg-database"));
	unlink(fx->path);
	sql_exec(fx->path, "CREATE TABLE boodschappen(x)");
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), KNGG_EINVALID);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema"), 1);
}

static void newer_version_refused(void **state)
{
	fixture *fx = *state;

	create(fx);
	kngg_store_close(fx->st);
	fx->st = NULL;
	sql_exec(fx->path, "PRAGMA user_version = 99");
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "nieuwere kngg"));
	assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), 99);
}

/*
 * For every older version v: build a file at v with the migrations up to v,
 * put a row in it where the schema allows, open it, and check that it is at
 * the current version with the row kept.
 */
static void migrates_from_every_older_version(void **state)
{
	fixture *fx = *state;

	for (int v = 0; v < KNGG_STORE_SCHEMA_VERSION; v++) {
		char sql[128];

		unlink(fx->path);
		snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", KNGG_STORE_APPLICATION_ID);
		sql_exec(fx->path, sql);
		for (int m = 0; m < v; m++) {
			sql_exec(fx->path, kngg_store_migration_sql(m));
			snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", m + 1);
			sql_exec(fx->path, sql);
		}
		if (v >= 1)
			sql_exec(fx->path, "INSERT INTO municipality VALUES ('GM0479', 'Zaanstad', '2026-01-01')");
		assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), 0);
		assert_int_equal(kngg_store_schema_version(fx->st), KNGG_STORE_SCHEMA_VERSION);
		kngg_store_close(fx->st);
		fx->st = NULL;
		assert_int_equal(sql_int(fx->path, "PRAGMA user_version"), KNGG_STORE_SCHEMA_VERSION);
		if (v >= 1)
			assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM municipality"), 1);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'event'"), 1);
		/* schema 6: the covering journal index replaces event_by_date */
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema "
						   "WHERE name = 'event_journal'"), 1);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema "
						   "WHERE name = 'event_by_date'"), 0);
		/* schema 7: accounts linked to persons, unlinked on erase */
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM sqlite_schema WHERE name IN "
						   "('account_person', 'account_person_erase')"), 2);
		assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM pragma_table_info('account') "
						   "WHERE name = 'display_name'"), 1);
	}
	assert_null(kngg_store_migration_sql(KNGG_STORE_SCHEMA_VERSION));
}

/* ---- tables --------------------------------------------------------------- */

static int count_row(void *ctx, const kngg_municipality *m)
{
	(*(int *)ctx)++;
	assert_non_null(m->code);
	return 0;
}

static void municipalities(void **state)
{
	fixture *fx = *state;
	int n = 0;

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0796", "ʼs-Hertogenbosch", "2026-01-01"), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Nogmaals", "2026-01-01"),
			 KNGG_EEXISTS);
	assert_int_equal(kngg_store_municipality_rename(fx->st, "GM0479", "Zaanstad (gem.)"), 0);
	assert_int_equal(kngg_store_municipality_rename(fx->st, "GM9998", "x"), KNGG_ENOTFOUND);
	add_event(fx, "GM0479", KNGG_EV_MUNICIPALITY_ADD);
	assert_int_equal(kngg_store_commit(fx->st), 0);
	assert_int_equal(kngg_store_municipalities(fx->st, count_row, &n), 0);
	assert_int_equal(n, 2);
	n = 0;
	assert_int_equal(kngg_store_municipality_get(fx->st, "GM0796", count_row, &n), 0);
	assert_int_equal(kngg_store_municipality_get(fx->st, "GM0001", count_row, &n),
			 KNGG_ENOTFOUND);
	assert_int_equal(n, 1);
	/* the CHECK constraint backs up the engine's validation */
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "XX0001", "Fout", "2026-01-01"),
			 KNGG_EINVALID);
	kngg_store_rollback(fx->st);
}

static void rollback_discards(void **state)
{
	fixture *fx = *state;
	int n = 0;

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	kngg_store_rollback(fx->st);
	assert_int_equal(kngg_store_municipalities(fx->st, count_row, &n), 0);
	assert_int_equal(n, 0);
}

static void areas_and_cycles(void **state)
{
	fixture *fx = *state;
	int64_t id, found, cid;
	int number;

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	assert_int_equal(kngg_store_area_add(fx->st, "GM0479", "Poelenburg", "0-4 jaar", "2026-02-01", &id), 0);
	assert_int_equal(kngg_store_area_add(fx->st, "GM0479", "Poelenburg", NULL, "2026-02-01", NULL),
			 KNGG_EEXISTS);
	assert_int_equal(kngg_store_area_find(fx->st, "GM0479", "Poelenburg", &found), 0);
	assert_int_equal(found, id);
	assert_int_equal(kngg_store_area_find(fx->st, "GM0479", "Peldersveld", &found), KNGG_ENOTFOUND);
	assert_int_equal(kngg_store_cycle_current(fx->st, "GM0479", 3, &cid, &number), KNGG_ENOTFOUND);
	assert_int_equal(kngg_store_cycle_add(fx->st, "GM0479", 3, "2026-03-01", &cid, &number), 0);
	assert_int_equal(number, 1);
	assert_int_equal(kngg_store_cycle_add(fx->st, "GM0479", 3, "2027-03-01", &cid, &number), 0);
	assert_int_equal(number, 2);
	assert_int_equal(kngg_store_cycle_add(fx->st, "GM0479", 4, "2028-03-01", &cid, &number), 0);
	assert_int_equal(number, 1);
	assert_int_equal(kngg_store_cycle_current(fx->st, "GM0479", 3, &cid, &number), 0);
	assert_int_equal(number, 2);
	add_event(fx, "GM0479", KNGG_EV_CYCLE_START);
	assert_int_equal(kngg_store_commit(fx->st), 0);
}

/* A row written without an event would escape the chain: commit refuses,
 * and nothing of the transaction stays. */
static void row_without_event_refused(void **state)
{
	fixture *fx = *state;
	int n = 0;

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	assert_int_equal(kngg_store_commit(fx->st), KNGG_ERROR);
	assert_non_null(strstr(kngg_buf_cstr(&fx->diag), "zonder gebeurtenis"));
	assert_int_equal(kngg_store_municipalities(fx->st, count_row, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(kngg_store_commits(fx->st), 0);
}

typedef struct {
	int n;
	char seen[8][160];
} walk;

static int collect_event(void *ctx, const kngg_event *ev)
{
	walk *w = ctx;

	if (w->n < 8)
		snprintf(w->seen[w->n], 160, "%s %s %s", ev->date, ev->kind, ev->note ? ev->note : "-");
	w->n++;
	return 0;
}

static void journal_order_and_filters(void **state)
{
	fixture *fx = *state;
	kngg_event ev = {0};
	walk w = {0};
	int64_t id1, id2;

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	ev.municipality = "GM0479";
	ev.defs_version = "2021.1";
	ev.kind = KNGG_EV_STEP_START;
	ev.target = "1.2";
	ev.date = "2026-03-01";
	ev.note = "later vastgelegd, eerder gebeurd: \"quotes\" & <tags>";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, &id1), 0);
	ev.kind = KNGG_EV_STEP_DONE;
	ev.date = "2026-02-01";
	ev.note = NULL;
	assert_int_equal(kngg_store_event_add(fx->st, &ev, &id2), 0);
	ev.kind = KNGG_EV_FACTOR;
	ev.target = "draagvlak";
	ev.has_score = 1;
	ev.score = 4;
	ev.date = "2026-04-01";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	assert_int_equal(kngg_store_commit(fx->st), 0);
	assert_true(id2 > id1);

	assert_int_equal(kngg_store_events(fx->st, "GM0479", NULL, NULL, NULL, collect_event, &w), 0);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.seen[0], "2026-02-01 step.done -");
	assert_string_equal(w.seen[1], "2026-03-01 step.start later vastgelegd, eerder gebeurd: \"quotes\" & <tags>");
	memset(&w, 0, sizeof(w));
	assert_int_equal(kngg_store_events(fx->st, "GM0479", "1.2", NULL, NULL, collect_event, &w), 0);
	assert_int_equal(w.n, 2);
	memset(&w, 0, sizeof(w));
	assert_int_equal(kngg_store_events(fx->st, "GM0479", NULL, "2026-02-15", "2026-03-31", collect_event, &w), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(kngg_store_event_count(fx->st), 3);
	assert_int_equal(kngg_store_check(fx->st), 0);
}

static void event_needs_known_municipality(void **state)
{
	fixture *fx = *state;
	kngg_event ev = {0};

	create(fx);
	ev.municipality = "GM0001";
	ev.defs_version = "2021.1";
	ev.kind = KNGG_EV_FACTOR;
	ev.date = "2026-01-01";
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_not_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	kngg_store_rollback(fx->st);
	assert_int_equal(kngg_store_event_count(fx->st), 0);
}


/* ---- the audit chain -------------------------------------------------------- */

/* Three events in the chain of a fresh database. */
static void three_events(fixture *fx)
{
	kngg_event ev = {0};

	create(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_municipality_add(fx->st, "GM0479", "Zaanstad", "2026-01-01"), 0);
	ev.municipality = "GM0479";
	ev.defs_version = "2021.1";
	ev.kind = KNGG_EV_STEP_START;
	ev.target = "1.1";
	ev.date = "2026-02-01";
	ev.note = "eerste";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	ev.kind = KNGG_EV_STEP_DONE;
	ev.note = "tweede";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	ev.kind = KNGG_EV_FACTOR;
	ev.target = "draagvlak";
	ev.has_score = 1;
	ev.score = 3;
	ev.note = NULL;
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	assert_int_equal(kngg_store_commit(fx->st), 0);
}

static int64_t verify_file(fixture *fx, const char *tamper)
{
	kngg_verify_result r;
	int rc;

	kngg_store_close(fx->st);
	fx->st = NULL;
	if (tamper)
		sql_exec(fx->path, tamper);
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), 0);
	rc = kngg_store_verify(fx->st, &r);
	if (rc == 0) {
		assert_int_equal(r.bad_id, 0);
		return 0;
	}
	assert_int_equal(rc, KNGG_EINVALID);
	assert_true(r.problem[0] != '\0');
	return r.bad_id;
}

static void chain_verifies(void **state)
{
	fixture *fx = *state;
	kngg_verify_result r;

	three_events(fx);
	assert_int_equal(kngg_store_verify(fx->st, &r), 0);
	assert_int_equal(r.checked, 3);
	assert_int_equal(verify_file(fx, NULL), 0);
}

static void chain_detects_edit(void **state)
{
	fixture *fx = *state;

	three_events(fx);
	assert_int_equal(verify_file(fx, "UPDATE event SET date = '2026-01-31' WHERE id = 2"), 2);
}

static void chain_detects_note_edit(void **state)
{
	fixture *fx = *state;

	three_events(fx);
	assert_int_equal(verify_file(fx, "UPDATE event SET note = 'anders' WHERE id = 1"), 1);
}

static void chain_detects_deleted_middle(void **state)
{
	fixture *fx = *state;

	three_events(fx);
	assert_int_equal(verify_file(fx, "DELETE FROM event WHERE id = 2"), 3);
}

static void chain_detects_deleted_last(void **state)
{
	fixture *fx = *state;

	three_events(fx);
	assert_int_equal(verify_file(fx, "DELETE FROM event WHERE id = 3"), 3);
}

static void chain_detects_swap(void **state)
{
	fixture *fx = *state;

	three_events(fx);
	assert_int_equal(verify_file(fx, "UPDATE event SET id = 99 WHERE id = 1; "
					 "UPDATE event SET id = 1 WHERE id = 2; "
					 "UPDATE event SET id = 2 WHERE id = 99"), 1);
}

static void chain_accepts_recorded_redaction(void **state)
{
	fixture *fx = *state;
	kngg_event ev = {0};
	kngg_verify_result r;
	char hex[65];

	three_events(fx);
	assert_int_equal(kngg_store_begin(fx->st), 0);
	assert_int_equal(kngg_store_text_redact(fx->st, 1, NULL, NULL, "[gewist]", hex), 0);
	ev.municipality = "GM0479";
	ev.defs_version = "2021.1";
	ev.kind = KNGG_EV_NOTE_REDACT;
	ev.target = "1";
	ev.value = hex;
	ev.date = "2026-03-01";
	assert_int_equal(kngg_store_event_add(fx->st, &ev, NULL), 0);
	assert_int_equal(kngg_store_commit(fx->st), 0);
	assert_int_equal(kngg_store_verify(fx->st, &r), 0);
	assert_int_equal(r.redacted, 1);
	/* the redacted text itself may not change afterwards */
	kngg_store_close(fx->st);
	fx->st = NULL;
	sql_exec(fx->path, "UPDATE event SET note = 'iets anders' WHERE id = 1");
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), 0);
	assert_int_equal(kngg_store_verify(fx->st, &r), KNGG_EINVALID);
	assert_int_equal(r.bad_id, 1);
	/* nor may a text that was never redacted */
	assert_int_equal(verify_file(fx, "UPDATE event SET note = '[gewist]' WHERE id = 1; "
					 "UPDATE event SET value = 'x' WHERE id = 2"), 2);
}

/* A version-1 file with a `by` name migrates: the name becomes a person,
 * every event gets its hash, and the chain verifies. */
static void migration_2_builds_chain(void **state)
{
	fixture *fx = *state;
	char sql[128];
	kngg_verify_result r;

	unlink(fx->path);
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", KNGG_STORE_APPLICATION_ID);
	sql_exec(fx->path, sql);
	sql_exec(fx->path, kngg_store_migration_sql(0));
	sql_exec(fx->path, "PRAGMA user_version = 1");
	sql_exec(fx->path, "INSERT INTO municipality VALUES ('GM0479', 'Zaanstad', '2026-01-01');"
			   "INSERT INTO event (recorded_at, date, municipality, kind, target, by, note, defs_version) "
			   "VALUES ('2026-01-02T10:00:00Z', '2026-01-02', 'GM0479', 'step.start', '1.1', 'Anouk', 'n', '2021.1'),"
			   "       ('2026-01-03T10:00:00Z', '2026-01-03', 'GM0479', 'step.done', '1.1', 'Anouk', NULL, '2021.1'),"
			   "       ('2026-01-04T10:00:00Z', '2026-01-04', 'GM0479', 'factor', 'draagvlak', NULL, NULL, '2021.1')");
	assert_int_equal(kngg_store_open(&fx->st, fx->path, 0, collect, fx), 0);
	assert_int_equal(kngg_store_verify(fx->st, &r), 0);
	/* the three, and the seal of the rows as they stood (migration 5) */
	assert_int_equal(r.checked, 4);
	kngg_store_close(fx->st);
	fx->st = NULL;
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM person WHERE name = 'Anouk'"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM event WHERE by_person IS NOT NULL"), 2);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM event WHERE hash IS NULL"), 0);
	assert_int_equal(sql_int(fx->path, "SELECT count(*) FROM event WHERE kind = 'register.seal' "
					   "AND seal LIKE 'municipality:GM0479:% person:1:%'"), 1);
	assert_int_equal(sql_int(fx->path, "SELECT count FROM chain_head"), 4);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(missing_file_is_not_created),
		T(create_stamps_and_versions),
		T(foreign_files_refused),
		T(newer_version_refused),
		T(migrates_from_every_older_version),
		T(municipalities),
		T(rollback_discards),
		T(areas_and_cycles),
		T(row_without_event_refused),
		T(journal_order_and_filters),
		T(event_needs_known_municipality),
		T(chain_verifies),
		T(chain_detects_edit),
		T(chain_detects_note_edit),
		T(chain_detects_deleted_middle),
		T(chain_detects_deleted_last),
		T(chain_detects_swap),
		T(chain_accepts_recorded_redaction),
		T(migration_2_builds_chain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
