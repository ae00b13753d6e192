# upgrade.sh - the schema's upgrade path.  tests/fixtures/codekb-v3.db.gz
# is the default database that the version 3 codekb built from the data
# of its day (integer codes, one meaning each): `codekb-import --upgrade`
# brings it to the current version in place, and it then passes check.
# Versions 1 (before the search index) and 2 (before the CJK index) are
# made from it by dropping what they lacked: the query tool refuses them
# with the command that fixes them.  The SQL files also run as they are
# in the sqlite3 shell.
. "$(dirname "$0")/lib.sh"
v3="$work/v3.db"
gzip -dc "$CODEKB_SRC/tests/fixtures/codekb-v3.db.gz" >"$v3"
cp "$v3" "$work/v3-before.db"
expect_code 1 "the query tool on a version 3 database" "$CODEKB" --db "$v3" show SIP 486
expect_in "$work/err" "run 'codekb-import --db $v3 --upgrade'" "says how to upgrade version 3"
expect_code 0 "codekb-import --upgrade from version 3" "$CODEKB_IMPORT" --db "$v3" --upgrade
v=$(sqlite3 "$v3" "PRAGMA user_version")
if [ "$v" -ge 4 ]; then pass "version 3 is now version $v"; else fail "version $v"; fi
n_before=$(sqlite3 "$work/v3-before.db" "SELECT (SELECT count(*) FROM code) || ' ' || (SELECT count(*) FROM text) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM class_text)")
n_after=$(sqlite3 "$v3" "SELECT (SELECT count(*) FROM code) || ' ' || (SELECT count(*) FROM text) || ' ' || (SELECT count(*) FROM note) || ' ' || (SELECT count(*) FROM class_text)")
if [ "$n_before" = "$n_after" ]; then pass "every code, text, note and class name is kept ($n_after)"; else fail "rows $n_before before, $n_after after"; fi
# The upgrade adds UI strings that the old data has no text for: check
# names them, and importing today's data/ over the upgraded database
# supplies them and finds the codes unchanged.  English notes have been
# rewritten since version 3, so they replace the old ones.
expect_code 1 "check names what the new schema needs" "$CODEKB" --db "$v3" check
expect_in "$work/out" "ui en head.equivalents: no English text for this UI string" "the new UI strings are named"
expect_code 0 "today's data imports over the upgraded database" "$CODEKB_IMPORT" --db "$v3" --on-conflict replace "$CODEKB_SRC/data"
n=$(sqlite3 "$v3" "SELECT count(*) FROM code WHERE protocol IN ('SIP', 'HTTP') AND vendor = ''")
if [ "$n" -eq 139 ]; then pass "the 139 registered SIP and HTTP codes were carried over, none new"; else fail "$n SIP and HTTP codes"; fi
expect_code 0 "check passes on the upgraded database" "$CODEKB" --db "$v3" check
expect_code 0 "show after the upgrade" "$CODEKB" --db "$v3" show SIP 486 --lang ja
expect_in "$work/out" "# SIP 486 Busy Here" "the upgraded page"
expect_code 0 "compare after the upgrade" "$CODEKB" --db "$v3" compare SIP 100 410 --lang zh
expect_code 0 "search after the upgrade from version 3" "$CODEKB" --db "$v3" search 忙 --lang zh --format csv
expect_in "$work/out" "SIP,486" "the search indexes survive the upgrade"
expect_code 0 "a second upgrade changes nothing" "$CODEKB_IMPORT" --db "$v3" --upgrade

db="$work/v1.db"
cp "$work/v3-before.db" "$db"
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
cp "$work/v3-before.db" "$db2"
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
