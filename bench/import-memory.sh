#!/bin/sh
# bench/import-memory.sh - peak memory of codekb-import for a 1,000-row and
# a 1,000,000-row codes file (each row with an English text), into a copy
# of the default database, next to the sqlite3 shell's .import of the same
# rows into the same schema.
#
# Usage: bench/import-memory.sh [build-dir] [big-rows]
# Needs /usr/bin/time (Debian package time) and the sqlite3 shell.
set -eu
build=${1:-build}
big=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf 'protocol,name,reference\nBIG,Big Test Protocol,RFC1\n' >"$work/p.csv"
printf 'protocol,class,first,last,name\nBIG,all,0,99999999,All\n' >"$work/c.csv"
gen() {
	awk -v n="$1" 'BEGIN { print "protocol,code,reason,description"
		for (i = 0; i < n; i++)
			printf "BIG,%d,Reason %d,\"Text for code %d, with a comma, \"\"quotes\"\" and enough words to look like prose.\"\n", i, i, i }'
}

echo "database page size: $(sqlite3 "$build/codekb.db" 'PRAGMA page_size')"
printf '%-10s %-14s %10s %12s\n' rows tool seconds peak_kb
for n in 1000 "$big"; do
	gen "$n" >"$work/codes.csv"
	cp "$build/codekb.db" "$work/kb.db"
	/usr/bin/time -f '%e %M' -o "$work/t" \
		"$build/codekb-import" --db "$work/kb.db" "$work/p.csv" "$work/c.csv" "$work/codes.csv" >/dev/null
	read -r s kb <"$work/t"
	printf '%-10s %-14s %10s %12s\n' "$n" codekb-import "$s" "$kb"
	# the sqlite3 shell: the same rows, unvalidated, into a staging table
	cp "$build/codekb.db" "$work/sh.db"
	/usr/bin/time -f '%e %M' -o "$work/t" sqlite3 "$work/sh.db" \
		".import --csv $work/codes.csv staging" >/dev/null
	read -r s kb <"$work/t"
	printf '%-10s %-14s %10s %12s\n' "$n" "sqlite3 .import" "$s" "$kb"
done
