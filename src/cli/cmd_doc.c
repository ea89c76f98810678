/*
 * cmd_doc.c: `kngg doc list` and `kngg doc NAME CODE`: documents pre-filled
 * from what is recorded, as Markdown, HTML or DOCX.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "kngg/doc.h"
#include "util/util.h"

#define CMD "doc"

struct doc_opts {
	kngg_doc_params p;
	const char *format, *output, *dir, *cycle;
	int force;
};

static const char *templates_dir(const struct doc_opts *a)
{
	return cli_data_dir(a->dir, "KNGG_TEMPLATES", KNGG_INSTALLED_TEMPLATES,
			    KNGG_SOURCE_TEMPLATES);
}

static int doc_list(kngg_cli *cli, const cli_call *call)
{
	const char *dir = templates_dir(call->opts);
	kngg_doc_template *list;
	size_t n, width = 0;

	(void)cli;
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

/* The extension of a file name ("docx" of "plan.DOCX"), or NULL. */
static const char *extension(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	return dot && dot != base && dot[1] ? dot + 1 : NULL;
}

/* The format: --format, else from the extension of -o (any capitalisation),
 * else Markdown. 0 with a message when -o has an extension kngg does not
 * write (a .pdf must not get Markdown in it). */
static kngg_doc_format pick_format(const char *format, const char *output)
{
	const char *ext;

	if (format) {
		if (!kngg_doc_format_parse(format))
			cli_usage(CMD, "onbekend formaat '%s' (md, html of docx)", format);
		return kngg_doc_format_parse(format);
	}
	if (!output || !(ext = extension(output)))
		return KNGG_DOC_MD;
	if (kngg_doc_format_parse(ext))
		return kngg_doc_format_parse(ext);
	if (strcasecmp(ext, "pdf") == 0 || strcasecmp(ext, "odt") == 0)
		cli_fail("een .%s kan kngg niet schrijven: maak %.*s.docx en bewaar dat in "
			 "LibreOffice of Word als %s", ext, (int)(ext - 1 - output), output,
			 strcasecmp(ext, "pdf") == 0 ? "PDF" : "ODT");
	else
		cli_fail("onbekende extensie '.%s' bij -o: kies .md, .html of .docx (of --format)",
			 ext);
	return 0;
}

static int doc(kngg_cli *cli, const cli_call *call)
{
	const struct doc_opts *a = call->opts;
	const char *format = a->format, *output = a->output, *dir = templates_dir(a),
		   *cycle_s = a->cycle;
	kngg_doc_params p = a->p;
	int force = a->force, rc;
	char **args = call->args;
	kngg_doc_format f;
	kngg_tracker *t;
	char *out = NULL;
	size_t len = 0;

	if (!(f = pick_format(format, output)))
		return format ? EXIT_USAGE : EXIT_FAIL;
	if (cycle_s && (rc = cli_int(CMD, "--cycle", cycle_s, 1, 1000, &p.cycle)) != EXIT_OK)
		return rc;
	if (f == KNGG_DOC_DOCX && !output && isatty(STDOUT_FILENO))
		return cli_fail("DOCX is binair: schrijf het naar een bestand met -o %s.docx",
				args[0]);
	if (!cli_xml() || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (cli_xml()->doc_render(t, dir, args[0], args[1], &p, f, &out, &len) < 0)
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

#define D struct doc_opts
#define TEMPLATES_OPT CLI_OPT(D, dir, "templates", "MAP", "de sjablonen (anders KNGG_TEMPLATES)")

static const cli_option list_opts[] = {
	TEMPLATES_OPT,
	CLI_OPT_END,
};

static const cli_option doc_opts[] = {
	CLI_FORMAT_OPT(D, format, "md|html|docx"),
	CLI_OPT_SHORT(D, output, "output", 'o', "BESTAND", "schrijf naar BESTAND"),
	CLI_FLAG_OPT(D, force, "force", "vervang een bestaand bestand"),
	CLI_OPT(D, p.area, "area", "NAAM", "het gebied (fase 2)"),
	CLI_OPT(D, cycle, "cycle", "N", "de cyclus (fase 3 en 4)"),
	CLI_OPT(D, p.since, "since", "DATUM",
		"begin van de periode van een voortgangsrapportage (anders de laatste 12 maanden, "
		"niet van voor de start)"),
	CLI_ASOF_OPT(D, p.as_of),
	TEMPLATES_OPT,
	CLI_OPT_END,
};

const cli_sub cmd_doc_subs[] = {
	{"list", NULL, "", doc_list, list_opts, sizeof(D), "de stukken die kngg kan maken", NULL},
	{NULL, NULL, "NAAM CODE", doc, doc_opts, sizeof(D), "maak een stuk voor een gemeente",
	 NULL},
	CLI_SUB_END,
};
