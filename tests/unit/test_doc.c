/*
 * test_doc.c: documents. The vocabulary check, escaping in every format,
 * the DOCX package, template listing, and the sandbox a template runs in
 * (no files, no network, includes only from its own folder; regular files
 * of at most 1 MiB; limits on nesting, variables, steps, memory and time,
 * each kept per render and per thread).
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <zip.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "doc/doc_priv.h"
#include "engine_fixture.h"
#include "kngg/doc.h"

/* Renders vocabulary xml as f; returns the output (caller frees) or NULL
 * with *why set. */
static char *render(const char *xml, kngg_doc_format f, size_t *len, kngg_buf *why)
{
	char *out = NULL;
	size_t n = 0;

	if (doc_render_xml(xml, strlen(xml), f, why, &out, &n) < 0)
		return NULL;
	if (len)
		*len = n;
	return out;
}

static void expect_rejected(const char *xml, const char *reason)
{
	kngg_buf why = {0};
	char *out = render(xml, KNGG_DOC_MD, NULL, &why);

	assert_null(out);
	if (!strstr(kngg_buf_cstr(&why), reason))
		fail_msg("'%s' instead of '%s'", kngg_buf_cstr(&why), reason);
	kngg_buf_free(&why);
}

static void test_vocabulary_check(void **state)
{
	(void)state;
	expect_rejected("<document title='x'><div>a</div></document>", "onbekend element <div>");
	expect_rejected("<document title='x'>los</document>", "tekst direct in <document>");
	expect_rejected("<document><p>a</p></document>", "geen title");
	expect_rejected("<html title='x'/>", "niet met <document>");
	expect_rejected("<document title='x'><p>a <script>b</script></p></document>",
			"onbekend element <script> in <p>");
	expect_rejected("<document title='x'><ul><p>a</p></ul></document>", "<p> in <ul>");
	expect_rejected("<document title='x'><table><td>a</td></table></document>", "<td> in <table>");
	expect_rejected("<document title='x' xmlns:h='urn:h'><h:p>a</h:p></document>", "namespace");
	expect_rejected("<document title='x'><p>a<br>b</br></p></document>", "tekst direct in <br>");
}

static const char tricky[] =
	"<document title='Plan &amp; co'>"
	"<p>Jansen &amp; &lt;Zn&gt; \"De Fiets\" 'x' * _y_ [a](b) &amp;amp; Zoë</p>"
	"<p>1. geen lijst</p><p># geen kop</p>"
	"<p>  veel   ruimte <b>vet</b> en <i>schuin</i>, <fill>wat hier   hoort</fill>.</p>"
	"<table><tr><th>Naam</th><th>Stuk</th></tr><tr><td>a|b</td></tr></table>"
	"<ol><li>een</li></ol><note>bron</note></document>";

static void test_markdown(void **state)
{
	kngg_buf why = {0};
	char *md = render(tricky, KNGG_DOC_MD, NULL, &why);

	(void)state;
	assert_non_null(md);
	assert_non_null(strstr(md, "# Plan & co\n"));
	assert_non_null(strstr(md, "Jansen & \\<Zn\\> \"De Fiets\" 'x' \\* \\_y\\_ \\[a\\](b) \\&amp; Zoë"));
	assert_non_null(strstr(md, "\n1\\. geen lijst"));
	assert_non_null(strstr(md, "\n\\# geen kop"));
	assert_non_null(strstr(md, "veel ruimte **vet** en *schuin*, **[In te vullen: wat hier hoort]**."));
	assert_non_null(strstr(md, "| Naam | Stuk |\n| --- | --- |\n| a\\|b |  |\n"));
	assert_non_null(strstr(md, "1. een\n"));
	assert_non_null(strstr(md, "> bron"));
	free(md);
}

static void test_html(void **state)
{
	kngg_buf why = {0};
	char *html = render(tricky, KNGG_DOC_HTML, NULL, &why);
	htmlDocPtr doc;

	(void)state;
	assert_non_null(html);
	assert_non_null(strstr(html, "Jansen &amp; &lt;Zn&gt; &quot;De Fiets&quot; &#39;x&#39;"));
	assert_non_null(strstr(html, "<mark class=\"fill\">[In te vullen: wat hier hoort]</mark>"));
	assert_non_null(strstr(html, "<thead><tr><th scope=\"col\">Naam</th>"));
	assert_non_null(strstr(html, "<title>Plan &amp; co – Waterlinde &amp; &lt;Zn&gt;</title>"));
	assert_non_null(strstr(html, "@media print"));
	/* an HTML parser reads the name back as text */
	doc = htmlReadMemory(html, (int)strlen(html), "x.html", "UTF-8",
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	assert_non_null(doc);
	{
		xmlChar *text = xmlNodeGetContent(xmlDocGetRootElement(doc));

		assert_non_null(strstr((char *)text, "Jansen & <Zn> \"De Fiets\" 'x'"));
		xmlFree(text);
	}
	xmlFreeDoc(doc);
	free(html);
}

/* The content of one part of a zip held in memory, NUL-terminated. */
static char *zip_part(const char *data, size_t len, const char *name)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	zip_stat_t st;
	zip_file_t *f;
	char *out = NULL;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	assert_non_null(src);
	za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
	assert_non_null(za);
	if (zip_stat(za, name, 0, &st) == 0 && (f = zip_fopen(za, name, 0))) {
		out = calloc(1, st.size + 1);
		assert_int_equal(zip_fread(f, out, st.size), (zip_int64_t)st.size);
		zip_fclose(f);
	}
	zip_close(za);
	return out;
}

static void assert_well_formed(const char *xml)
{
	xmlDocPtr d = xmlReadMemory(xml, (int)strlen(xml), "part.xml", NULL, XML_PARSE_NONET);

	assert_non_null(d);
	xmlFreeDoc(d);
}

/* The widths of the first table's columns in a document.xml (up to max of
 * them in w); returns how many columns the grid has. */
static size_t grid_cols(const char *body, long *w, size_t max)
{
	const char *g = strstr(body, "<w:tblGrid>"), *end = g ? strstr(g, "</w:tblGrid>") : NULL;
	size_t n = 0;

	assert_non_null(end);
	while ((g = strstr(g, "<w:gridCol w:w=\"")) && g < end) {
		g += strlen("<w:gridCol w:w=\"");
		if (n < max)
			w[n] = strtol(g, NULL, 10);
		n++;
	}
	return n;
}

/* Column widths follow the content: a column of short values stays narrow, a
 * long word gets room to stay whole, and the columns fill the page. */
static void test_docx_column_widths(void **state)
{
	kngg_buf why = {0};
	size_t len = 0;
	long w[4] = {0};
	char *docx = render("<document title='x'><table>"
			    "<tr><th>Partner</th><th>Verantwoordelijkheid</th><th>Inbreng</th><th>Uren</th></tr>"
			    "<tr><td>GGD Zaanstreek-Waterland</td><td><fill>waar deze partner voor staat</fill></td>"
			    "<td>Anouk: projectleider, trekt het project en bereidt de besluiten voor; "
			    "Fleur: kerngroep, verbinding met jeugdbeleid en het wijkteam</td><td>20</td></tr>"
			    "</table></document>",
			    KNGG_DOC_DOCX, &len, &why);
	char *body;

	(void)state;
	assert_non_null(docx);
	body = zip_part(docx, len, "word/document.xml");
	assert_int_equal(grid_cols(body, w, 4), 4);
	assert_int_equal(w[0] + w[1] + w[2] + w[3], 9070);
	assert_true(w[3] < w[0] && w[3] < w[2]);   /* "Uren" and "20": narrow */
	assert_true(w[1] >= 20 * 125);              /* "Verantwoordelijkheid" in bold fits */
	assert_true(w[2] > w[0]);                   /* the longest text gets the most room */
	assert_non_null(strstr(body, "<w:tcW w:w=\""));
	free(body);
	free(docx);
}

/* Dates as Dutch people write them in every format, title included; what
 * only looks like a date stays as it is. */
static void test_dutch_dates(void **state)
{
	static const char xml[] =
		"<document title='Stand 2026-07-01'><p>op 2026-07-01, tot 2026-12-31; niet 2026-02-29, "
		"12026-01-011, 2026-07-011, besluit 2026-114, 1-7-2026</p>"
		"<table><tr><th>Datum</th></tr><tr><td>2026-01-14</td></tr></table></document>";
	kngg_buf why = {0};
	size_t len = 0;
	char *md = render(xml, KNGG_DOC_MD, NULL, &why), *docx, *body;

	(void)state;
	assert_non_null(md);
	assert_non_null(strstr(md, "# Stand 1 juli 2026\n"));
	assert_non_null(strstr(md, "op 1 juli 2026, tot 31 december 2026; niet 2026-02-29, 12026-01-011, "
				   "2026-07-011, besluit 2026-114, 1-7-2026"));
	assert_non_null(strstr(md, "| 14 januari 2026 |"));
	free(md);
	docx = render(xml, KNGG_DOC_DOCX, &len, &why);
	assert_non_null(docx);
	body = zip_part(docx, len, "word/document.xml");
	/* in a cell the date stays on one line: no-break spaces around the month */
	assert_non_null(strstr(body, "14\xc2\xa0" "januari\xc2\xa0" "2026"));
	assert_non_null(strstr(body, "stand van 23 november 2026"));
	free(body);
	free(docx);
}

/* The footer, the contents of a long document, highlighted placeholders,
 * a paragraph per line of a cell, and small text for a table too wide. */
static void test_docx_finish(void **state)
{
	kngg_buf xml = {0}, why = {0};
	size_t len = 0;
	char *docx, *body, *footer, *settings, *rels, *types;

	(void)state;
	/* short: a footer, no contents */
	docx = render("<document title='Kort'><h1>Een</h1><p><fill>a</fill></p>"
		      "<table><tr><th>Argumenten</th></tr><tr><td>een<br/>twee</td></tr></table></document>",
		      KNGG_DOC_DOCX, &len, &why);
	assert_non_null(docx);
	body = zip_part(docx, len, "word/document.xml");
	footer = zip_part(docx, len, "word/footer1.xml");
	settings = zip_part(docx, len, "word/settings.xml");
	rels = zip_part(docx, len, "word/_rels/document.xml.rels");
	types = zip_part(docx, len, "[Content_Types].xml");
	assert_non_null(footer);
	assert_well_formed(footer);
	assert_non_null(strstr(footer, "Kort · Waterlinde &amp; &lt;Zn&gt; · 23 november 2026"));
	assert_non_null(strstr(footer, "> PAGE <"));
	assert_non_null(strstr(footer, "> NUMPAGES <"));
	assert_non_null(strstr(body, "<w:footerReference w:type=\"default\" r:id=\"rId4\"/>"));
	assert_non_null(strstr(rels, "Id=\"rId4\""));
	assert_non_null(strstr(rels, "footer1.xml"));
	assert_non_null(strstr(types, "/word/footer1.xml"));
	assert_null(strstr(body, " TOC "));
	assert_null(strstr(settings, "updateFields"));
	assert_non_null(strstr(body, "<w:highlight w:val=\"yellow\"/>"));
	assert_non_null(strstr(body, "<w:tblLayout w:type=\"fixed\"/>"));
	assert_non_null(strstr(body, "<w:cantSplit/>"));
	/* one paragraph per line of a cell, no w:br */
	assert_non_null(strstr(body, ">een</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val=\"Tabeltekst\"/>"
				     "</w:pPr><w:r><w:t xml:space=\"preserve\">twee<"));
	free(body);
	free(footer);
	free(settings);
	free(rels);
	free(types);
	free(docx);

	/* long: contents with an entry and a bookmark per heading, Word asked to update */
	kngg_buf_puts(&xml, "<document title='Lang'><p>Inleiding</p>");
	for (int i = 1; i <= 12; i++) {
		kngg_buf_printf(&xml, "<h1>Hoofdstuk %d</h1>", i);
		for (int j = 0; j < 6; j++)
			kngg_buf_puts(&xml, "<p>Een alinea met genoeg woorden om een flink stuk van de "
					    "regel te vullen, en dan nog een regel en nog een regel en "
					    "nog een regel en nog een regel erbij.</p>");
	}
	kngg_buf_puts(&xml, "</document>");
	docx = render(kngg_buf_cstr(&xml), KNGG_DOC_DOCX, &len, &why);
	assert_non_null(docx);
	body = zip_part(docx, len, "word/document.xml");
	settings = zip_part(docx, len, "word/settings.xml");
	assert_non_null(strstr(body, " TOC \\o "));
	assert_non_null(strstr(body, "1-1")); /* twelve chapters, no level 2: level 1 */
	assert_non_null(strstr(body, "w:docPartGallery w:val=\"Table of Contents\""));
	assert_non_null(strstr(body, "<w:hyperlink w:anchor=\"_Toc12\""));
	assert_non_null(strstr(body, "<w:bookmarkStart w:id=\"12\" w:name=\"_Toc12\"/>"));
	assert_non_null(strstr(body, " PAGEREF _Toc1 \\h "));
	assert_non_null(strstr(body, "<w:pageBreakBefore/>")); /* the content on a page of its own */
	assert_non_null(strstr(settings, "<w:updateFields w:val=\"true\"/>"));
	assert_true(strstr(body, ">Inleiding<") < strstr(body, ">Inhoud<")); /* the intro first */
	free(body);
	free(settings);
	free(docx);
	kngg_buf_free(&xml);

	/* a table whose words do not fit at 10 pt: 8 pt */
	docx = render("<document title='Breed'><table><tr><th>Ondertekening</th><th>Verantwoordelijke</th>"
		      "<th>Gemeenteraad</th><th>Samenwerking</th><th>Datum</th></tr></table></document>",
		      KNGG_DOC_DOCX, &len, &why);
	assert_non_null(docx);
	body = zip_part(docx, len, "word/document.xml");
	assert_non_null(strstr(body, "<w:pStyle w:val=\"TabeltekstKlein\"/>"));
	free(body);
	free(docx);
}

static void test_docx(void **state)
{
	static const char *const parts[] = {"[Content_Types].xml", "_rels/.rels",
					    "word/document.xml", "word/_rels/document.xml.rels",
					    "word/styles.xml", "word/numbering.xml",
					    "word/settings.xml", "docProps/core.xml",
					    "docProps/app.xml", "docProps/custom.xml"};
	kngg_buf why = {0};
	size_t len = 0;
	char *docx = render("<document title='Plan &amp; co'><h1>Aanleiding</h1>"
			    "<p>Jansen &amp; &lt;Zn&gt; \"De Fiets\" Zoë <fill>x</fill></p>"
			    "<ol><li>a</li></ol><ol><li>b</li></ol>"
			    "<table><tr><th>Naam</th></tr><tr><td>Zoë</td><td>extra</td></tr></table>"
			    "</document>",
			    KNGG_DOC_DOCX, &len, &why);
	char *body, *styles, *core, *num;

	(void)state;
	assert_non_null(docx);
	assert_memory_equal(docx, "PK\x03\x04", 4);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *p = zip_part(docx, len, parts[i]);

		if (!p)
			fail_msg("part %s missing", parts[i]);
		assert_well_formed(p);
		free(p);
	}
	body = zip_part(docx, len, "word/document.xml");
	assert_non_null(strstr(body, "<w:pStyle w:val=\"Heading1\"/>"));
	assert_non_null(strstr(body, "Jansen &amp; &lt;Zn&gt; &quot;De Fiets&quot; Zoë"));
	assert_non_null(strstr(body, "<w:rStyle w:val=\"Invullen\"/>"));
	assert_non_null(strstr(body, "[In te vullen: x]"));
	assert_non_null(strstr(body, "<w:tblHeader/>"));
	/* the short header row is padded: every row has two cells */
	assert_int_equal(grid_cols(body, NULL, 0), 2);
	styles = zip_part(docx, len, "word/styles.xml");
	assert_non_null(strstr(styles, "<w:name w:val=\"heading 1\"/>"));
	assert_non_null(strstr(styles, "<w:outlineLvl w:val=\"0\"/>"));
	core = zip_part(docx, len, "docProps/core.xml");
	assert_non_null(strstr(core, "<dc:title>Plan &amp; co – Waterlinde &amp; &lt;Zn&gt;</dc:title>"));
	assert_non_null(strstr(core, "2026-11-23T00:00:00Z"));
	/* each numbered list restarts: two lists, two w:num besides the bullets */
	num = zip_part(docx, len, "word/numbering.xml");
	assert_non_null(strstr(num, "w:numId=\"3\""));
	assert_null(strstr(num, "w:numId=\"4\""));
	free(body);
	free(styles);
	free(core);
	free(num);
	free(docx);
}

/* ---- templates in a folder -------------------------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

#define XSL_HEAD "<?xml version='1.0'?>\n<!-- kngg: test -->\n" \
	"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
#define XSL_TAIL "</xsl:stylesheet>\n"

/* Renders template name from the fixture's folder for GM0479 as Markdown. */
static int doc(fixture *fx, const char *name, const kngg_doc_params *p, char **out)
{
	size_t len;

	kngg_buf_free(&fx->errors);
	return kngg_doc_render(&fx->t, fx->dir, name, "GM0479", p, KNGG_DOC_MD, out, &len);
}

static void test_template_list(void **state)
{
	fixture *fx = *state;
	kngg_doc_template *list;
	size_t n;

	write_file(fx->dir, "b.xsl", XSL_HEAD XSL_TAIL);
	write_file(fx->dir, "a-plan.xsl", XSL_HEAD XSL_TAIL);
	write_file(fx->dir, "common.xsl", "<xsl:stylesheet version='1.0'/>");
	write_file(fx->dir, "notes.txt", "<!-- kngg: no -->");
	assert_int_equal(kngg_doc_templates(fx->dir, NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "a-plan");
	assert_string_equal(list[0].summary, "test");
	assert_string_equal(list[1].name, "b");
	kngg_doc_templates_free(list, n);
}

static void test_params_and_errors(void **state)
{
	fixture *fx = *state;
	kngg_track_opts o = {.date = "2026-02-01"};
	kngg_doc_params p = {0};
	char *out = NULL;

	write_file(fx->dir, "echo.xsl",
		   XSL_HEAD "<xsl:param name='area'/><xsl:param name='since'/><xsl:param name='today'/>"
			    "<xsl:param name='year-ago'/>"
			    "<xsl:template match='/'><document title='{kngg-export/@name}'>"
			    "<p><xsl:value-of select='$area'/>|<xsl:value-of select='$since'/>|"
			    "<xsl:value-of select='$year-ago'/>|<xsl:value-of select='$today'/></p>"
			    "</document></xsl:template>" XSL_TAIL);
	/* a parameter is a string, never XPath: quotes and brackets pass as text */
	assert_int_equal(kngg_track_area_add(&fx->t, "GM0479", "Poelenburg 'O\"B' [x]", NULL, NULL, &o), 0);
	p.area = "Poelenburg 'O\"B' [x]";
	assert_int_equal(doc(fx, "echo", &p, &out), 0);
	/* no --since: empty (the template picks its default), a year back given;
	 * the document shows dates the Dutch way */
	assert_non_null(strstr(out, "Poelenburg 'O\"B' \\[x\\]||15 juni 2025|15 juni 2026"));
	free(out);
	p.since = "2026-03-15";
	assert_int_equal(doc(fx, "echo", &p, &out), 0);
	assert_non_null(strstr(out, "|15 maart 2026|15 juni 2025|15 juni 2026"));
	free(out);
	p.since = NULL;
	p.area = "Nergens";
	assert_int_equal(doc(fx, "echo", &p, &out), KNGG_ENOTFOUND);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "geen gebied 'Nergens'"));
	p.area = NULL;
	p.cycle = 2;
	assert_int_equal(doc(fx, "echo", &p, &out), KNGG_ENOTFOUND);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "geen cyclus 2"));
	p.cycle = 0;
	p.since = "2026-02-30";
	assert_int_equal(doc(fx, "echo", &p, &out), KNGG_EINVALID);
	p.since = NULL;
	assert_int_equal(doc(fx, "../echo", &p, &out), KNGG_EINVALID);
	assert_int_equal(doc(fx, "missing", &p, &out), KNGG_ENOTFOUND);
	write_file(fx->dir, "broken.xsl", XSL_HEAD "<xsl:template match='/'>" XSL_TAIL);
	assert_int_equal(doc(fx, "broken", &p, &out), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "geen geldige XML"));
	write_file(fx->dir, "html.xsl",
		   XSL_HEAD "<xsl:template match='/'><document title='x'><div/></document>"
			    "</xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "html", &p, &out), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "sjabloon html: onbekend element <div>"));
	/* endless recursion ends in an error, not a crash */
	write_file(fx->dir, "loop.xsl",
		   XSL_HEAD "<xsl:template name='f'><xsl:call-template name='f'/></xsl:template>"
			    "<xsl:template match='/'><xsl:call-template name='f'/></xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "loop", &p, &out), KNGG_EINVALID);
	assert_string_equal(kngg_buf_cstr(&fx->errors),
			    "sjabloon loop: te diep genest (meer dan 3000 niveaus); "
			    "controleer recursie in het sjabloon\n");
}

/* Each attempt to get out must fail, or at least leave the secret out of
 * the document and no file behind. */
static void test_sandbox(void **state)
{
	fixture *fx = *state;
	char secret[160], link[160], pwned[160], xsl[1024], *out = NULL;
	struct stat st;
	const char *attempts[][2] = {
		{"read", "<xsl:template match='/'><document title='x'><p>"
			 "<xsl:value-of select=\"document('%s')\"/></p></document></xsl:template>"},
		{"include", "<xsl:include href='%s'/>"
			    "<xsl:template match='/'><document title='x'/></xsl:template>"},
		{"url", "<xsl:include href='http://127.0.0.1:9/%s.xsl'/>"
			"<xsl:template match='/'><document title='x'/></xsl:template>"},
		{"fetch", "<xsl:template match='/'><document title='x'><p>"
			  "<xsl:value-of select=\"document('http://127.0.0.1:9/%s')\"/></p></document>"
			  "</xsl:template>"},
	};

	(void)state;
	snprintf(secret, sizeof(secret), "%s/secret.txt", fx->dir);
	write_file(fx->dir, "secret.txt", "<geheim>WACHTWOORD</geheim>");
	for (size_t i = 0; i < sizeof(attempts) / sizeof(attempts[0]); i++) {
		char body[600];

		snprintf(body, sizeof(body), attempts[i][1], secret);
		snprintf(xsl, sizeof(xsl), XSL_HEAD "%s" XSL_TAIL, body);
		write_file(fx->dir, "evil.xsl", xsl);
		if (doc(fx, "evil", NULL, &out) == 0) {
			if (strstr(out, "WACHTWOORD"))
				fail_msg("%s: the secret leaked", attempts[i][0]);
			free(out);
			out = NULL;
		}
	}
	/* /etc/passwd by document() is refused by the security preferences */
	write_file(fx->dir, "passwd.xsl",
		   XSL_HEAD "<xsl:template match='/'><document title='x'><p>"
			    "<xsl:copy-of select=\"document('/etc/passwd')\"/></p></document>"
			    "</xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "passwd", NULL, &out), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "sjabloon passwd mislukt"));
	/* an entity in the stylesheet's DOCTYPE is not loaded */
	snprintf(xsl, sizeof(xsl),
		 "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY s SYSTEM 'file://%s'>]>\n"
		 "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		 "<xsl:template match='/'><document title='x'><p>&s;</p></document></xsl:template>"
		 XSL_TAIL, secret);
	write_file(fx->dir, "entity.xsl", xsl);
	if (doc(fx, "entity", NULL, &out) == 0) {
		assert_null(strstr(out, "WACHTWOORD"));
		free(out);
		out = NULL;
	}
	/* a symbolic link in the folder does not lead outside it */
	snprintf(link, sizeof(link), "%s/sub", fx->dir);
	mkdir(link, 0700);
	write_file(link, "outside.xsl", "<xsl:stylesheet version='1.0' "
					"xmlns:xsl='http://www.w3.org/1999/XSL/Transform'/>");
	snprintf(link, sizeof(link), "%s/inside.xsl", fx->dir);
	snprintf(secret, sizeof(secret), "%s/sub/outside.xsl", fx->dir);
	assert_int_equal(symlink(secret, link), 0);
	write_file(fx->dir, "viasym.xsl",
		   XSL_HEAD "<xsl:include href='inside.xsl'/>"
			    "<xsl:template match='/'><document title='x'/></xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "viasym", NULL, &out), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "niet laden"));
	/* writing a file (XSLT 1.1 xsl:document) is forbidden too */
	snprintf(pwned, sizeof(pwned), "%s/pwned.txt", fx->dir);
	snprintf(xsl, sizeof(xsl),
		 "<?xml version='1.0'?>\n<!-- kngg: x -->\n"
		 "<xsl:stylesheet version='1.1' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		 "<xsl:template match='/'><xsl:document href='%s' method='text'>x</xsl:document>"
		 "<document title='x'/></xsl:template>" XSL_TAIL, pwned);
	write_file(fx->dir, "write.xsl", xsl);
	if (doc(fx, "write", NULL, &out) == 0)
		free(out);
	assert_int_not_equal(stat(pwned, &st), 0);
	/* an include from the folder itself works */
	write_file(fx->dir, "common.xsl",
		   "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
		   "<xsl:template name='hi'><p>hallo</p></xsl:template></xsl:stylesheet>");
	write_file(fx->dir, "ok.xsl",
		   XSL_HEAD "<xsl:include href='common.xsl'/><xsl:template match='/'>"
			    "<document title='x'><xsl:call-template name='hi'/></document>"
			    "</xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "ok", NULL, &out), 0);
	assert_non_null(strstr(out, "hallo"));
	free(out);
}

/* ---- template files that are not files ---------------------------------------------- */

static void test_template_files(void **state)
{
	fixture *fx = *state;
	char path[160], *out = NULL, *big;
	kngg_doc_template *list;
	size_t n;

	alarm(20); /* a FIFO opened for reading would wait for a writer */
	snprintf(path, sizeof(path), "%s/fifo.xsl", fx->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(doc(fx, "fifo", NULL, &out), KNGG_EIO);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "sjabloon fifo: '"));
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "/fifo.xsl' is geen gewoon bestand\n"));
	snprintf(path, sizeof(path), "%s/zero.xsl", fx->dir);
	assert_int_equal(symlink("/dev/zero", path), 0);
	assert_int_equal(doc(fx, "zero", NULL, &out), KNGG_EIO);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "/zero.xsl' is geen gewoon bestand\n"));
	/* an include that is a FIFO */
	snprintf(path, sizeof(path), "%s/common.xsl", fx->dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	write_file(fx->dir, "incl.xsl",
		   XSL_HEAD "<xsl:include href='common.xsl'/><xsl:template match='/'>"
			    "<document title='x'/></xsl:template>" XSL_TAIL);
	assert_int_equal(doc(fx, "incl", NULL, &out), KNGG_EINVALID);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors), "/common.xsl' is geen gewoon bestand"));
	/* listing passes over all three */
	write_file(fx->dir, "ok.xsl", XSL_HEAD XSL_TAIL);
	assert_int_equal(kngg_doc_templates(fx->dir, NULL, NULL, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "incl");
	assert_string_equal(list[1].name, "ok");
	kngg_doc_templates_free(list, n);
	alarm(0);
	/* 2 MiB: a template is code, not data */
	big = malloc(2 << 20);
	memset(big, ' ', 2 << 20);
	memcpy(big, XSL_HEAD, strlen(XSL_HEAD));
	memcpy(big + (2 << 20) - strlen(XSL_TAIL) - 1, XSL_TAIL, strlen(XSL_TAIL) + 1);
	write_file(fx->dir, "big.xsl", big);
	free(big);
	assert_int_equal(doc(fx, "big", NULL, &out), KNGG_EIO);
	assert_non_null(strstr(kngg_buf_cstr(&fx->errors),
			       "/big.xsl' is te groot (2,0 MiB; maximaal 1 MiB)\n"));
}

/* ---- templates that never end ------------------------------------------------------ */

/* Renders name; expects KNGG_EINVALID and one message containing what, in
 * less than 20 seconds (alarm: a render without limits fails the test
 * rather than running on). */
static void expect_stopped(fixture *fx, const char *name, const char *what)
{
	char *out = NULL;

	alarm(20);
	assert_int_equal(doc(fx, name, NULL, &out), KNGG_EINVALID);
	alarm(0);
	assert_null(out);
	if (!strstr(kngg_buf_cstr(&fx->errors), what) ||
	    strchr(kngg_buf_cstr(&fx->errors), '\n') != kngg_buf_cstr(&fx->errors) + fx->errors.len - 1)
		fail_msg("'%s' instead of one line with '%s'", kngg_buf_cstr(&fx->errors), what);
}

/* f(s) calls f(s s): the string doubles at every level, far below the
 * nesting limit. */
#define DOUBLING XSL_HEAD "<xsl:template name='f'><xsl:param name='s' select='string(/)'/>" \
	"<xsl:call-template name='f'><xsl:with-param name='s' select='concat($s, $s)'/>" \
	"</xsl:call-template></xsl:template>" \
	"<xsl:template match='/'><xsl:call-template name='f'/></xsl:template>" XSL_TAIL

/* f(n) calls f(n + 1) twice up to n = 200: shallow, but 2^200 calls. */
#define BRANCHING XSL_HEAD "<xsl:template name='f'><xsl:param name='n' select='0'/>" \
	"<xsl:if test='$n &lt; 200'><xsl:call-template name='f'><xsl:with-param name='n' " \
	"select='$n + 1'/></xsl:call-template><xsl:call-template name='f'><xsl:with-param " \
	"name='n' select='$n + 1'/></xsl:call-template></xsl:if></xsl:template>" \
	"<xsl:template match='/'><document title='x'><xsl:call-template name='f'/></document>" \
	"</xsl:template>" XSL_TAIL

/* f(s) doubles s until it is 2 MiB long, then writes its length. */
#define GROWING XSL_HEAD "<xsl:template name='f'><xsl:param name='s' select='\"x\"'/>" \
	"<xsl:choose><xsl:when test='string-length($s) &lt; 2097152'><xsl:call-template " \
	"name='f'><xsl:with-param name='s' select='concat($s, $s)'/></xsl:call-template>" \
	"</xsl:when><xsl:otherwise><document title='x'><p>lengte <xsl:value-of " \
	"select='string-length($s)'/></p></document></xsl:otherwise></xsl:choose>" \
	"</xsl:template><xsl:template match='/'><xsl:call-template name='f'/></xsl:template>" \
	XSL_TAIL

static void test_runaway_templates(void **state)
{
	fixture *fx = *state;
	char params[600] = "", with[800] = "", xsl[2048], *out = NULL;

	write_file(fx->dir, "doubling.xsl", DOUBLING);
	expect_stopped(fx, "doubling", "sjabloon doubling: gebruikt te veel geheugen (meer dan 64 MiB); "
				       "controleer recursie in het sjabloon");
	/* the same with the string built as a tree fragment */
	write_file(fx->dir, "fragment.xsl",
		   XSL_HEAD "<xsl:template name='f'><xsl:param name='s' select='string(/)'/>"
			    "<xsl:call-template name='f'><xsl:with-param name='s'><xsl:value-of "
			    "select='$s'/><xsl:value-of select='$s'/></xsl:with-param>"
			    "</xsl:call-template></xsl:template><xsl:template match='/'>"
			    "<xsl:call-template name='f'/></xsl:template>" XSL_TAIL);
	expect_stopped(fx, "fragment", "gebruikt te veel geheugen (meer dan 64 MiB)");
	write_file(fx->dir, "branching.xsl", BRANCHING);
	expect_stopped(fx, "branching", "te veel stappen (meer dan 1000000 instructies)");
	/* twelve parameters a level fill the variable stack before the nesting limit */
	for (int i = 0; i < 12; i++) {
		snprintf(params + strlen(params), sizeof(params) - strlen(params),
			 "<xsl:param name='p%d' select='$n'/>", i);
		snprintf(with + strlen(with), sizeof(with) - strlen(with),
			 "<xsl:with-param name='p%d' select='$n'/>", i);
	}
	snprintf(xsl, sizeof(xsl),
		 XSL_HEAD "<xsl:template name='f'><xsl:param name='n' select='0'/>%s<xsl:if "
			  "test='$n &lt; 100000'><xsl:call-template name='f'><xsl:with-param name='n' "
			  "select='$n + 1'/>%s</xsl:call-template></xsl:if></xsl:template>"
			  "<xsl:template match='/'><document title='x'><xsl:call-template name='f'/>"
			  "</document></xsl:template>" XSL_TAIL, params, with);
	write_file(fx->dir, "params.xsl", xsl);
	expect_stopped(fx, "params", "te veel variabelen en parameters tegelijk (meer dan 15000)");
	write_file(fx->dir, "cubic.xsl",
		   XSL_HEAD "<xsl:template match='/'><document title='x'><p><xsl:value-of select="
			    "'count(//node()[count(//node()[count(//node()) &gt; 0]) &gt; 0])'/>"
			    "</p></document></xsl:template>" XSL_TAIL);
	expect_stopped(fx, "cubic", "te veel rekenwerk in expressies (meer dan 50000000 XPath-stappen)");
	/* and the next render on this thread has its whole budget again */
	write_file(fx->dir, "growing.xsl", GROWING);
	kngg_buf_free(&fx->errors);
	assert_int_equal(doc(fx, "growing", NULL, &out), 0);
	assert_non_null(strstr(out, "lengte 2097152"));
	free(out);
}

/* Time has its own budget: with the step limits lifted, the branching
 * template runs until its CPU time is spent. */
static void test_time_budget(void **state)
{
	fixture *fx = *state;
	doc_limits quick = doc_default_limits;

	quick.steps = 0; /* no limit */
	quick.xpath_steps = 0;
	quick.seconds = 1;
	doc_set_limits(&quick);
	write_file(fx->dir, "branching.xsl", BRANCHING);
	expect_stopped(fx, "branching", "sjabloon branching: rekent te lang (meer dan 1 s "
					"rekentijd); controleer lussen en recursie in het sjabloon");
	doc_set_limits(NULL);
}

typedef struct {
	fixture *fx;
	pthread_barrier_t *start;
	int failures;
} growing_job;

/* Renders GROWING ten times on a connection of its own. */
static void *render_growing(void *arg)
{
	growing_job *job = arg;
	kngg_tracker t = job->fx->t;
	kngg_store *st = NULL;
	char *out;
	size_t len;

	/* no cmocka here: its asserts belong to the main thread */
	if (kngg_store_open(&st, job->fx->path, 0, NULL, NULL) < 0)
		job->failures = 100;
	t.store = st;
	t.diag = NULL;
	t.warn = NULL;
	pthread_barrier_wait(job->start);
	for (int i = 0; st && i < 10; i++) {
		out = NULL;
		if (kngg_doc_render(&t, job->fx->dir, "growing", "GM0479", NULL, KNGG_DOC_MD, &out,
				    &len) < 0 || !strstr(out, "lengte 2097152"))
			job->failures++;
		free(out);
	}
	kngg_store_close(st);
	return NULL;
}

/* The limits and what counts against them belong to one thread's render:
 * a runaway template and a lowered limit here leave a render in another
 * thread alone, and the reverse. */
static void test_limits_per_thread(void **state)
{
	fixture *fx = *state;
	doc_limits small = doc_default_limits;
	pthread_barrier_t start;
	growing_job job = {fx, &start, 0};
	pthread_t other;

	write_file(fx->dir, "doubling.xsl", DOUBLING);
	write_file(fx->dir, "growing.xsl", GROWING);
	pthread_barrier_init(&start, NULL, 2);
	assert_int_equal(pthread_create(&other, NULL, render_growing, &job), 0);
	pthread_barrier_wait(&start);
	expect_stopped(fx, "doubling", "gebruikt te veel geheugen (meer dan 64 MiB)");
	small.memory = (size_t)1 << 20;
	doc_set_limits(&small);
	expect_stopped(fx, "growing", "gebruikt te veel geheugen (meer dan 1 MiB)");
	doc_set_limits(NULL);
	pthread_join(other, NULL);
	pthread_barrier_destroy(&start);
	assert_int_equal(job.failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vocabulary_check),
		cmocka_unit_test(test_markdown),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_docx),
		cmocka_unit_test(test_docx_column_widths),
		cmocka_unit_test(test_dutch_dates),
		cmocka_unit_test(test_docx_finish),
		cmocka_unit_test_setup_teardown(test_template_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_params_and_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sandbox, setup, teardown),
		cmocka_unit_test_setup_teardown(test_runaway_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_template_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_time_budget, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits_per_thread, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
