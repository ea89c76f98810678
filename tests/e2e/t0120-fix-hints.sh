#!/usr/bin/env bash
# Fix hints of kngg readiness are complete commands: every argument that
# kngg knows is filled in (municipality, ids, the signer's role, the
# organisation, the first unscored theme), placeholders only where a human
# chooses ("NAAM", "STUK", N, ID). The test takes the hints from the JSON
# output for every kind of rule, fills in the placeholders and runs them.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=h.db

# hints SCOPE-ARGS...: the fix of every unmet rule, "KIND<TAB>ID<TAB>FIX" per line
hints() {
	"$KNGG" --db "$DB" readiness GM0479 "$@" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in d["missing"] + d["advice"]:
    if m.get("fix"):
        print("%s\t%s\t%s" % (m["kind"], m["id"], m["fix"]))'
}
# hint KIND ID SCOPE-ARGS...: the fix of one unmet rule
hint() {
	local kind=$1 id=$2
	shift 2
	hints "$@" | awk -F'\t' -v k="$kind" -v i="$id" '$1 == k && $2 == i { print $3; exit }'
}
# run_hint FIX [PLACEHOLDER=VALUE...]: splits FIX as a shell would, checks
# it is a kngg command, fills in the placeholders and runs it
run_hint() {
	local fix=$1
	shift
	mapfile -t words < <(python3 -c '
import shlex, sys
words = shlex.split(sys.argv[1])
subst = dict(a.split("=", 1) for a in sys.argv[2:])
if words[0] != "kngg":
    sys.exit(1)
for w in words[1:]:
    print(subst.get(w, w))' "$fix" "$@")
	run --db "$DB" "${words[@]}"
}
# no_placeholder FIX WORD...: FIX holds none of these placeholders
no_placeholder() {
	local w
	for w in "${@:2}"; do
		case " $1 " in *" $w "* | *"\"$w\""*) return 1 ;; esac
	done
	return 0
}

k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k org add GM0479 "Gemeente Zaanstad" --type gemeente --date 2026-01-05
k org add GM0479 "JGZ Zaanstreek" --type jgz --date 2026-01-05
k stakeholder add GM0479 --name "Fatma Yılmaz" --org "Gemeente Zaanstad" --level bestuurlijk --date 2026-01-06
k stakeholder add GM0479 --name "Piet de Boer" --org "JGZ Zaanstreek" --level bestuurlijk --date 2026-01-06
k stakeholder add GM0479 --name "Els Visser" --org "Gemeente Zaanstad" --level uitvoerend --date 2026-01-06
k role assign GM0479 1 wethouder --date 2026-01-07

# --- step, activity and deliverable: the exact command ----------------------------
fix=$(hint gedaan 1.1 --phase 1)
check '[ "$fix" = "kngg step done GM0479 1.1" ]' "step hint names code and step ($fix)"
fix=$(hint gedaan 1.1/a2 --step 1.1)
check '[ "$fix" = "kngg activity done GM0479 1.1/a2" ]' "activity hint ($fix)"
run_hint "$fix"
expect_rc 0 "the activity hint runs"
fix=$(hint gedaan 1.1/d1 --step 1.1)
check '[ "$fix" = "kngg deliverable done GM0479 1.1/d1 --document \"TITEL\"" ]' "deliverable hint ($fix)"
run_hint "$fix" TITEL="Toezeggingsbrief"
expect_rc 0 "the deliverable hint runs with a title"

# --- commitment: the analysis of a person who fits, by id ---------------------------
fix=$(hint commitment commitment --step 1.1)
check '[ "$fix" = "kngg stakeholder assess GM0479 1 --commitment toegezegd" ]' \
	"commitment hint names the stakeholder who fits ($fix)"
run_hint "$fix"
expect_rc 0 "the commitment hint runs as it is"
check '! hints --step 1.1 | grep -q "assess GM0479 1 "' "after it, stakeholder 1 is no longer suggested"

# --- commitment with nobody who fits: add a stakeholder of that level and type -----
k municipality add GM0415 Landsmeer --date 2026-01-05
mapfile -t lm < <("$KNGG" --db "$DB" readiness GM0415 --step 1.1 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
for m in d["missing"] + d["advice"]:
    if m["kind"] == "commitment":
        print(m["fix"])')
check '[ "${lm[0]}" = "kngg stakeholder add GM0415 --name \"NAAM\" --org \"ORGANISATIE\" --org-type gemeente --level bestuurlijk" ]' \
	"nobody at the gemeente: add one, with its type and level (${lm[0]:-})"
check '[ "${lm[1]}" = "kngg stakeholder add GM0415 --name \"NAAM\" --org \"ORGANISATIE\" --org-type TYPE --level bestuurlijk" ]' \
	"no hoofduitvoerder yet: its type is the projectleider's choice (${lm[1]:-})"
run_hint "${lm[0]}" NAAM="Kees Smit" ORGANISATIE="Gemeente Landsmeer"
expect_rc 0 "the add hint runs with name and organisation"
run_hint "${lm[1]}" NAAM="Mila Bos" ORGANISATIE="JGZ Landsmeer" TYPE=jgz
expect_rc 0 "the add hint for the hoofduitvoerder runs with a type"
check '"$KNGG" --db "$DB" readiness GM0415 --step 1.1 --format json | grep -q "stakeholder assess GM0415 [0-9]* --commitment toegezegd"' \
	"then the hint is the analysis of the person just added"

# --- sign-off: the role the point asks for, the organisation, the holder ------------
fix=$(hint getekend 1.1/s1 --step 1.1)
check 'no_placeholder "$fix" ROL ORG ORGANISATIE' "1.1/s1 hint has role and organisation ($fix)"
check 'case "$fix" in *"--role wethouder --org \"Gemeente Zaanstad\""*) true ;; *) false ;; esac' \
	"1.1/s1: the gemeente signs through its wethouder"
check 'case "$fix" in *"--signer \"Fatma Yılmaz\""*) true ;; *) false ;; esac' \
	"1.1/s1: the wethouder in the register is the signer"
run_hint "$fix" STUK="Toezeggingsbrief"
expect_rc 0 "the 1.1/s1 hint runs with the document filled in"
fix=$(hint getekend 1.1/s1 --step 1.1)
check 'case "$fix" in *"--role bestuurder --org \"JGZ Zaanstreek\""*) true ;; *) false ;; esac' \
	"1.1/s1 next: the JGZ signs through a bestuurder ($fix)"
run_hint "$fix" NAAM="Piet de Boer" STUK="Toezeggingsbrief"
expect_rc 0 "the second 1.1/s1 hint runs with signer and document"
check '[ -z "$(hint getekend 1.1/s1 --step 1.1)" ]' "1.1/s1 is complete after the two hints"
fix=$(hint getekend 1.5/s1 --step 1.5)
check 'case "$fix" in "kngg signoff GM0479 1.5/s1 --decision go --signer \"Fatma Yılmaz\" --role wethouder --org \"Gemeente Zaanstad\" --document \"STUK\"") true ;; *) false ;; esac' \
	"1.5/s1: go, the wethouder ($fix)"

# --- factor, area, cycle, quickscan, netwerkregisseur -------------------------------
fix=$(hints --phase 2 | awk -F'\t' '$1 == "voorwaarde" { print $3; exit }')
check '[ "$fix" = "kngg area add GM0479 \"NAAM\" --kind experiment" ]' "area hint ($fix)"
run_hint "$fix" NAAM="Poelenburg"
expect_rc 0 "the area hint runs"
fix=$(hint gedaan 2.1/a1 --phase 2)
[ -n "$fix" ] || fix=$(hints --step 2.1 | awk -F'\t' '$1 == "gedaan" && $2 ~ /^2\.1\/a/ { print $3; exit }')
check 'case "$fix" in "kngg activity done GM0479 2.1/a"*" --area Poelenburg") true ;; *) false ;; esac' \
	"a phase-2 hint names the area ($fix)"
run_hint "$fix"
expect_rc 0 "the phase-2 hint runs as it is"
fix=$(hints --phase 2 | awk -F'\t' '$1 == "factor" { print $3; exit }')
check 'case "$fix" in "kngg factor GM0479 "*" --score N") true ;; *) false ;; esac' "factor hint ($fix)"
run_hint "$fix" N=4
expect_rc 0 "the factor hint runs with a score"
fix=$(hints --phase 3 | awk -F'\t' '$1 == "voorwaarde" { print $3; exit }')
check '[ "$fix" = "kngg cycle start GM0479 3" ]' "cycle hint ($fix)"
run_hint "$fix"
expect_rc 0 "the cycle hint runs"
fix=$(hint quickscan quickscan --phase 3)
check 'case "$fix" in "kngg quickscan GM0479 --theme "*" --score N --phase 3") true ;; *) false ;; esac' \
	"quickscan hint names a theme ($fix)"
check 'no_placeholder "$fix" THEMA' "quickscan hint: no THEMA placeholder"
run_hint "$fix" N=3
expect_rc 0 "the quickscan hint runs with a score"
fix2=$(hint quickscan quickscan --phase 3)
check '[ -n "$fix2" ] && [ "$fix2" != "$fix" ]' "the next quickscan hint names the next theme ($fix2)"
fix=$(hints --phase 3 | awk -F'\t' '$1 == "commitment" && /netwerkregisseur/ { print $3; exit }')
check '[ "$fix" = "kngg role assign GM0479 ID netwerkregisseur" ]' \
	"no netwerkregisseur: the hint is role assign ($fix)"
run_hint "$fix" ID=3
expect_rc 0 "the role hint runs with an id"
check 'hints --phase 3 | grep -q "	kngg stakeholder assess GM0479 3 --commitment toegezegd\$"' \
	"a netwerkregisseur without commitment: assess that person"

# --- every hint on the demo is a kngg command that parses, with no '...' ------------
unset KNGG_TODAY
k demo --force
for scope in "--phase 1" "--phase 2" "--phase 3" "--phase 4"; do
	# shellcheck disable=SC2086
	"$KNGG" --db "$DB" readiness GM9999 $scope --format json | python3 -c '
import json, shlex, sys
d = json.load(sys.stdin)
for m in d["missing"] + d["advice"]:
    f = m.get("fix")
    if f:
        w = shlex.split(f)
        assert w[0] == "kngg" and "..." not in f and "[" not in f and "(" not in f, f
' >/dev/null 2>"$TMP/parse.err"
	check '[ ! -s "$TMP/parse.err" ]' "demo $scope: every hint is one kngg command ($(head -c 300 "$TMP/parse.err"))"
done

# the text output breaks long hints with " \" (80 columns): joined again,
# as a shell would, they are exactly the commands of the JSON output
"$KNGG" --db "$DB" readiness GM9999 --phase 1 --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("\n".join(m["fix"] for m in d["missing"] + d["advice"] if m.get("fix")))' >json.fixes
"$KNGG" --db "$DB" readiness GM9999 --phase 1 | python3 -c '
import sys
text = sys.stdin.read().replace(" \\\n", " ")
out = []
for line in text.split("\n"):
    line = line.strip()
    if line.startswith("\u2192 "):
        out.append(" ".join(line[2:].split()))
print("\n".join(out))' >text.fixes
check 'grep -q "\\\\$" <("$KNGG" --db "$DB" readiness GM9999 --phase 1)' "some hints are broken over lines"
check 'diff json.fixes text.fixes >/dev/null' "the broken hints join to the JSON commands"

finish
