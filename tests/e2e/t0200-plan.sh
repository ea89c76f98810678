#!/usr/bin/env bash
# kngg plan: planned completion dates as journal events. Writes per step, per
# area (phase 2) and per cycle (phases 3-4), several steps at once; bad input
# refused with one line and the database unchanged; the list shows planned
# and actual side by side within 80 columns; a newer plan replaces the older,
# --as-of shows the plan as it stood, kngg correct withdraws one.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-25
DB=p.db
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
width_ok() { printf '%s\n' "$out" | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))'; }

k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k area add GM0479 Poelenburg --date 2026-02-01
k step start GM0479 1.3 --date 2026-10-01
k step start GM0479 1.1 --date 2026-10-01
k step done GM0479 1.1 --date 2026-10-20

# --- writes ----------------------------------------------------------------------
export KNGG_TODAY=2026-10-01
run --db "$DB" plan GM0479 1.3 --due 1-11-2026 --note "voor de stuurgroep"
expect_rc 0 "plan one step"
check '[ "$out" = "GM0479: stap 1.3 gepland op 1 november 2026" ]' "plan says the date in Dutch"
expect_no_err "plan one step"
run --db "$DB" plan GM0479 1.1 1.2 --due "15 oktober 2026"
expect_rc 0 "plan two steps at once"
expect_out "stap 1.2 gepland op 15 oktober 2026" "both steps are confirmed"
run --db "$DB" plan GM0479 2.1 --due 2026-12-01 --area poelenburg
expect_rc 0 "plan a phase-2 step in an area (name in any case)"
run --db "$DB" log GM0479
expect_out "gepland              1.3 2026-11-01" "kngg log shows the plan"
expect_out "2.1 [Poelenburg] 2026-12-01" "kngg log shows the area of a plan"

# --- validation: one line, database unchanged --------------------------------------
rejected "bad due date" "ongeldige datum '31-2-2026'" plan GM0479 1.3 --due 31-2-2026
rejected "unknown step" "onbekende stap '9.9'" plan GM0479 9.9 --due 2026-12-01
rejected "one unknown step of two" "onbekende stap '1.99'" plan GM0479 1.4 1.99 --due 2026-12-01
rejected "phase 2 without --area" "fase 2 loopt per gebied: geef --area NAAM (gebieden: Poelenburg)" \
	plan GM0479 2.2 --due 2026-12-01
rejected "unknown area" "onbekend gebied 'Kogerveld'" plan GM0479 2.2 --due 2026-12-01 --area Kogerveld
rejected "--area on a phase-1 step" "--area hoort alleen bij stappen van fase 2" \
	plan GM0479 1.4 --due 2026-12-01 --area Poelenburg
rejected "phase 3 without a cycle" "fase 3 heeft nog geen cyclus" plan GM0479 3.proces --due 2027-03-01
rejected "--cycle on a phase-1 step" "--cycle hoort alleen bij stappen van fase 3 en 4" \
	plan GM0479 1.4 --due 2026-12-01 --cycle 1
rejected "unknown municipality" "onbekende gemeente 'GM0001'" plan GM0001 1.3 --due 2026-12-01
rejected "the same plan again" "stap 1.3 staat al gepland op 2026-11-01" plan GM0479 1.3 --due 1-11-2026
rejected "--due without a step" "STAP ontbreekt" plan GM0479 --due 1-11-2026
rejected "a step twice" "stap 1.4 staat er twee keer" plan GM0479 1.4 1.4 --due 1-11-2026
rejected "--cycle not a number" "--cycle" plan GM0479 3.proces --due 2027-03-01 --cycle x
rejected "unknown person --by" "GM0479 heeft geen persoon 'Nobody'" plan GM0479 1.4 --due 1-12-2026 --by Nobody

# cycles: the current one by default, another by --cycle
k cycle start GM0479 3 --date 2026-10-01
k cycle start GM0479 3 --date 2026-10-01
run --db "$DB" plan GM0479 3.proces --due 2027-03-01 --cycle 1
expect_rc 0 "plan a phase-3 step in cycle 1"
expect_out "in cyclus 1" "the cycle is confirmed"
run --db "$DB" plan GM0479 3.proces --due 2027-06-01
expect_rc 0 "plan a phase-3 step in the current cycle"
rejected "a cycle that does not exist" "fase 3 van GM0479 heeft geen cyclus 7 (cycli: 1, 2)" \
	plan GM0479 3.proces --due 2027-03-01 --cycle 7

# --- the list ---------------------------------------------------------------------
export KNGG_TODAY=2026-11-25
run --db "$DB" plan GM0479
expect_rc 0 "plan lists"
expect_out "stand op 25 november 2026" "the list names its day"
check 'printf "%s\n" "$out" | grep -Eq "^stap +waar +gepland +gestart +afgerond +afwijking$"' \
	"planned and actual side by side"
check 'printf "%s\n" "$out" | grep -Eq "^1\.1 +15-10-2026 +1-10-2026 +20-10-2026 +5 dagen te laat$"' \
	"done after the plan: days late"
check 'printf "%s\n" "$out" | grep -Eq "^1\.2 +15-10-2026 +- +- +6 weken over tijd$"' \
	"not done and past due: weeks over"
check 'printf "%s\n" "$out" | grep -Eq "^1\.3 +1-11-2026 +1-10-2026 +- +3 weken over tijd$"' \
	"started, past due"
check 'printf "%s\n" "$out" | grep -q "^2\.1  *Poelenburg  *1-12-2026 .* nog 6 dagen$"' "area and days left"
check 'printf "%s\n" "$out" | grep -q "^3\.proces.*cyclus 1 .*1-3-2027"' "cycle 1 has its own plan"
check 'printf "%s\n" "$out" | grep -q "^3\.proces.*cyclus 2 .*1-6-2027"' "cycle 2 has its own plan"
expect_out "6 stappen gepland, 2 over tijd" "the list counts"
check width_ok "the list fits in 80 columns"
run --db "$DB" plan GM0479 --wide
expect_out "voor de stuurgroep" "--wide shows the note"
run --db "$DB" plan GM0479 --format json
expect_rc 0 "plan as JSON"
check '[ "$(json "[p[\"deviation\"] for p in d[\"plan\"] if p[\"step\"]==\"1.1\"][0]")" = "5 dagen te laat" ]' \
	"JSON: deviation"
check '[ "$(json "[p[\"overdue_days\"] for p in d[\"plan\"] if p[\"step\"]==\"1.3\"][0]")" = "24" ]' \
	"JSON: overdue days"
run --db "$DB" plan GM0479 --format csv --separator ";"
expect_out "stap;titel;fase;gebied;cyclus;gepland;gestart;afgerond;afwijking;dagen te laat;notitie" \
	"CSV header"
expect_out "1.3;Breng de gewenste situatie in beeld;1;;;2026-11-01;2026-10-01;;3 weken over tijd;24;voor de stuurgroep" \
	"CSV row"
run --db "$DB" plan GM0479 --format xlsx -o plan.xlsx
expect_rc 0 "plan as xlsx"
check '[ -s plan.xlsx ]' "the workbook is written"
rejected "unknown format" "onbekend formaat 'pdf'" plan GM0479 --format pdf
rejected "--as-of not a date" "ongeldige datum" plan GM0479 --as-of 2026-13-01

# --- a newer plan replaces the older; --as-of; correct ----------------------------------
export KNGG_TODAY=2026-11-26
run --db "$DB" plan GM0479 1.3 --due 15-12-2026
expect_rc 0 "replan"
run --db "$DB" plan GM0479 --format json
check '[ "$(json "[p[\"due\"] for p in d[\"plan\"] if p[\"step\"]==\"1.3\"][0]")" = "2026-12-15" ]' \
	"the newer plan replaces the older"
check '[ "$(json "len([p for p in d[\"plan\"] if p[\"step\"]==\"1.3\"])")" = "1" ]' "one row per step"
run --db "$DB" plan GM0479 --as-of 2026-11-25 --format json
check '[ "$(json "[p[\"due\"] for p in d[\"plan\"] if p[\"step\"]==\"1.3\"][0]")" = "2026-11-01" ]' \
	"--as-of shows the plan as it stood"
run --db "$DB" plan GM0479 --as-of 2026-09-30
expect_out "nog niets gepland" "--as-of before any plan"
id=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c 'import json,sys; print([e["id"] for e in json.load(sys.stdin) if e["kind"]=="plan.due" and e["target"]=="1.3"][-1])')
run --db "$DB" correct GM0479 "$id" --reason "toch niet verschoven"
expect_rc 0 "kngg correct withdraws a plan"
run --db "$DB" plan GM0479 --format json
check '[ "$(json "[p[\"due\"] for p in d[\"plan\"] if p[\"step\"]==\"1.3\"][0]")" = "2026-11-01" ]' \
	"after the withdrawal the older plan counts again"
# a withdrawn plan is no progress: phase 3 keeps its two cycles, no run without one
id=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c 'import json,sys; print([e["id"] for e in json.load(sys.stdin) if e["kind"]=="plan.due" and e["target"]=="3.proces"][-1])')
run --db "$DB" correct GM0479 "$id" --reason "cyclus 2 nog niet plannen"
expect_rc 0 "kngg correct withdraws the plan of a cycle"
run --db "$DB" status GM0479 --format json
check '[ "$(json "len(d[\"phases\"][2][\"runs\"])")" = "2" ]' "status: no phantom run after a correction"
check '[ "$(json "d[\"current_phase\"]")" = "1" ]' "status: a plan (and its withdrawal) is no progress in phase 3"

finish
