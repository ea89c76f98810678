/*
 * cmd_status.c: `kngg status CODE [--as-of DATE] [--format text|json|xlsx -o FILE]`.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"
#include "kngg/plan.h"

static const char *or_dash(const char *s)
{
	return s ? s : "-";
}

/* Open activities of a step as "1.4/a4, 1.4/a5", into buf. */
static size_t open_items(const kngg_step *st, const kngg_step_status *ss, char *buf, size_t len)
{
	size_t n = 0, used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < st->nactivities; i++) {
		if (ss->activity_done[i])
			continue;
		if (used + strlen(st->activities[i].id) + 3 < len)
			used += (size_t)snprintf(buf + used, len - used, "%s%s", n ? ", " : "",
						 st->activities[i].id);
		n++;
	}
	return n;
}

static void text_run(const kngg_phase *ph, const kngg_run_status *run)
{
	const char *indent = run->label ? "    " : "  ";
	size_t idw = 0;
	char open[512];

	for (size_t i = 0; i < ph->nsteps; i++)
		if (strlen(ph->steps[i].def.id) > idw)
			idw = strlen(ph->steps[i].def.id);

	if (run->label) {
		char head[512];

		if (run->target_group)
			snprintf(head, sizeof(head), "%s — %s (sinds %s)", run->label,
				 run->target_group, or_dash(run->started));
		else
			snprintf(head, sizeof(head), "%s (sinds %s)", run->label,
				 or_dash(run->started));
		print_wrapped(stdout, head, 4, 2);
	}
	for (size_t i = 0; i < ph->nsteps; i++) {
		const kngg_step *st = &ph->steps[i];
		const kngg_step_status *ss = &run->steps[i];
		size_t nopen = open_items(st, ss, open, sizeof(open));

		printf("%s", indent);
		print_padded(stdout, st->def.id, idw + 2);
		if (ss->state == KNGG_STATE_NOT_STARTED) {
			printf("%s\n", kngg_step_state_name(ss->state));
			continue;
		}
		print_padded(stdout, kngg_step_state_name(ss->state), 10);
		printf("%s", or_dash(ss->started));
		if (ss->state == KNGG_STATE_DONE)
			printf(" → %s", ss->done);
		else if (ss->state == KNGG_STATE_REOPENED)
			printf(" → heropend %s", ss->reopened);
		else
			printf("             ");
		printf("  act %zu/%zu", st->nactivities - nopen, st->nactivities);
		if (ss->reopen_count)
			printf("  %dx heropend", ss->reopen_count);
		if (ss->by)
			printf("  (%s)", ss->by);
		printf("\n");
		if (nopen && ss->state != KNGG_STATE_DONE) {
			size_t col = strlen(indent) + idw + 2;

			printf("%s%*sopen: ", indent, (int)idw + 2, "");
			print_wrapped_at(stdout, open, col + 6, col + 6);
		}
	}
}

/* Planned against actual, one line per planned step (kngg plan has the table). */
static void text_plan(const kngg_plan *p)
{
	if (!p || p->nitems == 0)
		return;
	printf("\nPlanning (gepland tegen werkelijk; kngg plan %s)\n", p->code);
	for (size_t i = 0; i < p->nitems; i++) {
		const kngg_plan_item *it = &p->items[i];
		char where[96], dev[64], line[256];

		if (it->area)
			snprintf(where, sizeof(where), "%s %s", it->step->def.id, it->area);
		else if (it->cycle)
			snprintf(where, sizeof(where), "%s cyclus %d", it->step->def.id, it->cycle);
		else
			snprintf(where, sizeof(where), "%s", it->step->def.id);
		kngg_plan_deviation(it, dev, sizeof(dev));
		snprintf(line, sizeof(line), "gepland %s, %s%s: %s", it->due,
			 it->done ? "afgerond " : kngg_step_state_name(it->state),
			 it->done ? it->done : "", dev);
		printf("  ");
		print_cut(stdout, where, 22, 1);
		printf("  ");
		print_wrapped_at(stdout, line, 26, 26);
	}
}

static void print_text(const kngg_defs *defs, const kngg_status *s, const kngg_readiness *r,
		       const char *as_of, const kngg_plan *plan)
{
	const kngg_phase *calc = kngg_defs_phase_by_number(defs, r->calculated_phase);

	/* one phase on top: the calculated one, as readiness, the review and
	 * the web say; recorded work further on is said as such */
	printf("%s %s: fase %d, %s\n", s->code, s->name, r->calculated_phase, calc->def.title);
	printf("berekende fase %d (kngg readiness %s)\n", r->calculated_phase, s->code);
	if (r->declared_phase)
		printf("opgegeven fase %d sinds %s%s\n", r->declared_phase, r->declared_on,
		       r->declared_phase != r->calculated_phase ? " (verschilt)" : "");
	else
		printf("opgegeven fase: nog niet opgegeven (kngg phase declare %s N)\n", s->code);
	if (s->current_phase > r->calculated_phase)
		printf("er is al werk vastgelegd in fase %d; fase %d is nog niet af\n", s->current_phase,
		       r->calculated_phase);
	printf("%zu gebeurtenissen%s%s%s%s\n", s->nevents, s->last_date ? ", laatste op " : "",
	       s->last_date ? s->last_date : "", as_of ? "; stand op " : "", as_of ? as_of : "");
	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &s->phases[p];

		printf("\nFase %d  %s\n", ps->phase->number, ps->phase->def.title);
		if (ps->nruns == 0) {
			if (ps->phase->repeat == KNGG_REPEAT_PER_AREA)
				printf("  nog geen gebieden (kngg area add %s \"NAAM\")\n", s->code);
			else
				printf("  nog geen cyclus (kngg cycle start %s %d)\n", s->code,
				       ps->phase->number);
			continue;
		}
		for (size_t k = 0; k < ps->nruns; k++)
			text_run(ps->phase, &ps->runs[k]);
	}
	text_plan(plan);
	printf("\nEssentiële factoren (laatste check)\n");
	for (size_t i = 0; i < s->nfactors; i++) {
		const kngg_factor_status *f = &s->factors[i];

		printf("  ");
		print_padded(stdout, f->factor->def.id, 14);
		if (f->date && f->note) {
			printf("%d  %s  ", f->score, f->date);
			print_wrapped_at(stdout, f->note, 31, 31);
		} else if (f->date)
			printf("%d  %s\n", f->score, f->date);
		else
			printf("-  nog niet gescoord\n");
	}
}

static json_t *json_run(const kngg_defs *defs, const kngg_phase *ph, const kngg_run_status *run)
{
	json_t *jr = json_object(), *steps = json_array();

	json_object_set_new(jr, "label", jstr(run->label));
	if (ph->repeat == KNGG_REPEAT_PER_AREA)
		json_object_set_new(jr, "target_group", jstr(run->target_group));
	if (run->cycle)
		json_object_set_new(jr, "cycle", json_integer(run->cycle));
	if (run->quickscan) {
		const kngg_quickscan *q = kngg_defs_quickscan(defs);
		json_t *qs = json_object();

		for (size_t i = 0; i < q->nthemes; i++)
			if (run->quickscan[i] >= 0)
				json_object_set_new(qs, q->themes[i].def.id, json_integer(run->quickscan[i]));
		json_object_set_new(jr, "quickscan", qs);
	}
	json_object_set_new(jr, "started", jstr(run->started));
	for (size_t i = 0; i < ph->nsteps; i++) {
		const kngg_step *st = &ph->steps[i];
		const kngg_step_status *ss = &run->steps[i];
		json_t *js = json_object(), *done = json_array(), *open = json_array(),
		       *dels = json_array();

		json_object_set_new(js, "id", json_string(st->def.id));
		json_object_set_new(js, "title", json_string(st->def.title));
		json_object_set_new(js, "state", json_string(kngg_step_state_name(ss->state)));
		json_object_set_new(js, "started", jstr(ss->started));
		json_object_set_new(js, "done", jstr(ss->done));
		json_object_set_new(js, "reopened", jstr(ss->reopened));
		json_object_set_new(js, "reopen_count", json_integer(ss->reopen_count));
		json_object_set_new(js, "by", jstr(ss->by));
		for (size_t a = 0; a < st->nactivities; a++)
			json_array_append_new(ss->activity_done[a] ? done : open,
					      json_string(st->activities[a].id));
		json_object_set_new(js, "activities_done", done);
		json_object_set_new(js, "activities_open", open);
		for (size_t d = 0; d < st->ndeliverables; d++) {
			json_t *jd = json_object();

			json_object_set_new(jd, "id", json_string(st->deliverables[d].id));
			json_object_set_new(jd, "done", jstr(ss->deliverable_done[d]));
			json_object_set_new(jd, "document", jstr(ss->deliverable_doc[d]));
			json_array_append_new(dels, jd);
		}
		json_object_set_new(js, "deliverables", dels);
		json_array_append_new(steps, js);
	}
	json_object_set_new(jr, "steps", steps);
	return jr;
}

static int print_json(const kngg_defs *defs, const kngg_status *s, const kngg_readiness *r,
		      const char *as_of, const kngg_plan *plan)
{
	json_t *root = json_object(), *phases = json_array(), *factors = json_array();
	int rc;

	json_object_set_new(root, "municipality", json_string(s->code));
	json_object_set_new(root, "name", json_string(s->name));
	json_object_set_new(root, "as_of", jstr(as_of));
	json_object_set_new(root, "current_phase", json_integer(s->current_phase));
	json_object_set_new(root, "calculated_phase", json_integer(r->calculated_phase));
	json_object_set_new(root, "declared_phase",
			    r->declared_phase ? json_integer(r->declared_phase) : json_null());
	json_object_set_new(root, "declared_on", jstr(r->declared_on));
	json_object_set_new(root, "events", json_integer((json_int_t)s->nevents));
	json_object_set_new(root, "definitions", json_string(kngg_defs_version(defs)));
	for (int p = 0; p < 4; p++) {
		const kngg_phase_status *ps = &s->phases[p];
		json_t *jp = json_object(), *runs = json_array();

		json_object_set_new(jp, "phase", json_integer(ps->phase->number));
		json_object_set_new(jp, "title", json_string(ps->phase->def.title));
		for (size_t k = 0; k < ps->nruns; k++)
			json_array_append_new(runs, json_run(defs, ps->phase, &ps->runs[k]));
		json_object_set_new(jp, "runs", runs);
		json_array_append_new(phases, jp);
	}
	json_object_set_new(root, "phases", phases);
	for (size_t i = 0; i < s->nfactors; i++) {
		const kngg_factor_status *f = &s->factors[i];
		json_t *jf = json_object();

		json_object_set_new(jf, "id", json_string(f->factor->def.id));
		json_object_set_new(jf, "score", f->date ? json_integer(f->score) : json_null());
		json_object_set_new(jf, "date", jstr(f->date));
		json_object_set_new(jf, "note", jstr(f->note));
		json_array_append_new(factors, jf);
	}
	json_object_set_new(root, "factors", factors);
	json_object_set_new(root, "plan", kngg_plan_json(plan));
	rc = json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	printf("\n");
	json_decref(root);
	return rc == 0 ? EXIT_OK : cli_fail("kan de uitvoer niet schrijven");
}

static int print_sheet(const kngg_status *s, const kngg_readiness *r, const char *format,
		       const cli_sheet_opts *o)
{
	kngg_table *tabs[3];
	int rc;

	if (kngg_status_tables(s, r, tabs) < 0)
		return cli_fail("onvoldoende geheugen");
	rc = cli_tables_write((const kngg_table *const *)tabs, 3, format, o);
	for (int i = 0; i < 3; i++)
		kngg_table_free(tabs[i]);
	return rc;
}

struct status_opts {
	const char *as_of, *format;
	cli_sheet_opts sheet;
};

static int status(kngg_cli *cli, const cli_call *call)
{
	const struct status_opts *a = call->opts;
	const char *as_of = a->as_of, *format = a->format ? a->format : "text";
	char **args = call->args;
	kngg_status *s = NULL;
	kngg_readiness *r = NULL;
	kngg_plan *plan = NULL;
	kngg_tracker *t;
	int rc;

	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 &&
	    strcmp(format, "xlsx") != 0)
		return cli_usage("status", "onbekend formaat '%s' (text, json of xlsx)", format);
	if ((rc = cli_sheet_check("status", format, &a->sheet)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_status_load(t, args[0], as_of, &s) < 0)
		return EXIT_FAIL;
	if (kngg_readiness_load(t, args[0], 0, NULL, NULL, as_of, &r) < 0 ||
	    kngg_plan_load(t, args[0], as_of, s, &plan) < 0) {
		kngg_readiness_free(r);
		kngg_status_free(s);
		return EXIT_FAIL;
	}
	rc = EXIT_OK;
	if (format[0] == 'j')
		rc = print_json(kngg_tracker_defs(t), s, r, as_of, plan);
	else if (format[0] == 'x')
		rc = print_sheet(s, r, format, &a->sheet);
	else
		print_text(kngg_tracker_defs(t), s, r, as_of, plan);
	kngg_plan_free(plan);
	kngg_readiness_free(r);
	kngg_status_free(s);
	return rc;
}

static const cli_option status_opts[] = {
	CLI_ASOF_OPT(struct status_opts, as_of),
	CLI_FORMAT_OPT(struct status_opts, format, "text|json|xlsx"),
	CLI_OUT_OPTS(struct status_opts, sheet),
	CLI_OPT_END,
};

const cli_sub cmd_status_subs[] = {
	{NULL, NULL, "CODE", status, status_opts, sizeof(struct status_opts), NULL, NULL},
	CLI_SUB_END,
};
