/*
 * fuzz_defs.c: libFuzzer target for the definitions loader. One input is one
 * definitions file: parsed, validated against the built-in schema, built
 * into the model and checked; whatever comes in, no crash, no leak.
 */
#include <stddef.h>
#include <stdint.h>

#include "kngg/defs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kngg_defs_source src = {"fuzz.xml", (const char *)data, size};
	kngg_defs *defs = NULL;

	if (kngg_defs_load_sources(&defs, &src, 1, NULL, NULL) == 0)
		kngg_defs_free(defs);
	return 0;
}
