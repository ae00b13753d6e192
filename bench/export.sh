#!/bin/sh
# bench/export.sh - codekb's import and exports next to the sqlite3 shell and
# sqlite-utils, on the same files and the same database, in one run:
#
#   import  codekb-import of a synthetic codes file (bench/gen: PROTOCOLS x
#           CODES rows with long texts) into a database already holding its
#           protocols and classes, vs the sqlite3 shell's `.import --csv`
#           of the same file into a staging table of that database (no
#           validation, no index: the issue's baseline), vs `sqlite-utils
#           insert --csv` likewise, and, for reference, the sqlite3 shell
#           loading the same rows into codekb's own tables with SQL
#           (staging table, then INSERT ... SELECT, then the search index
#           batch and merge that codekb-import runs before it commits:
#           triggers and trigram index included, little validation), which
#           is the sqlite3 shell loading this file into the same schema.
#   export  `codekb export codes --format csv|md` of that database vs
#           `sqlite3 -csv -header` and `sqlite3 -markdown` running the same
#           SELECT (schema/queries/export.sql, export_codes).
#   site    `codekb export site` of the shipped database (BUILD/codekb.db)
#           into an empty directory, and again over its own output (nothing
#           changed), in pages per second; into tmpfs also with --jobs 1
#           (one thread, where the default is one per processor).
#
# Wall times come from hyperfine (mean of the runs), peak memory (maximum
# resident set size over the runs) from /usr/bin/time wrapped around each
# command.  Every time is also given as a ratio to the sqlite3 shell.
#
# Usage: bench/export.sh [build-dir]
# Environment: PROTOCOLS (1000), CODES (200): the size of the synthetic
# data; RUNS (3): runs of each export; IMPORT_RUNS (1): runs of each
# import; SITE_RUNS (10): runs of each site export; SECTIONS ("codes
# site"): "codes" for the generator, import and export, "site" for the site.
# Needs hyperfine, /usr/bin/time (package time), sqlite3 and sqlite-utils.
# Writes about 3 GB into a directory that mktemp makes (under $TMPDIR),
# removed at the end.
set -eu

build=${1:-build}
protocols=${PROTOCOLS:-1000}
codes=${CODES:-200}
runs=${RUNS:-3}
import_runs=${IMPORT_RUNS:-1}
site_runs=${SITE_RUNS:-10}
sections=${SECTIONS:-codes site}
here=$(cd "$(dirname "$0")" && pwd)

for tool in hyperfine sqlite3 sqlite-utils /usr/bin/time; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench/export.sh: $tool is missing (apt-get install hyperfine time sqlite3 sqlite-utils)" >&2
		exit 2
	fi
done
build=$(cd "$build" && pwd)
for f in codekb codekb-import codekb.db; do
	if [ ! -e "$build/$f" ]; then
		echo "bench/export.sh: no $build/$f; build first" >&2
		exit 2
	fi
done

work=$(mktemp -d -t codekb-bench.XXXXXX)
mkdir "$work/hf"
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# sq WORD: WORD quoted for sh
sq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
W=$(sq "$work")
B=$(sq "$build")
# timed NAME COMMAND: COMMAND under /usr/bin/time, which appends its peak
# RSS in KB to $work/rss.NAME on every run
timed() { printf '/usr/bin/time -a -o %s -f %%M %s' "$(sq "$work/rss.$1")" "$2"; }

# hf GROUP RUNS [hyperfine options] -- NAME1 CMD1 NAME2 CMD2 ...: time the
# commands, the results into $work/hf/GROUP.csv; hyperfine's own report
# goes to stderr
hf() {
	group=$1
	n=$2
	shift 2
	opts=
	while [ "$1" != -- ]; do
		opts="$opts $(sq "$1")"
		shift
	done
	shift
	args=
	while [ $# -gt 0 ]; do
		: >"$work/rss.$1"
		args="$args -n $(sq "$1") $(sq "$(timed "$1" "$2")")"
		shift 2
	done
	eval "hyperfine --style basic --runs $n $opts --export-csv $(sq "$work/hf/$group.csv") $args" >&2
}

# mean NAME, sd NAME: seconds (names are unique across groups); rss NAME:
# peak RSS in MiB (printed as MB)
mean() { awk -F, -v n="$1" '$1 == n { print $2 }' "$work"/hf/*.csv; }
sd() { awk -F, -v n="$1" '$1 == n { print ($3 == "" ? 0 : $3) }' "$work"/hf/*.csv; }
rss() { sort -n "$work/rss.$1" | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }'; }

# row NAME LABEL BASELINE [TARGET]: one line of a result table; TARGET is
# the largest ratio to BASELINE that meets the issue's target (met if the
# ratio, as printed to two decimals, is no larger)
row() {
	m=$(mean "$1")
	b=$(mean "$3")
	awk -v label="$2" -v m="$m" -v s="$(sd "$1")" -v b="$b" \
		-v mb="$(rss "$1")" -v t="${4:-}" 'BEGIN {
		r = m / b
		verdict = t == "" ? "" : sprintf("target <= %.2f: %s", t,
			r <= t + 0.005 ? "met" : "NOT met")
		printf "%-34s %9.3f %7.3f %8.2f %9s  %s\n", label, m, s, r, mb, verdict
	}'
}
header() { printf '%-34s %9s %7s %8s %9s\n' "$1" "mean_s" "sd_s" "ratio" "peak_MB"; }

echo "codekb benchmarks: import, export, site ($(date -u +%Y-%m-%d))"
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)," \
	"$(awk '/^MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo)"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: $("$build/codekb" --version 2>&1 | head -n 1); sqlite3 $(sqlite3 --version | cut -d' ' -f1);" \
	"$(hyperfine --version); sqlite-utils $(sqlite-utils --version | sed 's/.*version //')"
echo

want() { case " $sections " in *" $1 "*) return 0 ;; esac; return 1; }

# ---- data, import and export (SECTIONS: codes) ----
if want codes; then
"$here/gen" "$work/data" "$protocols" "$codes"
"$build/codekb-import" --db "$work/base.db" "$work/data/protocols.csv" "$work/data/classes.csv" >/dev/null
csv_mb=$(wc -c <"$work/data/codes.csv" | awk '{ printf "%.1f", $1 / 1048576 }')

# the sqlite3 shell into codekb's tables: the same rows, with the same
# defaults and flag spellings, through a staging table
cat >"$work/full.sql" <<EOF
PRAGMA foreign_keys = ON;
BEGIN;
.import --csv $work/data/codes.csv code_staging
INSERT INTO code (protocol, code, vendor, sort, slug, reason, reference,
                  section, status, registered, expires, final, cacheable,
                  retry_after, former)
SELECT s.protocol, s.code, s.vendor, CAST(s.code AS INTEGER),
       s.code || iif(s.vendor = '', '', '-' || lower(hex(s.vendor))), s.reason,
       s.reference, s.section,
       coalesce(nullif(s.status, ''), 'current'), nullif(s.registered, ''),
       nullif(s.expires, ''),
       CASE WHEN s.final <> '' THEN lower(s.final) IN ('1', 'yes', 'true')
            ELSE (SELECT c.label <> '1xx' FROM class AS c
                  WHERE c.protocol = s.protocol
                    AND CAST(s.code AS INTEGER) BETWEEN c.lo AND c.hi) END,
       lower(s.cacheable) IN ('1', 'yes', 'true'),
       lower(s.retry_after) IN ('1', 'yes', 'true'), s.former
FROM code_staging AS s;
INSERT INTO text (protocol, code, vendor, locale, field, body)
SELECT s.protocol, s.code, s.vendor, 'en', f.name,
       CASE f.name WHEN 'description' THEN s.description
                   WHEN 'when_seen' THEN s.when_seen ELSE s.how_to_fix END
FROM code_staging AS s
JOIN (SELECT 'description' AS name UNION ALL SELECT 'when_seen'
      UNION ALL SELECT 'how_to_fix') AS f
WHERE CASE f.name WHEN 'description' THEN s.description
                  WHEN 'when_seen' THEN s.when_seen ELSE s.how_to_fix END <> '';
DROP TABLE code_staging;
EOF
# then, as codekb-import does before it commits, the search index batch
# (search_flush) and, as a quarter or more of the documents are new, the
# merge (search_optimize), if this schema has them, less the statements of
# the CJK index (search_cjk): they call cjk_spaced(), a function of
# codekb's own that the shell does not have
awk '/^-- name: / { on = $3 == "search_flush" || $3 == "search_optimize"; next }
	on && !/^--/ {
		stmt = stmt $0 "\n"
		if (/;[[:space:]]*$/) {
			if (stmt !~ /search_cjk/)
				printf "%s", stmt
			stmt = ""
		}
	}' "$here/../schema/queries/import.sql" >>"$work/full.sql"
echo "COMMIT;" >>"$work/full.sql"

# ---- import ----
echo "import: $(awk 'END { print NR - 1 }' "$work/data/protocols.csv") protocols x $codes codes" \
	"($csv_mb MB codes.csv), $import_runs run(s) each" >&2
codes_csv=$(sq "$work/data/codes.csv")
# one hyperfine per tool, as each needs its own fresh copy of the database
# before every run
fresh() { echo "rm -f $W/$1.db $W/$1.db-wal $W/$1.db-shm && cp $W/base.db $W/$1.db"; }
hf import-shell "$import_runs" --prepare "$(fresh shell)" -- \
	sqlite3-import "sqlite3 $W/shell.db \".import --csv $codes_csv code_staging\""
hf import-codekb "$import_runs" --prepare "$(fresh codekb)" -- \
	codekb-import "$B/codekb-import --db $W/codekb.db $codes_csv"
hf import-utils "$import_runs" --prepare "$(fresh utils)" -- \
	sqlite-utils "sqlite-utils insert $W/utils.db code_staging $codes_csv --csv"
hf import-sql "$import_runs" --prepare "$(fresh full)" -- \
	sqlite3-sql "sqlite3 -bail $W/full.db < $W/full.sql"

echo "== import: $(sqlite3 "$work/codekb.db" 'SELECT count(*) FROM code') codes," \
	"$csv_mb MB of CSV, into a database holding their protocols and classes"
header tool
row sqlite3-import "sqlite3 .import (staging table)" sqlite3-import
row codekb-import "codekb-import" sqlite3-import 1
row sqlite-utils "sqlite-utils insert (staging table)" sqlite3-import
row sqlite3-sql "sqlite3 .import + INSERT (tables)" sqlite3-import
awk -v a="$(mean codekb-import)" -v b="$(mean sqlite3-sql)" \
	'BEGIN { printf "codekb-import / sqlite3 into the same schema (tables, triggers, trigram index): %.2f\n", a / b }'
counts="SELECT count(*) || ' codes, ' || (SELECT count(*) FROM text) || ' texts, '
	|| (SELECT count(*) FROM search_fts_docsize) || ' of '
	|| (SELECT count(*) FROM search_doc) || ' search documents indexed' FROM code"
echo "rows: codekb-import $(sqlite3 "$work/codekb.db" "$counts")"
echo "rows: sqlite3 .import + INSERT $(sqlite3 "$work/full.db" "$counts")"
echo "rows: sqlite3 .import $(sqlite3 "$work/shell.db" 'SELECT count(*) FROM code_staging');" \
	"sqlite-utils $(sqlite3 "$work/utils.db" 'SELECT count(*) FROM code_staging')"
rm -f "$work/shell.db" "$work/utils.db" "$work/full.db"
echo

# ---- export ----
# export_codes of schema/queries/export.sql, as it is, less its json column
{
	echo ".parameter set :protocol NULL"
	awk '/^-- name: / { on = $3 == "export_codes"; next }
		on && /iif\(:json/ { skip = 1 }
		on && !skip && !/^--/ { sub(/how_to_fix,$/, "how_to_fix"); print }
		skip && /AS json$/ { skip = 0 }' "$here/../schema/queries/export.sql"
} >"$work/codes.sql"
echo "export: $runs run(s) each, after one warm-up" >&2
db=$W/codekb.db
hf export "$runs" --warmup 1 -- \
	sqlite3-csv "sqlite3 -csv -header $db < $W/codes.sql > $W/sqlite3.csv" \
	codekb-csv "$B/codekb --db $db export codes --format csv > $W/codekb.csv" \
	codekb-md "$B/codekb --db $db export codes --format md > $W/codekb.md" \
	sqlite3-md "sqlite3 -markdown $db < $W/codes.sql > $W/sqlite3.md"

echo "== export: the same $(sqlite3 "$work/codekb.db" 'SELECT count(*) FROM code') codes, to a file"
header tool
row sqlite3-csv "sqlite3 -csv" sqlite3-csv
row codekb-csv "codekb export --format csv" sqlite3-csv 1
row codekb-md "codekb export --format md" sqlite3-csv 1.2
row sqlite3-md "sqlite3 -markdown" sqlite3-csv
awk -v a="$(mean codekb-md)" -v b="$(mean sqlite3-md)" \
	'BEGIN { printf "codekb --format md / sqlite3 -markdown: %.2f\n", a / b }'
for f in sqlite3.csv codekb.csv codekb.md sqlite3.md; do
	printf '%-12s %11s bytes %8s lines\n' "$f" "$(wc -c <"$work/$f" | tr -d ' ')" "$(wc -l <"$work/$f" | tr -d ' ')"
done
rm -f "$work"/*.csv "$work"/*.md
echo

fi # codes

# ---- site (SECTIONS: site) ----
if want site; then
# into $TMPDIR, a disk as a rule, and into /dev/shm (tmpfs, no disk) when
# there is one: creating 15,000 files costs the kernel more than codekb
# spends making them, and much more on a busy disk
echo "site: $site_runs run(s) each" >&2
shm=
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	shm=$(mktemp -d /dev/shm/codekb-bench.XXXXXX)
	trap 'rm -rf "$work" "$shm"' EXIT
fi
export_site() { echo "$B/codekb --db $B/codekb.db export site --output $(sq "$1")"; }
# set_aside DIR: move the last run's output out of the way rather than
# delete it.  On ext4, creating files right after deleting thousands makes
# the kernel search its inode tables for inodes that were not freed
# recently (recently_deleted in ext4_create): measured here, 12 s of
# system time for the 14,839 files instead of 0.6 s.  The outputs go when
# the benchmark ends.
set_aside() {
	echo "[ ! -e $(sq "$1") ] || mv $(sq "$1") $(sq "$1").\$(date +%s%N)"
}
# remove DIR: on tmpfs, deleting costs nothing later, while each set-aside
# output would hold 1.2 GB of memory (eight languages), and twelve of them
# slowed the runs after them by a third
remove() { echo "rm -rf $(sq "$1")"; }
hf site "$site_runs" --warmup 1 --prepare "$(set_aside "$work/site")" -- \
	site "$(export_site "$work/site")"
hf site-again "$site_runs" --warmup 1 -- \
	site-again "$(export_site "$work/site")"
if [ -n "$shm" ]; then
	hf site-tmpfs "$site_runs" --warmup 1 --prepare "$(remove "$shm/site")" -- \
		site-tmpfs "$(export_site "$shm/site")"
	hf site-tmpfs-1 "$site_runs" --warmup 1 --prepare "$(remove "$shm/site1")" -- \
		site-tmpfs-1 "$(export_site "$shm/site1") --jobs 1"
fi
files=$(find "$work/site" -type f | wc -l | tr -d ' ')
pages=$(find "$work/site/content" -type f -name '*.md' | wc -l | tr -d ' ')
echo "== site: the shipped database, $pages pages ($files files with the Hugo configuration and layouts)"
printf '%-34s %9s %7s %9s %9s\n' run mean_s sd_s pages/s peak_MB
for g in site site-again ${shm:+site-tmpfs site-tmpfs-1}; do
	case $g in
	site) label="export site (empty dir, TMPDIR)" ;;
	site-again) label="export site (again, no change)" ;;
	site-tmpfs) label="export site (empty dir, tmpfs)" ;;
	site-tmpfs-1) label="export site --jobs 1 (tmpfs)" ;;
	esac
	awk -v label="$label" -v m="$(mean "$g")" -v s="$(sd "$g")" -v p="$pages" \
		-v mb="$(rss "$g")" -v t="$(case $g in site-again | site-tmpfs-1) ;; *) echo 1 ;; esac)" 'BEGIN {
		printf "%-34s %9.3f %7.3f %9.0f %9s  %s\n", label, m, s, p / m, mb,
			t ? sprintf("target >= 20000 pages/s: %s",
				p / m >= 20000 ? "met" : "NOT met") : ""
	}'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
fi # site
