/*
 * test_track.c: the engine's recording rules and the status derived from the
 * journal, on a temporary database with the real definitions.
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

#include "kngg/track.h"
#include "util/util.h"

#include "engine_fixture.h"

static int step(fixture *fx, kngg_step_action a, const char *id, const char *date,
		const char *area)
{
	kngg_track_opts o = {.date = date, .by = "Tester", .area = area, .new_person = 1};

	return kngg_track_step(&fx->t, a, "GM0479", id, &o);
}

static void expect_error(fixture *fx, const char *needle)
{
	if (!strstr(kngg_buf_cstr(&fx->errors), needle))
		fail_msg("expected error '%s' in:\n%s", needle, kngg_buf_cstr(&fx->errors));
}

static const kngg_step_status *step_status(kngg_status *s, int phase, size_t run, size_t i)
{
	assert_true(s->phases[phase - 1].nruns > run);
	return &s->phases[phase - 1].runs[run].steps[i];
}

static void dates_and_codes(void **state)
{
	(void)state;
	assert_true(kngg_valid_date("2024-02-29"));
	assert_false(kngg_valid_date("2026-02-29"));
	assert_false(kngg_valid_date("2026-02-30"));
	assert_false(kngg_valid_date("2026-13-01"));
	assert_false(kngg_valid_date("2026-00-10"));
	assert_false(kngg_valid_date("2026-1-1"));
	assert_false(kngg_valid_date("2026-01-01x"));
	assert_false(kngg_valid_date("1900-02-29"));
	assert_true(kngg_valid_date("2000-02-29"));
	assert_false(kngg_valid_date(NULL));
	assert_true(kngg_valid_code("GM0479"));
	assert_false(kngg_valid_code("gm0479"));
	assert_false(kngg_valid_code("GM479"));
	assert_false(kngg_valid_code("GM04790"));
	assert_false(kngg_valid_code("GM04a9"));
}

static void step_lifecycle(void **state)
{
	fixture *fx = *state;
	kngg_status *s = NULL;

	assert_int_equal(step(fx, KNGG_STEP_START, "1.1", "2026-01-10", NULL), 0);
	assert_int_equal(step(fx, KNGG_STEP_START, "1.1", "2026-01-11", NULL), KNGG_EINVALID);
	expect_error(fx, "loopt al");
	assert_int_equal(step(fx, KNGG_STEP_REOPEN, "1.1", "2026-01-11", NULL), KNGG_EINVALID);
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.1", "2026-01-09", NULL), KNGG_EINVALID);
	expect_error(fx, "vóór de startdatum");
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.1", "2026-02-01", NULL), 0);
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.1", "2026-02-02", NULL), KNGG_EINVALID);
	expect_error(fx, "al afgerond");
	assert_int_equal(step(fx, KNGG_STEP_REOPEN, "1.1", "2026-05-01", NULL), 0);
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.1", "2026-06-01", NULL), 0);
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.2", "2026-06-16", NULL), KNGG_EINVALID);
	expect_error(fx, "in de toekomst");
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.9", "2026-06-01", NULL), KNGG_ENOTFOUND);

	assert_int_equal(kngg_status_load(&fx->t, "GM0479", NULL, &s), 0);
	assert_int_equal(step_status(s, 1, 0, 0)->state, KNGG_STATE_DONE);
	assert_string_equal(step_status(s, 1, 0, 0)->started, "2026-01-10");
	assert_string_equal(step_status(s, 1, 0, 0)->done, "2026-06-01");
	assert_int_equal(step_status(s, 1, 0, 0)->reopen_count, 1);
	assert_int_equal(s->current_phase, 1);
	kngg_status_free(s);

	/* as it stood in March: done once, not yet reopened */
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", "2026-03-01", &s), 0);
	assert_string_equal(step_status(s, 1, 0, 0)->done, "2026-02-01");
	assert_int_equal(step_status(s, 1, 0, 0)->reopen_count, 0);
	kngg_status_free(s);
}

static void out_of_order_warns(void **state)
{
	fixture *fx = *state;

	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.1", "2026-02-01", NULL), 0);
	assert_string_equal(kngg_buf_cstr(&fx->warnings), "");
	assert_int_equal(step(fx, KNGG_STEP_DONE, "1.4", "2026-03-01", NULL), 0);
	assert_non_null(strstr(kngg_buf_cstr(&fx->warnings), "1.2, 1.3"));
	assert_null(strstr(kngg_buf_cstr(&fx->warnings), "1.1"));
}

static void phase_two_per_area(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01"};
	kngg_status *s = NULL;

	assert_int_equal(step(fx, KNGG_STEP_START, "2.1", "2026-02-01", NULL), KNGG_EINVALID);
	expect_error(fx, "geef --area");
	assert_int_equal(kngg_track_area_add(&fx->t, "GM0479", "Poelenburg", "0-4 jaar", NULL, &o), 0);
	assert_int_equal(kngg_track_area_add(&fx->t, "GM0479", "Peldersveld", NULL, NULL, &o), 0);
	assert_int_equal(kngg_track_area_add(&fx->t, "GM0479", "Poelenburg", NULL, NULL, &o), KNGG_EEXISTS);
	assert_int_equal(step(fx, KNGG_STEP_START, "2.1", "2026-02-01", "Kogerveld"), KNGG_ENOTFOUND);
	expect_error(fx, "Poelenburg, Peldersveld");
	assert_int_equal(step(fx, KNGG_STEP_START, "1.1", "2026-02-01", "Poelenburg"), KNGG_EINVALID);
	expect_error(fx, "alleen bij stappen van fase 2");
	assert_int_equal(step(fx, KNGG_STEP_DONE, "2.1", "2026-03-01", "Poelenburg"), 0);
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", NULL, &s), 0);
	assert_int_equal(s->phases[1].nruns, 2);
	assert_string_equal(s->phases[1].runs[0].label, "Poelenburg");
	assert_string_equal(s->phases[1].runs[0].target_group, "0-4 jaar");
	assert_int_equal(step_status(s, 2, 0, 0)->state, KNGG_STATE_DONE);
	assert_int_equal(step_status(s, 2, 1, 0)->state, KNGG_STATE_NOT_STARTED);
	assert_int_equal(s->current_phase, 2);
	kngg_status_free(s);
}

static void cycles_and_quickscan(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-04-01"};
	kngg_status *s = NULL;
	int number;

	assert_int_equal(step(fx, KNGG_STEP_START, "3.proces", "2026-04-01", NULL), KNGG_ENOTFOUND);
	expect_error(fx, "kngg cycle start GM0479 3");
	assert_int_equal(kngg_track_quickscan(&fx->t, "GM0479", "ketencommitment", 3, 0, &o),
			 KNGG_ENOTFOUND);
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 2, &o, &number), KNGG_EINVALID);
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 3, &o, &number), 0);
	assert_int_equal(number, 1);
	assert_int_equal(kngg_track_quickscan(&fx->t, "GM0479", "ketencommitment", 3, 0, &o), 0);
	assert_int_equal(kngg_track_quickscan(&fx->t, "GM0479", "ketencommitment", 9, 0, &o),
			 KNGG_EINVALID);
	expect_error(fx, "buiten de schaal");
	assert_int_equal(kngg_track_quickscan(&fx->t, "GM0479", "onbekend", 3, 0, &o), KNGG_ENOTFOUND);
	assert_int_equal(step(fx, KNGG_STEP_DONE, "3.monitoring", "2026-05-01", NULL), 0);
	assert_int_equal(kngg_track_cycle_start(&fx->t, "GM0479", 3, &o, &number), 0);
	assert_int_equal(number, 2);
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", NULL, &s), 0);
	assert_int_equal(s->phases[2].nruns, 2);
	assert_int_equal(s->phases[2].runs[0].cycle, 1);
	assert_int_equal(s->phases[2].runs[0].quickscan_count, 1);
	assert_int_equal(step_status(s, 3, 0, 3)->state, KNGG_STATE_DONE);
	assert_int_equal(step_status(s, 3, 1, 3)->state, KNGG_STATE_NOT_STARTED);
	assert_int_equal(s->current_phase, 3);
	kngg_status_free(s);
}

static void items_and_factors(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01", .document = "Startfoto v1.pdf"};
	kngg_track_opts plain = {.date = "2026-02-01"};
	kngg_status *s = NULL;

	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/a3", &plain), 0);
	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/a3", &plain), KNGG_EINVALID);
	expect_error(fx, "al gedaan");
	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/a3", &o), KNGG_EINVALID);
	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/d1", &o), 0);
	o.document = "Startfoto v2.pdf";
	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/d1", &o), 0);
	assert_int_equal(kngg_track_item_done(&fx->t, "GM0479", "1.2/a99", &plain), KNGG_ENOTFOUND);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "draagvlak", 2, &plain), 0);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "draagvlak", 6, &plain), KNGG_EINVALID);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0479", "geluk", 3, &plain), KNGG_ENOTFOUND);
	expect_error(fx, "factoren: integraal");
	assert_int_equal(kngg_status_load(&fx->t, "GM0479", NULL, &s), 0);
	assert_non_null(step_status(s, 1, 0, 1)->activity_done[2]);
	assert_null(step_status(s, 1, 0, 1)->activity_done[0]);
	assert_string_equal(step_status(s, 1, 0, 1)->deliverable_doc[0], "Startfoto v2.pdf");
	for (size_t i = 0; i < s->nfactors; i++)
		if (strcmp(s->factors[i].factor->def.id, "draagvlak") == 0)
			assert_int_equal(s->factors[i].score, 2);
	kngg_status_free(s);
}

static void unknown_municipality(void **state)
{
	fixture *fx = *state;
	kngg_status *s = NULL;
	kngg_track_opts o = {.date = "2026-02-01"};

	assert_int_equal(kngg_status_load(&fx->t, "GM0001", NULL, &s), KNGG_ENOTFOUND);
	assert_int_equal(kngg_track_factor(&fx->t, "GM0001", "draagvlak", 2, &o), KNGG_ENOTFOUND);
	assert_int_equal(kngg_track_municipality_add(&fx->t, "GM0479", "Nogmaals", &o), KNGG_EEXISTS);
	assert_int_equal(kngg_track_municipality_add(&fx->t, "0479", "Fout", &o), KNGG_EINVALID);
	assert_int_equal(kngg_store_event_count(fx->st), 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_and_codes),
		T(step_lifecycle),
		T(out_of_order_warns),
		T(phase_two_per_area),
		T(cycles_and_quickscan),
		T(items_and_factors),
		T(unknown_municipality),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
