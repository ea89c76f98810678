/*
 * chain.c: the audit chain over the journal. Each event's hash is
 * SHA-256(previous hash || canonical content); the first event's previous
 * hash is 32 zero bytes. The content covers every column of the event;
 * its free text (value, data, note) enters through text_digest, so that an
 * erase can redact a name from it: a later chained note.redact event then
 * records the digest of the redacted text, and verify accepts exactly that.
 * Persons enter by id, never by name.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/store_priv.h"

#define HASH_LEN crypto_hash_sha256_BYTES

typedef crypto_hash_sha256_state hash_state;

/* Fields: name, then 0x00 for NULL or 0x01, an 8-byte big-endian length and
 * the bytes. Unambiguous whatever the text holds. */
void store_hash_put(hash_state *h, const char *name, const void *p, size_t len, int is_null)
{
	unsigned char head[9];

	crypto_hash_sha256_update(h, (const unsigned char *)name, strlen(name) + 1);
	if (is_null) {
		head[0] = 0;
		crypto_hash_sha256_update(h, head, 1);
		return;
	}
	head[0] = 1;
	for (int i = 0; i < 8; i++)
		head[1 + i] = (unsigned char)((uint64_t)len >> (56 - 8 * i));
	crypto_hash_sha256_update(h, head, sizeof(head));
	crypto_hash_sha256_update(h, p, len);
}

static void put_text(hash_state *h, const char *name, const char *s)
{
	store_hash_put(h, name, s, s ? strlen(s) : 0, !s);
}

static void put_int(hash_state *h, const char *name, int64_t v, int is_null)
{
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%lld", (long long)v);

	store_hash_put(h, name, buf, (size_t)n, is_null);
}

void store_text_digest(const kngg_event *ev, unsigned char out[32])
{
	hash_state h;

	crypto_hash_sha256_init(&h);
	put_text(&h, "value", ev->value);
	put_text(&h, "data", ev->data);
	put_text(&h, "note", ev->note);
	crypto_hash_sha256_final(&h, out);
}

void store_digest_hex(const unsigned char d[32], char out[65])
{
	sodium_bin2hex(out, 65, d, HASH_LEN);
}

void store_event_hash(const unsigned char prev[32], const kngg_event *ev,
		      const unsigned char text_digest[32], unsigned char out[32])
{
	hash_state h;

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)"kngg-event-1", 12);
	crypto_hash_sha256_update(&h, prev, HASH_LEN);
	put_int(&h, "id", ev->id, 0);
	put_text(&h, "recorded_at", ev->recorded_at);
	put_text(&h, "date", ev->date);
	put_text(&h, "municipality", ev->municipality);
	put_text(&h, "kind", ev->kind);
	put_text(&h, "target", ev->target);
	put_int(&h, "area_id", ev->area_id, !ev->area_id);
	put_int(&h, "cycle_id", ev->cycle_id, !ev->cycle_id);
	put_int(&h, "score", ev->score, !ev->has_score);
	put_int(&h, "by_person", ev->by_person, !ev->by_person);
	put_int(&h, "person_id", ev->person_id, !ev->person_id);
	put_int(&h, "org_id", ev->org_id, !ev->org_id);
	put_int(&h, "corrects", ev->corrects, !ev->corrects);
	store_hash_put(&h, "text_digest", text_digest, HASH_LEN, 0);
	put_text(&h, "defs_version", ev->defs_version);
	/* only when present: events from before schema 5 keep their hashes */
	if (ev->seal)
		put_text(&h, "seal", ev->seal);
	crypto_hash_sha256_final(&h, out);
}

/* ---- reading events for the chain ----------------------------------------- */

#define CHAIN_SELECT(seal)                                                                \
	"SELECT id, recorded_at, date, municipality, kind, target, area_id, cycle_id, "  \
	"score, value, by_person, person_id, org_id, data, corrects, text_digest, "       \
	"defs_version, note, hash, " seal " FROM event "
#define CHAIN_COLUMNS CHAIN_SELECT("seal")
/* migration 1 -> 2 rebuilds the chain before schema 5 adds the seal */
#define CHAIN_COLUMNS_V2 CHAIN_SELECT("NULL")

/* Fills ev from a CHAIN_COLUMNS row. */
static void read_row(sqlite3_stmt *stmt, kngg_event *ev)
{
	memset(ev, 0, sizeof(*ev));
	ev->id = sqlite3_column_int64(stmt, 0);
	ev->recorded_at = store_col_text(stmt, 1);
	ev->date = store_col_text(stmt, 2);
	ev->municipality = store_col_text(stmt, 3);
	ev->kind = store_col_text(stmt, 4);
	ev->target = store_col_text(stmt, 5);
	ev->area_id = sqlite3_column_int64(stmt, 6);
	ev->cycle_id = sqlite3_column_int64(stmt, 7);
	ev->has_score = sqlite3_column_type(stmt, 8) != SQLITE_NULL;
	ev->score = sqlite3_column_int(stmt, 8);
	ev->value = store_col_text(stmt, 9);
	ev->by_person = sqlite3_column_int64(stmt, 10);
	ev->person_id = sqlite3_column_int64(stmt, 11);
	ev->org_id = sqlite3_column_int64(stmt, 12);
	ev->data = store_col_text(stmt, 13);
	ev->corrects = sqlite3_column_int64(stmt, 14);
	ev->defs_version = store_col_text(stmt, 16);
	ev->note = store_col_text(stmt, 17);
	ev->seal = store_col_text(stmt, 19);
}

/* The stored 32-byte blob in column i, or NULL. */
static const unsigned char *blob32(sqlite3_stmt *stmt, int i)
{
	if (sqlite3_column_type(stmt, i) != SQLITE_BLOB || sqlite3_column_bytes(stmt, i) != HASH_LEN)
		return NULL;
	return sqlite3_column_blob(stmt, i);
}

/* The head's seal: a value over (id, count, hash) that is not in the event
 * table, so that a head pointed back at an older event by copying that
 * event's hash does not match. */
static void head_seal(int64_t id, int64_t count, const unsigned char hash[32],
		      unsigned char out[32])
{
	hash_state h;

	crypto_hash_sha256_init(&h);
	crypto_hash_sha256_update(&h, (const unsigned char *)"kngg-head-1", 11);
	put_int(&h, "event_id", id, 0);
	put_int(&h, "count", count, 0);
	store_hash_put(&h, "hash", hash, HASH_LEN, 0);
	crypto_hash_sha256_final(&h, out);
}

static int set_head(kngg_store *st, int64_t id, int64_t count, const unsigned char hash[32])
{
	sqlite3_stmt *stmt;
	unsigned char seal[HASH_LEN];
	/* migration 1 -> 2 has no count and seal yet: schema 5 adds them and
	 * seals the head then */
	int legacy = st->version < 4;
	int rc = store_prepare(st,
			       legacy ? "INSERT INTO chain_head(one, event_id, hash) VALUES (1, ?1, ?2) "
					"ON CONFLICT(one) DO UPDATE SET event_id = excluded.event_id, "
					"hash = excluded.hash"
				      : "INSERT INTO chain_head(one, event_id, hash, count, seal) "
					"VALUES (1, ?1, ?2, ?3, ?4) "
					"ON CONFLICT(one) DO UPDATE SET event_id = excluded.event_id, "
					"hash = excluded.hash, count = excluded.count, seal = excluded.seal",
			       &stmt);

	if (rc < 0)
		return rc;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_blob(stmt, 2, hash, HASH_LEN, SQLITE_TRANSIENT);
	if (!legacy) {
		head_seal(id, count, hash, seal);
		sqlite3_bind_int64(stmt, 3, count);
		sqlite3_bind_blob(stmt, 4, seal, HASH_LEN, SQLITE_TRANSIENT);
	}
	return store_run(st, stmt, "bijwerken van de keten");
}

/* The stored head; count is -1 and seal_ok 0 when the row predates them. */
struct head {
	int64_t *id, *count;
	unsigned char *hash;
	int *seal_ok;
};

static int map_head(void *ctx, sqlite3_stmt *row)
{
	struct head *h = ctx;
	const unsigned char *stored = blob32(row, 1), *seal = blob32(row, 3);
	unsigned char want[HASH_LEN];

	*h->id = sqlite3_column_int64(row, 0);
	if (stored)
		memcpy(h->hash, stored, HASH_LEN);
	*h->count = sqlite3_column_type(row, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(row, 2);
	head_seal(*h->id, *h->count, h->hash, want);
	*h->seal_ok = stored && seal && memcmp(seal, want, HASH_LEN) == 0;
	return 0;
}

/* The stored head; count is -1 and seal_ok 0 when the row predates them. */
static int read_head(kngg_store *st, int64_t *id, unsigned char hash[32], int64_t *count,
		     int *seal_ok)
{
	struct head h = {id, count, hash, seal_ok};

	*id = 0;
	*count = 0;
	*seal_ok = 1;
	memset(hash, 0, HASH_LEN);
	return store_query(st, "SELECT event_id, hash, count, seal FROM chain_head WHERE one = 1",
			   "lezen van de keten", map_head, &h, NULL, NULL);
}

int store_chain_head(kngg_store *st, int64_t *id, unsigned char hash[32])
{
	int64_t count;
	int seal_ok;

	return read_head(st, id, hash, &count, &seal_ok);
}

int store_chain_append(kngg_store *st, int64_t id, const unsigned char hash[32])
{
	int64_t old_id, count;
	unsigned char old[HASH_LEN];
	int seal_ok, rc;

	if ((rc = read_head(st, &old_id, old, &count, &seal_ok)) < 0)
		return rc;
	if (count < 0 && (rc = store_int64(st, "SELECT count(*) - 1 FROM event", "lezen van de keten",
					   &count, NULL)) < 0)
		return rc;
	return set_head(st, id, count + 1, hash);
}

int store_chain_reseal(kngg_store *st)
{
	int64_t id, count;
	unsigned char hash[HASH_LEN];
	int seal_ok, rc;

	if ((rc = read_head(st, &id, hash, &count, &seal_ok)) < 0 ||
	    (rc = store_int64(st, "SELECT count(*) FROM event", "lezen van de keten", &count,
			      NULL)) < 0)
		return rc;
	return id ? set_head(st, id, count, hash) : 0;
}

struct rebuild {
	kngg_store *st;
	unsigned char prev[HASH_LEN];
	int64_t last, count;
};

/* One event of a schema-1 file: its text digest and hash, written back. */
static int map_rebuild(void *ctx, sqlite3_stmt *row)
{
	struct rebuild *b = ctx;
	unsigned char digest[HASH_LEN], hash[HASH_LEN];
	kngg_event ev;
	int rc;

	read_row(row, &ev);
	store_text_digest(&ev, digest);
	store_event_hash(b->prev, &ev, digest, hash);
	if ((rc = store_run_sql(b->st, "UPDATE event SET text_digest = ?2, hash = ?3 WHERE id = ?1",
				"opbouwen van de keten", "ibb", ev.id, (const void *)digest,
				(size_t)HASH_LEN, (const void *)hash, (size_t)HASH_LEN)) < 0)
		return rc;
	memcpy(b->prev, hash, HASH_LEN);
	b->last = ev.id;
	b->count++;
	return 0;
}

int store_chain_rebuild(kngg_store *st)
{
	struct rebuild b = {st, {0}, 0, 0};
	int rc;

	if (sodium_init() < 0) {
		store_report(st, "libsodium kan niet starten");
		return KNGG_ERROR;
	}
	if ((rc = store_query(st, CHAIN_COLUMNS_V2 "ORDER BY id", "opbouwen van de keten", map_rebuild,
			      &b, NULL, NULL)) < 0)
		return rc;
	return b.last ? set_head(st, b.last, b.count, b.prev) : 0;
}

/* ---- verify --------------------------------------------------------------- */

typedef struct {
	int64_t target;   /* the event whose text was redacted */
	int64_t by;       /* the note.redact event */
	char digest[65];  /* hex digest of the redacted text */
} redaction;

static int cmp_target(const void *a, const void *b)
{
	int64_t x = ((const redaction *)a)->target, y = ((const redaction *)b)->target;

	return (x > y) - (x < y);
}

/* The redactions recorded by erases, sorted by target; the redaction events
 * themselves are part of the chain. */
struct redactions {
	redaction *list;
	size_t n, cap;
};

static int map_redaction(void *ctx, sqlite3_stmt *row)
{
	struct redactions *r = ctx;
	redaction *x;

	if (r->n == r->cap) {
		redaction *p = realloc(r->list, (r->cap = r->cap ? 2 * r->cap : 16) * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		r->list = p;
	}
	x = &r->list[r->n++];
	x->target = sqlite3_column_int64(row, 0);
	x->by = sqlite3_column_int64(row, 1);
	snprintf(x->digest, sizeof(x->digest), "%s",
		 store_col_text(row, 2) ? store_col_text(row, 2) : "");
	return 0;
}

static int redactions(kngg_store *st, redaction **list, size_t *n)
{
	struct redactions r = {NULL, 0, 0};
	int rc = store_query(st, "SELECT CAST(target AS INTEGER), id, value FROM event "
				 "WHERE kind = 'note.redact'",
			     "lezen van het logboek", map_redaction, &r, NULL, NULL);

	if (rc < 0) {
		free(r.list);
		return rc;
	}
	if (r.n > 1)
		qsort(r.list, r.n, sizeof(*r.list), cmp_target);
	*list = r.list;
	*n = r.n;
	return 0;
}

/* 1 when a redaction recorded after event id names exactly this text. */
static int redacted(const redaction *list, size_t n, int64_t id, const char *hex)
{
	for (size_t i = 0; i < n && list[i].target <= id; i++)
		if (list[i].target == id && list[i].by > id && strcmp(list[i].digest, hex) == 0)
			return 1;
	return 0;
}

int store_verify_bad(kngg_verify_result *r, int64_t id, const char *fmt, ...)
{
	va_list ap;

	r->bad_id = id;
	va_start(ap, fmt);
	vsnprintf(r->problem, sizeof(r->problem), fmt, ap);
	va_end(ap);
	return KNGG_EINVALID;
}

#define bad store_verify_bad

/* PRAGMA integrity_check: the file's own structure (pages, indexes). */
static int map_integrity(void *ctx, sqlite3_stmt *row)
{
	kngg_verify_result *r = ctx;
	const char *text = store_col_text(row, 0);
	const char *nl = strrchr(text, '\n');

	if (strcmp(text, "ok") == 0)
		return 0;
	/* "*** in database main ***\nPage 9: ..." */
	r->damaged = 1;
	return bad(r, 0, "het databasebestand is beschadigd (SQLite: %.160s); zet een reservekopie terug",
		   nl ? nl + 1 : text);
}

static int check_file(kngg_store *st, kngg_verify_result *r)
{
	int rc = store_query(st, "PRAGMA integrity_check(1)", NULL, map_integrity, r, NULL, NULL);

	/* an error SQLite gives instead of a row means damage too */
	if (rc == KNGG_EIO) {
		r->damaged = 1;
		rc = bad(r, 0, "het databasebestand is beschadigd (SQLite: %.160s); zet een reservekopie terug",
			 sqlite3_errmsg(st->db));
	}
	return rc;
}

/* The state of a walk along the chain (check_events). */
struct chain_walk {
	kngg_verify_result *r;
	store_seals *seals;
	redaction *red;
	size_t nred;
	unsigned char prev[HASH_LEN];
	int64_t prev_id;
};

/* One event: its hash from the previous one, its text digest, its seals. */
static int map_chain(void *ctx, sqlite3_stmt *row)
{
	struct chain_walk *w = ctx;
	kngg_verify_result *r = w->r;
	const unsigned char *stored = blob32(row, 18), *td = blob32(row, 15);
	unsigned char hash[HASH_LEN], digest[HASH_LEN];
	char hex[65];
	kngg_event ev;
	int rc;

	read_row(row, &ev);
	if (!td)
		return bad(r, ev.id, "gebeurtenis %lld heeft geen tekstdigest: buiten kngg om toegevoegd",
			   (long long)ev.id);
	store_event_hash(w->prev, &ev, td, hash);
	if (!stored)
		return bad(r, ev.id, "gebeurtenis %lld heeft geen hash: buiten kngg om toegevoegd",
			   (long long)ev.id);
	if (memcmp(hash, stored, HASH_LEN) != 0) {
		if (ev.id != w->prev_id + 1)
			return bad(r, ev.id, "de gebeurtenis(sen) tussen %lld en %lld ontbreken: verwijderd",
				   (long long)w->prev_id, (long long)ev.id);
		return bad(r, ev.id, "gebeurtenis %lld is na het vastleggen gewijzigd of verplaatst",
			   (long long)ev.id);
	}
	store_text_digest(&ev, digest);
	if (memcmp(digest, td, HASH_LEN) != 0) {
		store_digest_hex(digest, hex);
		if (!redacted(w->red, w->nred, ev.id, hex))
			return bad(r, ev.id,
				   "de tekst (notitie, waarde of gegevens) van gebeurtenis %lld is na het vastleggen gewijzigd",
				   (long long)ev.id);
		r->redacted++;
	}
	if (ev.seal && (rc = store_seals_add(w->seals, ev.seal, ev.id)) < 0)
		return rc == KNGG_EINVALID ? bad(r, ev.id, "gebeurtenis %lld heeft een onleesbaar zegel",
						 (long long)ev.id)
					   : rc;
	memcpy(w->prev, stored, HASH_LEN);
	w->prev_id = ev.id;
	r->checked++;
	return 0;
}

/* Walks the chain; leaves the last id, hash and count in the out-parameters. */
static int check_events(kngg_store *st, kngg_verify_result *r, store_seals *seals,
			int64_t *last_id, unsigned char last[HASH_LEN])
{
	struct chain_walk w = {r, seals, NULL, 0, {0}, 0};
	int rc;

	if ((rc = redactions(st, &w.red, &w.nred)) < 0)
		return rc;
	rc = store_query(st, CHAIN_COLUMNS "ORDER BY id", "controleren van de keten", map_chain, &w,
			 NULL, NULL);
	free(w.red);
	if (rc < 0)
		return rc;
	*last_id = w.prev_id;
	memcpy(last, w.prev, HASH_LEN);
	return 0;
}

/* The head must name the last event, its hash and the number of events,
 * and carry the seal over those three. */
static int check_head(kngg_store *st, kngg_verify_result *r, int64_t last_id,
		      const unsigned char last[HASH_LEN])
{
	unsigned char head_hash[HASH_LEN];
	int64_t head_id, count;
	int seal_ok, rc;

	if ((rc = read_head(st, &head_id, head_hash, &count, &seal_ok)) < 0)
		return rc;
	if (head_id > last_id)
		return bad(r, last_id + 1, "de gebeurtenis(sen) na %lld tot en met %lld ontbreken: verwijderd",
			   (long long)last_id, (long long)head_id);
	if (head_id != last_id || memcmp(head_hash, last, HASH_LEN) != 0)
		return bad(r, last_id, "het einde van de keten (gebeurtenis %lld) klopt niet met de vastgelegde kop",
			   (long long)last_id);
	if (last_id && (!seal_ok || count != r->checked))
		return bad(r, last_id,
			   "de kop van de keten is buiten kngg om gezet (zegel of aantal klopt niet): "
			   "gebeurtenissen na %lld zijn mogelijk verwijderd",
			   (long long)last_id);
	return 0;
}

int kngg_store_verify(kngg_store *st, kngg_verify_result *r)
{
	store_seals seals = {0};
	unsigned char last[HASH_LEN];
	int64_t last_id = 0;
	int rc;

	memset(r, 0, sizeof(*r));
	if (sodium_init() < 0) {
		store_report(st, "libsodium kan niet starten");
		return KNGG_ERROR;
	}
	if ((rc = check_file(st, r)) == 0 && (rc = check_events(st, r, &seals, &last_id, last)) == 0 &&
	    (rc = check_head(st, r, last_id, last)) == 0)
		rc = store_seals_check(st, &seals, r);
	store_seals_free(&seals);
	if (rc == 0) {
		r->head_id = last_id;
		store_digest_hex(last, r->head_hex);
	}
	return rc;
}

static int map_hash(void *ctx, sqlite3_stmt *row)
{
	const unsigned char *h = blob32(row, 0);

	if (!h)
		return KNGG_ENOTFOUND;
	store_digest_hex(h, ctx);
	return 1;
}

int kngg_store_event_hash(kngg_store *st, int64_t id, char hex[65])
{
	int rc = store_query(st, "SELECT hash FROM event WHERE id = ?1", "lezen van de keten",
			     map_hash, hex, NULL, "i", id);

	return rc == 1 ? 0 : rc < 0 ? rc : KNGG_ENOTFOUND;
}
