#!/usr/bin/env bash
# Never mistake one person for another (issue 17): --by and --signer match
# the register case- and accent-insensitively, a near miss gets one
# suggestion, an unknown name is refused (no silent new person) unless
# --new-person says so; --signer takes a number; the same name at the same
# organisation is refused.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=persons.db
q() { sqlite3 "$DB" "$1"; }
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k org add GM0479 "JGZ Zaanstreek" --type jgz --date 2026-01-05
k stakeholder add GM0479 --name "Anouk Çelik" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k stakeholder add GM0479 --name "Wim Wethouder" --org "Gemeente Zaanstad" --level bestuurlijk --date 2026-01-05
k stakeholder add GM0479 --name "Gerda de Groot" --org "JGZ Zaanstreek" --level bestuurlijk --date 2026-01-05
k role assign GM0479 2 wethouder --date 2026-01-05
persons() { q "SELECT count(*) FROM person"; }

# ---- --by -------------------------------------------------------------------------------------------
run --db "$DB" step start GM0479 1.1 --date 2026-01-10 --by "anouk celik"
expect_rc 0 "--by without the accent and in lower case"
check '[ "$(q "SELECT by_person FROM event WHERE target = '"'1.1'"'")" = 1 ]' "--by anouk celik is person 1"
check '[ "$(persons)" = 3 ]' "nobody added"
rejected "an unknown --by" "GM0479 heeft geen persoon 'Piet Puk'; voeg die toe met 'kngg stakeholder add GM0479 --name \"Piet Puk\" --org ORG', of geef --new-person" \
	step start GM0479 1.2 --by "Piet Puk"
rejected "a near miss of --by" "GM0479 heeft geen persoon 'Anouk Celic'; bedoelde je 'Anouk Çelik'?" step start GM0479 1.2 --by "Anouk Celic"
run --db "$DB" step start GM0479 1.2 --date 2026-01-11 --by "Piet Puk" --new-person
expect_rc 0 "--new-person adds Piet on purpose"
check '[ "$(persons)" = 4 ]' "Piet added"
run --db "$DB" step start GM0479 1.3 --date 2026-01-11 --by "piet puk"
expect_rc 0 "Piet is known now"
check '[ "$(persons)" = 4 ]' "Piet not added twice"
run --db "$DB" step start GM0479 1.4 --date 2026-01-11 --by 3
expect_rc 0 "--by a number"
rejected "--by a number of nobody" "GM0479 heeft geen persoon 99" step start GM0479 1.5 --by 99

# ---- --signer -----------------------------------------------------------------------------------------
rejected "an unknown signer" "heeft geen persoon 'Jan Jansen'" \
	signoff GM0479 1.1/s1 --decision akkoord --signer "Jan Jansen" --role wethouder --org "Gemeente Zaanstad" --document Brief
check '[ "$(persons)" = 4 ]' "an unknown signer adds nobody"
rejected "a near miss of a signer" "bedoelde je 'Wim Wethouder'?" \
	signoff GM0479 1.1/s1 --decision akkoord --signer "Wim Wethoudr" --role wethouder --org "Gemeente Zaanstad" --document Brief
run --db "$DB" signoff GM0479 1.1/s1 --decision akkoord --signer "wim wethouder" --role wethouder --org "gemeente zaanstad" --document Brief --date 2026-01-12
expect_rc 0 "signer by name in lower case"
run --db "$DB" signoff GM0479 1.1/s1 --decision akkoord --signer 3 --role Bestuurder --org "JGZ Zaanstreek" --document Brief --date 2026-01-12
expect_rc 0 "--signer ID"
check '[ "$(q "SELECT group_concat(person_id) FROM event WHERE kind = '"'signoff'"' ORDER BY id")" = "2,3" ]' "the signers are persons 2 and 3"
run --db "$DB" signoff GM0479 1.2/s1 --decision akkoord --signer "Jan Jansen" --new-person --role wethouder --as opdrachtgever --org "Gemeente Zaanstad" --document Brief --date 2026-01-12
expect_rc 0 "a new signer on purpose"
check '[ "$(persons)" = 5 ]' "Jan added with --new-person"
run help signoff
expect_out "--signer" "help signoff names --signer"
expect_out "--signer NAAM|ID" "help signoff says --signer takes a number"

# ---- the same name at the same organisation -------------------------------------------------------------------
rejected "the same name at the same organisation" "GM0479 heeft al een stakeholder 'Wim Wethouder' bij Gemeente Zaanstad" \
	stakeholder add GM0479 --name "Wim Wethouder" --org "Gemeente Zaanstad"
rejected "the same name, other case and accents" "heeft al een stakeholder" \
	stakeholder add GM0479 --name "anouk çelik" --org "gemeente zaanstad"
run --db "$DB" stakeholder add GM0479 --name "Wim Wethouder" --org "JGZ Zaanstreek" --date 2026-01-13
expect_rc 0 "the same name at another organisation is another person"
# Piet, known only from --by, becomes the stakeholder (no second Piet)
run --db "$DB" stakeholder add GM0479 --name "Piet Puk" --org "JGZ Zaanstreek" --date 2026-01-13
expect_rc 0 "Piet registered"
check '[ "$(q "SELECT count(*) FROM person WHERE name = '"'Piet Puk'"'")" = 1 ]' "one Piet"
finish
