/*
 * cmd_demo.c: `kngg demo [--force]`: a demo database with a fictional
 * municipality part-way through phase 1. The demo is a script of ordinary
 * kngg commands (demo.txt, built into the binary), replayed through the same
 * dispatcher and engine as typed commands, so it cannot hold anything a user
 * could not record.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

extern const unsigned char kngg_demo_txt[];
extern const size_t kngg_demo_txt_len;

#define MAX_ARGS 32

/* Splits line in place into words; "..." groups words. Returns the count,
 * or -1 for an unbalanced quote or too many words. */
static int split(char *line, char **argv)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return n;
		if (n == MAX_ARGS)
			return -1;
		if (*p == '"') {
			argv[n++] = ++p;
			p = strchr(p, '"');
			if (!p)
				return -1;
		} else {
			argv[n++] = p;
			while (*p && *p != ' ' && *p != '\t')
				p++;
			if (!*p)
				return n;
		}
		*p++ = '\0';
	}
}

/* Removes an earlier demo database (only a kngg database) for --force. */
static int remove_old(const char *path)
{
	kngg_store *st = NULL;
	char side[4096];

	if (kngg_store_open(&st, path, 0, cli_print_diag, NULL) < 0)
		return cli_fail("'%s' wordt niet overschreven: het is geen kngg-database", path);
	kngg_store_close(st);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	return EXIT_OK;
}

static int replay(kngg_cli *cli, char *script)
{
	char *line, *save = NULL, *argv[MAX_ARGS + 1];
	int lineno = 0, rc = EXIT_OK, n;

	for (line = strtok_r(script, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		while (*line == ' ')
			line++;
		if (!*line || *line == '#')
			continue;
		n = split(line, argv);
		if (n < 0)
			return cli_fail("demo-script, regel %d: aanhalingstekens kloppen niet", lineno);
		argv[n] = NULL;
		rc = cli_dispatch(cli, n, argv);
		if (rc != EXIT_OK)
			return cli_fail("demo-script mislukt bij '%s'", argv[0]);
	}
	return EXIT_OK;
}

int cmd_demo(kngg_cli *cli, int argc, char **argv)
{
	const char *path = cli_db_path(cli);
	kngg_store *st = NULL;
	struct stat sb;
	char *script;
	int force = 0, npos, shown, rc, saved, null_fd;

	rc = cli_parse("demo", argc, argv,
		       (const cli_opt[]){{"force", 0, 0, NULL, &force}, {NULL, 0, 0, NULL, NULL}},
		       &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos)
		return cli_usage("demo", "'demo' verwacht geen argumenten; kies het bestand met --db");
	if (!cli_defs(cli))
		return EXIT_FAIL;
	if (stat(path, &sb) == 0) {
		if (!force)
			return cli_fail("'%s' bestaat al; kies een ander bestand met --db of vervang het met --force",
					path);
		if ((rc = remove_old(path)) != EXIT_OK)
			return rc;
	}
	if (kngg_store_open(&st, path, KNGG_STORE_CREATE, cli_print_diag, NULL) < 0)
		return EXIT_FAIL;
	kngg_store_close(st);

	script = malloc(kngg_demo_txt_len + 1);
	if (!script)
		return cli_fail("onvoldoende geheugen");
	memcpy(script, kngg_demo_txt, kngg_demo_txt_len);
	script[kngg_demo_txt_len] = '\0';
	/* the commands' own confirmations would drown the summary */
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	null_fd = open("/dev/null", O_WRONLY);
	if (saved >= 0 && null_fd >= 0)
		dup2(null_fd, STDOUT_FILENO);
	rc = replay(cli, script);
	fflush(stdout);
	if (saved >= 0) {
		dup2(saved, STDOUT_FILENO);
		close(saved);
	}
	if (null_fd >= 0)
		close(null_fd);
	free(script);
	if (rc != EXIT_OK)
		return rc;
	printf("demodatabase '%s' gemaakt: gemeente GM9999 Waterlinde, halverwege fase 1\n"
	       "bekijk hem met 'kngg --db %s status GM9999'\n", path, path);
	return EXIT_OK;
}
