/*
 * account.h: who may use the web interface (`kngg serve`), and how.
 *
 * Roles: a lezer reads, a projectleider reads and records for the
 * municipalities on the account, a beheerder does everything and manages
 * accounts. An account limited to municipalities sees only those; one
 * without (lezer, beheerder) sees all. Passwords are hashed with Argon2id
 * (libsodium's crypto_pwhash_str, its interactive limits) and never kept
 * or logged in clear.
 */
#ifndef KNGG_ACCOUNT_H
#define KNGG_ACCOUNT_H

#include "kngg/limits.h"
#include <stddef.h>

#include "kngg/track.h"

typedef enum {
	KNGG_ROLE_LEZER = 1,
	KNGG_ROLE_PROJECTLEIDER,
	KNGG_ROLE_BEHEERDER
} kngg_account_role;

/* "lezer", "projectleider", "beheerder" -> role; 0 when unknown. */
kngg_account_role kngg_account_role_parse(const char *s);
const char *kngg_account_role_name(kngg_account_role r);

/* KNGG_PASSWORD_MIN, KNGG_PASSWORD_MAX: kngg/limits.h */

#define KNGG_ACCOUNT_STAMP_HEX 32

typedef struct {
	char *name;
	kngg_account_role role;
	char **municipalities; /* codes; none: all */
	size_t nmunicipalities;
	char *created_at;
	/* A digest of the stored password hash (BLAKE2b, hex), not the hash:
	 * it changes with every password change (the hash has a new salt even
	 * for the same password). A front that keeps it at login can tell
	 * that the password has been changed since, by anyone. */
	char stamp[KNGG_ACCOUNT_STAMP_HEX + 1];
} kngg_account;

void kngg_account_free(kngg_account *a);

/* Adds an account. A projectleider needs at least one municipality; every
 * code must be a registered municipality. */
int kngg_account_add(kngg_tracker *t, const char *name, kngg_account_role role,
		     const char *password, const char *const *codes, size_t ncodes);
int kngg_account_remove(kngg_tracker *t, const char *name);
int kngg_account_set_password(kngg_tracker *t, const char *name, const char *password);

/* Loads an account (no password hash, but its stamp); KNGG_ENOTFOUND, not
 * reported, when there is none. *out is freed with kngg_account_free(). */
int kngg_account_get(kngg_tracker *t, const char *name, kngg_account **out);

/*
 * Checks a password. 0 and *out filled when it matches; KNGG_EINVALID (not
 * reported: the caller says "naam of wachtwoord onjuist") when the name is
 * unknown or the password wrong. An unknown name costs as much time as a
 * wrong password, so the answer does not tell which accounts exist.
 */
int kngg_account_login(kngg_tracker *t, const char *name, const char *password,
		       kngg_account **out);

typedef int (*kngg_account_list_fn)(void *ctx, const kngg_account *a);
int kngg_accounts(kngg_tracker *t, kngg_account_list_fn fn, void *ctx);
/* Number of accounts in *n. */
int kngg_account_count(kngg_tracker *t, int *n);

/* 1 when a may see municipality code. */
int kngg_account_may_read(const kngg_account *a, const char *code);
/* 1 when a may record for municipality code. */
int kngg_account_may_write(const kngg_account *a, const char *code);

#endif
