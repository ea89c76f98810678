#!/usr/bin/env bash
# Changing your own password on the web: the current one first, the new
# one twice, Argon2id through the account code; the old one stops working.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
adduser "$DB" lezer "oudwachtwoord1" --role lezer
expect_rc 0 "add lezer"
start_server "$DB"
login lezer oudwachtwoord1
expect_status 303 "login"
http GET /
expect_body 'href="/wachtwoord">Wachtwoord</a>' "every page links to the password page"
csrf /wachtwoord
expect_body "Huidig wachtwoord" "asks the current password"
expect_body "Nieuw wachtwoord nogmaals" "asks the new one twice"
hash0=$(sqlite3 "$DB" "SELECT pwhash FROM account WHERE name = 'lezer'")
pw() { # CURRENT NEW AGAIN: posts the form, then reads the flash
	http POST /wachtwoord --data-urlencode "huidig=$1" --data-urlencode "nieuw=$2" \
		--data-urlencode "herhaal=$3" --data "csrf=$token"
	loc=$(printf '%s' "$headers" | sed -n 's/^Location: \([^\r]*\).*/\1/p' | tr -d '\r')
}
pw oudwachtwoord1 nieuwwachtwoord2 anderwachtwoord3
expect_status 303 "two different new ones"
http GET /wachtwoord
expect_body "De twee nieuwe wachtwoorden verschillen." "says they differ"
pw fout nieuwwachtwoord2 nieuwwachtwoord2
http GET /wachtwoord
expect_body "Het huidige wachtwoord klopt niet." "a wrong current password"
pw oudwachtwoord1 kort kort
http GET "$loc"
expect_body "minstens 10 tekens" "too short"
check '[ "$hash0" = "$(sqlite3 "$DB" "SELECT pwhash FROM account WHERE name = '"'lezer'"'")" ]' "refusals changed nothing"
csrf /wachtwoord
pw oudwachtwoord1 nieuwwachtwoord2 nieuwwachtwoord2
expect_status 303 "changed"
http GET /
expect_body "Wachtwoord gewijzigd." "flash after the change"
expect_status 200 "this session goes on"
hash1=$(sqlite3 "$DB" "SELECT pwhash FROM account WHERE name = 'lezer'")
case "$hash1" in '$argon2id$'*) ok ;; *) bad "stored as Argon2id" ;; esac
check '[ "$hash1" != "$hash0" ]' "a new hash"
login lezer oudwachtwoord1
expect_status 401 "the old password no longer works"
login lezer nieuwwachtwoord2
expect_status 303 "the new one does"
stop_server
finish
