/*
 * seal.c: the rows that events refer to by id, covered by the audit chain.
 *
 * Events name municipalities, areas, cycles, organisations and persons by
 * id or code; the names live in those rows. Whenever the store writes such
 * a row it computes the row's digest and keeps it pending; the next event
 * appended in the same transaction carries the pending digests in its
 * `seal` column ("person:17:<hex> organisation:3:<hex>"), which its chain
 * hash covers. verify recomputes every row's digest and compares it with
 * the latest seal. A transaction that writes a row but no event is refused
 * at commit, so no write path can bypass the seal.
 *
 * A person's digest includes a random salt kept in the row. Erasing the
 * person clears the salt with the name, so the digests in the chain can no
 * longer be tied to the name they covered (a bare SHA-256 of a name could
 * be found by trying names).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_priv.h"

typedef struct {
	const char *table; /* also the key's prefix in a seal */
	const char *label; /* Dutch, for messages */
	const char *key;   /* its key column, selected first */
	const char *cols;  /* the columns the digest covers */
	const char *by_municipality; /* WHERE clause selecting one municipality's rows */
} row_kind;

static const row_kind kinds[] = {
	{"municipality", "gemeente", "code", "code, name, created_at", "code = ?1"},
	{"area", "gebied", "id", "id, municipality, name, target_group, created_at",
	 "municipality = ?1"},
	{"cycle", "cyclus", "id", "id, municipality, phase, number, started", "municipality = ?1"},
	{"organisation", "organisatie", "id", "id, municipality, name, type, created_at",
	 "municipality = ?1"},
	{"person", "persoon", "id",
	 "id, municipality, name, function, email, phone, organisation_id, level, created_at, "
	 "erased_at, salt",
	 "municipality = ?1"},
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

/* The digest of the row in stmt's columns first..end, each by its name and
 * its storage class, so that 1 and '1' or NULL and '' differ. */
static void row_digest(const row_kind *k, sqlite3_stmt *stmt, int first,
		       unsigned char out[32])
{
	crypto_hash_sha256_state h;
	int n = sqlite3_column_count(stmt);

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)"kngg-row-1", 10);
	crypto_hash_sha256_update(&h, (const unsigned char *)k->table, strlen(k->table) + 1);
	for (int i = first; i < n; i++) {
		int type = sqlite3_column_type(stmt, i);
		const void *p = type == SQLITE_BLOB ? sqlite3_column_blob(stmt, i)
						    : (const void *)sqlite3_column_text(stmt, i);
		int len = sqlite3_column_bytes(stmt, i);
		unsigned char tag = (unsigned char)type;

		crypto_hash_sha256_update(&h, &tag, 1);
		store_hash_put(&h, sqlite3_column_name(stmt, i), p, (size_t)len,
			       type == SQLITE_NULL);
	}
	crypto_hash_sha256_final(&h, out);
}

/* SELECT key, cols FROM table [WHERE where] ORDER BY key */
static int prepare_rows(kngg_store *st, const row_kind *k, const char *where,
			sqlite3_stmt **stmt)
{
	kngg_buf sql = {0};
	int rc;

	kngg_buf_printf(&sql, "SELECT %s, %s FROM %s%s%s ORDER BY %s", k->key, k->cols, k->table,
			where ? " WHERE " : "", where ? where : "", k->key);
	if (sql.failed)
		return KNGG_ENOMEM;
	rc = store_prepare(st, kngg_buf_cstr(&sql), stmt);
	kngg_buf_free(&sql);
	return rc;
}

/* Appends "table:key:hex" for the current row of stmt to the pending seals. */
static void add_pending(kngg_store *st, const row_kind *k, sqlite3_stmt *stmt)
{
	unsigned char d[32];
	char hex[65];

	row_digest(k, stmt, 1, d);
	store_digest_hex(d, hex);
	kngg_buf_printf(&st->pending, "%s%s:%s:%s", st->pending.len ? " " : "", k->table,
			store_col_text(stmt, 0), hex);
}

struct pending_walk {
	kngg_store *st;
	const row_kind *k;
};

static int map_pending(void *ctx, sqlite3_stmt *row)
{
	struct pending_walk *w = ctx;

	add_pending(w->st, w->k, row);
	return 0;
}

static const row_kind *kind_of(const char *table)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].table, table) == 0)
			return &kinds[i];
	return NULL;
}

int store_seal_row(kngg_store *st, const char *table, const char *code, int64_t id)
{
	const row_kind *k = kind_of(table);
	kngg_buf where = {0};
	sqlite3_stmt *stmt;
	int found, rc;

	if (!k)
		return KNGG_ERROR;
	kngg_buf_printf(&where, "%s = ?1", k->key);
	rc = where.failed ? KNGG_ENOMEM : prepare_rows(st, k, kngg_buf_cstr(&where), &stmt);
	kngg_buf_free(&where);
	if (rc < 0)
		return rc;
	if (code)
		store_bind_text(stmt, 1, code);
	else
		sqlite3_bind_int64(stmt, 1, id);
	if ((rc = store_walk(st, stmt, "verzegelen", map_pending, &(struct pending_walk){st, k},
			     &found)) < 0)
		return rc;
	if (!found)
		return KNGG_ENOTFOUND;
	return st->pending.failed ? KNGG_ENOMEM : 0;
}

int store_seal_municipality(kngg_store *st, const char *code)
{
	for (size_t i = 0; i < NKINDS; i++) {
		sqlite3_stmt *stmt;
		int rc = prepare_rows(st, &kinds[i], kinds[i].by_municipality, &stmt);

		if (rc < 0)
			return rc;
		store_bind_text(stmt, 1, code);
		if ((rc = store_walk(st, stmt, "verzegelen", map_pending,
				     &(struct pending_walk){st, &kinds[i]}, NULL)) < 0)
			return rc;
	}
	return st->pending.failed ? KNGG_ENOMEM : 0;
}

/* ---- verify ----------------------------------------------------------------- */

struct seal_entry {
	char *key;     /* "person:17" */
	char hex[65];
	int64_t event; /* the event that carried it */
	int seen;      /* a row matched it */
};

void store_seals_free(store_seals *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->list[i].key);
	free(s->list);
	memset(s, 0, sizeof(*s));
}

int store_seals_add(store_seals *s, const char *text, int64_t event)
{
	const char *p = text;

	while (p && *p) {
		const char *end = strchr(p, ' '), *colon;
		size_t len = end ? (size_t)(end - p) : strlen(p);

		colon = len > 65 ? p + len - 65 : NULL;
		if (!colon || *colon != ':')
			return KNGG_EINVALID;
		if (s->n == s->cap) {
			size_t cap = s->cap ? 2 * s->cap : 64;
			struct seal_entry *l = realloc(s->list, cap * sizeof(*l));

			if (!l)
				return KNGG_ENOMEM;
			s->list = l;
			s->cap = cap;
		}
		if (!(s->list[s->n].key = strndup(p, (size_t)(colon - p))))
			return KNGG_ENOMEM;
		memcpy(s->list[s->n].hex, colon + 1, 64);
		s->list[s->n].hex[64] = '\0';
		s->list[s->n].event = event;
		s->list[s->n].seen = 0;
		s->n++;
		p = end ? end + 1 : NULL;
	}
	return 0;
}

static int by_key_then_event(const void *a, const void *b)
{
	const struct seal_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->event > y->event) - (x->event < y->event);
}

/* Keeps the latest seal of each key, sorted by key. */
static void latest_only(store_seals *s)
{
	size_t out = 0;

	if (s->n > 1)
		qsort(s->list, s->n, sizeof(*s->list), by_key_then_event);
	for (size_t i = 0; i < s->n; i++) {
		if (i + 1 < s->n && strcmp(s->list[i].key, s->list[i + 1].key) == 0) {
			free(s->list[i].key);
			continue;
		}
		s->list[out++] = s->list[i];
	}
	s->n = out;
}

static struct seal_entry *find(store_seals *s, const char *key)
{
	if (!s->n)
		return NULL;
	for (size_t lo = 0, hi = s->n; lo < hi;) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, s->list[mid].key);

		if (c == 0)
			return &s->list[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* "persoon 17", "gemeente GM0479" */
static void describe(char *out, size_t size, const char *key)
{
	const char *colon = strchr(key, ':');
	size_t len = colon ? (size_t)(colon - key) : strlen(key);

	for (size_t i = 0; i < NKINDS; i++)
		if (strlen(kinds[i].table) == len && strncmp(kinds[i].table, key, len) == 0) {
			snprintf(out, size, "%s %s", kinds[i].label, colon ? colon + 1 : "");
			return;
		}
	snprintf(out, size, "%s", key);
}

struct seals_walk {
	const row_kind *k;
	store_seals *s;
	kngg_verify_result *r;
};

/* One row of a sealed table against the latest seal the chain holds. */
static int map_seal_check(void *ctx, sqlite3_stmt *row)
{
	struct seals_walk *w = ctx;
	unsigned char d[32];
	char key[64], hex[65], what[96];
	struct seal_entry *e;

	snprintf(key, sizeof(key), "%s:%s", w->k->table, store_col_text(row, 0));
	describe(what, sizeof(what), key);
	row_digest(w->k, row, 1, d);
	store_digest_hex(d, hex);
	if (!(e = find(w->s, key)))
		return store_verify_bad(w->r, 0, "%s staat niet in de keten: buiten kngg om toegevoegd",
					what);
	e->seen = 1;
	if (strcmp(e->hex, hex) != 0)
		return store_verify_bad(w->r, e->event,
					"%s wijkt af van wat daar is vastgelegd (naam of andere gegevens zijn buiten kngg om gewijzigd)",
					what);
	return 0;
}

int store_seals_check(kngg_store *st, store_seals *s, kngg_verify_result *r)
{
	char what[96];

	latest_only(s);
	for (size_t i = 0; i < NKINDS; i++) {
		struct seals_walk w = {&kinds[i], s, r};
		sqlite3_stmt *stmt;
		int rc = prepare_rows(st, &kinds[i], NULL, &stmt);

		if (rc < 0 ||
		    (rc = store_walk(st, stmt, "controleren van de namen", map_seal_check, &w, NULL)) < 0)
			return rc;
	}
	for (size_t i = 0; i < s->n; i++)
		if (!s->list[i].seen) {
			describe(what, sizeof(what), s->list[i].key);
			return store_verify_bad(r, s->list[i].event,
						"%s ontbreekt: buiten kngg om verwijderd", what);
		}
	return 0;
}
