# web-lib.sh: helpers for e2e tests of `kngg serve` over HTTP (curl), after
# lib.sh: start_server DB, stop_server, http METHOD PATH [CURL ARGS],
# csrf PATH, login NAME PASSWORD, expect_status/expect_body/expect_no_body.
# The same way t0070-serve.sh drives the server.
if ! command -v curl >/dev/null; then
	echo "SKIPPED: curl is missing"
	exit 77
fi
PID=
start_server() { # DB [ARGS...]: sets $URL and $PID
	local db=$1
	shift
	"$KNGG" --db "$db" serve --listen 127.0.0.1:0 "$@" >"$TMP/serve.out" 2>"$TMP/serve.err" &
	PID=$!
	for _ in $(seq 50); do
		URL=$(sed -n 's/^kngg serve: \(http[^ ]*\).*/\1/p' "$TMP/serve.out")
		[ -n "$URL" ] && return 0
		sleep 0.1
	done
	bad "server did not start: $(cat "$TMP/serve.err")"
	return 1
}
stop_server() {
	local st
	kill "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
	st=$?
	check '[ "$st" = 0 ]' "server exits 0 on SIGTERM (exit $st)"
	check '[ ! -s "$TMP/serve.err" ] || ! grep -qE "Sanitizer|runtime error|leak" "$TMP/serve.err"' \
		"server stderr clean: $(head -c 300 "$TMP/serve.err")"
}
trap '[ -n "$PID" ] && kill $PID 2>/dev/null' EXIT

JAR=$TMP/jar
http() { # METHOD PATH [CURL ARGS...]: sets $status, $body, $headers
	local method=$1 path=$2
	shift 2
	rm -f "$TMP/body" "$TMP/headers"
	status=$(curl -s -X "$method" -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' \
		-b "$JAR" -c "$JAR" --max-time 20 "$@" "$URL${path#/}")
	body=$(cat "$TMP/body" 2>/dev/null)
	headers=$(cat "$TMP/headers" 2>/dev/null)
}
expect_status() { if [ "$status" = "$1" ]; then ok; else bad "$2: HTTP $status, expected $1"; fi; }
expect_body() { case "$body" in *"$1"*) ok ;; *) bad "$2: body lacks '$1'" ;; esac; }
expect_no_body() { case "$body" in *"$1"*) bad "$2: body has '$1'" ;; *) ok ;; esac; }
csrf() { # PATH: the CSRF token of the first form on that page
	http GET "$1"
	token=$(printf '%s' "$body" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -n1 | sed 's/.*value="//; s/"//')
}
login() { # NAME PASSWORD
	rm -f "$JAR"
	csrf /inloggen
	http POST /inloggen --data-urlencode "naam=$1" --data-urlencode "wachtwoord=$2" --data "csrf=$token"
}
adduser() { # DB NAME PASSWORD ARGS...
	local db=$1 name=$2 pw=$3
	shift 3
	out=$(printf '%s\n' "$pw" | "$KNGG" --db "$db" user add "$name" "$@" 2>"$TMP/.stderr")
	rc=$?
	err=$(cat "$TMP/.stderr")
}
persons() { sqlite3 "$1" "SELECT count(*) FROM person"; }
