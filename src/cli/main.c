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

int cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("kngg: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("kngg: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, " (zie 'kngg help %s')\n", cmd);
	else
		fputs(" (zie 'kngg help')\n", stderr);
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

const kngg_defs *cli_defs(kngg_cli *cli)
{
	struct diag_count dc = {0, ""};
	const char *dir = cli_phases_dir(cli);
	int rc;

	if (cli->defs)
		return cli->defs;
	rc = kngg_defs_load(&cli->defs, dir, count_diag, &dc);
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
	if (fflush(stdout) != 0 && rc == EXIT_OK)
		rc = cli_fail("kan de uitvoer niet schrijven");
	return rc;
}
