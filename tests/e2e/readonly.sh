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
	"SELECT load_extension('x')"; do
	expect_code 1 "refused: $stmt" "$CODEKB" --db "$db" sql "$stmt"
done
if [ -e "$work/other.db" ] || [ -e "$work/copy.db" ]; then fail "a file was created"
else pass "no file was created"; fi
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then pass "database unchanged"; else fail "database changed"; fi
expect_code 1 "syntax error" "$CODEKB" --db "$db" sql "SELECT code FROM code WHERE"
expect_in "$work/err" "incomplete input" "reports the syntax error"
expect_code 1 "unknown column" "$CODEKB" --db "$db" sql "SELECT nope FROM code"
expect_line "$work/err" 'codekb: no such column: nope, at offset 7: "nope FROM code"' "points at the error"
finish
