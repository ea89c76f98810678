/*
 * fuzz_form.c: libFuzzer target for the web server's form parser
 * (application/x-www-form-urlencoded). A body it accepts must decode to
 * at most WEB_FORM_MAX_FIELDS fields, together no longer than the body;
 * lookups must agree with the fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

/* CHECK() is gone in Release builds, where the corpus is replayed too */
#define CHECK(c) do { if (!(c)) abort(); } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	web_form f;
	const char *all[WEB_FORM_MAX_FIELDS];

	if (web_form_parse(&f, (const char *)data, size) == 0) {
		CHECK(f.n <= WEB_FORM_MAX_FIELDS);
		for (size_t i = 0; i < f.n; i++) {
			size_t nl = strlen(f.name[i]), vl = strlen(f.value[i]);

			CHECK(nl + vl <= size);
			if (f.value[i][0]) {
				const char *first = web_form_get(&f, f.name[i]);

				CHECK(first != NULL);
				CHECK(web_form_all(&f, f.name[i], all, WEB_FORM_MAX_FIELDS) >= 1);
			}
		}
	}
	web_form_free(&f);
	return 0;
}
