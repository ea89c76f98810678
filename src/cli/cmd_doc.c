/*
 * cmd_doc.c: `kngg doc list` and `kngg doc NAME CODE`: documents pre-filled
 * from what is recorded, as Markdown, HTML or DOCX.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "kngg/doc.h"
#include "util/util.h"

#define CMD "doc"

static int doc_list(const char *dir)
{
	kngg_doc_template *list;
	size_t n, width = 0;

	if (!cli_xml() || cli_xml()->doc_templates(dir, cli_print_diag, NULL, &list, &n) < 0)
		return EXIT_FAIL;
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i].name) > width)
			width = strlen(list[i].name);
	for (size_t i = 0; i < n; i++)
		printf("%-*s  %s\n", (int)width, list[i].name, list[i].summary);
	if (n == 0)
		printf("geen sjablonen in %s\n", dir);
	cli_xml()->doc_templates_free(list, n);
	return EXIT_OK;
}

/* The format: --format, else from the extension of -o, else Markdown. */
static kngg_doc_format pick_format(const char *format, const char *output)
{
	const char *dot;

	if (format)
		return kngg_doc_format_parse(format);
	if (output && (dot = strrchr(output, '.')) && !strchr(dot, '/') &&
	    kngg_doc_format_parse(dot + 1))
		return kngg_doc_format_parse(dot + 1);
	return KNGG_DOC_MD;
}

int cmd_doc(kngg_cli *cli, int argc, char **argv)
{
	const char *format = NULL, *output = NULL, *dir = NULL, *cycle_s = NULL;
	kngg_doc_params p = {0};
	int force = 0, npos, shown, rc;
	const cli_opt opts[] = {{"format", 0, 1, &format, NULL},
				{"output", 'o', 1, &output, NULL},
				{"force", 0, 0, NULL, &force},
				{"area", 0, 1, &p.area, NULL},
				{"cycle", 0, 1, &cycle_s, NULL},
				{"since", 0, 1, &p.since, NULL},
				{"as-of", 0, 1, &p.as_of, NULL},
				{"templates", 0, 1, &dir, NULL},
				{NULL, 0, 0, NULL, NULL}};
	kngg_doc_format f;
	kngg_tracker *t;
	char *out = NULL;
	size_t len = 0;

	rc = cli_parse(CMD, argc, argv, opts, &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	dir = cli_data_dir(dir, "KNGG_TEMPLATES", KNGG_INSTALLED_TEMPLATES, KNGG_SOURCE_TEMPLATES);
	if (npos == 1 && strcmp(argv[1], "list") == 0)
		return doc_list(dir);
	if (npos != 2)
		return cli_usage(CMD, "gebruik: kngg doc list | kngg doc NAAM CODE [--format md|html|docx] "
				      "[-o BESTAND]");
	if (!(f = pick_format(format, output)))
		return cli_usage(CMD, "onbekend formaat '%s' (md, html of docx)", format);
	if (cycle_s && (rc = cli_int(CMD, "--cycle", cycle_s, 1, 1000, &p.cycle)) != EXIT_OK)
		return rc;
	if (f == KNGG_DOC_DOCX && !output && isatty(STDOUT_FILENO))
		return cli_fail("DOCX is binair: schrijf het naar een bestand met -o %s.docx",
				argv[1]);
	if (!cli_xml() || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (cli_xml()->doc_render(t, dir, argv[1], argv[2], &p, f, &out, &len) < 0)
		return EXIT_FAIL;
	if (output) {
		rc = kngg_write_file_atomic(output, out, len, force, cli_print_diag, NULL) < 0 ? EXIT_FAIL
											  : EXIT_OK;
		if (rc == EXIT_OK)
			fprintf(stderr, "%s geschreven (%zu bytes)\n", output, len);
	} else {
		rc = fwrite(out, 1, len, stdout) == len && fflush(stdout) == 0
			     ? EXIT_OK
			     : cli_fail("schrijven mislukt");
	}
	free(out);
	return rc;
}
