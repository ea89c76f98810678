#!/usr/bin/env bash
# Agreements that expire (issue 18): --valid-until on agreement points
# only, refused when malformed or before the signature (one kngg: line, the
# database unchanged); shown in Dutch in signoff show/list and the log; a
# risk from three months before the last day (not at four), also with
# --as-of, and a readiness warning that never undoes the complete point; a
# renewal is a new signature that keeps the old one in the history.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=a.db
k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
k org add GM0479 "GGD Zaanstreek" --type ggd --date 2026-01-06
k stakeholder add GM0479 --name "Jan Jansen" --org "Gemeente Zaanstad" --date 2026-01-07   # 1
k stakeholder add GM0479 --name "Els de Boer" --org "GGD Zaanstreek" --date 2026-01-07     # 2
k role assign GM0479 2 kerngroep --date 2026-02-01
# joined: the output with its wrapped lines as one
joined() { printf '%s\n' "$out" | tr -s ' \n' '  '; }

ggd=(--signer "Els de Boer" --role bestuurder --org "GGD Zaanstreek" --document "Samenwerkingsovereenkomst v1")
weth=(--signer "Jan Jansen" --role wethouder --org "Gemeente Zaanstad" --document "Samenwerkingsovereenkomst v1")

# ---- validation: one kngg: line, nothing written -----------------------------------------
rejected "a malformed --valid-until" "--valid-until" \
	signoff GM0479 1.6/s1 --decision akkoord "${ggd[@]}" --date 2026-04-01 --valid-until 31-2-2027
rejected "--valid-until before the signature" "ligt voor de dag van ondertekening" \
	signoff GM0479 1.6/s1 --decision akkoord "${ggd[@]}" --date 2026-04-01 --valid-until 2026-03-31
rejected "--valid-until on a go/no-go point" "geen overeenkomst die afloopt" \
	signoff GM0479 1.5/s1 --decision go "${weth[@]}" --date 2026-04-01 --valid-until 2027-04-01
rejected "--valid-until on an unknown point" "onbekende ondertekening" \
	signoff GM0479 1.6/s9 --decision akkoord "${ggd[@]}" --date 2026-04-01 --valid-until 2027-04-01

# ---- recorded with a Dutch date, shown in Dutch ---------------------------------------------
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord "${ggd[@]}" --date 2026-04-01 --valid-until "1 februari 2027"
expect_rc 0 "the GGD signs 1.6/s1 until 1 February 2027"
expect_out "1.6/s1: geldig tot 1 februari 2027" "the validity is confirmed"
check '[ "$(sqlite3 "$DB" "SELECT json_extract(data, '"'"'$.valid_until'"'"') FROM event WHERE kind = '"'"'signoff'"'"'")" = 2027-02-01 ]' \
	"stored in the signature event's data as ISO"
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord "${weth[@]}" --date 2026-04-02
expect_out "1.6/s1 compleet" "complete with the wethouder (who signs without an end)"
run --db "$DB" signoff show GM0479 1.6/s1
expect_out "geldig tot 1 februari" "show: the validity on the slot"
expect_no_out "verlopen" "show: not expired yet"
run --db "$DB" signoff list GM0479
expect_out "    geldig tot 1 februari 2027" "list: the validity under the signature"
run --db "$DB" signoff list GM0479 --format json
check 'printf "%s" "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert d[0][\"valid_until\"] == \"2027-02-01\" and d[1][\"valid_until\"] is None"' \
	"list json: valid_until"
run --db "$DB" log GM0479
check 'joined | grep -q "geldig tot 1 februari 2027"' "log: the validity in the event line"

# ---- the risk: within three months, not at four; --as-of ------------------------------------
risk="de samenwerkingsovereenkomst (1.6/s1) van GGD Zaanstreek loopt af op 1 februari 2027; vernieuw met een nieuwe ondertekening"
KNGG_TODAY=2026-10-01 run --db "$DB" risks GM0479
check '! joined | grep -q "1.6/s1"' "no risk four months before"
KNGG_TODAY=2026-11-01 run --db "$DB" risks GM0479
check 'joined | grep -qF "$risk"' "a risk three months before"
run --db "$DB" risks GM0479 --as-of 2026-11-15
check 'joined | grep -qF "$risk"' "risk with --as-of inside the three months"
run --db "$DB" risks GM0479 --as-of 2026-10-31
check '! joined | grep -q "1.6/s1"' "no risk with --as-of just before the three months"
KNGG_TODAY=2027-02-02 run --db "$DB" risks GM0479
check 'joined | grep -qF "1.6/s1) van GGD Zaanstreek is verlopen op 1 februari 2027"' "expired the day after"
KNGG_TODAY=2027-02-02 run --db "$DB" signoff show GM0479 1.6/s1
check 'joined | grep -q "geldig tot 1 februari 2027 (verlopen)"' "show marks the expired signature"
expect_out "Compleet: ja" "an expired agreement does not undo the complete point"
KNGG_TODAY=2027-02-02 run --db "$DB" readiness GM0479
check 'joined | grep -qF "is verlopen op 1 februari 2027"' "readiness warns about the expired agreement"
check '! joined | grep -q "ondertekening 1.6/s1 niet compleet"' "readiness still counts 1.6/s1"
KNGG_TODAY=2027-02-02 run --db "$DB" export GM0479
check 'printf "%s" "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); assert any(r[\"kind\"] == \"agreement-expires\" or \"1.6/s1\" in r[\"text\"] for r in d[\"risks\"])"' \
	"export: the risk"

# ---- renewal: a new signature, the history kept ----------------------------------------------
export KNGG_TODAY=2027-01-10
run --db "$DB" signoff GM0479 1.6/s1 --decision akkoord "${ggd[@]}" --document "Samenwerkingsovereenkomst v2" --valid-until 2029-01-31
expect_rc 0 "renewal of a complete point"
run --db "$DB" signoff show GM0479 1.6/s1
check 'joined | grep -q "op 2027-01-10, geldig tot 31 januari 2029"' "the newest validity counts"
check 'joined | grep -q "stuk: Samenwerkingsovereenkomst v1 geldig tot 1 februari 2027"' "history keeps the old signature"
run --db "$DB" risks GM0479
check '! joined | grep -q "1.6/s1"' "no risk after the renewal"
run --db "$DB" risks GM0479 --as-of 2027-01-09
check 'joined | grep -qF "$risk"' "--as-of before the renewal: still the risk"
# withdrawing the renewal brings the old validity back
id=$(sqlite3 "$DB" "SELECT max(id) FROM event WHERE kind = 'signoff'")
k correct GM0479 "$id" --reason "verkeerde versie"
run --db "$DB" risks GM0479
check 'joined | grep -qF "$risk"' "the renewal withdrawn: the old validity counts again"

# ---- documents ---------------------------------------------------------------------------
export KNGG_TEMPLATES=$SRC/templates
run --db "$DB" doc samenwerkingsovereenkomst GM0479 --format md -o so.md
expect_rc 0 "samenwerkingsovereenkomst"
check 'grep -q "Looptijd:\*\* GGD Zaanstreek: geldig tot 1 februari 2027" so.md' "the looptijd from the signature"
run --db "$DB" export GM0479 --format xml
expect_out 'valid_until="2027-02-01"' "xml export: valid_until"
# 4.borging: the ratification with its last day in the borgingslijst
k cycle start GM0479 4 --date 2027-01-05 2>/dev/null # warns: phase 3 not ready
k signoff prepare GM0479 4.borging/s1 --org "GGD Zaanstreek" --date 2027-01-06
run --db "$DB" signoff GM0479 4.borging/s1 --decision akkoord --signer "Els de Boer" --role bestuurder \
	--org "GGD Zaanstreek" --document "Borgingsafspraken" --valid-until 31-12-2028
expect_out "4.borging/s1: geldig tot 31 december 2028" "4.borging takes --valid-until"
run --db "$DB" doc borgingslijst GM0479 --format md -o b.md
expect_rc 0 "borgingslijst"
check 'grep -q "| GGD Zaanstreek | Els de Boer (bestuurder) | 10 januari 2027 | Borgingsafspraken | geldig tot 31 december 2028 |" b.md' \
	"borgingslijst: the looptijd of the ratification"
finish
