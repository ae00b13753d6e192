# names.sh - names files: a code's name in a language and its search terms
# are imported, refused when malformed, kept with the reason they were
# named from, found by `codekb search`, and exported by `codekb export
# names` as a names file that imports back to the same rows.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
# the SIP and HTTP data of sip_http_db, without the shipped names
# shellcheck disable=SC2046
"$CODEKB_IMPORT" --db "$db" $(ls "$CODEKB_SRC"/data/*.csv "$CODEKB_SRC"/data/ui/*.csv \
	"$CODEKB_SRC"/data/sip/*.csv "$CODEKB_SRC"/data/http/*.csv \
	"$CODEKB_SRC"/data/equivalents/equivalents*.csv | grep -v -e vendors -e /names-) >/dev/null
codes() { "$CODEKB" --db "$db" search "$@" --format csv | tr -d "\r" | tail -n +2 | cut -d, -f1,2 | tr ',' ' '; }

cat >"$work/names-zh.csv" <<'CSV'
locale,protocol,code,vendor,name,terms
zh,HTTP,404,,未找到,找不到|页面不存在
zh,SIP,486,,忙,占线|忙线
CSV
printf 'locale,protocol,code,vendor,name,terms\nen,HTTP,401,,,unauthorised|not logged in\n' >"$work/names-en.csv"
codes 占线 --lang zh >"$work/r"
[ ! -s "$work/r" ] && pass "占线 finds nothing before the names are imported" || fail "占线 already finds $(head -1 "$work/r")"
expect_code 0 "import a names file" "$CODEKB_IMPORT" --db "$db" "$work/names-zh.csv" "$work/names-en.csv"
expect_line "$work/out" "codekb-import: names: 3 added, 0 replaced, 0 skipped, 0 unchanged" "the summary counts the names"
[ "$(codes 占线 --lang zh | head -1)" = "SIP 486" ] && pass "占线 --lang zh finds SIP 486 by its term" || fail "占线: $(codes 占线 --lang zh | head -3 | tr '\n' ';')"
[ "$(codes 未找到 --lang zh | head -1)" = "HTTP 404" ] && pass "未找到 --lang zh finds HTTP 404 first by its name" || fail "未找到: $(codes 未找到 --lang zh | head -3 | tr '\n' ';')"
codes unauthorised >"$work/r"; expect_in "$work/r" "HTTP 401" "unauthorised finds HTTP 401 by an English term"
[ "$(sqlite3 "$db" "SELECT source FROM code_name WHERE protocol = 'HTTP' AND code = '404' AND locale = 'zh'")" = "Not Found" ] &&
	pass "a name keeps the reason it was named from" || fail "no source on the name"
expect_code 0 "import it again" "$CODEKB_IMPORT" --db "$db" "$work/names-zh.csv"
expect_line "$work/out" "codekb-import: names: 0 added, 0 replaced, 0 skipped, 2 unchanged" "nothing changes"
# a changed term replaces the old one in search
printf 'locale,protocol,code,vendor,name,terms\nzh,SIP,486,,忙,忙线\n' >"$work/names-zh2.csv"
expect_code 0 "replace a row" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/names-zh2.csv"
codes 占线 --lang zh >"$work/r"
grep -q "SIP 486" "$work/r" && fail "占线 still finds SIP 486" || pass "a term taken out is no longer found"
# coverage counts names and terms, and a name whose reason changed is stale
cov() { "$CODEKB" --db "$db" coverage --protocol "$1" --format csv | tr -d '\r' | awk -F, -v l="$2" '$2 == l { print $8 "," $9 "," $10 }'; }
[ "$(cov http zh)" = "1,0,1" ] && pass "coverage: one zh name and one set of terms in HTTP" || fail "coverage http zh: $(cov http zh)"
[ "$(cov http en)" = "$(sqlite3 "$db" "SELECT count(*) FROM code WHERE protocol = 'HTTP'"),0,1" ] && pass "coverage: every English code is named by its reason" || fail "coverage http en: $(cov http en)"
sqlite3 "$db" "UPDATE code SET reason = 'Not Here' WHERE protocol = 'HTTP' AND code = '404'"
[ "$(cov http zh)" = "1,1,1" ] && pass "coverage: the zh name of a code whose reason changed is stale" || fail "after the change: $(cov http zh)"
# malformed rows: each named, nothing written
before=$(sqlite3 "$db" "SELECT count(*) FROM code_name")
for row in 'zh,HTTP,404,,未找到,a||b:terms' 'zh,HTTP,404,,未找到,a|:terms' 'zh,HTTP,404,,未找到, a:terms' \
	'zh,HTTP,404,,,:name' 'zh,HTTP,404,, 未找到,x:name' 'xx,HTTP,404,,x,y:locale' 'zh,HTTP,477,,x,y:code' 'zh,NOPE,404,,x,y:protocol'; do
	line=${row%:*}
	printf 'locale,protocol,code,vendor,name,terms\n%s\n' "$line" >"$work/bad.csv"
	expect_code 1 "refused: $line" "$CODEKB_IMPORT" --db "$db" "$work/bad.csv"
	grep -q "^codekb-import: $work/bad.csv:2:" "$work/err" && pass "the error names the row" || fail "error: $(head -1 "$work/err")"
done
[ "$(sqlite3 "$db" "SELECT count(*) FROM code_name")" = "$before" ] && pass "no bad row was written" || fail "a bad row was written"

# export names: the shipped SIP and HTTP names, in every language, import
# into a database without names as the same rows
full="$work/full.db"
sip_http_db "$full"
rows() { sqlite3 "$1" "SELECT * FROM code_name ORDER BY protocol, code, vendor, locale"; }
expect_code 0 "export names" "$CODEKB" --db "$full" export names --output "$work/names.csv"
expect_line "$work/names.csv" "$(printf 'locale,protocol,code,vendor,name,terms\r')" "a names file's header"
n=$(tail -n +2 "$work/names.csv" | wc -l)
[ "$n" -eq "$(sqlite3 "$full" "SELECT count(*) FROM code_name")" ] && pass "a line per row, English's terms too ($n)" || fail "$n lines"
expect_in "$work/names.csv" "en,SIP,486,,," "an English row carries terms only"
fresh="$work/fresh.db"
# shellcheck disable=SC2046
"$CODEKB_IMPORT" --db "$fresh" $(ls "$CODEKB_SRC"/data/*.csv "$CODEKB_SRC"/data/ui/*.csv \
	"$CODEKB_SRC"/data/sip/*.csv "$CODEKB_SRC"/data/http/*.csv \
	"$CODEKB_SRC"/data/equivalents/equivalents*.csv | grep -v -e vendors -e /names-) >/dev/null
expect_code 0 "import the export into a database without names" "$CODEKB_IMPORT" --db "$fresh" "$work/names.csv"
expect_line "$work/out" "codekb-import: names: $n added, 0 replaced, 0 skipped, 0 unchanged" "every row is added"
[ "$(rows "$fresh")" = "$(rows "$full")" ] && pass "the same code_name rows" || fail "the rows differ"
"$CODEKB" --db "$fresh" export names >"$work/again.csv"
cmp -s "$work/names.csv" "$work/again.csv" && pass "and the same export, byte for byte" || fail "the second export differs"
expect_code 0 "export names --lang ja --protocol sip" "$CODEKB" --db "$full" export names --lang ja-JP --protocol sip
n=$(tail -n +2 "$work/out" | grep -vc '^ja,SIP,')
[ "$n" -eq 0 ] && pass "only SIP's Japanese names" || fail "$n other rows"
expect_code 0 "export names as JSON" "$CODEKB" --db "$full" export names --lang zh --protocol sip --format json
expect_in "$work/out" '{"locale":"zh","protocol":"SIP","code":"486","vendor":null,"name":"' "a JSON object per row"
if command -v jq >/dev/null; then
	[ "$(jq length "$work/out")" -eq "$(sqlite3 "$full" "SELECT count(*) FROM code_name WHERE protocol = 'SIP' AND locale = 'zh'")" ] &&
		pass "one object per name" || fail "$(jq length "$work/out") objects"
fi
expect_code 0 "export names as Markdown" "$CODEKB" --db "$full" export names --lang en --protocol http --format md
expect_in "$work/out" "| locale | protocol | code | vendor | name | terms |" "a Markdown table"
finish
