/*
 * test_cli.c: the command table, walked whole: every command and
 * subcommand says what it does, every option is complete and fits its
 * struct, and the help generated from the table fits in 80 columns. Then
 * a few command lines through the dispatcher.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cli.h"

#define WIDTH 80

static size_t nsubs(const cmd_def *c)
{
	size_t n = 0;

	while (c->subs[n].fn)
		n++;
	return n;
}

static size_t field_size(const cli_option *o)
{
	switch (o->kind) {
	case CLI_FLAG: return sizeof(int);
	case CLI_MULTI: return sizeof(cli_multi);
	default: return sizeof(const char *);
	}
}

static void commands_have_summaries(void **state)
{
	size_t n = 0;

	(void)state;
	for (const cmd_def *c = kngg_commands; c->name; c++, n++) {
		assert_non_null(c->subs);
		assert_true(nsubs(c) >= 1);
		if (!c->summary || !*c->summary)
			fail_msg("'%s' has no summary", c->name);
		assert_ptr_equal(cmd_find(c->name), c);
		/* a subcommand needs its own summary when there are several */
		for (const cli_sub *s = c->subs; s->fn && nsubs(c) > 1; s++)
			if (!s->summary || !*s->summary)
				fail_msg("'%s %s' has no summary", c->name,
					 s->name ? s->name : s->key ? s->key : "(zonder naam)");
	}
	assert_true(n >= 30);
}

static void subcommands_are_unambiguous(void **state)
{
	(void)state;
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		int plain = 0;

		for (const cli_sub *s = c->subs; s->fn; s++) {
			int min, max;

			plain += !s->name && !s->key;
			for (const cli_sub *t = c->subs; t != s; t++)
				if (s->name && t->name && strcmp(s->name, t->name) == 0)
					fail_msg("'%s %s' twice", c->name, s->name);
			/* a form chosen by an option takes that option, and needs it */
			if (s->key) {
				const cli_option *o = s->opts;

				assert_null(s->name);
				while (o && o->name && strcmp(o->name, s->key) != 0)
					o++;
				if (!o || !o->name || !o->required)
					fail_msg("'%s --%s': the key is not a required option",
						 c->name, s->key);
			}
			cli_args_range(s->args, &min, &max);
			assert_true(min <= max);
			assert_true(s->size == 0 || s->opts != NULL);
		}
		if (plain > 1)
			fail_msg("'%s' has %d forms without a name", c->name, plain);
	}
}

static void options_are_complete(void **state)
{
	(void)state;
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		for (const cli_sub *s = c->subs; s->fn; s++) {
			for (const cli_option *o = s->opts; o && o->name; o++) {
				const char *sub = s->name ? s->name : "";

				if (!*o->name || o->name[0] == '-')
					fail_msg("'%s %s': bad option name", c->name, sub);
				if (o->kind != CLI_FLAG && (!o->metavar || !*o->metavar))
					fail_msg("'%s %s --%s' takes a value but has no metavar",
						 c->name, sub, o->name);
				if (o->kind == CLI_FLAG && o->metavar)
					fail_msg("'%s %s --%s' is a flag with a metavar", c->name,
						 sub, o->name);
				if (!o->help || !*o->help)
					fail_msg("'%s %s --%s' has no description", c->name, sub,
						 o->name);
				if (o->offset + field_size(o) > s->size)
					fail_msg("'%s %s --%s' lies outside its struct", c->name,
						 sub, o->name);
				for (const cli_option *p = s->opts; p != o; p++) {
					if (strcmp(p->name, o->name) == 0)
						fail_msg("'%s %s': --%s twice", c->name, sub,
							 o->name);
					if (o->short_name && p->short_name == o->short_name)
						fail_msg("'%s %s': -%c twice", c->name, sub,
							 o->short_name);
					if (p->offset == o->offset)
						fail_msg("'%s %s': --%s and --%s share a field",
							 c->name, sub, p->name, o->name);
				}
				/* the dispatcher reads an option before it knows the
				 * subcommand: a name takes a value everywhere or nowhere */
				for (const cli_sub *t = c->subs; t->fn; t++)
					for (const cli_option *p = t->opts; p && p->name; p++)
						if (strcmp(p->name, o->name) == 0 &&
						    ((p->kind == CLI_FLAG) != (o->kind == CLI_FLAG) ||
						     p->short_name != o->short_name))
							fail_msg("'%s': --%s differs between "
								 "subcommands", c->name, o->name);
			}
		}
	}
}

static void args_ranges(void **state)
{
	int min, max;

	(void)state;
	cli_args_range("", &min, &max);
	assert_int_equal(min, 0);
	assert_int_equal(max, 0);
	cli_args_range("CODE STAP", &min, &max);
	assert_int_equal(min, 2);
	assert_int_equal(max, 2);
	cli_args_range("[MAP]", &min, &max);
	assert_int_equal(min, 0);
	assert_int_equal(max, 1);
	cli_args_range("NAAM CODE...", &min, &max);
	assert_int_equal(min, 2);
	assert_int_equal(max, INT_MAX);
	cli_args_range("CODE [ID...]", &min, &max);
	assert_int_equal(min, 1);
	assert_int_equal(max, INT_MAX);
}

/* Every line of text at most WIDTH columns; the failing line named. */
static void check_width(const char *what, const char *text)
{
	const char *p = text;

	while (*p) {
		size_t len = strcspn(p, "\n");
		char line[1024];

		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		if (utf8_width(line) > WIDTH)
			fail_msg("%s: %zu columns: %s", what, utf8_width(line), line);
		p += len;
		if (*p)
			p++;
	}
}

static char *help_of(const cmd_def *c)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	if (c)
		cli_print_help(f, c);
	else
		cli_print_overview(f);
	assert_int_equal(fclose(f), 0);
	return text;
}

static void help_fits_in_80_columns(void **state)
{
	char *text;

	(void)state;
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		char usage[2048];

		for (const cli_sub *s = c->subs; s->fn; s++)
			assert_true(cli_usage_line(c, s, ' ', usage, sizeof(usage)) < 1024);
		text = help_of(c);
		if (strncmp(text, "gebruik: kngg ", 14) != 0)
			fail_msg("'%s': help starts '%.20s'", c->name, text);
		check_width(c->name, text);
		free(text);
	}
	text = help_of(NULL);
	check_width("overview", text);
	free(text);
}

static void help_shows_every_option(void **state)
{
	char *text;

	(void)state;
	text = help_of(cmd_find("status"));
	assert_non_null(strstr(text, "gebruik: kngg status CODE"));
	assert_non_null(strstr(text, "--as-of DATUM"));
	assert_non_null(strstr(text, "--format text|json"));
	free(text);
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		text = help_of(c);
		for (const cli_sub *s = c->subs; s->fn; s++) {
			for (const cli_option *o = s->opts; o && o->name; o++) {
				char opt[64];

				snprintf(opt, sizeof(opt), "--%s", o->name);
				if (!strstr(text, opt))
					fail_msg("'kngg help %s' does not mention %s", c->name, opt);
			}
		}
		free(text);
	}
}

static void usage_line_of_factor(void **state)
{
	const cmd_def *c = cmd_find("factor");
	char line[512];

	(void)state;
	assert_non_null(c);
	cli_usage_line(c, c->subs, ' ', line, sizeof(line));
	assert_string_equal(line, "kngg factor CODE FACTOR --score N [--date DATUM] [--by NAAM] "
				  "[--new-person] [--note TEKST]");
	c = cmd_find("signoff");
	cli_usage_line(c, &c->subs[3], ' ', line, sizeof(line));
	assert_string_equal(line, "kngg signoff prepare CODE ID [--org ORG]... [--area GEBIED] "
				  "[--date DATUM] [--by NAAM] [--new-person] [--note TEKST]");
	/* a truncated line still ends in NUL and says how long it would be */
	assert_true(cli_usage_line(c, c->subs, ' ', line, 10) > 10);
	assert_int_equal(strlen(line), 9);
}

/* Usage errors stop in the dispatcher, before any database is opened. */
static int run(const char *line)
{
	char buf[256], *argv[16], *save = NULL;
	kngg_cli cli = {0};
	int argc = 0, rc;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok_r(buf, " ", &save); w && argc < 15; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	rc = cli_dispatch(&cli, argc, argv);
	assert_null(cli.tracker);
	return rc;
}

static void dispatch_usage_errors(void **state)
{
	(void)state;
	assert_int_equal(run("frobnicate"), EXIT_USAGE);
	assert_int_equal(run("factor GM0479"), EXIT_USAGE);
	assert_int_equal(run("factor GM0479 draagvlak extra --score 3"), EXIT_USAGE);
	assert_int_equal(run("factor GM0479 draagvlak --when 3"), EXIT_USAGE);
	assert_int_equal(run("factor GM0479 draagvlak --score"), EXIT_USAGE);
	assert_int_equal(run("municipality"), EXIT_USAGE);
	assert_int_equal(run("municipality frob"), EXIT_USAGE);
	assert_int_equal(run("municipality list --date 2026-01-01"), EXIT_USAGE);
	assert_int_equal(run("readiness --all --region Waterland"), EXIT_USAGE);
	assert_int_equal(run("readiness --all GM0479"), EXIT_USAGE);
	assert_int_equal(run("signoff GM0479 1.5/s1 --org a --org b"), EXIT_USAGE);
	assert_int_equal(run("demo --force=yes"), EXIT_USAGE);
	assert_int_equal(run("help frobnicate"), EXIT_USAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(commands_have_summaries),
		cmocka_unit_test(subcommands_are_unambiguous),
		cmocka_unit_test(options_are_complete),
		cmocka_unit_test(args_ranges),
		cmocka_unit_test(help_fits_in_80_columns),
		cmocka_unit_test(help_shows_every_option),
		cmocka_unit_test(usage_line_of_factor),
		cmocka_unit_test(dispatch_usage_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
