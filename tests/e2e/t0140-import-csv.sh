#!/usr/bin/env bash
# kngg stakeholder import with CSV: separators ; , and tab, quotes holding
# separators, quotes and line breaks, a byte order mark, Windows-1252,
# Dutch and English column titles; all or nothing, with the file, line and
# column of the first bad row named.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-06-15
DB=i.db
"$KNGG" --db "$DB" init >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0479 Zaanstad --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" municipality add GM0363 Amsterdam --date 2026-01-05 >/dev/null || exit 1
"$KNGG" --db "$DB" org add GM0479 "GGD Zaanstreek" --type ggd --date 2026-01-06 >/dev/null || exit 1

# json EXPR: a Python expression over d = `stakeholder list CODE --format json`
json() { "$KNGG" --db "$DB" stakeholder list "$1" --format json |
	python3 -c "import json,sys; d=json.load(sys.stdin); print($2)"; }

# --- semicolon, BOM, quotes -----------------------------------------------------
printf '\xef\xbb\xbfNaam;Organisatie;Type;Functie;Niveau;E-mail;Invloed;Belang;Analyse\r\n' >semi.csv
printf 'Jan Jansen;GGD Zaanstreek;;"arts; jeugd";uitvoerend;jan@ggd.nl;hoog;middel;2026-03-01\r\n' >>semi.csv
printf '\r\n' >>semi.csv
printf 'Piet Pietersen;Gemeente Zaanstad;gemeente;"beleid\r\n""jeugd""";bestuurlijk;;laag;hoog;2026-03-02\r\n' >>semi.csv
run --db "$DB" stakeholder import GM0479 semi.csv
expect_rc 0 "semicolon CSV with BOM"
expect_no_err "semicolon CSV"
expect_out "GM0479: 2 stakeholders geïmporteerd uit semi.csv (1 nieuwe organisatie, 2 analyses)" "counts"
names=$(json GM0479 "'|'.join(p['name'] for p in d)")
check '[ "$names" = "Jan Jansen|Piet Pietersen" ]' "both persons, the BOM not in the first name"
check '[ "$(json GM0479 "d[0][\"function\"]")" = "arts; jeugd" ]' "a quoted separator stays in the field"
check '[ "$(json GM0479 "d[1][\"function\"]")" = "beleid \"jeugd\"" ]' \
	"a quoted line break becomes a space, doubled quotes one quote"
check '[ "$(json GM0479 "d[1][\"organisation_type\"]")" = "gemeente" ]' "an unknown organisation with a type is created"
check '[ "$(json GM0479 "d[0][\"latest\"][\"influence\"]")" = "hoog" ]' "scores become an analysis"

# --- comma, English titles, CRLF, extra column -----------------------------------------
printf 'Name,Organisation,Function,Level,Phone,Influence,Interest,Attitude,Remarks\r\n' >comma.csv
printf '"Vries, Anna de",GGD Zaanstreek,jeugdverpleegkundige,uitvoerend,075-1234567,middel,hoog,voor,ok\r\n' >>comma.csv
run --db "$DB" stakeholder import GM0479 comma.csv
expect_rc 0 "comma CSV with English titles"
expect_out "1 stakeholder geïmporteerd uit comma.csv" "one person"
expect_err "let op: comma.csv: kolom 'Remarks' wordt niet gelezen" "an unknown column is named on stderr"
check '[ "$(json GM0479 "d[2][\"name\"]")" = "Vries, Anna de" ]' "a quoted comma stays"
check '[ "$(json GM0479 "d[2][\"latest\"][\"stance\"]")" = "voor" ]' "attitude is houding"

# --- tab, titles in capitals and with accents ----------------------------------------------
printf 'NAAM\tORGANISATIE\tFunctie (rol)\tHouding\n' >tab.csv
printf 'Karin Bakker\tGGD Zaanstreek\tdiëtist\tneutraal\n' >>tab.csv
run --db "$DB" stakeholder import GM0479 tab.csv
expect_rc 0 "tab-separated CSV"
expect_no_err "tab CSV"
check '[ "$(json GM0479 "d[3][\"function\"]")" = "diëtist" ]' "tab CSV read per column"

# --- Windows-1252 ------------------------------------------------------------------------
printf 'naam;organisatie\nC\xe9line M\xfcller;GGD Zaanstreek\n' >cp.csv
run --db "$DB" stakeholder import GM0479 cp.csv
expect_rc 0 "Windows-1252 CSV"
expect_err "let op: cp.csv is geen UTF-8; gelezen als Windows-1252" "cp1252 said on stderr"
check '[ "$(json GM0479 "d[4][\"name\"]")" = "Céline Müller" ]' "cp1252 converted to UTF-8"
printf 'naam;organisatie\nX\x81Y;GGD Zaanstreek\n' >notcp.csv
DB=i.db rejected "neither UTF-8 nor Windows-1252" "notcp.csv is geen UTF-8 en geen Windows-1252" \
	stakeholder import GM0479 notcp.csv
printf '\xef\xbb\xbfnaam;organisatie\nC\xe9line;GGD Zaanstreek\n' >bombad.csv
rejected "a BOM before invalid UTF-8" "geen UTF-8" stakeholder import GM0479 bombad.csv

# --- all or nothing ------------------------------------------------------------------------
printf 'naam;organisatie;invloed\nA Een;GGD Zaanstreek;hoog\n"B\nTwee";GGD Zaanstreek;middel\n' >bad.csv
printf 'C Drie;GGD Zaanstreek;hogh\n' >>bad.csv
rejected "a bad value on line 5 (after a quoted line break)" \
	"bad.csv regel 5, kolom 'invloed':" stakeholder import GM0479 bad.csv
check '[ "$(json GM0479 "len(d)")" = 5 ]' "no row of the bad file imported"
printf 'naam;organisatie\nA Een;GGD Zaanstreek\nB Twee;Bakkerij Nergens\n' >noorg.csv
rejected "an unknown organisation without a type" \
	"noorg.csv regel 3, kolom 'organisatie': GM0479 heeft geen organisatie 'Bakkerij Nergens'" \
	stakeholder import GM0479 noorg.csv
printf 'naam;organisatie;type\nA Een;Bakkerij;bakker\n' >badtype.csv
rejected "an unknown organisation type" "badtype.csv regel 2, kolom 'type':" \
	stakeholder import GM0479 badtype.csv
printf 'naam;organisatie;e-mail\nA Een;GGD Zaanstreek;geen-adres\n' >mail.csv
rejected "a bad e-mail address" "mail.csv regel 2, kolom 'e-mail':" stakeholder import GM0479 mail.csv
printf 'naam;organisatie\n;GGD Zaanstreek\n' >noname.csv
rejected "an empty name" "noname.csv regel 2, kolom 'naam': leeg" stakeholder import GM0479 noname.csv
printf 'persoon;organisatie\nA;GGD Zaanstreek\n' >nonamecol.csv
rejected "no name column" "nonamecol.csv: geen kolom 'naam'" stakeholder import GM0479 nonamecol.csv
printf 'naam;organisatie;analyse;invloed\nA Een;GGD Zaanstreek;2026-02-30;hoog\n' >baddate.csv
rejected "an impossible analysis date" "baddate.csv regel 2, kolom 'analyse':" \
	stakeholder import GM0479 baddate.csv
printf 'naam;organisatie\nA Een;"GGD Zaanstreek\nB;C\n' >open.csv
rejected "an unclosed quote" "open.csv regel 2: een aanhalingsteken wordt niet gesloten" \
	stakeholder import GM0479 open.csv
printf 'naam;organisatie\nA Een;GGD Zaanstreek;extra\n' >wide.csv
rejected "more fields than the header" "wide.csv regel 2: meer velden" stakeholder import GM0479 wide.csv
printf 'naam;organisatie\n' >empty.csv
rejected "no rows" "empty.csv heeft geen rijen" stakeholder import GM0479 empty.csv
: >nothing.csv
rejected "an empty file" "nothing.csv is leeg" stakeholder import GM0479 nothing.csv
rejected "a missing file" "kan 'weg.csv' niet lezen" stakeholder import GM0479 weg.csv
rejected "an unknown municipality" "GM0001" stakeholder import GM0001 semi.csv
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0' >old.xls
rejected "an old .xls" "old.xls is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx" \
	stakeholder import GM0479 old.xls
printf 'naam;organisatie\nA\0B;GGD\n' >nul.csv
rejected "a NUL byte" "nul.csv is geen tekstbestand (CSV) en geen Excel-bestand (.xlsx)" \
	stakeholder import GM0479 nul.csv
head -c 17000000 /dev/zero | tr '\0' 'a' >huge.csv
rejected "a file over the limit" "te groot" stakeholder import GM0479 huge.csv

# --- round trip: the register's own CSV (with ; and BOM) into another municipality ------------
"$KNGG" --db "$DB" stakeholder list GM0479 --format csv --separator ';' --bom >export.csv
run --db "$DB" stakeholder import GM0363 export.csv
expect_rc 0 "the register's CSV export reads back"
expect_out "GM0363: 5 stakeholders geïmporteerd uit export.csv (2 nieuwe organisaties, 4 analyses)" \
	"every person, organisation and analysis"
pairs() { json "$1" "'|'.join(p['name'] + '@' + p['organisation'] for p in d)"; }
check '[ "$(pairs GM0363)" = "$(pairs GM0479)" ] && [ -n "$(pairs GM0363)" ]' \
	"the same names and organisations"
check '[ "$(json GM0363 "d[0][\"latest\"][\"date\"]")" = "2026-03-01" ]' "the analysis keeps its date"

# --- Excel's "sep=" line, a name in parts ------------------------------------------------------
# (4 commas and 4 semicolons in the header: without the sep= line ; would win)
printf 'sep=,\r\nVoornaam,Tussenvoegsel,Achternaam,Organisatie,Opm;a;b;c;d\r\nAnna,van der,Berg,GGD Zaanstreek,x\r\n' >sep.csv
run --db "$DB" stakeholder import GM0479 sep.csv
expect_rc 0 "a sep= line and voornaam/tussenvoegsel/achternaam"
expect_err "let op: sep.csv: kolom 'Opm;a;b;c;d' wordt niet gelezen" "sep=, wins over the ; in the header"
check '[ "$(json GM0479 "d[-1][\"name\"]")" = "Anna van der Berg" ]' "the name put together"
printf 'Voornaam;Achternaam;Organisatie\nBert;;GGD Zaanstreek\n' >nolast.csv
rejected "a row without achternaam" "nolast.csv regel 2, kolom 'Achternaam': leeg" \
	stakeholder import GM0479 nolast.csv

finish
