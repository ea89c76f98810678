#!/usr/bin/env bash
# kngg init: a new database, never overwriting; every other command needs an
# existing kngg database; foreign and newer files are refused untouched;
# where the database is: --db, then KNGG_DB, then ./kngg.db.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15

# file_hash FILE: the bytes of a file (not just its SQL content)
file_hash() { sha256sum "$1" | cut -d' ' -f1; }
# only_files LIST: the scratch dir holds exactly these names (sorted, space-separated)
only_files() { [ "$(ls -A "$1" | sort | tr '\n' ' ')" = "$2" ]; }

# --- init creates a stamped WAL database ----------------------------------
DB=k.db
run --db "$DB" init
expect_rc 0 "init"
expect_no_err "init"
expect_out "k.db" "init names the file"
check '[ -f k.db ]' "init created k.db"
check '[ "$(sqlite3 k.db "PRAGMA application_id")" = 1263421255 ]' "application_id is KNGG"
check '[ "$(sqlite3 k.db "PRAGMA user_version")" = 7 ]' "user_version is 7"
check '[ "$(sqlite3 k.db "PRAGMA journal_mode")" = wal ]' "journal_mode is wal"

run --db "$DB" municipality list
expect_rc 0 "a fresh database can be used"
expect_out "nog geen gemeenten" "a fresh database has no municipalities"

# init on an existing database: refused, unchanged
run --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05
expect_rc 0 "add to the new database"
h=$(file_hash k.db)
rejected "init on an existing database" "bestaat al" init
check '[ "$(file_hash k.db)" = "$h" ]' "existing database is byte-identical after init"
run --db "$DB" municipality list
expect_out "GM0479  Zaanstad" "existing data survives init"

run --db "$DB" init extra
expect_rc 2 "init takes no arguments"
expect_err "init" "init extra message"

# --- every other command on a missing database -----------------------------
mkdir none
for cmd in "municipality add GM0479 Zaanstad --date 2026-01-05" \
	"municipality list" \
	"municipality show GM0479" \
	"municipality rename GM0479 Zaandam --date 2026-01-05" \
	"step start GM0479 1.1 --date 2026-01-05" \
	"step done GM0479 1.1 --date 2026-01-05" \
	"step reopen GM0479 1.1 --date 2026-01-05" \
	"activity done GM0479 1.1/a1 --date 2026-01-05" \
	"deliverable done GM0479 1.1/d1 --date 2026-01-05" \
	"area add GM0479 Noord" \
	"area list GM0479" \
	"cycle start GM0479 3 --date 2026-01-05" \
	"quickscan GM0479 --theme ketencommitment --score 3 --date 2026-01-05" \
	"factor GM0479 draagvlak --score 2 --date 2026-01-05" \
	"status GM0479" \
	"log GM0479"; do
	# shellcheck disable=SC2086
	run --db none/k.db $cmd
	expect_rc 1 "missing db: $cmd"
	expect_err "init'" "missing db: $cmd says to run init"
	case "$err" in *"'kngg "*"init'"*) ok ;; *) bad "missing db: $cmd: message lacks 'kngg ... init'" ;; esac
	check 'only_files none ""' "missing db: $cmd created no file"
done

# the default ./kngg.db, missing
mkdir cwd
(cd cwd && "$KNGG" status GM0479 >/dev/null 2>"$TMP/.e"); rc=$?
err=$(cat "$TMP/.e"); out=
expect_rc 1 "missing default ./kngg.db"
expect_err "kngg.db" "missing default db names kngg.db"
case "$err" in *"'kngg "*"init'"*) ok ;; *) bad "missing default db: message lacks 'kngg ... init'" ;; esac
check 'only_files cwd ""' "missing default db: no file created"

# commands without a database do not need one
run --db none/k.db phases
expect_rc 0 "phases needs no database"
run --db none/k.db show 1.5
expect_rc 0 "show needs no database"
check 'only_files none ""' "phases/show created no file"

# --- foreign files are refused and left byte-identical ---------------------
printf 'dit is geen database\n' >notes.txt
h=$(file_hash notes.txt)
for cmd in "status GM0479" "municipality list" "municipality add GM0479 Zaanstad --date 2026-01-05" \
	"step start GM0479 1.1 --date 2026-01-05" "init"; do
	# shellcheck disable=SC2086
	run --db notes.txt $cmd
	expect_rc 1 "text file: $cmd"
	case "$cmd" in
	init) expect_err "bestaat al" "text file: init refuses an existing file" ;;
	*) expect_err "geen kngg-database" "text file: $cmd" ;;
	esac
done
check '[ "$(file_hash notes.txt)" = "$h" ]' "text file is byte-identical"
check '[ ! -e notes.txt-wal ] && [ ! -e notes.txt-shm ]' "no side files next to the text file"

sqlite3 other.db 'CREATE TABLE foo (x); INSERT INTO foo VALUES (1);'
h=$(file_hash other.db)
for cmd in "status GM0479" "municipality list" "municipality add GM0479 Zaanstad --date 2026-01-05" "init"; do
	# shellcheck disable=SC2086
	run --db other.db $cmd
	expect_rc 1 "foreign sqlite db: $cmd"
	case "$cmd" in
	init) expect_err "bestaat al" "foreign sqlite db: init refuses" ;;
	*) expect_err "geen kngg-database" "foreign sqlite db: $cmd" ;;
	esac
done
check '[ "$(file_hash other.db)" = "$h" ]' "foreign sqlite db is byte-identical"
check '[ "$(sqlite3 other.db "SELECT x FROM foo")" = 1 ]' "foreign sqlite db still has its data"

: >empty.db
run --db empty.db status GM0479
expect_rc 1 "empty file"
expect_err "geen kngg-database" "an empty file is not a kngg database"
check '[ ! -s empty.db ]' "empty file stays empty"

# --- a database from a newer kngg ------------------------------------------
"$KNGG" --db newer.db init >/dev/null 2>&1
"$KNGG" --db newer.db municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null 2>&1
sqlite3 newer.db 'PRAGMA user_version = 99'
h=$(file_hash newer.db)
for cmd in "status GM0479" "municipality list" "municipality add GM0480 Wormerland --date 2026-01-05" \
	"step start GM0479 1.1 --date 2026-01-05" "log GM0479"; do
	# shellcheck disable=SC2086
	run --db newer.db $cmd
	expect_rc 1 "newer db: $cmd"
	expect_err "nieuwere kngg" "newer db: $cmd says it is from a newer kngg"
done
check '[ "$(file_hash newer.db)" = "$h" ]' "newer database is byte-identical"
check '[ "$(sqlite3 newer.db "PRAGMA user_version")" = 99 ]' "newer database keeps user_version 99"

# --- where the database is: --db, then KNGG_DB, then ./kngg.db -------------
mkdir where
cd where || exit 1
run init
expect_rc 0 "init without --db or KNGG_DB"
check '[ -f kngg.db ]' "default is ./kngg.db"
KNGG_DB=env.db run init
expect_rc 0 "init with KNGG_DB"
check '[ -f env.db ]' "KNGG_DB is used"
KNGG_DB=env.db run --db flag.db init
expect_rc 0 "init with --db and KNGG_DB"
check '[ -f flag.db ]' "--db is used"
check 'only_files . "env.db flag.db kngg.db "' "--db wins: KNGG_DB not touched twice, nothing else created"

run municipality add GM0001 Standaard --date 2026-01-05
KNGG_DB=env.db run municipality add GM0002 Omgeving --date 2026-01-05
KNGG_DB=env.db run --db flag.db municipality add GM0003 Vlag --date 2026-01-05
expect_rc 0 "add with --db and KNGG_DB"
KNGG_DB= run municipality add GM0004 Leeg --date 2026-01-05
expect_rc 0 "empty KNGG_DB falls back to ./kngg.db"

run --db kngg.db municipality list
check '[ "$out" = "$(printf "GM0001  Standaard\nGM0004  Leeg")" ]' "./kngg.db got the default and empty-KNGG_DB adds"
run --db env.db municipality list
check '[ "$out" = "GM0002  Omgeving" ]' "env.db got only the KNGG_DB add"
run --db flag.db municipality list
check '[ "$out" = "GM0003  Vlag" ]' "flag.db got only the --db add"
KNGG_DB=env.db run --db flag.db municipality list
check '[ "$out" = "GM0003  Vlag" ]' "--db wins over KNGG_DB for reading"
KNGG_DB=env.db run municipality list
check '[ "$out" = "GM0002  Omgeving" ]' "KNGG_DB wins over ./kngg.db for reading"
cd "$TMP" || exit 1

finish
