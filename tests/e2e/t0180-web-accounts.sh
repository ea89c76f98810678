#!/usr/bin/env bash
# Web accounts are linked to a person of the register on purpose (schema 7):
# kngg user add/set --display-name --person --unlink, the beheerder's link
# form, writes recorded as the linked person (no new person), unlinked
# writes refused, and an AVG erase that unlinks.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
check '[ "$(sqlite3 "$DB" "PRAGMA user_version")" = 7 ]' "schema 7"
anouk=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Anouk Çelik'")

# ---- CLI ----------------------------------------------------------------------------
adduser "$DB" "pl" "wachtwoord123" --role projectleider --municipality GM9999 \
	--display-name "Anouk (projectleider)" --person "GM9999:$anouk"
expect_rc 0 "user add with --display-name and --person"
run --db "$DB" user list
expect_out "weergavenaam: Anouk (projectleider)" "user list shows the display name"
expect_out "GM9999: persoon $anouk Anouk Çelik" "user list shows the link"
# a wrong link adds nothing (one transaction)
before=$(db_state "$DB")
adduser "$DB" "x" "wachtwoord123" --role lezer --person "GM9999:999"
check '[ "$rc" = 1 ]' "unknown person: exit 1"
expect_err "geen persoon 999" "unknown person"
check '[ "$before" = "$(db_state "$DB")" ]' "unknown person: database unchanged"
adduser "$DB" "x" "wachtwoord123" --role lezer --person "GM9999"
check '[ "$rc" = 2 ]' "--person without a person: usage"
expect_err "CODE:PERSOON" "--person without a person"
check '[ "$before" = "$(db_state "$DB")" ]' "bad --person: database unchanged"
rejected "set: unknown account" "geen account" user set niemand --display-name X
rejected "set: nothing to change" "--display-name" user set pl
rejected "set: unknown municipality" "GM0001" user set pl --person GM0001:1
run --db "$DB" municipality add GM0479 Zaanstad
rejected "set: a municipality the account does not have" "hoort niet bij gemeente GM0479" user set pl --person GM0479:1
adduser "$DB" "beheer" "beheerwachtwoord" --role beheerder
expect_rc 0 "beheerder without links"
adduser "$DB" "nieuw" "wachtwoord123" --role projectleider --municipality GM9999
expect_rc 0 "projectleider without link"

# ---- the web: writes as the linked person ------------------------------------------------
start_server "$DB"
login pl wachtwoord123
expect_status 303 "pl logs in"
http GET /gemeente/GM9999
expect_body "Anouk (projectleider) (projectleider)" "header shows the display name"
expect_no_body 'id="niet-gekoppeld"' "a linked account sees no notice"
n0=$(persons "$DB")
csrf /gemeente/GM9999/factoren
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=3&csrf=$token"
expect_status 303 "linked projectleider records a check"
check '[ "$(persons "$DB")" = "$n0" ]' "a web write adds no person ($n0 -> $(persons "$DB"))"
check '[ "$(sqlite3 "$DB" "SELECT by_person FROM event ORDER BY id DESC LIMIT 1")" = "$anouk" ]' \
	"the write is by the linked person"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM person WHERE name IN ('"'pl'"', '"'Anouk (projectleider)'"')")" = 0 ]' \
	"no person named after the account"

# an unlinked account is refused, with a message that says what to do
login nieuw wachtwoord123
http GET /gemeente/GM9999/factoren
expect_body 'id="niet-gekoppeld"' "an unlinked account is told before it writes"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
before=$(db_state "$DB")
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=3&csrf=$token"
expect_status 403 "unlinked write refused"
expect_body "nog niet gekoppeld aan een persoon" "refusal says why"
expect_body "Vraag een beheerder" "refusal says what to do"
check '[ "$before" = "$(db_state "$DB")" ]' "unlinked write: database unchanged"
# and may not link itself
http POST /gemeente/GM9999/stakeholders --data "wat=koppel&account=nieuw&persoon=$anouk&csrf=$token"
expect_status 403 "a projectleider cannot link"
check '[ "$before" = "$(db_state "$DB")" ]' "refused link: database unchanged"

# the beheerder links on the stakeholders page
login beheer beheerwachtwoord
http GET /gemeente/GM9999/stakeholders
expect_body "Account koppelen aan een persoon" "beheerder sees the link form"
expect_body "Anouk (projectleider) → Anouk Çelik" "link form lists the links"
fleur=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Fleur Ammerlaan'")
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
http POST /gemeente/GM9999/stakeholders --data "wat=koppel&account=nieuw&persoon=$fleur&csrf=$token"
expect_status 303 "beheerder links an account"
check '[ "$(sqlite3 "$DB" "SELECT person_id FROM account_person WHERE account = '"'nieuw'"'")" = "$fleur" ]' "link stored"
before=$(db_state "$DB")
http POST /gemeente/GM9999/stakeholders --data "wat=koppel&account=nieuw&persoon=99999&csrf=$token"
expect_status 303 "unknown person: back to the form"
http POST /gemeente/GM9999/stakeholders --data "wat=koppel&persoon=$fleur&csrf=$token"
expect_status 303 "no account: back to the form"
http GET /gemeente/GM9999/stakeholders
expect_body "Kies een account." "no account: says which field"
token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
check '[ "$before" = "$(db_state "$DB")" ]' "unknown person: database unchanged"
# display name on /gebruikers
http POST /gebruikers --data-urlencode "weergave_voor=nieuw" --data-urlencode "weergavenaam=Fleur A." --data "csrf=$token"
expect_status 303 "display name set on the web"
check '[ "$(sqlite3 "$DB" "SELECT display_name FROM account WHERE name = '"'nieuw'"'")" = "Fleur A." ]' "display name stored"
http GET /gebruikers
expect_body "GM9999: Fleur Ammerlaan" "accounts page shows the link"
expect_body "23 november 2026" "accounts page: Dutch date"
# the beheerder itself is not linked: refused too, with its own hint
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=3&csrf=$token"
expect_status 403 "unlinked beheerder refused"
expect_body "Koppel uw account op de pagina Stakeholders" "beheerder is told where to link"

login nieuw wachtwoord123
n0=$(persons "$DB")
csrf /gemeente/GM9999/factoren
http POST /gemeente/GM9999/factoren --data "factor=draagvlak&score=4&csrf=$token"
expect_status 303 "now linked: the write goes through"
check '[ "$(sqlite3 "$DB" "SELECT by_person FROM event ORDER BY id DESC LIMIT 1")" = "$fleur" ]' "by the linked person"
check '[ "$(persons "$DB")" = "$n0" ]' "still no new person"
stop_server

# ---- AVG: erasing a person unlinks it --------------------------------------------------
run --db "$DB" person erase "$fleur" --reason "verzoek"
expect_rc 0 "erase"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM account_person WHERE person_id = $fleur")" = 0 ]' "erase unlinks"
run --db "$DB" user list
expect_no_out "persoon $fleur" "user list: link gone"
run --db "$DB" verify
expect_rc 0 "chain intact after erase"
run --db "$DB" user set pl --unlink GM9999 --display-name ""
expect_rc 0 "unlink and clear the display name"
check '[ "$(sqlite3 "$DB" "SELECT count(*) FROM account_person WHERE account = '"'pl'"'") $(sqlite3 "$DB" "SELECT ifnull(display_name, '"'-'"') FROM account WHERE name = '"'pl'"'")" = "0 -" ]' \
	"unlinked, no display name"
finish
