#!/usr/bin/env bash
# AVG: kngg person export gives everything held about a person; kngg person
# erase removes their name, e-mail and phone from every row and from the
# file itself, while the history and the audit chain stay whole ("(gewist)"
# signed on that date, in that role).
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=p.db
NAME="Wilhelmina Zwartkop-Quaak"
MAIL="w.zwartkop@zaanstad.example"
PHONE="075-6811234"
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --date 2026-01-07              # 1
k stakeholder add GM0479 --name "$NAME" --org "Gemeente Zaanstad" --function "beleidsadviseur jeugd" \
	--email "$MAIL" --phone "$PHONE" --level bestuurlijk --date 2026-01-08                           # 2
k stakeholder assess GM0479 2 --interest hoog --influence hoog --commitment toegezegd --date 2026-02-02
k role assign GM0479 2 opdrachtgever --date 2026-02-03
k step start GM0479 1.1 --date 2026-02-04 --note "Gesprek met $NAME ($MAIL) over de opdracht"
k step done GM0479 1.1 --date 2026-02-05 --by "$NAME"
k signoff GM0479 1.2/s1 --decision akkoord --signer "$NAME" --role opdrachtgever \
	--org "Gemeente Zaanstad" --document "Aanstellingsbrief projectleider" --date 2026-02-06
k step start GM0479 1.2 --date 2026-02-07 --note "Jan Jansen neemt het over"
# the name in capitals in a note, and inside a sign-off's document and argument
k factor GM0479 draagvlak --score 3 --date 2026-02-08 --note "BELD MET WILHELMINA ZWARTKOP-QUAAK"
k signoff GM0479 1.5/s1 --decision no-go --signer "Jan Jansen" --role wethouder --org "Gemeente Zaanstad" \
	--document "Advies van $NAME" --argument "$NAME raadt uitstel aan" --date 2026-02-09

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# in_file TEXT FILE: how often TEXT occurs in the bytes of FILE (0 when absent)
in_file() { if [ -e "$2" ]; then LC_ALL=C grep -a -o -F -- "$1" "$2" | wc -l; else echo 0; fi; }

# --- export ----------------------------------------------------------------------------
run --db "$DB" person export 2
expect_rc 0 "person export"
expect_no_err "person export"
check '[ "$(json "d[\"person\"][\"name\"]")" = "$NAME" ]' "export: the name"
check '[ "$(json "d[\"person\"][\"email\"]+\"|\"+d[\"person\"][\"phone\"]+\"|\"+d[\"person\"][\"function\"]")" = "$MAIL|$PHONE|beleidsadviseur jeugd" ]' \
	"export: e-mail, phone and function"
check '[ "$(json "[(e[\"value\"], e[\"data\"][\"role\"], e[\"data\"][\"document\"]) for e in d[\"events_about\"] if e[\"kind\"]==\"signoff\"]")" = "[('"'"'akkoord'"'"', '"'"'opdrachtgever'"'"', '"'"'Aanstellingsbrief projectleider'"'"')]" ]' \
	"export: the signature"
check '[ "$(json "[e[\"data\"][\"commitment\"] for e in d[\"events_about\"] if e[\"kind\"]==\"stakeholder.assess\"]")" = "['"'"'toegezegd'"'"']" ]' \
	"export: the assessment"
check '[ "$(json "[e[\"target\"] for e in d[\"events_about\"] if e[\"kind\"]==\"role.assign\"]")" = "['"'"'opdrachtgever'"'"']" ]' \
	"export: the role"
check '[ "$(json "[e[\"note\"] for e in d[\"notes_mentioning\"]][0]")" = "Gesprek met $NAME ($MAIL) over de opdracht" ]' \
	"export: the note that mentions the person"
check '[ "$(json "len(d[\"notes_mentioning\"])")" = 3 ]' \
	"export: also the note in capitals and the sign-off that names the person"
check '[ "$(json "[e[\"kind\"] for e in d[\"events_recorded_by\"]]")" = "['"'"'step.done'"'"']" ]' \
	"export: what the person recorded (--by)"
expect_no_out "Jan Jansen neemt het over" "export leaves out notes about others"

run --db "$DB" person export 2 -o export.json
expect_rc 0 "person export -o"
check '[ "$(python3 -c "import json; print(json.load(open(\"export.json\"))[\"person\"][\"name\"])")" = "$NAME" ]' \
	"export -o writes the JSON to the file"
check '[ "$(stat -c %a export.json)" = 600 ]' "the export file is private (0600)"
echo "niet overschrijven" >keep.json
run --db "$DB" person export 2 -o keep.json
check '[ "$rc" -ne 0 ] && [ "$(cat keep.json)" = "niet overschrijven" ]' "export -o refuses an existing file"
expect_err "--force" "export -o to an existing file says --force"
run --db "$DB" person export 2 -o keep.json --force
expect_rc 0 "export -o --force overwrites"
check 'grep -qF "$NAME" keep.json' "the overwritten file has the export"
check '[ "$(ls | grep -c "\.json\.")" = 0 ]' "no temporary files are left behind"
rm -f export.json keep.json
run --db "$DB" person export 99 -o gone.json
check '[ "$rc" -ne 0 ] && [ ! -e gone.json ]' "export of an unknown person writes no file"
expect_err "99" "export of an unknown person"

# --- refusals leave the database unchanged -------------------------------------------------
rejected "erase an unknown person" "99" person erase 99 --reason "verzoek betrokkene"
rejected "erase without a reason" "--reason" person erase 2
expect_rc 2 "erase without a reason is a usage error"
rejected "erase with an empty reason" "reden" person erase 2 --reason ""
rejected "a reason that names the person" "noemt de persoon" person erase 2 --reason "verzoek van $NAME"
rejected "a reason that has the person's e-mail" "noemt de persoon" person erase 2 --reason "mail van $MAIL"
rejected "erase recorded by the person herself" "noemt de persoon" person erase 2 --reason "verzoek betrokkene" --by "$NAME"
rejected "a malformed person number" "'twee'" person erase twee --reason "verzoek betrokkene"
rejected "export with --reason" "--reason" person export 2 --reason x
rejected "erase with -o" "-o" person erase 2 --reason "verzoek betrokkene" -o x.json
rejected "an unknown person action" "" person show 2
expect_rc 2 "person show is a usage error"

# --- erase ---------------------------------------------------------------------------------
check '[ "$(in_file "$NAME" "$DB")" -gt 0 ]' "before the erase the name is in the file (the check can fail)"
run --db "$DB" person erase 2 --reason "verzoek betrokkene" --date 2026-06-01
expect_rc 0 "person erase"
expect_no_err "person erase"
check '[ "$out" = "persoon 2 gewist; 3 notities aangepast" ]' "erase says how many texts changed"
for s in "$NAME" "$MAIL" "$PHONE" "Zwartkop" "ZWARTKOP" "beleidsadviseur jeugd"; do
	check '[ "$(in_file "$s" "$DB")" = 0 ] && [ "$(in_file "$s" "$DB-wal")" = 0 ]' "'$s' is gone from the database file and its WAL"
done
check '[ "$(in_file "Jan Jansen" "$DB")" -gt 0 ]' "other persons stay"
run --db "$DB" verify
expect_rc 0 "verify passes after the erase"
expect_out "3 notities aangepast bij wissen" "verify counts the redacted texts"
sqlite3 "$DB" VACUUM
check '[ "$(in_file "$NAME" "$DB")" = 0 ] && [ "$(in_file "$NAME" "$DB-wal")" = 0 ]' "the name is still gone after VACUUM"
run --db "$DB" verify
expect_rc 0 "verify passes after VACUUM"

run --db "$DB" signoff list GM0479
expect_out "2026-02-06  #" "the signature keeps its date"
out=$(printf '%s\n' "$out" | tr -s ' \n' '  ') # wrapped to 80 columns: as one line
expect_out "akkoord door (gewist) (opdrachtgever, Gemeente Zaanstad)" "signoff list: (gewist) signed in that role"
expect_out "stuk: Aanstellingsbrief projectleider" "the signature keeps its document"
run --db "$DB" signoff list GM0479 --format json
check '[ "$(json "(d[0][\"signer\"], d[0][\"signer_erased\"], d[0][\"person_id\"], d[0][\"role\"])")" = "(None, True, 2, '"'"'opdrachtgever'"'"')" ]' \
	"signoff list json: signer null, erased, id and role kept"
run --db "$DB" signoff show GM0479 1.2/s1
expect_out "Compleet: ja" "an erased signer's signature still counts"
run --db "$DB" log GM0479
expect_out "Gesprek met [gewist] ([gewist]) over de opdracht" "log: the note is redacted"
check 'printf "%s\n" "$out" | grep "stap afgerond" | grep -qF "(gewist)"' "log: recorded by (gewist)"
check 'printf "%s\n" "$out" | grep "rol toegewezen" | grep -qF "opdrachtgever — (gewist)"' "log: the role of (gewist)"
run --db "$DB" person export 2
check '[ "$(json "(d[\"person\"][\"name\"], d[\"person\"][\"email\"], d[\"person\"][\"erased_at\"])")" = "(None, None, '"'"'2026-06-01'"'"')" ]' \
	"export after the erase: nothing personal, the erase date"

rejected "erase twice" "al gewist" person erase 2 --reason "verzoek betrokkene"
run --db "$DB" verify
expect_rc 0 "verify still passes at the end"

# a redacted text is protected too: rewriting it afterwards is detected
run --db "$DB" signoff list GM0479
expect_out "Advies van [gewist]" "the sign-off's document is redacted"
expect_out "[gewist] raadt uitstel aan" "the sign-off's argument is redacted"
sqlite3 "$DB" "UPDATE event SET note = 'Gesprek met Jan Jansen over de opdracht' WHERE note LIKE 'Gesprek met [gewist]%'"
run --db "$DB" verify
expect_rc 1 "verify detects a rewritten redacted note"

finish
