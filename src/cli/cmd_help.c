/*
 * cmd_help.c: `kngg help [COMMAND]`, the overview of all commands and the
 * help of one, generated from the command table.
 */
#include <string.h>

#include "cli/cli.h"

#define LABEL_MAX 24  /* wider option labels put their text on the next line */

static void spaces(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

/* Prints one usage line after prefix, wrapped between its tokens; the
 * further lines start under the first argument. */
static void print_usage(FILE *f, const char *prefix, const cmd_def *c, const cli_sub *s)
{
	char line[1024];
	size_t col = strlen(prefix), indent = col + strlen("kngg ") + strlen(c->name) + 1;

	if (s->name)
		indent += strlen(s->name) + 1;
	if (indent > 40)
		indent = col + strlen("kngg ");
	cli_usage_line(c, s, '\t', line, sizeof(line));
	fputs(prefix, f);
	print_wrapped_by(f, line, '\t', col, indent);
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether an option that looks the same (name, value, text) came earlier. */
static int seen_before(const cmd_def *c, const cli_sub *upto, const cli_option *o)
{
	for (const cli_sub *s = c->subs; s->fn; s++) {
		for (const cli_option *p = s->opts; p && p->name; p++) {
			if (p == o)
				return 0;
			if (same(p->name, o->name) && same(p->metavar, o->metavar) &&
			    same(p->help, o->help))
				return 1;
		}
		if (s == upto)
			break;
	}
	return 0;
}

static void option_label(const cli_option *o, char *buf, size_t size)
{
	int n;

	if (o->short_name)
		n = snprintf(buf, size, "-%c, --%s", o->short_name, o->name);
	else
		n = snprintf(buf, size, "--%s", o->name);
	if (n > 0 && (size_t)n < size && o->kind != CLI_FLAG)
		snprintf(buf + n, size - (size_t)n, " %s%s", o->metavar ? o->metavar : "WAARDE",
			 o->kind == CLI_MULTI ? "..." : "");
}

static void print_options(FILE *f, const cmd_def *c)
{
	char label[128];
	size_t width = 0;
	int any = 0;

	for (const cli_sub *s = c->subs; s->fn; s++) {
		for (const cli_option *o = s->opts; o && o->name; o++) {
			if (seen_before(c, s, o))
				continue;
			option_label(o, label, sizeof(label));
			if (utf8_width(label) <= LABEL_MAX && utf8_width(label) > width)
				width = utf8_width(label);
			any = 1;
		}
	}
	if (!any)
		return;
	fputs("\nOpties:\n", f);
	for (const cli_sub *s = c->subs; s->fn; s++) {
		for (const cli_option *o = s->opts; o && o->name; o++) {
			size_t w;

			if (seen_before(c, s, o))
				continue;
			option_label(o, label, sizeof(label));
			w = utf8_width(label);
			fprintf(f, "  %s", label);
			if (w > width) {
				fputc('\n', f);
				print_wrapped(f, o->help ? o->help : "", 2 + width + 2, 0);
			} else {
				spaces(f, width - w + 2);
				print_wrapped_at(f, o->help ? o->help : "", 2 + width + 2, 2 + width + 2);
			}
		}
	}
}

/* The subcommands with what each does, when there is more than one. */
static void print_subs(FILE *f, const cmd_def *c)
{
	char label[128];
	size_t width = 0, n = 0;

	for (const cli_sub *s = c->subs; s->fn; s++, n++) {
		cli_sub_label(c, s, label, sizeof(label));
		if (utf8_width(label) > width)
			width = utf8_width(label);
	}
	if (n < 2)
		return;
	width -= strlen(c->name) + 1;
	fputs("\nOpdrachten:\n", f);
	for (const cli_sub *s = c->subs; s->fn; s++) {
		const char *l;

		cli_sub_label(c, s, label, sizeof(label));
		l = label + strlen(c->name) + (label[strlen(c->name)] == ' ');
		fputs("  ", f);
		print_padded(f, l, width + 2);
		print_wrapped_at(f, s->summary ? s->summary : "", 2 + width + 2, 2 + width + 2);
	}
}

void cli_print_help(FILE *f, const cmd_def *c)
{
	char summary[512];

	for (const cli_sub *s = c->subs; s->fn; s++)
		print_usage(f, s == c->subs ? "gebruik: " : "   of:   ", c, s);
	snprintf(summary, sizeof(summary), "%s.", c->summary);
	fputc('\n', f);
	print_wrapped(f, summary, 0, 0);
	print_subs(f, c);
	print_options(f, c);
	if (c->help && *c->help)
		fprintf(f, "\n%s", c->help);
}

void cli_print_overview(FILE *f)
{
	fputs("kngg: volg de lokale aanpak Kind naar Gezonder Gewicht stap voor stap\n\n"
	      "gebruik: kngg [--phases MAP] [--db BESTAND] OPDRACHT [ARGUMENTEN]\n\n"
	      "Opdrachten:\n", f);
	for (const cmd_def *c = kngg_commands; c->name; c++) {
		fputs("  ", f);
		print_padded(f, c->name, 14);
		print_wrapped_at(f, c->summary, 16, 16);
	}
	fputs("\nAlgemene opties (vóór de opdracht):\n"
	      "  --phases MAP   definities uit MAP (anders KNGG_PHASES, anders de\n"
	      "                 geïnstalleerde definities)\n"
	      "  --db BESTAND   database (anders KNGG_DB, anders ./kngg.db)\n"
	      "  --version      toon de versie\n"
	      "  --help         deze hulp\n\n"
	      "Meer over één opdracht: kngg help OPDRACHT\n", f);
}

static int help(kngg_cli *cli, const cli_call *call)
{
	const cmd_def *c;

	(void)cli;
	if (call->nargs == 0) {
		cli_print_overview(stdout);
		return EXIT_OK;
	}
	if (!(c = cmd_find(call->args[0])))
		return cli_usage(NULL, "onbekende opdracht '%s'", call->args[0]);
	cli_print_help(stdout, c);
	return EXIT_OK;
}

const cli_sub cmd_help_subs[] = {
	{NULL, NULL, "[OPDRACHT]", help, NULL, 0, NULL, NULL},
	CLI_SUB_END,
};
