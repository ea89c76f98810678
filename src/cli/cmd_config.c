/*
 * cmd_config.c: `kngg config [SLEUTEL [WAARDE]]`: the defaults a
 * projectleider sets once (door = --by, gemeente = the municipality), in
 * the config file of context.c (cli_config_path).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "util/util.h"

static const char *const keys[] = {"door", "gemeente"};

static int known_key(const char *key)
{
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

struct rewrite {
	kngg_buf b;
	const char *key, *value;
	int done;
};

static int keep_line(void *ctx, const char *key, const char *value)
{
	struct rewrite *r = ctx;

	if (strcmp(key, r->key) == 0) {
		if (!r->done && *r->value)
			kngg_buf_printf(&r->b, "%s = %s\n", r->key, r->value);
		r->done = 1;
	} else {
		kngg_buf_printf(&r->b, "%s = %s\n", key, value);
	}
	return 0;
}

/* mkdir -p of the directory that holds path */
static int make_parent(const char *path)
{
	char dir[4096];
	size_t n = strlen(path);

	if (n >= sizeof(dir))
		return -1;
	memcpy(dir, path, n + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static int show(void)
{
	const char *path = cli_config_path(), *src, *v;

	printf("configuratiebestand: %s\n", path ? path : "(geen: HOME is niet gezet)");
	v = cli_default_by(&src);
	printf("door      %s%s%s%s\n", v ? v : "-", v ? " (uit " : "", v ? src : "", v ? ")" : "");
	v = cli_default_municipality(&src);
	printf("gemeente  %s%s%s%s\n", v ? v : "-", v ? " (uit " : "", v ? src : "",
	       v ? ")" : " (dan de enige gemeente in de database, als er één is)");
	return EXIT_OK;
}

static int config(kngg_cli *cli, const cli_call *call)
{
	const char *path = cli_config_path(), *key, *value;
	struct rewrite r = {{0}, NULL, NULL, 0};
	int rc;

	(void)cli;
	if (call->nargs == 0)
		return show();
	key = call->args[0];
	if (!known_key(key))
		return cli_usage("config", "onbekende sleutel '%s' (kies uit: door, gemeente)", key);
	if (call->nargs == 1) {
		const char *src, *v = strcmp(key, "door") == 0 ? cli_default_by(&src)
							      : cli_default_municipality(&src);

		if (v)
			printf("%s\n", v);
		return EXIT_OK;
	}
	value = call->args[1];
	if (strchr(value, '\n') || strlen(value) > KNGG_NAME_MAX)
		return cli_fail("de waarde van %s moet op één regel passen (hoogstens %d tekens)", key,
				KNGG_NAME_MAX);
	if (!path)
		return cli_fail("geen plek voor het configuratiebestand: zet HOME of XDG_CONFIG_HOME");
	r.key = key;
	r.value = value;
	cli_config_each(keep_line, &r);
	if (!r.done && *value)
		kngg_buf_printf(&r.b, "%s = %s\n", key, value);
	if (r.b.failed) {
		kngg_buf_free(&r.b);
		return cli_fail("onvoldoende geheugen");
	}
	if (make_parent(path) < 0) {
		kngg_buf_free(&r.b);
		return cli_fail("kan de map van %s niet maken: %s", path, strerror(errno));
	}
	rc = kngg_write_file_atomic(path, r.b.ptr ? r.b.ptr : "", r.b.len, 1, cli_print_diag, NULL);
	kngg_buf_free(&r.b);
	if (rc < 0)
		return EXIT_FAIL;
	if (*value)
		printf("%s = %s (in %s)\n", key, value, path);
	else
		printf("%s gewist (in %s)\n", key, path);
	return EXIT_OK;
}

const cli_sub cmd_config_subs[] = {
	{NULL, NULL, "[SLEUTEL] [WAARDE]", config, NULL, 0, NULL, NULL},
	CLI_SUB_END,
};
