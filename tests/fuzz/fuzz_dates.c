/*
 * fuzz_dates.c: libFuzzer target for the input parsers of the tracker:
 * dates (YYYY-MM-DD) and municipality codes. A date kngg accepts must be a
 * real day: the C library's calendar normalises it to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kngg/track.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (kngg_valid_date(s)) {
		struct tm tm = {0};

		tm.tm_year = atoi(s) - 1900;
		tm.tm_mon = atoi(s + 5) - 1;
		tm.tm_mday = atoi(s + 8);
		tm.tm_hour = 12;
		tm.tm_isdst = -1;
		if (mktime(&tm) == (time_t)-1 || tm.tm_mday != atoi(s + 8) ||
		    tm.tm_mon != atoi(s + 5) - 1)
			abort(); /* accepted a day that does not exist */
	}
	if (kngg_valid_code(s) && (strlen(s) != 6 || strncmp(s, "GM", 2) != 0))
		abort();
	free(s);
	return 0;
}
