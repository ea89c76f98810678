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
#   ROUNDS=3        rounds of the roadmap/static pair (and of the thread
#                   comparison), alternating; medians are reported
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
ROUNDS=${ROUNDS:-3}
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
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive number"
[[ $CONNECTIONS =~ ^[1-9][0-9]*$ ]] && ((CONNECTIONS >= WRK_THREADS)) ||
	die "CONNECTIONS must be a number >= $WRK_THREADS"

declare -A SRV_PID=() SRV_PORT=() SRV_COOKIE=()   # servers by name, see below
SERVER_PID= PORT= COOKIE=                         # the one in use
work_tmp=
if [[ -n ${BENCH_WORK:-} ]]; then
	work=$BENCH_WORK
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/kngg-web.XXXXXX")
	work_tmp=$work
fi
cleanup() {
	stop_all
	if [[ -n $work_tmp ]]; then rm -rf "$work_tmp"; fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP
NATIONAL=$work/national.db

# ---------------------------------------------------------------- servers

# Several servers may run at once (the thread comparison alternates between
# two); each has a name. `use NAME` makes it the one http_get and load talk to.

# start_server NAME [ARGS...]: kngg serve on a free loopback port (ARGS go
# to serve: --threads N), then `use NAME`.
start_server() {
	local name=$1 i port=
	shift
	"$KNGG" --db "$NATIONAL" serve --listen 127.0.0.1:0 "$@" \
		>"$work/serve-$name.out" 2>"$work/serve-$name.err" &
	SRV_PID[$name]=$!
	for ((i = 0; i < 200; i++)); do
		port=$(sed -n '1s|^kngg serve: http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' \
			"$work/serve-$name.out")
		[[ -z $port ]] || break
		kill -0 "${SRV_PID[$name]}" 2>/dev/null || break
		sleep 0.05
	done
	if [[ -z $port ]]; then
		cat "$work/serve-$name.err" >&2
		die "kngg serve $* did not start (no address on its first line)"
	fi
	SRV_PORT[$name]=$port
	SRV_COOKIE[$name]=
	use "$name"
}

use() {
	SERVER_PID=${SRV_PID[$1]} PORT=${SRV_PORT[$1]} COOKIE=${SRV_COOKIE[$1]}
}

# stop_server NAME: SIGTERM and wait; sets STOP_MS (how long it took).
stop_server() {
	local t0 t1 pid=${SRV_PID[$1]:-}
	STOP_MS=
	[[ -n $pid ]] || return 0
	t0=${EPOCHREALTIME/[.,]/}
	kill -TERM "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	t1=${EPOCHREALTIME/[.,]/}
	STOP_MS=$(((t1 - t0) / 1000))
	unset "SRV_PID[$1]"
}

stop_all() {
	local name
	for name in "${!SRV_PID[@]}"; do stop_server "$name"; done
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

# login NAME: the session a browser would hold on that server (from the
# roadmap's Set-Cookie), sent with every request of the load.
login() {
	use "$1"
	http_get "/gemeente/$CODE"
	[[ $HTTP_STATUS == 200 && -n $HTTP_COOKIE ]] ||
		die "GET /gemeente/$CODE answers '$HTTP_STATUS' without a $COOKIE_NAME cookie"
	SRV_COOKIE[$1]=$HTTP_COOKIE
	use "$1"
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

# median VALUE...: the median, as given (no reformatting of one value).
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Per page (x = its name), one entry per measured run: RPS_x P50_x P99_x
# (ms) REQS_x BAD_x (non-2xx answers plus socket errors: connect, read,
# write, timeout; any of them fails the bench).
# load NAME PATH [WARM]: DURATION seconds of wrk on PATH of the server in
# use, after a WARMUP-second untimed run when WARM is 1 (the default).
load() {
	local name=$1 path=$2 warm=${3:-1} url non2xx sock out
	RUN_NO=$((RUN_NO + 1))
	out=$work/wrk-$RUN_NO-$name.txt
	url="http://127.0.0.1:$PORT$path"
	local -a w=(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" --timeout 30s -H "Cookie: $COOKIE")
	wait_idle
	if ((warm && WARMUP > 0)); then
		"${w[@]}" -d"${WARMUP}s" "$url" >/dev/null
		wait_idle
	fi
	"${w[@]}" -d"${DURATION}s" --latency "$url" >"$out" || die "wrk failed on $url"
	eval "RPS_$name+=(\"\$(awk '/^Requests\\/sec:/ { printf \"%.1f\", \$2 }' \"\$out\")\")"
	eval "P50_$name+=(\"\$(to_ms \"\$(awk '\$1 == \"50%\" { print \$2 }' \"\$out\")\")\")"
	eval "P99_$name+=(\"\$(to_ms \"\$(awk '\$1 == \"99%\" { print \$2 }' \"\$out\")\")\")"
	eval "REQS_$name+=(\"\$(awk '/requests in/ { print \$1 }' \"\$out\")\")"
	non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$out")
	sock=$(awk '/Socket errors/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out")
	eval "BAD_$name+=($((${non2xx:-0} + ${sock:-0})))"
	if ((${non2xx:-0} + ${sock:-0})); then
		echo "web.sh: $path: ${non2xx:-0} non-2xx answers, ${sock:-0} socket errors" >&2
		FAILED=1
	fi
}

# summary NAME: sets RPS P50 P99 (medians over its runs), REQS BAD (sums).
summary() {
	local -n _r=RPS_$1 _p50=P50_$1 _p99=P99_$1 _n=REQS_$1 _b=BAD_$1
	RPS=$(printf '%.1f' "$(median "${_r[@]}")") P50=$(median "${_p50[@]}") P99=$(median "${_p99[@]}")
	REQS=$(printf '%s\n' "${_n[@]}" | awk '{ s += $1 } END { print s }')
	BAD=$(printf '%s\n' "${_b[@]}" | awk '{ s += $1 } END { print s }')
}

# pair A PATH_A B PATH_B: ROUNDS rounds of both, alternating which goes
# first; the warm-up only in the first round.
pair() {
	local i
	for ((i = 0; i < ROUNDS; i++)); do
		if ((i % 2 == 0)); then
			use "$5"; load "$1" "$2" $((i == 0)); use "$6"; load "$3" "$4" $((i == 0))
		else
			use "$6"; load "$3" "$4" 0; use "$5"; load "$1" "$2" 0
		fi
	done
}

# ---------------------------------------------------------------- results

ROWS=()
FAILED=0
RUN_NO=0

row() {
	ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 | $7 |")
	printf '%-40s %14s %10s %10s %9s %7s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7"
}

# page_row NAME LABEL TARGET
page_row() {
	summary "$1"
	row "$2" "$RPS" "$P50 ms" "$P99 ms" "$REQS" "$BAD" "$3"
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

declare -a RPS_roadmap=() P50_roadmap=() P99_roadmap=() REQS_roadmap=() BAD_roadmap=()
declare -a RPS_static=() P50_static=() P99_static=() REQS_static=() BAD_static=()
declare -a RPS_ready=() P50_ready=() P99_ready=() REQS_ready=() BAD_ready=()
declare -a RPS_home=() P50_home=() P99_home=() REQS_home=() BAD_home=()
declare -a RPS_t2=() P50_t2=() P99_t2=() REQS_t2=() BAD_t2=()
declare -a RPS_t4=() P50_t4=() P99_t4=() REQS_t4=() BAD_t4=()

start_server main
echo "server:    http://127.0.0.1:$PORT/ (pid $SERVER_PID, default thread pool: 4)"
# every page answers 200 before it is loaded; the roadmap really is
# Zaanstad's, and no login is asked (no accounts, loopback)
for path in "/gemeente/$CODE" /static/kngg.css / "/gemeente/$CODE/gereedheid"; do
	http_get "$path"
	[[ $HTTP_STATUS == 200 ]] ||
		die "GET $path answers '$HTTP_STATUS', not 200 (accounts in the database? $CODE missing?)"
	case $path in
	"/gemeente/$CODE")
		[[ $HTTP_BODY == *Zaanstad* ]] || die "GET $path is not Zaanstad's roadmap"
		ROADMAP_BYTES=${#HTTP_BODY} ;;
	/static/kngg.css) STATIC_BYTES=${#HTTP_BODY} ;;
	/) HOME_BYTES=${#HTTP_BODY} ;;
	*) READY_BYTES=${#HTTP_BODY} ;;
	esac
done
login main

echo
printf '%-40s %14s %10s %10s %9s %7s  %s\n' page req/s p50 p99 requests errors target
# the roadmap and the static file alternate, ROUNDS times: the pair the
# target compares; the overview (/) last, its backlog is the longest
pair roadmap "/gemeente/$CODE" static /static/kngg.css main main
load ready "/gemeente/$CODE/gereedheid"
load home /
wait_idle
HWM_KB=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
stop_server main
MAIN_STOP_MS=$STOP_MS

# the target: the median over the rounds of static req/s / roadmap req/s
RATIOS=()
for ((i = 0; i < ROUNDS; i++)); do
	RATIOS+=("$(awk -v a="${RPS_roadmap[i]}" -v b="${RPS_static[i]}" 'BEGIN { printf "%.2f", b / a }')")
done
RATIO_INV=$(median "${RATIOS[@]}")
RATIO_RPS=$(awk -v r="$RATIO_INV" 'BEGIN { printf "%.4f", 1 / r }')
P99S=()
for ((i = 0; i < ROUNDS; i++)); do
	P99S+=("$(awk -v a="${P99_roadmap[i]}" -v b="${P99_static[i]}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')")
done
RATIO_P99=$(median "${P99S[@]}")
if awk -v r="$RATIO_INV" -v l="$LIMIT" 'BEGIN { exit !(r <= l) }'; then
	VERDICT=PASS
else
	VERDICT=FAIL
	FAILED=1
fi

page_row roadmap "roadmap /gemeente/$CODE" "see ratio"
page_row static "static /static/kngg.css" "-"
page_row ready "readiness /gemeente/$CODE/gereedheid" "info"
page_row home "overview / (342 municipalities)" "info"
row "ratio roadmap/static req/s" "$RATIO_RPS (1/$(printf '%.0f' "$RATIO_INV"))" "-" "-" "-" "-" \
	">= 1/$LIMIT: $VERDICT"
row "ratio roadmap/static p99" "-" "-" "$RATIO_P99" "-" "-" "info"
row "server peak RSS (VmHWM, after all pages)" \
	"$(awk -v k="$HWM_KB" 'BEGIN { printf "%.1f MiB", k / 1024 }')" "-" "-" "-" "-" "info"
row "national DB file size" \
	"$(awk -v b="$NATIONAL_BYTES" 'BEGIN { printf "%.1f MiB", b / 1048576 }')" "-" "-" "-" "-" "info"

# Pool size, informational: the roadmap on two servers at once, one with
# --threads 2 and one with --threads 4, alternating like the pair above.
start_server t2 --threads 2
login t2
start_server t4 --threads 4
login t4
pair t2 "/gemeente/$CODE" t4 "/gemeente/$CODE" t2 t4
stop_all
page_row t2 "roadmap, serve --threads 2" "info"
page_row t4 "roadmap, serve --threads 4" "info"
summary t2; T2=$RPS
summary t4; T4=$RPS
BETTER=$(awk -v a="$T2" -v b="$T4" 'BEGIN {
	hi = (a > b) ? a : b; lo = (a > b) ? b : a
	if (hi < lo * 1.10) print "neither (medians less than 10 % apart)"
	else printf "%s (%.0f %% more req/s)\n", (a > b) ? "--threads 2" : "--threads 4", 100 * (hi / lo - 1) }')
echo
echo "threads: better: $BETTER"
echo "roadmap/static: $RATIO_RPS of the static file's rate (1/$(printf '%.0f' "$RATIO_INV")), target >= 1/$LIMIT: $VERDICT"

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
		"$CONNECTIONS connections, ${DURATION} s per run after ${WARMUP} s of warm-up, loopback," \
		"every request with the session cookie a browser would send"
	echo "- roadmap and static file: $ROUNDS rounds each, alternating which goes first; medians" \
		"(the ratio: median of the rounds' ratios: 1/$(printf '%s, 1/' "${RATIOS[@]}" | sed 's|, 1/$||')); other pages: one run"
	echo "- national DB: $gen_national"
	echo "- page sizes: roadmap $ROADMAP_BYTES B, static $STATIC_BYTES B," \
		"readiness $READY_BYTES B, overview $HOME_BYTES B"
	echo "- errors: non-2xx answers plus socket errors (connect, read, write, timeout 30 s); any fails the run"
	echo "- SIGTERM to exit: ${MAIN_STOP_MS} ms"
	echo "- thread pool, roadmap with serve --threads 2 against --threads 4: better: $BETTER"
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
