# check.sh - `codekb check` passes on the shipped data, and fails, naming
# the place, on a template whose placeholders differ from English, on a
# code with no English text, on a stale translation and on a name written
# for a reason that has changed.  `codekb coverage` counts them.
. "$(dirname "$0")/lib.sh"
# The whole shipped data, or in the sanitizer build its SIP and HTTP sample
# (site_db, lib.sh): the same checks, on a sixth of the pages.
db="$work/kb.db"
cp "$(site_db)" "$db"

expect_code 0 "check passes on the shipped data" "$CODEKB" --db "$db" check
expect_in "$work/out" "no problems" "check says so"

expect_code 0 "coverage" "$CODEKB" --db "$db" coverage --format csv
rows=$(sqlite3 "$db" "SELECT group_concat(protocol || ',' || l || ',' || n || ',' || n || ',0,0,100.0', ' ')
	FROM (SELECT protocol, 3 * count(*) AS n FROM code GROUP BY protocol), (SELECT tag AS l FROM locale WHERE tag IN ('en', 'zh', 'ja', 'ko', 'fr', 'de', 'es', 'pt')))")
for row in $rows; do
	expect_in "$work/out" "$row" "coverage row $row"
done

# The failures are found in a smaller database: the SIP and HTTP data, in
# every language, render the same templates as the whole data does.
db="$work/sample.db"
sip_http_db "$db"

printf 'locale,key,text\nzh,pair.title,{protocol} {a} {a_reason} 与 {b_reason} 对比\n' >"$work/ui.csv"
printf 'protocol,code,reason\nSIP,499,Invented For The Test\n' >"$work/code.csv"
expect_code 0 "import a broken template and a code without text" \
	"$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/ui.csv" "$work/code.csv"
expect_code 1 "check fails" "$CODEKB" --db "$db" check
expect_in "$work/out" "ui zh pair.title: uses placeholders '{a} {a_reason} {b_reason} {protocol}' but English uses '{a} {a_reason} {b} {b_reason} {protocol}'" "names the broken template"
expect_in "$work/out" "SIP 499 en description: no English text" "names the missing text"
expect_in "$work/err" "problems found" "says how many problems"

# A template that uses a placeholder its key allows but no page fills,
# and one that uses a placeholder its key does not allow: the importer
# refuses the second, so both are written into a copy directly.
cp "$db" "$work/tpl.db"
expect_code 0 "widen a key and break two templates" sqlite3 "$work/tpl.db" \
	"UPDATE ui_key SET placeholders = placeholders || ' a_nowhere' WHERE key = 'pair.title';
	 UPDATE ui SET text = text || ' ({a_nowhere})' WHERE key = 'pair.title' AND locale IN ('en', 'zh', 'ja');
	 UPDATE ui SET text = 'Class: {a} and {b_bogus}.' WHERE key = 'pair.diff_class' AND locale = 'en'"
expect_code 1 "check fails on them" "$CODEKB" --db "$work/tpl.db" check
expect_in "$work/out" "en pair.title: placeholder {a_nowhere} is not filled on the pages that use it" \
	"names the template whose allowed placeholder no page fills"
expect_in "$work/out" "en pair.diff_class: placeholder {b_bogus} is not one its key allows" \
	"names the template with a placeholder its key does not allow"
expect_code 0 "the same template renders as it is" "$CODEKB" --db "$work/tpl.db" compare SIP 486 600
expect_in "$work/out" "Busy Everywhere ({a_nowhere})" "an unfilled placeholder shows on the page"

printf 'protocol,code,reason,description\nSIP,486,Busy Here,Changed for the test.\n' >"$work/en.csv"
expect_code 0 "change an English source" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/en.csv"
expect_code 0 "coverage after the change" "$CODEKB" --db "$db" coverage --protocol sip --format json
if command -v jq >/dev/null; then
	if jq -e '.[] | select(.locale == "zh") | .stale == 1' "$work/out" >/dev/null; then
		pass "the zh translation is now stale"; else fail "stale not counted"; cat "$work/out"; fi
fi
expect_code 1 "check reports the stale translation" "$CODEKB" --db "$db" check
expect_in "$work/out" "SIP 486 zh description: stale translation" "names the stale text"
if grep -q "stale name" "$work/out"; then fail "a name is stale before any reason changed"; else pass "no name is stale yet"; fi

printf 'protocol,code,reason\nSIP,480,Temporarily Not Available\n' >"$work/reason.csv"
expect_code 0 "change a reason" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/reason.csv"
expect_code 1 "check reports the stale names" "$CODEKB" --db "$db" check
expect_in "$work/out" "SIP 480 ja name: stale name: written for the reason 'Temporarily Unavailable', which is now 'Temporarily Not Available'" "names the stale name and both reasons"
expect_in "$work/out" "SIP 480 en terms: stale terms: written for the reason 'Temporarily Unavailable'" "names English terms written for the old reason"
n=$(grep -c "^SIP 480 [a-z]* name: stale name" "$work/out")
[ "$n" -eq 7 ] && pass "the name in each of the 7 other languages is stale" || fail "$n stale names of SIP 480"
finish
