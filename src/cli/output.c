/*
 * output.c: text layout for the terminal (UTF-8 aware padding and wrapping)
 * and the one-line messages on stderr.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

#define WRAP_WIDTH 78

/* Display columns of a UTF-8 string: one per code point. */
size_t utf8_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void print_padded(FILE *f, const char *s, size_t width)
{
	size_t w = utf8_width(s);

	fputs(s, f);
	for (; w < width; w++)
		fputc(' ', f);
}

static void spaces(FILE *f, size_t n)
{
	while (n--)
		fputc(' ', f);
}

void print_wrapped_at(FILE *f, const char *text, size_t col, size_t indent)
{
	print_wrapped_by(f, text, ' ', col, indent);
}

void print_wrapped_by(FILE *f, const char *text, char sep, size_t col, size_t indent)
{
	const char *p = text;
	int first = 1;

	while (*p) {
		const char *end = p;
		size_t len, w;

		while (*end && *end != sep)
			end++;
		len = (size_t)(end - p);
		{
			char word[len + 1];

			memcpy(word, p, len);
			word[len] = '\0';
			w = utf8_width(word);
			if (!first && col + 1 + w > WRAP_WIDTH) {
				fputc('\n', f);
				spaces(f, indent);
				col = indent;
			} else if (!first) {
				fputc(' ', f);
				col++;
			}
			fputs(word, f);
			col += w;
			first = 0;
		}
		p = end;
		while (*p == sep)
			p++;
	}
	fputc('\n', f);
}

void print_wrapped(FILE *f, const char *text, size_t indent, size_t first_indent)
{
	size_t ind = first_indent ? first_indent : indent;

	spaces(f, ind);
	print_wrapped_at(f, text, ind, indent);
}

void print_bullet(FILE *f, const char *text, size_t indent)
{
	spaces(f, indent);
	fputs("- ", f);
	print_wrapped_at(f, text, indent + 2, indent + 2);
}

/* The separator of CSV output (--separator), set by cli_sheet_check. */
static char csv_sep = ',';

void print_csv_field(FILE *f, const char *s, int last)
{
	if (s && (strchr(s, csv_sep) || strpbrk(s, "\"\r\n"))) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else if (s) {
		fputs(s, f);
	}
	if (last)
		fputs("\r\n", f);
	else
		fputc(csv_sep, f);
}

/* ---- tables out: --format csv|xlsx ------------------------------------------------ */

int cli_sheet_check(const char *cmd, const char *format, const cli_sheet_opts *o)
{
	const char *sep = o->separator;
	int csv = strcmp(format, "csv") == 0, xlsx = strcmp(format, "xlsx") == 0;

	if (sep && !csv)
		return cli_usage(cmd, "--separator hoort bij --format csv");
	if (o->bom && !csv)
		return cli_usage(cmd, "--bom hoort bij --format csv");
	if ((o->output || o->force) && !xlsx)
		return cli_usage(cmd, "%s hoort bij --format xlsx", o->output ? "-o" : "--force");
	if (xlsx && !o->output)
		return cli_usage(cmd, "--format xlsx schrijft een Excel-bestand, geen tekst; geef -o "
				 "BESTAND.xlsx");
	if (!sep || strcmp(sep, ",") == 0)
		csv_sep = ',';
	else if (strcmp(sep, ";") == 0)
		csv_sep = ';';
	else if (strcmp(sep, "tab") == 0 || strcmp(sep, "\t") == 0)
		csv_sep = '\t';
	else
		return cli_usage(cmd, "onbekend scheidingsteken '%s' bij --separator (kies ';', ',' "
				 "of tab)", sep);
	return EXIT_OK;
}

void cli_csv_start(FILE *f, const cli_sheet_opts *o)
{
	if (o->bom)
		fputs("\xEF\xBB\xBF", f);
}

int cli_tables_write(const kngg_table *const *tabs, size_t n, const char *format,
		     const cli_sheet_opts *o)
{
	if (strcmp(format, "xlsx") == 0) {
		const kngg_sheet_module *m = cli_sheet();

		if (!m || m->xlsx_write(tabs, n, o->output, o->force, cli_print_diag, NULL) < 0)
			return EXIT_FAIL;
		fprintf(stderr, "%s geschreven\n", o->output);
		return EXIT_OK;
	}
	/* CSV holds one table: the first */
	cli_csv_start(stdout, o);
	for (size_t c = 0; n && c < tabs[0]->ncols; c++)
		print_csv_field(stdout, tabs[0]->head[c], c + 1 == tabs[0]->ncols);
	for (size_t r = 0; n && r < tabs[0]->nrows; r++)
		for (size_t c = 0; c < tabs[0]->ncols; c++)
			print_csv_field(stdout, kngg_table_cell(tabs[0], r, c)->text,
					c + 1 == tabs[0]->ncols);
	return EXIT_OK;
}

int cli_table_write(const kngg_table *t, const char *format, const cli_sheet_opts *o)
{
	return cli_tables_write(&t, 1, format, o);
}

/*
 * Writes "kngg: " and the message as one line on stderr. Whatever the
 * message echoes (an id, a name, a path someone typed) stays on that line
 * and cannot steer the terminal: control characters, including newlines
 * and escape sequences, and the C1 controls U+0080-U+009F are shown as
 * \n, \t or \xHH.
 */
void cli_message(const char *msg, const char *tail)
{
	const unsigned char *p = (const unsigned char *)msg;

	fputs("kngg: ", stderr);
	for (; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stderr);
		else if (*p == '\t')
			fputs("\\t", stderr);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(stderr, "\\x%02x", *++p);
		else
			fputc(*p, stderr);
	}
	fputs(tail ? tail : "", stderr);
	fputc('\n', stderr);
}

static void vmessage(const char *fmt, va_list ap, const char *tail)
{
	char small[1024], *big = NULL;
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small) && (big = malloc((size_t)n + 1)) != NULL)
		vsnprintf(big, (size_t)n + 1, fmt, copy);
	va_end(copy);
	cli_message(big ? big : small, tail);
	free(big);
}

int cli_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(fmt, ap, NULL);
	va_end(ap);
	return EXIT_FAIL;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	char tail[96];
	va_list ap;

	if (cmd)
		snprintf(tail, sizeof(tail), " (zie 'kngg help %s')", cmd);
	else
		snprintf(tail, sizeof(tail), " (zie 'kngg help')");
	va_start(ap, fmt);
	vmessage(fmt, ap, tail);
	va_end(ap);
	return EXIT_USAGE;
}

/* ---- fitting into 80 columns ---------------------------------------------------------- */

char *cut_to_width(char *s, size_t width)
{
	size_t cols = 0;
	char *p;

	if (utf8_width(s) <= width)
		return s;
	for (p = s; *p; p++) {
		if (((unsigned char)*p & 0xc0) == 0x80)
			continue;
		if (++cols == width) /* the last column is the ellipsis */
			break;
	}
	if (*p)
		memcpy(p, "\xe2\x80\xa6", 4); /* U+2026 */
	return s;
}

void print_cut(FILE *f, const char *s, size_t width, int pad)
{
	size_t len = strlen(s);
	char *copy = malloc(len + 4);

	if (!copy) {
		fputs(s, f);
		return;
	}
	memcpy(copy, s, len + 1);
	cut_to_width(copy, width);
	if (pad)
		print_padded(f, copy, width);
	else
		fputs(copy, f);
	free(copy);
}

void print_table(FILE *f, const cli_column *cols, size_t ncols, const char *const *cells,
		 size_t nrows, size_t indent, int wide)
{
	size_t w[ncols], total = indent, shown = 0;

	for (size_t c = 0; c < ncols; c++) {
		w[c] = 0;
		if (cols[c].wide && !wide)
			continue;
		w[c] = utf8_width(cols[c].head);
		for (size_t r = 0; r < nrows; r++)
			if (cells[r * ncols + c] && utf8_width(cells[r * ncols + c]) > w[c])
				w[c] = utf8_width(cells[r * ncols + c]);
		total += w[c] + (shown++ ? 2 : 0);
	}
	/* narrow: shorten the column with the most to spare, one column at a time */
	while (!wide && total > CLI_COLUMNS) {
		size_t best = ncols, spare = 0;

		for (size_t c = 0; c < ncols; c++)
			if (cols[c].min && (!cols[c].wide) && w[c] > cols[c].min &&
			    w[c] - cols[c].min > spare) {
				spare = w[c] - cols[c].min;
				best = c;
			}
		if (best == ncols)
			break;
		w[best]--;
		total--;
	}
	for (size_t r = 0; r <= nrows; r++) {
		size_t pending = indent; /* spaces owed: written before the next text only */

		for (size_t c = 0, n = 0; c < ncols; c++) {
			const char *s = r ? cells[(r - 1) * ncols + c] : cols[c].head;
			size_t sw;

			if (cols[c].wide && !wide)
				continue;
			if (n++)
				pending += 2;
			if (!s)
				s = "";
			sw = utf8_width(s) < w[c] ? utf8_width(s) : w[c];
			if (cols[c].right)
				pending += w[c] - sw;
			if (*s) {
				spaces(f, pending);
				pending = 0;
				print_cut(f, s, w[c], 0);
			}
			if (!cols[c].right)
				pending += w[c] - sw;
		}
		fputc('\n', f);
	}
}

/* Where a shell command may be broken: the space before a word, outside
 * quotes; an option and its value stay together. */
static size_t next_word(const char *s)
{
	size_t i = 0, start;
	char quote = 0;
	int option;

	while (s[i] == ' ')
		i++;
	start = i;
	option = s[i] == '-' && s[i + 1] == '-';
	for (; s[i]; i++) {
		if (quote) {
			if (s[i] == '\\' && s[i + 1])
				i++;
			else if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			quote = s[i];
		} else if (s[i] == ' ') {
			if (option && s[i + 1] && s[i + 1] != '-' && i > start) {
				option = 0; /* its value follows */
				continue;
			}
			break;
		}
	}
	return i;
}

void print_command(FILE *f, const char *lead, const char *cmd, size_t indent)
{
	size_t col = indent + utf8_width(lead);
	int first = 1;

	spaces(f, indent);
	fputs(lead, f);
	while (*cmd) {
		size_t len = next_word(cmd);
		char word[len + 1];
		size_t w;

		memcpy(word, cmd, len);
		word[len] = '\0';
		cmd += len;
		w = utf8_width(word) - (word[0] == ' ');
		/* the word with its space, and room for " \\" when more follows */
		if (!first && col + 1 + w + (*cmd ? 2 : 0) > CLI_COLUMNS) {
			fputs(" \\\n", f);
			spaces(f, indent + utf8_width(lead) + 2);
			col = indent + utf8_width(lead) + 2;
			fputs(word + (word[0] == ' '), f);
			col += w;
		} else {
			fputs(word, f);
			col += utf8_width(word);
		}
		first = 0;
	}
	fputc('\n', f);
}
