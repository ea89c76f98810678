#!/usr/bin/env bash
# Handovers and the AVG (issue 18): kngg person export lists the handovers a
# person gave, received or was passed on in; kngg person erase keeps the
# handover (persons by id: "(gewist)"), redacts a name in its note, and
# the chain still verifies.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=avg.db
q() { sqlite3 "$DB" "$1"; }
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k stakeholder add GM0479 --name "Piet Jansen" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k stakeholder add GM0479 --name "Anna de Vries" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k stakeholder add GM0479 --name "Gerda de Groot" --org "Gemeente Zaanstad" --level bestuurlijk --date 2026-01-05
k stakeholder add GM0479 --name "Karin Kok" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
k role assign GM0479 1 projectleider --date 2026-01-05
k role end GM0479 1 projectleider --date 2026-06-01
k handover GM0479 --from 1 --to 2 --role projectleider --contact 3 --date 2026-06-01 \
	--document "Overdracht PL" --note "bel Gerda de Groot in juni" --by 4
HO=$(q "SELECT id FROM event WHERE kind = 'handover'")

# ---- export: given, received, passed on, recorded ------------------------------------------
for p in 1 2 3; do
	run --db "$DB" person export "$p"
	expect_rc 0 "person export $p"
	check '[ "$(json "[h[\"id\"] for h in d[\"handovers\"]]")" = "[$HO]" ]' "person $p: the handover is in the export"
done
run --db "$DB" person export 4
check '[ "$(json "len(d[\"handovers\"])")" = 0 ]' "who only recorded it: not among the handovers"
check '[ "$(json "[e[\"id\"] for e in d[\"events_recorded_by\"] if e[\"kind\"] == \"handover\"]")" = "[$HO]" ]' "but among the events recorded"

# ---- erase: the handover stays, names go ----------------------------------------------------
run --db "$DB" person erase 3 --reason "verzoek betrokkene"
expect_rc 0 "erase the contact passed on"
check '[[ "$(q "SELECT note FROM event WHERE id = $HO")" != *"Gerda"* ]]' "the name in the handover's note is redacted"
run --db "$DB" person erase 1 --reason "verzoek betrokkene"
expect_rc 0 "erase who handed over"
run --db "$DB" handover show GM0479 "$HO"
expect_rc 0 "the handover still shows"
expect_out "Van:         1 (gewist)" "from: (gewist)"
expect_out "Aan:         2 Anna de Vries" "to: still named"
expect_out "contact 3 (gewist)" "the contact: (gewist)"
expect_no_out "Gerda" "no erased name"
expect_no_out "Piet" "no erased name"
run --db "$DB" export GM0479
expect_no_out "Piet Jansen" "export: no erased name"
expect_no_out "Gerda de Groot" "export: no erased name"
run --db "$DB" verify
expect_rc 0 "the chain verifies after erasing"
finish
