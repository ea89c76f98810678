#!/usr/bin/env bash
# Excel downloads on the web (issue 17): the register, the logboek (with
# the page's filter, newest first) and readiness as .xlsx workbooks made by
# kngg-sheet.so, next to the CSV buttons; the register is the same table as
# `kngg stakeholder list --format xlsx` and reads back with `stakeholder
# import`.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
start_server "$DB"

# sheet FILE: the first sheet's rows as JSON lists of cell values (shared
# strings resolved; numbers as written; dates as Excel serial numbers)
sheet() {
	python3 - "$1" <<'PY'
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
import xml.etree.ElementTree as ET
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
rows = []
for row in ET.fromstring(z.read('xl/worksheets/sheet1.xml')).iter('{%s}row' % ns['m']):
    cells = []
    for c in row.findall('m:c', ns):
        v = c.find('m:v', ns)
        if c.get('t') == 's':
            cells.append(shared[int(v.text)])
        elif c.get('t') == 'inlineStr':
            cells.append(''.join(t.text or '' for t in c.iter('{%s}t' % ns['m'])))
        else:
            cells.append(v.text if v is not None else '')
    rows.append(cells)
print(json.dumps(rows))
PY
}

# ---- the buttons ---------------------------------------------------------------------------
http GET /gemeente/GM9999/stakeholders
expect_body 'href="/gemeente/GM9999/stakeholders.xlsx" download>als Excel</a>' "register: Excel button"
http GET "/gemeente/GM9999/logboek?soort=factor"
expect_body 'href="/gemeente/GM9999/logboek.xlsx?soort=factor" download>als Excel</a>' \
	"logboek: the Excel button carries the filter"
http GET "/gemeente/GM9999/gereedheid?fase=2"
expect_body 'href="/gemeente/GM9999/gereedheid.xlsx?fase=2" download>als Excel</a>' \
	"readiness: the Excel button keeps the phase"

# ---- the register --------------------------------------------------------------------------
http GET /gemeente/GM9999/stakeholders.xlsx
expect_status 200 "register xlsx"
case "$headers" in
*"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"*) ok ;;
*) bad "register xlsx: content type" ;;
esac
case "$headers" in *'attachment; filename="stakeholders-GM9999.xlsx"'*) ok ;; *) bad "register xlsx: file name" ;; esac
cp "$TMP/body" "$TMP/web-register.xlsx"
run --db "$DB" stakeholder list GM9999 --format xlsx -o "$TMP/cli-register.xlsx"
expect_rc 0 "the CLI's register xlsx"
web_rows=$(sheet "$TMP/web-register.xlsx")
cli_rows=$(sheet "$TMP/cli-register.xlsx")
check '[ -n "$web_rows" ] && [ "$web_rows" = "$cli_rows" ]' "the web's register is the CLI's table"
check 'printf "%s" "$web_rows" | python3 -c "
import json,sys
rows=json.load(sys.stdin)
assert rows[0][:3]==[\"id\",\"naam\",\"organisatie\"], rows[0]
assert len(rows)==8, len(rows)
"' "register xlsx: header and the 7 persons"
# it reads back: imported into a second municipality, 7 persons
run --db "$DB" municipality add GM0001 Proefstad
run --db "$DB" stakeholder import GM0001 "$TMP/web-register.xlsx"
expect_rc 0 "the downloaded register imports ($err)"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE municipality = '"'"'GM0001'"'"'")" = 7 ]' \
	"7 persons imported from the download"

# ---- the logboek: the filter, newest first ---------------------------------------------------
http GET "/gemeente/GM9999/logboek.xlsx?soort=factor"
expect_status 200 "logboek xlsx"
case "$headers" in *'attachment; filename="logboek-GM9999.xlsx"'*) ok ;; *) bad "logboek xlsx: file name" ;; esac
cp "$TMP/body" "$TMP/logboek.xlsx"
ids=$(sheet "$TMP/logboek.xlsx" | python3 -c '
import json,sys
rows=json.load(sys.stdin)
assert rows[0]==["nummer","datum","soort","onderwerp","details","door","notitie","ingetrokken"], rows[0]
print(" ".join(r[0] for r in rows[1:]))')
want=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' AND kind = 'factor' ORDER BY date DESC, id DESC" | tr '\n' ' ')
check '[ -n "$ids" ] && [ "$ids " = "$want" ]' "logboek xlsx: the filtered events, newest first ($ids)"
# the day is a date cell (a serial number with a date style), not text
check 'unzip -p "$TMP/logboek.xlsx" xl/worksheets/sheet1.xml | grep -q "<c r=\"B2\" s=\"[0-9]*\"><v>4[0-9][0-9][0-9][0-9]</v>"' \
	"logboek xlsx: the day is an Excel date"

# ---- readiness -----------------------------------------------------------------------------
http GET "/gemeente/GM9999/gereedheid.xlsx?fase=1"
expect_status 200 "readiness xlsx"
check 'sheet "$TMP/body" | python3 -c "
import json,sys
rows=json.load(sys.stdin)
assert rows[0]==[\"onderdeel\",\"regel\",\"soort\",\"voldaan\",\"bindend\",\"tekst\",\"handreiking_regels\"], rows[0]
assert len(rows)>5, len(rows)
assert not any(\"kngg \" in c for r in rows for c in r), \"a command in the sheet\"
"' "readiness xlsx: header, rules, no commands"
http GET "/gemeente/GM9999/gereedheid.xlsx?fase=9"
expect_status 400 "readiness xlsx: a phase that is no phase"
http GET /gemeente/GM0000/stakeholders.xlsx
expect_status 404 "an unknown municipality"

stop_server
finish
