/*
 * kngg/sys/store.h: the storage behind the engine (like libgit2's sys/
 * headers: for the engine and for tests of the store, not for fronts).
 * The kngg database. This module owns every SQLite call: prepared
 * statements with bound parameters only, BEGIN IMMEDIATE for writes, a busy
 * timeout, WAL, foreign keys, SQLITE_DBCONFIG_DEFENSIVE and no double-quoted
 * string literals.
 *
 * The file is stamped with application_id 'KNGG' and versioned with
 * user_version; opening an older file migrates it (one transaction per
 * step), opening a newer one or a foreign file is refused.
 *
 * The journal (events) is the history: rows are appended, never changed,
 * and chained: each event stores SHA-256(previous hash || its canonical
 * content), checked by kngg_store_verify(). The one sanctioned change is
 * the redaction of a name from an event's text when a person is erased,
 * which a later chained event records with the new text's digest. Personal data lives only in persons; events refer to them
 * by id. Strings handed to callbacks live only during the callback.
 */
#ifndef KNGG_SYS_STORE_H
#define KNGG_SYS_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "kngg/common.h"
#include "kngg/records.h"

typedef struct kngg_store kngg_store;

#define KNGG_STORE_APPLICATION_ID 0x4B4E4747 /* 'KNGG' */
#define KNGG_STORE_SCHEMA_VERSION 7

enum {
	KNGG_STORE_CREATE = 1, /* create the file; refuse if it already exists */
	KNGG_STORE_READONLY = 2
};

/*
 * Opens the database at path. Without KNGG_STORE_CREATE a missing file is
 * KNGG_ENOTFOUND (no file is created). A file that is not a kngg database,
 * or one from a newer kngg, is KNGG_EINVALID. The message goes to diag.
 * Free with kngg_store_close().
 *
 * A file that cannot be written (its mode, a read-only directory or mount)
 * is opened read-only so that it can still be read; if even that needs the
 * -shm file that cannot be created, it is opened immutable (no other
 * process can write there either). An older file that would need a
 * migration cannot be opened read-only: KNGG_EIO, with the reason.
 * KNGG_STORE_CREATE follows a symlink at path and creates the file it
 * names; on failure only what was created is removed.
 */
int kngg_store_open(kngg_store **out, const char *path, int flags, kngg_diag_fn diag,
		    void *ctx);
void kngg_store_close(kngg_store *st);

/* Where errors of later calls are reported (replaces the one given at open). */
void kngg_store_set_diag(kngg_store *st, kngg_diag_fn diag, void *ctx);

/* The schema version of the open file. */
int kngg_store_schema_version(kngg_store *st);

/*
 * Write transactions. begin takes the write lock at once (BEGIN IMMEDIATE),
 * waiting for other writers up to the busy timeout. Every write below must
 * run inside one; rollback undoes everything since begin.
 */
int kngg_store_begin(kngg_store *st);
int kngg_store_commit(kngg_store *st);
void kngg_store_rollback(kngg_store *st);
/* A batch: one transaction around many writes (an import). Between
 * batch_begin and batch_end every begin/commit/rollback above works on a
 * savepoint inside it; batch_end commits the whole (commit 1) or rolls it
 * all back (commit 0, returns 0). */
int kngg_store_batch_begin(kngg_store *st);
int kngg_store_batch_end(kngg_store *st, int commit);
/* Takes the database for st alone until it is closed (no other process can
 * read or write it) and moves everything from its -wal into the file, so
 * that the file alone is the whole database: what replacing the file
 * needs. KNGG_EBUSY (reported) when another process holds it. */
int kngg_store_take(kngg_store *st);
/* How many write transactions were committed through st (0 for NULL). */
int64_t kngg_store_commits(const kngg_store *st);
/* 1 when st was opened read-only: asked for, or because the file, its
 * directory or the mount cannot be written. Writes then fail with a
 * message that says so. */
int kngg_store_is_readonly(const kngg_store *st);

/* Runs PRAGMA integrity_check; 0 when "ok". */
int kngg_store_check(kngg_store *st);

/* KNGG_EEXISTS when the code is taken. */
int kngg_store_municipality_add(kngg_store *st, const char *code, const char *name,
				const char *created_at);
/* KNGG_ENOTFOUND when the code is unknown. */
int kngg_store_municipality_rename(kngg_store *st, const char *code, const char *name);
int kngg_store_municipality_get(kngg_store *st, const char *code, kngg_municipality_fn fn,
				void *ctx);
/* All municipalities by code; a non-zero return of fn stops and is returned. */
int kngg_store_municipalities(kngg_store *st, kngg_municipality_fn fn, void *ctx);

/* KNGG_EEXISTS when the municipality already has an area of that name. */
int kngg_store_area_add(kngg_store *st, const char *municipality, const char *name,
			const char *target_group, const char *created_at, int64_t *id);
/* KNGG_ENOTFOUND when unknown. */
int kngg_store_area_find(kngg_store *st, const char *municipality, const char *name,
			 int64_t *id);
/* Areas of a municipality (NULL: of all), by id. */
int kngg_store_areas(kngg_store *st, const char *municipality, kngg_area_fn fn, void *ctx);

/* Adds the next cycle (number = last + 1) of phase 3 or 4. */
int kngg_store_cycle_add(kngg_store *st, const char *municipality, int phase,
			 const char *started, int64_t *id, int *number);
/* The latest cycle of a phase; KNGG_ENOTFOUND when none was started. */
int kngg_store_cycle_current(kngg_store *st, const char *municipality, int phase,
			     int64_t *id, int *number);
/* Cycles of a municipality (NULL: of all), by phase and number. */
int kngg_store_cycles(kngg_store *st, const char *municipality, kngg_cycle_fn fn, void *ctx);

/* KNGG_EEXISTS when the municipality already has an organisation of that name. */
int kngg_store_org_add(kngg_store *st, const kngg_org *o, int64_t *id);
/* By name within a municipality; KNGG_ENOTFOUND when unknown. */
int kngg_store_org_find(kngg_store *st, const char *municipality, const char *name,
			kngg_org_fn fn, void *ctx);
int kngg_store_org_get(kngg_store *st, int64_t id, kngg_org_fn fn, void *ctx);
int kngg_store_orgs(kngg_store *st, const char *municipality, kngg_org_fn fn, void *ctx);

int kngg_store_person_add(kngg_store *st, const kngg_person *p, int64_t *id);
/* KNGG_ENOTFOUND when unknown. */
int kngg_store_person_get(kngg_store *st, int64_t id, kngg_person_fn fn, void *ctx);
/* Persons of a municipality with exactly this name (erased ones never match). */
int kngg_store_person_find(kngg_store *st, const char *municipality, const char *name,
			   kngg_person_fn fn, void *ctx);
/* All persons of a municipality, by id. */
int kngg_store_persons(kngg_store *st, const char *municipality, kngg_person_fn fn, void *ctx);
/* Fills in function, contact, organisation and level of a person known so
 * far only by name (one who recorded something with --by). */
int kngg_store_person_register(kngg_store *st, const kngg_person *p);
/* Clears the personal fields of a person (AVG erase). */
int kngg_store_person_erase(kngg_store *st, int64_t id, const char *erased_at);
/* Replaces the free text of an event (value, data, note) during an erase;
 * digest_hex receives the digest of the new text, which the caller records
 * in a later note.redact event (target: the event id, value: the digest).
 * verify accepts the changed text only with that record. */
int kngg_store_text_redact(kngg_store *st, int64_t event_id, const char *value,
			   const char *data, const char *note, char digest_hex[65]);
/* After an erase, outside a transaction: checkpoints and truncates the WAL
 * so that no copy of the erased data stays in the -wal file. Freed pages are
 * zeroed (secure_delete), so the main file holds no copy either. Waits a
 * few seconds for readers of the old pages; KNGG_EBUSY (not reported) when
 * one stays, and the -wal may then still hold the old bytes. */
int kngg_store_scrub(kngg_store *st);

/* ---- regions --------------------------------------------------------------- */

/* Creates the region when new; KNGG_EEXISTS when the member is already in it. */
int kngg_store_region_join(kngg_store *st, const char *region, const char *municipality,
			   const char *date);
/* Members by code; KNGG_ENOTFOUND when the region does not exist. */
int kngg_store_region_members(kngg_store *st, const char *region,
			      int (*fn)(void *ctx, const char *code), void *ctx);

/* All regions by name; fn gets each name and its member count. */
int kngg_store_regions(kngg_store *st, int (*fn)(void *ctx, const char *region, int members),
		       void *ctx);

/* ---- accounts (web interface) ------------------------------------------------ */

/* KNGG_EEXISTS when the name is taken. Inside a write transaction. */
int kngg_store_account_add(kngg_store *st, const kngg_account_rec *a);
/* KNGG_ENOTFOUND when unknown. */
int kngg_store_account_get(kngg_store *st, const char *name, kngg_account_fn fn, void *ctx);
/* All accounts by name. */
int kngg_store_accounts(kngg_store *st, kngg_account_fn fn, void *ctx);
int kngg_store_account_count(kngg_store *st, int *n);
/* KNGG_ENOTFOUND when unknown. Inside a write transaction. */
int kngg_store_account_remove(kngg_store *st, const char *name);
int kngg_store_account_password(kngg_store *st, const char *name, const char *pwhash);
/* Sets (NULL: clears) the display name; KNGG_ENOTFOUND when unknown.
 * Inside a write transaction. */
int kngg_store_account_display_name(kngg_store *st, const char *name, const char *display_name);
/* Links account name to person in municipality code (replacing a link
 * there); person 0 removes the link. The caller checks that the person
 * belongs to code. Inside a write transaction. */
int kngg_store_account_link(kngg_store *st, const char *name, const char *code, int64_t person);

/* ---- the journal ---------------------------------------------------------- */

/* Appends one event to the journal and the chain; *id (if non-NULL)
 * receives its id. */
int kngg_store_event_add(kngg_store *st, const kngg_event *ev, int64_t *id);

/* Calls fn for the matching events, by effective date and then by id; a
 * non-zero return of fn stops the walk and is returned. */
int kngg_store_events_where(kngg_store *st, const kngg_event_filter *f, kngg_event_fn fn,
			    void *ctx);

/* Every event of every municipality up to until (NULL: all), grouped by
 * municipality (in no order within one): for reviews of the whole country.
 * Lean: no names (area, by, person, org), no cycle phase and number, no
 * corrected_by, recorded_at, defs_version or note: the ids are set, the
 * caller resolves what it needs. */
int kngg_store_events_all(kngg_store *st, const char *until, kngg_event_fn fn, void *ctx);

/* One event by id; KNGG_ENOTFOUND when there is none. */
int kngg_store_event_get(kngg_store *st, int64_t id, kngg_event_fn fn, void *ctx);

/*
 * Calls fn for the events of one municipality, ordered by effective date and
 * then by id: only those about target (if non-NULL) and whose date lies in
 * [since, until] (either may be NULL). A non-zero return of fn stops the
 * walk and is returned.
 */
int kngg_store_events(kngg_store *st, const char *municipality, const char *target,
		      const char *since, const char *until, kngg_event_fn fn, void *ctx);

/* The events of one municipality about target, by date then id, with only
 * what a write checks: no names (area, by, person, org), recorded_at, note
 * or defs_version; corrected_by and corrected_on are set. */
int kngg_store_events_of(kngg_store *st, const char *municipality, const char *target,
			 kngg_event_fn fn, void *ctx);

/* The id of the latest event (0: none): changes with every write, so it
 * tells whether something derived from the journal is still current. */
int kngg_store_event_last(kngg_store *st, int64_t *id);

/* Number of events in the journal (all municipalities). */
int64_t kngg_store_event_count(kngg_store *st);

/*
 * Checks the file (PRAGMA integrity_check), recomputes the chain over every
 * event, checks the sealed head (last id, hash and number of events) and
 * compares every sealed row (municipality, area, cycle, organisation,
 * person) with its latest seal. Returns 0 when all match, KNGG_EINVALID
 * with r filled for the first problem, or another error.
 */
int kngg_store_verify(kngg_store *st, kngg_verify_result *r);

/* The chain hash of event id as hex; KNGG_ENOTFOUND when there is none. */
int kngg_store_event_hash(kngg_store *st, int64_t id, char hex[65]);

#endif
