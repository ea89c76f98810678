#!/usr/bin/env bash
# kngg step start/done/reopen: dates (real, not in the future, default
# today), transitions, out-of-order warnings, unknown ids; status and log.
. "$(dirname "$0")/lib.sh" "$@"
# not_ready: $err without the list of what a step done leaves open (that
# list is t0121's subject; here only the out-of-order warning counts)
not_ready() {
	err=$(printf '%s\n' "$err" | grep -v -e ', maar nog niet gereed; nog open:$' \
		-e '^kngg: let op: - ' -e '^kngg: let op: en nog ')
}
export KNGG_TODAY=2026-06-15
DB=s.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# step FIELD ID: a field of a phase-1 step in `status --format json` on $out
step() { json "[s for s in d['phases'][0]['runs'][0]['steps'] if s['id']=='$2'][0]['$1']"; }
# line ID: the status text line of a phase-1 step
line() { printf '%s\n' "$out" | grep "^  $1  "; }

note='begin "nu" <snel> & ʼs-Hertogenbosch'

# --- start, done, reopen with --date/--by/--note ---------------------------
run --db "$DB" step start GM0479 1.1 --date 2026-01-10 --by "Anouk Çelik" --new-person --note "$note"
expect_rc 0 "start 1.1"
expect_no_err "start 1.1"
expect_out "stap 1.1 gestart" "start confirms"
run --db "$DB" step done GM0479 1.1 --date 2026-01-20 --by "Anouk Çelik" --new-person; not_ready
expect_rc 0 "done 1.1"
expect_no_err "done 1.1 (no earlier steps, no warning)"
expect_out "stap 1.1 afgerond" "done confirms"

rejected "done twice" "al afgerond" step done GM0479 1.1 --date 2026-01-21
rejected "start a done step" "al afgerond" step start GM0479 1.1 --date 2026-01-21
rejected "reopen before the done date" "2026-01-20" step reopen GM0479 1.1 --date 2026-01-19
rejected "reopen in the future" "toekomst" step reopen GM0479 1.1 --date 2026-06-16

run --db "$DB" step start GM0479 1.2 --date 2026-01-21
expect_rc 0 "start 1.2"
rejected "start twice" "loopt al" step start GM0479 1.2 --date 2026-01-22
rejected "reopen of a started step" "niet afgerond" step reopen GM0479 1.2 --date 2026-01-22
rejected "reopen of a not-started step" "niet afgerond" step reopen GM0479 1.8 --date 2026-01-22
rejected "done in the future" "toekomst" step done GM0479 1.2 --date 2026-06-16
rejected "done far in the future" "toekomst" step done GM0479 1.2 --date 2027-01-01
rejected "done before its start" "2026-01-21" step done GM0479 1.2 --date 2026-01-20

# impossible dates, on every action
for d in 2026-02-30 2026-13-01 26-01-01 31-2-2026 2-30-2026 2026-00-10 2026-04-31 2026-02-29 20260101 "2026-01-01 " ""; do
	rejected "start with date '$d'" "ongeldige datum '$d'" step start GM0479 1.3 --date "$d"
done
rejected "done with date 2026-02-30" "ongeldige datum '2026-02-30'" step done GM0479 1.2 --date 2026-02-30
rejected "reopen with date 2026-13-01" "ongeldige datum '2026-13-01'" step reopen GM0479 1.1 --date 2026-13-01

run --db "$DB" step done GM0479 1.2 --date 2026-02-05; not_ready
expect_rc 0 "done 1.2"
expect_no_err "done 1.2 in order: no warning"

# --- out of order: allowed, one warning line naming the open earlier steps --
run --db "$DB" step start GM0479 1.3 --date 2026-02-01
expect_rc 0 "start 1.3"
expect_no_err "starting out of nothing gives no warning"
run --db "$DB" step done GM0479 1.4 --date 2026-02-10 --note "vooruitgelopen"; not_ready
expect_rc 0 "done 1.4 while 1.3 is open succeeds"
expect_out "stap 1.4 afgerond" "out-of-order done confirms on stdout"
expect_err "1.3" "out-of-order done warns with one line naming 1.3"
case "$err" in *1.1* | *1.2*) bad "warning names finished steps 1.1/1.2" ;; *) ok ;; esac
case "$err" in *1.4*) bad "warning names the step itself" ;; *) ok ;; esac

run --db "$DB" step done GM0479 1.6 --date 2026-02-11; not_ready
expect_rc 0 "done 1.6 while 1.3 and 1.5 are open"
expect_err "1.3, 1.5" "warning names both open earlier steps"
case "$err" in *1.4* | *1.1* | *1.2*) bad "warning names finished steps" ;; *) ok ;; esac

run --db "$DB" status GM0479 --format json
expect_rc 0 "status json after out-of-order"
check '[ "$(step state 1.4)" = afgerond ]' "1.4 done out of order is recorded"
check '[ "$(step done 1.4)" = 2026-02-10 ]' "1.4 done date"
check '[ "$(step state 1.6)" = afgerond ]' "1.6 done out of order is recorded"

# --- reopen, then done again ------------------------------------------------
run --db "$DB" step reopen GM0479 1.1 --date 2026-02-12 --by Piet --new-person --note "nieuw college"
expect_rc 0 "reopen 1.1"
expect_out "stap 1.1 heropend" "reopen confirms"
rejected "reopen twice" "niet afgerond" step reopen GM0479 1.1 --date 2026-02-13
rejected "done before the reopen" "2026-02-12" step done GM0479 1.1 --date 2026-02-11
run --db "$DB" status GM0479 --format json
check '[ "$(step state 1.1)" = heropend ]' "1.1 is reopened"
check '[ "$(step reopened 1.1)" = 2026-02-12 ]' "reopen date"
run --db "$DB" step done GM0479 1.1 --date 2026-02-20; not_ready
expect_rc 0 "done 1.1 again"
expect_no_err "done 1.1 again: no earlier steps"
run --db "$DB" step done GM0479 1.3 --date 2026-02-21; not_ready
expect_rc 0 "done 1.3"
expect_no_err "done 1.3 with 1.1 and 1.2 finished: no warning"

# --- unknown ids, unknown municipality, usage errors ------------------------
for s in 1.9 5.1 0.1 garbage 1.2/a1 draagvlak ""; do
	rejected "unknown step '$s'" "onbekende stap '$s'" step start GM0479 "$s" --date 2026-03-01
done
rejected "unknown step on done" "onbekende stap '1.9'" step done GM0479 1.9 --date 2026-03-01
rejected "unknown municipality" "onbekende gemeente 'GM0001'" step start GM0001 1.5 --date 2026-03-01
rejected "unknown municipality on done" "onbekende gemeente 'GM0001'" step done GM0001 1.5 --date 2026-03-01
rejected "bad municipality code" "ongeldige gemeentecode 'GM47'" step start GM47 1.5 --date 2026-03-01
rejected "missing step" "" step start GM0479
expect_rc 2 "missing step is a usage error"
rejected "missing everything" "" step
expect_rc 2 "step without arguments is a usage error"
rejected "unknown action" "finish" step finish GM0479 1.5
expect_rc 2 "unknown action is a usage error"
rejected "--date without a value" "--date" step start GM0479 1.5 --date
expect_rc 2 "--date without a value is a usage error"
rejected "unknown option" "--when" step start GM0479 1.5 --when 2026-03-01
expect_rc 2 "unknown option is a usage error"

# --- default date is today -------------------------------------------------
run --db "$DB" step start GM0479 1.5
expect_rc 0 "start without --date"
run --db "$DB" step done GM0479 1.5 --by "Anouk Çelik" --new-person; not_ready
expect_rc 0 "done without --date"
run --db "$DB" status GM0479 --format json
check '[ "$(step started 1.5)" = 2026-06-15 ]' "default start date is today (KNGG_TODAY)"
check '[ "$(step done 1.5)" = 2026-06-15 ]' "default done date is today (KNGG_TODAY)"
before=$(date +%F)
KNGG_TODAY= run --db "$DB" step start GM0479 1.7
after=$(date +%F)
expect_rc 0 "start without --date on the real clock"
run --db "$DB" status GM0479 --format json
d=$(step started 1.7)
check '[ "$d" = "$before" ] || [ "$d" = "$after" ]' "default date is the real today without KNGG_TODAY"

# --- status text -----------------------------------------------------------
run --db "$DB" status GM0479
expect_rc 0 "status"
expect_no_err "status"
check 'line 1.1 | grep -q "afgerond  2026-01-10 → 2026-02-20"' "status 1.1 afgerond with dates"
check 'line 1.1 | grep -q "1x heropend"' "status 1.1 counts the reopen"
check 'line 1.2 | grep -q "afgerond  2026-01-21 → 2026-02-05"' "status 1.2 afgerond with dates"
check 'line 1.3 | grep -q "afgerond  2026-02-01 → 2026-02-21"' "status 1.3"
check 'line 1.4 | grep -q "afgerond  2026-02-10 → 2026-02-10"' "status 1.4 done without start"
check 'line 1.5 | grep -q "afgerond  2026-06-15 → 2026-06-15  .*(Anouk Çelik)"' "status 1.5 with who"
check 'line 1.7 | grep -q "gestart "' "status 1.7 gestart"
check 'line 1.8 | grep -q "niet gestart"' "status 1.8 niet gestart"

# --- status json -----------------------------------------------------------
run --db "$DB" status GM0479 --format json
expect_rc 0 "status json"
expect_no_err "status json"
check 'printf "%s" "$out" | python3 -c "import json,sys; json.load(sys.stdin)"' "status json parses"
check '[ "$(json "d[\"municipality\"]")" = GM0479 ]' "status json municipality"
check '[ "$(step state 1.1)" = afgerond ]' "json 1.1 afgerond"
check '[ "$(step started 1.1)" = 2026-01-10 ]' "json 1.1 started"
check '[ "$(step done 1.1)" = 2026-02-20 ]' "json 1.1 done"
check '[ "$(step reopen_count 1.1)" = 1 ]' "json 1.1 reopen_count"
check '[ "$(step state 1.7)" = gestart ]' "json 1.7 gestart"
check '[ "$(step state 1.8)" = "niet gestart" ]' "json 1.8 niet gestart"
check '[ "$(step started 1.8)" = None ]' "json 1.8 started is null"
run --db "$DB" status GM0479 --format xml
expect_rc 2 "unknown status format"
expect_err "xml" "unknown format message"

# --- log --------------------------------------------------------------------
run --db "$DB" log GM0479
expect_rc 0 "log"
expect_out "2026-01-10  stap gestart         1.1  (Anouk Çelik)" "log has the start with who"
expect_out "$note" "log has the note unchanged"
run --db "$DB" log GM0479 --since 2026-02-10
expect_rc 0 "log --since"
expect_no_out "2026-01-" "log --since leaves out January"
expect_no_out "2026-02-05" "log --since leaves out the day before"
expect_out "2026-02-10  stap afgerond        1.4" "log --since includes the day itself"
expect_out "2026-02-21  stap afgerond        1.3" "log --since includes later days"
rejected "log --since an impossible date" "2026-02-30" log GM0479 --since 2026-02-30
rejected "log of an unknown municipality" "onbekende gemeente 'GM0001'" log GM0001

run --db "$DB" log GM0479 --format json
expect_rc 0 "log json"
check 'printf "%s" "$out" | python3 -c "import json,sys; json.load(sys.stdin)"' "log json parses"
check '[ "$(json "len(d)")" = 14 ]' "log json has every event (1 add + 13 step events)"
check '[ "$(json "[e[\"note\"] for e in d if e[\"kind\"]==\"step.start\" and e[\"target\"]==\"1.1\"][0]")" = "$note" ]' \
	"log json note unchanged"
check '[ "$(json "[e[\"by\"] for e in d if e[\"kind\"]==\"step.start\" and e[\"target\"]==\"1.1\"][0]")" = "Anouk Çelik" ]' \
	"log json by unchanged"
check '[ "$(json "sorted(set(e[\"kind\"] for e in d))")" = "['"'"'municipality.add'"'"', '"'"'step.done'"'"', '"'"'step.reopen'"'"', '"'"'step.start'"'"']" ]' \
	"log json kinds"
run --db "$DB" log GM0479 --since 2026-02-10 --format json
expect_rc 0 "log --since json"
check '[ "$(json "min(e[\"date\"] for e in d)")" = 2026-02-10 ]' "log json --since filters"

finish
