#!/usr/bin/env bash
# kngg risks: temporary funding that ends within six months (or has ended)
# without a structural successor, and no funding at all for the
# netwerkregisseur in phase 3 or 4 or once that role is held (4.borging).
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-07-01
DB=r.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1

# one line per risk (text output wraps each "- " item)
risk_lines() {
	printf '%s\n' "$out" | awk '/^- / { if (l != "") print l; l = substr($0, 3); next }
		/^  / && l != "" { l = l " " substr($0, 3); next }
		{ if (l != "") print l; l = "" } END { if (l != "") print l }'
}
id_of() { printf '%s' "$out" | sed -n 's/^GM[0-9]*: financiering \([0-9]*\) .*/\1/p'; }
SPUK_TEXT="de financiering 'SPUK 2025' (€ 45.000,00, voor netwerkregisseur) eindigt op 31 december 2026 en er is geen structurele opvolger"

run --db "$DB" funding add GM0479 --source "SPUK 2025" --amount 45000 --from 2025-01-01 \
	--until 2026-12-31 --for netwerkregisseur --date 2026-02-01
SPUK=$(id_of)

# the six-month window: 31 December is within six months of 1 July, not of 30 June
run --db "$DB" risks GM0479
check 'risk_lines | grep -qF "$SPUK_TEXT"' "warned six months before the end"
run --db "$DB" risks GM0479 --as-of 2026-06-30
check '! risk_lines | grep -q "SPUK"' "not warned before the window (--as-of)"
KNGG_TODAY=2026-06-30 run --db "$DB" risks GM0479
check '! risk_lines | grep -q "SPUK"' "not warned before the window (KNGG_TODAY)"
run --db "$DB" risks GM0479 --as-of 2027-02-01
check 'risk_lines | grep -qF "(€ 45.000,00, voor netwerkregisseur) eindigde op 31 december 2026 en er is geen structurele opvolger"' \
	"ended funding without successor is still a risk"
run --db "$DB" risks GM0479 --format json
check 'printf "%s" "$out" | grep -q "\"kind\": \"funding-ends\""' "JSON kind funding-ends"
check 'printf "%s" "$out" | grep -q "\"role\": \"netwerkregisseur\""' "JSON names the role"

# a later temporary funding for another purpose is no successor
run --db "$DB" funding add GM0479 --source "Fonds" --amount 5000 --from 2026-12-01 \
	--until 2028-12-31 --for projectleider
run --db "$DB" risks GM0479
check 'risk_lines | grep -qF "$SPUK_TEXT"' "funding for another role is no successor"
# one for the same role that starts after the end leaves a gap: no successor
run --db "$DB" funding add GM0479 --source "Gat" --amount 5000 --from 2027-02-01 \
	--until 2028-12-31 --for netwerkregisseur
GAP=$(id_of)
run --db "$DB" risks GM0479
check 'risk_lines | grep -qF "$SPUK_TEXT"' "a successor after a gap does not count"
# one that starts at or before the end and runs past it does
run --db "$DB" funding add GM0479 --source "Vervolg" --amount 40000 --from 2026-12-31 \
	--until 2028-12-31 --for netwerkregisseur
NEXT=$(id_of)
run --db "$DB" risks GM0479
check '! risk_lines | grep -q "SPUK"' "a follow-up funding is a successor"
# withdrawn, the warning is back
"$KNGG" --db "$DB" correct GM0479 "$NEXT" --reason "niet toegekend" >/dev/null
run --db "$DB" risks GM0479
check 'risk_lines | grep -qF "$SPUK_TEXT"' "withdrawn successor: warned again"
# a structural funding for the same role is a successor, even starting later
run --db "$DB" funding add GM0479 --source "Gemeentebegroting" --amount 50.000 --from 2027-03-01 \
	--structural --for netwerkregisseur
run --db "$DB" risks GM0479
check '! risk_lines | grep -q "SPUK"' "structural funding is a successor"
check '! risk_lines | grep -q "geen financiering vastgelegd"' "netwerkregisseur funded"
# a structural funding ended early is temporary after all: a risk itself
STRUCT=$(sqlite3 "$DB" "select id from event where kind='funding.add' and target='Gemeentebegroting'")
"$KNGG" --db "$DB" correct GM0479 "$GAP" --reason "afgewezen" >/dev/null
run --db "$DB" funding end GM0479 "$STRUCT" --date 2027-03-01
expect_rc 0 "end structural funding ahead of time"
KNGG_TODAY=2026-12-01 run --db "$DB" risks GM0479
check 'risk_lines | grep -qF "de financiering '"'"'Gemeentebegroting'"'"' (€ 50.000,00, voor netwerkregisseur) eindigt op 1 maart 2027"' \
	"an ended structural funding is a risk itself"

# the netwerkregisseur: no funding recorded for the role
run --db "$DB" risks GM0363
check '! risk_lines | grep -q "financiering"' "phase 1 without the role: no funding risk"
"$KNGG" --db "$DB" org add GM0363 GGD --type ggd --date 2026-01-05 >/dev/null
P=$("$KNGG" --db "$DB" stakeholder add GM0363 --name "Noor de Regisseur" --org GGD \
	--date 2026-01-06 | sed -n 's/^GM0363: stakeholder \([0-9]*\) .*/\1/p')
"$KNGG" --db "$DB" role assign GM0363 "$P" netwerkregisseur --date 2026-03-01 >/dev/null
run --db "$DB" risks GM0363
check 'risk_lines | grep -qF "er is geen financiering vastgelegd voor de netwerkregisseur"' \
	"netwerkregisseur role held without funding: named"
run --db "$DB" risks GM0363 --as-of 2026-02-28
check '! risk_lines | grep -q "financiering"' "--as-of before the role: no risk"
run --db "$DB" funding add GM0363 --source "Gemeente" --amount 10000 --from 2026-01-01 \
	--structural --for projectleider
run --db "$DB" risks GM0363
check 'risk_lines | grep -qF "er is geen financiering vastgelegd voor de netwerkregisseur"' \
	"funding for another role does not cover the netwerkregisseur"
# phase 3 names it too
"$KNGG" --db "$DB" municipality add GM0344 Utrecht --date 2026-01-05 >/dev/null
"$KNGG" --db "$DB" cycle start GM0344 3 --date 2026-02-01 >/dev/null 2>&1
run --db "$DB" risks GM0344
check 'risk_lines | grep -qF "er is geen financiering vastgelegd voor de netwerkregisseur"' \
	"phase 3 without funding for the netwerkregisseur"
# readiness shows the risk among its warnings
run --db "$DB" readiness GM0363
check 'printf "%s\n%s" "$out" "$err" | grep -q "financiering"' "readiness mentions the funding risk"
finish
