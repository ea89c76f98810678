/*
 * output.c: text layout for the terminal (UTF-8 aware padding and wrapping).
 */
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
	const char *p = text;
	int first = 1;

	while (*p) {
		const char *end = p;
		size_t len, w;

		while (*end && *end != ' ')
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
		while (*p == ' ')
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

void print_csv_field(FILE *f, const char *s, int last)
{
	if (s && strpbrk(s, ",\"\r\n")) {
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
	fputs(last ? "\r\n" : ",", f);
}
