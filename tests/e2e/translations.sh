# translations.sh - the translators' round trip: export what is missing or
# stale in a language, texts and the codes' names and terms alike, fill in
# the `translation` column (here with the sqlite3 shell, as a spreadsheet
# would), import the file as it is, and the texts and names are current; a
# translation made from an outdated English text, or a name from an
# outdated reason, is stale at once.  A bad row of the worksheet is
# refused, naming its place, and nothing is written.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
printf 'protocol,code,reason,description\nSIP,486,Busy Here,The callee was reached but is busy on this device; other forks may still answer.\n' >"$work/en.csv"
printf 'protocol,code,reason,description,when_seen,how_to_fix\nSIP,499,Made Up For Testing,"A test code, used only here.",Only in tests.,Nothing to fix.\n' >"$work/new.csv"
# a reason that changes makes the code's names stale
printf 'protocol,code,reason\nSIP,480,Temporarily Not Available\n' >"$work/reason.csv"
old_name=$(sqlite3 "$db" "SELECT name FROM code_name WHERE protocol = 'SIP' AND code = '480' AND locale = 'ja'")
old_terms=$(sqlite3 "$db" "SELECT terms FROM code_name WHERE protocol = 'SIP' AND code = '480' AND locale = 'ja'")
names=$(sqlite3 "$db" "SELECT count(*) FROM code_name WHERE protocol = 'SIP' AND locale = 'ja' AND name IS NOT NULL")
expect_code 0 "change an English text and a reason, and add a code" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/en.csv" "$work/new.csv" "$work/reason.csv"
# three texts per SIP code, the new one included
t=$(sqlite3 "$db" "SELECT 3 * count(*) FROM code WHERE protocol = 'SIP'")

expect_code 0 "export translations --lang ja" "$CODEKB" --db "$db" export translations --lang ja --protocol sip --output "$work/sheet.csv"
expect_in "$work/sheet.csv" "locale,protocol,code,vendor,field,status,english,previous,translation" "the worksheet's header"
n=$(tail -n +2 "$work/sheet.csv" | grep -c -e '^ja,SIP,[0-9]*,,description,' -e '^ja,SIP,[0-9]*,,when_seen,' -e '^ja,SIP,[0-9]*,,how_to_fix,')
if [ "$n" -eq 4 ]; then pass "one stale and three missing texts"; else fail "$n text rows"; fi
n=$(tail -n +2 "$work/sheet.csv" | grep -c -e '^ja,SIP,[0-9]*,,name,' -e '^ja,SIP,[0-9]*,,terms,')
if [ "$n" -eq 4 ]; then pass "a missing and a stale name, with their terms"; else fail "$n name rows"; fi
expect_in "$work/sheet.csv" 'ja,SIP,499,,description,missing,"A test code, used only here.",,' "a missing text with its English source"
expect_in "$work/sheet.csv" "ja,SIP,486,,description,stale,The callee was reached" "the stale text with the new English"
expect_in "$work/sheet.csv" "ja,SIP,499,,name,missing,Made Up For Testing,," "a missing name with the reason it translates"
expect_in "$work/sheet.csv" "ja,SIP,499,,terms,missing,Made Up For Testing,," "missing terms with the reason"
expect_in "$work/sheet.csv" "ja,SIP,480,,name,stale,Temporarily Not Available,$old_name," "the stale name with the new reason and the old name"
expect_in "$work/sheet.csv" "ja,SIP,480,,terms,stale,Temporarily Not Available,$old_terms," "the stale terms with the new reason and the old terms"
tail -n +2 "$work/sheet.csv" | cut -d, -f3,5 | tr -d '\r' | tr '\n' ' ' >"$work/order"
expect_in "$work/order" "480,name 480,terms 486,description 499,name 499,terms 499,description 499,when_seen 499,how_to_fix" "a code's rows together, its name and terms first"
expect_code 0 "the worksheet as JSON" "$CODEKB" --db "$db" export translations --lang ja --protocol sip --format json
expect_in "$work/out" '{"locale":"ja","protocol":"SIP","code":"480","vendor":null,"field":"name","status":"stale","english":"Temporarily Not Available"' "a name's row in JSON"

"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$((t - 3)),3,1,$(awk -v t="$t" 'BEGIN { printf "%.1f", 100 * (t - 4) / t }'),$names,1," "coverage counts 3 missing texts, 1 stale, and 1 stale name"

# The translator fills in the last column.
sqlite3 :memory: ".import --csv $work/sheet.csv w" \
	"UPDATE w SET translation = 'テスト用の訳文（' || field || '）です。'" \
	".headers on" ".mode csv" ".once $work/filled.csv" "SELECT * FROM w"
expect_code 0 "import the filled worksheet as it is" "$CODEKB_IMPORT" --db "$db" "$work/filled.csv"
expect_in "$work/out" "translations: 5 added, 3 replaced, 0 skipped, 0 unchanged" "three texts, a name and its terms added; a text, a name and its terms replaced"
"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$t,0,0,100.0,$((names + 1)),0," "ja is complete and current again, names too"
row=$(sqlite3 -separator '|' "$db" "SELECT name, terms, source FROM code_name WHERE protocol = 'SIP' AND code = '480' AND locale = 'ja'")
[ "$row" = "テスト用の訳文（name）です。|テスト用の訳文（terms）です。|Temporarily Not Available" ] &&
	pass "the edited name and terms are stored, named from the current reason" || fail "SIP 480 ja: $row"
row=$(sqlite3 -separator '|' "$db" "SELECT name, terms, source FROM code_name WHERE protocol = 'SIP' AND code = '499' AND locale = 'ja'")
[ "$row" = "テスト用の訳文（name）です。|テスト用の訳文（terms）です。|Made Up For Testing" ] &&
	pass "the new code's name and terms are stored" || fail "SIP 499 ja: $row"
expect_code 0 "the new terms are searched" "$CODEKB" --db "$db" sql "SELECT count(*) FROM search_doc WHERE protocol = 'SIP' AND code = '480' AND locale = 'ja' AND field = 'terms' AND body = 'テスト用の訳文（terms）です。'" --format csv
expect_in "$work/out" "1" "search holds the new terms"
"$CODEKB" --db "$db" export translations --lang ja --protocol sip >"$work/left.csv"
n=$(wc -l <"$work/left.csv")
if [ "$n" -eq 1 ]; then pass "nothing left to translate"; else fail "$n lines left"; fi
expect_code 0 "the imported text is used" "$CODEKB" --db "$db" show SIP 499 --lang ja
expect_in "$work/out" "テスト用の訳文（description）です。" "the translation is on the page"

# A worksheet made before the English changed gives stale translations.
sed 's/The callee was reached but is busy on this device; other forks may still answer\./An older English text./' "$work/filled.csv" >"$work/old.csv"
expect_code 0 "import a worksheet made from an older English text" "$CODEKB_IMPORT" --db "$db" "$work/old.csv"
"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$t,0,1," "that translation is stale at once"
# ... and one made before the reason changed gives a stale name.
# (The text made stale above is current again; a code's name and terms
# share one source, so the terms row finds it as the name row left it.)
sed 's/"Temporarily Not Available"/"Temporarily Unavailable"/' "$work/filled.csv" >"$work/old-name.csv"
expect_code 0 "import a worksheet made from an older reason" "$CODEKB_IMPORT" --db "$db" "$work/old-name.csv"
expect_in "$work/out" "translations: 0 added, 2 replaced, 0 skipped, 6 unchanged" "the text and the name are replaced"
"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$t,0,0,100.0,$((names + 1)),1," "that name is stale at once"
"$CODEKB" --db "$db" export translations --lang ja --protocol sip >"$work/left.csv"
expect_in "$work/left.csv" "ja,SIP,480,,name,stale,Temporarily Not Available,テスト用の訳文（name）です。," "the stale name is in the next worksheet"
expect_code 2 "export translations without --lang" "$CODEKB" --db "$db" export translations
expect_code 2 "export translations in English" "$CODEKB" --db "$db" export translations --lang en

# A worksheet imported in the same run as a texts file that changes the
# same text: the worksheet, loaded last, wins.
printf 'locale,protocol,code,description\nja,SIP,486,テスト用の説明その一です。\n' >"$work/texts-ja.csv"
printf '%s\n%s\n' "locale,protocol,code,vendor,field,status,english,previous,translation" \
	"ja,SIP,486,,description,stale,\"$(sqlite3 "$db" "SELECT body FROM text WHERE protocol = 'SIP' AND code = '486' AND locale = 'en' AND field = 'description'")\",,テスト用の説明その二です。" >"$work/sheet-486.csv"
expect_code 0 "a texts file and a worksheet for the same text in one run" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/sheet-486.csv" "$work/texts-ja.csv"
[ "$(sqlite3 "$db" "SELECT body FROM text WHERE protocol = 'SIP' AND code = '486' AND locale = 'ja' AND field = 'description'")" = "テスト用の説明その二です。" ] &&
	pass "the worksheet's translation is stored" || fail "SIP 486 ja description is not the worksheet's"

# Bad rows: each refused with one line naming the file, line and column,
# and nothing is written.
header="locale,protocol,code,vendor,field,status,english,previous,translation"
snapshot() { sqlite3 "$db" "SELECT * FROM code_name ORDER BY 1, 2, 3, 4; SELECT * FROM text ORDER BY 1, 2, 3, 4, 5" | md5sum; }
before=$(snapshot)
bad() {
	col=$1; what=$2
	printf '%s\n%s\n' "$header" "$3" >"$work/bad.csv"
	expect_code 1 "refused: $what" "$CODEKB_IMPORT" --db "$db" "$work/bad.csv"
	n=$(grep -c "^codekb-import: $work/bad.csv:" "$work/err")
	if [ "$n" -eq 1 ] && grep -q "^codekb-import: $work/bad.csv:2:$col: " "$work/err"; then
		pass "one line names $what at bad.csv:2:$col"
	else
		fail "$what: $(head -2 "$work/err" | tr '\n' ' ')"
	fi
}
bad 9 "an empty name" 'ja,SIP,480,,name,stale,Temporarily Not Available,x,"  "'
bad 9 "a name with spaces around it" 'ja,SIP,480,,name,stale,Temporarily Not Available,x, 不在'
bad 9 "a name of two lines" 'ja,SIP,480,,name,stale,Temporarily Not Available,x,"不在
中"'
bad 9 "terms with an empty term" 'ja,SIP,480,,terms,stale,Temporarily Not Available,x,不在||留守'
bad 9 "a control character in a name" "ja,SIP,480,,name,stale,Temporarily Not Available,x,不在$(printf '\033')[31m"
bad 9 "invalid UTF-8 in a name" "ja,SIP,480,,name,stale,Temporarily Not Available,x,不在$(printf '\377')"
bad 3 "a name of an unknown code" 'ja,SIP,477,,name,missing,Made Up,,不在'
bad 1 "a name in an unknown language" 'xx,SIP,480,,name,stale,Temporarily Not Available,x,不在'
bad 1 "an English name" 'en,SIP,480,,name,stale,Temporarily Not Available,x,Away'
bad 5 "an unknown field" 'ja,SIP,480,,nickname,stale,Temporarily Not Available,x,不在'
# a good row beside a bad one is not written either
printf '%s\n%s\n%s\n' "$header" 'ja,SIP,486,,name,stale,Busy Here,x,話し中' \
	'ja,SIP,480,,terms,stale,Temporarily Not Available,x, 不在' >"$work/bad.csv"
expect_code 1 "refused: a good row and a bad one" "$CODEKB_IMPORT" --db "$db" "$work/bad.csv"
expect_in "$work/err" "bad.csv:3:9: " "the bad row is named"
[ "$(snapshot)" = "$before" ] && pass "no bad worksheet wrote anything" || fail "the database changed"
finish
