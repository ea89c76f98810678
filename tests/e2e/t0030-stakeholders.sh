#!/usr/bin/env bash
# kngg org and kngg stakeholder: the register, analyses over time (carry-over,
# commitment history), the influence/interest grid and the CSV/JSON exports.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=s.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1

# json EXPR: evaluates a Python expression over d = the JSON on $out
json() { printf '%s' "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
# person FIELD ID: a field of a person in `stakeholder list --format json` on $out
person() { json "[p for p in d if p['id']==$2][0]$1"; }
# new_id: the id in "CODE: stakeholder ID toegevoegd: ..." on $out
new_id() { printf '%s' "$out" | sed -n 's/^GM[0-9]*: stakeholder \([0-9]*\) toegevoegd.*/\1/p'; }

# --- organisations ------------------------------------------------------------
run --db "$DB" org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-06
expect_rc 0 "org add"
expect_no_err "org add"
expect_out "GM0479: organisatie 'Gemeente Zaanstad' (gemeente) toegevoegd" "org add confirms"
run --db "$DB" org add GM0479 "GGD Zaanstreek-Waterland" --type ggd --date 2026-01-06
expect_rc 0 "second org"
rejected "duplicate org" "Gemeente Zaanstad" org add GM0479 "Gemeente Zaanstad" --type gemeente
rejected "unknown org type" "organisatietype 'bakker'" org add GM0479 "Bakkerij" --type bakker
rejected "org for an unknown municipality" "onbekende gemeente 'GM0001'" org add GM0001 "X" --type ggd
rejected "org in the future" "toekomst" org add GM0479 "Later" --type ggd --date 2026-06-16
rejected "org on an impossible date" "ongeldige datum '2026-02-30'" org add GM0479 "Later" --type ggd --date 2026-02-30
rejected "org without --type" "--type" org add GM0479 "Zonder type"
expect_rc 2 "org without --type is a usage error"
rejected "org without a name" "" org add GM0479 --type ggd
expect_rc 2 "org without a name is a usage error"
run --db "$DB" org list GM0479
expect_rc 0 "org list"
check 'printf "%s\n" "$out" | grep "Gemeente Zaanstad" | grep -q gemeente' "org list shows name and type"
expect_out "GGD Zaanstreek-Waterland" "org list shows the second org"
rejected "org list of an unknown municipality" "onbekende gemeente 'GM0001'" org list GM0001
run --db "$DB" org list GM0363
expect_rc 0 "org list of a municipality without orgs"
expect_no_out "Zaanstad" "orgs stay in their municipality"

# --- adding stakeholders ----------------------------------------------------------
run --db "$DB" stakeholder add GM0479 --name "Anouk Çelik" --org "Gemeente Zaanstad" \
	--function "beleidsadviseur jeugd" --level bestuurlijk --email anouk@zaanstad.nl \
	--phone "075 123 4567" --date 2026-01-10
expect_rc 0 "stakeholder add"
expect_no_err "stakeholder add"
A=$(new_id)
expect_out "GM0479: stakeholder $A toegevoegd: Anouk Çelik (Gemeente Zaanstad)" "stakeholder add confirms"
zoe='Zoë "Z" de Vries, MSc'
run --db "$DB" stakeholder add GM0479 --name "$zoe" --org "JGZ Zaanstreek" --org-type jgz \
	--function jeugdarts --level uitvoerend --date 2026-01-10
expect_rc 0 "stakeholder add with a new organisation"
Z=$(new_id)
expect_out "toegevoegd: $zoe (JGZ Zaanstreek)" "the name is echoed unchanged"
run --db "$DB" org list GM0479
check 'printf "%s\n" "$out" | grep "JGZ Zaanstreek" | grep -q jgz' "--org-type registered the organisation"
for n in "Bram Bakker" "Carla Chen" "Dirk de Groot" "Eva Ekker" "Fleur Fransen"; do
	run --db "$DB" stakeholder add GM0479 --name "$n" --org "GGD Zaanstreek-Waterland" --date 2026-01-11
	expect_rc 0 "stakeholder add $n"
done
B=$((Z + 1)) C=$((Z + 2)) D=$((Z + 3)) E=$((Z + 4)) F=$((Z + 5))
run --db "$DB" stakeholder add GM0363 --name "Ander Persoon" --org "GGD Amsterdam" --org-type ggd --date 2026-01-10
expect_rc 0 "stakeholder in another municipality"
OTHER=$(new_id)

rejected "stakeholder without --name" "--name" stakeholder add GM0479 --org "Gemeente Zaanstad"
expect_rc 2 "missing --name is a usage error"
rejected "stakeholder without --org" "--org" stakeholder add GM0479 --name "Iemand"
expect_rc 2 "missing --org is a usage error"
rejected "stakeholder at an unregistered org" "Onbekend BV" stakeholder add GM0479 --name "Iemand" --org "Onbekend BV"
rejected "stakeholder with a bad level" "niveau 'hoogste'" stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --level hoogste
rejected "stakeholder with a bad org type" "organisatietype 'bank'" stakeholder add GM0479 --name "Iemand" --org "Bank" --org-type bank
rejected "stakeholder with a bad e-mail" "e-mail" stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --email geen-adres
rejected "stakeholder for an unknown municipality" "onbekende gemeente 'GM0001'" stakeholder add GM0001 --name "Iemand" --org "X" --org-type ggd
rejected "stakeholder in the future" "toekomst" stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --date 2026-07-01
rejected "stakeholder on an impossible date" "ongeldige datum '2026-13-01'" stakeholder add GM0479 --name "Iemand" --org "Gemeente Zaanstad" --date 2026-13-01
run --db "$DB" help stakeholder
check 'printf "%s" "$out" | grep -q "alleen namen, functies en contactgegevens van professionals"' "help says only professionals' data"

# --- analyses -----------------------------------------------------------------------
run --db "$DB" stakeholder assess GM0479 "$A" --interest laag --influence laag --urgency middel \
	--stance neutraal --commitment geinformeerd --round 1.2 --date 2026-02-01 --by "Anouk Çelik" --new-person
expect_rc 0 "first analysis"
check '[ "$err" = "kngg: let op: '"'"'geinformeerd'"'"' telt nog niet als gecommitteerd" ]' \
	"informed is flagged as not committed, on stderr"
expect_no_out "let op" "first analysis: no warning on stdout"
run --db "$DB" stakeholder list GM0479 --format json
check '[ "$(person "[\"latest\"][\"commitment\"]" "$A")" = geinformeerd ]' "latest commitment informed"
check '[ "$(person "[\"latest\"][\"committed\"]" "$A")" = False ]' "informed does not count as committed"
check '[ "$(person "[\"latest\"][\"round\"]" "$A")" = 1.2 ]' "round recorded"
run --db "$DB" stakeholder list GM0479
check 'printf "%s\n" "$out" | grep "Anouk" | grep -q "geinformeerd\$"' "text list: informed without the committed mark"
expect_out "0 gecommitteerd" "nobody committed yet"
run --db "$DB" stakeholder show GM0479 "$A"
expect_out "telt als gecommitteerd: nee" "show: informed is not committed"

run --db "$DB" stakeholder assess GM0479 "$A" --interest hoog --influence hoog --date 2026-03-01
expect_rc 0 "second analysis (influence and interest only)"
run --db "$DB" stakeholder assess GM0479 "$A" --commitment toegezegd --round 1.7 --date 2026-04-01 --note "toegezegd in de kerngroep"
expect_rc 0 "third analysis (commitment only)"
expect_no_out "let op" "committed needs no warning"
run --db "$DB" stakeholder list GM0479 --format json
check '[ "$(person "[\"latest\"][\"commitment\"]" "$A")" = toegezegd ]' "commitment now committed"
check '[ "$(person "[\"latest\"][\"committed\"]" "$A")" = True ]' "committed counts"
check '[ "$(person "[\"latest\"][\"interest\"]" "$A")" = hoog ]' "interest carried over"
check '[ "$(person "[\"latest\"][\"influence\"]" "$A")" = hoog ]' "influence carried over"
check '[ "$(person "[\"latest\"][\"urgency\"]" "$A")" = middel ]' "urgency carried over twice"
check '[ "$(person "[\"latest\"][\"stance\"]" "$A")" = neutraal ]' "stance carried over twice"
check '[ "$(person "[\"latest\"][\"note\"]" "$A")" = "toegezegd in de kerngroep" ]' "note kept"
check '[ "$(json "[h[\"commitment\"] for h in [p for p in d if p[\"id\"]==$A][0][\"assessments\"]]")" = "['"'"'geinformeerd'"'"', '"'"'geinformeerd'"'"', '"'"'toegezegd'"'"']" ]' \
	"history keeps every commitment, oldest first"
check '[ "$(json "[h[\"date\"] for h in [p for p in d if p[\"id\"]==$A][0][\"assessments\"]]")" = "['"'"'2026-02-01'"'"', '"'"'2026-03-01'"'"', '"'"'2026-04-01'"'"']" ]' \
	"history dates oldest first"
run --db "$DB" stakeholder show GM0479 "$A"
expect_rc 0 "show"
expect_out "GM0479 stakeholder $A: Anouk Çelik" "show names the person"
expect_out "beleidsadviseur jeugd" "show: function"
expect_out "anouk@zaanstad.nl" "show: e-mail"
expect_out "commitment: geinformeerd → toegezegd" "show: the analysis that moved commitment"
expect_out "2026-02-01 geinformeerd → 2026-04-01 toegezegd" "show: how commitment moved"
expect_out "ronde 1.2" "show: the round"
expect_out "telt als gecommitteerd: ja" "show: committed now"
check '[ "$(printf "%s\n" "$out" | grep -n "2026-02-01  ronde" | cut -d: -f1)" -lt "$(printf "%s\n" "$out" | grep -n "2026-04-01  ronde" | cut -d: -f1)" ]' \
	"show: oldest analysis first"
run --db "$DB" stakeholder list GM0479 --as-of 2026-03-15 --format json
check '[ "$(person "[\"latest\"][\"commitment\"]" "$A")" = geinformeerd ]' "--as-of: commitment as it was"
check '[ "$(person "[\"latest\"][\"committed\"]" "$A")" = False ]' "--as-of: not committed then"

# betrokken still does not count
run --db "$DB" stakeholder assess GM0479 "$Z" --interest hoog --influence laag --commitment betrokken --date 2026-04-01
expect_rc 0 "analysis of Zoë"
run --db "$DB" stakeholder list GM0479 --format json
check '[ "$(person "[\"latest\"][\"committed\"]" "$Z")" = False ]' "betrokken does not count as committed"
check '[ "$(person "[\"latest\"][\"urgency\"]" "$Z")" = None ]' "a value never given stays null"

# rejections
rejected "analysis without values" "minstens" stakeholder assess GM0479 "$A" --date 2026-04-02
expect_rc 2 "analysis without values is a usage error"
rejected "analysis with only a round" "minstens" stakeholder assess GM0479 "$A" --round 1.2
for id in abc 0 -1 1.5 ""; do
	rejected "analysis of person id '$id'" "" stakeholder assess GM0479 "$id" --interest hoog
	expect_rc 2 "person id '$id' is a usage error"
done
rejected "analysis of an unknown person" "geen persoon 999" stakeholder assess GM0479 999 --interest hoog
rejected "analysis of another municipality's person" "geen persoon $OTHER" stakeholder assess GM0479 "$OTHER" --interest hoog
rejected "analysis for an unknown municipality" "onbekende gemeente 'GM0001'" stakeholder assess GM0001 "$A" --interest hoog
rejected "bad interest" "'enorm'" stakeholder assess GM0479 "$A" --interest enorm
rejected "bad influence" "'veel'" stakeholder assess GM0479 "$A" --influence veel
rejected "bad urgency" "'Hooog'" stakeholder assess GM0479 "$A" --urgency Hooog
rejected "bad stance" "'positief'" stakeholder assess GM0479 "$A" --stance positief
rejected "bad commitment" "'beloofd'" stakeholder assess GM0479 "$A" --commitment beloofd
rejected "empty commitment" "commitment" stakeholder assess GM0479 "$A" --commitment ""
rejected "analysis in the future" "toekomst" stakeholder assess GM0479 "$A" --interest hoog --date 2026-06-16
rejected "analysis on an impossible date" "ongeldige datum '2026-02-29'" stakeholder assess GM0479 "$A" --interest hoog --date 2026-02-29
rejected "round without an analysis" "'1.3'" stakeholder assess GM0479 "$A" --interest hoog --round 1.3
rejected "round that is no step" "'9.9'" stakeholder assess GM0479 "$A" --interest hoog --round 9.9
rejected "phase-2 round without --area" "--area" stakeholder assess GM0479 "$A" --interest hoog --round 2.5
rejected "phase-2 round in an unknown area" "Nergens" stakeholder assess GM0479 "$A" --interest hoog --round 2.5 --area Nergens
"$KNGG" --db "$DB" area add GM0479 Noord --date 2026-01-05 >/dev/null
run --db "$DB" stakeholder assess GM0479 "$Z" --urgency hoog --round 2.5 --area Noord --date 2026-04-02
expect_rc 0 "phase-2 round with an area"
run --db "$DB" stakeholder list GM0479 --format json
check '[ "$(person "[\"latest\"][\"area\"]" "$Z")" = Noord ]' "area recorded"
check '[ "$(person "[\"latest\"][\"commitment\"]" "$Z")" = betrokken ]' "commitment carried over into the area round"

# --- the grid ------------------------------------------------------------------------
# A: hoog/hoog; Z: invloed laag, belang hoog; B: invloed hoog, belang laag;
# C: laag/laag; D: middel/middel; E: hoog/hoog; F: never analysed.
for x in "$B hoog laag" "$C laag laag" "$D middel middel" "$E hoog hoog"; do
	set -- $x
	run --db "$DB" stakeholder assess GM0479 "$1" --influence "$2" --interest "$3" --date 2026-04-03
	expect_rc 0 "analysis $x"
done
run --db "$DB" stakeholder assess GM0479 "$E" --commitment formeel-vastgelegd --date 2026-04-04
run --db "$DB" stakeholder list GM0479 --grid
expect_rc 0 "grid"
expect_no_err "grid"
printf '%s\n' "$out" >grid.txt
# cells GRID: prints "INFLUENCE/INTEREST: name;name" per cell of the grid
cat >cells.py <<'EOF'
import sys
rows, row, cols = {}, None, ["laag", "middel", "hoog"]
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if "|" not in line or line.startswith("-"):
        continue
    parts = line.split("|")
    label = parts[0].strip()
    if label.startswith("invloed "):
        row = label.split()[1]
        rows[row] = {c: [] for c in cols}
    elif label:
        continue
    if row is None:
        continue
    for c, cell in zip(cols, parts[1:]):
        cell = cell.strip()
        if cell.startswith("- "):
            rows[row][c].append(cell[2:].rstrip(" *"))
        elif cell:
            rows[row][c + "!"] = cell
for r in ["hoog", "middel", "laag"]:
    for c in cols:
        print("%s/%s: %s [%s]" % (r, c, ";".join(rows[r][c]), rows[r].get(c + "!", "")))
EOF
cells=$(python3 cells.py grid.txt)
check 'printf "%s\n" "$cells" | grep -qxF "hoog/hoog: Anouk Çelik;Eva Ekker [nauw betrekken]"' "grid: hoog/hoog"
check 'printf "%s\n" "$cells" | grep -qxF "hoog/laag: Bram Bakker [tevreden houden]"' "grid: high influence, low interest"
check 'printf "%s\n" "$cells" | grep -qxF "laag/hoog: $zoe [informeren]"' "grid: low influence, high interest"
check 'printf "%s\n" "$cells" | grep -qxF "laag/laag: Carla Chen [monitoren]"' "grid: laag/laag"
check 'printf "%s\n" "$cells" | grep -qxF "middel/middel: Dirk de Groot [raadplegen]"' "grid: middel/middel"
check '[ "$(printf "%s\n" "$cells" | grep -c ":  \[")" = 4 ]' "grid: four empty cells"
check 'grep -A3 "nog niet geanalyseerd" grid.txt | grep -q "Fleur Fransen"' "grid: never analysed listed below"
check '! grep -B100 "nog niet geanalyseerd" grid.txt | grep "|" | grep -q "Fleur"' "grid: never analysed not in a cell"
check 'grep -q "Anouk Çelik \*" grid.txt && grep -q "Eva Ekker \*" grid.txt && ! grep -q "Zoë.*\*" grid.txt' \
	"grid marks the committed"
run --db "$DB" stakeholder list GM0479 --grid --as-of 2026-02-15
printf '%s\n' "$out" >grid2.txt
check 'python3 cells.py grid2.txt | grep -qxF "laag/laag: Anouk Çelik [monitoren]"' "grid --as-of: where Anouk stood then"
check 'grep -A9 "nog niet geanalyseerd" grid2.txt | grep -q "Bram Bakker"' "grid --as-of: Bram not analysed then"

# --- CSV -------------------------------------------------------------------------------
run --db "$DB" stakeholder list GM0479 --format csv
expect_rc 0 "csv"
expect_out '"Zoë ""Z"" de Vries, MSc"' "csv quotes and doubles quotes"
"$KNGG" --db "$DB" stakeholder list GM0479 --format csv >list.csv
check '[ "$(head -c 3 list.csv)" = "id," ]' "csv without --bom starts with the header"
cat >csvcheck.py <<'EOF'
import csv, sys
data = open(sys.argv[1], "rb").read()
bom = data.startswith(b"\xef\xbb\xbf")
rows = list(csv.reader(data.decode("utf-8-sig").splitlines(True)))
head = rows[0]
assert all(len(r) == len(head) for r in rows), "ragged rows"
rec = [dict(zip(head, r)) for r in rows[1:]]
z = [r for r in rec if r["naam"] == sys.argv[2]]
assert len(z) == 1, "name did not round-trip"
print(bom, len(rec), z[0]["gecommitteerd"], [r["gecommitteerd"] for r in rec if r["naam"] == "Anouk Çelik"][0])
EOF
check '[ "$(python3 csvcheck.py list.csv "$zoe")" = "False 7 nee ja" ]' "csv round-trips through python's csv module"
check '! grep -q ";" list.csv' "csv uses commas, not semicolons"
check 'head -1 list.csv | grep -q $'"'"'\r$'"'"'' "csv lines end in CRLF"
"$KNGG" --db "$DB" stakeholder list GM0479 --format csv --bom >bom.csv
check '[ "$(head -c 3 bom.csv | od -An -tx1 | tr -d " ")" = "efbbbf" ]' "--bom starts with EF BB BF"
check '[ "$(python3 csvcheck.py bom.csv "$zoe")" = "True 7 nee ja" ]' "csv with BOM round-trips"
rejected "--bom without csv" "--bom" stakeholder list GM0479 --bom
expect_rc 2 "--bom without csv is a usage error"
rejected "--grid with csv" "--grid" stakeholder list GM0479 --grid --format csv
rejected "unknown format" "'xml'" stakeholder list GM0479 --format xml
expect_rc 2 "unknown format is a usage error"

# --- JSON ---------------------------------------------------------------------------------
run --db "$DB" stakeholder list GM0479 --format json
expect_rc 0 "json"
check '[ "$(json "len(d)")" = 7 ]' "json has every person"
check '[ "$(json "len(set(tuple(sorted(p)) for p in d))")" = 1 ]' "every json object has the same keys"
check '[ "$(json "all(set(p) >= {\"id\",\"name\",\"organisation\",\"organisation_type\",\"function\",\"level\",\"email\",\"phone\",\"erased\",\"latest\",\"assessments\",\"committed\",\"roles\"} for p in d)")" = True ]' \
	"json objects have the documented keys"
check '[ "$(json "len(set(tuple(sorted(a)) for p in d for a in p[\"assessments\"] + ([p[\"latest\"]] if p[\"latest\"] else [])))")" = 1 ]' \
	"every assessment object has the same keys"
check '[ "$(person "[\"name\"]" "$Z")" = "$zoe" ]' "json name unchanged"
check '[ "$(person "[\"latest\"]" "$F")" = None ]' "never analysed: latest null"
check '[ "$(person "[\"assessments\"]" "$F")" = "[]" ]' "never analysed: empty history"
check '[ "$(person "[\"email\"]" "$B")" = None ]' "missing e-mail is null"
check '[ "$(person "[\"erased\"]" "$A")" = False ]' "not erased"
run --db "$DB" stakeholder list GM0363 --format json
check '[ "$(json "[p[\"name\"] for p in d]")" = "['"'"'Ander Persoon'"'"']" ]' "other municipality has its own register"

# --- list/show rejections -------------------------------------------------------------------
rejected "list of an unknown municipality" "onbekende gemeente 'GM0001'" stakeholder list GM0001
rejected "list with a bad --as-of" "ongeldige datum '2026-02-30'" stakeholder list GM0479 --as-of 2026-02-30
rejected "show of an unknown person" "geen persoon 999" stakeholder show GM0479 999
rejected "show of another municipality's person" "geen persoon $OTHER" stakeholder show GM0479 "$OTHER"
rejected "show with a bad id" "'x'" stakeholder show GM0479 x
rejected "show of an unknown municipality" "onbekende gemeente 'GM0001'" stakeholder show GM0001 "$A"
rejected "unknown stakeholder subcommand" "'stakeholder remove'" stakeholder remove GM0479 "$A"
expect_rc 2 "unknown subcommand is a usage error"

finish
