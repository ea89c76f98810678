#!/usr/bin/env bash
# layers.sh SRC: the layering rule, checked on the include graph:
#   fronts (src/cli, src/web, src/doc, src/sheet, src/mod) -> engine (include/kngg) ->
#   store (include/kngg/sys, src/store) / definitions (src/defs) -> util.
# Every quoted #include of every file must be allowed for its layer; prints
# each one that is not and exits 1.
set -euo pipefail
src=${1:?usage: layers.sh SOURCE_DIR}
cd "$src"
bad=0

# allowed LAYER HEADER: 0 when a file of LAYER may include HEADER
allowed() {
	local layer=$1 h=$2
	case $layer in
	public) [[ $h == kngg/* && $h != kngg/sys/* ]] ;;
	sys) [[ $h == kngg/* ]] ;;
	util) [[ $h == util/* || $h == util.h || $h == kngg/common.h ]] ;;
	defs) [[ $h == kngg/defs.h || $h == kngg/common.h || $h == defs_internal.h || $h == defs/* ||
		$h == util/* ]] ;;
	store) [[ $h == kngg/sys/store.h || $h == kngg/records.h || $h == kngg/common.h ||
		$h == store/* || $h == util/* ]] ;;
	engine) [[ $h == kngg/* || $h == engine/* || $h == util/* ]] ;;
	cli) [[ ($h == kngg/* && $h != kngg/sys/*) || $h == cli/* || $h == mod/modules.h ||
		$h == util/* ]] ;;
	web) [[ ($h == kngg/* && $h != kngg/sys/*) || $h == web/* || $h == mod/modules.h ||
		$h == util/* ]] ;;
	doc) [[ ($h == kngg/* && $h != kngg/sys/*) || $h == doc/* || $h == util/* ]] ;;
	sheet) [[ ($h == kngg/* && $h != kngg/sys/*) || $h == sheet/* || $h == util/* ]] ;;
	# the modules' glue: the contract and the front it wraps
	mod) [[ ($h == kngg/* && $h != kngg/sys/*) || $h == mod/* || $h == web/web.h ||
		$h == doc/* || $h == sheet/* || $h == util/* ]] ;;
	*) return 1 ;;
	esac
}

check() {
	local layer=$1 f h
	shift
	for f in "$@"; do
		[[ -f $f ]] || continue
		while IFS= read -r h; do
			if ! allowed "$layer" "$h"; then
				echo "$f: #include \"$h\" breaks the layering ($layer)" >&2
				bad=1
			fi
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
	done
}

shopt -s nullglob
public=()
for f in include/kngg/*.h; do public+=("$f"); done
check public "${public[@]}"
check sys include/kngg/sys/*.h
check util src/util/*.[ch]
check defs src/defs/*.[ch]
check store src/store/*.[ch]
check engine src/engine/*.[ch]
check cli src/cli/*.[ch]
check web src/web/*.[ch]
check doc src/doc/*.[ch]
check sheet src/sheet/*.[ch]
check mod src/mod/*.[ch]
if ((bad)); then
	echo "layers: the include graph breaks the rule (see ARCHITECTURE.md)" >&2
	exit 1
fi
echo "layers: fronts -> engine -> store/defs -> util holds for every #include"
