# mcp.sh - `codekb mcp`, the MCP server: the MCP SDK's client drives it
# (tests/e2e/mcp.mjs), then raw lines that no client would send each get
# their JSON-RPC error or tool error, the server stays up and answers a
# ping, and the database is unchanged.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
before=$(sha256sum "$db" | cut -d' ' -f1)

# 1. The SDK's client: every tool, a resource, 1,000 calls.
if ! command -v node >/dev/null; then
	fail "node is missing: run scripts/deps test"
elif [ ! -d "$CODEKB_SRC/node_modules/@modelcontextprotocol/sdk" ]; then
	fail "node_modules has no @modelcontextprotocol/sdk: run scripts/deps test (npm ci)"
else
	# the sanitizers keep freed memory in quarantine, so RSS grows there
	if [ -n "${CODEKB_SAMPLE:-}" ]; then rss_limit=0; else rss_limit=2048; fi
	CODEKB="$CODEKB" MCP_DB="$db" MCP_RSS_LIMIT_KB=$rss_limit \
		MCP_CODE_COUNT=$(sqlite3 "$db" "SELECT count(*) FROM code") \
		node "$CODEKB_SRC/tests/e2e/mcp.mjs" >"$work/mjs" 2>&1
	echo "node exit $?" >>"$work/mjs"
	while IFS= read -r line; do
		case $line in
		"PASS "*) pass "mcp.mjs: ${line#PASS }" ;;
		"FAIL "*) fail "mcp.mjs: ${line#FAIL }" ;;
		"# "*) echo "$line" ;;
		"node exit 0") ;;
		"node exit "*) fail "mcp.mjs: $line" ;;
		*) echo "#   $line" ;;
		esac
	done <"$work/mjs"
fi

# 2. Raw lines, one answer a line (none for a notification), in order.
req() { printf '{"jsonrpc":"2.0","id":%s,"method":"%s","params":%s}\n' "$1" "$2" "$3"; }
call() { req "$1" tools/call "{\"name\":\"$2\",\"arguments\":$3}"; }
{
	printf '{"jsonrpc":"2.0", "id": 1, "method": \n'            # 1 malformed
	printf '[1, 2, 3]\n'                                         # 2 not an object
	printf '"ping"\n'                                            # 3 not an object
	req 4 no/such/method '{}'                                    # 4
	call 5 no_such_tool '{}'                                     # 5
	head -c 2097152 /dev/zero | tr '\0' 'x'; echo                # 6 2 MiB
	awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }' # 7
	printf '{"jsonrpc":"2.0","id":8,"method":"ping","params":{"x":"\377\376"}}\n' # 8 not UTF-8
	printf '{"jsonrpc":"2.0","id":9,"method":"ping","params":{"x":"a\0b"}}\n'   # 9 a NUL byte
	printf '{"jsonrpc":"2.0","method":"notifications/initialized"}\n'          # no answer
	printf '{"jsonrpc":"2.0","method":"no/such/notification"}\n'               # no answer
	call 10 sql '{"sql":"INSERT INTO protocol VALUES ('"'X'"', '"'x'"', '"''"')"}' # 10
	call 11 sql "{\"sql\":\"ATTACH '$work/other.db' AS other\"}"  # 11
	call 12 sql '{"sql":"SELECT load_extension('"'x'"')"}'       # 12
	call 13 sql '{"sql":"PRAGMA query_only = 0"}'                # 13
	call 14 sql '{"sql":"SELECT 1; SELECT 2"}'                   # 14
	call 15 sql '{"sql":"SELECT fts3_tokenizer('"'simple'"')"}'  # 15
	call 16 sql '{"sql":"SELECT hex(randomblob(700000)) AS x"}'  # 16 over 1 MiB
	call 17 sql '{"sql":"\"; DROP TABLE code; --"}'              # 17 hostile string
	call 18 lookup '{"protocol":"SIP"}'                          # 18 no code
	call 19 lookup '{"protocol":"SIP","code":486}'               # 19 not a string
	call 20 lookup '{"protocol":"SIP","code":"486","lang":"xx"}' # 20 bad lang
	printf '{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}\n'    # 21 bad id
	printf '{"jsonrpc":"1.0","id":22,"method":"ping"}\n'         # 22 bad version
	req 23 resources/read '{"uri":"codekb://en/SIP/999"}'        # 23 no such page
	req 24 resources/read '{"uri":"http://example.com/"}'        # 24 not ours
	req 25 resources/list '{"cursor":"bogus"}'                   # 25 bad cursor
	req 26 initialize '{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}' # 26
	req 27 initialize '{"protocolVersion":"1999-01-01","capabilities":{},"clientInfo":{"name":"sh","version":"1"}}' # 27
	printf '\n'                                                  # an empty line: nothing
	call 28 sql '{"sql":"SELECT 1; DELETE FROM code"}'           # 28
	call 29 lookup '{"protocol":"SIP","code":"486","colour":"red"}' # 29
	req 30 tools/call '{"name":"lookup","arguments":["SIP","486"]}' # 30
	req 31 ping '{}'                                             # 31
} >"$work/in"
"$CODEKB" mcp --db "$db" <"$work/in" >"$work/out" 2>"$work/err"
status=$?
[ "$status" -eq 0 ] && pass "the server reads to the end of input and exits 0" ||
	fail "the server exited $status: $(head -c 300 "$work/err")"

# reply N TEXT WHAT: answer N (the Nth line of output) holds TEXT.
reply() {
	got=$(sed -n "${1}p" "$work/out" | head -c 400)
	case $got in
	*"$2"*) pass "$3" ;;
	*) fail "$3: answer $1 is '$got'" ;;
	esac
}
reply 1 '"id":null,"error":{"code":-32700,' "malformed JSON: parse error -32700"
reply 2 '"id":null,"error":{"code":-32600,' "an array (a batch): invalid request -32600"
reply 3 '"id":null,"error":{"code":-32600,' "a string: invalid request -32600"
reply 4 '"id":4,"error":{"code":-32601,' "an unknown method: -32601"
reply 5 '"id":5,"error":{"code":-32602,"message":"unknown tool' "an unknown tool: -32602"
reply 6 '"id":null,"error":{"code":-32600,"message":"the message is longer than 1 MiB"' "a 2 MiB line: -32600"
reply 7 '"id":null,"error":{"code":-32600,"message":"the message nests' "a 10,000-deep array: -32600"
reply 8 '"id":null,"error":{"code":-32700,' "bytes that are not UTF-8: parse error -32700"
reply 9 '"id":null,"error":{"code":-32700,' "a NUL byte: parse error -32700"
reply 10 '"id":10,"result":{"content":[{"type":"text","text":"not allowed: codekb sql only reads' "sql INSERT: a tool error"
reply 10 '"isError":true' "sql INSERT: isError"
reply 11 '"id":11,"result":{"content":[{"type":"text","text":"not allowed' "sql ATTACH: a tool error"
reply 12 '"id":12,"result":{"content":[{"type":"text","text":"not allowed' "sql load_extension(): a tool error"
reply 13 '"id":13,"result":{"content":[{"type":"text","text":"not allowed' "sql PRAGMA query_only = 0: a tool error"
reply 14 '"id":14,"result":{"content":[{"type":"text","text":"--format json takes one statement' "sql of two statements: a tool error"
reply 15 '"id":15,"result":{"content":[{"type":"text","text":"not allowed' "sql fts3_tokenizer(): a tool error"
reply 16 '"text":"the result is larger than the 1 MiB an answer holds' "sql of a 1.4 MB value: a tool error"
reply 17 '"id":17,"result":{"content":[{"type":"text","text":"unrecognized token' "a hostile string as sql: a tool error"
reply 17 '"isError":true' "a hostile string as sql: isError"
reply 18 '"id":18,"error":{"code":-32602,"message":"argument '"'code'"' is required"' "lookup without code: -32602"
reply 19 '"id":19,"error":{"code":-32602,"message":"argument '"'code'"' must be a string"' "a number for code: -32602"
reply 20 '"id":20,"result":{"content":[{"type":"text","text":"unknown language' "a bad lang: a tool error"
reply 21 '"id":null,"error":{"code":-32600,' "an object as id: -32600"
reply 22 '"id":22,"error":{"code":-32600,' "jsonrpc 1.0: -32600"
reply 23 '"id":23,"error":{"code":-32002,"message":"no SIP code 999; nearest:' "a code page that does not exist: -32002"
reply 23 '"data":{"uri":"codekb://en/SIP/999"}' "-32002 names the uri"
reply 24 '"id":24,"error":{"code":-32602,' "a uri not of codekb: -32602"
reply 25 '"id":25,"error":{"code":-32602,"message":"invalid cursor"' "a bad cursor: -32602"
reply 26 '"id":26,"result":{"protocolVersion":"2024-11-05"' "initialize with 2024-11-05 gets it"
reply 27 '"id":27,"result":{"protocolVersion":"2025-06-18"' "initialize with an unknown revision gets 2025-06-18"
reply 28 '"id":28,"result":{"content":[{"type":"text","text":"not allowed' "sql of a SELECT and a DELETE: a tool error"
reply 29 '"id":29,"error":{"code":-32602,"message":"unknown argument '"'colour'"'"' "an argument the tool does not take: -32602"
reply 30 '"id":30,"error":{"code":-32602,"message":"arguments must be an object"' "arguments as an array: -32602"
reply 31 '{"jsonrpc":"2.0","id":31,"result":{}}' "the server answers a ping after all that"
n=$(wc -l <"$work/out")
[ "$n" -eq 31 ] && pass "31 answers: none for the notifications or the empty line" ||
	fail "$n answers, wanted 31"
# the sqlite3 shell's ASCII mode takes each line as a row
tr '\n' '\036' <"$work/out" >"$work/rows"
valid=$(sqlite3 :memory: "CREATE TABLE t (x)" ".mode ascii" ".import $work/rows t" \
	".mode list" "SELECT count(*) || ' ' || sum(json_valid(x)) FROM t")
[ "$valid" = "31 31" ] && pass "every answer is one line of valid JSON" ||
	fail "not every answer is valid JSON: $valid"
[ -e "$work/other.db" ] && fail "ATTACH created a file" || pass "ATTACH created no file"
[ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ] && pass "the database is unchanged" ||
	fail "the database changed"

# 3. A query that runs past the time limit is stopped, and the server goes on.
{
	call 1 sql '{"sql":"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"}'
	req 2 ping '{}'
} | "$CODEKB" mcp --db "$db" >"$work/out" 2>"$work/err"
reply 1 '"text":"the query ran past its time limit of 5 s' "a runaway query is stopped at 5 s: a tool error"
reply 2 '"id":2,"result":{}' "and the server answers a ping after it"
finish
