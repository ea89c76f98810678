#!/usr/bin/env bash
# Crash test: a loop of writes in child kngg processes, killed with SIGKILL
# at random moments, many times. Afterwards the database passes
# PRAGMA integrity_check and every write that reported success is present.
. "$(dirname "$0")/lib.sh" "$@"

DB=$TMP/crash.db
ROUNDS=${KNGG_CRASH_ROUNDS:-30}
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0001 Crashdorp --date 2026-01-01 >/dev/null
: > ok.log

writer() {
	local round=$1 i=0
	while :; do
		i=$((i + 1))
		if "$KNGG" --db "$DB" factor GM0001 draagvlak --score 3 --date 2026-01-02 \
			--note "r$round-w$i" >/dev/null 2>>writer.err; then
			echo "r$round-w$i" >> ok.log
		fi
	done
}

export -f writer
export KNGG DB
for round in $(seq 1 "$ROUNDS"); do
	# its own process group, so that one kill reaches the writer loop and
	# the kngg it is running (killing them one by one races with the loop
	# starting the next kngg, which would outlive the round)
	setsid bash -c "writer $round" &
	pid=$!
	# 20-300 ms, so kills land inside commands, between them and mid-commit
	sleep "0.$(printf '%03d' $((RANDOM % 280 + 20)))"
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
# no writer may survive its round
check '! pgrep -f "factor GM0001 draagvlak --score 3" >/dev/null' "every writer is gone"

# the shell waits for locks as kngg does (the first opener after a crash
# may be recovering the WAL)
sq() { sqlite3 -cmd ".timeout 10000" "$@"; }
check '[ "$(sq "$DB" "PRAGMA integrity_check")" = ok ]' "integrity_check is ok after $ROUNDS kills"
sq "$DB" "SELECT note FROM event WHERE kind = 'factor'" | sort > present.txt
sort ok.log > reported.txt
missing=$(comm -23 reported.txt present.txt | wc -l)
check '[ "$missing" -eq 0 ]' "every reported write is present ($missing missing)"
# at least one write per three rounds: enough to prove writes happened, and
# safe on a loaded 2-core machine where one write can take 100 ms
check '[ "$(wc -l < reported.txt)" -ge $((ROUNDS / 3)) ]' "writes happened ($(wc -l < reported.txt) reported)"
# The database still takes writes and reads.
run --db "$DB" factor GM0001 draagvlak --score 4 --date 2026-01-03
expect_rc 0 "write after the crashes"
run --db "$DB" status GM0001
expect_rc 0 "status after the crashes"
check '! grep -q "database is locked" writer.err' "no 'database is locked' from killed writers' peers"
echo "crash test: $ROUNDS kills, $(wc -l < reported.txt) reported writes, $(wc -l < present.txt) present"
finish
