#!/usr/bin/env bash
# Crash test. First, deterministically: kngg killed (SIGKILL, injected with
# KNGG_TEST_FAULT) just before and just after its COMMIT; the write is then
# absent resp. present, and the file and chain are whole. Then, for breadth:
# a loop of writes in child kngg processes, killed at random moments, many
# times. Each round waits until its writer has reported a write before the
# kill, so no check depends on a kill landing in a time window; afterwards
# the database passes PRAGMA integrity_check and verify, and every write
# that reported success is present.
. "$(dirname "$0")/lib.sh" "$@"

DB=$TMP/crash.db
ROUNDS=${KNGG_CRASH_ROUNDS:-30}
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0001 Crashdorp --date 2026-01-01 >/dev/null
: > ok.log

# the shell waits for locks as kngg does (the first opener after a crash
# may be recovering the WAL)
sq() { sqlite3 -cmd ".timeout 10000" "$@"; }
factors() { sq "$DB" "SELECT count(*) FROM event WHERE kind = 'factor'"; }

# ---- deterministic: killed on either side of the commit ----
n0=$(factors)
KNGG_TEST_FAULT=kill-before-commit "$KNGG" --db "$DB" factor GM0001 draagvlak --score 2 \
	--date 2026-01-02 --note before >/dev/null 2>&1
rc=$?
check '[ "$rc" -eq 137 ]' "killed before commit (exit $rc, expected 137: SIGKILL)"
check '[ "$(factors)" -eq "$n0" ]' "a write killed before its commit is absent"
KNGG_TEST_FAULT=kill-after-commit "$KNGG" --db "$DB" factor GM0001 draagvlak --score 2 \
	--date 2026-01-02 --note after >/dev/null 2>&1
rc=$?
check '[ "$rc" -eq 137 ]' "killed after commit (exit $rc, expected 137)"
check '[ "$(factors)" -eq $((n0 + 1)) ]' "a write killed right after its commit is present"
check '[ "$(sq "$DB" "SELECT count(*) FROM event WHERE note = '"'after'"'")" -eq 1 ]' "exactly once"
run --db "$DB" verify
expect_rc 0 "verify after the injected kills"
check '[ "$(sq "$DB" "PRAGMA integrity_check")" = ok ]' "integrity_check after the injected kills"

# ---- random kills ----
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
slow=0
for round in $(seq 1 "$ROUNDS"); do
	before=$(wc -l < ok.log)
	# its own process group, so that one kill reaches the writer loop and
	# the kngg it is running (killing them one by one races with the loop
	# starting the next kngg, which would outlive the round)
	setsid bash -c "writer $round" &
	pid=$!
	# wait (bounded) for a reported write, then let it run 0-150 ms more
	# so that the kill lands anywhere: inside a command, between two,
	# mid-commit
	for _ in $(seq 1 600); do
		[ "$(wc -l < ok.log)" -gt "$before" ] && break
		sleep 0.1
	done
	[ "$(wc -l < ok.log)" -gt "$before" ] || slow=$((slow + 1))
	sleep "0.$(printf '%03d' $((RANDOM % 150)))"
	kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
done
check '[ "$slow" -eq 0 ]' "every round reported a write within 60 s ($slow did not)"
# no writer may survive its round
check '! pgrep -f "factor GM0001 draagvlak --score 3" >/dev/null' "every writer is gone"

check '[ "$(sq "$DB" "PRAGMA integrity_check")" = ok ]' "integrity_check is ok after $ROUNDS kills"
sq "$DB" "SELECT note FROM event WHERE kind = 'factor'" | sort > present.txt
sort ok.log > reported.txt
missing=$(comm -23 reported.txt present.txt | wc -l)
check '[ "$missing" -eq 0 ]' "every reported write is present ($missing missing)"
check '[ "$(wc -l < reported.txt)" -ge "$ROUNDS" ]' "writes happened ($(wc -l < reported.txt) reported)"
# The database still takes writes and reads, and its chain is whole.
run --db "$DB" factor GM0001 draagvlak --score 4 --date 2026-01-03
expect_rc 0 "write after the crashes"
run --db "$DB" status GM0001
expect_rc 0 "status after the crashes"
run --db "$DB" verify
expect_rc 0 "verify after the crashes"
check '! grep -q "database is locked" writer.err' "no 'database is locked' from killed writers' peers"
echo "crash test: 2 injected kills, $ROUNDS random kills, $(wc -l < reported.txt) reported writes, $(wc -l < present.txt) present"
finish
