#!/usr/bin/env bash
# Faults at the edges (issue 14): kngg says only what happened and never
# loses committed data. Each block injects the fault: a full stdout, a
# reader that holds the WAL, a rename that fails, a killed demo, four
# processes migrating at once, a symlink at --db, a read-only directory,
# echoed control characters, a system clock out of range, a damaged file.
. "$(dirname "$0")/lib.sh" "$@"
DB=f.db
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --date 2026-01-07
count() { sqlite3 -cmd ".timeout 10000" "$1" "SELECT count(*) FROM event${2:+ WHERE $2}"; }

# ---- a write whose confirmation cannot be printed is still a success ----
n=$(count "$DB")
"$KNGG" --db "$DB" factor GM0479 draagvlak --score 3 --note vol >/dev/full 2>err.txt
rc=$?
check '[ "$rc" -eq 0 ]' "a committed write with a full stdout exits 0 (got $rc)"
check 'grep -q "^kngg: let op: de uitvoer kon niet worden geschreven; de wijziging is wel vastgelegd" err.txt' \
	"and warns that only the output was lost"
check '[ "$(wc -l < err.txt)" -eq 1 ]' "in one line"
check '[ "$(count "$DB" "note = '"'vol'"'")" -eq 1 ] && [ "$(count "$DB")" -eq $((n + 1)) ]' "stored exactly once"
# the status line after a signature, likewise
"$KNGG" --db "$DB" signoff GM0479 1.2/s1 --decision akkoord --signer "Jan Jansen" --new-person --role opdrachtgever \
	--org "Gemeente Zaanstad" --document "Opdrachtbrief" >/dev/full 2>err.txt
rc=$?
check '[ "$rc" -eq 0 ] && [ "$(count "$DB" "kind = '"'signoff'"'")" -eq 1 ]' "a signature with a full stdout: exit 0, stored once"
# nothing committed: lost output is a failure
"$KNGG" --db "$DB" status GM0479 >/dev/full 2>err.txt
rc=$?
check '[ "$rc" -eq 1 ] && grep -q "^kngg: kan de uitvoer niet schrijven" err.txt' "a read with a full stdout fails (exit $rc)"

# ---- erase while another process reads: honest about the -wal ----
k stakeholder add GM0479 --name "Wilhelmina Quaak" --org "Gemeente Zaanstad"
pid_q=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Wilhelmina Quaak'")
k step start GM0479 1.1 --by "Wilhelmina Quaak" --new-person
mkfifo hold
# a reader in a transaction: it sees the old pages until it ends
( exec 3<hold; sqlite3 "$DB" <&3 >/dev/null ) &
reader=$!
exec 4>hold
echo "BEGIN; SELECT count(*) FROM person;" >&4
sleep 0.5
run --db "$DB" person erase "$pid_q" --reason "verzoek van betrokkene"
expect_rc 0 "erase with a reader: the erase is done"
expect_out "gewist" "erase with a reader: says so"
check 'printf "%s" "$err" | grep -q "^kngg: let op: persoon '"$pid_q"' is gewist, maar een ander proces leest de database nog"' \
	"erase with a reader warns that the -wal may still hold the name"
check '[ -z "$(sqlite3 "$DB" "SELECT name FROM person WHERE id = '"$pid_q"'")" ]' "the row is erased"
echo "COMMIT;" >&4
exec 4>&-
wait "$reader"
rm -f hold
run --db "$DB" verify
expect_rc 0 "verify after the reader left (it checkpoints on close)"
check '! grep -qa "Wilhelmina" "$DB" "$DB-wal" 2>/dev/null' "once the reader is gone, the name is in neither file"
# without a reader: no warning
k stakeholder add GM0479 --name "Pieter Post" --org "Gemeente Zaanstad"
run --db "$DB" person erase "$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Pieter Post'")" --reason "vertrokken"
expect_rc 0 "erase without a reader"
expect_no_err "erase without a reader: no warning"

# ---- demo --force: a failing rename leaves the old database whole ----
D=demo.db
"$KNGG" --db "$D" demo >/dev/null
# A second connection stays open, so kngg's next write stays in the -wal
# (the last connection to close would move it into the file); then that
# connection is killed, as a crashed program would be.
mkfifo hold2
( exec 3<hold2; exec sqlite3 "$D" <&3 >/dev/null ) &
holder=$!
exec 5>hold2
echo "SELECT count(*) FROM event;" >&5
sleep 0.5
"$KNGG" --db "$D" factor GM9999 draagvlak --score 1 --note "alleen in de wal" >/dev/null
kill -KILL "$holder" 2>/dev/null; wait "$holder" 2>/dev/null
exec 5>&-
rm -f hold2
check '[ -s "$D-wal" ]' "setup: the last write is only in $D-wal"
n=$(count "$D")
before=$(sqlite3 "$D" "SELECT group_concat(id || note, ',') FROM event WHERE note IS NOT NULL")
KNGG_TEST_FAULT=demo-rename "$KNGG" --db "$D" demo --force >/dev/null 2>err.txt
rc=$?
check '[ "$rc" -eq 1 ] && grep -q "het oude bestand is ongewijzigd" err.txt' "a failed rename is reported (exit $rc)"
check '[ "$(count "$D")" -eq "$n" ]' "every event of the old database survives a failed rename ($(count "$D") of $n)"
check '[ "$(sqlite3 "$D" "SELECT group_concat(id || note, '"','"') FROM event WHERE note IS NOT NULL")" = "$before" ]' \
	"including the one that was only in the -wal"
run --db "$D" verify
expect_rc 0 "the old database still verifies"
check '[ -z "$(ls | grep "demo.db.demo-")" ]' "no temporary demo file is left behind"
# leftovers of killed runs: a pid that cannot run, swept on the next run
dead=2147483000
touch "$D.demo-$dead" "$D.demo-$dead-wal" ".report.md.$dead.AbCdEf"
run --db "$D" demo --force
expect_rc 0 "demo --force after a killed run"
check '[ ! -e "$D.demo-$dead" ] && [ ! -e "$D.demo-$dead-wal" ]' "a killed demo's temporary files are removed"
run --db "$D" doc projectplan GM9999 --format md -o report.md
expect_rc 0 "doc -o after a killed write"
check '[ ! -e ".report.md.$dead.AbCdEf" ] && [ -s report.md ]' "a killed write's temporary file is removed"
live=$$
touch "$D.demo-$live"
run --db "$D" demo --force
check '[ -e "$D.demo-$live" ]' "a running process's temporary file is left alone"
rm -f "$D.demo-$live"

# ---- symlinks: never removed, written through ----
mkdir -p real
ln -s real/target.db link.db
run --db link.db init
expect_rc 0 "init through a symlink"
check '[ -L link.db ] && [ -f real/target.db ]' "init creates the file the link names and keeps the link"
ln -s nowhere/x.db dangling.db
run --db dangling.db init
expect_rc 1 "init on a link into a missing directory fails"
check '[ -L dangling.db ]' "a failed init leaves the symlink alone"
ln -s real/demo2.db link2.db
"$KNGG" --db real/demo2.db demo >/dev/null
run --db link2.db demo --force
expect_rc 0 "demo --force through a symlink"
check '[ -L link2.db ] && [ -f real/demo2.db ]' "demo --force replaces the file the link names, not the link"

# ---- four processes open an older database at once ----
old=old.db
sqlite3 "$old" "PRAGMA application_id = $((0x4B4E4747))"
sqlite3 "$old" < "$SRC/src/store/schema.sql"
sqlite3 "$old" "PRAGMA user_version = 1; INSERT INTO municipality VALUES ('GM0479', 'Zaanstad', '2026-01-05');
	PRAGMA journal_mode = WAL;" >/dev/null
for i in 1 2 3 4; do ("$KNGG" --db "$old" municipality list >"mig$i.out" 2>"mig$i.err"; echo $? >"mig$i.rc") & done
wait
check '[ "$(cat mig1.rc mig2.rc mig3.rc mig4.rc | tr -d "\n")" = 0000 ]' "four concurrent openers of a version-1 file all succeed ($(cat mig*.err | head -c 300))"
check '[ "$(sqlite3 "$old" "PRAGMA user_version")" = 7 ] && [ "$(count "$old" "kind = '"'register.seal'"'")" -eq 1 ]' \
	"migrated once: version 6, one seal of the rows"
run --db "$old" verify
expect_rc 0 "the migrated file verifies"

# ---- a read-only directory: reads work, writes say why ----
if [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null; then
	mkdir -p ro && cp "$DB" ro/r.db && chmod 755 ro && chmod 644 ro/r.db
	chmod o+x "$TMP" 2>/dev/null
	as_nobody() { runuser -u nobody -- "$KNGG" "$@"; }
	h0=$(sha256sum ro/r.db | cut -d' ' -f1)
	out=$(as_nobody --db ro/r.db status GM0479 2>err.txt); rc=$?
	check '[ "$rc" -eq 0 ] && [ ! -s err.txt ]' "status in a read-only directory (exit $rc: $(head -c 200 err.txt))"
	out=$(as_nobody --db ro/r.db verify 2>err.txt); rc=$?
	check '[ "$rc" -eq 0 ]' "verify in a read-only directory (exit $rc: $(head -c 200 err.txt))"
	out=$(as_nobody --db ro/r.db export GM0479 2>err.txt); rc=$?
	check '[ "$rc" -eq 0 ]' "export in a read-only directory (exit $rc)"
	out=$(as_nobody --db ro/r.db factor GM0479 draagvlak --score 2 2>err.txt); rc=$?
	check '[ "$rc" -eq 1 ] && [ "$(wc -l < err.txt)" -eq 1 ] && grep -q "^kngg: database .* kan alleen gelezen worden (de map is alleen-lezen)" err.txt' \
		"a write in a read-only directory: one Dutch line (exit $rc: $(cat err.txt))"
	check '! grep -qi "unable to open\|disk I/O\|readonly database" err.txt' "no raw SQLite text"
	check '[ "$(sha256sum ro/r.db | cut -d" " -f1)" = "$h0" ] && [ ! -e ro/r.db-wal ]' "the file is untouched"
	# a read-only file in a writable directory
	mkdir -p rw && cp "$DB" rw/r.db && chown nobody rw && chmod 444 rw/r.db
	out=$(as_nobody --db rw/r.db status GM0479 2>err.txt); rc=$?
	check '[ "$rc" -eq 0 ]' "status of a read-only file (exit $rc: $(head -c 200 err.txt))"
	out=$(as_nobody --db rw/r.db factor GM0479 draagvlak --score 2 2>err.txt); rc=$?
	check '[ "$rc" -eq 1 ] && grep -q "kan alleen gelezen worden (het bestand is alleen-lezen)" err.txt' \
		"a write to a read-only file says so (exit $rc: $(cat err.txt))"
else
	echo "read-only directory: skipped (needs root to run as nobody)"
fi
# a read-only mount (a bind mount remounted ro), where the machine allows it
mkdir -p mnt_src mnt_ro && cp "$DB" mnt_src/m.db
if mount --bind mnt_src mnt_ro 2>/dev/null && mount -o remount,bind,ro mnt_ro 2>/dev/null; then
	run --db mnt_ro/m.db status GM0479
	expect_rc 0 "status on a read-only mount"
	run --db mnt_ro/m.db verify
	expect_rc 0 "verify on a read-only mount"
	run --db mnt_ro/m.db factor GM0479 draagvlak --score 2
	expect_rc 1 "a write on a read-only mount fails"
	expect_err "kan alleen gelezen worden (de schijf is alleen-lezen)" "and says why in one Dutch line"
	umount mnt_ro
else
	umount mnt_ro 2>/dev/null
	echo "read-only mount: skipped (mount not permitted here)"
fi

# ---- echoed text stays on one line and cannot steer the terminal ----
before=$(db_state "$DB")
run --db "$DB" factor GM0479 $'draag\nvlak\e[31m\302\233' --score 3
expect_rc 1 "an id with control characters is refused"
expect_err 'draag\nvlak\x1b[31m\x9b' "the echo is escaped, on one line"
check '[ "$(db_state "$DB")" = "$before" ]' "nothing changed"
run --db "$DB" $'x\ny'
expect_err "onbekende opdracht 'x\\ny'" "an unknown command with a newline: one line"

# ---- a system clock outside 1900-2199 ----
if command -v faketime >/dev/null; then
	before=$(db_state "$DB")
	out=$(env -u KNGG_TODAY ASAN_OPTIONS=verify_asan_link_order=0 faketime '2200-01-01 12:00:00' \
		"$KNGG" --db "$DB" factor GM0479 draagvlak --score 3 2>err.txt); rc=$?
	err=$(cat err.txt)
	expect_rc 1 "a write with the clock at 2200 is refused"
	expect_err "de systeemklok staat op 2200-01-01" "and says why"
	check '[ "$(db_state "$DB")" = "$before" ]' "nothing recorded with the wrong clock"
else
	bad "faketime is not installed (bash .ci/deps installs it)"
fi

# ---- a damaged file: verify says so, writes are refused ----
"$KNGG" --db c.db demo >/dev/null
page=$(sqlite3 c.db "SELECT rootpage FROM sqlite_schema WHERE name = 'event_by_target'")
printf '\x0d\xff\xff\xff\xff\xff\xff\xff' | dd of=c.db bs=1 seek=$(( (page - 1) * 4096 )) conv=notrunc 2>/dev/null
run --db c.db verify
expect_rc 1 "verify on a damaged file"
expect_err "het databasebestand is beschadigd" "verify names the damage"
h0=$(sha256sum c.db | cut -d' ' -f1)
run --db c.db factor GM9999 draagvlak --score 2
expect_rc 1 "a write to a damaged file is refused"
expect_err "is beschadigd" "and says so"
check '[ "$(sha256sum c.db | cut -d" " -f1)" = "$h0" ]' "the damaged file is not written"
finish
