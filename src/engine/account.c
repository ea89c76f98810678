/*
 * account.c: accounts of the web interface: roles, Argon2id password
 * hashes (libsodium), and who may read or write which municipality.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "engine/engine.h"
#include "kngg/account.h"

static const char *const role_names[] = {NULL, "lezer", "projectleider", "beheerder"};

kngg_account_role kngg_account_role_parse(const char *s)
{
	for (int r = KNGG_ROLE_LEZER; s && r <= KNGG_ROLE_BEHEERDER; r++)
		if (strcmp(s, role_names[r]) == 0)
			return (kngg_account_role)r;
	return 0;
}

const char *kngg_account_role_name(kngg_account_role r)
{
	return r >= KNGG_ROLE_LEZER && r <= KNGG_ROLE_BEHEERDER ? role_names[r] : "?";
}

void kngg_account_free(kngg_account *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->nmunicipalities; i++)
		free(a->municipalities[i]);
	free(a->municipalities);
	for (size_t i = 0; i < a->nlinks; i++)
		free(a->links[i].person_name);
	free(a->links);
	free(a->display_name);
	free(a->name);
	free(a->created_at);
	free(a);
}

static int check_password(kngg_tracker *t, const char *password)
{
	size_t len = password ? strlen(password) : 0;

	if (len < KNGG_PASSWORD_MIN)
		return engine_fail(t, KNGG_EINVALID, "het wachtwoord moet minstens %d tekens hebben",
				   KNGG_PASSWORD_MIN);
	if (len > KNGG_PASSWORD_MAX)
		return engine_fail(t, KNGG_EINVALID, "het wachtwoord is te lang (meer dan %d tekens)",
				   KNGG_PASSWORD_MAX);
	return engine_check_text(t, "het wachtwoord", password, 1);
}

/* The one place the hash parameters are set: Argon2id, interactive limits. */
static int argon2id(char out[crypto_pwhash_STRBYTES], const char *password, size_t len)
{
	return crypto_pwhash_str_alg(out, password, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
}

static int hash_password(kngg_tracker *t, const char *password, char out[crypto_pwhash_STRBYTES])
{
	if (sodium_init() < 0)
		return engine_fail(t, KNGG_ERROR, "libsodium kon niet starten");
	if (argon2id(out, password, strlen(password)) != 0)
		return engine_fail(t, KNGG_ENOMEM, "te weinig geheugen om het wachtwoord te versleutelen");
	return 0;
}

/* Inside the write transaction: the change's display name and links. An
 * account limited to municipalities (codes) is linked only there. */
static int apply_change(kngg_tracker *t, const char *name, const kngg_account_change *c,
			const char *const *codes, size_t ncodes)
{
	int rc;

	if (!c)
		return 0;
	if (c->display_name &&
	    (rc = kngg_store_account_display_name(t->store, name,
						  *c->display_name ? c->display_name : NULL)) < 0)
		return rc == KNGG_ENOTFOUND ? engine_fail(t, rc, "geen account '%s'", name) : rc;
	for (size_t i = 0; i < c->nlinks; i++) {
		const kngg_account_link_in *l = &c->links[i];
		int64_t person = 0;

		size_t k = 0;

		if ((rc = engine_need_municipality(t, l->code)) < 0)
			return rc;
		while (k < ncodes && strcmp(codes[k], l->code) != 0)
			k++;
		if (ncodes && k == ncodes)
			return engine_fail(t, KNGG_EINVALID,
					   "account '%s' hoort niet bij gemeente %s", name, l->code);
		for (size_t j = 0; j < i; j++)
			if (strcmp(l->code, c->links[j].code) == 0)
				return engine_fail(t, KNGG_EINVALID,
						   "gemeente '%s' staat er twee keer", l->code);
		if (l->person &&
		    (rc = engine_person(t, l->code, l->person, 0, 0, NULL, &person)) < 0)
			return rc;
		if ((rc = kngg_store_account_link(t->store, name, l->code, person)) < 0)
			return rc;
	}
	return 0;
}

static int check_change(kngg_tracker *t, const kngg_account_change *c)
{
	if (c && c->display_name && *c->display_name)
		return engine_check_name(t, "de weergavenaam", c->display_name, 1);
	return 0;
}

int kngg_account_add_ex(kngg_tracker *t, const char *name, kngg_account_role role,
			const char *password, const char *const *codes, size_t ncodes,
			const kngg_account_change *change)
{
	char hash[crypto_pwhash_STRBYTES], today[11];
	int rc;

	if ((rc = engine_check_name(t, "de accountnaam", name, 1)) < 0 ||
	    (rc = check_password(t, password)) < 0 || (rc = check_change(t, change)) < 0)
		return rc;
	if (!role)
		return engine_fail(t, KNGG_EINVALID,
				   "onbekende rol (kies lezer, projectleider of beheerder)");
	if (role == KNGG_ROLE_PROJECTLEIDER && ncodes == 0)
		return engine_fail(t, KNGG_EINVALID,
				   "een projectleider schrijft voor eigen gemeenten: geef --municipality");
	for (size_t i = 0; i < ncodes; i++) {
		if (!kngg_valid_code(codes[i]))
			return engine_fail(t, KNGG_EINVALID,
					   "ongeldige CBS-code '%s' (verwacht GM gevolgd door vier cijfers)",
					   codes[i]);
		for (size_t j = 0; j < i; j++)
			if (strcmp(codes[i], codes[j]) == 0)
				return engine_fail(t, KNGG_EINVALID, "gemeente '%s' staat er twee keer",
						   codes[i]);
		if ((rc = engine_need_municipality(t, codes[i])) < 0)
			return rc;
	}
	if ((rc = hash_password(t, password, hash)) < 0)
		return rc;
	engine_day(t, NULL, today);
	kngg_account_rec rec = {name, kngg_account_role_name(role), hash, today, codes, ncodes,
				NULL, NULL, NULL, NULL, 0};
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto done;
	rc = kngg_store_account_add(t->store, &rec);
	if (rc == KNGG_EEXISTS)
		engine_fail(t, rc, "er is al een account '%s'", name);
	if (rc == 0)
		rc = apply_change(t, name, change, codes, ncodes);
	rc = engine_finish(t, rc);
done:
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

int kngg_account_add(kngg_tracker *t, const char *name, kngg_account_role role,
		     const char *password, const char *const *codes, size_t ncodes)
{
	return kngg_account_add_ex(t, name, role, password, codes, ncodes, NULL);
}

int kngg_account_update(kngg_tracker *t, const char *name, const kngg_account_change *change)
{
	kngg_account *a = NULL;
	int rc;

	if ((rc = check_change(t, change)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = kngg_account_get(t, name, &a)) == KNGG_ENOTFOUND)
		engine_fail(t, rc, "geen account '%s'", name);
	if (rc == 0)
		rc = apply_change(t, name, change, (const char *const *)a->municipalities,
				  a->nmunicipalities);
	kngg_account_free(a);
	return engine_finish(t, rc);
}

int64_t kngg_account_person(const kngg_account *a, const char *code)
{
	for (size_t i = 0; a && code && i < a->nlinks; i++)
		if (strcmp(a->links[i].code, code) == 0)
			return a->links[i].person_id;
	return 0;
}

const char *kngg_account_shown(const kngg_account *a)
{
	return a->display_name ? a->display_name : a->name;
}

/* Ends a write to account name: says so when there is no such account. */
static int account_finish(kngg_tracker *t, const char *name, int rc)
{
	if (rc == KNGG_ENOTFOUND)
		engine_fail(t, rc, "geen account '%s'", name);
	return engine_finish(t, rc);
}

int kngg_account_remove(kngg_tracker *t, const char *name)
{
	int rc;

	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	return account_finish(t, name, kngg_store_account_remove(t->store, name));
}

int kngg_account_set_password(kngg_tracker *t, const char *name, const char *password)
{
	char hash[crypto_pwhash_STRBYTES];
	int rc;

	if ((rc = check_password(t, password)) < 0 || (rc = hash_password(t, password, hash)) < 0)
		return rc;
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto done;
	rc = account_finish(t, name, kngg_store_account_password(t->store, name, hash));
done:
	sodium_memzero(hash, sizeof(hash));
	return rc;
}

struct loaded {
	kngg_account *account;
	char *pwhash; /* when asked for */
	int want_hash;
};

static char *dup_or_null(const char *s, int *failed)
{
	char *d = s ? strdup(s) : NULL;

	if (s && !d)
		*failed = 1;
	return d;
}

/* The account's stamp: 16 bytes of BLAKE2b over its password hash. */
static void stamp(kngg_account *a, const char *pwhash)
{
	unsigned char digest[KNGG_ACCOUNT_STAMP_HEX / 2];

	if (!pwhash)
		pwhash = "";
	crypto_generichash(digest, sizeof(digest), (const unsigned char *)pwhash, strlen(pwhash),
			   NULL, 0);
	sodium_bin2hex(a->stamp, sizeof(a->stamp), digest, sizeof(digest));
}

static int load_one(void *ctx, const kngg_account_rec *r)
{
	struct loaded *l = ctx;
	kngg_account *a = calloc(1, sizeof(*a));
	int failed = !a;

	if (failed)
		return KNGG_ENOMEM;
	stamp(a, r->pwhash);
	a->name = dup_or_null(r->name, &failed);
	a->role = kngg_account_role_parse(r->role);
	a->created_at = dup_or_null(r->created_at, &failed);
	if (r->nmunicipalities &&
	    !(a->municipalities = calloc(r->nmunicipalities, sizeof(*a->municipalities))))
		failed = 1;
	for (size_t i = 0; !failed && i < r->nmunicipalities; i++) {
		a->municipalities[i] = dup_or_null(r->municipalities[i], &failed);
		a->nmunicipalities = i + 1;
	}
	a->display_name = dup_or_null(r->display_name, &failed);
	if (!failed && r->nlinks && !(a->links = calloc(r->nlinks, sizeof(*a->links))))
		failed = 1;
	for (size_t i = 0; !failed && i < r->nlinks; i++) {
		snprintf(a->links[i].code, sizeof(a->links[i].code), "%s", r->link_codes[i]);
		a->links[i].person_id = r->link_persons[i];
		a->links[i].person_name = dup_or_null(r->link_names[i], &failed);
		a->nlinks = i + 1;
	}
	if (l->want_hash)
		l->pwhash = dup_or_null(r->pwhash, &failed);
	if (failed) {
		kngg_account_free(a);
		return KNGG_ENOMEM;
	}
	l->account = a;
	return 0;
}

int kngg_account_get(kngg_tracker *t, const char *name, kngg_account **out)
{
	struct loaded l = {NULL, NULL, 0};
	int rc = kngg_store_account_get(t->store, name, load_one, &l);

	*out = l.account;
	return rc;
}

/* The hash an unknown name is checked against, so that both cost the
 * same: made once, with the same parameters as real ones. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	unsigned char random[16];

	randombytes_buf(random, sizeof(random));
	if (argon2id(dummy_hash, (const char *)random, sizeof(random)) != 0)
		dummy_hash[0] = '\0';
}

int kngg_account_login(kngg_tracker *t, const char *name, const char *password,
		       kngg_account **out)
{
	struct loaded l = {NULL, NULL, 1};
	size_t plen = password ? strlen(password) : 0;
	int rc, ok;

	*out = NULL;
	if (sodium_init() < 0)
		return engine_fail(t, KNGG_ERROR, "libsodium kon niet starten");
	rc = name && *name && strlen(name) <= 100 ? kngg_store_account_get(t->store, name, load_one, &l)
						  : KNGG_ENOTFOUND;
	if (rc < 0 && rc != KNGG_ENOTFOUND)
		return rc;
	if (!l.pwhash)
		pthread_once(&dummy_once, make_dummy);
	if (plen > KNGG_PASSWORD_MAX)
		plen = KNGG_PASSWORD_MAX;
	ok = crypto_pwhash_str_verify(l.pwhash ? l.pwhash : dummy_hash, password ? password : "",
				      plen) == 0;
	free(l.pwhash);
	if (!ok || !l.account) {
		kngg_account_free(l.account);
		return KNGG_EINVALID;
	}
	*out = l.account;
	return 0;
}

struct each {
	kngg_account_list_fn fn;
	void *ctx;
};

static int each_one(void *ctx, const kngg_account_rec *r)
{
	struct each *e = ctx;
	struct loaded l = {NULL, NULL, 0};
	int rc = load_one(&l, r);

	if (rc < 0)
		return rc;
	rc = e->fn(e->ctx, l.account);
	kngg_account_free(l.account);
	return rc;
}

int kngg_accounts(kngg_tracker *t, kngg_account_list_fn fn, void *ctx)
{
	struct each e = {fn, ctx};

	return kngg_store_accounts(t->store, each_one, &e);
}

int kngg_account_count(kngg_tracker *t, int *n)
{
	return kngg_store_account_count(t->store, n);
}

static int listed(const kngg_account *a, const char *code)
{
	for (size_t i = 0; i < a->nmunicipalities; i++)
		if (strcmp(a->municipalities[i], code) == 0)
			return 1;
	return 0;
}

int kngg_account_may_read(const kngg_account *a, const char *code)
{
	return a && (a->role == KNGG_ROLE_BEHEERDER || a->nmunicipalities == 0 || listed(a, code));
}

int kngg_account_may_write(const kngg_account *a, const char *code)
{
	return a && (a->role == KNGG_ROLE_BEHEERDER ||
		     (a->role == KNGG_ROLE_PROJECTLEIDER && listed(a, code)));
}
