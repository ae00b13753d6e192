# readonly.sh - `codekb sql` can read everything and change nothing.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
before=$(sha256sum "$db" | cut -d' ' -f1)

expect_code 0 "a SELECT" "$CODEKB" --db "$db" sql "SELECT count(*) AS n FROM code WHERE protocol = 'SIP'"
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
finish
