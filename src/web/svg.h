/*
 * svg.h: the charts of the web interface, drawn by the server as inline
 * SVG: the roadmap, the QuickScan radar, the influence/interest grid and a
 * trend line for factor checks.
 *
 * Pure functions: plain data in, SVG markup appended to a kngg_buf. Every
 * text and link goes through kngg_buf_put_xml. Colours and fonts come from
 * classes defined in web/svg.css (the Content-Security-Policy forbids
 * style attributes); the markup carries role="img", a <title> and, where
 * useful, an aria-label, and each chart is accompanied on its page by a
 * table with the same facts for screen readers and print.
 *
 * Every chart is one root <svg xmlns="http://www.w3.org/2000/svg"
 * viewBox="0 0 W H" role="img" aria-labelledby="ID"> whose first child is
 * <title id="ID">title</title>; a chart with links has role="group"
 * instead (an img's content is presentational: links inside it are
 * axe's nested-interactive). ID is "svg-KIND-HASH": KIND is roadmap,
 * radar, grid or trend and HASH eight hex digits of a 32-bit FNV-1a hash
 * of the title. No counter, so no shared state: two charts of the same
 * kind on one page need distinct titles. Width comes from the viewBox
 * only; CSS scales the chart. Links are SVG2 <a href>, no xlink.
 *
 * The roadmap is the exception: a <div class="kngg-roadmap" role="group"
 * aria-label="title"> holding one such <svg> per phase ("Fase N: title",
 * its HASH from the roadmap's title and the phase's place), so that the
 * phases stand side by side on a wide screen and stack on a phone, each
 * drawn at a readable size (web/svg.css).
 *
 * Text is escaped, cut at a character boundary (never inside a UTF-8
 * sequence) with an ellipsis where space is short, and made safe for XML
 * (control characters become spaces, invalid UTF-8 U+FFFD). An empty
 * input (no phases, axes or levels) draws a small chart with a message.
 * The functions allocate nothing but what they append to b.
 */
#ifndef KNGG_WEB_SVG_H
#define KNGG_WEB_SVG_H

#include <stddef.h>

#include "kngg/track.h"
#include "util/util.h"

/* ---- roadmap ---------------------------------------------------------------- */

typedef struct {
	const char *id;        /* "1.3" */
	const char *title;     /* the step's title */
	kngg_step_state state;
	const char *date;      /* done date, else started date, or NULL */
	const char *href;      /* the step page, or NULL */
} web_svg_step;

typedef struct {
	const char *label;     /* NULL for the phase itself; area name or "cyclus 2" */
	const web_svg_step *steps;
	size_t nsteps;
} web_svg_run;

typedef struct {
	int number;            /* 1-4 */
	const char *title;     /* "Initiatief en ontwerp" */
	int current;           /* the municipality is in this phase */
	const web_svg_run *runs; /* at least one; phase 2 one per area, 3-4 per cycle */
	size_t nruns;
} web_svg_phase;

/* The phases, each a column of step boxes per run in an <svg> of its own. */
void web_svg_roadmap(kngg_buf *b, const char *title, const web_svg_phase *phases, size_t n);

/* ---- QuickScan radar -------------------------------------------------------- */

typedef struct {
	const char *label;     /* "fase 3, cyclus 1" */
	const int *scores;     /* one per axis; -1: not scored */
} web_svg_series;

/* One axis per theme, scale min..max, one polygon per series (oldest first).
 * Score min lies on the innermost ring, not at the centre; the polygon
 * joins only the scored axes, and each unscored one (-1) gets a hollow
 * marker at the centre titled "niet gescoord". Series take the classes
 * series-0..series-5 (cycling) and differ by dash and marker shape too.
 * min > max is swapped, scores outside are drawn at the edge. */
void web_svg_radar(kngg_buf *b, const char *title, const char *const *axes, size_t naxes,
		   int min, int max, const web_svg_series *series, size_t nseries);

/* ---- influence/interest grid ------------------------------------------------ */

typedef struct {
	const char *name;      /* person, or NULL when erased (drawn as "(gewist)") */
	int interest;          /* 0..nlevels-1, or -1: not assessed (not drawn) */
	int influence;         /* idem */
	int committed;         /* drawn filled */
	const char *href;      /* or NULL */
} web_svg_point;

/* Interest on x, influence on y, nlevels per axis (labels low to high).
 * The people of a cell are listed in it in the given order (filled dot:
 * committed); those that do not fit are counted as "+N meer". Points with
 * a level outside 0..nlevels-1 are left out. */
void web_svg_grid(kngg_buf *b, const char *title, const char *const *levels, size_t nlevels,
		  const web_svg_point *points, size_t npoints);

/* ---- trend ------------------------------------------------------------------ */

typedef struct {
	const char *date;      /* YYYY-MM-DD */
	int score;
} web_svg_sample;

/* A small line chart of scores over time, oldest first; dates are spaced
 * by their real distance. All on one day (or one sample): in the middle.
 * An unreadable date takes the position of the sample before it. */
void web_svg_trend(kngg_buf *b, const char *title, const web_svg_sample *samples, size_t n,
		   int min, int max);

#endif
