#!/usr/bin/env bash
# bench/web.sh [KNGG]: load benchmark of the web interface (kngg serve) on
# the national database, with wrk over loopback. Prints a table and writes
# its own section of bench/RESULTS.md (between <!-- web.sh --> markers).
#
#   bash bench/web.sh                      # uses build/kngg
#   DURATION=30 bash bench/web.sh /tmp/bwr/kngg
#
# Builds nothing. Needs python3 and wrk (Debian: apt-get install -y wrk).
# Environment:
#   DURATION=10     seconds of each measured wrk run (after a WARMUP run)
#   WARMUP=2        seconds of the untimed warm-up run before each page
#   CONNECTIONS=16  open connections (wrk -c), over 2 wrk threads
#   BENCH_WORK=DIR  keep the generated database in DIR (default: a temp dir)
# Exit status: 0 the target is met, 1 it is missed (or the server answered
# anything but 2xx, or a connection failed), 2 the benchmark could not run.
set -euo pipefail
export LC_ALL=C      # byte counts, '.' as the decimal point

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KNGG=${1:-$here/../build/kngg}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=2
CODE=GM0479          # Zaanstad
LIMIT=100            # target: static rps / roadmap rps <= LIMIT
COOKIE_NAME=kngg_sessie

die() { echo "web.sh: $*" >&2; exit 2; }

[[ -x $KNGG ]] || die "no kngg binary at $KNGG (build first: cmake --build build -j2)"
KNGG=$(cd "$(dirname "$KNGG")" && pwd)/$(basename "$KNGG")
command -v python3 >/dev/null || die "python3 is missing"
command -v wrk >/dev/null || die "wrk is missing (apt-get install -y wrk)"
[[ $DURATION =~ ^[1-9][0-9]*$ ]] || die "DURATION must be a positive number of seconds"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a number of seconds"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] && ((CONNECTIONS >= WRK_THREADS)) ||
	die "CONNECTIONS must be a number >= $WRK_THREADS"

SERVER_PID=
work_tmp=
if [[ -n ${BENCH_WORK:-} ]]; then
	work=$BENCH_WORK
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/kngg-web.XXXXXX")
	work_tmp=$work
fi
cleanup() {
	stop_server
	if [[ -n $work_tmp ]]; then rm -rf "$work_tmp"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP
NATIONAL=$work/national.db

# ---------------------------------------------------------------- the server

# start_server [ARGS...]: kngg serve on a free loopback port; sets
# SERVER_PID and PORT. Extra ARGS go to serve (--threads N).
start_server() {
	local i
	: >"$work/serve.out"
	"$KNGG" --db "$NATIONAL" serve --listen 127.0.0.1:0 "$@" \
		>"$work/serve.out" 2>"$work/serve.err" &
	SERVER_PID=$!
	PORT=
	for ((i = 0; i < 200; i++)); do
		PORT=$(sed -n '1s|^kngg serve: http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' \
			"$work/serve.out")
		[[ -n $PORT ]] && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.05
	done
	cat "$work/serve.err" >&2
	die "kngg serve did not start (no address on its first line)"
}

# stop_server: SIGTERM and wait; sets STOP_MS (how long it took).
stop_server() {
	local t0 t1
	STOP_MS=
	[[ -n ${SERVER_PID:-} ]] || return 0
	t0=${EPOCHREALTIME/[.,]/}
	kill -TERM "$SERVER_PID" 2>/dev/null || true
	wait "$SERVER_PID" 2>/dev/null || true
	t1=${EPOCHREALTIME/[.,]/}
	STOP_MS=$(((t1 - t0) / 1000))
	SERVER_PID=
}

# cpu_ticks: user + system clock ticks the server has used so far.
cpu_ticks() {
	local stat
	stat=$(<"/proc/$SERVER_PID/stat")
	stat=${stat##*) }            # past "pid (comm) "; fields from 3 on
	awk '{ print $12 + $13 }' <<<"$stat"
}

# wait_idle: until the server stops using CPU (wrk is gone, but requests it
# left behind, e.g. of /, may still run) so one page's backlog does not
# slow the next page down. At most 30 s.
wait_idle() {
	local a b i
	a=$(cpu_ticks)
	for ((i = 0; i < 100; i++)); do
		sleep 0.3
		b=$(cpu_ticks)
		((b - a <= 1)) && return 0
		a=$b
	done
}

# http_get PATH: one GET over bash's /dev/tcp (no curl needed); sets
# HTTP_STATUS, HTTP_BODY and HTTP_COOKIE (the session cookie, if set).
http_get() {
	local line resp
	exec 3<>"/dev/tcp/127.0.0.1/$PORT" || die "cannot connect to 127.0.0.1:$PORT"
	printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' \
		"$1" "$PORT" >&3
	resp=$(cat <&3)
	exec 3<&-
	line=${resp%%$'\r'*}
	HTTP_STATUS=$(awk '{ print $2 }' <<<"$line")
	HTTP_BODY=${resp#*$'\r\n\r\n'}
	HTTP_COOKIE=$(sed -n "s/^Set-Cookie: \($COOKIE_NAME=[0-9a-f]*\);.*/\1/p" <<<"$resp" | head -n 1)
}

# ---------------------------------------------------------------- wrk

# to_ms VALUE: wrk's "250.00us", "14.59ms", "1.48s", "1.00m" in ms.
to_ms() {
	awk -v v="$1" 'BEGIN {
		if (v ~ /us$/) f = 0.001; else if (v ~ /ms$/) f = 1
		else if (v ~ /s$/) f = 1000; else if (v ~ /m$/) f = 60000
		else if (v ~ /h$/) f = 3600000; else { print "?"; exit }
		sub(/[a-z]+$/, "", v); printf "%.2f", v * f }'
}

# load NAME PATH: warm-up, then DURATION seconds of wrk on PATH; sets
# RPS_x P50_x P99_x REQS_x BAD_x (x = NAME): non-2xx answers plus socket
# errors (connect, read, write, timeout), each of which fails the bench.
load() {
	local name=$1 path=$2 out=$work/wrk-$1.txt url non2xx sock
	url="http://127.0.0.1:$PORT$path"
	local -a w=(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" --timeout 30s -H "Cookie: $COOKIE")
	wait_idle
	if ((WARMUP > 0)); then "${w[@]}" -d"${WARMUP}s" "$url" >/dev/null; fi
	wait_idle
	"${w[@]}" -d"${DURATION}s" --latency "$url" >"$out" || die "wrk failed on $url"
	printf -v "RPS_$name" '%s' "$(awk '/^Requests\/sec:/ { printf "%.1f", $2 }' "$out")"
	printf -v "P50_$name" '%s' "$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")"
	printf -v "P99_$name" '%s' "$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
	printf -v "REQS_$name" '%s' "$(awk '/requests in/ { print $1 }' "$out")"
	non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
	sock=$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
	printf -v "BAD_$name" '%d' $((${non2xx:-0} + ${sock:-0}))
	if ((${non2xx:-0} + ${sock:-0})); then
		echo "web.sh: $path: ${non2xx:-0} non-2xx answers, ${sock:-0} socket errors" >&2
		FAILED=1
	fi
}

# ---------------------------------------------------------------- results

ROWS=()
FAILED=0

row() {
	ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |")
	printf '%-38s %10s %10s %10s %9s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
}

# page_row NAME LABEL TARGET VERDICT
page_row() {
	local rps=RPS_$1 p50=P50_$1 p99=P99_$1 reqs=REQS_$1 bad=BAD_$1
	row "$2" "${!rps}" "${!p50} ms" "${!p99} ms" "${!reqs}" "${!bad}" "$3"
}

# ---------------------------------------------------------------- database

echo "kngg:      $KNGG ($("$KNGG" --version 2>/dev/null | head -n 1 || echo '?'))"
echo "work dir:  $work"
LOADAVG_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
gen_national=$(python3 "$here/gen_national.py" --force "$NATIONAL")
echo "generated: $gen_national"
# the first open migrates the generated schema (audit chain); done here,
# untimed, so the server starts on a current database
"$KNGG" --db "$NATIONAL" status "$CODE" >/dev/null 2>"$work/stderr" || {
	cat "$work/stderr" >&2
	die "kngg cannot show $CODE on the national database"
}
NATIONAL_BYTES=$(stat -c %s "$NATIONAL")

# ---------------------------------------------------------------- benchmark

start_server
echo "server:    http://127.0.0.1:$PORT/ (pid $SERVER_PID, default thread pool)"
# every page answers 200 before it is loaded; the roadmap really is
# Zaanstad's, and no login is asked (no accounts, loopback)
for path in "/gemeente/$CODE" /static/kngg.css / "/gemeente/$CODE/gereedheid"; do
	http_get "$path"
	[[ $HTTP_STATUS == 200 ]] ||
		die "GET $path answers '$HTTP_STATUS', not 200 (accounts in the database? Zaanstad missing?)"
	if [[ $path == "/gemeente/$CODE" ]]; then
		[[ $HTTP_BODY == *Zaanstad* ]] || die "GET $path is not Zaanstad's roadmap"
		ROADMAP_BYTES=${#HTTP_BODY}
		# the browser's session: sent with every request, as a browser would
		COOKIE=$HTTP_COOKIE
		[[ -n $COOKIE ]] || die "GET $path sets no $COOKIE_NAME cookie"
	fi
	[[ $path != /static/kngg.css ]] || STATIC_BYTES=${#HTTP_BODY}
	[[ $path != / ]] || HOME_BYTES=${#HTTP_BODY}
	[[ $path != "/gemeente/$CODE/gereedheid" ]] || READY_BYTES=${#HTTP_BODY}
done

echo
printf '%-38s %10s %10s %10s %9s %8s  %s\n' page req/s p50 p99 requests errors target
# roadmap and static file back to back: the pair the target compares; the
# overview (/) last, its backlog is the longest
load roadmap "/gemeente/$CODE"
load static /static/kngg.css
load ready "/gemeente/$CODE/gereedheid"
load home /
wait_idle
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
stop_server
MAIN_STOP_MS=$STOP_MS

RATIO_RPS=$(awk -v a="$RPS_roadmap" -v b="$RPS_static" 'BEGIN { printf "%.4f", a / b }')
RATIO_RPS_INV=$(awk -v a="$RPS_roadmap" -v b="$RPS_static" 'BEGIN { printf "%.0f", b / a }')
RATIO_P99=$(awk -v a="$P99_roadmap" -v b="$P99_static" 'BEGIN { printf "%.1f", (b > 0) ? a / b : 0 }')
if awk -v a="$RPS_roadmap" -v b="$RPS_static" -v l="$LIMIT" 'BEGIN { exit !(b / a <= l) }'; then
	VERDICT=PASS
else
	VERDICT=FAIL
	FAILED=1
fi

page_row roadmap "roadmap /gemeente/$CODE" "see ratio"
page_row static "static /static/kngg.css" "-"
page_row ready "readiness /gemeente/$CODE/gereedheid" "info"
page_row home "overview / (342 municipalities)" "info"
row "ratio roadmap/static req/s" "$RATIO_RPS (1/$RATIO_RPS_INV)" "-" "-" "-" "-" \
	">= 1/$LIMIT: $VERDICT"
row "ratio roadmap/static p99" "-" "-" "$RATIO_P99" "-" "-" "info"
row "server peak RSS (VmHWM, after all pages)" \
	"$(awk -v k="$HWM_KB" 'BEGIN { printf "%.1f MiB", k / 1024 }')" "-" "-" "-" "-" "info"
row "national DB file size" \
	"$(awk -v b="$NATIONAL_BYTES" 'BEGIN { printf "%.1f MiB", b / 1048576 }')" "-" "-" "-" "-" "info"

# Pool size, informational: the roadmap with --threads 2 and --threads 4,
# each on a fresh server.
for t in 2 4; do
	start_server --threads "$t"
	http_get "/gemeente/$CODE"
	[[ $HTTP_STATUS == 200 && -n $HTTP_COOKIE ]] || die "--threads $t: GET /gemeente/$CODE answers '$HTTP_STATUS'"
	COOKIE=$HTTP_COOKIE
	load "t$t" "/gemeente/$CODE"
	stop_server
	page_row "t$t" "roadmap, serve --threads $t" "info"
done
BETTER=$(awk -v a="$RPS_t2" -v b="$RPS_t4" 'BEGIN {
	d = (a > b ? a - b : b - a) / (a > b ? a : b)
	if (d < 0.10) print "no clear difference (< 10 % apart)"
	else print ((a > b) ? "--threads 2" : "--threads 4") sprintf(" (%.0f %% more req/s)", 100 * d / (1 - d)) }')
echo
echo "threads: $BETTER"
echo "roadmap/static: $RATIO_RPS of the static file's rate (1/$RATIO_RPS_INV), target >= 1/$LIMIT: $VERDICT"

# ---------------------------------------------------------------- report

section() {
	echo "<!-- web.sh -->"
	echo "## Web interface (\`bench/web.sh\`)"
	echo
	echo "Written by \`bench/web.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ); see bench/README.md."
	echo
	echo "- kngg: \`$("$KNGG" --version 2>/dev/null | head -n 1 || echo '?')\`," \
		"commit $(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo '?')$(
			[[ -n $(git -C "$here/.." status --porcelain 2>/dev/null) ]] && echo ' (with uncommitted changes)')"
	echo "- host: $(uname -srm), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null);" \
		"server and wrk share them (load average before the run: $LOADAVG_BEFORE)"
	echo "- load: \`$(wrk --version 2>&1 | head -n 1 | awk '{ print $1, $2 }')\`, $WRK_THREADS threads," \
		"$CONNECTIONS connections, ${DURATION} s per page after ${WARMUP} s of warm-up, loopback," \
		"every request with the session cookie a browser would send"
	echo "- national DB: $gen_national"
	echo "- page sizes: roadmap $ROADMAP_BYTES B, static $STATIC_BYTES B," \
		"readiness $READY_BYTES B, overview $HOME_BYTES B"
	echo "- errors: non-2xx answers plus socket errors (connect, read, write, timeout 30 s); any fails the run"
	echo "- SIGTERM to exit: ${MAIN_STOP_MS} ms"
	echo "- thread pool: $BETTER is better for the roadmap on this machine"
	echo
	echo "| page | req/s | p50 | p99 | requests | errors | target |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
	printf '%s\n' "${ROWS[@]}"
	echo "<!-- /web.sh -->"
}

results=$here/RESULTS.md
section >"$work/section.md"
if [[ -f $results ]] && grep -q '^<!-- web.sh -->$' "$results"; then
	# replace the old section, keep everything around it
	awk -v f="$work/section.md" '
		$0 == "<!-- web.sh -->" { while ((getline l < f) > 0) print l; skip = 1; next }
		$0 == "<!-- /web.sh -->" { skip = 0; next }
		!skip' "$results" >"$work/RESULTS.md"
else
	{
		if [[ -f $results ]]; then cat "$results"; echo; fi
		cat "$work/section.md"
	} >"$work/RESULTS.md"
fi
cat "$work/RESULTS.md" >"$results"
echo
echo "written: $results (section between <!-- web.sh --> markers)"
exit "$FAILED"
