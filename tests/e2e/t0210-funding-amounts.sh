#!/usr/bin/env bash
# kngg funding add --amount: euros as Dutch people type them, stored exactly
# in cents (a comma for cents, a dot only for thousands); everything else is
# refused with one line and the database unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-07-01
DB=a.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1

json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# input -> cents
while IFS='|' read -r typed cents; do
	run --db "$DB" funding add GM0479 --source "Bron $typed" --amount "$typed" \
		--from 2026-01-01 --until 2026-12-31
	expect_rc 0 "amount '$typed' accepted"
	run --db "$DB" funding list GM0479 --format json
	got=$(json "d['grants'][-1]['amount_cents']")
	check '[ "$got" = "$cents" ]' "amount '$typed' is $cents cents, got $got"
	# an integer in JSON, never a float
	raw=$(printf '%s' "$out" | grep -o '"amount_cents": [0-9.]*' | tail -1)
	check '[ "$raw" = "\"amount_cents\": $cents" ]' "amount '$typed' written as an integer ($raw)"
done <<'TABLE'
45000|4500000
45.000|4500000
45.000,50|4500050
€ 45.000,50|4500050
€45.000,50|4500050
EUR 45000|4500000
45000,5|4500050
45000,05|4500005
45.000,-|4500000
1.000.000|100000000
0,01|1
  12 |1200
92.233.720.368.547.758,07|9223372036854775807
TABLE

# refusals: one line, exit 1, nothing written
while IFS='|' read -r typed why; do
	rejected "amount '$typed' refused" "$why" funding add GM0479 --source X --amount "$typed" \
		--from 2026-01-01 --until 2026-12-31
done <<'TABLE'
12.5|een punt scheidt alleen duizendtallen
45000.50|een punt scheidt alleen duizendtallen
1.2345|een punt scheidt alleen duizendtallen
1.23.456|een punt scheidt alleen duizendtallen
.500|een punt scheidt alleen duizendtallen
0|groter dan nul
0,00|groter dan nul
-5|niet negatief
-45.000,00|niet negatief
€ -10|niet negatief
abc|alleen cijfers
45 000|alleen cijfers
1e5|alleen cijfers
45,5,5|meer dan een komma
45,555|een of twee cijfers
45,|een of twee cijfers
€|geen bedrag
92.233.720.368.547.758,08|bedrag te groot
99999999999999999999|bedrag te groot
TABLE
rejected "empty amount refused" "geen bedrag" funding add GM0479 --source X --amount "" \
	--from 2026-01-01 --until 2026-12-31

# the list shows amounts as Dutch people write them
run --db "$DB" funding list GM0479
expect_out "€ 45.000,50" "list shows € 45.000,50"
expect_out "€ 1.000.000,00" "list shows thousands separated by dots"
expect_out "€ 0,01" "list shows one cent"
finish
