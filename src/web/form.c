/*
 * form.c: application/x-www-form-urlencoded bodies (and nothing else: the
 * server refuses other content types). Strict: a malformed body is refused
 * whole rather than guessed at.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* 1 when s (n bytes) is well-formed UTF-8 without NUL or overlong forms. */
static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		unsigned min, cp;

		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			len = 2, min = 0x80, cp = c & 0x1f;
		else if ((c & 0xf0) == 0xe0)
			len = 3, min = 0x800, cp = c & 0x0f;
		else if ((c & 0xf8) == 0xf0)
			len = 4, min = 0x10000, cp = c & 0x07;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

/* Decodes s[0..n) in place into out; returns the decoded length or -1. */
static long decode(const char *s, size_t n, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			out[o++] = ' ';
		} else if (s[i] == '%') {
			int hi, lo;

			if (i + 2 >= n || (hi = hex_value((unsigned char)s[i + 1])) < 0 ||
			    (lo = hex_value((unsigned char)s[i + 2])) < 0)
				return -1;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	return valid_utf8((const unsigned char *)out, o) ? (long)o : -1;
}

int web_form_parse(web_form *f, const char *body, size_t len)
{
	char *out;
	size_t i = 0;

	memset(f, 0, sizeof(*f));
	if (len == 0)
		return 0;
	/* decoding never grows: one byte more per field for the NUL */
	if (!(out = f->storage = malloc(len * 2 + 2)))
		return -1;
	while (i <= len) {
		size_t end = i, eq;
		long nl, vl;

		while (end < len && body[end] != '&')
			end++;
		if (end > i) {
			if (f->n == WEB_FORM_MAX_FIELDS)
				return -1;
			for (eq = i; eq < end && body[eq] != '='; eq++)
				;
			if ((nl = decode(body + i, eq - i, out)) < 0)
				return -1;
			f->name[f->n] = out;
			out += nl + 1;
			vl = eq < end ? decode(body + eq + 1, end - eq - 1, out) : (*out = '\0', 0);
			if (vl < 0)
				return -1;
			f->value[f->n++] = out;
			out += vl + 1;
		}
		i = end + 1;
	}
	return 0;
}

void web_form_free(web_form *f)
{
	free(f->storage);
	memset(f, 0, sizeof(*f));
}

const char *web_form_get(const web_form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0 && f->value[i][0])
			return f->value[i];
	return NULL;
}

size_t web_form_all(const web_form *f, const char *name, const char **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n && n < max; i++)
		if (strcmp(f->name[i], name) == 0 && f->value[i][0])
			out[n++] = f->value[i];
	return n;
}
