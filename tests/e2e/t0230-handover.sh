#!/usr/bin/env bash
# Handovers of key roles (issue 18): role end asks for one (stderr, never
# blocks), kngg handover records it with the open items of who leaves,
# list/show print it, risks names a key role that ended without one until
# a handover is recorded (and again with --as-of before it), kngg correct
# withdraws one, the log describes it, export (JSON, XML) and the
# projectorganisatie document carry it. Bad input: one kngg: line, the
# database unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=ho.db
q() { sqlite3 "$DB" "$1"; }
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k org add GM0479 "JGZ Zaanstreek" --type jgz --date 2026-01-05
k stakeholder add GM0479 --name "Piet Jansen" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k stakeholder add GM0479 --name "Anna de Vries" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k stakeholder add GM0479 --name "Wim Wethouder" --org "Gemeente Zaanstad" --level bestuurlijk --date 2026-01-05
k stakeholder add GM0479 --name "Gerda de Groot" --org "JGZ Zaanstreek" --level bestuurlijk --date 2026-01-05
k role assign GM0479 1 netwerkregisseur --date 2026-01-05
k role assign GM0479 1 kerngroep --date 2026-01-05
k role assign GM0479 3 wethouder --date 2026-01-05
k role assign GM0479 2 beleidsmedewerker --date 2026-01-05
# Piet's open items: an analysis of Gerda, an activity of a running step,
# a sign-off that still needs the JGZ
k step start GM0479 1.1 --date 2026-01-06 --by 1
k activity done GM0479 1.1/a1 --date 2026-01-07 --by 1
k stakeholder assess GM0479 4 --influence hoog --interest hoog --date 2026-01-08 --by "Piet Jansen"
k signoff GM0479 1.1/s1 --decision akkoord --signer 1 --role kerngroep --as wethouder \
	--org "Gemeente Zaanstad" --document "Brief" --date 2026-01-09 --by 1

# ---- role end asks for a handover, on stderr -----------------------------------------------
run --db "$DB" role end GM0479 1 netwerkregisseur --date 2026-10-01
expect_rc 0 "ending a key role is not blocked"
expect_out "rol netwerkregisseur van stakeholder 1 beëindigd" "role end confirms on stdout"
expect_no_out "let op" "the handover prompt is not on stdout"
check '[[ "$err" == *"kngg: let op: netwerkregisseur is een sleutelrol"* ]]' "role end names the key role on stderr"
check '[[ "$err" == *"kngg handover GM0479 --from 1 --to ID --role netwerkregisseur"* ]]' "role end gives the command"
check '[ "$(printf "%s\n" "$err" | awk "length > 80" | wc -l)" = 0 ]' "the prompt fits 80 columns"
run --db "$DB" role end GM0479 2 beleidsmedewerker --date 2026-10-01
expect_rc 0 "ending another role"
expect_no_err "no handover asked for a role that is not key"

# ---- the risk -------------------------------------------------------------------------------
run --db "$DB" risks GM0479 --wide
expect_out "de rol netwerkregisseur van Piet Jansen eindigde op 1 oktober 2026 zonder overdracht; leg die vast met 'kngg handover GM0479 --from 1 --to ID --role netwerkregisseur'" "risks names the key role ended without handover"
expect_no_out "beleidsmedewerker van" "no risk for a role that is not key"
run --db "$DB" risks GM0479 --format json
expect_out '"kind": "no-handover"' "risk kind in JSON"
run --db "$DB" risks GM0479 --as-of 2026-09-30 --wide
expect_no_out "zonder overdracht" "before the role ended there is no risk"

# ---- validation: one kngg: line, nothing changed ----------------------------------------------
rejected "an unknown --from" "onbekende persoon 'Karel'" handover GM0479 --from Karel --to 2 --role netwerkregisseur
rejected "an unknown --to number" "onbekende persoon '99'" handover GM0479 --from 1 --to 99 --role netwerkregisseur
rejected "to == from" "naar iemand anders" handover GM0479 --from 1 --to 1 --role netwerkregisseur
rejected "an unknown role" "rol" handover GM0479 --from 1 --to 2 --role voorzitter
rejected "a role never held" "had op" handover GM0479 --from 2 --to 1 --role projectleider
rejected "a bad date" "datum" handover GM0479 --from 1 --to 2 --role netwerkregisseur --date 2026-02-30
rejected "a future date" "toekomst" handover GM0479 --from 1 --to 2 --role netwerkregisseur --date 2027-01-01
rejected "before the role began" "had op" handover GM0479 --from 1 --to 2 --role netwerkregisseur --date 2025-12-31
rejected "an unknown --contact" "onbekende persoon '42'" handover GM0479 --from 1 --to 2 --role netwerkregisseur --contact 42
rejected "without --role" "--role" handover GM0479 --from 1 --to 2
rejected "an unknown municipality" "GM0999" handover GM0999 --from 1 --to 2 --role netwerkregisseur
rejected "show of no handover" "geen overdracht" handover show GM0479 3
rejected "role end --document without --handover-to" "--handover-to" role end GM0479 3 wethouder --document X
rejected "role end --handover-to nobody" "onbekende persoon 'Nobody'" role end GM0479 3 wethouder --handover-to Nobody
rejected "role end --handover-to oneself" "naar iemand anders" role end GM0479 3 wethouder --handover-to 3
rejected "role end --handover-to: the role stays when the handover is refused" "rol 'baas'" role end GM0479 3 baas --handover-to 2

# ---- record: the open items are collected -----------------------------------------------------
run --db "$DB" handover GM0479 --from "piet jansen" --to "Anna de Vries" --role Netwerkregisseur \
	--document "Overdrachtsmap netwerk" --date 2026-10-02 --note "warme overdracht" --contact 3
expect_rc 0 "a handover by names"
expect_out "GM0479: overdracht" "confirmed"
HO=$(q "SELECT id FROM event WHERE kind = 'handover'")
check '[ -n "$HO" ]' "one handover event"
check '[ "$(q "SELECT person_id FROM event WHERE id = $HO")" = 1 ]' "person_id is who hands over"
check '[ "$(q "SELECT target FROM event WHERE id = $HO")" = netwerkregisseur ]' "target is the role"
data=$(q "SELECT data FROM event WHERE id = $HO")
check '[[ "$data" == *"\"to\":2"* ]]' "data names to whom"
check '[[ "$data" == *"Overdrachtsmap netwerk"* ]]' "data holds the document"
check '[[ "$data" != *"Gerda"* && "$data" != *"Piet"* ]]' "data holds ids, not names"
run --db "$DB" handover show GM0479 "$HO"
expect_rc 0 "show"
expect_out "Van:         1 Piet Jansen" "show: from"
expect_out "Aan:         2 Anna de Vries" "show: to"
expect_out "Stuk:        Overdrachtsmap netwerk" "show: document"
expect_out "Datum:       2 oktober 2026" "show: Dutch date"
expect_out "Notitie:     warme overdracht" "show: note"
expect_out "contact 3 Wim Wethouder" "an explicit contact"
expect_out "stakeholder 4 Gerda de Groot" "the stakeholder Piet analysed"
expect_out "ondertekening 1.1/s1, nog niet compleet" "the sign-off Piet signed, incomplete"
expect_out "activiteit 1.1/a1 in een lopende stap" "the activity of a running step"
expect_out "rol Kerngroep" "a role Piet still holds"
expect_out "Overgedragen punten (5)" "five items"
check '[ "$(printf "%s\n" "$out" | awk "length > 80" | wc -l)" = 0 ]' "show fits 80 columns"
run --db "$DB" handover list GM0479
expect_out "$HO: 2 oktober 2026, netwerkregisseur van 1 Piet Jansen aan 2 Anna de Vries;" "list"
expect_out "5 punten; stuk: Overdrachtsmap netwerk" "list: items and document"
check '[ "$(printf "%s\n" "$out" | awk "length > 80" | wc -l)" = 0 ]' "list fits 80 columns"
run --db "$DB" handover list GM0479 --as-of 2026-10-01
expect_out "nog geen overdrachten" "--as-of before the handover"
run --db "$DB" log GM0479 --wide
expect_out "overdracht" "the log names the kind"
expect_out "netwerkregisseur — Piet Jansen aan persoon 2" "the log describes it"

# ---- the risk is cleared, and back with --as-of ----------------------------------------------
run --db "$DB" risks GM0479 --wide
expect_no_out "zonder overdracht" "a handover clears the risk"
run --db "$DB" risks GM0479 --as-of 2026-10-01 --wide
expect_out "de rol netwerkregisseur van Piet Jansen eindigde op 1 oktober 2026 zonder overdracht" "--as-of before the handover shows the risk again"

# ---- export and document -------------------------------------------------------------------------
run --db "$DB" export GM0479
expect_out '"handovers": [' "JSON export has handovers"
expect_out '"document": "Overdrachtsmap netwerk"' "JSON: the document"
expect_out '"kind": "signoff"' "JSON: the items"
run --db "$DB" export GM0479 --format xml
expect_out '<handover id="' "XML export has handovers"
expect_out 'to_name="Anna de Vries"' "XML: to whom"
run --db "$DB" export GM0479 --as-of 2026-10-01
expect_out '"handovers": []' "--as-of before: no handovers exported"
run --db "$DB" doc projectorganisatie GM0479 --format md -o po.md
expect_rc 0 "projectorganisatie document"
check 'grep -q "Wisselingen en overdrachten" po.md' "document: section"
check 'grep -q "Overdrachtsmap netwerk" po.md' "document: the handover document"
check '! grep -q "kngg handover" po.md' "document: no commands"

# ---- a Dutch date, a handover before the role ends ---------------------------------------------
run --db "$DB" handover GM0479 --from 1 --to 2 --role kerngroep --date "1 november 2026"
expect_rc 0 "a handover with a Dutch date, while the role still runs"
check '[ "$(q "SELECT date FROM event WHERE kind = '"'handover'"' AND target = '"'kerngroep'"'")" = 2026-11-01 ]' "stored as ISO"
run --db "$DB" role end GM0479 1 kerngroep --date 2026-11-02
run --db "$DB" risks GM0479 --wide
expect_no_out "kerngroep van Piet" "a handover before the end counts"

# ---- role end --handover-to: both in one transaction ---------------------------------------------
run --db "$DB" role end GM0479 3 wethouder --date 2026-11-01 --handover-to 2 --document "Overdracht wethouder"
expect_rc 0 "role end with handover"
expect_out "overgedragen aan 2" "confirmed"
expect_no_err "no prompt when the handover is recorded"
check '[ "$(q "SELECT count(*) FROM event WHERE kind = '"'handover'"'")" = 3 ]' "third handover"
run --db "$DB" risks GM0479 --wide
expect_no_out "wethouder van Wim" "no risk after role end --handover-to"
rejected "role end --handover-to when the role is gone" "niet (meer)" role end GM0479 3 wethouder --handover-to 2

# ---- correct withdraws a handover ------------------------------------------------------------------
run --db "$DB" correct GM0479 "$HO" --reason "verkeerde persoon" --date 2026-11-02
expect_rc 0 "correct a handover"
run --db "$DB" handover list GM0479
expect_out "(ingetrokken)" "list marks it withdrawn"
run --db "$DB" risks GM0479 --wide
expect_out "de rol netwerkregisseur van Piet Jansen eindigde op 1 oktober 2026 zonder overdracht" "withdrawn: the risk is back"
run --db "$DB" risks GM0479 --as-of 2026-11-01 --wide
expect_no_out "netwerkregisseur van Piet" "--as-of before the correction: cleared"
run --db "$DB" verify
expect_rc 0 "the chain holds"
finish
