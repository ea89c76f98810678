/*
 * cmd_demo.c: `kngg demo [--force]`: a demo database with a fictional
 * municipality part-way through phase 1. The demo is a script of ordinary
 * kngg commands (demo.txt, built into the binary), replayed through the same
 * dispatcher and engine as typed commands, so it cannot hold anything a user
 * could not record.
 */
#include <errno.h>
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

/* Removes the -wal and -shm files SQLite keeps beside a database. */
static void remove_sides(const char *path)
{
	char side[4096 + 16]; /* room for a 4095-byte path and a suffix */

	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

static void remove_db(const char *path)
{
	unlink(path);
	remove_sides(path);
}

/* With --force: the file at path may be replaced only when it is a kngg
 * database. Its -wal and -shm go first, so that no stale WAL can meet the
 * new database after the rename. */
static void keep_first(void *ctx, const char *msg)
{
	char *out = ctx;

	if (!*out)
		snprintf(out, 512, "%s", msg);
}

static int check_old(const char *path)
{
	kngg_store *st = NULL;
	char why[512] = "";

	if (kngg_store_open(&st, path, KNGG_STORE_READONLY, keep_first, why) < 0)
		return cli_fail("'%s' wordt niet overschreven: %s", path,
				*why ? why : "het is geen kngg-database");
	kngg_store_close(st);
	return EXIT_OK;
}

/* Replays the script; on failure *failed_line is the script line. */
static int replay(kngg_cli *cli, char *script, int *failed_line)
{
	char *line, *save = NULL, *argv[MAX_ARGS + 1];
	int lineno = 0, rc, n;

	for (line = strtok_r(script, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		lineno++;
		while (*line == ' ')
			line++;
		if (!*line || *line == '#')
			continue;
		*failed_line = lineno;
		n = split(line, argv);
		if (n < 0) {
			fprintf(stderr, "kngg: aanhalingstekens kloppen niet\n");
			return EXIT_FAIL;
		}
		argv[n] = NULL;
		if ((rc = cli_dispatch(cli, n, argv)) != EXIT_OK)
			return rc;
	}
	return EXIT_OK;
}

/* The first line the replay wrote on (captured) stderr, without "kngg: ". */
static void first_message(FILE *f, char *out, size_t size)
{
	size_t len;

	out[0] = '\0';
	rewind(f);
	if (!fgets(out, (int)size, f))
		return;
	len = strcspn(out, "\n");
	out[len] = '\0';
	if (strncmp(out, "kngg: ", 6) == 0)
		memmove(out, out + 6, len - 5);
}

/* Runs the demo script against the database at tmp with the script's own
 * output silenced and its errors captured; one line on failure. */
static int build(kngg_cli *cli, const char *tmp)
{
	const char *saved_path = cli->db_path;
	char *script, msg[512];
	FILE *errs = tmpfile();
	int rc, line = 0, out_fd, err_fd, null_fd;

	script = malloc(kngg_demo_txt_len + 1);
	null_fd = open("/dev/null", O_WRONLY);
	if (!script || !errs || null_fd < 0) {
		free(script);
		if (errs)
			fclose(errs);
		if (null_fd >= 0)
			close(null_fd);
		return cli_fail("kan de demo niet voorbereiden");
	}
	memcpy(script, kngg_demo_txt, kngg_demo_txt_len);
	script[kngg_demo_txt_len] = '\0';
	fflush(stdout);
	fflush(stderr);
	out_fd = dup(STDOUT_FILENO);
	err_fd = dup(STDERR_FILENO);
	dup2(null_fd, STDOUT_FILENO);
	dup2(fileno(errs), STDERR_FILENO);
	cli->db_path = tmp;
	rc = replay(cli, script, &line);
	cli_close(cli); /* the replay opened tmp; close it before the rename */
	cli->db_path = saved_path;
	fflush(stdout);
	fflush(stderr);
	dup2(out_fd, STDOUT_FILENO);
	dup2(err_fd, STDERR_FILENO);
	close(out_fd);
	close(err_fd);
	close(null_fd);
	free(script);
	if (rc != EXIT_OK) {
		first_message(errs, msg, sizeof(msg));
		fclose(errs);
		return cli_fail("demo mislukt bij regel %d van het demoscript: %s", line,
				*msg ? msg : "onbekende fout");
	}
	fclose(errs);
	return EXIT_OK;
}

int cmd_demo(kngg_cli *cli, int argc, char **argv)
{
	const char *path = cli_db_path(cli);
	kngg_store *st = NULL;
	struct stat sb;
	char tmp[4096];
	int force = 0, npos, shown, rc, exists;

	rc = cli_parse("demo", argc, argv,
		       (const cli_opt[]){{"force", 0, 0, NULL, &force}, {NULL, 0, 0, NULL, NULL}},
		       &npos, &shown);
	if (rc != EXIT_OK || shown)
		return rc;
	if (npos)
		return cli_usage("demo", "'demo' verwacht geen argumenten; kies het bestand met --db");
	if (!cli_defs(cli))
		return EXIT_FAIL;
	exists = stat(path, &sb) == 0;
	if (exists && !force)
		return cli_fail("'%s' bestaat al; kies een ander bestand met --db of vervang het met --force",
				path);
	if (exists && !S_ISREG(sb.st_mode))
		return cli_fail("'%s' wordt niet overschreven: het is geen bestand", path);
	if (exists && (rc = check_old(path)) != EXIT_OK)
		return rc;

	/* Built next to the target (same file system, so rename is atomic)
	 * and renamed only when complete: a failed demo leaves nothing behind
	 * and --force never loses the old database to a half-made one. */
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.demo-%ld", path, (long)getpid()) >= sizeof(tmp))
		return cli_fail("pad te lang: '%s'", path);
	remove_db(tmp);
	if (kngg_store_open(&st, tmp, KNGG_STORE_CREATE, cli_print_diag, NULL) < 0)
		return EXIT_FAIL;
	kngg_store_close(st);
	if ((rc = build(cli, tmp)) != EXIT_OK) {
		remove_db(tmp);
		return rc;
	}
	if (exists)
		remove_sides(path);
	if (rename(tmp, path) != 0) {
		rc = cli_fail("kan '%s' niet vervangen: %s", path, strerror(errno));
		remove_db(tmp);
		return rc;
	}
	printf("demodatabase '%s' gemaakt: gemeente GM9999 Waterlinde, halverwege fase 1\n"
	       "bekijk hem met 'kngg --db %s status GM9999'\n", path, path);
	return EXIT_OK;
}
