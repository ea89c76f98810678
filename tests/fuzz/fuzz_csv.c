/*
 * fuzz_csv.c: libFuzzer target for the CSV reader of `kngg stakeholder
 * import` (kngg_csv_read): any bytes either fail with a message or give a
 * table whose every cell is UTF-8 within the limits, with one source line
 * per row, rising.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kngg/limits.h"
#include "kngg/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int said;

static void diag(void *ctx, const char *msg)
{
	(void)ctx;
	if (!msg || !*msg || strchr(msg, '\n'))
		abort(); /* one line, never empty */
	said = 1;
}

/* 1 when s is UTF-8 (the reader converts everything else or refuses). */
static int utf8(const unsigned char *s)
{
	while (*s) {
		int n = *s < 0x80 ? 0 : *s >= 0xF0 ? 3 : *s >= 0xE0 ? 2 : *s >= 0xC2 ? 1 : -1;

		if (n < 0)
			return 0;
		for (s++; n > 0; n--, s++)
			if ((*s & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kngg_table *t = NULL;
	kngg_csv_info info;
	long line = 0;

	said = 0;
	if (kngg_csv_read((const char *)data, size, "f.csv", diag, NULL, &t, &info) < 0) {
		if (!said || t)
			abort(); /* a failure is always explained, and leaves nothing */
		return 0;
	}
	if (!t || t->ncols > KNGG_SHEET_COLS_MAX || t->nrows > KNGG_SHEET_ROWS_MAX)
		abort();
	if (!strchr(";,\t", info.separator))
		abort();
	for (size_t c = 0; c < t->ncols; c++)
		if (!t->head[c] || !utf8((const unsigned char *)t->head[c]))
			abort();
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->line[r] <= line || t->line[r] <= t->head_line)
			abort();
		line = t->line[r];
		for (size_t c = 0; c < t->ncols; c++) {
			const kngg_cell *cell = kngg_table_cell(t, r, c);

			if ((cell->type == KNGG_CELL_EMPTY) != (cell->text == NULL))
				abort();
			if (cell->text && (strlen(cell->text) > KNGG_TEXT_MAX ||
					   !utf8((const unsigned char *)cell->text)))
				abort();
		}
	}
	kngg_table_free(t);
	return 0;
}
