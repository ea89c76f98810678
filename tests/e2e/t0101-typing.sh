#!/usr/bin/env bash
# Accept what people type (issue 17): listed values, organisation, area and
# municipality names in any case and with or without accents, stored as the
# lists and the register spell them; one "bedoelde je" for a near miss; a
# suggestion never creates a duplicate; Dutch dates; --score names its scale.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=typing.db
q() { sqlite3 "$DB" "$1"; }
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k municipality add GM0415 Landsmeer --date 2026-01-05

# ---- municipalities: CBS codes in any case, names --------------------------------------
run --db "$DB" org add gm0479 "Gemeente Zaanstad" --type Gemeente --date 2026-01-06
expect_rc 0 "gm0479 is GM0479"
expect_out "GM0479" "gm0479 confirmed as GM0479"
run --db "$DB" org add zaanstad "GGD Zaanstreek" --type GGD --date 2026-01-06
expect_rc 0 "a municipality given by name"
check '[ "$(q "SELECT count(*) FROM organisation WHERE municipality = '"'GM0479'"'")" = 2 ]' "both organisations are Zaanstad's"
run --db "$DB" org add ZAANSTAD "Wijkteam Zaanstad" --type wijkteam --date 2026-01-06
expect_rc 0 "a name in capitals"
rejected "a near miss of a municipality" "onbekende gemeente 'zaanstd'; bedoelde je Zaanstad (GM0479)?" org list zaanstd
rejected "no municipality at all" "ongeldige gemeentecode" org list GM04

# ---- listed values ----------------------------------------------------------------------
check '[ "$(q "SELECT group_concat(type, '"','"') FROM organisation ORDER BY id")" = "gemeente,ggd,wijkteam" ]' \
	"organisation types stored as the list spells them (Gemeente, GGD)"
run --db "$DB" org add GM0479 "Diëtistenpraktijk Zaandam" --type Diëtist --date 2026-01-06
expect_rc 0 "org type diëtist with an accent and a capital"
check '[ "$(q "SELECT type FROM organisation WHERE name LIKE '"'Di%'"'")" = dietist ]' "diëtist stored as dietist"
run --db "$DB" org add GM0479 "JGZ Zaanstreek" --type JGZ --date 2026-01-06
expect_rc 0 "org type JGZ"
run --db "$DB" stakeholder add GM0479 --name "Wim Wethouder" --org "Gemeente Zaanstad" --level Bestuurlijk --date 2026-01-06
expect_rc 0 "level Bestuurlijk"
check '[ "$(q "SELECT level FROM person WHERE name = '"'Wim Wethouder'"'")" = bestuurlijk ]' "level stored as bestuurlijk"
run --db "$DB" stakeholder assess GM0479 1 --commitment geïnformeerd --influence Hoog --stance VOOR --date 2026-01-07
expect_rc 0 "commitment geïnformeerd, influence Hoog, stance VOOR"
check 'q "SELECT data FROM event WHERE kind = '"'stakeholder.assess'"'" | grep -q "\"commitment\":\"geinformeerd\".*\"influence\":\"hoog\".*\"stance\":\"voor\""' \
	"assessment stored as the lists spell it"
run --db "$DB" stakeholder assess GM0479 1 --commitment "Formeel vastgelegd" --date 2026-01-08
expect_rc 0 "a list item by its words: Formeel vastgelegd"
check 'q "SELECT data FROM event WHERE kind = '"'stakeholder.assess'"' ORDER BY id DESC LIMIT 1" | grep -q "formeel-vastgelegd"' "stored as formeel-vastgelegd"
run --db "$DB" role assign GM0479 1 Wethouder --date 2026-01-08
expect_rc 0 "role Wethouder"
check '[ "$(q "SELECT target FROM event WHERE kind = '"'role.assign'"'")" = wethouder ]' "role stored as wethouder"
run --db "$DB" factor GM0479 Draagvlak --score 3 --date 2026-01-09
expect_rc 0 "factor Draagvlak"
check '[ "$(q "SELECT target FROM event WHERE kind = '"'factor'"'")" = draagvlak ]' "factor stored as draagvlak"
k cycle start GM0479 3 --date 2026-02-01
run --db "$DB" quickscan GM0479 --theme Cliëntgerichtheid --score 4 --date 2026-02-02
expect_rc 0 "QuickScan theme Cliëntgerichtheid"
check '[ "$(q "SELECT target FROM event WHERE kind = '"'quickscan'"'")" = clientgerichtheid ]' "theme stored as clientgerichtheid"
rejected "a near miss of a level" "niveau 'bestuurlik' bestaat niet; bedoelde je 'bestuurlijk'?" \
	stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --level bestuurlik
rejected "a near miss of a role" "bedoelde je 'wethouder'?" role assign GM0479 1 wethoder
rejected "a near miss of a factor" "onbekende factor 'draagvlk'; bedoelde je 'draagvlak'?" factor GM0479 draagvlk --score 3
rejected "far from any level" "kies uit: bestuurlijk" stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --level xyzzy

# ---- organisations: matched as typed, a suggestion never makes a second one ------------------
run --db "$DB" stakeholder add GM0479 --name "Bea Beleid" --org "gemeente zaanstad" --date 2026-01-10
expect_rc 0 "--org in lower case finds Gemeente Zaanstad"
check '[ "$(q "SELECT o.name FROM person p JOIN organisation o ON o.id = p.organisation_id WHERE p.name = '"'Bea Beleid'"'")" = "Gemeente Zaanstad" ]' \
	"Bea is at the existing organisation"
run --db "$DB" stakeholder add GM0479 --name "Ben Beleid" --org "gemeente zaanstad" --org-type gemeente --date 2026-01-10
expect_rc 0 "--org-type with an existing name (other case) adds no organisation"
check '[ "$(q "SELECT count(*) FROM organisation WHERE name LIKE '"'gemeente zaanstad'"'")" = 1 ]' "still one Gemeente Zaanstad"
rejected "org add of the same name in lower case" "GM0479 heeft al een organisatie 'Gemeente Zaanstad'" org add GM0479 "gemeente zaanstad" --type gemeente
rejected "a near miss of an organisation" "onbekende organisatie 'gemeente zaanstd'; bedoelde je 'Gemeente Zaanstad'?" \
	stakeholder add GM0479 --name "Iemand" --org "gemeente zaanstd"
check 'case "$err" in *"org add"*) false ;; *) true ;; esac' "the near miss does not suggest adding a second organisation"
rejected "an unknown organisation" "voeg die toe met 'kngg org add GM0479" stakeholder add GM0479 --name "Iemand" --org "Huisartsen Oost"
run --db "$DB" org lead GM0479 "jgz zaanstreek" --date 2026-01-11
expect_rc 0 "org lead with the name in lower case"

# ---- areas ---------------------------------------------------------------------------------
k area add GM0479 Poelenburg --date 2026-03-01
run --db "$DB" step start GM0479 2.1 --area POELENBURG --date 2026-03-02
expect_rc 0 "--area in capitals"
check '[ "$(q "SELECT a.name FROM event e JOIN area a ON a.id = e.area_id WHERE e.kind = '"'step.start'"'")" = Poelenburg ]' "the step runs in Poelenburg"
rejected "a second area of the same name" "Poelenburg" area add GM0479 poelenburg --date 2026-03-03

# ---- dates as Dutch people write them ----------------------------------------------------------
i=0
for d in 1-7-2026 01-07-2026 "1 juli 2026" "1 Juli 2026" "1 JUL 2026" "1 jul. 2026" 2026-7-1 2026-07-01 1/7/2026 1.7.2026; do
	i=$((i + 1))
	run --db "$DB" factor GM0479 leren --score 3 --date "$d" --note "d$i"
	expect_rc 0 "date '$d'"
	check '[ "$(q "SELECT date FROM event WHERE note = '"'d$i'"'")" = 2026-07-01 ]' "date '$d' stored as 2026-07-01"
done
run --db "$DB" factor GM0479 leren --score 3 --date "3 mrt 2026" --note maart
check '[ "$(q "SELECT date FROM event WHERE note = '"'maart'"'")" = 2026-03-03 ]' "3 mrt 2026 is 3 March"
for d in 31-2-2026 29-2-2026 7-31-2026 "1 juliet 2026" 1-7-26 32-1-2026 "1 juli" 2026-02-30; do
	rejected "impossible or ambiguous date '$d'" "ongeldige datum '$d'" factor GM0479 leren --score 3 --date "$d"
done
run --db "$DB" factor GM0479 leren --score 3 --date 29-2-2028
expect_rc 1 "29-2-2028 is in the future here"
expect_err "toekomst" "a leap day in the future is refused as future, not as impossible"
run --db "$DB" status GM0479 --as-of "1 juli 2026" --format json
expect_rc 0 "--as-of in Dutch"
check 'printf "%s" "$out" | grep -q "2026-07-01"' "--as-of 1 juli 2026 is 2026-07-01"
run --db "$DB" log GM0479 --since 1-7-2026
expect_rc 0 "--since in Dutch"
expect_no_out "2026-03-03" "--since 1-7-2026 leaves out March"

# ---- scores --------------------------------------------------------------------------------------
rejected "a comma score" "valt buiten de schaal: geef een heel getal van 1 tot en met 5 (geen halve punten)" factor GM0479 draagvlak --score 3,5
expect_rc 2 "a comma score is a usage error"
check 'case "$err" in *1000*) false ;; *) true ;; esac' "the message does not speak of -1000 to 1000"
rejected "a score above the scale" "van 1 tot en met 5" factor GM0479 draagvlak --score 6
rejected "a QuickScan score with a comma" "heel getal van" quickscan GM0479 --theme ketencommitment --score 2,5
finish
