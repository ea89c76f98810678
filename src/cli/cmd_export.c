/*
 * cmd_export.c: `kngg export CODE [--format json|xml] [--as-of DATUM]`: a
 * municipality's whole state as one document on stdout (the input for
 * document templates and other tools).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kngg/export.h"

struct export_opts {
	const char *format, *as_of;
};

static int export(kngg_cli *cli, const cli_call *call)
{
	const struct export_opts *a = call->opts;
	const char *format = a->format ? a->format : "json", *as_of = a->as_of;
	char **args = call->args;
	const kngg_xml_module *xml = NULL;
	int is_xml;
	kngg_tracker *t;
	char *text = NULL;

	if (strcmp(format, "json") != 0 && strcmp(format, "xml") != 0)
		return cli_usage("export", "onbekend formaat '%s' (json of xml)", format);
	is_xml = strcmp(format, "xml") == 0;
	if ((is_xml && !(xml = cli_xml())) || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if ((is_xml ? xml->export_xml(t, args[0], as_of, &text)
		    : kngg_export_json(t, args[0], as_of, &text)) < 0)
		return EXIT_FAIL;
	fputs(text, stdout);
	if (!is_xml)
		fputc('\n', stdout);
	free(text);
	return fflush(stdout) == 0 ? EXIT_OK : cli_fail("schrijven mislukt");
}

static const cli_option export_opts[] = {
	CLI_FORMAT_OPT(struct export_opts, format, "json|xml"),
	CLI_ASOF_OPT(struct export_opts, as_of),
	CLI_OPT_END,
};

const cli_sub cmd_export_subs[] = {
	{NULL, NULL, "CODE", export, export_opts, sizeof(struct export_opts), NULL, NULL},
	CLI_SUB_END,
};
