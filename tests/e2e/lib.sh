# lib.sh: helpers for end-to-end tests that drive the real kngg binary.
# Usage in a test: . "$(dirname "$0")/lib.sh" "$@"   (args: KNGG SRCDIR TMPDIR)
set -u
KNGG=$1
SRC=$2
TMP=$3
rm -rf "$TMP"
mkdir -p "$TMP"
cd "$TMP" || exit 1
unset KNGG_PHASES KNGG_DB KNGG_BY KNGG_GEMEENTE
# defaults come from the environment or a config file (README, "Defaults"):
# never the user's own
export XDG_CONFIG_HOME="$TMP/.config"
export LC_ALL=C.UTF-8
passed=0
failed=0

# run ARGS...: runs kngg; sets $out, $err, $rc
run() {
	out=$("$KNGG" "$@" 2>"$TMP/.stderr")
	rc=$?
	err=$(cat "$TMP/.stderr")
}

ok() { passed=$((passed + 1)); }
bad() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n  cmd rc=%s\n  stdout: %s\n  stderr: %s\n' "$1" "${rc:-}" "$(printf '%s' "${out:-}" | head -c 600)" "${err:-}" >&2
}

# expect_rc N DESC
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, expected $1"; fi; }
# expect_out TEXT DESC: stdout contains TEXT
expect_out() { case "$out" in *"$1"*) ok ;; *) bad "$2: stdout lacks '$1'" ;; esac; }
expect_no_out() { case "$out" in *"$1"*) bad "$2: stdout has '$1'" ;; *) ok ;; esac; }
# expect_err TEXT DESC: stderr is exactly one line, starts with "kngg: ", contains TEXT
expect_err() {
	local lines
	lines=$(printf '%s\n' "$err" | grep -c .)
	if [ "$lines" -ne 1 ]; then bad "$2: stderr has $lines lines"; return; fi
	case "$err" in "kngg: "*"$1"*) ok ;; *) bad "$2: stderr lacks 'kngg: ...$1'" ;; esac
}
expect_no_err() { if [ -z "$err" ]; then ok; else bad "$1: unexpected stderr"; fi; }

# k ARGS...: a setup step, kngg --db "$DB" ARGS with its output put away;
# when it fails the test stops, with kngg's last line
k() {
	"$KNGG" --db "$DB" "$@" >/dev/null 2>>"$TMP/setup.err" ||
		{ echo "setup failed: kngg $*: $(tail -1 "$TMP/setup.err")" >&2; exit 1; }
}

# check COND DESC: a shell condition
check() { if eval "$1"; then ok; else bad "$2"; fi; }

finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ]
	exit $?
}

# db_state DB: a fingerprint of the database's whole content (schema and
# rows), to prove a rejected command changed nothing.
db_state() {
	sqlite3 "$1" .dump | sha256sum | cut -d' ' -f1
}

# rejected DESC TEXT ARGS...: runs kngg --db "$DB" ARGS; expects a non-zero
# exit, one "kngg: " line containing TEXT, and the database unchanged.
rejected() {
	local desc=$1 text=$2 before after
	shift 2
	before=$(db_state "$DB")
	run --db "$DB" "$@"
	if [ "$rc" -eq 0 ]; then bad "$desc: exit 0, expected failure"; else ok; fi
	expect_err "$text" "$desc"
	after=$(db_state "$DB")
	if [ "$before" = "$after" ]; then ok; else bad "$desc: database changed"; fi
}
