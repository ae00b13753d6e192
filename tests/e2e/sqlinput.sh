# sqlinput.sh - `codekb sql -` and `codekb sql FILE.sql` read the statement
# from standard input or a file, within bounds; `codekb sql --views` lists
# the views with their columns, read from the database.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB

echo "SELECT code FROM code_l10n WHERE locale = 'en' AND protocol = 'SIP' AND code = '486'" >"$work/q.sql"
"$CODEKB" --db "$db" sql "$(cat "$work/q.sql")" >"$work/want"
expect_code 0 "sql - reads standard input" sh -c '"$1" --db "$2" sql - <"$3"' sh "$CODEKB" "$db" "$work/q.sql"
if cmp -s "$work/want" "$work/out"; then pass "the same rows as the argument"; else fail "sql - differs"; fi
expect_code 0 "sql - from a pipe" sh -c 'cat "$3" | "$1" --db "$2" sql - --format csv' sh "$CODEKB" "$db" "$work/q.sql"
expect_in "$work/out" "486" "as CSV"
expect_code 0 "sql FILE.sql reads the file" "$CODEKB" --db "$db" sql "$work/q.sql"
if cmp -s "$work/want" "$work/out"; then pass "the same rows as the argument"; else fail "sql FILE.sql differs"; fi
printf 'SELECT 1 AS a;\nSELECT 2 AS b;\n' >"$work/two.sql"
expect_code 0 "a file of two statements" "$CODEKB" --db "$db" sql "$work/two.sql"
expect_in "$work/out" "b" "runs both"

# SQL is never taken for a file name: only "-" and names ending in .sql are
expect_code 0 "a statement naming a .sql string is SQL" "$CODEKB" --db "$db" sql "SELECT 'x.sql' AS f"
expect_in "$work/out" "x.sql" "ran as SQL"
expect_code 1 "a missing file" "$CODEKB" --db "$db" sql "$work/none.sql"
expect_line "$work/err" "codekb: cannot read '$work/none.sql': No such file or directory" "names the missing file"
mkdir "$work/dir.sql"
expect_code 1 "a directory" "$CODEKB" --db "$db" sql "$work/dir.sql"
expect_line "$work/err" "codekb: cannot read '$work/dir.sql': it is a directory" "names the directory"
printf 'SELECT \377;' >"$work/bad.sql"
expect_code 1 "bad UTF-8" "$CODEKB" --db "$db" sql "$work/bad.sql"
expect_line "$work/err" "codekb: '$work/bad.sql' is not UTF-8 text (at byte 7)" "says where"
printf 'SELECT 1;\000 DELETE FROM code;' >"$work/nul.sql"
expect_code 1 "a NUL byte" "$CODEKB" --db "$db" sql "$work/nul.sql"
expect_in "$work/err" "is not UTF-8 text (at byte 9)" "is not text"
head -c 1048577 /dev/zero | tr '\0' ' ' >"$work/big.sql"
expect_code 1 "more than 1 MiB" "$CODEKB" --db "$db" sql "$work/big.sql"
expect_in "$work/err" "holds more than 1024 KiB of SQL" "is refused"
head -c 1048500 /dev/zero | tr '\0' ' ' >"$work/ok.sql"
echo "SELECT 42 AS n;" >>"$work/ok.sql"
expect_code 0 "just under 1 MiB" "$CODEKB" --db "$db" sql "$work/ok.sql"
expect_code 1 "empty standard input" sh -c '"$1" --db "$2" sql - </dev/null' sh "$CODEKB" "$db"
expect_line "$work/err" "codekb: standard input holds no SQL" "says so"
echo "DELETE FROM code" >"$work/w.sql"
expect_code 1 "a file's writes are refused as ever" "$CODEKB" --db "$db" sql "$work/w.sql"
expect_in "$work/err" "not allowed: codekb sql only reads" "read-only"
echo "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r" >"$work/slow.sql"
expect_code 1 "a file's query keeps the time limit" "$CODEKB" --db "$db" sql "$work/slow.sql" --timeout 0.5
expect_in "$work/err" "time limit of 0.5 s" "stopped"
expect_code 2 "no statement" "$CODEKB" --db "$db" sql
expect_line "$work/err" "codekb: 'sql' takes a statement, - (standard input) or FILE.sql, or --views" "says what it takes"

# --views: every view, with its columns in order, from the database
expect_code 0 "sql --views" "$CODEKB" --db "$db" sql --views --format csv
expect_in "$work/out" "view,columns" "a view and its columns a row"
expect_in "$work/out" 'coverage,"protocol, locale, texts, translated, missing, stale, percent_current, names, names_stale, terms"' "coverage's columns in order"
views=$("$CODEKB" --db "$db" sql "SELECT count(*) FROM sqlite_schema WHERE type = 'view'" --format csv | tail -1)
rows=$(($(wc -l <"$work/out") - 1))
[ "$rows" -eq "$views" ] && pass "one row per view ($rows)" || fail "$rows rows for $views views"
for v in $(tail -n +2 "$work/out" | cut -d, -f1 | tr -d "\r"); do
	grep -q "\`$v\`" "$CODEKB_SRC/docs/views.md" || fail "view $v is not in docs/views.md"
done
pass "every view listed is in docs/views.md"
expect_code 0 "sql --views --format json" "$CODEKB" --db "$db" sql --views --format json
expect_in "$work/out" '"view":"code_l10n"' "as JSON"
expect_code 2 "--views takes no statement" "$CODEKB" --db "$db" sql --views "SELECT 1"
expect_line "$work/err" "codekb: 'sql --views' takes no statement" "says so"
expect_code 2 "--views is sql's" "$CODEKB" --db "$db" list --views
finish
