# readme.sh - the README's transcripts are what the programs print: each
# "$ build/codekb ..." line of a console block is run on the default
# database, and its output must be the lines under it, up to the next "$"
# line or the end of the block, or up to a "..." line, where the README
# cuts it short.  A command that writes files, reads one the README
# only names, or changes the database (import, export, a SQL file, the
# MCP server, check and coverage, which the tests of their own cover) is
# left out, as is any line the README does not run as written.
. "$(dirname "$0")/lib.sh"
readme="$CODEKB_SRC/README.md"
mkdir "$work/build" "$work/cases"
ln -s "$CODEKB" "$work/build/codekb"
cp "$CODEKB_DEFAULT_DB" "$work/kb.db"

# each case: cases/N.cmd, the command; cases/N.want, the lines it prints
awk -v dir="$work/cases" '
function quotes(s,   t) { t = s; return gsub(/"/, "", t) }
/^```/ { if (n && !done) close(want); inblock = !inblock; cmd = ""; next }
inblock && /^\$ / {
	if (n && !done) close(want)
	done = 1
	if ($0 !~ /^\$ build\/codekb /) next
	line = substr($0, 3)
	while (quotes(line) % 2 == 1 && (getline more) > 0)
		line = line "\n" more
	if (line ~ /(import|export|\.sql|mcp| check| coverage|DELETE)/) next
	n++
	print line > (dir "/" n ".cmd"); close(dir "/" n ".cmd")
	want = dir "/" n ".want"
	printf "" > want
	done = 0
	next
}
inblock && n && !done {
	if ($0 == "...") {
		close(want); done = 1
		printf "" > (dir "/" n ".cut"); close(dir "/" n ".cut")
		next
	}
	print > want
}
' "$readme"

cases=$(ls "$work/cases" | grep -c '\.cmd$')
[ "$cases" -ge 20 ] && pass "the README has $cases transcripts to check" ||
	fail "only $cases transcripts found in the README"
i=1
while [ "$i" -le "$cases" ]; do
	cmd=$(cat "$work/cases/$i.cmd")
	# CSV ends its lines with CRLF; the README shows them as lines
	(cd "$work" && CODEKB_DB="$work/kb.db" sh -c "$cmd" 2>&1) | tr -d '\r' >"$work/all"
	if [ -f "$work/cases/$i.cut" ]; then
		head -n "$(wc -l <"$work/cases/$i.want")" "$work/all" >"$work/got"
	else
		cp "$work/all" "$work/got"
	fi
	if cmp -s "$work/got" "$work/cases/$i.want"; then
		pass "README: $(head -n 1 "$work/cases/$i.cmd")"
	else
		fail "README: $(head -n 1 "$work/cases/$i.cmd") prints something else"
		diff "$work/cases/$i.want" "$work/got" | head -6 | sed 's/^/#   /'
	fi
	i=$((i + 1))
done
finish
