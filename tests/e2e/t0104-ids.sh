#!/usr/bin/env bash
# Several ids per command and ranges (issue 17): activity done 1.2/a1-a8,
# 1.2/a1 1.2/a3, deliverable done 1.2/d1-d3; all or nothing: one bad id
# and nothing is recorded.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=ids.db
done_items() { sqlite3 "$DB" "SELECT group_concat(target, ' ') FROM (SELECT target FROM event WHERE kind IN ('activity.done', 'deliverable.done') ORDER BY id)"; }
k init
k municipality add GM0479 Zaanstad --date 2026-01-05

run --db "$DB" activity done GM0479 1.2/a1-a3 --date 1-2-2026
expect_rc 0 "a range"
expect_out "GM0479: 3 activiteiten gedaan" "the range is counted"
check '[ "$(done_items)" = "1.2/a1 1.2/a2 1.2/a3" ]' "1.2/a1-a3 is a1, a2, a3"
run --db "$DB" activity done GM0479 1.2/a5 1.2/a7 --date 1-2-2026
expect_rc 0 "two ids"
check '[ "$(done_items)" = "1.2/a1 1.2/a2 1.2/a3 1.2/a5 1.2/a7" ]' "a5 and a7 done"
run --db "$DB" activity done GM0479 1.1/a1-4 1.1/a2 --date 1-2-2026
expect_rc 0 "1.1/a1-4, with a2 twice"
expect_out "4 activiteiten" "an id given twice counts once"
run --db "$DB" deliverable done GM0479 1.2/d1-1.2/d3 --document "Startfoto" --date 1-2-2026
expect_rc 0 "a deliverable range written out"
expect_out "3 opleveringen gedaan: Startfoto" "three deliverables"
run --db "$DB" activity done GM0479 1.2/a4 --date 1-2-2026
expect_out "GM0479: activiteit 1.2/a4 gedaan" "one id: the message as before"

# ---- all or nothing ------------------------------------------------------------------------------
rejected "one unknown id in a list" "onbekende activiteit of oplevering '1.2/a9'" activity done GM0479 1.2/a6 1.2/a8 1.2/a9
rejected "a range past the end" "'1.2/a9'" activity done GM0479 1.2/a6-a9
rejected "one already done" "activiteit 1.2/a5 is al gedaan" activity done GM0479 1.2/a6 1.2/a5 1.2/a8
rejected "a deliverable among activities" "'1.2/d4' is geen activiteit" activity done GM0479 1.2/a6 1.2/d4
rejected "an activity among deliverables" "'1.2/a6' is geen oplevering" deliverable done GM0479 1.2/d4 1.2/a6 --document X
rejected "a backwards range" "ongeldig bereik '1.2/a8-a6'" activity done GM0479 1.2/a8-a6
rejected "a range across steps" "ongeldig bereik" activity done GM0479 1.2/a6-1.3/a2
rejected "no id" "ACTIVITEIT ontbreekt" activity done GM0479
check '[ "$(done_items)" = "1.2/a1 1.2/a2 1.2/a3 1.2/a5 1.2/a7 1.1/a1 1.1/a2 1.1/a3 1.1/a4 1.2/d1 1.2/d2 1.2/d3 1.2/a4" ]' \
	"nothing of the refused lists was recorded"
run --db "$DB" activity done 1.2/a6 1.2/a8 --date 2-2-2026
expect_rc 0 "ids without CODE (the only municipality)"
expect_out "GM0479: 2 activiteiten gedaan" "a6 and a8"
finish
