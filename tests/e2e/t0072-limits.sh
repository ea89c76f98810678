#!/usr/bin/env bash
# Domain limits come from the engine (kngg/limits.h): the CLI and the web
# refuse the same out-of-range values with the engine's one message, and
# record nothing.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-23

if ! command -v curl >/dev/null; then
	echo "SKIPPED: curl is missing"
	exit 77
fi

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
pid=$(sqlite3 "$DB" "SELECT id FROM person WHERE name = 'Fleur Ammerlaan'")
MSG="uren per week moet een geheel getal van 1 tot en met 80 zijn"

# ---- the CLI ----------------------------------------------------------------------
for h in 0 81 -1 veel ""; do
	rejected "--hours '$h'" "$MSG, niet '$h'" role assign GM9999 "$pid" werkgroep --hours "$h"
done
run --db "$DB" role assign GM9999 "$pid" werkgroep --hours 1
expect_rc 0 "--hours 1 accepted"
run --db "$DB" role assign GM9999 "$pid" netwerkregisseur --hours 80
expect_rc 0 "--hours 80 accepted"
err=$(printf 'kort\n' | "$KNGG" --db "$DB" user add "Kort Wachtwoord" --role lezer 2>&1 >/dev/null)
check '[ "$err" = "kngg: het wachtwoord moet minstens 10 tekens hebben" ]' "short password: the engine's message ($err)"
run --db "$DB" role end GM9999 "$pid" werkgroep
expect_rc 0 "role ended"

# ---- the web: the same values, the same message ---------------------------------------
"$KNGG" --db "$DB" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
for _ in $(seq 50); do
	URL=$(sed -n 's/^kngg serve: \(http[^ ]*\).*/\1/p' "$TMP/serve.out")
	[ -n "$URL" ] && break
	sleep 0.1
done
check '[ -n "$URL" ]' "server starts"
JAR=$TMP/jar
get() { curl -s -b "$JAR" -c "$JAR" --max-time 20 "$URL${1#/}"; }
page=$(get /gemeente/GM9999/stakeholders)
token=$(printf '%s' "$page" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
check 'printf "%s" "$page" | grep -q "name=\"uren\" type=\"number\" min=\"1\" max=\"80\"\|min=\"1\" max=\"80\""' "the form's hint is the engine's range"
for h in 0 81 -1 veel; do
	before=$(db_state "$DB")
	status=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -c "$JAR" --max-time 20 \
		--data "wat=rol&actie=toewijzen&persoon=$pid&rol=werkgroep&uren=$h&csrf=$token" \
		"${URL}gemeente/GM9999/stakeholders")
	check '[ "$status" = 303 ]' "web uren=$h: back to the form ($status)"
	page=$(get /gemeente/GM9999/stakeholders)
	# the web says it as a sentence (web_plain): a capital and a full stop
	check 'printf "%s" "$page" | grep -qF "<p class=\"flash error\" role=\"alert\">U${MSG#u}, niet &#39;$h&#39;.</p>"' \
		"web uren=$h: the engine's message"
	check '[ "$before" = "$(db_state "$DB")" ]' "web uren=$h: nothing recorded"
done
kill "$PID" 2>/dev/null
wait "$PID" 2>/dev/null
finish
