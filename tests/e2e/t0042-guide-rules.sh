#!/usr/bin/env bash
# The rule changes of issue 15, each against the guide's text (handreiking,
# line numbers of ../shared/sources/handreiking-realisatie-lokale-aanpak-2021.txt).
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=r.db
C=GM0479
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
k init
k municipality add "$C" Zaanstad --date 2026-01-05
k org add "$C" "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k org add "$C" "GGD Zaanstreek-Waterland" --type ggd --date 2026-01-05
k org add "$C" "JGZ Noord" --type jgz --date 2026-01-05
k org add "$C" "Wijkteam Zaanstad" --type wijkteam --date 2026-01-05
k org add "$C" "Sportbedrijf" --type sport --date 2026-01-05
add() { k stakeholder add "$C" --name "$1" --org "$2" --level "$3" --date 2026-01-06; }
add "Wim Wethouder" "Gemeente Zaanstad" bestuurlijk   # 1
add "Bert Bestuur" "Gemeente Zaanstad" bestuurlijk    # 2
add "Gerda GGD" "GGD Zaanstreek-Waterland" bestuurlijk # 3
add "Jan JGZ" "JGZ Noord" bestuurlijk                 # 4
add "Pien Prof" "JGZ Noord" uitvoerend                # 5
add "Wendy Wijk" "Wijkteam Zaanstad" bestuurlijk      # 6
add "Mo Manager" "Wijkteam Zaanstad" management       # 7
add "Sam Sport" "Sportbedrijf" management             # 8

# ---- 4. 1.1/s1 needs the gemeente AND the main implementing organisation --------------
# regels 1695-1860 (1.1 a4 and "wat deze stap oplevert"): gemeente and the
# main implementing organisation commit people or money.
k signoff "$C" 1.1/s1 --decision akkoord --signer 1 --role wethouder --org "Gemeente Zaanstad" --document brief --date 2026-02-01
k signoff "$C" 1.1/s1 --decision akkoord --signer 2 --role bestuurder --org "Gemeente Zaanstad" --document brief --date 2026-02-01
run --db "$DB" signoff show "$C" 1.1/s1
expect_out "Compleet: nee" "1.1/s1: two signatures of the gemeente alone are not enough"
expect_out "Hoofduitvoerder" "1.1/s1 asks for the hoofduitvoerder"
# ---- 5. the main implementing organisation is named, not a type -------------------------
# regels 1722-1730 ("meestal JGZ en wijkteam"), 2520-2526 (the JGZ in the GGD)
run --db "$DB" org list "$C"
expect_out "geen hoofduitvoerder genoemd" "without a named lead, kngg says it assumes JGZ and wijkteam"
k org lead "$C" "GGD Zaanstreek-Waterland" --date 2026-02-02
run --db "$DB" signoff "$C" 1.1/s1 --decision akkoord --signer 4 --role bestuurder --org "JGZ Noord" --document brief --date 2026-02-03
expect_rc 1 "a JGZ that is not the named hoofduitvoerder does not sign 1.1/s1"
expect_err "de hoofduitvoerder" "and is told who is asked"
k signoff "$C" 1.1/s1 --decision akkoord --signer 3 --role bestuurder --org "GGD Zaanstreek-Waterland" --document brief --date 2026-02-03
run --db "$DB" signoff show "$C" 1.1/s1
expect_out "Compleet: ja" "the GGD, named hoofduitvoerder, completes 1.1/s1"
# ---- 9. 1.1: a professional's commitment is not the organisation's --------------------
# regels 1779-1790 (1.1 a3/a4: beleidsmakers en beslissers of the large implementers)
k stakeholder assess "$C" 5 --commitment toegezegd --date 2026-02-04
run --db "$DB" readiness "$C" --step 1.1 --format json
check '[ "$(json "[m[\"met\"] for m in d[\"met\"]+d[\"advice\"] if m[\"kind\"]==\"commitment\" and \"hoofduitvoerder\" in m[\"text\"]][0]" 2>/dev/null)" = "False" ] || [ "$(json "len([m for m in d[\"advice\"] if \"hoofduitvoerder\" in m[\"text\"]])")" = 1 ]' \
	"an uitvoerend professional of the hoofduitvoerder does not count for its commitment"
# ---- 9. 1.2 asks for talks with parents and children (a5) ------------------------------
# regels 1862-2130, 1.2 a5
run --db "$DB" readiness "$C" --step 1.2 --format json
check '[ "$(json "\"1.2/a5\" in [m[\"id\"] for m in d[\"missing\"]]")" = True ]' "1.2 asks for a5 (ouders en kinderen)"
check '[ "$(json "[m[\"guide_lines\"] for m in d[\"missing\"] if m[\"id\"]==\"1.2/a5\"][0] is not None")" = True ]' \
	"and cites the guide's lines"
# ---- 8. situational thresholds advise, unless a region binds them ---------------------
# regels 1657-1663: the factors are checked when a step stalls, not a gate
run --db "$DB" readiness "$C" --phase 1 --format json
check '[ "$(json "all(not m[\"binding\"] for m in d[\"advice\"]) and all(m[\"kind\"] in (\"commitment\",\"factor\") for m in d[\"advice\"]) and len(d[\"advice\"])>0")" = True ]' \
	"commitment and factor rules are advice"
check '[ "$(json "all(m[\"kind\"] not in (\"commitment\",\"factor\") for m in d[\"missing\"])")" = True ]' \
	"and never block"
mkdir -p regio && cp "$SRC"/phases/*.xml "$SRC"/phases/*.xsd regio/
sed -i 's|<factor regels="1657-1663" |<factor bindend="ja" regels="1657-1663" |' regio/gereedheid.xml
run --phases regio --db "$DB" readiness "$C" --phase 1 --format json
check '[ "$(json "any(m[\"kind\"]==\"factor\" and m[\"binding\"] for m in d[\"missing\"])")" = True ]' \
	"a region's own rule file can make the factor rule binding"
# ---- 6. 1.6: the signers chosen from the analysis; the gemeente signs once --------------
# regels 2660-2670 (1.6 a1: stakeholdersanalyse and projectplan decide who signs)
for p in 5 7; do k role assign "$C" $p kerngroep --date 2026-03-01; done
run --db "$DB" signoff show "$C" 1.6/s1
check 'printf "%s\n" "$out" | grep -q "Bestuurder, JGZ Noord" && printf "%s\n" "$out" | grep -q "Bestuurder, Wijkteam Zaanstad" && ! printf "%s\n" "$out" | grep -q "Bestuurder, Gemeente"' \
	"1.6/s1 suggests the kerngroep organisations, the gemeente signs through its wethouder"
k signoff prepare "$C" 1.6/s1 --org "GGD Zaanstreek-Waterland" --org "Wijkteam Zaanstad" --org "Sportbedrijf" --date 2026-03-02
run --db "$DB" signoff show "$C" 1.6/s1
check 'printf "%s\n" "$out" | grep -q "Bestuurder, Sportbedrijf" && ! printf "%s\n" "$out" | grep -q "Bestuurder, JGZ Noord"' \
	"prepare chooses the parties (another bestuurder from the field)"
expect_out "Partijen: gekozen" "show says the set was chosen"
# ---- 7. per-partner points: the involved partners, chosen when prepared -----------------
# regels 3431-3441 (2.1 a4: management of the organisations involved)
for p in 3 7 8; do k stakeholder assess "$C" $p --commitment toegezegd --date 2026-03-03; done
k area add "$C" Poelenburg --date 2026-03-04
run --db "$DB" signoff show "$C" 2.1/s1 --area Poelenburg
expect_out "Manager, Sportbedrijf" "2.1/s1 suggests every committed partner"
k signoff prepare "$C" 2.1/s1 --area Poelenburg --org "Wijkteam Zaanstad" --date 2026-03-05
k signoff "$C" 2.1/s1 --decision akkoord --signer 7 --role manager --org "Wijkteam Zaanstad" --document "akkoord pilot" --area Poelenburg --date 2026-03-05
run --db "$DB" signoff show "$C" 2.1/s1 --area Poelenburg
expect_out "Compleet: ja" "only the involved partner chosen for this pilot needs to sign"
rejected "prepare for a point signed by one role" "niet per organisatie" signoff prepare "$C" 1.5/s1
rejected "prepare with an unknown organisation" "geen organisatie 'Nergens'" signoff prepare "$C" 1.6/s1 --org Nergens
# ---- 10. 2.5/s1 only when there are new partners; the DPG may agree at 1.5 ---------------
# regels 3985-3993 (2.5 a2: "Bekijk of het nodig is"), 2520-2526 (1.5 a1)
run --db "$DB" signoff show "$C" 2.5/s1 --area Poelenburg
expect_out "Compleet: ja" "2.5/s1 without new partners is complete"
k stakeholder add "$C" --name "Dirk DPG" --org "GGD Zaanstreek-Waterland" --level bestuurlijk --date 2026-03-06
run --db "$DB" signoff "$C" 1.5/s1 --decision go --signer "Dirk DPG" --role directeur-pg --org "GGD Zaanstreek-Waterland" --document "akkoord DPG" --date 2026-03-06
expect_rc 0 "the director of public health may agree at 1.5 (optional)"
run --db "$DB" signoff show "$C" 1.5/s1
expect_out "Compleet: nee" "but the wethouder's decision is still needed"
run --db "$DB" show 1.6
expect_out "Jurist" "1.6 lists the jurist among who takes part (regels 2640-2650)"
finish
