# completion.sh - the shell completions (completion/): the bash function
# is called as bash calls it, with COMP_WORDS and COMP_CWORD, and its
# COMPREPLY checked; the zsh one is parsed and, if zsh is installed,
# loaded by compinit.  Run by bash.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB
. "$CODEKB_SRC/completion/codekb.bash"

# complete WORD...: complete the last word of "codekb WORD...", the
# candidates one a line in $work/reply
complete_words() {
	COMP_WORDS=("$CODEKB" "$@")
	COMP_CWORD=$#
	COMPREPLY=()
	_codekb
	printf '%s\n' "${COMPREPLY[@]}" >"$work/reply"
}
# expect_reply WANT WHAT WORD...: the candidates, space-separated, are WANT
expect_reply() {
	want=$1; what=$2; shift 2
	complete_words "$@"
	got=$(tr '\n' ' ' <"$work/reply" | sed 's/ $//')
	if [ "$got" = "$want" ]; then pass "$what"; else
		fail "$what: got '$got', wanted '$want'"; fi
}

commands=$("$CODEKB" --complete commands | tr '\n' ' ' | sed 's/ $//')
expect_reply "$commands" "the commands" ""
case " $commands " in *" compare "*" sql "*) pass "from the program's table" ;; *) fail "commands: $commands" ;; esac
expect_reply "compare coverage check" "commands by prefix" c
expect_reply "480 481 482 483 484 485 486 487 488 489" "show SIP 48" show SIP 48
expect_reply "480 481 482 483 484 485 486 487 488 489" "an option before the command and the code" --lang ja show SIP 48
expect_reply "400 401 402 403 404 405 406 407 408 409" "compare HTTP 40" compare HTTP 40
expect_reply "1000 1001 1002 1003 1004 1005 1006 1007 1008 1009" "ws is WEBSOCKET, in any case" show ws 100
expect_reply "de en es fr ja ko pt zh" "--lang offers the languages" show SIP 486 --lang ""
expect_reply "ja" "--lang j" list --lang j
expect_reply "ja" "-l, its short form" list -l j
expect_reply "FTP GRPC HTTP SIP SMTP WEBSOCKET" "protocols" show ""
expect_reply "SIP SMTP" "protocols by prefix" list --protocol S
expect_reply "4xx" "--class of the --protocol given" list --protocol sip --class 4
expect_reply "5xx 5.0.YYY 5.1.YYY 5.2.YYY 5.3.YYY 5.4.YYY 5.5.YYY 5.6.YYY 5.7.YYY" "SMTP's classes, in order" list -p smtp -c 5
expect_reply "md json" "the formats show writes" show --format ""
expect_reply "codes comparisons" "export's choices" export co
expect_reply "--lang" "options by prefix" show --la
expect_reply "--vendor --version" "only those the command takes" compare --v
expect_reply "--version" "and none it does not" list --v
complete_words show HTTP 499 --vendor ""
expect_in "$work/reply" 'Esri\ ArcGIS' "vendors, spaces escaped"
complete_words compare SIP 486 ""
expect_in "$work/reply" "600" "compare's third word: a code"
expect_in "$work/reply" "HTTP" "or a protocol"
expect_reply "SIP SMTP" "a protocol by prefix" compare SIP 486 S
expect_reply "600 603 604 606 607 608" "or a code" compare SIP 486 60
expect_reply "" "no candidates for search" search ""

# --db on the command line chooses the database the candidates come from
sip_http_db "$work/small.db"
# (the SIP and HTTP sample has no WebSocket codes)
expect_reply "" "--db PATH" --db "$work/small.db" show WS 100
expect_reply "" "--db=PATH, as bash splits it" --db = "$work/small.db" show WS 100
expect_reply "" "-d PATH" -d "$work/small.db" show WS 100
expect_reply "486" "the sample has SIP's" --db "$work/small.db" show SIP 486
expect_reply "" "a missing database offers nothing" --db "$work/none.db" show SIP 486

# sql: - and .sql files
: >"$work/q.sql"
: >"$work/q.txt"
complete_words sql "$work/q"
expect_in "$work/reply" "$work/q.sql" "sql offers .sql files"
if grep -q 'q.txt' "$work/reply"; then fail "sql offers other files"; else pass "and no others"; fi

# zsh: parses, and compinit finds it for both programs
if command -v zsh >/dev/null; then
	if zsh -n "$CODEKB_SRC/completion/_codekb"; then pass "zsh parses _codekb"; else fail "zsh -n _codekb"; fi
	got=$(zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D
		autoload +X _codekb && print -r -- "$_comps[codekb] $_comps[codekb-import] $+functions[_codekb]"' zsh "$CODEKB_SRC/completion" 2>&1)
	[ "$got" = "_codekb _codekb 1" ] && pass "compinit loads _codekb for codekb and codekb-import" ||
		fail "zsh compinit: '$got'"
	# and, with compadd, compset and _files stood in for (they work only inside
	# the completion system), what the function offers
	cat >"$work/shim.zsh" <<'SHIM'
compadd() {
	local -a w
	if [[ $1 == -a ]]; then w=(${(P)2}); else [[ $1 == -- ]] && shift; w=("$@"); fi
	print -l -- ${(M)w:#${PREFIX}*}
}
_files() { print -- "(files)"; }
compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; }
zc() { service=$1; shift; words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}; _codekb | tr '\n' ' '; }
service=codekb words=(codekb) CURRENT=1 PREFIX=
source "$1/completion/_codekb" >/dev/null
c=$2 i=$3
print -r -- "$(zc codekb $c show SIP 48)"
print -r -- "$(zc codekb $c --lang ja compare HTTP 40)"
print -r -- "$(zc codekb $c list --lang '')"
print -r -- "$(zc codekb $c c)"
print -r -- "$(zc codekb $c show --v)"
print -r -- "$(zc codekb $c list -p smtp --class=5.7)"
print -r -- "$(zc codekb $c --db $4 show WS 100)"
print -r -- "$(zc codekb-import $i --d)"
SHIM
	zsh -f "$work/shim.zsh" "$CODEKB_SRC" "$CODEKB" "$CODEKB_IMPORT" "$work/small.db" >"$work/zsh" 2>&1
	n=0
	for want in "480 481 482 483 484 485 486 487 488 489 " "400 401 402 403 404 405 406 407 408 409 " \
		"de en es fr ja ko pt zh " "compare coverage check " "--vendor --version " "5.7.YYY " "" "--db --dry-run "; do
		n=$((n + 1))
		got=$(sed -n "${n}p" "$work/zsh")
		[ "$got" = "$want" ] && pass "zsh offers '$want'" || fail "zsh case $n: got '$got', wanted '$want'"
	done
else
	echo "# zsh not installed: zsh checks skipped"
	bash -n "$CODEKB_SRC/completion/codekb.bash" && pass "bash parses the bash completion"
fi
finish
