# search.sh - `codekb search`: numbers, prefixes, classes, current and
# former phrases, and free text in English, Chinese and Japanese; and an
# import that changes a text changes what search finds.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
search() { "$CODEKB" --db "$db" search "$@" --format csv | tr -d "\r"; }

# codes SEARCH-ARGS...: the "PROTO CODE" of each result, in order
codes() { search "$@" | tail -n +2 | cut -d, -f1,2 | tr ',' ' '; }

top5=$(codes busy | head -5)
case "$top5" in *"SIP 486"*) case "$top5" in *"SIP 600"*) pass "busy: SIP 486 and 600 in the first five";;
	*) fail "busy: no SIP 600 in $top5";; esac;; *) fail "busy: no SIP 486 in $top5";; esac

codes 忙 --lang zh >"$work/r"; expect_in "$work/r" "SIP 486" "忙 --lang zh finds SIP 486"
codes 認証 --lang ja >"$work/r"
for c in "SIP 401" "SIP 407" "HTTP 401" "HTTP 407"; do expect_in "$work/r" "$c" "認証 --lang ja finds $c"; done
codes 认证 --lang zh >"$work/r"; expect_in "$work/r" "SIP 401" "认证 --lang zh finds SIP 401"

# the shipped names and terms (data/*/names-*.csv) find codes by the words
# each language uses
for q in "未找到|zh|HTTP 404" "占线|zh|SIP 486" "服务不可用|zh|HTTP 503" "見つかりません|ja|HTTP 404" \
	"話し中|ja|SIP 486" "찾을 수 없음|ko|HTTP 404" "unauthorised|en|HTTP 401" "throttled|en|HTTP 429"; do
	word=${q%%|*}; rest=${q#*|}; lang=${rest%%|*}; want=${rest#*|}
	codes "$word" --lang "$lang" | head -3 >"$work/r"
	grep -qx "$want" "$work/r" && pass "$word --lang $lang: $want in the first three" || fail "$word --lang $lang: $(tr '\n' ';' <"$work/r")"
done

search "Payload Too Large" >"$work/r"
expect_line "$work/r" "protocol,code,reason,match" "csv header"
first=$(sed -n 2p "$work/r")
case "$first" in "HTTP,413,Content Too Large,"*"another name"*) pass "Payload Too Large: HTTP 413 first, named as another name";;
	*) fail "Payload Too Large: first row is '$first'";; esac
search "Unprocessable Entity" --lang zh >"$work/r"; expect_in "$work/r" "HTTP,422,Unprocessable Content,“Unprocessable Entity”是 HTTP 422 Unprocessable Content 的另一个名称" "former phrase in zh"
search "Unsupported Certificate" --lang ja >"$work/r"; expect_in "$work/r" "SIP,437,Unsupported Credential,「Unsupported Certificate」は SIP 437 Unsupported Credential の別名" "former phrase in ja"
search "Not Found" --protocol http >"$work/r"; expect_line "$work/r" "protocol,code,reason,match" "header"
second=$(sed -n 2p "$work/r"); case "$second" in "HTTP,404,Not Found,"*) pass "a current phrase gives its code first";; *) fail "Not Found: '$second'";; esac

codes 404 >"$work/r"
if [ "$(head -2 "$work/r" | sort | tr '\n' ' ')" = "HTTP 404 SIP 404 " ]; then pass "404 gives that code in every protocol first"
else fail "404: $(head -3 "$work/r" | tr '\n' ' ')"; fi
want=$(printf 'SIP %s\n' 480 481 482 483 484 485 486 487 488 489)
got=$(codes 48 --protocol sip)
if [ "$got" = "$want" ]; then pass "48 --protocol sip gives SIP 480 to 489 and nothing else"
else fail "48 --protocol sip: $(echo "$got" | tr '\n' ' ')"; fi
n=$(codes 6xx --protocol sip | wc -l); if [ "$n" -eq 7 ]; then pass "6xx gives the six SIP 6xx codes and sofia-sip's 687"; else fail "6xx gave $n"; fi
codes "retry later" >"$work/r"; expect_in "$work/r" "SIP 486" "retry later finds SIP 486"

# A CJK word of one or two letters and a longer word must both match.
search "忙 Busy" --lang zh >"$work/r"; expect_in "$work/r" "SIP,600,Busy Everywhere" "忙 Busy finds SIP 600"
expect_code 0 "忙 Busy" "$CODEKB" --db "$db" search "忙 Busy" --lang zh --format csv
# the codes that have both come first; those with one word follow
top2=$(sed -n 2,3p "$work/out" | cut -d, -f1,2 | tr '\n' ' ')
[ "$top2" = "SIP,486 SIP,600 " ] && pass "忙 Busy: the codes with both words first" || fail "忙 Busy: $top2 first"
n489=$(grep -n "^SIP,489," "$work/out" | cut -d: -f1)
[ "${n489:-0}" -gt 3 ] && pass "忙 Busy: a text with 忙 alone after them" || fail "忙 Busy: SIP 489 at line ${n489:-none}"
# A short word in another script is in neither index: a substring scan.
codes IP --protocol sip >"$work/r"; expect_in "$work/r" "SIP 403" "IP finds SIP 403 by a substring scan"

expect_code 1 "no match" "$CODEKB" --db "$db" search "zzqqxx"
expect_line "$work/err" "codekb: no code matches 'zzqqxx'" "says there is no match"
expect_code 0 "search --format json" "$CODEKB" --db "$db" search 忙 --lang zh --format json
if command -v jq >/dev/null && jq -e '.[0].match | test("\\*\\*忙\\*\\*")' "$work/out" >/dev/null; then
	pass "json snippet highlights the match"; else fail "json snippet"; fi

# codekb_bm25 (lib/rank.c) is bm25 with the document length given: the
# same score for every match of words common and rare, Latin and CJK.
for q in '"the"' '"request"' '"the" "request"' '"リクエ"' '"请求的"' '"Retry-After"'; do
	"$CODEKB" --db "$db" sql "WITH s AS MATERIALIZED (
		SELECT bm25(search_fts) AS a,
		       codekb_bm25(search_fts, max(length(d.body) - 2, 0)) AS b
		FROM search_fts JOIN search_doc AS d ON d.id = search_fts.rowid
		WHERE search_fts MATCH '$q')
		SELECT count(*) > 0 AND sum(abs(a - b) > 1e-9 * (1 + abs(a))) = 0 FROM s" \
		--format csv >"$work/r"
	[ "$(tail -n 1 "$work/r" | tr -d '\r')" = 1 ] && pass "codekb_bm25 equals bm25 for $q" ||
		fail "codekb_bm25 differs from bm25 for $q: $(cat "$work/r")"
done
expect_code 1 "codekb_bm25 without a length" "$CODEKB" --db "$db" sql \
	"SELECT codekb_bm25(search_fts) FROM search_fts WHERE search_fts MATCH '\"the\"'"

# segments TABLE: how many segments an FTS5 index has, from its structure
# record (row 10 of TABLE_data: a 4-byte cookie, then the varints nLevel
# and nSegment, each one byte while below 128).
segments() { echo $((0x$(sqlite3 "$db" "SELECT substr(hex(block), 11, 2) FROM ${1}_data WHERE id = 10"))); }
# The default database was imported whole, so its indexes were merged.
[ "$(segments search_fts)" = 1 ] && [ "$(segments search_cjk)" = 1 ] &&
	pass "a whole import leaves one segment per index" ||
	fail "segments after a whole import: $(segments search_fts), $(segments search_cjk)"

# The index follows the data in the same transaction as the import.
printf 'locale,protocol,code,description\nzh,SIP,487,请求被取消，电话铃声停止，龘龘之声随之而来。\n' >"$work/t.csv"
expect_code 0 "import a changed text" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/t.csv"
codes 龘龘 --lang zh >"$work/r"; expect_in "$work/r" "SIP 487" "the new text is found"
printf 'locale,protocol,code,description\nzh,SIP,487,请求被取消，电话铃声停止，龖之声随之而来。\n' >"$work/t.csv"
expect_code 0 "import the text changed again" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/t.csv"
expect_code 1 "the word of the replaced text is gone" "$CODEKB" --db "$db" search 龘龘
codes 龖 --lang zh >"$work/r"; expect_in "$work/r" "SIP 487" "the word of the new text is found"
printf 'protocol,code,reason,former\nSIP,487,Request Terminated,Call Cancelled\n' >"$work/c.csv"
expect_code 0 "import a changed former phrase" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/c.csv"
search "Call Cancelled" >"$work/r"; expect_in "$work/r" "SIP,487,Request Terminated" "the new former phrase is found"

[ "$(segments search_fts)" -gt 1 ] && pass "small imports add segments, no merge" ||
	fail "a small import merged the index"

# --optimize merges the indexes and changes no result.
codes busy >"$work/before"; codes 認証 --lang ja >"$work/before-cjk"
expect_code 0 "codekb-import --optimize" "$CODEKB_IMPORT" --db "$db" --optimize
codes busy >"$work/after"; codes 認証 --lang ja >"$work/after-cjk"
cmp -s "$work/before" "$work/after" && cmp -s "$work/before-cjk" "$work/after-cjk" \
	&& pass "the same results after --optimize" || fail "--optimize changed the results"
[ "$(segments search_fts)" = 1 ] && pass "--optimize leaves one segment" ||
	fail "--optimize left $(segments search_fts) segments"
n=$(sqlite3 "$db" "SELECT count(*) FROM search_pending")
[ "$n" = 0 ] && pass "nothing waits to be indexed" || fail "$n documents wait"
# the query is bounded, so that its cost cannot grow with its square
q256=$(printf 'busy %.0s' $(seq 1 51))x
[ ${#q256} -eq 256 ] || fail "the test's query is ${#q256} characters"
expect_code 0 "a query of 256 characters runs" "$CODEKB" --db "$db" search "$q256"
[ "$(head -1 "$work/out")" != "" ] && pass "and finds busy codes (the short word is left out)" || fail "no result"
long=$(printf 'busy %.0s' $(seq 1 4000))
expect_code 1 "a query of 20000 characters is refused" "$CODEKB" --db "$db" search "$long"
expect_line "$work/err" "codekb: the search text has 20000 characters; search takes at most 256" "in one line"
[ "$(wc -l <"$work/err")" -eq 1 ] && pass "only that line" || fail "$(wc -l <"$work/err") lines"
cjk=$(printf '忙%.0s' $(seq 1 257))
expect_code 1 "a query of 257 CJK characters is refused" "$CODEKB" --db "$db" search "$cjk" --lang zh
expect_line "$work/err" "codekb: the search text has 257 characters; search takes at most 256" "characters are counted, not bytes"
# what search tries when a query matches nothing as it is, and says so
note() { "$CODEKB" --db "$db" search "$@" --format csv 2>&1 >/dev/null; }
first() { codes "$@" 2>/dev/null | head -1; }
for q in "gatway timeout|HTTP 504|no code matches 'gatway timeout'; did you mean 'Gateway Timeout'?" \
	"Servce Unavailable|HTTP 503|no code matches 'Servce Unavailable'; did you mean 'Service Unavailable'?" \
	"Unathorized|HTTP 401|no code matches 'Unathorized'; did you mean 'Unauthorized'?" \
	"unauthorised|HTTP 401|did you mean 'Unauthorized'? 'unauthorised' is another spelling" \
	"4O4|HTTP 404|'4O4' is not a code number; did you mean '404'?" \
	"busy xyzzy|SIP 486|no code matches 'busy xyzzy' as a whole; these match some of its words"; do
	word=${q%%|*}; rest=${q#*|}; want=${rest%%|*}; msg=${rest#*|}
	got=$(first "$word")
	[ "$got" = "$want" ] && pass "$word: $want first" || fail "$word: '$got' first, wanted $want"
	got=$(note "$word")
	[ "$got" = "codekb: $msg" ] && pass "$word: says what it tried" || fail "$word: said '$got'"
done
# a name typed without (some of) its accents is that name, before the
# texts that hold its words apart ("non autorise": not "Non-ASCII")
for q in "fr|acces refuse|HTTP 403|accès refusé" "fr|non autorise|HTTP 401|Non autorisé" \
	"pt|nao encontrado|HTTP 404|Não encontrado" "de|Zeituberschreitung|WEBSOCKET 3008|Zeitüberschreitung" \
	"fr|accès refuse|HTTP 403|accès refusé"; do
	lang=${q%%|*}; rest=${q#*|}; word=${rest%%|*}; rest=${rest#*|}
	want=${rest%%|*}; name=${rest#*|}
	got=$(first "$word" --lang "$lang")
	[ "$got" = "$want" ] && pass "$word --lang $lang: $want first" || fail "$word --lang $lang: '$got' first, wanted $want"
	got=$(note "$word" --lang "$lang")
	[ "$got" = "codekb: did you mean '$name'? '$word' is that without its accents" ] &&
		pass "$word: says it is $name without its accents" || fail "$word: said '$got'"
done
# a Korean name typed without its spaces is that name: HTTP 404 before
# gRPC 5, which the word 찾을 alone found first
for q in "찾을수없음|HTTP 404|찾을 수 없음" "요청시간초과|HTTP 408|요청 시간 초과"; do
	word=${q%%|*}; rest=${q#*|}; want=${rest%%|*}; name=${rest#*|}
	got=$(first "$word" --lang ko)
	[ "$got" = "$want" ] && pass "$word --lang ko: $want first" || fail "$word --lang ko: '$got' first, wanted $want"
	got=$(note "$word" --lang ko)
	[ "$got" = "codekb: did you mean '$name'? '$word' is that spaced differently" ] &&
		pass "$word: says it is $name spaced differently" || fail "$word: said '$got'"
done
# a Latin query is not respaced: "notfound" is no name, and finds its texts
[ "$(note notfound)" = "" ] && pass "notfound: no note, its texts answer" || fail "notfound: said '$(note notfound)'"
# a code's name says nothing more
[ -z "$(note "Gateway Timeout")" ] && pass "an exact name gets no note" || fail "Gateway Timeout: $(note "Gateway Timeout")"
[ -z "$(note 未找到 --lang zh)" ] && pass "an exact localized name gets no note" || fail "未找到: $(note 未找到 --lang zh)"
# a number with words: the words among the codes of that number
[ "$(first 550 mailbox unavailable)" = "SMTP 550" ] && pass "550 mailbox unavailable: SMTP 550 first, from three arguments" ||
	fail "550 mailbox unavailable: $(first 550 mailbox unavailable)"
# a protocol among the words: the other words among its codes
codes SMTP 认证失败 --lang zh | head -3 >"$work/r"
grep -qx "SMTP 535" "$work/r" && ! grep -qv "^SMTP " "$work/r" && pass "SMTP 认证失败: SMTP codes only, 535 among them" ||
	fail "SMTP 认证失败: $(tr '\n' ';' <"$work/r")"
# a CJK word of several characters that matches nothing whole: its parts
codes 认证失败了吗 --lang zh >"$work/r"
[ -s "$work/r" ] && pass "认证失败了吗 falls back" || fail "认证失败了吗 finds nothing"
# among codes of the same name, the one others map to comes first
[ "$(first 未找到 --lang zh)" = "HTTP 404" ] && pass "未找到: HTTP 404 before gRPC NOT_FOUND" || fail "未找到: $(first 未找到 --lang zh)"
# a word that is near nothing still fails, in one line
expect_code 1 "qqqqzzzz finds nothing" "$CODEKB" --db "$db" search qqqqzzzz
expect_line "$work/err" "codekb: no code matches 'qqqqzzzz'" "and says so"
# the vocabulary follows the data: a name imported is suggested, and gone
# once its code is renamed
printf 'locale,protocol,code,vendor,name,terms\nfr,HTTP,418,,Je suis une théière,\n' >"$work/n.csv"
"$CODEKB_IMPORT" --db "$db" "$work/n.csv" >/dev/null 2>&1
[ "$(first "je suis une theiere" --lang fr)" = "HTTP 418" ] && pass "a name just imported is suggested, accents aside" ||
	fail "je suis une theiere: $(first "je suis une theiere" --lang fr)"
n=$(sqlite3 "$db" "SELECT count(*) FROM search_word WHERE n <= 0")
[ "$n" = 0 ] && pass "no entry of the vocabulary is counted nowhere" || fail "$n entries counted nowhere"
sqlite3 "$db" "SELECT count(*) FROM search_word" >"$work/before"
printf 'locale,protocol,code,vendor,name,terms\nfr,HTTP,418,,Théière,\n' >"$work/n.csv"
"$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/n.csv" >/dev/null 2>&1
w=$(sqlite3 "$db" "SELECT count(*) FROM search_word WHERE word = 'je suis une théière'")
[ "$w" = 0 ] && pass "a name replaced leaves the vocabulary" || fail "the old name is still an entry"

finish
