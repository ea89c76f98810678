#!/usr/bin/env bash
# Regional agreements (issue 18): a regional partner signs once for every
# member of a region (signoff --region NAME POINT), one signature per member
# in one transaction with a shared reference; a signer missing from one
# member's register records nothing anywhere (one kngg: line naming that
# member); each member's point counts it; readiness --region lists it;
# withdrawing one member's copy affects only that member; export and log.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=r.db
joined() { printf '%s\n' "$out" | tr -s ' \n' '  '; }
k init
for m in "GM0479 Zaanstad" "GM0453 Oostzaan"; do
	set -- $m
	k municipality add "$1" "$2" --date 2026-01-05
	k org add "$1" "Gemeente $2" --type gemeente --date 2026-01-06
	k org add "$1" "GGD Zaanstreek" --type ggd --date 2026-01-06
	k stakeholder add "$1" --name "Wethouder $2" --org "Gemeente $2" --date 2026-01-07
	k signoff prepare "$1" 1.6/s1 --org "GGD Zaanstreek" --date 2026-02-01
done
k stakeholder add GM0453 --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07
k region add Zaanstreek GM0479 GM0453

ggd=(--decision akkoord --signer "Els de Boer" --role bestuurder --org "GGD Zaanstreek"
	--document "Regionale samenwerkingsovereenkomst" --date 2026-05-01)

# ---- refusals: nothing recorded anywhere ----------------------------------------------------
# the members go in code order: the second one lacks the signer, so the
# first one's signature must be rolled back
rejected "the signer is missing from one member's register" "GM0479 (regio)" \
	signoff --region Zaanstreek 1.6/s1 "${ggd[@]}" --valid-until 2027-07-01
rejected "an unknown region" "onbekende regio 'Noord'" \
	signoff --region Noord 1.6/s1 "${ggd[@]}"
rejected "a bad --valid-until" "--valid-until" \
	signoff --region Zaanstreek 1.6/s1 "${ggd[@]}" --valid-until 2026-04-30
rejected "an organisation missing in a member" "Zorgverzekeraar" \
	signoff --region Zaanstreek 1.6/s1 --decision akkoord --signer "Els de Boer" --role bestuurder \
	--org "Zorgverzekeraar Zaanstreek" --document x --date 2026-05-01

# ---- signed once for both members -------------------------------------------------------------
k stakeholder add GM0479 --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07
run --db "$DB" signoff --region Zaanstreek 1.6/s1 "${ggd[@]}" --valid-until "1 juli 2027"
expect_rc 0 "regional signature"
expect_no_err "regional signature"
expect_out "regio Zaanstreek: 1.6/s1 getekend: akkoord door Els de Boer (GGD Zaanstreek)" "confirmed"
expect_out "geldig tot 1 juli 2027" "with its validity"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'"'signoff'"'"'")" = 2 ]' "one event per member"
check '[ "$(sqlite3 "$DB" "SELECT count(DISTINCT json_extract(data, '"'"'$.regional_id'"'"')) FROM event WHERE kind = '"'"'signoff'"'"'")" = 1 ]' \
	"one shared regional reference"
check '[ "$(sqlite3 "$DB" "SELECT group_concat(municipality) FROM (SELECT municipality FROM event WHERE kind = '"'"'signoff'"'"' ORDER BY 1)")" = "GM0453,GM0479" ]' \
	"a copy in each member"
for m in GM0479 GM0453; do
	run --db "$DB" signoff show $m 1.6/s1
	check 'joined | grep -q "Bestuurder, GGD Zaanstreek akkoord door Els de Boer (bestuurder, GGD Zaanstreek) op 2026-05-01, geldig tot 1 juli 2027, regionaal (regio Zaanstreek)"' \
		"$m: the regional signature fills the GGD's slot"
	k signoff $m 1.6/s1 --decision akkoord --signer "Wethouder $([ $m = GM0479 ] && echo Zaanstad || echo Oostzaan)" \
		--role wethouder --org "Gemeente $([ $m = GM0479 ] && echo Zaanstad || echo Oostzaan)" --document "B&W" --date 2026-05-02
	run --db "$DB" readiness $m
	check '! joined | grep -q "ondertekening 1.6/s1 niet compleet"' "$m: readiness counts the regional signature"
done

# ---- the region view ------------------------------------------------------------------------
run --db "$DB" readiness --region Zaanstreek
expect_out "Regionale afspraken" "readiness --region: the regional agreements"
check 'joined | grep -q "1.6/s1 akkoord door Els de Boer (GGD Zaanstreek) op 2026-05-01; voor GM0453, GM0479; geldig tot 1 juli 2027"' \
	"readiness --region: point, partner, members, validity"
KNGG_TODAY=2027-05-01 run --db "$DB" readiness --region Zaanstreek
check 'joined | grep -q "geldig tot 1 juli 2027 (loopt af)"' "readiness --region marks it running out"
KNGG_TODAY=2027-05-01 run --db "$DB" risks GM0453
check 'joined | grep -qF "kngg signoff --region Zaanstreek 1.6/s1"' "the risk of a regional agreement names the regional renewal"

# ---- export and log --------------------------------------------------------------------------
run --db "$DB" export GM0453
check 'printf "%s" "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); s=[x for x in d[\"signatures\"] if x[\"region\"]][0]; assert s[\"region\"] == \"Zaanstreek\" and s[\"members\"] == [\"GM0453\", \"GM0479\"] and s[\"valid_until\"] == \"2027-07-01\" and len(s[\"regional_id\"]) == 16"' \
	"export: region, members, validity, reference"
run --db "$DB" export GM0479 --format xml
expect_out '<member>GM0453</member>' "xml export: the members"
run --db "$DB" log GM0479
check 'joined | grep -q "regionaal voor regio Zaanstreek"' "log: the regional signature"

# ---- withdrawing one member's copy --------------------------------------------------------------
id=$(sqlite3 "$DB" "SELECT min(id) FROM event WHERE kind = 'signoff'")
code=$(sqlite3 "$DB" "SELECT municipality FROM event WHERE id = $id")
other=$([ "$code" = GM0453 ] && echo GM0479 || echo GM0453)
k correct "$code" "$id" --reason "deze gemeente doet niet mee"
run --db "$DB" signoff show "$code" 1.6/s1
expect_out "Compleet: nee" "$code: its copy withdrawn, its point is open again"
run --db "$DB" signoff show "$other" 1.6/s1
expect_out "Compleet: ja" "$other: its copy still counts"
run --db "$DB" readiness --region Zaanstreek
check 'joined | grep -q "voor $other (ingetrokken voor $code)"' "readiness --region: the withdrawn member"
finish
