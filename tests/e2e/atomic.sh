# atomic.sh - an export that fails or is killed leaves the last site
# whole: `export site` is killed with SIGKILL at random points, over and
# over, and after every kill the folder holds exactly the last complete
# site or exactly the new one, never a mix; the next export finishes the
# job and clears what the killed one left beside the folder.
. "$(dirname "$0")/lib.sh"
sip_http_db "$work/a.db"
cp "$work/a.db" "$work/b.db"
# the new data differs in one text per code, so most pages change
sqlite3 "$work/b.db" "UPDATE text SET body = body || ' Revised.' WHERE locale = 'en' AND field = 'description'"

# fingerprint DIR: every name below DIR with its kind and content
fingerprint() {
	(cd "$1" && find . \( -type f -o -type l \) -print | LC_ALL=C sort |
		while IFS= read -r f; do
			if [ -L "$f" ]; then echo "$f -> $(readlink "$f")"; else echo "$f"; fi
		done; find . -type f -print0 | LC_ALL=C sort -z | xargs -0 cat) | sha1sum
}

site="$work/site"
"$CODEKB" --db "$work/b.db" export site --output "$work/ref-b" --lang en >/dev/null
"$CODEKB" --db "$work/a.db" export site --output "$site" --lang en >/dev/null
echo "my notes" >"$site/notes.txt"
cp "$site/notes.txt" "$work/ref-b/notes.txt"
fa=$(fingerprint "$site")
fb=$(fingerprint "$work/ref-b")
[ "$fa" != "$fb" ] && pass "the two sites differ" || fail "the two sites are the same"

# how long one export of b over a takes, in milliseconds
t0=$(date +%s%N)
"$CODEKB" --db "$work/b.db" export site --output "$site" --lang en >/dev/null
t1=$(date +%s%N)
span=$(( (t1 - t0) / 1000000 + 20 ))
[ "$(fingerprint "$site")" = "$fb" ] && pass "an export that ends gives the new site" || fail "the new site differs from a fresh export"
"$CODEKB" --db "$work/a.db" export site --output "$site" --lang en >/dev/null

# an export that ends before its kill counts as none: try until 24 were
# killed, or 60 tries
kills=0 old=0 new=0 bad=0 i=0
while [ "$kills" -lt 24 ] && [ "$i" -lt 60 ]; do
	i=$((i + 1))
	delay=$(awk -v s="$i" -v span="$span" 'BEGIN { srand(s * 7919); printf "%.3f", rand() * span / 1000 }')
	"$CODEKB" --db "$work/b.db" export site --output "$site" --lang en >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	f=$(fingerprint "$site")
	if [ "$f" = "$fa" ]; then old=$((old + 1))
	elif [ "$f" = "$fb" ]; then
		new=$((new + 1))
		"$CODEKB" --db "$work/a.db" export site --output "$site" --lang en >/dev/null
	else
		bad=$((bad + 1))
		echo "# after a kill at ${delay}s the site is neither the old nor the new"
		"$CODEKB" --db "$work/a.db" export site --output "$site" --lang en >/dev/null
	fi
done
echo "# $kills kills in $i tries within ${span} ms: $old left the last site, $new the new one"
[ "$kills" -ge 20 ] && pass "$kills exports killed at random points" || fail "only $kills exports were killed"
[ "$bad" -eq 0 ] && pass "after every kill the folder holds a whole site, the last or the new" || fail "$bad kills left a broken site"
[ "$old" -gt 0 ] && pass "$old kills before the swap left the last site" || fail "no kill came before the swap"

# what a killed export leaves beside the folder, the next one removes
mkdir -p "$work/.site.codekb-new/content"
expect_code 0 "export after a killed one" "$CODEKB" --db "$work/b.db" export site --output "$site" --lang en
[ ! -e "$work/.site.codekb-new" ] && [ ! -e "$work/.site.codekb-old" ] && pass "nothing is left beside the folder" || fail "leftovers: $(ls -a "$work")"
[ "$(fingerprint "$site")" = "$fb" ] && pass "and the folder is the new site" || fail "the site differs"
# killed between the two renames where the file system cannot exchange
mv "$site" "$work/.site.codekb-old"
expect_code 0 "export after one killed between its renames" "$CODEKB" --db "$work/a.db" export site --output "$site" --lang en
expect_in "$work/out" "written" "it reports its files"
[ "$(fingerprint "$site")" = "$fa" ] && pass "the last site is restored and updated" || fail "the site differs"
[ -f "$site/notes.txt" ] && pass "the user's file in the folder is kept" || fail "notes.txt is gone"

# a failed export (a page that cannot be written) leaves the site as it was
rm -rf "$site/content/en/sip"
ln -s "$work/elsewhere" "$site/content/en/sip"
before=$(fingerprint "$site")
expect_code 1 "an export that fails" "$CODEKB" --db "$work/b.db" export site --output "$site" --lang en --jobs 1
[ "$(fingerprint "$site")" = "$before" ] && pass "leaves the folder as it was" || fail "the failed export changed the folder"
[ ! -e "$work/.site.codekb-new" ] && pass "and nothing beside it" || fail "the failed export left its tree"

# two exports into one folder at once: the second says so
"$CODEKB" --db "$work/b.db" export site --output "$work/two" --lang en >/dev/null 2>&1 &
pid=$!
sleep 0.05
"$CODEKB" --db "$work/b.db" export site --output "$work/two" --lang en >"$work/out" 2>"$work/err"
got=$?
wait "$pid"
if [ "$got" -ne 0 ]; then expect_in "$work/err" "another export into it is running" "a second export at once is refused"
else pass "the second export ran after the first"; fi

# two exports into two folders side by side run at once
"$CODEKB" --db "$work/b.db" export site --output "$work/side-a" --lang en --jobs 1 >/dev/null 2>"$work/err-a" &
pa=$!
"$CODEKB" --db "$work/b.db" export site --output "$work/side-b" --lang en --jobs 1 >/dev/null 2>"$work/err-b"
rb=$?
wait "$pa"
ra=$?
if [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ] && [ "$(fingerprint "$work/side-a")" = "$(fingerprint "$work/side-b")" ]; then
	pass "two exports into folders side by side both finish, with the same site"
else fail "side by side: exit $ra and $rb: $(cat "$work/err-a" "$work/err-b")"; fi
[ "$failures" -eq 0 ]
