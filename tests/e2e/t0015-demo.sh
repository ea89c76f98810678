#!/usr/bin/env bash
# kngg demo: a new demo database; never over an existing file without
# --force; --force replaces only a kngg database; a failed demo changes nothing.
. "$(dirname "$0")/lib.sh" "$@"
unset KNGG_TODAY

file_hash() { sha256sum "$1" | cut -d' ' -f1; }
# line ID: the status text line of a phase-1 step
line() { printf '%s\n' "$out" | grep "^  $1  "; }

# --- demo creates the database ----------------------------------------------
DB=demo.db
run --db "$DB" demo
expect_rc 0 "demo"
expect_no_err "demo"
expect_out "demo.db" "demo names the file"
expect_out "GM9999" "demo names the municipality"
check '[ "$(sqlite3 demo.db "PRAGMA application_id")" = 1263421255 ]' "demo database is a kngg database"
check '[ "$(sqlite3 demo.db "PRAGMA user_version")" = 7 ]' "demo database has user_version 7"

run --db "$DB" status GM9999
expect_rc 0 "status of the demo"
expect_no_err "status of the demo"
check 'printf "%s\n" "$out" | head -1 | grep -q "^GM9999 Waterlinde: fase 1"' "demo is Waterlinde in phase 1"
for s in 1.1 1.2 1.3; do
	check 'line '$s' | grep -q "  afgerond  "' "demo: $s afgerond"
done
check 'line 1.4 | grep -q "  gestart  "' "demo: 1.4 gestart"
check 'line 1.5 | grep -q "  niet gestart"' "demo: 1.5 niet gestart"
check 'line 1.1 | grep -q "(Anouk Çelik)"' "demo: Anouk Çelik comes back unchanged"
run --db "$DB" municipality list
check '[ "$out" = "GM9999  Waterlinde" ]' "demo holds one municipality"
run --db "$DB" status GM9999 --format json
check 'printf "%s" "$out" | python3 -c "import json,sys; json.load(sys.stdin)"' "demo status json parses"

# --- never over an existing file without --force ----------------------------
h=$(file_hash demo.db)
rejected "demo on an existing database" "--force" demo
check '[ "$(file_hash demo.db)" = "$h" ]' "existing demo database byte-identical"
rejected "demo with an argument" "" demo extra
expect_rc 2 "demo with an argument is a usage error"

# --- --force replaces a kngg database ---------------------------------------
DB=mine.db
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null
rejected "demo over a kngg database without --force" "--force" demo
run --db "$DB" demo --force
expect_rc 0 "demo --force over a kngg database"
expect_no_err "demo --force"
run --db "$DB" municipality list
check '[ "$out" = "GM9999  Waterlinde" ]' "--force replaced the old content"
run --db "$DB" status GM9999
check 'line 1.4 | grep -q "  gestart  "' "replaced database is the demo"

# --- --force never replaces anything else ------------------------------------
printf 'mijn aantekeningen\n' >notes.txt
h=$(file_hash notes.txt)
run --db notes.txt demo --force
expect_rc 1 "demo --force over a text file"
expect_err "notes.txt" "demo --force over a text file: one line naming it"
check '[ "$(file_hash notes.txt)" = "$h" ]' "text file byte-identical"
check '[ ! -e notes.txt-wal ] && [ ! -e notes.txt-shm ]' "no side files next to the text file"
run --db notes.txt demo
expect_rc 1 "demo without --force over a text file"
expect_err "notes.txt" "demo over a text file: one line"
check '[ "$(file_hash notes.txt)" = "$h" ]' "text file still byte-identical"

sqlite3 other.db 'CREATE TABLE foo (x); INSERT INTO foo VALUES (42);'
h=$(file_hash other.db)
run --db other.db demo --force
expect_rc 1 "demo --force over a foreign sqlite database"
expect_err "geen kngg-database" "demo --force over a foreign sqlite database: one line"
check '[ "$(file_hash other.db)" = "$h" ]' "foreign sqlite database byte-identical"

"$KNGG" --db newer.db init >/dev/null
sqlite3 newer.db 'PRAGMA user_version = 99'
h=$(file_hash newer.db)
run --db newer.db demo --force
expect_rc 1 "demo --force over a database from a newer kngg"
expect_err "" "demo --force over a newer database: one line"
check '[ "$(file_hash newer.db)" = "$h" ]' "newer database byte-identical"

# --- a demo that cannot be replayed changes nothing ---------------------------
# The script's dates run to the autumn of 2026; with an earlier "today" the
# replay may fail (done may not lie in the future). Either it succeeds, or it
# fails like every rejected command: one line, and nothing left changed.
KNGG_TODAY=2026-06-15 run --db early.db demo
if [ "$rc" -eq 0 ]; then
	ok
	ok
else
	expect_err "" "failed demo: exactly one kngg: line"
	check '[ ! -e early.db ] && [ ! -e early.db-wal ] && [ ! -e early.db-shm ]' "failed demo leaves no database behind"
fi

DB=keep.db
"$KNGG" --db "$DB" init >/dev/null
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null
before=$(db_state "$DB")
KNGG_TODAY=2026-06-15 run --db "$DB" demo --force
if [ "$rc" -eq 0 ]; then
	ok
	ok
else
	expect_err "" "failed demo --force: exactly one kngg: line"
	check '[ "$(db_state "$DB")" = "$before" ]' "failed demo --force leaves the old database unchanged"
fi

finish
