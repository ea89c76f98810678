/*
 * cmd_export.c: `kngg export CODE [--format json|xml] [--as-of DATUM]`: a
 * municipality's whole state as one document on stdout (the input for
 * document templates and other tools).
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "kngg/export.h"

int cmd_export(kngg_cli *cli, int argc, char **argv)
{
	const char *format = "json", *as_of = NULL;
	const cli_opt opts[] = {{"format", 0, 1, &format, NULL},
				{"as-of", 0, 1, &as_of, NULL},
				{NULL, 0, 0, NULL, NULL}};
	const kngg_xml_module *xml = NULL;
	int is_xml;
	kngg_tracker *t;
	char *text = NULL;
	int npos, shown, rc;

	rc = cli_parse("export", argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos != 1)
		return cli_usage("export", "gebruik: kngg export CODE [--format json|xml]");
	if (strcmp(format, "json") != 0 && strcmp(format, "xml") != 0)
		return cli_usage("export", "onbekend formaat '%s' (json of xml)", format);
	is_xml = strcmp(format, "xml") == 0;
	if ((is_xml && !(xml = cli_xml())) || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if ((is_xml ? xml->export_xml(t, argv[1], as_of, &text)
		    : kngg_export_json(t, argv[1], as_of, &text)) < 0)
		return EXIT_FAIL;
	fputs(text, stdout);
	if (!is_xml)
		fputc('\n', stdout);
	free(text);
	return fflush(stdout) == 0 ? EXIT_OK : cli_fail("schrijven mislukt");
}
