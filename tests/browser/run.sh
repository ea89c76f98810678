#!/usr/bin/env bash
# ctest entry of the browser tests:
#   run.sh KNGG_BINARY SOURCE_DIR SCRATCH_DIR [SCRIPT]
#
# Installs playwright-core and axe-core (the versions in package-lock.json)
# into SCRATCH_DIR/npm, never into the source tree, and runs SCRIPT (default
# flow.mjs, the crawl; forms.mjs: the forms without JavaScript) from there
# (ESM ignores NODE_PATH, so the script goes beside its node_modules).
# Exits 77 (ctest: skipped) when Chromium or Node is missing or npm cannot
# install. The crawl's screenshots of every page stay in SCRATCH_DIR/shots/390
# and SCRATCH_DIR/shots/1280. Set KNGG_SCREENSHOTS=DIR to write the README's screenshots too.
set -euo pipefail

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
	echo "gebruik: run.sh KNGG_BINARY SOURCE_DIR SCRATCH_DIR [SCRIPT]" >&2
	exit 2
fi
script=${4:-flow.mjs}
kngg=$(realpath "$1")
src=$(realpath "$2")
scratch=$3
here=$src/tests/browser
chromium=${KNGG_CHROMIUM:-/usr/bin/chromium}

# skip (77) where the browser cannot run; CI sets KNGG_REQUIRE_BROWSER=1,
# so that there a missing piece fails instead of passing unnoticed
skip() {
	echo "SKIPPED: $*"
	if [ "${KNGG_REQUIRE_BROWSER:-0}" = 1 ]; then
		echo "KNGG_REQUIRE_BROWSER=1: a skipped browser test fails" >&2
		exit 1
	fi
	exit 77
}

if [ ! -x "$chromium" ]; then
	skip "$chromium is missing (apt-get install chromium)"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	skip "node or npm is missing (apt-get install nodejs npm)"
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
	skip "node $(node --version) is too old (18 or later needed)"
fi

mkdir -p "$scratch/npm"
scratch=$(realpath "$scratch")
npmdir=$scratch/npm
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# reinstall only when the lock file changed (or nothing is installed yet)
if ! cmp -s "$here/package-lock.json" "$npmdir/package-lock.json" ||
   [ ! -f "$npmdir/node_modules/playwright-core/package.json" ] ||
   [ ! -f "$npmdir/node_modules/axe-core/axe.min.js" ]; then
	cp "$here/package.json" "$here/package-lock.json" "$npmdir/"
	if ! (cd "$npmdir" && npm ci --no-audit --no-fund --loglevel=error >"$npmdir/npm.log" 2>&1); then
		tail -n 20 "$npmdir/npm.log"
		rm -f "$npmdir/package-lock.json" # so the next run tries again
		skip "npm install failed"
	fi
fi
cp "$here/$script" "$npmdir/$script"

# every page's screenshot at 390 and 1280 px goes to shots/ (kept until the next run)
rm -rf "$scratch/shots"
export KNGG_CRAWL_SHOTS=${KNGG_CRAWL_SHOTS:-$scratch/shots}

# old runs' databases go; each run makes its own directory under runs/
rm -rf "$scratch/runs"
mkdir -p "$scratch/runs"
cd "$npmdir"
if [ "$script" = flow.mjs ]; then
	exec node flow.mjs "$kngg" "$scratch/runs" ${KNGG_SCREENSHOTS:+"$KNGG_SCREENSHOTS"}
fi
exec node "$script" "$kngg" "$scratch/runs"
