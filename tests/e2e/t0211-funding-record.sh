#!/usr/bin/env bash
# kngg funding add, list, end and kngg correct: journal events with history,
# --as-of, the log, and every wrong input refused with one line and the
# database unchanged.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-07-01
DB=f.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1

json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

run --db "$DB" funding add GM0479 --source "SPUK 2025" --amount 45.000 --from 1-1-2025 \
	--until "31 december 2026" --for Netwerkregisseur --date 2026-02-01 --note "SPUK-beschikking"
expect_rc 0 "add temporary funding"
expect_out "financiering" "add confirms"
SPUK=$(printf '%s' "$out" | sed -n 's/^GM0479: financiering \([0-9]*\) .*/\1/p')
check '[ -n "$SPUK" ]' "add names the funding's id"
run --db "$DB" funding add GM0479 --source Gemeentebegroting --amount "€ 20.000" --from 2027-01-01 \
	--structural --for 1.2/a3 --date 2026-03-01
expect_rc 0 "add structural funding without --until"
GEM=$(printf '%s' "$out" | sed -n 's/^GM0479: financiering \([0-9]*\) .*/\1/p')
expect_out "structureel" "structural named"

run --db "$DB" funding list GM0479
expect_rc 0 "list"
expect_out "SPUK 2025" "list shows the source"
expect_out "€ 45.000,00" "list shows the amount"
expect_out "31-12-2026" "list shows the end as Dutch people write it"
expect_out "netwerkregisseur" "role folded to its id"
expect_out "structureel" "structural funding shows no end"
expect_out "lopend op 1 juli 2026: € 45.000,00" "only the running funding counts today"
w=$(printf '%s\n' "$out" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
n=$(printf '%s\n' "$out" | while IFS= read -r l; do printf '%s' "$l" | wc -m; done | sort -n | tail -1)
check '[ "$n" -le 80 ]' "list fits in 80 columns ($n)"

# the data is canonical JSON with integer cents
data=$(sqlite3 "$DB" "select data from event where kind='funding.add' and id=$SPUK")
check '[ "$data" = "{\"amount_cents\":4500000,\"for\":\"netwerkregisseur\",\"from\":\"2025-01-01\",\"source\":\"SPUK 2025\",\"structural\":false,\"until\":\"2026-12-31\"}" ]' \
	"event data canonical ($data)"

# --as-of: before the second was recorded it is not known
run --db "$DB" funding list GM0479 --as-of 2026-02-15 --format json
check '[ "$(json "len(d[\"grants\"])")" = 1 ]' "--as-of before the second: one funding"
run --db "$DB" funding list GM0479 --as-of 2026-01-15
expect_out "nog geen financiering" "--as-of before any: none"

# csv and xlsx
run --db "$DB" funding list GM0479 --format csv
expect_out "bedrag_centen" "csv has the cents column"
expect_out ",4500000," "csv has exact cents"
run --db "$DB" funding list GM0479 --format xlsx -o f.xlsx
check '[ -s f.xlsx ]' "xlsx written"

# validation: one line, nothing written
rejected "until before from" "ligt voor --from" funding add GM0479 --source X --amount 10 \
	--from 2026-06-01 --until 2026-05-31
rejected "temporary without until" "--until ontbreekt" funding add GM0479 --source X --amount 10 \
	--from 2026-06-01
rejected "bad from date" "ongeldige datum" funding add GM0479 --source X --amount 10 \
	--from 31-2-2026 --until 2026-12-31
rejected "bad until date" "ongeldige datum" funding add GM0479 --source X --amount 10 \
	--from 2026-01-01 --until morgen
rejected "unknown role" "bestaat niet" funding add GM0479 --source X --amount 10 \
	--from 2026-01-01 --until 2026-12-31 --for directeur
rejected "unknown activity" "geen rol en geen activiteit" funding add GM0479 --source X \
	--amount 10 --from 2026-01-01 --until 2026-12-31 --for 1.2/a99
rejected "empty source" "--source mag niet leeg" funding add GM0479 --source "" --amount 10 \
	--from 2026-01-01 --until 2026-12-31
rejected "unknown municipality" "GM0001" funding add GM0001 --source X --amount 10 \
	--from 2026-01-01 --until 2026-12-31
rejected "future recording date" "toekomst" funding add GM0479 --source X --amount 10 \
	--from 2026-01-01 --until 2026-12-31 --date 2026-08-01
rejected "missing amount" "--amount" funding add GM0479 --source X --from 2026-01-01 \
	--until 2026-12-31
rejected "bad --as-of" "ongeldige datum" funding list GM0479 --as-of 2026-13-01

# end early
rejected "end unknown funding" "geen financiering 999" funding end GM0479 999
rejected "end another municipality's funding" "geen financiering" funding end GM0363 "$SPUK"
rejected "end before it starts" "kan niet eerder liggen" funding end GM0479 "$SPUK" --date 2024-12-31
rejected "end after its until" "later niet" funding end GM0479 "$SPUK" --date 2027-01-31
rejected "bad id" "" funding end GM0479 abc
run --db "$DB" funding end GM0479 "$SPUK" --date 2026-09-30
expect_rc 0 "end early, a day ahead"
run --db "$DB" funding list GM0479
expect_out "30-9-2026 *" "list shows the early end"
expect_out "eerder beëindigd" "list explains the mark"
rejected "end twice" "al beëindigd" funding end GM0479 "$SPUK"
run --db "$DB" log GM0479
expect_out "financiering vastgelegd" "log names funding.add"
expect_out "financiering beëindigd #$SPUK" "log names funding.end and which"

# kngg correct withdraws the end, then the funding itself
END=$(sqlite3 "$DB" "select id from event where kind='funding.end'")
run --db "$DB" correct GM0479 "$END" --reason "toch niet beëindigd"
expect_rc 0 "withdraw the end"
run --db "$DB" funding list GM0479 --format json
check '[ "$(json "d[\"grants\"][0][\"ended\"]")" = None ]' "end withdrawn: no longer ended"
check '[ "$(json "d[\"grants\"][0][\"end\"]")" = 2026-12-31 ]' "end back to --until"
run --db "$DB" correct GM0479 "$GEM" --reason "dubbel ingevoerd"
expect_rc 0 "withdraw a funding"
run --db "$DB" funding list GM0479 --format json
check '[ "$(json "len(d[\"grants\"])")" = 1 ]' "withdrawn funding gone"
# and before the withdrawal it stood
run --db "$DB" funding list GM0479 --as-of 2026-06-30 --format json
check '[ "$(json "len(d[\"grants\"])")" = 2 ]' "--as-of before the withdrawal: both"
run --db "$DB" verify
expect_rc 0 "chain intact"

# an end before the day the funding was recorded still counts (from then on)
run --db "$DB" funding add GM0479 --source "Oud potje" --amount 500 --from 2025-01-01 \
	--until 2025-12-31 --date 2026-05-01
OLD=$(printf '%s' "$out" | sed -n 's/^GM0479: financiering \([0-9]*\) .*/\1/p')
run --db "$DB" funding end GM0479 "$OLD" --date 2025-06-30
expect_rc 0 "end on a day before the funding was recorded"
run --db "$DB" funding list GM0479 --format json
check '[ "$(json "[g[\"ended\"] for g in d[\"grants\"] if g[\"id\"] == $OLD][0]")" = 2025-06-30 ]' \
	"that end is in the list"
run --db "$DB" funding list GM0479 --as-of 2026-04-30 --format json
check '[ "$(json "len([g for g in d[\"grants\"] if g[\"id\"] == $OLD])")" = 0 ]' \
	"--as-of before it was recorded: not known"

run help funding
expect_out "45.000,50" "help explains amounts"
finish
