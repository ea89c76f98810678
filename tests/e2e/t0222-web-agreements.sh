#!/usr/bin/env bash
# The web side of issue 18's agreements: the step page shows how long each
# signature runs and flags one that runs out ("loopt af"), offers a renewal
# with a valid-until field once the point is complete (a bad date leaves the
# database unchanged), gereedheid warns, and the region view lists the
# regional agreements.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-12-01
DB=$TMP/w.db
k init
for m in "GM0479 Zaanstad" "GM0453 Oostzaan"; do
	set -- $m
	k municipality add "$1" "$2" --date 2026-01-05
	k org add "$1" "Gemeente $2" --type gemeente --date 2026-01-06
	k org add "$1" "GGD Zaanstreek" --type ggd --date 2026-01-06
	k stakeholder add "$1" --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07
	k stakeholder add "$1" --name "Wethouder $2" --org "Gemeente $2" --date 2026-01-07
	k signoff prepare "$1" 1.6/s1 --org "GGD Zaanstreek" --date 2026-02-01
	k signoff "$1" 1.6/s1 --decision akkoord --signer "Wethouder $2" --role wethouder \
		--org "Gemeente $2" --document "B&W" --date 2026-04-01
done
k region add Zaanstreek GM0479 GM0453
k signoff --region Zaanstreek 1.6/s1 --decision akkoord --signer "Els de Boer" --role bestuurder \
	--org "GGD Zaanstreek" --document "Regionale SO" --date 2026-05-01 --valid-until 2027-02-01
els=$(sqlite3 "$DB" "SELECT person_id FROM event WHERE kind = 'signoff' AND municipality = 'GM0479' AND data LIKE '%regional_id%'")
start_server "$DB"

http GET /gemeente/GM0479/stap/1.6
expect_status 200 "step page"
expect_body "geldig tot 1 februari 2027 <strong>(loopt af: vernieuw met een nieuwe handtekening)</strong>" \
	"the step page flags the agreement that runs out"
expect_body "regionaal getekend (regio Zaanstreek)" "the step page names the regional signature"
expect_body "Vernieuwing vastleggen voor 1.6/s1" "a complete agreement offers a renewal"
expect_body 'name="geldig_tot" type="date"' "with a valid-until field"

http GET /gemeente/GM0479/gereedheid
expect_body "loopt af op 1 februari 2027" "gereedheid warns"
cli_free() { # WHAT: no CLI command or option in the page's text
	local hits
	hits=$(printf '%s' "$body" | sed 's/<footer>.*<\/footer>//; s/<[^>]*>/\n/g' | grep -nE "kngg [a-z]|(^|[^-])--[a-z]" | head -n3)
	if [ -z "$hits" ]; then ok; else bad "$1: CLI text: $hits"; fi
}
cli_free "gereedheid"

http GET "/?regio=Zaanstreek"
expect_body "<h2>Regionale afspraken</h2>" "the region view has the regional agreements"
expect_body "GGD Zaanstreek, akkoord door Els de Boer op 1 mei 2026" "with the partner"
expect_body '<a href="/gemeente/GM0453">GM0453</a>, <a href="/gemeente/GM0479">GM0479</a>' "for which members"
expect_body "1 februari 2027 (loopt af)" "valid until, flagged"
http GET "/"
expect_no_body "Regionale afspraken" "not on the overview of all municipalities"

# a renewal before the signing day is refused, nothing written
csrf /gemeente/GM0479/stap/1.6
before=$(db_state "$DB")
http POST /gemeente/GM0479/stap/1.6 --data "wat=tekenen&ondertekening=1.6/s1&besluit=akkoord&ondertekenaar=$els&rol=bestuurder&stuk=SO+v2&geldig_tot=2026-11-30&csrf=$token"
check '[ "$(db_state "$DB")" = "$before" ]' "a valid-until before the signature changes nothing"
http GET /gemeente/GM0479/stap/1.6
expect_no_body "SO v2" "not recorded"
expect_body "ligt voor de dag van ondertekening" "the refusal is shown"
cli_free "the refusal"

http POST /gemeente/GM0479/stap/1.6 --data "wat=tekenen&ondertekening=1.6/s1&besluit=akkoord&ondertekenaar=$els&rol=bestuurder&stuk=SO+v2&geldig_tot=2029-01-31&csrf=$token"
expect_status 303 "renewal recorded"
http GET /gemeente/GM0479/stap/1.6
expect_body "geldig tot 31 januari 2029" "the newest validity counts"
expect_no_body "(loopt af" "no longer flagged after the renewal"
run --db "$DB" signoff show GM0479 1.6/s1
check 'printf "%s" "$out" | grep -q "stuk: Regionale SO"' "the history keeps the regional signature"
stop_server
finish
