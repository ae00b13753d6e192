#!/bin/sh
# bench/search.sh - wall time of `codekb search` on the shipped data and on
# a knowledge base 100 times larger (the shipped protocols copied 99 times
# under other names, made with the sqlite3 shell; its triggers queue the
# new documents, and `codekb-import --upgrade` indexes them, merging each
# index into one segment since nearly every document is new), and on that
# one after a small import (one text), which adds a segment.
#
# Usage: bench/search.sh [build-dir] [runs]
# QUERIES (one per line) replaces the list of queries.
# Prints, per query, the mean wall time of a whole `codekb search` run
# (process start, open, query, print), and the same for the sqlite3 shell
# running a plain LIKE scan over the texts, for comparison.
set -eu
build=${1:-build}
runs=${2:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small="$build/codekb.db"
big="$work/big.db"

cp "$small" "$big"
sqlite3 "$big" <<'SQL'
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99)
INSERT INTO protocol (id, name, reference, shapes, aliases, noun)
SELECT id || '-' || i, name, reference, shapes, '', noun FROM protocol, n
WHERE id NOT GLOB '*-*';
INSERT INTO class (protocol, label, first, last, lo, hi, name)
SELECT p.id, c.label, c.first, c.last, c.lo, c.hi, c.name
FROM protocol AS p JOIN class AS c ON p.id GLOB c.protocol || '-*';
INSERT INTO code (protocol, code, vendor, sort, slug, reason, reference, section,
                  status, registered, expires, final, cacheable, retry_after,
                  former, basic)
SELECT p.id, c.code, c.vendor, c.sort, c.slug, c.reason, c.reference, c.section, c.status,
       c.registered, c.expires, c.final, c.cacheable, c.retry_after, c.former, c.basic
FROM protocol AS p JOIN code AS c ON p.id GLOB c.protocol || '-*';
INSERT INTO text (protocol, code, vendor, locale, field, body, source)
SELECT p.id, t.code, t.vendor, t.locale, t.field, t.body, t.source
FROM protocol AS p JOIN text AS t ON p.id GLOB t.protocol || '-*';
INSERT INTO code_name (protocol, code, vendor, locale, name, terms, source)
SELECT p.id, n.code, n.vendor, n.locale, n.name, n.terms, n.source
FROM protocol AS p JOIN code_name AS n ON p.id GLOB n.protocol || '-*';
COMMIT;
SQL
"$build/codekb-import" --db "$big" --upgrade >/dev/null
[ "$(sqlite3 "$big" "SELECT count(*) FROM search_pending")" = 0 ]

now() { date +%s%N; }
# mean_ms CMD...: mean wall time of CMD over $runs runs, in milliseconds
mean_ms() {
	start=$(now)
	i=0
	while [ "$i" -lt "$runs" ]; do "$@" >/dev/null 2>&1 || true; i=$((i + 1)); done
	end=$(now)
	echo "scale=2; ($end - $start) / 1000000 / $runs" | bc
}

# the same 100x knowledge base after an import of one changed text
more="$work/big-more.db"
cp "$big" "$more"
printf 'locale,protocol,code,description\nen,SIP,487,%s\n' \
	"The request was cancelled by a CANCEL before the final response." \
	>"$work/one.csv"
"$build/codekb-import" --db "$more" --on-conflict replace "$work/one.csv" >/dev/null

queries=${QUERIES:-"busy
忙
認証
未找到
話し中
超时
Payload Too Large
48
retry
retry later
unauthorised
gatway timeout
4O4
busy xyzzy"}
printf '%-14s %-20s %8s %11s %16s\n' db query codes codekb_ms sqlite3_like_ms
for db in "$small" "$big" "$more"; do
	case $db in
	"$small") label=shipped ;;
	"$big") label=x100 ;;
	*) label=x100+import ;;
	esac
	n=$(sqlite3 "$db" "SELECT count(*) FROM code")
	printf '%s\n' "$queries" | while IFS= read -r q; do
		ms=$(mean_ms "$build/codekb" --db "$db" search "$q" --lang ja)
		like=$(mean_ms sqlite3 "$db" "SELECT protocol, code FROM text WHERE body LIKE '%$q%' LIMIT 50")
		printf '%-14s %-20s %8s %11s %16s\n' "$label" "$q" "$n" "$ms" "$like"
	done
done
