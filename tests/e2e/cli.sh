# cli.sh - the command-line contract: exit statuses, usage errors, help,
# not-found messages with suggestions, and formats.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB

expect_code 0 "--help" "$CODEKB" --help
expect_in "$work/out" "codekb [--db PATH] compare PROTO CODE_A CODE_B" "help shows every command"
expect_code 0 "--version" "$CODEKB" --version
expect_code 0 "codekb-import --help" "$CODEKB_IMPORT" --help
expect_code 2 "no command" "$CODEKB" --db "$db"
expect_code 2 "unknown command" "$CODEKB" --db "$db" frobnicate
expect_in "$work/err" "try 'codekb --help'" "usage error says try --help"
expect_code 2 "missing argument" "$CODEKB" --db "$db" compare SIP 100
expect_code 2 "unknown option" "$CODEKB" --db "$db" list --colour
expect_code 2 "unsupported format" "$CODEKB" --db "$db" compare SIP 100 410 --format xml
expect_code 2 "option a command does not take" "$CODEKB" --db "$db" sql "SELECT 1" --lang ja
expect_code 2 "same code twice" "$CODEKB" --db "$db" compare SIP 100 100
expect_code 2 "importer with no file" "$CODEKB_IMPORT" --db "$work/x.db"

expect_code 1 "code that is not a number" "$CODEKB" --db "$db" show SIP 4O4
expect_line "$work/err" "codekb: SIP 4O4 is not a number (at character 2)" "names the bad code and where"
expect_code 1 "unknown code" "$CODEKB" --db "$db" show sip 499
expect_line "$work/err" "codekb: no SIP code 499; nearest: 491, 493, 494" "suggests the nearest codes"
expect_code 1 "unknown protocol" "$CODEKB" --db "$db" show XMPP 404
expect_line "$work/err" "codekb: unknown protocol 'XMPP'; known: HTTP, SIP" "names the known protocols"
expect_code 1 "unknown language" "$CODEKB" --db "$db" show SIP 486 --lang xx
expect_line "$work/err" "codekb: unknown language 'xx'; available: en, ja, zh" "names the languages"
expect_code 1 "missing database" "$CODEKB" --db "$work/none.db" list
expect_in "$work/err" "none.db': No such file or directory" "names the missing database"

expect_code 0 "zh-CN is zh" "$CODEKB" --db "$db" compare sip 100 410 --lang zh-CN
cp "$work/out" "$work/zh-cn"
"$CODEKB" --db "$db" compare SIP 100 410 --lang zh >"$work/zh"
if cmp -s "$work/zh" "$work/zh-cn"; then pass "zh-CN and zh give the same page"; else fail "zh-CN differs from zh"; fi

CODEKB_DB=$db expect_code 0 "CODEKB_DB chooses the database" "$CODEKB" list --protocol SIP --class 6
expect_in "$work/out" "607   Unwanted" "class filter by digit"
expect_code 1 "unknown class" "$CODEKB" --db "$db" list --protocol SIP --class 9xx

if command -v jq >/dev/null; then
	"$CODEKB" --db "$db" compare SIP 486 600 --format json >"$work/j"
	if jq -e '.codes[1].code == "600" and (.differences | length) >= 4' "$work/j" >/dev/null; then
		pass "compare --format json is valid JSON"; else fail "compare JSON"; fi
	"$CODEKB" --db "$db" show HTTP 418 --format json >"$work/j"
	if jq -e '.status == "unused" and .final == true' "$work/j" >/dev/null; then
		pass "show --format json"; else fail "show JSON"; fi
	"$CODEKB" --db "$db" list --format json >"$work/j"
	if jq -e 'length > 100' "$work/j" >/dev/null; then
		pass "list --format json"; else fail "list JSON"; fi
	"$CODEKB" --db "$db" sql "SELECT 'a\"b' AS x, char(10) AS nl, NULL AS n, 1.5 AS f" --format json >"$work/j"
	if jq -e '.[0].x == "a\"b" and .[0].nl == "\n" and .[0].n == null and .[0].f == 1.5' "$work/j" >/dev/null; then
		pass "sql --format json escapes values"; else fail "sql JSON"; cat "$work/j"; fi
else
	echo "# jq not installed: JSON checks skipped"
fi

"$CODEKB" --db "$db" sql "SELECT 'a|b' AS x, 'line1' || char(10) || 'line2' AS y" --format md >"$work/md"
expect_in "$work/md" '| a\|b | line1<br>line2 |' "sql --format md escapes | and newlines"
"$CODEKB" --db "$db" sql "SELECT 'x,y' AS a, 'say \"hi\"' AS b" --format csv >"$work/csv"
expect_in "$work/csv" '"x,y","say ""hi"""' "sql --format csv quotes per RFC 4180"
finish
