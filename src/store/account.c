/*
 * account.c: logins for the web interface. Not part of the journal: an
 * account says who may look and write, not what happened.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_priv.h"

int kngg_store_account_add(kngg_store *st, const kngg_account_rec *a)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st,
			       "INSERT INTO account(name, role, pwhash, created_at) "
			       "VALUES (?1, ?2, ?3, ?4)",
			       &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, a->name);
	store_bind_text(stmt, 2, a->role);
	store_bind_text(stmt, 3, a->pwhash);
	store_bind_text(stmt, 4, a->created_at);
	if ((rc = store_run(st, stmt, "toevoegen van een account")) < 0)
		return rc;
	for (size_t i = 0; i < a->nmunicipalities; i++) {
		if ((rc = store_prepare(st,
					"INSERT INTO account_municipality(account, municipality) "
					"VALUES (?1, ?2)",
					&stmt)) < 0)
			return rc;
		store_bind_text(stmt, 1, a->name);
		store_bind_text(stmt, 2, a->municipalities[i]);
		if ((rc = store_run(st, stmt, "toevoegen van een gemeente aan een account")) < 0)
			return rc;
	}
	return 0;
}

/* Reads the municipalities of the account in row and calls fn. */
static int account_row(kngg_store *st, sqlite3_stmt *row, kngg_account_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	char **codes = NULL;
	size_t n = 0;
	int rc;

	if ((rc = store_prepare(st,
				"SELECT municipality FROM account_municipality WHERE account = ?1 "
				"ORDER BY municipality",
				&stmt)) < 0)
		return rc;
	store_bind_text(stmt, 1, store_col_text(row, 0));
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char **more = realloc(codes, (n + 1) * sizeof(*codes));

		if (!more || !(more[n] = strdup(store_col_text(stmt, 0)))) {
			codes = more ? more : codes;
			rc = SQLITE_NOMEM;
			break;
		}
		codes = more;
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		kngg_account_rec a = {store_col_text(row, 0), store_col_text(row, 1),
				      store_col_text(row, 2), store_col_text(row, 3),
				      (const char *const *)codes, n};

		rc = fn(ctx, &a);
	} else {
		rc = store_sql_error(st, rc, "lezen van een account");
	}
	for (size_t i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	return rc;
}

#define ACCOUNT_SELECT "SELECT name, role, pwhash, created_at FROM account "

static int walk_accounts(kngg_store *st, sqlite3_stmt *stmt, kngg_account_fn fn, void *ctx,
			 int *found)
{
	int rc;

	*found = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int r = account_row(st, stmt, fn, ctx);

		(*found)++;
		if (r) {
			sqlite3_finalize(stmt);
			return r;
		}
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? 0 : store_sql_error(st, rc, "lezen van accounts");
}

int kngg_store_account_get(kngg_store *st, const char *name, kngg_account_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, ACCOUNT_SELECT "WHERE name = ?1", &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, name);
	rc = walk_accounts(st, stmt, fn, ctx, &found);
	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_accounts(kngg_store *st, kngg_account_fn fn, void *ctx)
{
	sqlite3_stmt *stmt;
	int found, rc = store_prepare(st, ACCOUNT_SELECT "ORDER BY name", &stmt);

	if (rc < 0)
		return rc;
	return walk_accounts(st, stmt, fn, ctx, &found);
}

int kngg_store_account_count(kngg_store *st, int *n)
{
	return store_pragma_int(st, "SELECT count(*) FROM account", n);
}

/* Runs one statement with name bound as ?1 (and text as ?2); ENOTFOUND
 * when it changed no row. */
static int account_change(kngg_store *st, const char *sql, const char *name, const char *text)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare(st, sql, &stmt);

	if (rc < 0)
		return rc;
	store_bind_text(stmt, 1, name);
	if (text)
		store_bind_text(stmt, 2, text);
	if ((rc = store_run(st, stmt, "wijzigen van een account")) < 0)
		return rc;
	return sqlite3_changes(st->db) ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_account_remove(kngg_store *st, const char *name)
{
	return account_change(st, "DELETE FROM account WHERE name = ?1", name, NULL);
}

int kngg_store_account_password(kngg_store *st, const char *name, const char *pwhash)
{
	return account_change(st, "UPDATE account SET pwhash = ?2 WHERE name = ?1", name, pwhash);
}
