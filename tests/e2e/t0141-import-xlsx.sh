#!/usr/bin/env bash
# kngg stakeholder import with .xlsx: shared and inline strings, numbers,
# dates in date-formatted cells, a header below an empty row, the register's
# own xlsx read back; a bad row named by file, row and column; zip bombs,
# DOCTYPEs and broken zips refused with the database unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=x.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1

json() { "$KNGG" --db "$DB" stakeholder list "$1" --format json |
	python3 -c "import json,sys; d=json.load(sys.stdin); print($2)"; }

# mkxlsx OUT ROWS_PY [EXTRA]: a workbook whose first sheet holds ROWS (a Python
# list of rows, each a list of cells: str -> shared string, ('i', s) -> inline
# string, number -> number, ('d', serial) -> a date-formatted number); the
# header starts on row 2. EXTRA: bomb (40 MiB unpacked) | ratio (10 MiB, packed
# over 200 times) | doctype.
mkxlsx() {
	python3 - "$@" <<'PY'
import sys, zipfile
out, rows = sys.argv[1], eval(sys.argv[2])
extra = sys.argv[3] if len(sys.argv) > 3 else ''
strings = []
def col(i): return chr(ord('A') + i)
xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n']
if extra == 'doctype':
    xml.append('<!DOCTYPE worksheet [<!ENTITY x "y">]>')
xml.append('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
for r, row in enumerate(rows, start=2):
    xml.append('<row r="%d">' % r)
    for c, v in enumerate(row):
        ref = '%s%d' % (col(c), r)
        if v is None: continue
        if isinstance(v, str):
            strings.append(v)
            xml.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, len(strings) - 1))
        elif isinstance(v, tuple) and v[0] == 'i':
            xml.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v[1]))
        elif isinstance(v, tuple) and v[0] == 'd':
            xml.append('<c r="%s" s="1"><v>%s</v></c>' % (ref, v[1]))
        else:
            xml.append('<c r="%s"><v>%s</v></c>' % (ref, v))
    xml.append('</row>')
xml.append('</sheetData></worksheet>')
sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + ''.join(
    '<si><r><t>%s</t></r></si>' % s for s in strings) + '</sst>'
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Register" sheetId="1" r:id="rId7"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="worksheet" Target="worksheets/blad.xml"/></Relationships>')
    z.writestr('xl/styles.xml', '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="d\\-m\\-yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
    if extra == 'bomb':
        sst = '<sst>' + ' ' * (40 * 1024 * 1024) + '</sst>'
    if extra == 'ratio':
        sst = '<sst>' + ' ' * (10 * 1024 * 1024) + '</sst>'
    z.writestr('xl/sharedStrings.xml', sst)
    z.writestr('xl/worksheets/blad.xml', ''.join(xml))
PY
}

# --- a workbook as Excel writes one ---------------------------------------------------------
mkxlsx reg.xlsx "[['Naam', 'Organisatie', ('i', 'Type'), 'Telefoon', 'Invloed', 'Analyse'],
 ['Jan Jansen', 'GGD Zaanstreek', ('i', 'ggd'), 751234567, 'Hoog' if False else 'hoog', ('d', 46082)],
 [],
 [('i', 'Céline Müller'), 'GGD Zaanstreek', None, None, None, None]]"
run --db "$DB" stakeholder import GM0479 reg.xlsx
expect_rc 0 "xlsx import"
expect_no_err "xlsx import"
expect_out "GM0479: 2 stakeholders geïmporteerd uit reg.xlsx (1 nieuwe organisatie, 1 analyse)" "counts"
names=$(json GM0479 "'|'.join(p['name'] for p in d)")
check '[ "$names" = "Jan Jansen|Céline Müller" ]' "shared and inline strings, the empty row skipped"
check '[ "$(json GM0479 "d[0][\"phone\"]")" = "751234567" ]' "a number cell read as the number"
check '[ "$(json GM0479 "d[0][\"latest\"][\"date\"]")" = "2026-03-01" ]' \
	"a date-formatted serial (46082) is the day 2026-03-01"

# --- a bad row: named by row (Excel's numbering) and column ------------------------------------
mkxlsx bad.xlsx "[['naam', 'organisatie', 'invloed'], ['A Een', 'GGD Zaanstreek', 'hoog'],
 ['B Twee', 'GGD Zaanstreek', 'hogh']]"
rejected "a bad value in row 4" "bad.xlsx rij 4, kolom 'invloed':" stakeholder import GM0479 bad.xlsx
mkxlsx wide.xlsx "[['naam', 'organisatie'], ['A Een', 'GGD Zaanstreek', 'x']]"
rejected "a value outside the header" "wide.xlsx rij 3: een waarde in kolom 3" \
	stakeholder import GM0479 wide.xlsx

# --- hostile and broken files --------------------------------------------------------------------
mkxlsx bomb.xlsx "[['naam', 'organisatie'], ['A', 'GGD Zaanstreek']]" bomb
check '[ "$(stat -c %s bomb.xlsx)" -lt 200000 ]' "the bomb is small packed"
rejected "a zip bomb" "is uitgepakt te groot" stakeholder import GM0479 bomb.xlsx
mkxlsx ratio.xlsx "[['naam', 'organisatie'], ['A', 'GGD Zaanstreek']]" ratio
rejected "a part packed more than 200 times" "is uitgepakt te groot" stakeholder import GM0479 ratio.xlsx
mkxlsx doctype.xlsx "[['naam', 'organisatie'], ['A', 'GGD Zaanstreek']]" doctype
rejected "a DOCTYPE in a part" "DOCTYPE" stakeholder import GM0479 doctype.xlsx
printf 'PK\003\004 not really a zip' >broken.xlsx
rejected "a broken zip" "broken.xlsx is geen leesbaar Excel-bestand (.xlsx): geen geldig zip-bestand" \
	stakeholder import GM0479 broken.xlsx
python3 -c "
import zipfile
with zipfile.ZipFile('nosheet.xlsx', 'w') as z: z.writestr('a.txt', 'x')"
rejected "a zip that is no workbook" "xl/workbook.xml ontbreekt" stakeholder import GM0479 nosheet.xlsx

# --- the register's own xlsx reads back -----------------------------------------------------------
"$KNGG" --db "$DB" stakeholder list GM0479 --format xlsx -o own.xlsx 2>/dev/null
run --db "$DB" stakeholder import GM0363 own.xlsx
expect_rc 0 "kngg's own xlsx reads back"
expect_out "GM0363: 2 stakeholders geïmporteerd uit own.xlsx (1 nieuwe organisatie, 1 analyse)" "counts"
check '[ "$(json GM0363 "d[0][\"latest\"][\"date\"]")" = "2026-03-01" ]' "the analysis date survives as a date"

finish
