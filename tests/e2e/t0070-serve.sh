#!/usr/bin/env bash
# kngg serve over HTTP (curl): every page on the demo, security headers,
# CSRF, accounts and roles, escaping, limits, database errors; kngg user.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-23

. "$SRC/tests/e2e/web-lib.sh"

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"

# ---- kngg user -------------------------------------------------------------------
# rejected_user DESC TEXT NAME PASSWORD ARGS...: fails with one line, DB unchanged
rejected_user() {
	local desc=$1 text=$2 before
	shift 2
	before=$(db_state "$DB")
	adduser "$DB" "$@"
	if [ "$rc" -ne 0 ]; then ok; else bad "$desc: exit 0"; fi
	expect_err "$text" "$desc"
	check '[ "$before" = "$(db_state "$DB")" ]' "$desc: database unchanged"
}
rejected_user "short password" "minstens 10 tekens" "Kort" "kort" --role lezer
rejected_user "unknown role" "onbekende rol" "X Y" "wachtwoord123" --role koning
rejected_user "projectleider without municipality" "--municipality" "P L" "wachtwoord123" --role projectleider
rejected_user "unknown municipality" "GM0001" "P L" "wachtwoord123" --role projectleider --municipality GM0001
rejected_user "bad code" "ongeldige CBS-code" "P L" "wachtwoord123" --role lezer --municipality 0479
rejected_user "no role" "--role" "P L" "wachtwoord123"
rejected_user "control character in name" "stuurteken" $'A\tB' "wachtwoord123" --role lezer

# ---- serving without accounts (loopback: everyone may do everything) -------------
rc=0
start_server "$DB"
check '[ -n "$URL" ]' "server prints its address"
case "$URL" in http://127.0.0.1:*/) ok ;; *) bad "address is loopback: $URL" ;; esac

pages="/ /controle /gemeente/GM9999 /gemeente/GM9999/stap/1.1 /gemeente/GM9999/stap/1.4
/gemeente/GM9999/stap/1.5 /gemeente/GM9999/stap/2.1 /gemeente/GM9999/stap/3.proces
/gemeente/GM9999/stakeholders /gemeente/GM9999/gereedheid /gemeente/GM9999/gereedheid?fase=2
/gemeente/GM9999/quickscan /gemeente/GM9999/factoren /gemeente/GM9999/logboek
/gemeente/GM9999/documenten /static/kngg.css /static/kngg.svg"
for p in $pages; do
	http GET "$p"
	expect_status 200 "GET $p"
	# markup of the code never comes out escaped (class=&quot;card&quot;)
	expect_no_body '=&quot;' "GET $p: no escaped attribute markup"
done
# the overview is kept between requests, but never outlives a write (here
# by another process: the CLI)
http GET /
expect_body ">Waterlinde</a>" "overview lists the demo"
run --db "$DB" municipality rename GM9999 "Waterlinde aan Zee"
http GET /
expect_body ">Waterlinde aan Zee</a>" "overview follows a write made elsewhere"
for p in /gemeente/GM9999 /gemeente/GM9999/stakeholders /gemeente/GM9999/gereedheid; do
	http GET "$p"
	if printf '%s' "$body" | xmllint --html --noout - 2>/dev/null; then ok; else bad "$p parses as HTML"; fi
done
http GET /gemeente/GM9999
expect_body "Waterlinde" "roadmap names the municipality"
expect_body '<svg xmlns="http://www.w3.org/2000/svg"' "roadmap is an inline SVG"
expect_body 'href="/gemeente/GM9999/stap/1.4"' "roadmap links the steps"
expect_body "afgerond" "roadmap shows states"
http GET /gemeente/GM9999/gereedheid
"$KNGG" --db "$DB" readiness GM9999 >"$TMP/cli-readiness" 2>&1
first_rule=$(grep -m1 '✗' "$TMP/cli-readiness" | sed 's/^ *✗ //' | cut -c1-40)
expect_body "${first_rule%%\'*}" "readiness page says what the CLI says"
http GET /gemeente/GM9999/documenten
expect_body "projectplan" "documents page lists templates"
http GET /gemeente/GM9999/documenten/projectplan.docx
expect_status 200 "download DOCX"
case "$headers" in *"wordprocessingml"*) ok ;; *) bad "DOCX content type" ;; esac
case "$headers" in *'attachment; filename="projectplan-GM9999.docx"'*) ok ;; *) bad "DOCX file name" ;; esac
check 'python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).testzip()" "$TMP/body"' "DOCX is a valid zip"
http GET /gemeente/GM9999/documenten/projectplan.md
expect_status 200 "download Markdown"
http GET /controle
expect_body "In orde" "verify page: chain intact"

# security headers and cookie (a fresh visitor)
rm -f "$JAR"
http GET /
for h in "Content-Security-Policy: default-src 'none'" "X-Content-Type-Options: nosniff" \
	"X-Frame-Options: DENY" "Referrer-Policy: no-referrer" "Cache-Control: no-store"; do
	case "$headers" in *"$h"*) ok ;; *) bad "header $h" ;; esac
done
case "$headers" in *"Set-Cookie: kngg_sessie="*"HttpOnly; SameSite=Strict"*) ok ;; *) bad "session cookie HttpOnly SameSite=Strict" ;; esac
check '! printf "%s" "$body" | grep -q "<script"' "pages carry no script"

# not found, refused
for p in /gemeente/GM0001 /gemeente/XX /gemeente/GM9999/stap/1.9 /gemeente/GM9999/stap/..%2f..%2fetc \
	/gemeente/GM9999/documenten/common.docx /gemeente/GM9999/documenten/projectplan.pdf \
	/gemeente/GM9999/documenten/..%2fcommon.xsl /static/../../kngg.db /nope; do
	http GET "$p"
	case "$status" in 4??) ok ;; *) bad "GET $p: HTTP $status, expected 4xx" ;; esac
done
http GET "/?regio=Nergens"
expect_status 404 "unknown region"
http GET / -H "Host: evil.example:80"
expect_status 421 "foreign Host header refused (DNS rebinding)"
http PUT /
expect_status 405 "PUT refused"
http GET "/gemeente/GM9999/gereedheid?fase=9"
expect_status 400 "bad phase in the query"

# ---- writes: CSRF ---------------------------------------------------------------------
before=$(db_state "$DB")
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done"
expect_status 403 "POST without CSRF token refused"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&csrf=$(printf '0%.0s' $(seq 64))"
expect_status 403 "POST with a wrong CSRF token refused"
csrf /gemeente/GM9999/stap/1.4
check '[ ${#token} -eq 64 ]' "forms carry a CSRF token"
expect_body '<form method="post" action="/gemeente/GM9999/stap/1.4" class="card">' "form markup (class) unescaped"
http GET /gemeente/GM9999
expect_body '<a href="/gemeente/GM9999" aria-current="page">' "current page marked in the navigation"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&csrf=$token" -H "Origin: http://evil.example"
expect_status 403 "POST from another origin refused"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&csrf=$token" -H "Sec-Fetch-Site: cross-site"
expect_status 403 "cross-site POST refused"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&csrf=$token" -H "Content-Type: text/plain"
expect_status 415 "POST that is not a form refused"
check '[ "$before" = "$(db_state "$DB")" ]' "refused POSTs changed nothing"

# bad input through the form: the engine's message, nothing written
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&datum=2026-02-30&csrf=$token"
expect_status 303 "invalid date: back to the form"
http GET /gemeente/GM9999/stap/1.4
expect_body 'class="flash error"' "invalid date: error shown"
expect_body "2026-02-30" "invalid date: message names it"
http POST /gemeente/GM9999/stap/1.4 --data "wat=item&item=1.5%2Fa1&csrf=$token"
http GET /gemeente/GM9999/stap/1.4
expect_body "hoort niet bij de stap" "activity of another step refused"
check '[ "$before" = "$(db_state "$DB")" ]' "rejected forms changed nothing"

# a good write
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=done&datum=2026-11-20&notitie=via+web&csrf=$token"
expect_status 303 "step done: redirect"
case "$headers" in *"Location: /gemeente/GM9999/stap/1.4"*) ok ;; *) bad "redirect back to the step" ;; esac
http GET /gemeente/GM9999/stap/1.4
expect_body "Stap afgerond." "flash after writing"
run --db "$DB" status GM9999
expect_out "1.4" "status lists 1.4"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'step.done'"' AND target = '"'1.4'"' AND note = '"'via web'"'")" = 1 ]' "step.done recorded once with its note"

# an area and a step in it (phase 2), a cycle (phase 3)
csrf /gemeente/GM9999
http POST /gemeente/GM9999 --data "wat=gebied&naam=Oud+Noord+%26+De+Kern&doelgroep=0-12+jaar&csrf=$token"
expect_status 303 "area added on the roadmap"
http GET /gemeente/GM9999
expect_body "Oud Noord &amp; De Kern" "roadmap shows the new area"
expect_body 'href="/gemeente/GM9999/stap/2.1?gebied=Oud%20Noord%20%26%20De%20Kern"' "area steps link with the area encoded"
http GET "/gemeente/GM9999/stap/2.1?gebied=Oud%20Noord%20%26%20De%20Kern"
expect_status 200 "step page of an area"
expect_body 'name="gebied" value="Oud Noord &amp; De Kern"' "area carried in the forms"
http POST "/gemeente/GM9999/stap/2.1" --data "wat=stap&actie=start&gebied=Oud+Noord+%26+De+Kern&datum=2026-11-22&csrf=$token"
expect_status 303 "area step started"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event e JOIN area a ON a.id = e.area_id WHERE e.kind = '"'step.start'"' AND e.target = '"'2.1'"' AND a.name = '"'Oud Noord & De Kern'"'")" = 1 ]' "step.start recorded in the area"
before=$(db_state "$DB")
http POST "/gemeente/GM9999/stap/2.1" --data "wat=stap&actie=start&gebied=Nergens&csrf=$token"
expect_status 303 "unknown area: back with a message"
check '[ "$before" = "$(db_state "$DB")" ]' "unknown area changed nothing"
http POST /gemeente/GM9999 --data "wat=cyclus&fase=3&csrf=$token"
expect_status 303 "cycle started"
http GET /gemeente/GM9999/quickscan
expect_body "fase 3, cyclus 1" "QuickScan knows the cycle"
csrf /gemeente/GM9999/quickscan
http POST /gemeente/GM9999/quickscan --data "thema=ketencommitment&score=3&csrf=$token"
expect_status 303 "QuickScan score recorded"
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=4&notitie=web&csrf=$token"
expect_status 303 "factor check recorded"
http POST /gemeente/GM9999/factoren --data "factor=geenfactor&score=4&csrf=$token"
http GET /gemeente/GM9999/factoren
expect_body 'class="flash error"' "unknown factor refused with a message"

# roles, the declared phase and a correction, through the web
csrf /gemeente/GM9999/stakeholders
pid=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Fleur Ammerlaan'")
http POST /gemeente/GM9999/stakeholders --data "wat=rol&actie=toewijzen&persoon=$pid&rol=werkgroep&plv=1&uren=4&inbreng=data&csrf=$token"
expect_status 303 "role assigned on the web"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'role.assign'"' AND person_id = $pid AND target = '"'werkgroep'"'")" = 1 ]' "role.assign recorded"
http POST /gemeente/GM9999/stakeholders --data "wat=rol&actie=toewijzen&persoon=$pid&rol=werkgroep&uren=99&csrf=$token"
http GET /gemeente/GM9999/stakeholders
expect_body 'class="flash error"' "99 hours refused"
http POST /gemeente/GM9999/stakeholders --data "wat=rol&actie=beeindigen&persoon=$pid&rol=werkgroep&csrf=$token"
expect_status 303 "role ended on the web"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'role.end'"' AND person_id = $pid")" = 1 ]' "role.end recorded"
csrf /gemeente/GM9999/gereedheid
http POST /gemeente/GM9999/gereedheid --data "fase=2&notitie=eigen+inschatting&csrf=$token"
expect_status 303 "phase declared on the web"
http GET /gemeente/GM9999/gereedheid
expect_body "opgegeven fase: 2" "readiness shows the declared phase"
last=$(sqlite3 "$DB" "SELECT max(id) FROM event WHERE kind = 'factor'")
csrf /gemeente/GM9999/logboek
before=$(db_state "$DB")
http POST /gemeente/GM9999/logboek --data "nummer=$last&bevestigd=ja&csrf=$token"
expect_status 303 "correction without a reason: back with a message"
http POST /gemeente/GM9999/logboek --data "nummer=abc&reden=x&csrf=$token"
check '[ "$before" = "$(db_state "$DB")" ]' "bad corrections changed nothing"
http POST /gemeente/GM9999/logboek --data "nummer=%23$last&reden=per+ongeluk&bevestigd=ja&csrf=$token"
expect_status 303 "event withdrawn on the web"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM event WHERE kind = '"'correction'"' AND corrects = $last")" = 1 ]' "correction recorded"
http GET /gemeente/GM9999/logboek
expect_body 'class="withdrawn"' "journal strikes the withdrawn event"
# every field has its own id, so every label finds its field
for p in /gemeente/GM9999 /gemeente/GM9999/stap/1.5 /gemeente/GM9999/stap/1.6 /gemeente/GM9999/stakeholders \
	/gemeente/GM9999/gereedheid /gemeente/GM9999/logboek /gemeente/GM9999/factoren; do
	http GET "$p"
	dups=$(printf '%s' "$body" | grep -o ' id="[^"]*"' | sort | uniq -d | tr '\n' ' ')
	check '[ -z "$dups" ]' "$p: ids unique ($dups)"
	missing=$(printf '%s' "$body" | grep -o 'for="[^"]*"' | sed 's/for="//; s/"//' | while read -r id; do
		printf '%s' "$body" | grep -q " id=\"$id\"" || printf '%s ' "$id"; done)
	check '[ -z "$missing" ]' "$p: every label has its field ($missing)"
done

# stakeholder named like a script: shown as text
csrf /gemeente/GM9999/stakeholders
http POST /gemeente/GM9999/stakeholders --data-urlencode "naam=<script>alert(1)</script>" \
	--data "wat=nieuw&organisatie=GGD+Waterland&soort=ggd&csrf=$token"
expect_status 303 "stakeholder added"
http GET /gemeente/GM9999/stakeholders
expect_no_body "<script>alert(1)" "script name not markup"
expect_body "&lt;script&gt;alert(1)&lt;/script&gt;" "script name escaped as text"
http GET /gemeente/GM9999/logboek
expect_no_body "<script>alert(1)" "journal escapes it too"

# ---- limits ------------------------------------------------------------------------------
before=$(db_state "$DB")
head -c 70000 /dev/zero | tr '\0' 'a' >"$TMP/big"
http POST /gemeente/GM9999/stap/1.4 --data-binary "@$TMP/big"
expect_status 413 "oversized form refused"
# chunked, without a Content-Length to refuse it by up front: read to its
# end, then the same answer; far too large, the connection is cut
http POST /gemeente/GM9999/stap/1.4 -H "Transfer-Encoding: chunked" --data-binary "@$TMP/big"
expect_status 413 "oversized chunked form refused"
expect_body "Dit formulier is te groot." "oversized chunked form: the Dutch page"
head -c 3000000 /dev/zero | tr '\0' 'a' >"$TMP/huge"
http POST /gemeente/GM9999/stap/1.4 -H "Transfer-Encoding: chunked" --data-binary "@$TMP/huge"
check '[ "$status" = 000 ] || [ "$status" = 100 ] || [ "$status" = 413 ]' "3 MB chunked form cut off (HTTP $status)"
http POST /gemeente/GM9999/stap/1.4 -H "Transfer-Encoding: chunked" --data "wat=stap&actie=done&datum=2026-02-30&csrf=$token"
expect_status 303 "a chunked form within the limit is read (invalid date: back to the form)"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=%zz&csrf=$token"
expect_status 400 "malformed form refused"
http POST /gemeente/GM9999/stap/1.4 --data "wat=stap&actie=%00&csrf=$token"
expect_status 400 "NUL in a form refused"
http POST /gemeente/GM9999/stap/1.4 --data "a=%ff%fe&csrf=$token"
expect_status 400 "form that is not UTF-8 refused"
http POST /gemeente/GM9999/stap/1.4 --data "$(seq -s '&' -f 'f%g=1' 100)&csrf=$token"
expect_status 400 "too many fields refused"
http GET "/$(head -c 60000 /dev/zero | tr '\0' 'a')"
expect_status 414 "huge URL refused"
http GET / -H "X-Big: $(head -c 60000 /dev/zero | tr '\0' 'b')"
expect_status 431 "huge header refused"
# raw requests: REQUEST -> the status line of the answer in $TMP/raw
raw() {
	printf "$1" | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/${URL##*:}; cat >&3; cat <&3" 2>/dev/null | head -n1 >"$TMP/raw"
}
URL=${URL%/}
raw 'GET / HTTP/1.1\r\nHost\r\n\r\n'
check 'grep -q "^HTTP/1.1 400" "$TMP/raw"' "header without colon gets 400"
raw 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n'
check 'grep -q "^HTTP/1.1 400" "$TMP/raw"' "bad Content-Length gets 400"
raw 'GARBAGE\r\n\r\n'
URL=$URL/
check '[ "$before" = "$(db_state "$DB")" ]' "limits: nothing written"
http GET /
expect_status 200 "server still up after bad requests"
stop_server

# ---- non-loopback without accounts is refused ---------------------------------------------
run --db "$DB" serve --listen 0.0.0.0:0
expect_rc 1 "0.0.0.0 without accounts"
expect_err "accounts" "0.0.0.0 without accounts"
run --db "$DB" serve --listen nonsense
expect_rc 1 "bad --listen"
expect_err "--listen" "bad --listen"
run --db "$DB" serve --threads 0
expect_rc 2 "bad --threads"
run --db "$TMP/none.db" serve
expect_rc 1 "missing database"
expect_err "none.db" "missing database"

# ---- accounts ------------------------------------------------------------------------------------
run --db "$DB" municipality add GM0479 Zaanstad
run --db "$DB" stakeholder add GM9999 --name "Fatima el Amrani" --org "Gemeente Waterlinde"
expect_rc 0 "the projectleider is in the register"
adduser "$DB" "Fatima el Amrani" "wachtwoord123" --role projectleider --municipality GM9999 \
	--person "GM9999:Fatima el Amrani"
expect_rc 0 "add projectleider, linked to her person"
adduser "$DB" "Lex Lezer" "lezerswachtwoord" --role lezer
expect_rc 0 "add lezer"
adduser "$DB" "Zaan Leider" "zaanwachtwoord" --role projectleider --municipality GM0479
expect_rc 0 "add projectleider of another municipality"
adduser "$DB" "Bea Heer" "beheerwachtwoord" --role beheerder
expect_rc 0 "add beheerder"
rejected_user "duplicate account" "al een account" "Lex Lezer" "anderwachtwoord" --role lezer
run --db "$DB" user list
expect_out "Fatima el Amrani" "user list"
expect_out "GM9999" "user list shows municipalities"
n_argon=$(sqlite3 "$DB" "SELECT count(*) FROM account WHERE pwhash LIKE '\$argon2id\$%'")
check '[ "$n_argon" = 4 ]' "passwords stored as Argon2id"
check '! sqlite3 "$DB" .dump | grep -q wachtwoord123' "no password in clear in the database"

start_server "$DB"
rm -f "$JAR"
http GET /
expect_status 303 "with accounts: login required"
case "$headers" in *"Location: /inloggen"*) ok ;; *) bad "redirect to /inloggen" ;; esac
http GET /gemeente/GM9999
expect_status 303 "pages need login"
login "Fatima el Amrani" "fout-wachtwoord"
expect_status 401 "wrong password"
expect_body "Naam of wachtwoord onjuist." "wrong password message"
login "Niemand" "wachtwoord123"
expect_status 401 "unknown account: same answer"
expect_body "Naam of wachtwoord onjuist." "unknown account message"

# lezer: reads, cannot write
login "Lex Lezer" "lezerswachtwoord"
expect_status 303 "lezer logs in"
http GET /gemeente/GM9999/stap/1.5
expect_status 200 "lezer reads a step"
expect_no_body 'value="done"' "lezer sees no write buttons"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
before=$(db_state "$DB")
http POST /gemeente/GM9999/stap/1.5 --data "wat=stap&actie=start&csrf=$token"
expect_status 403 "lezer cannot write"
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=3&csrf=$token"
expect_status 403 "lezer cannot record a factor check"
http GET /gebruikers
expect_status 403 "lezer cannot manage accounts"
check '[ "$before" = "$(db_state "$DB")" ]' "lezer changed nothing"
http POST /uitloggen --data "csrf=$token"
expect_status 303 "logout"
http GET /gemeente/GM9999
expect_status 303 "after logout: login again"

# projectleider of another municipality: does not see GM9999
login "Zaan Leider" "zaanwachtwoord"
http GET /gemeente/GM9999
expect_status 404 "other municipality not visible"
http GET /
expect_no_body "Waterlinde" "overview hides other municipalities"
csrf /gemeente/GM0479/factoren
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=3&csrf=$token"
expect_status 404 "cannot write for another municipality"
check '[ "$before" = "$(db_state "$DB")" ]' "nothing written for another municipality"

# projectleider: writes, journal by name
rm -f "$JAR"
login "Fatima el Amrani" "wachtwoord123"
expect_status 303 "projectleider logs in"
case "$headers" in *"Set-Cookie: kngg_sessie="*) ok ;; *) bad "new session cookie at login" ;; esac
csrf /gemeente/GM9999/stap/1.5
http POST /gemeente/GM9999/stap/1.5 --data "wat=stap&actie=start&datum=2026-11-21&csrf=$token"
expect_status 303 "projectleider starts 1.5"
check '[ "$(sqlite3 "$DB" "SELECT p.name FROM event e JOIN person p ON p.id = e.by_person WHERE e.kind = '"'step.start'"' AND e.target = '"'1.5'"'")" = "Fatima el Amrani" ]' "journal has the logged-in user as by"
http GET /gemeente/GM9999/logboek
expect_body "Fatima el Amrani" "journal page shows who"
http GET /gebruikers
expect_status 403 "projectleider cannot manage accounts"

# beheerder: accounts page; adds and removes through the web
rm -f "$JAR"
login "Bea Heer" "beheerwachtwoord"
csrf /gebruikers
expect_status 200 "beheerder sees accounts"
expect_body "Lex Lezer" "accounts listed"
http POST /gebruikers --data "naam=Nieuwe+Lezer&rol=lezer&wachtwoord=kort&csrf=$token"
http GET /gebruikers
expect_body "minstens 10 tekens" "short password refused on the web"
http POST /gebruikers --data "naam=Nieuwe+Lezer&rol=lezer&wachtwoord=nieuwwachtwoord&csrf=$token"
expect_status 303 "account added on the web"
http POST /gebruikers --data "verwijder=Nieuwe+Lezer&csrf=$token"
expect_status 303 "account removed on the web"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM account WHERE name = '"'Nieuwe Lezer'"'")" = 0 ]' "account gone"

# a removed account's session ends
rm -f "$JAR"
login "Lex Lezer" "lezerswachtwoord"
run --db "$DB" user remove "Lex Lezer"
expect_rc 0 "user remove"
http GET /gemeente/GM9999
expect_status 303 "removed account is logged out"
run --db "$DB" user remove "Lex Lezer"
expect_rc 1 "remove unknown account"
expect_err "geen account" "remove unknown account"

# a password change ends the account's sessions: with kngg user password
# (another process, while the server runs) ...
rm -f "$JAR"
login "Fatima el Amrani" "wachtwoord123"
http GET /gemeente/GM9999
expect_status 200 "logged in before the password change"
out=$(printf 'nieuwwachtwoord1\n' | "$KNGG" --db "$DB" user password "Fatima el Amrani" 2>&1)
rc=$?
expect_rc 0 "user password"
expect_out "opnieuw inloggen" "user password says that sessions end"
http GET /gemeente/GM9999
expect_status 303 "password changed with the CLI: the session has ended"
case "$headers" in *"Location: /inloggen"*) ok ;; *) bad "password changed with the CLI: back to /inloggen" ;; esac
http GET /inloggen
expect_body "Het wachtwoord van uw account is gewijzigd. Log opnieuw in." "the login page says why"
login "Fatima el Amrani" "wachtwoord123"
expect_status 401 "the old password no longer works"
login "Fatima el Amrani" "nieuwwachtwoord1"
expect_status 303 "the new password works"
# ... on the web, her own: her other sessions end, the one she used goes on
OTHER=$TMP/jar-other
JAR=$OTHER login "Fatima el Amrani" "nieuwwachtwoord1"
JAR=$OTHER http GET /gemeente/GM9999
expect_status 200 "a second session of the same account"
csrf /wachtwoord
expect_status 200 "password page"
expect_body 'autocomplete="current-password"' "password page asks for the current password"
before=$(db_state "$DB")
http POST /wachtwoord --data-urlencode "huidig=fout-wachtwoord" --data-urlencode "nieuw=anderwachtwoord2" \
	--data-urlencode "herhaal=anderwachtwoord2" --data "csrf=$token"
expect_status 303 "wrong current password: back to the form"
http POST /wachtwoord --data-urlencode "huidig=nieuwwachtwoord1" --data-urlencode "nieuw=anderwachtwoord2" \
	--data-urlencode "herhaal=anderwachtwoord3" --data "csrf=$token"
http POST /wachtwoord --data-urlencode "huidig=nieuwwachtwoord1" --data-urlencode "nieuw=kort" \
	--data-urlencode "herhaal=kort" --data "csrf=$token"
http GET /wachtwoord
expect_body "minstens 10 tekens" "short new password refused on the web"
check '[ "$before" = "$(db_state "$DB")" ]' "refused password changes changed nothing"
JAR=$OTHER http GET /gemeente/GM9999
expect_status 200 "refused password changes end no session"
http POST /wachtwoord --data-urlencode "huidig=nieuwwachtwoord1" --data-urlencode "nieuw=anderwachtwoord2" \
	--data-urlencode "herhaal=anderwachtwoord2" --data "csrf=$token"
expect_status 303 "password changed on the web"
http GET /gemeente/GM9999
expect_status 200 "the session that changed it goes on"
JAR=$OTHER http GET /gemeente/GM9999
expect_status 303 "password changed on the web: the other session has ended"
# ... and by a beheerder, for another account
ADMIN=$TMP/jar-admin
JAR=$ADMIN login "Bea Heer" "beheerwachtwoord"
JAR=$ADMIN csrf /gebruikers
JAR=$ADMIN http POST /gebruikers --data-urlencode "voor=Fatima el Amrani" \
	--data-urlencode "nieuw=beheerdergezet1" --data "csrf=$token"
expect_status 303 "beheerder sets a password"
http GET /gemeente/GM9999
expect_status 303 "password set by a beheerder: the session has ended"
login "Fatima el Amrani" "beheerdergezet1"
expect_status 303 "the password the beheerder set works"
JAR=$ADMIN http GET /gemeente/GM9999
expect_status 200 "the beheerder's own session goes on"
JAR=$TMP/jar

# throttling: the sixth wrong password in a row waits
rm -f "$JAR"
for i in 1 2 3 4 5; do login "Bea Heer" "fout$i-wachtwoord"; done
login "Bea Heer" "beheerwachtwoord"
expect_status 429 "login throttled after five failures"
expect_body "Te veel mislukte pogingen" "throttle message"

# ---- a database error: 500 in Dutch, the server keeps running ------------------------------
sqlite3 "$DB" "DROP TABLE account_municipality; DROP TABLE account;"
http GET /
expect_status 500 "database error answers 500"
expect_body "Er ging iets mis" "database error message in Dutch"
http GET /static/kngg.css
expect_status 200 "server survives a database error"
stop_server

# ---- behind a reverse proxy: --host names the public host --------------------------------
# The proxy passes the browser's Host and Origin (nginx: proxy_set_header Host $host).
PDB=$TMP/proxy.db
"$KNGG" --db "$PDB" demo >/dev/null
rm -f "$JAR"
start_server "$PDB" --host kngg.example.nl
PH=(-H "Host: kngg.example.nl")
http GET /gemeente/GM9999 "${PH[@]}"
expect_status 200 "a page through the proxy's Host"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
http GET /gemeente/GM9999/stap/1.4 "${PH[@]}"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
http POST /gemeente/GM9999/stap/1.4 "${PH[@]}" -H "Origin: https://kngg.example.nl" \
	-H "Sec-Fetch-Site: same-origin" --data "wat=stap&actie=done&datum=2026-11-20&csrf=$token"
expect_status 303 "a form through the proxy, with the browser's Origin, is accepted"
check '[ "$(sqlite3 "$PDB" "SELECT count(*) FROM event WHERE kind = '"'step.done'"' AND target = '"'1.4'"'")" = 1 ]' \
	"and recorded"
http POST /gemeente/GM9999/stap/1.4 "${PH[@]}" -H "Origin: https://evil.example" --data "wat=stap&actie=done&csrf=$token"
expect_status 403 "another Origin through the proxy is still refused"
http GET / -H "Host: evil.example"
expect_status 421 "another Host is still refused"
http GET / -H "Host: kngg.example.nl.evil.example"
expect_status 421 "a Host that only starts with the name is refused"
stop_server
rejected_host() { run --db "$PDB" serve --host "$1"; expect_rc 2 "--host '$1' refused"; }
rejected_host "https://kngg.example.nl"
rejected_host "kngg.example.nl:443"
rejected_host ""

finish
