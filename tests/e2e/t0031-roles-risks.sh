#!/usr/bin/env bash
# kngg role (assign, end, list: history kept) and kngg risks (sole role
# holders, stale commitment, committers who left, informed is not committed).
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=r.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-05 >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# add NAME [ORG TYPE]: adds a stakeholder, prints its id
add() {
	"$KNGG" --db "$DB" stakeholder add GM0479 --name "$1" --org "${2:-Gemeente Zaanstad}" \
		${3:+--org-type "$3"} --date 2026-01-06 | sed -n 's/^GM0479: stakeholder \([0-9]*\) .*/\1/p'
}
# risk_lines: the risk lines of `risks` text output on $out
# risk_lines: one line per risk (the text output wraps each "- " item to 80
# columns; its continuation lines start with two spaces)
risk_lines() {
	printf '%s\n' "$out" | awk '/^- / { if (l != "") print l; l = substr($0, 3); next }
		/^  / && l != "" { l = l " " substr($0, 3); next }
		{ if (l != "") print l; l = "" } END { if (l != "") print l }'
}

A=$(add "Anouk Çelik")
B=$(add "Bram Bakker")
C=$(add "Carla Chen")
D=$(add "Dirk de Groot")
G=$(add "Gijs GGD" "GGD Zaanstreek" ggd)
check '[ -n "$A" ] && [ -n "$G" ]' "stakeholders added"
OTHER=$("$KNGG" --db "$DB" stakeholder add GM0363 --name "Ander Persoon" --org "GGD Amsterdam" --org-type ggd --date 2026-01-06 |
	sed -n 's/^GM0363: stakeholder \([0-9]*\) .*/\1/p')

# --- nothing yet ----------------------------------------------------------------------
run --db "$DB" risks GM0479
expect_rc 0 "risks without roles"
expect_no_err "risks without roles"
expect_out "geen risico's gevonden" "no risks at the start"
run --db "$DB" role list GM0479
expect_rc 0 "role list without roles"
expect_out "geen actieve rollen" "role list says there are none"

# --- a sole projectleider ----------------------------------------------------------------
run --db "$DB" role assign GM0479 "$A" projectleider --date 2026-01-10 --note "start project"
expect_rc 0 "role assign"
expect_no_err "role assign"
expect_out "projectleider" "role assign confirms"
run --db "$DB" risks GM0479
expect_rc 0 "risks exits 0 when it finds risks"
expect_out "Anouk Çelik" "sole projectleider named"
expect_out "plaatsvervanger" "advice to appoint a deputy"
check '[ "$(risk_lines | grep -ci projectleider)" = 1 ]' "one risk line for the projectleider"
expect_out "1 risico" "risk count"
run --db "$DB" risks GM0479 --format json
expect_rc 0 "risks json"
check '[ "$(json "[(r[\"kind\"], r[\"role\"], r[\"person\"]) for r in d]")" = "[('"'"'sole-holder'"'"', '"'"'projectleider'"'"', $A)]" ]' \
	"json: the sole-holder risk with role and person"
check '[ "$(json "len(set(tuple(sorted(r)) for r in d))")" = 1 ]' "json risks have the same keys"
run --db "$DB" risks GM0479 --as-of 2026-01-09
expect_out "geen risico's gevonden" "--as-of before the assignment: no risk"

run --db "$DB" role assign GM0479 "$B" projectleider --deputy --date 2026-01-20
expect_rc 0 "assign a deputy"
expect_out "plaatsvervanger" "deputy confirmed"
run --db "$DB" risks GM0479
expect_out "geen risico's gevonden" "a deputy removes the sole-holder risk"
run --db "$DB" risks GM0479 --as-of 2026-01-15
expect_out "Anouk Çelik" "--as-of before the deputy: the risk was there"
run --db "$DB" role list GM0479
check 'printf "%s\n" "$out" | grep "Anouk Çelik" | grep -q "sinds 2026-01-10"' "role list: holder with since-date"
check 'printf "%s\n" "$out" | grep "Bram Bakker" | grep -q "(plaatsvervanger)"' "role list: deputy marked"

# --- rejections --------------------------------------------------------------------------
rejected "assign a role already held" "al" role assign GM0479 "$A" projectleider --date 2026-02-01
rejected "end a role not held" "kerngroep" role end GM0479 "$C" kerngroep --date 2026-02-01
rejected "unknown role" "rol 'baas'" role assign GM0479 "$C" baas --date 2026-02-01
rejected "end an unknown role" "rol 'baas'" role end GM0479 "$C" baas --date 2026-02-01
rejected "role for an unknown person" "geen persoon 999" role assign GM0479 999 kerngroep
rejected "role for another municipality's person" "geen persoon $OTHER" role assign GM0479 "$OTHER" kerngroep
rejected "role in an unknown municipality" "onbekende gemeente 'GM0001'" role assign GM0001 "$A" kerngroep
rejected "role in the future" "toekomst" role assign GM0479 "$C" kerngroep --date 2026-06-16
rejected "role on an impossible date" "ongeldige datum '2026-04-31'" role assign GM0479 "$C" kerngroep --date 2026-04-31
rejected "end before the start" "2026-01-10" role end GM0479 "$A" projectleider --date 2026-01-05
for id in x 0 -3; do
	rejected "role with person id '$id'" "" role assign GM0479 "$id" kerngroep
	expect_rc 2 "person id '$id' is a usage error"
done
rejected "role assign without a role" "" role assign GM0479 "$C"
expect_rc 2 "missing role is a usage error"
rejected "unknown role subcommand" "'role swap'" role swap GM0479 "$C" kerngroep
rejected "role list of an unknown municipality" "onbekende gemeente 'GM0001'" role list GM0001

# --- a change of projectleider keeps both ---------------------------------------------------
run --db "$DB" stakeholder assess GM0479 "$A" --commitment toegezegd --date 2026-02-01
expect_rc 0 "Anouk commits as projectleider"
run --db "$DB" role end GM0479 "$A" projectleider --date 2026-03-01
expect_rc 0 "end the old projectleider"
# a key role: a handover is asked for on stderr (issue 18, t0230)
check '[[ "$err" == "kngg: let op: projectleider is een sleutelrol"* ]]' "role end asks for a handover"
run --db "$DB" role assign GM0479 "$C" projectleider --date 2026-03-01
expect_rc 0 "assign the new projectleider"
run --db "$DB" role list GM0479
expect_no_out "Anouk Çelik" "active roles: the old projectleider is gone"
check 'printf "%s\n" "$out" | grep "Carla Chen" | grep -q "sinds 2026-03-01"' "active roles: the new projectleider"
run --db "$DB" role list GM0479 --all
check 'printf "%s\n" "$out" | grep "Anouk Çelik" | grep -q "2026-01-10 → 2026-03-01"' "--all: the old projectleider with until-date"
check 'printf "%s\n" "$out" | grep "Carla Chen" | grep -q "sinds 2026-03-01"' "--all: the new one too"
run --db "$DB" stakeholder list GM0479 --format json
check '[ "$(json "[(r[\"role\"], r[\"from\"], r[\"until\"]) for p in d if p[\"id\"]==$A for r in p[\"roles\"]]")" = "[('"'"'projectleider'"'"', '"'"'2026-01-10'"'"', '"'"'2026-03-01'"'"')]" ]' \
	"json keeps the ended role"
run --db "$DB" stakeholder show GM0479 "$A"
expect_out "projectleider  2026-01-10 → 2026-03-01" "show: the ended role"
rejected "end a role already ended" "projectleider" role end GM0479 "$A" projectleider --date 2026-03-02
run --db "$DB" role assign GM0479 "$A" projectleider --date 2026-03-05
expect_rc 0 "a role can be held again after it ended"
run --db "$DB" role end GM0479 "$A" projectleider --date 2026-03-06
expect_rc 0 "and ended again"
run --db "$DB" role list GM0479 --all
check '[ "$(printf "%s\n" "$out" | grep -c "Anouk Çelik")" = 2 ]' "--all: both periods of Anouk"

# the old projectleider's commitment: given in a role since ended
run --db "$DB" risks GM0479
expect_out "Anouk Çelik ($A) gaf commitment op 1 februari 2026" "committer who left the role is reported"
run --db "$DB" risks GM0479 --format json
check '[ "$(json "[r[\"kind\"] for r in d if r[\"person\"]==$A and r[\"kind\"]!=\"no-handover\"]")" = "['"'"'committer-left'"'"']" ]' "json: committer-left"
check '[ "$(json "[r[\"kind\"] for r in d if r[\"role\"]==\"projectleider\" and r[\"kind\"]!=\"no-handover\"]")" = "['"'"'committer-left'"'"']" ]' \
	"Carla with Bram as deputy is no sole holder"

# --- stale commitment ---------------------------------------------------------------------
run --db "$DB" stakeholder assess GM0479 "$D" --commitment toegezegd --date 2025-05-01
expect_rc 0 "a commitment from last year"
export KNGG_TODAY=2026-05-01
run --db "$DB" risks GM0479
expect_no_out "Dirk de Groot" "exactly twelve months: not yet stale"
export KNGG_TODAY=2026-05-02
run --db "$DB" risks GM0479
expect_out "Dirk de Groot" "more than twelve months: stale"
expect_out "twaalf maanden" "stale commitment says why"
export KNGG_TODAY=2026-06-15
run --db "$DB" risks GM0479 --format json
check '[ "$(json "[r[\"kind\"] for r in d if r[\"person\"]==$D]")" = "['"'"'stale-commitment'"'"']" ]' "json: stale-commitment"
run --db "$DB" risks GM0479 --as-of 2026-01-01
expect_no_out "Dirk de Groot" "--as-of: not stale then"
# an analysis that does not mention commitment does not confirm it
run --db "$DB" stakeholder assess GM0479 "$D" --interest hoog --date 2026-05-20
expect_rc 0 "an analysis without commitment"
run --db "$DB" risks GM0479
expect_out "Dirk de Groot" "commitment still dates from 2025 after an analysis that did not mention it"
check 'printf "%s" "$out" | tr "\n" " " | tr -s " " | grep -q "1 mei 2025"' "stale commitment names the day it was given"
run --db "$DB" stakeholder assess GM0479 "$D" --commitment toegezegd --date 2026-06-01 --note "opnieuw bevestigd"
run --db "$DB" risks GM0479
expect_no_out "Dirk de Groot" "a confirmed commitment is no longer stale"

# informed long ago is no commitment at all: never stale
run --db "$DB" stakeholder assess GM0479 "$B" --commitment geinformeerd --date 2024-01-01
run --db "$DB" risks GM0479
expect_no_out "Bram Bakker" "an old 'geinformeerd' is not a stale commitment"

# --- a running step that expects an organisation type ----------------------------------------
"$KNGG" --db "$DB" step start GM0479 1.2 --date 2026-02-01 >/dev/null
run --db "$DB" stakeholder assess GM0479 "$G" --commitment geinformeerd --date 2026-02-02
run --db "$DB" risks GM0479
check 'risk_lines | grep "1.2" | grep -q "GGD"' "step 1.2 runs and the GGD is only informed: reported"
run --db "$DB" risks GM0479 --format json
check '[ "$(json "[r[\"step\"] for r in d if r[\"organisation_type\"]==\"ggd\"]")" = "['"'"'1.2'"'"']" ]' "json: org-uncommitted for ggd"
run --db "$DB" stakeholder assess GM0479 "$G" --commitment toegezegd --date 2026-02-03
run --db "$DB" risks GM0479 --format json
check '[ "$(json "[r for r in d if r[\"organisation_type\"]==\"ggd\"]")" = "[]" ]' "a committed GGD person removes it"
check '[ "$(json "len([r for r in d if r[\"organisation_type\"]==\"gemeente\"])")" = 0 ]' "the gemeente has committed people"

# --- risks rejections ---------------------------------------------------------------------------
rejected "risks of an unknown municipality" "onbekende gemeente 'GM0001'" risks GM0001
rejected "risks with a bad --as-of" "ongeldige datum '2026-02-30'" risks GM0479 --as-of 2026-02-30
rejected "risks with an unknown format" "'csv'" risks GM0479 --format csv
expect_rc 2 "unknown format is a usage error"
rejected "risks without a municipality" "" risks
expect_rc 2 "missing municipality is a usage error"

finish
