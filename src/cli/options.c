/*
 * options.c: the generic half of the command table: finding the command
 * and subcommand, parsing options into the subcommand's struct, checking
 * the positional arguments, and the usage errors, all from the tables.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "util/text.h"

void cli_multi_free(cli_multi *m)
{
	free(m->items);
	m->items = NULL;
	m->n = m->cap = 0;
	m->last = NULL;
}

static int multi_add(cli_multi *m, const char *value)
{
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

/* ---- reading the tables ------------------------------------------------------------- */

void cli_args_range(const char *spec, int *min, int *max)
{
	const char *p = spec ? spec : "";

	*min = *max = 0;
	while (*p) {
		size_t len = strcspn(p, " ");
		int optional = p[0] == '[', repeats = 0;

		for (size_t i = 0; i + 3 <= len; i++)
			repeats |= memcmp(p + i, "...", 3) == 0;

		if (len) {
			if (!optional)
				(*min)++;
			if (repeats || *max == INT_MAX)
				*max = INT_MAX;
			else
				(*max)++;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* The n-th (from 0) required positional argument named in spec, without
 * dots, into buf. */
static void required_arg(const char *spec, int n, char *buf, size_t size)
{
	const char *p = spec ? spec : "";

	snprintf(buf, size, "ARGUMENT");
	while (*p) {
		size_t len = strcspn(p, " ");

		if (len && p[0] != '[' && n-- == 0) {
			while (len >= 3 && memcmp(p + len - 3, "...", 3) == 0)
				len -= 3;
			snprintf(buf, size, "%.*s", (int)len, p);
			return;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

static const cli_option *find_long(const cli_option *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

static const cli_option *find_short(const cli_option *opts, char c)
{
	for (; opts && opts->name; opts++)
		if (opts->short_name && opts->short_name == c)
			return opts;
	return NULL;
}

/* An option of any subcommand of c (the same name takes its value the
 * same way in all of them: test_cli checks it). */
static const cli_option *any_long(const cmd_def *c, const char *name, size_t len)
{
	const cli_option *o = NULL;

	for (const cli_sub *s = c->subs; s->fn && !o; s++)
		o = find_long(s->opts, name, len);
	return o;
}

static const cli_option *any_short(const cmd_def *c, char ch)
{
	const cli_option *o = NULL;

	for (const cli_sub *s = c->subs; s->fn && !o; s++)
		o = find_short(s->opts, ch);
	return o;
}

/* ---- usage text --------------------------------------------------------------------- */

struct out {
	char *buf;
	size_t size, len;
};

static void out_add(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_add(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->len < o->size ? o->buf + o->len : NULL,
		      o->len < o->size ? o->size - o->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n;
}

static void option_token(struct out *o, const cli_option *opt)
{
	const char *open = opt->required ? "" : "[", *close = opt->required ? "" : "]";

	if (opt->short_name)
		out_add(o, "%s-%c", open, opt->short_name);
	else
		out_add(o, "%s--%s", open, opt->name);
	if (opt->kind != CLI_FLAG)
		out_add(o, " %s", opt->metavar ? opt->metavar : "WAARDE");
	out_add(o, "%s%s", close, opt->kind == CLI_MULTI ? "..." : "");
}

size_t cli_usage_line(const cmd_def *c, const cli_sub *s, char sep, char *buf, size_t size)
{
	struct out o = {buf, size, 0};
	const char *p = s->args ? s->args : "";

	if (size)
		buf[0] = '\0';
	out_add(&o, "kngg%c%s", sep, c->name);
	if (s->name)
		out_add(&o, "%c%s", sep, s->name);
	while (*p) {
		size_t len = strcspn(p, " ");

		if (len)
			out_add(&o, "%c%.*s", sep, (int)len, p);
		p += len;
		while (*p == ' ')
			p++;
	}
	/* the required options first, then the others, each in table order */
	for (int pass = 1; pass >= 0; pass--) {
		for (const cli_option *opt = s->opts; opt && opt->name; opt++) {
			if (opt->required != pass)
				continue;
			out_add(&o, "%c", sep);
			option_token(&o, opt);
		}
	}
	return o.len;
}

void cli_sub_label(const cmd_def *c, const cli_sub *s, char *buf, size_t size)
{
	if (s->name)
		snprintf(buf, size, "%s %s", c->name, s->name);
	else if (s->key)
		snprintf(buf, size, "%s --%s", c->name, s->key);
	else if (s->args && *s->args)
		snprintf(buf, size, "%s %s", c->name, s->args);
	else
		snprintf(buf, size, "%s", c->name);
}

int cli_sub_usage(const cmd_def *c, const cli_sub *s, const char *fmt, ...)
{
	char why[512], usage[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	cli_usage_line(c, s, ' ', usage, sizeof(usage));
	return cli_usage(c->name, "%s%s%s%s; gebruik: %s", why, s->hint ? " (" : "",
			 s->hint ? s->hint : "", s->hint ? ")" : "", usage);
}

/* "add, list of show": the subcommands to choose from (with a word). */
static void sub_names(const cmd_def *c, char *buf, size_t size)
{
	struct out o = {buf, size, 0};
	size_t n = 0, i = 0;

	for (const cli_sub *s = c->subs; s->fn; s++)
		n += s->name != NULL;
	for (const cli_sub *s = c->subs; s->fn; s++) {
		if (!s->name)
			continue;
		out_add(&o, "%s%s", i == 0 ? "" : i + 1 == n ? " of " : ", ", s->name);
		i++;
	}
}

/* ---- dispatch ----------------------------------------------------------------------- */

/* One option as given: how it was spelled (for messages) and its value. */
typedef struct {
	const cli_option *opt; /* as found in any subcommand of the command */
	const char *spelled;   /* "--date", "-o" */
	size_t spelled_len;
	const char *value;
} given_opt;

/* The subcommand of c that this command line asks for, or NULL after a
 * usage error (in *rc). */
static const cli_sub *pick_sub(const cmd_def *c, char **pos, int npos, const given_opt *given,
			       int ngiven, int *rc)
{
	const cli_sub *keyed = NULL, *plain = NULL;
	char names[256];

	if (npos >= 1)
		for (const cli_sub *s = c->subs; s->fn; s++)
			if (s->name && strcmp(s->name, pos[0]) == 0)
				return s;
	for (const cli_sub *s = c->subs; s->fn; s++) {
		if (s->name)
			continue;
		if (!s->key) {
			plain = s;
			continue;
		}
		for (int i = 0; i < ngiven; i++) {
			if (strcmp(given[i].opt->name, s->key) != 0)
				continue;
			if (keyed && keyed != s) {
				*rc = cli_usage(c->name, "--%s en --%s gaan niet samen", keyed->key,
						s->key);
				return NULL;
			}
			keyed = s;
		}
	}
	if (keyed)
		return keyed;
	if (plain)
		return plain;
	sub_names(c, names, sizeof(names));
	if (npos == 0)
		*rc = cli_usage(c->name, "welke opdracht? %s", names);
	else
		*rc = cli_usage(c->name, "onbekende opdracht '%s %s' (%s)", c->name, pos[0], names);
	return NULL;
}

/* Puts the given options into the struct at base; EXIT_OK or a usage error. */
static int fill(const cmd_def *c, const cli_sub *s, const given_opt *given, int ngiven,
		char *base, char (*iso)[11])
{
	char label[128];

	for (int i = 0; i < ngiven; i++) {
		const cli_option *o = find_long(s->opts, given[i].opt->name,
						strlen(given[i].opt->name));

		if (!o) {
			cli_sub_label(c, s, label, sizeof(label));
			return cli_usage(c->name, "'%.*s' hoort niet bij 'kngg %s'%s",
					 (int)given[i].spelled_len, given[i].spelled, label,
					 s->opts ? "" : ", die heeft geen opties");
		}
		if (o->kind == CLI_FLAG) {
			*(int *)(void *)(base + o->offset) = 1;
		} else if (o->kind == CLI_VALUE || o->kind == CLI_ONCE) {
			const char **value = (const char **)(void *)(base + o->offset);

			if (*value && o->kind == CLI_ONCE)
				return cli_usage(c->name, "--%s mag maar een keer", o->name);
			*value = given[i].value;
			/* a date as Dutch people write it (1-7-2026, 1 juli 2026) becomes
			 * ISO here, for every command; one message for what is none */
			if (o->metavar && strcmp(o->metavar, "DATUM") == 0) {
				if (!kngg_date_parse(given[i].value, iso[i]))
					return cli_fail("ongeldige datum '%s' bij --%s (verwacht een "
							"bestaande dag, bijvoorbeeld 1-7-2026, 1 juli "
							"2026 of 2026-07-01)",
							given[i].value, o->name);
				*value = iso[i];
			}
		} else if (multi_add((cli_multi *)(void *)(base + o->offset), given[i].value) !=
			   EXIT_OK) {
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

static void release(const cli_sub *s, char *base)
{
	if (!base)
		return;
	for (const cli_option *o = s->opts; o && o->name; o++)
		if (o->kind == CLI_MULTI)
			cli_multi_free((cli_multi *)(void *)(base + o->offset));
	free(base);
}

/* Reads argv[1..argc-1]: positional arguments into pos, options into
 * given. Returns EXIT_OK, or EXIT_USAGE (message printed), or -1 after
 * --help was printed. */
static int scan(const cmd_def *c, int argc, char **argv, char **pos, int *npos,
		given_opt *given, int *ngiven)
{
	int only_pos = 0;

	*npos = *ngiven = 0;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		given_opt *g = &given[*ngiven];

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			pos[(*npos)++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			cli_print_help(stdout, c);
			return -1;
		}
		g->spelled = a;
		g->value = NULL;
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);

			g->opt = any_long(c, a + 2, len);
			g->spelled_len = len + 2;
			if (eq)
				g->value = eq + 1;
		} else {
			g->opt = a[2] == '\0' ? any_short(c, a[1]) : NULL;
			g->spelled_len = 2;
		}
		if (!g->opt)
			return cli_usage(c->name, "onbekende optie '%s' bij '%s'", a, c->name);
		if (g->opt->kind == CLI_FLAG) {
			if (g->value)
				return cli_usage(c->name, "--%s verwacht geen waarde", g->opt->name);
		} else if (!g->value) {
			if (i + 1 >= argc)
				return cli_usage(c->name, "--%s verwacht een waarde", g->opt->name);
			g->value = argv[++i];
		}
		(*ngiven)++;
	}
	return EXIT_OK;
}

/* ---- defaults: the municipality and --by -------------------------------------------- */

static int takes_code(const cli_sub *s)
{
	return s->args && strncmp(s->args, "CODE", 4) == 0 && (s->args[4] == ' ' || !s->args[4]);
}

struct only_one {
	int n;
	char code[7];
};

static int count_one(void *ctx, const kngg_municipality *m)
{
	struct only_one *o = ctx;

	if (o->n++ == 0)
		snprintf(o->code, sizeof(o->code), "%s", m->code);
	return 0;
}

/* The default municipality into code: KNGG_GEMEENTE, the config file, or
 * the only one in the database. EXIT_OK with code "" when there is none. */
static int default_municipality(kngg_cli *cli, char code[7])
{
	const char *src, *def = cli_default_municipality(&src);
	struct only_one one = {0, ""};
	kngg_tracker *t;
	int rc;

	code[0] = '\0';
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (def) {
		rc = kngg_municipality_resolve(t, def, 0, code, NULL, 0);
		if (rc == KNGG_ENOTFOUND)
			return cli_fail("onbekende gemeente '%s' (uit %s); zie 'kngg municipality list'",
					def, src);
		return rc < 0 ? EXIT_FAIL : EXIT_OK;
	}
	if (kngg_municipalities(t, count_one, &one) < 0)
		return EXIT_FAIL;
	if (one.n == 1)
		memcpy(code, one.code, 7);
	return EXIT_OK;
}

int cli_municipality_or_default(kngg_cli *cli, const char *typed, char code[7])
{
	char near[KNGG_NAME_MAX + 16] = "";
	kngg_tracker *t;
	int rc;

	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	if (!typed) {
		if ((rc = default_municipality(cli, code)) != EXIT_OK)
			return rc;
		return code[0] ? EXIT_OK
			       : cli_fail("geen gemeente gegeven, en er is geen standaard (zie "
					  "'kngg help config')");
	}
	rc = kngg_municipality_resolve(t, typed, 1, code, near, sizeof(near));
	if (rc == 0)
		return EXIT_OK;
	if (rc != KNGG_ENOTFOUND)
		return EXIT_FAIL;
	if (near[0])
		return cli_fail("onbekende gemeente '%s'; bedoelde je %s?", typed, near);
	return cli_fail("onbekende gemeente '%s'; zie 'kngg municipality list'", typed);
}

/*
 * The CODE argument as people type it: a CBS code in any case (gm0479), a
 * municipality's name (zaanstad), or left out when there is a default
 * (KNGG_GEMEENTE, the config file, the only municipality in the database).
 * An argument that names no municipality (a step id such as 1.2, an
 * activity, a name) is the next argument, with the default before it.
 */
static int municipality_arg(kngg_cli *cli, const cmd_def *c, const cli_sub *s, cli_call *call,
			    int min, int max, char code[7])
{
	const char *typed = call->nargs ? call->args[0] : NULL;
	int adding = strcmp(c->name, "municipality") == 0 && s->name && strcmp(s->name, "add") == 0;
	char near[KNGG_NAME_MAX + 16] = "";
	kngg_tracker *t;
	int rc;

	if (!takes_code(s))
		return EXIT_OK;
	if (typed && kngg_code_like(typed)) {
		kngg_municipality_resolve(NULL, typed, 0, code, NULL, 0);
		call->args[0] = code;
		return EXIT_OK;
	}
	if (adding)
		return EXIT_OK;
	if (typed && call->nargs >= min) {
		if (!(t = cli_tracker(cli)))
			return EXIT_FAIL;
		rc = kngg_municipality_resolve(t, typed, 1, code, near, sizeof(near));
		if (rc == 0) {
			call->args[0] = code;
			return EXIT_OK;
		}
		if (rc != KNGG_ENOTFOUND)
			return EXIT_FAIL;
	}
	if (near[0])
		return cli_fail("onbekende gemeente '%s'; bedoelde je %s?", typed, near);
	if (call->nargs < max) {
		if ((rc = default_municipality(cli, code)) != EXIT_OK)
			return rc;
		if (code[0]) {
			/* call->args has room: argv holds at least the command word more */
			memmove(call->args + 1, call->args, (size_t)call->nargs * sizeof(*call->args));
			call->args[0] = code;
			call->nargs++;
			return EXIT_OK;
		}
	}
	return EXIT_OK;
}

/* --by from KNGG_BY or the config file, when the command takes it, it is not
 * given and that person is in the municipality's register (or --new-person
 * says to add them). Otherwise a warning: a default never adds a person. */
static int default_by(kngg_cli *cli, const cli_sub *s, cli_call *call, char *base)
{
	const cli_option *by = find_long(s->opts, "by", 2), *np = find_long(s->opts, "new-person", 10);
	const char *src, *def, **field;
	kngg_tracker *t;
	int64_t id;
	int rc;

	if (!by || !takes_code(s) || call->nargs < 1 ||
	    *(field = (const char **)(void *)(base + by->offset)) || !(def = cli_default_by(&src)))
		return EXIT_OK;
	if (np && *(int *)(void *)(base + np->offset)) {
		*field = def;
		return EXIT_OK;
	}
	if (!(t = cli_tracker(cli)))
		return EXIT_FAIL;
	rc = kngg_person_lookup(t, call->args[0], def, &id);
	if (rc == 0) {
		*field = def;
		return EXIT_OK;
	}
	if (rc != KNGG_ENOTFOUND && rc != KNGG_EINVALID)
		return EXIT_FAIL;
	{
		char msg[768];

		snprintf(msg, sizeof(msg),
			 "let op: '%s' (uit %s) staat niet in het register van %s; vastgelegd zonder "
			 "--by (voeg de persoon toe met 'kngg stakeholder add')",
			 def, src, call->args[0]);
		if (rc == KNGG_EINVALID)
			snprintf(msg, sizeof(msg),
				 "let op: in %s heten meer personen '%s' (uit %s); vastgelegd zonder "
				 "--by (geef --by NUMMER)",
				 call->args[0], def, src);
		cli_message(msg, NULL);
	}
	return EXIT_OK;
}

static int run(kngg_cli *cli, const cmd_def *c, int argc, char **argv, char **pos,
	       given_opt *given)
{
	const cli_sub *s;
	cli_call call = {c, NULL, 0, NULL, NULL};
	char *base = NULL, (*iso)[11] = NULL, code[7];
	int npos, ngiven, rc, min, max;

	rc = scan(c, argc, argv, pos, &npos, given, &ngiven);
	if (rc < 0)
		return EXIT_OK;
	if (rc != EXIT_OK)
		return rc;
	if (!(s = pick_sub(c, pos, npos, given, ngiven, &rc)))
		return rc;
	call.sub = s;
	call.args = s->name ? pos + 1 : pos;
	call.nargs = s->name ? npos - 1 : npos;
	if (!(base = calloc(1, s->size ? s->size : 1)) ||
	    !(iso = calloc((size_t)ngiven + 1, sizeof(*iso)))) {
		free(base);
		return cli_fail("onvoldoende geheugen");
	}
	if ((rc = fill(c, s, given, ngiven, base, iso)) != EXIT_OK)
		goto done;
	cli_args_range(s->args, &min, &max);
	if ((rc = municipality_arg(cli, c, s, &call, min, max, code)) != EXIT_OK ||
	    (rc = default_by(cli, s, &call, base)) != EXIT_OK)
		goto done;
	if (call.nargs < min) {
		char missing[64];

		required_arg(s->args, call.nargs, missing, sizeof(missing));
		if (takes_code(s) && (call.nargs == 0 || !kngg_code_like(call.args[0])))
			rc = cli_sub_usage(c, s,
					   "CODE ontbreekt (de gemeente: CBS-code of naam; een "
					   "standaard zet je met 'kngg config gemeente CODE')");
		else
			rc = cli_sub_usage(c, s, "%s ontbreekt", missing);
		goto done;
	}
	if (call.nargs > max) {
		char label[128];

		cli_sub_label(c, s, label, sizeof(label));
		if (max == 0)
			rc = cli_sub_usage(c, s, "'kngg %s' verwacht geen argumenten", label);
		else
			rc = cli_sub_usage(c, s, "te veel argumenten (vanaf '%s')",
					   call.args[max]);
		goto done;
	}
	call.opts = base;
	rc = s->fn(cli, &call);
done:
	release(s, base);
	free(iso);
	return rc;
}

int cli_dispatch(kngg_cli *cli, int argc, char **argv)
{
	const cmd_def *c = cmd_find(argv[0]);
	char **pos;
	given_opt *given;
	int rc;

	if (!c)
		return cli_usage(NULL, "onbekende opdracht '%s'", argv[0]);
	pos = calloc((size_t)argc, sizeof(*pos));
	given = calloc((size_t)argc, sizeof(*given));
	if (!pos || !given)
		rc = cli_fail("onvoldoende geheugen");
	else
		rc = run(cli, c, argc, argv, pos, given);
	free(pos);
	free(given);
	return rc;
}
