/*
 * test_readiness.c: the readiness rules (phases/gereedheid.xml) evaluated by
 * the engine, one test per rule kind, on a temporary database.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "kngg/people.h"
#include "kngg/readiness.h"
#include "kngg/track.h"
#include "util/util.h"

#include "engine_fixture.h"

static kngg_track_opts on(const char *date)
{
	kngg_track_opts o = {.date = date};

	return o;
}

/* The result for rule id in the first section, or NULL. */
static const kngg_rule_result *result(const kngg_readiness *r, const char *id, const char *kind)
{
	for (size_t s = 0; s < r->nsections; s++)
		for (size_t i = 0; i < r->sections[s].nresults; i++) {
			const kngg_rule_result *x = &r->sections[s].results[i];

			if (strcmp(x->id, id) == 0 && (!kind || strcmp(x->kind, kind) == 0))
				return x;
		}
	return NULL;
}

static kngg_readiness *ask(fixture *fx, int phase, const char *step, const char *as_of)
{
	kngg_readiness *r = NULL;

	assert_int_equal(kngg_readiness_load(&fx->t, "GM0479", phase, step, NULL, as_of, &r), 0);
	return r;
}

static void done_rule(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = on("2026-02-01");
	kngg_readiness *r;

	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_DONE, "GM0479", "1.1", &o), 0);
	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_DONE, "GM0479", "1.2", &o), 0);
	o = on("2026-03-01");
	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_DONE, "GM0479", "1.4", &o), 0);
	r = ask(fx, 1, NULL, NULL);
	assert_false(r->ready);
	assert_int_equal(r->calculated_phase, 1);
	assert_true(result(r, "1.1", "gedaan")->met);
	assert_false(result(r, "1.3", "gedaan")->met);
	assert_non_null(strstr(result(r, "1.3", "gedaan")->fix, "kngg step done GM0479 1.3"));
	kngg_readiness_free(r);
	/* as of before 1.4 was done */
	r = ask(fx, 1, NULL, "2026-02-15");
	assert_false(result(r, "1.4", "gedaan")->met);
	kngg_readiness_free(r);
}

static int64_t setup_gemeente(fixture *fx)
{
	kngg_track_opts o = on("2026-01-10");
	kngg_stakeholder_in in = {.name = "Jan", .org = "Gemeente Zaanstad", .org_type = "gemeente",
				  .level = "bestuurlijk"};
	int64_t id;

	assert_int_equal(kngg_stakeholder_add(&fx->t, "GM0479", &in, &o, &id), 0);
	return id;
}

static void signed_rule(void **state)
{
	fixture *fx = *state;
	const char *args[] = {"geen budget"};
	kngg_signoff_in no = {"no-go", "Jan", "wethouder", NULL, "Gemeente Zaanstad", "B&W 1", args, 1, NULL};
	kngg_signoff_in go = {"go", "Jan", "wethouder", NULL, "Gemeente Zaanstad", "B&W 2", NULL, 0, NULL};
	kngg_track_opts o1 = on("2026-03-01"), o2 = on("2026-04-01");
	kngg_readiness *r;

	setup_gemeente(fx);
	/* the hint: a go, by the role the point asks for, of the gemeente */
	r = ask(fx, 0, "1.5", NULL);
	assert_string_equal(result(r, "1.5/s1", "getekend")->fix,
			    "kngg signoff GM0479 1.5/s1 --decision go --signer \"NAAM\" --role wethouder "
			    "--org \"Gemeente Zaanstad\" --document \"STUK\"");
	kngg_readiness_free(r);
	assert_int_equal(kngg_signoff_record(&fx->t, "GM0479", "1.5/s1", &no, &o1, NULL), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_false(result(r, "1.5/s1", "getekend")->met);
	kngg_readiness_free(r);
	assert_int_equal(kngg_signoff_record(&fx->t, "GM0479", "1.5/s1", &go, &o2, NULL), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_true(result(r, "1.5/s1", "getekend")->met);
	kngg_readiness_free(r);
	r = ask(fx, 0, "1.5", "2026-03-15");
	assert_false(result(r, "1.5/s1", "getekend")->met);
	kngg_readiness_free(r);
}

static const kngg_rule_result *gemeente_commitment(const kngg_readiness *r)
{
	for (size_t i = 0; i < r->sections[0].nresults; i++) {
		const kngg_rule_result *x = &r->sections[0].results[i];

		if (x->rule && x->rule->kind == KNGG_RULE_COMMITMENT && x->rule->org_type &&
		    strcmp(x->rule->org_type, "gemeente") == 0)
			return x;
	}
	return NULL;
}

static void commitment_rule(void **state)
{
	fixture *fx = *state;
	kngg_assessment informed = {.commitment = "geinformeerd"}, yes = {.commitment = "toegezegd"};
	kngg_track_opts o1 = on("2026-02-01"), o2 = on("2026-03-01");
	kngg_readiness *r;
	int64_t id = setup_gemeente(fx);

	char fix[96];

	assert_int_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &informed, &o1), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_non_null(gemeente_commitment(r));
	assert_false(gemeente_commitment(r)->met);
	/* the hint names the person who fits but has not committed */
	snprintf(fix, sizeof(fix), "kngg stakeholder assess GM0479 %lld --commitment toegezegd",
		 (long long)id);
	assert_string_equal(gemeente_commitment(r)->fix, fix);
	kngg_readiness_free(r);
	assert_int_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &yes, &o2), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_true(gemeente_commitment(r)->met);
	kngg_readiness_free(r);
}

static void factor_rule(void **state)
{
	fixture *fx = *state;
	kngg_track_opts old = on("2025-11-01"), recent = on("2026-06-01");
	kngg_readiness *r;

	/* 1.5 asks factor gemeente >= 3 within six months (today 2026-06-15) */
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "gemeente", 4, &old), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_false(result(r, "gemeente", "factor")->met);
	kngg_readiness_free(r);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "gemeente", 2, &recent), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_false(result(r, "gemeente", "factor")->met);
	kngg_readiness_free(r);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "gemeente", 3, &recent), 0);
	r = ask(fx, 0, "1.5", NULL);
	assert_true(result(r, "gemeente", "factor")->met);
	kngg_readiness_free(r);
}

static void quickscan_rule(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = on("2026-05-01");
	const kngg_quickscan *q = kngg_defs_quickscan(fx->defs);
	kngg_readiness *r;
	int n;

	r = ask(fx, 3, NULL, NULL);
	assert_false(r->ready); /* no cycle yet */
	kngg_readiness_free(r);
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 3, &o, &n), 0);
	r = ask(fx, 3, NULL, NULL);
	assert_false(result(r, "quickscan", "quickscan")->met);
	kngg_readiness_free(r);
	for (size_t i = 0; i < q->nthemes; i++)
		assert_int_equal(kngg_track_quickscan(&fx->t, "GM0479", q->themes[i].def.id,
						      3, 3, &o), 0);
	r = ask(fx, 3, NULL, NULL);
	assert_true(result(r, "quickscan", "quickscan")->met);
	kngg_readiness_free(r);
}

/* The result of the commitment rule for role in the first section, or NULL. */
static const kngg_rule_result *role_commitment(const kngg_readiness *r, const char *role)
{
	for (size_t i = 0; i < r->sections[0].nresults; i++) {
		const kngg_rule_result *x = &r->sections[0].results[i];

		if (x->rule && x->rule->kind == KNGG_RULE_COMMITMENT && x->rule->role &&
		    strcmp(x->rule->role, role) == 0)
			return x;
	}
	return NULL;
}

static int find_cycle_start(void *ctx, const kngg_event *ev)
{
	int64_t *id = ctx;

	if (strcmp(ev->kind, KNGG_EV_CYCLE_START) == 0)
		*id = ev->id;
	return 0;
}

/* Hints that name the right command, and a cycle start withdrawn. */
static void fix_hints_and_withdrawn_cycle(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = on("2026-05-01"), later = on("2026-05-02");
	const kngg_quickscan *q = kngg_defs_quickscan(fx->defs);
	kngg_readiness *r;
	int64_t start = 0;
	char fix[128];
	int n;

	r = ask(fx, 3, NULL, NULL);
	assert_string_equal(result(r, "cyclus", NULL)->fix, "kngg cycle start GM0479 3");
	kngg_readiness_free(r);
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 3, &o, &n), 0);
	assert_int_equal(n, 1);
	r = ask(fx, 3, NULL, NULL);
	/* nobody holds the role: assign it (who is the projectleider's choice) */
	assert_non_null(role_commitment(r, "netwerkregisseur"));
	assert_string_equal(role_commitment(r, "netwerkregisseur")->fix,
			    "kngg role assign GM0479 ID netwerkregisseur");
	/* the QuickScan hint names the first theme not scored */
	snprintf(fix, sizeof(fix), "kngg quickscan GM0479 --theme %s --score N --phase 3",
		 strrchr(q->themes[0].def.id, '/') ? strrchr(q->themes[0].def.id, '/') + 1
						   : q->themes[0].def.id);
	assert_string_equal(result(r, "quickscan", "quickscan")->fix, fix);
	kngg_readiness_free(r);
	/* the start was a mistake: withdrawn, the phase has no cycle again */
	assert_int_equal(kngg_journal(&fx->t, "GM0479", NULL, find_cycle_start, &start), 0);
	assert_true(start > 0);
	assert_int_equal(kngg_correct(&fx->t, "GM0479", start, "per ongeluk", &later), 0);
	r = ask(fx, 3, NULL, NULL);
	assert_non_null(result(r, "cyclus", NULL));
	assert_false(r->ready);
	kngg_readiness_free(r);
	assert_int_not_equal(kngg_track_quickscan(&fx->t, "GM0479", q->themes[0].def.id, 3, 3,
						  &later), 0);
	/* started again: the same number */
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 3, &later, &n), 0);
	assert_int_equal(n, 1);
}

static void declared_and_stalled(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = on("2026-01-10"), d = on("2026-06-01");
	kngg_readiness *r;

	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_START, "GM0479", "1.1", &o), 0);
	assert_int_equal(kngg_phase_declare(&fx->t, "GM0479", 2, &d), 0);
	assert_int_not_equal(kngg_phase_declare(&fx->t, "GM0479", 5, &d), 0);
	r = ask(fx, 0, NULL, NULL);
	assert_int_equal(r->calculated_phase, 1);
	assert_int_equal(r->declared_phase, 2);
	assert_non_null(r->oldest_stalled);
	assert_non_null(strstr(r->oldest_stalled, "1.1"));
	kngg_readiness_free(r);
	/* bad questions */
	assert_int_not_equal(kngg_readiness_load(&fx->t, "GM0479", 5, NULL, NULL, NULL, &r), 0);
	assert_int_not_equal(kngg_readiness_load(&fx->t, "GM0479", 1, "1.1", NULL, NULL, &r), 0);
	assert_int_not_equal(kngg_readiness_load(&fx->t, "GM0479", 0, "1.9", NULL, NULL, &r), 0);
	assert_int_not_equal(kngg_readiness_load(&fx->t, "GM0001", 0, NULL, NULL, NULL, &r), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(done_rule),
		T(signed_rule),
		T(commitment_rule),
		T(factor_rule),
		T(quickscan_rule),
		T(fix_hints_and_withdrawn_cycle),
		T(declared_and_stalled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
