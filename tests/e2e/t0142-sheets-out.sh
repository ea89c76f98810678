#!/usr/bin/env bash
# Spreadsheets out: --format xlsx -o FILE for stakeholder list, log,
# readiness --all/--region and status (real types, a bold frozen header,
# widths, an autofilter; read back from the zip and opened by LibreOffice),
# and CSV with --separator and --bom on every CSV output.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=o.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" region add Zaanstreek GM0479 >/dev/null 2>&1
"$KNGG" --db "$DB" org add GM0479 "GGD Zaanstreek; West" --type ggd --date 2026-01-06 >/dev/null || exit 1
"$KNGG" --db "$DB" stakeholder add GM0479 --name "Jan Jansen" --org "GGD Zaanstreek; West" \
	--function "arts, jeugd" --date 2026-01-07 >/dev/null || exit 1
"$KNGG" --db "$DB" stakeholder assess GM0479 1 --influence hoog --interest middel \
	--date 2026-03-01 >/dev/null || exit 1
"$KNGG" --db "$DB" factor GM0479 draagvlak --score 3 --date 2026-03-02 >/dev/null || exit 1
"$KNGG" --db "$DB" step start GM0479 1.1 --date 2026-03-03 >/dev/null || exit 1

# xlsx_check FILE SHEET EXPR: EXPR (Python) over the sheet's cells: c['A2'] =
# (type, value, style) and the workbook: frozen, autofilter, bold(ref),
# datefmt(ref), widths
xlsx_check() {
	python3 - "$@" <<'PY'
import sys, zipfile, re, xml.etree.ElementTree as ET
f, sheet, expr = sys.argv[1], int(sys.argv[2]), sys.argv[3]
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(f)
ws = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % sheet))
sst = [''.join(t.text or '' for t in si.iter('{%s}t' % ns['m']))
       for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
st = ET.fromstring(z.read('xl/styles.xml'))
fmts = {n.get('numFmtId'): n.get('formatCode') for n in st.iter('{%s}numFmt' % ns['m'])}
fonts = st.find('m:fonts', ns).findall('m:font', ns)
xfs = st.find('m:cellXfs', ns).findall('m:xf', ns)
c = {}
for cell in ws.iter('{%s}c' % ns['m']):
    v = cell.find('m:v', ns)
    t = cell.get('t', 'n')
    val = sst[int(v.text)] if t == 's' else (v.text if v is not None else None)
    c[cell.get('r')] = (t, val, int(cell.get('s', '0')))
pane = ws.find('.//m:pane', ns)
frozen = pane is not None and pane.get('state') == 'frozen' and pane.get('ySplit') == '1'
af = ws.find('m:autoFilter', ns)
autofilter = af.get('ref') if af is not None else None
def bold(ref): return fonts[int(xfs[c[ref][2]].get('fontId', '0'))].find('m:b', ns) is not None
def datefmt(ref): return fmts.get(xfs[c[ref][2]].get('numFmtId')) == 'd-m-yyyy'
widths = [float(col.get('width')) for col in ws.iter('{%s}col' % ns['m'])]
ok = eval(expr)
if not ok: print('xlsx_check failed: %s\n%s' % (expr, c), file=sys.stderr)
sys.exit(0 if ok else 1)
PY
}

# --- refusals ------------------------------------------------------------------------------
rejected "xlsx without -o" "--format xlsx schrijft een Excel-bestand, geen tekst; geef -o" \
	stakeholder list GM0479 --format xlsx
check '[ "$rc" -eq 2 ]' "xlsx without -o is a usage error"
rejected "an unknown separator" "onbekend scheidingsteken 'x'" stakeholder list GM0479 --format csv --separator x
rejected "--separator without csv" "--separator hoort bij --format csv" log GM0479 --separator ';'
rejected "--bom without csv" "--bom hoort bij --format csv" readiness --all --format json --bom
rejected "-o without xlsx" "-o hoort bij --format xlsx" status GM0479 -o s.xlsx
check '[ ! -e s.xlsx ]' "nothing written"

# --- CSV: separator, BOM, quoting ----------------------------------------------------------------
run --db "$DB" stakeholder list GM0479 --format csv --separator ';' --bom
expect_rc 0 "CSV with ; and BOM"
check '[ "$(printf "%s" "$out" | head -c 3 | od -An -tx1 | tr -d " ")" = efbbbf ]' "starts with the BOM"
expect_out $'\xef\xbb\xbfid;naam;organisatie;' "the header separated by ;"
expect_out ';"GGD Zaanstreek; West";' "a field holding ; is quoted"
expect_out ';arts, jeugd;' "a comma needs no quotes with ;"
run --db "$DB" stakeholder list GM0479 --format csv
expect_out 'id,naam,' "the default separator is still the comma"
expect_out ',"arts, jeugd",' "a comma field quoted with ,"
check '[ "$(printf "%s" "$out" | head -c 2)" = id ]' "no BOM without --bom"
run --db "$DB" log GM0479 --format csv --separator tab
expect_rc 0 "log as tab-separated CSV"
expect_out $'id\tdatum\tsoort\tomschrijving' "log CSV header with tabs"
run --db "$DB" readiness --all --format csv --separator ';'
expect_out 'municipality;name;calculated_phase' "readiness --all CSV with ;"
run --db "$DB" readiness --region Zaanstreek --format csv --separator ';' --bom
expect_out $'\xef\xbb\xbfmunicipality;' "readiness --region CSV with BOM"
run --db "$DB" signoff list GM0479 --format csv --separator ';'
expect_rc 0 "signoff list CSV with ;"
expect_out 'event_id;signoff;date;' "signoff list CSV separated by ;"

# --- xlsx -----------------------------------------------------------------------------------------
run --db "$DB" stakeholder list GM0479 --format xlsx -o reg.xlsx
expect_rc 0 "stakeholder list as xlsx"
check '[ -z "$out" ]' "nothing binary on stdout"
check 'xlsx_check reg.xlsx 1 "frozen and autofilter == \"A1:R2\""' "a frozen header row and an autofilter"
check 'xlsx_check reg.xlsx 1 "bold(\"A1\") and bold(\"R1\") and not bold(\"B2\")"' "the header is bold"
check 'xlsx_check reg.xlsx 1 "c[\"A2\"][:2] == (\"n\", \"1\")"' "the id is a number"
check 'xlsx_check reg.xlsx 1 "c[\"J2\"][0] == \"n\" and c[\"J2\"][1] == \"46082\" and datefmt(\"J2\")"' \
	"the analysis is an Excel date (46082 = 2026-03-01) shown d-m-yyyy"
check 'xlsx_check reg.xlsx 1 "c[\"C2\"][1] == \"GGD Zaanstreek; West\" and widths[2] >= 20"' \
	"columns as wide as their content"
rejected "an existing file without --force" "bestaat al" stakeholder list GM0479 --format xlsx -o reg.xlsx
run --db "$DB" stakeholder list GM0479 --format xlsx -o reg.xlsx --force
expect_rc 0 "--force replaces it"
rejected "-o in a directory that does not exist" "kan $TMP/weg/x.xlsx niet schrijven" \
	log GM0479 --format xlsx -o "$TMP/weg/x.xlsx"
check '[ -z "$(ls "${TMPDIR:-/tmp}" | grep "^kngg-xlsx-")" ]' "no temporary workbook left behind"

run --db "$DB" log GM0479 --format xlsx -o log.xlsx
expect_rc 0 "log as xlsx"
check 'xlsx_check log.xlsx 1 "c[\"A2\"][0] == \"n\" and datefmt(\"B2\") and c[\"C1\"][1] == \"soort\""' \
	"log: ids numbers, dates dates"
run --db "$DB" readiness --all --format xlsx -o all.xlsx
expect_rc 0 "readiness --all as xlsx"
check 'xlsx_check all.xlsx 1 "c[\"A2\"][1] == \"GM0479\" and c[\"C2\"][:2] == (\"n\", \"1\") and frozen"' \
	"readiness: the phase a number"
run --db "$DB" readiness --region Zaanstreek --format xlsx -o region.xlsx
expect_rc 0 "readiness --region as xlsx"
run --db "$DB" status GM0479 --format xlsx -o status.xlsx
expect_rc 0 "status as xlsx"
check 'xlsx_check status.xlsx 2 "c[\"C2\"][1] == \"1.1\" and datefmt(\"F2\") and c[\"H2\"][0] == \"n\""' \
	"status: steps with dates and counts"
check 'xlsx_check status.xlsx 3 "[k for k, v in c.items() if v[1] == \"draagvlak\"] and frozen"' \
	"status: a sheet of factors"
check 'unzip -p status.xlsx xl/workbook.xml | grep -q "name=\"overzicht\".*name=\"stappen\".*name=\"factoren\""' \
	"status: three named sheets"

# --- LibreOffice opens them ----------------------------------------------------------------------
if command -v soffice >/dev/null 2>&1; then
	mkdir -p lo lo-home
	HOME="$TMP/lo-home" timeout 300 soffice --headless --norestore \
		--convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1043' --outdir lo \
		reg.xlsx log.xlsx all.xlsx >lo.log 2>&1
	check 'grep -q "^1;Jan Jansen;\"GGD Zaanstreek; West\";ggd;arts, jeugd;" lo/reg.csv' \
		"LibreOffice reads the register"
	check 'grep -q ";1-3-2026;" lo/reg.csv' "LibreOffice shows the analysis as the date 1-3-2026"
	check 'grep -q "^GM0479;Zaanstad;1;" lo/all.csv' "LibreOffice reads readiness --all"
	check '[ "$(wc -l <lo/log.csv)" -ge 5 ]' "LibreOffice reads the journal"
else
	echo "SKIPPED: soffice not installed; xlsx not opened (apt-get install libreoffice-calc-nogui)"
fi

finish
