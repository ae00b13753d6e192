# browser.sh - the site in a browser: the SIP and HTTP sample in English,
# Chinese and Japanese, exported, built by hugo and indexed by pagefind,
# served on a port of localhost to headless Chromium (browser.mjs, with
# puppeteer-core): the comparison pages' localized headings, facts table
# and language switcher, the links of 200 pages, the search box (忙,
# 話中, 認証, "Payload Too Large", a comparison by its title), axe-core
# on six pages, light and dark, and screenshots, kept in the test
# folder's browser/.
. "$(dirname "$0")/lib.sh"
tools="$CODEKB_SRC/node_modules"
chromium=${CHROMIUM:-/usr/bin/chromium}
missing=""
for f in .bin/pagefind puppeteer-core/package.json axe-core/axe.min.js; do
	[ -e "$tools/$f" ] || missing="$missing node_modules/$f"
done
command -v node >/dev/null || missing="$missing node"
command -v hugo >/dev/null || missing="$missing hugo"
[ -x "$chromium" ] || missing="$missing $chromium"
if [ -n "$missing" ]; then
	fail "missing:$missing; run scripts/deps test"
	finish
	exit 1
fi

t0=$(date +%s)
took() { t1=$(date +%s); echo "# $1: $((t1 - t0)) s"; t0=$t1; }
db="$work/sample.db"
sip_http_db "$db"
expect_code 0 "export site of the sample in en, zh, ja" \
	"$CODEKB" --db "$db" export site --output "$work/site" --lang en --lang zh --lang ja
took "import and export"
(cd "$work/site" && hugo --quiet --minify -d "$work/public") >"$work/hugo.out" 2>&1
if [ $? -eq 0 ] && [ ! -s "$work/hugo.out" ]; then pass "hugo builds it with no error or warning"
else fail "hugo: $(head -3 "$work/hugo.out")"; fi
took hugo
"$tools/.bin/pagefind" --site "$work/public" >"$work/pagefind.out" 2>&1
if [ $? -eq 0 ] && grep -q "Indexed 3 languages" "$work/pagefind.out"; then
	pass "pagefind indexes the three languages ($(grep -o 'Indexed [0-9]* pages' "$work/pagefind.out"))"
else fail "pagefind: $(tail -3 "$work/pagefind.out")"; fi

took pagefind
out="${TMPDIR:-/tmp}/browser"
mkdir -p "$out"
CHROMIUM=$chromium timeout 150 node "$CODEKB_SRC/tests/e2e/browser.mjs" "$work/public" "$out" \
	"$CODEKB_SRC/data/ui" >"$work/browser.out" 2>&1
rc=$?
took "the browser"
while IFS= read -r line; do
	case $line in
	"ok|"*) pass "${line#ok|}" ;;
	"not ok|"*) fail "${line#not ok|}" ;;
	"#|"*) echo "# ${line#??}" ;;
	*) echo "#   $line" ;;
	esac
done <"$work/browser.out"
[ $rc -eq 0 ] && pass "the browser test ran to its end" || fail "node exited with $rc"
finish
