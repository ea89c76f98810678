/*
 * util.h: private helpers of the engine (arena allocation, string buffer,
 * diagnostics formatting). Not part of the public API.
 */
#ifndef KNGG_UTIL_H
#define KNGG_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include "kngg/common.h"

#if defined(__GNUC__)
#define KNGG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define KNGG_PRINTF(f, a)
#endif

/* An arena: many allocations, one free. Allocations are zeroed. */
typedef struct kngg_arena kngg_arena;

kngg_arena *kngg_arena_new(void);
void kngg_arena_free(kngg_arena *arena);
/* Forgets every allocation but keeps one block for reuse. */
void kngg_arena_reset(kngg_arena *arena);
/* Returns NULL on out-of-memory; memory lives until kngg_arena_free(). */
void *kngg_arena_alloc(kngg_arena *arena, size_t size);
char *kngg_arena_strdup(kngg_arena *arena, const char *s);
char *kngg_arena_strndup(kngg_arena *arena, const char *s, size_t n);

/* A growable NUL-terminated string. Zero-initialise, free with kngg_buf_free. */
typedef struct {
	char *ptr;
	size_t len, cap;
	int failed; /* set once an allocation failed; further appends are ignored */
} kngg_buf;

void kngg_buf_put(kngg_buf *b, const char *s, size_t n);
void kngg_buf_puts(kngg_buf *b, const char *s);
void kngg_buf_printf(kngg_buf *b, const char *fmt, ...) KNGG_PRINTF(2, 3);
void kngg_buf_vprintf(kngg_buf *b, const char *fmt, va_list ap);
/* Appends s (n bytes) escaped for XML and HTML text and attribute values:
 * & < > " ' become character references. */
void kngg_buf_put_xml(kngg_buf *b, const char *s, size_t n);
/* Returns the content ("" when empty), never NULL. */
const char *kngg_buf_cstr(const kngg_buf *b);
void kngg_buf_free(kngg_buf *b);

/* Formats a message and hands it to diag (if non-NULL). */
void kngg_diagf(kngg_diag_fn diag, void *ctx, const char *fmt, ...) KNGG_PRINTF(3, 4);

/* Reads a whole regular file of at most max bytes; *out is malloc'd and
 * NUL-terminated. A symbolic link is followed; a FIFO, device, socket or
 * directory is refused without blocking or reading it, and so is a file
 * over max bytes, whether it says so beforehand or grows while being read.
 * Each refusal is one line through diag (may be NULL) naming the file:
 * "'PATH' is geen gewoon bestand", "'PATH' is te groot (5,0 MiB; maximaal
 * 4 MiB)", "kan 'PATH' niet lezen: REASON". 0, KNGG_EIO or KNGG_ENOMEM. */
int kngg_read_file_max(const char *path, size_t max, kngg_diag_fn diag, void *ctx, char **out,
		       size_t *len);
/* kngg_read_file_max() without a size limit or messages. */
int kngg_read_file(const char *path, char **out, size_t *len);

/* Writes len bytes to path atomically: a temporary file in the same
 * directory, flushed, then moved into place. Without force an existing
 * path is left alone and KNGG_EEXISTS returned. Reports through diag. */
int kngg_write_file_atomic(const char *path, const void *data, size_t len, int force,
			   kngg_diag_fn diag, void *ctx);

/* 1 when the comma-separated list in $KNGG_TEST_FAULT names point: the
 * tests' way to make a rename fail or a process die at a chosen moment.
 * Unset in normal use. */
int kngg_test_fault(const char *point);

/* ---- replacing files safely (fs.c) ---- */

/* The file path names once symlinks of its last component are followed
 * (relative targets against the link's directory; a dangling link gives
 * the path it points to). *out is the caller's to kngg_buf_free. 0,
 * KNGG_EINVALID for a loop, KNGG_ENOMEM. */
int kngg_path_resolve(const char *path, kngg_buf *out);
/* fsync()s the directory holding path, so that a rename in it is durable. */
int kngg_fsync_dir(const char *path);
/* Removes the temporary files left in path's directory by processes that
 * were killed: names prefix + PID, optionally followed by '.' and more,
 * whose PID no longer runs; for each also name + suffixes[i] (a NULL-
 * terminated list, or NULL). Returns how many were removed. */
int kngg_sweep_temp(const char *path, const char *prefix, const char *const *suffixes);

/* A month's Dutch name, 1 = "januari"; "" outside 1..12. */
const char *kngg_month_nl(int month);
/* An ISO date as Dutch people write it: "2026-07-01" -> "1 juli 2026".
 * Anything that is not an ISO date is copied as it is. */
void kngg_date_nl(const char *date, char out[32]);
/* An ISO date in ten columns at most, for tables: "2026-11-01" -> "1-11-2026";
 * "-" for NULL or anything that is not an ISO date. */
void kngg_date_short(const char *date, char out[11]);

#endif
