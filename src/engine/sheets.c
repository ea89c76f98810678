/*
 * sheets.c: what kngg shows as tables (kngg/table.h), built once for every
 * front: `--format csv|xlsx` of the CLI and the web's downloads. Ids,
 * phases, scores and counts are numbers, days are days.
 */
#include <stdlib.h>
#include <string.h>

#include "kngg/people.h"
#include "kngg/readiness.h"
#include "kngg/table.h"

/* The columns of the register, as `stakeholder list --format csv` has
 * always written them (and `stakeholder import` reads them back). */
static const char *const register_head[] = {
	"id", "naam", "organisatie", "organisatietype", "functie", "niveau", "email",
	"telefoon", "gewist", "analyse", "ronde", "gebied", "belang", "invloed", "urgentie",
	"houding", "commitment", "gecommitteerd"};

#define NREGISTER (sizeof(register_head) / sizeof(register_head[0]))

int kngg_register_table(const kngg_defs *defs, const kngg_register *r, kngg_table **out)
{
	kngg_table *t = kngg_table_new("stakeholders", NREGISTER, register_head);
	int rc = t ? 0 : KNGG_ENOMEM;

	for (size_t i = 0; rc == 0 && i < r->npeople; i++) {
		const kngg_stakeholder *s = &r->people[i];
		const kngg_person *p = &s->person;
		const kngg_assessment_rec *a = s->latest;
		int committed = a && a->commitment && kngg_commitment_counts(defs, a->commitment) == 1;
		const char *f[NREGISTER] = {
			NULL, p->name, p->org, p->org_type, p->function, p->level, p->email,
			p->phone, p->erased_at ? "ja" : "nee", NULL, a ? a->round : NULL,
			a ? a->area : NULL, a ? a->interest : NULL, a ? a->influence : NULL,
			a ? a->urgency : NULL, a ? a->stance : NULL, a ? a->commitment : NULL,
			committed ? "ja" : "nee"};

		if ((rc = kngg_table_row(t, 0)) == 0)
			rc = kngg_table_number(t, 0, (double)p->id);
		if (rc == 0 && a)
			rc = kngg_table_date(t, 9, a->date);
		for (size_t c = 1; rc == 0 && c < NREGISTER; c++)
			if (c != 9)
				rc = kngg_table_text(t, c, f[c]);
	}
	if (rc < 0) {
		kngg_table_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

static int journal_row(void *ctx, const kngg_event *ev)
{
	kngg_table *t = ctx;
	char *line = kngg_event_describe(ev);
	int rc = line ? kngg_table_row(t, 0) : KNGG_ENOMEM;

	if (rc == 0 && (rc = kngg_table_number(t, 0, (double)ev->id)) == 0 &&
	    (rc = kngg_table_date(t, 1, ev->date)) == 0 &&
	    (rc = kngg_table_text(t, 2, kngg_event_kind_text(ev->kind))) == 0 &&
	    (rc = kngg_table_text(t, 3, line)) == 0 &&
	    (rc = kngg_table_text(t, 4, ev->by ? ev->by : ev->by_erased ? "(gewist)" : NULL)) == 0 &&
	    (rc = kngg_table_text(t, 5, ev->note)) == 0 && ev->corrected_by)
		rc = kngg_table_number(t, 6, (double)ev->corrected_by);
	if (rc == 0)
		rc = kngg_table_text(t, 7, ev->recorded_at);
	free(line);
	return rc;
}

int kngg_journal_table(kngg_tracker *t, const char *code, const char *since, kngg_table **out)
{
	static const char *const head[] = {"id", "datum", "soort", "omschrijving", "door",
					   "toelichting", "ingetrokken door", "vastgelegd"};
	kngg_table *tab = kngg_table_new("logboek", 8, head);
	int rc;

	if (!tab)
		return KNGG_ENOMEM;
	if ((rc = kngg_journal(t, code, since, journal_row, tab)) < 0) {
		kngg_table_free(tab);
		return rc;
	}
	*out = tab;
	return 0;
}

static int step_rows(kngg_table *t, const kngg_phase_status *ps)
{
	int rc = 0;

	for (size_t k = 0; rc == 0 && k < ps->nruns; k++) {
		const kngg_run_status *run = &ps->runs[k];

		for (size_t i = 0; rc == 0 && i < ps->phase->nsteps; i++) {
			const kngg_step *st = &ps->phase->steps[i];
			const kngg_step_status *ss = &run->steps[i];
			size_t done = 0;

			for (size_t a = 0; a < st->nactivities; a++)
				done += ss->activity_done[a] != 0;
			if ((rc = kngg_table_row(t, 0)) == 0 &&
			    (rc = kngg_table_number(t, 0, ps->phase->number)) == 0 &&
			    (rc = kngg_table_text(t, 1, run->label)) == 0 &&
			    (rc = kngg_table_text(t, 2, st->def.id)) == 0 &&
			    (rc = kngg_table_text(t, 3, st->def.title)) == 0 &&
			    (rc = kngg_table_text(t, 4, kngg_step_state_name(ss->state))) == 0 &&
			    (rc = kngg_table_date(t, 5, ss->started)) == 0 &&
			    (rc = kngg_table_date(t, 6, ss->done)) == 0 &&
			    (rc = kngg_table_number(t, 7, (double)done)) == 0 &&
			    (rc = kngg_table_number(t, 8, (double)st->nactivities)) == 0 &&
			    (rc = kngg_table_number(t, 9, ss->reopen_count)) == 0)
				rc = kngg_table_text(t, 10, ss->by);
		}
	}
	return rc;
}

int kngg_status_tables(const kngg_status *s, const kngg_readiness *r, kngg_table *out[3])
{
	static const char *const ohead[] = {"gemeente", "naam", "berekende fase",
					    "opgegeven fase", "gebeurtenissen", "laatste"};
	static const char *const shead[] = {"fase", "gebied of cyclus", "stap", "titel", "status",
					    "begonnen", "afgerond", "activiteiten gedaan",
					    "activiteiten", "heropend", "door"};
	static const char *const fhead[] = {"factor", "score", "datum", "toelichting"};
	kngg_table *t[3] = {kngg_table_new("overzicht", 6, ohead),
			    kngg_table_new("stappen", 11, shead),
			    kngg_table_new("factoren", 4, fhead)};
	int rc = t[0] && t[1] && t[2] ? 0 : KNGG_ENOMEM;

	if (rc == 0 && (rc = kngg_table_row(t[0], 0)) == 0 &&
	    (rc = kngg_table_text(t[0], 0, s->code)) == 0 &&
	    (rc = kngg_table_text(t[0], 1, s->name)) == 0 &&
	    (rc = kngg_table_number(t[0], 2, r->calculated_phase)) == 0 &&
	    (!r->declared_phase || (rc = kngg_table_number(t[0], 3, r->declared_phase)) == 0) &&
	    (rc = kngg_table_number(t[0], 4, (double)s->nevents)) == 0)
		rc = kngg_table_date(t[0], 5, s->last_date);
	for (int p = 0; rc == 0 && p < 4; p++)
		rc = step_rows(t[1], &s->phases[p]);
	for (size_t i = 0; rc == 0 && i < s->nfactors; i++) {
		const kngg_factor_status *f = &s->factors[i];

		if ((rc = kngg_table_row(t[2], 0)) == 0 &&
		    (rc = kngg_table_text(t[2], 0, f->factor->def.id)) == 0 &&
		    (!f->date || (rc = kngg_table_number(t[2], 1, f->score)) == 0) &&
		    (rc = kngg_table_date(t[2], 2, f->date)) == 0)
			rc = kngg_table_text(t[2], 3, f->note);
	}
	for (int i = 0; i < 3; i++) {
		if (rc < 0)
			kngg_table_free(t[i]);
		out[i] = rc < 0 ? NULL : t[i];
	}
	return rc;
}
