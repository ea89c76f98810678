/*
 * xlsx_write.c: tables to an .xlsx workbook with libxlsxwriter.
 *
 * libxlsxwriter writes to a file name only, so a workbook is written to a
 * private temporary file, read back and removed; the caller then has the
 * bytes (the web's downloads) or writes them atomically to -o FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "kngg/limits.h"
#include "sheet/sheet.h"
#include "util/util.h"

#define WIDTH_MAX 60 /* characters; longer text wraps in Excel's own way */

static size_t utf8_len(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\ */
static void sheet_name(const kngg_table *t, size_t i, char out[128])
{
	const char *s = t->name;
	size_t k = 0, chars = 0;

	if (!s || !*s) {
		snprintf(out, 128, "Blad%zu", i + 1);
		return;
	}
	while (*s && chars < 31) {
		unsigned char c = (unsigned char)*s;
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (strnlen(s, n) < n)
			break;
		if (strchr("[]:*?/\\", c))
			out[k++] = '-';
		else
			memcpy(out + k, s, n), k += n;
		s += n;
		chars++;
	}
	out[k] = '\0';
}

static int write_sheet(lxw_workbook *wb, const kngg_table *t, size_t i, lxw_format *bold,
		       lxw_format *datefmt)
{
	char name[128];
	lxw_worksheet *ws;
	double width[KNGG_SHEET_COLS_MAX];
	size_t ncols = t->ncols < KNGG_SHEET_COLS_MAX ? t->ncols : KNGG_SHEET_COLS_MAX;

	sheet_name(t, i, name);
	if (!(ws = workbook_add_worksheet(wb, name)))
		return KNGG_ERROR;
	for (size_t c = 0; c < ncols; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, t->head[c], bold);
		width[c] = (double)utf8_len(t->head[c]) + 3; /* room for the filter button */
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < ncols; c++) {
			const kngg_cell *cell = kngg_table_cell(t, r, c);
			lxw_row_t row = (lxw_row_t)(r + 1);
			lxw_col_t col = (lxw_col_t)c;
			double w = 0;

			switch (cell->type) {
			case KNGG_CELL_EMPTY:
				break;
			case KNGG_CELL_NUMBER:
				worksheet_write_number(ws, row, col, cell->number, NULL);
				w = (double)strlen(cell->text);
				break;
			case KNGG_CELL_DATE: {
				lxw_datetime d = {0};

				sscanf(cell->text, "%4d-%2d-%2d", &d.year, &d.month, &d.day);
				worksheet_write_datetime(ws, row, col, &d, datefmt);
				w = 10;
				break;
			}
			case KNGG_CELL_TEXT:
				worksheet_write_string(ws, row, col, cell->text, NULL);
				w = (double)utf8_len(cell->text);
				break;
			}
			if (w + 1 > width[c])
				width[c] = w + 1;
		}
	}
	for (size_t c = 0; c < ncols; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     width[c] > WIDTH_MAX ? WIDTH_MAX : width[c], NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (ncols)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(ncols - 1));
	return 0;
}

int sheet_xlsx_render(const kngg_table *const *tabs, size_t n, kngg_diag_fn diag, void *ctx,
		      char **out, size_t *len)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	lxw_workbook *wb;
	lxw_format *bold, *datefmt;
	lxw_error err;
	int fd, rc = 0;

	*out = NULL;
	*len = 0;
	snprintf(path, sizeof(path), "%s/kngg-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		kngg_diagf(diag, ctx, "kan geen tijdelijk bestand maken voor het Excel-bestand");
		return KNGG_EIO;
	}
	close(fd);
	if (!(wb = workbook_new(path))) {
		unlink(path);
		kngg_diagf(diag, ctx, "onvoldoende geheugen voor het Excel-bestand");
		return KNGG_ENOMEM;
	}
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	datefmt = workbook_add_format(wb);
	format_set_num_format(datefmt, "d-m-yyyy");
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = write_sheet(wb, tabs[i], i, bold, datefmt);
	err = workbook_close(wb);
	if (rc == 0 && err != LXW_NO_ERROR) {
		kngg_diagf(diag, ctx, "kan het Excel-bestand niet maken: %s", lxw_strerror(err));
		rc = KNGG_EIO;
	} else if (rc < 0) {
		kngg_diagf(diag, ctx, "kan het Excel-bestand niet maken");
	}
	if (rc == 0 && kngg_read_file(path, out, len) < 0) {
		kngg_diagf(diag, ctx, "kan het Excel-bestand niet teruglezen");
		rc = KNGG_EIO;
	}
	unlink(path);
	return rc;
}

int sheet_xlsx_write(const kngg_table *const *tabs, size_t n, const char *path, int force,
		     kngg_diag_fn diag, void *ctx)
{
	char *data;
	size_t len;
	int rc = sheet_xlsx_render(tabs, n, diag, ctx, &data, &len);

	if (rc == 0)
		rc = kngg_write_file_atomic(path, data, len, force, diag, ctx);
	free(data);
	return rc;
}
