#!/usr/bin/env bash
# kngg municipality add/list/show/rename: CBS codes, duplicates, unknown
# codes, renames in the log, and names that must come back unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=m.db
"$KNGG" --db "$DB" init >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

run --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 --by "Anouk Çelik" --new-person
expect_rc 0 "add GM0479"
expect_no_err "add GM0479"
expect_out "GM0479" "add confirms the code"

run --db "$DB" municipality list
expect_rc 0 "list"
check '[ "$out" = "GM0479  Zaanstad" ]' "list shows the municipality"

run --db "$DB" municipality show GM0479
expect_rc 0 "show"
expect_out "GM0479  Zaanstad" "show names it"
expect_out "2026-01-05" "show has the date it was added"

# --- refusals -----------------------------------------------------------------
rejected "duplicate code" "GM0479 bestaat al" municipality add GM0479 Wormerland --date 2026-01-05
# (gm0479 is GM0479 as people type it: t0101-typing.sh)
for c in GM47 GM04790 XX0479 GM047a " GM0479" ""; do
	rejected "bad code '$c'" "ongeldige gemeentecode '$c'" municipality add "$c" Ergens --date 2026-01-05
done
rejected "bad code on show" "ongeldige gemeentecode 'GM47'" municipality show GM47
rejected "bad code on rename" "ongeldige gemeentecode 'gm479'" municipality rename gm479 Ergens
rejected "unknown code on show" "onbekende gemeente 'GM0001'" municipality show GM0001
rejected "unknown code on rename" "onbekende gemeente 'GM0001'" municipality rename GM0001 Ergens --date 2026-02-01
rejected "empty name on add" "naam" municipality add GM0480 "" --date 2026-01-05
rejected "empty name on rename" "naam" municipality rename GM0479 ""
rejected "impossible date on add" "ongeldige datum '2026-02-30'" municipality add GM0480 Wormerland --date 2026-02-30

rejected "add without a name" "" municipality add GM0480
expect_rc 2 "add without a name is a usage error"
rejected "rename without a name" "" municipality rename GM0479
expect_rc 2 "rename without a name is a usage error"
# one municipality in the database: it is the default (t0102-defaults.sh)
run --db "$DB" municipality show
expect_out "GM0479  Zaanstad" "show without a code: the only municipality"
rejected "no subcommand" "" municipality
expect_rc 2 "municipality without subcommand is a usage error"
rejected "unknown subcommand" "frob" municipality frob GM0479
expect_rc 2 "unknown subcommand is a usage error"
rejected "list with an argument" "" municipality list GM0479
expect_rc 2 "list takes no arguments"

# --- rename keeps the code; the log keeps both names --------------------------
run --db "$DB" municipality rename GM0479 "Zaanstreek-Waterland" --date 2026-02-01 --by 'Kees "K" <k@x>' --new-person
expect_rc 0 "rename"
expect_no_err "rename"
run --db "$DB" municipality list
check '[ "$out" = "GM0479  Zaanstreek-Waterland" ]' "list shows the new name under the same code"
run --db "$DB" municipality show GM0479
expect_out "GM0479  Zaanstreek-Waterland" "show has the new name"
run --db "$DB" status GM0479
expect_rc 0 "status after rename"
check '[ "$(printf "%s\n" "$out" | head -1)" = "GM0479 Zaanstreek-Waterland: fase 1, Initiatief nemen en ontwerpen" ]' \
	"status header has code and new name"
run --db "$DB" log GM0479
expect_rc 0 "log after rename"
check 'printf "%s\n" "$out" | grep -q "^#[0-9]* *2026-01-05  .*Zaanstad  (Anouk Çelik)\$"' "log keeps the old name"
check 'printf "%s\n" "$out" | grep -qF "2026-02-01  gemeente hernoemd    Zaanstreek-Waterland  (Kees \"K\" <k@x>)"' \
	"log has the new name and who, unchanged"
run --db "$DB" log GM0479 --format json
expect_rc 0 "log json after rename"
check '[ "$(json "[e[\"value\"] for e in d]")" = "['"'"'Zaanstad'"'"', '"'"'Zaanstreek-Waterland'"'"']" ]' \
	"log json has both names in order"
check '[ "$(json "d[1][\"by\"]")" = "Kees \"K\" <k@x>" ]' "log json has --by unchanged"

# --- names come back unchanged ------------------------------------------------
bosch="ʼs-Hertogenbosch"
odd='De "Zaan" <streek> & O'"'"'Brien'
note='notitie met "aanhalingstekens", <tags> & ʼs-Hertogenbosch'
run --db "$DB" municipality add GM0796 "$bosch" --date 2026-01-02 --note "$note"
expect_rc 0 "add ʼs-Hertogenbosch"
expect_out "$bosch" "add echoes the name"
run --db "$DB" municipality add GM0100 "$odd" --date 2026-01-03
expect_rc 0 "add a name with quotes and <"
rejected "show without a code, several municipalities" "CODE ontbreekt" municipality show
expect_rc 2 "show without a code is a usage error"

run --db "$DB" municipality list
check '[ "$out" = "$(printf "GM0100  %s\nGM0479  Zaanstreek-Waterland\nGM0796  %s" "$odd" "$bosch")" ]' \
	"list shows all names byte for byte, by code"
run --db "$DB" municipality show GM0796
expect_out "GM0796  $bosch" "show ʼs-Hertogenbosch"
run --db "$DB" municipality show GM0100
expect_out "GM0100  $odd" "show the odd name"

run --db "$DB" status GM0796
check '[ "$(printf "%s\n" "$out" | head -1)" = "GM0796 $bosch: fase 1, Initiatief nemen en ontwerpen" ]' \
	"status header has ʼs-Hertogenbosch"
run --db "$DB" status GM0100
check '[ "$(printf "%s\n" "$out" | head -1)" = "GM0100 $odd: fase 1, Initiatief nemen en ontwerpen" ]' \
	"status header has the odd name"
run --db "$DB" status GM0796 --format json
expect_rc 0 "status json"
check '[ "$(json "d[\"name\"]")" = "$bosch" ]' "status json name unchanged"
run --db "$DB" status GM0100 --format json
check '[ "$(json "d[\"name\"]")" = "$odd" ]' "status json odd name unchanged"

run --db "$DB" log GM0796
expect_out "2026-01-02  gemeente toegevoegd  $bosch" "log has ʼs-Hertogenbosch"
expect_out "$note" "log has the note unchanged"
run --db "$DB" log GM0796 --format json
check '[ "$(json "d[0][\"value\"]")" = "$bosch" ]' "log json name unchanged"
check '[ "$(json "d[0][\"note\"]")" = "$note" ]' "log json note unchanged"
run --db "$DB" log GM0100
expect_out "gemeente toegevoegd  $odd" "log has the odd name"

finish
