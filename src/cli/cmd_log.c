/*
 * cmd_log.c: `kngg log CODE [--since DATE] [--format text|json|csv|xlsx]`: the journal.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"

struct text_ctx {
	int n;
	int id_width; /* columns of "#N" for the largest event number */
	int wide;     /* one line per event, however long */
};

static int print_text(void *ctx, const kngg_event *ev)
{
	struct text_ctx *tc = ctx;
	const char *kind = kngg_event_kind_text(ev->kind);
	const char *by = ev->by ? ev->by : ev->by_erased ? "gewist" : NULL;
	size_t col = (size_t)tc->id_width + 2 + 12 + 20, len;
	char id[24], *line, *text;

	snprintf(id, sizeof(id), "#%lld", (long long)ev->id);
	print_padded(stdout, id, (size_t)tc->id_width + 2);
	printf("%s  ", ev->date);
	print_padded(stdout, kind, 20);
	if (utf8_width(kind) > 20)
		col += utf8_width(kind) - 20;
	if (!(line = kngg_event_describe(ev)))
		return KNGG_ENOMEM;
	len = strlen(line) + (by ? strlen(by) : 0) + 8;
	if (!(text = malloc(len))) {
		free(line);
		return KNGG_ENOMEM;
	}
	snprintf(text, len, "%s%s%s%s", line, by ? (*line ? "  (" : "(") : "", by ? by : "",
		 by ? ")" : "");
	free(line);
	if (!*text)
		printf("\n");
	else if (tc->wide || col + 1 + utf8_width(text) <= CLI_COLUMNS)
		printf(" %s\n", text);
	else { /* wrapped under the description */
		printf(" ");
		print_wrapped_at(stdout, text, col + 1, col + 1);
	}
	free(text);
	if (ev->note)
		print_wrapped(stdout, ev->note, (size_t)tc->id_width + 14, 0);
	tc->n++;
	return 0;
}

/* ev->data as a JSON value: parsed when it is JSON, else the text. */
static json_t *data_json(const char *data)
{
	json_t *v;

	if (!data)
		return json_null();
	v = json_loads(data, JSON_DECODE_ANY, NULL);
	return v ? v : json_string(data);
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
	json_object_set_new(o, "by_erased", json_boolean(ev->by_erased));
	json_object_set_new(o, "person_id", ev->person_id ? json_integer(ev->person_id) : json_null());
	json_object_set_new(o, "person", jstr(ev->person));
	json_object_set_new(o, "person_erased", json_boolean(ev->person_erased));
	json_object_set_new(o, "org", jstr(ev->org));
	json_object_set_new(o, "data", data_json(ev->data));
	json_object_set_new(o, "corrects", ev->corrects ? json_integer(ev->corrects) : json_null());
	json_object_set_new(o, "corrected_by",
			    ev->corrected_by ? json_integer(ev->corrected_by) : json_null());
	json_object_set_new(o, "corrected_on", jstr(ev->corrected_on));
	json_object_set_new(o, "note", jstr(ev->note));
	json_object_set_new(o, "definitions", jstr(ev->defs_version));
	return json_array_append_new(ctx, o) == 0 ? 0 : KNGG_ENOMEM;
}

static int log_sheet(kngg_tracker *t, const char *code, const char *since, const char *format,
		     const cli_sheet_opts *o)
{
	kngg_table *tab = NULL;
	int rc = kngg_journal_table(t, code, since, &tab);

	if (rc == KNGG_ENOMEM)
		return cli_fail("onvoldoende geheugen");
	if (rc < 0)
		return EXIT_FAIL;
	rc = cli_table_write(tab, format, o);
	kngg_table_free(tab);
	return rc;
}

struct log_opts {
	const char *since, *format;
	cli_sheet_opts sheet;
	int wide;
};

static int log_(kngg_cli *cli, const cli_call *call)
{
	const struct log_opts *a = call->opts;
	const char *since = a->since, *format = a->format ? a->format : "text";
	char **args = call->args;
	kngg_status *s = NULL;
	kngg_tracker *t;
	struct text_ctx tc = {0, 0, a->wide};
	int rc;
	int64_t count;

	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0 &&
	    strcmp(format, "csv") != 0 && strcmp(format, "xlsx") != 0)
		return cli_usage("log", "onbekend formaat '%s' (text, json, csv of xlsx)", format);
	if ((rc = cli_sheet_check("log", format, &a->sheet)) != EXIT_OK)
		return rc;
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	/* the status load checks the code and that the municipality exists */
	if (kngg_status_load(t, args[0], "1900-01-01", &s) < 0)
		return EXIT_FAIL;
	kngg_status_free(s);
	if (format[0] == 'c' || format[0] == 'x')
		return log_sheet(t, args[0], since, format, &a->sheet);
	if (format[0] == 'j') {
		json_t *arr = json_array();

		rc = kngg_journal(t, args[0], since, add_json, arr);
		if (rc == 0 && json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			printf("\n");
		json_decref(arr);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	count = kngg_journal_count(t);
	for (tc.id_width = 2; count >= 10; count /= 10)
		tc.id_width++;
	rc = kngg_journal(t, args[0], since, print_text, &tc);
	if (rc < 0)
		return EXIT_FAIL;
	if (tc.n == 0)
		printf("geen gebeurtenissen%s%s\n", since ? " sinds " : "", since ? since : "");
	return EXIT_OK;
}

static const cli_option log_opts[] = {
	CLI_OPT(struct log_opts, since, "since", "DATUM", "alleen gebeurtenissen vanaf die dag"),
	CLI_FORMAT_OPT(struct log_opts, format, "text|json|csv|xlsx"),
	CLI_SHEET_OPTS(struct log_opts, sheet),
	CLI_FLAG_OPT(struct log_opts, wide, "wide",
		     "een regel per gebeurtenis, breder dan 80 kolommen"),
	CLI_OPT_END,
};

const cli_sub cmd_log_subs[] = {
	{NULL, NULL, "CODE", log_, log_opts, sizeof(struct log_opts), NULL, NULL},
	CLI_SUB_END,
};
