/*
 * cmd_risks.c: `kngg risks CODE [--as-of DATE] [--format text|json]`:
 * continuity risks (roles without deputy, commitment to confirm again).
 */
#include <string.h>

#include "cli/cli.h"
#include "cli/json.h"
#include "kngg/export.h"

static int print_risk(void *ctx, const kngg_risk *r)
{
	const int *wide = ctx;

	if (*wide)
		printf("- %s\n", r->text); /* one line each */
	else
		print_bullet(stdout, r->text, 0); /* wrapped to 80 columns */
	return 0;
}

static int add_risk(void *ctx, const kngg_risk *r)
{
	return json_array_append_new(ctx, kngg_risk_json(r)) == 0 ? 0 : KNGG_ENOMEM;
}

static int risks_json(kngg_tracker *t, const char *code, const char *as_of)
{
	json_t *arr = json_array();
	int n, rc = EXIT_OK;

	n = kngg_risks(t, code, as_of, add_risk, arr);
	if (n >= 0) {
		if (json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0)
			printf("\n");
		else
			rc = cli_fail("kan de JSON niet schrijven");
	}
	json_decref(arr);
	return n < 0 ? EXIT_FAIL : rc;
}

struct risks_opts {
	const char *as_of, *format;
	int wide;
};

static int risks(kngg_cli *cli, const cli_call *call)
{
	const struct risks_opts *a = call->opts;
	const char *as_of = a->as_of, *format = a->format ? a->format : "text";
	char **args = call->args;
	kngg_tracker *t;
	int n;

	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage("risks", "onbekend formaat '%s' (text of json)", format);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (format[0] == 'j')
		return risks_json(t, args[0], as_of);
	if ((n = kngg_risks(t, args[0], as_of, print_risk, (void *)&a->wide)) < 0)
		return EXIT_FAIL;
	if (n == 0)
		printf("geen risico's gevonden\n");
	else
		printf("\n%d %s\n", n, n == 1 ? "risico" : "risico's");
	return EXIT_OK;
}

static const cli_option risks_opts[] = {
	CLI_ASOF_OPT(struct risks_opts, as_of),
	CLI_FORMAT_OPT(struct risks_opts, format, "text|json"),
	CLI_FLAG_OPT(struct risks_opts, wide, "wide",
		     "een regel per risico, breder dan 80 kolommen"),
	CLI_OPT_END,
};

const cli_sub cmd_risks_subs[] = {
	{NULL, NULL, "CODE", risks, risks_opts, sizeof(struct risks_opts), NULL, NULL},
	CLI_SUB_END,
};
