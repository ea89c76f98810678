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
	(void)ctx;
	printf("%s\n", r->text); /* one line each, for scripts */
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

int cmd_risks(kngg_cli *cli, int argc, char **argv)
{
	const char *as_of = NULL, *format = "text";
	const cli_opt opts[] = {{"as-of", 0, 1, &as_of, NULL},
				{"format", 0, 1, &format, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_tracker *t;
	int npos, shown, rc, n;

	rc = cli_parse("risks", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 1)
		return cli_usage("risks", "gebruik: kngg risks CODE [--as-of DATUM] [--format text|json]");
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		return cli_usage("risks", "onbekend formaat '%s' (text of json)", format);
	if (as_of && !kngg_valid_date(as_of))
		return cli_fail("ongeldige datum '%s' bij --as-of (verwacht JJJJ-MM-DD, een bestaande dag)",
				as_of);
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (format[0] == 'j')
		return risks_json(t, argv[1], as_of);
	if ((n = kngg_risks(t, argv[1], as_of, print_risk, NULL)) < 0)
		return EXIT_FAIL;
	if (n == 0)
		printf("geen risico's gevonden\n");
	else
		printf("\n%d %s\n", n, n == 1 ? "risico" : "risico's");
	return EXIT_OK;
}
