# languages.sh - the pages of Korean, French, German, Spanish and Brazilian
# Portuguese are written in their language apart from literals, choose
# their words' forms by value (Korean particles after every code of every
# protocol, French and German gender and elision, plurals), and `check`
# finds a particle that disagrees with a number's reading.
. "$(dirname "$0")/lib.sh"
db="$CODEKB_DEFAULT_DB"

# written_in LANG FILE: every sentence of the page FILE that is prose is in
# LANG.  Literals are taken out first: the reason phrases of the page's
# codes (given in $literals, one per line), links, header field names in
# `code`, and RFC references.  A sentence fails if it keeps two common
# English words, or (with four Latin words or more) none of LANG's own
# common words; a Korean sentence fails without Hangul.  Prints the
# sentences that fail.
written_in() {
	awk -v lang="$1" -v lits="$literals" '
	BEGIN {
		n = split(lits, lit, "\n")
		split("the is are and of to with when which that this it be for from not should must has have by", e, " ")
		for (i in e) english[e[i]] = 1
		own["fr"] = "le la les un une des du de est et que qui pour dans par sur au aux ne pas à"
		own["de"] = "der die das ein eine einen einem ist und nicht von mit für zu zur zum im am vom beim bei auf den dem des sich"
		own["es"] = "el la los las un una de del es y que en por para con se no lo cada uno cuándo cómo"
		own["pt"] = "o a os as um uma de do da é e que em no na por para com se não"
		split(own[lang], w, " ")
		for (i in w) mine[w[i]] = 1
	}
	/^- \[/ || /^$/ { next }
	{
		line = $0
		sub(/^#+ /, "", line)
		for (i = 1; i <= n; i++)
			if (lit[i] != "")
				while ((p = index(line, lit[i])) > 0)
					line = substr(line, 1, p - 1) " " substr(line, p + length(lit[i]))
		gsub(/\[[^]]*\]\([^)]*\)/, " ", line)
		gsub(/`[^`]*`/, " ", line)
		gsub(/RFC ?[0-9]+(, [A-Za-z]+ [0-9.]+)?/, " ", line)
		ns = split(line, sent, /[.!?;:] |[.!?]$|。/)
		for (s = 1; s <= ns; s++) {
			t = sent[s]
			if (lang == "ko") {
				if (t ~ /[A-Za-z][a-z]+ [a-z]+ [a-z]+/ && t !~ /[가-힣]/) { print t; bad++ }
				continue
			}
			nw = split(t, words, /[^A-Za-zÀ-ÿ]+/)
			latin = 0; en = 0; ok = 0; delete seen
			for (k = 1; k <= nw; k++) {
				x = words[k]
				if (x == "") continue
				latin++
				if ((x in english) && !(x in seen)) { seen[x] = 1; en++ }
				if (tolower(x) in mine) ok = 1
			}
			if (en >= 2 || (latin >= 4 && !ok)) { print t; bad++ }
		}
	}
	END { exit bad > 0 }' "$2"
}

# The reason phrases of SIP 100 and 410, the page's literals.
literals=$(printf 'Trying\nGone\nSession Initiation Protocol\n')

"$CODEKB" --db "$db" compare SIP 100 410 --lang en >"$work/en.md"
for lang in ko fr de es pt; do
	expect_code 0 "compare SIP 100 410 --lang $lang" \
		"$CODEKB" --db "$db" compare SIP 100 410 --lang "$lang"
	cp "$work/out" "$work/$lang.md"
	# the codes' names in the language, beside their reasons, are labels
	# of a few words, not sentences: taken out as literals too
	literals=$(printf 'Trying\nGone\nSession Initiation Protocol\n'; sqlite3 "$db" "SELECT name FROM code_name
		WHERE locale = '$lang' AND protocol = 'SIP' AND code IN ('100', '410') AND name IS NOT NULL")
	if written_in "$lang" "$work/$lang.md" >"$work/bad"; then
		pass "compare SIP 100 410 --lang $lang is written in $lang throughout"
	else
		fail "compare SIP 100 410 --lang $lang has sentences not in $lang"
		head -5 "$work/bad" | sed 's/^/#   /'
	fi
	# the same test fails on the English page: it cannot pass on English
	if written_in "$lang" "$work/en.md" >/dev/null; then
		fail "the $lang test passes the English page"
	else
		pass "the $lang test fails the English page"
	fi
done

# -- each language is complete: its translators' worksheet has nothing left
#    to do, and coverage counts every text current
for lang in ko fr de es pt-BR; do
	expect_code 0 "export translations --lang $lang" \
		"$CODEKB" --db "$db" export translations --lang "$lang"
	rows=$(($(wc -l <"$work/out") - 1))
	[ "$rows" -eq 0 ] && pass "the $lang worksheet is empty: nothing missing or stale" ||
		fail "the $lang worksheet has $rows rows"
done
"$CODEKB" --db "$db" coverage --format csv | tr -d '\r' >"$work/coverage"
bad=$(awk -F, 'NR > 1 && $2 ~ /^(ko|fr|de|es|pt)$/ && ($5 != 0 || $6 != 0 || $7 != "100.0")' "$work/coverage")
n=$(awk -F, 'NR > 1 && $2 ~ /^(ko|fr|de|es|pt)$/' "$work/coverage" | wc -l)
[ -z "$bad" ] && [ "$n" -eq 30 ] && pass "coverage: ko, fr, de, es, pt 100% current in all six protocols" ||
	{ fail "coverage is not complete"; echo "$bad" | head -5 | sed 's/^/#   /'; }

"$CODEKB" --db "$db" compare SIP 100 410 --lang pt-BR >"$work/pt-BR.md"
if cmp -s "$work/pt.md" "$work/pt-BR.md"; then
	pass "--lang pt-BR is --lang pt"
else
	fail "--lang pt-BR and --lang pt differ"
fi

# -- Korean particles after every code of every protocol follow the code's
#    reading, which its last digit decides: 2, 4, 5 and 9 read 이, 사, 오
#    and 구 and take 를; 1, 3, 6, 7, 8 end in a consonant, and so do 0 alone
#    (영) and every 0 after another digit (십, 백, 천, 만), and take 을.
#    Of a dotted code, the last number counts (5.7.26: 이십육).
"$CODEKB" --db "$db" sql "SELECT protocol, code,
	fill('{c}{c|final:을|를}', json_object('c', code)) FROM code" \
	--format csv | tail -n +2 | tr -d '\r' >"$work/particles"
bad=$(awk -F, '{
	want = (substr($2, length($2)) ~ /[2459]/) ? "를" : "을"
	if ($3 != $2 want) print $1 " " $3 " (wanted " $2 want ")"
}' "$work/particles")
total=$(wc -l <"$work/particles")
if [ -z "$bad" ] && [ "$total" -gt 400 ]; then
	pass "a Korean particle after each of the $total codes follows its reading"
else
	fail "Korean particles that disagree with the code's reading"
	echo "$bad" | head -5 | sed 's/^/#   /'
fi

# page_says LANG "PROTO CODE" TEXT WHAT: the code's page in LANG has TEXT.
page_says() {
	expect_code 0 "show $2 --lang $1" "$CODEKB" --db "$db" show $2 --lang "$1"
	expect_in "$work/out" "$3" "$4"
}
page_says ko "SIP 486" "486(Busy Here)은" "486 is 사백팔십육 and takes 은"
page_says ko "SIP 302" "302(Moved Temporarily)는" "302 is 삼백이 and takes 는"
page_says ko "SMTP 5.7.26" "5.7.26(" "the dotted code's page is Korean"
grep -q "5\.7\.26([^)]*)은" "$work/out" && pass "5.7.26 ends in 이십육 and takes 은" ||
	fail "5.7.26 does not take 은"
page_says ko "GRPC UNAVAILABLE" "14(UNAVAILABLE)는" "14 is 십사 and takes 는"
"$CODEKB" --db "$db" sql "SELECT fill('{r}{r|final:은|는} {s}{s|final:은|는} {t}{t|final:은|는}',
	json_object('r', 'UNAVAILABLE', 's', 'INTERNAL', 't', 'UNKNOWN'))" --format csv >"$work/names"
expect_in "$work/names" "UNAVAILABLE은 INTERNAL은 UNKNOWN은" "gRPC names take the particle of how they are read"

# -- French and German: gender, elision and case by the value filled in
page_says fr "SIP 486" "est une réponse finale" "a French response is feminine: une réponse"
expect_in "$work/out" "définie dans la RFC 3261" "…and its participle agrees, after 'la RFC'"
page_says fr "WS 1000" "est un code de fermeture" "a French close code is masculine: un code"
page_says fr "HTTP 218" "un code d'Apache" "French elides de before a vowel: d'Apache"
page_says fr "HTTP 444" "un code de nginx" "…and not before a consonant: de nginx"
page_says de "SIP 486" "ist eine endgültige Antwort" "a German Antwort is feminine: eine"
page_says de "WS 1000" "ist ein Close-Code" "a German Close-Code is masculine: ein"
expect_code 0 "compare GRPC 0 1 --lang de" "$CODEKB" --db "$db" compare GRPC 0 1 --lang de
expect_in "$work/out" "0 kommt vom Server, 1 von einem Server oder Client" "German: vom Server, but von einem for any server"

# -- counts take each language's plural
count() {
	"$CODEKB" --db "$db" sql "SELECT fill(text, json_object('count', $2))
		FROM ui WHERE locale = '$1' AND key = 'index.count'" --format csv | tail -n 1 | tr -d '\r'
}
for want in "en 1 1 code:" "en 0 0 codes:" "en 12 12 codes:" "fr 0 0 code :" \
	"fr 1 1 code :" "fr 2 2 codes :" "pt 1 1 código:" "pt 3 3 códigos:" \
	"de 1 1 Code:" "de 5 5 Codes:" "es 1 1 código:" "es 0 0 códigos:" \
	"ko 7 코드 7개:"; do
	set -- $want
	l=$1; n=$2; shift 2
	got=$(count "$l" "$n")
	if [ "$got" = "$*" ]; then pass "$l: $n codes is '$*'"; else
		fail "$l: $n codes is '$got', wanted '$*'"; fi
done

# -- check finds a Korean particle that disagrees with a number's reading:
#    a template that writes 은 after every code, whatever it reads
mkdir -p "$work/data/ui"
cp "$CODEKB_SRC"/data/*.csv "$work/data/"
cp "$CODEKB_SRC"/data/ui/en.csv "$work/data/ui/"
mkdir -p "$work/data/sip"
cp "$CODEKB_SRC"/data/sip/classes.csv "$CODEKB_SRC"/data/sip/codes.csv "$work/data/sip/"
sed 's/{code}({reason}){code|final:은|는}/{code}({reason})은/' \
	"$CODEKB_SRC"/data/ui/ko.csv >"$work/data/ui/ko.csv"
# and a Korean text that was left in English
cat >"$work/data/sip/texts-ko.csv" <<'CSV'
locale,protocol,code,description,when_seen,how_to_fix
ko,SIP,100,This is the response that a proxy sends when the INVITE arrives.,INVITE가 도착하면 보냅니다.,조치할 필요가 없습니다.
CSV
expect_code 0 "a Korean template that always writes 은 imports" \
	"$CODEKB_IMPORT" --db "$work/bad.db" "$work/data"
expect_code 1 "check fails on it" "$CODEKB" --db "$work/bad.db" check
expect_in "$work/out" "particle '302(Moved Temporarily)은: 302 takes 는'" "check names the particle and the one the reading takes"
expect_in "$work/out" "SIP 100 ko description: an English sentence in a ko text" "check names the text left in English"
if grep -q "particle '486은" "$work/out"; then
	fail "check reports 486은, which agrees"
else
	pass "check leaves 486은 alone"
fi

[ "$failures" -eq 0 ]
