/*
 * sanitized.c: proves that the Sanitize build type really sanitizes.
 * Built with the same flags as kngg, only in that build type (tests/).
 *
 *   sanitized asan   overflows a heap buffer: ASan must stop it
 *   sanitized ubsan  overflows a signed int: UBSan must stop it
 *
 * Without the sanitizers it does not even compile (the #error below), and
 * were the macros to lie, both runs would exit 0 and the tests, which look
 * for the sanitizers' own reports, would fail.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KNGG_HAS_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KNGG_HAS_ASAN 1
#endif
#ifndef KNGG_HAS_ASAN
#error "the Sanitize build type is compiled without -fsanitize=address"
#endif

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "asan") == 0) {
		volatile size_t n = 8;
		char *p = malloc(n);

		if (!p)
			return 2;
		memset(p, 'x', n + 1); /* one past the end */
		printf("%c\n", p[0]);
		free(p);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "ubsan") == 0) {
		volatile int big = INT_MAX;
		int r = big + (argc - 1); /* INT_MAX + 1 */

		printf("%d\n", r);
		return 0;
	}
	fprintf(stderr, "usage: sanitized asan|ubsan\n");
	return 2;
}
