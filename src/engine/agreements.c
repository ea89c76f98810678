/*
 * agreements.c: agreements that expire (issue 18). A signature of an
 * agreement point (kngg_signoff_expires) may carry a last day,
 * data.valid_until. Per point, scope and party (organisation and role) the
 * newest signature counts: a renewal is a new signature, the old one stays
 * in the journal. When that newest signature runs out within three months,
 * or has run out, it is a continuity risk.
 *
 * An expired agreement does not undo a point that was complete: a decision
 * that was complete when it was taken stays complete, and what changes
 * later is a warning (see signoff.c). So expiry is a risk, and readiness
 * shows it among its warnings, never as a missing signature.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "engine/engine.h"
#include "kngg/people.h"

/* How an agreement of a step is called in a sentence. */
static const char *agreement_noun(const char *signoff)
{
	static const struct {
		const char *prefix, *noun;
	} nouns[] = {
		{"1.6/", "de samenwerkingsovereenkomst"},
		{"1.7/", "de afspraken over de projectorganisatie"},
		{"3.proces/", "de samenwerkingsovereenkomst over het plan van aanpak"},
		{"3.kwaliteit/", "de kwaliteitsafspraken"},
		{"3.monitoring/", "de afspraken over de monitor"},
		{"4.borging/", "de bekrachtiging van de borgingspunten"},
	};

	for (size_t i = 0; i < sizeof(nouns) / sizeof(nouns[0]); i++)
		if (strncmp(signoff, nouns[i].prefix, strlen(nouns[i].prefix)) == 0)
			return nouns[i].noun;
	return "de overeenkomst";
}

void engine_months_after(const char *date, int months, char out[11])
{
	int y = 0, m = 0, d = 0, days;

	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		snprintf(out, 11, "%s", date);
		return;
	}
	m += months;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	days = engine_month_days(y, m);
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d > days ? days : d);
}

int kngg_agreement_state(const char *valid_until, const char *today)
{
	char limit[11];

	if (!valid_until || !today)
		return KNGG_AGREEMENT_RUNS;
	if (strcmp(valid_until, today) < 0)
		return KNGG_AGREEMENT_EXPIRED;
	engine_months_after(today, 3, limit);
	return strcmp(valid_until, limit) <= 0 ? KNGG_AGREEMENT_ENDS_SOON : KNGG_AGREEMENT_RUNS;
}

/* The newest signature of one party of one point in one scope. */
typedef struct {
	char *signoff, *party, *date, *until, *org, *region;
	int64_t area_id, cycle_id, org_id, event_id, person_id;
} latest_sig;

typedef struct {
	const char *today;
	latest_sig *list;
	size_t n, cap;
	int rc;
} agreement_walk;

static void latest_free(latest_sig *l)
{
	free(l->signoff);
	free(l->party);
	free(l->date);
	free(l->until);
	free(l->org);
	free(l->region);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int take_signature(void *ctx, const kngg_event *ev)
{
	agreement_walk *w = ctx;
	json_t *o;
	const char *role, *as, *party;
	latest_sig *l = NULL;

	if (engine_withdrawn(ev, w->today) || !ev->target)
		return 0;
	if (!(o = json_loads(ev->data ? ev->data : "{}", 0, NULL)))
		return 0;
	role = json_string_value(json_object_get(o, "role"));
	as = json_string_value(json_object_get(o, "as"));
	party = as ? as : role ? role : "";
	for (size_t i = 0; i < w->n && !l; i++)
		if (strcmp(w->list[i].signoff, ev->target) == 0 && w->list[i].area_id == ev->area_id &&
		    w->list[i].cycle_id == ev->cycle_id && w->list[i].org_id == ev->org_id &&
		    strcmp(w->list[i].party, party) == 0)
			l = &w->list[i];
	if (l && (strcmp(ev->date, l->date) < 0 ||
		  (strcmp(ev->date, l->date) == 0 && ev->id < l->event_id))) {
		json_decref(o);
		return 0; /* an older one: the newest counts */
	}
	if (!l) {
		if (w->n == w->cap) {
			latest_sig *p = realloc(w->list, (w->cap = w->cap ? 2 * w->cap : 8) * sizeof(*p));

			if (!p) {
				json_decref(o);
				return KNGG_ENOMEM;
			}
			w->list = p;
		}
		l = &w->list[w->n++];
		memset(l, 0, sizeof(*l));
		l->signoff = strdup(ev->target);
		l->party = strdup(party);
		l->area_id = ev->area_id;
		l->cycle_id = ev->cycle_id;
		l->org_id = ev->org_id;
	} else {
		free(l->date);
		free(l->until);
		free(l->org);
		free(l->region);
	}
	l->date = strdup(ev->date);
	l->until = dup_or_null(json_string_value(json_object_get(o, "valid_until")));
	l->org = dup_or_null(ev->org);
	l->region = dup_or_null(json_string_value(json_object_get(o, "region")));
	l->event_id = ev->id;
	l->person_id = ev->person_id;
	json_decref(o);
	return l->signoff && l->party && l->date ? 0 : KNGG_ENOMEM;
}

void engine_agreement_risks(engine_risks_out *out, const kngg_register *reg, const char *today)
{
	kngg_event_filter f = {reg->code, NULL, KNGG_EV_SIGNOFF, 0, NULL, today};
	agreement_walk w = {today, NULL, 0, 0, 0};
	int rc;

	if (out->rc)
		return;
	if ((rc = engine_events(out->t, &f, take_signature, &w)) < 0)
		out->rc = rc;
	for (size_t i = 0; !out->rc && i < w.n; i++) {
		const latest_sig *l = &w.list[i];
		const kngg_signoff *so = kngg_def_signoff(kngg_defs_find(out->t->defs, l->signoff));
		kngg_risk r = {KNGG_RISK_AGREEMENT_EXPIRES, NULL, l->person_id, NULL, l->signoff, NULL};
		int state = kngg_agreement_state(l->until, today);
		char nl[32];

		if (!l->until || !so || state == KNGG_AGREEMENT_RUNS)
			continue;
		kngg_date_nl(l->until, nl);
		engine_risk_emit(out, &r,
				 "%s (%s) van %s %s %s; vernieuw met een nieuwe ondertekening "
				 "('kngg signoff %s%s %s ... --valid-until DATUM')",
				 agreement_noun(l->signoff), l->signoff, l->org ? l->org : "een partner",
				 state == KNGG_AGREEMENT_EXPIRED ? "is verlopen op" : "loopt af op", nl,
				 l->region ? "--region " : "", l->region ? l->region : reg->code,
				 l->signoff);
	}
	for (size_t i = 0; i < w.n; i++)
		latest_free(&w.list[i]);
	free(w.list);
}
