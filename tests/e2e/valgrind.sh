# valgrind.sh - no leak and no memory error in a compare, a list, searches, a site
# export in two threads, a failed and a good import, and an MCP session.
. "$(dirname "$0")/lib.sh"
vg="$VALGRIND --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"

expect_code 0 "valgrind: compare" $vg "$CODEKB" --db "$db" compare SIP 100 410 --lang zh
expect_code 0 "valgrind: list" $vg "$CODEKB" --db "$db" list --format json
expect_code 0 "valgrind: sql" $vg "$CODEKB" --db "$db" sql "SELECT * FROM code_l10n LIMIT 3"
expect_code 1 "valgrind: refused sql" $vg "$CODEKB" --db "$db" sql "DELETE FROM code"
# every step of search: a whole name, a typo, a look-alike number, parts,
# a number with words, and nothing
expect_code 0 "valgrind: search 未找到" $vg "$CODEKB" --db "$db" search 未找到 --lang zh
expect_code 0 "valgrind: search a typo" $vg "$CODEKB" --db "$db" search gatway timeout
expect_code 0 "valgrind: search 4O4" $vg "$CODEKB" --db "$db" search 4O4
expect_code 0 "valgrind: search without accents" $vg "$CODEKB" --db "$db" search acces refuse --lang fr
expect_code 0 "valgrind: search spaced otherwise" $vg "$CODEKB" --db "$db" search 찾을수없음 --lang ko
expect_code 0 "valgrind: search parts" $vg "$CODEKB" --db "$db" search busy xyzzy 认证失败了吗 --format json
expect_code 0 "valgrind: search a number with words" $vg "$CODEKB" --db "$db" search 550 mailbox unavailable
expect_code 1 "valgrind: search for nothing" $vg "$CODEKB" --db "$db" search qqqqzzzz
m='{"jsonrpc":"2.0","id":'
{
	echo "${m}1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}"
	echo "${m}2,\"method\":\"tools/list\"}"
	for args in '"lookup","arguments":{"protocol":"SIP","code":"486"}' \
		'"compare","arguments":{"protocol":"SIP","a":"486","b":"600","lang":"ja"}' \
		'"search","arguments":{"query":"busy"}' '"list","arguments":{"protocol":"SIP"}' \
		'"sql","arguments":{"sql":"SELECT * FROM code LIMIT 3"}' \
		'"sql","arguments":{"sql":"DELETE FROM code"}' \
		'"lookup","arguments":{"protocol":"SIP"}' '"nope"' \
		'"lookup","arguments":{"protocol":"SIP","code":"486","x":"y"}'; do
		echo "${m}3,\"method\":\"tools/call\",\"params\":{\"name\":$args}}"
	done
	echo "${m}4,\"method\":\"resources/read\",\"params\":{\"uri\":\"codekb://en/SIP/999\"}}"
	echo "${m}5,\"method\":\"resources/list\",\"params\":{\"cursor\":\"400\"}}"
	echo '[not json'
} >"$work/mcp.in"
expect_code 0 "valgrind: an MCP session" sh -c "$vg \"\$1\" mcp --db \"\$2\" <\"\$3\"" sh "$CODEKB" "$db" "$work/mcp.in"
[ "$(wc -l <"$work/out")" -eq 14 ] && pass "valgrind: the MCP session answered 14 lines" ||
	fail "valgrind: the MCP session answered $(wc -l <"$work/out") lines, not 14"
expect_code 0 "valgrind: export site in 2 threads" $vg "$CODEKB" --db "$(CODEKB_SAMPLE=1 site_db)" export site --lang ja --jobs 2 --output "$work/site"
expect_code 0 "valgrind: import of data/" $vg "$CODEKB_IMPORT" --db "$work/new.db" "$CODEKB_SRC/data"
printf 'protocol,code,reason\nSIP,x,Bad\n' >"$work/bad.csv"
expect_code 1 "valgrind: failed import" $vg "$CODEKB_IMPORT" --db "$db" "$work/bad.csv"
finish
