# translations.sh - the translators' round trip: export what is missing or
# stale in a language, fill in the `translation` column (here with the
# sqlite3 shell, as a spreadsheet would), import the file as it is, and the
# texts are current; a translation made from an outdated English text is
# stale at once.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
printf 'protocol,code,reason,description\nSIP,486,Busy Here,The callee was reached but is busy on this device; other forks may still answer.\n' >"$work/en.csv"
printf 'protocol,code,reason,description,when_seen,how_to_fix\nSIP,499,Made Up For Testing,"A test code, used only here.",Only in tests.,Nothing to fix.\n' >"$work/new.csv"
expect_code 0 "change an English text and add a code" "$CODEKB_IMPORT" --db "$db" --on-conflict replace "$work/en.csv" "$work/new.csv"
# three texts per SIP code, the new one included
t=$(sqlite3 "$db" "SELECT 3 * count(*) FROM code WHERE protocol = 'SIP'")

expect_code 0 "export translations --lang ja" "$CODEKB" --db "$db" export translations --lang ja --protocol sip --output "$work/sheet.csv"
expect_in "$work/sheet.csv" "locale,protocol,code,vendor,field,status,english,previous,translation" "the worksheet's header"
n=$(tail -n +2 "$work/sheet.csv" | grep -c '^ja,SIP,')
if [ "$n" -eq 4 ]; then pass "one stale and three missing texts"; else fail "$n rows"; fi
expect_in "$work/sheet.csv" 'ja,SIP,499,,description,missing,"A test code, used only here.",,' "a missing text with its English source"
expect_in "$work/sheet.csv" "ja,SIP,486,,description,stale,The callee was reached" "the stale text with the new English"

"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$((t - 3)),3,1," "coverage counts 3 missing and 1 stale"

# The translator fills in the last column.
sqlite3 :memory: ".import --csv $work/sheet.csv w" \
	"UPDATE w SET translation = 'テスト用の訳文（' || field || '）です。'" \
	".headers on" ".mode csv" ".once $work/filled.csv" "SELECT * FROM w"
expect_code 0 "import the filled worksheet as it is" "$CODEKB_IMPORT" --db "$db" "$work/filled.csv"
expect_in "$work/out" "translations: 3 added, 1 replaced, 0 skipped, 0 unchanged" "three added, one replaced"
"$CODEKB" --db "$db" coverage --protocol sip --format csv | tr -d '\r' >"$work/cov"
expect_in "$work/cov" "SIP,ja,$t,$t,0,0,100.0" "ja is complete and current again"
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
expect_code 2 "export translations without --lang" "$CODEKB" --db "$db" export translations
finish
