/*
 * tracker.c: the tracker handle, and the engine's read access to the
 * register and the journal for the fronts (which never see the store).
 */
#include <stdarg.h>
#include <stdlib.h>

#include "engine/engine.h"

int kngg_tracker_open(kngg_tracker **out, const kngg_defs *defs, const char *path, int flags,
		      kngg_diag_fn diag, void *ctx)
{
	kngg_tracker *t = calloc(1, sizeof(*t));
	int sflags = (flags & KNGG_TRACKER_CREATE ? KNGG_STORE_CREATE : 0) |
		     (flags & KNGG_TRACKER_READONLY ? KNGG_STORE_READONLY : 0);
	int rc;

	*out = NULL;
	if (!t) {
		if (diag)
			diag(ctx, "onvoldoende geheugen");
		return KNGG_ENOMEM;
	}
	if ((rc = kngg_store_open(&t->store, path, sflags, diag, ctx)) < 0) {
		free(t);
		return rc;
	}
	t->defs = defs;
	t->diag = diag;
	t->diag_ctx = ctx;
	t->owns_store = 1;
	*out = t;
	return 0;
}

void kngg_tracker_close(kngg_tracker *t)
{
	if (!t)
		return;
	engine_journal_close(t);
	if (t->owns_store)
		kngg_store_close(t->store);
	free(t);
}

void kngg_tracker_set_diag(kngg_tracker *t, kngg_diag_fn diag, void *ctx)
{
	t->diag = diag;
	t->diag_ctx = ctx;
	kngg_store_set_diag(t->store, diag, ctx);
}

void kngg_tracker_set_warn(kngg_tracker *t, kngg_diag_fn warn, void *ctx)
{
	t->warn = warn;
	t->warn_ctx = ctx;
}

void kngg_tracker_set_today(kngg_tracker *t, const char *today)
{
	t->today = today;
}

const char *kngg_tracker_today(const kngg_tracker *t)
{
	return t->today;
}

const kngg_defs *kngg_tracker_defs(const kngg_tracker *t)
{
	return t->defs;
}

int64_t kngg_tracker_commits(const kngg_tracker *t)
{
	return kngg_store_commits(t->store);
}

int kngg_tracker_take(kngg_tracker *t)
{
	return kngg_store_take(t->store);
}

void kngg_tracker_reset(kngg_tracker *t)
{
	engine_journal_close(t);
}

/* ---- reading -------------------------------------------------------------- */

int kngg_municipalities(kngg_tracker *t, kngg_municipality_fn fn, void *ctx)
{
	return kngg_store_municipalities(t->store, fn, ctx);
}

int kngg_municipality_get(kngg_tracker *t, const char *code, kngg_municipality_fn fn, void *ctx)
{
	return kngg_store_municipality_get(t->store, code, fn, ctx);
}

int kngg_regions(kngg_tracker *t, int (*fn)(void *ctx, const char *region, int members),
		 void *ctx)
{
	return kngg_store_regions(t->store, fn, ctx);
}

int kngg_orgs(kngg_tracker *t, const char *code, kngg_org_fn fn, void *ctx)
{
	return kngg_store_orgs(t->store, code, fn, ctx);
}

int kngg_area_id(kngg_tracker *t, const char *code, const char *name, int64_t *id)
{
	return kngg_store_area_find(t->store, code, name, id);
}

int kngg_journal(kngg_tracker *t, const char *code, const char *since, kngg_event_fn fn,
		 void *ctx)
{
	return kngg_store_events(t->store, code, NULL, since, NULL, fn, ctx);
}

int kngg_journal_event(kngg_tracker *t, int64_t id, kngg_event_fn fn, void *ctx)
{
	return kngg_store_event_get(t->store, id, fn, ctx);
}

int kngg_journal_last(kngg_tracker *t, int64_t *id)
{
	return kngg_store_event_last(t->store, id);
}

int64_t kngg_journal_count(kngg_tracker *t)
{
	return kngg_store_event_count(t->store);
}

int kngg_verify(kngg_tracker *t, kngg_verify_result *r)
{
	return kngg_store_verify(t->store, r);
}

int kngg_event_hash(kngg_tracker *t, int64_t id, char hex[65])
{
	return kngg_store_event_hash(t->store, id, hex);
}

/* ---- for modules working on the engine's behalf ---------------------------- */

int kngg_fail(kngg_tracker *t, int code, const char *fmt, ...)
{
	kngg_buf b = {0};
	va_list ap;

	if (t->diag) {
		va_start(ap, fmt);
		kngg_buf_vprintf(&b, fmt, ap);
		va_end(ap);
		t->diag(t->diag_ctx, b.failed ? "onvoldoende geheugen" : kngg_buf_cstr(&b));
		kngg_buf_free(&b);
	}
	return code;
}

int kngg_need_municipality(kngg_tracker *t, const char *code)
{
	return engine_need_municipality(t, code);
}

int kngg_check_as_of(kngg_tracker *t, const char *as_of)
{
	return engine_check_as_of(t, as_of);
}

int kngg_month_days(int y, int m)
{
	return engine_month_days(y, m);
}

void kngg_day(const kngg_tracker *t, const char *as_of, char out[11])
{
	engine_day(t, as_of, out);
}
