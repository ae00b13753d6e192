# iana.sh - registry files as IANA publishes them (Value,Description,
# Reference), made here from tests/fixtures/registry: a new protocol is
# declared with its codes, a second import changes nothing, a changed
# registry updates phrases and statuses but never the prose, and the
# shipped SIP and HTTP data agree with their registries.
. "$(dirname "$0")/lib.sh"

# iana_csv PROTO: the registry of tests/fixtures/registry/PROTO.tsv as IANA CSV,
# with a range row like the real registry's.
iana_csv() {
	awk -F'\t' 'function q(s) { if (s ~ /[,"]/) { gsub(/"/, "\"\"", s); s = "\"" s "\"" } return s }
	BEGIN { print "Value,Description,Reference" }
	NR > 1 {
		n = split($4, refs, "; "); r = ""
		for (i = 1; i <= n; i++) { x = refs[i]; sub(/ Section /, ", Section ", x); r = r "[" x "]" }
		print $2 "," q($3) "," q(r)
		if (NR == 10) print "427-428,Unassigned,"
	}' "$CODEKB_REFERENCE/$1.tsv"
}
iana_csv sip >"$work/sip.csv"
iana_csv http >"$work/http.csv"

db="$work/new.db"
expect_code 0 "a registry file into a new database" "$CODEKB_IMPORT" --db "$db" --protocol SIPREG "$work/sip.csv"
expect_in "$work/out" "iana: 75 added, 0 replaced, 1 skipped, 0 unchanged (1 range rows)" "75 codes added, the range row skipped"
expect_in "$work/out" "SIPREG: new protocol, declared from the registry file" "the protocol is declared"
n=$("$CODEKB_IMPORT" --db "$db" --upgrade >/dev/null; sqlite3 "$db" "SELECT count(*) FROM code WHERE protocol = 'SIPREG'")
if [ "$n" -eq 75 ]; then pass "75 codes in the new protocol"; else fail "$n codes"; fi
sqlite3 "$db" "SELECT code || '|' || reason || '|' || status || '|' || reference FROM code WHERE code IN (202, 436)" >"$work/rows"
expect_in "$work/rows" "202|Accepted|deprecated|RFC6665" "202's annotation becomes its status"
before=$(sha256sum "$db" | cut -d' ' -f1)
expect_code 0 "the same registry again" "$CODEKB_IMPORT" --db "$db" --protocol SIPREG "$work/sip.csv"
expect_line "$work/out" "codekb-import: iana: 0 added, 0 replaced, 1 skipped, 75 unchanged (1 range rows)" "nothing changes the second time"
after=$(sha256sum "$db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then pass "the database file is byte-identical"; else fail "the file changed"; fi

# A registry that renamed a code and dropped another.
sed 's/^436,Bad Identity Info,/436,Bad Identity-Info,/; /^608,/d' "$work/sip.csv" >"$work/sip2.csv"
expect_code 0 "a changed registry" "$CODEKB_IMPORT" --db "$db" --protocol SIPREG "$work/sip2.csv"
expect_in "$work/out" "SIPREG 436: 'Bad Identity Info' -> 'Bad Identity-Info' (current)" "the change is reported, old and new"
expect_in "$work/out" "SIPREG: in the database but not in the registry (kept): 608" "the missing code is reported"
n=$(sqlite3 "$db" "SELECT count(*) FROM code WHERE protocol = 'SIPREG'")
if [ "$n" -eq 75 ]; then pass "the missing code is kept"; else fail "$n codes"; fi
f=$(sqlite3 "$db" "SELECT former FROM code WHERE protocol = 'SIPREG' AND code = 436")
if [ "$f" = "Bad Identity Info" ]; then pass "the old phrase joins the former names"; else fail "former '$f'"; fi

# The shipped data agrees with both registries, and keeps its prose.
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
texts=$(sqlite3 "$db" "SELECT count(*), sum(length(body)) FROM text")
expect_code 0 "the SIP registry into the shipped data" "$CODEKB_IMPORT" --db "$db" --protocol SIP "$work/sip.csv"
expect_line "$work/out" "codekb-import: iana: 0 added, 0 replaced, 1 skipped, 75 unchanged (1 range rows)" "SIP agrees with its registry"
expect_code 0 "the HTTP registry into the shipped data" "$CODEKB_IMPORT" --db "$db" --protocol HTTP "$work/http.csv"
expect_line "$work/out" "codekb-import: iana: 0 added, 0 replaced, 1 skipped, 64 unchanged (1 range rows)" "HTTP agrees with its registry"
sed 's/^486,Busy Here,/486,Busy Right Here,/' "$work/sip.csv" >"$work/sip3.csv"
expect_code 0 "a renamed SIP code" "$CODEKB_IMPORT" --db "$db" --protocol SIP "$work/sip3.csv"
if [ "$(sqlite3 "$db" "SELECT count(*), sum(length(body)) FROM text")" = "$texts" ]; then
	pass "the prose is untouched"; else fail "the texts changed"; fi
s=$(sqlite3 "$db" "SELECT section FROM code WHERE protocol = 'SIP' AND code = 486")
if [ "$s" = "21.4.24" ]; then pass "the known section is kept"; else fail "section '$s'"; fi

expect_code 1 "a registry file without --protocol" "$CODEKB_IMPORT" --db "$db" "$work/sip.csv"
expect_line "$work/err" "codekb-import: $work/sip.csv:1:1: a registry file (Value,Description,Reference) needs --protocol P to say whose codes it holds" "says --protocol is needed"
finish
