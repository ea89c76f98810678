/*
 * test_account.c: accounts of the web interface: validation, Argon2id
 * hashes, login (right, wrong, unknown), roles and municipalities, and
 * the stamp that tells a password change.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "kngg/account.h"
#include "kngg/people.h"
#include "engine_fixture.h"

static void add_validates(void **state)
{
	fixture *fx = *state;
	const char *gm[] = {"GM0479"}, *unknown[] = {"GM0001"}, *twice[] = {"GM0479", "GM0479"};

	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_LEZER, "kort", NULL, 0), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "minstens 10"));
	assert_int_equal(kngg_account_add(&fx->t, "A", 0, "wachtwoord123", NULL, 0), KNGG_EINVALID);
	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", NULL, 0),
			 KNGG_EINVALID);
	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_LEZER, "wachtwoord123", unknown, 1),
			 KNGG_ENOTFOUND);
	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_LEZER, "wachtwoord123", twice, 2),
			 KNGG_EINVALID);
	assert_int_equal(kngg_account_add(&fx->t, "", KNGG_ROLE_LEZER, "wachtwoord123", NULL, 0),
			 KNGG_EINVALID);
	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", gm, 1), 0);
	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_LEZER, "wachtwoord123", NULL, 0),
			 KNGG_EEXISTS);
	int n = 0;
	assert_int_equal(kngg_account_count(&fx->t, &n), 0);
	assert_int_equal(n, 1);
}

static void login_and_rights(void **state)
{
	fixture *fx = *state;
	const char *gm[] = {"GM0479"};
	kngg_account *a = NULL;

	assert_int_equal(kngg_account_add(&fx->t, "Fatima", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", gm, 1), 0);
	assert_int_equal(kngg_account_add(&fx->t, "Lex", KNGG_ROLE_LEZER, "lezerswachtwoord", NULL, 0), 0);
	assert_int_equal(kngg_account_login(&fx->t, "Fatima", "wachtwoord124", &a), KNGG_EINVALID);
	assert_null(a);
	assert_int_equal(kngg_account_login(&fx->t, "Niemand", "wachtwoord123", &a), KNGG_EINVALID);
	assert_int_equal(kngg_account_login(&fx->t, NULL, NULL, &a), KNGG_EINVALID);
	assert_int_equal(kngg_account_login(&fx->t, "Fatima", "wachtwoord123", &a), 0);
	assert_string_equal(a->name, "Fatima");
	assert_int_equal(a->role, KNGG_ROLE_PROJECTLEIDER);
	assert_int_equal(a->nmunicipalities, 1);
	assert_true(kngg_account_may_write(a, "GM0479"));
	assert_false(kngg_account_may_write(a, "GM0363"));
	assert_true(kngg_account_may_read(a, "GM0479"));
	assert_false(kngg_account_may_read(a, "GM0363"));
	kngg_account_free(a);
	assert_int_equal(kngg_account_get(&fx->t, "Lex", &a), 0);
	assert_true(kngg_account_may_read(a, "GM0363"));
	assert_false(kngg_account_may_write(a, "GM0479"));
	kngg_account_free(a);
	assert_false(kngg_account_may_read(NULL, "GM0479"));

	/* a new password replaces the old one */
	assert_int_equal(kngg_account_set_password(&fx->t, "Lex", "nieuwwachtwoord"), 0);
	assert_int_equal(kngg_account_login(&fx->t, "Lex", "lezerswachtwoord", &a), KNGG_EINVALID);
	assert_int_equal(kngg_account_login(&fx->t, "Lex", "nieuwwachtwoord", &a), 0);
	kngg_account_free(a);
	assert_int_equal(kngg_account_set_password(&fx->t, "Niemand", "nieuwwachtwoord"), KNGG_ENOTFOUND);

	assert_int_equal(kngg_account_remove(&fx->t, "Lex"), 0);
	assert_int_equal(kngg_account_get(&fx->t, "Lex", &a), KNGG_ENOTFOUND);
	assert_int_equal(kngg_account_remove(&fx->t, "Lex"), KNGG_ENOTFOUND);
}

/* The stored hash is Argon2id, salted: two accounts with one password differ. */
static void hashes(void **state)
{
	fixture *fx = *state;
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char first[200] = "";
	int rows = 0;

	assert_int_equal(kngg_account_add(&fx->t, "A", KNGG_ROLE_LEZER, "hetzelfdewachtwoord", NULL, 0), 0);
	assert_int_equal(kngg_account_add(&fx->t, "B", KNGG_ROLE_LEZER, "hetzelfdewachtwoord", NULL, 0), 0);
	assert_int_equal(sqlite3_open_v2(fx->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT pwhash FROM account", -1, &stmt, NULL), SQLITE_OK);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(stmt, 0);

		assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
		assert_null(strstr(h, "hetzelfde"));
		if (rows++ == 0)
			snprintf(first, sizeof(first), "%s", h);
		else
			assert_string_not_equal(first, h);
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	assert_int_equal(rows, 2);
}

/* The stamp follows the password: the same until it changes, then new,
 * even when the new password is the old one (a new salt). */
static void stamps(void **state)
{
	fixture *fx = *state;
	kngg_account *a = NULL;
	char before[KNGG_ACCOUNT_STAMP_HEX + 1];

	assert_int_equal(kngg_account_add(&fx->t, "Lex", KNGG_ROLE_LEZER, "lezerswachtwoord", NULL, 0), 0);
	assert_int_equal(kngg_account_login(&fx->t, "Lex", "lezerswachtwoord", &a), 0);
	assert_int_equal(strlen(a->stamp), KNGG_ACCOUNT_STAMP_HEX);
	assert_int_equal(strspn(a->stamp, "0123456789abcdef"), KNGG_ACCOUNT_STAMP_HEX);
	snprintf(before, sizeof(before), "%s", a->stamp);
	kngg_account_free(a);
	assert_int_equal(kngg_account_get(&fx->t, "Lex", &a), 0);
	assert_string_equal(a->stamp, before);
	kngg_account_free(a);
	assert_int_equal(kngg_account_set_password(&fx->t, "Lex", "lezerswachtwoord"), 0);
	assert_int_equal(kngg_account_get(&fx->t, "Lex", &a), 0);
	assert_string_not_equal(a->stamp, before);
	kngg_account_free(a);
}

/* Display names and links to persons (schema 7): set and cleared in one
 * transaction with the account; a wrong link changes nothing; an erase
 * removes the link. */
static void links(void **state)
{
	fixture *fx = *state;
	const char *gm[] = {"GM0479"};
	kngg_stakeholder_in in = {0};
	kngg_account_link_in bad[] = {{"GM0479", "999"}};
	kngg_account_link_in twice[] = {{"GM0479", "Fleur"}, {"GM0479", NULL}};
	kngg_account_change c = {"Fleur (pl)", NULL, 0};
	kngg_account *a = NULL;
	int64_t fleur = 0;

	in.name = "Fleur";
	in.org = "Gemeente Zaanstad";
	in.org_type = "gemeente";
	assert_int_equal(kngg_stakeholder_add(&fx->t, "GM0479", &in, NULL, &fleur), 0);
	c.links = bad, c.nlinks = 1;
	assert_int_equal(kngg_account_add_ex(&fx->t, "F", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", gm, 1,
					     &c), KNGG_ENOTFOUND);
	assert_int_equal(kngg_account_get(&fx->t, "F", &a), KNGG_ENOTFOUND);
	c.links = twice, c.nlinks = 2;
	assert_int_equal(kngg_account_add_ex(&fx->t, "F", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", gm, 1,
					     &c), KNGG_EINVALID);
	c.nlinks = 1;
	assert_int_equal(kngg_account_add_ex(&fx->t, "F", KNGG_ROLE_PROJECTLEIDER, "wachtwoord123", gm, 1,
					     &c), 0);
	assert_int_equal(kngg_account_get(&fx->t, "F", &a), 0);
	assert_string_equal(kngg_account_shown(a), "Fleur (pl)");
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].person_name, "Fleur");
	assert_int_equal(kngg_account_person(a, "GM0479"), fleur);
	assert_int_equal(kngg_account_person(a, "GM0363"), 0);
	kngg_account_free(a);
	/* unlink and clear the display name */
	c.display_name = "";
	c.links = &twice[1];
	assert_int_equal(kngg_account_update(&fx->t, "F", &c), 0);
	assert_int_equal(kngg_account_get(&fx->t, "F", &a), 0);
	assert_string_equal(kngg_account_shown(a), "F");
	assert_int_equal(a->nlinks, 0);
	kngg_account_free(a);
	assert_int_equal(kngg_account_update(&fx->t, "niemand", &c), KNGG_ENOTFOUND);
	/* linked again, then the person is erased: the link goes */
	c.display_name = NULL;
	c.links = twice;
	assert_int_equal(kngg_account_update(&fx->t, "F", &c), 0);
	assert_int_equal(kngg_person_erase(&fx->t, fleur, "verzoek", NULL, NULL), 0);
	assert_int_equal(kngg_account_get(&fx->t, "F", &a), 0);
	assert_int_equal(a->nlinks, 0);
	kngg_account_free(a);
	/* an erased person cannot be linked */
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)fleur);
	bad[0].person = id;
	c.links = bad;
	assert_int_equal(kngg_account_update(&fx->t, "F", &c), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "gewist"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(add_validates, setup, teardown),
		cmocka_unit_test_setup_teardown(login_and_rights, setup, teardown),
		cmocka_unit_test_setup_teardown(hashes, setup, teardown),
		cmocka_unit_test_setup_teardown(stamps, setup, teardown),
		cmocka_unit_test_setup_teardown(links, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
