# cli.sh - the command-line contract: exit statuses, usage errors, help,
# not-found messages with suggestions, and formats.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB

expect_code 0 "--help" "$CODEKB" --help
expect_in "$work/out" "codekb [--db PATH] compare PROTO CODE_A [PROTO_B] CODE_B" "help shows every command"
expect_code 0 "--version" "$CODEKB" --version
expect_code 0 "codekb-import --help" "$CODEKB_IMPORT" --help
cp "$work/out" "$work/import-help"

# --help lists every option of each program's table, read from the source
# so that a row added there is checked too.
options_of() {
	sed -n 's/^[[:space:]]*OPT_\(STRING\|FLAG\)([^,]*, "\([a-z-]*\)".*/\2/p' "$1"
	grep -q 'OPT_HELP()' "$1" && echo help
	grep -q 'OPT_VERSION()' "$1" && echo version
}
"$CODEKB" --help >"$work/help"
n=0
for name in $(options_of "$CODEKB_SRC/query/opts.c"); do
	n=$((n + 1))
	expect_in "$work/help" "--$name" "codekb --help lists --$name"
done
[ "$n" -ge 10 ] && pass "read $n query options from the table" || fail "read only $n query options"
n=0
for name in $(options_of "$CODEKB_SRC/importer/args.c"); do
	n=$((n + 1))
	expect_in "$work/import-help" "--$name" "codekb-import --help lists --$name"
done
[ "$n" -ge 9 ] && pass "read $n importer options from the table" || fail "read only $n importer options"
expect_in "$work/help" "      --vendor NAME  choose the meaning of a code that one vendor gives it," "--vendor has its help line"
expect_in "$work/help" "codekb [--db PATH] show PROTO CODE [--lang L] [--format md|json]" "show's usage names its options"
if grep -q '^.\{80,\}' "$work/help" "$work/import-help"; then fail "help lines fit in 79 columns"; else pass "help lines fit in 79 columns"; fi

# --vendor: taken by show and compare, refused by the others in one line.
# (tests/e2e/meanings.sh covers what it chooses)
expect_code 1 "show takes --vendor" "$CODEKB" --db "$db" show SIP 486 --vendor nginx
expect_line "$work/err" "codekb: SIP 486 has no meaning of vendor 'nginx'; it has only its registered meaning" "show names the vendor it has no meaning of"
expect_code 1 "compare takes --vendor=NAME" "$CODEKB" --db "$db" --vendor=nginx compare SIP 486 600
expect_line "$work/err" "codekb: neither SIP 486 nor SIP 600 has a meaning of vendor 'nginx'" "compare names both codes"
expect_code 2 "list refuses --vendor" "$CODEKB" --db "$db" list --vendor nginx
expect_line "$work/err" "codekb: 'list' does not take --vendor" "names the option list does not take"
expect_in "$work/err" "usage: codekb [--db PATH] list " "with list's usage"
expect_code 2 "--vendor before the command is refused too" "$CODEKB" --db "$db" --vendor nginx search busy
expect_line "$work/err" "codekb: 'search' does not take --vendor" "names it before the command"
expect_code 2 "--vendor needs a value" "$CODEKB" --db "$db" show SIP 486 --vendor
expect_line "$work/err" "codekb: option '--vendor' needs a value" "says it needs a value"

# Spellings and places of options, and what ends them.
"$CODEKB" --db "$db" show SIP 486 --lang ja >"$work/after"
for form in "-l ja show SIP 486" "--lang=ja show SIP 486" "show -l ja SIP 486" "show SIP --lang ja 486"; do
	# shellcheck disable=SC2086
	"$CODEKB" --db "$db" $form >"$work/form"
	if cmp -s "$work/after" "$work/form"; then pass "'$form' is show --lang ja"; else fail "'$form' differs"; fi
done
expect_code 1 "a negative number is an argument" "$CODEKB" --db "$db" show SIP -5
expect_line "$work/err" "codekb: SIP -5 is not a number (at character 1)" "the command sees -5"
expect_code 1 "-- ends the options" "$CODEKB" --db "$db" search -- --lang --qqzx
expect_line "$work/err" "codekb: no code matches '--lang --qqzx'" "the command sees --lang, as a word to look for"
expect_code 2 "unknown option named" "$CODEKB" --db "$db" list --colour
expect_line "$work/err" "codekb: unknown option '--colour'" "names the unknown option"
expect_code 0 "-h after a command is help" "$CODEKB" list -h
expect_line "$work/out" "usage: codekb [--db PATH] list [--lang L] [--format table|csv|md|json]" "the command's own usage"
expect_in "$work/out" "  -c, --class N" "with the options it takes"
if grep -q -- "--vendor" "$work/out"; then fail "list -h names --vendor, which list does not take"; else pass "and not the others"; fi
if grep -q "compare PROTO" "$work/out"; then fail "list -h shows other commands"; else pass "nor other commands' usage"; fi
# every command's own help lists exactly the options it takes
for c in $("$CODEKB" --complete commands); do
	"$CODEKB" "$c" --help >"$work/c-help" 2>&1 || fail "codekb $c --help exits 0"
	for opt in $("$CODEKB" --complete options "$c" | cut -d' ' -f1); do
		grep -q -- "$opt" "$work/c-help" || fail "codekb $c --help lacks $opt"
	done
	if grep -q '^.\{80,\}' "$work/c-help"; then fail "codekb $c --help fits in 79 columns"; fi
done
pass "each command's --help lists its options in 79 columns"
expect_code 0 "an unknown command's --help is the whole help" "$CODEKB" frob --help
expect_in "$work/out" "COMMAND [ARGS] [OPTIONS]" "the overview"
expect_code 2 "a flag value is refused" "$CODEKB_IMPORT" --dry-run=yes "$work/x.csv"
expect_line "$work/err" "codekb-import: option '--dry-run' takes no value" "names the flag"
expect_code 2 "importer: unknown kind" "$CODEKB_IMPORT" --db "$work/x.db" --kind frob "$work/x.csv"
expect_line "$work/err" "codekb-import: unknown kind 'frob'" "names the kind"
expect_in "$work/err" "try 'codekb-import --help'" "and where help is"

# Long words from the command line come back whole in messages.
long=$(printf 'x%.0s' $(seq 1 300))
expect_code 2 "long format name" "$CODEKB" --db "$db" compare SIP 100 410 --format "$long"
expect_line "$work/err" "codekb: 'compare' cannot write format '$long'" "names the whole format"
expect_code 2 "long command name" "$CODEKB" --db "$db" "$long"
expect_line "$work/err" "codekb: unknown command '$long'" "names the whole command"
expect_code 2 "no command" "$CODEKB" --db "$db"
expect_code 2 "unknown command" "$CODEKB" --db "$db" frobnicate
expect_in "$work/err" "try 'codekb --help'" "usage error says try --help"
expect_in "$work/err" "usage: codekb [--db PATH] COMMAND [ARGS] [OPTIONS]" "and shows every command"
expect_code 2 "missing argument" "$CODEKB" --db "$db" compare SIP 100
expect_code 2 "unknown option" "$CODEKB" --db "$db" list --colour
expect_code 2 "unsupported format" "$CODEKB" --db "$db" compare SIP 100 410 --format xml
expect_code 2 "option a command does not take" "$CODEKB" --db "$db" sql "SELECT 1" --lang ja
expect_line "$work/err" "codekb: 'sql' does not take --lang" "names the option"
expect_code 2 "same code twice" "$CODEKB" --db "$db" compare SIP 100 100
expect_code 2 "importer with no file" "$CODEKB_IMPORT" --db "$work/x.db"

expect_code 1 "code that is not a number" "$CODEKB" --db "$db" show SIP 4O4
expect_line "$work/err" "codekb: SIP 4O4 is not a number (at character 2)" "names the bad code and where"
expect_code 1 "unknown code" "$CODEKB" --db "$db" show sip 499
expect_line "$work/err" "codekb: no SIP code 499; nearest: 491, 493, 494" "suggests the nearest codes"
expect_code 1 "unknown protocol" "$CODEKB" --db "$db" show XMPP 404
expect_line "$work/err" "codekb: unknown protocol 'XMPP'; known: FTP, GRPC, HTTP, SIP, SMTP, WEBSOCKET" "names the known protocols"
expect_code 1 "unknown language" "$CODEKB" --db "$db" show SIP 486 --lang xx
expect_line "$work/err" "codekb: unknown language 'xx'; available: de, en, es, fr, ja, ko, pt, zh" "names the languages"
expect_code 1 "missing database" "$CODEKB" --db "$work/none.db" list
expect_in "$work/err" "none.db': No such file or directory" "names the missing database"

expect_code 0 "zh-CN is zh" "$CODEKB" --db "$db" compare sip 100 410 --lang zh-CN
cp "$work/out" "$work/zh-cn"
"$CODEKB" --db "$db" compare SIP 100 410 --lang zh >"$work/zh"
if cmp -s "$work/zh" "$work/zh-cn"; then pass "zh-CN and zh give the same page"; else fail "zh-CN differs from zh"; fi

CODEKB_DB=$db expect_code 0 "CODEKB_DB chooses the database" "$CODEKB" list --protocol SIP --class 6
expect_in "$work/out" "607   Unwanted" "class filter by digit"
expect_code 1 "unknown class" "$CODEKB" --db "$db" list --protocol SIP --class 8xx

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
# -- a code's name in the language, beside its reason phrase
expect_code 0 "show HTTP 404 --lang zh" "$CODEKB" --db "$db" show HTTP 404 --lang zh
expect_line "$work/out" "# HTTP 404 Not Found（未找到）" "the zh heading gives the name beside the reason"
expect_code 0 "show HTTP 404 --lang ja" "$CODEKB" --db "$db" show HTTP 404 --lang ja
expect_line "$work/out" "# HTTP 404 Not Found（見つかりません）" "and the ja heading its Japanese name"
expect_code 0 "show HTTP 404 --lang fr" "$CODEKB" --db "$db" show HTTP 404 --lang fr
expect_line "$work/out" "# HTTP 404 Not Found ($(grep '^fr,HTTP,404,,' "$CODEKB_SRC/data/http/names-fr.csv" | cut -d, -f5))" "the fr heading puts it in parentheses after a space"
expect_code 0 "show HTTP 404" "$CODEKB" --db "$db" show HTTP 404
expect_line "$work/out" "# HTTP 404 Not Found" "English gives no name: the reason is its name"
expect_code 0 "show HTTP 200 --lang de" "$CODEKB" --db "$db" show HTTP 200 --lang de
expect_line "$work/out" "# HTTP 200 OK" "a name that is the reason itself (de OK) is not repeated"
expect_code 0 "list --protocol http --lang zh --format csv" "$CODEKB" --db "$db" list --protocol http --lang zh --format csv
expect_line "$work/out" "$(printf 'protocol,code,reason,name,class,status,vendor\r')" "list's CSV has a name column after the reason"
expect_in "$work/out" "HTTP,404,Not Found,未找到,4xx " "with the zh name of 404"
expect_code 0 "list --protocol http --lang zh" "$CODEKB" --db "$db" list --protocol http --lang zh
if grep -qE '^HTTP +404 +Not Found +未找到 +4xx ' "$work/out" && head -n 1 "$work/out" | grep -qE '原因短语 +名称 +类别'; then
	pass "the table gives the name, headed 名称, beside the reason"; else fail "table: $(grep ' 404 ' "$work/out")"; fi
expect_code 0 "list --protocol http --lang ja --format md" "$CODEKB" --db "$db" list --protocol http --lang ja --format md
expect_in "$work/out" "| HTTP | 404 | Not Found | 見つかりません | " "the Markdown table too"
expect_code 0 "list --protocol http --format csv" "$CODEKB" --db "$db" list --protocol http --format csv
expect_in "$work/out" "HTTP,404,Not Found,,4xx " "the English list leaves the name empty"
expect_code 0 "compare HTTP 404 410 --lang zh" "$CODEKB" --db "$db" compare HTTP 404 410 --lang zh
expect_line "$work/out" "# HTTP 404 Not Found（未找到）与 410 Gone（$(grep '^zh,HTTP,410,,' "$CODEKB_SRC/data/http/names-zh.csv" | cut -d, -f5)）对比" "the comparison's title gives both names"
expect_in "$work/out" "## 404 Not Found（未找到）" "a code's section heading gives its name"
expect_in "$work/out" "- [HTTP 404 Not Found（未找到）](/http/404.md)" "and its link"
expect_code 0 "compare HTTP 404 410" "$CODEKB" --db "$db" compare HTTP 404 410
expect_line "$work/out" "# HTTP 404 Not Found vs 410 Gone" "the English title names the codes by their reasons"
expect_code 0 "compare HTTP 404 SIP 404 --lang ja" "$CODEKB" --db "$db" compare HTTP 404 SIP 404 --lang ja
expect_in "$work/out" "HTTP 404 Not Found（見つかりません）" "a comparison across protocols gives the names too"
if command -v jq >/dev/null; then
	"$CODEKB" --db "$db" show HTTP 404 --lang zh --format json >"$work/j"
	if jq -e '.reason == "Not Found" and .name == "未找到"' "$work/j" >/dev/null; then
		pass "show JSON: the reason as it is, and the name"; else fail "show JSON name: $(jq -c '{reason, name}' "$work/j")"; fi
	"$CODEKB" --db "$db" show HTTP 404 --format json >"$work/j"
	if jq -e 'has("name") and .name == null' "$work/j" >/dev/null; then
		pass "show JSON in English: name is null"; else fail "English show JSON name: $(jq -c .name "$work/j")"; fi
	"$CODEKB" --db "$db" list --protocol http --lang ja --format json >"$work/j"
	if jq -e '(.[] | select(.code == "404") | .name) == "見つかりません" and (.[] | select(.code == "404") | .reason) == "Not Found"' "$work/j" >/dev/null; then
		pass "list JSON: the ja name of 404"; else fail "list JSON name"; fi
	"$CODEKB" --db "$db" compare HTTP 404 410 --lang ja --format json >"$work/j"
	if jq -e '.codes[0].name == "見つかりません" and .codes[0].reason == "Not Found" and (.title | contains("Not Found（見つかりません）"))' "$work/j" >/dev/null; then
		pass "compare JSON: each code's name, and the title with it"; else fail "compare JSON name: $(jq -c '[.title, .codes[0].name]' "$work/j")"; fi
fi
finish
