/*
 * db.h - open a codekb database, bring its schema up to date, and prepare
 * the named queries kept in schema/queries/.
 *
 * The importer opens with DB_WRITE, begins its transaction, and calls
 * db_upgrade() inside it, so that a failed run also undoes the upgrade.
 * The query tool opens with DB_READONLY and calls db_check_schema().
 */
#ifndef CODEKB_DB_H
#define CODEKB_DB_H

#include <sqlite3.h>

#include "error.h"

enum db_flags {
	/* open read-only, refuse to create; for queries and `codekb sql` */
	DB_READONLY = 1 << 0,
	/* open read-write, create if missing, use WAL; for the importer */
	DB_WRITE = 1 << 1,
};

/*
 * The page size of the databases the importer creates (an existing
 * database keeps its own).  An import is one transaction, which puts every
 * page it changes into the WAL, and SQLite maps 8 bytes of WAL index (the
 * -shm file) for each: with 16 KiB pages, a million-row import maps 384 KiB
 * of it, with 4 KiB pages 1.5 MiB.
 */
#define DB_PAGE_SIZE 16384

/*
 * The PRAGMA application_id of a codekb database ("ckdb").  db_upgrade()
 * sets it; db_open() refuses a database that is not empty and has neither
 * it nor, from before codekb set it, codekb's schema (versions 1 to 5).
 */
#define DB_APPLICATION_ID 0x636B6462

/*
 * Configure SQLite for a program that uses one connection from one thread
 * (threads 0): no mutexes and no memory statistics, which otherwise take a
 * lock around every allocation.  With threads 1, each thread may use a
 * connection of its own (SQLite's multi-thread mode).  Call before any
 * other SQLite function.
 */
void db_configure_library(int threads);

/* The schema version this build writes and reads (PRAGMA user_version). */
int db_schema_version(void);

/*
 * The database to use: path if it is not NULL, else $CODEKB_DB, else the
 * default database that the build made from data/ (codekb.db beside the
 * executable, or ../share/codekb/codekb.db from it once installed, else
 * CODEKB_DATADIR/codekb.db, the datadir it was built to be installed in).
 * Returns a string the caller frees, or NULL if no default can be found.
 */
char *db_choose_path(const char *path);

/*
 * Open path.  Sets foreign keys on and a busy timeout, so that readers and
 * the importer wait for each other instead of failing.  A database that
 * another application made (see DB_APPLICATION_ID) is refused before
 * anything is written to it.  Returns 0 and the handle in *out, or -1
 * with err set; *out is then NULL.
 */
int db_open(const char *path, enum db_flags flags, sqlite3 **out,
	    struct kb_error *err);

/*
 * Apply the missing migrations, the seed rows and the views, and mark the
 * database with DB_APPLICATION_ID if it is not yet.  Must run
 * inside a transaction that the caller commits or rolls back.  Returns 0,
 * or -1 with err set (for example when the database is newer than this
 * build).
 */
int db_upgrade(sqlite3 *db, struct kb_error *err);

/* Check that a database opened read-only has this build's schema. */
int db_check_schema(sqlite3 *db, const char *path, struct kb_error *err);

/*
 * Prepare the statement called `name` in an embedded query file, which is
 * a list of statements each headed by a line "-- name: NAME".  Returns 0
 * and the statement in *st (the caller finalizes it), or -1 with err set.
 */
int db_prepare_named(sqlite3 *db, const char *file, const char *name,
		     sqlite3_stmt **st, struct kb_error *err);

/* Run every statement of the block called `name` in an embedded query file
 * (see db_prepare_named), for statements that return no rows.  Returns 0,
 * or -1 with err set. */
int db_exec_named(sqlite3 *db, const char *file, const char *name,
		  struct kb_error *err);

/* Run sql (one or more statements, no results).  Returns 0 or -1. */
int db_exec(sqlite3 *db, const char *sql, struct kb_error *err);

/* Bind text to the named parameter (":name") of st, if st has it.  A NULL
 * text binds NULL.  Returns the sqlite3_bind_* result. */
int db_bind_text(sqlite3_stmt *st, const char *param, const char *text);

/* The same for an integer. */
int db_bind_int(sqlite3_stmt *st, const char *param, long long value);

#endif
