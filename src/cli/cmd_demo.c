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
#include "util/util.h"

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

static void keep_first(void *ctx, const char *msg)
{
	char *out = ctx;

	if (!*out)
		snprintf(out, 512, "%s", msg);
}

/* With --force the file at path may be replaced only when it is a kngg
 * database. It is opened, taken for this process alone and its -wal moved
 * into the file: from then on the file alone holds every committed event,
 * so that whatever fails later, it is still whole. *old stays open (and
 * locked) until the replacement is done. */
static int take_old(const char *path, kngg_tracker **old)
{
	char why[512] = "";

	if (kngg_tracker_open(old, NULL, path, 0, keep_first, why) < 0)
		return cli_fail("'%s' wordt niet overschreven: %s", path,
				*why ? why : "het is geen kngg-database");
	if (kngg_tracker_take(*old) < 0) {
		kngg_tracker_close(*old);
		*old = NULL;
		return cli_fail("'%s' wordt niet overschreven: %s", path,
				*why ? why : "hij is in gebruik");
	}
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
	cli->committed = 0; /* into tmp: nothing the user has is changed yet */
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

/* Moves the finished demo at tmp to real, the file --db names. */
static int put_in_place(const char *path, const char *tmp, const char *real, int exists)
{
	kngg_tracker *old = NULL;
	int rc;

	if (exists && (rc = take_old(real, &old)) != EXIT_OK)
		return rc;
	if (kngg_test_fault("demo-rename")) {
		errno = EIO;
		rc = -1;
	} else {
		rc = rename(tmp, real);
	}
	if (rc != 0) {
		rc = cli_fail("kan '%s' niet vervangen: %s; het oude bestand is ongewijzigd", path,
			      strerror(errno));
		kngg_tracker_close(old);
		return rc;
	}
	kngg_fsync_dir(real);
	/* the old file's handle goes, then anything SQLite kept beside it */
	kngg_tracker_close(old);
	if (exists)
		remove_sides(real);
	return EXIT_OK;
}

struct demo_opts {
	int force;
};

static int demo(kngg_cli *cli, const cli_call *call)
{
	const struct demo_opts *a = call->opts;
	static const char *const sides[] = {"-wal", "-shm", "-journal", NULL};
	const char *path = cli_db_path(cli), *slash;
	kngg_buf real = {0}, prefix = {0};
	kngg_tracker *st = NULL;
	struct stat sb;
	char tmp[4096];
	int force = a->force, rc, exists;

	if (!cli_defs(cli))
		return EXIT_FAIL;
	/* through a symlink: the file it names is replaced, the link stays */
	if (kngg_path_resolve(path, &real) < 0)
		return cli_fail("'%s': te veel symbolische koppelingen", path);
	exists = stat(real.ptr, &sb) == 0;
	rc = EXIT_FAIL;
	if (exists && !force) {
		rc = cli_fail("'%s' bestaat al; kies een ander bestand met --db of vervang het met --force",
			      path);
		goto done;
	}
	if (exists && !S_ISREG(sb.st_mode)) {
		rc = cli_fail("'%s' wordt niet overschreven: het is geen bestand", path);
		goto done;
	}

	/* Built next to the target (same file system, so rename is atomic)
	 * and renamed only when complete: a failed demo leaves nothing behind
	 * and --force never loses the old database to a half-made one. What a
	 * killed run left behind (its pid no longer runs) goes first. */
	slash = strrchr(real.ptr, '/');
	kngg_buf_printf(&prefix, "%s.demo-", slash ? slash + 1 : real.ptr);
	if (!prefix.failed)
		kngg_sweep_temp(real.ptr, prefix.ptr, sides);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.demo-%ld", real.ptr, (long)getpid()) >=
	    sizeof(tmp)) {
		rc = cli_fail("pad te lang: '%s'", path);
		goto done;
	}
	remove_db(tmp);
	if (kngg_tracker_open(&st, NULL, tmp, KNGG_TRACKER_CREATE, cli_print_diag, NULL) < 0)
		goto done;
	kngg_tracker_close(st);
	if ((rc = build(cli, tmp)) != EXIT_OK || (rc = put_in_place(path, tmp, real.ptr, exists)) != EXIT_OK) {
		remove_db(tmp);
		goto done;
	}
	cli->committed = 1;
	printf("demodatabase '%s' gemaakt: gemeente GM9999 Waterlinde, halverwege fase 1\n"
	       "bekijk hem met 'kngg --db %s status GM9999'\n", path, path);
done:
	kngg_buf_free(&real);
	kngg_buf_free(&prefix);
	return rc;
}

static const cli_option demo_opts[] = {
	CLI_FLAG_OPT(struct demo_opts, force, "force", "vervang een bestaande kngg-database"),
	CLI_OPT_END,
};

const cli_sub cmd_demo_subs[] = {
	{NULL, NULL, "", demo, demo_opts, sizeof(struct demo_opts), NULL,
	 "kies het bestand met --db"},
	CLI_SUB_END,
};
