/*
 * limits.h: the domain's limits, in one place. The engine enforces them
 * and words the message; the fronts use the same constants for their own
 * hints (an input's min/max, a label) and never decide a limit themselves.
 * Limits that come from the definitions (a factor's or the QuickScan's
 * scale) are read from them: kngg_defs_factor_scale(), kngg_defs_quickscan().
 */
#ifndef KNGG_LIMITS_H
#define KNGG_LIMITS_H

/* The phases of the guide, numbered 1..KNGG_PHASES; phases from
 * KNGG_CYCLE_PHASE on run in cycles (plan-do-check-act). */
#define KNGG_PHASES 4
#define KNGG_CYCLE_PHASE 3

/* Hours per week a role holder contributes to the project (the guide's
 * projectorganisatie, step 1.7): a whole number from 1 to 80 when said.
 * 0 is not a value but "not said": a role without hours of its own (a
 * wethouder who signs, a deputy) is recorded without --hours, and the
 * export shows null. */
#define KNGG_HOURS_MIN 1
#define KNGG_HOURS_MAX 80

/* An account's password, in bytes. */
#define KNGG_PASSWORD_MIN 10
#define KNGG_PASSWORD_MAX 256

/* A name (municipality, organisation, person, area: one line, as the
 * schema's CHECK) and a free text (note, contribution, reason), in bytes. */
#define KNGG_NAME_MAX 200
#define KNGG_TEXT_MAX 2000

/* Spreadsheets read by `kngg stakeholder import`: the file (CSV or .xlsx),
 * the rows and columns of a sheet, and, inside an .xlsx (a zip), the
 * uncompressed size of one part and how many times it may be larger than
 * its compressed size (a zip bomb unpacks a few KiB into gigabytes). */
#define KNGG_SHEET_FILE_MAX (16 * 1024 * 1024)
#define KNGG_SHEET_ROWS_MAX 10000
#define KNGG_SHEET_COLS_MAX 100
#define KNGG_SHEET_PART_MAX (16 * 1024 * 1024)
#define KNGG_SHEET_RATIO_MAX 200

/* A limit as a string literal, for labels and attributes:
 * "minstens " KNGG_LIMIT_STR(KNGG_PASSWORD_MIN) " tekens". */
#define KNGG_LIMIT_STR_(x) #x
#define KNGG_LIMIT_STR(x) KNGG_LIMIT_STR_(x)

#endif
