#!/usr/bin/env bash
# Planned against actual everywhere: a step past its planned date and not
# done is a risk (KNGG_RISK_OVERDUE, "overdue" in JSON) with how long it is
# overdue, in risks, readiness warnings, status and the export (JSON and
# XML); --as-of before the date shows no risk; the projectplan's planning
# section and the voortgangsrapportage take the dates from the plan.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-10-01
DB=o.db
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
width_ok() { printf '%s\n' "$out" | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))'; }

k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k area add GM0479 Poelenburg --date 2026-02-01
k step start GM0479 1.3 --date 2026-09-01
k step start GM0479 1.1 --date 2026-09-01
k plan GM0479 1.3 --due 1-11-2026
k plan GM0479 1.1 --due 1-10-2026
k plan GM0479 2.1 --due 2026-11-10 --area Poelenburg
k step done GM0479 1.1 --date 2026-10-01

export KNGG_TODAY=2026-11-25
# --- risks --------------------------------------------------------------------------
run --db "$DB" risks GM0479
expect_rc 0 "risks"
check width_ok "risks fit in 80 columns"
run --db "$DB" risks GM0479 --wide
expect_out "stap 1.3 is 24 dagen over de geplande datum (1 november 2026)" "risks: the overdue step"
expect_out "stap 2.1 in Poelenburg is 15 dagen over de geplande datum (10 november 2026)" \
	"risks: per area"
expect_no_out "stap 1.1 is" "a step done on time is no risk"
run --db "$DB" risks GM0479 --format json
check '[ "$(json "len([r for r in d if r[\"kind\"]==\"overdue\"])")" = "2" ]' "risks JSON: kind overdue"
check '[ "$(json "[r[\"step\"] for r in d if r[\"kind\"]==\"overdue\"][0]")" = "1.3" ]' "risks JSON: the step"
run --db "$DB" risks GM0479 --as-of 2026-10-31 --wide
expect_no_out "over de geplande datum" "--as-of before the due date: no overdue risk"
run --db "$DB" risks GM0479 --as-of 2026-11-02 --wide
expect_out "stap 1.3 is 1 dag over de geplande datum" "--as-of one day after: one day"

# --- readiness -----------------------------------------------------------------------
run --db "$DB" readiness GM0479
expect_out "! stap 1.3 is 24 dagen over de geplande datum" "readiness warns about the overdue step"
run --db "$DB" readiness GM0479 --format json
check '[ "$(json "len([w for w in d[\"warnings\"] if \"over de geplande datum\" in w])")" = "2" ]' \
	"readiness JSON: the warnings"

# --- status --------------------------------------------------------------------------
run --db "$DB" status GM0479
expect_out "Planning (gepland tegen werkelijk; kngg plan GM0479)" "status has a planning section"
check 'printf "%s\n" "$out" | grep -Eq "^  1\.3 +gepland 2026-11-01, gestart: 3 weken over tijd$"' \
	"status: planned against actual"
check 'printf "%s\n" "$out" | grep -Eq "^  1\.1 +gepland 2026-10-01, afgerond 2026-10-01: op tijd$"' \
	"status: done on time"
check width_ok "status fits in 80 columns"
run --db "$DB" status GM0479 --format json
check '[ "$(json "[p[\"overdue_days\"] for p in d[\"plan\"] if p[\"step\"]==\"2.1\"][0]")" = "15" ]' \
	"status JSON: the plan"

# --- export ---------------------------------------------------------------------------
run --db "$DB" export GM0479
check '[ "$(json "[p[\"due\"] for p in d[\"plan\"] if p[\"step\"]==\"1.3\"][0]")" = "2026-11-01" ]' \
	"export JSON: the plan"
check '[ "$(json "len([r for r in d[\"risks\"] if r[\"kind\"]==\"overdue\"])")" = "2" ]' \
	"export JSON: the overdue risks"
run --db "$DB" export GM0479 --format xml
check 'printf "%s" "$out" | xmllint --xpath "string(/kngg-export/plan/planned[@step=\"2.1\"]/@area)" - | grep -qx Poelenburg' \
	"export XML: plan/planned with its area"
check 'printf "%s" "$out" | xmllint --xpath "string(/kngg-export/plan/planned[@step=\"1.3\"]/@deviation)" - | grep -qx "3 weken over tijd"' \
	"export XML: the deviation"

# --- documents ------------------------------------------------------------------------
run --db "$DB" doc projectplan GM0479 --format md
expect_rc 0 "projectplan"
expect_out "| 1.3 | Breng de gewenste situatie in beeld | gestart | gepland op 1 november 2026 (3 weken over tijd) |" \
	"projectplan: the planned date of a running step"
expect_out "| 1.1 | Haal de opdracht op | afgerond | afgerond op 1 oktober 2026 (gepland 1 oktober 2026: op tijd) |" \
	"projectplan: done against planned"
expect_out "| 2.1 | Probeer uit en leer | niet gestart | gepland op 10 november 2026 (15 dagen over tijd) |" \
	"projectplan: the plan of an area"
expect_out "| 1.4 | Bepaal wat nodig is | niet gestart | **[In te vullen: streefdatum]** |" \
	"projectplan: an unplanned step still asks for a date"
run --db "$DB" doc voortgangsrapportage GM0479 --format md
expect_rc 0 "voortgangsrapportage"
expect_out "## Planning" "voortgangsrapportage: a planning section"
expect_out "| 1.3 Breng de gewenste situatie in beeld | fase 1 | 1 november 2026 | 1 september 2026 |  | 3 weken over tijd |" \
	"voortgangsrapportage: planned against actual"
expect_out "**Over tijd:** 2 stap(pen)" "voortgangsrapportage: how many are overdue"
printf '%s\n' "$out" | cmark >/dev/null 2>&1
check '[ $? -eq 0 ]' "the Markdown reads back"

finish
