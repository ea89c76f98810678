#!/usr/bin/env bash
# Defaults (issue 17): the municipality from KNGG_GEMEENTE, the config file
# or the only one in the database; --by from KNGG_BY or the config file;
# explicit arguments always win; step ids are never municipalities; a
# default --by that is not in the register is not used and adds nobody.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=defaults.db
q() { sqlite3 "$DB" "$1"; }
k init

# ---- no municipality yet: nothing to default to ------------------------------------------------
rejected "status with no municipality at all" "CODE ontbreekt (de gemeente" status
expect_rc 2 "a missing CODE is a usage error"

# ---- the only municipality in the database ----------------------------------------------------------
k municipality add GM0479 Zaanstad --date 2026-01-05
run --db "$DB" step start 1.1 --date 2026-01-10
expect_rc 0 "step start without CODE: the only municipality"
expect_out "GM0479: stap 1.1 gestart" "the step started in Zaanstad"
run --db "$DB" org add "Gemeente Zaanstad" --type gemeente --date 2026-01-10
expect_rc 0 "org add without CODE"
check '[ "$(q "SELECT municipality FROM organisation")" = GM0479 ]' "the organisation is Zaanstad's"
run --db "$DB" status
expect_rc 0 "status without CODE"
expect_out "Zaanstad" "status of the only municipality"

# ---- two municipalities: KNGG_GEMEENTE, the config file, explicit wins -------------------------------
k municipality add GM0415 Landsmeer --date 2026-01-05
rejected "two municipalities and no default" "CODE ontbreekt" status
rejected "a step id is not a municipality" "CODE ontbreekt" step start 1.2
KNGG_GEMEENTE=GM0415 run --db "$DB" step start 1.1 --date 2026-01-11
expect_out "GM0415: stap 1.1 gestart" "KNGG_GEMEENTE=GM0415"
KNGG_GEMEENTE=landsmeer run --db "$DB" status --format json
check 'printf "%s" "$out" | grep -q "\"GM0415\""' "KNGG_GEMEENTE by name"
run --db "$DB" config gemeente zaanstad
expect_rc 0 "kngg config gemeente zaanstad"
check 'grep -q "^gemeente = zaanstad$" "$XDG_CONFIG_HOME/kngg/config"' "the config file has gemeente = zaanstad"
run --db "$DB" step start 1.2 --date 2026-01-12
expect_out "GM0479: stap 1.2 gestart" "the config file's municipality"
KNGG_GEMEENTE=GM0415 run --db "$DB" step start 1.2 --date 2026-01-12
expect_out "GM0415: stap 1.2 gestart" "KNGG_GEMEENTE wins over the config file"
run --db "$DB" step start GM0415 1.3 --date 2026-01-12
expect_out "GM0415: stap 1.3 gestart" "an explicit code wins over the defaults"
run --db "$DB" step start Landsmeer 1.4 --date 2026-01-12
expect_out "GM0415: stap 1.4 gestart" "an explicit name wins over the defaults"
run --db "$DB" step start gm0415 1.5 --date 2026-01-12
expect_out "GM0415: stap 1.5 gestart" "an explicit code in lower case"
KNGG_GEMEENTE=GM0001 rejected "an unknown default municipality" "GM0001" status
KNGG_GEMEENTE=Atlantis rejected "a default that names no municipality" "onbekende gemeente 'Atlantis' (uit KNGG_GEMEENTE)" status

# ---- --by from KNGG_BY and the config file -----------------------------------------------------------------------
k stakeholder add GM0479 --name "Anna de Vries" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-05
KNGG_BY="anna de vries" run --db "$DB" step start 1.6 --date 2026-01-13
expect_rc 0 "KNGG_BY names a person of the register (other case)"
check '[ "$(q "SELECT p.name FROM event e JOIN person p ON p.id = e.by_person WHERE e.target = '"'1.6'"'")" = "Anna de Vries" ]' \
	"KNGG_BY recorded as Anna de Vries"
run --db "$DB" config door "Anna de Vries"
expect_rc 0 "kngg config door"
run --db "$DB" config
expect_out "door      Anna de Vries" "kngg config shows door"
expect_out "gemeente  zaanstad" "kngg config shows gemeente"
run --db "$DB" step start 1.7 --date 2026-01-14
check '[ "$(q "SELECT p.name FROM event e JOIN person p ON p.id = e.by_person WHERE e.target = '"'1.7'"'")" = "Anna de Vries" ]' \
	"door from the config file recorded"
persons=$(q "SELECT count(*) FROM person")
run --db "$DB" step start GM0415 1.6 --date 2026-01-14
expect_rc 0 "a default --by unknown in Landsmeer does not block"
check 'case "$err" in "kngg: let op: '"'"'Anna de Vries'"'"' (uit door in het configuratiebestand) staat niet in het register van GM0415"*) true ;; *) false ;; esac' \
	"a warning says the default --by was not used"
check '[ "$(q "SELECT count(*) FROM person")" = "$persons" ]' "a default --by never adds a person"
check '[ -z "$(q "SELECT by_person FROM event WHERE municipality = '"'GM0415'"' AND target = '"'1.6'"'")" ]' "recorded without --by"
run --db "$DB" step start 1.8 --date 2026-01-15 --by "Anna de Vries"
expect_rc 0 "an explicit --by"
KNGG_BY="Piet Onbekend" rejected "an explicit unknown --by still refused" "heeft geen persoon 'Bram'" factor leren --score 3 --by Bram
run --db "$DB" config door ""
expect_out "door gewist" "kngg config door '' clears it"
check '! grep -q "^door" "$XDG_CONFIG_HOME/kngg/config"' "door gone from the file"
rejected "an unknown config key" "onbekende sleutel 'kleur'" config kleur blauw
expect_rc 2 "an unknown key is a usage error"

# ---- help documents it --------------------------------------------------------------------------------------------------
run help config
expect_out "KNGG_GEMEENTE" "kngg help config names KNGG_GEMEENTE"
expect_out "~/.config/kngg/config" "kngg help config names the file"
run help signoff
expect_out "--new-person" "kngg help signoff documents --new-person"
finish
