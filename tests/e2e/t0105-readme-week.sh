#!/usr/bin/env bash
# The README's "projectleider's week" example runs as written (issue 17:
# the README's examples use the friendlier forms), on a Zaanstad with the
# people it names.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-12-01
export KNGG_DB="$TMP/week.db"
k() { "$KNGG" "$@" >/dev/null 2>>setup.err || { echo "setup failed: kngg $*: $(tail -1 setup.err)" >&2; exit 1; }; }
k init
k municipality add GM0479 Zaanstad --date 5-1-2026
k stakeholder add --name "Anna de Vries" --org "Gemeente Zaanstad" --org-type gemeente --level uitvoerend --date 5-1-2026
k stakeholder add --name "Wim Wethouder" --org "Gemeente Zaanstad" --level bestuurlijk --date 5-1-2026
k stakeholder add --name "Gerda de Groot" --org "JGZ Zaanstreek" --org-type jgz --level bestuurlijk --date 5-1-2026
k stakeholder add --name "Mo Manager" --org "JGZ Zaanstreek" --level management --date 5-1-2026
k stakeholder add --name "Noor Verpleegkundige" --org "JGZ Zaanstreek" --level uitvoerend --date 5-1-2026
k role assign 2 wethouder --date 5-1-2026
k step start 1.2 --date 1-3-2026
# the block after "A projectleider's week" in README.md
sed -n "/^A projectleider's week/,/^\`\`\`\$/{/^\`\`\`sh/,/^\`\`\`\$/p}" "$SRC/README.md" | grep '^kngg ' >week.sh
check '[ "$(wc -l <week.sh)" -ge 5 ]' "the README's week example found ($(wc -l <week.sh) commands)"
while IFS= read -r line; do
	eval "run ${line#kngg }"
	expect_rc 0 "README: $line"
	check 'case "$err" in *"let op"*|"") true ;; *) false ;; esac' "README: $line: no error ($err)"
done <week.sh
check '[ "$(sqlite3 "$KNGG_DB" "SELECT p.name FROM event e JOIN person p ON p.id = e.by_person WHERE e.kind = '"'factor'"'")" = "Anna de Vries" ]' \
	"the config file's door recorded the factor check"
finish
