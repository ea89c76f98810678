#!/usr/bin/env bash
# Say before, not after: step done on a step that is not ready and cycle
# start while the phase before is not ready succeed but list, on stderr as
# "let op" lines, what is still open; correct withdraws a cycle.start entered
# by mistake; a back-dated analysis says which one stays the latest; every
# "let op" goes to stderr, never after a failure.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=s.db
# all_let_op: every line of $err is a "kngg: let op:" line
all_let_op() { ! printf '%s\n' "$err" | grep -v '^kngg: let op: ' | grep -q .; }
# width_ok: no line of $err is wider than 80 display columns
width_ok() { printf '%s\n' "$err" | python3 -c 'import sys; sys.exit(any(len(l.rstrip("\n")) > 80 for l in sys.stdin))'; }
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

k init
k municipality add GM0479 Zaanstad --date 2026-01-05

# --- step done while the step is not ready --------------------------------------------
run --db "$DB" step done GM0479 1.1 --date 2026-02-01
expect_rc 0 "step done on an unready step succeeds"
check '[ "$out" = "GM0479: stap 1.1 afgerond" ]' "stdout is only the confirmation"
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: stap 1.1 is afgerond, maar nog niet gereed; nog open:$"' \
	"stderr says the step is not ready"
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: - activiteit 1.1/a2 is niet gedaan"' \
	"stderr names an open activity"
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: en nog [0-9]*; zie .kngg readiness GM0479 --step 1.1.$"' \
	"a long list ends with where to see the rest"
check all_let_op "step done: every stderr line is a let op line"
check width_ok "step done: the warnings fit in 80 columns"
run --db "$DB" log GM0479
expect_out "stap afgerond        1.1" "the step is recorded"

# a step whose readiness is met says nothing
k activity done GM0479 1.3/a1 --date 2026-02-01
for a in $("$KNGG" --db "$DB" readiness GM0479 --step 1.3 --format json |
	python3 -c 'import json,sys; print(" ".join(m["id"] for m in json.load(sys.stdin)["missing"] if m["kind"]=="gedaan" and "/" in m["id"]))'); do
	case "$a" in
	*/d*) k deliverable done GM0479 "$a" --document "stuk $a" --date 2026-02-02 ;;
	*) k activity done GM0479 "$a" --date 2026-02-02 ;;
	esac
done
run --db "$DB" step done GM0479 1.3 --date 2026-02-03
expect_rc 0 "step done on a ready step"
check '! printf "%s\n" "$err" | grep -q "nog open"' "a ready step: no list of open items"

# a refused step done: one error line, no warnings after it
rejected "step done twice" "al afgerond" step done GM0479 1.1 --date 2026-02-05
check '! printf "%s\n" "$err" | grep -q "let op"' "no warning after a failure"

# --- cycle start while the phase before is not ready ----------------------------------
run --db "$DB" cycle start GM0479 3 --date 2026-03-01
expect_rc 0 "cycle start with phase 2 far from ready succeeds"
check '[ "$out" = "GM0479: cyclus 1 van fase 3 gestart" ]' "cycle start: stdout is only the confirmation"
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: fase 2 is nog niet gereed (berekende fase: 1); nog open:$"' \
	"cycle start says phase 2 is not ready"
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: - fase 2 begint met een experiment"' \
	"cycle start lists what is open in phase 2"
check all_let_op "cycle start: every stderr line is a let op line"
check width_ok "cycle start: the warnings fit in 80 columns"

# --- correct withdraws the mistaken cycle.start ----------------------------------------
start=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c '
import json,sys
print([e["id"] for e in json.load(sys.stdin) if e["kind"] == "cycle.start"][0])')
check '[ -n "$start" ]' "the cycle.start event is in the log"
run --db "$DB" readiness GM0479 --phase 3 --format json
check '[ "$(json "d[\"sections\"][0][\"scope\"]")" = "fase 3, cyclus 1" ]' "before: phase 3 runs in cyclus 1"
# cycle1 WHAT: whether the JSON of kngg WHAT GM0479 holds cycle 1 (exit 0), not (1);
# 2 when it is no JSON
cycle1() {
	"$KNGG" --db "$DB" "$1" GM0479 --format json | python3 -c '
import json, sys
try:
    s = json.dumps(json.load(sys.stdin))
except ValueError:
    sys.exit(2)
sys.exit(0 if "\"cycle\": 1" in s or "cyclus 1" in s else 1)'
}
check 'cycle1 status' "before: status has cyclus 1"
check 'cycle1 export' "before: the export has cycle 1"
rejected "correct without a reason" "reason" correct GM0479 "$start"
k quickscan GM0479 --theme clientgerichtheid --score 3 --date 2026-03-02
qs=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c '
import json,sys
print([e["id"] for e in json.load(sys.stdin) if e["kind"] == "quickscan"][0])')
rejected "a cycle with a score in it" "trek dat eerst in" correct GM0479 "$start" --reason "per ongeluk" --date 2026-03-03
k correct GM0479 "$qs" --reason "hoort niet bij een cyclus" --date 2026-03-03
run --db "$DB" correct GM0479 "$start" --reason "per ongeluk gestart" --date 2026-03-03
expect_rc 0 "correct withdraws the cycle.start"
expect_out "gebeurtenis $start ingetrokken" "correct confirms"
run --db "$DB" readiness GM0479 --phase 3 --format json
check '[ "$(json "[r[\"id\"] for r in d[\"missing\"]][0]")" = cyclus ]' \
	"after: phase 3 has no cycle (readiness)"
check '[ "$(json "d[\"missing\"][0][\"fix\"]")" = "kngg cycle start GM0479 3" ]' "after: the hint is to start one"
cycle1 status
r=$?
check '[ "$r" -eq 1 ]' "after: status has no cyclus 1 ($r)"
cycle1 export
r=$?
check '[ "$r" -eq 1 ]' "after: the export has no cycle 1 ($r)"
rejected "a quickscan without a cycle" "cyclus" quickscan GM0479 --theme clientgerichtheid --score 3 --date 2026-03-04
run --db "$DB" readiness GM0479 --phase 3 --format json --as-of 2026-03-02
check '[ "$(json "d[\"sections\"][0][\"scope\"]")" = "fase 3, cyclus 1" ]' "as of before the withdrawal, the cycle stood"
rejected "withdrawn twice" "al ingetrokken" correct GM0479 "$start" --reason "nog eens"
run --db "$DB" cycle start GM0479 3 --date 2026-04-01
expect_rc 0 "a new cycle start after the withdrawal"
expect_out "cyclus 1 van fase 3 gestart" "the new cycle takes number 1 again"
k cycle start GM0479 3 --date 2026-05-01
start2=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c '
import json,sys
print([e["id"] for e in json.load(sys.stdin) if e["kind"] == "cycle.start" and not e["corrected_by"]][0])')
rejected "not the latest cycle" "laatste cyclus" correct GM0479 "$start2" --reason "fout"
run --db "$DB" verify
expect_rc 0 "the chain verifies after the withdrawal and the new start"

# --- a back-dated analysis ------------------------------------------------------------
k stakeholder add GM0479 --name "Ilse Bakker" --org "Gemeente Zaanstad" --org-type gemeente --date 2026-01-06
run --db "$DB" stakeholder assess GM0479 1 --commitment toegezegd
expect_rc 0 "an analysis today"
expect_no_err "an analysis today: no warning"
run --db "$DB" stakeholder assess GM0479 1 --commitment betrokken --date 2026-07-01
expect_rc 0 "a back-dated analysis is recorded"
check 'printf "%s\n" "$err" | grep -qx "kngg: let op: de analyse van 1 december 2026 blijft de laatste"' \
	"the back-dated analysis says which one stays the latest"
check '! printf "%s" "$out" | grep -qi "let op"' "no let op on stdout"
run --db "$DB" stakeholder assess GM0479 1 --commitment geinformeerd
check 'printf "%s\n" "$err" | grep -q "^kngg: let op: .geinformeerd. telt nog niet als gecommitteerd"' \
	"commitment that does not count: the warning is on stderr"
check '! printf "%s" "$out" | grep -qi "let op"' "commitment warning: nothing on stdout"

# --- no "let op" on stdout anywhere in the source -------------------------------------
check '! grep -rn "printf(\"[Ll]et op\|puts(\"[Ll]et op" "$SRC/src/cli" "$SRC/src/engine"' \
	"no let op printed on stdout in src/cli or src/engine"

finish
