#!/usr/bin/env bash
# Terminal output fits in 80 columns (display columns: UTF-8 characters, not
# bytes) on the demo database: every list, report and help text; --wide
# gives the full tables; help texts are spelled with their diaereses.
. "$(dirname "$0")/lib.sh" "$@"
DB=d.db
"$KNGG" --db "$DB" demo --force >/dev/null 2>&1 || { echo "setup failed: kngg demo" >&2; exit 1; }

# widest: the display width of the widest line of $out
widest() {
	printf '%s\n' "$out" | python3 -c '
import sys
print(max((len(l.rstrip("\n")) for l in sys.stdin), default=0))'
}
# fits ARGS...: kngg ARGS succeeds and no line of its output is wider than 80
fits() {
	run --db "$DB" "$@"
	if [ "$rc" -ne 0 ]; then
		bad "kngg $*: exit $rc"
		return
	fi
	local w
	w=$(widest)
	if [ "$w" -le 80 ]; then ok; else bad "kngg $*: a line of $w columns: $(printf '%s\n' "$out" |
		python3 -c 'import sys; print(max(sys.stdin, key=len).rstrip())')"; fi
}

fits phases
fits stakeholder list GM9999
fits stakeholder list GM9999 --grid
fits stakeholder show GM9999 3
fits status GM9999
fits status GM9999 --as-of 2026-03-01
fits readiness GM9999
for p in 1 2 3 4; do fits readiness GM9999 --phase "$p"; done
fits readiness GM9999 --step 1.4
fits readiness --all
fits log GM9999
fits risks GM9999
fits role list GM9999
fits role list GM9999 --all
"$KNGG" --db "$DB" funding add GM9999 --source "Specifieke uitkering Gezonde Leefstijl en Sport 2025" \
	--amount 1.234.567,89 --from 30-9-2025 --until 31-12-2026 --for centrale-zorgverlener \
	--note "beschikking van het ministerie, kenmerk 2025-0001234" >/dev/null 2>&1 || bad "funding add"
fits funding list GM9999
fits org list GM9999
fits area list GM9999
fits municipality list
fits signoff list GM9999
fits signoff show GM9999 1.1/s1
fits signoff show GM9999 1.6/s1
fits show 1.1
fits show 1.5/s1
fits show 2.5
fits show 1
fits help
for c in $("$KNGG" help | awk '/^  [a-z]/ { print $1 }'); do
	fits help "$c"
done

# the full tables are there on request
run --db "$DB" phases --wide
check '[ "$(widest)" -gt 80 ]' "phases --wide: the full titles"
expect_out "Ontwikkel de (keten)aanpak voor jouw gemeente" "phases --wide: an uncut title"
run --db "$DB" phases
expect_out "Meer: kngg show ID; volledige titels: kngg phases --wide" "phases says where the full titles are"
run --db "$DB" stakeholder list GM9999 --wide
check '[ "$(widest)" -gt 80 ]' "stakeholder list --wide: the whole register"
check 'printf "%s\n" "$out" | head -1 | grep -q "functie.*invloed.*belang.*urgentie.*houding.*commitment.*analyse"' \
	"stakeholder list --wide: every column"
run --db "$DB" stakeholder list GM9999
expect_out "met --wide" "stakeholder list says what --wide adds"
run --db "$DB" log GM9999 --wide
check '[ "$(widest)" -gt 80 ]' "log --wide: one line per event"
run --db "$DB" org list GM9999 --wide
expect_out "Jeugdgezondheidszorg (JGZ)" "org list --wide: the type description"
run --db "$DB" risks GM9999 --wide
expect_out "- " "risks --wide: the risks as items"
check '! printf "%s\n" "$out" | grep -q "^  "' "risks --wide: one line per risk"

# help texts: the diaereses are there
run help
expect_out "continuïteit" "overview: continuïteit"
run help role
expect_out "beëindig de oude rol" "help role: beëindig"
all_help=$( { "$KNGG" help; for c in $("$KNGG" help | awk '/^  [a-z]/ { print $1 }'); do "$KNGG" help "$c"; done; } 2>&1)
check '! printf "%s\n" "$all_help" | grep -E "continuiteit|beeindig|geinstalleerd|geinformeerd zijn"' \
	"no help text without its diaeresis"

finish
