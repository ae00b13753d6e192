/*
 * fuzz_sql.c - libFuzzer target for `codekb sql`: its authorizer, its
 * time limit and its output formats.
 *
 * A database is made once from data/ and opened read-only, as the query
 * tool opens it.  The first byte of each input picks the format (table,
 * csv, md, json); the rest is the SQL, run through cmd_sql with a short
 * time limit.  It is a bug, reported as a crash, if a statement changes
 * the database (sqlite3_total_changes), if the connection is left with an
 * authorizer that refuses the next input's reads, or if the JSON output
 * of a run that succeeded is not valid JSON.
 *
 * Build and run: scripts/fuzz SECONDS
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "db.h"
#include "import.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The most output whose JSON is checked; a larger one is only written. */
#define CHECK_MAX (4 * 1024 * 1024)

static char db_path[4096];
static sqlite3 *db;
/* an in-memory database whose json_valid() checks the output */
static sqlite3 *checker;

static void cleanup(void)
{
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char name[4200];

	sqlite3_close(db);
	sqlite3_close(checker);
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", db_path, suffixes[i]);
		unlink(name);
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct import_options opt = {0};
	struct kb_error err = {{0}};
	const char *tmp = getenv("TMPDIR");
	char *data = getenv("CODEKB_DATA");
	FILE *sink = fopen("/dev/null", "w");

	(void)argc;
	(void)argv;
	/* as the query tool configures SQLite (query/main.c) */
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
	db_configure_library(0);
	if (!sink || !data) {
		fprintf(stderr, "fuzz_sql: set CODEKB_DATA to the data/ folder\n");
		exit(1);
	}
	snprintf(db_path, sizeof(db_path), "%s/fuzz-sql-%d.db",
		 tmp ? tmp : "/tmp", (int)getpid());
	opt.db_path = db_path;
	atexit(cleanup);
	if (import_run(&opt, &data, 1, sink, stderr) != 0 ||
	    db_open(db_path, DB_READONLY, &db, &err) < 0 ||
	    db_check_schema(db, db_path, &err) < 0 ||
	    sqlite3_open(":memory:", &checker) != SQLITE_OK) {
		fprintf(stderr, "fuzz_sql: %s\n", err.msg);
		exit(1);
	}
	fclose(sink);
	return 0;
}

/* 1 if the n bytes of out are one valid JSON text. */
static int json_ok(const char *out, size_t n)
{
	sqlite3_stmt *st = NULL;
	int ok = 0;

	if (sqlite3_prepare_v2(checker, "SELECT json_valid(?1)", -1, &st,
			       NULL) == SQLITE_OK &&
	    sqlite3_bind_text(st, 1, out, (int)n, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return ok;
}

/* 1 if the connection still reads as the query tool's commands do. */
static int still_reads(void)
{
	return sqlite3_exec(db, "SELECT count(*) FROM code", NULL, NULL,
			    NULL) == SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum format formats[] = {FMT_TABLE, FMT_CSV, FMT_MD,
					      FMT_JSON};
	struct opts o = {0};
	struct ctx ctx = {0};
	char *args[1];
	char *sql;
	FILE *out;
	long len;
	int status;

	if (size == 0)
		return 0;
	sql = malloc(size);
	out = tmpfile();
	if (!sql || !out)
		abort();
	memcpy(sql, data + 1, size - 1);
	sql[size - 1] = '\0';
	/* "-" and a name ending in ".sql" are read as files (cmd_sql.c):
	 * the fuzzer gives SQL itself, which a ";" keeps from being a name */
	if (strcmp(sql, "-") == 0 ||
	    (strlen(sql) >= 4 && strcmp(sql + strlen(sql) - 4, ".sql") == 0)) {
		free(sql);
		fclose(out);
		return 0;
	}
	args[0] = sql;
	o.command = "sql";
	o.args = args;
	o.nargs = 1;
	o.timeout = "0.2";
	ctx.db = db;
	ctx.db_path = db_path;
	ctx.o = &o;
	strcpy(ctx.lang, "en");
	ctx.fmt = formats[data[0] % 4];
	ctx.out = out;
	status = cmd_sql.run(&ctx);
	if (sqlite3_total_changes64(db) != 0) {
		fprintf(stderr, "fuzz_sql: the statement changed the database\n");
		abort();
	}
	if (!still_reads()) {
		fprintf(stderr, "fuzz_sql: the connection no longer reads: %s\n",
			sqlite3_errmsg(db));
		abort();
	}
	fflush(out);
	len = ftell(out);
	if (status == EXIT_OK && ctx.fmt == FMT_JSON && len > 0 &&
	    len <= CHECK_MAX) {
		char *text = malloc((size_t)len + 1);

		rewind(out);
		if (!text || fread(text, 1, (size_t)len, out) != (size_t)len)
			abort();
		text[len] = '\0';
		if (!json_ok(text, (size_t)len)) {
			fprintf(stderr, "fuzz_sql: invalid JSON output: %.200s\n",
				text);
			abort();
		}
		free(text);
	}
	fclose(out);
	free(sql);
	return 0;
}
