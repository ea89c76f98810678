#!/usr/bin/env bash
# kngg serve under a slowloris attack from the address normal users share
# (loopback, as behind a reverse proxy): 300 connections that send one
# header byte every 2 s, then opened again as fast as they are closed. A
# normal request is still answered within 2 s during the whole attack; no
# slow connection outlives the 10 s request deadline (plus slack for a
# loaded machine), nor does a slowly sent body or an idle kept-alive one.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-23

if ! command -v curl >/dev/null || ! command -v python3 >/dev/null; then
	echo "SKIPPED: curl or python3 is missing"
	exit 77
fi

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
out=

"$KNGG" --db "$DB" serve --listen 127.0.0.1:0 >"$TMP/serve.out" 2>"$TMP/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null' EXIT
URL=
for _ in $(seq 50); do
	URL=$(sed -n 's/^kngg serve: \(http[^ ]*\).*/\1/p' "$TMP/serve.out")
	[ -n "$URL" ] && break
	sleep 0.1
done
if [ -z "$URL" ]; then
	bad "server did not start: $(cat "$TMP/serve.err")"
	finish
fi
PORT=${URL##*:}
PORT=${PORT%/}

# the attacker: t0071-slowloris.py says what it does
python3 "$SRC/tests/e2e/t0071-slowloris.py" "$PORT" 300 >"$TMP/attack.out" 2>&1 &
ATTACK=$!
# a normal visitor, once a second while the attack runs (16.5 s)
: >"$TMP/normal"
sleep 1
while kill -0 "$ATTACK" 2>/dev/null; do
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 5 "$URL" >>"$TMP/normal"
	sleep 1
done
wait "$ATTACK"
cat "$TMP/attack.out"
printf 'normal requests (status, seconds): %s\n' "$(tr '\n' ' ' <"$TMP/normal")"

n_normal=$(grep -c . "$TMP/normal")
n_ok=$(awk '$1 == 200 && $2 < 2.0' "$TMP/normal" | wc -l)
check '[ "$n_normal" -ge 10 ]' "at least 10 normal requests during the attack ($n_normal)"
check '[ "$n_ok" = "$n_normal" ]' "every normal request gets 200 within 2 s during the attack ($n_ok of $n_normal)"

summary=$(grep '^phase1 ' "$TMP/attack.out")
field() { printf '%s\n' "$summary" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
check '[ "$(field open_at_end)" = 0 ]' "no slow connection outlives the header deadline (open after 12.5 s: $(field open_at_end))"
# within VALUE MIN MAX: a number between MIN and MAX ("open" is not)
within() { awk -v v="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(v ~ /^[0-9.]+$/ && v >= lo && v <= hi) }'; }
check 'within "$(field max_life)" 0 12' "slow connections closed by 12 s ($(field max_life) s)"
check '[ "$(field at_deadline)" -ge 1 ]' "the slow connections that were not pushed out are closed at the 10 s deadline ($(field at_deadline))"
check 'within "$(field body_life)" 9.5 12' "a body sent slowly is cut at the deadline too ($(field body_life) s)"
check 'within "$(field idle_life)" 9.5 12' "a kept-alive connection waits 10 s for its next request ($(field idle_life) s)"

# the server survived and stops cleanly
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL")
check '[ "$status" = 200 ]' "server still answers after the attack ($status)"
kill "$PID" 2>/dev/null
wait "$PID" 2>/dev/null
st=$?
check '[ "$st" = 0 ]' "server exits 0 on SIGTERM (exit $st)"
check '! grep -qE "Sanitizer|runtime error|leak" "$TMP/serve.err"' "server stderr clean: $(head -c 300 "$TMP/serve.err")"
finish
