#!/usr/bin/env bash
# kngg plan --format ics: an iCalendar file (libical, kngg-ical.so) with one
# all-day event per planned step, a stable UID per municipality, step and
# area or cycle, and a SEQUENCE that rises with every change of the plan, so
# that a calendar moves the event instead of adding one. Read back with
# Python's line checks; the binary itself stays libc and libm only.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-10-01
DB=c.db

k init
k municipality add GM0479 Zaanstad --date 2026-01-05
k area add GM0479 "Poelenburg-Oost" --date 2026-02-01
k cycle start GM0479 3 --date 2026-09-01
k plan GM0479 1.3 --due 1-11-2026 --note "Bespreken in de stuurgroep; daarna naar de raad"
k plan GM0479 2.1 --due 2026-12-01 --area Poelenburg-Oost
k plan GM0479 3.proces --due 2027-03-01

# ics: parse ICS -> JSON list of events (unfolded lines), and the calendar's own properties
parse='
import sys, json
raw = sys.stdin.buffer.read().decode("utf-8")
assert "\r\n" in raw, "lines end in CRLF"
assert all(len(l.encode()) <= 75 for l in raw.split("\r\n")), "lines folded at 75 octets"
lines = raw.replace("\r\n ", "").split("\r\n")
cal, evs, cur = {}, [], None
for l in lines:
    if not l: continue
    name, _, val = l.partition(":")
    if l == "BEGIN:VEVENT": cur = {}; continue
    if l == "END:VEVENT": evs.append(cur); cur = None; continue
    (cur if cur is not None else cal)[name] = val
print(json.dumps({"cal": cal, "events": evs}))
'
ics() { printf '%s' "$out" | python3 -c "$parse"; }
q() { ics | python3 -c "import json,sys; d=json.load(sys.stdin); ev={e['UID']: e for e in d['events']}; print($1)"; }

run --db "$DB" plan GM0479 --format ics
expect_rc 0 "plan as iCalendar"
expect_no_err "ics on stdout"
check 'ics >/dev/null' "the calendar parses (CRLF, folded lines)"
check '[ "$(q "d[\"cal\"][\"VERSION\"]")" = "2.0" ]' "VERSION 2.0"
check '[ "$(q "d[\"cal\"][\"METHOD\"]")" = "PUBLISH" ]' "METHOD PUBLISH"
check '[ "$(q "d[\"cal\"][\"PRODID\"]")" = "-//kngg//planning//NL" ]' "PRODID"
check '[ "$(q "d[\"cal\"][\"X-WR-CALNAME\"]")" = "KNGG-planning Zaanstad (GM0479)" ]' "X-WR-CALNAME"
check '[ "$(q "len(d[\"events\"])")" = "3" ]' "one event per planned step"
check '[ "$(q "sorted(ev)")" = "['"'"'GM0479-1.3@kngg'"'"', '"'"'GM0479-2.1-poelenburg-oost@kngg'"'"', '"'"'GM0479-3.proces-cyclus1@kngg'"'"']" ]' \
	"stable UIDs per municipality, step and area or cycle"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTSTART;VALUE=DATE\"]")" = "20261101" ]' "an all-day event on the due date"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTEND;VALUE=DATE\"]")" = "20261102" ]' "that lasts one day"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"SEQUENCE\"]")" = "0" ]' "a first plan: SEQUENCE 0"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTSTAMP\"]")" = "20261001T000000Z" ]' "DTSTAMP"
check 'q "ev[\"GM0479-1.3@kngg\"][\"SUMMARY\"]" | grep -q "^Zaanstad: stap 1.3 af – Breng de gewenste situatie in beeld$"' \
	"SUMMARY in Dutch with municipality and step title"
check 'q "ev[\"GM0479-2.1-poelenburg-oost@kngg\"][\"SUMMARY\"]" | grep -q "in Poelenburg-Oost"' "SUMMARY names the area"
check 'q "ev[\"GM0479-1.3@kngg\"][\"DESCRIPTION\"]" | grep -q "Bespreken in de stuurgroep\\\\; daarna naar de raad"' \
	"DESCRIPTION holds the note (escaped)"

# a replan: same UID, higher SEQUENCE, the new date
export KNGG_TODAY=2026-10-05
k plan GM0479 1.3 --due 15-11-2026
run --db "$DB" plan GM0479 --format ics
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"SEQUENCE\"]")" = "1" ]' "a replan raises SEQUENCE"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTSTART;VALUE=DATE\"]")" = "20261115" ]' "with the new date"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTSTAMP\"]")" = "20261005T000000Z" ]' "and a new DTSTAMP"
check '[ "$(q "ev[\"GM0479-2.1-poelenburg-oost@kngg\"][\"SEQUENCE\"]")" = "0" ]' "other events keep theirs"
# withdrawn: the older date again, SEQUENCE still higher
id=$("$KNGG" --db "$DB" log GM0479 --format json | python3 -c 'import json,sys; print([e["id"] for e in json.load(sys.stdin) if e["kind"]=="plan.due"][-1])')
k correct GM0479 "$id" --reason vergissing
run --db "$DB" plan GM0479 --format ics
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"SEQUENCE\"]")" = "2" ]' "a withdrawal raises SEQUENCE too"
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"DTSTART;VALUE=DATE\"]")" = "20261101" ]' "and brings back the older date"
# --as-of: the calendar as it stood
run --db "$DB" plan GM0479 --format ics --as-of 2026-10-01
check '[ "$(q "ev[\"GM0479-1.3@kngg\"][\"SEQUENCE\"]")" = "0" ]' "--as-of: the calendar as it stood"

# -o FILE, --force, and options that do not belong
run --db "$DB" plan GM0479 --format ics -o plan.ics
expect_rc 0 "ics to a file"
check '[ "$(head -c 15 plan.ics)" = "BEGIN:VCALENDAR" ]' "the file holds the calendar"
check '[ -z "$out" ]' "nothing on stdout with -o"
rejected "an existing file without --force" "plan.ics" plan GM0479 --format ics -o plan.ics
run --db "$DB" plan GM0479 --format ics -o plan.ics --force
expect_rc 0 "--force replaces the file"
rejected "--separator with ics" "--separator hoort bij --format csv" plan GM0479 --format ics --separator ";"
rejected "-o with text" "-o hoort bij --format xlsx of ics" plan GM0479 -o x.txt

# an empty plan is still a valid calendar
k municipality add GM0480 Leeg --date 2026-01-05
run --db "$DB" plan GM0480 --format ics
check '[ "$(q "len(d[\"events\"])")" = "0" ]' "no plan: a calendar without events"

# libical is loaded only for calendars
check '! ldd "$KNGG" | grep -q libical' "the binary does not link libical"
check 'ldd "$(dirname "$KNGG")/kngg-ical.so" | grep -q libical' "kngg-ical.so does"

finish
