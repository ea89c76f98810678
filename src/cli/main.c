/*
 * main.c: global options, definitions lookup and dispatch to a command.
 *
 *   kngg [--phases DIR] [--db FILE] COMMAND [ARGS]
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"

/*
 * Writes "kngg: " and the message as one line on stderr. Whatever the
 * message echoes (an id, a name, a path someone typed) stays on that line
 * and cannot steer the terminal: control characters, including newlines
 * and escape sequences, and the C1 controls U+0080-U+009F are shown as
 * \n, \t or \xHH.
 */
void cli_message(const char *msg, const char *tail)
{
	const unsigned char *p = (const unsigned char *)msg;

	fputs("kngg: ", stderr);
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stderr);
		else if (*p == '\t')
			fputs("\\t", stderr);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(stderr, "\\x%02x", *++p);
		else
			fputc(*p, stderr);
	}
	fputs(tail ? tail : "", stderr);
	fputc('\n', stderr);
}

static void vmessage(const char *fmt, va_list ap, const char *tail)
{
	char small[1024], *big = NULL;
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small) && (big = malloc((size_t)n + 1)) != NULL)
		vsnprintf(big, (size_t)n + 1, fmt, copy);
	va_end(copy);
	cli_message(big ? big : small, tail);
	free(big);
}

int cli_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	return EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	char tail[96];
	va_list ap;

	if (cmd)
		snprintf(tail, sizeof(tail), " (zie 'kngg help %s')", cmd);
	else
		snprintf(tail, sizeof(tail), " (zie 'kngg help')");
	va_start(ap, fmt);
	vmessage(fmt, ap, tail);
	va_end(ap);
	return EXIT_USAGE;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_data_dir(const char *opt, const char *env_name, const char *installed,
			 const char *source)
{
	const char *env = getenv(env_name);

	if (opt)
		return opt;
	if (env && *env)
		return env;
	if (is_dir(installed))
		return installed;
	return source;
}

const char *cli_phases_dir(const kngg_cli *cli)
{
	return cli_data_dir(cli->phases_dir, "KNGG_PHASES", KNGG_INSTALLED_PHASES, KNGG_SOURCE_PHASES);
}

struct diag_count {
	int n;
	char first[512];
};

static void count_diag(void *ctx, const char *msg)
{
	struct diag_count *dc = ctx;

	if (dc->n++ == 0)
		snprintf(dc->first, sizeof(dc->first), "%s", msg);
}

/*
 * The definitions: the ones compiled in, unless --phases or KNGG_PHASES
 * names a directory whose content differs from them (by hash); only then
 * is XML read, checked against the schema and loaded.
 */
const kngg_defs *cli_defs(kngg_cli *cli)
{
	struct diag_count dc = {0, ""};
	const char *env = getenv("KNGG_PHASES"), *dir;
	int rc;

	if (cli->defs)
		return cli->defs;
	dir = cli->phases_dir ? cli->phases_dir : env && *env ? env : NULL;
	if (!dir || kngg_defs_dir_is_builtin(dir))
		return cli->defs = (kngg_defs *)kngg_defs_builtin();
	if (!cli_xml())
		return NULL;
	rc = cli_xml()->defs_load(&cli->defs, dir, count_diag, &dc);
	if (rc == 0)
		return cli->defs;
	if (rc == KNGG_EINVALID)
		cli_fail("definities in '%s' zijn ongeldig (%d %s, eerste: %s); zie 'kngg validate %s'",
			 dir, dc.n, dc.n == 1 ? "fout" : "fouten", dc.first, dir);
	else if (dc.n)
		cli_fail("%s", dc.first);
	else
		cli_fail("kan de definities in '%s' niet laden", dir);
	return NULL;
}

static int take_value(int argc, char **argv, int *i, const char *name, const char **out)
{
	size_t len = strlen(name);

	if (strncmp(argv[*i], name, len) == 0 && argv[*i][len] == '=') {
		*out = argv[*i] + len + 1;
		return 1;
	}
	if (strcmp(argv[*i], name) != 0)
		return 0;
	if (*i + 1 >= argc) {
		*out = NULL;
		return -1;
	}
	*out = argv[++*i];
	return 1;
}

/*
 * A command either did what it says or changed nothing. Once it has
 * committed a change, nothing that goes wrong afterwards (a confirmation
 * that cannot be printed, a status line that cannot be loaded) turns it
 * into a failure: a retrying script would record it twice. That becomes a
 * warning and exit 0. Before any commit, lost output is a failure.
 */
int cli_finish(kngg_cli *cli, int rc)
{
	int lost = fflush(stdout) != 0 || ferror(stdout);

	if (!cli->committed) {
		if (lost && rc == EXIT_OK)
			rc = cli_fail("kan de uitvoer niet schrijven");
		return rc;
	}
	if (lost)
		cli_message("let op: de uitvoer kon niet worden geschreven; de wijziging is wel "
			    "vastgelegd (zie 'kngg log')", NULL);
	else if (rc != EXIT_OK)
		cli_message("let op: de wijziging is wel vastgelegd; alleen wat daarna kwam, mislukte "
			    "(zie 'kngg log')", NULL);
	return EXIT_OK;
}

int cli_dispatch(kngg_cli *cli, int argc, char **argv)
{
	const cmd_def *c = cmd_find(argv[0]);

	if (!c)
		return cli_usage(NULL, "onbekende opdracht '%s'", argv[0]);
	return c->fn(cli, argc, argv);
}

int main(int argc, char **argv)
{
	kngg_cli cli = {0};
	const char *v;
	int i, r, rc;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--version") == 0) {
			printf("kngg %s\n", KNGG_VERSION);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_print_overview(stdout);
			return EXIT_OK;
		}
		if ((r = take_value(argc, argv, &i, "--phases", &v)) != 0) {
			if (r < 0 || !*v)
				return cli_usage(NULL, "--phases verwacht een map");
			cli.phases_dir = v;
		} else if ((r = take_value(argc, argv, &i, "--db", &v)) != 0) {
			if (r < 0 || !*v)
				return cli_usage(NULL, "--db verwacht een bestand");
			cli.db_path = v;
		} else {
			return cli_usage(NULL, "onbekende optie '%s'", argv[i]);
		}
	}
	if (i >= argc) {
		cli_print_overview(stdout);
		return EXIT_OK;
	}
	rc = cli_dispatch(&cli, argc - i, argv + i);
	cli_close(&cli);
	kngg_defs_free(cli.defs);
	return cli_finish(&cli, rc);
}
