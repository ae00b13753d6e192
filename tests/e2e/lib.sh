# lib.sh - helpers for the whole-program tests, sourced by each script.
#
# The environment names the programs ($CODEKB, $CODEKB_IMPORT), the source
# tree ($CODEKB_SRC), the registry facts ($CODEKB_REFERENCE) and the default
# database ($CODEKB_DEFAULT_DB).  Each check prints "ok N - what" or
# "not ok N - what"; the script exits 1 if any failed.
set -u
failures=0
checks=0
work=$(mktemp -d "${TMPDIR:-/tmp}/e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT

pass() { checks=$((checks + 1)); echo "ok $checks - $1"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "not ok $checks - $1"; }

# expect_code WANT WHAT CMD...: run CMD, keep its output in $work/out and
# $work/err, and check its exit status.
expect_code() {
	want=$1; what=$2; shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$what (exit $got)"
	else
		fail "$what: exit $got, wanted $want"
		sed 's/^/#   stderr: /' "$work/err" | head -5
	fi
}

# expect_in FILE TEXT WHAT: FILE contains TEXT (a fixed string).
expect_in() {
	if grep -qF -- "$2" "$1"; then pass "$3"; else
		fail "$3: '$2' not found"; head -5 "$1" | sed 's/^/#   /'; fi
}

# expect_line FILE LINE WHAT: FILE's first line is exactly LINE.
expect_line() {
	got=$(head -n 1 "$1")
	if [ "$got" = "$2" ]; then pass "$3"; else
		fail "$3: got '$got', wanted '$2'"; fi
}

# sip_http_db PATH: a database of the shipped SIP and HTTP data only, their
# registered codes without the vendors' (the files named *vendors*), for
# tests that add codes of their own.
sip_http_db() {
	# shellcheck disable=SC2046
	"$CODEKB_IMPORT" --db "$1" $(ls "$CODEKB_SRC"/data/*.csv "$CODEKB_SRC"/data/ui/*.csv \
		"$CODEKB_SRC"/data/sip/*.csv "$CODEKB_SRC"/data/http/*.csv \
		"$CODEKB_SRC"/data/equivalents/equivalents*.csv | grep -v vendors) >/dev/null
}

# site_db: the database to export whole sites from.  The default database,
# or, where CODEKB_SAMPLE is set (the sanitizer build, and valgrind), the
# SIP and HTTP sample of sip_http_db: a site's pages all come from the same
# few statements, which the sample runs as the whole data does.
site_db() {
	if [ -n "${CODEKB_SAMPLE:-}" ]; then
		[ -f "$work/sample.db" ] || sip_http_db "$work/sample.db"
		echo "$work/sample.db"
	else
		echo "$CODEKB_DEFAULT_DB"
	fi
}

finish() {
	echo "$((checks - failures)) passed, $failures failed"
	[ "$failures" -eq 0 ]
}
