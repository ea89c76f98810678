/*
 * context.c: what commands that touch the database share: where it is,
 * opening it once, a tracker whose messages reach the terminal, where
 * the definitions come from, and the end of a run.
 */
#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "util/text.h"

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

	if (cli->tracker)
		return cli->tracker;
	if (!(defs = cli_defs(cli)))
		return NULL;
	today = getenv("KNGG_TODAY"); /* for tests; normally unset */
	if (today && !*today)
		today = NULL;
	if (today && !kngg_valid_date(today)) {
		cli_fail("KNGG_TODAY='%s' is geen geldige datum (JJJJ-MM-DD)", today);
		return NULL;
	}
	rc = kngg_tracker_open(&cli->tracker, defs, path, 0, cli_print_diag, NULL);
	if (rc == KNGG_ENOTFOUND) {
		cli_fail("database '%s' bestaat niet; maak hem met 'kngg --db %s init'", path, path);
		return NULL;
	}
	if (rc < 0)
		return NULL; /* the store said why */
	kngg_tracker_set_warn(cli->tracker, cli_print_diag, NULL);
	kngg_tracker_set_today(cli->tracker, today);
	return cli->tracker;
}

void cli_close(kngg_cli *cli)
{
	if (cli->tracker && kngg_tracker_commits(cli->tracker) > 0)
		cli->committed = 1;
	kngg_tracker_close(cli->tracker);
	cli->tracker = NULL;
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

int cli_score(const char *cmd, const char *s, const kngg_scale *scale, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (s && *s && !*end && !errno && v >= scale->min && v <= scale->max) {
		*out = (int)v;
		return EXIT_OK;
	}
	return cli_usage(cmd, "--score '%s' valt buiten de schaal: geef een heel getal van %d tot en "
			      "met %d%s",
			 s ? s : "", scale->min, scale->max,
			 s && strpbrk(s, ",.") ? " (geen halve punten)" : "");
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

/* ---- defaults: who records, and for which municipality ------------------------------ */

/* The config file: $XDG_CONFIG_HOME/kngg/config, else ~/.config/kngg/config. */
const char *cli_config_path(void)
{
	static char path[PATH_MAX];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && *xdg)
		snprintf(path, sizeof(path), "%s/kngg/config", xdg);
	else if (home && *home)
		snprintf(path, sizeof(path), "%s/.config/kngg/config", home);
	else
		return NULL;
	return path;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	if (e - s >= 2 && (*s == '"' || *s == '\'') && e[-1] == *s) {
		e[-1] = '\0';
		s++;
	}
	return s;
}

int cli_config_each(int (*fn)(void *ctx, const char *key, const char *value), void *ctx)
{
	const char *path = cli_config_path();
	char line[1024];
	FILE *f;
	int rc = 0;

	if (!path || !(f = fopen(path, "r")))
		return 0;
	while (rc == 0 && fgets(line, sizeof(line), f)) {
		char *eq = strchr(line, '='), *key;

		if (line[strspn(line, " \t")] == '#' || !eq)
			continue;
		*eq = '\0';
		key = trim(line);
		rc = fn(ctx, key, trim(eq + 1));
	}
	fclose(f);
	return rc;
}

struct config_get {
	const char *key;
	char value[512];
	int found;
};

static int config_match(void *ctx, const char *key, const char *value)
{
	struct config_get *g = ctx;

	if (strcmp(key, g->key) == 0) {
		snprintf(g->value, sizeof(g->value), "%s", value);
		g->found = 1;
	}
	return 0;
}

/* The value of key in the config file (the last one), or NULL; kept until
 * the next call with the same key. */
static const char *config_get(const char *key, char *buf, size_t size)
{
	struct config_get g = {key, "", 0};

	cli_config_each(config_match, &g);
	if (!g.found || !*g.value)
		return NULL;
	snprintf(buf, size, "%s", g.value);
	return buf;
}

const char *cli_default_by(const char **source)
{
	static char buf[512];
	const char *env = getenv("KNGG_BY");

	if (env && *env) {
		*source = "KNGG_BY";
		return env;
	}
	*source = "door in het configuratiebestand";
	return config_get("door", buf, sizeof(buf));
}

const char *cli_default_municipality(const char **source)
{
	static char buf[512];
	const char *env = getenv("KNGG_GEMEENTE");

	if (env && *env) {
		*source = "KNGG_GEMEENTE";
		return env;
	}
	*source = "gemeente in het configuratiebestand";
	return config_get("gemeente", buf, sizeof(buf));
}

/* ---- values as the lists and the register spell them ---------------------------------- */

const char *cli_list_id(const kngg_defs *defs, const char *list_id, const char *typed)
{
	const kngg_list *l = kngg_defs_list(defs, list_id);

	for (size_t i = 0; typed && l && i < l->nitems; i++)
		if (kngg_fold_eq_id(typed, l->items[i].id) ||
		    (l->items[i].title && kngg_fold_eq(typed, l->items[i].title)))
			return l->items[i].id;
	return typed;
}

struct org_name {
	const char *typed;
	char name[KNGG_NAME_MAX + 1];
};

static int org_named(void *ctx, const kngg_org *o)
{
	struct org_name *n = ctx;

	if (!n->name[0] && kngg_fold_eq(o->name, n->typed))
		snprintf(n->name, sizeof(n->name), "%s", o->name);
	return 0;
}

const char *cli_org_name(kngg_tracker *t, const char *code, const char *typed)
{
	static struct org_name n;

	n.typed = typed;
	n.name[0] = '\0';
	kngg_orgs(t, code, org_named, &n);
	return n.name[0] ? n.name : typed;
}

int cli_person(const char *cmd, kngg_tracker *t, const char *code, const char *what,
	       const char *s, int64_t *id)
{
	int rc;

	if (!s || !*s)
		return cli_usage(cmd, "%s ontbreekt: wie (naam of nummer uit het register)", what);
	rc = kngg_person_lookup(t, code, s, id);
	if (rc == KNGG_EINVALID)
		return cli_fail("in %s heten meer personen '%s' (%s); geef het nummer", code, s, what);
	if (rc < 0)
		return cli_fail("onbekende persoon '%s' bij %s (zie 'kngg stakeholder list %s')", s,
				what, code);
	return EXIT_OK;
}
