/*
 * sheet.h: .xlsx in and out (kngg-sheet.so): reading the first sheet of a
 * workbook with libzip and libxml2, writing workbooks with libxlsxwriter.
 * Both work on kngg_table (kngg/table.h); see src/mod/modules.h.
 */
#ifndef KNGG_SHEET_H
#define KNGG_SHEET_H

#include <stddef.h>

#include "kngg/plan.h"
#include "kngg/table.h"

/* The first sheet of the .xlsx in data (len bytes) as a table: its first
 * non-empty row is the header; numbers stay numbers, cells with a date
 * format become days (YYYY-MM-DD). Guards against zip bombs: every part
 * read is at most KNGG_SHEET_PART_MAX bytes unpacked and at most
 * KNGG_SHEET_RATIO_MAX times its packed size (kngg/limits.h). Messages
 * name file. */
int sheet_xlsx_read(const char *data, size_t len, const char *file, kngg_diag_fn diag,
		    void *ctx, kngg_table **out);

/* The tables as the sheets of one workbook: a bold header row, frozen,
 * with an autofilter; columns as wide as their content; numbers as
 * numbers, days as Excel dates shown d-m-yyyy. Into memory (*out
 * malloc'd) or to path (atomically; force replaces an existing file). */
int sheet_xlsx_render(const kngg_table *const *tabs, size_t n, kngg_diag_fn diag, void *ctx,
		      char **out, size_t *len);
int sheet_xlsx_write(const kngg_table *const *tabs, size_t n, const char *path, int force,
		     kngg_diag_fn diag, void *ctx);

/* The plan as an iCalendar file (libical; ical_write.c): one all-day event
 * per planned step; *out malloc'd, *len its length. */
int sheet_plan_ics(const kngg_plan *p, char **out, size_t *len, kngg_diag_fn diag, void *ctx);

#endif
