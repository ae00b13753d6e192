# corpus.sh - every file in tests/corpus/bad is refused with its exact
# message (tests/corpus/bad/EXPECTED: name, tab, "LINE:COL: message"),
# exit status 1, and a byte-identical database.  Two cases are made here
# rather than kept in the tree: a 10 MB field and an empty directory.
. "$(dirname "$0")/lib.sh"
corpus="$CODEKB_SRC/tests/corpus/bad"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"
before=$(sha256sum "$db" | cut -d' ' -f1)
sum_before=$(sqlite3 "$db" .sha3sum 2>/dev/null || true)

cp "$corpus"/*.csv "$work/"
{ printf 'protocol,code,reason\nSIP,180,'; head -c 10485760 /dev/zero | tr '\0' 'x'; printf '\n'; } >"$work/45-huge-field.csv"
mkdir "$work/46-empty-directory"

while IFS='	' read -r name message; do
	path="$work/$name"
	"$CODEKB_IMPORT" --db "$db" "$path" >"$work/out" 2>"$work/err"
	code=$?
	case "$message" in
	*:*:*) want="codekb-import: $path:$message" ;;
	*) want="codekb-import: $path: $message" ;;
	esac
	got=$(head -n 1 "$work/err")
	now=$(sha256sum "$db" | cut -d' ' -f1)
	if [ "$code" -eq 1 ] && [ "$got" = "$want" ] && [ "$now" = "$before" ]; then
		pass "$name"
	else
		fail "$name: exit $code, '$got'"
		echo "#   wanted '$want'"
		[ "$now" = "$before" ] || echo "#   the database changed"
	fi
done <"$corpus/EXPECTED"
n=$(wc -l <"$corpus/EXPECTED")
if [ "$n" -ge 40 ]; then pass "the corpus has $n bad inputs"; else fail "only $n bad inputs"; fi
sum_after=$(sqlite3 "$db" .sha3sum 2>/dev/null || true)
if [ "$sum_before" = "$sum_after" ]; then pass "sqlite3 .sha3sum unchanged"; else fail ".sha3sum changed"; fi
finish
