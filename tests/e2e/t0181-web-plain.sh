#!/usr/bin/env bash
# The web speaks to people who never open a terminal: no CLI commands or
# options on any page of the demo (crawled) nor in the messages of failed
# writes (fields are named instead), Dutch dates on every page that shows
# dates, and readiness items that link to the page and form that meets them.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
start_server "$DB"

# the page's text without tags and without the footer (kngg VERSION · ...)
text() { printf '%s' "$body" | sed 's/<footer>.*<\/footer>//; s/<[^>]*>/\n/g'; }
# cli_free WHAT: no command ("kngg step", 'kngg org add') and no option (--area)
cli_free() {
	local hits
	hits=$(text | grep -nE "kngg [a-z]|(^|[^-])--[a-z]" | head -n3)
	if [ -z "$hits" ]; then ok; else bad "$1: CLI text: $hits"; fi
}

# ---- crawl every page reachable from the overview and the roadmap -------------------------
seen=" "
queue="/ /controle /gemeente/GM9999 /gemeente/GM9999/gereedheid?fase=2 /gemeente/GM9999/gereedheid?fase=3
/gemeente/GM9999/gereedheid?fase=4 /gemeente/GM9999/stap/2.1 /gemeente/GM9999/stap/3.proces"
pages=0
while [ -n "$queue" ]; do
	set -- $queue
	p=$1
	shift
	queue="$*"
	case "$seen" in *" $p "*) continue ;; esac
	seen="$seen$p "
	http GET "$p"
	case "$headers" in *"text/html"*) ;; *) continue ;; esac
	pages=$((pages + 1))
	expect_status 200 "GET $p"
	cli_free "GET $p"
	for l in $(printf '%s' "$body" | grep -o 'href="/gemeente/GM9999[^"#]*"' | sed 's/^href="//; s/"$//; s/&amp;/\&/g'); do
		case "$l" in *.csv* | */documenten/*) continue ;; esac
		case "$seen" in *" $l "*) ;; *) queue="$queue $l" ;; esac
	done
done
check '[ "$pages" -ge 30 ]' "crawled $pages pages (at least 30)"

# ---- failed writes: fields, not options; the site, not commands -------------------------------
flash() { # the error flash on the page a failed POST redirects to
	local loc
	loc=$(printf '%s' "$headers" | sed -n 's/^Location: \([^\r]*\).*/\1/p' | tr -d '\r')
	http GET "$loc"
	msg=$(printf '%s' "$body" | grep -o '<p class="flash error" role="alert">[^<]*' | sed 's/.*>//')
}
csrf /gemeente/GM9999/stap/1.3
# starting a step that is done: the engine says 'kngg step reopen'
http POST /gemeente/GM9999/stap/1.3 --data "wat=stap&actie=start&csrf=$token"
flash
check '[ -n "$msg" ]' "start a done step: an error ($msg)"
case "$msg" in *"kngg "*|*"--"*) bad "start a done step: CLI text: $msg" ;; *) ok ;; esac
case "$msg" in *"knop Heropenen"*) ok ;; *) bad "start a done step: names the button: $msg" ;; esac
check '[ "$msg" = "Stap 1.3 is al afgerond op 8 juli 2026. Heropen de stap met de knop Heropenen op de pagina van de stap." ]' \
	"start a done step: the whole message: $msg"
# phase 2 without an area
before=$(db_state "$DB")
http POST /gemeente/GM9999/stap/2.1 --data "wat=stap&actie=start&csrf=$token"
flash
check '[ "$msg" = "Kies een gebied: fase 2 wordt per gebied vastgelegd." ]' "no area: '$msg'"
check '[ "$before" = "$(db_state "$DB")" ]' "no area: database unchanged"
# a sign-off whose signer does not fit: the engine suggests '--as ROL'
http POST /gemeente/GM9999/stap/1.5 --data "wat=tekenen&ondertekenaar=2&ondertekening=1.5/s1&besluit=go&rol=beleidsmedewerker&stuk=B1&csrf=$token"
flash
case "$msg" in *"kngg "*|*"--"*) bad "signer does not fit: CLI text: $msg" ;; *) ok ;; esac
case "$msg" in *"Mandaat"*) ok ;; *) bad "signer does not fit: names the field Mandaat: $msg" ;; esac
# an unknown organisation: the engine says 'kngg org add'
http POST /gemeente/GM9999/stap/1.5 --data "wat=tekenen&ondertekenaar=7&ondertekening=1.5/s1&besluit=go&rol=wethouder&organisatie=Nergens&stuk=B1&csrf=$token"
flash
case "$msg" in *"kngg "*|*"--"*) bad "unknown organisation: CLI text: $msg" ;; *) ok ;; esac
case "$msg" in *"Stakeholder toevoegen"*) ok ;; *) bad "unknown organisation: says where: $msg" ;; esac
check '[ "$before" = "$(db_state "$DB")" ]' "refused sign-offs: database unchanged"
# a bad factor score and a bad journal filter
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=9&csrf=$token"
flash
case "$msg" in *"kngg "*|*"--"*) bad "bad score: CLI text: $msg" ;; *) ok ;; esac
http GET "/gemeente/GM9999/logboek?van=31-13-2026"
expect_status 400 "bad filter date"
cli_free "bad filter date"

# ---- Dutch dates -------------------------------------------------------------------------------
iso_free() { # WHAT: the page's text shows no YYYY-MM-DD (form values and charts aside)
	local hits
	hits=$(printf '%s' "$body" | perl -0pe 's/<svg.*?<\/svg>//gs; s/<[^>]*>/\n/g' | grep -nE '(^|[^0-9])20[0-9]{2}-[0-9]{2}-[0-9]{2}' | head -n3)
	if [ -z "$hits" ]; then ok; else bad "$1: ISO dates: $hits"; fi
}
for p in / /gemeente/GM9999/logboek /gemeente/GM9999/gereedheid /gemeente/GM9999/stakeholders \
	/gemeente/GM9999/factoren /gemeente/GM9999/stap/1.1 /gemeente/GM9999/stap/1.4 /gemeente/GM9999; do
	http GET "$p"
	iso_free "$p"
done
http GET /gemeente/GM9999/logboek
expect_body "<td>21 oktober 2026</td>" "logboek: Dutch date"
http GET /gemeente/GM9999/gereedheid
expect_body "Stand op 23 november 2026" "gereedheid: Dutch date"
http GET /gemeente/GM9999/stap/1.1
expect_body "Compleet getekend</strong> sinds " "a complete point says since when"
check 'printf "%s" "$body" | grep -qE "(go|akkoord) op [0-9]+ [a-z]+ 20[0-9]{2}"' "signatures: Dutch dates"
http GET /gemeente/GM9999/documenten
expect_no_body "since" "no English on the documents page"
expect_no_body "today" "no English on the documents page (today)"

# ---- readiness items link to where they are met -------------------------------------------------
http GET /gemeente/GM9999/gereedheid
expect_body 'href="/gemeente/GM9999/stap/1.4#stand">→ Stap 1.4 afronden</a>' "a step to finish links to its state form"
expect_body 'href="/gemeente/GM9999/stap/1.5#o-1.5/s1">→ Ondertekening 1.5/s1 vastleggen bij stap 1.5</a>' "a sign-off links to its form"
http GET /gemeente/GM9999/stap/1.5
expect_body 'id="o-1.5/s1"' "the sign-off anchor exists"
http GET /gemeente/GM9999/stap/1.4
expect_body 'id="stand"' "the state anchor exists"
http GET "/gemeente/GM9999/gereedheid?fase=2"
expect_body 'href="/gemeente/GM9999#gebied">→ Gebied toevoegen op de routekaart</a>' "no area: links to the area form"
http GET /gemeente/GM9999
expect_body 'id="gebied"' "the area anchor exists"
http GET "/gemeente/GM9999/gereedheid?fase=3"
expect_body 'href="/gemeente/GM9999#cyclus">' "no cycle: links to the cycle form"
# advice rules: commitment and factors
http GET "/gemeente/GM9999/gereedheid"
check 'printf "%s" "$body" | grep -qE "href=\"/gemeente/GM9999/(stakeholders#(analyse|rol)|factoren#check)\""' \
	"advice links to the stakeholders or factors form"
stop_server
finish
