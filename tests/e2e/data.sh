# data.sh - the shipped data: every registered SIP and HTTP code agrees with the
# registry facts in tests/fixtures/registry, and the localized comparison pages
# have their headings and no English sentences.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB

# The registry's rows as "PROTO CODE|phrase", with the annotation such as
# "(Deprecated)" dropped, and 306/418 "(Unused)" given the phrase "Unused".
registry() {
	tail -n +2 "$CODEKB_REFERENCE/$1.tsv" | awk -F'\t' '{
		r = $3
		sub(/ *\((Deprecated|OBSOLETED|TEMPORARY[^)]*)\)$/, "", r)
		if (r == "(Unused)") r = "Unused"
		print $1 " " $2 "|" r }' | sort
}

for proto in sip http; do
	registry "$proto" >"$work/want.$proto"
	"$CODEKB" --db "$db" list --protocol "$proto" --format csv |
		tail -n +2 | tr -d '\r' | awk -F, '$NF == "" {
			r = $3; for (i = 4; i < NF - 3; i++) r = r "," $i
			print $1 " " $2 "|" r }' | sort >"$work/got.$proto"
	n=$(wc -l <"$work/want.$proto")
	if cmp -s "$work/want.$proto" "$work/got.$proto"; then
		pass "list --protocol $proto matches the registry ($n codes)"
	else
		fail "list --protocol $proto differs from the registry"
		diff "$work/want.$proto" "$work/got.$proto" | head -10 | sed 's/^/#   /'
	fi
done
expect_code 0 "list --protocol sip" "$CODEKB" --db "$db" list --protocol sip
lines=$(wc -l <"$work/out")
if [ "$lines" -eq 89 ]; then pass "table lists 75 registered SIP codes and 12 of stacks"; else fail "table has $lines lines"; fi

# References: the document of each code matches the registry's.
for proto in sip http; do
	tail -n +2 "$CODEKB_REFERENCE/$proto.tsv" | awk -F'\t' '{
		ref = $4; sub(/ Section .*/, "", ref); sub(/;.*/, "", ref)
		print $2 "|" ref }' | sort >"$work/refwant"
	P=$(echo "$proto" | tr a-z A-Z)
	"$CODEKB" --db "$db" sql "SELECT code || '|' || reference FROM code WHERE protocol = '$P' AND vendor = '' ORDER BY 1" --format csv |
		tail -n +2 | tr -d '\r' | sort >"$work/refgot"
	if cmp -s "$work/refwant" "$work/refgot"; then pass "$proto references match the registry"
	else fail "$proto references differ"; diff "$work/refwant" "$work/refgot" | head -6 | sed 's/^/#   /'; fi
done

# English sentences: three lower-case Latin words in a row.
english_lines() {
	grep -v '^#' "$1" | grep -v '^- \[' | grep -E '[a-z]{2,} [a-z]{2,} [a-z]{2,}'
}

expect_code 0 "compare SIP 100 302 --lang ja" "$CODEKB" --db "$db" compare SIP 100 302 --lang ja
for h in "### 説明" "### このコードが表示される場合" "### 解決方法" "## 主な違い" "## どちらをいつ使うか" "## 詳しく見る"; do
	expect_in "$work/out" "$h" "ja page has heading '$h'"
done
if english_lines "$work/out" >"$work/eng"; then fail "ja page has English sentences"; sed 's/^/#   /' "$work/eng" | head -5
else pass "ja page has no English sentence"; fi

expect_code 0 "compare SIP 100 410 --lang zh" "$CODEKB" --db "$db" compare SIP 100 410 --lang zh
for h in "### 描述" "### 何时出现" "### 如何修复" "## 主要区别" "## 何时使用哪个" "## 了解更多"; do
	expect_in "$work/out" "$h" "zh page has heading '$h'"
done
if english_lines "$work/out" >"$work/eng"; then fail "zh page has English sentences"; sed 's/^/#   /' "$work/eng" | head -5
else pass "zh page has no English sentence"; fi
expect_in "$work/out" "[RFC 3261 第 21.4.10 节](https://www.rfc-editor.org/rfc/rfc3261#section-21.4.10)" "zh page links the RFC section"

for page in "HTTP 401 403 zh 如何区分 401 和 403" "SIP 486 600 ja 486 と 600 の見分け方" \
	"HTTP 301 308 ja 301 と 308 の見分け方" "SIP 404 604 zh 如何区分 404 和 604"; do
	set -- $page
	expect_code 0 "compare $1 $2 $3 --lang $4" "$CODEKB" --db "$db" compare "$1" "$2" "$3" --lang "$4"
	shift 4
	expect_in "$work/out" "$*" "the page carries its hand-written note"
	if english_lines "$work/out" >"$work/eng"; then fail "the page has English sentences"
		sed 's/^/#   /' "$work/eng" | head -5
	else pass "the page has no English sentence"; fi
done

expect_code 0 "show SIP 202" "$CODEKB" --db "$db" show SIP 202
expect_in "$work/out" "deprecated" "SIP 202 says it is deprecated"
finish
