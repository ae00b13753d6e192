# pages.sh - the comparison pages tell codes apart, in every language the
# database ships: the facts that differ are there, in the language's own
# templates; nothing advises sending an unused code; and no sentence of
# 30 characters or more appears twice on any comparison page of the site.
. "$(dirname "$0")/lib.sh"
db="$CODEKB_DEFAULT_DB"
langs=$("$CODEKB" --db "$db" sql --format csv \
	"SELECT locale FROM ui UNION SELECT locale FROM text ORDER BY 1" |
	tail -n +2 | tr -d '\r')

# sentence LANG KEY VALUES: the template KEY of LANG filled with VALUES,
# a json_object() argument list, as the pages fill it
sentence() {
	"$CODEKB" --db "$db" sql --format csv \
		"SELECT fill(text, json_object($3)) AS s FROM ui_l10n WHERE locale = '$1' AND key = '$2'" |
		tail -n +2 | tr -d '\r' | sed -e 's/^"//; s/"$//; s/""/"/g'
}

# page_has PAGE TEXT WHAT: the page in $work/page.md has TEXT
page_has() { expect_in "$work/page.md" "$1" "$2"; }

for lang in $langs; do
	"$CODEKB" --db "$db" compare HTTP 302 307 --lang "$lang" >"$work/page.md"
	page_has "$(sentence "$lang" diff.method "'a', '302', 'b', '307',
		'a_value', (SELECT text FROM ui_l10n WHERE locale = '$lang' AND key = 'fact.method.may_get'),
		'b_value', (SELECT text FROM ui_l10n WHERE locale = '$lang' AND key = 'fact.method.keep')")" \
		"$lang: HTTP 302 vs 307 says that 302 lets the method change and 307 does not"

	"$CODEKB" --db "$db" compare SIP 401 407 --lang "$lang" >"$work/page.md"
	page_has "$(sentence "$lang" diff.must "'a', '401', 'b', '407',
		'a_value', 'WWW-Authenticate', 'b_value', 'Proxy-Authenticate'")" \
		"$lang: SIP 401 vs 407 names both challenge header fields"

	"$CODEKB" --db "$db" compare SIP 486 600 --lang "$lang" >"$work/page.md"
	page_has "$(sentence "$lang" diff.forking.one "'has', '600', 'lacks', '486'")" \
		"$lang: SIP 486 vs 600 says that 600 ends the search for other locations"

	expect_code 0 "$lang: compare HTTP 200 418 as JSON" \
		"$CODEKB" --db "$db" compare HTTP 200 418 --lang "$lang" --format json
	json=$(sed "s/'/''/g" "$work/out")
	if "$CODEKB" --db "$db" sql --format csv \
		"SELECT count(*) FROM json_each(json_extract('$json', '\$.which')) WHERE value LIKE '%418%'" \
		>"$work/n" 2>&1 && [ "$(tail -n +2 "$work/n" | tr -d '\r')" = 0 ]; then
		pass "$lang: HTTP 200 vs 418 advises nobody to send 418"
	else
		fail "$lang: HTTP 200 vs 418 has advice on 418: $(cat "$work/n")"
	fi
done

# What the review of the pages found, as the RFCs have it
expect_code 0 "flags, statuses, sections and older names" "$CODEKB" --db "$db" sql --format csv \
	"SELECT protocol || ' ' || code || ' ' || status || ' ' || cacheable || ' ' || section || ' [' || former || ']'
	 FROM code WHERE (protocol, code) IN (('HTTP', '451'), ('HTTP', '305'), ('SIP', '202'), ('SIP', '489'),
	     ('SIP', '204'), ('SIP', '417'), ('SIP', '428'), ('SIP', '430'), ('SIP', '439'), ('SIP', '469'),
	     ('SIP', '494'), ('SIP', '580'), ('SIP', '607'), ('SIP', '608'), ('SIP', '414'), ('SIP', '505'),
	     ('HTTP', '505')) ORDER BY protocol, sort"
for row in "HTTP 451 current 1 3 " "HTTP 305 deprecated 0 15.4.6" "HTTP 505 current 0 15.6.6 [HTTP Version not supported" \
	"SIP 202 deprecated 0 8.3.1" "SIP 204 current 0 7.1" "SIP 414 current 0 21.4.12 [Request-URI Too Large" \
	"SIP 417 current 0 4.6.2" "SIP 428 current 0 6.2.2" "SIP 430 current 0 11.5" "SIP 439 current 0 11.6 []" \
	"SIP 469 current 0 11.6" "SIP 489 current 0 8.3.2" "SIP 494 current 0 2.3" "SIP 505 current 0 21.5.6 [SIP Version not supported" \
	"SIP 580 current 0 8" "SIP 607 current 0 4" "SIP 608 current 0 3"; do
	expect_in "$work/out" "$row" "review fix: $row"
done
expect_code 0 "search Stale Date" "$CODEKB" --db "$db" search "Stale Date" --format csv
if grep -q "another name" "$work/out"; then fail "Stale Date is still called a name of SIP 439"; else
	pass "Stale Date is no name of SIP 439"; fi

# The stock sqlite3 shell, with codekb's functions loaded, renders the
# same page from the same view.
if [ -n "${CODEKB_SQL_EXT:-}" ] && command -v sqlite3 >/dev/null; then
	sqlite3 "$db" ".load ${CODEKB_SQL_EXT%.so}" "SELECT markdown FROM comparison
		WHERE locale = 'ja' AND protocol = 'SIP' AND code_a = '486'
		AND vendor_a = '' AND protocol_b = 'SIP' AND code_b = '600'
		AND vendor_b = ''" >"$work/shell.md"
	"$CODEKB" --db "$db" compare SIP 486 600 --lang ja >"$work/page.md"
	echo >>"$work/page.md"
	if cmp -s "$work/shell.md" "$work/page.md"; then
		pass "the sqlite3 shell with codekb-sql renders the page codekb compare prints"
	else
		fail "the sqlite3 shell renders another page"
		diff "$work/shell.md" "$work/page.md" | head -5 | sed 's/^/#   /'
	fi
fi

# Every comparison page of the site, in every language: no sentence of 30
# characters or more twice.  Sentences end at '. ', '。', '！', '？' or a
# line; list numbers and heading marks are not part of them.
expect_code 0 "export site" "$CODEKB" --db "$(site_db)" export site --output "$work/site"
find "$work/site/content" -name '*-vs-*.md' >"$work/pages"
pages=$(wc -l <"$work/pages")
if [ "$pages" -gt 1000 ]; then pass "the site has $pages comparison pages"; else
	fail "the site has only $pages comparison pages"; fi
xargs awk '
	FNR == 1 { front = 0 }
	/^---$/ { front++; next }
	front < 2 { next }
	/^#/ { next }
	{
		line = $0
		sub(/^([0-9]+\.|-) /, "", line)
		gsub(/(\. |。|！|？)/, "\n", line)
		n = split(line, part, "\n")
		for (i = 1; i <= n; i++) {
			s = part[i]
			gsub(/^ +| +$/, "", s)
			# characters, not bytes: UTF-8 continuation bytes do
			# not count
			c = s
			if (length(s) - gsub(/[\200-\277]/, "", c) < 30)
				continue
			if ((FILENAME, s) in seen) {
				print FILENAME ": " s
				dup++
			}
			seen[FILENAME, s] = 1
		}
	}
	END { exit dup > 0 }' <"$work/pages" >"$work/dups"
if [ ! -s "$work/dups" ]; then
	pass "no sentence of 30 characters or more appears twice on any of the $pages pages"
else
	fail "$(wc -l <"$work/dups") sentences appear twice on a page"
	head -5 "$work/dups" | sed 's/^/#   /'
fi
finish
