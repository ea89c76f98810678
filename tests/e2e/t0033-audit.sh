#!/usr/bin/env bash
# The audit chain and corrections: kngg verify passes on an untouched
# journal and names the first broken event after edits outside kngg (a
# changed sign-off, a deleted or reordered row, an edited note); kngg
# correct withdraws a fact with a reason, never twice, never a correction.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=a.db
k init
k municipality add GM0479 Zaanstad --date 2026-01-05                                      # 1
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06                    # 2
k org add GM0479 "GGD Zaanstreek" --type ggd --date 2026-01-06                            # 3
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --date 2026-01-07  # 4
k stakeholder add GM0479 --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07    # 5
k step start GM0479 1.1 --date 2026-01-10 --note "eerste overleg met de GGD"              # 6
k activity done GM0479 1.1/a1 --date 2026-01-12                                          # 7
k step done GM0479 1.1 --date 2026-01-20 --by "Els de Boer"                              # 8
k factor GM0479 draagvlak --score 3 --date 2026-01-21 --note "redelijk"                   # 9
k signoff GM0479 1.5/s1 --decision go --signer "Jan Jansen" --role wethouder \
	--org "Gemeente Zaanstad" --document "B&W-besluit 2026/20" --date 2026-03-12         # 10
k step start GM0479 1.2 --date 2026-03-13                                                # 11
k municipality add GM0363 Oostzaan --date 2026-03-13                                     # 12

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# the event number of the nth event of a kind in the log (1-based)
event_of() { sqlite3 "$DB" "SELECT id FROM event WHERE kind='$1' ORDER BY id LIMIT 1 OFFSET $(($2 - 1))"; }

check '[ "$(event_of signoff 1)" = 10 ] && [ "$(event_of step.done 1)" = 8 ] && [ "$(sqlite3 "$DB" "SELECT count(*) FROM event")" = 12 ]' \
	"setup: the events have the numbers this test assumes"

run --db "$DB" verify
expect_rc 0 "verify on an untouched journal"
expect_no_err "verify on an untouched journal"
check '[ "$(printf "%s\n" "$out" | head -n 1)" = "keten in orde: 12 gebeurtenissen gecontroleerd" ]' "verify counts every event"
check 'printf "%s\n" "$out" | grep -Eq "^ankerpunt nu: 12:[0-9a-f]{16} "' "verify shows an anchor"
rejected "verify takes no arguments" "" verify GM0479
expect_rc 2 "verify with an argument is a usage error"

# tampered SQL DESC EVENT TEXT: a copy of the database changed by SQL; verify
# must fail with one line naming event EVENT and containing TEXT
tampered() {
	local sql=$1 desc=$2 n=$3 text=$4
	cp "$DB" t.db
	sqlite3 t.db "PRAGMA foreign_keys=OFF; $sql" || { bad "$desc: the SQL failed"; return; }
	run --db t.db verify
	expect_rc 1 "$desc"
	expect_err "keten verbroken bij gebeurtenis $n: " "$desc"
	expect_err "$text" "$desc: the problem"
	check '[ -z "$out" ]' "$desc: nothing on stdout"
	rm -f t.db t.db-wal t.db-shm
}
tampered "UPDATE event SET data = replace(data, 'B&W-besluit 2026/20', 'B&W-besluit 2026/99') WHERE id = 10" \
	"the sign-off's document edited" 10 "gebeurtenis 10 is na het vastleggen gewijzigd"
tampered "UPDATE event SET value = 'no-go' WHERE kind = 'signoff'" \
	"the sign-off's decision edited" 10 "gebeurtenis 10 is na het vastleggen gewijzigd"
tampered "UPDATE event SET date = '2026-01-19' WHERE id = 8" \
	"a date edited" 8 "gebeurtenis 8 is na het vastleggen gewijzigd"
tampered "UPDATE event SET person_id = 5 WHERE id = 10" \
	"the signer replaced by another person" 10 "gebeurtenis 10"
tampered "DELETE FROM event WHERE id = 7" \
	"a middle row deleted" 8 "tussen 6 en 8 ontbreken"
tampered "DELETE FROM event WHERE id = 12" \
	"the last row deleted" 12 "na 11 tot en met 12 ontbreken"
tampered "UPDATE event SET id = 100 WHERE id = 6; UPDATE event SET id = 6 WHERE id = 7; UPDATE event SET id = 7 WHERE id = 100" \
	"two rows' ids swapped" 6 "gebeurtenis 6 is na het vastleggen gewijzigd of verplaatst"
tampered "UPDATE event SET note = 'slecht' WHERE id = 9" \
	"a note edited" 9 "van gebeurtenis 9"
tampered "UPDATE event SET note = NULL WHERE id = 6" \
	"a note removed" 6 "van gebeurtenis 6"
tampered "UPDATE event SET note = 'toegevoegd' WHERE id = 7" \
	"a note added" 7 "van gebeurtenis 7"
tampered "UPDATE event SET hash = NULL WHERE id = 3" \
	"a hash removed" 3 "gebeurtenis 3"
# the head pointed back at an older event, with that event's hash copied:
# the head's seal and count cannot be copied from the event table
tampered "DELETE FROM event WHERE id >= 11;
	UPDATE chain_head SET event_id = 10, hash = (SELECT hash FROM event WHERE id = 10)" \
	"the newest rows deleted and the head copied from the table" 10 "de kop van de keten is buiten kngg om gezet"
tampered "UPDATE chain_head SET count = count - 1" \
	"the head's count edited" 12 "zegel of aantal klopt niet"
# names the events rely on: persons, organisations, municipalities, areas
tampered "UPDATE person SET name = 'Mallory' WHERE name = 'Jan Jansen'" \
	"a signer renamed outside kngg" 4 "persoon 1 wijkt af van wat daar is vastgelegd"
tampered "UPDATE person SET organisation_id = 2 WHERE id = 1" \
	"a person moved to another organisation" 4 "persoon 1 wijkt af"
tampered "UPDATE organisation SET name = 'GGD Elders' WHERE id = 2" \
	"an organisation renamed outside kngg" 3 "organisatie 2 wijkt af"
tampered "UPDATE municipality SET name = 'Zaandam' WHERE code = 'GM0479'" \
	"a municipality renamed outside kngg" 1 "gemeente GM0479 wijkt af"
tampered "DELETE FROM person WHERE id = 2" \
	"a person deleted outside kngg" 5 "persoon 2 ontbreekt: buiten kngg om verwijderd"
cp "$DB" t.db
sqlite3 t.db "INSERT INTO organisation(municipality, name, type, created_at) VALUES ('GM0479', 'Nep BV', 'ggd', '2026-01-01')"
run --db t.db verify
expect_rc 1 "an organisation inserted outside kngg"
expect_err "keten verbroken: organisatie 3 staat niet in de keten: buiten kngg om toegevoegd" "names the inserted row"
rm -f t.db t.db-wal t.db-shm
# a rename through kngg is sealed and verifies
cp "$DB" t.db
"$KNGG" --db t.db municipality rename GM0479 "Zaanstad (gem.)" >/dev/null
run --db t.db verify
expect_rc 0 "a rename through kngg verifies"
rm -f t.db t.db-wal t.db-shm
run --db "$DB" verify
expect_rc 0 "the original still verifies"
# an anchor kept from an earlier verify: found unchanged, or the rewrite shown
anchor=$(printf "%s\n" "$out" | sed -n 's/^ankerpunt nu: \([^ ]*\).*/\1/p')
run --db "$DB" verify --anchor "$anchor"
expect_rc 0 "verify --anchor with the current anchor"
expect_out "ankerpunt $anchor staat ongewijzigd in de keten" "the anchor is confirmed"
run --db "$DB" verify --anchor "12:0000000000000000"
expect_rc 1 "a wrong anchor"
expect_err "ankerpunt 12:0000000000000000 klopt niet" "says the chain was rewritten"
run --db "$DB" verify --anchor "99:0000000000000000"
expect_err "gebeurtenis 99 staat niet meer in de keten" "an anchor beyond the chain"
rejected "an anchor that is no anchor" "--anchor verwacht GEBEURTENIS:HASH" verify --anchor 12:abc

# --- corrections ------------------------------------------------------------------
run --db "$DB" status GM0479
check 'printf "%s\n" "$out" | grep -q "^  1.1  afgerond"' "1.1 is done before the correction"
rejected "correct without --reason" "--reason" correct GM0479 8
expect_rc 2 "correct without --reason is a usage error"
rejected "correct with an empty reason" "reden" correct GM0479 8 --reason ""
rejected "correct an unknown event" "gebeurtenis 99" correct GM0479 99 --reason "vergissing"
rejected "correct an event of another municipality" "GM0363 heeft geen gebeurtenis 8" correct GM0363 8 --reason "vergissing"
rejected "correct with a malformed event number" "'acht'" correct GM0479 acht --reason "vergissing"
rejected "correct a municipality.add" "kan niet worden ingetrokken" correct GM0479 1 --reason "vergissing"
rejected "correct dated before the event" "eerder" correct GM0479 8 --reason "vergissing" --date 2026-01-19
rejected "correct in the future" "toekomst" correct GM0479 8 --reason "vergissing" --date 2026-07-01

run --db "$DB" correct GM0479 8 --reason "stap 1.1 was nog niet af" --date 2026-03-14 --by "Els de Boer"
expect_rc 0 "correct a step.done"
expect_no_err "correct a step.done"
check '[ "$out" = "GM0479: gebeurtenis 8 ingetrokken" ]' "correct confirms"
correction=$(sqlite3 "$DB" "SELECT max(id) FROM event")
run --db "$DB" status GM0479
check 'printf "%s\n" "$out" | grep -q "^  1.1  gestart"' "status: 1.1 no longer done after the correction"
run --db "$DB" status GM0479 --as-of 2026-03-13
check 'printf "%s\n" "$out" | grep -q "^  1.1  afgerond"' "status --as-of before the correction: still done"
run --db "$DB" log GM0479
check 'printf "%s\n" "$out" | grep "^#8 " | grep -q "stap afgerond.*(ingetrokken op 2026-03-14 door #'"$correction"')"' \
	"log shows the event as withdrawn, when and by which correction"
check 'printf "%s\n" "$out" | grep "^#'"$correction"' " | grep -q "correctie.*trekt #8 in"' "log shows the correction"
expect_out "stap 1.1 was nog niet af" "log shows the reason"
run --db "$DB" log GM0479 --format json
check '[ "$(json "[e[\"corrected_by\"] for e in d if e[\"id\"]==8][0]")" = "$correction" ]' "log json: corrected_by"
check '[ "$(json "[e[\"corrects\"] for e in d if e[\"id\"]==$correction][0]")" = 8 ]' "log json: corrects"
check '[ "$(json "[e[\"corrected_by\"] for e in d if e[\"id\"]==7][0]")" = None ]' "log json: corrected_by null otherwise"

rejected "correct the same event twice" "al ingetrokken" correct GM0479 8 --reason "nog eens"
rejected "correct a correction" "kan niet worden ingetrokken" correct GM0479 "$correction" --reason "toch wel"

# a sign-off withdrawn: the point is no longer complete
run --db "$DB" signoff show GM0479 1.5/s1
expect_out "Compleet: ja" "1.5/s1 complete before its correction"
run --db "$DB" correct GM0479 "#10" --reason "verkeerd besluit ingevoerd" --date 2026-03-15
expect_rc 0 "correct a sign-off (number as #10)"
run --db "$DB" signoff show GM0479 1.5/s1
expect_out "Compleet: nee" "1.5/s1 not complete after its correction"
run --db "$DB" signoff list GM0479
expect_out "(ingetrokken)" "signoff list marks the withdrawn signature"
run --db "$DB" signoff list GM0479 --format json
check '[ "$(json "d[0][\"withdrawn\"]")" = True ]' "signoff list json: withdrawn"

run --db "$DB" verify
expect_rc 0 "verify passes after corrections"
check '[ "$(printf "%s\n" "$out" | head -n 1)" = "keten in orde: 14 gebeurtenissen gecontroleerd" ]' "verify counts the corrections too"
tampered "UPDATE event SET corrects = 9 WHERE id = $correction" \
	"a correction pointed at another event" "$correction" "gebeurtenis $correction"

finish
