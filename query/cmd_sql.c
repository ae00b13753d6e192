/*
 * cmd_sql.c - `codekb sql "SELECT ..."`: ad-hoc, read-only SQL.
 *
 * Four locks keep the database safe: the file is opened read-only, the
 * connection has PRAGMA query_only, every statement must be read-only by
 * sqlite3_stmt_readonly(), and an authorizer allows only reading actions
 * (no ATTACH, DETACH, writes, or pragmas that set anything).  The
 * authorizer also refuses fts3_tokenizer(), which reveals a code address
 * and can register any pointer as a tokenizer, a progress handler stops a
 * query that runs past --timeout, and no value may outgrow SQL_MAX_VALUE.
 *
 * The statement is the argument itself, unless the argument is "-" (read
 * standard input) or ends in ".sql" (read that file): no SQL statement
 * ends in ".sql" outside a comment, and one that does can end in ";".
 * What is read may be up to SQL_MAX_FILE bytes of UTF-8.  `sql --views`
 * lists the views and their columns instead, read from the database.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "strbuf.h"
#include "utf8.h"

/* The time limit of `sql` without --timeout, and the largest allowed. */
#define SQL_DEFAULT_TIMEOUT 5.0
#define SQL_MAX_TIMEOUT 86400.0

/* The largest string or BLOB a query may make, so that its memory stays
 * bounded (the largest field an import takes is 1 MiB). */
#define SQL_MAX_VALUE (16 * 1024 * 1024)

/* The most bytes of SQL that `sql -` or `sql FILE.sql` reads. */
#define SQL_MAX_FILE (1024 * 1024)

/* What the authorizer saw while a statement was prepared. */
struct watch {
	/* set by PRAGMA journal_mode without a value, which only reads but
	 * which SQLite does not count as read-only */
	int journal_mode;
};

/* When the running statements must stop (CLOCK_MONOTONIC), and whether
 * they were stopped. */
struct deadline {
	struct timespec at;
	int fired;
};

static int past_deadline(void *arg)
{
	struct deadline *d = arg;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > d->at.tv_sec ||
	    (now.tv_sec == d->at.tv_sec && now.tv_nsec >= d->at.tv_nsec))
		d->fired = 1;
	return d->fired;
}

/* --timeout as seconds into *seconds; EXIT_USAGE with ctx->err if it is
 * not a number above 0 and up to SQL_MAX_TIMEOUT. */
static int parse_timeout(struct ctx *ctx, double *seconds)
{
	const char *arg = ctx->o->timeout;
	char *end;

	*seconds = SQL_DEFAULT_TIMEOUT;
	if (!arg)
		return EXIT_OK;
	errno = 0;
	*seconds = strtod(arg, &end);
	if (errno || end == arg || *end || !isfinite(*seconds) ||
	    *seconds <= 0 || *seconds > SQL_MAX_TIMEOUT) {
		kb_error_set(&ctx->err, "--timeout takes a number of seconds "
			     "above 0 and up to %.0f, not '%s'",
			     SQL_MAX_TIMEOUT, arg);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Pragmas that only read, allowed with an argument (a table name). */
static const char *const reading_pragmas[] = {
	"table_info", "table_xinfo", "table_list", "index_list", "index_info",
	"index_xinfo", "foreign_key_list", "foreign_key_check",
	"integrity_check", "quick_check", "collation_list", "function_list",
	"module_list", "pragma_list", "compile_options", "database_list",
	"user_version", "schema_version", "application_id", "page_count",
	"page_size", "encoding", "freelist_count", "journal_mode",
	"foreign_keys", "data_version",
};

static int pragma_allowed(const char *name, const char *arg)
{
	int takes_arg = 0;

	for (size_t i = 0; i < sizeof(reading_pragmas) / sizeof(reading_pragmas[0]); i++) {
		if (strcasecmp(name, reading_pragmas[i]) == 0) {
			/* from table_info to foreign_key_check they name a table */
			takes_arg = i <= 7;
			return !arg || takes_arg;
		}
	}
	return 0;
}

static int authorize(void *ctx, int action, const char *a, const char *b,
		     const char *db, const char *trigger)
{
	struct watch *w = ctx;

	(void)db;
	(void)trigger;
	switch (action) {
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_FUNCTION:
		return strcasecmp(b, "load_extension") == 0 ||
			       strcasecmp(b, "fts3_tokenizer") == 0
			       ? SQLITE_DENY : SQLITE_OK;
	case SQLITE_PRAGMA:
		if (strcasecmp(a, "journal_mode") == 0 && !b)
			w->journal_mode = 1;
		return pragma_allowed(a, b) ? SQLITE_OK : SQLITE_DENY;
	default:
		return SQLITE_DENY;
	}
}

/* Describe a prepare error, pointing at the offending place in sql. */
static void sql_error(struct ctx *ctx, const char *sql)
{
	int offset = sqlite3_error_offset(ctx->db);
	const char *msg = sqlite3_errmsg(ctx->db);

	if (strstr(msg, "not authorized"))
		msg = "not allowed: codekb sql only reads (no ATTACH, no "
		      "writes, no pragmas that set anything)";
	if (offset >= 0 && (size_t)offset < strlen(sql))
		kb_error_set(&ctx->err, "%s, at offset %d: \"%.30s\"", msg,
			     offset, sql + offset);
	else
		kb_error_set(&ctx->err, "%s", msg);
}

/*
 * Connect every virtual table (the FTS5 indexes) before the authorizer is
 * set: FTS5's constructor declares its table to SQLite, which the
 * authorizer would refuse as a schema change.  A connection connects a
 * virtual table once, when a statement first names it.
 */
static int connect_virtual_tables(struct ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(ctx->db, "SELECT name FROM sqlite_schema "
			       "WHERE type = 'table' "
			       "AND sql LIKE 'CREATE VIRTUAL TABLE%'",
			       -1, &st, NULL) != SQLITE_OK)
		return kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_stmt *probe = NULL;
		char *sql = sqlite3_mprintf("SELECT rowid FROM \"%w\"",
					    (const char *)sqlite3_column_text(st, 0));

		if (!sql || sqlite3_prepare_v2(ctx->db, sql, -1, &probe,
					       NULL) != SQLITE_OK)
			rc = SQLITE_ERROR;
		sqlite3_finalize(probe);
		sqlite3_free(sql);
		if (rc == SQLITE_ERROR)
			break;
	}
	/* and the table-valued JSON functions, which are virtual tables too */
	for (int i = 0; rc == SQLITE_DONE && i < 2; i++) {
		sqlite3_stmt *probe = NULL;

		if (sqlite3_prepare_v2(ctx->db, i ? "SELECT * FROM json_tree('[]')"
					      : "SELECT * FROM json_each('[]')",
				       -1, &probe, NULL) != SQLITE_OK)
			rc = SQLITE_ERROR;
		sqlite3_finalize(probe);
	}
	if (rc != SQLITE_DONE) {
		kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/*
 * How many statements sql holds, each prepared (and so authorized) but not
 * run; -1 with ctx->err set if one cannot be prepared.
 */
static int count_statements(struct ctx *ctx, const char *sql)
{
	const char *tail = sql;
	int n = 0;

	while (tail && *tail) {
		sqlite3_stmt *st = NULL;

		if (sqlite3_prepare_v2(ctx->db, tail, -1, &st, &tail) != SQLITE_OK) {
			sql_error(ctx, sql);
			return -1;
		}
		if (!st)
			break;
		sqlite3_finalize(st);
		n++;
	}
	return n;
}

/* 1 if the argument of `sql` names where to read the statement from. */
static int names_file(const char *arg)
{
	size_t n = strlen(arg);

	return strcmp(arg, "-") == 0 ||
	       (n > 4 && strcmp(arg + n - 4, ".sql") == 0);
}

/*
 * Read the statement from arg ("-" for standard input) into sb: at most
 * SQL_MAX_FILE bytes of UTF-8 without NUL.  EXIT_FAIL with ctx->err naming
 * the file if it cannot be read, is a directory, is larger, or is not
 * text.
 */
static int read_statement(struct ctx *ctx, const char *arg, struct strbuf *sb)
{
	int is_stdin = strcmp(arg, "-") == 0;
	char name[PATH_MAX + 8];
	int fd = is_stdin ? STDIN_FILENO : open(arg, O_RDONLY | O_NOCTTY);
	char buf[65536];
	struct stat st;
	ssize_t n = 0;
	size_t bad;

	snprintf(name, sizeof(name), is_stdin ? "standard input" : "'%s'", arg);
	if (fd < 0) {
		kb_error_set(&ctx->err, "cannot read '%s': %s", arg,
			     strerror(errno));
		return EXIT_FAIL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		kb_error_set(&ctx->err, "cannot read %s: it is a directory",
			     name);
		n = -2;
	}
	while (n >= 0 && sb->len <= SQL_MAX_FILE && !sb->failed) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			n = 0;
		else if (n < 0)
			kb_error_set(&ctx->err, "cannot read %s: %s", name,
				     strerror(errno));
		else if (n == 0)
			break;
		else
			strbuf_add(sb, buf, (size_t)n);
	}
	if (!is_stdin)
		close(fd);
	if (n < 0)
		return EXIT_FAIL;
	if (sb->failed) {
		kb_error_set(&ctx->err, "out of memory");
		return EXIT_FAIL;
	}
	if (sb->len > SQL_MAX_FILE) {
		kb_error_set(&ctx->err, "%s holds more than %d KiB of SQL; "
			     "codekb sql reads up to that", name,
			     SQL_MAX_FILE / 1024);
		return EXIT_FAIL;
	}
	bad = utf8_invalid_at(sb->buf ? sb->buf : "", sb->len);
	if (bad) {
		kb_error_set(&ctx->err, "%s is not UTF-8 text (at byte %zu)",
			     name, bad - 1);
		return EXIT_FAIL;
	}
	if (!sb->buf || !sb->buf[strspn(sb->buf, " \t\r\n")]) {
		kb_error_set(&ctx->err, "%s holds no SQL", name);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

const char cmd_sql_views[] =
	"SELECT m.name AS view,"
	" (SELECT group_concat(c.name, ', ') FROM"
	"   (SELECT name FROM pragma_table_xinfo(m.name) ORDER BY cid) AS c)"
	" AS columns "
	"FROM sqlite_schema AS m WHERE m.type = 'view' ORDER BY m.name";

/*
 * `sql --views`: every view of the database, with its columns in order,
 * from sqlite_schema and pragma_table_xinfo() (the view's name bound, and
 * read from the schema).  A view's column has no declared type, so only
 * the names are listed.
 */
static int list_views(struct ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	int status = EXIT_OK;

	if (sqlite3_prepare_v2(ctx->db, cmd_sql_views, -1, &st, NULL) !=
	    SQLITE_OK) {
		kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
		return EXIT_FAIL;
	}
	if (output_rows(ctx->db, st, ctx->fmt, NULL, ctx->out, &ctx->err) < 0)
		status = EXIT_FAIL;
	sqlite3_finalize(st);
	return status;
}

static int run_checked(struct ctx *ctx, struct strbuf *text);

static int run(struct ctx *ctx)
{
	struct strbuf text = STRBUF_INIT;
	int status = run_checked(ctx, &text);

	strbuf_release(&text);
	return status;
}

static int run_sql(struct ctx *ctx, const char *sql);

/* Choose what `sql` runs, then run it; text holds a statement read. */
static int run_checked(struct ctx *ctx, struct strbuf *text)
{
	const char *arg = ctx->o->nargs ? ctx->o->args[0] : NULL;
	int status;

	if (ctx->o->views && arg) {
		kb_error_set(&ctx->err, "'sql --views' takes no statement");
		return EXIT_USAGE;
	}
	if (ctx->o->views)
		return list_views(ctx);
	if (!arg) {
		kb_error_set(&ctx->err, "'sql' takes a statement, - (standard "
			     "input) or FILE.sql, or --views");
		return EXIT_USAGE;
	}
	if (!names_file(arg))
		return run_sql(ctx, arg);
	status = read_statement(ctx, arg, text);
	return status == EXIT_OK ? run_sql(ctx, text->buf) : status;
}

static int run_sql(struct ctx *ctx, const char *sql)
{
	const char *tail = sql;
	struct watch watch = {0};
	struct deadline deadline = {{0}, 0};
	double seconds;
	int length;
	int status = parse_timeout(ctx, &seconds);

	if (status != EXIT_OK)
		return status;
	if (connect_virtual_tables(ctx) < 0)
		return EXIT_FAIL;
	sqlite3_db_config(ctx->db, SQLITE_DBCONFIG_ENABLE_FTS3_TOKENIZER, 0,
			  (int *)NULL);
	clock_gettime(CLOCK_MONOTONIC, &deadline.at);
	deadline.at.tv_sec += (time_t)seconds;
	deadline.at.tv_nsec += (long)((seconds - floor(seconds)) * 1e9);
	if (deadline.at.tv_nsec >= 1000000000L) {
		deadline.at.tv_sec++;
		deadline.at.tv_nsec -= 1000000000L;
	}
	sqlite3_progress_handler(ctx->db, 1000, past_deadline, &deadline);
	length = sqlite3_limit(ctx->db, SQLITE_LIMIT_LENGTH, SQL_MAX_VALUE);
	sqlite3_set_authorizer(ctx->db, authorize, &watch);
	/* JSON output is one array: of one statement's rows */
	if (ctx->fmt == FMT_JSON) {
		int n = count_statements(ctx, sql);

		if (n > 1)
			kb_error_set(&ctx->err, "--format json takes one "
				     "statement, not %d: its output is one "
				     "array of rows", n);
		if (n < 0 || n > 1)
			status = EXIT_FAIL;
	}
	while (status == EXIT_OK && tail && *tail) {
		sqlite3_stmt *st = NULL;
		const char *start = tail;

		watch.journal_mode = 0;
		if (sqlite3_prepare_v2(ctx->db, start, -1, &st, &tail) != SQLITE_OK) {
			sql_error(ctx, sql);
			status = EXIT_FAIL;
		} else if (!st) {
			break;
		} else if (!sqlite3_stmt_readonly(st) && !watch.journal_mode) {
			kb_error_set(&ctx->err, "not allowed: codekb sql only "
				     "reads, and this statement writes");
			status = EXIT_FAIL;
		} else if (output_rows_max(ctx->db, st, ctx->fmt, NULL,
					   ctx->row_limit ? ctx->row_limit : -1,
					   &ctx->row_limited, ctx->out,
					   &ctx->err) < 0) {
			status = EXIT_FAIL;
		}
		sqlite3_finalize(st);
	}
	if (deadline.fired)
		kb_error_set(&ctx->err, "the query ran past its time limit of "
			     "%g s and was stopped; give --timeout SECONDS "
			     "for more", seconds);
	else if (status != EXIT_OK && sqlite3_errcode(ctx->db) == SQLITE_TOOBIG)
		kb_error_set(&ctx->err, "the query made a value larger than "
			     "codekb sql allows (%d MB)",
			     SQL_MAX_VALUE / (1024 * 1024));
	sqlite3_limit(ctx->db, SQLITE_LIMIT_LENGTH, length);
	sqlite3_progress_handler(ctx->db, 0, NULL, NULL);
	sqlite3_set_authorizer(ctx->db, NULL, NULL);
	return status;
}

const struct cmd cmd_sql = {
	"sql",
	"[\"SELECT ...\"|-|FILE.sql]",
	"Run read-only SQL on the views: a statement, - for standard "
	"input, or a file whose name ends in .sql.",
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	0,
	1,
	run,
};
