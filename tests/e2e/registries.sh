# registries.sh - the shipped SMTP, FTP, WebSocket and gRPC codes, and the
# vendors' HTTP and SIP codes, agree with the registry facts kept in
# tests/fixtures/registry (codes, phrases, references), in both
# directions; the SMTP registry's own CSV re-imports without a change; and
# the lookups users make of these protocols work.
. "$(dirname "$0")/lib.sh"
db="$CODEKB_DEFAULT_DB"
ref="$CODEKB_REFERENCE"

# actual PROTO: "code<TAB>reason<TAB>former<TAB>reference<TAB>vendor<TAB>status"
# per code of `codekb list` and `codekb export codes`.
actual() {
	"$CODEKB" --db "$db" export codes --protocol "$1" --format json |
		jq -r '.[] | [.code, .reason, .former, .reference, (.vendor // ""), .status] | @tsv'
}

# compare WHAT EXPECTED ACTUAL: both files hold sorted "code<TAB>..." lines
# of the same columns; they must be equal.
same_lines() {
	sort "$2" >"$2.s"; sort "$3" >"$3.s"
	if cmp -s "$2.s" "$3.s"; then pass "$1 ($(wc -l <"$2.s") codes)"; else
		fail "$1"; diff "$2.s" "$3.s" | head -10 | sed 's/^/#   /'; fi
}

# -- SMTP basic replies: RFC 5321 4.2.3, and the replies other RFCs define
#    (smtp-basic-extra.tsv, where the RFC text was read: rows that only the
#    enhanced registry names, or whose text was not read, stay out).  A
#    reply defined twice (454, 530) has one phrase as its reason and the
#    other among its former names; a challenge in brackets (334) has a
#    phrase of its own.
actual SMTP | awk -F'\t' '$1 !~ /\./' >"$work/smtp.all"
awk -F'\t' 'NR > 1 { print $2 "\t" $4 }' "$ref/smtp.tsv" |
	sed 's/\tRFC5321 Section 4.2.3$/\tRFC5321/' >"$work/smtp.want"
awk -F'\t' 'NR > 1 && $3 ~ /^RFC [0-9]+/ && $3 !~ /not read/ && $4 !~ /^yes/ {
	split($3, r, " "); print $1 "\tRFC" r[2] }' "$ref/smtp-basic-extra.tsv" |
	sort -u >>"$work/smtp.want"
cut -f1 "$work/smtp.want" | sort -u >"$work/smtp.codes"
cut -f1 "$work/smtp.all" >"$work/smtp.got"
same_lines "SMTP basic replies: the codes of RFC 5321 4.2.3 and of the other RFCs" "$work/smtp.codes" "$work/smtp.got"
bad=$(awk -F'\t' 'NR == FNR { refs[$1] = refs[$1] " " $2 " "; next }
	index(refs[$1], " " $4 " ") == 0 { print $1 " " $4 }' "$work/smtp.want" "$work/smtp.all")
if [ -z "$bad" ]; then pass "SMTP basic replies: each with the RFC that defines it"; else fail "SMTP references: $bad"; fi
awk -F'\t' 'NR > 1 { print $2 "\t" $3 }' "$ref/smtp.tsv" >"$work/smtp.phrases"
awk -F'\t' 'NR > 1 && $3 ~ /^RFC [0-9]+/ && $3 !~ /not read/ && $4 !~ /^yes/ && $2 !~ /^\[/ {
	print $1 "\t" $2 }' "$ref/smtp-basic-extra.tsv" >>"$work/smtp.phrases"
bad=$(awk -F'\t' 'NR == FNR { reason[$1] = $2; former[$1] = "; " $3 "; "; next }
	!($1 in reason) || (reason[$1] != $2 && index(former[$1], "; " $2 "; ") == 0) { print $1 " " $2 }' \
	"$work/smtp.all" "$work/smtp.phrases")
if [ -z "$bad" ]; then pass "SMTP basic replies: every RFC phrase is the reason or a former name"; else
	fail "SMTP phrases: $bad"; fi

# -- SMTP enhanced status codes: every registry entry X.s.d is stored under
#    the classes of its associated basic replies (at least one), with the
#    registry's sample text, reference and basic replies; every stored
#    dotted code is a registry entry.
actual SMTP | awk -F'\t' '$1 ~ /\./' >"$work/enh.got"
"$CODEKB" --db "$db" export codes --protocol SMTP --format json |
	jq -r '.[] | select(.code | contains(".")) | [.code, .basic] | @tsv' >"$work/enh.basic"
bad=$(awk -F'\t' 'FILENAME == ARGV[1] { n = split($1, k, "."); g = "X." k[2] "." k[3]
		reason[g] = $2; refs[g] = $4; have[g] = have[g] k[1]; next }
	FILENAME == ARGV[2] { n = split($1, k, "."); basic["X." k[2] "." k[3]] = $2; next }
	FNR > 1 { g = $1; want = $2; if (want == "") { want = $6; sub(/\.$/, "", want) }
		sub(/^\[/, "", $4); sub(/\].*$/, "", $4)
		if (!(g in reason)) { print g " missing"; next }
		if (reason[g] != want) print g " reason " reason[g]
		if (refs[g] != $4) print g " reference " refs[g] " not " $4
		b = ($3 == "Not given" || $3 == ".") ? "" : $3
		if (basic[g] != b) print g " basic " basic[g]
		cells = $3; while (match(cells, /[245][0-9X][0-9X]/)) {
			c = substr(cells, RSTART, 1)
			if (index(have[g], c) == 0) print g " not under class " c
			cells = substr(cells, RSTART + 3) }
		seen[g] = 1 }
	END { for (g in reason) if (!(g in seen)) print g " is not in the registry" }' \
	"$work/enh.got" "$work/enh.basic" "$ref/smtp-enhanced.tsv")
if [ -z "$bad" ]; then pass "SMTP enhanced codes: each registry entry, under its basic replies' classes, with its sample text, reference and basic replies"; else
	fail "SMTP enhanced: $(echo "$bad" | head -5 | tr '\n' ';')"; fi
n=$(wc -l <"$work/enh.got")
if [ "$n" -gt 81 ]; then pass "SMTP enhanced: $n codes from 81 entries"; else fail "$n enhanced codes"; fi
classes=$("$CODEKB" --db "$db" list --protocol SMTP --format json | jq -r '[.[].class] | unique | length')
if [ "$classes" -ge 24 ]; then pass "SMTP: its classes and the enhanced registry's class and subject sub-codes ($classes)"; else fail "$classes SMTP classes"; fi
"$CODEKB" --db "$db" list --protocol SMTP --class 5.7 --format json | jq -r '.[0].class' >"$work/cls"
expect_in "$work/cls" "Permanent Failure: Security or Policy Status" "--class 5.7 is the class of permanent security or policy failures"

# An enhanced code links to the basic replies of its class that the
# registry pairs it with, and a basic reply to its enhanced codes.
"$CODEKB" --db "$db" show SMTP 5.1.1 --format json | jq -r '[.paired[].code] | join(" ")' >"$work/p"
expect_line "$work/p" "550" "5.1.1 links to 550, not to the 451 of 4.1.1"
"$CODEKB" --db "$db" show SMTP 4.1.1 --format json | jq -r '[.paired[].code] | join(" ")' >"$work/p"
expect_line "$work/p" "451" "4.1.1 links to 451"
"$CODEKB" --db "$db" show SMTP 550 --format json | jq -r '[.paired[].code] | join(" ")' >"$work/p"
expect_in "$work/p" "5.1.1 " "550 lists 5.1.1 among its enhanced codes"
expect_in "$work/p" " 5.7.26" "and 5.7.26"

# -- Re-importing the SMTP registry's own CSV export changes nothing.
cp "$db" "$work/kb.db"
before=$(sha256sum "$work/kb.db" | cut -d' ' -f1)
expect_code 0 "the SMTP registry CSV into the shipped data" "$CODEKB_IMPORT" --db "$work/kb.db" --protocol SMTP "$ref/smtp-enhanced-status-codes.csv"
expect_line "$work/out" "codekb-import: iana: 0 added, 0 replaced, 0 skipped, 81 unchanged (0 range rows)" "re-importing the SMTP registry reports nothing changed"
after=$(sha256sum "$work/kb.db" | cut -d' ' -f1)
if [ "$before" = "$after" ]; then pass "the database file is byte-identical"; else fail "the database changed"; fi
if [ "$(wc -l <"$work/out")" -eq 1 ]; then pass "and reports nothing else, 4.2.2 counting as X.2.2's"; else fail "it reports: $(sed -n 2p "$work/out")"; fi

# -- FTP: RFC 959 4.2.2 exactly, and the verified replies of RFC 2228, 2428
#    and 4217; the unverified ones (228, 231) stay out.  A reply text that
#    is a template ("(integrity protected reply) base64...", "<text stating
#    ...>") has a phrase that the row's text or notes hold.
actual FTP >"$work/ftp.all"
{ awk -F'\t' 'NR > 1 { print $2 "\tRFC959" }' "$ref/ftp.tsv"
  awk -F'\t' 'NR > 1 && $4 == "verified" { split($3, r, " "); print $1 "\tRFC" r[2] }' "$ref/ftp-extra.tsv"
} >"$work/ftp.want"
cut -f1,4 "$work/ftp.all" >"$work/ftp.got"
same_lines "FTP: the codes and references of RFC 959 and the verified extensions" "$work/ftp.want" "$work/ftp.got"
bad=$(awk -F'\t' 'function norm(s) { gsub(/  +/, " ", s); sub(/\.$/, "", s); return s }
	NR == FNR { reason[$1] = $2; next }
	FILENAME ~ /ftp.tsv$/ && FNR > 1 && reason[$2] != $3 { print $2 }
	FILENAME ~ /extra/ && FNR > 1 && $4 == "verified" {
		r = norm(reason[$1]); t = norm($2)
		if (r != t && index(tolower($2 " " $5), tolower(r)) == 0) print $1 }' \
	"$work/ftp.all" "$ref/ftp.tsv" "$ref/ftp-extra.tsv")
if [ -z "$bad" ]; then pass "FTP: every reply phrase as the RFC writes it"; else fail "FTP phrases: $bad"; fi

# -- WebSocket: the registry's codes with its names and references; its
#    ranges are the classes.  1014's entry is a sentence, not a name: its
#    phrase is the name it is known by.
actual WEBSOCKET >"$work/ws.all"
awk -F'\t' 'NR > 1 && $2 == "code" { r = $4
	if (r ~ /^\[RFC[0-9]+\]/) { sub(/^\[/, "", r); sub(/\].*$/, "", r) }
	else if (r ~ /^\[https/) { sub(/^\[/, "", r); sub(/\]$/, "", r) }
	else r = "https://www.iana.org/assignments/websocket/websocket.xhtml"
	print $1 "\t" ($1 == 1014 ? "Bad Gateway" : $3) "\t" r }' "$ref/websocket-close.tsv" >"$work/ws.want"
cut -f1,2,4 "$work/ws.all" >"$work/ws.got"
same_lines "WebSocket: every registered close code, its name and reference" "$work/ws.want" "$work/ws.got"
"$CODEKB" --db "$db" list --protocol ws --format json | jq -r '.[] | select(.code == "1004") | .status' >"$work/st"
expect_line "$work/st" "unused" "WebSocket 1004 is reserved: unused"
"$CODEKB" --db "$db" sql "SELECT label || ' ' || first || '-' || last FROM class WHERE protocol = 'WEBSOCKET' ORDER BY lo" --format csv >"$work/cls"
for r in "0-999 0-999" "1000-2999 1000-2999" "3000-3999 3000-3999" "4000-4999 4000-4999"; do
	expect_in "$work/cls" "$r" "WebSocket range $r is a class"
done
"$CODEKB" --db "$db" sql "SELECT code FROM fact WHERE protocol = 'WEBSOCKET' AND kind = 'wire' AND value = 'never' ORDER BY code" --format csv | tr -d '\r' | tr '\n' ' ' >"$work/never"
expect_in "$work/never" "code 1005 1006 1015 " "1005, 1006 and 1015 are never sent in a Close frame"

# -- gRPC: codes 0 to 16 with their canonical names.
actual GRPC | cut -f1,2 >"$work/grpc.got"
awk -F'\t' 'NR > 1 { print $1 "\t" $2 }' "$ref/grpc.tsv" >"$work/grpc.want"
same_lines "gRPC: status codes 0-16 and their names" "$work/grpc.want" "$work/grpc.got"

# -- The vendors' codes: every unofficial HTTP code of a source that names
#    the vendor (those of tables only, marked unverified, stay out), and
#    the SIP codes stacks send without a registration, each with its vendor.
actual HTTP | awk -F'\t' '$6 == "unofficial" { print $1 "\t" $2 "\t" $5 }' >"$work/hu.got"
awk -F'\t' 'BEGIN {
	v["unofficial (resumable requests proposal)"] = "Resumable requests proposal"
	v["Apache Web Server"] = "Apache"; v["Laravel Framework"] = "Laravel"
	v["Spring Framework (deprecated constant)"] = "Spring Framework"
	v["Twitter (Search and Trends API v1)"] = "Twitter"; v["Microsoft"] = "Microsoft Windows"
	v["Microsoft IIS / Exchange ActiveSync"] = "Microsoft IIS"
	v["AWS Elastic Load Balancing (ALB)"] = "AWS ALB"; v["Esri ArcGIS for Server"] = "Esri ArcGIS"
	v["Apache Web Server/cPanel"] = "Apache cPanel"
	v["Cloudflare (Railgun; not in current Cloudflare docs)"] = "Cloudflare Railgun"
	v["informal convention (some HTTP proxies)"] = "HTTP proxies"
	# sources that give no phrase: the phrase names what the code means
	p["460"] = "Client Closed Connection"; p["463"] = "X-Forwarded-For Header Too Long"
	p["498"] = "Invalid Host Name"; p["530"] = "1xxx Error" }
	NR > 1 && $5 !~ /unverified/ && $3 != "Shopify" && $3 !~ /^Qualys/ {
		vendor = ($3 in v) ? v[$3] : $3
		print $1 "\t" ($2 ~ /^\(/ ? p[$1] : $2) "\t" vendor }' "$ref/http-unofficial.tsv" >"$work/hu.want"
same_lines "HTTP: the vendors' codes, phrases and vendors" "$work/hu.want" "$work/hu.got"
actual SIP | awk -F'\t' '$6 == "unofficial" { print $1 }' >"$work/su.got"
awk -F'\t' 'NR > 1 { print $1 }' "$ref/sip-unregistered.tsv" >"$work/su.want"
same_lines "SIP: the codes stacks send that IANA does not register" "$work/su.want" "$work/su.got"
"$CODEKB" --db "$db" export codes --protocol SIP --format json |
	jq -r '.[] | select(.status == "unofficial") | "\(.code) \(.vendor)"' >"$work/su.v"
bad=$(awk -F'\t' 'NR == FNR { split($0, w, " "); v[w[1]] = v[w[1]] " " $0; next }
	FNR > 1 { n = split($2, s, /; /); for (i = 1; i <= n; i++) { x = s[i]; sub(/ \(.*$/, "", x)
		if (index(v[$1], x) == 0) print $1 " " x } }' "$work/su.v" "$ref/sip-unregistered.tsv")
if [ -z "$bad" ]; then pass "SIP: each unregistered code names the stacks that send it"; else fail "SIP vendors: $bad"; fi
"$CODEKB" --db "$db" export codes --protocol HTTP --format json | jq -r '.[] | select(.code == "451") | .vendor // "registered"' >"$work/451"
expect_in "$work/451" "registered" "HTTP 451 keeps its registered meaning"
expect_in "$work/451" "Microsoft IIS" "and has IIS's Redirect beside it"

# -- The lookups users make.
expect_code 0 "show GRPC 14" "$CODEKB" --db "$db" show GRPC 14
cp "$work/out" "$work/g14"
expect_code 0 "show grpc UNAVAILABLE, by its name" "$CODEKB" --db "$db" show grpc UNAVAILABLE
if cmp -s "$work/out" "$work/g14"; then pass "a gRPC code by number and by name is the same page"; else fail "the pages differ"; fi
expect_code 0 "show GRPC deadline_exceeded, in lower case" "$CODEKB" --db "$db" show GRPC deadline_exceeded
expect_in "$work/out" "# GRPC 4 DEADLINE_EXCEEDED" "the name finds code 4"
expect_code 1 "a name no code has" "$CODEKB" --db "$db" show GRPC UNAVAILABL
expect_line "$work/err" "codekb: GRPC UNAVAILABL is not a number (at character 1)" "says it is neither a number nor a name"
expect_code 0 "show WS 1006, by the protocol's alias" "$CODEKB" --db "$db" show ws 1006
expect_in "$work/out" "# WEBSOCKET 1006 Abnormal Closure" "WS is WEBSOCKET"
expect_code 0 "show HTTP 499" "$CODEKB" --db "$db" show HTTP 499
expect_in "$work/out" "nginx" "HTTP 499 names nginx"
expect_code 0 "search Client Closed Request" "$CODEKB" --db "$db" search "Client Closed Request" --format json
jq -r '.[0] | "\(.protocol) \(.code)"' "$work/out" >"$work/first"
expect_line "$work/first" "HTTP 499 (nginx)" "the phrase finds nginx's 499 first"
expect_code 0 "search DEADLINE_EXCEEDED" "$CODEKB" --db "$db" search DEADLINE_EXCEEDED --format json
jq -r '.[0] | "\(.protocol) \(.code)"' "$work/out" >"$work/first"
expect_line "$work/first" "GRPC 4" "a canonical name finds its gRPC code first"
expect_code 0 "search 5.7" "$CODEKB" --db "$db" search 5.7 --format json
n=$(jq '[.[] | select(.protocol == "SMTP" and (.code | startswith("5.7.")))] | length' "$work/out")
if [ "$n" -ge 20 ]; then pass "an enhanced-code prefix finds the codes under it ($n)"; else fail "5.7 found $n"; fi
expect_code 0 "compare WS 1001 1006" "$CODEKB" --db "$db" compare WS 1001 1006
expect_in "$work/out" "Close frame" "the comparison speaks of the Close frame"
expect_in "$work/out" "never sent to the peer" "and says which of the two is never sent"
expect_code 0 "compare HTTP 503 GRPC UNAVAILABLE, across protocols" "$CODEKB" --db "$db" compare HTTP 503 GRPC UNAVAILABLE
expect_in "$work/out" "is a 5xx Server Error response, while GRPC 14 (UNAVAILABLE) is a 1-16 Error status. In HTTP: " "the intro names each code's kind and each protocol before its meaning"
expect_in "$work/out" " In GRPC: " "both protocols"
# The pages of the new protocols in Japanese and Chinese: no English
# sentence.  A sentence (up to 。) with no CJK character at all, and three
# lower-case Latin words in a row, is English; the Latin that a page keeps
# (reason phrases, commands, log lines) sits inside sentences of its own
# language.
not_english() {
	grep -v '^#' "$1" | grep -v '^- \[' | sed 's/。/\n/g' |
		LC_ALL=C grep -v "$(printf '[\343-\351]')" | grep -E '[a-z]{2,} [a-z]{2,} [a-z]{2,}'
}
expect_code 0 "show SMTP 5.7.26 --lang ja" "$CODEKB" --db "$db" show SMTP 5.7.26 --lang ja
if not_english "$work/out" >"$work/eng"; then
	fail "the ja page of SMTP 5.7.26 has English sentences"; sed 's/^/#   /' "$work/eng" | head -3
else pass "the ja page of SMTP 5.7.26 has no English sentence"; fi
expect_code 0 "show GRPC UNAVAILABLE --lang zh" "$CODEKB" --db "$db" show GRPC UNAVAILABLE --lang zh
expect_in "$work/out" "# GRPC 14 UNAVAILABLE" "the zh page of gRPC 14"
if not_english "$work/out" >"$work/eng"; then
	fail "the zh page of gRPC 14 has English sentences"; sed 's/^/#   /' "$work/eng" | head -3
else pass "the zh page of gRPC 14 has no English sentence"; fi
expect_code 0 "coverage" "$CODEKB" --db "$db" coverage --format json
bad=$(jq -r '.[] | select(.locale == "en" or .locale == "zh" or .locale == "ja") | select(.percent_current != 100) | "\(.protocol) \(.locale) \(.percent_current)"' "$work/out")
n=$(jq -r '[.[] | .protocol] | unique | length' "$work/out")
if [ -z "$bad" ] && [ "$n" -eq 6 ]; then pass "coverage is 100% in en, zh and ja for all six protocols"; else fail "coverage: $bad ($n protocols)"; fi
finish
