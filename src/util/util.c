/*
 * util.c: arena, string buffer and small file helpers.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ARENA_BLOCK 16384

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

struct kngg_arena {
	struct arena_block *head;
};

kngg_arena *kngg_arena_new(void)
{
	return calloc(1, sizeof(kngg_arena));
}

void kngg_arena_free(kngg_arena *arena)
{
	struct arena_block *b, *next;

	if (!arena)
		return;
	for (b = arena->head; b; b = next) {
		next = b->next;
		free(b);
	}
	free(arena);
}

void kngg_arena_reset(kngg_arena *arena)
{
	struct arena_block *b, *next;

	if (!arena || !arena->head)
		return;
	/* keep the newest block (the others go), empty */
	for (b = arena->head->next; b; b = next) {
		next = b->next;
		free(b);
	}
	arena->head->next = NULL;
	arena->head->used = 0;
}

void *kngg_arena_alloc(kngg_arena *arena, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	struct arena_block *b = arena->head;
	void *p;

	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	if (!b || b->size - b->used < size) {
		size_t want = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		b = malloc(sizeof(*b) + want);
		if (!b)
			return NULL;
		b->size = want;
		b->used = 0;
		b->next = arena->head;
		arena->head = b;
	}
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *kngg_arena_strndup(kngg_arena *arena, const char *s, size_t n)
{
	char *p = kngg_arena_alloc(arena, n + 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

char *kngg_arena_strdup(kngg_arena *arena, const char *s)
{
	return s ? kngg_arena_strndup(arena, s, strlen(s)) : NULL;
}

static int buf_grow(kngg_buf *b, size_t extra)
{
	size_t cap;
	char *p;

	if (b->failed)
		return -1;
	if (b->len + extra + 1 <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	p = realloc(b->ptr, cap);
	if (!p) {
		b->failed = 1;
		return -1;
	}
	b->ptr = p;
	b->cap = cap;
	return 0;
}

void kngg_buf_put(kngg_buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n) < 0)
		return;
	memcpy(b->ptr + b->len, s, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void kngg_buf_puts(kngg_buf *b, const char *s)
{
	kngg_buf_put(b, s, strlen(s));
}

void kngg_buf_vprintf(kngg_buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0 || buf_grow(b, (size_t)n) < 0)
		return;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void kngg_buf_printf(kngg_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kngg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *kngg_buf_cstr(const kngg_buf *b)
{
	return b->ptr ? b->ptr : "";
}

void kngg_buf_free(kngg_buf *b)
{
	free(b->ptr);
	memset(b, 0, sizeof(*b));
}

void kngg_diagf(kngg_diag_fn diag, void *ctx, const char *fmt, ...)
{
	kngg_buf b = {0};
	va_list ap;

	if (!diag)
		return;
	va_start(ap, fmt);
	kngg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag(ctx, b.failed ? "onvoldoende geheugen" : kngg_buf_cstr(&b));
	kngg_buf_free(&b);
}

/* bytes as MiB for messages, Dutch style and rounded up: "4", "5,1". */
static const char *mib(char out[32], unsigned long long bytes, int whole)
{
	unsigned long long tenths = (bytes >> 20) * 10 + (((bytes & 0xFFFFF) * 10 + 0xFFFFF) >> 20);

	if (whole && tenths % 10 == 0)
		snprintf(out, 32, "%llu", tenths / 10);
	else
		snprintf(out, 32, "%llu,%llu", tenths / 10, tenths % 10);
	return out;
}

/* Reads fd to its end, but never more than max + 1 bytes: one more than
 * allowed tells a file that grew past max from one that ends there. */
static int read_bounded(int fd, size_t size_hint, size_t max, char **out, size_t *len)
{
	size_t cap = (size_hint < 4096 ? 4096 : size_hint) + 2, n = 0;
	char *data, *grown;

	if (cap > max + 2)
		cap = max + 2;
	if (!(data = malloc(cap)))
		return KNGG_ENOMEM;
	for (;;) {
		ssize_t r;

		if (n == cap - 1) {
			if (n > max)
				break;
			cap = cap > (max + 2) / 2 ? max + 2 : cap * 2;
			if (!(grown = realloc(data, cap))) {
				free(data);
				return KNGG_ENOMEM;
			}
			data = grown;
		}
		r = read(fd, data + n, cap - 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(data);
			return KNGG_EIO;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	data[n] = '\0';
	*out = data;
	*len = n;
	return 0;
}

int kngg_read_file_max(const char *path, size_t max, kngg_diag_fn diag, void *ctx, char **out,
		       size_t *len)
{
	char size_s[32], max_s[32];
	struct stat st;
	int fd, flags, rc = KNGG_EIO;

	*out = NULL;
	*len = 0;
	if (max > SIZE_MAX - 2)
		max = SIZE_MAX - 2;
	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		kngg_diagf(diag, ctx, "kan '%s' niet lezen: %s", path, strerror(errno));
		return KNGG_EIO;
	}
	if (fstat(fd, &st) != 0 || (flags = fcntl(fd, F_GETFL)) < 0) {
		kngg_diagf(diag, ctx, "kan '%s' niet lezen: %s", path, strerror(errno));
		goto done;
	}
	if (!S_ISREG(st.st_mode)) {
		kngg_diagf(diag, ctx, "'%s' is geen gewoon bestand", path);
		goto done;
	}
	if ((unsigned long long)st.st_size > max) {
		kngg_diagf(diag, ctx, "'%s' is te groot (%s MiB; maximaal %s MiB)", path,
			   mib(size_s, (unsigned long long)st.st_size, 0), mib(max_s, max, 1));
		goto done;
	}
	if (fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
		kngg_diagf(diag, ctx, "kan '%s' niet lezen: %s", path, strerror(errno));
		goto done;
	}
	rc = read_bounded(fd, (size_t)st.st_size, max, out, len);
	if (rc == KNGG_EIO)
		kngg_diagf(diag, ctx, "kan '%s' niet lezen: %s", path, strerror(errno));
	else if (rc == 0 && *len > max) {
		kngg_diagf(diag, ctx, "'%s' is te groot (groeide tijdens het lezen; maximaal %s MiB)",
			   path, mib(max_s, max, 1));
		free(*out);
		*out = NULL;
		*len = 0;
		rc = KNGG_EIO;
	}
done:
	close(fd);
	return rc;
}

int kngg_read_file(const char *path, char **out, size_t *len)
{
	return kngg_read_file_max(path, SIZE_MAX, NULL, NULL, out, len);
}

void kngg_buf_put_xml(kngg_buf *b, const char *s, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		kngg_buf_put(b, s + start, i - start);
		kngg_buf_puts(b, rep);
		start = i + 1;
	}
	kngg_buf_put(b, s + start, n - start);
}

/* Writes data to fd, whole. */
static int write_all(int fd, const void *data, size_t len)
{
	size_t done = 0;

	while (done < len) {
		ssize_t w = write(fd, (const char *)data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		done += (size_t)w;
	}
	return 0;
}

int kngg_write_file_atomic(const char *path, const void *data, size_t len, int force,
			   kngg_diag_fn diag, void *ctx)
{
	const char *slash, *base;
	kngg_buf tmp = {0}, real = {0}, prefix = {0};
	struct stat st;
	mode_t mask;
	int fd = -1, rc = KNGG_EIO;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		kngg_diagf(diag, ctx, "%s is een map, geen bestand", path);
		return KNGG_EINVALID;
	}
	if (!force && stat(path, &st) == 0) {
		kngg_diagf(diag, ctx, "%s bestaat al; gebruik --force om het te vervangen", path);
		return KNGG_EEXISTS;
	}
	/* through a symlink to the file it names: the link itself stays */
	if ((rc = kngg_path_resolve(path, &real)) < 0) {
		kngg_diagf(diag, ctx, "kan %s niet schrijven: te veel symbolische koppelingen", path);
		return rc;
	}
	slash = strrchr(real.ptr, '/');
	base = slash ? slash + 1 : real.ptr;
	/* the temporary file sits beside the target, so rename() stays atomic;
	 * its name carries our pid, so a later run can sweep it if we die */
	kngg_buf_printf(&prefix, ".%s.", base);
	if (slash)
		kngg_buf_put(&tmp, real.ptr, (size_t)(slash - real.ptr) + 1);
	kngg_buf_printf(&tmp, "%s%ld.XXXXXX", kngg_buf_cstr(&prefix), (long)getpid());
	if (tmp.failed || prefix.failed) {
		rc = KNGG_ENOMEM;
		goto cleanup;
	}
	kngg_sweep_temp(real.ptr, prefix.ptr, NULL);
	rc = KNGG_EIO;
	if ((fd = mkstemp(tmp.ptr)) < 0) {
		kngg_diagf(diag, ctx, "kan %s niet schrijven: %s", path, strerror(errno));
		goto cleanup;
	}
	mask = umask(0);
	umask(mask);
	if (write_all(fd, data, len) < 0 || fchmod(fd, 0666 & ~mask) < 0 || fsync(fd) < 0)
		goto fail;
	if (close(fd) < 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (force) {
		if (rename(tmp.ptr, real.ptr) < 0)
			goto fail;
	} else if (link(tmp.ptr, real.ptr) < 0) {
		/* link() refuses to replace what appeared meanwhile; rename() would not */
		if (errno == EEXIST) {
			kngg_diagf(diag, ctx, "%s bestaat al; gebruik --force om het te vervangen", path);
			rc = KNGG_EEXISTS;
			goto cleanup;
		}
		if ((errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS) ||
		    rename(tmp.ptr, real.ptr) < 0)
			goto fail;
	} else {
		unlink(tmp.ptr);
	}
	kngg_fsync_dir(real.ptr);
	kngg_buf_free(&tmp);
	kngg_buf_free(&real);
	kngg_buf_free(&prefix);
	return 0;
fail:
	kngg_diagf(diag, ctx, "kan %s niet schrijven: %s", path, strerror(errno));
	rc = KNGG_EIO;
cleanup:
	if (fd >= 0)
		close(fd);
	if (tmp.ptr && !tmp.failed)
		unlink(tmp.ptr);
	kngg_buf_free(&tmp);
	kngg_buf_free(&real);
	kngg_buf_free(&prefix);
	return rc;
}

static const char *const months_nl[] = {"januari", "februari", "maart",     "april",
					"mei",     "juni",     "juli",      "augustus",
					"september", "oktober", "november", "december"};

const char *kngg_month_nl(int month)
{
	return month >= 1 && month <= 12 ? months_nl[month - 1] : "";
}

void kngg_date_nl(const char *date, char out[32])
{
	int y, m, d;

	if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
		snprintf(out, 32, "%d %s %d", d, months_nl[m - 1], y);
	else
		snprintf(out, 32, "%s", date ? date : "");
}

void kngg_date_short(const char *date, char out[11])
{
	int y, m, d;

	if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
	    d > 31 || y < 0) {
		snprintf(out, 11, "-");
		return;
	}
	snprintf(out, 11, "%u-%u-%04u", (unsigned)d % 100u, (unsigned)m % 100u, (unsigned)y % 10000u);
}
