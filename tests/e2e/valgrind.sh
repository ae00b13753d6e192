# valgrind.sh - no leak and no memory error in a compare, a list, a site
# export in two threads, a failed and a good import.
. "$(dirname "$0")/lib.sh"
vg="$VALGRIND --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=99"
db="$work/kb.db"
cp "$CODEKB_DEFAULT_DB" "$db"

expect_code 0 "valgrind: compare" $vg "$CODEKB" --db "$db" compare SIP 100 410 --lang zh
expect_code 0 "valgrind: list" $vg "$CODEKB" --db "$db" list --format json
expect_code 0 "valgrind: sql" $vg "$CODEKB" --db "$db" sql "SELECT * FROM code_l10n LIMIT 3"
expect_code 1 "valgrind: refused sql" $vg "$CODEKB" --db "$db" sql "DELETE FROM code"
expect_code 0 "valgrind: export site in 2 threads" $vg "$CODEKB" --db "$(CODEKB_SAMPLE=1 site_db)" export site --lang ja --jobs 2 --output "$work/site"
expect_code 0 "valgrind: import of data/" $vg "$CODEKB_IMPORT" --db "$work/new.db" "$CODEKB_SRC/data"
printf 'protocol,code,reason\nSIP,x,Bad\n' >"$work/bad.csv"
expect_code 1 "valgrind: failed import" $vg "$CODEKB_IMPORT" --db "$db" "$work/bad.csv"
finish
