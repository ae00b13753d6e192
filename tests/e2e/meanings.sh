# meanings.sh - the model beyond integer codes: SMTP's dotted enhanced
# status codes imported from the registry's own CSV, numbers with several
# meanings (registered and vendors'), equivalents across protocols, and
# malformed keys refused without touching the database.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
sip_http_db "$db"
reg="$CODEKB_SRC/tests/fixtures/registry/smtp-enhanced-status-codes.csv"

# -- SMTP: the protocol, its classes, then the registry's export as it is
cat >"$work/smtp.csv" <<'CSV'
protocol,name,reference,shapes
SMTP,Simple Mail Transfer Protocol,RFC5321,number dotted
CSV
cat >"$work/smtp-classes.csv" <<'CSV'
protocol,class,first,last,name
SMTP,2xx,200,299,Positive Completion
SMTP,3xx,300,399,Positive Intermediate
SMTP,4xx,400,499,Transient Negative Completion
SMTP,5xx,500,599,Permanent Negative Completion
SMTP,2.XXX.YYY,2.0.0,2.999.999,Success
SMTP,4.XXX.YYY,4.0.0,4.999.999,Persistent Transient Failure
SMTP,5.XXX.YYY,5.0.0,5.999.999,Permanent Failure
CSV
cat >"$work/smtp-codes.csv" <<'CSV'
protocol,code,reason,reference,section
SMTP,550,"Requested action not taken: mailbox unavailable",RFC5321,4.2.3
SMTP,451,"Requested action aborted: local error in processing",RFC5321,4.2.3
CSV
expect_code 0 "import SMTP with its classes" "$CODEKB_IMPORT" --db "$db" "$work/smtp.csv" "$work/smtp-classes.csv" "$work/smtp-codes.csv"
expect_code 0 "import the registry's CSV, cells spanning lines" "$CODEKB_IMPORT" --db "$db" --kind iana --protocol SMTP "$reg"
expect_in "$work/out" "iana: " "the registry rows are counted"
n=$(sqlite3 "$db" "SELECT count(*) FROM code WHERE protocol = 'SMTP' AND code GLOB '[245].*'")
[ "$n" -gt 81 ] && pass "each generic code is stored under its classes ($n codes)" || fail "only $n enhanced codes"
expect_code 0 "re-import of the registry" "$CODEKB_IMPORT" --db "$db" --kind iana --protocol SMTP "$reg"
expect_in "$work/out" "0 added, 0 replaced" "re-importing the registry changes nothing"

expect_code 0 "show SMTP 5.7.26" "$CODEKB" --db "$db" show SMTP 5.7.26
expect_in "$work/out" "# SMTP 5.7.26 Multiple authentication checks failed" "its title has the typed key and the sample text"
expect_in "$work/out" "5.XXX.YYY Permanent Failure" "the page names the class of the typed code"
expect_in "$work/out" "basic replies 550" "and the basic replies that go with it"
expect_code 0 "show SMTP 550" "$CODEKB" --db "$db" show SMTP 550
expect_code 1 "X.7.26 is not 2.7.26" "$CODEKB" --db "$db" show SMTP 2.7.26
expect_code 1 "the generic form is explained" "$CODEKB" --db "$db" show SMTP X.1.1
expect_line "$work/err" "codekb: SMTP X.1.1 is the registry's generic form; give its class: 4.1.1 or 5.1.1" "the generic key names its classes"
expect_code 0 "compare SMTP 5.1.1 5.7.1" "$CODEKB" --db "$db" compare SMTP 5.1.1 5.7.1
expect_in "$work/out" "# SMTP 5.1.1 Bad destination mailbox address vs 5.7.1 Delivery not authorized, message refused" "the comparison's title"
expect_code 0 "search 5.7" "$CODEKB" --db "$db" search 5.7 --format csv
n7=$(grep -c '^SMTP,5\.7\.' "$work/out")
other=$(grep -v '^protocol' "$work/out" | grep -vc '^SMTP,5\.7\.')
want=$(sqlite3 "$db" "SELECT count(*) FROM code WHERE protocol = 'SMTP' AND code GLOB '5.7.*'")
[ "$n7" = "$want" ] && [ "$other" = 0 ] && pass "search 5.7 lists every enhanced code under 5.7 ($want)" || fail "search 5.7: $n7 of $want, $other others"
expect_code 0 "list --protocol smtp --class 5" "$CODEKB" --db "$db" list --protocol smtp --class 5 --format csv
expect_in "$work/out" "SMTP,550," "class 5 has the basic 5xx replies"
expect_in "$work/out" "SMTP,5.7.26," "and the 5.x.x enhanced codes"
if grep -q '^SMTP,4' "$work/out"; then fail "class 5 lists a 4 code"; else pass "and nothing of class 4"; fi

# -- malformed keys: refused at FILE:LINE:COL, the database byte-identical
cp "$db" "$work/before.db"
i=0
for key in 5.7 5.07.1 9.1.1 5.1.1.1 55O; do
	i=$((i + 1))
	printf 'protocol,code,reason\nSMTP,%s,Bad key\n' "$key" >"$work/bad$i.csv"
	expect_code 1 "import refuses code $key" "$CODEKB_IMPORT" --db "$db" "$work/bad$i.csv"
	expect_in "$work/err" "bad$i.csv:2:2: code '$key' " "the message names FILE:LINE:COL and the key $key"
	expect_code 1 "show refuses $key" "$CODEKB" --db "$db" show SMTP "$key"
	lines=$(wc -l <"$work/err")
	[ "$lines" = 1 ] && pass "one line for $key: $(cat "$work/err")" || fail "$lines lines for $key"
done
cmp -s "$db" "$work/before.db" && pass "the database is byte-identical after the refused keys" || fail "the refused imports changed the database"

# -- several meanings for one number
cat >"$work/vendors.csv" <<'CSV'
protocol,code,reason,status,vendor,description
HTTP,451,Redirect,unofficial,Microsoft IIS,"Exchange ActiveSync on IIS answers 451 with an X-MS-Location header naming the mailbox server the client should use instead."
HTTP,499,Client Closed Request,unofficial,nginx,"nginx logs 499 when the client closed the connection before the response was sent; the client never sees it."
HTTP,499,Token Required,unofficial,Esri,"ArcGIS Server answers 499 when a request for a secured service carries no token."
CSV
expect_code 0 "import an IIS 451 and two 499s" "$CODEKB_IMPORT" --db "$db" "$work/vendors.csv"
expect_code 0 "show HTTP 451" "$CODEKB" --db "$db" show HTTP 451
expect_in "$work/out" "# HTTP 451 Unavailable For Legal Reasons" "the registered meaning"
expect_in "$work/out" "# HTTP 451 Redirect" "and IIS's"
expect_in "$work/out" "451 Redirect is not in the registry: it is a code of Microsoft IIS." "the vendor is named"
reg_at=$(grep -n '^# HTTP 451 Unavailable' "$work/out" | cut -d: -f1)
iis_at=$(grep -n '^# HTTP 451 Redirect' "$work/out" | cut -d: -f1)
[ "$reg_at" -lt "$iis_at" ] && pass "the registered meaning comes first" || fail "order $reg_at $iis_at"
expect_in "$work/out" "Other meanings of 451: Redirect (Microsoft IIS)." "the registered page mentions the collision"
expect_in "$work/out" "Other meanings of 451: Unavailable For Legal Reasons (registered)." "and so does IIS's"
expect_code 0 "show HTTP 451 --vendor 'microsoft iis'" "$CODEKB" --db "$db" show HTTP 451 --vendor "microsoft iis"
if grep -q "Unavailable For Legal Reasons is" "$work/out"; then fail "--vendor shows one meaning"; else pass "--vendor shows only that meaning"; fi
expect_code 0 "show HTTP 499" "$CODEKB" --db "$db" show HTTP 499
expect_in "$work/out" "it is a code of nginx" "show 499 names nginx as the code's owner"
expect_in "$work/out" "it is a code of Esri" "and Esri"
expect_code 1 "compare HTTP 499 408 asks for a vendor" "$CODEKB" --db "$db" compare HTTP 499 408
expect_line "$work/err" "codekb: HTTP 499 has no registered meaning and several unofficial ones; choose one with --vendor: Esri, nginx" "and names the choices"
expect_code 0 "compare HTTP 499 408 --vendor nginx" "$CODEKB" --db "$db" compare HTTP 499 408 --vendor nginx
expect_in "$work/out" "# HTTP 499 (nginx) Client Closed Request vs 408 Request Timeout" "compares nginx's 499 with 408"
expect_in "$work/out" "499 Client Closed Request is not in the registry: it is a code of nginx." "the comparison page says whose code 499 is"
expect_code 1 "an unknown vendor" "$CODEKB" --db "$db" show HTTP 499 --vendor Apache
expect_line "$work/err" "codekb: HTTP 499 has no meaning of vendor 'Apache'; its vendors: Esri, nginx" "names the vendors there are"
expect_code 0 "list marks vendors" "$CODEKB" --db "$db" list --protocol http --class 4 --format csv
expect_in "$work/out" "HTTP,499,Client Closed Request,,4xx Client Error,unofficial,nginx" "list names nginx's 499 (without a name in English)"
expect_code 0 'search "Client Closed Request"' "$CODEKB" --db "$db" search "Client Closed Request" --format csv
if head -n 2 "$work/out" | grep -q '^HTTP,499 (nginx),Client Closed Request'; then pass "finds nginx's 499 first"; else fail "search: $(head -n 2 "$work/out" | tail -n 1)"; fi
cat >"$work/vtext.csv" <<'CSV'
locale,protocol,code,vendor,description
zh,HTTP,499,nginx,nginx 在客户端于响应发出之前关闭连接时记录 499；客户端永远看不到它。
CSV
expect_code 0 "a translation names its meaning" "$CODEKB_IMPORT" --db "$db" "$work/vtext.csv"
expect_code 0 "show the zh page of nginx's 499" "$CODEKB" --db "$db" show HTTP 499 --vendor nginx --lang zh
expect_in "$work/out" "nginx 在客户端于响应发出之前关闭连接时记录 499" "the translation is nginx's"
cat >"$work/vnote.csv" <<'CSV'
locale,protocol,code_a,vendor_a,code_b,note
en,HTTP,499,nginx,408,"408 is sent by a server that gave up waiting for the client; 499 is only logged by nginx when the client gave up first."
CSV
expect_code 0 "a note names its meaning" "$CODEKB_IMPORT" --db "$db" "$work/vnote.csv"
expect_code 0 "the note is on the page" "$CODEKB" --db "$db" compare HTTP 408 499 --vendor nginx
expect_in "$work/out" "only logged by nginx when the client gave up first" "the vendor's note shows both ways"

# -- equivalents across protocols
expect_code 0 "compare HTTP 503 SIP 503" "$CODEKB" --db "$db" compare HTTP 503 SIP 503
expect_in "$work/out" "# HTTP 503 Service Unavailable vs SIP 503 Service Unavailable" "names both protocols"
expect_in "$work/out" "fails over to the next server it found in DNS" "carries the equivalent's note"
expect_code 0 "a code page lists its equivalents" "$CODEKB" --db "$db" show SIP 404 --lang ja
expect_in "$work/out" "## ほかのプロトコルの対応コード" "under its heading"
expect_in "$work/out" "[HTTP 404 Not Found](/http/404.md)" "with a link"
cat >"$work/eq.csv" <<'CSV'
locale,protocol_a,code_a,protocol_b,code_b,note
en,SMTP,5.1.1,HTTP,404,"Both say the addressee does not exist; a mail server bounces the message, where a web client shows an error page."
CSV
expect_code 0 "an equivalent is imported from CSV, in either order" "$CODEKB_IMPORT" --db "$db" "$work/eq.csv"
expect_code 0 "the SMTP page lists it" "$CODEKB" --db "$db" show SMTP 5.1.1 --format json
if command -v jq >/dev/null; then
	jq -e '.equivalents[0].protocol == "HTTP" and .equivalents[0].code == "404"' "$work/out" >/dev/null &&
		pass "the JSON page lists the equivalent" || fail "equivalents JSON"
fi
printf 'locale,protocol_a,code_a,protocol_b,code_b,note\nen,SIP,404,SIP,604,same protocol\n' >"$work/eq-bad.csv"
expect_code 1 "an equivalent within one protocol is refused" "$CODEKB_IMPORT" --db "$db" "$work/eq-bad.csv"
expect_in "$work/err" "eq-bad.csv:2:4: an equivalent links codes of two protocols" "and says to write a note"
# The registry gives SMTP's codes no prose yet, and the vendors' codes
# above have a description only: check names exactly those texts.
expect_code 1 "check with codes that have no prose yet" "$CODEKB" --db "$db" check
expect_in "$work/out" "SMTP 5.7.26 en description: no English text" "check names the missing texts"
expect_in "$work/out" "HTTP 499 (nginx) en when_seen: no English text" "of each meaning"
others=$(grep -v ': no English text' "$work/out" | grep -vc '^codekb check')
[ "$others" = 0 ] && pass "and finds nothing else on any page" || fail "check: $(grep -v ': no English text' "$work/out" | head -3)"

# -- no silent truncation: a long reason is kept whole, in UTF-8
long="Gateway refused the message because its authentication results named a domain that is not aligned — über lang, 非常に長い理由"
printf 'Value,Description,Reference\n599,"%s",[RFC9110]\n' "$long" >"$work/long.csv"
expect_code 0 "a registry reason longer than 64 bytes" "$CODEKB_IMPORT" --db "$db" --kind iana --protocol HTTP "$work/long.csv"
got=$(sqlite3 "$db" "SELECT reason FROM code WHERE protocol = 'HTTP' AND code = '599' AND vendor = ''")
[ "$got" = "$long" ] && pass "is kept whole" || fail "reason became '$got'"
finish
