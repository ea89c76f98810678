#!/usr/bin/env bash
# The layout and accessibility markup of kngg serve, checked on the HTML
# (the browser test measures the same in Chromium at 390 and 1280 px; this
# one runs wherever curl and python3 are): every table sits in a labelled,
# focusable scroll region; no chart with links is an img (axe's
# nested-interactive); the roadmap is one <svg> per phase; the factor trend
# keeps every point of 1, 2 and 5 checks inside its viewBox; the stylesheet
# has the narrow-screen rules.
. "$(dirname "$0")/lib.sh" "$@"
export KNGG_TODAY=2026-11-23

if ! command -v python3 >/dev/null; then
	echo "SKIPPED: python3 is missing"
	exit 77
fi
. "$SRC/tests/e2e/web-lib.sh"

DB=$TMP/demo.db
run --db "$DB" demo --force
expect_rc 0 "demo"
run --db "$DB" region add Waterland GM9999
expect_rc 0 "region add"
# the demo has one check of "gemeente" and two of "draagvlak"; "leren" gets five
for d in 2026-01-05:2 2026-03-02:3 2026-05-04:3 2026-08-03:4 2026-11-02:5; do
	run --db "$DB" factor GM9999 leren --score "${d#*:}" --date "${d%%:*}" --by "Anouk Çelik"
	expect_rc 0 "factor check ${d%%:*}"
done

start_server "$DB"

get() { # PATH FILE
	curl -s -f --max-time 20 -o "$TMP/$2" "$URL${1#/}"
}

pages="/ /?regio=Waterland /gemeente/GM9999 /gemeente/GM9999/stap/1.4 /gemeente/GM9999/stap/1.6
/gemeente/GM9999/stakeholders /gemeente/GM9999/gereedheid /gemeente/GM9999/quickscan
/gemeente/GM9999/factoren /gemeente/GM9999/logboek /gemeente/GM9999/documenten /controle"
n=0
for p in $pages; do
	n=$((n + 1))
	if get "$p" "page$n.html"; then ok; else bad "GET $p"; fi
done

# every page: tables in scroll regions, no links inside role=img
out=$(python3 - "$TMP" "$n" <<'PY' 2>&1
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "circle", "rect", "line", "polygon", "polyline", "path"}

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.tables = [], [], 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.tables += 1
            region = any(t == "div" and "tabel" in (x.get("class") or "").split()
                         and x.get("role") == "region" and x.get("aria-label")
                         and x.get("tabindex") == "0" for t, x in self.stack)
            if not region:
                self.problems.append("a table outside a labelled focusable scroll region")
        if tag == "a" and any(x.get("role") == "img" for _, x in self.stack):
            self.problems.append("a link inside role=img: %s" % a.get("href"))
        if tag not in VOID and not self.get_starttag_text().endswith("/>"):
            self.stack.append((tag, a))
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

tmp, n = sys.argv[1], int(sys.argv[2])
bad = 0
for i in range(1, n + 1):
    p = Page()
    p.feed(open("%s/page%d.html" % (tmp, i), encoding="utf-8").read())
    for msg in sorted(set(p.problems)):
        print("page%d: %s" % (i, msg))
        bad += 1
print("checked", n, "pages")
sys.exit(1 if bad else 0)
PY
)
st=$?
check '[ "$st" = 0 ]' "tables in scroll regions, no links in role=img: $out"

# the roadmap: a group of one <svg> per phase; the phase with links a group too
html=$(cat "$TMP/page3.html")
case "$html" in *'<div class="kngg-roadmap" role="group" aria-label="Routekaart van Waterlinde (GM9999)">'*) ok ;;
*) bad "roadmap: no labelled group" ;; esac
svgs=$(grep -o '<svg [^>]*kngg-roadmap[^>]*>' "$TMP/page3.html" | wc -l)
check '[ "$svgs" = 4 ]' "roadmap: 4 phase svgs, got $svgs"
check '! grep -q "<svg [^>]*kngg-roadmap[^>]*role=\"img\"" "$TMP/page3.html"' \
	"roadmap: every phase has step links, so no phase svg is an img"

# the trend: every point of 1, 2 and 5 checks inside the viewBox
out=$(python3 - "$TMP/page9.html" <<'PY' 2>&1
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
counts, bad = [], 0
for svg in re.findall(r'<svg [^>]*kngg-trend.*?</svg>', html, re.S):
    w, h = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    pts = re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)" class="tr-point"', svg)
    counts.append(len(pts))
    for cx, cy, r in pts:
        cx, cy, r = float(cx), float(cy), float(r)
        if cx - r < 0 or cx + r > w or cy - r < 0 or cy + r > h:
            print("point (%g, %g) outside 0 0 %g %g" % (cx, cy, w, h))
            bad += 1
for n in (1, 2, 5):
    if n not in counts:
        print("no trend of %d checks (%s)" % (n, counts))
        bad += 1
sys.exit(1 if bad else 0)
PY
)
st=$?
check '[ "$st" = 0 ]' "trend points of 1, 2 and 5 checks inside the viewBox: $out"

# the stylesheet: scroll regions, the phone rules, the roadmap's grid
if get /static/kngg.css kngg.css; then ok; else bad "GET /static/kngg.css"; fi
for rule in '.tabel { overflow-x: auto;' '@media (max-width: 40rem)' '.kngg-roadmap { display: grid;' \
	'overflow-wrap: break-word'; do
	check 'grep -qF "$rule" "$TMP/kngg.css"' "stylesheet has '$rule'"
done

stop_server
finish
