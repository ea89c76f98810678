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
run --db "$DB" signoff GM9999 1.5/s1 --decision go --signer "Sanne Brouwer" --new-person --role wethouder \
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
check 'grep -qw "go" "$TMP/bn.txt" && grep -q "10.november.2026" "$TMP/bn.txt" && grep -q "Sanne Brouwer" "$TMP/bn.txt"' \
	"besluitnotitie docx: the go decision with signer and date"
check 'unzip -p "$TMP/projectplan.docx" docProps/core.xml | grep -q "<dc:title>Projectplan"' "docx title property"
check 'unzip -p "$TMP/projectplan.docx" docProps/custom.xml | grep -q "GM9999"' "docx municipality property"

# --- documents that follow the guide (issue 15) ---------------------------------------------------
# md_section HEADING: the Markdown lines of the section whose heading holds HEADING, up to the
# next heading of the same or a higher level (reads $out)
md_section() {
	printf '%s\n' "$out" | awk -v h="$1" '
		/^#+ / { n = index($0, " ") - 1; if (on && n <= lvl) on = 0; if (!on && index($0, h)) { on = 1; lvl = n } }
		on'
}
# A second municipality, further along: the GGD is the hoofduitvoerder; the ziekenhuis was only
# informed and never committed; the GGD's bestuurder is not in the register but signed 1.6/s1.
Z=GM0479
zk() { "$KNGG" --db "$DB" "$@" >/dev/null 2>>"$TMP/zsetup.err" || bad "setup: kngg $*: $(tail -1 "$TMP/zsetup.err")"; }
pid() { sqlite3 "$DB" "select id from person where municipality = '$Z' and name = '$1'"; }
zk municipality add $Z Zaanstad --date 2026-01-05
zk org add $Z "Gemeente Zaanstad" --type gemeente --date 2026-01-05
zk org add $Z "GGD Zaanstreek-Waterland" --type ggd --date 2026-01-05
zk org add $Z "Wijkteam Zaanstad" --type wijkteam --date 2026-01-05
zk org add $Z "Ziekenhuis Zaandam" --type ziekenhuis --date 2026-01-05
zk org lead $Z "GGD Zaanstreek-Waterland" --date 2026-01-05
for p in "Wim de Wethouder:Gemeente Zaanstad:bestuurlijk" "Mo Manager:GGD Zaanstreek-Waterland:management" \
	"Wendy Wijk:Wijkteam Zaanstad:bestuurlijk" "Maarten Midden:Wijkteam Zaanstad:management" \
	"Noor Netwerk:GGD Zaanstreek-Waterland:uitvoerend" "Zeger Zorg:Ziekenhuis Zaandam:bestuurlijk"; do
	IFS=: read -r name org level <<<"$p"
	zk stakeholder add $Z --name "$name" --org "$org" --level "$level" --date 2026-01-06
done
for name in "Wim de Wethouder" "Mo Manager" "Wendy Wijk" "Maarten Midden" "Noor Netwerk"; do
	zk stakeholder assess $Z "$(pid "$name")" --commitment toegezegd --date 2026-01-20
done
zk stakeholder assess $Z "$(pid "Zeger Zorg")" --commitment geinformeerd --date 2026-01-20
zk role assign $Z "$(pid "Wim de Wethouder")" wethouder --date 2026-01-06
for name in "Mo Manager" "Maarten Midden"; do zk role assign $Z "$(pid "$name")" kerngroep --hours 4 --date 2026-02-01; done
zk role assign $Z "$(pid "Noor Netwerk")" centrale-zorgverlener --hours 8 --contribution "Brede anamnese" --date 2026-02-01
zk area add $Z Poelenburg --target-group "basisschoolkinderen 4-12" --date 2026-02-01
zk signoff $Z 1.6/s1 --decision akkoord --signer "Dr. H. de Graaf" --new-person --role bestuurder \
	--org "GGD Zaanstreek-Waterland" --document "Samenwerkingsovereenkomst" --date 2026-06-10

# samenwerkingsovereenkomst: the parties are the 1.6/s1 set plus the gemeente (regels 2620-2735)
run --db "$DB" doc samenwerkingsovereenkomst $Z --format md
expect_rc 0 "samenwerkingsovereenkomst $Z"
expect_no_out "Ziekenhuis Zaandam" "samenwerkingsovereenkomst: an organisation that never committed is no party"
check 'md_section "Partijen" | grep -q "GGD Zaanstreek-Waterland" && md_section "Partijen" | grep -q "Wijkteam Zaanstad" && md_section "Partijen" | grep -q "Gemeente Zaanstad"' \
	"samenwerkingsovereenkomst: the parties of 1.6/s1 and the gemeente"
check 'md_section "Partijen" | grep "GGD Zaanstreek-Waterland" | grep -q "Dr. H. de Graaf" && ! md_section "Partijen" | grep "GGD Zaanstreek-Waterland" | grep -q "In te vullen"' \
	"samenwerkingsovereenkomst: a bestuurder who signed is named as the party's representative"
check 'md_section "Ondertekening" | grep -q "Dr. H. de Graaf" && ! md_section "Ondertekening" | grep "GGD Zaanstreek-Waterland" | grep -q "In te vullen"' \
	"samenwerkingsovereenkomst: the signed bestuurder by name, no placeholder"
check 'md_section "Ondertekening" | grep "Wijkteam Zaanstad" | grep -q "In te vullen: naam"' \
	"samenwerkingsovereenkomst: a bestuurder who has not signed yet is a placeholder"
check 'md_section "Persoonsgegevens en privacy (AVG)" | grep -q "2.1"' \
	"samenwerkingsovereenkomst: an article on AVG and data exchange (2.1 a1)"
zk signoff prepare $Z 1.6/s1 --org "GGD Zaanstreek-Waterland" --org "Wijkteam Zaanstad" --org "Ziekenhuis Zaandam"
run --db "$DB" doc samenwerkingsovereenkomst $Z --format md
check '! md_section "Partijen" | grep "^|" | grep -q "Ziekenhuis Zaandam" && ! md_section "Ondertekening" | grep -q "Ziekenhuis Zaandam" && md_section "Partijen" | grep -q "Nog geen partij.*Ziekenhuis Zaandam"' \
	"samenwerkingsovereenkomst: chosen to sign but never committed is no party yet, and said so"

# besluitnotitie: only what comes before the decision is open; multi-year budgets; the
# municipality's document, without the tool's name (demo: halfway phase 1)
run --db "$DB" doc besluitnotitie GM9999 --format md
check '! printf "%s\n" "$out" | grep -Eq "^\| 1\.[678] \||stap 1\.[678] .*niet afgerond|1\.[67]/s1"' \
	"besluitnotitie: steps 1.6-1.8 (after the decision) are not listed as open"
check 'md_section "Stand van fase 1" | grep -q "^| 1.4 |"' "besluitnotitie: the steps before the decision are"
check 'printf "%s\n" "$out" | grep -qi "meerjarenbegroting"' "besluitnotitie: the multi-year budget commitment (1.5 tip)"
check '! printf "%s\n" "$out" | grep -qi "kngg"' "besluitnotitie: no mention of kngg"
run --db "$DB" doc besluitnotitie $Z --format md
check '! printf "%s\n" "$out" | grep -qi "kngg"' "besluitnotitie without a decision: no mention of kngg"

# projectplan: the sections 1.4 asks for, filled from the register where it can
run --db "$DB" doc projectplan GM9999 --format md
for h in "Doelgroep en doelen" "Lokale invulling van het landelijk model" "Centrale zorgverlener" \
	"Route voor kind en gezin" "Partners: verantwoordelijkheden, rollen en bijdragen" \
	"Monitoring en evaluatie" "Interne communicatie" "Borging"; do
	check 'printf "%s\n" "$out" | grep -q "^#\+ .*$h"' "projectplan: heading $h"
done
check 'md_section "Partners: verantwoordelijkheden" | grep "JGZ Waterland" | grep -q "hoofduitvoerder"' \
	"projectplan: the hoofduitvoerder among the partners"
check 'md_section "Partners: verantwoordelijkheden" | grep "Gemeente Waterlinde" | grep -q "| 20 |"' \
	"projectplan: a partner's hours per week, summed over its people's roles"
run --db "$DB" doc projectplan $Z --format md
check 'md_section "Centrale zorgverlener" | grep -q "Noor Netwerk"' "projectplan: the centrale zorgverlener from the roles"
check 'md_section "Doelgroep en doelen" | grep -q "basisschoolkinderen 4-12" && md_section "Doelgroep en doelen" | grep -q "Poelenburg"' \
	"projectplan: the experiment's area and target group"
check 'md_section "Partners: verantwoordelijkheden" | grep "GGD Zaanstreek-Waterland" | grep -q "hoofduitvoerder"' \
	"projectplan: a named hoofduitvoerder"

# borgingslijst: 4.borging a1-a4 and d2 as well (regels 6090-6212)
run --db "$DB" doc borgingslijst GM9999 --format md
for h in "Werkwijze in het gewone werk" "Financiering: structureel of tijdelijk" \
	"Financiers: beleid, bedrijfsvoering en inkoop" "Financieringsrisico" "Netwerkregisseur"; do
	check 'printf "%s\n" "$out" | grep -q "^#\+ .*$h"' "borgingslijst: heading $h"
done
check 'md_section "Financiers" | grep -q "Zorgverzekeraar" && md_section "Financiers" | grep -qi "inkoop"' \
	"borgingslijst: the zorgverzekeraar and purchasing among the financiers"
zk role assign $Z "$(pid "Noor Netwerk")" netwerkregisseur --hours 16 --date 2026-11-01
run --db "$DB" doc borgingslijst $Z --format md
check 'md_section "Netwerkregisseur" | grep "Noor Netwerk" | grep -q "16"' "borgingslijst: the netwerkregisseur and her hours"

# uitbreidingsplan: scenarios and goals (2.4 a1-a3, regels 3801-3839)
run --db "$DB" doc uitbreidingsplan GM9999 --format md
check 'printf "%s\n" "$out" | grep -q "^#\+ .*Scenario" && printf "%s\n" "$out" | grep -q "^#\+ .*Doelen"' \
	"uitbreidingsplan: scenarios and goals"

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
check 'grep -q "1.maart.2026" "$TMP/a.txt"' "--as-of reaches the document"
check '! grep -q "Sanne Brouwer" "$TMP/a.txt"' "--as-of: a later wethouder is not in it"

# --- bad input: one line, non-zero, database unchanged ----------------------------------------
rejected "unknown template" "onbekend document 'nope'" doc nope GM9999
rejected "template name with a path" "ongeldige documentnaam" doc ../etc/passwd GM9999
rejected "unknown municipality" "onbekende gemeente" doc projectplan GM0000
rejected "unknown format" "onbekend formaat 'rtf'" doc projectplan GM9999 --format rtf
rejected "unknown area" "geen gebied 'Nergens'" doc actieplan GM9999 --area Nergens
rejected "unknown cycle" "geen cyclus 3" doc plan-van-aanpak GM9999 --cycle 3
rejected "bad cycle" "--cycle" doc plan-van-aanpak GM9999 --cycle x
rejected "bad since" "ongeldige datum '2026-13-01'" doc voortgangsrapportage GM9999 --since 2026-13-01
rejected "since after as-of" "ligt na de peildatum" doc voortgangsrapportage GM9999 --since 2026-12-01 --as-of 2026-11-01
rejected "bad as-of" "ongeldige datum" doc projectplan GM9999 --as-of gisteren
rejected "output is a directory" "is een map" doc projectplan GM9999 -o "$TMP"
rejected "output in a missing directory" "kan $TMP/nope/x.md niet schrijven" doc projectplan GM9999 -o "$TMP/nope/x.md"
rejected "missing templates folder" "sjablonenmap" doc list --templates "$TMP/none"
rejected "too few arguments" "gebruik: kngg doc" doc

rejected "hours out of range" "uren per week moet een geheel getal van 1 tot en met 80 zijn, niet '81'" role assign GM9999 2 stuurgroep --hours 81
rejected "hours not a number" "uren per week moet een geheel getal" role assign GM9999 2 stuurgroep --hours veel
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
	check 'tr "\n" " " <"$TMP/pdf/projectplan.html" | grep -Eq "<h1[^>]*>(<a name=\"[^\"]*\"></a>)?[^<]*Aanleiding"' \
		"LibreOffice reads the headings as headings (navigation pane)"
else
	echo "SKIPPED: soffice not installed; DOCX to PDF conversion not tried (apt-get install libreoffice-writer-nogui)"
fi

finish
