#!/usr/bin/env bash
# t0160-doc-finish.sh: Word documents that look finished (issue 17). Column widths from the
# content that add up to the text width; a footer with the document, municipality, Dutch date
# and "pagina X van Y"; a table of contents on long documents (and Word asked to update it);
# placeholders highlighted directly; no ISO date in any document; several arguments in one
# cell kept apart; -o picks the format from the extension in any capitalisation, makes PDF and
# ODT through LibreOffice (and says so when it is not installed) and refuses an extension it
# cannot write; the voortgangsrapportage's default period covers the recorded work.
# LibreOffice turns the DOCX into a PDF in which no word of a table is broken.
. "$(dirname "$0")/lib.sh" "$@"

DB=$TMP/demo.db
ASOF=2026-11-23
run --db "$DB" demo
expect_rc 0 "demo"
run --db "$DB" signoff GM9999 1.5/s1 --decision no-go --signer "Sanne Brouwer" --role wethouder \
	--org "Gemeente Waterlinde" --document "Besluit 2026-200" --date 2026-11-10 \
	--argument "Geen budget in 2027" --argument "Partners nog niet klaar"
expect_rc 0 "a no-go with two arguments"

TEMPLATES=$(ls "$SRC"/templates/*.xsl | xargs -n1 basename | sed 's/\.xsl$//' | grep -v '^common$')
for t in $TEMPLATES; do
	run --db "$DB" doc "$t" GM9999 --as-of $ASOF -o "$TMP/$t.docx"
	expect_rc 0 "$t docx"
	run --db "$DB" doc "$t" GM9999 --as-of $ASOF --format md
	expect_rc 0 "$t md"
	printf '%s\n' "$out" >"$TMP/$t.md"
done

# docx_check FILE CHECK...: python3 checks of one package (exit 1 with the reason on stderr)
docx_check() {
	python3 - "$@" <<'PY'
import re, sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
doc = ET.fromstring(z.read('word/document.xml'))
def text(el):
    return ''.join(t.text or '' for t in el.iter(W + 't'))
def fail(why):
    print(why, file=sys.stderr)
    sys.exit(1)
for check in sys.argv[2:]:
    if check == 'grid':
        # every table: one gridCol per cell, widths that add up to the text width (9070 twips)
        # and no column narrower than its longest word needs (about 60 twips a character)
        for tbl in doc.iter(W + 'tbl'):
            cols = [int(g.get(W + 'w')) for g in tbl.iter(W + 'gridCol')]
            if sum(cols) != 9070:
                fail('grid: %s adds up to %d' % (cols, sum(cols)))
            if tbl.find(W + 'tblPr/' + W + 'tblLayout') is None or \
               tbl.find(W + 'tblPr/' + W + 'tblLayout').get(W + 'type') != 'fixed':
                fail('grid: no fixed layout')
            for tr in tbl.iter(W + 'tr'):
                tcs = tr.findall(W + 'tc')
                if len(tcs) != len(cols):
                    fail('grid: %d cells, %d columns' % (len(tcs), len(cols)))
                for tc, w in zip(tcs, cols):
                    if int(tc.find(W + 'tcPr/' + W + 'tcW').get(W + 'w')) != w:
                        fail('grid: tcW differs from gridCol')
                    for word in re.findall(r'\w+', text(tc)):
                        if len(word) * 60 + 216 > w:
                            fail('grid: "%s" cannot fit in %d twips' % (word, w))
    elif check.startswith('footer:'):
        want = check[len('footer:'):].split('|')
        sect = doc.find(W + 'body/' + W + 'sectPr')
        ref = sect.find(W + 'footerReference') if sect is not None else None
        if ref is None or ref.get(W + 'type') != 'default':
            fail('footer: no default footerReference')
        ftr = ET.fromstring(z.read('word/footer1.xml'))
        instr = ' '.join(i.text or '' for i in ftr.iter(W + 'instrText'))
        if 'PAGE' not in instr.split() or 'NUMPAGES' not in instr.split():
            fail('footer: fields are %r' % instr)
        ft = text(ftr)
        for w in want:
            if w not in ft:
                fail('footer: %r not in %r' % (w, ft))
        if 'pagina ' not in ft or ' van ' not in ft:
            fail('footer: no "pagina X van Y" in %r' % ft)
    elif check in ('toc', 'no-toc'):
        instr = ' '.join(i.text or '' for i in doc.iter(W + 'instrText'))
        settings = z.read('word/settings.xml').decode()
        has = re.search(r'\bTOC\b', instr) is not None
        if check == 'toc':
            if not has or instr.count('PAGEREF') < 5:
                fail('toc: no TOC field with entries: %r' % instr[:200])
            if 'w:updateFields w:val="true"' not in settings:
                fail('toc: Word is not asked to update fields')
            names = {b.get(W + 'name') for b in doc.iter(W + 'bookmarkStart')}
            for a in re.findall(r'PAGEREF (\S+)', instr):
                if a not in names:
                    fail('toc: PAGEREF %s has no bookmark' % a)
            if 'Inhoud' not in [text(p) for p in doc.iter(W + 'p')]:
                fail('toc: no heading "Inhoud"')
        elif has or 'updateFields' in settings:
            fail('no-toc: a short document has a table of contents')
    elif check == 'fills':
        # every placeholder run highlighted directly (LibreOffice ignores a style's highlight)
        n = 0
        for r in doc.iter(W + 'r'):
            if text(r).startswith('[In te vullen: '):
                n += 1
                hl = r.find(W + 'rPr/' + W + 'highlight')
                if hl is None or hl.get(W + 'val') != 'yellow':
                    fail('fills: %r not highlighted' % text(r))
        if n == 0:
            fail('fills: no placeholder')
    elif check == 'no-iso':
        for part in ['word/document.xml', 'word/footer1.xml']:
            t = text(ET.fromstring(z.read(part)))
            m = re.search(r'(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])', t)
            if m:
                fail('no-iso: %s holds %s' % (part, m.group(0)))
    elif check == 'arguments':
        # the two arguments of the no-go: each its own paragraph in the cell
        for tc in doc.iter(W + 'tc'):
            ps = [text(p) for p in tc.findall(W + 'p')]
            if any('Geen budget in 2027' in p for p in ps):
                if len(ps) < 2 or not any('Partners nog niet klaar' in p and 'budget' not in p for p in ps):
                    fail('arguments: run together: %r' % ps)
                break
        else:
            fail('arguments: no cell with the arguments')
    else:
        fail('unknown check ' + check)
PY
}

for t in $TEMPLATES; do
	check 'docx_check "$TMP/$t.docx" grid' "$t: column widths from the content add up to the page"
	check 'docx_check "$TMP/$t.docx" "footer:Waterlinde|23 november 2026"' \
		"$t: footer with municipality, Dutch date and PAGE/NUMPAGES"
	check 'docx_check "$TMP/$t.docx" fills' "$t: placeholders highlighted yellow"
	check 'docx_check "$TMP/$t.docx" no-iso' "$t docx: no ISO date"
	check '! grep -Eq "(^|[^0-9-])[0-9]{4}-[0-9]{2}-[0-9]{2}([^0-9-]|$)" "$TMP/$t.md"' "$t md: no ISO date"
done
check 'grep -q "^\*\*Datum:\*\* 23 november 2026" "$TMP/projectplan.md"' "md: the date the Dutch way"
check 'docx_check "$TMP/projectplan.docx" toc' "projectplan: a table of contents, Word updates it"
check 'docx_check "$TMP/borgingslijst.docx" toc' "borgingslijst: a table of contents"
check 'docx_check "$TMP/actieplan.docx" no-toc' "actieplan (one page): no table of contents"
check 'docx_check "$TMP/besluitnotitie.docx" arguments' "besluitnotitie docx: one paragraph per argument"
check 'grep -q "Geen budget in 2027<br>•.Partners nog niet klaar" "$TMP/besluitnotitie.md"' \
	"besluitnotitie md: the arguments on lines of their own, with bullets"

# a municipality's own template with a table too wide for 10 pt: smaller text, words whole
mkdir -p "$TMP/own"
cat >"$TMP/own/breed.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<!-- kngg: een tabel met veel kolommen -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><document title="Breed"><h1>Tabel</h1><table>
<tr><th>Ondertekening</th><th>Verantwoordelijke</th><th>Gemeenteraad</th><th>Samenwerking</th><th>Datum</th></tr>
<tr><td>Bestuurder</td><td>Projectleider</td><td>Raadsvoorstel</td><td>Convenant</td><td>2026-01-14</td></tr>
</table></document></xsl:template></xsl:stylesheet>
XSL
run --db "$DB" doc breed GM9999 --as-of $ASOF --templates "$TMP/own" -o "$TMP/breed.docx"
expect_rc 0 "own template with a wide table"
check 'unzip -p "$TMP/breed.docx" word/document.xml | grep -q "w:pStyle w:val=\"TabeltekstKlein\""' \
	"a table too wide for 10 pt gets the small table text"
check 'docx_check "$TMP/breed.docx" grid' "the wide table's words fit at 8 pt"

# --- the format from the extension ---------------------------------------------------------
run --db "$DB" doc actieplan GM9999 -o "$TMP/upper.DOCX"
expect_rc 0 ".DOCX"
check 'python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).read(\"word/document.xml\")" "$TMP/upper.DOCX"' \
	".DOCX is a Word document"
run --db "$DB" doc actieplan GM9999 -o "$TMP/mixed.Md"
expect_rc 0 ".Md"
check 'head -1 "$TMP/mixed.Md" | grep -q "^# Actieplan"' ".Md is Markdown"
run --db "$DB" doc actieplan GM9999 -o "$TMP/page.HTML"
check 'grep -q "<html lang=\"nl\">" "$TMP/page.HTML"' ".HTML is HTML"
run --db "$DB" doc actieplan GM9999 --format DOCX -o "$TMP/fmt.bin"
check '[ $rc -eq 0 ] && unzip -l "$TMP/fmt.bin" >/dev/null 2>&1' "--format DOCX in capitals"
# PDF and ODT: the DOCX through LibreOffice headless where it is installed; where it is not,
# one line that says so, nothing written, nothing changed
one_line() { [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && case "$err" in "kngg: "*) true ;; *) false ;; esac; }
# a private TMPDIR: other tests (t0060) convert with LibreOffice at the same time
mkdir -p "$TMP/tmp"
export TMPDIR="$TMP/tmp"
if command -v soffice >/dev/null 2>&1; then
	run --db "$DB" doc actieplan GM9999 -o "$TMP/lo.pdf"
	expect_rc 0 ".pdf through LibreOffice"
	check 'head -c 5 "$TMP/lo.pdf" | grep -q "%PDF-"' ".pdf is a PDF"
	check '! command -v pdftotext >/dev/null || pdftotext "$TMP/lo.pdf" - | grep -q "Actieplan"' ".pdf holds the document"
	run --db "$DB" doc actieplan GM9999 -o "$TMP/lo.ODT"
	expect_rc 0 ".ODT through LibreOffice"
	check '[ "$(unzip -p "$TMP/lo.ODT" mimetype)" = "application/vnd.oasis.opendocument.text" ]' ".ODT is an OpenDocument text"
	run --db "$DB" doc actieplan GM9999 --format PDF -o "$TMP/lo.bin"
	check '[ $rc -eq 0 ] && head -c 5 "$TMP/lo.bin" | grep -q "%PDF-"' "--format PDF"
	before=$(sha256sum <"$TMP/lo.pdf")
	rejected "existing .pdf without --force" "bestaat al; gebruik --force" doc actieplan GM9999 -o "$TMP/lo.pdf"
	check '[ "$(sha256sum <"$TMP/lo.pdf")" = "$before" ]' "existing .pdf left alone"
	check '[ -z "$(ls "$TMPDIR" 2>/dev/null | grep "^kngg-doc-")" ]' "no LibreOffice folder left behind"
fi
# without LibreOffice (a PATH without soffice)
before=$(db_state "$DB")
out=$(PATH=/nonexistent "$KNGG" --db "$DB" doc actieplan GM9999 -o "$TMP/none.pdf" 2>"$TMP/.stderr")
rc=$?
err=$(cat "$TMP/.stderr")
check '[ $rc -ne 0 ] && one_line && printf "%s" "$err" | grep -q "LibreOffice nodig"' "no LibreOffice: one line that says so"
check '[ ! -e "$TMP/none.pdf" ] && [ -z "$(ls -A "$TMP" | grep "^\.none")" ]' "no LibreOffice: nothing written"
check '[ "$(db_state "$DB")" = "$before" ]' "no LibreOffice: database unchanged"
rejected ".xyz refused" "onbekende extensie '.xyz'" doc actieplan GM9999 -o "$TMP/x.xyz"
check 'one_line && [ ! -e "$TMP/x.xyz" ]' ".xyz: one line, nothing written"
rejected "--format rtf refused" "onbekend formaat 'rtf'" doc actieplan GM9999 --format rtf
run --db "$DB" doc actieplan GM9999 -o "$TMP/noext"
check '[ $rc -eq 0 ] && head -1 "$TMP/noext" | grep -q "^# "' "no extension: Markdown, as before"

# --- the voortgangsrapportage's period ------------------------------------------------------
run --db "$DB" doc voortgangsrapportage GM9999 --as-of $ASOF --format md
expect_rc 0 "voortgangsrapportage"
n=$(printf '%s\n' "$out" | sed -n 's/^In deze periode: \([0-9]*\) stap(pen) afgerond.*/\1/p')
check '[ -n "$n" ] && [ "$n" -gt 0 ]' "voortgangsrapportage on the demo: steps done in the default period ($n)"
expect_out "**Periode:** 7 januari 2026 tot en met 23 november 2026 (sinds de start van het project)" \
	"voortgangsrapportage: the default period from the project's start, and why"
run --db "$DB" doc voortgangsrapportage GM9999 --as-of 2028-03-01 --format md
expect_out "**Periode:** 1 maart 2027 tot en met 1 maart 2028 (de laatste twaalf maanden)" \
	"voortgangsrapportage long after the start: the last twelve months"
run --db "$DB" doc voortgangsrapportage GM9999 --as-of $ASOF --since 2026-11-01 --format md
expect_out "**Periode:** 1 november 2026 tot en met 23 november 2026" "voortgangsrapportage: --since as given"
expect_no_out "sinds de start" "voortgangsrapportage: --since needs no reason"

# --- LibreOffice: the PDF shows whole words, the footer and the contents ----------------------------
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	mkdir -p "$TMP/pdf" "$TMP/lo-home"
	HOME="$TMP/lo-home" timeout 300 soffice --headless --norestore --convert-to pdf --outdir "$TMP/pdf" \
		"$TMP"/*.docx >"$TMP/soffice.log" 2>&1
	for t in $TEMPLATES breed; do
		pdftotext -layout "$TMP/pdf/$t.pdf" "$TMP/pdf/$t.txt" 2>/dev/null
		# every word of 6 letters or more in a table cell comes out of the PDF whole
		words=$(python3 - "$TMP/$t.docx" <<'PY'
import re, sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
doc = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
ws = set()
for p in doc.iter(W + 'p'):  # per paragraph, a line break as a space
    if p.find('.//' + W + 'tcPr') is None and True:
        s = ' '.join(t.text or '' if t.tag == W + 't' else ' ' for t in p.iter() if t.tag in (W + 't', W + 'br'))
        ws |= set(re.findall(r'[^\W\d_]{6,}', s))
print('\n'.join(sorted(ws)))
PY
)
		broken=$(printf '%s\n' "$words" | while read -r w; do
			[ -n "$w" ] && ! grep -qF -- "$w" "$TMP/pdf/$t.txt" && printf '%s ' "$w"; done)
		check '[ -s "$TMP/pdf/$t.txt" ] && [ -z "$broken" ]' "$t PDF: no word broken (${broken:-none})"
		check 'pdftotext -f 1 -l 1 "$TMP/pdf/$t.pdf" - | grep -q "pagina 1 van [0-9]"' "$t PDF: pagina 1 van N"
		check 'pdftotext -f 1 -l 1 "$TMP/pdf/$t.pdf" - | grep -q "Waterlinde · 23 november 2026"' \
			"$t PDF: footer with municipality and date"
	done
	check 'grep -qw "Ondertekening" "$TMP/pdf/samenwerkingsovereenkomst.txt"' "samenwerkingsovereenkomst PDF: Ondertekening whole"
	check 'pdftotext -f 1 -l 1 "$TMP/pdf/projectplan.pdf" - | grep -q "^Inhoud"' "projectplan PDF: the contents on page 1"
	check 'pdftotext -f 1 -l 1 "$TMP/pdf/projectplan.pdf" - | grep -q "Aanleiding.*\.\.\.\. *[0-9]"' \
		"projectplan PDF: entries with page numbers"
else
	echo "SKIPPED: soffice or pdftotext not installed (apt-get install libreoffice-writer-nogui poppler-utils)"
fi

finish
