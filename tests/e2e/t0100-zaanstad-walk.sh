#!/usr/bin/env bash
# The Zaanstad walk (issue 17): a projectleider takes Zaanstad (GM0479)
# from an empty database to "phase 1 ready" typing the friendliest forms
# kngg accepts: the municipality and --by from the defaults, names in any
# case, Dutch dates, several ids and ranges per command. The walk counts
# every kngg command (writes and checks); it fails at 101 or more (fewer
# than half of the 202 the first walk needed) and when phase 1 is not ready.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
export KNGG_DB="$TMP/zaanstad.db"
n=0
# kngg ARGS...: one command as typed, counted; a failing write stops the walk
kngg() {
	n=$((n + 1))
	if ! "$KNGG" "$@" >>walk.out 2>>walk.err; then
		echo "walk stopped at command $n: kngg $*: $(tail -1 walk.err)" >&2
		echo "$n commands"
		exit 1
	fi
}

# ---- the start: a database, the municipality, the people --------------------------------
kngg init
kngg municipality add gm0479 Zaanstad --date "5 januari 2026"
kngg stakeholder add --name "Anna de Vries" --org "Gemeente Zaanstad" --org-type gemeente --level uitvoerend --date 5-1-2026
# from now on Anna records everything (the config file: door = ...)
kngg config door "Anna de Vries"
kngg stakeholder add --name "Wim Wethouder" --org "gemeente zaanstad" --level Bestuurlijk --date 5-1-2026
kngg stakeholder add --name "Gerda de Groot" --org "JGZ Zaanstreek" --org-type JGZ --level bestuurlijk --date 6-1-2026
kngg stakeholder add --name "Mo Manager" --org "jgz zaanstreek" --level management --date 6-1-2026
kngg stakeholder add --name "Maarten Midden" --org "Wijkteam Zaanstad" --org-type wijkteam --level management --date 6-1-2026
kngg stakeholder add --name "Noor Verpleegkundige" --org "JGZ Zaanstreek" --level uitvoerend --date 6-1-2026
kngg role assign 2 wethouder --date 6-1-2026
kngg role assign 1 projectleider --date 12-1-2026
kngg role assign 4 kerngroep --date 1-2-2026
kngg stakeholder list
for p in 1 2 3 4 5 6; do kngg stakeholder assess $p --commitment Toegezegd --date 20-1-2026; done

# ---- phase 1 -----------------------------------------------------------------------------
# step S DATE: its activities and deliverables (ranges), then the step done
step() {
	local s=$1 date=$2 acts=$3 dels=$4
	kngg activity done "$s/a1-a$acts" --date "$date"
	kngg deliverable done "$s/d1-d$dels" --document "Stukken stap $s" --date "$date"
	kngg step done "$s" --date "$date"
}
step 1.1 "10 feb 2026" 4 4
kngg signoff 1.1/s1 --decision akkoord --signer "wim wethouder" --role Wethouder --org "Gemeente Zaanstad" --document Opdrachtbrief --date "10 feb 2026"
kngg signoff 1.1/s1 --decision akkoord --signer "Gerda de Groot" --role bestuurder --org "JGZ Zaanstreek" --document Opdrachtbrief --date "10 feb 2026"
step 1.2 10-3-2026 8 4
kngg signoff 1.2/s1 --decision akkoord --signer "Wim Wethouder" --role wethouder --as opdrachtgever --org "Gemeente Zaanstad" --document "Aanstelling projectleider" --date 10-3-2026
kngg readiness
step 1.3 "1 april 2026" 2 5
step 1.4 10-4-2026 7 2
step 1.5 "10 mei 2026" 3 2
kngg signoff 1.5/s1 --decision go --signer "Wim Wethouder" --role wethouder --org "Gemeente Zaanstad" --document Raadsbesluit --date "10 mei 2026"
step 1.6 10-6-2026 4 2
kngg signoff show 1.6/s1
kngg signoff 1.6/s1 --decision akkoord --signer "Gerda de Groot" --role bestuurder --org "JGZ Zaanstreek" --document Samenwerkingsovereenkomst --date 10-6-2026
kngg signoff 1.6/s1 --decision akkoord --signer "Wim Wethouder" --role wethouder --org "Gemeente Zaanstad" --document Samenwerkingsovereenkomst --date 10-6-2026
step 1.7 "10 juli 2026" 7 4
kngg signoff 1.7/s1 --decision akkoord --signer "Wim Wethouder" --role wethouder --as tekenbevoegde --org "Gemeente Zaanstad" --document "Afspraken gemeente" --date "10 juli 2026"
kngg signoff 1.7/s1 --decision akkoord --signer "Gerda de Groot" --role bestuurder --as tekenbevoegde --org "JGZ Zaanstreek" --document "Afspraken JGZ" --date "10 juli 2026"
kngg signoff 1.7/s1 --decision akkoord --signer "Maarten Midden" --role manager --as tekenbevoegde --org "Wijkteam Zaanstad" --document "Afspraken wijkteam" --date "10 juli 2026"
step 1.8 10-8-2026 4 5
for f in integraal gemeente langetermijn leiderschap draagvlak leren borging enthousiasme; do
	kngg factor "$f" --score 3 --date 1-9-2026
done

# ---- ready? ------------------------------------------------------------------------------
n=$((n + 1))
run readiness --phase 1
echo "$out" | head -8
echo "the Zaanstad walk: $n kngg commands"
check '[ "$n" -le 100 ]' "the walk takes $n commands; it must stay under 101 (half of 202)"
expect_out "GEREED" "phase 1 is ready at the end of the walk"
expect_no_out "NIET GEREED" "phase 1 is ready at the end of the walk"
run status --format json
check 'printf "%s" "$out" | python3 -c "import json,sys; sys.exit(0 if json.load(sys.stdin)[\"calculated_phase\"] == 2 else 1)"' \
	"the calculated phase is 2 after the walk"
finish
