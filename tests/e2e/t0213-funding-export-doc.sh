#!/usr/bin/env bash
# Funding in the export (JSON amounts in integer cents, the XML the
# templates read) and in the documents: the borgingslijst (the funding, and
# the netwerkregisseur's own) and the projectplan's begroting.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-07-01
DB=e.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1

json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

run --db "$DB" export GM0479
check '[ "$(json "d[\"funding\"][\"grants\"]")" = "[]" ]' "export without funding: empty list"
check '[ "$(json "d[\"funding\"][\"total_active_cents\"]")" = 0 ]' "export without funding: total 0"
run --db "$DB" doc borgingslijst GM0479 --format md
expect_out "Voor de netwerkregisseur is nog geen financiering vastgelegd." "borgingslijst says none for the netwerkregisseur"

"$KNGG" --db "$DB" funding add GM0479 --source "SPUK 2025" --amount "45.000,50" --from 2025-01-01 \
	--until 2026-12-31 --for netwerkregisseur --date 2026-02-01 >/dev/null || exit 1
"$KNGG" --db "$DB" funding add GM0479 --source "Gemeentebegroting" --amount 20000 --from 2027-01-01 \
	--structural --date 2026-03-01 >/dev/null || exit 1

run --db "$DB" export GM0479
expect_rc 0 "export"
check '[ "$(json "d[\"funding\"][\"grants\"][0][\"amount_cents\"]")" = 4500050 ]' "export: exact cents"
check 'printf "%s" "$out" | grep -q "\"amount_cents\": 4500050,"' "export: cents an integer, not a float"
check '[ "$(json "d[\"funding\"][\"grants\"][0][\"amount\"]")" = "€ 45.000,50" ]' "export: the Dutch amount"
check '[ "$(json "d[\"funding\"][\"grants\"][1][\"structural\"]")" = True ]' "export: structural"
check '[ "$(json "d[\"funding\"][\"grants\"][1][\"until\"]")" = None ]' "export: structural has no until"
check '[ "$(json "d[\"funding\"][\"total_active_cents\"]")" = 4500050 ]' "export: total of what runs"
check '[ "$(json "[r[\"kind\"] for r in d[\"risks\"]].count(\"funding-ends\")")" = 0 ]' \
	"export: structural successor, no funding risk"
run --db "$DB" export GM0479 --as-of 2026-02-15
check '[ "$(json "len(d[\"funding\"][\"grants\"])")" = 1 ]' "export --as-of: what was known then"
check '[ "$(json "[r[\"kind\"] for r in d[\"risks\"]].count(\"funding-ends\")")" = 0 ]' \
	"export --as-of 2026-02-15: outside the six months"
run --db "$DB" export GM0479 --as-of 2026-02-15 --format xml
expect_out '<grant id="2" source="SPUK 2025" amount_cents="4500050" amount="€ 45.000,50"' "XML grant"

run --db "$DB" doc borgingslijst GM0479 --format md
expect_rc 0 "borgingslijst"
expect_out "| SPUK 2025 | € 45.000,50 | 1 januari 2025 tot en met 31 december 2026 | netwerkregisseur | loopt |" \
	"borgingslijst lists the funding"
expect_out "| Gemeentebegroting | € 20.000,00 | structureel vanaf 1 januari 2027 | de aanpak als geheel | begint later |" \
	"borgingslijst lists structural funding"
expect_out "Lopend op 1 juli 2026: € 45.000,50." "borgingslijst: what runs today"
expect_no_out "Voor de netwerkregisseur is nog geen financiering" "borgingslijst: the netwerkregisseur funded"
run --db "$DB" doc projectplan GM0479 --format md
expect_rc 0 "projectplan"
check 'printf "%s" "$out" | sed -n "/^## 14. Begroting/,/^## 15/p" | grep -q "| SPUK 2025 | € 45.000,50 |"' \
	"projectplan's begroting lists the funding"
run --db "$DB" doc projectplan GM0479 --format docx -o p.docx
expect_rc 0 "projectplan as docx"
check 'unzip -p p.docx word/document.xml | grep -q "SPUK 2025"' "docx holds the funding"
finish
