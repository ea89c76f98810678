/*
 * text.h: reading what people type. Folding for matching (case and
 * accents), a small edit distance for "bedoelde je ...?", and dates as
 * Dutch people write them. Shared by the engine and every front, so that a
 * value is accepted the same way everywhere.
 */
#ifndef KNGG_UTIL_TEXT_H
#define KNGG_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

/*
 * Appends s folded for matching to out: UTF-8 lowercased, Latin diacritics
 * stripped (ï -> i, É -> e, ß -> ss, ĳ -> ij), runs of spaces and tabs as
 * one space, none at either end. Bytes that are not valid UTF-8 are kept.
 * Two values match when their folds are equal.
 */
void kngg_fold(const char *s, kngg_buf *out);
/* 1 when a and b fold to the same text (either may be NULL: no match). */
int kngg_fold_eq(const char *a, const char *b);
/* As kngg_fold_eq, and '-', '_' and ' ' count as one and the same
 * separator: for list ids ("formeel-vastgelegd" = "Formeel vastgelegd"). */
int kngg_fold_eq_id(const char *a, const char *b);

/* The Levenshtein distance between the folds of a and b, or a number
 * above limit once it is certain to exceed limit. */
size_t kngg_fold_distance(const char *a, const char *b, size_t limit);
/* 1 when typed is a near miss of candidate: not equal when folded, but a
 * small edit away (1 for short words, 2 from 6 characters, 3 from 12). */
int kngg_near_miss(const char *typed, const char *candidate);

/*
 * Picks the one suggestion for a near miss: call kngg_suggest_offer() for
 * each candidate (copied: it may be gone after the call);
 * kngg_suggest_best() is the closest near miss, or NULL when there is none
 * or two are equally close. kngg_suggest_offer() returns 1 when candidate
 * is the best so far.
 */
typedef struct {
	const char *typed;
	char best[256];
	int has;
	size_t distance;
	int ties;
} kngg_suggest;
void kngg_suggest_init(kngg_suggest *sg, const char *typed);
int kngg_suggest_offer(kngg_suggest *sg, const char *candidate);
const char *kngg_suggest_best(const kngg_suggest *sg);

/*
 * A date as Dutch people write it, into out as YYYY-MM-DD: ISO
 * (2026-07-01, also 2026-7-1), day-month-year with '-', '/' or '.'
 * (1-7-2026, 01-07-2026; never month first), and with the month's name or
 * abbreviation in any case (1 juli 2026, 1 jul. 2026, 1 Juli 2026, 1-jul-2026).
 * Years 1900-2199; the day must exist (31-2-2026 is refused). Returns 1
 * when s is such a date, else 0 (out is then "").
 */
int kngg_date_parse(const char *s, char out[11]);

/*
 * An amount in euros as Dutch people type it, into *cents (exact, no
 * floating point): 45000, 45.000, 45.000,50, 45000,5, 45.000,-, with or
 * without a leading "€" or "EUR". A comma is the decimal separator (one or
 * two digits, or "-"), a dot only ever separates thousands (groups of
 * three), so 12.5 and 45000.50 are refused as ambiguous. Returns 1 when s
 * is such an amount above zero that fits in int64 cents; else 0 with *why
 * (may be NULL) a Dutch reason, and *cents 0.
 */
int kngg_amount_parse(const char *s, int64_t *cents, const char **why);
/* cents as Dutch people write money: "€ 45.000,00", "-€ 12,50". out[40]. */
void kngg_amount_nl(int64_t cents, char out[40]);

/* Appends s (n bytes) to out with every ISO date in it said the Dutch way
 * ("1 juli 2026"): a day that exists, not part of a longer run of digits and
 * hyphens (a code stays as it is). For the web and the documents alike. */
void kngg_dates_nl(kngg_buf *out, const char *s, size_t n);

/* The number of days from 1970-01-01 to date (YYYY-MM-DD, a day that
 * exists) into *out; -1 for anything else. */
int kngg_day_number(const char *date, long *out);

#endif
