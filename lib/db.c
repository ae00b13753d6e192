/*
 * db.c - see db.h.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cjk.h"
#include "codekey.h"
#include "rank.h"
#include "similar.h"
#include "db.h"
#include "fill.h"
#include "embedded.h"

struct migration {
	/* the schema version this migration brings the database to */
	int version;
	/* its SQL */
	const char *sql;
};

/* Adding a migration: write schema/migrations/NNNN-what.sql, list it in
 * CMakeLists.txt and embedded.h, and append it here. */
static const struct migration migrations[] = {
	{1, sql_migration_0001},
	{2, sql_migration_0002},
	{3, sql_migration_0003},
	{4, sql_migration_0004},
	{5, sql_migration_0005},
	{6, sql_migration_0006},
	{7, sql_migration_0007},
	{8, sql_migration_0008},
};

#define NMIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

/* The last schema version whose databases codekb made without setting
 * their application_id: such a database is told by its tables. */
#define LAST_UNMARKED_VERSION 5

void db_configure_library(int threads)
{
	sqlite3_config(threads ? SQLITE_CONFIG_MULTITHREAD
			       : SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int db_schema_version(void)
{
	return migrations[NMIGRATIONS - 1].version;
}

static char *exe_relative(const char *rel)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;
	char *path;
	size_t size;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	size = strlen(exe) + strlen(rel) + 2;
	path = malloc(size);
	if (path)
		snprintf(path, size, "%s/%s", exe, rel);
	return path;
}

char *db_choose_path(const char *path)
{
	static const char *const defaults[] = {
		"codekb.db",
		"../share/codekb/codekb.db",
	};
	const char *env = getenv("CODEKB_DB");

	if (path)
		return strdup(path);
	if (env && *env)
		return strdup(env);
	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		char *candidate = exe_relative(defaults[i]);

		if (candidate && access(candidate, F_OK) == 0)
			return candidate;
		free(candidate);
	}
#ifdef CODEKB_DATADIR
	/* the installed one, wherever the program is run from */
	if (access(CODEKB_DATADIR "/codekb.db", F_OK) == 0)
		return strdup(CODEKB_DATADIR "/codekb.db");
#endif
	return NULL;
}

/* A file: URI for path with immutable=1, for a database that we cannot
 * read the usual way (see open_readonly). */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t len = strlen(path);
	char *uri = malloc(len * 3 + 32);
	char *p = uri;

	if (!uri)
		return NULL;
	p += sprintf(p, "file:");
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if (*s == '%' || *s == '?' || *s == '#' || *s < 0x20) {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		} else {
			*p++ = (char)*s;
		}
	}
	strcpy(p, "?immutable=1");
	return uri;
}

/* 1 if path has a write-ahead log that holds pages (path-wal, not
 * empty), 0 if not. */
static int wal_in_use(const char *path)
{
	struct stat st;
	size_t size = strlen(path) + 5;
	char *wal = malloc(size);
	int used;

	if (!wal)
		return 1;
	snprintf(wal, size, "%s-wal", path);
	used = stat(wal, &st) == 0 && st.st_size > 0;
	free(wal);
	return used;
}

/* Open path read-only and read its first page, which in WAL mode opens the
 * -shm file (or makes it).  Returns the SQLite result code. */
static int open_plain(const char *path, sqlite3 **db)
{
	int rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_extended_result_codes(*db, 1);
	sqlite3_busy_timeout(*db, 10000);
	return sqlite3_exec(*db, "SELECT 1 FROM sqlite_schema LIMIT 1", NULL,
			    NULL, NULL);
}

/*
 * A reader of a WAL database needs its -shm file, and makes it if it is
 * missing, which takes a folder it can write (the database file's own
 * permissions do not matter).  When it cannot, and there is no
 * write-ahead log, the file alone is current and is opened immutable=1.
 * With a log, that would show the data as it was before the log's
 * commits: the reader is refused instead.
 */
static int open_readonly(const char *path, sqlite3 **db, struct kb_error *err)
{
	struct stat st;
	char *uri = NULL;
	int rc;

	if (stat(path, &st) < 0)
		return kb_error_set(err, "cannot open database '%s': %s", path,
				    strerror(errno));
	if (S_ISDIR(st.st_mode))
		return kb_error_set(err, "cannot open database '%s': it is a "
				    "directory", path);
	rc = open_plain(path, db);
	/* SQLITE_READONLY_DIRECTORY, _CANTINIT or _RECOVERY: no -shm */
	if ((rc & 0xff) != SQLITE_READONLY && (rc & 0xff) != SQLITE_CANTOPEN)
		goto done;
	sqlite3_close(*db);
	*db = NULL;
	if (wal_in_use(path))
		return kb_error_set(err, "cannot read database '%s' now: a "
				    "writer's changes are in its log '%s-wal', "
				    "which needs a '%s-shm' file that this user "
				    "cannot make in that folder; try again when "
				    "the writer has finished", path, path, path);
	uri = immutable_uri(path);
	if (!uri)
		return kb_error_set(err, "out of memory");
	rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
			     NULL);
	free(uri);
done:
	if (rc != SQLITE_OK)
		return kb_error_set(err, "cannot open database '%s': %s", path,
				    *db ? sqlite3_errmsg(*db) : "out of memory");
	return 0;
}

/*
 * 0 if db may be codekb's: it is marked with DB_APPLICATION_ID, or it is
 * empty (a new file), or codekb made it before it marked its databases
 * (schema version 1 to 5 and codekb's tables).  Otherwise -1 with err
 * set, before anything has written to the file.
 */
static int check_owner(sqlite3 *db, const char *path, struct kb_error *err)
{
	static const char sql[] =
		"SELECT (SELECT application_id FROM pragma_application_id), "
		"(SELECT user_version FROM pragma_user_version), "
		"(SELECT count(*) FROM sqlite_schema), "
		"(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
		"name IN ('meta', 'protocol', 'class', 'code', 'text', 'ui_key'))";
	sqlite3_stmt *st = NULL;
	int id, version, objects, tables;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		kb_error_set(err, "cannot open database '%s': %s", path,
			     sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	id = sqlite3_column_int(st, 0);
	version = sqlite3_column_int(st, 1);
	objects = sqlite3_column_int(st, 2);
	tables = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);
	if (id == DB_APPLICATION_ID)
		return 0;
	if (id == 0 && version == 0 && objects == 0)
		return 0;
	if (id == 0 && version >= 1 &&
	    version <= LAST_UNMARKED_VERSION && tables == 6)
		return 0;
	return kb_error_set(err, "'%s' is not a codekb database (it is not "
			    "empty and codekb did not make it); codekb changes "
			    "no other database", path);
}

static int open_write(const char *path, sqlite3 **db, struct kb_error *err)
{
	int rc = sqlite3_open_v2(path, db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

	if (rc != SQLITE_OK)
		return kb_error_set(err, "cannot open database '%s': %s", path,
				    *db ? sqlite3_errmsg(*db) : "out of memory");
	if (sqlite3_db_readonly(*db, "main") == 1)
		return kb_error_set(err, "cannot write database '%s': the file "
				    "is read-only", path);
	return 0;
}

int db_open(const char *path, enum db_flags flags, sqlite3 **out,
	    struct kb_error *err)
{
	sqlite3 *db = NULL;
	char pragma[64];
	int rc;

	*out = NULL;
	if (flags & DB_READONLY)
		rc = open_readonly(path, &db, err);
	else
		rc = open_write(path, &db, err);
	if (rc < 0)
		goto fail;
	sqlite3_busy_timeout(db, 10000);
	sqlite3_extended_result_codes(db, 1);
	if (check_owner(db, path, err) < 0)
		goto fail;
	if (cjk_register(db) != SQLITE_OK || rank_register(db) != SQLITE_OK ||
	    codekey_register(db) != SQLITE_OK || fill_register(db) != SQLITE_OK ||
	    similar_register(db) != SQLITE_OK) {
		kb_error_set(err, "%s", sqlite3_errmsg(db));
		goto fail;
	}
	if (db_exec(db, "PRAGMA foreign_keys = ON", err) < 0)
		goto fail;
	/* Takes effect only on a new, empty file, and must come before WAL
	 * mode writes its first page. */
	snprintf(pragma, sizeof(pragma), "PRAGMA page_size = %d", DB_PAGE_SIZE);
	if ((flags & DB_WRITE) && db_exec(db, pragma, err) < 0)
		goto fail;
	if ((flags & DB_WRITE) &&
	    db_exec(db, "PRAGMA journal_mode = WAL", err) < 0) {
		kb_error_set(err, "cannot write database '%s': %s", path,
			     sqlite3_errmsg(db));
		goto fail;
	}
	if ((flags & DB_READONLY) &&
	    db_exec(db, "PRAGMA query_only = ON", err) < 0)
		goto fail;
	*out = db;
	return 0;
fail:
	sqlite3_close(db);
	return -1;
}

int db_exec(sqlite3 *db, const char *sql, struct kb_error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		kb_error_set(err, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int user_version(sqlite3 *db, int *version, struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		kb_error_set(err, "cannot read the schema version: %s",
			     sqlite3_errmsg(db));
		goto cleanup;
	}
	*version = sqlite3_column_int(st, 0);
	rc = 0;
cleanup:
	sqlite3_finalize(st);
	return rc;
}

/* 1 if meta holds value under key, 0 if not, -1 on error. */
static int meta_matches(sqlite3 *db, const char *key, const char *value,
			struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, "SELECT value = ?2 FROM meta WHERE key = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return kb_error_set(err, "%s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = sqlite3_column_int(st, 0);
	else if (rc == SQLITE_DONE)
		rc = 0;
	else
		rc = kb_error_set(err, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

static int apply_once(sqlite3 *db, const char *key, const char *sql,
		      struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int same = meta_matches(db, key, sql, err);
	int rc = -1;

	if (same != 0)
		return same < 0 ? -1 : 0;
	if (db_exec(db, sql, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO meta (key, value) "
			       "VALUES (?1, ?2)", -1, &st, NULL) != SQLITE_OK)
		return kb_error_set(err, "%s", sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sql, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		kb_error_set(err, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

/* Set the application_id of a database that does not have it yet; an
 * import that changes nothing must not write the header. */
static int mark_ours(sqlite3 *db, struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int id = -1;
	char pragma[64];

	if (sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (id == DB_APPLICATION_ID)
		return 0;
	snprintf(pragma, sizeof(pragma), "PRAGMA application_id = %d",
		 DB_APPLICATION_ID);
	return db_exec(db, pragma, err);
}

int db_upgrade(sqlite3 *db, struct kb_error *err)
{
	int version;
	char pragma[64];

	if (user_version(db, &version, err) < 0)
		return -1;
	if (version > db_schema_version())
		return kb_error_set(err, "database has schema version %d, newer "
				    "than this codekb (%d); upgrade codekb",
				    version, db_schema_version());
	for (size_t i = 0; i < NMIGRATIONS; i++) {
		if (migrations[i].version <= version)
			continue;
		if (db_exec(db, migrations[i].sql, err) < 0)
			return -1;
		/* 0004 names a vendor's page in hex, as plain SQL can */
		if (migrations[i].version == 4 &&
		    db_exec(db, "UPDATE code SET slug = codekey_slug(code, vendor) "
			    "WHERE vendor <> ''", err) < 0)
			return -1;
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d",
			 migrations[i].version);
		if (db_exec(db, pragma, err) < 0)
			return -1;
	}
	if (mark_ours(db, err) < 0 ||
	    apply_once(db, "seed", sql_seed, err) < 0 ||
	    apply_once(db, "views", sql_views, err) < 0)
		return -1;
	return 0;
}

int db_check_schema(sqlite3 *db, const char *path, struct kb_error *err)
{
	int version;
	int views;

	if (user_version(db, &version, err) < 0)
		return -1;
	if (version == 0)
		return kb_error_set(err, "'%s' is not a codekb database (it has "
				    "no schema); create it with codekb-import",
				    path);
	if (version > db_schema_version())
		return kb_error_set(err, "database '%s' has schema version %d, "
				    "newer than this codekb (%d)", path,
				    version, db_schema_version());
	views = version == db_schema_version()
			? meta_matches(db, "views", sql_views, err) : 0;
	if (views < 0)
		return -1;
	if (!views)
		return kb_error_set(err, "database '%s' was made by another "
				    "version of codekb; run 'codekb-import "
				    "--db %s --upgrade'", path, path);
	return 0;
}

/* Find "-- name: NAME\n" in file; sets *len to the statement's length. */
static const char *find_named(const char *file, const char *name, size_t *len)
{
	static const char marker[] = "-- name: ";
	size_t nlen = strlen(name);
	const char *p = file;

	while ((p = strstr(p, marker)) != NULL) {
		const char *start;
		const char *end;

		p += sizeof(marker) - 1;
		if (strncmp(p, name, nlen) != 0 || (p[nlen] != '\n' && p[nlen] != ' '))
			continue;
		start = strchr(p, '\n');
		if (!start)
			return NULL;
		end = strstr(start, marker);
		*len = end ? (size_t)(end - start) : strlen(start);
		return start;
	}
	return NULL;
}

int db_prepare_named(sqlite3 *db, const char *file, const char *name,
		     sqlite3_stmt **st, struct kb_error *err)
{
	size_t len = 0;
	const char *sql = find_named(file, name, &len);

	*st = NULL;
	if (!sql)
		return kb_error_set(err, "internal error: no query '%s'", name);
	if (sqlite3_prepare_v2(db, sql, (int)len, st, NULL) != SQLITE_OK)
		return kb_error_set(err, "internal error in query '%s': %s",
				    name, sqlite3_errmsg(db));
	return 0;
}

int db_exec_named(sqlite3 *db, const char *file, const char *name,
		  struct kb_error *err)
{
	size_t len = 0;
	const char *sql = find_named(file, name, &len);
	char *copy;
	int rc;

	if (!sql)
		return kb_error_set(err, "internal error: no query '%s'", name);
	copy = malloc(len + 1);
	if (!copy)
		return kb_error_set(err, "out of memory");
	memcpy(copy, sql, len);
	copy[len] = '\0';
	rc = db_exec(db, copy, err);
	free(copy);
	return rc;
}

int db_bind_text(sqlite3_stmt *st, const char *param, const char *text)
{
	int i = sqlite3_bind_parameter_index(st, param);

	if (i == 0)
		return SQLITE_OK;
	if (!text)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, text, -1, SQLITE_TRANSIENT);
}

int db_bind_int(sqlite3_stmt *st, const char *param, long long value)
{
	int i = sqlite3_bind_parameter_index(st, param);

	if (i == 0)
		return SQLITE_OK;
	return sqlite3_bind_int64(st, i, value);
}
