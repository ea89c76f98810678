#!/usr/bin/env bash
# The web shows the funding: a section on the stakeholders page (amounts as
# Dutch people write them, in a labelled scroll region), the funding risk
# among the readiness warnings, and funding events in the logboek.
. "$(dirname "$0")/lib.sh" "$@"
. "$SRC/tests/e2e/web-lib.sh"
export KNGG_TODAY=2026-11-23

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
start_server "$DB"
http GET /gemeente/GM9999/stakeholders
expect_status 200 "stakeholders page"
expect_body '<h2 id="financiering">Financiering</h2>' "funding section"
expect_body "Er is nog geen financiering vastgelegd." "none yet"
stop_server

"$KNGG" --db "$DB" funding add GM9999 --source "SPUK 2025" --amount "45.000" --from 2025-01-01 \
	--until 2026-12-31 --for netwerkregisseur --date 2026-02-01 >/dev/null || exit 1
"$KNGG" --db "$DB" funding add GM9999 --source "Gemeente & <Zorg>" --amount 1000,5 \
	--from 2027-01-01 --structural --for projectleider --date 2026-02-01 >/dev/null || exit 1
start_server "$DB"
http GET /gemeente/GM9999/stakeholders
expect_body '<div class="tabel" role="region" aria-label="Financiering" tabindex="0"><table><caption>Vastgelegde financiering</caption>' \
	"funding table in a labelled scroll region"
expect_body "<td>SPUK 2025</td><td>€ 45.000,00</td><td>1 januari 2025</td><td>31 december 2026</td><td>Netwerkregisseur</td>" \
	"funding row"
expect_body "<td>Gemeente &amp; &lt;Zorg&gt;</td><td>€ 1.000,50</td><td>1 januari 2027</td><td>structureel</td>" \
	"names escaped; structural"
expect_body "Lopend op 23 november 2026: € 45.000,00." "what runs today"
expect_no_body "kngg funding" "no CLI text on the page"
http GET /gemeente/GM9999/gereedheid
expect_body "de financiering &#39;SPUK 2025&#39; (€ 45.000,00, voor netwerkregisseur) eindigt op 31 december 2026" \
	"the funding risk among the readiness warnings"
http GET /gemeente/GM9999/logboek
expect_body "financiering vastgelegd" "logboek names the funding"

# ---- the form ----------------------------------------------------------------------------------
csrf /gemeente/GM9999/stakeholders
expect_body '<form method="post" action="/gemeente/GM9999/financiering"' "funding form on the stakeholders page"
http POST /gemeente/GM9999/financiering --data-urlencode "bron=Fonds Jeugd" \
	--data-urlencode "bedrag=€ 12.345,67" --data "van=2026-01-01&tot=2027-06-30&voor=netwerkregisseur&csrf=$token"
expect_status 303 "funding recorded from the web"
check '[ "$(sqlite3 "$DB" "select json_extract(data, '"'"'$.amount_cents'"'"') from event where target='"'"'Fonds Jeugd'"'"'")" = 1234567 ]' \
	"web: exact cents"
http GET /gemeente/GM9999/stakeholders
expect_body "<td>Fonds Jeugd</td><td>€ 12.345,67</td>" "recorded funding shown"
before=$(db_state "$DB")
csrf /gemeente/GM9999/stakeholders
http POST /gemeente/GM9999/financiering --data "bron=X&bedrag=12.5&van=2026-01-01&tot=2026-12-31&csrf=$token"
http GET /gemeente/GM9999/stakeholders
expect_body 'class="flash error" role="alert">Ongeldig bedrag &#39;12.5&#39;: een punt scheidt alleen duizendtallen' \
	"web: ambiguous amount refused"
expect_no_body "--amount" "web: no option names in the message"
csrf /gemeente/GM9999/stakeholders
http POST /gemeente/GM9999/financiering --data "bron=X&bedrag=100&van=2026-06-01&tot=2026-01-01&csrf=$token"
http GET /gemeente/GM9999/stakeholders
expect_body "Veld ‘Tot en met’ 1 januari 2026 ligt voor veld ‘Van’ 1 juni 2026." \
	"web: until before from refused, with field names"
http POST /gemeente/GM9999/financiering --data "bron=X&bedrag=100&van=2026-06-01&tot=2026-12-31"
check '[ "$status" = 403 ] || [ "$status" = 400 ]' "web: no CSRF token, refused ($status)"
check '[ "$before" = "$(db_state "$DB")" ]' "web: refusals leave the database unchanged"
stop_server
finish
