/*
 * test_people.c: stakeholders, roles, sign-offs, corrections and erasure in
 * the engine, on a temporary database with the real definitions.
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
#include "kngg/track.h"
#include "util/util.h"

#include "engine_fixture.h"

static int64_t org(fixture *fx, const char *name, const char *type)
{
	kngg_track_opts o = {.date = "2026-01-10"};
	int64_t id = 0;

	assert_int_equal(kngg_org_add(&fx->t, "GM0479", name, type, &o, &id), 0);
	return id;
}

static int64_t person(fixture *fx, const char *name, const char *orgname, const char *level)
{
	kngg_stakeholder_in in = {.name = name, .org = orgname, .level = level};
	kngg_track_opts o = {.date = "2026-01-12"};
	int64_t id = 0;

	assert_int_equal(kngg_stakeholder_add(&fx->t, "GM0479", &in, &o, &id), 0);
	return id;
}

static void assess(fixture *fx, int64_t id, const char *commitment, const char *date)
{
	kngg_assessment a = {.commitment = commitment};
	kngg_track_opts o = {.date = date};

	assert_int_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &a, &o), 0);
}

static void informed_is_not_committed(void **state)
{
	fixture *fx = *state;
	kngg_register *reg;
	const kngg_stakeholder *s;
	int64_t id;

	org(fx, "JGZ Zaanstreek", "jgz");
	id = person(fx, "Ruud", "JGZ Zaanstreek", "management");
	assess(fx, id, "geinformeerd", "2026-02-01");
	assert_false(kngg_commitment_counts(fx->defs, "geinformeerd"));
	assert_false(kngg_commitment_counts(fx->defs, "betrokken"));
	assert_true(kngg_commitment_counts(fx->defs, "toegezegd"));
	assert_true(kngg_commitment_counts(fx->defs, "formeel-vastgelegd"));
	assert_false(kngg_commitment_counts(fx->defs, "onzin"));
	{
		kngg_assessment a = {.influence = "hoog"};
		kngg_track_opts o = {.date = "2026-03-01"};

		assert_int_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &a, &o), 0);
	}
	assert_int_equal(kngg_register_load(&fx->t, "GM0479", NULL, &reg), 0);
	s = kngg_register_person(reg, id);
	assert_non_null(s);
	assert_int_equal(s->nhistory, 2);
	/* carried over, not reset */
	assert_string_equal(s->latest->commitment, "geinformeerd");
	assert_string_equal(s->latest->influence, "hoog");
	assert_null(s->history[0].influence);
	kngg_register_free(reg);
	/* as it stood on 15 February */
	assert_int_equal(kngg_register_load(&fx->t, "GM0479", "2026-02-15", &reg), 0);
	assert_int_equal(kngg_register_person(reg, id)->nhistory, 1);
	kngg_register_free(reg);
}

static void bad_assessment_refused(void **state)
{
	fixture *fx = *state;
	kngg_assessment none = {0}, bad = {.commitment = "misschien"},
			wrong_round = {.commitment = "toegezegd", .round = "1.3"},
			area_round = {.commitment = "toegezegd", .round = "2.5"};
	kngg_track_opts o = {.date = "2026-02-01"};
	int64_t id;

	org(fx, "GGD", "ggd");
	id = person(fx, "Fatima", "GGD", "bestuurlijk");
	assert_int_not_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &none, &o), 0);
	assert_int_not_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &bad, &o), 0);
	assert_int_not_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &wrong_round, &o), 0);
	assert_int_not_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id, &area_round, &o), 0);
	assert_int_not_equal(kngg_stakeholder_assess(&fx->t, "GM0479", id + 100, &bad, &o), 0);
	assert_int_equal(kngg_store_event_count(fx->st), 3); /* municipality, org, person */
}

static int count_risk(void *ctx, const kngg_risk *r)
{
	((int *)ctx)[r->kind]++;
	return 0;
}

static void risks_found(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-01-15"}, end = {.date = "2026-05-01"};
	int kinds[KNGG_RISK_NO_HANDOVER + 1] = {0}; /* indexed by kind */
	int64_t pl, wh;

	org(fx, "Gemeente Zaanstad", "gemeente");
	pl = person(fx, "Anouk", "Gemeente Zaanstad", "uitvoerend");
	wh = person(fx, "Jan", "Gemeente Zaanstad", "bestuurlijk");
	assert_int_equal(kngg_role_assign(&fx->t, "GM0479", pl, "projectleider", 0, &o), 0);
	assert_int_equal(kngg_role_assign(&fx->t, "GM0479", wh, "wethouder", 0, &o), 0);
	assert_int_not_equal(kngg_role_assign(&fx->t, "GM0479", wh, "wethouder", 0, &o), 0);
	assess(fx, wh, "toegezegd", "2026-02-01");
	assess(fx, pl, "toegezegd", "2025-03-01");
	assert_int_equal(kngg_role_end(&fx->t, "GM0479", wh, "wethouder", &end), 0);
	assert_int_not_equal(kngg_role_end(&fx->t, "GM0479", wh, "wethouder", &end), 0);
	assert_true(kngg_risks(&fx->t, "GM0479", NULL, count_risk, kinds) > 0);
	assert_int_equal(kinds[KNGG_RISK_SOLE_HOLDER], 1);      /* projectleider */
	assert_int_equal(kinds[KNGG_RISK_STALE_COMMITMENT], 1); /* Anouk, 2025 */
	assert_int_equal(kinds[KNGG_RISK_COMMITTER_LEFT], 1);   /* Jan, no longer wethouder */
}

static int signoff(fixture *fx, const char *id, const char *decision, const char *signer,
		   const char *role, const char *as, const char *orgname, const char *date,
		   const char *argument)
{
	const char *args[1] = {argument};
	kngg_signoff_in in = {decision, signer, role, as, orgname, "Besluit 2026/1", args,
			      argument ? 1 : 0, NULL};
	kngg_track_opts o = {.date = date, .new_person = 1}; /* signers added on purpose */

	return kngg_signoff_record(&fx->t, "GM0479", id, &in, &o, NULL);
}

static int complete(fixture *fx, const char *id)
{
	kngg_signoff_status *s;
	int c;

	assert_int_equal(kngg_signoff_status_load(&fx->t, "GM0479", id, NULL, NULL, &s), 0);
	c = s->complete;
	kngg_signoff_status_free(s);
	return c;
}

static void go_after_no_go(void **state)
{
	fixture *fx = *state;
	kngg_signoff_status *s;

	org(fx, "Gemeente Zaanstad", "gemeente");
	assert_int_not_equal(signoff(fx, "1.5/s1", "no-go", "Jan", "wethouder", NULL,
				     "Gemeente Zaanstad", "2026-03-01", NULL), 0);
	assert_int_not_equal(signoff(fx, "1.5/s1", "akkoord", "Jan", "wethouder", NULL,
				     "Gemeente Zaanstad", "2026-03-01", NULL), 0);
	assert_int_not_equal(signoff(fx, "1.5/s1", "go", "Jan", "beleidsmedewerker", NULL,
				     "Gemeente Zaanstad", "2026-03-01", NULL), 0);
	assert_int_not_equal(signoff(fx, "1.5/s1", "go", "Jan", "wethouder", NULL,
				     "Onbekend", "2026-03-01", NULL), 0);
	assert_int_equal(signoff(fx, "1.5/s1", "no-go", "Jan", "wethouder", NULL,
				 "Gemeente Zaanstad", "2026-03-01", "geen budget"), 0);
	assert_false(complete(fx, "1.5/s1"));
	assert_int_equal(signoff(fx, "1.5/s1", "go", "Jan", "beleidsmedewerker", "wethouder",
				 "Gemeente Zaanstad", "2026-04-01", NULL), 0);
	assert_true(complete(fx, "1.5/s1"));
	assert_int_equal(kngg_signoff_status_load(&fx->t, "GM0479", "1.5/s1", NULL, NULL, &s), 0);
	assert_int_equal(s->nhistory, 2);
	assert_string_equal(s->history[0].decision, "no-go");
	assert_int_equal(s->history[0].narguments, 1);
	assert_string_equal(s->history[0].arguments[0], "geen budget");
	assert_string_equal(s->history[1].as, "wethouder");
	kngg_signoff_status_free(s);
	/* as it stood before the go */
	assert_int_equal(kngg_signoff_status_load(&fx->t, "GM0479", "1.5/s1", NULL, "2026-03-15", &s), 0);
	assert_false(s->complete);
	kngg_signoff_status_free(s);
}

static void agreement_per_kerngroep_org(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01"};
	kngg_signoff_status *s;
	int64_t a, b;

	org(fx, "Gemeente Zaanstad", "gemeente");
	org(fx, "JGZ Zaanstreek", "jgz");
	org(fx, "Wijkteam Zaandam", "wijkteam");
	a = person(fx, "Ruud", "JGZ Zaanstreek", "management");
	b = person(fx, "Sanne", "Wijkteam Zaandam", "management");
	assert_false(complete(fx, "1.6/s1")); /* nobody in the kerngroep yet */
	assert_int_equal(kngg_role_assign(&fx->t, "GM0479", a, "kerngroep", 0, &o), 0);
	assert_int_equal(kngg_role_assign(&fx->t, "GM0479", b, "kerngroep", 0, &o), 0);
	assert_int_equal(signoff(fx, "1.6/s1", "akkoord", "Jan", "wethouder", NULL,
				 "Gemeente Zaanstad", "2026-03-01", NULL), 0);
	assert_int_equal(signoff(fx, "1.6/s1", "akkoord", "Bert", "bestuurder", NULL,
				 "JGZ Zaanstreek", "2026-03-02", NULL), 0);
	assert_int_equal(kngg_signoff_status_load(&fx->t, "GM0479", "1.6/s1", NULL, NULL, &s), 0);
	assert_false(s->complete);
	for (size_t i = 0; i < s->nslots; i++)
		if (s->slots[i].org && strcmp(s->slots[i].org, "Wijkteam Zaandam") == 0)
			assert_false(s->slots[i].ok);
		else
			assert_true(s->slots[i].ok);
	kngg_signoff_status_free(s);
	assert_int_equal(signoff(fx, "1.6/s1", "akkoord", "Els", "bestuurder", NULL,
				 "Wijkteam Zaandam", "2026-03-03", NULL), 0);
	assert_true(complete(fx, "1.6/s1"));
}

static int last_id(void *ctx, const kngg_event *ev)
{
	*(int64_t *)ctx = ev->id;
	return 0;
}

static void correction_withdraws(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01"}, c = {.date = "2026-02-02"};
	kngg_status *st;
	int64_t id = 0;

	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_DONE, "GM0479", "1.1", &o), 0);
	assert_int_equal(kngg_store_events(fx->st, "GM0479", "1.1", NULL, NULL, last_id, &id), 0);
	assert_int_not_equal(kngg_correct(&fx->t, "GM0479", id, NULL, &c), 0);
	assert_int_not_equal(kngg_correct(&fx->t, "GM0479", 1, "eerste", &c), 0); /* municipality.add */
	assert_int_equal(kngg_correct(&fx->t, "GM0479", id, "verkeerde stap aangeklikt", &c), 0);
	assert_int_not_equal(kngg_correct(&fx->t, "GM0479", id, "nog eens", &c), 0);
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", NULL, &st), 0);
	assert_int_equal(st->phases[0].runs[0].steps[0].state, KNGG_STATE_NOT_STARTED);
	kngg_status_free(st);
	/* before the correction, the step was done */
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", "2026-02-01", &st), 0);
	assert_int_equal(st->phases[0].runs[0].steps[0].state, KNGG_STATE_DONE);
	kngg_status_free(st);
}

static void erase_keeps_chain(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01", .note = "overleg met Wilhelmina Quaak gehad"},
			e = {.date = "2026-03-01"};
	kngg_verify_result r;
	char *json = NULL;
	int64_t id;
	int n;

	org(fx, "GGD", "ggd");
	id = person(fx, "Wilhelmina Quaak", "GGD", "bestuurlijk");
	assert_int_equal(kngg_track_step(&fx->t, KNGG_STEP_START, "GM0479", "1.1", &o), 0);
	assert_int_equal(kngg_person_export(&fx->t, id, &json), 0);
	assert_non_null(strstr(json, "Wilhelmina Quaak"));
	assert_non_null(strstr(json, "overleg met"));
	free(json);
	assert_int_not_equal(kngg_person_erase(&fx->t, id, "verzoek van Wilhelmina Quaak", &e, &n), 0);
	assert_int_equal(kngg_person_erase(&fx->t, id, "verzoek betrokkene", &e, &n), 0);
	assert_int_equal(n, 1);
	assert_int_not_equal(kngg_person_erase(&fx->t, id, "nogmaals", &e, &n), 0);
	assert_int_equal(kngg_store_verify(fx->st, &r), 0);
	assert_int_equal(r.redacted, 1);
	assert_int_equal(kngg_person_export(&fx->t, id, &json), 0);
	assert_null(strstr(json, "Wilhelmina"));
	free(json);
}

/* issue 18: three months ahead, the day clamped to the month's end */
static void agreement_states(void **state)
{
	(void)state;
	assert_int_equal(kngg_agreement_state(NULL, "2026-06-15"), KNGG_AGREEMENT_RUNS);
	assert_int_equal(kngg_agreement_state("2026-09-15", "2026-06-15"), KNGG_AGREEMENT_ENDS_SOON);
	assert_int_equal(kngg_agreement_state("2026-09-16", "2026-06-15"), KNGG_AGREEMENT_RUNS);
	assert_int_equal(kngg_agreement_state("2026-06-15", "2026-06-15"), KNGG_AGREEMENT_ENDS_SOON);
	assert_int_equal(kngg_agreement_state("2026-06-14", "2026-06-15"), KNGG_AGREEMENT_EXPIRED);
	/* 30 November + 3 months = 28 February (2027 is no leap year) */
	assert_int_equal(kngg_agreement_state("2027-02-28", "2026-11-30"), KNGG_AGREEMENT_ENDS_SOON);
	assert_int_equal(kngg_agreement_state("2027-03-01", "2026-11-30"), KNGG_AGREEMENT_RUNS);
	/* across the year, into a leap February */
	assert_int_equal(kngg_agreement_state("2028-02-29", "2027-11-30"), KNGG_AGREEMENT_ENDS_SOON);
	assert_int_equal(kngg_agreement_state("2027-01-31", "2026-10-31"), KNGG_AGREEMENT_ENDS_SOON);
	assert_int_equal(kngg_agreement_state("2027-02-01", "2026-10-31"), KNGG_AGREEMENT_RUNS);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(informed_is_not_committed),
		T(bad_assessment_refused),
		T(risks_found),
		T(go_after_no_go),
		T(agreement_per_kerngroep_org),
		T(correction_withdraws),
		T(erase_keeps_chain),
		cmocka_unit_test(agreement_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
