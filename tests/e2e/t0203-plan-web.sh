#!/usr/bin/env bash
# The plan on the web: the roadmap's table has a Gepland column and lists
# the steps over their planned date; a step page shows its planned date and
# how the work keeps to it, overdue flagged; the Planning form records a new
# date (a bad one is refused, the database unchanged); no CLI text.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
run --db "$DB" plan GM9999 1.4 --due 1-11-2026 --note "Voor het overleg met de wethouder"
expect_rc 0 "plan 1.4 (overdue)"
run --db "$DB" plan GM9999 1.5 --due 15-12-2026
expect_rc 0 "plan 1.5 (ahead)"
start_server "$DB"

# ---- the roadmap ---------------------------------------------------------------------------
http GET /gemeente/GM9999
expect_status 200 "roadmap"
expect_body '<th scope="col">Gepland</th>' "the table has a Gepland column"
expect_body '<td>1 november 2026 <strong class="overdue">3 weken over tijd</strong></td>' \
	"an overdue step is flagged with how long"
expect_body '<td>15 december 2026 <span class="plan-dev">(nog 3 weken)</span></td>' \
	"a step ahead of its date"
expect_body '<p><strong>Over tijd</strong></p><ul><li><a href="/gemeente/GM9999/stap/1.4">1.4' \
	"the steps over their date above the roadmap"
expect_body 'gepland op 1 november 2026, 3 weken over tijd</li>' "with the date and how long"
expect_no_body 'kngg plan' "no CLI text on the roadmap"

# ---- the step page -------------------------------------------------------------------------
http GET /gemeente/GM9999/stap/1.4
expect_body '<h2 id="planning">Planning</h2>' "the step page has a planning section"
expect_body '<p class="planned">Gepland: af op <strong>1 november 2026</strong> · <strong class="overdue">3 weken over tijd</strong></p>' \
	"the step page shows the planned date, overdue flagged"
expect_body 'Voor het overleg met de wethouder' "and the plan's note"
http GET /gemeente/GM9999/stap/1.6
expect_body '<p class="planned">Nog niet gepland.</p>' "an unplanned step says so"

# the form: a new date replaces the old
csrf /gemeente/GM9999/stap/1.4
http POST /gemeente/GM9999/stap/1.4 --data "wat=plan&gepland=2026-12-20&notitie=na+de+raad&csrf=$token"
expect_status 303 "plan from the step page"
http GET /gemeente/GM9999/stap/1.4
expect_body 'Gepland: af op <strong>20 december 2026</strong> · nog 4 weken</p>' "the new date counts"
expect_body 'Planning vastgelegd.' "the page confirms"
run --db "$DB" log GM9999
expect_out "gepland              1.4 2026-12-20" "the web plan is in the journal"
# a bad date: refused, nothing written
before=$(db_state "$DB")
http POST /gemeente/GM9999/stap/1.4 --data "wat=plan&gepland=2026-02-30&csrf=$token"
http GET /gemeente/GM9999/stap/1.4
expect_body 'class="flash error"' "a bad date is refused"
check '[ "$(db_state "$DB")" = "$before" ]' "a bad date leaves the database unchanged"
# the same date again: the engine's message without CLI text
http POST /gemeente/GM9999/stap/1.4 --data "wat=plan&gepland=2026-12-20&csrf=$token"
http GET /gemeente/GM9999/stap/1.4
expect_body 'Stap 1.4 staat al gepland op 20 december 2026' "the same plan again is refused"
expect_no_body 'kngg plan' "no CLI text on the step page"

# ---- the logboek ---------------------------------------------------------------------------
http GET /gemeente/GM9999/logboek
expect_body 'gepland' "the logboek names a plan"

stop_server
finish
