/*
 * text.c: folding, near misses and Dutch dates (util/text.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* The base letters of U+0100..U+017F (Latin Extended-A), lowercase; 'J'
 * stands for "ij" (U+0132, U+0133) and 'O' for "oe" (U+0152, U+0153). */
static const char latin_ext_a[] = "aaaaaa"
				  "cccccccc"
				  "dddd"
				  "eeeeeeeeee"
				  "gggggggg"
				  "hhhh"
				  "iiiiiiiiii"
				  "JJ"
				  "jj"
				  "kkk"
				  "llllllllll"
				  "nnnnnnnnn"
				  "oooooo"
				  "OO"
				  "rrrrrr"
				  "ssssssss"
				  "tttttt"
				  "uuuuuuuuuuuu"
				  "ww"
				  "yyy"
				  "zzzzzz"
				  "s";

/* U+00C0..U+00FF; '*' keeps the character (× and ÷). */
static const char latin_1[] = "aaaaaaAceeeeiiii"
			      "dnooooo*ouuuuyTS"
			      "aaaaaaAceeeeiiii"
			      "dnooooo*ouuuuyTy";

/* Decodes one UTF-8 sequence at p (n bytes left); its length in *len, or
 * -1 when it is not valid UTF-8. */
static long utf8_next(const unsigned char *p, size_t n, size_t *len)
{
	long c;
	size_t need;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		c = p[0] & 0x1f;
		need = 2;
	} else if ((p[0] & 0xf0) == 0xe0) {
		c = p[0] & 0x0f;
		need = 3;
	} else if ((p[0] & 0xf8) == 0xf0) {
		c = p[0] & 0x07;
		need = 4;
	} else {
		return -1;
	}
	if (need > n)
		return -1;
	for (size_t i = 1; i < need; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((need == 2 && c < 0x80) || (need == 3 && c < 0x800) || (need == 4 && c < 0x10000))
		return -1;
	*len = need;
	return c;
}

static void put_base(kngg_buf *out, char base)
{
	if (base == 'J')
		kngg_buf_puts(out, "ij");
	else if (base == 'O')
		kngg_buf_puts(out, "oe");
	else if (base == 'A')
		kngg_buf_puts(out, "ae");
	else if (base == 'T')
		kngg_buf_puts(out, "th");
	else if (base == 'S')
		kngg_buf_puts(out, "ss");
	else if (base == 's' || (base >= 'a' && base <= 'z'))
		kngg_buf_put(out, &base, 1);
}

void kngg_fold(const char *s, kngg_buf *out)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), len;
	int space = 0, any = 0;

	while (n) {
		long c = utf8_next(p, n, &len);

		if (c < 0) {
			len = 1;
			c = -1;
		}
		if (c == ' ' || c == '\t' || c == 0xa0) {
			space = any;
			p += len;
			n -= len;
			continue;
		}
		if (space)
			kngg_buf_put(out, " ", 1);
		space = 0;
		any = 1;
		if (c >= 'A' && c <= 'Z') {
			char lower = (char)(c - 'A' + 'a');

			kngg_buf_put(out, &lower, 1);
		} else if (c >= 0xc0 && c <= 0xff && latin_1[c - 0xc0] != '*') {
			put_base(out, latin_1[c - 0xc0]);
		} else if (c >= 0x100 && c <= 0x17f) {
			put_base(out, latin_ext_a[c - 0x100]);
		} else {
			kngg_buf_put(out, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
	if (!out->ptr)
		kngg_buf_put(out, "", 0);
}

static int fold_cmp(const char *a, const char *b, int ids)
{
	kngg_buf fa = {0}, fb = {0};
	int eq;

	if (!a || !b)
		return 0;
	kngg_fold(a, &fa);
	kngg_fold(b, &fb);
	if (ids) {
		for (size_t i = 0; i < fa.len; i++)
			if (fa.ptr[i] == ' ' || fa.ptr[i] == '_')
				fa.ptr[i] = '-';
		for (size_t i = 0; i < fb.len; i++)
			if (fb.ptr[i] == ' ' || fb.ptr[i] == '_')
				fb.ptr[i] = '-';
	}
	eq = !fa.failed && !fb.failed && strcmp(kngg_buf_cstr(&fa), kngg_buf_cstr(&fb)) == 0;
	kngg_buf_free(&fa);
	kngg_buf_free(&fb);
	return eq;
}

int kngg_fold_eq(const char *a, const char *b)
{
	return fold_cmp(a, b, 0);
}

int kngg_fold_eq_id(const char *a, const char *b)
{
	return fold_cmp(a, b, 1);
}

size_t kngg_fold_distance(const char *a, const char *b, size_t limit)
{
	kngg_buf fa = {0}, fb = {0};
	size_t *row = NULL, la, lb, d;

	kngg_fold(a, &fa);
	kngg_fold(b, &fb);
	la = fa.len;
	lb = fb.len;
	if (fa.failed || fb.failed || (la > lb ? la - lb : lb - la) > limit || la > 1024 ||
	    lb > 1024 || !(row = malloc((lb + 1) * sizeof(*row)))) {
		d = limit + 1;
		goto done;
	}
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0], lowest;

		row[0] = i;
		lowest = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (fa.ptr[i - 1] != fb.ptr[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
			if (best < lowest)
				lowest = best;
		}
		if (lowest > limit) {
			d = limit + 1;
			goto done;
		}
	}
	d = row[lb];
done:
	free(row);
	kngg_buf_free(&fa);
	kngg_buf_free(&fb);
	return d;
}

static size_t near_limit(const char *typed)
{
	size_t n = strlen(typed);

	return n >= 12 ? 3 : n >= 6 ? 2 : 1;
}

int kngg_near_miss(const char *typed, const char *candidate)
{
	size_t limit, d;

	if (!typed || !candidate || !*typed)
		return 0;
	limit = near_limit(typed);
	d = kngg_fold_distance(typed, candidate, limit);
	return d >= 1 && d <= limit;
}

void kngg_suggest_init(kngg_suggest *sg, const char *typed)
{
	memset(sg, 0, sizeof(*sg));
	sg->typed = typed;
}

int kngg_suggest_offer(kngg_suggest *sg, const char *candidate)
{
	size_t limit, d;

	if (!sg->typed || !*sg->typed || !candidate || strlen(candidate) >= sizeof(sg->best))
		return 0;
	limit = near_limit(sg->typed);
	d = kngg_fold_distance(sg->typed, candidate, limit);
	if (d < 1 || d > limit)
		return 0;
	if (sg->has && d == sg->distance) {
		if (!kngg_fold_eq(sg->best, candidate))
			sg->ties++;
		return 0;
	}
	if (sg->has && d > sg->distance)
		return 0;
	snprintf(sg->best, sizeof(sg->best), "%s", candidate);
	sg->has = 1;
	sg->distance = d;
	sg->ties = 0;
	return 1;
}

const char *kngg_suggest_best(const kngg_suggest *sg)
{
	return sg->has && !sg->ties ? sg->best : NULL;
}

/* ---- dates ------------------------------------------------------------------------------ */

static const struct {
	const char *name;
	int month;
} month_names[] = {
	{"januari", 1},   {"jan", 1},  {"februari", 2}, {"feb", 2},	  {"febr", 2},
	{"maart", 3},     {"mrt", 3},  {"mar", 3},      {"maa", 3},	  {"april", 4},
	{"apr", 4},       {"mei", 5},  {"juni", 6},     {"jun", 6},	  {"juli", 7},
	{"jul", 7},       {"augustus", 8}, {"aug", 8},  {"september", 9}, {"sep", 9},
	{"sept", 9},      {"oktober", 10}, {"okt", 10}, {"oct", 10},	  {"november", 11},
	{"nov", 11},      {"december", 12}, {"dec", 12},
};

static int days_in(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* Reads 1 to max digits at *p; -1 when there are none or more. */
static int digits(const char **p, int max, int *count)
{
	int v = 0, n = 0;

	while (**p >= '0' && **p <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	*count = n;
	return n ? v : -1;
}

/* A month's name or abbreviation at *p (folded: any case, a trailing '.'). */
static int month_word(const char **p)
{
	char word[16];
	size_t n = 0;
	const char *q = *p;

	while (((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) && n < sizeof(word) - 1)
		word[n++] = (char)(*q >= 'A' && *q <= 'Z' ? *q - 'A' + 'a' : *q), q++;
	word[n] = '\0';
	if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
		return -1;
	for (size_t i = 0; i < sizeof(month_names) / sizeof(month_names[0]); i++) {
		if (strcmp(word, month_names[i].name) == 0) {
			if (*q == '.')
				q++;
			*p = q;
			return month_names[i].month;
		}
	}
	return -1;
}

static int set_date(int y, int m, int d, char out[11])
{
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days_in(y, m))
		return 0;
	/* the ranges above keep it to 10 characters; the casts tell GCC's
	 * -Wformat-truncation (with -O1 in the Sanitize build) so */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
	return 1;
}

int kngg_date_parse(const char *s, char out[11])
{
	const char *p = s;
	int a, b, c, na, nb, nc;
	char sep;

	out[0] = '\0';
	if (!s)
		return 0;
	if ((a = digits(&p, 4, &na)) < 0)
		return 0;
	if (na == 4) { /* ISO, or Y-M-D with one-digit parts */
		if (*p++ != '-' || (b = digits(&p, 2, &nb)) < 0 || *p++ != '-' ||
		    (c = digits(&p, 2, &nc)) < 0)
			return 0;
		return *p == '\0' && set_date(a, b, c, out);
	}
	if (na > 2)
		return 0;
	/* day first: 1-7-2026, 1/7/2026, 1.7.2026, 1 juli 2026, 1-jul-2026 */
	sep = *p;
	if (sep != '-' && sep != '/' && sep != '.' && sep != ' ')
		return 0;
	while (*p == sep)
		p++;
	if (*p >= '0' && *p <= '9') {
		if (sep == ' ' || (b = digits(&p, 2, &nb)) < 0 || *p++ != sep)
			return 0;
	} else {
		if ((b = month_word(&p)) < 0)
			return 0;
		if (sep == ' ' || sep == '.') {
			if (*p != ' ')
				return 0;
		} else if (*p != sep) {
			return 0;
		}
		while (*p == ' ' || *p == sep)
			p++;
	}
	if ((c = digits(&p, 4, &nc)) < 0 || nc != 4)
		return 0;
	return *p == '\0' && set_date(c, b, a, out);
}

/* ---- amounts ------------------------------------------------------------------ */

#define AMOUNT_MAX_EUROS (INT64_MAX / 100)

static int amount_refuse(const char **why, int64_t *cents, const char *reason)
{
	if (why)
		*why = reason;
	*cents = 0;
	return 0;
}

/* Adds digit d to *v (euros); 0 on overflow. */
static int amount_digit(int64_t *v, char d)
{
	if (*v > (AMOUNT_MAX_EUROS - (d - '0')) / 10)
		return 0;
	*v = *v * 10 + (d - '0');
	return 1;
}

int kngg_amount_parse(const char *s, int64_t *cents, const char **why)
{
	const char *p = s, *comma, *end;
	int64_t euros = 0, frac = 0;
	size_t group = 0;
	int ndigits = 0, dots = 0;

	*cents = 0;
	if (!s)
		return amount_refuse(why, cents, "geen bedrag");
	while (*p == ' ' || *p == '\t')
		p++;
	if (strncmp(p, "\xe2\x82\xac", 3) == 0)
		p += 3;
	else if ((p[0] == 'E' || p[0] == 'e') && (p[1] == 'U' || p[1] == 'u') &&
		 (p[2] == 'R' || p[2] == 'r'))
		p += 3;
	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	if (p < end && *p == '-')
		return amount_refuse(why, cents, "een bedrag kan niet negatief zijn");
	if (p == end)
		return amount_refuse(why, cents, "geen bedrag");
	comma = memchr(p, ',', (size_t)(end - p));
	if (comma && memchr(comma + 1, ',', (size_t)(end - comma - 1)))
		return amount_refuse(why, cents, "meer dan een komma");
	/* the euros: digits, a dot only between groups of three */
	for (const char *q = p; q < (comma ? comma : end); q++) {
		if (*q >= '0' && *q <= '9') {
			if (!amount_digit(&euros, *q))
				return amount_refuse(why, cents, "bedrag te groot");
			ndigits++;
			group++;
		} else if (*q == '.') {
			if (group == 0 || (dots == 0 ? group > 3 : group != 3))
				return amount_refuse(why, cents,
						     "een punt scheidt alleen duizendtallen "
						     "(45.000); centen na een komma (45.000,50)");
			dots++;
			group = 0;
		} else {
			return amount_refuse(why, cents, "alleen cijfers, punten voor duizendtallen "
							 "en een komma voor centen");
		}
	}
	if (ndigits == 0)
		return amount_refuse(why, cents, "geen bedrag");
	if (dots && group != 3)
		return amount_refuse(why, cents,
				     "een punt scheidt alleen duizendtallen (45.000); centen na "
				     "een komma (45.000,50)");
	if (comma) {
		const char *q = comma + 1;
		size_t n = (size_t)(end - q);

		if ((n == 1 && q[0] == '-') || (n == 2 && q[0] == '-' && q[1] == '-')) {
			frac = 0;
		} else if ((n == 1 || n == 2) && q[0] >= '0' && q[0] <= '9' &&
			   (n == 1 || (q[1] >= '0' && q[1] <= '9'))) {
			frac = (q[0] - '0') * 10 + (n == 2 ? q[1] - '0' : 0);
		} else {
			return amount_refuse(why, cents,
					     "na de komma een of twee cijfers voor de centen");
		}
	}
	if (euros == 0 && frac == 0)
		return amount_refuse(why, cents, "een bedrag moet groter dan nul zijn");
	if (euros == AMOUNT_MAX_EUROS && frac > INT64_MAX % 100)
		return amount_refuse(why, cents, "bedrag te groot");
	*cents = euros * 100 + frac;
	if (why)
		*why = NULL;
	return 1;
}

void kngg_amount_nl(int64_t cents, char out[40])
{
	char digits[24], grouped[28];
	uint64_t v = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	size_t n, k = 0;

	n = (size_t)snprintf(digits, sizeof(digits), "%llu", (unsigned long long)(v / 100));
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[k++] = '.';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	snprintf(out, 40, "%s\xe2\x82\xac %s,%02u", cents < 0 ? "-" : "", grouped,
		 (unsigned)(v % 100));
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

void kngg_dates_nl(kngg_buf *out, const char *s, size_t n)
{
	size_t from = 0;

	for (size_t i = 0; i + 10 <= n; i++) {
		char date[11], iso[11], nl[32];

		if (!is_digit(s[i]) || (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '-')) ||
		    s[i + 4] != '-' || s[i + 7] != '-' ||
		    (i + 10 < n && (is_digit(s[i + 10]) || s[i + 10] == '-')))
			continue;
		memcpy(date, s + i, 10);
		date[10] = '\0';
		/* only a day that exists, written as ISO (2026-02-30 stays as it is) */
		if (!kngg_date_parse(date, iso) || strcmp(iso, date) != 0)
			continue;
		kngg_date_nl(iso, nl);
		kngg_buf_put(out, s + from, i - from);
		kngg_buf_puts(out, nl);
		from = i + 10;
		i += 9;
	}
	kngg_buf_put(out, s + from, n - from);
}

int kngg_day_number(const char *date, long *out)
{
	char iso[11];
	long y, m, d, era, yoe, doy, doe;

	/* only a day that exists, written as ISO */
	if (!date || !kngg_date_parse(date, iso) || strcmp(iso, date) != 0)
		return -1;
	y = atol(iso);
	m = atol(iso + 5);
	d = atol(iso + 8);
	/* H. Hinnant's days_from_civil (proleptic Gregorian) */
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = era * 146097 + doe - 719468;
	return 0;
}
