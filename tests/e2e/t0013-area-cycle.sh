#!/usr/bin/env bash
# Phase 2 per area (kngg area, step --area), phases 3-4 per cycle
# (kngg cycle start) and the QuickScan within a cycle.
. "$(dirname "$0")/lib.sh" "$@"
# not_ready: $err without the list of what a step done leaves open (that
# list is t0121's subject; here only the out-of-order warning counts)
not_ready() {
	err=$(printf '%s\n' "$err" | grep -v -e ', maar nog niet gereed; nog open:$' \
		-e '^kngg: let op: - ' -e '^kngg: let op: en nog ')
}
export KNGG_TODAY=2026-06-15
DB=a.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# run_of PHASE LABEL: the run (area or cycle) with that label, as a Python expression
run_of() { printf "[r for r in d['phases'][%d]['runs'] if r['label']=='%s'][0]" $(($1 - 1)) "$2"; }
# state PHASE LABEL STEP [FIELD]: a step's field (default state) in one run
state() { json "[s for s in $(run_of "$1" "$2")['steps'] if s['id']=='$3'][0]['${4:-state}']"; }

# --- areas ------------------------------------------------------------------
rejected "phase-2 step before any area" "--area" step start GM0479 2.1 --date 2026-03-01
run --db "$DB" area add GM0479 Noord --target-group "0-4 jaar"
expect_rc 0 "area add with target group"
expect_no_err "area add"
expect_out "Noord" "area add confirms"
run --db "$DB" area add GM0479 "Zuid-Oost"
expect_rc 0 "second area"
rejected "duplicate area" "Noord" area add GM0479 Noord --target-group "4-12 jaar"
rejected "area for an unknown municipality" "onbekende gemeente 'GM0001'" area add GM0001 Noord
rejected "empty area name" "" area add GM0479 ""
rejected "area add without a name" "" area add GM0479
expect_rc 2 "area add without a name is a usage error"

run --db "$DB" area list GM0479
expect_rc 0 "area list"
check 'printf "%s\n" "$out" | grep -q "^Noord (experiment: 2.1 tot en met 2.5) — doelgroep 0-4 jaar, "' "area list shows the kind and the target group"
check 'printf "%s\n" "$out" | grep -q "^Zuid-Oost "' "area list shows the second area"
rejected "area list of an unknown municipality" "onbekende gemeente 'GM0001'" area list GM0001

# --- phase-2 steps need a known --area; --area is only for phase 2 ----------
rejected "phase-2 step without --area" "--area" step start GM0479 2.1 --date 2026-03-01
rejected "phase-2 done without --area" "--area" step done GM0479 2.1 --date 2026-03-01
rejected "phase-2 activity without --area" "--area" activity done GM0479 2.1/a1 --date 2026-03-01
rejected "unknown --area" "onbekend gebied 'West'" step start GM0479 2.1 --area West --date 2026-03-01
case "$err" in *Noord*Zuid-Oost* | *Zuid-Oost*Noord*) ok ;; *) bad "unknown --area message lists the areas" ;; esac
rejected "--area on a phase-1 step" "--area" step start GM0479 1.1 --area Noord --date 2026-03-01
rejected "--area on a phase-1 done" "--area" step done GM0479 1.5 --area Noord --date 2026-03-01
rejected "--area on a phase-1 activity" "--area" activity done GM0479 1.1/a1 --area Noord --date 2026-03-01
rejected "--area on a phase-1 deliverable" "--area" deliverable done GM0479 1.1/d1 --area Noord --date 2026-03-01

# --- each area runs phase 2 on its own ----------------------------------------
run --db "$DB" step start GM0479 2.1 --area Noord --date 2026-03-01
expect_rc 0 "start 2.1 in Noord"
expect_out "in Noord" "start names the area"
run --db "$DB" step done GM0479 2.1 --area Noord --date 2026-03-10; not_ready
expect_rc 0 "done 2.1 in Noord"
expect_no_err "done 2.1 in Noord: no warning"
rejected "done 2.1 twice in Noord" "al afgerond" step done GM0479 2.1 --area Noord --date 2026-03-11

run --db "$DB" status GM0479 --format json
expect_rc 0 "status json with areas"
check '[ "$(state 2 Noord 2.1)" = afgerond ]' "2.1 afgerond in Noord"
check '[ "$(state 2 Noord 2.1 done)" = 2026-03-10 ]' "2.1 done date in Noord"
check '[ "$(state 2 Zuid-Oost 2.1)" = "niet gestart" ]' "2.1 still niet gestart in Zuid-Oost"
check '[ "$(json "$(run_of 2 Noord)[\"target_group\"]")" = "0-4 jaar" ]' "target group in status json"

run --db "$DB" step start GM0479 2.1 --area "Zuid-Oost" --date 2026-03-12
expect_rc 0 "start 2.1 in Zuid-Oost, although done in Noord"
run --db "$DB" step done GM0479 2.2 --area "Zuid-Oost" --date 2026-03-13; not_ready
expect_rc 0 "done 2.2 in Zuid-Oost out of order"
expect_err "2.1" "out-of-order warning within the area names 2.1"
run --db "$DB" activity done GM0479 2.1/a1 --area Noord --date 2026-03-05
expect_rc 0 "activity 2.1/a1 in Noord"
run --db "$DB" activity done GM0479 2.1/a1 --area "Zuid-Oost" --date 2026-03-14
expect_rc 0 "the same activity in Zuid-Oost"
rejected "activity twice in one area" "al gedaan" activity done GM0479 2.1/a1 --area Noord --date 2026-03-15

run --db "$DB" status GM0479 --format json
check '[ "$(state 2 Noord 2.1)" = afgerond ]' "Noord unchanged by Zuid-Oost"
check '[ "$(state 2 Zuid-Oost 2.1)" = gestart ]' "2.1 gestart in Zuid-Oost"
check '[ "$(state 2 Zuid-Oost 2.2)" = afgerond ]' "2.2 afgerond in Zuid-Oost"
check '[ "$(state 2 Noord 2.2)" = "niet gestart" ]' "2.2 niet gestart in Noord"
check '[ "$(state 2 Noord 2.1 activities_done)" = "['"'"'2.1/a1'"'"']" ]' "activity recorded in Noord"

run --db "$DB" status GM0479
expect_rc 0 "status text with areas"
check 'printf "%s\n" "$out" | grep -A1 "^  Noord — 0-4 jaar" | grep -q "2.1  afgerond  2026-03-01 → 2026-03-10"' \
	"status text shows 2.1 under Noord"
check 'printf "%s\n" "$out" | grep -A1 "^  Zuid-Oost" | grep -q "2.1  gestart   2026-03-12"' \
	"status text shows 2.1 under Zuid-Oost"

# --- cycles -------------------------------------------------------------------
rejected "phase-3 step without a cycle" "kngg cycle start GM0479 3" step start GM0479 3.proces --date 2026-04-01
rejected "phase-4 step without a cycle" "kngg cycle start GM0479 4" step start GM0479 4.proces --date 2026-04-01
rejected "quickscan without a cycle" "kngg cycle start GM0479 3" \
	quickscan GM0479 --theme ketencommitment --score 3 --date 2026-04-01

run --db "$DB" cycle start GM0479 3 --date 2026-04-01
expect_rc 0 "cycle start 3"
expect_out "cyclus 1 van fase 3" "first cycle is number 1"
run --db "$DB" cycle start GM0479 3 --date 2026-05-01 --by "Anouk Çelik" --new-person
expect_rc 0 "second cycle start 3"
expect_out "cyclus 2 van fase 3" "second cycle is number 2"
for p in 1 2 5 0 x ""; do
	rejected "cycle start '$p'" "" cycle start GM0479 "$p" --date 2026-05-02
done
rejected "cycle start without a phase" "" cycle start GM0479
expect_rc 2 "cycle start without a phase is a usage error"
rejected "cycle for an unknown municipality" "onbekende gemeente 'GM0001'" cycle start GM0001 3 --date 2026-05-02
rejected "cycle start on an impossible date" "2026-02-30" cycle start GM0479 3 --date 2026-02-30
rejected "--area on a phase-3 step" "--area" step start GM0479 3.kwaliteit --area Noord --date 2026-05-02

run --db "$DB" step start GM0479 3.proces --date 2026-05-02
expect_rc 0 "phase-3 step in the current cycle"
expect_no_err "phase-3 step in the current cycle"

# --- QuickScan ------------------------------------------------------------------
run --db "$DB" quickscan GM0479 --theme ketencommitment --score 3 --date 2026-05-03 --note 'eerste "meting" <ruw>'
expect_rc 0 "quickscan in the cycle"
expect_no_err "quickscan"
expect_out "ketencommitment" "quickscan confirms the theme"
rejected "unknown theme" "onbekend QuickScan-thema 'onzin'" quickscan GM0479 --theme onzin --score 3 --date 2026-05-03
rejected "theme missing" "--theme" quickscan GM0479 --score 3 --date 2026-05-03
expect_rc 2 "missing --theme is a usage error"
rejected "score missing" "--score" quickscan GM0479 --theme ketencommitment --date 2026-05-03
expect_rc 2 "missing --score is a usage error"
rejected "score not a number" "abc" quickscan GM0479 --theme ketencommitment --score abc --date 2026-05-03
rejected "quickscan in the future" "toekomst" quickscan GM0479 --theme ketencommitment --score 3 --date 2026-06-16
rejected "quickscan in phase 4 without a phase-4 cycle" "kngg cycle start GM0479 4" \
	quickscan GM0479 --theme ketencommitment --score 3 --phase 4 --date 2026-05-03

# the scale comes from phases/quickscan.xml
min=$(sed -n 's/.*<schaal min="\([0-9]*\)" max="\([0-9]*\)".*/\1/p' "$SRC/phases/quickscan.xml")
max=$(sed -n 's/.*<schaal min="\([0-9]*\)" max="\([0-9]*\)".*/\2/p' "$SRC/phases/quickscan.xml")
check '[ -n "$min" ] && [ -n "$max" ]' "quickscan.xml has a scale"
rejected "score below the scale" "buiten de schaal" quickscan GM0479 --theme ketencommitment --score $((min - 1)) --date 2026-05-03
rejected "score above the scale" "buiten de schaal" quickscan GM0479 --theme ketencommitment --score $((max + 1)) --date 2026-05-03
run --db "$DB" quickscan GM0479 --theme clientgerichtheid --score "$min" --date 2026-05-04
expect_rc 0 "score at the bottom of the scale"
run --db "$DB" quickscan GM0479 --theme resultaatmanagement --score "$max" --date 2026-05-04
expect_rc 0 "score at the top of the scale"

run --db "$DB" status GM0479 --format json
expect_rc 0 "status json with cycles"
check '[ "$(json "[r[\"label\"] for r in d[\"phases\"][2][\"runs\"]]")" = "['"'"'cyclus 1'"'"', '"'"'cyclus 2'"'"']" ]' \
	"phase 3 has cycles 1 and 2"
check '[ "$(state 3 "cyclus 2" 3.proces)" = gestart ]' "3.proces gestart in cycle 2"
check '[ "$(state 3 "cyclus 1" 3.proces)" = "niet gestart" ]' "3.proces untouched in cycle 1"
check '[ "$(json "$(run_of 3 "cyclus 2")[\"quickscan\"][\"ketencommitment\"]")" = 3 ]' "quickscan score in cycle 2"
check '[ "$(json "$(run_of 3 "cyclus 1").get(\"quickscan\", {}).get(\"ketencommitment\")")" = None ]' "no quickscan score in cycle 1"
check '[ "$(json "len(d[\"phases\"][3][\"runs\"])")" = 0 ]' "phase 4 has no cycle"

run --db "$DB" log GM0479 --format json
expect_rc 0 "log json with quickscan"
check '[ "$(json "[(e[\"target\"], e[\"score\"], e[\"cycle\"], e[\"note\"]) for e in d if e[\"kind\"]==\"quickscan\"][0]")" = "('"'"'ketencommitment'"'"', 3, 2, '"'"'eerste \"meting\" <ruw>'"'"')" ]' \
	"log json quickscan: theme, score, cycle, note"

run --db "$DB" cycle start GM0479 4 --date 2026-05-05
expect_rc 0 "cycle start 4"
expect_out "cyclus 1 van fase 4" "phase 4 numbers its own cycles"
run --db "$DB" quickscan GM0479 --theme ketencommitment --score 4 --phase 4 --date 2026-05-06
expect_rc 0 "quickscan in phase 4"

finish
