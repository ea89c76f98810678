/*
 * fuzz_dates.c: libFuzzer target for the input parsers of the tracker:
 * dates as people type them (kngg_date_parse: ISO, 1-7-2026, 1 juli 2026),
 * strict ISO dates (kngg_valid_date), municipality codes, and the folding
 * used to match names (kngg_fold), and amounts in euros (kngg_amount_parse).
 * A date kngg accepts must be a real day: the C library's calendar
 * normalises it to itself. An amount accepted is above zero and reads back
 * from the way kngg writes it; a refusal says why and leaves 0.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kngg/track.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts unless iso (YYYY-MM-DD) is a day that exists. */
static void must_exist(const char *iso)
{
	struct tm tm = {0};

	tm.tm_year = atoi(iso) - 1900;
	tm.tm_mon = atoi(iso + 5) - 1;
	tm.tm_mday = atoi(iso + 8);
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	if (mktime(&tm) == (time_t)-1 || tm.tm_mday != atoi(iso + 8) ||
	    tm.tm_mon != atoi(iso + 5) - 1)
		abort(); /* accepted a day that does not exist */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), iso[11];
	kngg_buf once = {0}, twice = {0};

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (kngg_valid_date(s)) {
		must_exist(s);
		/* every ISO date is read as itself */
		if (!kngg_date_parse(s, iso) || strcmp(iso, s) != 0)
			abort();
	}
	if (kngg_date_parse(s, iso)) {
		/* what is accepted is stored as a strict ISO date that exists */
		if (!kngg_valid_date(iso))
			abort();
		must_exist(iso);
	} else if (iso[0] != '\0') {
		abort(); /* a refusal leaves nothing behind */
	}
	if (kngg_valid_code(s) && (strlen(s) != 6 || strncmp(s, "GM", 2) != 0))
		abort();
	if (kngg_valid_code(s) && !kngg_code_like(s))
		abort();
	/* folding is stable: a folded text folds to itself, and matches the original */
	kngg_fold(s, &once);
	kngg_fold(kngg_buf_cstr(&once), &twice);
	if (!once.failed && !twice.failed &&
	    (strcmp(kngg_buf_cstr(&once), kngg_buf_cstr(&twice)) != 0 ||
	     (strlen(s) == size && !kngg_fold_eq(s, kngg_buf_cstr(&once)))))
		abort();
	if (strlen(s) == size && size < 200 && kngg_fold_distance(s, s, 3) != 0)
		abort();
	{
		const char *why = NULL;
		int64_t cents = -1, again = -1;
		char money[40];

		if (kngg_amount_parse(s, &cents, &why)) {
			if (cents <= 0 || why)
				abort();
			kngg_amount_nl(cents, money);
			if (!kngg_amount_parse(money, &again, NULL) || again != cents)
				abort(); /* what kngg writes, it reads back */
		} else if (cents != 0 || !why || !*why) {
			abort();
		}
	}
	kngg_buf_free(&once);
	kngg_buf_free(&twice);
	free(s);
	return 0;
}
