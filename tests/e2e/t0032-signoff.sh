#!/usr/bin/env bash
# kngg signoff: go/no-go and akkoord with signer, role, organisation and
# document; no-go needs arguments; the whole history stays visible; who
# must sign comes from the definitions (per kerngroep organisation, optional
# signers, mandates with --as); phase-2 points per area.
. "$(dirname "$0")/lib.sh" "$@"
# joined: a signer line that wraps to 80 columns, as one line again
joined() { awk '/^      / { sub(/^ +/, " "); l = l $0; next } { if (NR > 1) print l; l = $0 } END { print l }'; }
export KNGG_TODAY=2026-06-15
DB=s.db
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
k org add GM0479 "GGD Zaanstreek" --type ggd --date 2026-01-06
k org add GM0479 "JGZ Zaanstreek" --type jgz --date 2026-01-06
k org add GM0479 "Wijkteam Oost" --type wijkteam --date 2026-01-06
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --date 2026-01-07     # 1
k stakeholder add GM0479 --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07       # 2
k stakeholder add GM0479 --name "Piet Pieters" --org "JGZ Zaanstreek" --date 2026-01-07      # 3
k stakeholder add GM0479 --name "Fatma Yılmaz" --org "Wijkteam Oost" --date 2026-01-07       # 4

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# line_of TEXT: number of the first line of $out containing TEXT (0: none)
line_of() { printf '%s\n' "$out" | grep -n -F -- "$1" | head -1 | cut -d: -f1 | grep . || echo 0; }

wethouder=(--signer "Jan Jansen" --role wethouder --org "Gemeente Zaanstad")

# --- 1.5/s1: go/no-go, the wethouder required, the gemeenteraad optional -------
rejected "no-go without an argument" "argument" \
	signoff GM0479 1.5/s1 --decision no-go "${wethouder[@]}" --document "B&W-besluit 2026/12" --date 2026-03-01
run --db "$DB" signoff GM0479 1.5/s1 --decision no-go "${wethouder[@]}" --document "B&W-besluit 2026/12" \
	--argument "Geen dekking in de begroting 2026" --argument='Eerst de raad horen, "zo snel mogelijk"' --date 2026-03-01
expect_rc 0 "no-go with two arguments"
expect_no_err "no-go with two arguments"
expect_out "GM0479: 1.5/s1 getekend: no-go door Jan Jansen (wethouder, Gemeente Zaanstad) op 2026-03-01" "no-go confirmed"
expect_out "1.5/s1 nog niet compleet: ontbreekt: Wethouder" "after a no-go the wethouder's go is missing"
run --db "$DB" signoff show GM0479 1.5/s1
expect_out "Compleet: nee" "1.5/s1 not complete after the no-go"

run --db "$DB" signoff GM0479 1.5/s1 --decision go --signer 1 --role wethouder --org "Gemeente Zaanstad" \
	--document "B&W-besluit 2026/20" --date 2026-03-12 --note "na raadsbesluit"
expect_rc 0 "go later (signer by id)"
expect_out "1.5/s1 getekend: go door Jan Jansen (wethouder, Gemeente Zaanstad) op 2026-03-12" "go names the signer by name"
expect_out "1.5/s1 compleet" "1.5/s1 complete after the wethouder's go (gemeenteraad optional)"

run --db "$DB" signoff show GM0479 1.5/s1
expect_rc 0 "signoff show"
expect_out "Compleet: ja" "show: complete"
expect_out "Gemeenteraad (optioneel)" "show marks the optional signer"
check 'printf "%s\n" "$out" | joined | grep "^  Wethouder " | grep -q "go door Jan Jansen (wethouder, Gemeente Zaanstad) op 2026-03-12"' \
	"show: the wethouder's latest signature is the go"
check '[ "$(line_of "2026-03-01")" -gt 0 ] && [ "$(line_of "2026-03-01")" -lt "$(line_of "2026-03-12  #")" ]' \
	"show: history has the no-go before the go"
run --db "$DB" signoff show GM0479 1.5/s1 --as-of 2026-03-05
expect_out "Compleet: nee" "show --as-of before the go: not complete"
expect_no_out "2026-03-12" "show --as-of leaves out the later go"

run --db "$DB" signoff list GM0479
expect_rc 0 "signoff list"
expect_out "no-go door Jan Jansen (wethouder, Gemeente Zaanstad)" "list has the no-go"
expect_out "go door Jan Jansen (wethouder, Gemeente Zaanstad)" "list has the go"
expect_out "argument: Geen dekking in de begroting 2026" "list shows the first argument"
expect_out 'argument: Eerst de raad horen, "zo snel mogelijk"' "list shows the second argument"
expect_out "stuk: B&W-besluit 2026/12" "list shows the document"
check '[ "$(line_of "2026-03-01")" -lt "$(line_of "2026-03-12")" ]' "list is oldest first"

run --db "$DB" signoff list GM0479 --format json
expect_rc 0 "signoff list json"
check '[ "$(json "[s[\"decision\"] for s in d]")" = "['"'"'no-go'"'"', '"'"'go'"'"']" ]' "json: both decisions in order"
check '[ "$(json "d[0][\"arguments\"]==[\"Geen dekking in de begroting 2026\", \"Eerst de raad horen, \\\"zo snel mogelijk\\\"\"]")" = True ]' \
	"json: arguments unchanged"
check '[ "$(json "d[1][\"arguments\"]")" = "[]" ]' "json: a go without arguments has an empty list"
check '[ "$(json "len(set(tuple(s.keys()) for s in d))")" = 1 ]' "json: every object has the same keys"
check '[ "$(json "d[1][\"note\"]")" = "na raadsbesluit" ] && [ "$(json "d[1][\"as\"]")" = None ]' "json: note, as null"

run --db "$DB" signoff list GM0479 --format csv
expect_rc 0 "signoff list csv"
csv() { printf '%s' "$out" | python3 -c "import csv,sys; r=list(csv.DictReader(sys.stdin)); print($1)"; }
check '[ "$(csv "len(r)")" = 2 ]' "csv: two records after the header"
check '[ "$(csv "r[0][\"arguments\"].split(chr(10))==[\"Geen dekking in de begroting 2026\", \"Eerst de raad horen, \\\"zo snel mogelijk\\\"\"]")" = True ]' \
	"csv: arguments quoted per RFC 4180"
check '[ "$(csv "r[1][\"signer\"]+\"|\"+r[1][\"document\"]")" = "Jan Jansen|B&W-besluit 2026/20" ]' "csv: signer and document"
check 'printf "%s" "$out" | head -1 | grep -q "^event_id,signoff,date,"' "csv: header first"

# --- 1.6/s1: a bestuurder per kerngroep organisation and the wethouder ----------
run --db "$DB" signoff show GM0479 1.6/s1
expect_out "de set is nog leeg" "show: no parties yet is named as missing"
expect_out "Compleet: nee" "1.6/s1 not complete without a kerngroep"
k role assign GM0479 2 kerngroep --date 2026-02-01
k role assign GM0479 3 kerngroep --date 2026-02-01
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord --signer "Els de Boer" --role bestuurder \
	--org "GGD Zaanstreek" --document "Samenwerkingsovereenkomst v1" --date 2026-04-01
expect_rc 0 "bestuurder of one kerngroep organisation signs"
expect_out "ontbreekt: Bestuurder van JGZ Zaanstreek, Wethouder" "the other organisation and the wethouder are missing"
run --db "$DB" signoff show GM0479 1.6/s1
check 'printf "%s\n" "$out" | grep "Bestuurder, JGZ Zaanstreek" | grep -q "ontbreekt"' "show names the missing organisation"
check 'printf "%s\n" "$out" | grep "Bestuurder, GGD Zaanstreek" | grep -q "akkoord door Els de Boer"' "show: GGD signed"
expect_no_out "Wijkteam Oost" "an organisation outside the kerngroep is not asked to sign"
expect_out "Compleet: nee" "1.6/s1 not complete"

rejected "signer with another role than asked" "--as" \
	signoff GM0479 1.6/s1 --decision akkoord --signer "Piet Pieters" --role directeur-pg \
	--org "JGZ Zaanstreek" --document "Samenwerkingsovereenkomst v1" --date 2026-04-02
rejected "--as a role the point does not ask" "projectleider" \
	signoff GM0479 1.6/s1 --decision akkoord --signer "Piet Pieters" --role directeur-pg --as projectleider \
	--org "JGZ Zaanstreek" --document "Samenwerkingsovereenkomst v1" --date 2026-04-02
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord --signer "Piet Pieters" --role directeur-pg --as bestuurder \
	--org "JGZ Zaanstreek" --document "Samenwerkingsovereenkomst v1" --date 2026-04-02
expect_rc 0 "signing with a mandate (--as)"
expect_out "(directeur-pg namens bestuurder, JGZ Zaanstreek)" "mandate shown when signing"
expect_out "ontbreekt: Wethouder" "only the wethouder is missing now"
run --db "$DB" signoff show GM0479 1.6/s1
check 'printf "%s\n" "$out" | joined | grep "^  Bestuurder, JGZ Zaanstreek" | grep -q "namens bestuurder"' "show: the mandate (namens)"
run --db "$DB" signoff list GM0479
out=$(printf '%s\n' "$out" | tr -s ' \n' '  ') # wrapped to 80 columns: as one line
expect_out "akkoord door Piet Pieters (directeur-pg namens bestuurder, JGZ Zaanstreek)" "list: the mandate (namens)"
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord "${wethouder[@]}" --document "Samenwerkingsovereenkomst v1" --date 2026-04-03
expect_rc 0 "the wethouder signs 1.6/s1"
expect_out "1.6/s1 compleet" "1.6/s1 complete"

# --- refusals --------------------------------------------------------------------
rejected "a per-organisation point signed for an organisation outside the chosen set" "gekozen organisaties" \
	signoff GM0479 1.6/s1 --decision akkoord --signer "Fatma Yılmaz" --role bestuurder \
	--org "Wijkteam Oost" --document "Samenwerkingsovereenkomst v1" --date 2026-04-04
rejected "a signer registered at another organisation" "geregistreerd bij GGD Zaanstreek" \
	signoff GM0479 1.5/s1 --decision go --signer "Els de Boer" --role wethouder \
	--org "Gemeente Zaanstad" --document x --date 2026-04-04
rejected "akkoord on a go/no-go point" "go of no-go" \
	signoff GM0479 1.5/s1 --decision akkoord "${wethouder[@]}" --document x --date 2026-04-04
rejected "go on an akkoord point" "akkoord" \
	signoff GM0479 1.6/s1 --decision go "${wethouder[@]}" --document x --date 2026-04-04
rejected "an unknown decision" "'misschien'" \
	signoff GM0479 1.5/s1 --decision misschien "${wethouder[@]}" --document x --date 2026-04-04
for id in 1.5/s9 1.5/a1 1.5 onzin; do
	rejected "unknown sign-off '$id'" "'$id'" signoff GM0479 "$id" --decision go "${wethouder[@]}" --document x --date 2026-04-04
done
rejected "unknown organisation" "'Gemeente Zaandam'" \
	signoff GM0479 1.5/s1 --decision go --signer "Jan Jansen" --role wethouder --org "Gemeente Zaandam" --document x --date 2026-04-04
rejected "unknown role" "'burgemeester'" \
	signoff GM0479 1.5/s1 --decision go --signer "Jan Jansen" --role burgemeester --org "Gemeente Zaanstad" --document x --date 2026-04-04
rejected "unknown municipality" "GM0001" \
	signoff GM0001 1.5/s1 --decision go "${wethouder[@]}" --document x --date 2026-04-04
rejected "a sign-off in the future" "toekomst" \
	signoff GM0479 1.5/s1 --decision go "${wethouder[@]}" --document x --date 2026-07-01
for opt in document decision signer role org; do
	args=()
	for pair in "decision=go" "signer=Jan Jansen" "role=wethouder" "org=Gemeente Zaanstad" "document=x"; do
		[ "${pair%%=*}" = "$opt" ] || args+=("--${pair%%=*}" "${pair#*=}")
	done
	rejected "missing --$opt" "--$opt" signoff GM0479 1.5/s1 "${args[@]}" --date 2026-04-04
	expect_rc 2 "missing --$opt is a usage error"
done
rejected "--format on a signature" "--format" \
	signoff GM0479 1.5/s1 --decision go "${wethouder[@]}" --document x --format json
rejected "--decision on list" "--decision" signoff list GM0479 --decision go
rejected "list in an unknown format" "'xml'" signoff list GM0479 --format xml
rejected "list of an unknown municipality" "GM0001" signoff list GM0001
rejected "show of an unknown sign-off" "'1.5/s9'" signoff show GM0479 1.5/s9

# --- phase 2: per area --------------------------------------------------------------
rejected "phase-2 point without --area" "--area" \
	signoff GM0479 2.1/s1 --decision akkoord --signer "Els de Boer" --role manager --org "GGD Zaanstreek" --document x --date 2026-05-01
k area add GM0479 "Zaandam-Oost" --date 2026-05-01
k stakeholder assess GM0479 2 --commitment toegezegd --date 2026-05-01
rejected "phase-2 point in an unknown area" "Westzaan" \
	signoff GM0479 2.1/s1 --decision akkoord --signer "Els de Boer" --role manager --org "GGD Zaanstreek" --document x --area Westzaan --date 2026-05-02
rejected "show of a phase-2 point without --area" "--area" signoff show GM0479 2.1/s1
run --db "$DB" signoff GM0479 2.1/s1 --decision akkoord --signer "Els de Boer" --role manager --org "GGD Zaanstreek" \
	--document "Startnotitie experiment" --area "Zaandam-Oost" --date 2026-05-02
expect_rc 0 "phase-2 point with --area"
expect_out "2.1/s1 in Zaandam-Oost compleet" "the partner organisation's manager completes 2.1/s1 in the area"
run --db "$DB" signoff list GM0479 --format json
check '[ "$(json "d[-1][\"area\"]")" = "Zaandam-Oost" ]' "json: the area of a phase-2 signature"

# --- log shows event numbers, signers and organisations -------------------------------
run --db "$DB" log GM0479 --wide
check 'printf "%s\n" "$out" | grep -q "^#[0-9]* *2026-03-01  ondertekening *1.5/s1 no-go — Jan Jansen, Gemeente Zaanstad"' \
	"log: event number first, signer and organisation"
run --db "$DB" log GM0479 --format json
check '[ "$(json "len(set(tuple(e.keys()) for e in d))")" = 1 ]' "log json: every object has the same keys"
check '[ "$(json "[e[\"data\"][\"document\"] for e in d if e[\"kind\"]==\"signoff\"][0]")" = "B&W-besluit 2026/12" ]' \
	"log json: data is a JSON object"
check '[ "$(json "[e[\"person\"]+\"/\"+e[\"org\"] for e in d if e[\"kind\"]==\"signoff\"][0]")" = "Jan Jansen/Gemeente Zaanstad" ]' \
	"log json: person and org"

finish
