/*
 * test_text.c: reading what people type (util/text.h): folding, near
 * misses and one suggestion, Dutch dates, amounts in euros.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/text.h"

static void expect_fold(const char *in, const char *want)
{
	kngg_buf b = {0};

	kngg_fold(in, &b);
	assert_string_equal(kngg_buf_cstr(&b), want);
	kngg_buf_free(&b);
}

static void folding(void **state)
{
	(void)state;
	expect_fold("geïnformeerd", "geinformeerd");
	expect_fold("Diëtist", "dietist");
	expect_fold("CLIËNTGERICHTHEID", "clientgerichtheid");
	expect_fold("  Gemeente   Zaanstad ", "gemeente zaanstad");
	expect_fold("Anouk Çelik", "anouk celik");
	expect_fold("ĳsselmonde Œuvre Straße", "ijsselmonde oeuvre strasse");
	expect_fold("ʼs-Hertogenbosch", "ʼs-hertogenbosch"); /* not Latin-1/Ext-A: kept */
	expect_fold("a\xff" "B", "a\xff" "b");                /* not UTF-8: kept */
	expect_fold("", "");
	assert_true(kngg_fold_eq("Gemeente Zaanstad", "gemeente zaanstad"));
	assert_false(kngg_fold_eq("Gemeente Zaanstad", "Gemeente Zaandam"));
	assert_false(kngg_fold_eq(NULL, "x"));
	assert_true(kngg_fold_eq_id("Formeel vastgelegd", "formeel-vastgelegd"));
	assert_false(kngg_fold_eq("Formeel vastgelegd", "formeel-vastgelegd"));
}

static void near_misses(void **state)
{
	kngg_suggest sg;

	(void)state;
	assert_int_equal(kngg_fold_distance("gemeente zaanstd", "Gemeente Zaanstad", 3), 1);
	assert_true(kngg_near_miss("gemeente zaanstd", "Gemeente Zaanstad"));
	assert_false(kngg_near_miss("Gemeente Zaanstad", "gemeente zaanstad")); /* a match */
	assert_false(kngg_near_miss("ggd", "jgz")); /* short words: one edit only */
	assert_true(kngg_fold_distance("abcdefgh", "zyxwvuts", 2) > 2);

	kngg_suggest_init(&sg, "gemeente zaanstd");
	kngg_suggest_offer(&sg, "GGD Zaanstreek");
	kngg_suggest_offer(&sg, "Gemeente Zaanstad");
	kngg_suggest_offer(&sg, "Wijkteam Zaanstad");
	assert_string_equal(kngg_suggest_best(&sg), "Gemeente Zaanstad");

	/* two equally close: no suggestion rather than a guess */
	kngg_suggest_init(&sg, "Jan Jansen");
	kngg_suggest_offer(&sg, "Jan Janssen");
	kngg_suggest_offer(&sg, "Jan Jensen");
	assert_null(kngg_suggest_best(&sg));
	kngg_suggest_init(&sg, "xyz");
	kngg_suggest_offer(&sg, "Gemeente Zaanstad");
	assert_null(kngg_suggest_best(&sg));
}

static void expect_date(const char *in, const char *want)
{
	char out[11];

	if (want) {
		assert_true(kngg_date_parse(in, out));
		assert_string_equal(out, want);
	} else {
		assert_false(kngg_date_parse(in, out));
		assert_string_equal(out, "");
	}
}

static void dates(void **state)
{
	(void)state;
	expect_date("2026-07-01", "2026-07-01");
	expect_date("2026-7-1", "2026-07-01");
	expect_date("1-7-2026", "2026-07-01");
	expect_date("01-07-2026", "2026-07-01");
	expect_date("1/7/2026", "2026-07-01");
	expect_date("1.7.2026", "2026-07-01");
	expect_date("1 juli 2026", "2026-07-01");
	expect_date("1 JULI 2026", "2026-07-01");
	expect_date("1 jul. 2026", "2026-07-01");
	expect_date("1-jul-2026", "2026-07-01");
	expect_date("3 mrt 2026", "2026-03-03");
	expect_date("3 maart 2026", "2026-03-03");
	expect_date("12 okt 2026", "2026-10-12");
	expect_date("29 februari 2028", "2028-02-29");
	expect_date("29-2-2026", NULL);  /* no leap year */
	expect_date("31-2-2026", NULL);
	expect_date("7-31-2026", NULL);  /* month first: never */
	expect_date("1-7-26", NULL);     /* a two-digit year is ambiguous */
	expect_date("1 juli", NULL);
	expect_date("1 juliet 2026", NULL);
	expect_date("1-7-1899", NULL);
	expect_date("1-7-2200", NULL);
	expect_date("2026-07-01 ", NULL);
	expect_date("", NULL);
	expect_date(NULL, NULL);
}

static void expect_amount(const char *in, int64_t want)
{
	const char *why = "unset";
	int64_t cents = -1;

	if (want > 0) {
		assert_true(kngg_amount_parse(in, &cents, &why));
		assert_true(cents == want);
		assert_null(why);
	} else {
		assert_false(kngg_amount_parse(in, &cents, &why));
		assert_true(cents == 0);
		assert_non_null(why);
		assert_true(strlen(why) > 0);
	}
}

static void expect_money(int64_t cents, const char *want)
{
	char out[40];

	kngg_amount_nl(cents, out);
	assert_string_equal(out, want);
}

static void amounts(void **state)
{
	(void)state;
	expect_amount("45000", 4500000);
	expect_amount("45.000", 4500000);
	expect_amount("45.000,50", 4500050);
	expect_amount("\xe2\x82\xac 45.000,50", 4500050);
	expect_amount("\xe2\x82\xac" "45000", 4500000);
	expect_amount("EUR 45000", 4500000);
	expect_amount("eur45000", 4500000);
	expect_amount("45000,5", 4500050);
	expect_amount("45000,05", 4500005);
	expect_amount("45.000,-", 4500000);
	expect_amount("45.000,--", 4500000);
	expect_amount("1.234.567,89", 123456789);
	expect_amount("0,01", 1);
	expect_amount(" 12 ", 1200);
	expect_amount("123.456", 12345600);
	expect_amount("92.233.720.368.547.758,07", INT64_MAX);
	/* refused: ambiguous dots, signs, zero, junk, overflow */
	expect_amount("12.5", 0);
	expect_amount("45000.50", 0);
	expect_amount("1.2345", 0);
	expect_amount("1234.567", 0);
	expect_amount("1.23.456", 0);
	expect_amount(".500", 0);
	expect_amount("1.", 0);
	expect_amount("0", 0);
	expect_amount("0,00", 0);
	expect_amount("-5", 0);
	expect_amount("+5", 0);
	expect_amount("5 000", 0);
	expect_amount("1e5", 0);
	expect_amount("45,5,5", 0);
	expect_amount("45,555", 0);
	expect_amount("45,", 0);
	expect_amount(",50", 0);
	expect_amount("", 0);
	expect_amount("\xe2\x82\xac", 0);
	expect_amount(NULL, 0);
	expect_amount("92.233.720.368.547.758,08", 0);
	expect_amount("99999999999999999999", 0);
	/* written back as Dutch people write money */
	expect_money(4500000, "\xe2\x82\xac 45.000,00");
	expect_money(4500050, "\xe2\x82\xac 45.000,50");
	expect_money(1, "\xe2\x82\xac 0,01");
	expect_money(0, "\xe2\x82\xac 0,00");
	expect_money(99999, "\xe2\x82\xac 999,99");
	expect_money(100000, "\xe2\x82\xac 1.000,00");
	expect_money(-1250, "-\xe2\x82\xac 12,50");
	expect_money(INT64_MAX, "\xe2\x82\xac 92.233.720.368.547.758,07");
	expect_money(INT64_MIN, "-\xe2\x82\xac 92.233.720.368.547.758,08");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folding),
		cmocka_unit_test(near_misses),
		cmocka_unit_test(dates),
		cmocka_unit_test(amounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
