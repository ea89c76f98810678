/*
 * funding.c: the money that pays for the local approach, and the risk that
 * temporary money stops without a structural successor (4.borging). Facts
 * are funding.add and funding.end events; the list is derived from them.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/funding.h"
#include "util/text.h"

/* The role the guide names when it asks for structural funding (4.borging). */
#define KEY_ROLE "netwerkregisseur"

/* ---- recording ---------------------------------------------------------------- */

/* A date as typed, into out; what names the option in the message. */
static int read_date(kngg_tracker *t, const char *what, const char *s, char out[11])
{
	if (!kngg_date_parse(s, out))
		return engine_fail(t, KNGG_EINVALID,
				   "ongeldige datum '%s' bij %s (verwacht een bestaande dag, "
				   "bijvoorbeeld 1-7-2026, 1 juli 2026 of 2026-07-01)",
				   s, what);
	return 0;
}

/* --for: a role of list rollen (as people type it) or an activity id. */
static int read_purpose(kngg_tracker *t, const char *s, const char **id, int *is_role)
{
	const kngg_def *d;

	*is_role = 0;
	if (strchr(s, '/')) {
		if (!(d = kngg_defs_find(t->defs, s)) || d->kind != KNGG_DEF_ACTIVITY)
			return engine_fail(t, KNGG_ENOTFOUND,
					   "--for '%s' is geen rol en geen activiteit van de "
					   "handreiking (bijvoorbeeld netwerkregisseur of 1.2/a3)",
					   s);
		*id = d->id;
		return 0;
	}
	*is_role = 1;
	*id = s;
	return engine_list_item(t, "rollen", "--for", id);
}

/* The line kngg log shows after the kind (the value of the event). */
static char *add_summary(int64_t cents, const char *from, const char *until, int structural,
			 const char *purpose)
{
	kngg_buf b = {0};
	char amount[40], a[32], u[32], *line;

	kngg_amount_nl(cents, amount);
	kngg_date_nl(from, a);
	kngg_buf_printf(&b, "%s, %s vanaf %s", amount, structural ? "structureel" : "tijdelijk", a);
	if (until) {
		kngg_date_nl(until, u);
		kngg_buf_printf(&b, " tot en met %s", u);
	}
	if (purpose)
		kngg_buf_printf(&b, ", voor %s", purpose);
	line = b.failed ? NULL : strdup(kngg_buf_cstr(&b));
	kngg_buf_free(&b);
	return line;
}

int kngg_funding_add(kngg_tracker *t, const char *code, const kngg_funding_in *in,
		     const kngg_track_opts *o, int64_t *id)
{
	char date[11], from[11], until[11];
	const char *purpose = NULL, *why = NULL;
	char *data = NULL, *summary = NULL;
	int64_t cents;
	int is_role = 0, rc;
	kngg_event ev;
	json_t *j;

	if ((rc = engine_check_name(t, "--source", in->source, 1)) < 0)
		return rc;
	if (!in->amount)
		return engine_fail(t, KNGG_EINVALID, "--amount ontbreekt (het bedrag in euro's)");
	if (!kngg_amount_parse(in->amount, &cents, &why))
		return engine_fail(t, KNGG_EINVALID, "ongeldig bedrag '%s': %s", in->amount, why);
	if (!in->from)
		return engine_fail(t, KNGG_EINVALID, "--from ontbreekt (de eerste dag)");
	if ((rc = read_date(t, "--from", in->from, from)) < 0)
		return rc;
	if (!in->until && !in->structural)
		return engine_fail(t, KNGG_EINVALID,
				   "--until ontbreekt: tijdelijke financiering heeft een einddatum "
				   "(of is het --structural?)");
	if (in->until && (rc = read_date(t, "--until", in->until, until)) < 0)
		return rc;
	if (in->until && strcmp(until, from) < 0)
		return engine_fail(t, KNGG_EINVALID, "--until %s ligt voor --from %s", until, from);
	if (in->purpose && (rc = read_purpose(t, in->purpose, &purpose, &is_role)) < 0)
		return rc;
	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 0, date)) < 0)
		return rc;
	/* canonical: keys in order, the amount an integer */
	if (!(j = json_object()))
		return KNGG_ENOMEM;
	json_object_set_new(j, "amount_cents", json_integer((json_int_t)cents));
	json_object_set_new(j, "for", purpose ? json_string(purpose) : json_null());
	json_object_set_new(j, "from", json_string(from));
	json_object_set_new(j, "source", json_string(in->source));
	json_object_set_new(j, "structural", json_boolean(in->structural));
	json_object_set_new(j, "until", in->until ? json_string(until) : json_null());
	data = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	summary = add_summary(cents, from, in->until ? until : NULL, in->structural, purpose);
	if (!data || !summary) {
		free(data);
		free(summary);
		return KNGG_ENOMEM;
	}
	if ((rc = kngg_store_begin(t->store)) < 0)
		goto out;
	if ((rc = engine_need_municipality(t, code)) == 0) {
		engine_fill_event(t, &ev, KNGG_EV_FUNDING_ADD, code, date, o);
		ev.target = in->source;
		ev.value = summary;
		ev.data = data;
		rc = engine_event_add(t, &ev, id);
	}
	rc = engine_finish(t, rc);
out:
	free(data);
	free(summary);
	return rc;
}

int kngg_funding_end(kngg_tracker *t, const char *code, int64_t id, const kngg_track_opts *o)
{
	kngg_funding_list *l = NULL;
	const kngg_funding *f = NULL;
	char end[11], today[11], target[24], value[128], nl[32];
	kngg_track_opts eo = {0};
	kngg_event ev;
	int rc;

	if ((rc = engine_check_opts(t, o)) < 0 || (rc = engine_date(t, o, 1, end)) < 0)
		return rc;
	engine_day(t, NULL, today);
	if ((rc = kngg_store_begin(t->store)) < 0)
		return rc;
	if ((rc = engine_need_municipality(t, code)) < 0 ||
	    (rc = kngg_funding_load(t, code, NULL, &l)) < 0)
		goto done;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].id == id)
			f = &l->items[i];
	if (!f) {
		rc = engine_fail(t, KNGG_ENOTFOUND, "%s heeft geen financiering %lld (zie 'kngg funding list %s')",
				 code, (long long)id, code);
		goto done;
	}
	if (f->ended) {
		rc = engine_fail(t, KNGG_EINVALID, "financiering %lld is al beëindigd op %s",
				 (long long)id, f->ended);
		goto done;
	}
	if (strcmp(end, f->from) < 0) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "financiering %lld begint op %s; het einde kan niet eerder liggen",
				 (long long)id, f->from);
		goto done;
	}
	if (f->until && strcmp(end, f->until) > 0) {
		rc = engine_fail(t, KNGG_EINVALID,
				 "financiering %lld loopt tot en met %s; eerder beëindigen kan, later niet",
				 (long long)id, f->until);
		goto done;
	}
	/* dated on its last day, but never before the funding was recorded (a walk
	 * would meet it first) nor after today (an end decided ahead of time);
	 * the day itself is in data */
	if (o)
		eo = *o;
	eo.date = NULL;
	engine_fill_event(t, &ev, KNGG_EV_FUNDING_END, code,
			  strcmp(end, today) > 0	       ? today
			  : strcmp(end, f->recorded) < 0 ? f->recorded
							 : end,
			  &eo);
	snprintf(target, sizeof(target), "%lld", (long long)id);
	kngg_date_nl(end, nl);
	snprintf(value, sizeof(value), "laatste dag %s", nl);
	ev.target = target;
	ev.value = value;
	{
		char data[64];

		snprintf(data, sizeof(data), "{\"end\":\"%s\"}", end);
		ev.data = data;
		rc = engine_event_add(t, &ev, NULL);
	}
done:
	kngg_funding_list_free(l);
	return engine_finish(t, rc);
}

/* ---- the list ------------------------------------------------------------------ */

typedef struct {
	kngg_tracker *t;
	const char *as_of;
	kngg_arena *a;
	kngg_funding *items;
	size_t n, cap;
	int rc;
} list_builder;

static const char *jtext(list_builder *b, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? kngg_arena_strdup(b->a, json_string_value(v)) : NULL;
}

static void on_add(list_builder *b, const kngg_event *ev)
{
	json_t *j = ev->data ? json_loads(ev->data, 0, NULL) : NULL;
	kngg_funding *f;

	if (!j)
		return;
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 8;
		kngg_funding *grown = realloc(b->items, cap * sizeof(*grown));

		if (!grown) {
			b->rc = KNGG_ENOMEM;
			json_decref(j);
			return;
		}
		b->items = grown;
		b->cap = cap;
	}
	f = &b->items[b->n++];
	memset(f, 0, sizeof(*f));
	f->id = ev->id;
	f->recorded = kngg_arena_strdup(b->a, ev->date);
	f->source = jtext(b, j, "source");
	f->amount_cents = json_integer_value(json_object_get(j, "amount_cents"));
	f->from = jtext(b, j, "from");
	f->until = jtext(b, j, "until");
	f->structural = json_is_true(json_object_get(j, "structural"));
	f->purpose = jtext(b, j, "for");
	f->purpose_is_role = f->purpose && !strchr(f->purpose, '/');
	f->note = ev->note ? kngg_arena_strdup(b->a, ev->note) : NULL;
	if (!f->source || !f->from)
		b->n--; /* not written by kngg_funding_add: ignore */
	json_decref(j);
}

static void on_end(list_builder *b, const kngg_event *ev)
{
	json_t *j = ev->data ? json_loads(ev->data, 0, NULL) : NULL;
	int64_t id = ev->target ? strtoll(ev->target, NULL, 10) : 0;

	for (size_t i = 0; j && i < b->n; i++)
		if (b->items[i].id == id && !b->items[i].ended)
			b->items[i].ended = jtext(b, j, "end");
	json_decref(j);
}

static int on_funding_event(void *ctx, const kngg_event *ev)
{
	list_builder *b = ctx;

	if (engine_withdrawn(ev, b->as_of))
		return 0;
	if (strcmp(ev->kind, KNGG_EV_FUNDING_ADD) == 0)
		on_add(b, ev);
	else if (strcmp(ev->kind, KNGG_EV_FUNDING_END) == 0)
		on_end(b, ev);
	return b->rc;
}

static int funding_cmp(const void *x, const void *y)
{
	const kngg_funding *a = x, *b = y;
	int c = strcmp(a->from, b->from);

	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

int kngg_funding_load(kngg_tracker *t, const char *code, const char *as_of,
		      kngg_funding_list **out)
{
	list_builder b = {0};
	kngg_event_filter f = {0};
	kngg_funding_list *l;
	kngg_funding *items;
	char day[11];
	int rc;

	*out = NULL;
	if ((rc = engine_check_as_of(t, as_of)) < 0)
		return rc;
	if (!engine_journal_has(t, code) && (rc = engine_need_municipality(t, code)) < 0)
		return rc;
	if (!(b.a = kngg_arena_new()))
		return KNGG_ENOMEM;
	if (!(l = kngg_arena_alloc(b.a, sizeof(*l)))) {
		kngg_arena_free(b.a);
		return KNGG_ENOMEM;
	}
	l->arena = b.a;
	engine_day(t, as_of, day);
	l->code = kngg_arena_strdup(b.a, code);
	l->day = kngg_arena_strdup(b.a, day);
	b.t = t;
	b.as_of = as_of;
	f.municipality = code;
	f.until = as_of;
	if ((rc = engine_events(t, &f, on_funding_event, &b)) < 0 || (rc = b.rc) < 0)
		goto fail;
	if (!(items = kngg_arena_alloc(b.a, (b.n + 1) * sizeof(*items)))) {
		rc = KNGG_ENOMEM;
		goto fail;
	}
	if (b.n)
		memcpy(items, b.items, b.n * sizeof(*items));
	free(b.items);
	b.items = NULL;
	qsort(items, b.n, sizeof(*items), funding_cmp);
	for (size_t i = 0; i < b.n; i++) {
		kngg_funding *fu = &items[i];

		fu->end = fu->ended ? fu->ended : fu->until;
		fu->active = strcmp(fu->from, day) <= 0 && (!fu->end || strcmp(fu->end, day) >= 0);
		/* saturates rather than wraps: no budget comes near */
		if (fu->active && __builtin_add_overflow(l->total_active_cents, fu->amount_cents,
							 &l->total_active_cents))
			l->total_active_cents = INT64_MAX;
	}
	l->items = items;
	l->n = b.n;
	*out = l;
	return 0;
fail:
	free(b.items);
	kngg_arena_free(b.a);
	return rc;
}

void kngg_funding_list_free(kngg_funding_list *l)
{
	if (l)
		kngg_arena_free(l->arena);
}

int kngg_funding_table(const kngg_funding_list *l, kngg_table **out)
{
	static const char *const head[] = {"id", "bron", "bedrag", "bedrag_centen", "van",
					   "tot en met", "soort", "voor", "beëindigd op"};
	kngg_table *t = kngg_table_new("financiering", 9, head);
	int rc = t ? 0 : KNGG_ENOMEM;
	char amount[40];

	for (size_t i = 0; rc == 0 && i < l->n; i++) {
		const kngg_funding *f = &l->items[i];

		kngg_amount_nl(f->amount_cents, amount);
		if ((rc = kngg_table_row(t, 0)) == 0 &&
		    (rc = kngg_table_number(t, 0, (double)f->id)) == 0 &&
		    (rc = kngg_table_text(t, 1, f->source)) == 0 &&
		    (rc = kngg_table_text(t, 2, amount)) == 0 &&
		    /* whole cents: exact in a double far beyond any budget */
		    (rc = kngg_table_number(t, 3, (double)f->amount_cents)) == 0 &&
		    (rc = kngg_table_date(t, 4, f->from)) == 0 &&
		    (!f->until || (rc = kngg_table_date(t, 5, f->until)) == 0) &&
		    (rc = kngg_table_text(t, 6, f->structural ? "structureel" : "tijdelijk")) == 0 &&
		    (rc = kngg_table_text(t, 7, f->purpose)) == 0 && f->ended)
			rc = kngg_table_date(t, 8, f->ended);
	}
	if (rc < 0) {
		kngg_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

/* ---- the risk: money that stops ---------------------------------------------- */

static int same_purpose(const kngg_funding *a, const kngg_funding *b)
{
	/* funding for nothing in particular pays for everything */
	return !b->purpose || (a->purpose && strcmp(a->purpose, b->purpose) == 0);
}

/* 1 when g carries on what f paid for after f stops: structural (and not
 * stopped before f), or starting at or before f's end and running past it. */
static int succeeds(const kngg_funding *f, const kngg_funding *g)
{
	if (g == f || !same_purpose(f, g))
		return 0;
	if (g->end && strcmp(g->end, f->end) <= 0)
		return 0;
	return g->structural || strcmp(g->from, f->end) <= 0;
}

static int key_role_held(const kngg_register *reg, const char *today)
{
	for (size_t i = 0; i < reg->npeople; i++)
		if (kngg_stakeholder_has_role(&reg->people[i], KEY_ROLE, today))
			return 1;
	return 0;
}

/* In phase 3 or 4: progress recorded there, or a cycle of it started. */
static int in_phase_3_or_4(const kngg_status *st)
{
	return st && (st->current_phase >= 3 || st->phases[2].nruns > 0 || st->phases[3].nruns > 0);
}

void engine_funding_risks(engine_risks_out *out, const kngg_register *reg, const kngg_status *st,
			  const char *today)
{
	kngg_funding_list *l = NULL;
	char window[11];
	int rc, key_funded = 0;

	if (out->rc)
		return;
	if ((rc = kngg_funding_load(out->t, reg->code, reg->as_of, &l)) < 0) {
		out->rc = rc;
		return;
	}
	engine_months_after(today, 6, window);
	for (size_t i = 0; i < l->n && !out->rc; i++) {
		const kngg_funding *f = &l->items[i];
		kngg_risk risk = {KNGG_RISK_FUNDING_ENDS, NULL, 0, NULL, NULL, NULL};
		char amount[40], end[32], what[256];
		int successor = 0;

		if (f->purpose && strcmp(f->purpose, KEY_ROLE) == 0)
			key_funded = 1;
		if (f->structural && !f->ended)
			continue;
		if (!f->end || strcmp(f->end, window) > 0)
			continue;
		for (size_t k = 0; k < l->n && !successor; k++)
			successor = succeeds(f, &l->items[k]);
		if (successor)
			continue;
		kngg_amount_nl(f->amount_cents, amount);
		kngg_date_nl(f->end, end);
		if (f->purpose)
			snprintf(what, sizeof(what), "%s, voor %s", amount, f->purpose);
		else
			snprintf(what, sizeof(what), "%s", amount);
		if (f->purpose_is_role)
			risk.role = f->purpose;
		else
			risk.step = f->purpose;
		engine_risk_emit(out, &risk,
		     "de financiering '%s' (%s) %s op %s en er is geen structurele opvolger: "
		     "regel structurele financiering of een vervolg (4.borging)",
		     f->source, what, strcmp(f->end, today) < 0 ? "eindigde" : "eindigt", end);
	}
	if (!out->rc && !key_funded && (in_phase_3_or_4(st) || key_role_held(reg, today))) {
		kngg_risk risk = {KNGG_RISK_FUNDING_ENDS, NULL, 0, KEY_ROLE, NULL, NULL};

		engine_risk_emit(out, &risk,
		     "er is geen financiering vastgelegd voor de " KEY_ROLE ": 4.borging vraagt "
		     "om structurele financiering van die rol");
	}
	kngg_funding_list_free(l);
}
