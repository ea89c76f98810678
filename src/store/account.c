/*
 * account.c: logins for the web interface. Not part of the journal: an
 * account says who may look and write, not what happened.
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_priv.h"

int kngg_store_account_add(kngg_store *st, const kngg_account_rec *a)
{
	int rc = store_run_sql(st, "INSERT INTO account(name, role, pwhash, created_at, "
				   "display_name) VALUES (?1, ?2, ?3, ?4, ?5)",
			       "toevoegen van een account", "ttttt", a->name, a->role, a->pwhash,
			       a->created_at, a->display_name);

	for (size_t i = 0; rc == 0 && i < a->nmunicipalities; i++)
		rc = store_run_sql(st, "INSERT INTO account_municipality(account, municipality) "
				       "VALUES (?1, ?2)", "toevoegen van een gemeente aan een account",
				   "tt", a->name, a->municipalities[i]);
	return rc;
}

/* The municipality codes of one account, collected; with its links, the
 * linked persons too. */
struct codes {
	char **codes;
	size_t n;
	int64_t *persons;
	char **names;
};

static void codes_free(struct codes *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->codes[i]);
		if (c->names)
			free(c->names[i]);
	}
	free(c->codes);
	free(c->persons);
	free(c->names);
}

static int map_code(void *ctx, sqlite3_stmt *row)
{
	struct codes *c = ctx;
	char **more = realloc(c->codes, (c->n + 1) * sizeof(*c->codes));

	if (!more)
		return KNGG_ENOMEM;
	c->codes = more;
	if (!(more[c->n] = strdup(store_col_text(row, 0))))
		return KNGG_ENOMEM;
	c->n++;
	return 0;
}

static int map_link(void *ctx, sqlite3_stmt *row)
{
	struct codes *c = ctx;
	int64_t *persons = realloc(c->persons, (c->n + 1) * sizeof(*persons));
	char **names = persons ? realloc(c->names, (c->n + 1) * sizeof(*names)) : NULL;
	const char *name = store_col_text(row, 2);
	int rc;

	if (persons)
		c->persons = persons;
	if (!names)
		return KNGG_ENOMEM;
	c->names = names;
	names[c->n] = NULL;
	persons[c->n] = sqlite3_column_int64(row, 1);
	if ((rc = map_code(ctx, row)) < 0)
		return rc;
	if (name && !(names[c->n - 1] = strdup(name)))
		return KNGG_ENOMEM;
	return 0;
}

struct account_walk {
	kngg_store *st;
	kngg_account_fn fn;
	void *ctx;
};

/* One account row: reads its municipalities and links, and calls fn. */
static int map_account(void *ctx, sqlite3_stmt *row)
{
	struct account_walk *w = ctx;
	struct codes c = {0}, l = {0};
	int rc = store_query(w->st, "SELECT municipality FROM account_municipality "
				    "WHERE account = ?1 ORDER BY municipality",
			     "lezen van een account", map_code, &c, NULL, "t", store_col_text(row, 0));

	if (rc == 0)
		rc = store_query(w->st, "SELECT a.municipality, a.person_id, p.name "
					"FROM account_person a JOIN person p ON p.id = a.person_id "
					"WHERE a.account = ?1 ORDER BY a.municipality",
				 "lezen van een account", map_link, &l, NULL, "t",
				 store_col_text(row, 0));
	if (rc == 0) {
		kngg_account_rec a = {store_col_text(row, 0), store_col_text(row, 1),
				      store_col_text(row, 2), store_col_text(row, 3),
				      (const char *const *)c.codes, c.n, store_col_text(row, 4),
				      (const char *const *)l.codes, l.persons,
				      (const char *const *)l.names, l.n};

		rc = w->fn(w->ctx, &a);
	}
	codes_free(&c);
	codes_free(&l);
	return rc;
}

#define ACCOUNT_SELECT "SELECT name, role, pwhash, created_at, display_name FROM account "

int kngg_store_account_get(kngg_store *st, const char *name, kngg_account_fn fn, void *ctx)
{
	struct account_walk w = {st, fn, ctx};
	int found, rc = store_query(st, ACCOUNT_SELECT "WHERE name = ?1", "lezen van accounts",
				    map_account, &w, &found, "t", name);

	return rc ? rc : found ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_accounts(kngg_store *st, kngg_account_fn fn, void *ctx)
{
	struct account_walk w = {st, fn, ctx};

	return store_query(st, ACCOUNT_SELECT "ORDER BY name", "lezen van accounts", map_account,
			   &w, NULL, NULL);
}

int kngg_store_account_count(kngg_store *st, int *n)
{
	return store_pragma_int(st, "SELECT count(*) FROM account", n);
}

/* Runs one statement with name bound as ?1 (and text as ?2); ENOTFOUND
 * when it changed no row. */
static int account_change(kngg_store *st, const char *sql, const char *name, const char *text)
{
	int rc = text ? store_run_sql(st, sql, "wijzigen van een account", "tt", name, text)
		      : store_run_sql(st, sql, "wijzigen van een account", "t", name);

	if (rc < 0)
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

int kngg_store_account_display_name(kngg_store *st, const char *name, const char *display_name)
{
	int rc = store_run_sql(st, "UPDATE account SET display_name = ?2 WHERE name = ?1",
			       "wijzigen van een account", "tt", name, display_name);

	if (rc < 0)
		return rc;
	return sqlite3_changes(st->db) ? 0 : KNGG_ENOTFOUND;
}

int kngg_store_account_link(kngg_store *st, const char *name, const char *code, int64_t person)
{
	if (person)
		return store_run_sql(st, "INSERT INTO account_person(account, municipality, "
					 "person_id) VALUES (?1, ?2, ?3) "
					 "ON CONFLICT (account, municipality) "
					 "DO UPDATE SET person_id = excluded.person_id",
				     "koppelen van een account", "tti", name, code, person);
	return store_run_sql(st, "DELETE FROM account_person "
				 "WHERE account = ?1 AND municipality = ?2",
			     "ontkoppelen van een account", "tt", name, code);
}
