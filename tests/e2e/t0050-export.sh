#!/usr/bin/env bash
# kngg export: the whole state of a municipality as JSON and XML, the input
# for document templates. Both parse; names with &, <, quotes and accents
# survive; an erased person leaves no name in the export.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=e.db
NAME='Zoë "Z" <de> Vries & Co'
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad & Co" --type gemeente --date 2026-01-06
k stakeholder add GM0479 --name "$NAME" --org "Gemeente Zaanstad & Co" --level bestuurlijk --date 2026-01-07
k stakeholder assess GM0479 1 --commitment toegezegd --influence hoog --date 2026-02-01
k step done GM0479 1.1 --date 2026-02-02 --note "a < b & \"c\""
k signoff GM0479 1.5/s1 --decision go --signer 1 --role wethouder --org "Gemeente Zaanstad & Co" \
	--document "B&W-besluit <2026/1>" --date 2026-03-01
py() { printf '%s' "$out" | python3 -c "$1"; }

# --- JSON --------------------------------------------------------------------------
run --db "$DB" export GM0479
expect_rc 0 "export json"
expect_no_err "export json"
check '[ "$(py "import json,sys; d=json.load(sys.stdin); print(sorted(d))")" = "$(python3 -c "print(sorted([\"format\",\"definitions\",\"source\",\"municipality\",\"name\",\"as_of\",\"current_phase\",\"readiness\",\"phases\",\"organisations\",\"stakeholders\",\"signatures\",\"factors\",\"risks\",\"funding\",\"plan\",\"handovers\"]))")" ]' \
	"json: the documented top-level keys"
check '[ "$(py "import json,sys; d=json.load(sys.stdin); print(d[\"stakeholders\"][0][\"name\"])")" = "$NAME" ]' "json: the name, exactly"
check '[ "$(py "import json,sys; d=json.load(sys.stdin); s=d[\"signatures\"][0]; print(s[\"decision\"], s[\"document\"])")" = "go B&W-besluit <2026/1>" ]' \
	"json: the go decision and its document"
check '[ "$(py "import json,sys; d=json.load(sys.stdin); print(d[\"phases\"][0][\"runs\"][0][\"steps\"][0][\"state\"])")" = "afgerond" ]' \
	"json: step 1.1 done"

# --- XML ---------------------------------------------------------------------------
run --db "$DB" export GM0479 --format xml
expect_rc 0 "export xml"
check 'printf "%s" "$out" | xmllint --noout - 2>/dev/null' "xml: well-formed"
check '[ "$(printf "%s" "$out" | xmllint --xpath "string(/kngg-export/stakeholders/stakeholder[1]/@name)" - 2>/dev/null)" = "$NAME" ]' \
	"xml: the name, exactly (escaping round-trips)"
check '[ "$(printf "%s" "$out" | xmllint --xpath "string(/kngg-export/signatures/signature[1]/@decision)" - 2>/dev/null)" = go ]' \
	"xml: the go decision"
check '[ "$(printf "%s" "$out" | xmllint --xpath "count(/kngg-export/phases/phase)" - 2>/dev/null)" = 4 ]' \
	"xml: four phases"
check '[ "$(printf "%s" "$out" | xmllint --xpath "string(/kngg-export/phases/phase[1]/runs/run/steps/step[1]/@note)" - 2>/dev/null)" = "a < b & \"c\"" ]' \
	"xml: a note with markup characters"

# --- one serialisation: the CLI's JSON is the export's part --------------------------
k role assign GM0479 1 projectleider --hours 16 --contribution "trekt het project" --date 2026-03-02
export_json=$("$KNGG" --db "$DB" export GM0479)
# same PART CMD...: the JSON of `kngg CMD --format json` equals the export's PART (a Python expression over e)
same() {
	local part=$1 want got
	shift
	want=$(printf '%s' "$export_json" | python3 -c "import json,sys; e=json.load(sys.stdin); print(json.dumps($part, sort_keys=True))")
	got=$("$KNGG" --db "$DB" "$@" --format json | python3 -c "import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))")
	check '[ -n "$want" ] && [ "$want" = "$got" ]' "kngg $* --format json equals the export's $part"
}
same 'e["readiness"]' readiness GM0479
same 'e["stakeholders"]' stakeholder list GM0479
same 'e["risks"]' risks GM0479
same 'e["signatures"]' signoff list GM0479
check '[ "$(printf "%s" "$export_json" | python3 -c "import json,sys; r=json.load(sys.stdin)[\"stakeholders\"][0][\"roles\"][0]; print(r[\"hours\"], r[\"contribution\"])")" = "16 trekt het project" ]' \
	"a role's hours and contribution in both"

# --- as of, erase, rejections ------------------------------------------------------
run --db "$DB" export GM0479 --as-of 2026-02-15
check '[ "$(py "import json,sys; print(len(json.load(sys.stdin)[\"signatures\"]))")" = 0 ]' "--as-of: no signature yet"
k person erase 1 --reason "verzoek betrokkene" --date 2026-06-01
run --db "$DB" export GM0479 --format xml
expect_no_out "Vries" "after an erase the export holds no name"
check 'printf "%s" "$out" | grep -q "erased=\"true\""' "the person is marked erased"
rejected "unknown municipality" "GM0001" export GM0001
rejected "unknown format" "formaat" export GM0479 --format docx
rejected "bad --as-of" "ongeldige datum" export GM0479 --as-of 2026-13-01
finish
