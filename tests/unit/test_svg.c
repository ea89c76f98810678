/*
 * test_svg.c: the charts of the web interface. Every chart parses as one
 * well-formed <svg> element; names and links from the data only ever become
 * text and attribute values; boxes, polygons and markers follow the data;
 * odd input (unscored axes, erased names, one sample, equal dates, nothing
 * at all) neither crashes nor puts NaN in a coordinate.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "web/svg.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define EVIL "<script>alert(1)</script>"
#define EVIL2 "<script>x</script>" /* fits a grid cell */
#define ZOE "Zo\xc3\xab & \"Zn\""
#define DASH " \xe2\x80\x94 "

/* ---- looking at the tree ---------------------------------------------------- */

static int has_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST "class");
	size_t len = strlen(cls);
	int found = 0;

	for (const char *p = (const char *)v; p && *p;) {
		size_t w = strcspn(p, " ");

		found |= w == len && strncmp(p, cls, len) == 0;
		p += w;
		p += strspn(p, " ");
	}
	xmlFree(v);
	return found;
}

static int matches(xmlNodePtr n, const char *name, const char *cls)
{
	return n->type == XML_ELEMENT_NODE && (!name || strcmp((const char *)n->name, name) == 0) &&
	       (!cls || has_class(n, cls));
}

/* Elements below n (n included) named name (NULL: any) with class cls (NULL: any). */
static int count(xmlNodePtr n, const char *name, const char *cls)
{
	int total = 0;

	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			total += matches(n, name, cls) + count(n->children, name, cls);
	return total;
}

/* The first element in document order named name with class cls. */
static xmlNodePtr find(xmlNodePtr n, const char *name, const char *cls)
{
	for (; n; n = n->next) {
		xmlNodePtr hit;

		if (matches(n, name, cls))
			return n;
		if (n->type == XML_ELEMENT_NODE && (hit = find(n->children, name, cls)))
			return hit;
	}
	return NULL;
}

static int text_is(xmlNodePtr n, const char *text)
{
	xmlChar *c = xmlNodeGetContent(n);
	int same = c && strcmp((const char *)c, text) == 0;

	xmlFree(c);
	return same;
}

/* Elements named name whose whole text content is text. */
static int count_text(xmlNodePtr n, const char *name, const char *text)
{
	int total = 0;

	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			total += (matches(n, name, NULL) && text_is(n, text)) +
				 count_text(n->children, name, text);
	return total;
}

/* The element named name whose text is text. */
static xmlNodePtr find_text(xmlNodePtr n, const char *name, const char *text)
{
	for (; n; n = n->next) {
		xmlNodePtr hit;

		if (matches(n, name, NULL) && text_is(n, text))
			return n;
		if (n->type == XML_ELEMENT_NODE && (hit = find_text(n->children, name, text)))
			return hit;
	}
	return NULL;
}

static double num(xmlNodePtr n, const char *attr)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST attr);
	double d;

	assert_non_null(v);
	d = strtod((const char *)v, NULL);
	xmlFree(v);
	return d;
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *copy;

	assert_non_null(v);
	copy = strdup((const char *)v);
	xmlFree(v);
	return copy;
}

/* Every coordinate is a plain number: no nan, no inf, no empty value; and
 * no style attribute, which the page's Content-Security-Policy would block. */
static void check_geometry(xmlNodePtr n)
{
	static const char *const names[] = {"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
					    "rx", "width", "height", "points", "viewBox"};

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		assert_null(xmlHasProp(n, BAD_CAST "style"));
		assert_string_not_equal((const char *)n->name, "style");
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
			xmlChar *v = xmlGetProp(n, BAD_CAST names[i]);
			const char *s = (const char *)v;

			if (v && (!*s || strspn(s, "0123456789.,- ") != strlen(s)))
				fail_msg("<%s %s=\"%s\">", n->name, names[i], s);
			xmlFree(v);
		}
		check_geometry(n->children);
	}
}

/* The root: one <svg> in the SVG namespace, role img (group when it holds
 * a link: links inside an img are axe's nested-interactive), labelled by
 * its first child, a <title> whose id starts "svg-KIND-". */
static void check_root(xmlNodePtr root, const char *kind)
{
	xmlNodePtr title = xmlFirstElementChild(root);
	char prefix[32];
	char *role, *label, *id;

	assert_string_equal((const char *)root->name, "svg");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href, SVG_NS);
	assert_non_null(title);
	assert_string_equal((const char *)title->name, "title");
	role = attr(root, "role");
	label = attr(root, "aria-labelledby");
	id = attr(title, "id");
	assert_string_equal(role, count(root->children, "a", NULL) ? "group" : "img");
	assert_string_equal(label, id);
	snprintf(prefix, sizeof prefix, "svg-%s-", kind);
	assert_int_equal(strncmp(id, prefix, strlen(prefix)), 0);
	assert_int_equal(strlen(id), strlen(prefix) + 8);
	free(role);
	free(label);
	free(id);
}

/* The roadmap: a <div class="kngg-roadmap" role="group" aria-label> of
 * <svg> roots, one per phase, each checked as a chart with distinct ids. */
static void check_roadmap(xmlNodePtr root)
{
	char *role, *label, *ids[8];
	size_t n = 0;

	assert_string_equal((const char *)root->name, "div");
	assert_true(has_class(root, "kngg-roadmap"));
	role = attr(root, "role");
	label = attr(root, "aria-label");
	assert_string_equal(role, "group");
	free(role);
	free(label);
	for (xmlNodePtr svg = xmlFirstElementChild(root); svg; svg = xmlNextElementSibling(svg)) {
		check_root(svg, "roadmap");
		assert_true(n < 8);
		ids[n] = attr(svg, "aria-labelledby");
		for (size_t i = 0; i < n; i++)
			assert_string_not_equal(ids[i], ids[n]);
		n++;
	}
	assert_true(n >= 1);
	while (n > 0)
		free(ids[--n]);
}

/* Parses the chart in b (and frees b): well-formed, one root, no <script>,
 * numbers everywhere a number belongs. The caller frees the document. */
static xmlDocPtr parse(kngg_buf *b, const char *kind)
{
	const char *s = kngg_buf_cstr(b);
	xmlDocPtr doc;

	assert_false(b->failed);
	doc = xmlReadMemory(s, (int)strlen(s), "chart.svg", NULL, XML_PARSE_NONET);
	if (!doc)
		fail_msg("not well-formed: %s", s);
	if (strcmp(kind, "roadmap") == 0)
		check_roadmap(xmlDocGetRootElement(doc));
	else
		check_root(xmlDocGetRootElement(doc), kind);
	assert_int_equal(count(xmlDocGetRootElement(doc), "script", NULL), 0);
	check_geometry(xmlDocGetRootElement(doc));
	kngg_buf_free(b);
	return doc;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* ---- roadmap ---------------------------------------------------------------- */

#define E3 "\xc3\xab\xc3\xab\xc3\xab"
#define E9 E3 E3 E3
#define E27 E9 E9 E9

static const web_svg_step steps1[] = {
	{"1.1", "Startnotitie", KNGG_STATE_DONE, "2026-04-01", "/gm/GM0001/stap/1.1?a=1&b=2"},
	{"1.2", EVIL, KNGG_STATE_STARTED, "2026-05-02", NULL},
	{"1.3", "Titel", KNGG_STATE_DONE, "2026-05-01", NULL},
	{"1.4", E27 E9 " lang", KNGG_STATE_REOPENED, "2026-05-03", NULL},
	{"1.5", NULL, KNGG_STATE_NOT_STARTED, NULL, NULL},
};
static const web_svg_step steps2[] = {
	{"2.1", "Gebiedsanalyse", KNGG_STATE_DONE, "2026-06-01", NULL},
	{"2.2", "Plan van aanpak", KNGG_STATE_STARTED, "2026-06-02", NULL},
	{"2.3", "Uitvoering", KNGG_STATE_NOT_STARTED, NULL, NULL},
};
static const web_svg_step steps3[] = {
	{"3.1", "QuickScan", KNGG_STATE_DONE, "2026-07-01", NULL},
	{"3.2", "Verbeterplan", KNGG_STATE_NOT_STARTED, NULL, NULL},
};
static const web_svg_step steps4[] = {
	{"4.1", "Borging", KNGG_STATE_NOT_STARTED, NULL, NULL},
};
static const web_svg_run runs1[] = {{NULL, steps1, 5}};
static const web_svg_run runs2[] = {{"Poelenburg", steps2, 2}, {ZOE, steps2, 3}};
static const web_svg_run runs3[] = {{"cyclus 1", steps3, 2}, {"cyclus 2", steps3, 2}};
static const web_svg_run runs4[] = {{NULL, steps4, 1}};
static const web_svg_phase phases[] = {
	{1, "Initiatief en ontwerp", 0, runs1, 1},
	{2, "Een heel erg lange fasetitel die echt niet past", 1, runs2, 2},
	{3, EVIL, 0, runs3, 2},
	{4, E27 E3, 0, runs4, 1},
};

static void test_roadmap(void **state)
{
	kngg_buf b = {0};
	xmlDocPtr doc;
	xmlNodePtr root, a, head;
	char *href, *label;

	(void)state;
	web_svg_roadmap(&b, "Route " ZOE, phases, 4);
	doc = parse(&b, "roadmap");
	root = xmlDocGetRootElement(doc);
	/* one box per step of every run: 5 + (2 + 3) + (2 + 2) + 1 */
	assert_int_equal(count(root, "g", "rm-step"), 15);
	assert_int_equal(count(root, "g", "rm-current"), 1);
	assert_int_equal(count(root, NULL, "rm-done"), 6);
	assert_int_equal(count(root, NULL, "rm-reopened"), 1);
	/* names only as text */
	assert_int_equal(count_text(root, "text", ZOE), 1);
	assert_int_equal(count_text(root, "text", EVIL), 1);
	assert_int_equal(count_text(root, "text", "1.2 " EVIL), 1);
	label = attr(root, "aria-label");
	assert_string_equal(label, "Route " ZOE);
	free(label);
	/* one <svg> per phase, titled with its number and whole title; the one
	 * with a link a group (check_root), the others an img */
	assert_int_equal(count(root, "svg", NULL), 4);
	assert_int_equal(count_text(root, "title", "Fase 1: Initiatief en ontwerp"), 1);
	assert_int_equal(count_text(root, "title", "Fase 3: " EVIL), 1);
	assert_int_equal(count_text(root, NULL, "Route " ZOE), 0);
	/* tooltips with the state in words, the date line with a mark */
	assert_int_equal(count_text(root, "title", "1.3 Titel" DASH "afgerond op 1 mei 2026"), 1);
	assert_int_equal(count_text(root, "title", "2.3 Uitvoering" DASH "niet gestart"), 1);
	assert_int_equal(count_text(root, "text", "\xe2\x9c\x93 afgerond 1 mei 2026"), 1);
	/* the one link, SVG2 href */
	assert_int_equal(count(root, "a", NULL), 1);
	a = find(root, "a", NULL);
	assert_string_equal((const char *)a->ns->href, SVG_NS);
	href = attr(a, "href");
	assert_string_equal(href, "/gm/GM0001/stap/1.1?a=1&b=2");
	free(href);
	assert_int_equal(count(a->children, "g", "rm-step"), 1);
	/* long titles on two lines: broken at a space, else at a character
	 * boundary; the box grows by a line */
	head = find(root, "text", "rm-phase-title");
	assert_true(text_is(head, "Initiatief en ontwerp"));
	head = find(find(root, "g", "rm-current")->children, "text", "rm-phase-title");
	assert_true(text_is(head, "Een heel erg lange fasetitel"));
	assert_true(text_is(xmlNextElementSibling(head), "die echt niet past"));
	assert_int_equal(count_text(root, "text", E27 "\xc3\xab"), 1); /* phase 4: 28 + 2 */
	assert_int_equal(count_text(root, "text", "\xc3\xab\xc3\xab"), 1);
	assert_int_equal(count_text(root, "text", "1.4 " E27), 1);
	assert_int_equal(count_text(root, "text", E9 " lang"), 1);
	head = find_text(root, "text", "1.4 " E27)->parent;
	assert_true(num(find(head->children, "rect", "rm-box"), "height") > 50);
	head = find_text(root, "text", "1.3 Titel")->parent;
	assert_true(num(find(head->children, "rect", "rm-box"), "height") < 50);
	xmlFreeDoc(doc);
}

static void test_roadmap_odd(void **state)
{
	static const web_svg_step nothing[] = {{NULL, NULL, KNGG_STATE_DONE, NULL, NULL}};
	static const web_svg_step bad[] = {
		{"9\xff", "a\x01" "b\xe2\x82 \xed\xa0\x80 \xef\xbf\xbe", KNGG_STATE_STARTED, "\x02", "\x03"}};
	static const web_svg_run runs[] = {{"leeg", NULL, 3}, {NULL, nothing, 1}, {NULL, bad, 1}};
	static const web_svg_phase odd[] = {{1, NULL, 1, NULL, 4}, {2, "x", 0, runs, 3}};
	static const web_svg_step wordy[] = {{"1.9", "Een titel van heel veel woorden die echt "
					  "niet op twee regels past, ook niet als het moet", KNGG_STATE_DONE,
					  NULL, NULL}};
	static const web_svg_run wordy_run[] = {{NULL, wordy, 1}};
	static const web_svg_phase longer[] = {{1, "Lang", 0, wordy_run, 1}};
	kngg_buf b = {0};
	xmlDocPtr doc;

	(void)state;
	web_svg_roadmap(&b, NULL, NULL, 0);
	xmlFreeDoc(parse(&b, "roadmap"));
	web_svg_roadmap(&b, "leeg", phases, 0);
	xmlFreeDoc(parse(&b, "roadmap"));
	/* a second line that is still too long ends in an ellipsis */
	web_svg_roadmap(&b, "lang", longer, 1);
	doc = parse(&b, "roadmap");
	assert_int_equal(count_text(xmlDocGetRootElement(doc), "text",
				    "1.9 Een titel van heel veel"), 1);
	{
		xmlNodePtr first = find_text(xmlDocGetRootElement(doc), "text",
					     "1.9 Een titel van heel veel");
		xmlChar *second = xmlNodeGetContent(xmlNextElementSibling(first));

		assert_true(utf8_chars((const char *)second) <= 31); /* spaces before "…" go */
		assert_string_equal((const char *)second + strlen((const char *)second) - 3,
				    "\xe2\x80\xa6");
		xmlFree(second);
	}
	xmlFreeDoc(doc);
	web_svg_roadmap(&b, "raar", odd, 2);
	doc = parse(&b, "roadmap");
	assert_int_equal(count(xmlDocGetRootElement(doc), "g", "rm-step"), 2);
	assert_int_equal(count(xmlDocGetRootElement(doc), "a", NULL), 1);
	xmlFreeDoc(doc);
}

/* ---- radar ------------------------------------------------------------------ */

static const char *const axes[] = {"Visie", EVIL, ZOE, "Samenwerking",
				   "Een heel lang thema dat niet in de ruimte past", "Data"};

static int points_in(xmlNodePtr polygon)
{
	char *p = attr(polygon, "points");
	int n = 0;

	for (char *c = p; *c; c++)
		n += *c == ',';
	free(p);
	return n;
}

static void test_radar(void **state)
{
	static const int s1[] = {1, 2, 3, 4, 5, 3}, s2[] = {2, -1, 4, -1, 5, 9};
	static const web_svg_series series[] = {{"fase 3, cyclus 1", s1}, {"fase 3, cyclus 2", s2}};
	kngg_buf b = {0};
	xmlDocPtr doc;
	xmlNodePtr root, area;

	(void)state;
	web_svg_radar(&b, "QuickScan", axes, 6, 1, 5, series, 2);
	doc = parse(&b, "radar");
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count(root, "polygon", "rd-area"), 2);
	area = find(root, "polygon", "rd-area");
	assert_int_equal(points_in(area), 6);
	assert_true(has_class(area->parent, "series-0"));
	area = find(find(root, "g", "series-1")->children, "polygon", "rd-area");
	assert_int_equal(points_in(area), 4); /* the unscored axes left out */
	assert_int_equal(count(root, NULL, "rd-marker"), 10);
	assert_int_equal(count(root, NULL, "rd-unscored"), 2);
	assert_int_equal(count_text(root, "title", "fase 3, cyclus 2" DASH EVIL ": niet gescoord"), 1);
	assert_int_equal(count_text(root, "title", "fase 3, cyclus 2" DASH "Data: 9"), 1);
	assert_int_equal(count(root, NULL, "rd-ring"), 5);
	assert_int_equal(count_text(root, "text", EVIL), 1); /* 25 characters: fits */
	assert_int_equal(count_text(root, "text", ZOE), 1);
	assert_int_equal(count_text(root, "text", "fase 3, cyclus 1"), 1); /* legend */
	assert_int_equal(count(root, NULL, "rd-key"), 2);
	xmlFreeDoc(doc);
}

static void test_radar_odd(void **state)
{
	/* one score per axis, as the contract asks: the widest call below has 6 */
	static const int none[] = {-1, -1, -1, -1, -1, -1};
	static const web_svg_series unscored[] = {{"niets", none}, {NULL, NULL}};
	kngg_buf b = {0};
	xmlDocPtr doc;

	(void)state;
	web_svg_radar(&b, "geen reeksen", axes, 6, 1, 5, NULL, 0);
	doc = parse(&b, "radar");
	assert_int_equal(count(xmlDocGetRootElement(doc), "polygon", "rd-area"), 0);
	assert_int_equal(count(xmlDocGetRootElement(doc), NULL, "rd-ring"), 5);
	xmlFreeDoc(doc);
	web_svg_radar(&b, "ongescoord", axes, 3, 5, 1, unscored, 2);
	doc = parse(&b, "radar");
	assert_int_equal(count(xmlDocGetRootElement(doc), "polygon", "rd-area"), 0);
	assert_int_equal(count(xmlDocGetRootElement(doc), NULL, "rd-unscored"), 6);
	xmlFreeDoc(doc);
	web_svg_radar(&b, "geen thema's", NULL, 0, 1, 5, unscored, 2);
	xmlFreeDoc(parse(&b, "radar"));
	for (size_t n = 1; n <= 2; n++) {
		web_svg_radar(&b, "smal", axes, n, 3, 3, unscored, 1);
		xmlFreeDoc(parse(&b, "radar"));
	}
	/* 0..100: no hundred rings */
	web_svg_radar(&b, "breed", axes, 6, 0, 100, unscored, 1);
	doc = parse(&b, "radar");
	assert_true(count(xmlDocGetRootElement(doc), NULL, "rd-ring") <= 11);
	xmlFreeDoc(doc);
	/* 1..12 in steps of two still has its outer ring */
	web_svg_radar(&b, "twaalf", axes, 6, 1, 12, unscored, 1);
	doc = parse(&b, "radar");
	assert_int_equal(count_text(xmlDocGetRootElement(doc), "text", "12"), 1);
	xmlFreeDoc(doc);
}

/* ---- grid ------------------------------------------------------------------- */

static const char *const levels[] = {"laag", "middel", "hoog"};

/* The gr-item of the person drawn as name. */
static xmlNodePtr person(xmlNodePtr root, const char *name)
{
	xmlNodePtr text = find_text(root, "text", name);

	assert_non_null(text);
	assert_true(has_class(text->parent, "gr-item"));
	return text->parent;
}

/* The person's dot lies inside the cell with class cls. */
static void assert_in_cell(xmlNodePtr root, const char *name, const char *cls)
{
	xmlNodePtr cell = find(root, "rect", cls);
	xmlNodePtr dot = find(person(root, name)->children, "circle", NULL);
	double x = num(cell, "x"), y = num(cell, "y");

	assert_true(num(dot, "cx") > x && num(dot, "cx") < x + num(cell, "width"));
	assert_true(num(dot, "cy") > y && num(dot, "cy") < y + num(cell, "height"));
}

static void test_grid(void **state)
{
	static const web_svg_point pts[] = {
		{"Anna", 2, 2, 1, "/personen/1"},  {EVIL2, 0, 0, 0, NULL},
		{ZOE, 2, 0, 1, NULL},              {NULL, 1, 1, 0, NULL},
		{"Bert", 0, 2, 0, NULL},           {"Niet beoordeeld", -1, 2, 0, NULL},
		{"Half", 1, -1, 1, NULL},          {"Te hoog", 3, 0, 0, NULL},
	};
	kngg_buf b = {0};
	xmlDocPtr doc;
	xmlNodePtr root;
	char *href;

	(void)state;
	web_svg_grid(&b, "Invloed en belang", levels, 3, pts, 8);
	doc = parse(&b, "grid");
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count(root, "g", "gr-item"), 5);
	assert_int_equal(count(root, NULL, "gr-committed"), 2);
	assert_int_equal(count(root, NULL, "gr-uncommitted"), 3);
	assert_int_equal(count_text(root, "text", "(gewist)"), 1);
	assert_int_equal(count_text(root, "text", EVIL2), 1);
	assert_int_equal(count_text(root, "text", ZOE), 1);
	assert_int_equal(count_text(root, "text", "Niet beoordeeld"), 0);
	assert_int_equal(count_text(root, "text", "Half"), 0);
	assert_int_equal(count_text(root, "text", "Te hoog"), 0);
	assert_int_equal(count_text(root, "title", "Anna" DASH "belang: hoog, invloed: hoog, gecommitteerd"), 1);
	/* corners named, people in the right corner */
	assert_int_equal(count_text(root, "text", "Nauw betrekken"), 1);
	assert_int_equal(count_text(root, "text", "Tevreden houden"), 1);
	assert_int_equal(count_text(root, "text", "Informeren"), 1);
	assert_int_equal(count_text(root, "text", "Monitoren"), 1);
	assert_in_cell(root, "Anna", "gr-q-engage");
	assert_in_cell(root, "Bert", "gr-q-satisfy");
	assert_in_cell(root, ZOE, "gr-q-inform");
	assert_in_cell(root, EVIL2, "gr-q-monitor");
	assert_int_equal(count_text(root, "text", "Belang"), 1);
	assert_int_equal(count_text(root, "text", "Invloed"), 1);
	assert_int_equal(count_text(root, "text", "middel"), 2);
	assert_int_equal(count(root, "a", NULL), 1);
	href = attr(find(root, "a", NULL), "href");
	assert_string_equal(href, "/personen/1");
	free(href);
	xmlFreeDoc(doc);
}

static void test_grid_crowded(void **state)
{
	web_svg_point pts[12];
	char names[12][24];
	kngg_buf b = {0};
	xmlDocPtr doc;
	xmlNodePtr more;
	char *text;
	int shown, rest = 0;

	(void)state;
	for (int i = 0; i < 12; i++) {
		snprintf(names[i], sizeof names[i], "Persoon %d", i + 1);
		pts[i] = (web_svg_point){names[i], 1, 1, i % 2, NULL};
	}
	web_svg_grid(&b, "vol", levels, 3, pts, 12);
	doc = parse(&b, "grid");
	shown = count(xmlDocGetRootElement(doc), "g", "gr-item");
	more = find(xmlDocGetRootElement(doc), "text", "gr-more");
	assert_non_null(more);
	text = (char *)xmlNodeGetContent(more);
	assert_int_equal(sscanf(text, "+%d meer", &rest), 1);
	xmlFree(text);
	assert_true(shown >= 3 && rest >= 1);
	assert_int_equal(shown + rest, 12);
	xmlFreeDoc(doc);
}

static void test_grid_odd(void **state)
{
	static const web_svg_point one[] = {{NULL, 0, 0, 1, NULL}};
	kngg_buf b = {0};
	xmlDocPtr doc;

	(void)state;
	web_svg_grid(&b, "niets", NULL, 0, NULL, 0);
	xmlFreeDoc(parse(&b, "grid"));
	web_svg_grid(&b, "geen labels", NULL, 3, one, 1);
	doc = parse(&b, "grid");
	assert_int_equal(count(xmlDocGetRootElement(doc), "g", "gr-item"), 1);
	xmlFreeDoc(doc);
	web_svg_grid(&b, "een niveau", levels, 1, one, 1);
	doc = parse(&b, "grid");
	assert_int_equal(count_text(xmlDocGetRootElement(doc), "text", "Monitoren"), 0);
	assert_int_equal(count_text(xmlDocGetRootElement(doc), "text", "(gewist)"), 1);
	xmlFreeDoc(doc);
}

/* ---- trend ------------------------------------------------------------------ */

/* The trend of n samples, checked for NaN and inf in the raw output too. */
static xmlDocPtr trend(const web_svg_sample *s, size_t n, int min, int max)
{
	kngg_buf b = {0};
	char *lower;

	web_svg_trend(&b, "Factor 1", s, n, min, max);
	lower = strdup(kngg_buf_cstr(&b));
	for (char *c = lower; *c; c++)
		*c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
	assert_null(strstr(lower, "nan"));
	assert_null(strstr(lower, "inf"));
	free(lower);
	return parse(&b, "trend");
}

static void assert_xs(xmlDocPtr doc, const double *xs, size_t n)
{
	xmlNodePtr c = find(xmlDocGetRootElement(doc), "circle", "tr-point");

	for (size_t i = 0; i < n; i++, c = xmlNextElementSibling(c)) {
		assert_non_null(c);
		assert_true(num(c, "cx") > xs[i] - 0.06 && num(c, "cx") < xs[i] + 0.06);
	}
}

static void test_trend(void **state)
{
	/* days 0, 10, 50, 60, 100 on a plot from x 36 to 284 */
	static const web_svg_sample five[] = {{"2026-01-01", 1}, {"2026-01-11", 2}, {"2026-02-20", 3},
					      {"2026-03-02", 4}, {"2026-04-11", 5}};
	static const double x5[] = {36, 60.8, 160, 184.8, 284};
	/* over a leap day: 0, 60, 61 */
	static const web_svg_sample leap[] = {{"2023-12-31", 2}, {"2024-02-29", 3}, {"2024-03-01", 3}};
	static const double xl[] = {36, 279.9, 284};
	xmlDocPtr doc;
	xmlNodePtr root;

	(void)state;
	doc = trend(five, 5, 1, 5);
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count(root, "polyline", "tr-line"), 1);
	assert_int_equal(points_in(find(root, "polyline", "tr-line")), 5);
	assert_int_equal(count(root, "circle", "tr-point"), 5);
	assert_int_equal(count(root, "line", "tr-grid"), 5);
	/* dates in Dutch, whole */
	assert_int_equal(count_text(root, "title", "2 maart 2026: 4"), 1);
	assert_int_equal(count_text(root, "text", "1 januari 2026"), 1);
	assert_int_equal(count_text(root, "text", "11 april 2026"), 1);
	assert_xs(doc, x5, 5);
	xmlFreeDoc(doc);
	doc = trend(leap, 3, 1, 5);
	assert_xs(doc, xl, 3);
	xmlFreeDoc(doc);
}

static void test_trend_odd(void **state)
{
	static const web_svg_sample same[] = {{"2026-05-01", 1}, {"2026-05-01", 3}, {"2026-05-01", 2},
					      {"2026-05-01", 5}, {"2026-05-01", 4}};
	static const double mid[] = {160, 160, 160, 160, 160};
	static const web_svg_sample odd[] = {{"gisteren", 7}, {NULL, -3}, {"2026-13-01", 2},
					     {"2026-05-01", 2}, {"<b>", 1}};
	xmlDocPtr doc;
	xmlNodePtr root;

	(void)state;
	doc = trend(NULL, 0, 1, 5);
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count(root, "circle", NULL), 0);
	assert_int_equal(count_text(root, "text", "geen metingen"), 1);
	xmlFreeDoc(doc);
	doc = trend(same, 1, 1, 5);
	root = xmlDocGetRootElement(doc);
	assert_int_equal(count(root, "circle", "tr-point"), 1);
	assert_int_equal(count(root, "polyline", NULL), 0);
	assert_int_equal(count_text(root, "title", "1 mei 2026: 1"), 1);
	assert_int_equal(count_text(root, "text", "1 mei 2026"), 1);
	xmlFreeDoc(doc);
	doc = trend(same, 5, 1, 5);
	assert_xs(doc, mid, 5);
	assert_int_equal(count_text(xmlDocGetRootElement(doc), "text", "1 mei 2026"), 1);
	xmlFreeDoc(doc);
	doc = trend(odd, 5, 3, 3);
	assert_int_equal(count(xmlDocGetRootElement(doc), "circle", "tr-point"), 5);
	xmlFreeDoc(doc);
	doc = trend(odd, 2, 5, 1); /* no readable date at all, scale upside down */
	assert_int_equal(count(xmlDocGetRootElement(doc), "circle", "tr-point"), 2);
	xmlFreeDoc(doc);
}

/* Asserts that (x, y) +- r lies inside the root's viewBox "0 0 W H". */
static void assert_inside(xmlNodePtr root, double x, double y, double r)
{
	char *vb = attr(root, "viewBox");
	double w = 0, h = 0;

	assert_int_equal(sscanf(vb, "0 0 %lf %lf", &w, &h), 2);
	free(vb);
	if (x - r < 0 || x + r > w || y - r < 0 || y + r > h)
		fail_msg("(%.1f, %.1f) r %.1f lies outside the viewBox 0 0 %.1f %.1f", x, y, r, w, h);
}

/* Every point, every vertex of the line and every text anchor of a trend
 * of 1, 2 and 5 checks lies inside the viewBox (the last point once lay
 * 100 units to the right of it). */
static void test_trend_inside(void **state)
{
	static const web_svg_sample s[] = {{"2026-01-01", 1}, {"2026-03-01", 5}, {"2026-05-01", 3},
					   {"2026-07-01", 2}, {"2026-11-23", 5}};
	static const size_t ns[] = {1, 2, 5};

	(void)state;
	for (size_t k = 0; k < sizeof ns / sizeof *ns; k++) {
		xmlDocPtr doc = trend(s, ns[k], 1, 5);
		xmlNodePtr root = xmlDocGetRootElement(doc), n;
		char *pts;
		int vertices = 0;

		assert_int_equal(count(root, "circle", "tr-point"), (int)ns[k]);
		for (n = find(root, "circle", "tr-point"); n; n = xmlNextElementSibling(n))
			if (matches(n, "circle", "tr-point"))
				assert_inside(root, num(n, "cx"), num(n, "cy"), num(n, "r"));
		for (n = find(root, "text", NULL); n; n = xmlNextElementSibling(n))
			if (matches(n, "text", NULL))
				assert_inside(root, num(n, "x"), num(n, "y"), 0);
		if ((n = find(root, "polyline", "tr-line"))) {
			pts = attr(n, "points");
			for (char *c = pts; *c;) {
				double x = strtod(c, &c), y = strtod(c + 1, &c);

				assert_inside(root, x, y, 0);
				vertices++;
				c += strspn(c, " ");
			}
			free(pts);
		}
		assert_int_equal(vertices, ns[k] >= 2 ? (int)ns[k] : 0);
		xmlFreeDoc(doc);
	}
}

/* ---- several charts on one page --------------------------------------------- */

static char *id_of(kngg_buf *b, const char *kind)
{
	xmlDocPtr doc = parse(b, kind);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *id = attr(strcmp(kind, "roadmap") == 0 ? xmlFirstElementChild(root) : root,
			"aria-labelledby");

	xmlFreeDoc(doc);
	return id;
}

/* Ids differ by title and by kind, and stay the same for the same chart. */
static void test_ids(void **state)
{
	kngg_buf b = {0};
	char *ids[4];

	(void)state;
	web_svg_roadmap(&b, "Gemeente A", phases, 4);
	ids[0] = id_of(&b, "roadmap");
	web_svg_roadmap(&b, "Gemeente B", phases, 4);
	ids[1] = id_of(&b, "roadmap");
	web_svg_trend(&b, "Gemeente A", NULL, 0, 1, 5);
	ids[2] = id_of(&b, "trend");
	web_svg_roadmap(&b, "Gemeente A", phases, 1);
	ids[3] = id_of(&b, "roadmap");
	assert_string_not_equal(ids[0], ids[1]);
	assert_string_not_equal(ids[0], ids[2]);
	assert_string_equal(ids[0], ids[3]);
	for (size_t i = 0; i < 4; i++)
		free(ids[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roadmap),
		cmocka_unit_test(test_roadmap_odd),
		cmocka_unit_test(test_radar),
		cmocka_unit_test(test_radar_odd),
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_grid_crowded),
		cmocka_unit_test(test_grid_odd),
		cmocka_unit_test(test_trend),
		cmocka_unit_test(test_trend_odd),
		cmocka_unit_test(test_trend_inside),
		cmocka_unit_test(test_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
