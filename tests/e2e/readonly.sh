# readonly.sh - `codekb sql` can read everything and change nothing.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
before=$(sha256sum "$db" | cut -d' ' -f1)

expect_code 0 "a SELECT" "$CODEKB" --db "$db" sql "SELECT count(*) AS n FROM code WHERE protocol = 'SIP' AND vendor = ''"
expect_in "$work/out" "75" "counts the SIP codes"
expect_code 0 "a read-only pragma" "$CODEKB" --db "$db" sql "PRAGMA table_info(code)"
for stmt in "DELETE FROM code" "UPDATE code SET reason = 'x'" \
	"INSERT INTO protocol VALUES ('X', 'x', '')" "DROP TABLE code" \
	"CREATE TABLE t (x)" "ATTACH '$work/other.db' AS other" \
	"PRAGMA user_version = 7" "PRAGMA journal_mode = DELETE" \
	"VACUUM INTO '$work/copy.db'" "SELECT 1; DELETE FROM code" \
	"SELECT load_extension('x')" \
	"INSERT INTO search_fts (search_fts) VALUES ('optimize')" \
	"INSERT INTO search_cjk (search_cjk) VALUES ('delete-all')"; do
	expect_code 1 "refused: $stmt" "$CODEKB" --db "$db" sql "$stmt"
done
if [ -e "$work/other.db" ] || [ -e "$work/copy.db" ]; then fail "a file was created"
else pass "no file was created"; fi
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then pass "database unchanged"; else fail "database changed"; fi
# The FTS5 indexes can be read like any table.
expect_code 0 "read the trigram index" "$CODEKB" --db "$db" sql "SELECT d.protocol, d.code FROM search_fts JOIN search_doc AS d ON d.id = search_fts.rowid WHERE search_fts MATCH '\"Busy Here\"' AND d.kind = 'reason'" --format csv
expect_in "$work/out" "SIP,486" "search_fts answers"
expect_code 0 "read the CJK index" "$CODEKB" --db "$db" sql "SELECT DISTINCT d.protocol, d.code FROM search_cjk JOIN search_doc AS d ON d.id = search_cjk.rowid WHERE search_cjk MATCH '\"認 証\"'" --format csv
expect_in "$work/out" "HTTP,407" "search_cjk answers"
expect_code 1 "syntax error" "$CODEKB" --db "$db" sql "SELECT code FROM code WHERE"
expect_in "$work/err" "incomplete input" "reports the syntax error"
expect_code 1 "unknown column" "$CODEKB" --db "$db" sql "SELECT nope FROM code"
expect_line "$work/err" 'codekb: no such column: nope, at offset 7: "nope FROM code"' "points at the error"
# -- limits: a time limit, a bounded table, valid JSON, no fts3_tokenizer
start=$(date +%s%N)
expect_code 1 "a runaway recursive CTE is stopped" "$CODEKB" --db "$db" sql "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c" --timeout 1
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 2000 ] && pass "it stops within 1 s of its timeout ($ms ms)" || fail "the CTE ran $ms ms with --timeout 1"
expect_line "$work/err" "codekb: the query ran past its time limit of 1 s and was stopped; give --timeout SECONDS for more" "one line says the time limit fired"
expect_code 2 "a bad --timeout" "$CODEKB" --db "$db" sql "SELECT 1" --timeout 0
expect_code 2 "--timeout is only for sql" "$CODEKB" --db "$db" list --timeout 3
big="WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 2000000) SELECT x, printf('%.60c', 'y') AS pad FROM c"
# memory is measured only without the sanitizers, whose shadow memory and
# quarantine of freed blocks would count
if [ -x /usr/bin/time ] && ! grep -q __asan_init "$CODEKB"; then
	/usr/bin/time -f '%M' -o "$work/peak" "$CODEKB" --db "$db" sql "$big" >/dev/null 2>"$work/err"
	peak=$(tail -n 1 "$work/peak")
	[ "$peak" -lt 65536 ] && pass "a large table result stays under 64 MB ($peak KB)" || fail "table peak $peak KB"
	/usr/bin/time -f '%M' -o "$work/peak" "$CODEKB" --db "$db" sql "$big" --format csv >"$work/big.csv" 2>/dev/null
	peak=$(tail -n 1 "$work/peak")
	[ "$peak" -lt 65536 ] && [ "$(wc -l <"$work/big.csv")" -eq 2000001 ] && pass "csv streams it under 64 MB ($peak KB)" || fail "csv peak $peak KB"
fi
expect_code 1 "a table result over the bound" "$CODEKB" --db "$db" sql "$big"
expect_line "$work/err" "codekb: the result is larger than the table format holds (16 MB); use --format csv or json, which stream, or add a LIMIT" "one line says so"
expect_code 0 "BLOB, Inf, invalid UTF-8 and repeated names in JSON" "$CODEKB" --db "$db" sql "SELECT x'00ff' AS b, 1e999 AS i, -1e999 AS j, CAST(x'ff41' AS TEXT) AS u, char(27) || '\"' AS e, 1 AS a, 2 AS a" --format json
if command -v jq >/dev/null; then
	if jq -e '.[0] | .b == "00ff" and .i == null and .j == null and .u == "\ufffdA" and .e == "\u001b\"" and .a == 1 and .["a:7"] == 2' "$work/out" >/dev/null; then
		pass "the JSON is valid and keeps every column"; else fail "json: $(cat "$work/out")"; fi
fi
expect_code 1 "fts3_tokenizer is refused" "$CODEKB" --db "$db" sql "SELECT hex(fts3_tokenizer('simple'))"
expect_code 1 "fts3_tokenizer with a pointer is refused" "$CODEKB" --db "$db" sql "SELECT fts3_tokenizer('x', x'0000000000000000')"
expect_code 0 "PRAGMA journal_mode reads" "$CODEKB" --db "$db" sql "PRAGMA journal_mode" --format csv
expect_in "$work/out" "wal" "the journal mode is shown"
expect_code 0 "json_each works" "$CODEKB" --db "$db" sql "SELECT sum(value) FROM json_each('[1,2,3]')" --format csv
expect_in "$work/out" "6" "json_each gives its rows"
expect_code 0 "json_tree works" "$CODEKB" --db "$db" sql "SELECT count(*) FROM json_tree('{\"a\":[1]}')" --format csv
# found by fuzzing (tests/fuzz/fuzz_sql.c): JSON of two statements was two
# arrays, and one value could take any amount of memory
expect_code 1 "--format json with two statements" "$CODEKB" --db "$db" sql "SELECT 1; SELECT 2" --format json
expect_line "$work/err" "codekb: --format json takes one statement, not 2: its output is one array of rows" "one line says so"
[ ! -s "$work/out" ] && pass "and nothing is printed" || fail "json: $(cat "$work/out")"
expect_code 0 "--format json with one statement and a trailing semicolon" "$CODEKB" --db "$db" sql "SELECT 1 AS one;" --format json
expect_code 0 "csv with two statements" "$CODEKB" --db "$db" sql "SELECT 1; SELECT 2" --format csv
expect_code 1 "a value of 900 MB" "$CODEKB" --db "$db" sql "SELECT length(randomblob(900000000))" --format csv
expect_line "$work/err" "codekb: the query made a value larger than codekb sql allows (16 MB)" "is refused in one line"
if [ -x /usr/bin/time ] && ! grep -q __asan_init "$CODEKB"; then
	/usr/bin/time -f '%M' -o "$work/peak" "$CODEKB" --db "$db" sql "SELECT length(printf('%.*c', 500000000, 'x'))" >/dev/null 2>&1
	peak=$(tail -n 1 "$work/peak")
	[ "$peak" -lt 65536 ] && pass "a query that makes a 500 MB value stays under 64 MB ($peak KB)" || fail "value peak $peak KB"
fi
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then pass "database still unchanged"; else fail "database changed"; fi
finish
