#!/usr/bin/env bash
# Scenario (issue 15): a municipality walks through the guide the way the
# guide describes, and its calculated phase never falls back because it did
# what the guide says:
#   - the JGZ sits in the GGD, which is named the main implementing
#     organisation (handreiking regels 1695-1860: "meestal JGZ en wijkteam")
#   - phase 1 complete; then the kerngroep is dissolved after 1.7 (1.7/d3,
#     regels 2735-2930) and the projectleider hands over to a
#     netwerkregisseur (f3-f4)
#   - a partner commits in 2.4 (regels 3775-3950) and is not yet party to
#     the 1.7 agreements: a warning, not a regression
#   - phase 2 complete in the experiment area; phase 3 starts; a second
#     wijk is added during phase 3 (via 2.5, regels 3950-4075; "het
#     uitbreiden en opschalen gaat door in fase 3", regels 3270-3292)
# At every stage the same calculated phase is shown by status, readiness,
# readiness --all (csv), readiness --region, export and the web overview.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
DB=walk.db
C=GM0479

# the activities and deliverables a step's readiness asks (from the rules)
items() {
	python3 - "$SRC/phases/gereedheid.xml" "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for v in root.iter('voor'):
    if v.get('stap') == sys.argv[2]:
        for g in v.iter('gedaan'):
            if '/' in g.get('id'):
                print(g.get('id'))
PY
}
# do_step STEP DATE [--area A]: every asked item, then the step done
do_step() {
	local step=$1 date=$2
	shift 2
	k step start "$C" "$step" --date "$date" "$@"
	for id in $(items "$step"); do
		case "$id" in
		*/d*) k deliverable done "$C" "$id" --document "stuk $id" --date "$date" "$@" ;;
		*) k activity done "$C" "$id" --date "$date" "$@" ;;
		esac
	done
	k step done "$C" "$step" --date "$date" "$@"
}

# every view of the calculated phase must agree; prints it
phase_everywhere() {
	local st rd all rg ex web
	st=$("$KNGG" --db "$DB" status "$C" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["calculated_phase"])')
	rd=$("$KNGG" --db "$DB" readiness "$C" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["calculated_phase"])')
	all=$("$KNGG" --db "$DB" readiness --all --format csv | awk -F, -v c="$C" '$1==c {print $3}')
	rg=$("$KNGG" --db "$DB" readiness --region Zaanstreek --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([m for m in d if m["municipality"]=="'"$C"'"][0]["calculated_phase"])')
	ex=$("$KNGG" --db "$DB" export "$C" | python3 -c 'import json,sys; print(json.load(sys.stdin)["readiness"]["calculated_phase"])')
	web=$(web_phase)
	if [ "$st" = "$rd" ] && [ "$rd" = "$all" ] && [ "$all" = "$rg" ] && [ "$rg" = "$ex" ] && [ "$ex" = "$web" ]; then
		ok
	else
		bad "$1: calculated phase differs: status $st, readiness $rd, --all $all, --region $rg, export $ex, web $web"
	fi
	echo "$rd"
}
# the web overview's calculated phase for C (a server on a free port)
web_phase() {
	local url pid p
	"$KNGG" --db "$DB" serve --listen 127.0.0.1:0 >serve.out 2>serve.err &
	pid=$!
	for _ in $(seq 100); do
		url=$(sed -n 's/^kngg serve: \(http[^ ]*\).*/\1/p' serve.out)
		[ -n "$url" ] && break
		sleep 0.05
	done
	p=$(curl -s --max-time 20 "$url" | python3 -c '
import sys, re
html = sys.stdin.read()
row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*GM0479(?:(?!</tr>).)*</tr>", html, re.S)
cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(0), re.S) if row else []
print(next((re.sub("<[^>]+>", "", c).strip() for c in cells if re.fullmatch(r"\s*[1-4]\s*", re.sub("<[^>]+>", "", c))), "?"))')
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	echo "$p"
}
expect_phase() { # N DESC
	local got want=$1
	got=$(phase_everywhere "$2" | tail -1)
	check '[ "$got" = "$want" ]' "$2: calculated phase $got, expected $want"
}

# ---- the field ----------------------------------------------------------------------------
k init
k municipality add "$C" Zaanstad --date 2026-01-05
k municipality add GM0415 Landsmeer --date 2026-01-05
k region add Zaanstreek "$C" GM0415 --date 2026-01-05
k org add "$C" "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k org add "$C" "GGD Zaanstreek-Waterland" --type ggd --date 2026-01-05
k org add "$C" "Wijkteam Zaanstad" --type wijkteam --date 2026-01-05
k org add "$C" "Ziekenhuis Zaandam" --type ziekenhuis --date 2026-01-05
# the JGZ is part of the GGD: the GGD is the main implementing organisation
k org lead "$C" "GGD Zaanstreek-Waterland" --date 2026-01-05
add() { k stakeholder add "$C" --name "$1" --org "$2" --level "$3" --date 2026-01-06; }
add "Wim Wethouder" "Gemeente Zaanstad" bestuurlijk          # 1
add "Bea Beleid" "Gemeente Zaanstad" uitvoerend             # 2
add "Gerda GGD" "GGD Zaanstreek-Waterland" bestuurlijk      # 3
add "Mo Manager" "GGD Zaanstreek-Waterland" management      # 4
add "Wendy Wijkteam" "Wijkteam Zaanstad" bestuurlijk         # 5
add "Maarten Midden" "Wijkteam Zaanstad" management          # 6
add "Petra Projectleider" "Gemeente Zaanstad" uitvoerend    # 7
add "Noor Netwerk" "GGD Zaanstreek-Waterland" uitvoerend     # 8
add "Zeger Ziekenhuis" "Ziekenhuis Zaandam" bestuurlijk     # 9
add "Sara Stuurgroep" "Gemeente Zaanstad" bestuurlijk       # 10
for p in 1 2 3 4 5 6 7; do k stakeholder assess "$C" $p --commitment toegezegd --round 1.2 --date 2026-01-20; done
k role assign "$C" 1 wethouder --date 2026-01-06
k role assign "$C" 7 projectleider --date 2026-01-10
for p in 2 4 6; do k role assign "$C" $p kerngroep --date 2026-02-01; done
sign() { k signoff "$C" "$@"; }

# ---- phase 1 ------------------------------------------------------------------------------
do_step 1.1 2026-02-10
sign 1.1/s1 --decision akkoord --signer 1 --role wethouder --org "Gemeente Zaanstad" --document "Opdrachtbrief" --date 2026-02-10
sign 1.1/s1 --decision akkoord --signer 3 --role bestuurder --org "GGD Zaanstreek-Waterland" --document "Opdrachtbrief" --date 2026-02-10
run --db "$DB" signoff show "$C" 1.1/s1
expect_out "Compleet: ja" "1.1/s1: gemeente and the GGD as hoofduitvoerder (regels 1695-1860, a4)"
do_step 1.2 2026-03-10
sign 1.2/s1 --decision akkoord --signer 1 --role wethouder --as opdrachtgever --org "Gemeente Zaanstad" --document "Aanstelling projectleider" --date 2026-03-10
for s in 1.3 1.4; do do_step $s 2026-04-10; done
do_step 1.5 2026-05-10
sign 1.5/s1 --decision go --signer 1 --role wethouder --org "Gemeente Zaanstad" --document "Raadsbesluit" --date 2026-05-10
do_step 1.6 2026-06-10
run --db "$DB" signoff show "$C" 1.6/s1
check 'printf "%s\n" "$out" | grep -q "Bestuurder, GGD Zaanstreek-Waterland" && printf "%s\n" "$out" | grep -q "Bestuurder, Wijkteam Zaanstad" && ! printf "%s\n" "$out" | grep -q "Bestuurder, Gemeente Zaanstad"' \
	"1.6/s1: the kerngroep organisations sign, the gemeente through its wethouder only (regels 2620-2735, a1)"
sign 1.6/s1 --decision akkoord --signer 3 --role bestuurder --org "GGD Zaanstreek-Waterland" --document "Samenwerkingsovereenkomst" --date 2026-06-10
sign 1.6/s1 --decision akkoord --signer 5 --role bestuurder --org "Wijkteam Zaanstad" --document "Samenwerkingsovereenkomst" --date 2026-06-10
sign 1.6/s1 --decision akkoord --signer 1 --role wethouder --org "Gemeente Zaanstad" --document "Samenwerkingsovereenkomst" --date 2026-06-10
do_step 1.7 2026-07-10
for o in "Gemeente Zaanstad:1:wethouder" "GGD Zaanstreek-Waterland:3:bestuurder" "Wijkteam Zaanstad:5:bestuurder"; do
	IFS=: read -r org who role <<<"$o"
	sign 1.7/s1 --decision akkoord --signer "$who" --role "$role" --as tekenbevoegde --org "$org" --document "Afspraken $org" --date 2026-07-10
done
do_step 1.8 2026-08-10
expect_phase 2 "phase 1 done"

# ---- what the guide tells a municipality to do next ----------------------------------------
# the kerngroep is dissolved after 1.7 (1.7/d3)
for p in 2 4 6; do k role end "$C" $p kerngroep --date 2026-08-15; done
expect_phase 2 "the kerngroep dissolved"
run --db "$DB" signoff show "$C" 1.6/s1
expect_out "Compleet: ja" "1.6/s1 stays complete after the kerngroep is dissolved"
# the projectleider hands over to a netwerkregisseur
k role end "$C" 7 projectleider --date 2026-08-20
k role assign "$C" 8 netwerkregisseur --date 2026-08-20
k stakeholder assess "$C" 8 --commitment toegezegd --date 2026-08-20
expect_phase 2 "projectleider handed over to a netwerkregisseur"

# ---- phase 2: the experiment --------------------------------------------------------------
k area add "$C" Poelenburg --target-group "basisschool" --date 2026-09-01
for s in 2.1 2.2 2.3; do do_step $s 2026-09-10 --area Poelenburg; done
for o in "GGD Zaanstreek-Waterland:4" "Wijkteam Zaanstad:6" "Gemeente Zaanstad:2"; do
	IFS=: read -r org who <<<"$o"
	sign 2.1/s1 --decision akkoord --signer "$who" --role manager --org "$org" --document "Akkoord pilot" --area Poelenburg --date 2026-09-10
done
# a new partner commits in 2.4
k stakeholder assess "$C" 9 --commitment toegezegd --date 2026-09-20
expect_phase 2 "a partner commits in 2.4"
run --db "$DB" signoff show "$C" 1.7/s1
expect_out "Compleet: ja" "1.7/s1 stays complete when a partner commits later"
expect_out "Ziekenhuis Zaandam" "and names the new partner"
expect_out "addendum" "with the advice of an addendum"
run --db "$DB" readiness "$C"
expect_out "overweeg een addendum" "readiness warns about the agreement"
do_step 2.4 2026-10-01 --area Poelenburg
sign 2.4/s1 --decision akkoord --signer 10 --role bestuurder --as stuurgroep --org "Gemeente Zaanstad" --document "Uitbreidingsplan" --area Poelenburg --date 2026-10-01
do_step 2.5 2026-10-10 --area Poelenburg
run --db "$DB" signoff show "$C" 2.5/s1 --area Poelenburg
expect_out "Compleet: ja" "2.5/s1 without new partners is complete (regels 3950-4075, a2)"
expect_phase 3 "phase 2 done in the experiment area"

# ---- phase 3, and a second wijk during it -------------------------------------------------
k cycle start "$C" 3 --date 2026-10-15
k area add "$C" Kogerveld --date 2026-11-01
run --db "$DB" area list "$C"
expect_out "Kogerveld (nieuwe wijk: via 2.5)" "a later area is a wijk"
k step start "$C" 2.5 --area Kogerveld --date 2026-11-02
expect_phase 3 "a wijk added during phase 3"
run --db "$DB" readiness "$C" --phase 2
expect_out "gebied Kogerveld (nieuwe wijk; telt niet mee voor fase 3)" "the wijk has its own section"
check '! printf "%s\n" "$out" | grep -A20 "gebied Kogerveld" | grep -q "stap 2.1"' "the wijk is not asked for 2.1-2.4"

# ---- the review of every municipality answers as each one alone ------------------------
k org add GM0415 "Gemeente Landsmeer" --type gemeente --date 2026-01-05
k stakeholder add GM0415 --name "Lies Landsmeer" --org "Gemeente Landsmeer" --level bestuurlijk --date 2026-01-06
for c in GM0415 "$C"; do
	one=$("$KNGG" --db "$DB" readiness "$c" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["calculated_phase"], len(d["missing"]), len(d["advice"]), len(d["warnings"]))')
	many=$("$KNGG" --db "$DB" readiness --all --format json | python3 -c 'import json,sys; d=[m for m in json.load(sys.stdin) if m["municipality"]=="'"$c"'"][0]; print(d["calculated_phase"], d["blockers"], d["advice"], d["warnings"])' 2>&1)
	check '[ "$one" = "$many" ]' "readiness --all answers for $c as readiness $c does ($one vs $many)"
done

# ---- --as-of: the past is answered as it stood -----------------------------------------
run --db "$DB" readiness "$C" --as-of 2026-08-11 --format json
check '[ "$(printf "%s" "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)[\"calculated_phase\"])")" = 2 ]' "--as-of after phase 1: phase 2"
run --db "$DB" readiness "$C" --as-of 2026-07-01 --format json
check '[ "$(printf "%s" "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)[\"calculated_phase\"])")" = 1 ]' "--as-of during phase 1: phase 1"
# reopening a step of phase 1 explicitly does bring it back
k step reopen "$C" 1.1 --date 2026-11-20 --note "nieuwe wethouder"
expect_phase 1 "a step of phase 1 reopened"
finish
