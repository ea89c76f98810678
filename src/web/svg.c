/*
 * svg.c: the charts of the web interface as inline SVG (see svg.h).
 *
 * Coordinates are user units of the viewBox, printed with one decimal
 * ('.' as the server never calls setlocale); the charts scale through CSS.
 * Every text and link of the caller goes through put_text, which escapes
 * it and keeps the output well-formed XML whatever the bytes. Colours,
 * fonts and dash patterns are classes defined in web/svg.css.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"
#include "web/svg.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define ELLIPSIS "\xe2\x80\xa6"    /* … */
#define REPLACEMENT "\xef\xbf\xbd" /* U+FFFD */
#define DASH " \xe2\x80\x94 "      /* " — " */

/* ---- text ------------------------------------------------------------------- */

/* Length of the UTF-8 sequence at p (n > 0 bytes left), its code point in
 * *cp; 0 when invalid (bad lead byte, short, overlong, surrogate, too big). */
static size_t utf8_next(const unsigned char *p, size_t n, unsigned long *cp)
{
	static const unsigned long least[] = {0, 0, 0x80, 0x800, 0x10000};
	size_t len;
	unsigned long c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0)
		len = 2, c = p[0] & 0x1F;
	else if ((p[0] & 0xF0) == 0xE0)
		len = 3, c = p[0] & 0x0F;
	else if ((p[0] & 0xF8) == 0xF0)
		len = 4, c = p[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Bytes of the character at p; an invalid byte counts as one character. */
static size_t char_len(const unsigned char *p, size_t n)
{
	unsigned long cp;
	size_t len = utf8_next(p, n, &cp);

	return len ? len : 1;
}

/* Appends n bytes as escaped XML text; control characters become spaces,
 * invalid UTF-8 and the non-characters XML forbids U+FFFD. */
static void put_clean(kngg_buf *b, const unsigned char *s, size_t n)
{
	size_t start = 0, i = 0;

	while (i < n) {
		unsigned long cp = 0;
		size_t len = utf8_next(s + i, n - i, &cp);
		const char *rep = NULL;

		if (len == 0)
			rep = REPLACEMENT, len = 1;
		else if (cp < 0x20)
			rep = " ";
		else if (cp == 0xFFFE || cp == 0xFFFF)
			rep = REPLACEMENT;
		if (rep) {
			kngg_buf_put_xml(b, (const char *)s + start, i - start);
			kngg_buf_puts(b, rep);
			start = i + len;
		}
		i += len;
	}
	kngg_buf_put_xml(b, (const char *)s + start, n - start);
}

/* Appends s (NULL: nothing) as text. With max > 0 a string of more than
 * max characters is cut at a character boundary after max - 1 of them
 * (trailing spaces dropped) and ends in an ellipsis. */
static void put_text(kngg_buf *b, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, keep = 0;

	for (size_t count = 0; i < n && (max == 0 || count < max); count++) {
		if (count + 1 == max)
			keep = i;
		i += char_len(p + i, n - i);
	}
	if (i >= n) {
		put_clean(b, p, n);
		return;
	}
	while (keep > 0 && p[keep - 1] == ' ')
		keep--;
	put_clean(b, p, keep);
	kngg_buf_puts(b, ELLIPSIS);
}

/* Two lines of at most max1 and max2 characters: the first ends at its
 * last space that fits (or, without one, after max1 characters), the
 * second takes the rest, cut with an ellipsis where it is too long. Returns
 * the bytes of s on the first line in *len1 and where the second starts
 * (0: s fits on one line). */
static size_t line_break(const char *s, size_t max1, size_t *len1)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, count = 0, space = 0;

	while (i < n && count < max1) {
		if (p[i] == ' ')
			space = i;
		i += char_len(p + i, n - i);
		count++;
	}
	if (i >= n) {
		*len1 = n;
		return 0;
	}
	if (p[i] == ' ')
		space = i;
	*len1 = space ? space : i;
	while (*len1 > 0 && p[*len1 - 1] == ' ')
		(*len1)--;
	i = space ? space : i;
	while (i < n && p[i] == ' ')
		i++;
	return i < n ? i : 0;
}

/* A <text> with s on one line, or two <text>s, the second dy lower. */
static void put_lines(kngg_buf *b, double x, double y, double dy, const char *cls,
		      const char *s, size_t max1, size_t max2)
{
	size_t len1, next = line_break(s, max1, &len1);

	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">", x, y, cls);
	put_clean(b, (const unsigned char *)(s ? s : ""), len1);
	kngg_buf_puts(b, "</text>");
	if (next) {
		kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"%s\">", x, y + dy, cls);
		put_text(b, s + next, max2);
		kngg_buf_puts(b, "</text>");
	}
}

/* A date as Dutch people write it ("1 juli 2026"; not an ISO date: as it
 * is), cut to max characters (0: all). */
static void put_date(kngg_buf *b, const char *date, size_t max)
{
	char nl[32];

	kngg_date_nl(date ? date : "", nl);
	put_text(b, nl, max);
}

/* <text x y [text-anchor] class>s</text>, s cut to max characters (0: all). */
static void put_label(kngg_buf *b, double x, double y, const char *anchor, const char *cls,
		      const char *s, size_t max)
{
	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
	if (anchor)
		kngg_buf_printf(b, " text-anchor=\"%s\"", anchor);
	kngg_buf_printf(b, " class=\"%s\">", cls);
	put_text(b, s, max);
	kngg_buf_puts(b, "</text>");
}

static void link_open(kngg_buf *b, const char *href)
{
	if (!href)
		return;
	kngg_buf_puts(b, "<a href=\"");
	put_text(b, href, 0);
	kngg_buf_puts(b, "\">");
}

static void link_close(kngg_buf *b, const char *href)
{
	if (href)
		kngg_buf_puts(b, "</a>");
}

/* ---- frame ------------------------------------------------------------------ */

/* 32-bit FNV-1a, continued from h: a stable short hash for the chart's id. */
static unsigned long fnv1a_from(unsigned long h, const char *s)
{
	for (; s && *s; s++)
		h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xFFFFFFFFUL;
	return h;
}

static unsigned long fnv1a(const char *s)
{
	return fnv1a_from(2166136261UL, s);
}

/* The root element, id "svg-KIND-HASH" (svg.h). A chart with links is a
 * group, not an img: an img's children are presentational, so links in it
 * would be interactive content nested in a non-interactive control. The
 * caller appends the <title> text and "</title>". */
static void svg_open_id(kngg_buf *b, const char *kind, unsigned long id, int links, double w,
			double h)
{
	kngg_buf_printf(b,
			"<svg xmlns=\"" SVG_NS "\" class=\"kngg-chart kngg-%s\" "
			"viewBox=\"0 0 %.1f %.1f\" role=\"%s\" aria-labelledby=\"svg-%s-%08lx\">"
			"<title id=\"svg-%s-%08lx\">",
			kind, w, h, links ? "group" : "img", kind, id, kind, id);
}

/* The root element and its <title>. */
static void svg_open(kngg_buf *b, const char *kind, const char *title, int links, double w,
		     double h)
{
	svg_open_id(b, kind, fnv1a(title), links, w, h);
	put_text(b, title, 0);
	kngg_buf_puts(b, "</title>");
}

static void svg_rect(kngg_buf *b, double x, double y, double w, double h, const char *cls)
{
	kngg_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"%s\"/>",
			x, y, w, h, cls);
}

static void svg_line(kngg_buf *b, double x1, double y1, double x2, double y2, const char *cls)
{
	kngg_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>",
			x1, y1, x2, y2, cls);
}

/* An empty chart: just a message, so the page keeps its shape. */
static void svg_empty(kngg_buf *b, const char *kind, const char *title, const char *msg)
{
	svg_open(b, kind, title, 0, 320, 60);
	put_label(b, 160, 35, "middle", "chart-empty", msg, 0);
	kngg_buf_puts(b, "</svg>");
}

/* Integer scale lo..hi with hi > lo afterwards (swapped or widened). */
static void scale_fix(int *lo, int *hi)
{
	if (*hi < *lo) {
		int t = *lo;

		*lo = *hi;
		*hi = t;
	}
	if (*hi == *lo && *hi < INT_MAX)
		(*hi)++;
	else if (*hi == *lo)
		(*lo)--;
}

/* Gridline step so that a scale shows at most about ten lines. */
static int scale_step(int lo, int hi)
{
	long step = ((long)hi - lo + 9) / 10;

	return step > 1 ? (int)step : 1;
}

/* The next gridline after v: v + step, but max itself is never skipped. */
static long scale_next(long v, int step, int max)
{
	return v < max && v + step > max ? max : v + step;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* ---- roadmap ---------------------------------------------------------------- */

enum {
	RM_MARGIN = 10,  /* around a phase */
	RM_COLW = 240,   /* a phase column */
	RM_HEADH = 80,   /* the phase header: number, title on two lines, "huidige fase" */
	RM_PAD = 8,      /* inside a column */
	RM_RUNH = 22,    /* a run's label */
	RM_BOXH = 44,    /* a step box with its title on one line */
	RM_LINEH = 15,   /* one more line of title */
	RM_BOXGAP = 6,   /* below a step box */
	RM_RUNGAP = 8,   /* below a run */
	RM_TITLE = 28,   /* characters of a phase title */
	RM_STEP = 27,    /* characters of a step title beside its id */
	RM_STEP2 = 31,   /* characters of its second line */
	RM_LABEL = 30    /* characters of a run label */
};

static const char *rm_state_class(kngg_step_state s)
{
	switch (s) {
	case KNGG_STATE_STARTED: return "rm-started";
	case KNGG_STATE_DONE: return "rm-done";
	case KNGG_STATE_REOPENED: return "rm-reopened";
	default: return "rm-not-started";
	}
}

/* A mark in front of the state name, so the state does not hang on colour. */
static const char *rm_state_mark(kngg_step_state s)
{
	switch (s) {
	case KNGG_STATE_STARTED: return "\xe2\x96\xb6 ";  /* ▶ */
	case KNGG_STATE_DONE: return "\xe2\x9c\x93 ";     /* ✓ */
	case KNGG_STATE_REOPENED: return "\xe2\x86\xba "; /* ↺ */
	default: return "";
	}
}

/* The characters of a step's title that fit beside its id: long ids
 * (3.netwerkorganisatie) leave less room. */
static size_t rm_title_room(const web_svg_step *s)
{
	size_t id_len = s->id ? strlen(s->id) : 0;

	return id_len + 7 < RM_STEP ? RM_STEP - id_len + 3 : 6;
}

/* A step box's height: a second line when the title does not fit. */
static double rm_box_height(const web_svg_step *s)
{
	size_t len1;

	return RM_BOXH + (line_break(s->title, rm_title_room(s), &len1) ? RM_LINEH : 0);
}

static double rm_body_height(const web_svg_phase *p)
{
	double h = 0;

	for (size_t r = 0; p->runs && r < p->nruns; r++) {
		const web_svg_run *run = &p->runs[r];

		if (run->label)
			h += RM_RUNH;
		for (size_t i = 0; run->steps && i < run->nsteps; i++)
			h += rm_box_height(&run->steps[i]) + RM_BOXGAP;
		h += RM_RUNGAP;
	}
	return h;
}

/* The tooltip: "1.3 Titel — afgerond op 2026-05-01". */
static void rm_step_title(kngg_buf *b, const web_svg_step *s)
{
	kngg_buf_puts(b, "<title>");
	put_text(b, s->id, 0);
	kngg_buf_puts(b, " ");
	put_text(b, s->title, 0);
	kngg_buf_puts(b, DASH);
	kngg_buf_puts(b, kngg_step_state_name(s->state));
	if (s->date && s->state != KNGG_STATE_NOT_STARTED) {
		kngg_buf_puts(b, " op ");
		put_date(b, s->date, 0);
	}
	kngg_buf_puts(b, "</title>");
}

/* A step box: the id and title (on two lines when it is long), then the
 * state with its mark and date. Returns the box's height. */
static double rm_step(kngg_buf *b, const web_svg_step *s, double x, double y)
{
	double h = rm_box_height(s);
	size_t len1, next = line_break(s->title, rm_title_room(s), &len1);

	link_open(b, s->href);
	kngg_buf_printf(b, "<g class=\"rm-step %s\">", rm_state_class(s->state));
	rm_step_title(b, s);
	kngg_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" rx=\"4\" "
			   "class=\"rm-box\"/>",
			x, y, RM_COLW - 2 * RM_PAD, h);
	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"rm-name\"><tspan class=\"rm-id\">",
			x + 8, y + 18);
	put_text(b, s->id, 20);
	kngg_buf_puts(b, "</tspan> ");
	put_clean(b, (const unsigned char *)(s->title ? s->title : ""), len1);
	kngg_buf_puts(b, "</text>");
	if (next) {
		kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"rm-name\">", x + 8,
				y + 18 + RM_LINEH);
		put_text(b, s->title + next, RM_STEP2);
		kngg_buf_puts(b, "</text>");
	}
	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"rm-date\">%s%s", x + 8,
			y + h - 8, rm_state_mark(s->state), kngg_step_state_name(s->state));
	if (s->date && s->state != KNGG_STATE_NOT_STARTED) {
		kngg_buf_puts(b, " ");
		put_date(b, s->date, 18);
	}
	kngg_buf_puts(b, "</text></g>");
	link_close(b, s->href);
	return h;
}

static void rm_header(kngg_buf *b, const web_svg_phase *p, double x)
{
	kngg_buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" "
			   "class=\"rm-head\"/>",
			x, RM_MARGIN, RM_COLW, RM_HEADH);
	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" class=\"rm-head-text rm-phase-no\">Fase %d</text>",
			x + 10, RM_MARGIN + 20, p->number);
	put_lines(b, x + 10, RM_MARGIN + 38, 15, "rm-head-text rm-phase-title", p->title, RM_TITLE,
		  RM_TITLE);
	if (p->current)
		put_label(b, x + 10, RM_MARGIN + 72, NULL, "rm-head-text rm-now",
			  "\xe2\x97\x8f huidige fase", 0); /* ● */
}

static void rm_column(kngg_buf *b, const web_svg_phase *p, double x, double colh)
{
	double y = RM_MARGIN + RM_HEADH + RM_PAD;

	kngg_buf_printf(b, "<g class=\"rm-phase%s\">", p->current ? " rm-current" : "");
	kngg_buf_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%d\" height=\"%.1f\" rx=\"4\" "
			   "class=\"rm-col\"/>",
			x, RM_MARGIN, RM_COLW, colh);
	rm_header(b, p, x);
	for (size_t r = 0; p->runs && r < p->nruns; r++) {
		const web_svg_run *run = &p->runs[r];

		if (run->label) {
			put_label(b, x + RM_PAD, y + 15, NULL, "rm-run", run->label, RM_LABEL);
			y += RM_RUNH;
		}
		for (size_t i = 0; run->steps && i < run->nsteps; i++)
			y += rm_step(b, &run->steps[i], x + RM_PAD, y) + RM_BOXGAP;
		y += RM_RUNGAP;
	}
	kngg_buf_puts(b, "</g>");
}

static int rm_has_links(const web_svg_phase *p)
{
	for (size_t r = 0; p->runs && r < p->nruns; r++)
		for (size_t i = 0; p->runs[r].steps && i < p->runs[r].nsteps; i++)
			if (p->runs[r].steps[i].href)
				return 1;
	return 0;
}

/* One phase as its own <svg>, titled "Fase N: title"; its id hashes the
 * roadmap's title and the phase's place, so it differs per phase. */
static void rm_phase(kngg_buf *b, const char *title, const web_svg_phase *p, size_t i)
{
	double colh = RM_HEADH + RM_PAD + rm_body_height(p);
	char place[24];

	snprintf(place, sizeof place, "\x1f%zu", i);
	svg_open_id(b, "roadmap", fnv1a_from(fnv1a(title), place), rm_has_links(p),
		    2.0 * RM_MARGIN + RM_COLW, 2.0 * RM_MARGIN + colh);
	kngg_buf_printf(b, "Fase %d: ", p->number);
	put_text(b, p->title, 0);
	kngg_buf_puts(b, "</title>");
	rm_column(b, p, RM_MARGIN, colh);
	kngg_buf_puts(b, "</svg>");
}

void web_svg_roadmap(kngg_buf *b, const char *title, const web_svg_phase *phases, size_t n)
{
	kngg_buf_puts(b, "<div class=\"kngg-roadmap\" role=\"group\" aria-label=\"");
	put_text(b, title, 0);
	kngg_buf_puts(b, "\">");
	if (!phases || n == 0)
		svg_empty(b, "roadmap", title, "geen fasen");
	for (size_t i = 0; phases && i < n; i++)
		rm_phase(b, title, &phases[i], i);
	kngg_buf_puts(b, "</div>");
}

/* ---- radar ------------------------------------------------------------------ */

enum {
	RD_W = 860,
	RD_CX = 430,
	RD_CY = 190,
	RD_R = 150,        /* the outer ring */
	RD_LEGEND_Y = 392, /* first legend row */
	RD_LEGEND_COLW = 230,
	RD_LEGEND_ROWH = 22,
	RD_LEGEND_COLS = 3,
	RD_AXIS = 34,      /* characters of an axis label */
	RD_SERIES = 6      /* series-0 .. series-5 */
};

typedef struct {
	double x, y;
} rd_pt;

/* cos and sin of a fraction of a turn. A series instead of libm: after
 * reduction to [-pi, pi] twelve terms are exact far beyond the 0.1 the
 * output shows, and the program needs no -lm for one chart. */
static void turn_cos_sin(double frac, double *c, double *s)
{
	const double pi = 3.14159265358979323846;
	double a, a2, term;

	frac -= (double)(long)frac;
	if (frac > 0.5)
		frac -= 1;
	else if (frac < -0.5)
		frac += 1;
	a = 2 * pi * frac;
	a2 = a * a;
	*s = term = a;
	for (int k = 1; k < 12; k++) {
		term *= -a2 / ((2.0 * k) * (2.0 * k + 1));
		*s += term;
	}
	*c = term = 1;
	for (int k = 1; k < 12; k++) {
		term *= -a2 / ((2.0 * k - 1) * (2.0 * k));
		*c += term;
	}
}

/* Axis i of n (the first at the top, clockwise), at fraction f of the radius. */
static rd_pt rd_point(size_t i, size_t n, double f)
{
	double c, s;
	rd_pt p;

	turn_cos_sin((double)i / (double)n - 0.25, &c, &s);
	p.x = RD_CX + RD_R * f * c;
	p.y = RD_CY + RD_R * f * s;
	return p;
}

/* The radius fraction of score v: min sits on the innermost ring, not the
 * centre, so the centre can only mean "not scored". */
static double rd_frac(int v, int min, int max)
{
	return ((double)clamp(v, min, max) - min + 1) / ((double)max - min + 1);
}

static void rd_ring(kngg_buf *b, size_t naxes, double f)
{
	if (naxes < 3) {
		kngg_buf_printf(b, "<circle cx=\"%d\" cy=\"%d\" r=\"%.1f\" class=\"rd-ring\"/>", RD_CX,
				RD_CY, RD_R * f);
		return;
	}
	kngg_buf_puts(b, "<polygon class=\"rd-ring\" points=\"");
	for (size_t i = 0; i < naxes; i++) {
		rd_pt p = rd_point(i, naxes, f);

		kngg_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", p.x, p.y);
	}
	kngg_buf_puts(b, "\"/>");
}

static void rd_axis_label(kngg_buf *b, const char *label, size_t i, size_t naxes)
{
	double c, s;
	rd_pt p = rd_point(i, naxes, (RD_R + 14.0) / RD_R);
	const char *anchor;

	turn_cos_sin((double)i / (double)naxes - 0.25, &c, &s);
	anchor = c > 0.1 ? "start" : c < -0.1 ? "end" : "middle";
	put_label(b, p.x, p.y + 4 + 6 * s, anchor, "rd-label", label, RD_AXIS);
}

/* Rings with their values (along the first axis), axes and their labels. */
static void rd_web(kngg_buf *b, const char *const *axes, size_t naxes, int min, int max)
{
	int step = scale_step(min, max);

	for (long v = min; v <= max; v = scale_next(v, step, max)) {
		double f = rd_frac((int)v, min, max);

		rd_ring(b, naxes, f);
		kngg_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" class=\"rd-value\">%ld</text>", RD_CX + 4,
				RD_CY - RD_R * f - 3, v);
	}
	for (size_t i = 0; i < naxes; i++) {
		rd_pt p = rd_point(i, naxes, 1);

		svg_line(b, RD_CX, RD_CY, p.x, p.y, "rd-axis");
		rd_axis_label(b, axes ? axes[i] : NULL, i, naxes);
	}
}

/* A marker of shape k (circle, square, diamond, triangle: series differ by
 * shape too) at p; leaves the element open for a <title>, returns its
 * closing tag. */
static const char *rd_marker_open(kngg_buf *b, size_t k, rd_pt p, const char *cls)
{
	switch (k % 4) {
	case 1:
		kngg_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" class=\"%s\">",
				p.x - 4, p.y - 4, cls);
		return "</rect>";
	case 2:
		kngg_buf_printf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
				   "class=\"%s\">",
				p.x, p.y - 5.5, p.x + 5.5, p.y, p.x, p.y + 5.5, p.x - 5.5, p.y, cls);
		return "</polygon>";
	case 3:
		kngg_buf_printf(b, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" class=\"%s\">",
				p.x, p.y - 5.5, p.x + 5, p.y + 4, p.x - 5, p.y + 4, cls);
		return "</polygon>";
	default:
		kngg_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" class=\"%s\">", p.x, p.y,
				cls);
		return "</circle>";
	}
}

/* "fase 3, cyclus 1 — Thema: 4" or "... — Thema: niet gescoord". */
static void rd_marker(kngg_buf *b, const web_svg_series *s, size_t k, const char *axis,
		      int score, rd_pt p)
{
	const char *end = rd_marker_open(b, k, p, score < 0 ? "rd-unscored" : "rd-marker");

	kngg_buf_puts(b, "<title>");
	put_text(b, s->label, 0);
	kngg_buf_puts(b, DASH);
	put_text(b, axis, 0);
	if (score < 0)
		kngg_buf_puts(b, ": niet gescoord");
	else
		kngg_buf_printf(b, ": %d", score);
	kngg_buf_printf(b, "</title>%s", end);
}

/* One series: a polygon through the scored axes only, a marker per scored
 * axis and a hollow marker at the centre for each unscored one. */
static void rd_series(kngg_buf *b, const web_svg_series *s, size_t k, const char *const *axes,
		      size_t naxes, int min, int max)
{
	size_t nscored = 0;
	rd_pt centre = {RD_CX, RD_CY};

	kngg_buf_printf(b, "<g class=\"rd-series series-%zu\">", k % RD_SERIES);
	for (size_t i = 0; s->scores && i < naxes; i++) {
		if (s->scores[i] < 0)
			continue;
		rd_pt p = rd_point(i, naxes, rd_frac(s->scores[i], min, max));

		kngg_buf_printf(b, "%s%.1f,%.1f", nscored++ ? " " : "<polygon class=\"rd-area\" points=\"",
				p.x, p.y);
	}
	if (nscored)
		kngg_buf_puts(b, "\"/>");
	for (size_t i = 0; i < naxes; i++) {
		int score = s->scores ? s->scores[i] : -1;
		rd_pt p = score < 0 ? centre : rd_point(i, naxes, rd_frac(score, min, max));

		rd_marker(b, s, k, axes ? axes[i] : NULL, score < 0 ? -1 : score, p);
	}
	kngg_buf_puts(b, "</g>");
}

static void rd_legend(kngg_buf *b, const web_svg_series *series, size_t nseries)
{
	for (size_t k = 0; k < nseries; k++) {
		double x = 20 + (double)(k % RD_LEGEND_COLS) * RD_LEGEND_COLW;
		double y = RD_LEGEND_Y + (double)(k / RD_LEGEND_COLS) * RD_LEGEND_ROWH;
		rd_pt mid = {x + 14, y - 4};

		kngg_buf_printf(b, "<g class=\"rd-legend series-%zu\">", k % RD_SERIES);
		svg_line(b, x, y - 4, x + 28, y - 4, "rd-swatch");
		kngg_buf_puts(b, rd_marker_open(b, k, mid, "rd-key"));
		put_label(b, x + 36, y, NULL, "rd-legend-label", series[k].label, 26);
		kngg_buf_puts(b, "</g>");
	}
}

void web_svg_radar(kngg_buf *b, const char *title, const char *const *axes, size_t naxes,
		   int min, int max, const web_svg_series *series, size_t nseries)
{
	size_t rows;

	if (naxes == 0) {
		svg_empty(b, "radar", title, "geen thema's");
		return;
	}
	if (!series)
		nseries = 0;
	rows = (nseries + RD_LEGEND_COLS - 1) / RD_LEGEND_COLS;
	scale_fix(&min, &max);
	svg_open(b, "radar", title, 0, RD_W, RD_LEGEND_Y - 12 + (double)rows * RD_LEGEND_ROWH + 10);
	rd_web(b, axes, naxes, min, max);
	for (size_t k = 0; k < nseries; k++)
		rd_series(b, &series[k], k, axes, naxes, min, max);
	rd_legend(b, series, nseries);
	kngg_buf_puts(b, "</svg>");
}

/* ---- grid ------------------------------------------------------------------- */

enum {
	GR_W = 700,
	GR_LEFT = 110, /* room for the level labels and the axis title */
	GR_TOP = 10,
	GR_GW = 570,   /* the grid itself */
	GR_GH = 450,
	GR_ROWH = 17,  /* a person in a cell */
	GR_LEVEL = 14  /* characters of a level label on the y axis */
};

typedef struct {
	const char *const *levels;
	size_t n;
	double cw, ch; /* cell size */
} gr_frame;

static const char *gr_level(const gr_frame *g, size_t i)
{
	return g->levels && g->levels[i] ? g->levels[i] : "";
}

/* The corner cells' advice; sets *cls. NULL for other cells. */
static const char *gr_quadrant(const gr_frame *g, size_t ix, size_t iy, const char **cls)
{
	size_t top = g->n - 1;

	if (g->n < 2 || (ix != 0 && ix != top) || (iy != 0 && iy != top))
		return NULL;
	if (iy == top) {
		*cls = ix == top ? "gr-cell gr-q-engage" : "gr-cell gr-q-satisfy";
		return ix == top ? "Nauw betrekken" : "Tevreden houden";
	}
	*cls = ix == top ? "gr-cell gr-q-inform" : "gr-cell gr-q-monitor";
	return ix == top ? "Informeren" : "Monitoren";
}

static int gr_in_cell(const web_svg_point *p, size_t ix, size_t iy)
{
	return p->interest >= 0 && (size_t)p->interest == ix && p->influence >= 0 &&
	       (size_t)p->influence == iy;
}

/* "Naam — belang: hoog, invloed: laag, gecommitteerd" */
static void gr_person(kngg_buf *b, const gr_frame *g, const web_svg_point *p, double x, double y)
{
	const char *name = p->name ? p->name : "(gewist)";

	link_open(b, p->href);
	kngg_buf_puts(b, "<g class=\"gr-item\"><title>");
	put_text(b, name, 0);
	kngg_buf_puts(b, DASH "belang: ");
	put_text(b, gr_level(g, (size_t)p->interest), 0);
	kngg_buf_puts(b, ", invloed: ");
	put_text(b, gr_level(g, (size_t)p->influence), 0);
	kngg_buf_puts(b, p->committed ? ", gecommitteerd</title>" : ", niet gecommitteerd</title>");
	kngg_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" class=\"gr-dot %s\"/>", x + 12,
			y - 4, p->committed ? "gr-committed" : "gr-uncommitted");
	put_label(b, x + 22, y, NULL, p->name ? "gr-name" : "gr-name gr-erased", name,
		  (size_t)((g->cw - 30) / 6.6));
	kngg_buf_puts(b, "</g>");
	link_close(b, p->href);
}

/* The people of one cell as a list, from the baseline first on; what does
 * not fit above the cell's bottom becomes "+N meer". */
static void gr_people(kngg_buf *b, const gr_frame *g, const web_svg_point *pts, size_t npts,
		      size_t ix, size_t iy, double x, double top, double first)
{
	double room = top + g->ch - 6 - first, y = first;
	size_t count = 0, rows = room > 0 ? (size_t)(room / GR_ROWH) + 1 : 1, shown = 0;

	for (size_t i = 0; i < npts; i++)
		count += (size_t)gr_in_cell(&pts[i], ix, iy);
	if (count > rows)
		rows--; /* the last row says how many more */
	for (size_t i = 0; i < npts && shown < rows; i++) {
		if (!gr_in_cell(&pts[i], ix, iy))
			continue;
		gr_person(b, g, &pts[i], x, y);
		y += GR_ROWH;
		shown++;
	}
	if (shown < count)
		kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" class=\"gr-more\">+%zu meer</text>",
				x + 22, y, count - shown);
}

static void gr_cell(kngg_buf *b, const gr_frame *g, const web_svg_point *pts, size_t npts,
		    size_t ix, size_t iy)
{
	double x = GR_LEFT + (double)ix * g->cw, y = GR_TOP + (double)(g->n - 1 - iy) * g->ch;
	const char *cls = "gr-cell";
	const char *quadrant = gr_quadrant(g, ix, iy, &cls);

	svg_rect(b, x, y, g->cw, g->ch, cls);
	if (quadrant)
		put_label(b, x + 6, y + 16, NULL, "gr-quadrant", quadrant, 0);
	gr_people(b, g, pts, npts, ix, iy, x, y, y + (quadrant ? 36 : 20));
}

/* Level labels on both axes (low at the origin) and the axis titles. */
static void gr_axes(kngg_buf *b, const gr_frame *g)
{
	double mid = GR_TOP + GR_GH / 2.0;

	for (size_t i = 0; i < g->n; i++) {
		put_label(b, GR_LEFT - 8, GR_TOP + (double)(g->n - 1 - i) * g->ch + g->ch / 2 + 4,
			  "end", "gr-level", gr_level(g, i), GR_LEVEL);
		put_label(b, GR_LEFT + (double)i * g->cw + g->cw / 2, GR_TOP + GR_GH + 18, "middle",
			  "gr-level", gr_level(g, i), (size_t)(g->cw / 7.5));
	}
	put_label(b, GR_LEFT + GR_GW / 2.0, GR_TOP + GR_GH + 42, "middle", "gr-axis-title",
		  "Belang", 0);
	kngg_buf_printf(b, "<text x=\"24\" y=\"%.1f\" text-anchor=\"middle\" "
			   "transform=\"rotate(-90 24 %.1f)\" class=\"gr-axis-title\">Invloed</text>",
			mid, mid);
}

void web_svg_grid(kngg_buf *b, const char *title, const char *const *levels, size_t nlevels,
		  const web_svg_point *points, size_t npoints)
{
	gr_frame g = {levels, nlevels, 0, 0};
	int links = 0;

	if (nlevels == 0) {
		svg_empty(b, "grid", title, "geen niveaus");
		return;
	}
	if (!points)
		npoints = 0;
	for (size_t i = 0; i < npoints; i++)
		links |= points[i].href != NULL;
	g.cw = (double)GR_GW / (double)nlevels;
	g.ch = (double)GR_GH / (double)nlevels;
	svg_open(b, "grid", title, links, GR_W, GR_TOP + GR_GH + 52);
	for (size_t iy = 0; iy < nlevels; iy++)
		for (size_t ix = 0; ix < nlevels; ix++)
			gr_cell(b, &g, points, npoints, ix, iy);
	gr_axes(b, &g);
	kngg_buf_puts(b, "</svg>");
}

/* ---- trend ------------------------------------------------------------------ */

enum {
	TR_W = 300, /* about the width of a phone's column: text at its own size */
	TR_H = 180,
	TR_L = 36, /* the plot area: inside the viewBox, with room for a point's */
	TR_R = 284, /* radius and the last date, which ends at TR_R */
	TR_T = 14,
	TR_B = 160
};

typedef struct {
	const web_svg_sample *s;
	size_t n;
	int min, max;   /* the y scale, max > min */
	long lo, hi;    /* first and last day */
	size_t ilo, ihi; /* their samples */
} tr_frame;

/* The day of sample i; an unreadable date borrows the nearest readable one
 * before it, else after it. -1 when no date is readable at all. */
static int tr_day(const tr_frame *t, size_t i, long *day)
{
	for (size_t j = i + 1; j-- > 0;)
		if (kngg_day_number(t->s[j].date, day) == 0)
			return 0;
	for (size_t j = i + 1; j < t->n; j++)
		if (kngg_day_number(t->s[j].date, day) == 0)
			return 0;
	return -1;
}

static void tr_range(tr_frame *t)
{
	int any = 0;

	t->lo = t->hi = 0;
	t->ilo = t->ihi = 0;
	for (size_t i = 0; i < t->n; i++) {
		long d;

		if (kngg_day_number(t->s[i].date, &d) < 0)
			continue;
		if (!any || d < t->lo)
			t->lo = d, t->ilo = i;
		if (!any || d >= t->hi)
			t->hi = d, t->ihi = i;
		any = 1;
	}
}

/* x by the real distance in days; all in the middle when there is none. */
static double tr_x(const tr_frame *t, size_t i)
{
	long d;

	if (t->hi == t->lo || tr_day(t, i, &d) < 0)
		return (TR_L + TR_R) / 2.0;
	return TR_L + (double)(d - t->lo) * (TR_R - TR_L) / (double)(t->hi - t->lo);
}

static double tr_y(const tr_frame *t, int v)
{
	return TR_B - ((double)clamp(v, t->min, t->max) - t->min) * (TR_B - TR_T) /
			      ((double)t->max - t->min);
}

static void tr_axes(kngg_buf *b, const tr_frame *t)
{
	int step = scale_step(t->min, t->max);

	for (long v = t->min; v <= t->max; v = scale_next(v, step, t->max)) {
		double y = tr_y(t, (int)v);

		svg_line(b, TR_L, y, TR_R, y, "tr-grid");
		kngg_buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tr-value\">"
				   "%ld</text>",
				TR_L - 6, y + 4, v);
	}
	svg_line(b, TR_L, TR_T, TR_L, TR_B, "tr-axis");
	svg_line(b, TR_L, TR_B, TR_R, TR_B, "tr-axis");
}

/* A date label under the x axis, in Dutch. */
static void tr_date(kngg_buf *b, double x, const char *anchor, const char *date)
{
	kngg_buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\" class=\"tr-date\">", x,
			TR_B + 18, anchor);
	put_date(b, date, 18);
	kngg_buf_puts(b, "</text>");
}

static void tr_dates(kngg_buf *b, const tr_frame *t)
{
	if (t->lo == t->hi) {
		tr_date(b, (TR_L + TR_R) / 2.0, "middle", t->s[t->ilo].date);
		return;
	}
	tr_date(b, TR_L, "start", t->s[t->ilo].date);
	tr_date(b, TR_R, "end", t->s[t->ihi].date);
}

/* The line (two samples or more) and a marker "2026-05-01: 3" per sample. */
static void tr_line(kngg_buf *b, const tr_frame *t)
{
	if (t->n >= 2) {
		kngg_buf_puts(b, "<polyline class=\"tr-line\" points=\"");
		for (size_t i = 0; i < t->n; i++)
			kngg_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", tr_x(t, i),
					tr_y(t, t->s[i].score));
		kngg_buf_puts(b, "\"/>");
	}
	for (size_t i = 0; i < t->n; i++) {
		kngg_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"tr-point\"><title>",
				tr_x(t, i), tr_y(t, t->s[i].score));
		put_date(b, t->s[i].date ? t->s[i].date : "?", 0);
		kngg_buf_printf(b, ": %d</title></circle>", t->s[i].score);
	}
}

void web_svg_trend(kngg_buf *b, const char *title, const web_svg_sample *samples, size_t n,
		   int min, int max)
{
	tr_frame t = {samples, samples ? n : 0, min, max, 0, 0, 0, 0};

	scale_fix(&t.min, &t.max);
	tr_range(&t);
	svg_open(b, "trend", title, 0, TR_W, TR_H);
	tr_axes(b, &t);
	if (t.n == 0)
		put_label(b, (TR_L + TR_R) / 2.0, (TR_T + TR_B) / 2.0, "middle", "chart-empty",
			  "geen metingen", 0);
	else {
		tr_line(b, &t);
		tr_dates(b, &t);
	}
	kngg_buf_puts(b, "</svg>");
}
