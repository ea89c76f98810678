#!/usr/bin/env bash
# kngg readiness, phase declare and region: the rules of phases/gereedheid.xml
# (steps done, sign-offs go, commitment from 'toegezegd', as-of dates),
# phase 2 per area, the declared phase next to the calculated one, regions
# and --all as one row per municipality, and the refusals.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=g.db
# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# csv EXPR: over r = the CSV records on $out (as dicts)
csv() { printf '%s' "$out" | python3 -c "import csv,sys; r=list(csv.DictReader(sys.stdin)); print($1)"; }
# missing_ids / met_ids: the ids in the top-level lists of the JSON on $out
missing_ids() { json '" ".join(m["id"] for m in d["missing"])'; }
met_ids() { json '" ".join(m["id"] for m in d["met"])'; }
has_word() { case " $1 " in *" $2 "*) return 0 ;; *) return 1 ;; esac; }

k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k municipality add GM0415 Landsmeer --date 2026-01-05
k municipality add GM0363 Amsterdam --date 2026-01-05

# --- (1) 1.1, 1.2 and 1.4 done, 1.3 not ------------------------------------------------
k step done GM0415 1.1 --date 2026-02-01
k step done GM0415 1.2 --date 2026-02-10
k step done GM0415 1.4 --date 2026-03-01
k step start GM0415 1.3 --date 2026-01-20
run --db "$DB" readiness GM0415 --phase 1 --format json
expect_rc 0 "readiness json exits 0 when not ready"
expect_no_err "readiness json"
check '[ "$(json "d[\"ready\"]")" = False ]' "(1) phase 1 not ready"
check 'has_word "$(missing_ids)" 1.3' "(1) 1.3 is missing"
check '! has_word "$(missing_ids)" 1.1 && ! has_word "$(missing_ids)" 1.2 && ! has_word "$(missing_ids)" 1.4' \
	"(1) 1.1, 1.2, 1.4 are not missing"
check 'has_word "$(met_ids)" 1.1 && has_word "$(met_ids)" 1.2 && has_word "$(met_ids)" 1.4' "(1) 1.1, 1.2, 1.4 are met"
check '[ "$(json "[m[\"kind\"] for m in d[\"missing\"] if m[\"id\"]==\"1.3\"][0]")" = gedaan ]' "(1) the 1.3 rule is 'gedaan'"
check '[ "$(json "d[\"scope\"]+\"|\"+d[\"municipality\"]+\"|\"+d[\"name\"]")" = "fase 1|GM0415|Landsmeer" ]' \
	"(1) scope, municipality, name"
check '[ "$(json "d[\"oldest_stalled\"]")" = "1.3 sinds 2026-01-20" ]' "(1) 1.3 open since January is the oldest stalled step"
run --db "$DB" readiness GM0415 --phase 1
expect_rc 0 "readiness text exits 0 when not ready"
expect_no_err "readiness text"
check 'printf "%s\n" "$out" | head -1 | grep -qx "GM0415 Landsmeer — gereedheid fase 1 (stand op 2026-06-15)"' "(1) text header"
expect_out "berekende fase: 1; opgegeven fase: nog niet opgegeven" "(1) text: calculated phase, none declared"
check 'printf "%s\n" "$out" | grep -q "^NIET GEREED: [0-9]* van [0-9]* regels ontbre\(ken\|ekt\)\(; [0-9]* advie\(s\|zen\) (niet bindend)\)\?$"' "(1) text: not ready line"
check 'printf "%s\n" "$out" | grep -q "^  ✗ stap 1.3 "' "(1) text: 1.3 crossed"
check 'printf "%s\n" "$out" | grep -q "^  ✓ stap 1.4 .*afgerond op 2026-03-01"' "(1) text: 1.4 ticked"
check 'printf "%s\n" "$out" | grep -A3 "^  ✗ stap 1.3 " | grep -q "^    → kngg step done GM0415 1.3$"' "(1) text: the fix under 1.3"
expect_out "waarschuwingen:" "(1) text: warnings heading"
check 'printf "%s\n" "$out" | grep -q "^  ! stap 1.3 loopt sinds 2026-01-20"' "(1) text: the stalled step is a warning"
run --db "$DB" readiness GM0415 --phase 1 --format md
expect_rc 0 "readiness md"
check 'printf "%s\n" "$out" | head -1 | grep -qx "# Gereedheid GM0415 Landsmeer: fase 1"' "md: title"
check 'printf "%s\n" "$out" | grep -q "^- \[ \] stap 1.3 "' "md: open checkbox for 1.3"
check 'printf "%s\n" "$out" | grep -q "^- \[x\] stap 1.1 "' "md: ticked checkbox for 1.1"
expect_out "## Waarschuwingen" "md: warnings section"
check 'printf "%s\n" "$out" | grep -q "^- stap 1.3 loopt sinds"' "md: warnings as a list"
run --db "$DB" readiness GM0415 --step 1.3 --format json
check '[ "$(json "d[\"scope\"]")" = "stap 1.3" ] && [ "$(json "d[\"ready\"]")" = False ]' "step 1.3: scope, not ready"
check '[ "$(json "sorted(set(m[\"kind\"] for m in d[\"missing\"]))")" = "['"'"'gedaan'"'"']" ]' "step 1.3 asks only activities and deliverables"

# --- (2) no-go and then go at 1.5/s1 -----------------------------------------------------
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
k org add GM0479 "JGZ Zaanstreek" --type jgz --date 2026-01-06
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --level bestuurlijk --date 2026-01-07 # 1
k stakeholder add GM0479 --name "Piet Pieters" --org "JGZ Zaanstreek" --level bestuurlijk --date 2026-01-07  # 2
wethouder=(--signer "Jan Jansen" --new-person --role wethouder --org "Gemeente Zaanstad")
k signoff GM0479 1.5/s1 --decision no-go "${wethouder[@]}" --document "B&W-besluit 2026/12" \
	--argument "Geen dekking in de begroting 2026" --date 2026-03-01
run --db "$DB" readiness GM0479 --step 1.5 --format json
expect_rc 0 "step 1.5 after a no-go"
check 'has_word "$(missing_ids)" 1.5/s1' "(2) after the no-go 1.5/s1 is missing"
check '[ "$(json "[m[\"kind\"] for m in d[\"missing\"] if m[\"id\"]==\"1.5/s1\"][0]")" = getekend ]' "(2) 1.5/s1 rule is 'getekend'"
check '[ "$(json "[m[\"fix\"] for m in d[\"missing\"] if m[\"id\"]==\"1.5/s1\"][0]")" != None ]' "(2) 1.5/s1 comes with a fix"
k signoff GM0479 1.5/s1 --decision go "${wethouder[@]}" --document "B&W-besluit 2026/20" --date 2026-03-12
run --db "$DB" readiness GM0479 --step 1.5 --format json
check '! has_word "$(missing_ids)" 1.5/s1' "(2) after the go 1.5/s1 is no longer missing"
check 'has_word "$(met_ids)" 1.5/s1' "(2) after the go 1.5/s1 is met"
run --db "$DB" readiness GM0479 --step 1.5 --as-of 2026-03-05 --format json
check 'has_word "$(missing_ids)" 1.5/s1' "(2) --as-of between no-go and go: 1.5/s1 missing"

# --- (3) informed is not committed ---------------------------------------------------------
# commitment_state: "met"/"missing" of the rule niveau=bestuurlijk organisatie=gemeente of 1.5
commitment_state() {
	json '[("met" if m in d["met"] else "missing") for m in d["met"]+d["missing"]+d["advice"] if m["kind"]=="commitment" and "bestuurlijk" in m["text"] and "Gemeente" in m["text"]][0]'
}
k stakeholder assess GM0479 1 --commitment geinformeerd --date 2026-04-01
run --db "$DB" readiness GM0479 --step 1.5 --format json
check '[ "$(commitment_state)" = missing ]' "(3) a wethouder only 'geinformeerd' leaves the gemeente/bestuurlijk commitment missing"
k stakeholder assess GM0479 1 --commitment toegezegd --date 2026-04-15
run --db "$DB" readiness GM0479 --step 1.5 --format json
check '[ "$(commitment_state)" = met ]' "(3) after 'toegezegd' the commitment is met"
run --db "$DB" readiness GM0479 --step 1.5 --format json --as-of 2026-04-10
check '[ "$(commitment_state)" = missing ]' "(3) --as-of before 'toegezegd': missing again"
run --db "$DB" readiness GM0479 --step 1.5
check 'printf "%s\n" "$out" | grep -A1 "^  ✓ minstens 1 persoon met commitment" | grep -q "bestuurlijk, van Gemeente"' \
	"(3) text: the gemeente commitment ticked"

# --- (4) --as-of before and after a step was done -------------------------------------------
k step done GM0479 1.1 --date 2026-02-01
run --db "$DB" readiness GM0479 --phase 1 --as-of 2026-01-31 --format json
check 'has_word "$(missing_ids)" 1.1' "(4) --as-of the day before: 1.1 missing"
check '[ "$(json "d[\"as_of\"]")" = 2026-01-31 ]' "(4) as_of echoed"
run --db "$DB" readiness GM0479 --phase 1 --as-of 2026-02-01 --format json
check '! has_word "$(missing_ids)" 1.1 && has_word "$(met_ids)" 1.1' "(4) --as-of the day itself: 1.1 met"
run --db "$DB" readiness GM0479 --phase 1 --as-of 2026-01-31
expect_out "(stand op 2026-01-31)" "(4) text header names the as-of date"

# --- (6) the declared phase next to the calculated one -----------------------------------------
run --db "$DB" phase declare GM0479 2 --date 2026-05-01 --by "Anouk Çelik" --new-person --note "experiment loopt"
expect_rc 0 "phase declare"
expect_no_err "phase declare"
expect_out "GM0479: opgegeven fase 2 vastgelegd" "phase declare confirms"
run --db "$DB" readiness GM0479
expect_rc 0 "readiness without --phase"
expect_out "berekende fase: 1; opgegeven fase: 2 sinds 2026-05-01" "(6) text: calculated 1, declared 2"
expect_out "verschil: de projectleider ziet de gemeente in fase 2; volgens het logboek is fase 1 nog niet af" \
	"(6) text: the difference explained"
run --db "$DB" readiness GM0479 --format json
check '[ "$(json "d[\"calculated_phase\"], d[\"declared_phase\"], d[\"declared_on\"]")" = "1 2 2026-05-01" ]' \
	"(6) json: calculated 1, declared 2 since 2026-05-01"
run --db "$DB" readiness GM0479 --as-of 2026-04-30 --format json
check '[ "$(json "d[\"declared_phase\"]")" = None ]' "(6) --as-of before the declaration: declared_phase null"
run --db "$DB" readiness GM0415 --format json
check '[ "$(json "d[\"declared_phase\"]")" = None ]' "(6) another municipality: nothing declared"
run --db "$DB" readiness GM0479 --format md
expect_out "Verschil" "(6) md: the difference"

# --- (8) the documented JSON shape ---------------------------------------------------------------
keys="['advice', 'as_of', 'calculated_phase', 'declared_on', 'declared_phase', 'met', 'missing', 'municipality', 'name', 'oldest_stalled', 'ready', 'scope', 'sections', 'warnings']"
for args in "GM0479" "GM0479 --phase 1" "GM0479 --step 1.5" "GM0415 --phase 2" "GM0479 --phase 3"; do
	# shellcheck disable=SC2086
	run --db "$DB" readiness $args --format json
	check '[ "$(json "sorted(d)")" = "$keys" ]' "(8) top-level keys of 'readiness $args'"
	check '[ "$(json "set(tuple(sorted(m)) for m in d[\"missing\"]+d[\"met\"]+d[\"advice\"]) <= {(\"area\", \"binding\", \"fix\", \"guide_lines\", \"id\", \"kind\", \"met\", \"text\", \"why\")}")" = True ]' \
		"(8) item keys of 'readiness $args'"
	check '[ "$(json "all(sorted(s)==[\"area\",\"gating\",\"ready\",\"rules\",\"scope\"] for s in d[\"sections\"]) and len(d[\"sections\"])>=1")" = True ]' \
		"(8) section keys of 'readiness $args'"
	check '[ "$(json "type(d[\"warnings\"]).__name__+type(d[\"ready\"]).__name__")" = listbool ]' "(8) types of 'readiness $args'"
done

# --- (7) phase 2: one section per area; the experiment gates phase 3 ----------------------------------
# handreiking regels 3270-3292: a pilot first, then larger areas and other
# target groups; expansion goes on in phase 3. A new target group re-runs
# 2.1-2.3, so Zaandam-Oost (a doelgroep) still shows 2.1 missing, but it does
# not hold phase 2 open.
run --db "$DB" readiness GM0479 --phase 2 --format json
check '[ "$(json "len(d[\"sections\"]), d[\"ready\"]")" = "1 False" ]' "phase 2 without areas: one blocking section"
k area add GM0479 Poelenburg --date 2026-05-01
k area add GM0479 "Zaandam-Oost" --kind doelgroep --date 2026-05-01
k step done GM0479 2.1 --area Poelenburg --date 2026-05-10
run --db "$DB" readiness GM0479 --phase 2 --format json
expect_rc 0 "phase 2 json"
check '[ "$(json "len(d[\"sections\"])")" = 2 ]' "(7) one section per area"
check '[ "$(json "sorted(s[\"area\"] for s in d[\"sections\"])")" = "['"'"'Poelenburg'"'"', '"'"'Zaandam-Oost'"'"']" ]' "(7) the areas"
check '[ "$(json "d[\"scope\"]")" = "fase 2" ]' "(7) the common scope"
check '[ "$(json "sorted(s[\"scope\"] for s in d[\"sections\"])")" = "['"'"'fase 2, gebied Poelenburg (experiment)'"'"', '"'"'fase 2, gebied Zaandam-Oost (nieuwe doelgroep; telt niet mee voor fase 3)'"'"']" ]' \
	"(7) each section's scope"
check '[ "$(json "sum(1 for s in d[\"sections\"] for m in s[\"rules\"] if m[\"binding\"] and not m[\"met\"]) == len(d[\"missing\"])")" = True ]' "(7) top-level missing is every section's"
check '[ "$(json "sorted(set(m[\"area\"] for m in d[\"missing\"]))")" = "['"'"'Poelenburg'"'"', '"'"'Zaandam-Oost'"'"']" ]' "(7) missing items carry their area"
check '[ "$(json "[m[\"id\"] for m in d[\"missing\"] if m[\"area\"]==\"Zaandam-Oost\" and m[\"id\"]==\"2.1\"]")" = "['"'"'2.1'"'"']" ]' \
	"(7) 2.1 missing in Zaandam-Oost"
check '[ "$(json "[m[\"id\"] for m in d[\"missing\"] if m[\"area\"]==\"Poelenburg\" and m[\"id\"]==\"2.1\"]")" = "[]" ]' \
	"(7) 2.1 not missing in Poelenburg"
run --db "$DB" readiness GM0479 --phase 2
check 'printf "%s\n" "$out" | grep -qx "fase 2, gebied Poelenburg (experiment)"' "(7) text: subheading per area (Poelenburg)"
check 'printf "%s\n" "$out" | grep -qx "fase 2, gebied Zaandam-Oost (nieuwe doelgroep; telt niet mee voor fase 3)"' "(7) text: subheading per area (Zaandam-Oost)"
check 'printf "%s\n" "$out" | head -1 | grep -qx "GM0479 Zaanstad — gereedheid fase 2 (stand op 2026-06-15)"' "(7) text header: fase 2"
run --db "$DB" readiness GM0479 --phase 2 --area Poelenburg --format json
check '[ "$(json "len(d[\"sections\"]), d[\"sections\"][0][\"area\"]")" = "1 Poelenburg" ]' "(7) --area: one section"
run --db "$DB" readiness GM0479 --step 2.1 --format json
check '[ "$(json "len(d[\"sections\"]), d[\"scope\"]")" = "2 stap 2.1" ]' "(7) a phase-2 step: per area too"
check '[ "$(json "[s[\"ready\"] for s in d[\"sections\"] if s[\"area\"]==\"Zaandam-Oost\"][0]")" = False ]' "(7) step 2.1 not ready in Zaandam-Oost"
run --db "$DB" readiness GM0479 --phase 2 --format md
check 'printf "%s\n" "$out" | grep -qx "## fase 2, gebied Poelenburg (experiment)"' "(7) md: a section per area"

# --- (5) regions and --all -----------------------------------------------------------------------
run --db "$DB" readiness --all --format json
check '[ "$(json "[r[\"municipality\"] for r in d]")" = "['"'"'GM0363'"'"', '"'"'GM0415'"'"', '"'"'GM0479'"'"']" ]' "(5) --all: every municipality"
run --db "$DB" region add "Zaanstreek-Waterland" GM0479 GM0415 --date 2026-05-01
expect_rc 0 "region add"
expect_no_err "region add"
expect_out "regio 'Zaanstreek-Waterland': 2 gemeenten toegevoegd" "region add confirms"
run --db "$DB" region list "Zaanstreek-Waterland"
expect_rc 0 "region list"
check '[ "$(printf "%s\n" "$out" | grep -c .)" = 2 ]' "region list: two members"
check 'printf "%s\n" "$out" | grep -q "^GM0479 .*Zaanstad$" && printf "%s\n" "$out" | grep -q "^GM0415 .*Landsmeer$"' "region list: code and name"
run --db "$DB" readiness --region Zaanstreek-Waterland
expect_rc 0 "readiness --region"
expect_no_err "readiness --region"
expect_out "GM0479" "(5) text: Zaanstad"
expect_out "GM0415" "(5) text: Landsmeer"
expect_no_out "GM0363" "(5) text: not Amsterdam"
check 'printf "%s\n" "$out" | grep -q "^gemeente  *naam  *fase  *opgegeven  *gereed  *blokkades  *oudste stilstand$"' \
	"(5) text: header row"
check 'printf "%s\n" "$out" | grep "^GM0479 " | grep -q "Zaanstad  *1  *2  *nee  *[0-9][0-9]*  *-$"' "(5) text: GM0479 row (declared 2)"
check 'printf "%s\n" "$out" | grep "^GM0415 " | grep -q "Landsmeer  *1  *-  *nee  *[0-9][0-9]*  *1.3 sinds 2026-01-20$"' "(5) text: GM0415 row"
check '[ "$(printf "%s\n" "$out" | grep "^GM0479 " | awk "{print index(\$0, \"nee\")}")" = "$(printf "%s\n" "$out" | grep "^GM0415 " | awk "{print index(\$0, \"nee\")}")" ]' \
	"(5) text: columns aligned"
run --db "$DB" readiness --region Zaanstreek-Waterland --format json
expect_rc 0 "readiness --region json"
check '[ "$(json "[r[\"municipality\"] for r in d]")" = "['"'"'GM0415'"'"', '"'"'GM0479'"'"']" ]' "(5) json: both and only them"
check '[ "$(json "[sorted(r) for r in d][0]")" = "['"'"'advice'"'"', '"'"'blockers'"'"', '"'"'calculated_phase'"'"', '"'"'declared_phase'"'"', '"'"'municipality'"'"', '"'"'name'"'"', '"'"'oldest_stalled'"'"', '"'"'ready'"'"', '"'"'warnings'"'"']" ]' \
	"(5) json: row keys"
check '[ "$(json "[(r[\"calculated_phase\"], r[\"declared_phase\"], r[\"ready\"]) for r in d]")" = "[(1, None, False), (1, 2, False)]" ]' \
	"(5) json: phases and ready"
check '[ "$(json "d[0][\"oldest_stalled\"], d[1][\"oldest_stalled\"]")" = "1.3 sinds 2026-01-20 None" ]' "(5) json: oldest stalled"
check '[ "$(json "all(isinstance(r[\"blockers\"], int) and r[\"blockers\"] > 0 for r in d)")" = True ]' "(5) json: blockers counted"
run --db "$DB" readiness GM0415 --format json
blockers_0415=$(json 'sum(1 for s in d["sections"] for m in s["rules"] if m["binding"] and not m["met"])')
run --db "$DB" readiness --region Zaanstreek-Waterland --format csv
expect_rc 0 "readiness --region csv"
check 'printf "%s" "$out" | head -1 | grep -q "^municipality,name,calculated_phase,declared_phase,ready,blockers,oldest_stalled"' "(5) csv: header"
check '[ "$(csv "[x[\"municipality\"] for x in r]")" = "['"'"'GM0415'"'"', '"'"'GM0479'"'"']" ]' "(5) csv: both and only them"
check '[ "$(csv "r[0][\"declared_phase\"]+\"|\"+r[1][\"declared_phase\"]+\"|\"+r[0][\"ready\"]")" = "|2|nee" ]' "(5) csv: declared and ready"
check '[ "$(csv "r[0][\"blockers\"]")" = "$blockers_0415" ]' "(5) csv: blockers = the missing rules of the calculated phase"
run --db "$DB" readiness --all
expect_rc 0 "readiness --all"
check 'printf "%s\n" "$out" | grep -q "^GM0363 " && printf "%s\n" "$out" | grep -q "^GM0415 " && printf "%s\n" "$out" | grep -q "^GM0479 "' \
	"(5) --all text: every municipality"
run --db "$DB" readiness --all --format csv
check '[ "$(csv "len(r)")" = 3 ]' "(5) --all csv: three rows"
run --db "$DB" readiness --region Zaanstreek-Waterland --as-of 2026-04-30 --format json
check '[ "$(json "[r[\"declared_phase\"] for r in d]")" = "[None, None]" ]' "(5) --region --as-of before the declaration"

# an empty database: a line, exit 0
run --db empty.db init
run --db empty.db readiness --all
expect_rc 0 "--all without municipalities"
expect_out "nog geen gemeenten" "--all without municipalities says so"
run --db empty.db readiness --all --format json
check '[ "$(json "d")" = "[]" ]' "--all json without municipalities: an empty array"

# --- (9) refusals ------------------------------------------------------------------------------------
rejected "unknown municipality" "GM0001" readiness GM0001
rejected "invalid municipality code" "XX12" readiness XX12
rejected "unknown step id" "'1.9'" readiness GM0479 --step 1.9
rejected "an activity as step" "'1.5/a1'" readiness GM0479 --step 1.5/a1
rejected "--phase 5" "--phase" readiness GM0479 --phase 5
expect_rc 2 "--phase 5 is a usage error"
rejected "--phase 0" "--phase" readiness GM0479 --phase 0
rejected "--phase with --step" "--step" readiness GM0479 --phase 1 --step 1.3
expect_rc 2 "--phase with --step is a usage error"
rejected "bad --as-of date" "2026-02-30" readiness GM0479 --as-of 2026-02-30
rejected "bad --as-of text" "gisteren" readiness GM0479 --as-of gisteren
rejected "unknown area" "Westzaan" readiness GM0479 --phase 2 --area Westzaan
rejected "--area with phase 1" "--area" readiness GM0479 --phase 1 --area Poelenburg
rejected "unknown format" "'xml'" readiness GM0479 --format xml
rejected "csv for one municipality" "'csv'" readiness GM0479 --format csv
rejected "md for a region" "'md'" readiness --region Zaanstreek-Waterland --format md
rejected "unknown region" "Nergens" readiness --region Nergens
rejected "--region with a code" "--region" readiness GM0479 --region Zaanstreek-Waterland
rejected "--region with --phase" "--phase" readiness --region Zaanstreek-Waterland --phase 1
rejected "--region and --all" "--all" readiness --region Zaanstreek-Waterland --all
rejected "readiness without a code" "CODE" readiness
rejected "bad --as-of with --all" "2026-13-01" readiness --all --as-of 2026-13-01
rejected "phase declare 0" "'0'" phase declare GM0479 0
expect_rc 2 "phase declare 0 is a usage error"
rejected "phase declare 5" "'5'" phase declare GM0479 5
rejected "phase declare x" "'x'" phase declare GM0479 x
rejected "phase declare without a phase" "declare" phase declare GM0479
rejected "phase declare for an unknown municipality" "GM0001" phase declare GM0001 2
rejected "phase declare in the future" "toekomst" phase declare GM0479 3 --date 2026-07-01
rejected "unknown phase subcommand" "declare" phase set GM0479 2
rejected "region add with an unknown code" "GM0001" region add Waterland GM0363 GM0001
rejected "region add with an invalid code" "XX12" region add Waterland GM0363 XX12
rejected "region add without codes" "gemeente" region add Waterland
expect_rc 2 "region add without codes is a usage error"
rejected "region add of a member again" "GM0479" region add "Zaanstreek-Waterland" GM0363 GM0479
rejected "region list of an unknown region" "Waterland" region list Waterland
rejected "region list with an option" "opties" region list "Zaanstreek-Waterland" --date 2026-05-01
rejected "unknown region subcommand" "add of list" region show Waterland
run --db "$DB" region list "Zaanstreek-Waterland"
check '[ "$(printf "%s\n" "$out" | grep -c .)" = 2 ]' "a refused add left the region as it was"

# --- --all (one scan of the whole journal) answers as one review per member ---
all_codes=$(sqlite3 "$DB" "SELECT code FROM municipality ORDER BY code" | tr '\n' ' ')
"$KNGG" --db "$DB" region add "Iedereen" $all_codes >/dev/null
for asof in 2026-03-01 2026-06-15; do
	a=$("$KNGG" --db "$DB" readiness --all --format csv --as-of "$asof")
	r=$("$KNGG" --db "$DB" readiness --region "Iedereen" --format csv --as-of "$asof")
	check '[ -n "$a" ] && [ "$a" = "$r" ]' "--all equals a region of every municipality (as of $asof)"
done

# --- status shows the calculated and the declared phase, and the gap ----------
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null
run --db "$DB" status GM0363
expect_out "berekende fase 1" "status: calculated phase"
expect_out "opgegeven fase: nog niet opgegeven" "status: nothing declared yet"
"$KNGG" --db "$DB" phase declare GM0363 3 --date 2026-02-01 >/dev/null
run --db "$DB" status GM0363
expect_out "opgegeven fase 3 sinds 2026-02-01 (verschilt)" "status: declared phase and the gap"
run --db "$DB" status GM0363 --format json
check '[ "$(printf "%s" "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d[\"calculated_phase\"], d[\"declared_phase\"], d[\"declared_on\"])")" = "1 3 2026-02-01" ]' \
	"status json: calculated_phase, declared_phase, declared_on"

finish
