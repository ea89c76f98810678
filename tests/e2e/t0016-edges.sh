#!/usr/bin/env bash
# Edge cases found in review: names that would break lists, an invalid
# KNGG_TODAY, a QuickScan with cycles in both phase 3 and 4, a damaged
# header, and a stable JSON shape for the log.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=k.db
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null

# --- names -------------------------------------------------------------------
long=$(printf 'x%.0s' $(seq 201))
rejected "name of 201 bytes" "te lang" municipality add GM0001 "$long"
rejected "name with a newline" "regeleinde" municipality add GM0001 "$(printf 'Zaan\nstad')"
rejected "name with a tab" "regeleinde" municipality rename GM0479 "$(printf 'Zaan\tstad')"
rejected "name of only spaces" "leeg" municipality rename GM0479 "   "
rejected "area name with a newline" "regeleinde" area add GM0479 "$(printf 'No\nord')"
rejected "--by with a newline" "regeleinde" step start GM0479 1.1 --by "$(printf 'A\nB')"
run --db "$DB" municipality add GM0001 "$(printf 'y%.0s' $(seq 200))"
expect_rc 0 "name of exactly 200 bytes"
run --db "$DB" step start GM0479 1.1 --note "$(printf 'regel een\nregel twee')"
expect_rc 0 "a note may span lines"

# --- KNGG_TODAY --------------------------------------------------------------
for bad_today in 2026-02-30 morgen 2026-6-1; do
	before=$(db_state "$DB")
	KNGG_TODAY=$bad_today run --db "$DB" step done GM0479 1.1
	expect_rc 1 "KNGG_TODAY=$bad_today"
	expect_err "KNGG_TODAY" "KNGG_TODAY=$bad_today names the variable"
	check '[ "$(db_state "$DB")" = "$before" ]' "KNGG_TODAY=$bad_today changes nothing"
done

# --- QuickScan with cycles in phase 3 and 4 ----------------------------------
rejected "quickscan in phase 4 without a cycle" "kngg cycle start GM0479 4" \
	quickscan GM0479 --phase 4 --theme ketencommitment --score 3
"$KNGG" --db "$DB" cycle start GM0479 3 --date 2026-03-01 >/dev/null
"$KNGG" --db "$DB" cycle start GM0479 4 --date 2026-04-01 >/dev/null
rejected "quickscan with two open phases needs --phase" "--phase 3 of --phase 4" \
	quickscan GM0479 --theme ketencommitment --score 3
run --db "$DB" quickscan GM0479 --phase 3 --theme ketencommitment --score 3 --date 2026-05-01
expect_rc 0 "quickscan --phase 3 with both open"
check '[ "$(sqlite3 "$DB" "SELECT c.phase FROM event e JOIN cycle c ON c.id = e.cycle_id WHERE e.kind = '"'quickscan'"'")" = 3 ]' \
	"the score went to the phase-3 cycle"

# --- log JSON: every object has every key ------------------------------------
run --db "$DB" log GM0479 --format json
expect_rc 0 "log json"
check '[ "$(printf "%s" "$out" | python3 -c "import json,sys; print(len({tuple(sorted(o)) for o in json.load(sys.stdin)}))")" = 1 ]' \
	"every log object has the same keys"
check 'printf "%s" "$out" | python3 -c "import json,sys; a=json.load(sys.stdin); assert all(\"phase\" in o and \"cycle\" in o for o in a)"' \
	"log objects carry phase and cycle"

# --- damaged header ----------------------------------------------------------
cp "$DB" damaged.db
sqlite3 damaged.db 'PRAGMA user_version = 0'
before=$(db_state damaged.db)
run --db damaged.db status GM0479
expect_rc 1 "kngg stamp, version 0, tables present"
expect_err "beschadigd" "damaged header is named"
check '[ "$(db_state damaged.db)" = "$before" ]' "damaged database is left alone"

finish
