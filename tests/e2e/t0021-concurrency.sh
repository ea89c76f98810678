#!/usr/bin/env bash
# Concurrency: four processes writing 200 events each at the same time all
# succeed, and "database is locked" never reaches the user.
. "$(dirname "$0")/lib.sh" "$@"

DB=$TMP/busy.db
N=${KNGG_CONCURRENCY_EVENTS:-200}
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0001 Drukdorp --date 2026-01-01 >/dev/null

writer() {
	local w=$1 fails=0
	for i in $(seq 1 "$N"); do
		"$KNGG" --db "$DB" factor GM0001 leren --score 3 --date 2026-01-02 \
			--note "w$w-$i" >/dev/null 2>>"err.$w" || fails=$((fails + 1))
	done
	echo "$fails" > "fails.$w"
}

for w in 1 2 3 4; do writer "$w" & done
# readers at the same time must not disturb the writers
for r in $(seq 1 20); do "$KNGG" --db "$DB" status GM0001 >/dev/null 2>>err.reader; done
wait

total_fails=$(cat fails.1 fails.2 fails.3 fails.4 | awk '{s += $1} END {print s}')
check '[ "$total_fails" -eq 0 ]' "all $((4 * N)) writes succeeded ($total_fails failed)"
count=$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = 'factor'")
check '[ "$count" -eq $((4 * N)) ]' "$((4 * N)) events recorded (found $count)"
distinct=$(sqlite3 "$DB" "SELECT count(DISTINCT note) FROM event WHERE kind = 'factor'")
check '[ "$distinct" -eq $((4 * N)) ]' "each write exactly once"
check '! cat err.* | grep -qi "locked\|bezet"' "no lock errors reached the user"
check '[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ]' "integrity_check is ok"
finish
