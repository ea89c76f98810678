/*
 * cmd_plan.c: `kngg plan CODE STAP... --due DATUM [--area GEBIED] [--cycle N]`
 * records planned completion dates; `kngg plan CODE [--as-of DATUM]
 * [--format text|csv|json|xlsx|ics]` shows them beside what happened.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"
#include "kngg/plan.h"
#include "util/text.h"
#include "util/util.h"

struct plan_set_opts {
	kngg_track_opts o;
	const char *due, *cycle;
};

static int plan_set(kngg_cli *cli, const cli_call *call)
{
	const struct plan_set_opts *a = call->opts;
	kngg_tracker *t;
	char nl[32];
	int cycle = 0, rc;

	if (a->cycle && (rc = cli_int("plan", "--cycle", a->cycle, 1, 999, &cycle)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_plan_set(t, call->args[0], (const char *const *)call->args + 1,
			  (size_t)call->nargs - 1, a->due, cycle, &a->o) < 0)
		return EXIT_FAIL;
	kngg_date_nl(a->due, nl); /* ISO already: --due is a DATUM option */
	for (int i = 1; i < call->nargs; i++) {
		printf("%s: stap %s gepland op %s", call->args[0], call->args[i], nl);
		if (a->o.area)
			printf(" in %s", a->o.area);
		else if (cycle)
			printf(" in cyclus %d", cycle);
		printf("\n");
	}
	return EXIT_OK;
}

static const cli_column plan_cols[] = {
	{"stap", 8, 0, 0},    {"waar", 6, 0, 0},     {"gepland", 0, 0, 0},
	{"gestart", 0, 0, 0}, {"afgerond", 0, 0, 0}, {"afwijking", 9, 0, 0},
	{"notitie", 0, 1, 0},
};
#define PLAN_COLS (sizeof(plan_cols) / sizeof(plan_cols[0]))

static int plan_text(const kngg_plan *p, int wide)
{
	const char **cells = calloc(p->nitems * PLAN_COLS + 1, sizeof(*cells));
	char (*texts)[5][40] = calloc(p->nitems + 1, sizeof(*texts));
	char nl[32];
	long overdue = 0;

	if (!cells || !texts) {
		free(cells);
		free(texts);
		return cli_fail("onvoldoende geheugen");
	}
	kngg_date_nl(p->day, nl);
	printf("%s %s: planning (stand op %s)\n\n", p->code, p->name, nl);
	if (p->nitems == 0) {
		printf("nog niets gepland; plan een stap met 'kngg plan %s STAP --due DATUM'\n",
		       p->code);
		free(cells);
		free(texts);
		return EXIT_OK;
	}
	for (size_t i = 0; i < p->nitems; i++) {
		const kngg_plan_item *it = &p->items[i];
		const char **row = &cells[i * PLAN_COLS];

		kngg_date_short(it->due, texts[i][0]);
		kngg_date_short(it->started, texts[i][1]);
		kngg_date_short(it->done, texts[i][2]);
		kngg_plan_deviation(it, texts[i][3], sizeof(texts[i][3]));
		if (it->cycle)
			snprintf(texts[i][4], 40, "cyclus %d", it->cycle);
		row[0] = it->step->def.id;
		row[1] = it->area ? it->area : it->cycle ? texts[i][4] : "";
		row[2] = texts[i][0];
		row[3] = texts[i][1];
		row[4] = texts[i][2];
		row[5] = texts[i][3];
		row[6] = it->note;
		overdue += kngg_plan_overdue(it) > 0;
	}
	print_table(stdout, plan_cols, PLAN_COLS, cells, p->nitems, 0, wide);
	printf("\n%zu %s gepland, %ld over tijd\n", p->nitems, p->nitems == 1 ? "stap" : "stappen",
	       overdue);
	free(cells);
	free(texts);
	return EXIT_OK;
}

static int plan_json(const kngg_plan *p)
{
	json_t *root = json_object();
	int rc = EXIT_OK;

	json_object_set_new(root, "municipality", json_string(p->code));
	json_object_set_new(root, "name", json_string(p->name));
	json_object_set_new(root, "day", json_string(p->day));
	json_object_set_new(root, "plan", kngg_plan_json(p));
	if (json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
		printf("\n");
	else
		rc = cli_fail("kan de JSON niet schrijven");
	json_decref(root);
	return rc;
}

static int plan_sheet(const kngg_plan *p, const char *format, const cli_sheet_opts *o)
{
	kngg_table *tab = NULL;
	int rc = kngg_plan_table(p, &tab);

	if (rc < 0)
		return cli_fail("onvoldoende geheugen");
	rc = cli_table_write(tab, format, o);
	kngg_table_free(tab);
	return rc;
}

static int plan_ics(const kngg_plan *p, const cli_sheet_opts *o)
{
	const kngg_ical_module *m;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!(m = cli_ical()))
		return EXIT_FAIL;
	if (m->plan_ics(p, &text, &len, cli_print_diag, NULL) < 0)
		return EXIT_FAIL;
	if (o->output) {
		rc = kngg_write_file_atomic(o->output, text, len, o->force, cli_print_diag, NULL);
		if (rc == 0)
			fprintf(stderr, "%s geschreven\n", o->output);
	} else {
		rc = fwrite(text, 1, len, stdout) == len ? 0 : cli_fail("kan niet schrijven");
	}
	free(text);
	return rc < 0 ? EXIT_FAIL : rc;
}

struct plan_list_opts {
	const char *as_of, *format;
	cli_sheet_opts sheet;
	int wide;
};

static int plan_list(kngg_cli *cli, const cli_call *call)
{
	const struct plan_list_opts *a = call->opts;
	const char *format = a->format ? a->format : "text";
	kngg_tracker *t;
	kngg_plan *p = NULL;
	int rc;

	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 &&
	    strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0 && strcmp(format, "ics") != 0)
		return cli_usage("plan", "onbekend formaat '%s' (text, csv, json, xlsx of ics)",
				 format);
	if ((a->sheet.output || a->sheet.force) && strcmp(format, "xlsx") != 0 &&
	    strcmp(format, "ics") != 0)
		return cli_usage("plan", "%s hoort bij --format xlsx of ics",
				 a->sheet.output ? "-o" : "--force");
	if (strcmp(format, "ics") == 0) {
		if (a->sheet.separator || a->sheet.bom)
			return cli_usage("plan", "%s hoort bij --format csv",
					 a->sheet.separator ? "--separator" : "--bom");
	} else if ((rc = cli_sheet_check("plan", format, &a->sheet)) != EXIT_OK) {
		return rc;
	}
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (kngg_check_as_of(t, a->as_of) < 0 ||
	    kngg_plan_load(t, call->args[0], a->as_of, NULL, &p) < 0)
		return EXIT_FAIL;
	if (strcmp(format, "text") == 0)
		rc = plan_text(p, a->wide);
	else if (strcmp(format, "json") == 0)
		rc = plan_json(p);
	else if (strcmp(format, "ics") == 0)
		rc = plan_ics(p, &a->sheet);
	else
		rc = plan_sheet(p, format, &a->sheet);
	kngg_plan_free(p);
	return rc;
}

static const cli_option plan_set_opts[] = {
	CLI_OPT_REQ(struct plan_set_opts, due, "due", "DATUM",
		    "de geplande datum waarop de stap af moet zijn"),
	CLI_AREA_OPT(struct plan_set_opts, o.area),
	CLI_OPT(struct plan_set_opts, cycle, "cycle", "N",
		"de cyclus (fase 3 en 4), standaard de lopende"),
	CLI_TRACK_OPTS(struct plan_set_opts, o),
	CLI_OPT_END,
};

static const cli_option plan_list_opts[] = {
	CLI_ASOF_OPT(struct plan_list_opts, as_of),
	CLI_FORMAT_OPT(struct plan_list_opts, format, "text|csv|json|xlsx|ics"),
	CLI_CSV_OPTS(struct plan_list_opts, sheet),
	CLI_OPT_SHORT(struct plan_list_opts, sheet.output, "output", 'o', "BESTAND",
		      "xlsx en ics: schrijf naar BESTAND"),
	CLI_FLAG_OPT(struct plan_list_opts, sheet.force, "force", "vervang een bestaand bestand"),
	CLI_FLAG_OPT(struct plan_list_opts, wide, "wide", "ook de notities, breder dan 80 kolommen"),
	CLI_OPT_END,
};

const cli_sub cmd_plan_subs[] = {
	{NULL, "due", "CODE STAP...", plan_set, plan_set_opts, sizeof(struct plan_set_opts),
	 "plan wanneer stappen af moeten zijn", NULL},
	{NULL, NULL, "CODE", plan_list, plan_list_opts, sizeof(struct plan_list_opts),
	 "gepland en werkelijk naast elkaar", NULL},
	CLI_SUB_END,
};
