# api.sh - the static JSON API that `codekb export site` writes under
# static/api/v1/ (docs/api.md): jq reads every file, Redocly lints the
# OpenAPI description (offline), ajv validates the files against its
# schemas and rejects broken ones (tests/e2e/api-validate.mjs), every URL
# names a file of the export, values are the data's, and a removed code's
# file goes on the next export.
. "$(dirname "$0")/lib.sh"

# the npm tools package.json pins, and jq and node: nothing here is skipped
tools="$CODEKB_SRC/node_modules"
for t in ajv ajv-formats @redocly/cli; do
	if [ ! -f "$tools/$t/package.json" ]; then
		fail "the npm tool $t is not in $tools: run scripts/deps test"
		finish; exit 1
	fi
done
for t in jq node sqlite3; do
	if ! command -v $t >/dev/null; then
		fail "$t is not installed: run scripts/deps test"
		finish; exit 1
	fi
done

# the data, with the shipped vendors' HTTP codes (the sample has none), a
# code without texts and one with an English text only
db="$work/api.db"
cp "$(site_db)" "$db"
cat >"$work/extra.csv" <<'CSV'
protocol,code,reason,description
HTTP,298,Test Code In English,This code has an English description only.
HTTP,299,Test Code Without Texts,
CSV
expect_code 0 "import the vendors' HTTP codes and two codes with few texts" \
	"$CODEKB_IMPORT" --db "$db" "$CODEKB_SRC/data/http/vendors.csv" "$work/extra.csv"
q() { "$CODEKB" --db "$db" sql "$1" --format csv | tail -n +2 | tr -d '\r'; }

# three languages, which the same statements write as they write all
# (tests/e2e/export.sh exports every language)
site="$work/site"
api="$site/static/api/v1"
langs="de en ja"
expect_code 0 "export site --lang de --lang en --lang ja" "$CODEKB" --db "$db" export site --output "$site" --lang de --lang en --lang ja

# -- the files
ncodes=$(q "SELECT count(*) FROM code")
nprotocols=$(q "SELECT count(*) FROM protocol")
bad=""
for l in $langs; do
	n=$(find "$api/$l" -mindepth 2 -name '*.json' | wc -l)
	p=$(find "$api/$l" -maxdepth 1 -name '*.json' | wc -l)
	[ "$n" -eq "$ncodes" ] && [ "$p" -eq "$nprotocols" ] || bad="$bad $l:$n+$p"
done
[ -z "$bad" ] && pass "a file per code ($ncodes) and per protocol ($nprotocols) in each language" ||
	fail "code and protocol files:$bad, wanted $ncodes+$nprotocols"
[ -f "$api/index.json" ] && pass "index.json is there" || fail "no index.json"
if cmp -s "$api/openapi.json" "$CODEKB_SRC/site/static/api/v1/openapi.json"; then
	pass "openapi.json is site/static/api/v1/openapi.json"; else fail "openapi.json differs from the theme's"; fi
nfiles=$(find "$api" -type f | wc -l)
if find "$api" -type f -exec jq -e . {} + >/dev/null; then pass "jq reads all $nfiles files"
else fail "jq cannot read a file of the API"; fi
lines=$(find "$api" -type f ! -name openapi.json -exec cat {} + | wc -l)
[ "$lines" -eq $((nfiles - 1)) ] && pass "each data file is one line" || fail "$lines lines in $((nfiles - 1)) data files"
n=$(grep -c '^static/api/v1/' "$site/.codekb-site")
[ "$n" -eq "$nfiles" ] && pass "the list of the export names the $n files" || fail "the list names $n files of $nfiles"
# a protocol's file lists all its codes, each with its summary and its
# name in the language (SMTP's 149 are near 70 KB in Japanese)
big=$(find "$api" -mindepth 3 -type f -size +64k | head -3)
[ -z "$big" ] && pass "every code's file is at most 64 KB" || fail "code files over 64 KB: $big"
big=$(find "$api" -maxdepth 2 -type f -size +96k | head -3)
[ -z "$big" ] && pass "every protocol's file and the index at most 96 KB" || fail "files over 96 KB: $big"

# -- the OpenAPI description: Redocly lints it, without the network where
#    a network namespace can be had, and fails on a broken copy
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
offline=""
if unshare -rn true 2>/dev/null; then offline="unshare -rn"; else
	echo "# no network namespace here: redocly runs with its telemetry and update check off"; fi
lint() { (cd "$CODEKB_SRC" && timeout 120 $offline node_modules/.bin/redocly lint --config redocly.yaml "$1") >"$work/lint" 2>&1; }
if lint "$api/openapi.json"; then pass "redocly lint passes on openapi.json${offline:+, offline}"
else fail "redocly lint: $(grep -v '^ *$' "$work/lint" | grep -iv 'node\|═\|║' | head -5)"; fi
jq 'del(.components.schemas.CodeSummary)' "$api/openapi.json" >"$work/no-schema.json"
jq '.paths["/api/v1/{lang}/{protocol}.json"].get.parameters |= .[0:1]' "$api/openapi.json" >"$work/no-param.json"
for broken in no-schema no-param; do
	if lint "$work/$broken.json"; then fail "redocly lint passes on a copy with $broken"
	else pass "redocly lint fails on a copy with $broken"; fi
done

# -- the schemas (ajv), a response broken on purpose, and the URLs
for mode in schemas broken urls; do
	node "$CODEKB_SRC/tests/e2e/api-validate.mjs" $mode "$site" >"$work/v" 2>&1
	rc=$?
	cat "$work/v"
	[ $rc -eq 0 ] && pass "api-validate.mjs $mode" || fail "api-validate.mjs $mode (exit $rc)"
done

# -- values
f="$api/ja/sip/486.json"
[ "$(jq -r .reason "$f")" = "Busy Here" ] && pass "ja/sip/486.json: reason Busy Here" || fail "486 reason: $(jq -r .reason "$f")"
want=$("$CODEKB" --db "$db" sql "SELECT body FROM text WHERE locale = 'ja' AND protocol = 'SIP'
	AND code = '486' AND vendor = '' AND field = 'description'" --format json | jq -r '.[0].body')
got=$(jq -r .description "$f")
if [ "$got" = "$want" ] && grep -qF "ja,SIP,486,$want," "$CODEKB_SRC/data/sip/texts-ja.csv"; then
	pass "ja/sip/486.json: the Japanese description of data/sip/texts-ja.csv"
else fail "486 description: '$got'"; fi
[ "$(jq -r '.fallback | length' "$f")" = 0 ] && pass "ja/sip/486.json: no text in English" || fail "486 fallback: $(jq -c .fallback "$f")"
# its equivalents are the data's; HTTP's entry if there is one
want=$(q "SELECT group_concat(protocol || ' ' || code, ',') FROM (SELECT protocol, code FROM equivalent_l10n
	WHERE locale = 'ja' AND from_protocol = 'SIP' AND from_code = '486' ORDER BY protocol, code)")
got=$(jq -r '[.equivalents[] | .protocol + " " + .code] | join(",")' "$f")
[ "$got" = "$want" ] && pass "ja/sip/486.json: the equivalents of the data ('$got')" || fail "486 equivalents '$got', wanted '$want'"
f="$api/ja/sip/404.json"
want=$("$CODEKB" --db "$db" sql "SELECT note FROM equivalent_l10n WHERE locale = 'ja' AND from_protocol = 'SIP'
	AND from_code = '404' AND protocol = 'HTTP' AND code = '404'" --format json | jq -r '.[0].note')
if jq -e --arg note "$want" '.equivalents | any(.protocol == "HTTP" and .code == "404" and .note == $note
	and .href == "/api/v1/ja/http/404.json" and .html == "/ja/http/404/")' "$f" >/dev/null && [ "$want" != null ]; then
	pass "ja/sip/404.json: HTTP 404 among its equivalents, with the Japanese note and its URLs"
else fail "404 equivalents: $(jq -c '.equivalents' "$f" | head -c 300)"; fi
f="$api/ja/sip/486.json"
if jq -e '(.comparisons | any(.code == "600" and .html == "/ja/sip/486-vs-600/"))
	and (.comparisons | any(.code == "180" and .html == "/ja/sip/180-vs-486/"))
	and (.comparisons | all(.code != "486"))' "$f" >/dev/null; then
	pass "ja/sip/486.json: its comparisons, named by the code sorting first"
else fail "486 comparisons: $(jq -c '.comparisons[0:3]' "$f")"; fi
n=$(jq '.comparisons | length' "$f")
want=$(q "SELECT count(*) - 1 FROM code WHERE protocol = 'SIP'")
[ "$n" -eq "$want" ] && pass "ja/sip/486.json: $n comparisons, one per other SIP code" || fail "486: $n comparisons, wanted $want"
f="$api/en/http/499-nginx.json"
if jq -e '.vendor == "nginx" and .status == "unofficial" and .href == "/api/v1/en/http/499-nginx.json"
	and .html == "/en/http/499-nginx/" and (.meanings | length > 0)
	and (.meanings | all(.href | test("^/api/v1/en/http/499(-|\\.json$)")))' "$f" >/dev/null; then
	pass "en/http/499-nginx.json: nginx's 499, with its other meanings"
else fail "499-nginx: $(jq -c '{vendor, status, href, meanings}' "$f" 2>&1 | head -c 300)"; fi
if jq -e '.codes | any(.code == "499" and .vendor == "nginx" and .href == "/api/v1/ja/http/499-nginx.json")' \
	"$api/ja/http.json" >/dev/null; then pass "ja/http.json lists nginx's 499"; else fail "ja/http.json has no nginx 499"; fi
# the code's name in the language beside its reason, null in English
jname=$(grep '^ja,HTTP,404,,' "$CODEKB_SRC/data/http/names-ja.csv" | cut -d, -f5)
if jq -e --arg n "$jname" '.reason == "Not Found" and .name == $n' "$api/ja/http/404.json" >/dev/null &&
	jq -e --arg n "$jname" '.codes | any(.code == "404" and .reason == "Not Found" and .name == $n)' "$api/ja/http.json" >/dev/null; then
	pass "ja/http/404.json and ja/http.json: the reason, and the Japanese name ($jname)"
else fail "ja 404 name: $(jq -c '{reason, name}' "$api/ja/http/404.json")"; fi
if jq -e 'has("name") and .name == null' "$api/en/http/404.json" >/dev/null &&
	jq -e '.codes | all(has("name") and .name == null)' "$api/en/http.json" >/dev/null; then
	pass "en: every code's name is null"
else fail "en 404 name: $(jq -c '.name' "$api/en/http/404.json")"; fi
f="$api/ja/http/299.json"
if jq -e '.description == null and .when_seen == null and .how_to_fix == null and .fallback == []' "$f" >/dev/null &&
	jq -e '.codes | any(.code == "299" and .summary == null)' "$api/ja/http.json" >/dev/null; then
	pass "a code without texts has null texts and summary"
else fail "HTTP 299: $(jq -c '{description, fallback}' "$f")"; fi
f="$api/ja/http/298.json"
if jq -e '.description == "This code has an English description only." and .when_seen == null
	and .fallback == ["description"]' "$f" >/dev/null; then
	pass "a text the language has none of is English, and named in fallback"
else fail "HTTP 298: $(jq -c '{description, fallback}' "$f")"; fi
if jq -e --arg n "$ncodes" '(.version == 1) and ([.protocols[].codes] | add == ($n | tonumber))
	and (.protocols | any(.id == "SIP" and .href.ja == "/api/v1/ja/sip.json"))
	and ([.languages[].tag] == ["de", "en", "ja"])' "$api/index.json" >/dev/null; then
	pass "index.json: version 1, the languages, and the protocols with their $ncodes codes"
else fail "index.json: $(head -c 300 "$api/index.json")"; fi
if jq -e '.lang == "ja" and .protocol.id == "SIP" and (.classes | any(.label == "4xx"))
	and (.codes | any(.code == "486" and .class_label == "4xx" and .html == "/ja/sip/486/"))' "$api/ja/sip.json" >/dev/null; then
	pass "ja/sip.json: the protocol, its classes and its codes"
else fail "ja/sip.json: $(head -c 300 "$api/ja/sip.json")"; fi

# -- a code removed from the database: its files go on the next export
sqlite3 "$db" "PRAGMA foreign_keys = ON; DELETE FROM code WHERE protocol = 'HTTP' AND code = '299'"
expect_code 0 "export site again without HTTP 299" "$CODEKB" --db "$db" export site --output "$site" --lang de --lang en --lang ja
n=$(q "SELECT count(*) FROM code WHERE protocol = 'HTTP'")
expect_in "$work/out" ", $((3 * (n + 2))) removed" "its page, its $n pair pages and its API file go, in each language"
if [ -e "$api/ja/http/299.json" ] || [ -e "$api/en/http/299.json" ]; then
	fail "an API file of HTTP 299 is left"; else pass "no API file of HTTP 299 is left"; fi
if jq -e '(.codes | all(.code != "299"))' "$api/ja/http.json" >/dev/null &&
	! grep -q '"code":"299"' "$api/en/http/200.json"; then
	pass "the HTTP file and the comparisons no longer list 299"; else fail "HTTP 299 is still listed"; fi
finish
