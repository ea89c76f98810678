/*
 * test_table.c: the table of spreadsheets (kngg/table.h): the CSV reader
 * and the stakeholder import, whose rows share one transaction.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "engine_fixture.h"
#include "kngg/table.h"

static void keep(void *ctx, const char *msg)
{
	kngg_buf_printf(ctx, "%s\n", msg);
}

static const char *cell(const kngg_table *t, size_t r, size_t c)
{
	const char *s = kngg_table_cell(t, r, c)->text;

	return s ? s : "";
}

static void csv_dialects(void **state)
{
	static const char *const texts[] = {
		"a;b\r\n1;\"x;y\"\r\n",
		"\xEF\xBB\xBF" "a,b\n1,\"x;y\"\n",
		"a\tb\n1\t\"x;y\"\n",
	};
	static const char seps[] = {';', ',', '\t'};
	(void)state;

	for (size_t i = 0; i < 3; i++) {
		kngg_table *t = NULL;
		kngg_csv_info info;

		assert_int_equal(kngg_csv_read(texts[i], strlen(texts[i]), "f", NULL, NULL, &t, &info),
				 0);
		assert_int_equal(info.separator, seps[i]);
		assert_int_equal(info.bom, i == 1);
		assert_int_equal(t->ncols, 2);
		assert_string_equal(t->head[0], "a");
		assert_int_equal(t->nrows, 1);
		assert_string_equal(cell(t, 0, 1), "x;y");
		kngg_table_free(t);
	}
}

static void csv_quotes_and_lines(void **state)
{
	const char *text = "n;m\n\n\"a\nb\";\"say \"\"hi\"\"\"\n;\nc;d\n";
	kngg_table *t = NULL;
	(void)state;

	assert_int_equal(kngg_csv_read(text, strlen(text), "f", NULL, NULL, &t, NULL), 0);
	assert_int_equal(t->nrows, 2); /* the blank line and the empty record skipped */
	assert_string_equal(cell(t, 0, 0), "a\nb");
	assert_string_equal(cell(t, 0, 1), "say \"hi\"");
	assert_int_equal(t->line[0], 3);
	assert_int_equal(t->line[1], 6); /* the quoted line break counts */
	kngg_table_free(t);
}

static void csv_cp1252_and_refusals(void **state)
{
	kngg_buf msg = {0};
	kngg_table *t = NULL;
	kngg_csv_info info;
	(void)state;

	assert_int_equal(kngg_csv_read("n\n\x80 caf\xe9\n", 9, "f", NULL, NULL, &t, &info), 0);
	assert_true(info.cp1252);
	assert_string_equal(cell(t, 0, 0), "\xE2\x82\xAC caf\xC3\xA9"); /* euro sign, é */
	kngg_table_free(t);
	t = NULL;
	assert_int_equal(kngg_csv_read("n\n\x81\n", 4, "x.csv", keep, &msg, &t, NULL),
			 KNGG_EINVALID);
	assert_null(t);
	assert_non_null(strstr(kngg_buf_cstr(&msg), "x.csv is geen UTF-8 en geen Windows-1252"));
	assert_int_equal(kngg_csv_read("n\n\"open\n", 8, "x.csv", keep, &msg, &t, NULL),
			 KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&msg), "x.csv regel 2: een aanhalingsteken"));
	assert_int_equal(kngg_csv_read("n\0", 2, "x.csv", keep, &msg, &t, NULL), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&msg), "geen tekstbestand"));
	kngg_buf_free(&msg);
}

static int count_person(void *ctx, const kngg_person *p)
{
	(void)p;
	++*(int *)ctx;
	return 0;
}

static int persons(fixture *fx)
{
	int n = 0;

	assert_int_equal(kngg_store_persons(fx->st, "GM0479", count_person, &n), 0);
	return n;
}

/* A bad third row leaves nothing of the first two; the tracker writes
 * normally afterwards (no batch left open). */
/* kngg_table_reverse: 0, 1, 2 and 3 rows; cells and lines move together */
static void reverse_rows(void **state)
{
	static const char *const head[] = {"nummer", "soort"};

	(void)state;
	for (size_t n = 0; n <= 3; n++) {
		kngg_table *t = kngg_table_new("logboek", 2, head);

		assert_non_null(t);
		for (size_t i = 0; i < n; i++) {
			char kind[24];

			snprintf(kind, sizeof(kind), "k%zu", i);
			assert_int_equal(kngg_table_row(t, (long)i + 10), 0);
			assert_int_equal(kngg_table_number(t, 0, (double)i), 0);
			assert_int_equal(kngg_table_text(t, 1, kind), 0);
		}
		kngg_table_reverse(t);
		assert_int_equal(t->nrows, n);
		for (size_t i = 0; i < n; i++) {
			char kind[24];

			snprintf(kind, sizeof(kind), "k%zu", n - 1 - i);
			assert_true(kngg_table_cell(t, i, 0)->number == (double)(n - 1 - i));
			assert_string_equal(kngg_table_cell(t, i, 1)->text, kind);
			assert_int_equal(t->line[i], (long)(n - 1 - i) + 10);
		}
		kngg_table_free(t);
	}
}

static void import_all_or_nothing(void **state)
{
	fixture *fx = *state;
	const char *bad = "naam;organisatie;type;invloed\nA;GGD;ggd;hoog\nB;GGD;;laag\nC;GGD;;hogh\n";
	const char *good = "naam;organisatie;type;invloed\nA;GGD;ggd;hoog\nB;GGD;;laag\n";
	kngg_import_counts n;
	kngg_table *t = NULL;
	int64_t before = kngg_store_commits(fx->st);

	assert_int_equal(kngg_csv_read(bad, strlen(bad), "r.csv", NULL, NULL, &t, NULL), 0);
	assert_int_equal(kngg_stakeholder_import(&fx->t, "GM0479", t, "r.csv", NULL, &n),
			 KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "r.csv regel 4, kolom 'invloed': 'hogh'"));
	assert_int_equal(n.persons, 0);
	assert_int_equal(persons(fx), 0);
	assert_int_equal(kngg_store_commits(fx->st), before);
	kngg_table_free(t);

	assert_int_equal(kngg_csv_read(good, strlen(good), "r.csv", NULL, NULL, &t, NULL), 0);
	assert_int_equal(kngg_stakeholder_import(&fx->t, "GM0479", t, "r.csv", NULL, &n), 0);
	assert_int_equal(n.persons, 2);
	assert_int_equal(n.orgs, 1);
	assert_int_equal(n.analyses, 2);
	assert_int_equal(persons(fx), 2);
	assert_int_equal(kngg_store_commits(fx->st), before + 1); /* one transaction */
	kngg_table_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_dialects),
		cmocka_unit_test(csv_quotes_and_lines),
		cmocka_unit_test(csv_cp1252_and_refusals),
		cmocka_unit_test(reverse_rows),
		cmocka_unit_test_setup_teardown(import_all_or_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
