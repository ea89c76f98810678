#!/usr/bin/env bash
# The logboek on the web: newest first, a filter (kind, step, date range)
# through the query, CSV downloads (logboek with its filter, register,
# readiness), and a confirmation step before a withdrawal that works
# without JavaScript.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
start_server "$DB"
# the event numbers of the logboek's rows, in page order
numbers() { printf '%s' "$body" | grep -o '<tr[^>]*><td>#[0-9]*' | sed 's/.*#//' | tr '\n' ' '; }

# ---- newest first ----------------------------------------------------------------------------
http GET /gemeente/GM9999/logboek
expect_status 200 "logboek"
expect_body "de nieuwste bovenaan" "the page says the order"
page=$(numbers)
want=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' ORDER BY date DESC, id DESC" | tr '\n' ' ')
check '[ "$page" = "$want" ]' "rows newest first (date, then number)"
first=$(printf '%s' "$page" | cut -d' ' -f1)
check '[ "$first" = 74 ]' "the newest event (#74) on top, got #$first"

# ---- the filter ------------------------------------------------------------------------------
http GET "/gemeente/GM9999/logboek?soort=step.done"
page=$(numbers)
want=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' AND kind = 'step.done' ORDER BY date DESC, id DESC" | tr '\n' ' ')
check '[ -n "$want" ] && [ "$page" = "$want" ]' "filter by kind: $page"
expect_body '<option value="step.done" selected>stap afgerond</option>' "the kind stays chosen"
http GET "/gemeente/GM9999/logboek?stap=1.4"
page=$(numbers)
want=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' AND (target = '1.4' OR target LIKE '1.4/%') ORDER BY date DESC, id DESC" | tr '\n' ' ')
check '[ -n "$want" ] && [ "$page" = "$want" ]' "filter by step (with its activities): $page"
http GET "/gemeente/GM9999/logboek?van=2026-06-01&tot=2026-09-30"
page=$(numbers)
want=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' AND date BETWEEN '2026-06-01' AND '2026-09-30' ORDER BY date DESC, id DESC" | tr '\n' ' ')
check '[ -n "$want" ] && [ "$page" = "$want" ]' "filter by date range: $page"
expect_body 'name="van" type="date" value="2026-06-01"' "the range stays filled in"
http GET "/gemeente/GM9999/logboek?stap=1.4&soort=activity.done&van=2026-09-20"
page=$(numbers)
check '[ "$page" = "74 72 " ]' "filters combine: $page"
http GET "/gemeente/GM9999/logboek?van=2026-02-30"
expect_status 400 "an impossible date"
expect_body "Kies bij Van en Tot een datum" "says which fields"
http GET "/gemeente/GM9999/logboek?stap=%3Cscript%3E"
expect_status 400 "a step that is no step"

# ---- CSV downloads ---------------------------------------------------------------------------
http GET /gemeente/GM9999/logboek
expect_body 'href="/gemeente/GM9999/logboek.csv"' "logboek: CSV button"
http GET "/gemeente/GM9999/logboek?soort=factor"
expect_body 'href="/gemeente/GM9999/logboek.csv?soort=factor"' "the CSV button carries the filter"
http GET "/gemeente/GM9999/logboek.csv?soort=factor"
expect_status 200 "logboek CSV"
case "$headers" in *"Content-Type: text/csv; charset=utf-8"*) ok ;; *) bad "CSV content type" ;; esac
case "$headers" in *'attachment; filename="logboek-GM9999.csv"'*) ok ;; *) bad "CSV file name" ;; esac
check '[ "$(head -c3 "$TMP/body" | od -An -tx1 | tr -d " ")" = efbbbf ]' "CSV starts with a BOM"
check 'head -n1 "$TMP/body" | grep -q "nummer;datum;soort;onderwerp;details;door;notitie;ingetrokken"' "CSV header, ';' separated"
rows=$(($(wc -l <"$TMP/body") - 1))
nf=$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE municipality = 'GM9999' AND kind = 'factor'")
check '[ "$rows" = "$nf" ]' "CSV has the filtered rows ($rows of $nf)"
check 'python3 -c "
import csv,sys
rows=list(csv.reader(open(sys.argv[1],encoding=\"utf-8-sig\"),delimiter=\";\"))
assert all(len(r)==8 for r in rows), [len(r) for r in rows]
assert rows[1][1]==\"2026-10-07\", rows[1]
" "$TMP/body"' "CSV parses: 8 columns, dates as ISO for spreadsheets, newest first"
http GET /gemeente/GM9999/stakeholders
expect_body 'href="/gemeente/GM9999/stakeholders.csv"' "register: CSV button"
http GET /gemeente/GM9999/stakeholders.csv
expect_status 200 "register CSV"
check 'python3 -c "
import csv,sys
rows=list(csv.reader(open(sys.argv[1],encoding=\"utf-8-sig\"),delimiter=\";\"))
assert rows[0][:3]==[\"id\",\"naam\",\"organisatie\"], rows[0]
assert len(rows)==8 and rows[3][1]==\"Jeroen van \x27t Hof\", rows
" "$TMP/body"' "register CSV: header and the 7 persons"
http GET /gemeente/GM9999/gereedheid
expect_body 'href="/gemeente/GM9999/gereedheid.csv"' "readiness: CSV button"
http GET "/gemeente/GM9999/gereedheid?fase=2"
expect_body 'href="/gemeente/GM9999/gereedheid.csv?fase=2"' "readiness CSV button keeps the phase"
http GET /gemeente/GM9999/gereedheid.csv
expect_status 200 "readiness CSV"
check 'head -n1 "$TMP/body" | grep -q "onderdeel;regel;soort;voldaan;bindend;tekst;handreiking_regels"' "readiness CSV header"
check '! grep -q "kngg " "$TMP/body"' "readiness CSV: no commands"
http GET "/gemeente/GM9999/gereedheid.csv?fase=9"
expect_status 400 "readiness CSV: a phase that is no phase"

# ---- withdrawing: confirm first ---------------------------------------------------------------
http GET /gemeente/GM9999/logboek
expect_body 'href="/gemeente/GM9999/logboek?intrekken=74">Intrekken…</a>' "a row offers to withdraw it"
nc=$(sqlite3 "$DB" "SELECT id FROM event WHERE municipality = 'GM9999' AND kind = 'municipality.add'")
expect_no_body "logboek?intrekken=$nc\"" "only what can be withdrawn is offered (not #$nc, municipality.add)"
http GET "/gemeente/GM9999/logboek?intrekken=74"
expect_status 200 "the confirmation page"
expect_body "<h1>Intrekken bevestigen</h1>" "confirmation heading"
expect_body "#74 · 21 oktober 2026 · activiteit gedaan" "says what is withdrawn"
expect_body 'name="bevestigd" value="ja"' "the confirmation is a form step"
expect_body 'Annuleren</a>' "and can be cancelled"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
before=$(db_state "$DB")
# the form at the bottom of the logboek posts without the confirmation: it only asks
http POST /gemeente/GM9999/logboek --data "nummer=74&reden=per+ongeluk&csrf=$token"
expect_status 200 "unconfirmed: the confirmation page, nothing written"
expect_body "Weet u zeker" "unconfirmed: asks"
expect_body 'value="per ongeluk"' "unconfirmed: the reason is kept"
check '[ "$before" = "$(db_state "$DB")" ]' "unconfirmed: database unchanged"
http GET "/gemeente/GM9999/logboek?intrekken=99999"
expect_body "geen gebeurtenis met dat nummer" "an unknown number"
expect_no_body 'name="bevestigd"' "an unknown number: no confirmation form"
http POST /gemeente/GM9999/logboek --data "nummer=74&bevestigd=ja&csrf=$token"
expect_status 303 "confirmed without a reason: back"
check '[ "$before" = "$(db_state "$DB")" ]' "no reason: database unchanged"
http POST /gemeente/GM9999/logboek --data "nummer=74&reden=per+ongeluk&bevestigd=ja&csrf=$token"
expect_status 303 "confirmed: withdrawn"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'correction'"' AND corrects = 74")" = 1 ]' "the correction is recorded"
http GET /gemeente/GM9999/logboek
expect_body "Ingetrokken; de intrekking staat in het logboek." "flash after withdrawing"
expect_no_body 'logboek?intrekken=74"' "a withdrawn event is not offered again"
stop_server
finish
