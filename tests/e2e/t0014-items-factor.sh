#!/usr/bin/env bash
# kngg activity done, deliverable done (with document versions) and factor
# checks: ids of the right kind, scores on the scale, text unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=i.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" step start GM0479 1.2 --date 2026-02-01 >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# step FIELD ID: a field of a phase-1 step in `status --format json` on $out
step() { json "[s for s in d['phases'][0]['runs'][0]['steps'] if s['id']=='$2'][0]['$1']"; }
# deliv FIELD ID: a field of a phase-1 deliverable in `status --format json`
deliv() { json "[x for s in d['phases'][0]['runs'][0]['steps'] for x in s['deliverables'] if x['id']=='$2'][0]['$1']"; }
# factor FIELD ID: a field of a factor in `status --format json`
factor() { json "[f for f in d['factors'] if f['id']=='$2'][0]['$1']"; }

note='gesprek met "JGZ" <wijkteam> & ʼs-Hertogenbosch'

# --- activities ---------------------------------------------------------------
run --db "$DB" activity done GM0479 1.2/a1 --date 2026-02-05 --by "Anouk Çelik" --new-person --note "$note"
expect_rc 0 "activity done"
expect_no_err "activity done"
expect_out "activiteit 1.2/a1" "activity done confirms"
rejected "activity done twice" "al gedaan" activity done GM0479 1.2/a1 --date 2026-02-06
rejected "--document on an activity" "" activity done GM0479 1.2/a2 --document "Verslag.pdf" --date 2026-02-06
rejected "deliverable id to activity done" "1.2/d1" activity done GM0479 1.2/d1 --date 2026-02-06
rejected "sign-off id to activity done" "1.5/s1" activity done GM0479 1.5/s1 --date 2026-02-06
rejected "step id to activity done" "'1.2'" activity done GM0479 1.2 --date 2026-02-06
for id in 1.2/a99 1.9/a1 1.2/x1 onzin draagvlak ""; do
	rejected "unknown activity '$id'" "'$id'" activity done GM0479 "$id" --date 2026-02-06
done
rejected "activity for an unknown municipality" "onbekende gemeente 'GM0001'" activity done GM0001 1.2/a2 --date 2026-02-06
rejected "activity in the future" "toekomst" activity done GM0479 1.2/a2 --date 2026-06-16
rejected "activity on an impossible date" "ongeldige datum '2026-02-30'" activity done GM0479 1.2/a2 --date 2026-02-30
rejected "activity without an id" "" activity done GM0479
expect_rc 2 "activity without an id is a usage error"
rejected "activity with an unknown action" "" activity start GM0479 1.2/a2
expect_rc 2 "activity start is a usage error"

# --- deliverables ---------------------------------------------------------------
run --db "$DB" deliverable done GM0479 1.2/d1 --document "Startfoto v1.pdf" --date 2026-02-05 --by "Anouk Çelik" --new-person
expect_rc 0 "deliverable done with a document"
expect_no_err "deliverable done"
expect_out "Startfoto v1.pdf" "deliverable done names the document"
run --db "$DB" deliverable done GM0479 1.2/d1 --document 'Startfoto v2 "definitief" <def>.pdf' --date 2026-02-10
expect_rc 0 "deliverable done again with a new document (new version)"
expect_no_err "new version"
rejected "deliverable without document done twice" "al gedaan" deliverable done GM0479 1.2/d1 --date 2026-02-11
rejected "activity id to deliverable done" "1.2/a2" deliverable done GM0479 1.2/a2 --date 2026-02-06
rejected "step id to deliverable done" "'1.2'" deliverable done GM0479 1.2 --date 2026-02-06
for id in 1.2/d99 1.9/d1 1.2/a99 onzin; do
	rejected "unknown deliverable '$id'" "'$id'" deliverable done GM0479 "$id" --date 2026-02-06
done
rejected "deliverable for an unknown municipality" "onbekende gemeente 'GM0001'" deliverable done GM0001 1.2/d2 --date 2026-02-06
rejected "deliverable in the future" "toekomst" deliverable done GM0479 1.2/d2 --document x --date 2026-06-16
rejected "deliverable --document without a value" "--document" deliverable done GM0479 1.2/d2 --document
expect_rc 2 "--document without a value is a usage error"
run --db "$DB" deliverable done GM0479 1.2/d2 --date 2026-02-12
expect_rc 0 "deliverable done without a document"
rejected "deliverable done twice without a document" "al gedaan" deliverable done GM0479 1.2/d2 --date 2026-02-13

run --db "$DB" status GM0479 --format json
expect_rc 0 "status json"
check '[ "$(step activities_done 1.2)" = "['"'"'1.2/a1'"'"']" ]' "1.2/a1 is done"
check '[ "$(json "len([s for s in d[\"phases\"][0][\"runs\"][0][\"steps\"] if s[\"id\"]==\"1.2\"][0][\"activities_open\"])")" = 7 ]' \
	"seven activities of 1.2 still open"
check '[ "$(deliv document 1.2/d1)" = '"'"'Startfoto v2 "definitief" <def>.pdf'"'"' ]' "status has the newest document"
check '[ "$(deliv done 1.2/d2)" = 2026-02-12 ]' "1.2/d2 done date"
check '[ "$(deliv done 1.2/d3)" = None ]' "1.2/d3 not done"
run --db "$DB" status GM0479
check 'printf "%s\n" "$out" | grep "^  1.2  " | grep -q "act 1/8"' "status text counts 1 of 8 activities"

run --db "$DB" log GM0479 --format json
check '[ "$(json "[e[\"value\"] for e in d if e[\"kind\"]==\"deliverable.done\" and e[\"target\"]==\"1.2/d1\"]")" = "['"'"'Startfoto v1.pdf'"'"', '"'"'Startfoto v2 \"definitief\" <def>.pdf'"'"']" ]' \
	"log keeps both document versions"
check '[ "$(json "[e[\"note\"] for e in d if e[\"kind\"]==\"activity.done\"][0]")" = "$note" ]' "activity note unchanged"
check '[ "$(json "[e[\"by\"] for e in d if e[\"kind\"]==\"activity.done\"][0]")" = "Anouk Çelik" ]' "activity --by unchanged"

# --- factors --------------------------------------------------------------------
fnote='weinig "steun" bij <huisartsen> & ʼs-Hertogenbosch'
run --db "$DB" factor GM0479 draagvlak --score 2 --note "$fnote" --date 2026-02-11 --by "Anouk Çelik" --new-person
expect_rc 0 "factor check"
expect_no_err "factor check"
expect_out "draagvlak" "factor confirms"
rejected "unknown factor" "onbekende factor 'onzin'" factor GM0479 onzin --score 2 --date 2026-02-11
rejected "a step as factor" "'1.2'" factor GM0479 1.2 --score 2 --date 2026-02-11
for s in 0 6 -1 abc 2.5 ""; do
	rejected "factor score '$s'" "" factor GM0479 draagvlak --score "$s" --date 2026-02-11
done
rejected "factor without --score" "--score" factor GM0479 draagvlak --date 2026-02-11
expect_rc 2 "missing --score is a usage error"
rejected "factor without a factor" "" factor GM0479 --score 2
expect_rc 2 "missing factor is a usage error"
rejected "factor for an unknown municipality" "onbekende gemeente 'GM0001'" factor GM0001 draagvlak --score 2 --date 2026-02-11
rejected "factor in the future" "toekomst" factor GM0479 draagvlak --score 2 --date 2026-06-16
rejected "factor on an impossible date" "ongeldige datum '2026-13-01'" factor GM0479 draagvlak --score 2 --date 2026-13-01

run --db "$DB" status GM0479 --format json
check '[ "$(factor score draagvlak)" = 2 ]' "factor score in status json"
check '[ "$(factor date draagvlak)" = 2026-02-11 ]' "factor date in status json"
check '[ "$(factor note draagvlak)" = "$fnote" ]' "factor note unchanged in status json"
check '[ "$(factor score leren)" = None ]' "other factors unscored"
run --db "$DB" status GM0479
# (a long note is wrapped to 80 columns: compare with the line breaks as spaces)
check 'printf "%s\n" "$out" | tr -s " \n" "  " | grep -qF " draagvlak 2 2026-02-11 $fnote"' "status text shows the factor check unchanged"

run --db "$DB" factor GM0479 draagvlak --score 4 --date 2026-03-01
expect_rc 0 "a later factor check"
run --db "$DB" factor GM0479 draagvlak --score 1 --date 2026-02-20
expect_rc 0 "a check dated between"
run --db "$DB" status GM0479 --format json
check '[ "$(factor score draagvlak)" = 4 ]' "status shows the latest check by date"
run --db "$DB" log GM0479 --format json
check '[ "$(json "[e[\"score\"] for e in d if e[\"kind\"]==\"factor\" or e[\"target\"]==\"draagvlak\"]")" = "[2, 1, 4]" ]' \
	"log keeps every factor check, by date"

finish
