#!/usr/bin/env bash
# `kngg doc NAAM [CODE]`: the municipality as people type it (a code in any
# case, a name) or left out when there is a default, like every other
# command (issue 17); a near miss gets one suggestion and writes nothing.
# Also: `doc list` and `user list` fit in 80 columns, with Dutch dates.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-23
DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"

run --db "$DB" doc projectplan GM9999 --format md
expect_rc 0 "doc with the code"
full=$out
run --db "$DB" doc projectplan --format md
expect_rc 0 "doc without a code: the only municipality"
check '[ -n "$full" ] && [ "$out" = "$full" ]' "the same document without the code"
run --db "$DB" doc projectplan waterlinde --format md
expect_rc 0 "doc by name"
check '[ "$out" = "$full" ]' "the same document by name"
run --db "$DB" doc projectplan gm9999 --format md
expect_rc 0 "doc with a lower-case code"
rejected "a near miss" "bedoelde je Waterlinde (GM9999)?" doc projectplan waterlind --format md -o "$TMP/x.md"
check '[ ! -e "$TMP/x.md" ]' "nothing written for a near miss"
rejected "an unknown code" "onbekende gemeente 'GM0001'" doc projectplan GM0001 --format md -o "$TMP/x.md"

# two municipalities and no default: the code is needed
run --db "$DB" municipality add GM0479 Zaanstad
rejected "no default with two municipalities" "geen gemeente gegeven" doc projectplan --format md
KNGG_GEMEENTE=zaanstad run --db "$DB" doc projectplan --format md
expect_rc 0 "KNGG_GEMEENTE by name"
expect_out "Gemeente Zaanstad" "the default municipality's document"

# 80 columns, Dutch dates
run --db "$DB" doc list
expect_rc 0 "doc list"
check '[ "$(printf "%s\n" "$out" | awk "{ if (length(\$0) > 80) n++ } END { print n+0 }")" = 0 ]' \
	"doc list fits in 80 columns"
expect_out "voortgangsrapportage" "doc list names the templates"
printf 'wachtwoord123\n' | "$KNGG" --db "$DB" user add Jan --role lezer --municipality GM9999 >/dev/null 2>&1
run --db "$DB" user list
expect_out "(sinds 23 november 2026)" "user list: a Dutch date"
finish
