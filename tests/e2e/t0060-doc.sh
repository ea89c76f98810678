#!/usr/bin/env bash
# t0060-doc.sh: documents. Every template renders for the demo in every
# format; the DOCX is a valid package with the stakeholders and the go
# decision in its body (and LibreOffice turns it into a PDF when present);
# names with & < quotes and accents come out right in every format; files
# are written atomically and never overwritten without --force; bad input
# changes nothing; templates cannot read files or fetch URLs.
. "$(dirname "$0")/lib.sh" "$@"

DB=$TMP/demo.db
TRICKY="Zoë d'Hondt & <Zn> \"De Fiets\""
run --db "$DB" demo
expect_rc 0 "demo"
run --db "$DB" signoff GM9999 1.5/s1 --decision go --signer "Sanne Brouwer" --role wethouder \
	--org "Gemeente Waterlinde" --document "Collegebesluit 2026-114" --date 2026-11-10
expect_rc 0 "go decision"
run --db "$DB" org add GM9999 "Fysio & <Co> \"Beweeg\"" --type fysiotherapeut
expect_rc 0 "org with markup characters"
run --db "$DB" stakeholder add GM9999 --name "$TRICKY" --org "Fysio & <Co> \"Beweeg\"" \
	--function "fysiotherapeut" --level uitvoerend
expect_rc 0 "stakeholder with markup characters"
TRICKY_ID=$(sqlite3 "$DB" "select id from person where name like 'Zo%'")

# python3 helpers: the text of a DOCX body, and a check of a whole package
docx_text() {
	python3 - "$1" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
root = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
for p in root.iter(W + 'p'):
    print(''.join(t.text or '' for t in p.iter(W + 't')))
PY
}
docx_valid() {
	python3 - "$1" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'crc'
names = set(z.namelist())
for need in ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml',
             'docProps/core.xml']:
    assert need in names, need
for n in names:
    ET.fromstring(z.read(n))   # every part well-formed
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
styles = {s.get(W + 'styleId') for s in ET.fromstring(z.read('word/styles.xml')).iter(W + 'style')}
doc = ET.fromstring(z.read('word/document.xml'))
used = {e.get(W + 'val') for e in doc.iter(W + 'pStyle')}
assert used <= styles, used - styles
assert 'Heading1' in used, 'no heading 1'
PY
}

TEMPLATES=$(ls "$SRC"/templates/*.xsl | xargs -n1 basename | sed 's/\.xsl$//' | grep -v '^common$')
run doc list
expect_rc 0 "doc list"
for t in $TEMPLATES; do expect_out "$t" "doc list names $t"; done
expect_no_out "common" "doc list leaves out include-only files"
check '[ $(printf "%s\n" "$out" | wc -l) -ge 10 ] ' "doc list: ten documents"

# --- every template in every format ----------------------------------------------------
for t in $TEMPLATES; do
	run --db "$DB" doc "$t" GM9999 --format md
	expect_rc 0 "$t md"
	expect_no_err "$t md"
	case "$out" in "# "*) ok ;; *) bad "$t md: starts with a title" ;; esac
	expect_out "[In te vullen: " "$t md has placeholders"
	expect_out "Waterlinde" "$t md names the municipality"

	run --db "$DB" doc "$t" GM9999 --format html -o "$TMP/$t.html"
	expect_rc 0 "$t html"
	check 'grep -q "<html lang=\"nl\">" "$TMP/$t.html" && grep -q "@media print" "$TMP/$t.html"' \
		"$t html: standalone with print styles"
	check 'xmllint --html --noout "$TMP/$t.html" 2>/dev/null' "$t html parses"
	check 'grep -q "mark class=\"fill\">\[In te vullen: " "$TMP/$t.html"' "$t html marks placeholders"

	run --db "$DB" doc "$t" GM9999 -o "$TMP/$t.docx"
	expect_rc 0 "$t docx (format from the extension)"
	check 'docx_valid "$TMP/$t.docx"' "$t docx: valid package, well-formed parts, heading styles"
done

# the projectplan holds the stakeholders, decisions and planning
docx_text "$TMP/projectplan.docx" >"$TMP/pp.txt"
for name in "Anouk Çelik" "Sanne Brouwer" "Marieke Dekker" "Ruud Hendriksen" "$TRICKY"; do
	check 'grep -qF "$name" "$TMP/pp.txt"' "projectplan docx names $name"
done
check 'grep -q "Collegebesluit 2026-114" "$TMP/pp.txt"' "projectplan docx holds the go decision's document"
check 'grep -q "1.4" "$TMP/pp.txt" && grep -q "Bepaal wat nodig is" "$TMP/pp.txt"' "projectplan docx has the planning"
docx_text "$TMP/besluitnotitie.docx" >"$TMP/bn.txt"
check 'grep -qw "go" "$TMP/bn.txt" && grep -q "2026-11-10" "$TMP/bn.txt" && grep -q "Sanne Brouwer" "$TMP/bn.txt"' \
	"besluitnotitie docx: the go decision with signer and date"
check 'unzip -p "$TMP/projectplan.docx" docProps/core.xml | grep -q "<dc:title>Projectplan"' "docx title property"
check 'unzip -p "$TMP/projectplan.docx" docProps/custom.xml | grep -q "GM9999"' "docx municipality property"

# --- names with markup characters, in every format ---------------------------------------------
run --db "$DB" doc stakeholdersanalyse GM9999 --format md
check 'printf "%s" "$out" | cmark | grep -qF "Zoë d&#39;Hondt &amp; &lt;Zn&gt; &quot;De Fiets&quot;" ||
	printf "%s" "$out" | cmark | grep -qF "Zoë d'"'"'Hondt &amp; &lt;Zn&gt; &quot;De Fiets&quot;"' \
	"md read back by a CommonMark parser: the name as text"
check 'printf "%s" "$out" | cmark | grep -vq "<Zn>"' "md: no raw tag reaches HTML"
run --db "$DB" doc stakeholdersanalyse GM9999 --format html
check 'printf "%s" "$out" | grep -qF "Zoë d&#39;Hondt &amp; &lt;Zn&gt; &quot;De Fiets&quot;"' "html: the name escaped"
check 'printf "%s" "$out" | xmllint --html --xpath "string(//body)" - 2>/dev/null | grep -qF "$TRICKY"' \
	"html: an HTML parser reads the name back"
docx_text "$TMP/stakeholdersanalyse.docx" >"$TMP/sa.txt"
check 'grep -qF "$TRICKY" "$TMP/sa.txt"' "docx: the name as text"
check 'grep -qF "Fysio & <Co> \"Beweeg\"" "$TMP/sa.txt"' "docx: the organisation as text"

# --- writing files -----------------------------------------------------------------------
before=$(sha256sum "$TMP/projectplan.docx")
run --db "$DB" doc projectplan GM9999 --format docx -o "$TMP/projectplan.docx"
expect_rc 1 "existing file without --force"
expect_err "bestaat al; gebruik --force" "existing file without --force"
check '[ "$(sha256sum "$TMP/projectplan.docx")" = "$before" ]' "existing file left alone"
run --db "$DB" doc projectplan GM9999 -o "$TMP/projectplan.docx" --force
expect_rc 0 "--force replaces"
check '[ -z "$(ls -A "$TMP" | grep "^\.projectplan")" ]' "no temporary file left behind"
"$KNGG" --db "$DB" doc projectplan GM9999 --format docx >"$TMP/pipe.docx" 2>"$TMP/pipe.err"
prc=$?
check '[ $prc -eq 0 ] && [ ! -s "$TMP/pipe.err" ] && docx_valid "$TMP/pipe.docx"' "docx to a pipe"
run --db "$DB" doc projectplan GM9999 --format docx --as-of 2026-03-01 -o "$TMP/a.docx"
run --db "$DB" doc projectplan GM9999 --format docx --as-of 2026-03-01 -o "$TMP/b.docx"
check 'cmp -s "$TMP/a.docx" "$TMP/b.docx"' "the same state gives the same DOCX bytes"
docx_text "$TMP/a.docx" >"$TMP/a.txt"
check 'grep -q "2026-03-01" "$TMP/a.txt"' "--as-of reaches the document"
check '! grep -q "Sanne Brouwer" "$TMP/a.txt"' "--as-of: a later wethouder is not in it"

# --- bad input: one line, non-zero, database unchanged ----------------------------------------
rejected "unknown template" "onbekend document 'nope'" doc nope GM9999
rejected "template name with a path" "ongeldige documentnaam" doc ../etc/passwd GM9999
rejected "unknown municipality" "onbekende gemeente" doc projectplan GM0000
rejected "unknown format" "onbekend formaat 'pdf'" doc projectplan GM9999 --format pdf
rejected "unknown area" "geen gebied 'Nergens'" doc actieplan GM9999 --area Nergens
rejected "unknown cycle" "geen cyclus 3" doc plan-van-aanpak GM9999 --cycle 3
rejected "bad cycle" "--cycle" doc plan-van-aanpak GM9999 --cycle x
rejected "bad since" "ongeldige datum '2026-13-01'" doc voortgangsrapportage GM9999 --since 2026-13-01
rejected "since after as-of" "ligt na de peildatum" doc voortgangsrapportage GM9999 --since 2026-12-01 --as-of 2026-11-01
rejected "bad as-of" "ongeldige datum" doc projectplan GM9999 --as-of gisteren
rejected "output is a directory" "is een map" doc projectplan GM9999 -o "$TMP"
rejected "output in a missing directory" "kan $TMP/nope/x.md niet schrijven" doc projectplan GM9999 -o "$TMP/nope/x.md"
rejected "missing templates folder" "sjablonenmap" doc list --templates "$TMP/none"
rejected "too few arguments" "gebruik: kngg doc" doc projectplan

rejected "hours out of range" "--hours verwacht een geheel getal van 1 tot en met 80" role assign GM9999 2 stuurgroep --hours 81
rejected "hours not a number" "--hours" role assign GM9999 2 stuurgroep --hours veel
run --db "$DB" role assign GM9999 "$TRICKY_ID" werkgroep --hours 3 --contribution "Beweegaanbod & <wijk>"
expect_rc 0 "role with hours and contribution"
run --db "$DB" doc projectorganisatie GM9999 --format html
check 'printf "%s" "$out" | grep -q "Beweegaanbod &amp; &lt;wijk&gt;"' "projectorganisatie: the contribution, escaped"
check 'printf "%s" "$out" | grep -q "<td>16</td>"' "projectorganisatie: the projectleider's hours"

# --- the sandbox ------------------------------------------------------------------------------
mkdir -p "$TMP/evil"
cp "$SRC/templates/common.xsl" "$TMP/evil/"
xsl() { printf '<?xml version="1.0"?>\n<!-- kngg: %s -->\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">%s</xsl:stylesheet>\n' "$1" "$2" >"$TMP/evil/$1.xsl"; }
xsl passwd '<xsl:template match="/"><document title="x"><p><xsl:value-of select="document('"'"'/etc/passwd'"'"')"/></p></document></xsl:template>'
xsl url '<xsl:template match="/"><document title="x"><p><xsl:value-of select="document('"'"'http://127.0.0.1:9/x.xml'"'"')"/></p></document></xsl:template>'
xsl include '<xsl:include href="/etc/passwd"/><xsl:template match="/"><document title="x"/></xsl:template>'
xsl import '<xsl:import href="http://127.0.0.1:9/x.xsl"/><xsl:template match="/"><document title="x"/></xsl:template>'
rejected "template reading /etc/passwd" "Local file read for /etc/passwd refused" doc passwd GM9999 --templates "$TMP/evil"
rejected "template fetching a URL" "Network file read for http://127.0.0.1:9/x.xml refused" doc url GM9999 --templates "$TMP/evil"
rejected "template including /etc/passwd" "mag /etc/passwd niet laden" doc include GM9999 --templates "$TMP/evil"
rejected "template importing a URL" "niet laden" doc import GM9999 --templates "$TMP/evil"
check '! printf "%s" "$err" | grep -q "root:"' "no line of /etc/passwd in any message"

# --- LibreOffice opens each DOCX ----------------------------------------------------------------
if command -v soffice >/dev/null 2>&1; then
	mkdir -p "$TMP/pdf" "$TMP/lo-home"
	HOME="$TMP/lo-home" timeout 300 soffice --headless --norestore --convert-to pdf --outdir "$TMP/pdf" \
		"$TMP"/*.docx >"$TMP/soffice.log" 2>&1
	for t in $TEMPLATES; do
		check '[ -s "$TMP/pdf/$t.pdf" ] && head -c 5 "$TMP/pdf/$t.pdf" | grep -q "%PDF-"' "LibreOffice turns $t.docx into a PDF"
	done
	HOME="$TMP/lo-home" timeout 120 soffice --headless --norestore --convert-to html --outdir "$TMP/pdf" \
		"$TMP/projectplan.docx" >>"$TMP/soffice.log" 2>&1
	check 'grep -q "<h1[^>]*>[^<]*Aanleiding" "$TMP/pdf/projectplan.html"' \
		"LibreOffice reads the headings as headings (navigation pane)"
else
	echo "SKIPPED: soffice not installed; DOCX to PDF conversion not tried (apt-get install libreoffice-writer-nogui)"
fi

finish
