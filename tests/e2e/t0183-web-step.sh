#!/usr/bin/env bash
# The step page: progress (x van y activiteiten), what to do now or the
# next step, previous/next step links; forms of a phase not begun folded
# away; the sign-off form with the signer picked from the register (with
# organisation) and the mandate field, gone once the point is complete.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
start_server "$DB"

# ---- progress, hint, previous/next -----------------------------------------------------------
http GET /gemeente/GM9999/stap/1.4
expect_body "<strong>3 van 7 activiteiten</strong> gedaan" "progress of 1.4"
expect_body '<progress max="7" value="3"' "a progress bar"
expect_body '<strong>Nu te doen:</strong> <a href="#i-1.4/a4">1.4/a4</a>' "the first open activity"
expect_body 'rel="prev" href="/gemeente/GM9999/stap/1.3">← Vorige stap: 1.3' "previous step link"
expect_body 'rel="next" href="/gemeente/GM9999/stap/1.5">Volgende stap → 1.5' "next step link"
http GET /gemeente/GM9999/stap/1.3
expect_body "<strong>Volgende stap:</strong> deze stap is afgerond; ga verder met" "a done step points on"
http GET /gemeente/GM9999/stap/1.1
expect_no_body 'rel="prev"' "the first step has no previous"
http GET /gemeente/GM9999/stap/1.8
expect_body 'rel="next" href="/gemeente/GM9999/stap/2.1">' "the last step of phase 1 leads to phase 2"
# an item done moves the progress
csrf /gemeente/GM9999/stap/1.4
http POST /gemeente/GM9999/stap/1.4 --data "wat=item&item=1.4/a4&csrf=$token"
expect_status 303 "activity done"
http GET /gemeente/GM9999/stap/1.4
expect_body "<strong>4 van 7 activiteiten</strong> gedaan" "progress follows"

# ---- forms of phases not begun are folded ----------------------------------------------------
http GET /gemeente/GM9999
expect_body '<details class="later card"><summary>Fase 2 is nog niet begonnen: gebied toevoegen</summary>' "area form folded (phase 1)"
expect_body '<details class="later card"><summary>Fase 3 is nog niet begonnen: cyclus starten</summary>' "cycle form folded"
http POST /gemeente/GM9999 --data "wat=gebied&naam=Oost&csrf=$token"
expect_status 303 "an area added from the folded form"
http GET /gemeente/GM9999
expect_no_body 'gebied toevoegen</summary>' "phase 2 has begun: the area form is open"
expect_body 'cyclus starten</summary>' "phase 3 still folded"
http GET "/gemeente/GM9999/stap/2.1?gebied=Oost"
expect_body '<details class="later"><summary>Fase 2 is nog niet begonnen: toch vastleggen</summary>' "step of a phase not begun: forms folded"
http GET /gemeente/GM9999/stap/1.4
expect_no_body '<details class="later">' "phase 1: nothing folded"

# ---- the sign-off form -----------------------------------------------------------------------
http GET /gemeente/GM9999/stap/1.5
expect_body '<select id="f' "forms have selects"
check 'printf "%s" "$body" | grep -q "<select id=\"f[0-9]*-ondertekenaar\" name=\"ondertekenaar\" required>"' "the signer is a select"
expect_body '<option value="7">Sanne Brouwer (Gemeente Waterlinde, wethouder jeugd)</option>' "persons with organisation"
expect_no_body 'name="ondertekenaar" type="text"' "no free text signer"
check 'printf "%s" "$body" | grep -q "<select id=\"f[0-9]*-mandaat\" name=\"mandaat\">"' "the mandate field"
expect_body "Tekent met mandaat voor de rol (optioneel)" "mandate label"
n0=$(persons "$DB")
before=$(db_state "$DB")
# a name typed into the signer field is no person of the register
http POST /gemeente/GM9999/stap/1.5 --data "wat=tekenen&ondertekening=1.5/s1&besluit=go&ondertekenaar=Iemand&rol=wethouder&stuk=B1&csrf=$token"
expect_status 303 "typed signer refused"
check '[ "$before" = "$(db_state "$DB")" ]' "typed signer: database unchanged"
# under mandate: Fleur, beleidsmedewerker, signs for the wethouder
http POST /gemeente/GM9999/stap/1.5 --data "wat=tekenen&ondertekening=1.5/s1&besluit=go&ondertekenaar=2&rol=beleidsmedewerker&mandaat=wethouder&stuk=Besluit+B%2F2026-11&csrf=$token"
expect_status 303 "signed under mandate"
http GET /gemeente/GM9999/stap/1.5
expect_no_body 'class="flash error"' "no error after signing: $(printf '%s' "$body" | grep -o 'flash error[^<]*<' | head -1)"
check '[ "$(sqlite3 "$DB" "SELECT json_extract(data, '"'\$.as'"') FROM event WHERE kind = '"'signoff'"' ORDER BY id DESC LIMIT 1")" = wethouder ]' "the mandate is recorded"
check '[ "$(persons "$DB")" = "$n0" ]' "signing adds no person"
expect_body "Fleur Ammerlaan: go op 23 november 2026 (met mandaat, als Wethouder)" "the signature with date and mandate"
# 1.5/s1 asks only the wethouder (the others: when needed): complete, the form is gone
expect_body "<strong>Compleet getekend</strong>" "the point is complete"
expect_no_body "Handtekening vastleggen voor 1.5/s1" "the sign-off form is gone once complete"
http GET /gemeente/GM9999/stap/1.6
expect_body "Handtekening vastleggen voor 1.6/s1" "an incomplete point keeps its form"
stop_server
finish
