# upgrade.sh - the schema's upgrade path: a version 1 database (before the
# search index) is refused by the query tool with the command that fixes
# it, and `codekb-import --upgrade` brings it to the current version with
# its data indexed.  The SQL files also run as they are in the sqlite3 shell.
. "$(dirname "$0")/lib.sh"
db="$work/v1.db"
cp "$CODEKB_DEFAULT_DB" "$db"
# Make it what version 1 was: no search index.
sqlite3 "$db" "DROP TABLE search_cjk; DROP TABLE search_fts; DROP TABLE search_doc; DROP TABLE search_pending;
	DROP TRIGGER code_search_insert; DROP TRIGGER code_search_update;
	DROP TRIGGER code_search_delete; DROP TRIGGER text_search_insert;
	DROP TRIGGER text_search_update; DROP TRIGGER text_search_delete;
	PRAGMA user_version = 1;"
expect_code 1 "the query tool on a version 1 database" "$CODEKB" --db "$db" search busy
expect_in "$work/err" "run 'codekb-import --db $db --upgrade'" "says how to upgrade"
expect_code 0 "codekb-import --upgrade" "$CODEKB_IMPORT" --db "$db" --upgrade
v=$(sqlite3 "$db" "PRAGMA user_version")
if [ "$v" -ge 2 ]; then pass "schema version is now $v"; else fail "version $v"; fi
expect_code 0 "search after the upgrade" "$CODEKB" --db "$db" search busy --format csv
expect_in "$work/out" "SIP,486,Busy Here" "the old data is indexed"
expect_code 0 "short CJK search after the upgrade" "$CODEKB" --db "$db" search 忙 --lang zh --format csv
expect_in "$work/out" "SIP,486" "the old data is in the CJK index too"

# Version 2 (a trigram index, no CJK index) gains the CJK index, and both
# indexes are rebuilt from the same text.
db2="$work/v2.db"
cp "$CODEKB_DEFAULT_DB" "$db2"
sqlite3 "$db2" "DROP TABLE search_cjk; PRAGMA user_version = 2;"
expect_code 0 "codekb-import --upgrade from version 2" "$CODEKB_IMPORT" --db "$db2" --upgrade
expect_code 0 "認証 after the upgrade from version 2" "$CODEKB" --db "$db2" search 認証 --lang ja --format csv
expect_in "$work/out" "HTTP,407" "a two-letter CJK word is found"
expect_code 0 "busy after the upgrade from version 2" "$CODEKB" --db "$db2" search busy --format csv
expect_in "$work/out" "SIP,600" "the trigram index is whole again"
n=$(sqlite3 "$db2" "SELECT (SELECT count(*) FROM search_fts_docsize) = (SELECT count(*) FROM search_doc)")
if [ "$n" = 1 ]; then pass "every document is in the trigram index once"; else fail "trigram index and search_doc differ"; fi

# A write in the sqlite3 shell waits for the next import to be indexed,
# and check says so meanwhile.
sqlite3 "$db" "PRAGMA foreign_keys = ON; UPDATE text SET body = 'Zyxwv test text.' WHERE protocol = 'SIP' AND code = 487 AND locale = 'en' AND field = 'description'"
expect_code 1 "check after a write in the shell" "$CODEKB" --db "$db" check
expect_in "$work/out" "search index: 1 changed documents are not indexed yet" "check names the unindexed change"
expect_code 0 "codekb-import --upgrade indexes it" "$CODEKB_IMPORT" --db "$db" --upgrade
expect_code 0 "search finds the shell's change" "$CODEKB" --db "$db" search Zyxwv --format csv
expect_in "$work/out" "SIP,487" "the change is found"

# The stock shell takes the schema files as they are.
sh_db="$work/shell.db"
for f in "$CODEKB_SRC"/schema/migrations/*.sql "$CODEKB_SRC/schema/seed.sql" "$CODEKB_SRC/schema/views.sql"; do
	sqlite3 "$sh_db" <"$f" || fail "sqlite3 refused $f"
done
n=$(sqlite3 "$sh_db" "SELECT count(*) FROM ui_key")
if [ "$n" -gt 40 ]; then pass "the sqlite3 shell builds the schema from the .sql files"; else fail "ui_key has $n rows"; fi
finish
