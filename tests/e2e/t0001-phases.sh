#!/usr/bin/env bash
# kngg phases, --version, help and usage errors.
. "$(dirname "$0")/lib.sh" "$@"

run phases
expect_rc 0 "phases"
expect_no_err "phases"
for id in 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 2.1 2.2 2.3 2.4 2.5 3.proces \
	3.netwerkorganisatie 3.kwaliteit 3.monitoring 3.informatie 3.scholing 4.proces 4.borging; do
	check "printf '%s\n' \"\$out\" | grep -q '^  $id  '" "phases lists step $id"
done
for n in 1 2 3 4; do
	check "printf '%s\n' \"\$out\" | grep -q '^Fase $n  '" "phases lists phase $n"
done
expect_out "Neem het besluit: doorgaan of niet" "phases shows titles"
expect_out "herhaalt per gebied en doelgroep" "phase 2 repeats per area"
expect_out "definities 2021.1" "phases shows the definitions version"
# 1.5: 3 activities, 2 deliverables, 1 sign-off
check "printf '%s\n' \"\$out\" | grep -Eq '^  1\.5 .* 3 +2 +1\$'" "phases counts 1.5"

run --version
expect_rc 0 "--version"
expect_out "kngg 0." "--version prints the version"

run
expect_rc 0 "no command shows the overview"
expect_out "Opdrachten:" "overview lists commands"

run help show
expect_rc 0 "help show"
expect_out "gebruik: kngg show ID" "help show prints usage"

run show --help
expect_rc 0 "show --help"
expect_out "gebruik: kngg show ID" "show --help prints usage"

# usage and option lists come from the command table, so they name every
# option a command takes (status once lacked --as-of and --format)
run status --help
expect_rc 0 "status --help"
expect_out "gebruik: kngg status CODE [--as-of DATUM] [--format text|json|xlsx]" "status usage is complete"
expect_out "  --as-of DATUM" "status --help lists --as-of"
expect_out "  --format text|json" "status --help lists --format"
run help signoff
expect_out "   of:   kngg signoff list CODE [--format text|json|csv]" "one usage line per subcommand"
expect_out "Opdrachten:" "help lists the subcommands"
run factor GM0479
expect_rc 2 "factor without a factor"
expect_err "FACTOR ontbreekt; gebruik: kngg factor CODE FACTOR --score N [--date DATUM]" "usage error is generated"
run factor --help extra
expect_rc 0 "--help before anything else"
check '[ -z "$err" ]' "--help writes nothing on stderr"
check '[ $(printf "%s\n" "$out" | awk "length > 80" | wc -l) -eq 0 ]' "help fits in 80 columns"

run frobnicate
expect_rc 2 "unknown command"
expect_err "onbekende opdracht 'frobnicate'" "unknown command message"

run --frobnicate phases
expect_rc 2 "unknown global option"
expect_err "onbekende optie '--frobnicate'" "unknown option message"

run phases --frobnicate
expect_rc 2 "unknown command option"
expect_err "onbekende optie '--frobnicate'" "unknown command option message"

run phases extra
expect_rc 2 "phases takes no arguments"
expect_err "verwacht geen argumenten" "phases extra message"

run help frobnicate
expect_rc 2 "help of unknown command"
expect_err "onbekende opdracht" "help unknown message"

run --phases
expect_rc 2 "--phases without a value"
expect_err "--phases verwacht een map" "--phases message"

finish
