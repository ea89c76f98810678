#!/usr/bin/env bash
# kngg validate agrees with xmllint on the schema, finds cross-file errors,
# and the definitions directory is chosen by --phases, KNGG_PHASES, default.
. "$(dirname "$0")/lib.sh" "$@"

run validate
expect_rc 0 "validate default definitions"
expect_out "zijn geldig (versie 2021.1: 4 fasen, 21 stappen" "validate summary"

if command -v xmllint >/dev/null; then
	xmllint --schema "$SRC/phases/kngg.xsd" --noout "$SRC"/phases/*.xml 2>/dev/null
	check "[ $? -eq 0 ]" "xmllint accepts phases/"
else
	echo "SKIP: xmllint not installed" >&2
fi

# A schema violation: both must reject it.
cp -r "$SRC/phases" broken
sed -i '0,/<titel>Haal de opdracht op<\/titel>/s//<kop>Haal de opdracht op<\/kop>/' broken/fase-1.xml
line=$(grep -n '<kop>Haal de opdracht op' broken/fase-1.xml | cut -d: -f1)
run validate broken
expect_rc 1 "validate rejects a schema violation"
case "$err" in *"broken/fase-1.xml:$line:"*) ok ;; *) bad "error names file and line $line" ;; esac
if command -v xmllint >/dev/null; then
	xmllint --schema broken/kngg.xsd --noout broken/*.xml 2>/dev/null
	check "[ $? -ne 0 ]" "xmllint rejects it too"
fi

# A dangling reference: valid for the schema, not for kngg.
cp -r "$SRC/phases" dangling
sed -i '0,/rol="wethouder"/s//rol="burgemeester"/' dangling/fase-1.xml
run validate dangling
expect_rc 1 "validate rejects a dangling reference"
expect_err "rol 'burgemeester' staat niet in lijst 'rollen'" "dangling reference message"

# Every other command refuses broken definitions with one line.
run --phases broken show 1.5
expect_rc 1 "show with broken definitions"
expect_err "zijn ongeldig" "broken definitions one-line message"

run validate /nonexistent/kngg
expect_rc 1 "validate missing dir"
expect_err "bestaat niet" "missing dir message"

mkdir empty
run validate empty
expect_rc 1 "validate empty dir"
expect_err "geen definities" "empty dir message"

run validate a b
expect_rc 2 "validate two dirs"

# Where definitions come from.
cp -r "$SRC/phases" mine
sed -i 's|<titel>Haal de opdracht op</titel>|<titel>Haal de opdracht op (lokaal)</titel>|' mine/fase-1.xml
run --phases mine show 1.1
expect_out "(lokaal)" "--phases is used"
out=$(KNGG_PHASES=mine "$KNGG" show 1.1 2>/dev/null)
expect_out "(lokaal)" "KNGG_PHASES is used"
out=$(KNGG_PHASES=mine "$KNGG" --phases "$SRC/phases" show 1.1 2>/dev/null)
expect_no_out "(lokaal)" "--phases wins over KNGG_PHASES"

finish
