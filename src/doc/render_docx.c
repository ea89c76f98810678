/*
 * render_docx.c: the document vocabulary as a Word document (Office Open
 * XML, ECMA-376), zipped with libzip in memory.
 *
 * Headings use the built-in styles "heading 1-3" with outline levels, so
 * Word and LibreOffice list them in the navigation pane and a table of
 * contents picks them up; a document of several pages opens with one.
 * Placeholders use the character style "Invullen" and are highlighted
 * directly as well. Tables get column widths measured from their content,
 * keep each row on one page and repeat their header row. A footer on every
 * page names the document, municipality and date, with "pagina X van Y".
 * The municipality, CBS code and date are document properties (core and
 * custom). Parts are written with libxml2's text writer, which escapes
 * every value.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "doc/doc_priv.h"

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define TEXT_WIDTH 9070 /* twips between the margins of an A4 page */
#define TEXT_WIDTH_S "9070"
#define TEXT_HEIGHT 14002 /* twips between the top and bottom margins */

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
	"<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>"
	"</Types>\n";

static const char package_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties\" Target=\"docProps/custom.xml\"/>"
	"</Relationships>\n";

static const char document_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
	"<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
	"</Relationships>\n";

/* With a table of contents, w:updateFields has Word fill in its page numbers
 * when it opens the file (the estimates written here are for readers that
 * do not update fields). */
#define SETTINGS(update)                                                                     \
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"                      \
	"<w:settings xmlns:w=\"" W_NS "\"><w:defaultTabStop w:val=\"708\"/>"                    \
	"<w:characterSpacingControl w:val=\"doNotCompress\"/>" update                          \
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" "                         \
	"w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"           \
	"<w:themeFontLang w:val=\"nl-NL\"/></w:settings>\n"

static const char settings[] = SETTINGS("");
static const char settings_toc[] = SETTINGS("<w:updateFields w:val=\"true\"/>");

#define HEADING(id, name, lvl, size, before)                                                  \
	"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>"       \
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/>"    \
	"<w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"" before "\" "    \
	"w:after=\"120\"/><w:outlineLvl w:val=\"" lvl "\"/></w:pPr><w:rPr><w:b/><w:bCs/>"      \
	"<w:color w:val=\"1F3864\"/><w:sz w:val=\"" size "\"/><w:szCs w:val=\"" size "\"/>"     \
	"</w:rPr></w:style>"

#define TOC_STYLE(id, name, ind, before)                                                     \
	"<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" name "\"/>"       \
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"   \
	"<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"" TEXT_WIDTH_S "\"/>"   \
	"</w:tabs><w:spacing w:before=\"" before "\" w:after=\"20\"/><w:ind w:left=\"" ind "\"/>" \
	"</w:pPr></w:style>"

static const char styles[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:styles xmlns:w=\"" W_NS "\">"
	"<w:docDefaults><w:rPrDefault><w:rPr>"
	"<w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/>"
	"<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
	"<w:lang w:val=\"nl-NL\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/>"
	"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
	"<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
	"</w:pPr></w:pPrDefault></w:docDefaults>"
	"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
	"<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/>"
	"<w:qFormat/><w:pPr><w:spacing w:after=\"80\"/></w:pPr><w:rPr><w:b/><w:bCs/>"
	"<w:color w:val=\"1F3864\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/>"
	"<w:qFormat/><w:rPr><w:color w:val=\"404040\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
	"</w:rPr></w:style>"
	HEADING("Heading1", "heading 1", "0", "32", "360")
	HEADING("Heading2", "heading 2", "1", "26", "240")
	HEADING("Heading3", "heading 3", "2", "23", "200")
	"<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr>"
	"<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Kenmerk\">"
	"<w:name w:val=\"Kenmerk\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
	"<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/>"
	"<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Tabeltekst\">"
	"<w:name w:val=\"Tabeltekst\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
	"<w:pPr><w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TabeltekstKlein\">"
	"<w:name w:val=\"Tabeltekst klein\"/><w:basedOn w:val=\"Tabeltekst\"/>"
	"<w:rPr><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"Kader\">"
	"<w:name w:val=\"Kader\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr>"
	"<w:left w:val=\"single\" w:sz=\"24\" w:space=\"8\" w:color=\"4A7AB0\"/></w:pBdr>"
	"<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F3F6FA\"/>"
	"<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:left=\"227\"/></w:pPr>"
	"<w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
	"<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
	"<w:basedOn w:val=\"Heading1\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
	"<w:qFormat/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
	TOC_STYLE("TOC1", "toc 1", "0", "60")
	TOC_STYLE("TOC2", "toc 2", "220", "20")
	"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/>"
	"<w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:pPr><w:tabs>"
	"<w:tab w:val=\"right\" w:pos=\"" TEXT_WIDTH_S "\"/></w:tabs><w:spacing w:after=\"0\"/></w:pPr>"
	"<w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
	"<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Invullen\">"
	"<w:name w:val=\"Invullen\"/><w:uiPriority w:val=\"1\"/><w:qFormat/>"
	"<w:rPr><w:highlight w:val=\"yellow\"/></w:rPr></w:style>"
	"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
	"<w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/>"
	"<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
	"<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
	"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
	"</w:tblCellMar></w:tblPr></w:style>"
	"<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	"<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/>"
	"<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
	"<w:tblPr><w:tblBorders>"
	"<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
	"</w:tblBorders></w:tblPr></w:style>"
	"</w:styles>\n";

/* ---- writing parts ------------------------------------------------------------ */

typedef struct {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	int failed;
	int lists; /* numbered lists so far: each restarts at 1 with its own w:num */
	int break_next; /* the next paragraph starts a page */
	int split_dates; /* a table too narrow for whole dates: they may wrap */
	const char *cell_style; /* the paragraph style of the table's cells */
	int bookmark;   /* > 0: the next paragraph is the target _Toc<bookmark> */
} part;

static int part_open(part *p)
{
	memset(p, 0, sizeof(*p));
	if (!(p->buf = xmlBufferCreate()) || !(p->w = xmlNewTextWriterMemory(p->buf, 0)) ||
	    xmlTextWriterStartDocument(p->w, "1.0", "UTF-8", "yes") < 0)
		p->failed = 1;
	return p->failed ? -1 : 0;
}

/* Ends the part; the bytes stay in p->buf until part_free. */
static int part_close(part *p)
{
	if (!p->failed && xmlTextWriterEndDocument(p->w) < 0)
		p->failed = 1;
	if (p->w)
		xmlFreeTextWriter(p->w);
	p->w = NULL;
	return p->failed ? -1 : 0;
}

static void part_free(part *p)
{
	if (p->w)
		xmlFreeTextWriter(p->w);
	if (p->buf)
		xmlBufferFree(p->buf);
	memset(p, 0, sizeof(*p));
}

static void open_el(part *p, const char *name)
{
	if (!p->failed && xmlTextWriterStartElement(p->w, BAD_CAST name) < 0)
		p->failed = 1;
}

static void close_el(part *p)
{
	if (!p->failed && xmlTextWriterEndElement(p->w) < 0)
		p->failed = 1;
}

static void attr(part *p, const char *name, const char *value)
{
	if (!p->failed && xmlTextWriterWriteAttribute(p->w, BAD_CAST name, BAD_CAST value) < 0)
		p->failed = 1;
}

static void text_n(part *p, const char *s, size_t n)
{
	if (!p->failed) {
		char *copy = strndup(s, n);

		if (!copy || xmlTextWriterWriteString(p->w, BAD_CAST copy) < 0)
			p->failed = 1;
		free(copy);
	}
}

/* <name w:val="value"/> */
static void val_el(part *p, const char *name, const char *value)
{
	open_el(p, name);
	attr(p, "w:val", value);
	close_el(p);
}

static void empty_el(part *p, const char *name)
{
	open_el(p, name);
	close_el(p);
}

/* <name k1="v1" k2="v2" .../>; kv is NULL-terminated name, value pairs. */
static void attrs_el(part *p, const char *name, const char *const *kv)
{
	open_el(p, name);
	for (size_t i = 0; kv[i] && kv[i + 1]; i += 2)
		attr(p, kv[i], kv[i + 1]);
	close_el(p);
}

#define ATTRS(p, name, ...) attrs_el((p), (name), (const char *const[]){__VA_ARGS__, NULL})

/* ---- document.xml ------------------------------------------------------------- */

static void run(part *p, const char *s, size_t n, doc_style st, int bold)
{
	open_el(p, "w:r");
	if (st.fill || st.bold || st.italic || bold) {
		open_el(p, "w:rPr");
		if (st.fill)
			val_el(p, "w:rStyle", "Invullen");
		if (st.bold || bold)
			empty_el(p, "w:b");
		if (st.italic)
			empty_el(p, "w:i");
		/* also directly: LibreOffice leaves out a character style's
		 * highlight, and Word draws the highlight over the shading */
		if (st.fill) {
			val_el(p, "w:highlight", "yellow");
			ATTRS(p, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", "FFF200");
		}
		close_el(p);
	}
	open_el(p, "w:t");
	attr(p, "xml:space", "preserve");
	text_n(p, s, n);
	close_el(p);
	close_el(p);
}

typedef struct {
	part *p;
	int bold; /* header cells */
	const char *cell; /* in a table cell: its paragraph style */
} seg_ctx;

/* A Dutch date kept on one line ("18 februari 2026"): the spaces around
 * the month become no-break spaces, in the text and when measuring it. */
static void keep_dates(kngg_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int m;
		size_t len = 0;

		if (s[i] == ' ' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			for (m = 1; m <= 12 && !len; m++) {
				const char *name = kngg_month_nl(m);
				size_t k = strlen(name);

				if (i + 2 + k < n && strncmp(s + i + 1, name, k) == 0 &&
				    s[i + 1 + k] == ' ' && s[i + 2 + k] >= '0' && s[i + 2 + k] <= '9')
					len = k;
			}
		if (len) {
			kngg_buf_puts(out, "\xc2\xa0");
			kngg_buf_put(out, s + i + 1, len);
			kngg_buf_puts(out, "\xc2\xa0");
			i += len + 1;
		} else {
			kngg_buf_put(out, s + i, 1);
		}
	}
}

static void docx_seg(void *ctx, const char *text, size_t len, doc_style st)
{
	seg_ctx *c = ctx;
	kngg_buf b = {0};

	if (!text && c->cell) { /* a line of a cell (an argument, say): a paragraph */
		close_el(c->p);
		open_el(c->p, "w:p");
		open_el(c->p, "w:pPr");
		val_el(c->p, "w:pStyle", c->cell);
		close_el(c->p);
		return;
	}
	if (!text) {
		open_el(c->p, "w:r");
		empty_el(c->p, "w:br");
		close_el(c->p);
		return;
	}
	if (st.fill)
		kngg_buf_puts(&b, DOC_FILL_OPEN);
	if (c->p->split_dates)
		kngg_buf_put(&b, text, len);
	else
		keep_dates(&b, text, len);
	if (st.fill)
		kngg_buf_puts(&b, DOC_FILL_CLOSE);
	if (b.failed)
		c->p->failed = 1;
	run(c->p, kngg_buf_cstr(&b), b.len, st, c->bold);
	kngg_buf_free(&b);
}

/* A paragraph of style (NULL: Normal) holding n's inline content. numid > 0:
 * an item of that list. */
static void para(part *p, const char *style, int numid, const xmlNode *n, int bold)
{
	seg_ctx c = {p, bold, NULL};

	open_el(p, "w:p");
	if (style || numid || p->break_next) {
		open_el(p, "w:pPr");
		if (style)
			val_el(p, "w:pStyle", style);
		if (p->break_next)
			empty_el(p, "w:pageBreakBefore");
		p->break_next = 0;
		if (numid) {
			char id[16];

			snprintf(id, sizeof(id), "%d", numid);
			open_el(p, "w:numPr");
			val_el(p, "w:ilvl", "0");
			val_el(p, "w:numId", id);
			close_el(p);
		}
		close_el(p);
	}
	if (p->bookmark) {
		char id[16], name[32];

		snprintf(id, sizeof(id), "%d", p->bookmark);
		snprintf(name, sizeof(name), "_Toc%d", p->bookmark);
		ATTRS(p, "w:bookmarkStart", "w:id", id, "w:name", name);
		if (n)
			doc_inline(n, docx_seg, &c);
		ATTRS(p, "w:bookmarkEnd", "w:id", id);
		p->bookmark = 0;
	} else if (n) {
		doc_inline(n, docx_seg, &c);
	}
	close_el(p);
}

/* The paragraphs of a table cell: one per line. */
static void cell_para(part *p, const xmlNode *n, int bold)
{
	seg_ctx c = {p, bold, p->cell_style ? p->cell_style : "Tabeltekst"};

	open_el(p, "w:p");
	open_el(p, "w:pPr");
	val_el(p, "w:pStyle", c.cell);
	close_el(p);
	if (n)
		doc_inline(n, docx_seg, &c);
	close_el(p);
}

static void para_text(part *p, const char *style, const char *s)
{
	open_el(p, "w:p");
	open_el(p, "w:pPr");
	val_el(p, "w:pStyle", style);
	close_el(p);
	run(p, s, strlen(s), (doc_style){0, 0, 0}, 0);
	close_el(p);
}

/* ---- column widths ---------------------------------------------------------------- */

/* Word and LibreOffice keep the widths they are given, so equal columns break
 * a long word ("Verantwoordelijkheid") in a narrow column while a column of
 * dates has room to spare. Each column gets at least its longest word and, as
 * far as the page allows, its longest line, as a browser lays out a table.
 * When even the words do not fit, the longest words are the ones cut short,
 * so that dates and short names stay whole. Text is measured in twips for the
 * 10 pt table text, with rough character widths of the wider of Calibri and
 * its usual substitute (DejaVu Sans), so an estimate errs on the wide side. */
#define CELL_PAD 260 /* the cell margins (2 x 108) and a little room */

typedef struct {
	int bold;                   /* header cells are bold */
	int split_dates;            /* dates may wrap */
	unsigned scale;             /* font size in tenths of 10 pt */
	size_t word, line;          /* longest word and line so far, in twips */
	size_t cur_word, cur_line;
} measure;

/* The width in twips of one character at 10 pt (200 twips to the em). */
static size_t char_twips(unsigned char ch, int bold)
{
	size_t w;

	if (strchr("ijl.,:;'|!()[]", ch))
		w = 60;
	else if (strchr("ftr-/ ", ch))
		w = 80;
	else if (strchr("mwMW", ch))
		w = 190;
	else if (ch >= 'A' && ch <= 'Z')
		w = 145;
	else if (ch >= '0' && ch <= '9')
		w = 128;
	else
		w = 124; /* other lowercase, and any character beyond ASCII */
	return bold ? w * 12 / 10 : w;
}

static void measure_end_word(measure *m)
{
	if (m->cur_word > m->word)
		m->word = m->cur_word;
	m->cur_word = 0;
}

static void measure_text(measure *m, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		size_t w;

		if ((ch & 0xC0) == 0x80) /* a UTF-8 continuation byte: same character */
			continue;
		w = char_twips(ch, m->bold) * m->scale / 10;
		m->cur_line += w;
		if (ch == ' ') {
			measure_end_word(m);
			continue;
		}
		m->cur_word += w;
		/* a line may break after a hyphen or slash before a letter
		 * ("Zaanstreek-Waterland"), not inside a date or code */
		if ((ch == '-' || ch == '/') && i + 1 < n && !strchr("0123456789", s[i + 1]))
			measure_end_word(m);
	}
}

static void measure_end_line(measure *m)
{
	measure_end_word(m);
	if (m->cur_line > m->line)
		m->line = m->cur_line;
	m->cur_line = 0;
}

static void measure_seg(void *ctx, const char *text, size_t len, doc_style st)
{
	measure *m = ctx;

	if (!text) {
		measure_end_line(m);
		return;
	}
	if (st.fill)
		measure_text(m, DOC_FILL_OPEN, strlen(DOC_FILL_OPEN));
	{
		kngg_buf b = {0};

		if (m->split_dates)
			kngg_buf_put(&b, text, len);
		else
			keep_dates(&b, text, len);
		measure_text(m, kngg_buf_cstr(&b), b.len);
		kngg_buf_free(&b);
	}
	if (st.fill)
		measure_text(m, DOC_FILL_CLOSE, strlen(DOC_FILL_CLOSE));
}

/* Fills w[0..cols) with column widths in twips that add up to TEXT_WIDTH;
 * least and most are scratch space of cols entries each, zeroed. -1 when
 * even the longest words do not fit (some are cut), else 0. split_dates:
 * a Dutch date may wrap between its words. */
static int column_widths(const xmlNode *t, size_t cols, size_t *w, size_t *least, size_t *most,
			 int split_dates, unsigned scale)
{
	size_t sum_least = 0, sum_most = 0, used = 0;

	for (const xmlNode *tr = doc_elem(t->children); tr; tr = doc_elem(tr->next)) {
		size_t k = 0;

		for (const xmlNode *c = doc_elem(tr->children); c && k < cols; c = doc_elem(c->next), k++) {
			measure m = {doc_is(c, "th"), split_dates, scale, 0, 0, 0, 0};

			doc_inline(c, measure_seg, &m);
			measure_end_line(&m);
			if (m.word + CELL_PAD > least[k])
				least[k] = m.word + CELL_PAD;
			if (m.line + CELL_PAD > most[k])
				most[k] = m.line + CELL_PAD;
		}
	}
	for (size_t k = 0; k < cols; k++) {
		if (!least[k])
			least[k] = most[k] = CELL_PAD;
		sum_least += least[k];
		sum_most += most[k];
	}
	if (sum_least > TEXT_WIDTH) {
		/* even the words do not fit: cap the widest columns at the largest
		 * width that fits, so the narrow ones keep their words whole */
		size_t lo = 0, hi = TEXT_WIDTH, capped = 0;

		while (lo < hi) {
			size_t cap = (lo + hi + 1) / 2, sum = 0;

			for (size_t k = 0; k < cols; k++)
				sum += least[k] < cap ? least[k] : cap;
			if (sum <= TEXT_WIDTH)
				lo = cap;
			else
				hi = cap - 1;
		}
		for (size_t k = 0; k < cols; k++) {
			w[k] = least[k] < lo ? least[k] : lo;
			used += w[k];
			capped = w[k] == lo ? k : capped;
		}
		w[capped] += TEXT_WIDTH - used; /* rounding */
		return -1;
	}
	for (size_t k = 0; k < cols; k++) {
		if (sum_most <= TEXT_WIDTH) /* every line fits: spread the rest */
			w[k] = TEXT_WIDTH * most[k] / sum_most;
		else /* the words fit: the room left goes where lines are longest */
			w[k] = least[k] + (TEXT_WIDTH - sum_least) * (most[k] - least[k]) / (sum_most - sum_least);
		used += w[k];
	}
	w[cols - 1] += TEXT_WIDTH - used; /* rounding */
	return 0;
}

static void table(part *p, const xmlNode *t)
{
	static const struct {
		int split_dates;
		unsigned scale;
		const char *style;
	} tries[] = {{0, 10, "Tabeltekst"}, {1, 10, "Tabeltekst"}, {0, 8, "TabeltekstKlein"},
		     {1, 8, "TabeltekstKlein"}};
	size_t cols = doc_table_cols(t);
	size_t *widths = NULL;
	char width[16];

	if (!cols)
		return;
	if (!(widths = calloc(3 * cols, sizeof(*widths)))) {
		p->failed = 1;
		return;
	}
	/* whole words and dates at 10 pt; else dates may wrap; else the same at
	 * 8 pt (and when even then the words do not fit, the longest are cut) */
	for (size_t i = 0; i < sizeof(tries) / sizeof(tries[0]); i++) {
		memset(widths, 0, 3 * cols * sizeof(*widths));
		p->split_dates = tries[i].split_dates;
		p->cell_style = tries[i].style;
		if (column_widths(t, cols, widths, widths + cols, widths + 2 * cols,
				  tries[i].split_dates, tries[i].scale) == 0)
			break;
	}
	if (p->break_next)
		para(p, NULL, 0, NULL, 0);
	open_el(p, "w:tbl");
	open_el(p, "w:tblPr");
	val_el(p, "w:tblStyle", "TableGrid");
	ATTRS(p, "w:tblW", "w:w", TEXT_WIDTH_S, "w:type", "dxa");
	/* the widths as given: Word's autofit would shrink a column mid-word */
	ATTRS(p, "w:tblLayout", "w:type", "fixed");
	ATTRS(p, "w:tblLook", "w:val", "04A0", "w:firstRow", "1", "w:lastRow", "0", "w:firstColumn", "0",
	      "w:lastColumn", "0", "w:noHBand", "0", "w:noVBand", "1");
	close_el(p);
	open_el(p, "w:tblGrid");
	for (size_t k = 0; k < cols; k++) {
		snprintf(width, sizeof(width), "%zu", widths[k]);
		ATTRS(p, "w:gridCol", "w:w", width);
	}
	close_el(p);
	for (const xmlNode *tr = doc_elem(t->children); tr; tr = doc_elem(tr->next)) {
		int head = doc_header_row(tr);
		size_t k = 0;

		open_el(p, "w:tr");
		open_el(p, "w:trPr");
		empty_el(p, "w:cantSplit"); /* a row stays on one page */
		if (head)
			empty_el(p, "w:tblHeader"); /* repeated on every page */
		close_el(p);
		for (const xmlNode *c = doc_elem(tr->children); k < cols; k++) {
			int th = c && doc_is(c, "th");

			open_el(p, "w:tc");
			open_el(p, "w:tcPr");
			snprintf(width, sizeof(width), "%zu", widths[k]);
			ATTRS(p, "w:tcW", "w:w", width, "w:type", "dxa");
			if (th)
				ATTRS(p, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", "E8EEF4");
			close_el(p);
			cell_para(p, c, th); /* every cell holds a paragraph, even an empty one */
			close_el(p);
			if (c)
				c = doc_elem(c->next);
		}
		close_el(p);
	}
	close_el(p);
	p->split_dates = 0;
	p->cell_style = NULL;
	para(p, NULL, 0, NULL, 0); /* keeps two tables apart */
	free(widths);
}

/* ---- page estimate and table of contents ---------------------------------------- */

/*
 * Documents longer than a few pages get a table of contents (headings of
 * level 1 and 2) on the first page, and their content starts on the next.
 * It is a TOC field, so Word rebuilds it (settings.xml asks it to update
 * fields on opening); until then, and in LibreOffice, which shows what the
 * file holds, the entries are written out here: each a link to a bookmark
 * on its heading, with a PAGEREF field whose page number LibreOffice lays
 * out itself and whose stored value is estimated. The estimate measures
 * text as the column widths do (at its font size) and wraps it greedily.
 */
#define TOC_MIN_PAGES 5   /* a document this long (estimated) gets one */
#define TOC_MIN_ENTRIES 3 /* ... when it has this many headings to list */
#define TOC_MAX_ENTRIES 20 /* more: level 1 only, so that it fits on the first page */

typedef struct {
	size_t width;         /* of the line, twips */
	unsigned scale;       /* font size in tenths of 10 pt */
	int bold;
	size_t line, word;    /* the current line and word so far */
	size_t lines;         /* lines completed */
} wrap;

static void wrap_word(wrap *w)
{
	if (w->line && w->line + w->word > w->width) {
		w->lines++;
		w->line = 0;
	}
	w->line += w->word;
	w->word = 0;
}

static void wrap_text(wrap *w, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		size_t cw;

		if ((ch & 0xC0) == 0x80)
			continue;
		cw = char_twips(ch, w->bold) * w->scale * 9 / 100; /* the widths err wide */
		if (ch == ' ') {
			wrap_word(w);
			w->line += cw;
		} else {
			w->word += cw;
		}
	}
}

static void wrap_seg(void *ctx, const char *text, size_t len, doc_style st)
{
	wrap *w = ctx;

	if (!text) {
		wrap_word(w);
		w->lines++;
		w->line = 0;
		return;
	}
	if (st.fill)
		wrap_text(w, DOC_FILL_OPEN, strlen(DOC_FILL_OPEN));
	{
		kngg_buf b = {0};

		keep_dates(&b, text, len);
		wrap_text(w, kngg_buf_cstr(&b), b.len);
		kngg_buf_free(&b);
	}
	if (st.fill)
		wrap_text(w, DOC_FILL_CLOSE, strlen(DOC_FILL_CLOSE));
}

/* The lines n's inline content takes in a column width twips wide. */
static size_t lines_of(const xmlNode *n, size_t width, unsigned scale, int bold)
{
	wrap w = {width, scale, bold, 0, 0, 0};

	if (n)
		doc_inline(n, wrap_seg, &w);
	wrap_word(&w);
	return w.lines + 1;
}

typedef struct {
	char *text;  /* the heading's text */
	int level;   /* 1 or 2 */
	long page;   /* estimated */
} toc_entry;

typedef struct {
	long page, y;     /* the page (from 1) and twips used on it */
	toc_entry *toc;   /* the headings of levels 1 to levels */
	size_t entries;
	int levels;       /* 1 or 2 */
	int failed;
} layout;

/* Adds a block of h twips that is not split over pages; keep: twips of
 * what follows that must be on the same page (a heading's first lines). */
static void place(layout *l, long h, long keep)
{
	if (l->y > 0 && l->y + h + keep > TEXT_HEIGHT) {
		l->page++;
		l->y = 0;
	}
	l->y += h;
	while (l->y > TEXT_HEIGHT) { /* a block longer than a page */
		l->page++;
		l->y -= TEXT_HEIGHT;
	}
}

static void heading_text(void *ctx, const char *text, size_t len, doc_style st)
{
	(void)st;
	if (text)
		kngg_buf_put(ctx, text, len);
	else
		kngg_buf_put(ctx, " ", 1);
}

static void layout_table(layout *l, const xmlNode *t)
{
	size_t cols = doc_table_cols(t);
	size_t *w;

	if (!cols)
		return;
	if (!(w = calloc(3 * cols, sizeof(*w)))) {
		l->failed = 1;
		return;
	}
	column_widths(t, cols, w, w + cols, w + 2 * cols, 0, 10);
	for (const xmlNode *tr = doc_elem(t->children); tr; tr = doc_elem(tr->next)) {
		size_t k = 0, most = 1;

		for (const xmlNode *c = doc_elem(tr->children); c && k < cols;
		     c = doc_elem(c->next), k++) {
			size_t n = lines_of(c, w[k] > CELL_PAD ? w[k] - CELL_PAD + 40 : 40, 10,
					    doc_is(c, "th"));

			if (n > most)
				most = n;
		}
		place(l, (long)most * 232 + 40, 0);
	}
	place(l, 300, 0); /* the paragraph after it */
	free(w);
}

/* Walks the blocks as body() writes them; with toc, the headings that
 * get an entry are collected with their estimated pages. */
static void layout_blocks(layout *l, const xmlNode *root, int toc, int toc_lines)
{

	int first = 1;

	l->page = 1;
	l->y = 1900; /* title, subtitle and the line under them */
	for (const xmlNode *n = doc_elem(root->children); n; n = doc_elem(n->next)) {
		static const long line_h[] = {285, 460, 380, 330}; /* Normal, h1-h3 */
		static const long space_h[] = {120, 480, 360, 320};
		static const unsigned scale_h[] = {11, 16, 13, 12};
		int level = doc_heading(n);

		if (level) {
			if (toc && first) { /* the table, then a new page */
				place(l, 900 + (long)toc_lines * 330, 0); /* at most 20 */
				l->page++;
				l->y = 0;
			}
			first = 0;
			place(l, (long)lines_of(n, TEXT_WIDTH, scale_h[level], 1) * line_h[level] +
					 space_h[level], 2 * line_h[0]);
			if (toc && level <= l->levels) {
				toc_entry *e = &l->toc[l->entries];
				kngg_buf b = {0};

				doc_inline(n, heading_text, &b);
				if (b.failed || !(e->text = strdup(kngg_buf_cstr(&b))))
					l->failed = 1;
				kngg_buf_free(&b);
				e->level = level;
				e->page = l->page;
				l->entries++;
			}
		} else if (doc_is(n, "p")) {
			place(l, (long)lines_of(n, TEXT_WIDTH, 11, 0) * line_h[0] + space_h[0], 0);
		} else if (doc_is(n, "note")) {
			place(l, (long)lines_of(n, TEXT_WIDTH - 500, 10, 0) * 270 + 360, 0);
		} else if (doc_is(n, "ul") || doc_is(n, "ol")) {
			for (const xmlNode *li = doc_elem(n->children); li; li = doc_elem(li->next))
				place(l, (long)lines_of(li, TEXT_WIDTH - 720, 11, 0) * line_h[0] + 40,
				      0);
		} else if (doc_is(n, "table")) {
			layout_table(l, n);
		}
	}
}

static void layout_free(layout *l)
{
	for (size_t i = 0; i < l->entries; i++)
		free(l->toc[i].text);
	free(l->toc);
	memset(l, 0, sizeof(*l));
}

/* Lays the document out: l->page is its estimated length; l->toc holds
 * the entries of a table of contents when it gets one (l->entries > 0). */
static int plan(layout *l, const xmlNode *root)
{
	size_t headings = 0, chapters = 0;

	memset(l, 0, sizeof(*l));
	for (const xmlNode *n = doc_elem(root->children); n; n = doc_elem(n->next)) {
		headings += doc_heading(n) == 1 || doc_heading(n) == 2;
		chapters += doc_heading(n) == 1;
	}
	if (headings > TOC_MAX_ENTRIES)
		headings = chapters;
	l->levels = headings == chapters ? 1 : 2;
	layout_blocks(l, root, 0, 0);
	if (l->failed)
		return -1;
	if (l->page < TOC_MIN_PAGES || headings < TOC_MIN_ENTRIES)
		return 0;
	if (!(l->toc = calloc(headings, sizeof(*l->toc))))
		return -1;
	layout_blocks(l, root, 1, (int)headings);
	return l->failed ? -1 : 0;
}

/* A field in complex form: begin, instruction, separate, the stored
 * result, end. field_begin writes up to the separator. */
static void field_begin(part *p, const char *instr)
{
	open_el(p, "w:r");
	ATTRS(p, "w:fldChar", "w:fldCharType", "begin");
	close_el(p);
	open_el(p, "w:r");
	open_el(p, "w:instrText");
	attr(p, "xml:space", "preserve");
	text_n(p, instr, strlen(instr));
	close_el(p);
	close_el(p);
	open_el(p, "w:r");
	ATTRS(p, "w:fldChar", "w:fldCharType", "separate");
	close_el(p);
}

static void field_end(part *p)
{
	open_el(p, "w:r");
	ATTRS(p, "w:fldChar", "w:fldCharType", "end");
	close_el(p);
}

static void field(part *p, const char *instr, const char *result)
{
	field_begin(p, instr);
	run(p, result, strlen(result), (doc_style){0, 0, 0}, 0);
	field_end(p);
}

static void toc(part *p, const layout *l)
{
	open_el(p, "w:sdt");
	open_el(p, "w:sdtPr");
	open_el(p, "w:docPartObj");
	val_el(p, "w:docPartGallery", "Table of Contents");
	empty_el(p, "w:docPartUnique");
	close_el(p);
	close_el(p);
	open_el(p, "w:sdtContent");
	para_text(p, "TOCHeading", "Inhoud");
	for (size_t i = 0; i < l->entries; i++) {
		const toc_entry *e = &l->toc[i];
		char anchor[32], instr[64], page[24];

		snprintf(anchor, sizeof(anchor), "_Toc%zu", i + 1);
		snprintf(instr, sizeof(instr), " PAGEREF %s \\h ", anchor);
		snprintf(page, sizeof(page), "%ld", e->page);
		open_el(p, "w:p");
		open_el(p, "w:pPr");
		val_el(p, "w:pStyle", e->level == 1 ? "TOC1" : "TOC2");
		close_el(p);
		if (i == 0) /* the field holds all entries */
			field_begin(p, l->levels == 1 ? " TOC \\o \"1-1\" \\h \\z \\u "
						      : " TOC \\o \"1-2\" \\h \\z \\u ");
		open_el(p, "w:hyperlink");
		attr(p, "w:anchor", anchor);
		attr(p, "w:history", "1");
		run(p, e->text, strlen(e->text), (doc_style){0, 0, 0}, 0);
		open_el(p, "w:r");
		empty_el(p, "w:tab");
		close_el(p);
		field(p, instr, page);
		close_el(p);
		if (i + 1 == l->entries)
			field_end(p);
		close_el(p);
	}
	close_el(p);
	close_el(p);
	p->break_next = 1; /* the content starts on a page of its own */
}

/* ---- the footer ----------------------------------------------------------------- */

/* On every page: the document, the municipality and its date, and
 * "pagina X van Y" (PAGE and NUMPAGES fields; stored values estimated). */
static void footer(part *p, const doc_meta *m, long pages)
{
	kngg_buf left = {0};
	char date[32], total[24];

	kngg_date_nl(m->date, date);
	snprintf(total, sizeof(total), "%ld", pages);
	kngg_buf_printf(&left, "%s · %s · %s", m->title, m->name ? m->name : m->code, date);
	if (left.failed)
		p->failed = 1;
	open_el(p, "w:ftr");
	attr(p, "xmlns:w", W_NS);
	attr(p, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
	open_el(p, "w:p");
	open_el(p, "w:pPr");
	val_el(p, "w:pStyle", "Footer");
	close_el(p);
	run(p, kngg_buf_cstr(&left), left.len, (doc_style){0, 0, 0}, 0);
	open_el(p, "w:r");
	empty_el(p, "w:tab");
	close_el(p);
	run(p, "pagina ", 7, (doc_style){0, 0, 0}, 0);
	field(p, " PAGE ", "1");
	run(p, " van ", 5, (doc_style){0, 0, 0}, 0);
	field(p, " NUMPAGES ", total);
	close_el(p);
	close_el(p);
	kngg_buf_free(&left);
}

/* ---- the body ------------------------------------------------------------------- */

static void body(part *p, const xmlNode *root, const doc_meta *m, const layout *l)
{
	kngg_buf meta = {0};
	char date[32];
	size_t entry = 0;
	int first = 1;

	open_el(p, "w:document");
	attr(p, "xmlns:w", W_NS);
	attr(p, "xmlns:r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
	open_el(p, "w:body");
	para_text(p, "Title", m->title);
	if (m->subtitle)
		para_text(p, "Subtitle", m->subtitle);
	kngg_date_nl(m->date, date);
	kngg_buf_printf(&meta, "%s (%s) · stand van %s", m->name ? m->name : "", m->code, date);
	para_text(p, "Kenmerk", kngg_buf_cstr(&meta));
	kngg_buf_free(&meta);
	for (const xmlNode *n = doc_elem(root->children); n; n = doc_elem(n->next)) {
		static const char *const heading[] = {NULL, "Heading1", "Heading2", "Heading3"};
		int level = doc_heading(n);

		if (level) {
			if (first && l->entries)
				toc(p, l); /* after what comes before the first heading */
			first = 0;
			if (level <= l->levels && entry < l->entries)
				p->bookmark = (int)++entry;
			para(p, heading[level], 0, n, 0);
		} else if (doc_is(n, "p")) {
			para(p, NULL, 0, n, 0);
		} else if (doc_is(n, "note")) {
			para(p, "Kader", 0, n, 0);
		} else if (doc_is(n, "ul") || doc_is(n, "ol")) {
			/* numId 1: bullets; 2, 3, ...: one per numbered list */
			int numid = doc_is(n, "ul") ? 1 : 2 + p->lists++;

			for (const xmlNode *li = doc_elem(n->children); li; li = doc_elem(li->next))
				para(p, "ListParagraph", numid, li, 0);
		} else if (doc_is(n, "table")) {
			table(p, n);
		}
	}
	open_el(p, "w:sectPr");
	ATTRS(p, "w:footerReference", "w:type", "default", "r:id", "rId4");
	ATTRS(p, "w:pgSz", "w:w", "11906", "w:h", "16838"); /* A4 */
	ATTRS(p, "w:pgMar", "w:top", "1418", "w:right", "1418", "w:bottom", "1418", "w:left", "1418",
	      "w:header", "709", "w:footer", "709", "w:gutter", "0");
	close_el(p);
	close_el(p);
	close_el(p);
}

/* ---- numbering.xml and properties ---------------------------------------------- */

static void abstract_num(part *p, const char *id, const char *fmt, const char *text)
{
	open_el(p, "w:abstractNum");
	attr(p, "w:abstractNumId", id);
	val_el(p, "w:multiLevelType", "singleLevel");
	open_el(p, "w:lvl");
	attr(p, "w:ilvl", "0");
	val_el(p, "w:start", "1");
	val_el(p, "w:numFmt", fmt);
	val_el(p, "w:lvlText", text);
	val_el(p, "w:lvlJc", "left");
	open_el(p, "w:pPr");
	ATTRS(p, "w:ind", "w:left", "720", "w:hanging", "360");
	close_el(p);
	close_el(p);
	close_el(p);
}

static void numbering(part *p, int lists)
{
	open_el(p, "w:numbering");
	attr(p, "xmlns:w", W_NS);
	abstract_num(p, "0", "bullet", "\xe2\x80\xa2");
	abstract_num(p, "1", "decimal", "%1.");
	for (int i = 0; i <= lists; i++) {
		char id[16];

		snprintf(id, sizeof(id), "%d", i + 1);
		open_el(p, "w:num");
		attr(p, "w:numId", id);
		val_el(p, "w:abstractNumId", i == 0 ? "0" : "1");
		if (i > 0) {
			open_el(p, "w:lvlOverride");
			attr(p, "w:ilvl", "0");
			val_el(p, "w:startOverride", "1");
			close_el(p);
		}
		close_el(p);
	}
	close_el(p);
}

static void el_text(part *p, const char *name, const char *value)
{
	open_el(p, name);
	text_n(p, value, strlen(value));
	close_el(p);
}

static void core(part *p, const doc_meta *m)
{
	kngg_buf title = {0}, subject = {0}, when = {0};

	kngg_buf_printf(&title, "%s – %s", m->title, m->name ? m->name : m->code);
	kngg_buf_printf(&subject, "Kind naar Gezonder Gewicht – %s (%s)", m->name ? m->name : "",
			m->code);
	kngg_buf_printf(&when, "%sT00:00:00Z", m->date);
	if (title.failed || subject.failed || when.failed)
		p->failed = 1;
	open_el(p, "cp:coreProperties");
	attr(p, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	attr(p, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	attr(p, "xmlns:dcterms", "http://purl.org/dc/terms/");
	attr(p, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	el_text(p, "dc:title", kngg_buf_cstr(&title));
	el_text(p, "dc:subject", kngg_buf_cstr(&subject));
	el_text(p, "dc:creator", "kngg");
	el_text(p, "cp:keywords", m->code);
	if (m->source)
		el_text(p, "dc:description", m->source);
	el_text(p, "dc:language", "nl-NL");
	open_el(p, "dcterms:created");
	attr(p, "xsi:type", "dcterms:W3CDTF");
	text_n(p, when.ptr, when.len);
	close_el(p);
	open_el(p, "dcterms:modified");
	attr(p, "xsi:type", "dcterms:W3CDTF");
	text_n(p, when.ptr, when.len);
	close_el(p);
	close_el(p);
	kngg_buf_free(&title);
	kngg_buf_free(&subject);
	kngg_buf_free(&when);
}

static void app(part *p)
{
	open_el(p, "Properties");
	attr(p, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
	el_text(p, "Application", "kngg " KNGG_VERSION);
	close_el(p);
}

/* Custom properties: what a municipality can put in headers or fields. */
static void custom(part *p, const doc_meta *m)
{
	const char *props[][2] = {{"Gemeente", m->name ? m->name : ""},
				  {"CBS-code", m->code},
				  {"Peildatum", m->date}};

	open_el(p, "Properties");
	attr(p, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
	attr(p, "xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
	for (int i = 0; i < 3; i++) {
		char pid[16];

		snprintf(pid, sizeof(pid), "%d", i + 2);
		open_el(p, "property");
		attr(p, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
		attr(p, "pid", pid);
		attr(p, "name", props[i][0]);
		el_text(p, "vt:lpwstr", props[i][1]);
		close_el(p);
	}
	close_el(p);
}

/* ---- the zip ------------------------------------------------------------------ */

/* Adds a part; data must live until zip_close. All parts get the date of
 * the document as their time, so the same state gives the same file. */
static int add(zip_t *za, const char *name, const void *data, size_t len, time_t when)
{
	zip_source_t *src = zip_source_buffer(za, data, len, 0);
	zip_int64_t idx;

	if (!src)
		return -1;
	if ((idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8)) < 0) {
		zip_source_free(src);
		return -1;
	}
	return zip_file_set_mtime(za, (zip_uint64_t)idx, when, 0) < 0 ? -1 : 0;
}

static time_t date_time(const char *date)
{
	struct tm tm = {0};

	tm.tm_year = atoi(date) - 1900;
	tm.tm_mon = atoi(date + 5) - 1;
	tm.tm_mday = atoi(date + 8);
	tm.tm_hour = 12;
	return mktime(&tm);
}

int doc_render_docx(const xmlNode *root, const doc_meta *m, char **out, size_t *len)
{
	part doc, num, cp, ap, cu, ft;
	layout l;
	zip_error_t ze;
	zip_source_t *mem = NULL;
	zip_t *za = NULL;
	zip_stat_t st;
	time_t when = date_time(m->date);
	int rc = KNGG_ENOMEM;

	*out = NULL;
	*len = 0;
	part_open(&doc);
	part_open(&num);
	part_open(&cp);
	part_open(&ap);
	part_open(&cu);
	part_open(&ft);
	if (plan(&l, root) < 0)
		doc.failed = 1;
	body(&doc, root, m, &l);
	footer(&ft, m, l.page);
	numbering(&num, doc.lists);
	core(&cp, m);
	app(&ap);
	custom(&cu, m);
	if (part_close(&doc) < 0 || part_close(&num) < 0 || part_close(&cp) < 0 ||
	    part_close(&ap) < 0 || part_close(&cu) < 0 || part_close(&ft) < 0)
		goto done;

	zip_error_init(&ze);
	if (!(mem = zip_source_buffer_create(NULL, 0, 0, &ze)) ||
	    !(za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)))
		goto done;
	zip_source_keep(mem); /* the archive's bytes outlive the archive */
#define ADD_PART(name, p)                                                                    \
	add(za, name, xmlBufferContent((p).buf), (size_t)xmlBufferLength((p).buf), when)
	if (add(za, "[Content_Types].xml", content_types, sizeof(content_types) - 1, when) < 0 ||
	    add(za, "_rels/.rels", package_rels, sizeof(package_rels) - 1, when) < 0 ||
	    ADD_PART("word/document.xml", doc) < 0 ||
	    add(za, "word/_rels/document.xml.rels", document_rels, sizeof(document_rels) - 1, when) < 0 ||
	    add(za, "word/styles.xml", styles, sizeof(styles) - 1, when) < 0 ||
	    ADD_PART("word/numbering.xml", num) < 0 ||
	    ADD_PART("word/footer1.xml", ft) < 0 ||
	    (l.entries ? add(za, "word/settings.xml", settings_toc, sizeof(settings_toc) - 1, when)
		       : add(za, "word/settings.xml", settings, sizeof(settings) - 1, when)) < 0 ||
	    ADD_PART("docProps/core.xml", cp) < 0 || ADD_PART("docProps/app.xml", ap) < 0 ||
	    ADD_PART("docProps/custom.xml", cu) < 0)
		goto done;
#undef ADD_PART
	if (zip_close(za) < 0)
		goto done;
	za = NULL;
	if (zip_source_stat(mem, &st) < 0 || zip_source_open(mem) < 0)
		goto done;
	if ((*out = malloc(st.size ? st.size : 1)) &&
	    zip_source_read(mem, *out, st.size) == (zip_int64_t)st.size) {
		*len = st.size;
		rc = 0;
	} else {
		free(*out);
		*out = NULL;
	}
	zip_source_close(mem);
done:
	if (za)
		zip_discard(za);
	if (mem)
		zip_source_free(mem);
	part_free(&doc);
	part_free(&num);
	part_free(&cp);
	part_free(&ap);
	part_free(&cu);
	part_free(&ft);
	layout_free(&l);
	return rc;
}
