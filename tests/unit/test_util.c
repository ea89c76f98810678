/*
 * test_util.c: the arena, the string buffer and reading files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/util.h"

static void arena_zeroes_and_aligns(void **state)
{
	kngg_arena *a = kngg_arena_new();
	(void)state;

	assert_non_null(a);
	for (int i = 0; i < 5000; i++) {
		unsigned char *p = kngg_arena_alloc(a, (size_t)(i % 97) + 1);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (int j = 0; j < i % 97 + 1; j++)
			assert_int_equal(p[j], 0);
		memset(p, 0xAB, (size_t)(i % 97) + 1);
	}
	/* larger than a block */
	assert_non_null(kngg_arena_alloc(a, 100000));
	assert_string_equal(kngg_arena_strdup(a, "ʼs-Hertogenbosch"), "ʼs-Hertogenbosch");
	assert_string_equal(kngg_arena_strndup(a, "Zaanstad", 4), "Zaan");
	assert_null(kngg_arena_strdup(a, NULL));
	kngg_arena_free(a);
}

static void buf_appends_and_formats(void **state)
{
	kngg_buf b = {0};
	(void)state;

	assert_string_equal(kngg_buf_cstr(&b), "");
	kngg_buf_puts(&b, "fase ");
	kngg_buf_printf(&b, "%d: %s", 1, "Initiatief nemen en ontwerpen");
	assert_string_equal(kngg_buf_cstr(&b), "fase 1: Initiatief nemen en ontwerpen");
	for (int i = 0; i < 1000; i++)
		kngg_buf_puts(&b, "x");
	assert_int_equal(b.len, strlen("fase 1: Initiatief nemen en ontwerpen") + 1000);
	kngg_buf_free(&b);
	assert_null(b.ptr);
}

static void read_file_missing(void **state)
{
	char *data = (char *)1;
	size_t len = 7;
	(void)state;

	assert_int_equal(kngg_read_file("/nonexistent/kngg/file", &data, &len), KNGG_EIO);
	assert_null(data);
	assert_int_equal(len, 0);
}

static void keep_message(void *ctx, const char *msg)
{
	kngg_buf_printf(ctx, "%s\n", msg);
}

/* A file that says it is empty but is not (as /proc's are) is read up to
 * the limit and no further. */
static void read_file_bounded(void **state)
{
	kngg_buf msg = {0};
	char *data = NULL;
	size_t len = 0;
	(void)state;

	assert_int_equal(kngg_read_file_max("/proc/self/status", 64, keep_message, &msg, &data, &len),
			 KNGG_EIO);
	assert_null(data);
	assert_non_null(strstr(kngg_buf_cstr(&msg), "'/proc/self/status' is te groot (groeide"));
	kngg_buf_free(&msg);
	assert_int_equal(kngg_read_file_max("/proc/self/status", 1 << 20, keep_message, &msg, &data,
					    &len), 0);
	assert_true(len > 64);
	assert_int_equal(strlen(data), len);
	assert_null(msg.ptr);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_zeroes_and_aligns),
		cmocka_unit_test(buf_appends_and_formats),
		cmocka_unit_test(read_file_missing),
		cmocka_unit_test(read_file_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
