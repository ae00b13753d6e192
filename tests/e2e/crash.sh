# crash.sh - an import killed with SIGKILL at any point, or stopped by a
# full disk, leaves the database intact and exactly as it was; readers in
# other processes keep answering, with the old data, while an import runs.
. "$(dirname "$0")/lib.sh"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
runs=${CRASH_RUNS:-50}
rows=${CRASH_ROWS:-100000}

# A large import: a new protocol with $rows codes, each with a text.
printf 'protocol,name,reference\nBIG,Big Test Protocol,RFC1\n' >"$work/p.csv"
printf 'protocol,class,first,last,name\nBIG,all,0,9999999,All\n' >"$work/c.csv"
awk -v n="$rows" 'BEGIN { print "protocol,code,reason,description"
	for (i = 0; i < n; i++)
		printf "BIG,%d,Reason %d,\"Text for code %d, with a comma, \"\"quotes\"\" and enough words to look like prose.\"\n", i, i, i }' >"$work/codes.csv"
big="$work/p.csv $work/c.csv $work/codes.csv"

state() { sqlite3 "$db" "PRAGMA integrity_check" .sha3sum | tr '\n' ' '; }
before=$(state)
count_before=$(sqlite3 "$db" "SELECT count(*) FROM code")

# SIGKILL at 50 points spread over the import.
i=0; intact=0; killed=0
while [ "$i" -lt "$runs" ]; do
	# shellcheck disable=SC2086
	"$CODEKB_IMPORT" --db "$db" $big >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v i="$i" -v n="$runs" 'BEGIN { printf "%.3f", 0.02 + 1.2 * i / n }')"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null
	[ "$(state)" = "$before" ] && intact=$((intact + 1))
	i=$((i + 1))
done
if [ "$intact" -eq "$runs" ] && [ "$killed" -eq "$runs" ]; then
	pass "killed $killed of $runs imports; the database was intact and unchanged each time"
else
	fail "$intact of $runs runs left the database intact ($killed killed)"
fi

# A full disk: a file size limit stops the write-ahead log from growing.
( ulimit -f 1024; "$CODEKB_IMPORT" --db "$db" $big ) >"$work/out" 2>"$work/err"
code=$?
if [ "$code" -eq 1 ]; then pass "full disk: exit 1"; else fail "full disk: exit $code"; fi
expect_in "$work/err" "cannot write the database" "full disk: says it cannot write"
expect_in "$work/err" "File too large" "full disk: gives the cause"
n=$(wc -l <"$work/err")
if [ "$n" -eq 2 ]; then pass "full disk: one error, not a cascade"; else fail "full disk: $n lines of errors"; fi
if [ "$(state)" = "$before" ]; then pass "full disk: database unchanged"; else fail "full disk: database changed"; fi

# A really full disk: a small tmpfs, where root may mount one.
mnt="$work/small"
mkdir "$mnt"
# Room for the database and 1 MiB more, which the import overflows.
room=$(( $(stat -c %s "$CODEKB_DEFAULT_DB") / 1024 + 1024 ))k
if mount -t tmpfs -o size="$room" tmpfs "$mnt" 2>/dev/null; then
	cp "$CODEKB_DEFAULT_DB" "$mnt/kb.db"
	small_before=$(sqlite3 "$mnt/kb.db" .sha3sum)
	# shellcheck disable=SC2086
	"$CODEKB_IMPORT" --db "$mnt/kb.db" $big >"$work/out" 2>"$work/err"
	code=$?
	if [ "$code" -eq 1 ]; then pass "tmpfs full: exit 1"; else fail "tmpfs full: exit $code"; fi
	expect_in "$work/err" "database or disk is full" "tmpfs full: names the cause"
	if [ "$(sqlite3 "$mnt/kb.db" "PRAGMA integrity_check" .sha3sum | tr '\n' ' ')" = "ok $small_before " ]; then
		pass "tmpfs full: database intact and unchanged"
	else fail "tmpfs full: database changed"; fi
	umount "$mnt"
else
	echo "# skipped: cannot mount a tmpfs here (the file size limit above covers a full disk)"
fi

# A read-only database file: for root, only an immutable file is.
cp "$CODEKB_DEFAULT_DB" "$work/ro.db"
if [ "$(id -u)" -ne 0 ] && chmod a-w "$work/ro.db" || chattr +i "$work/ro.db" 2>/dev/null; then
	ro_before=$(sha256sum "$work/ro.db")
	expect_code 1 "read-only database" "$CODEKB_IMPORT" --db "$work/ro.db" "$work/p.csv"
	expect_in "$work/err" "the file is read-only" "says the file is read-only"
	if [ "$(sha256sum "$work/ro.db")" = "$ro_before" ]; then pass "read-only: unchanged"; else fail "read-only: changed"; fi
	chattr -i "$work/ro.db" 2>/dev/null || true
	chmod u+w "$work/ro.db"
else
	echo "# skipped: cannot make a read-only file here"
fi

# Readers during an import: every answer succeeds and shows the old data.
# shellcheck disable=SC2086
"$CODEKB_IMPORT" --db "$db" $big >"$work/import.out" 2>&1 &
pid=$!
reads=0; bad=0; seen_new=
while kill -0 "$pid" 2>/dev/null; do
	n=$("$CODEKB" --db "$db" sql "SELECT count(*) FROM code" --format csv 2>>"$work/rerr" | tail -n 1 | tr -d '\r')
	"$CODEKB" --db "$db" compare SIP 486 600 --lang ja >/dev/null 2>>"$work/rerr" || bad=$((bad + 1))
	# the old data until the commit, the new data after it, nothing else
	if [ "$n" = $((count_before + rows)) ]; then
		seen_new=1
	elif [ "$n" != "$count_before" ] || [ -n "$seen_new" ]; then
		bad=$((bad + 1)); echo "# read $n codes during the import"
	fi
	reads=$((reads + 1))
done
wait "$pid"; code=$?
if [ "$code" -eq 0 ]; then pass "the import under readers succeeded"; else fail "import exit $code"; fi
if [ "$reads" -ge 3 ] && [ "$bad" -eq 0 ] && [ ! -s "$work/rerr" ]; then
	pass "$reads rounds of reads during the import, no error, old data each time"
else
	fail "$bad bad reads of $reads"; head -3 "$work/rerr" | sed 's/^/#   /'
fi
after=$(sqlite3 "$db" "SELECT count(*) FROM code")
if [ "$after" -eq $((count_before + rows)) ]; then pass "after the import readers see the new data"
else fail "after the import: $after codes"; fi

# A statement journal larger than the importer keeps in memory: replacing
# every text of 200 generated codes makes the search index batch rewrite
# index pages that the transaction already holds, and the journal of that
# one statement outgrows its 512 KiB block and moves to a temporary file.
# SQLite's unix VFS writes at most 128 KiB at a time, so without
# importer/splitvfs.c this failed with "database or disk is full".
"$CODEKB_SRC/bench/gen" "$work/gen" 2 100
"$CODEKB_IMPORT" --db "$work/gen.db" "$work/gen" >/dev/null
sed 's/ means that / indicates that /' "$work/gen/codes.csv" >"$work/gen-codes.csv"
expect_code 0 "a re-import whose statement journal moves to a file" \
	"$CODEKB_IMPORT" --db "$work/gen.db" --on-conflict replace "$work/gen-codes.csv"
n=$(sqlite3 "$work/gen.db" "SELECT count(*) FROM search_fts WHERE search_fts MATCH 'indicates that'")
[ "$n" -eq 200 ] && pass "the search index holds the replaced texts" || fail "'indicates that' in $n documents, wanted 200"
finish
