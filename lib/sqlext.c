/*
 * sqlext.c - codekb's SQL functions as a loadable SQLite extension, so
 * that the views of a codekb database work in the stock sqlite3 shell:
 *
 *     $ sqlite3 build/codekb.db
 *     sqlite> .load build/codekb-sql
 *     sqlite> SELECT markdown FROM comparison WHERE ...;
 *
 * It registers what db_open() registers for both programs: fill(),
 * differing_keys() and join_list() (fill.h), codekey_slug() (codekey.h),
 * cjk_spaced() (cjk.h), codekb_bm25() (rank.h), and edit_distance() and
 * search_words() (similar.h).  SQLite finds the entry point by the file's
 * name, "codekb-sql": sqlite3_codekbsql_init.
 */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "cjk.h"
#include "codekey.h"
#include "fill.h"
#include "rank.h"
#include "similar.h"

int sqlite3_codekbsql_init(sqlite3 *db, char **err,
			   const sqlite3_api_routines *api);

int sqlite3_codekbsql_init(sqlite3 *db, char **err,
			   const sqlite3_api_routines *api)
{
	int rc;

	SQLITE_EXTENSION_INIT2(api);
	(void)err;
	rc = fill_register(db);
	if (rc == SQLITE_OK)
		rc = codekey_register(db);
	if (rc == SQLITE_OK)
		rc = cjk_register(db);
	if (rc == SQLITE_OK)
		rc = rank_register(db);
	if (rc == SQLITE_OK)
		rc = similar_register(db);
	return rc;
}
