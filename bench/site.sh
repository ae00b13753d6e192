#!/bin/sh
# bench/site.sh - the whole browsable site of the shipped database, step by
# step, in one run: `codekb export site` (the Markdown pages, the theme and
# the JSON API), Hugo (the HTML), and Pagefind (the search index over every
# language), each with its wall time, pages per second and peak memory,
# and each as a ratio to Hugo, the peer, on the same pages.
#
#   export    codekb export site --output SRC, into an empty folder
#   hugo      scripts/site-hugo SRC PUBLIC --minify: one Hugo run per
#             language (and one for the root), so that the peak memory is
#             one language's; its peak is the largest run's
#   pagefind  pagefind --site PUBLIC
#
# Pages: the Markdown pages the export writes (content/**/*.md), the HTML
# pages Hugo builds (**/index.html), and the pages Pagefind says it indexed.
# The files go to /dev/shm (tmpfs) when there is one, so that the disk
# does not time the steps, and are removed at the end.
#
# Usage: bench/site.sh [build-dir]
# Environment: LANGS ("" for every language of the database, or a
# space-separated list such as "en zh ja"); RUNS (1): runs of each step.
# Hugo takes about 2.9 GB of memory for a language of the full data, and
# builds one at a time; Pagefind about 0.5 GB per language, all at once.
# Needs /usr/bin/time (package time), hugo, and the npm tools (scripts/deps
# test).
set -eu

build=${1:-build}
langs=${LANGS:-}
runs=${RUNS:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
pagefind="$here/node_modules/.bin/pagefind"

for tool in hugo /usr/bin/time "$pagefind"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench/site.sh: $tool is missing (scripts/deps test installs it)" >&2
		exit 2
	fi
done
build=$(cd "$build" && pwd)
for f in codekb codekb.db; do
	if [ ! -e "$build/$f" ]; then
		echo "bench/site.sh: no $build/$f; build first" >&2
		exit 2
	fi
done
base=${TMPDIR:-/tmp}
[ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
work=$(mktemp -d "$base/codekb-site-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

lang_args=
for l in $langs; do lang_args="$lang_args --lang $l"; done

# step NAME COMMAND...: run COMMAND $runs times, after removing its output;
# keeps the fastest wall time (s) and the largest peak RSS (MB) in
# $work/NAME.t and $work/NAME.m, and its output of the last run in
# $work/NAME.out
step() {
	name=$1
	shift
	best=
	peak=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		case $name in
		export) rm -rf "$work/src" ;;
		hugo) rm -rf "$work/public" ;;
		pagefind) rm -rf "$work/public/pagefind" ;;
		esac
		/usr/bin/time -o "$work/time" -f '%e %M' "$@" >"$work/$name.out" 2>&1 || {
			echo "bench/site.sh: $name failed:" >&2
			tail -5 "$work/$name.out" >&2
			exit 1
		}
		read -r t m <"$work/time"
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$t
		fi
		[ "$m" -gt "$peak" ] && peak=$m
		i=$((i + 1))
	done
	echo "$best" >"$work/$name.t"
	awk -v m="$peak" 'BEGIN { printf "%.0f\n", m / 1024 }' >"$work/$name.m"
}

echo "site pipeline: ${langs:-every language}, best of $runs run(s), in $base" >&2
# shellcheck disable=SC2086
step export "$build/codekb" --db "$build/codekb.db" export site --output "$work/src" $lang_args
step hugo "$here/scripts/site-hugo" "$work/src" "$work/public" --minify
step pagefind "$pagefind" --site "$work/public"

md=$(find "$work/src/content" -name '*.md' | wc -l | tr -d ' ')
api=$(find "$work/src/static" -name '*.json' 2>/dev/null | wc -l | tr -d ' ')
html=$(find "$work/public" -name index.html | wc -l | tr -d ' ')
# "Indexed 22108 pages" (one line per language, or a total)
indexed=$(grep -Eo 'Indexed [0-9,]+ pages?' "$work/pagefind.out" | tr -d , |
	awk '{ n += $2 } END { print n + 0 }')
size=$(du -sm "$work/public" | cut -f1)
index=$(du -sm "$work/public/pagefind" | cut -f1)

echo "codekb site pipeline ($(date -u +%Y-%m-%d)): ${langs:-every language}; $md pages, $api API files, $html HTML pages ($size MB, search index $index MB)"
printf '%-10s %9s %9s %11s %9s %10s\n' step wall_s pages pages/s peak_MB vs_hugo
ht=$(cat "$work/hugo.t")
for s in export hugo pagefind; do
	case $s in
	export) p=$md ;;
	hugo) p=$html ;;
	pagefind) p=$indexed ;;
	esac
	awk -v s="$s" -v t="$(cat "$work/$s.t")" -v p="$p" -v m="$(cat "$work/$s.m")" -v h="$ht" 'BEGIN {
		rate = t > 0 ? p / t : 0
		verdict = ""
		if (s == "export")
			verdict = rate >= 20000 ? "  target >= 20000 pages/s: met" : "  target >= 20000 pages/s: NOT met"
		printf "%-10s %9.2f %9d %11.0f %9d %9.2fx%s\n", s, t, p, rate, m, t / h, verdict
	}'
done
awk -v a="$(cat "$work/export.t")" -v b="$ht" -v c="$(cat "$work/pagefind.t")" 'BEGIN {
	printf "%-10s %9.2f\n", "total", a + b + c
}'
big=$(find "$work/public" -name '*.html' -size +30k | wc -l | tr -d ' ')
css=$(wc -c <"$work/public/css/codekb.css" | tr -d ' ')
largest=$(find "$work/public" -name '*.html' -printf '%s\n' | sort -n | tail -n 1)
echo "largest page: $largest bytes; pages over 30 KB: $big; stylesheet: $css bytes (targets: 30 KB, 20 KB)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
