#!/usr/bin/env bash
# bench/run.sh [KNGG]: kngg's performance benchmarks, side by side with a
# baseline, in one run. Prints a table and writes bench/RESULTS.md.
#
#   bash bench/run.sh                      # uses build/kngg
#   N=50 bash bench/run.sh /usr/local/bin/kngg
#
# Builds nothing. Needs python3, sqlite3 and GNU time (/usr/bin/time;
# Debian: apt-get install -y time). Environment:
#   N=30           repetitions of each timed command
#   SCALE=10       also measure at SCALE x municipalities and SCALE x events
#                  (SCALE=1: skip); NS=7 repetitions there
#   BENCH_WORK=DIR keep the generated databases in DIR (default: a temp dir)
# Exit status: 0 all targets met, 1 a target missed, 2 the benchmark could
# not run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KNGG=${1:-$here/../build/kngg}
N=${N:-30}
SCALE=${SCALE:-10}
NS=${NS:-7}
CODE=GM0479          # Zaanstad, in both databases
STEP=1.2
DATE=2025-06-01

die() { echo "run.sh: $*" >&2; exit 2; }

[[ -x $KNGG ]] || die "no kngg binary at $KNGG (build first: cmake --build build -j2)"
KNGG=$(cd "$(dirname "$KNGG")" && pwd)/$(basename "$KNGG")
command -v python3 >/dev/null || die "python3 is missing"
command -v sqlite3 >/dev/null || die "sqlite3 is missing (apt-get install -y sqlite3)"
GNUTIME=/usr/bin/time
[[ -x $GNUTIME ]] || GNUTIME=
[[ $N =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number"
[[ $SCALE =~ ^[1-9][0-9]*$ && $NS =~ ^[1-9][0-9]*$ ]] || die "SCALE and NS must be positive numbers"

if [[ -n ${BENCH_WORK:-} ]]; then
	work=$BENCH_WORK
	mkdir -p "$work"
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/kngg-bench.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
NATIONAL=$work/national.db
SINGLE=$work/single.db

# ---------------------------------------------------------------- timing

# now_us VAR: microseconds since the epoch, without forking (bash 5's
# $EPOCHREALTIME; older bash falls back to date, which adds ~1 ms to both).
if [[ -n ${EPOCHREALTIME:-} ]]; then
	now_us() { printf -v "$1" '%s' "${EPOCHREALTIME/[.,]/}"; }
else
	now_us() { printf -v "$1" '%s' "$(($(date +%s%N) / 1000))"; }
fi

# run_timed VAR CMD...: run CMD (output discarded; kngg may warn on stderr),
# store its wall time in microseconds in VAR; fail loudly if CMD fails.
run_timed() {
	local _var=$1 _t0 _t1
	shift
	now_us _t0
	if ! "$@" >/dev/null 2>"$work/stderr"; then
		echo "run.sh: failed: $*" >&2
		cat "$work/stderr" >&2
		exit 2
	fi
	now_us _t1
	printf -v "$_var" '%d' $((_t1 - _t0))
}

# median_ms US...: the median of microsecond samples, in milliseconds.
median_ms() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
		END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		      printf "%.2f", m / 1000 }'
}

# ---------------------------------------------------------------- results

ROWS=()      # markdown table rows
FAILED=0

# row NAME A B RATIO TARGET VERDICT
row() {
	ROWS+=("| $1 | $2 | $3 | $4 | $5 | $6 |")
	printf '%-52s %12s %12s %7s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

# verdict VAR VALUE OP LIMIT: set VAR to PASS or FAIL (OP is <= or <); a
# FAIL makes the exit status 1. (Not in $(...): FAILED must stick.)
verdict() {
	if awk -v v="$2" -v l="$4" -v op="$3" \
		'BEGIN { exit !((op == "<") ? (v < l) : (v <= l)) }'; then
		printf -v "$1" PASS
	else
		FAILED=1
		printf -v "$1" FAIL
	fi
}

# compare NAME LIMIT: time CMD_A against CMD_B (global arrays), N runs each,
# alternating which goes first; PRE_A (an array, may be empty) runs untimed
# before every CMD_A. Adds a row: median ms of A, of B, A/B, PASS if
# A/B <= LIMIT; LIMIT - makes it an "info" row without a target.
compare() {
	local name=$1 limit=$2 i ta tb ratio result
	local -a sa=() sb=()
	# one untimed warm-up of each: page cache, dynamic loader
	if ((${#PRE_A[@]})); then run_timed ta "${PRE_A[@]}"; fi
	run_timed ta "${CMD_A[@]}"
	run_timed tb "${CMD_B[@]}"
	for ((i = 0; i < ${REPS:-$N}; i++)); do
		if ((${#PRE_A[@]})); then run_timed ta "${PRE_A[@]}"; fi
		if ((i % 2 == 0)); then
			run_timed ta "${CMD_A[@]}"
			run_timed tb "${CMD_B[@]}"
		else
			run_timed tb "${CMD_B[@]}"
			run_timed ta "${CMD_A[@]}"
		fi
		sa+=("$ta") sb+=("$tb")
	done
	ta=$(median_ms "${sa[@]}")
	tb=$(median_ms "${sb[@]}")
	ratio=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
	LAST_A=$ta LAST_RATIO=$ratio
	if [[ $limit == - ]]; then
		row "$name" "$ta ms" "$tb ms" "$ratio" "-" "info"
	else
		verdict result "$ratio" '<=' "$limit"
		row "$name" "$ta ms" "$tb ms" "$ratio" "<= $limit" "$result"
	fi
}

# ---------------------------------------------------------------- databases

echo "kngg:      $KNGG ($("$KNGG" --version 2>/dev/null | head -n 1 || echo '?'))"
echo "work dir:  $work"
gen_national=$(python3 "$here/gen_national.py" --force "$NATIONAL")
gen_single=$(python3 "$here/gen_national.py" --force --single "$CODE" "$SINGLE")
echo "generated: $gen_national"
echo "           $gen_single"
"$KNGG" --db "$SINGLE" status "$CODE" >/dev/null 2>&1 ||
	die "kngg cannot show status (kngg --db $SINGLE status $CODE fails; not implemented yet?)"
# The generator writes schema version 1 (src/store/schema.sql); kngg's first
# open migrates it, which builds the audit chain over every event. Timed
# once, as information: what an upgrade costs a large database.
now_us mig0
"$KNGG" --db "$NATIONAL" status "$CODE" >/dev/null 2>&1 ||
	die "kngg cannot open the national database"
now_us mig1
MIGRATION_MS=$(( (mig1 - mig0) / 1000 ))
echo "migrated:  national DB to the current schema (hash chain over every event) in $MIGRATION_MS ms"
"$KNGG" --db "$NATIONAL" verify >/dev/null 2>&1 || die "kngg verify fails on the migrated national database"
NATIONAL_BYTES=$(stat -c %s "$NATIONAL")
echo
printf '%-52s %12s %12s %7s %8s  %s\n' benchmark kngg baseline ratio target result

# ---------------------------------------------------------------- benchmarks

# a. Appending one event: kngg as a whole process (start-up, definitions,
# validation, hash chain, row seals, synchronous=FULL, checkpoint on close)
# against the sqlite3 shell inserting one such row into the same table. Each
# writes to its own copy of the national database. The issue's measure is a
# factor check (any number of them may be recorded); a step completion, which
# first reads the step's history, follows as information.
bench_append() {
	local db=$work/append-kngg.db db_sql=$work/append-sqlite3.db sql
	cp "$NATIONAL" "$db"
	cp "$NATIONAL" "$db_sql"
	sql="INSERT INTO event (recorded_at, date, municipality, kind, target, score, note, defs_version)
	     VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), '$DATE', '$CODE', 'factor',
	             'draagvlak', 3, 'x', '2021.1')"
	CMD_B=(sqlite3 "$db_sql" "$sql")
	PRE_A=()
	CMD_A=("$KNGG" --db "$db" factor "$CODE" draagvlak --score 3 --date "$DATE" --note x)
	"${CMD_A[@]}" >/dev/null 2>&1 || { "${CMD_A[@]}" >&2 || true; die "kngg factor fails on $db"; }
	compare "a. append 1 event: kngg factor vs sqlite3 INSERT" 1
	local -a k=("$KNGG" --db "$db" step)
	local -a o=("$CODE" "$STEP" --date "$DATE")
	if "${k[@]}" reopen "${o[@]}" --note x >/dev/null 2>&1 &&
		"${k[@]}" "done" "${o[@]}" --note x >/dev/null 2>&1; then
		PRE_A=("${k[@]}" reopen "${o[@]}" --note x)
		CMD_A=("${k[@]}" "done" "${o[@]}" --note x)
		compare "   kngg step done (after an untimed reopen) vs INSERT" -
	fi
	PRE_A=()
}

# b. Reading one municipality: status on the national database against
# status on a database holding only that municipality (same history).
bench_status_scale() {
	PRE_A=()
	CMD_A=("$KNGG" --db "$NATIONAL" status "$CODE")
	CMD_B=("$KNGG" --db "$SINGLE" status "$CODE")
	compare "b. status $CODE: national DB vs single DB" 1.1
	if cmp -s <("${CMD_A[@]}" 2>/dev/null) <("${CMD_B[@]}" 2>/dev/null); then
		STATUS_SAME="yes"
	else
		STATUS_SAME="no (check: the histories are identical, ids differ)"
	fi
}

# c. Memory: peak resident set of status on the national database (the
# largest of three runs), and the size of that database.
bench_memory() {
	local kb max=0 i mb result
	if [[ -z $GNUTIME ]]; then
		row "c. peak RSS status $CODE (national DB)" "skipped" "-" "-" "<= 13.9 MiB" \
			"no /usr/bin/time: apt-get install -y time"
		FAILED=1
	else
		for i in 1 2 3; do
			"$GNUTIME" -f %M -o "$work/rss" "$KNGG" --db "$NATIONAL" status "$CODE" \
				>/dev/null 2>&1 || die "kngg status failed under $GNUTIME"
			kb=$(tail -n 1 "$work/rss")
			if ((kb > max)); then max=$kb; fi
		done
		mb=$(awk -v k="$max" 'BEGIN { printf "%.1f", k / 1024 }')
		verdict result "$mb" '<=' 13.9
		row "c. peak RSS status $CODE (national DB)" "$mb MiB" "-" "-" "<= 13.9 MiB" "$result"
	fi
	row "   national DB file size" \
		"$(awk -v b="$NATIONAL_BYTES" 'BEGIN { printf "%.1f MiB", b / 1048576 }')" \
		"-" "-" "-" "info"
}

# Context for reading (a) and (b): what a process costs that does nothing
# (kngg --version against sqlite3 'SELECT 1') and one that only loads and
# checks the definitions (kngg phases). No targets.
bench_context() {
	PRE_A=()
	CMD_A=("$KNGG" --version)
	CMD_B=(sqlite3 "$SINGLE" "SELECT 1")
	compare "   context: kngg --version vs sqlite3 SELECT 1" -
	CMD_A=("$KNGG" phases)
	compare "   context: kngg phases vs sqlite3 SELECT 1" -
}

# d. Reviewing the whole country: readiness of every municipality (the
# calculated phase, every rule of it, warnings) against reading every row
# once (sqlite3 .dump). Target: no more than reading it once; and its peak
# resident set under 32 MiB.
bench_readiness_all() {
	local kb max=0 i mb result
	PRE_A=()
	CMD_A=("$KNGG" --db "$NATIONAL" readiness --all --format json)
	CMD_B=(sqlite3 "$NATIONAL" .dump)
	compare "d. readiness --all --format json vs sqlite3 .dump" 0.7
	READY_1=$LAST_A
	if [[ -z $GNUTIME ]]; then
		row "e. peak RSS readiness --all (national DB)" "skipped" "-" "-" "<= 15.9 MiB" \
			"no /usr/bin/time: apt-get install -y time"
		FAILED=1
		return
	fi
	for i in 1 2 3; do
		"$GNUTIME" -f %M -o "$work/rss" "$KNGG" --db "$NATIONAL" readiness --all --format json \
			>/dev/null 2>&1 || die "kngg readiness --all failed under $GNUTIME"
		kb=$(tail -n 1 "$work/rss")
		if ((kb > max)); then max=$kb; fi
	done
	mb=$(awk -v k="$max" 'BEGIN { printf "%.1f", k / 1024 }')
	verdict result "$mb" '<=' 15.9
	row "e. peak RSS readiness --all (national DB)" "$mb MiB" "-" "-" "<= 15.9 MiB" "$result"
}

# f. Scale: SCALE x municipalities and SCALE x events (bench/gen_national.py
# --municipalities/--events). At each: status national against single (the
# same history alone) <= 1.1, readiness --all against .dump <= 0.7, and the
# growth of readiness --all per event against 1x: (t_K / t_1) / (events_K /
# events_1) <= 1.15, i.e. linear within noise. NS repetitions each.
bench_scale() {
	local how opt db single events1 events gen ratio result mb kb
	((SCALE > 1)) || return 0
	events1=$(sqlite3 "$NATIONAL" "SELECT count(*) FROM event")
	for how in municipalities events; do
		opt=--$how
		db=$work/national-$how-$SCALE.db
		single=$work/single-$how-$SCALE.db
		gen=$(python3 "$here/gen_national.py" --force "$opt" "$SCALE" "$db")
		python3 "$here/gen_national.py" --force "$opt" "$SCALE" --single "$CODE" "$single" >/dev/null
		SCALE_GEN+=("$how x$SCALE: $gen")
		# first open migrates (hash chain), untimed
		"$KNGG" --db "$db" status "$CODE" >/dev/null 2>&1 || die "kngg cannot open $db"
		"$KNGG" --db "$single" status "$CODE" >/dev/null 2>&1 || die "kngg cannot open $single"
		events=$(sqlite3 "$db" "SELECT count(*) FROM event")
		PRE_A=()
		REPS=$NS
		CMD_A=("$KNGG" --db "$db" status "$CODE")
		CMD_B=("$KNGG" --db "$single" status "$CODE")
		compare "f. x$SCALE $how: status national vs single" 1.1
		CMD_A=("$KNGG" --db "$db" readiness --all --format json)
		CMD_B=(sqlite3 "$db" .dump)
		compare "f. x$SCALE $how: readiness --all vs .dump" 0.7
		ratio=$(awk -v t="$LAST_A" -v t1="$READY_1" -v e="$events" -v e1="$events1" \
			'BEGIN { printf "%.2f", (t / t1) / (e / e1) }')
		verdict result "$ratio" '<=' 1.15
		row "f. x$SCALE $how: readiness --all growth per event" \
			"$LAST_A ms" "$READY_1 ms (1x)" "$ratio" "<= 1.15" "$result"
		if [[ -n $GNUTIME ]]; then
			"$GNUTIME" -f %M -o "$work/rss" "${CMD_A[@]}" >/dev/null 2>&1 ||
				die "kngg readiness --all failed under $GNUTIME"
			kb=$(tail -n 1 "$work/rss")
			mb=$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')
			row "   x$SCALE $how: peak RSS readiness --all" "$mb MiB" "-" "-" "-" "info"
		fi
		unset REPS
		rm -f "$db" "$db"-wal "$db"-shm "$single" "$single"-wal "$single"-shm
	done
}
# --------------------------------------------------------------------------

bench_append
bench_status_scale
bench_memory
bench_context
bench_readiness_all
SCALE_GEN=()
bench_scale

# ---------------------------------------------------------------- report

{
	echo "# kngg benchmark results"
	echo
	echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%M:%SZ); see bench/README.md."
	echo
	echo "- kngg: \`$("$KNGG" --version 2>/dev/null | head -n 1 || echo '?')\`," \
		"commit $(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo '?')$(
			[[ -n $(git -C "$here/.." status --porcelain 2>/dev/null) ]] && echo ' (with uncommitted changes)')"
	echo "- host: $(uname -srm), $(nproc) CPUs, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"
	echo "- N = $N runs of each timed command, alternating which of the pair goes first; medians"
	echo "- national DB: $gen_national"
	echo "- migration of the national DB to the current schema (audit chain over every event): $MIGRATION_MS ms"
	echo "- single DB: $gen_single"
	echo "- a. measured: \`kngg factor $CODE draagvlak --score 3\`; baseline \`sqlite3 DB \"INSERT INTO event ...\"\` of one such row, each on its own copy of the national DB"
	for g in "${SCALE_GEN[@]}"; do echo "- scale $g"; done
	((SCALE > 1)) && echo "- f. NS = $NS runs of each timed command at scale x$SCALE"
	echo "- b. same status output on both databases: $STATUS_SAME"
	echo
	echo "| benchmark | kngg | baseline | ratio | target | result |"
	echo "| --- | ---: | ---: | ---: | --- | --- |"
	printf '%s\n' "${ROWS[@]}"
} >"$here/RESULTS.md"
echo
echo "written: $here/RESULTS.md"
exit "$FAILED"
