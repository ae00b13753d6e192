# export.sh - `codekb export`: the CSV round trip is byte-identical, the
# Markdown tables keep their shape with |, \, newlines, backticks and
# leading spaces in cells, jq reads the JSON, the fast comparison pages are
# the comparison view's, and the exported site builds with hugo, one page
# per code, pair and index in every language.
. "$(dirname "$0")/lib.sh"
db=$(site_db)
skip() { echo "# skipped: $1"; }

# -- CSV round trip on the shipped data
"$CODEKB" --db "$db" export codes --output "$work/codes.csv"
"$CODEKB" --db "$db" export texts --output "$work/texts.csv"
mkdir "$work/in"
cp "$CODEKB_SRC/data/protocols.csv" "$work/in/"
for p in "$CODEKB_SRC"/data/*/classes.csv; do
	d=$(dirname "$p"); cp "$p" "$work/in/$(basename "$d")-classes.csv"
done
cp "$work/codes.csv" "$work/texts.csv" "$work/in/"
expect_code 0 "import the export into a new database" "$CODEKB_IMPORT" --db "$work/rt.db" "$work/in"
"$CODEKB" --db "$work/rt.db" export codes >"$work/codes2.csv"
"$CODEKB" --db "$work/rt.db" export texts >"$work/texts2.csv"
if cmp -s "$work/codes.csv" "$work/codes2.csv"; then pass "codes: export, import, export is byte-identical"
else fail "codes round trip differs"; fi
if cmp -s "$work/texts.csv" "$work/texts2.csv"; then pass "texts: export, import, export is byte-identical"
else fail "texts round trip differs"; fi
if [ "$(head -c 200 "$work/codes.csv" | head -n 1)" = "$(printf 'protocol,code,reason,reference,section,status,registered,expires,vendor,final,cacheable,retry_after,former,basic,description,when_seen,how_to_fix\r')" ]; then
	pass "codes header is the codes import format, CRLF"; else fail "codes header"; fi
n=$(tail -n +2 "$work/texts.csv" | cut -d, -f1 | sort -u | tr -d '\r' | tr '\n' ' ')
want=$(sqlite3 "$db" "SELECT group_concat(locale, ' ') || ' ' FROM (SELECT DISTINCT locale FROM text WHERE locale <> 'en' ORDER BY locale)")
[ "$n" = "$want" ] && pass "texts: every language but English ($n)" || fail "texts languages: $n, wanted $want"

# -- texts that a Markdown table cell must survive
cat >"$work/in/codes.csv" <<'CSV'
protocol,code,reason,description,when_seen,how_to_fix
SIP,100,Trying,"pipes | here || and \| and a \ backslash","two
lines and `code` and ``more``","   leading spaces, <b>tags</b> & entities &amp;"
SIP,180,Ringing,"| leading pipe","trailing pipe |","a
b
c|d"
CSV
rm -f "$work/in/texts.csv"
expect_code 0 "import tricky texts" "$CODEKB_IMPORT" --db "$work/odd.db" "$work/in"
"$CODEKB" --db "$work/odd.db" export codes >"$work/odd.csv"
"$CODEKB_IMPORT" --db "$work/odd2.db" "$work/in/protocols.csv" "$work/in/sip-classes.csv" "$work/in/http-classes.csv" "$work/odd.csv" >/dev/null 2>&1
"$CODEKB" --db "$work/odd2.db" export codes >"$work/odd2.csv"
if cmp -s "$work/odd.csv" "$work/odd2.csv"; then pass "round trip with quotes, pipes and newlines"; else fail "tricky round trip"; fi

# -- CSV round trip on synthetic data (bench/gen: long texts with commas,
# quotes, line breaks, |, \, backticks, Chinese and Japanese)
"$CODEKB_SRC/bench/gen" "$work/gen" 3 100
expect_code 0 "import synthetic data" "$CODEKB_IMPORT" --db "$work/gen.db" "$work/gen"
"$CODEKB" --db "$work/gen.db" export codes --output "$work/gen-codes.csv"
expect_code 0 "import its export into a new database" "$CODEKB_IMPORT" --db "$work/gen2.db" \
	"$work/gen/protocols.csv" "$work/gen/classes.csv" "$work/gen-codes.csv"
"$CODEKB" --db "$work/gen2.db" export codes >"$work/gen-codes2.csv"
if cmp -s "$work/gen-codes.csv" "$work/gen-codes2.csv" && [ "$(wc -l <"$work/gen-codes.csv")" -gt 300 ]; then
	pass "synthetic codes: export, import, export is byte-identical"
else fail "synthetic round trip differs"; fi

# check_md FILE COLUMNS WHAT: cmark-gfm renders FILE's table with COLUMNS
# cells in every row.
check_md() {
	cmark-gfm --unsafe -e table "$1" >"$work/md.html" 2>"$work/md.err" || { fail "$3: cmark-gfm failed"; return; }
	bad=$(tr -d '\n' <"$work/md.html" | sed 's|</tr>|</tr>\n|g' | grep '<tr>' |
		awk -v want="$2" '{ n = gsub(/<t[dh][ >]/, "&"); if (n != want) print n }' | head -3)
	rows=$(grep -c '<tr>' "$work/md.html")
	if [ -z "$bad" ] && [ "$rows" -gt 1 ]; then pass "$3: $rows rows of $2 cells"
	else fail "$3: rows with cells $bad"; fi
}
if command -v cmark-gfm >/dev/null; then
	"$CODEKB" --db "$work/odd.db" export codes --format md >"$work/odd.md"
	check_md "$work/odd.md" 17 "md codes with | \\ \` newline and spaces"
	if grep -q 'pipes | here || and \\| and a \\ backslash' "$work/md.html"; then
		pass "md cell keeps pipes and backslashes"; else fail "md cell text: $(grep -o 'pipes[^<]*' "$work/md.html")"; fi
	nbsp=$(printf '\302\240')
	if grep -q "<td>$nbsp$nbsp${nbsp}leading" "$work/md.html" && grep -q 'two<br>lines' "$work/md.html"; then
		pass "md cell keeps leading spaces and line breaks"; else fail "md leading spaces or breaks"; fi
	"$CODEKB" --db "$db" export codes --format md >"$work/c.md"; check_md "$work/c.md" 17 "md codes"
	"$CODEKB" --db "$work/gen.db" export codes --format md >"$work/g.md"; check_md "$work/g.md" 17 "md synthetic codes"
	"$CODEKB" --db "$db" export texts --format md >"$work/t.md"; check_md "$work/t.md" 7 "md texts"
	"$CODEKB" --db "$db" export comparisons --protocol sip --lang ja --format md >"$work/p.md"
	check_md "$work/p.md" 8 "md comparisons"
else
	skip "cmark-gfm is not installed"
fi

# -- JSON
if command -v jq >/dev/null; then
	for what in codes texts comparisons; do
		"$CODEKB" --db "$work/odd.db" export $what --format json >"$work/j.json"
		"$CODEKB" --db "$db" export $what --lang zh --format json >"$work/k.json"
		if jq -e 'length >= 0' "$work/j.json" >/dev/null && jq -e 'length > 0' "$work/k.json" >/dev/null; then
			pass "jq reads export $what --format json"; else fail "export $what json"; fi
	done
	got=$(jq -r '.[0].description' "$work/j.json" 2>/dev/null)
	"$CODEKB" --db "$work/odd.db" export codes --format json | jq -r '.[0].when_seen' >"$work/w"
	[ "$(cat "$work/w")" = "$(printf 'two\nlines and `code` and ``more``')" ] && pass "json keeps a newline" || fail "json text: $(cat "$work/w")"
else
	skip "jq is not installed"
fi

# -- the fast comparison pages are the comparison view's.  The view builds
# every page the slow way, which under the sanitizers on a loaded machine
# takes longer than sql's default limit of 5 s, so the limit is raised.
same=$("$CODEKB" --db "$db" sql --timeout 120 "SELECT count(*) = sum(p.markdown = c.markdown) FROM comparison_page AS p
	JOIN comparison AS c USING (locale, protocol, code_a, vendor_a, code_b, vendor_b)
	WHERE c.protocol_b = p.protocol AND ((p.protocol = 'SIP' AND p.code_a IN (404, 486)) OR (p.protocol = 'HTTP' AND p.code_a IN (200, 429, 503)))" --format csv | tail -n 1 | tr -d '\r')
[ "$same" = 1 ] && pass "comparison_page gives the comparison view's pages" || fail "comparison_page differs from comparison"

# -- the comparisons give each code's name beside its reason
zh410=$(grep '^zh,HTTP,410,,' "$CODEKB_SRC/data/http/names-zh.csv" | cut -d, -f5)
"$CODEKB" --db "$db" export comparisons --protocol http --lang zh --format csv >"$work/cmp.csv"
expect_in "$work/cmp.csv" "zh,HTTP,404,,410,,HTTP 404 Not Found（未找到）与 410 Gone（$zh410）对比," "export comparisons: the zh title gives both names"
expect_in "$work/cmp.csv" "## 404 Not Found（未找到）" "and the page the name in the code's heading"
"$CODEKB" --db "$db" export comparisons --protocol http --lang en --format csv >"$work/cmp.csv"
expect_in "$work/cmp.csv" "en,HTTP,404,,410,,HTTP 404 Not Found vs 410 Gone," "the English title has the reasons only"

# -- errors
expect_code 1 "a full disk is an error" sh -c "\"$CODEKB\" --db \"$db\" export codes >/dev/full"
expect_line "$work/err" "codekb: cannot write the output: No space left on device" "one line names the cause"
expect_code 1 "an unwritable --output is an error" "$CODEKB" --db "$db" export codes --output "$work/no/such/dir.csv"
expect_code 2 "export of something unknown" "$CODEKB" --db "$db" export everything
expect_code 2 "export site without --output" "$CODEKB" --db "$db" export site

# -- the site: every language once; the exports that repeat it, and hugo,
#    take three of them (--lang), which the same statements write
langs=$("$CODEKB" --db "$db" sql "SELECT group_concat(locale, ' ') FROM (SELECT DISTINCT locale FROM ui ORDER BY locale)" --format csv | tail -n 1 | tr -d '\r')
nlangs=$(echo "$langs" | wc -w)
sub="--lang en --lang ja --lang ko"
expect_code 0 "export site" "$CODEKB" --db "$db" export site --output "$work/site"
expect_code 0 "export site $sub" "$CODEKB" --db "$db" export site --output "$work/site-sub" $sub
expect_code 0 "export site $sub again" "$CODEKB" --db "$db" export site --output "$work/site-sub" $sub
expect_line "$work/out" "0 files written, $(find "$work/site-sub" -type f ! -name .codekb-site | wc -l) unchanged, 0 removed" "a second export rewrites nothing"
# with --jobs 1 and --jobs 3, the same files and list as with the default
for j in 1 3; do
	expect_code 0 "export site --jobs $j" "$CODEKB" --db "$db" export site --output "$work/site-j$j" --jobs "$j" $sub
	if diff -r "$work/site-sub" "$work/site-j$j" >/dev/null; then pass "--jobs $j writes the same files, and the same list"
	else fail "--jobs $j writes other files than the default"; fi
done
rm -rf "$work/site-j1" "$work/site-j3"
expect_code 2 "export site --jobs 0" "$CODEKB" --db "$db" export site --output "$work/site-j0" --jobs 0
expect_line "$work/err" "codekb: --jobs takes a number from 1 to 64, not '0'" "a bad --jobs is named"
expect_code 2 "export codes --jobs 2" "$CODEKB" --db "$db" export codes --jobs 2
# a part that cannot write stops the export, and the error names the file
mkdir -p "$work/site-bad/content/ja"
: >"$work/site-bad/content/ja/sip"
expect_code 1 "export site where a page cannot be written" "$CODEKB" --db "$db" export site --output "$work/site-bad" --jobs 2 --force
if grep -q "^codekb: cannot write '$work/site-bad/content/ja/sip/[0-9a-z-]*\.md': Not a directory\$" "$work/err" && [ "$(wc -l <"$work/err")" -eq 1 ]; then
	pass "one line names the page that could not be written"
else fail "error: $(head -2 "$work/err")"; fi
pages() { "$CODEKB" --db "$db" sql "SELECT (SELECT count(*) FROM code) + (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) AS n FROM code GROUP BY protocol))
	+ (SELECT count(*) FROM protocol) + (SELECT count(*) FROM class) + 1" --format csv | tail -n 1 | tr -d '\r'; }
want=$(pages)
for l in $langs; do
	n=$(find "$work/site/content/$l" -name '*.md' | wc -l)
	[ "$n" -eq "$want" ] && pass "site $l: $n pages" || fail "site $l: $n pages, wanted $want"
done
# the name: under a code page's title (the layout's), beside the reason
# on comparison pages and in the indexes
c="$work/site/content"
expect_in "$c/zh/http/404.md" 'title: "HTTP 404 Not Found"' "a code page's title is the reason's"
expect_in "$c/zh/http/404.md" 'name: "未找到"' "and its name is in the front matter"
grep -q '^# ' "$c/zh/http/404.md" && fail "the code page's Markdown repeats its heading" || pass "the code page's Markdown starts below the heading"
expect_in "$c/zh/http/404-vs-410.md" 'title: "HTTP 404 Not Found（未找到）与 410 Gone（' "a comparison page's title gives the names"
expect_in "$c/ja/http/_index.md" '"label":"404","reason":"Not Found（見つかりません）"' "the protocol index gives each code's name"
expect_in "$c/ja/http/class-4xx.md" '"label":"404","reason":"Not Found（見つかりません）"' "and the class index"
expect_in "$c/en/http/_index.md" '"label":"404","reason":"Not Found",' "the English index has none"
grep -q '^name:' "$c/en/http/404.md" && fail "the English code page has a name" || pass "the English code page has no name"
if command -v cmark-gfm >/dev/null; then
	bad=0
	for f in "$work/site/content/ja/sip/486-vs-600.md" "$work/site/content/zh/sip/486.md" "$work/site/content/en/_index.md"; do
		cmark-gfm -e table "$f" >/dev/null || bad=1
	done
	[ $bad = 0 ] && pass "site pages pass cmark-gfm" || fail "a site page fails cmark-gfm"
fi
if command -v hugo >/dev/null; then
	(cd "$work/site-sub" && hugo --quiet -d "$work/public") >"$work/hugo.out" 2>&1
	if [ $? -eq 0 ] && [ ! -s "$work/hugo.out" ]; then pass "hugo builds the site with no error or warning"
	else fail "hugo: $(head -3 "$work/hugo.out")"; fi
	for l in en ja ko; do
		n=$(find "$work/public/$l" -name index.html | wc -l)
		[ "$n" -eq "$want" ] && pass "hugo $l: $n pages" || fail "hugo $l: $n pages, wanted $want"
	done
	page="$work/public/ja/sip/486-vs-600/index.html"
	expect_in "$page" 'hreflang="ko"' "the language switcher links the Korean page"
	expect_in "$page" '<html lang="ja">' "the page names its language"
	expect_in "$page" '<link rel="alternate" hreflang="ko" href="../../../ko/sip/486-vs-600/">' "and links its Korean translation as an alternate"
	expect_in "$page" '<link rel="canonical" href="../../../ja/sip/486-vs-600/">' "and its canonical address"
	expect_in "$page" 'href="../../../css/codekb.css"' "and the stylesheet"
	expect_in "$work/public/ja/sitemap.xml" "/ja/sip/486-vs-600/</loc>" "the Japanese sitemap lists the page"
	expect_in "$work/public/robots.txt" "User-agent" "robots.txt is there"
	[ -f "$work/public/ja/404.html" ] && pass "the site has a 404 page" || fail "no 404 page"
	n=$(wc -c <"$work/public/css/codekb.css")
	[ "$n" -le 20480 ] && pass "the stylesheet is $n bytes, at most 20 KB" || fail "the stylesheet is $n bytes"
	big=$(find "$work/public" -name '*.html' -size +30k | head -3)
	[ -z "$big" ] && pass "every page is at most 30 KB of HTML" || fail "pages over 30 KB: $big"
	# the trail, the facts table and the indexes by class, from front matter
	ui() { grep "^$1,$2," "$CODEKB_SRC/data/ui/$1.csv" | cut -d, -f3-; }
	expect_in "$page" '<nav class="crumbs" aria-label="'"$(ui ja nav.breadcrumbs)"'"><ol><li><a href="../../../ja/sip/">SIP</a></li>' "the comparison page's trail starts at its protocol"
	expect_in "$page" '<table class="facts">' "the comparison page has a facts table"
	expect_in "$page" '<th scope="row">'"$(ui ja label.fact.next)"'</th>' "with a row for the next step, labelled in Japanese"
	expect_in "$page" '<th scope="row">'"$(ui ja label.fact.forking)"'</th><td>—</td>' "and a dash where one code lacks the fact"
	if [ "$(grep -n '<table class="facts">' "$page" | cut -d: -f1)" -lt "$(grep -n '<h2' "$page" | head -1 | cut -d: -f1)" ]; then
		pass "the facts table comes before the prose"
	else fail "the facts table is not at the top"; fi
	expect_in "$work/public/ja/sip/486/index.html" '<li><a href="../../../ja/sip/class-4xx/">' "a code page's trail names its class"
	n=$(grep -o '<section class="group">' "$work/public/en/sip/index.html" | wc -l)
	want_cls=$(sqlite3 "$db" "SELECT count(*) FROM class WHERE protocol = 'SIP'")
	[ "$n" -eq "$want_cls" ] && pass "the SIP index has a group per class ($n)" || fail "the SIP index has $n groups, wanted $want_cls"
	dep=$(sqlite3 "$db" "SELECT code FROM code WHERE protocol = 'SIP' AND status = 'deprecated' ORDER BY sort LIMIT 1")
	if [ -n "$dep" ]; then
		if grep -q "<b>$dep</b> .*</a> <span class=\"badge\">$(ui ko status.deprecated)</span>" "$work/public/ko/sip/index.html"; then
			pass "the Korean index marks SIP $dep with its status"
		else fail "no badge on SIP $dep in the Korean index"; fi
	fi
	expect_in "$work/public/en/sip/class-4xx/index.html" '<span class="summary">486 Busy Here ' "a class page gives each code's summary"
	jname=$(grep '^ja,HTTP,404,,' "$CODEKB_SRC/data/http/names-ja.csv" | cut -d, -f5)
	expect_in "$work/public/ja/http/index.html" "<b>404</b> Not Found（$jname）</a>" "the Japanese HTTP index gives the name beside the reason"
	expect_in "$work/public/ja/http/class-4xx/index.html" "<b>404</b> Not Found（$jname）</a>" "and its class page"
	expect_in "$work/public/en/http/index.html" "<b>404</b> Not Found</a>" "the English index gives none"
	expect_in "$work/public/ja/http/404-vs-410/index.html" "<h1>HTTP 404 Not Found（$jname）と 410 Gone（" "a comparison page's heading gives the names"
	expect_in "$work/public/ja/http/404-vs-410/index.html" "<th scope=\"col\">404 Not Found（$jname）</th>" "and its facts table"
	expect_in "$work/public/ja/http/404/index.html" "<p class=\"aka\">$(grep '^ja,HTTP,404,,' "$CODEKB_SRC/data/http/names-ja.csv" | cut -d, -f5)</p>" "a code page gives its Japanese name under the heading"
	if command -v chromium >/dev/null; then
		timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
			--dump-dom "file://$page" >"$work/dom.html" 2>/dev/null
		for h in '<h1' '<h2' '主な違い' 'どちらをいつ使うか' '詳しく見る' 'ja/sip/486/"' 'ja/sip/600/"'; do
			expect_in "$work/dom.html" "$h" "chromium: the page has $h"
		done
		bad=""
		for href in $(grep -o 'href="[^"#]*"' "$work/dom.html" | sed 's/^href="//; s/"$//' | grep -v '^https:'); do
			[ -f "$(dirname "$page")/$href/index.html" ] || [ -f "$(dirname "$page")/$href" ] || bad="$bad $href"
		done
		[ -z "$bad" ] && pass "chromium: every link of the page resolves" || fail "broken links:$bad"
	else
		skip "chromium is not installed"
	fi
else
	skip "hugo is not installed"
fi

# -- a code removed from the database: its pages go, and nothing else
db2="$work/less.db"
cp "$db" "$db2"
sqlite3 "$db2" "PRAGMA foreign_keys = ON; DELETE FROM note WHERE protocol = 'SIP' AND 199 IN (code_a, code_b);
	DELETE FROM text WHERE protocol = 'SIP' AND code = 199; DELETE FROM code WHERE protocol = 'SIP' AND code = 199;"
echo "kept" >"$work/site/content/en/sip/mine.md"
expect_code 0 "export site after removing SIP 199" "$CODEKB" --db "$db2" export site --output "$work/site"
n=$(sqlite3 "$db2" "SELECT count(*) FROM code WHERE protocol = 'SIP'")
removed=$(( nlangs * (2 + n) ))
expect_in "$work/out" ", $removed removed" "the code page, the $n pair pages and the API file of SIP 199 go, in each language"
if [ -e "$work/site/content/ja/sip/199.md" ] || [ -e "$work/site/content/en/sip/199-vs-486.md" ]; then fail "a page of SIP 199 is left"
else pass "no page of SIP 199 is left"; fi
[ -f "$work/site/content/en/sip/mine.md" ] && pass "a file the export did not write is kept" || fail "a maintainer's file was removed"
grep -q "199" "$work/site/content/en/sip/_index.md" && fail "the SIP index still lists 199" || pass "the SIP index no longer lists 199"
finish
