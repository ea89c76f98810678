/*
 * table.h: spreadsheets in and out. A table is a header row and rows of
 * typed cells (text, number, date): what `--format csv|xlsx` writes and
 * what `kngg stakeholder import` reads from a CSV or .xlsx file.
 *
 * CSV is read here (kngg_csv_read); .xlsx is read and written by the
 * module kngg-sheet.so (libzip, libxml2, libxlsxwriter; src/mod/modules.h),
 * which fills and takes the same kngg_table.
 */
#ifndef KNGG_TABLE_H
#define KNGG_TABLE_H

#include <stddef.h>

#include "kngg/common.h"
#include "kngg/people.h"
#include "kngg/readiness.h"
#include "kngg/track.h"

typedef enum {
	KNGG_CELL_EMPTY = 0,
	KNGG_CELL_TEXT,
	KNGG_CELL_NUMBER, /* number holds the value, text the number as written */
	KNGG_CELL_DATE    /* text holds the day as YYYY-MM-DD */
} kngg_cell_type;

typedef struct {
	kngg_cell_type type;
	const char *text; /* NULL only when empty */
	double number;
} kngg_cell;

typedef struct kngg_table {
	const char *name;      /* the sheet's name (xlsx), or NULL */
	const char *unit;      /* how rows are counted in messages: "regel" (CSV), "rij" (xlsx) */
	size_t ncols;
	const char **head;     /* ncols titles */
	long head_line;        /* where the header row is */
	size_t nrows;          /* rows after the header */
	kngg_cell *cells;      /* nrows * ncols, row by row */
	long *line;            /* per row: the line (CSV) or row number (xlsx) it starts on */
	size_t cap;
	struct kngg_arena *arena;
} kngg_table;

/* A table of ncols columns titled head[0..ncols-1] (copied); NULL when out
 * of memory. Free with kngg_table_free. */
kngg_table *kngg_table_new(const char *name, size_t ncols, const char *const *head);
void kngg_table_free(kngg_table *t);
/* Appends an empty row that starts on line (0 when not read from a file). */
int kngg_table_row(kngg_table *t, long line);
/* Puts the rows in the opposite order (the logboek: newest first). */
void kngg_table_reverse(kngg_table *t);
/* Fills cell col of the last row: a text (NULL or "": left empty), a
 * number, a day (YYYY-MM-DD; anything else is kept as text). */
int kngg_table_text(kngg_table *t, size_t col, const char *s);
int kngg_table_number(kngg_table *t, size_t col, double v);
int kngg_table_date(kngg_table *t, size_t col, const char *day);
const kngg_cell *kngg_table_cell(const kngg_table *t, size_t row, size_t col);

/* What kngg_csv_read found out about a file. */
typedef struct {
	char separator;  /* ';', ',' or '\t' */
	int bom;         /* it started with a UTF-8 byte order mark */
	int cp1252;      /* it was not UTF-8 and was read as Windows-1252 */
} kngg_csv_info;

/*
 * Reads CSV text of len bytes: the separator (;, comma or tab) is the one
 * a first line "sep=;" names (as Excel writes it), else the one the
 * header line holds most of (outside quotes); fields may be quoted
 * ("..." with "" for a quote, holding separators and line breaks); a
 * UTF-8 byte order mark is skipped; text that is not UTF-8 is converted
 * from Windows-1252 (info->cp1252). Blank lines are skipped. Every cell is
 * text. Limits: KNGG_SHEET_ROWS_MAX rows, KNGG_SHEET_COLS_MAX columns,
 * KNGG_TEXT_MAX bytes a cell. Problems go to diag as one line naming file
 * and line: KNGG_EINVALID, KNGG_ENOMEM.
 */
int kngg_csv_read(const char *data, size_t len, const char *file, kngg_diag_fn diag, void *ctx,
		  kngg_table **out, kngg_csv_info *info);

/* ---- what kngg shows, as tables -------------------------------------------------- */

/* For `--format csv|xlsx` and the web's downloads; *out (or out[0..2]) to
 * be freed with kngg_table_free. KNGG_ENOMEM, or a reported error. */
/* The register (`stakeholder list`): the id a number, the analysis a day. */
int kngg_register_table(const kngg_defs *defs, const kngg_register *r, kngg_table **out);
/* The journal of code from since (NULL: all), one row per event. */
int kngg_journal_table(kngg_tracker *t, const char *code, const char *since, kngg_table **out);
/* `status` as three sheets: overzicht, stappen (every step of every run),
 * factoren (the latest check of each). */
int kngg_status_tables(const kngg_status *s, const kngg_readiness *r, kngg_table *out[3]);

/* ---- importing a stakeholder register ------------------------------------- */

typedef struct {
	int persons;   /* stakeholders added */
	int orgs;      /* organisations created */
	int analyses;  /* analyses recorded (rows with scores) */
} kngg_import_counts;

/*
 * Imports a stakeholder register into municipality code: one stakeholder
 * per row, through kngg_stakeholder_add (and kngg_stakeholder_assess when
 * the row gives influence, interest, urgency, stance or commitment), all
 * in one transaction: the first row that fails rolls everything back and
 * its message names the file, the line and the column ("register.csv
 * regel 7, kolom 'invloed': ..."). Columns are found by their Dutch or
 * English title, in any case and with or without accents (naam/name, or
 * voornaam + tussenvoegsel + achternaam,
 * organisatie/organisation, type, functie/function, niveau/level,
 * e-mail, telefoon/phone, invloed/influence, belang/interest,
 * urgentie/urgency, houding/attitude, commitment, ronde/round,
 * gebied/area, analyse/datum/date); other columns are reported to warn
 * and skipped. file is the name used in messages. o: --date, --by,
 * --note for every row (a row's own date column dates its analysis).
 */
int kngg_stakeholder_import(kngg_tracker *t, const char *code, const kngg_table *tab,
			    const char *file, const kngg_track_opts *o, kngg_import_counts *n);

#endif
