# man.sh - the man pages: each renders without a warning, and names every
# option that the programs' --help and each command's --help show, every
# command, and every view of the database.
. "$(dirname "$0")/lib.sh"
db=$CODEKB_DEFAULT_DB
man_dir=${CODEKB_MAN:-}
if [ -z "$man_dir" ] || [ ! -f "$man_dir/codekb.1" ]; then
	echo "# no man pages built (scdoc missing): skipped"
	exit 0
fi
if ! command -v man >/dev/null; then
	echo "# man not installed: skipped"
	exit 0
fi

# render PAGE: its text, wide and unhyphenated, into $work/PAGE.txt
render() {
	MANWIDTH=250 man --warnings -l "$man_dir/$1" >"$work/$1.raw" 2>"$work/$1.warn"
	status=$?
	# no hyphenation can split a name: undo any soft break
	sed 's/\xe2\x80\x90//g' "$work/$1.raw" >"$work/$1.txt"
	if [ "$status" -eq 0 ] && [ ! -s "$work/$1.warn" ]; then
		pass "$1 renders without a warning"
	else
		fail "$1: man --warnings says"
		sed 's/^/#   /' "$work/$1.warn" | head -5
	fi
}
for page in codekb.1 codekb-import.1 codekb-views.7; do
	render "$page"
	gzip -dc "$man_dir/$page.gz" | cmp -s - "$man_dir/$page" &&
		pass "$page.gz is $page" || fail "$page.gz differs from $page"
done

# every --NAME that a help text shows is in the page
options_in() { grep -o -- '--[a-z][a-z-]*' "$1" | sort -u; }
check_options() { # HELP_FILE PAGE WHAT
	n=0
	for opt in $(options_in "$1"); do
		n=$((n + 1))
		grep -qF -- "$opt" "$work/$2.txt" || fail "$2 lacks $opt ($3)"
	done
	[ "$n" -gt 0 ] && pass "$2 names the $n options of $3" || fail "no options in $3"
}
"$CODEKB" --help >"$work/help"
check_options "$work/help" codekb.1 "codekb --help"
"$CODEKB_IMPORT" --help >"$work/ihelp"
check_options "$work/ihelp" codekb-import.1 "codekb-import --help"
for c in $("$CODEKB" --complete commands); do
	"$CODEKB" "$c" --help >"$work/chelp"
	check_options "$work/chelp" codekb.1 "codekb $c --help"
	grep -q "^       $c\$" "$work/codekb.1.txt" && pass "codekb(1) has command $c" ||
		fail "codekb(1) lacks command $c"
done

# codekb-views(7): every view of the database, with its columns
"$CODEKB" --db "$db" sql --views --format csv | tr -d '\r' | tail -n +2 >"$work/views"
n=0
while IFS=, read -r view columns; do
	n=$((n + 1))
	grep -q "^       $view\$" "$work/codekb-views.7.txt" || fail "codekb-views(7) lacks $view"
	# compared without spaces: a long list wraps, and may break in a name
	columns=$(echo "$columns" | tr -d '" ')
	tr -d ' \n' <"$work/codekb-views.7.txt" | grep -qF "Columns:$columns." ||
		fail "codekb-views(7) lacks the columns of $view"
done <"$work/views"
[ "$n" -ge 10 ] && pass "codekb-views(7) has all $n views and their columns" || fail "only $n views"
expect_in "$work/codekb-views.7.txt" "A code in one language." "a view's title from docs/views.md"
finish
