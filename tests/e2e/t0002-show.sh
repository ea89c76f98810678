#!/usr/bin/env bash
# kngg show: every kind of id, and unknown ids.
. "$(dirname "$0")/lib.sh" "$@"

run show 1.5
expect_rc 0 "show 1.5"
expect_out "Stap 1.5: Neem het besluit: doorgaan of niet" "show 1.5 title"
expect_out "besluit: go of no-go" "show 1.5 shows the go/no-go"
expect_out "1.5/s1" "show 1.5 shows the sign-off id"
expect_out "Wethouder" "show 1.5 shows who signs"
expect_out "1.5/a3" "show 1.5 lists activities"
expect_out "Wat het oplevert" "show 1.5 has deliverables"
expect_out "regels 2500-2620" "show 1.5 cites the source lines"

run show 1
expect_rc 0 "show phase"
expect_out "Fase 1: Initiatief nemen en ontwerpen" "show 1"
expect_out "1.8" "show 1 lists steps"

run show 3.proces
expect_rc 0 "show process part"
expect_out "Procesonderdeel 3.proces" "show 3.proces"

run show 1.5/a2
expect_rc 0 "show activity"
expect_out "Activiteit 1.5/a2" "show 1.5/a2"

run show 1.5/a3
expect_out "Hierbij hoort ondertekening 1.5/s1" "activity names its sign-off"

run show 1.6/s1
expect_rc 0 "show sign-off"
out=$(printf '%s\n' "$out" | tr -s ' \n' '  ') # wrapped to 80 columns: as one line
expect_out "één per organisatie gekozen uit stakeholdersanalyse en projectplan" "1.6 signed per organisation chosen from the analysis (handreiking 1.6 a1)"

run show 1.5/d1
expect_rc 0 "show deliverable"
expect_out "Oplevering 1.5/d1" "show 1.5/d1"

run show draagvlak
expect_rc 0 "show factor"
expect_out "Essentiële factor draagvlak" "show draagvlak"
expect_out "Aandachtspunten" "factor has checks"

run show quickscan/ketencommitment
expect_rc 0 "show QuickScan theme"
expect_out "QuickScan-thema ketencommitment" "theme title"

run show monitoring/kind-en-gezin
expect_rc 0 "show monitoring level"

run show rollen/wethouder
expect_rc 0 "show list item"

run show 1.9
expect_rc 1 "unknown step"
expect_err "onbekende stap '1.9' (stappen van fase 1 zijn 1.1–1.8)" "1.9 names the steps of phase 1"
check '[ -z "$out" ]' "no stdout on error"

run show 3.foo
expect_rc 1 "unknown process part"
expect_err "procesonderdelen van fase 3 zijn 3.proces, 3.netwerkorganisatie" "3.foo lists parts"

run show 1.5/a9
expect_rc 1 "unknown activity"
expect_err "activiteiten van 1.5: 1.5/a1–1.5/a3" "1.5/a9 names the activities"

run show 1.5/s2
expect_rc 1 "unknown sign-off"
expect_err "ondertekeningen van 1.5: 1.5/s1" "1.5/s2 names the sign-offs"

run show 1.9/a1
expect_rc 1 "activity of an unknown step"
expect_err "onbekende stap '1.9'" "1.9/a1 explains the step"

run show onzin
expect_rc 1 "unknown name"
expect_err "onbekend id 'onzin'" "unknown name message"

run show
expect_rc 2 "show without id"
expect_err "ID ontbreekt (bijvoorbeeld 'kngg show 1.5'); gebruik: kngg show ID" "show without id message"

run show 1.1 1.2
expect_rc 2 "show with two ids"
expect_err "te veel argumenten (vanaf '1.2')" "show with two ids message"

finish
