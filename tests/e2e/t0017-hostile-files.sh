#!/usr/bin/env bash
# t0017-hostile-files.sh: what kngg reads whole from a path the user gives
# (definitions, templates and their includes) must be a regular file of
# sensible size: a FIFO, /dev/zero or a huge file is refused at once with one
# line naming it. A template that recurses without end stops at a limit with
# one line saying which. Each run is wrapped in `timeout 20`, so a
# regression fails here instead of hanging or eating the machine.
. "$(dirname "$0")/lib.sh" "$@"

REAL=$KNGG
KNGG=$TMP/kngg-limited
{
	echo '#!/bin/sh'
	# without ASan, an address-space cap keeps a runaway from taking the host
	ldd "$REAL" 2>/dev/null | grep -q libasan || echo 'ulimit -v 4000000'
	printf 'exec timeout 20 "%s" "$@"\n' "$REAL"
} >"$KNGG"
chmod +x "$KNGG"
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=3000

# phases DIR: a copy of the definitions, each file a symbolic link
phases() {
	mkdir "$1"
	for f in "$SRC"/phases/*.xml; do ln -s "$f" "$1/"; done
}

# refused DESC TEXT ARGS...: non-zero but not timeout's 124, one "kngg: " line
refused() {
	local desc=$1 text=$2
	shift 2
	run "$@"
	check '[ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]' "$desc: exit $rc"
	expect_err "$text" "$desc"
}

# --- definitions ------------------------------------------------------------------------
phases links
run validate links
expect_rc 0 "symbolic links to definitions files are followed"

phases fifo && mkfifo fifo/zz.xml
start=$(date +%s%N)
refused "validate: a FIFO" "'fifo/zz.xml' is geen gewoon bestand" validate fifo
echo "refusing the FIFO took $((($(date +%s%N) - start) / 1000000)) ms"
refused "--phases: a FIFO" "'fifo/zz.xml' is geen gewoon bestand" --phases fifo show 1.1

phases zero && ln -s /dev/zero zero/zz.xml
refused "validate: a link to /dev/zero" "'zero/zz.xml' is geen gewoon bestand" validate zero
refused "--phases: a link to /dev/zero" "'zero/zz.xml' is geen gewoon bestand" --phases zero show 1.2

phases dir && mkdir dir/zz.xml
refused "validate: a directory called zz.xml" "'dir/zz.xml' is geen gewoon bestand" validate dir

phases big && head -c $((5 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >big/zz.xml
refused "validate: a 5 MiB file" "'big/zz.xml' is te groot (5,0 MiB; maximaal 4 MiB)" validate big
check '[ -z "$out" ]' "validate: nothing on stdout for a refused file"

# --- templates --------------------------------------------------------------------------
DB=$TMP/demo.db
run --db "$DB" demo
expect_rc 0 "demo"

mkdir tpl
cp "$SRC"/templates/*.xsl tpl/
mkfifo tpl/fifo.xsl
ln -s /dev/zero tpl/zero.xsl
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >tpl/big.xsl
run doc list --templates tpl
expect_rc 0 "doc list passes over a FIFO and a device"
expect_out "projectplan" "doc list still lists the real templates"
expect_no_out "fifo" "doc list leaves out the FIFO"
rejected "template that is a FIFO" "sjabloon fifo: 'tpl/fifo.xsl' is geen gewoon bestand" \
	doc fifo GM9999 --templates tpl
rejected "template linked to /dev/zero" "sjabloon zero: 'tpl/zero.xsl' is geen gewoon bestand" \
	doc zero GM9999 --templates tpl
rejected "template of 2 MiB" "sjabloon big: 'tpl/big.xsl' is te groot (2,0 MiB; maximaal 1 MiB)" \
	doc big GM9999 --templates tpl

mkdir incl
cp tpl/projectplan.xsl incl/
mkfifo incl/common.xsl
rejected "include that is a FIFO" "'incl/common.xsl' is geen gewoon bestand" \
	doc projectplan GM9999 --templates incl

# --- templates that never end -----------------------------------------------------------------
mkdir loop
xsl() {
	printf '<?xml version="1.0"?>\n<!-- kngg: %s -->\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">%s<xsl:template match="/"><xsl:call-template name="f"/></xsl:template></xsl:stylesheet>\n' \
		"$1" "$2" >"loop/$1.xsl"
}
xsl self '<xsl:template name="f"><xsl:call-template name="f"/></xsl:template>'
xsl doubling '<xsl:template name="f"><xsl:param name="s" select="string(/)"/><xsl:call-template name="f"><xsl:with-param name="s" select="concat($s, $s)"/></xsl:call-template></xsl:template>'
xsl fragment '<xsl:template name="f"><xsl:param name="s" select="string(/)"/><xsl:call-template name="f"><xsl:with-param name="s"><xsl:value-of select="$s"/><xsl:value-of select="$s"/></xsl:with-param></xsl:call-template></xsl:template>'
xsl branching '<xsl:template name="f"><xsl:param name="n" select="0"/><xsl:if test="$n &lt; 200"><xsl:call-template name="f"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template><xsl:call-template name="f"><xsl:with-param name="n" select="$n + 1"/></xsl:call-template></xsl:if></xsl:template>'
rejected "a template calling itself" \
	"sjabloon self: te diep genest (meer dan 3000 niveaus); controleer recursie in het sjabloon" \
	doc self GM9999 --templates loop
rejected "a string doubling at every call" "sjabloon doubling: gebruikt te veel geheugen (meer dan 64 MiB)" \
	doc doubling GM9999 --templates loop
rejected "a tree fragment doubling at every call" "sjabloon fragment: gebruikt te veel geheugen" \
	doc fragment GM9999 --templates loop
rejected "2^200 calls, never deeper than 200" "sjabloon branching: te veel stappen (meer dan 1000000 instructies)" \
	doc branching GM9999 --templates loop

finish
