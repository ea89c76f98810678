/*
 * cmd_log.c: `kngg log CODE [--since DATE] [--format text|json]`: the journal.
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"

static const char *kind_text(const char *kind)
{
	static const struct { const char *kind, *text; } names[] = {
		{KNGG_EV_MUNICIPALITY_ADD, "gemeente toegevoegd"},
		{KNGG_EV_MUNICIPALITY_RENAME, "gemeente hernoemd"},
		{KNGG_EV_AREA_ADD, "gebied toegevoegd"},
		{KNGG_EV_CYCLE_START, "cyclus gestart"},
		{KNGG_EV_STEP_START, "stap gestart"},
		{KNGG_EV_STEP_DONE, "stap afgerond"},
		{KNGG_EV_STEP_REOPEN, "stap heropend"},
		{KNGG_EV_ACTIVITY_DONE, "activiteit gedaan"},
		{KNGG_EV_DELIVERABLE_DONE, "oplevering gedaan"},
		{KNGG_EV_QUICKSCAN, "QuickScan-score"},
		{KNGG_EV_FACTOR, "factorcheck"},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].kind, kind) == 0)
			return names[i].text;
	return kind;
}

static int print_text(void *ctx, const kngg_event *ev)
{
	int *n = ctx;

	printf("%s  ", ev->date);
	print_padded(stdout, kind_text(ev->kind), 20);
	if (ev->target)
		printf(" %s", ev->target);
	if (ev->area)
		printf(" [%s]", ev->area);
	if (ev->cycle_number)
		printf(" [fase %d, cyclus %d]", ev->cycle_phase, ev->cycle_number);
	if (ev->has_score)
		printf(" score %d", ev->score);
	if (ev->value)
		printf(" %s", ev->value);
	if (ev->by)
		printf("  (%s)", ev->by);
	printf("\n");
	if (ev->note)
		print_wrapped(stdout, ev->note, 12, 0);
	(*n)++;
	return 0;
}

static int add_json(void *ctx, const kngg_event *ev)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_integer(ev->id));
	json_object_set_new(o, "recorded_at", jstr(ev->recorded_at));
	json_object_set_new(o, "date", jstr(ev->date));
	json_object_set_new(o, "kind", jstr(ev->kind));
	json_object_set_new(o, "target", jstr(ev->target));
	json_object_set_new(o, "area", jstr(ev->area));
	/* every object has every key, so that scripts need no guessing */
	json_object_set_new(o, "phase",
			    ev->cycle_number ? json_integer(ev->cycle_phase) : json_null());
	json_object_set_new(o, "cycle",
			    ev->cycle_number ? json_integer(ev->cycle_number) : json_null());
	json_object_set_new(o, "score", ev->has_score ? json_integer(ev->score) : json_null());
	json_object_set_new(o, "value", jstr(ev->value));
	json_object_set_new(o, "by", jstr(ev->by));
	json_object_set_new(o, "note", jstr(ev->note));
	json_object_set_new(o, "definitions", jstr(ev->defs_version));
	return json_array_append_new(ctx, o) == 0 ? 0 : KNGG_ENOMEM;
}

int cmd_log(kngg_cli *cli, int argc, char **argv)
{
	const char *since = NULL, *format = "text";
	const cli_opt opts[] = {{"since", 0, 1, &since, NULL},
				{"format", 0, 1, &format, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_status *s = NULL;
	kngg_tracker *t;
	int npos, shown, rc, n = 0;

	rc = cli_parse("log", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 1)
		return cli_usage("log", "gebruik: kngg log CODE [--since DATUM]");
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage("log", "onbekend formaat '%s' (text of json)", format);
	if (since && !kngg_valid_date(since))
		return cli_fail("ongeldige datum '%s' (verwacht JJJJ-MM-DD, een bestaande dag)", since);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	/* the status load checks the code and that the municipality exists */
	if (kngg_status_load(t, argv[1], "1900-01-01", &s) < 0)
		return EXIT_FAIL;
	kngg_status_free(s);
	if (format[0] == 'j') {
		json_t *arr = json_array();

		rc = kngg_store_events(t->store, argv[1], NULL, since, NULL, add_json, arr);
		if (rc == 0 && json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			printf("\n");
		json_decref(arr);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	rc = kngg_store_events(t->store, argv[1], NULL, since, NULL, print_text, &n);
	if (rc < 0)
		return EXIT_FAIL;
	if (n == 0)
		printf("geen gebeurtenissen%s%s\n", since ? " sinds " : "", since ? since : "");
	return EXIT_OK;
}
