/*
 * options.c: option parsing shared by all commands.
 */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

void cli_multi_free(cli_multi *m)
{
	free(m->items);
	m->items = NULL;
	m->n = m->cap = 0;
	m->last = NULL;
}

/* Appends value to the cli_multi whose first member is *last. */
static int multi_add(const char **last, const char *value)
{
	/* a pointer to a struct's first member, converted, points to the struct */
	cli_multi *m = (cli_multi *)(void *)last;

	if (m->n == m->cap) {
		size_t cap = m->cap ? 2 * m->cap : 4;
		const char **items = realloc(m->items, cap * sizeof(*items));

		if (!items)
			return cli_fail("onvoldoende geheugen");
		m->items = items;
		m->cap = cap;
	}
	m->items[m->n++] = value;
	m->last = value;
	return EXIT_OK;
}

void cli_print_help(FILE *f, const cmd_def *c)
{
	fprintf(f, "gebruik: %s\n\n%s.\n", c->usage, c->summary);
	if (c->help && *c->help)
		fprintf(f, "\n%s", c->help);
}

static const cli_opt *find_long(const cli_opt *opts, const char *name, size_t len)
{
	for (; opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

static const cli_opt *find_short(const cli_opt *opts, char c)
{
	for (; opts->name; opts++)
		if (opts->short_name && opts->short_name == c)
			return opts;
	return NULL;
}

int cli_parse(const char *cmd, int argc, char **argv, const cli_opt *opts, int *npos,
	      int *help_shown)
{
	int i, n = 0, only_pos = 0;

	*npos = 0;
	*help_shown = 0;
	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const cli_opt *o = NULL;
		const char *value = NULL;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			argv[1 + n++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_print_help(stdout, cmd_find(cmd));
			*help_shown = 1;
			return EXIT_OK;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);

			o = find_long(opts, a + 2, len);
			if (eq)
				value = eq + 1;
		} else if (a[2] == '\0') {
			o = find_short(opts, a[1]);
		}
		if (!o)
			return cli_usage(cmd, "onbekende optie '%s' bij '%s'", a, cmd);
		if (!o->has_arg) {
			if (value)
				return cli_usage(cmd, "--%s verwacht geen waarde", o->name);
			*o->flag = 1;
			continue;
		}
		if (!value) {
			if (i + 1 >= argc)
				return cli_usage(cmd, "--%s verwacht een waarde", o->name);
			value = argv[++i];
		}
		if (o->has_arg == CLI_ARG_MULTI) {
			if (multi_add(o->value, value) != EXIT_OK)
				return EXIT_FAIL;
			continue;
		}
		*o->value = value;
	}
	*npos = n;
	return EXIT_OK;
}
