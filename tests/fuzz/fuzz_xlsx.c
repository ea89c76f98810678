/*
 * fuzz_xlsx.c: libFuzzer target for the .xlsx reader of `kngg stakeholder
 * import` (sheet_xlsx_read in kngg-sheet.so): any bytes either fail with a
 * message or give a table within the limits whose rows rise.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kngg/limits.h"
#include "sheet/sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int said;

static void diag(void *ctx, const char *msg)
{
	(void)ctx;
	if (!msg || !*msg)
		abort();
	said = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kngg_table *t = NULL;
	long line = 0;

	said = 0;
	if (sheet_xlsx_read((const char *)data, size, "f.xlsx", diag, NULL, &t) < 0) {
		if (!said || t)
			abort();
		return 0;
	}
	if (!t || t->ncols > KNGG_SHEET_COLS_MAX || t->nrows > KNGG_SHEET_ROWS_MAX)
		abort();
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->line[r] <= line || t->line[r] <= t->head_line)
			abort();
		line = t->line[r];
		for (size_t c = 0; c < t->ncols; c++) {
			const kngg_cell *cell = kngg_table_cell(t, r, c);

			if ((cell->type == KNGG_CELL_EMPTY) != (cell->text == NULL))
				abort();
			if (cell->type == KNGG_CELL_DATE && strlen(cell->text) != 10)
				abort();
		}
	}
	kngg_table_free(t);
	return 0;
}
