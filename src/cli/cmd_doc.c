/*
 * cmd_doc.c: `kngg doc list` and `kngg doc NAME CODE`: documents pre-filled
 * from what is recorded, as Markdown, HTML or DOCX, and as PDF or ODT
 * through LibreOffice (soffice --headless) where it is installed.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* nftw's FTW_DEPTH and FTW_PHYS */
#endif
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
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
	/* the summaries wrapped under each other, within 80 columns */
	for (size_t i = 0; i < n; i++) {
		printf("%-*s  ", (int)width, list[i].name);
		print_wrapped_at(stdout, list[i].summary, width + 2, width + 2);
	}
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

/* What LibreOffice makes of the DOCX: "pdf", "odt" (any capitalisation),
 * else NULL. */
static const char *converted(const char *s)
{
	if (s && strcasecmp(s, "pdf") == 0)
		return "pdf";
	if (s && strcasecmp(s, "odt") == 0)
		return "odt";
	return NULL;
}

/* The format: --format, else from the extension of -o (any capitalisation),
 * else Markdown. PDF and ODT are a DOCX that LibreOffice converts (*conv).
 * 0 with a message for a format or an extension kngg does not write (a
 * .xyz must not get Markdown in it). */
static kngg_doc_format pick_format(const char *format, const char *output, const char **conv)
{
	const char *ext = format ? format : output ? extension(output) : NULL;

	if ((*conv = converted(ext)))
		return KNGG_DOC_DOCX;
	if (format) {
		if (!kngg_doc_format_parse(format))
			cli_usage(CMD, "onbekend formaat '%s' (md, html, docx, pdf of odt)", format);
		return kngg_doc_format_parse(format);
	}
	if (!ext)
		return KNGG_DOC_MD;
	if (kngg_doc_format_parse(ext))
		return kngg_doc_format_parse(ext);
	cli_fail("onbekende extensie '.%s' bij -o: kies .md, .html, .docx, .pdf of .odt (of --format)",
		 ext);
	return 0;
}

/* ---- PDF and ODT through LibreOffice ---------------------------------------- */

#define LO_SECONDS 180              /* a conversion that takes longer is stopped */
#define LO_MAX_OUTPUT ((size_t)256 << 20)

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path); /* what cannot go stays; the rest goes */
	return 0;
}

/* Runs argv (argv[0] looked up in PATH) in a process group of its own, with
 * no input and its output to /dev/null; waits at most LO_SECONDS, then
 * ends that group. 0 when it exited 0; ENOENT when it is not installed. */
static int run_quietly(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	struct timespec tick = {0, 50 * 1000 * 1000};
	extern char **environ;
	pid_t pid;
	int rc, status;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return ENOMEM;
	if (posix_spawnattr_init(&at) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return ENOMEM;
	}
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setpgroup(&at, 0);
	rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (rc != 0)
		return rc;
	for (long waited = 0;; waited += 50) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : ECHILD;
		if (r < 0 && errno != EINTR)
			return ECHILD;
		if (waited >= LO_SECONDS * 1000L) {
			kill(-pid, SIGKILL); /* the group this call started, helpers included */
			waitpid(pid, &status, 0);
			return ETIMEDOUT;
		}
		nanosleep(&tick, NULL);
	}
}

/* Converts a DOCX to fmt ("pdf", "odt") with LibreOffice headless, in a
 * folder of its own with a LibreOffice profile of its own (so that a
 * LibreOffice the user has open is neither used nor disturbed). *out
 * malloc'd; EXIT_FAIL with one line when it cannot. */
static int lo_convert(const char *fmt, const char *docx, size_t len, char **out, size_t *outlen)
{
	const char *tmp = getenv("TMPDIR");
	char dir[4096], in[4200], res[4200], profile[4300];
	int rc = EXIT_FAIL, e;

	*out = NULL;
	*outlen = 0;
	snprintf(dir, sizeof(dir), "%s/kngg-doc-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return cli_fail("kan geen tijdelijke map maken voor LibreOffice: %s", strerror(errno));
	snprintf(in, sizeof(in), "%s/document.docx", dir);
	snprintf(res, sizeof(res), "%s/document.%s", dir, fmt);
	snprintf(profile, sizeof(profile), "-env:UserInstallation=file://%s/profiel", dir);
	if (kngg_write_file_atomic(in, docx, len, 0, cli_print_diag, NULL) < 0)
		goto done;
	{
		char *argv[] = {"soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
				profile, "--convert-to", (char *)fmt, "--outdir", dir, in, NULL};

		e = run_quietly(argv);
	}
	if (e == ENOENT)
		rc = cli_fail("voor .%s is LibreOffice nodig en die is hier niet geïnstalleerd "
			      "(soffice); maak een .docx of installeer LibreOffice", fmt);
	else if (e == ETIMEDOUT)
		rc = cli_fail("LibreOffice kwam in %d s niet klaar met de .%s; niets geschreven",
			      LO_SECONDS, fmt);
	else if (e != 0 || access(res, F_OK) != 0)
		rc = cli_fail("LibreOffice kon er geen .%s van maken; niets geschreven", fmt);
	else if (kngg_read_file_max(res, LO_MAX_OUTPUT, cli_print_diag, NULL, out, outlen) == 0)
		rc = EXIT_OK;
done:
	nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
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
	const char *conv = NULL;
	kngg_tracker *t;
	char *out = NULL, code[7];
	size_t len = 0;

	if (!(f = pick_format(format, output, &conv)))
		return format ? EXIT_USAGE : EXIT_FAIL;
	if (cycle_s && (rc = cli_int(CMD, "--cycle", cycle_s, 1, 1000, &p.cycle)) != EXIT_OK)
		return rc;
	if (f == KNGG_DOC_DOCX && !output && isatty(STDOUT_FILENO))
		return cli_fail("%s is binair: schrijf het naar een bestand met -o %s.%s",
				conv ? (strcmp(conv, "pdf") == 0 ? "PDF" : "ODT") : "DOCX", args[0],
				conv ? conv : "docx");
	/* refused before LibreOffice spends seconds on it */
	if (conv && output && !force && access(output, F_OK) == 0)
		return cli_fail("%s bestaat al; gebruik --force om het te vervangen", output);
	if ((rc = cli_municipality_or_default(cli, call->nargs > 1 ? args[1] : NULL, code)) != EXIT_OK)
		return rc;
	if (!cli_xml() || !(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (cli_xml()->doc_render(t, dir, args[0], code, &p, f, &out, &len) < 0)
		return EXIT_FAIL;
	if (conv) {
		char *docx = out;

		rc = lo_convert(conv, docx, len, &out, &len);
		free(docx);
		if (rc != EXIT_OK)
			return rc;
	}
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
	CLI_OPT(D, format, "format", "md|html|docx|pdf|odt",
		"het formaat (anders volgens -o); pdf en odt via LibreOffice"),
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
	{NULL, NULL, "NAAM [CODE]", doc, doc_opts, sizeof(D), "maak een stuk voor een gemeente",
	 NULL},
	CLI_SUB_END,
};
