/*
 * context.c: what commands that touch the database share: where it is,
 * opening it once, and a tracker whose messages reach the terminal.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

const char *cli_db_path(const kngg_cli *cli)
{
	const char *env = getenv("KNGG_DB");

	if (cli->db_path)
		return cli->db_path;
	if (env && *env)
		return env;
	return "kngg.db";
}

void cli_print_diag(void *ctx, const char *msg)
{
	(void)ctx;
	cli_message(msg, NULL);
}

kngg_tracker *cli_tracker(kngg_cli *cli)
{
	const kngg_defs *defs;
	const char *path = cli_db_path(cli), *today;
	int rc;

	if (cli->store)
		return &cli->tracker;
	if (!(defs = cli_defs(cli)))
		return NULL;
	today = getenv("KNGG_TODAY"); /* for tests; normally unset */
	if (today && !*today)
		today = NULL;
	if (today && !kngg_valid_date(today)) {
		cli_fail("KNGG_TODAY='%s' is geen geldige datum (JJJJ-MM-DD)", today);
		return NULL;
	}
	rc = kngg_store_open(&cli->store, path, 0, cli_print_diag, NULL);
	if (rc == KNGG_ENOTFOUND) {
		cli_fail("database '%s' bestaat niet; maak hem met 'kngg --db %s init'", path, path);
		return NULL;
	}
	if (rc < 0)
		return NULL; /* the store said why */
	cli->tracker.defs = defs;
	cli->tracker.store = cli->store;
	cli->tracker.diag = cli_print_diag;
	cli->tracker.warn = cli_print_diag;
	cli->tracker.today = today;
	return &cli->tracker;
}

void cli_close(kngg_cli *cli)
{
	if (kngg_store_commits(cli->store) > 0)
		cli->committed = 1;
	kngg_store_close(cli->store);
	cli->store = NULL;
}

int cli_int(const char *cmd, const char *what, const char *s, int min, int max, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || errno || v < min || v > max)
		return cli_usage(cmd, "%s verwacht een geheel getal van %d tot en met %d, niet '%s'",
				 what, min, max, s ? s : "");
	*out = (int)v;
	return EXIT_OK;
}

int cli_id(const char *cmd, const char *s, int64_t *id)
{
	int v = 0, rc = cli_int(cmd, "ID", s, 1, INT_MAX, &v);

	*id = v;
	return rc;
}

int cli_code_collect(void *ctx, const char *code)
{
	cli_codes *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 64;
		char **p = realloc(l->codes, cap * sizeof(*p));

		if (!p)
			return KNGG_ENOMEM;
		l->codes = p;
		l->cap = cap;
	}
	if (!(l->codes[l->n] = strdup(code)))
		return KNGG_ENOMEM;
	l->n++;
	return 0;
}

void cli_codes_free(cli_codes *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->codes[i]);
	free(l->codes);
}
