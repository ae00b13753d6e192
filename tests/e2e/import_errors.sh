# import_errors.sh - a failed import leaves the database byte-identical:
# same file bytes and same `sqlite3 .sha3sum`, exit status 1, and a
# FILE:LINE:COL message.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"

snapshot() {
	if command -v sqlite3 >/dev/null; then sqlite3 "$db" .sha3sum; fi
	sha256sum "$db" | cut -d' ' -f1
}
before=$(snapshot)

bad="$work/codes-bad.csv"
printf 'protocol,code,reason,reference\nSIP,180,Ringing Loudly,RFC3261\nSIP,18O,Broken,RFC3261\n' >"$bad"
expect_code 1 "import of a file with an error" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$bad"
expect_line "$work/err" "codekb-import: $bad:3:2: code '18O' is not a number (at character 3)" "FILE:LINE:COL message"
after=$(snapshot)
if [ "$before" = "$after" ]; then pass "database unchanged after a failed import"
else fail "database changed after a failed import"; fi
expect_code 0 "reason of SIP 180 kept" "$CODEKB" --db "$db" sql "SELECT reason FROM code WHERE protocol = 'SIP' AND code = 180"
expect_in "$work/out" "Ringing" "SIP 180 still Ringing"

# facts: each wrong row is named, and nothing is written
f="$work/facts-bad.csv"
{
	echo 'protocol,code,vendor,fact,value,reference,section'
	echo 'SIP,401,,colour,blue,RFC3261,21.4.2'
	echo 'SIP,401,,next,dance,RFC3261,21.4.2'
	echo 'SIP,486,,may,Retry-After,RFC3261,21.4.24'
	echo 'HTTP,200,,cacheable,yes,RFC9110,15.3.1'
	echo 'SIP,401,,must,WWW Authenticate,RFC3261,20.44'
	echo 'SIP,499,,sender,uas,RFC3261,21.4.2'
	echo 'SIP,401,,sender,uas,RFC3261,§21'
} >"$f"
expect_code 1 "import of bad facts" "$CODEKB_IMPORT" --db "$db" "$f"
expect_in "$work/err" "$f:2:4: unknown kind of fact 'colour'" "names an unknown kind of fact"
expect_in "$work/err" "$f:3:5: 'dance' is not a value of fact 'next'" "names a word the kind does not have"
expect_in "$work/err" "$f:4:5: Retry-After is the codes file's retry_after column, not a fact" "refuses Retry-After as a fact"
expect_in "$work/err" "$f:5:4: cacheable is the codes file's cacheable column, not a fact" "refuses cacheable as a fact"
expect_in "$work/err" "$f:6:5: 'WWW Authenticate' is not a header field name" "refuses a field name with a space"
expect_in "$work/err" "$f:7:2: there is no SIP code 499" "refuses a fact of an unknown code"
expect_in "$work/err" "$f:8:7: section '§21' must be a section number" "refuses a malformed section"
after=$(snapshot)
if [ "$before" = "$after" ]; then pass "database unchanged after bad facts"
else fail "database changed after bad facts"; fi
expect_code 0 "the shipped facts again" "$CODEKB_IMPORT" --db "$db" "$CODEKB_SRC/data/sip/facts.csv" "$CODEKB_SRC/data/http/facts.csv"
expect_in "$work/out" "facts: 0 added, 0 replaced, 0 skipped, " "re-importing the facts changes nothing"

printf 'protocol,code,reason\r\nSIP,199,"Early Dialog\r\n' >"$work/quote.csv"
expect_code 1 "unterminated quote" "$CODEKB_IMPORT" --db "$db" "$work/quote.csv"
expect_line "$work/err" "codekb-import: $work/quote.csv:2:3: unterminated quoted field" "names the quote's line"

expect_code 1 "missing file" "$CODEKB_IMPORT" --db "$db" "$work/nope.csv"
expect_line "$work/err" "codekb-import: $work/nope.csv: cannot open: No such file or directory" "names the missing file"
mkdir "$work/empty"
expect_code 1 "directory with no CSV" "$CODEKB_IMPORT" --db "$db" "$work/empty"
expect_line "$work/err" "codekb-import: $work/empty: directory holds no .csv file" "names the directory"

printf 'protocol,code,reason\nSIP,199,Early Dialog Terminated\n' | \
	expect_code 0 "stdin, unchanged row" "$CODEKB_IMPORT" --db "$db" -
expect_in "$work/out" "codes: 0 added, 0 replaced, 0 skipped, 1 unchanged" "stdin summary"
after=$(snapshot)
if [ "$before" = "$after" ]; then pass "an import that changes nothing keeps the bytes"
else fail "a no-op import changed the database"; fi

# Progress is drawn on a terminal only.
cp "$CODEKB_DEFAULT_DB" "$work/p.db"
printf 'protocol,name\nPRG,Progress\n' >"$work/prg.csv"
printf 'protocol,class,first,last,name\nPRG,all,0,99999,All\n' >"$work/prgc.csv"
awk 'BEGIN { print "protocol,code,reason"; for (i = 0; i < 30000; i++) printf "PRG,%d,Reason %d\n", i, i }' >"$work/prgcodes.csv"
expect_code 0 "a large import, stderr not a terminal" "$CODEKB_IMPORT" --db "$work/p.db" "$work/prg.csv" "$work/prgc.csv" "$work/prgcodes.csv"
if [ ! -s "$work/err" ]; then pass "no progress output when stderr is not a terminal"; else fail "stderr: $(head -c 80 "$work/err")"; fi
if command -v script >/dev/null; then
	rm -f "$work/p.db"
	script -qec "$CODEKB_IMPORT --db $work/p.db $work/prg.csv $work/prgc.csv $work/prgcodes.csv" /dev/null >"$work/tty" 2>&1
	if grep -q "prgcodes.csv: [0-9]* rows" "$work/tty"; then pass "a progress line on a terminal"
	else fail "no progress line on a terminal"; fi
fi

chmod a-w "$db"
if [ "$(id -u)" -ne 0 ]; then
	printf 'protocol,code,reason\nSIP,181,Forwarded\n' >"$work/ro.csv"
	expect_code 1 "read-only database" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/ro.csv"
	expect_in "$work/err" "is read-only" "says the database is read-only"
fi
finish
