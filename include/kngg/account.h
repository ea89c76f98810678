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
#include <stdint.h>

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

/* The person of a municipality's register that an account acts as: every
 * write it makes on the web is recorded as that person's (the journal's
 * by). Linked on purpose, by a beheerder; an account never becomes a
 * person itself. An AVG erase of the person removes the link. */
typedef struct {
	char code[8];
	int64_t person_id;
	char *person_name;
} kngg_account_link;

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
	char *display_name;    /* or NULL: the name is shown */
	kngg_account_link *links; /* whom it acts as, by municipality code */
	size_t nlinks;
} kngg_account;

void kngg_account_free(kngg_account *a);

/* Adds an account. A projectleider needs at least one municipality; every
 * code must be a registered municipality. */
int kngg_account_add(kngg_tracker *t, const char *name, kngg_account_role role,
		     const char *password, const char *const *codes, size_t ncodes);

/* What kngg_account_update changes; every field may be NULL/0. */
typedef struct {
	const char *code;   /* a municipality */
	const char *person; /* a person number or name in code's register; NULL: unlink */
} kngg_account_link_in;

typedef struct {
	const char *display_name; /* NULL: unchanged; "": none (the name is shown) */
	const kngg_account_link_in *links;
	size_t nlinks;
} kngg_account_change;

/* kngg_account_add with a display name and links (change may be NULL), in
 * one transaction: a wrong link adds nothing. */
int kngg_account_add_ex(kngg_tracker *t, const char *name, kngg_account_role role,
			const char *password, const char *const *codes, size_t ncodes,
			const kngg_account_change *change);
/* Changes an account's display name and links, in one transaction. A link
 * needs a person of that municipality that is not erased. */
int kngg_account_update(kngg_tracker *t, const char *name, const kngg_account_change *change);
/* The person a acts as in code; 0 when it has no link there. */
int64_t kngg_account_person(const kngg_account *a, const char *code);
/* The name to show for a: its display name, else its name. */
const char *kngg_account_shown(const kngg_account *a);

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
