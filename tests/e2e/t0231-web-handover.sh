#!/usr/bin/env bash
# Handovers on the web (issue 18): the stakeholders page lists the key
# roles that ended without a handover (without CLI text) and the recorded
# handovers with their items; a projectleider account linked to a person
# gets a form (POST, CSRF) that records one as that person; a lezer sees no
# form and cannot post; bad input changes nothing.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
# the demo's wethouder (3, Jeroen van 't Hof) ended on 2026-05-20 without a handover
adduser "$DB" "pl" "wachtwoord123" --role projectleider --municipality GM9999 --person "GM9999:1"
expect_rc 0 "a projectleider linked to Anouk (1)"
adduser "$DB" "lees" "wachtwoord123" --role lezer --municipality GM9999
expect_rc 0 "a lezer"
start_server "$DB"

login lees wachtwoord123
http GET /gemeente/GM9999/stakeholders
expect_status 200 "stakeholders page"
expect_body '<h2 id="overdrachten">Overdrachten</h2>' "a handovers section"
expect_body "Nog geen overdrachten vastgelegd." "none yet"
expect_body "De rol wethouder van Jeroen van &#39;t Hof eindigde op 20 mei 2026 zonder overdracht" "the key role ended without handover"
expect_no_body "kngg handover" "no CLI command on the page"
expect_body "Leg de overdracht vast op de pagina Stakeholders." "the web's own hint"
expect_no_body 'value="overdracht"' "a lezer gets no form"
csrf /gemeente/GM9999/stakeholders
before=$(db_state "$DB")
http POST /gemeente/GM9999/stakeholders --data "wat=overdracht&van=3&aan=7&rol=wethouder&csrf=$token"
expect_status 403 "a lezer cannot record a handover"
check '[ "$before" = "$(db_state "$DB")" ]' "lezer: database unchanged"

login pl wachtwoord123
http GET /gemeente/GM9999/stakeholders
expect_body '<h2 id="overdracht">Overdracht vastleggen</h2>' "a projectleider gets the form"
check 'printf "%s" "$body" | grep -q "name=\"van\" required"' "from is picked from the register"
check 'printf "%s" "$body" | grep -q "name=\"aan\" required"' "to is picked from the register"
expect_body '<option value="7">Sanne Brouwer</option>' "persons as options"
csrf /gemeente/GM9999/stakeholders
before=$(db_state "$DB")
http POST /gemeente/GM9999/stakeholders --data "wat=overdracht&van=3&aan=3&rol=wethouder&csrf=$token"
expect_status 303 "to == from: back to the page"
check '[ "$before" = "$(db_state "$DB")" ]' "to == from: database unchanged"
http GET /gemeente/GM9999/stakeholders
expect_body "naar iemand anders" "the reason is shown"
expect_no_body "--from" "no CLI option in the message"
csrf /gemeente/GM9999/stakeholders
http POST /gemeente/GM9999/stakeholders --data "wat=overdracht&van=3&aan=7&rol=wethouder&datum=2026-05-20&csrf=$token" \
	--data-urlencode "stuk=Overdracht wethouder 2026" --data-urlencode "notitie=samen met de griffie"
expect_status 303 "a handover recorded"
check '[ "$(sqlite3 "$DB" "SELECT by_person || '"'"'/'"'"' || person_id FROM event WHERE kind = '"'"'handover'"'"'")" = 1/3 ]' "recorded by the linked person, from Jeroen"
http GET /gemeente/GM9999/stakeholders
expect_body "Overdracht wethouder 2026" "the handover is listed"
expect_body "<td>20 mei 2026</td><td>Wethouder</td><td>Jeroen van &#39;t Hof</td><td>Sanne Brouwer</td>" "date, role, from, to"
expect_body "<li>rol Wethouder</li>" "its items"
expect_no_body "eindigde op 20 mei 2026 zonder overdracht" "the risk is gone"
expect_no_body "kngg handover" "still no CLI text"
# ending a key role on the web asks for the handover in its message
csrf /gemeente/GM9999/stakeholders
http POST /gemeente/GM9999/stakeholders --data "wat=rol&persoon=2&rol=kerngroep&actie=beeindigen&csrf=$token"
expect_status 303 "a key role ended on the web"
http GET /gemeente/GM9999/stakeholders
expect_body "Dit is een sleutelrol: leg ook de overdracht vast" "the message asks for a handover"
expect_body "De rol kerngroep van Fleur Ammerlaan eindigde op 23 november 2026 zonder overdracht" "and the risk shows"
http GET /gemeente/GM9999/logboek
expect_body "overdracht" "the logboek shows the handover"
stop_server
finish
