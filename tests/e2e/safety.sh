# safety.sh - hostile data and odd paths: exports write only inside their
# target and never replace a FIFO or a device, the site runs no script from
# the data and its list of files cannot be turned against the user, an
# import sees every file whole, and paths that are not plain files work.
. "$(dirname "$0")/lib.sh"
skip() { echo "# skipped: $1"; }
db="$CODEKB_DEFAULT_DB"

# -- export --output: a FIFO, a device, a link
"$CODEKB" --db "$db" export codes >"$work/codes.csv"
mkfifo "$work/fifo"
timeout 20 cat "$work/fifo" >"$work/fifo.out" &
reader=$!
expect_code 0 "export into a FIFO" timeout 20 "$CODEKB" --db "$db" export codes --output "$work/fifo"
wait "$reader"
[ -p "$work/fifo" ] && pass "the FIFO is still a FIFO" || fail "the FIFO was replaced"
cmp -s "$work/codes.csv" "$work/fifo.out" && pass "the reader of the FIFO got the export" || fail "the FIFO's reader got other bytes"
ln -s /dev/null "$work/null"
expect_code 0 "export into a link to /dev/null" "$CODEKB" --db "$db" export codes --output "$work/null"
[ -L "$work/null" ] && [ -c /dev/null ] && pass "the link and the device are kept" || fail "the link to /dev/null was replaced"
ln -s /dev/full "$work/full"
expect_code 1 "export into a link to /dev/full" "$CODEKB" --db "$db" export codes --output "$work/full"
expect_line "$work/err" "codekb: cannot write '$work/full': No space left on device" "one line names the full device"
[ -L "$work/full" ] && [ -c /dev/full ] && pass "the link and the full device are kept" || fail "the link to /dev/full was replaced"
"$CODEKB" --db "$db" export codes --output /dev/stdout | cat >"$work/stdout.csv"
cmp -s "$work/codes.csv" "$work/stdout.csv" && pass "--output /dev/stdout into a pipe streams" || fail "--output /dev/stdout"
echo old >"$work/target.csv"
ln -s target.csv "$work/link.csv"
expect_code 0 "export into a link to a file" "$CODEKB" --db "$db" export codes --output "$work/link.csv"
[ -L "$work/link.csv" ] && cmp -s "$work/codes.csv" "$work/target.csv" && pass "the link is kept and its file replaced" || fail "export through a link"
expect_code 1 "export into a directory" "$CODEKB" --db "$db" export codes --output "$work"
expect_line "$work/err" "codekb: cannot write '$work': it is a directory" "one line names the directory"

# -- export site: no symlink leads out of the folder
site="$work/site"
expect_code 0 "export site" "$CODEKB" --db "$db" export site --output "$site" --lang en
echo mine >"$work/outside.txt"
rm "$site/hugo.toml"
ln -s ../outside.txt "$site/hugo.toml"
expect_code 1 "export site over a link to a file outside" "$CODEKB" --db "$db" export site --output "$site" --lang en
expect_line "$work/err" "codekb: cannot write '$site/hugo.toml': it is a symbolic link; export site writes only inside its folder" "one line names the link"
[ "$(cat "$work/outside.txt")" = mine ] && pass "the file outside is untouched" || fail "the file outside was overwritten"
rm "$site/hugo.toml"
mkdir "$work/elsewhere"
rm -rf "$site/content/en/sip"
ln -s ../../../elsewhere "$site/content/en/sip"
expect_code 1 "export site over a linked folder" "$CODEKB" --db "$db" export site --output "$site" --lang en --jobs 1
expect_in "$work/err" "'$site/content/en/sip' is a symbolic link" "the error names the linked folder"
[ -z "$(ls "$work/elsewhere")" ] && pass "nothing is written into the linked folder" || fail "files were written through a linked folder"
rm "$site/content/en/sip"
mkfifo "$site/content/en/_index.md.fifo"
rm -f "$site/content/en/_index.md"
mkfifo "$site/content/en/_index.md"
expect_code 1 "export site over a FIFO page" timeout 20 "$CODEKB" --db "$db" export site --output "$site" --lang en
expect_line "$work/err" "codekb: cannot write '$site/content/en/_index.md': not a regular file" "one line names the FIFO"
rm -f "$site/content/en/_index.md" "$site/content/en/_index.md.fifo"
echo kept >"$work/outside.md"
ln "$work/outside.md" "$site/content/en/_index.md"
expect_code 0 "export site over a page with another hard link" "$CODEKB" --db "$db" export site --output "$site" --lang en
[ "$(cat "$work/outside.md")" = kept ] && pass "the other name keeps its content" || fail "a hard link outside was written into"

# -- export site: a folder that codekb did not make
mkdir "$work/mine"
echo 'baseURL = "https://example.org/"' >"$work/mine/hugo.toml"
expect_code 1 "export site into a folder not made by codekb" "$CODEKB" --db "$db" export site --output "$work/mine" --lang en
expect_line "$work/err" "codekb: '$work/mine' is not empty and was not made by codekb export site (it has no .codekb-site); give --force to export into it anyway" "one line names the folder"
expect_in "$work/mine/hugo.toml" "example.org" "the user's hugo.toml is kept"
[ ! -e "$work/mine/content" ] && pass "nothing is written there" || fail "pages were written into the user's folder"
expect_code 0 "export site --force" "$CODEKB" --db "$db" export site --output "$work/mine" --lang en --force
expect_code 2 "export codes --force" "$CODEKB" --db "$db" export codes --force

# -- export site: the list of files cannot be turned against the user
echo "my notes" >"$site/notes.txt"
printf 'notes.txt\ncontent/../notes.txt\n/etc/hostname\ncontent/en/../../notes.txt\n' >>"$site/.codekb-site"
expect_code 0 "export site with a tampered list" "$CODEKB" --db "$db" export site --output "$site" --lang en
[ -f "$site/notes.txt" ] && pass "a file beside the site is never removed" || fail "the user's file was removed"
hostile="$work/hostile"
mkdir "$hostile"
printf 'protocol,name,reference\nSIP,Session Initiation Protocol,RFC3261\n' >"$hostile/protocols.csv"
printf 'protocol,class,first,last,name\nSIP,"x\nnotes.txt",100,199,Provisional\n' >"$hostile/classes.csv"
expect_code 1 "a class label with a line break is refused on import" "$CODEKB_IMPORT" --db "$work/hostile.db" "$hostile/protocols.csv" "$hostile/classes.csv"
# another tool may still write one into the database
printf 'protocol,class,first,last,name\nSIP,x-notes.txt,100,199,Provisional\nSIP,..,200,299,Success\nSIP,../../x,300,399,Redirection\n' >"$hostile/classes.csv"
cat >"$hostile/codes.csv" <<'CSV'
protocol,code,reason,description,when_seen,how_to_fix
SIP,100,Trying,"<script>alert(1)</script> and [x](javascript:alert(1)) and <javascript:alert(2)> and ![i](javascript:alert(3)) and [y](JavaScript:alert(5))","{{< param x >}} and {{% param y %}} and {{{< z >}}} and \{{< w >}}","[gone](nowhere.md) and [ok](https://example.com/) and <img src=x onerror=alert(4)> and \<b onmouseover=alert(6)>b</b>"
SIP,200,OK,plain,plain,plain
SIP,300,Multiple Choices,plain,plain,plain
CSV
cp "$CODEKB_SRC/data/ui/en.csv" "$hostile/"
expect_code 0 "import hostile texts and class labels" "$CODEKB_IMPORT" --db "$work/hostile.db" "$hostile"
# (a new label, not an UPDATE, which the overlap trigger refuses)
sqlite3 "$work/hostile.db" "BEGIN; CREATE TEMP TABLE old AS SELECT * FROM class WHERE label = 'x-notes.txt';
	DELETE FROM class WHERE label = 'x-notes.txt';
	INSERT INTO class SELECT protocol, 'x' || char(10) || 'notes.txt', first, last, lo, hi, name FROM temp.old; COMMIT"
[ "$(sqlite3 "$work/hostile.db" "SELECT count(*) FROM class WHERE label = 'x' || char(10) || 'notes.txt'")" = 1 ] &&
	pass "another tool writes a class label with a line break" || fail "the label with a line break was not written"
# a name that another tool wrote, with markup, a shortcode, a Markdown
# link and control characters, and a zh text so that the site has zh pages
sqlite3 "$work/hostile.db" "INSERT INTO text (protocol, code, vendor, locale, field, body, source)
	SELECT protocol, code, vendor, 'zh', field, '尝试', body FROM text WHERE protocol = 'SIP' AND code = '100' AND field = 'description';
	INSERT INTO code_name (protocol, code, vendor, locale, name, terms, source) VALUES ('SIP', '100', '', 'zh',
	'<script>alert(7)</script> {{< param n >}} [m](javascript:alert(8)) <b onclick=alert(9)>b</b> ' || char(27) || '[31m' || char(7), '', 'Trying')"
hname=$(sqlite3 "$work/hostile.db" "SELECT name FROM code_name WHERE locale = 'zh'")
if command -v jq >/dev/null; then
	"$CODEKB" --db "$work/hostile.db" show SIP 100 --lang zh --format json >"$work/hj"
	[ "$(jq -r .name "$work/hj")" = "$hname" ] && pass "show JSON gives a hostile name as it is, escaped" || fail "show JSON name: $(jq .name "$work/hj")"
	"$CODEKB" --db "$work/hostile.db" list --lang zh --format json >"$work/hj"
	[ "$(jq -r '.[] | select(.code == "100") | .name' "$work/hj")" = "$hname" ] && pass "and list JSON" || fail "list JSON name"
	"$CODEKB" --db "$work/hostile.db" compare SIP 100 200 --lang zh --format json >"$work/hj"
	[ "$(jq -r '.codes[0].name' "$work/hj")" = "$hname" ] && pass "and compare JSON" || fail "compare JSON name"
fi
if command -v script >/dev/null; then
	for c in "show SIP 100 --lang zh" "list --lang zh" "compare SIP 100 200 --lang zh"; do
		script -qec "\"$CODEKB\" --db \"$work/hostile.db\" $c" /dev/null >"$work/tty.out" 2>&1
		if grep -q "$(printf '\033')\|$(printf '\007')" "$work/tty.out" || ! grep -qF '\x1b[31m\x07' "$work/tty.out"; then
			fail "$c: a name's control characters are not shown escaped on a terminal"
		else pass "$c: a name's control characters are shown escaped on a terminal"; fi
	done
fi
"$CODEKB" --db "$work/hostile.db" list --lang zh --format md >"$work/hmd"
[ "$(grep -c '^| SIP | 100 |' "$work/hmd")" = 1 ] && ! grep -q '^| SIP | 100 |.*<script' "$work/hmd" &&
	pass "list's Markdown escapes a name's markup in its cell" || fail "list md: $(grep '| 100 |' "$work/hmd")"
hsite="$work/hsite"
expect_code 0 "export site of hostile data" "$CODEKB" --db "$work/hostile.db" export site --output "$hsite"
if grep -q '[^ -~]' "$hsite/.codekb-site" || [ "$(grep -c . "$hsite/.codekb-site")" -ne "$(find "$hsite" -type f ! -name .codekb-site | wc -l)" ]; then
	fail "the list of files is one plain line per file"
else pass "the list of files is one plain line per file"; fi
[ -z "$(find "$work" -mindepth 1 -maxdepth 1 -newer "$hsite/hugo.toml" ! -name hsite ! -name out ! -name err)" ] && \
	pass "nothing is written outside the site" || fail "files outside the site: $(find "$work" -mindepth 1 -maxdepth 1 -newer "$hsite/hugo.toml")"
cp "$hsite/.codekb-site" "$work/list.before"
echo "my notes" >"$hsite/notes.txt"
expect_code 0 "export site of hostile data again" "$CODEKB" --db "$work/hostile.db" export site --output "$hsite"
expect_line "$work/out" "0 files written, $(grep -c . "$work/list.before") unchanged, 0 removed" "the second export changes nothing"
[ -f "$hsite/notes.txt" ] && pass "a label with a line break removes no user file" || fail "the user's file was removed"
if grep -q 'unsafe' "$hsite/hugo.toml"; then fail "hugo.toml lets raw HTML through"; else pass "hugo.toml keeps raw HTML out"; fi
if command -v hugo >/dev/null; then
	(cd "$hsite" && hugo --quiet -d "$work/hpublic") >"$work/hugo.out" 2>&1
	[ $? -eq 0 ] && pass "hugo builds the hostile site, a link to a missing page included" || fail "hugo: $(head -3 "$work/hugo.out")"
	page=$(find "$work/hpublic" -path '*/100/index.html' | head -n 1)
	# the one script is the theme's search box (site/static/js/search.js)
	if [ -n "$page" ] && ! grep -rhoi --include='*.html' '<script[^>]*>' "$work/hpublic" | grep -qv '^<script type="module" src="[./]*js/search\.js">$'; then
		pass "no <script in the built HTML but the theme's search.js"
	else fail "the built HTML has a <script, or no page: $page"; fi
	if grep -rqiE --include='*.html' '(href|src)="[[:space:]]*javascript:' "$work/hpublic"; then fail "a javascript: URL is live"
	else pass "no javascript: URL in the built HTML"; fi
	if grep -rqiE --include='*.html' '<[a-z]+[^>]* on[a-z]+=' "$work/hpublic"; then fail "an event handler attribute is live"
	else pass "no event handler attribute in the built HTML"; fi
	expect_in "$page" '{{&lt; param x &gt;}}' "a shortcode in a text is shown, not run"
	expect_in "$page" '&lt;script&gt;alert(1)&lt;/script&gt;' "a <script> in a text is shown as text"
	expect_in "$page" '<a href="https://example.com/">ok</a>' "an https link is kept"
	zpage="$work/hpublic/zh/sip/100/index.html"
	expect_in "$zpage" '<p class="aka">&lt;script&gt;alert(7)&lt;/script&gt; {{&lt; param n &gt;}}' "a hostile name under a code's title is shown as text"
	expect_in "$work/hpublic/zh/sip/index.html" 'Trying (&lt;script&gt;alert(7)&lt;/script&gt;' "and beside its reason in the index"
	expect_in "$work/hpublic/zh/sip/100-vs-200/index.html" '<h1>SIP 100 Trying (&lt;script&gt;alert(7)&lt;/script&gt;' "and in a comparison's heading"
else
	skip "hugo is not installed"
fi
# -- import: paths that are not plain files
idb="$work/import.db"
cp "$CODEKB_DEFAULT_DB" "$idb"
printf 'protocol,code,reason\nSIP,199,Early Dialog Terminated\n' >"$work/one.csv"
mkfifo "$work/in.fifo"
(cat "$work/one.csv" >"$work/in.fifo" &)
expect_code 0 "import a FIFO given by path" timeout 20 "$CODEKB_IMPORT" --db "$idb" "$work/in.fifo"
expect_in "$work/out" "codes: 0 added, 0 replaced, 0 skipped, 1 unchanged" "the FIFO is read whole, once"
expect_code 0 "import /dev/stdin from a file" timeout 20 sh -c "\"$CODEKB_IMPORT\" --db \"$idb\" /dev/stdin <\"$work/one.csv\""
expect_code 0 "import /dev/stdin from a pipe" timeout 20 sh -c "cat \"$work/one.csv\" | \"$CODEKB_IMPORT\" --db \"$idb\" /dev/stdin"
expect_in "$work/out" "1 unchanged" "/dev/stdin is read whole"
if command -v bash >/dev/null; then
	expect_code 0 "import <(cat f)" timeout 20 bash -c "\"$CODEKB_IMPORT\" --db \"$idb\" <(cat \"$work/one.csv\")"
	expect_in "$work/out" "1 unchanged" "<(cat f) is read whole"
fi
expect_code 1 "import /dev/zero" timeout 20 "$CODEKB_IMPORT" --db "$idb" /dev/zero
expect_line "$work/err" "codekb-import: /dev/zero:1:1: file looks like UTF-16 or binary data (NUL bytes); save it as UTF-8" "/dev/zero stops at once"
head -c 20000000 /dev/zero | tr '\0' , >"$work/commas.csv"
expect_code 1 "import 20 MB of commas" timeout 20 "$CODEKB_IMPORT" --db "$idb" "$work/commas.csv"
expect_line "$work/err" "codekb-import: $work/commas.csv:1:1025: record has more than 1024 fields" "a record's fields are bounded"
mkdir -p "$work/loop/a"
cp "$work/one.csv" "$work/loop/a/"
ln -s .. "$work/loop/a/up"
ln -s ../a "$work/loop/a/again"
expect_code 0 "import a directory with link loops" timeout 20 "$CODEKB_IMPORT" --db "$idb" "$work/loop"
expect_line "$work/out" "codekb-import: codes: 0 added, 0 replaced, 0 skipped, 1 unchanged" "each file is read once"
ln -s nowhere.csv "$work/loop/a/dangling.csv"
expect_code 1 "import a directory with a broken link" "$CODEKB_IMPORT" --db "$idb" "$work/loop"
expect_line "$work/err" "codekb-import: $work/loop/a/dangling.csv: cannot open: No such file or directory (a broken symbolic link)" "the broken link is named"

# -- import: a file truncated while it is read is not committed in part
if [ -d /proc/self/fdinfo ] && command -v truncate >/dev/null; then
	printf 'protocol,name,reference\nBIG,Big,\n' >"$work/bp.csv"
	printf 'protocol,class,first,last,name\nBIG,all,0,9999999,All\n' >"$work/bc.csv"
	big="$work/big.csv"
	{ echo 'protocol,code,reason,description'
	  seq 1 100000 | awk '{print "BIG," $1 ",Reason " $1 ",A description of code " $1 " long enough to take a while to import"}'; } >"$big"
	tdb="$work/trunc.db"
	cp "$CODEKB_DEFAULT_DB" "$tdb"
	"$CODEKB_IMPORT" --db "$tdb" "$work/bp.csv" "$work/bc.csv" "$big" >"$work/out" 2>"$work/err" &
	pid=$!
	# wait until the import has the file open, then cut it in half
	seen=0 i=0
	while [ $seen = 0 ] && [ $i -lt 3000 ] && kill -0 $pid 2>/dev/null; do
		for fd in /proc/$pid/fd/*; do
			[ "$(readlink "$fd" 2>/dev/null)" = "$big" ] && seen=1
		done
		i=$((i + 1))
	done
	truncate -s $(( $(wc -c <"$big") / 2 )) "$big"
	wait $pid
	got=$?
	if [ $seen = 1 ] && [ $got = 1 ]; then pass "an import of a file truncated while it is read fails (exit 1)"
	else fail "truncated import: exit $got (file seen open: $seen)"; fi
	expect_line "$work/err" "codekb-import: $big: the file changed while it was being imported (its size or modification time); import it again once it is complete" "one line names the file"
	n=$(sqlite3 "$tdb" "SELECT count(*) FROM code WHERE protocol = 'BIG'" 2>&1)
	[ "$n" = 0 ] && pass "nothing of it was committed" || fail "$n rows of the truncated file were committed"
else
	skip "no /proc or truncate"
fi
# -- a database that another application made is not ours to change
one_line() { # FILE WHAT: FILE holds exactly one line
	[ "$(wc -l <"$1")" -eq 1 ] && pass "$2" || fail "$2: $(wc -l <"$1") lines"; }
for kind in plain versioned identified; do
	other="$work/other-$kind.db"
	case $kind in
	plain) sql="CREATE TABLE notes (x); INSERT INTO notes VALUES (1);" ;;
	versioned) sql="CREATE TABLE code (x); CREATE TABLE meta (k, v); PRAGMA user_version = 3;" ;;
	identified) sql="PRAGMA application_id = 1234;" ;;
	esac
	sqlite3 "$other" "$sql"
	sum=$(sha256sum "$other" | cut -d' ' -f1)
	expect_code 1 "import into another application's database ($kind)" "$CODEKB_IMPORT" --db "$other" "$CODEKB_SRC/data"
	expect_line "$work/err" "codekb-import: '$other' is not a codekb database (it is not empty and codekb did not make it); codekb changes no other database" "the importer says so ($kind)"
	one_line "$work/err" "in one line ($kind)"
	expect_code 1 "import --upgrade of another application's database ($kind)" "$CODEKB_IMPORT" --db "$other" --upgrade
	expect_code 1 "codekb show on another application's database ($kind)" "$CODEKB" --db "$other" show SIP 100
	expect_line "$work/err" "codekb: '$other' is not a codekb database (it is not empty and codekb did not make it); codekb changes no other database" "the query tool says so ($kind)"
	one_line "$work/err" "the query tool in one line ($kind)"
	[ "$(sha256sum "$other" | cut -d' ' -f1)" = "$sum" ] && [ ! -e "$other-wal" ] && [ ! -e "$other-shm" ] &&
		[ "$(sqlite3 "$other" 'PRAGMA journal_mode')" = delete ] &&
		pass "the file is unchanged and not switched to WAL ($kind)" || fail "another application's database was changed ($kind)"
done
echo hello >"$work/text.db"
expect_code 1 "import into a file that is not a database" "$CODEKB_IMPORT" --db "$work/text.db" "$CODEKB_SRC/data"
one_line "$work/err" "a file that is not a database: one line"
[ "$(cat "$work/text.db")" = hello ] && pass "the text file is unchanged" || fail "the text file was changed"
: >"$work/empty.db"
expect_code 0 "import into an empty file" "$CODEKB_IMPORT" --db "$work/empty.db" "$CODEKB_SRC/data/protocols.csv"
ours=$(printf '%d' 0x636B6462)
[ "$(sqlite3 "$work/empty.db" 'PRAGMA application_id')" = "$ours" ] && pass "a new database is marked as codekb's" || fail "a new database has no application_id"
[ "$(sqlite3 "$CODEKB_DEFAULT_DB" 'PRAGMA application_id')" = "$ours" ] && pass "the default database is marked as codekb's" || fail "the default database has no application_id"
v3="$work/v3.db"
gzip -dc "$CODEKB_SRC/tests/fixtures/codekb-v3.db.gz" >"$v3"
expect_code 0 "a version 3 database without application_id is upgraded" "$CODEKB_IMPORT" --db "$v3" --upgrade
[ "$(sqlite3 "$v3" 'PRAGMA application_id')" = "$ours" ] && pass "the upgrade marks it as codekb's" || fail "the upgraded database has no application_id"
# a version 5 database, the last that codekb made without application_id:
# today's, without what versions 6, 7 and 8 added
v5="$work/v5.db"
cp "$CODEKB_DEFAULT_DB" "$v5"
sqlite3 "$v5" "$(sqlite3 "$v5" "SELECT 'DROP VIEW ' || name || ';' FROM sqlite_master WHERE type = 'view'")
	PRAGMA application_id = 0; PRAGMA user_version = 5;
	DROP TRIGGER protocol_noun_insert; DROP TRIGGER protocol_noun_update;
	ALTER TABLE protocol DROP COLUMN noun;
	ALTER TABLE protocol DROP COLUMN aliases; DROP TABLE code_noun;
	DROP TABLE code_name;
	DROP TABLE search_word; DROP TABLE search_word_doc; DROP TABLE search_names;
	DROP INDEX equivalent_b;
	DELETE FROM meta WHERE key = 'views';" 2>"$work/err" || sed 's/^/#   /' "$work/err"
expect_code 1 "the query tool on a version 5 database codekb made before application_id" "$CODEKB" --db "$v5" show SIP 100
expect_in "$work/err" "run 'codekb-import --db $v5 --upgrade'" "knows it for codekb's and says how to upgrade it"
expect_code 0 "the upgrade of such a database" "$CODEKB_IMPORT" --db "$v5" --upgrade
[ "$(sqlite3 "$v5" 'PRAGMA application_id')" = "$ours" ] && pass "it is marked as codekb's" || fail "it was not marked"
expect_code 0 "and reads it" "$CODEKB" --db "$v5" show WEBSOCKET 1006
sum=$(sha256sum "$CODEKB_DEFAULT_DB" | cut -d' ' -f1)
cp "$CODEKB_DEFAULT_DB" "$work/same.db"
expect_code 0 "an import that changes nothing" "$CODEKB_IMPORT" --db "$work/same.db" "$CODEKB_SRC/data/protocols.csv"
[ "$(sha256sum "$work/same.db" | cut -d' ' -f1)" = "$sum" ] && pass "leaves a marked database as it was" || fail "an import that changes nothing changed the file"
# -- readers who cannot write: they see current data or say that they cannot
# A folder of mode 555 holds back a reader who is not root; as root, the
# reader runs as nobody.
reader=""
if [ "$(id -u)" -ne 0 ]; then
	reader="env"
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	reader="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 711 "$work"
rodir="$work/rodir"
mkdir "$rodir"
rodb="$rodir/kb.db"
cp "$CODEKB_DEFAULT_DB" "$rodb"
chmod 666 "$rodb"
if [ -z "$reader" ] || ! $reader test -r "$rodb"; then
	skip "cannot run a reader who cannot write (no setpriv, or the build folder is closed to nobody)"
else
	chmod 555 "$rodir"
	expect_code 0 "a reader who can write the file but not its folder" $reader "$CODEKB" --db "$rodb" show SIP 100
	expect_in "$work/out" "# SIP 100 Trying" "it reads the page"
	chmod 755 "$rodir"; chmod 644 "$rodb"; chmod 555 "$rodir"
	expect_code 0 "a reader who can write neither, with no log" $reader "$CODEKB" --db "$rodb" show SIP 100
	chmod 755 "$rodir"
	# a writer that keeps its connection, and so its log, open
	mkfifo "$work/writer.in"
	sqlite3 "$rodb" <"$work/writer.in" >"$work/writer.out" 2>&1 &
	writer=$!
	exec 7>"$work/writer.in"
	wait_name() { # NAME: the writer's commit is visible to a reader who can write
		i=0
		while [ $i -lt 200 ] && [ "$(sqlite3 "$rodb" "SELECT name FROM protocol WHERE id = 'SIP'")" != "$1" ]; do
			sleep 0.05; i=$((i + 1))
		done
	}
	echo "PRAGMA wal_autocheckpoint = 0; UPDATE protocol SET name = 'First Name' WHERE id = 'SIP';" >&7
	wait_name "First Name"
	chmod 555 "$rodir"
	echo "UPDATE protocol SET name = 'Second Name' WHERE id = 'SIP';" >&7
	wait_name "Second Name"
	q="SELECT name FROM protocol WHERE id = 'SIP'"
	expect_code 0 "a reader who cannot write, while a writer commits" $reader "$CODEKB" --db "$rodb" sql "$q" --format csv
	expect_in "$work/out" "Second Name" "it sees the commit of a moment ago"
	chmod 666 "$rodb"
	expect_code 0 "a reader who can write the file only, while a writer commits" $reader "$CODEKB" --db "$rodb" sql "$q" --format csv
	expect_in "$work/out" "Second Name" "it sees the commit too"
	# a log without its -shm file, which the reader cannot make
	nodir="$work/noshm"
	mkdir "$nodir"
	cp "$rodb" "$rodb-wal" "$nodir/"
	chmod 644 "$nodir/kb.db" "$nodir/kb.db-wal"
	chmod 555 "$nodir"
	expect_code 1 "a reader who cannot use the log" $reader "$CODEKB" --db "$nodir/kb.db" sql "$q" --format csv
	expect_line "$work/err" "codekb: cannot read database '$nodir/kb.db' now: a writer's changes are in its log '$nodir/kb.db-wal', which needs a '$nodir/kb.db-shm' file that this user cannot make in that folder; try again when the writer has finished" "it says so in one line"
	one_line "$work/err" "and only that line"
	if grep -q "First Name\|Session Initiation" "$work/out"; then fail "it showed stale data"; else pass "it shows no stale data"; fi
	exec 7>&-
	wait "$writer"
	chmod 755 "$rodir" "$nodir"
fi
# -- data that attacks the reader: control characters are refused on import
cc="$work/cc"
mkdir "$cc"
esc=$(printf '\033')
tab=$(printf '\t')
del=$(printf '\177')
csi=$(printf '\302\233')
cdb="$work/cc.db"
cp "$CODEKB_DEFAULT_DB" "$cdb"
sum=$(sha256sum "$cdb" | cut -d' ' -f1)
{
	echo 'protocol,code,reason,description'
	echo "SIP,100,Trying,A text with ${esc}[31mred${esc}[0m in it"
	echo "SIP,180,Ringing${tab}Loudly,plain"
	printf 'SIP,181,"Being\nForwarded",plain\n'
	printf 'SIP,182,Queued,"Two lines\nare fine,\tand a tab too,\nbut not %s here"\n' "$del"
	echo "SIP,183,Session Progress,a C1 ${csi}31m control"
} >"$cc/codes.csv"
expect_code 1 "import of texts with control characters" "$CODEKB_IMPORT" --db "$cdb" "$cc/codes.csv"
expect_line "$work/err" "codekb-import: $cc/codes.csv:2:4: control character U+001B in column 'description' (character 13 of the field)" "an escape sequence is named by file, line and column"
expect_in "$work/err" "codekb-import: $cc/codes.csv:3:3: tab in column 'reason', which holds one line" "a tab in a reason is refused"
expect_in "$work/err" "codekb-import: $cc/codes.csv:4:3: line break in column 'reason', which holds one line" "a line break in a reason is refused"
expect_in "$work/err" "codekb-import: $cc/codes.csv:8:4: control character U+007F in column 'description' (character 44 of the field)" "DEL is refused, on the line it is on"
expect_in "$work/err" "codekb-import: $cc/codes.csv:9:4: control character U+009B in column 'description' (character 6 of the field)" "a C1 control is refused"
[ "$(grep -c 'control character\|which holds one line' "$work/err")" -eq 5 ] && pass "the tab and line breaks of a description are not refused" || fail "$(cat "$work/err")"
[ "$(sha256sum "$cdb" | cut -d' ' -f1)" = "$sum" ] && pass "nothing was imported" || fail "the database changed"
printf 'locale,protocol,code_a,code_b,note\nen,SIP,100,603,"A note\non two lines,\twith a tab"\n' >"$cc/good-notes.csv"
expect_code 0 "a note with a line break and a tab imports" "$CODEKB_IMPORT" --db "$cdb" "$cc/good-notes.csv"
printf 'Value,Description,Reference\r\n100,"Trying\r\n  Hard",[RFC3261]\r\n' >"$cc/registry.csv"
expect_code 0 "a registry cell that the registry wraps" "$CODEKB_IMPORT" --db "$cdb" --protocol REGX "$cc/registry.csv"
[ "$(sqlite3 "$cdb" "SELECT reason FROM code WHERE protocol = 'REGX'")" = "Trying Hard" ] && pass "becomes a reason of one line" || fail "reason: $(sqlite3 "$cdb" "SELECT quote(reason) FROM code WHERE protocol = 'REGX'")"
printf 'locale,key,text\nen,head.description,Desc%sription\n' "$esc" >"$cc/ui.csv"
expect_code 1 "a UI string with an escape" "$CODEKB_IMPORT" --db "$cdb" "$cc/ui.csv"
expect_line "$work/err" "codekb-import: $cc/ui.csv:2:3: control character U+001B in column 'text' (character 5 of the field)" "names the UI string's column"
printf 'protocol,code,reason,x%s[2J\nSIP,100,Trying,\n' "$esc" >"$cc/header.csv"
expect_code 1 "a header with an escape" "$CODEKB_IMPORT" --db "$cdb" "$cc/header.csv"
if grep -q "$esc" "$work/err"; then fail "the importer printed the raw escape of a header"; else pass "the importer prints no raw escape of a header"; fi

# -- a placeholder written in data is data: printed as written, and check
# does not take it for one that fill() left unfilled
ph="$work/ph"
mkdir "$ph"
printf 'protocol,name,reference\nSIP,Session Initiation Protocol,RFC3261\n' >"$ph/protocols.csv"
printf 'protocol,class,first,last,name\nSIP,1xx,100,199,Provisional\n' >"$ph/classes.csv"
cat >"$ph/codes.csv" <<'CSV'
protocol,code,reason,reference,section,description,when_seen,how_to_fix
SIP,100,Trying,RFC3261,21.1.1,"Written with {b_reason} and {a} in it.",Seen when {id} is {b}.,Fix {a_reason} by hand.
SIP,180,Ringing,RFC3261,21.1.2,The phone rings.,When the phone rings.,Nothing to fix.
CSV
cp "$CODEKB_SRC/data/ui/en.csv" "$ph/"
expect_code 0 "import texts that hold placeholders" "$CODEKB_IMPORT" --db "$work/ph.db" "$ph"
for pair in "100 180" "180 100"; do
	expect_code 0 "compare SIP $pair" "$CODEKB" --db "$work/ph.db" compare SIP $pair
	expect_in "$work/out" "Written with {b_reason} and {a} in it." "SIP $pair: {b_reason} and {a} in a text are printed as written"
	expect_in "$work/out" "Seen when {id} is {b}." "SIP $pair: {id} and {b} too"
	expect_in "$work/out" "Fix {a_reason} by hand." "SIP $pair: and {a_reason}"
done
expect_code 0 "check passes on texts that hold placeholders" "$CODEKB" --db "$work/ph.db" check
expect_in "$work/out" "no problems" "check reports no unfilled placeholder"

# -- and codekb never prints a raw escape sequence to a terminal
sqlite3 "$cdb" "UPDATE text SET body = 'Red ' || char(27) || '[31m here, C1 ' || char(155) || ', DEL ' || char(127) || ', bell ' || char(7) || ' and' || char(10) || 'a second line' WHERE protocol = 'SIP' AND code = '100' AND locale = 'en' AND field = 'description'"
if command -v script >/dev/null; then
	script -qec "\"$CODEKB\" --db \"$cdb\" show SIP 100" /dev/null >"$work/tty.out" 2>&1
	if grep -q "$esc\|$del\|$csi\|$(printf '\007')" "$work/tty.out"; then fail "a raw control character reached the terminal"
	else pass "no raw control character reaches the terminal"; fi
	expect_in "$work/tty.out" 'Red \x1b[31m here, C1 \u009b, DEL \x7f, bell \x07 and' "on a terminal they are shown escaped"
	expect_in "$work/tty.out" "a second line" "a line break is kept"
	script -qec "\"$CODEKB\" --db \"$cdb\" sql \"SELECT char(27) || '[2J' AS x, CAST(x'9b' AS TEXT) AS y\" --format csv" /dev/null >"$work/tty.out" 2>&1
	expect_in "$work/tty.out" '\x1b[2J,\x9b' "sql output on a terminal is escaped too, bytes that are not UTF-8 as well"
	if grep -q "$esc" "$work/tty.out"; then fail "sql printed a raw escape to the terminal"; else pass "sql prints no raw escape to the terminal"; fi
else
	skip "no script(1) to run codekb on a terminal"
fi
"$CODEKB" --db "$cdb" show SIP 100 >"$work/pipe.out"
expect_in "$work/pipe.out" "Red ${esc}[31m here" "into a pipe, the text is written as it is"
# -- pages that must not come out empty
one="$work/one"
mkdir "$one"
printf 'protocol,name,reference\nONE,One Protocol,RFC1\n' >"$one/protocols.csv"
printf 'protocol,class,first,last,name\nONE,2xx,200,299,Success\n' >"$one/classes.csv"
printf 'protocol,code,reason,reference,section,description,when_seen,how_to_fix\nONE,200,OK,RFC1,1,It worked.,When it works.,Nothing to do.\n' >"$one/codes.csv"
cp "$CODEKB_SRC/data/ui/en.csv" "$one/"
expect_code 0 "import a protocol with a single code" "$CODEKB_IMPORT" --db "$work/one.db" "$one"
expect_code 0 "export site of a protocol with a single code" "$CODEKB" --db "$work/one.db" export site --output "$work/onesite"
expect_in "$work/onesite/content/en/one/200.md" "## Description" "the single code's page has its body"
expect_in "$work/onesite/content/en/one/200.md" "It worked." "and its texts"
# a code that a registry import adds has no texts
ndb="$work/notext.db"
cp "$CODEKB_DEFAULT_DB" "$ndb"
printf 'Value,Description,Reference\n299,Brand New,[RFC9999]\n' >"$work/reg.csv"
expect_code 0 "a registry import adds a code without texts" "$CODEKB_IMPORT" --db "$ndb" --protocol SIP "$work/reg.csv"
expect_code 0 "show a code without texts" "$CODEKB" --db "$ndb" show SIP 299
expect_in "$work/out" "299 Brand New is a final response in the 2xx Success class, defined in RFC 9999." "its page gives its facts"
expect_in "$work/out" "There is no description of 299 Brand New yet." "and says it has no description yet"
for lang in zh ja; do
	expect_code 0 "show a code without texts in $lang" "$CODEKB" --db "$ndb" show SIP 299 --lang $lang
	if grep -q "There is no description" "$work/out"; then fail "$lang: the sentence is in English"
	else pass "$lang: the sentence is in the reader's language"; fi
done
expect_code 0 "compare a code without texts" "$CODEKB" --db "$ndb" compare SIP 299 200
expect_in "$work/out" "There is no description of 299 Brand New yet." "the comparison says so"
if grep -q '^## 299' "$work/out"; then fail "the comparison has an empty section for 299"
else pass "the comparison has no empty section"; fi
expect_code 0 "compare it the other way, across protocols" "$CODEKB" --db "$ndb" compare HTTP 200 SIP 299
expect_in "$work/out" "There is no description of 299 Brand New yet." "the comparison across protocols says so"
expect_code 0 "export site with a code without texts" "$CODEKB" --db "$ndb" export site --output "$work/ntsite" --lang en
expect_in "$work/ntsite/content/en/sip/299.md" "There is no description of 299 Brand New yet." "its site page says so"
expect_code 0 "check renders the pages of a code without texts" "$CODEKB" --db "$work/one.db" check
# a database without UI strings: the error names what is missing
udb="$work/noui.db"
printf 'Value,Description,Reference\n200,OK,[RFC1]\n201,Created,[RFC1]\n' >"$work/reg2.csv"
expect_code 0 "a registry import into a new database" "$CODEKB_IMPORT" --db "$udb" --protocol NEWP "$work/reg2.csv"
nkeys=$(sqlite3 "$udb" "SELECT count(*) FROM ui_key")
expect_code 1 "show without UI strings" "$CODEKB" --db "$udb" show NEWP 200
expect_line "$work/err" "codekb: cannot build the code page: the database has no English text for $nkeys UI strings (badge.temporary, code.basic, code.deprecated, ...); import them, such as data/ui/en.csv" "the error names the missing UI strings"
if grep -q "class" "$work/err"; then fail "the error blames the class"; else pass "the error does not blame the class"; fi
expect_code 1 "compare without UI strings" "$CODEKB" --db "$udb" compare NEWP 200 201
expect_in "$work/err" "cannot build the comparison: the database has no English text for $nkeys UI strings" "the comparison's error too"
expect_code 1 "export site without UI strings" "$CODEKB" --db "$udb" export site --output "$work/uisite"
expect_in "$work/err" "the database has no English text for $nkeys UI strings" "the site's error too"
# -- found by fuzzing (tests/fuzz/fuzz_site.c): a class label with a control
# character or bytes that are not UTF-8, written by another tool, broke
# every export; such a label's page is named by its bytes in hex
for label in "'a' || char(27) || '[2Jb'" "CAST(x'61ff62' AS TEXT)"; do
	cp "$work/one.db" "$work/label.db"
	sqlite3 "$work/label.db" "BEGIN; CREATE TEMP TABLE old AS SELECT * FROM class WHERE label = '2xx';
		DELETE FROM class WHERE label = '2xx';
		INSERT INTO class SELECT protocol, $label, first, last, lo, hi, name FROM temp.old; COMMIT"
	rm -rf "$work/labelsite"
	expect_code 0 "export site with the class label $label" "$CODEKB" --db "$work/label.db" export site --output "$work/labelsite" --lang en
	ls "$work/labelsite/content/en/one" | grep -q '^classx-[0-9a-f]*\.md$' && pass "its class page is named in hex" || fail "class pages: $(ls "$work/labelsite/content/en/one")"
done
finish
