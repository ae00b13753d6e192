/*
 * cmd.h - the subcommands of the codekb query tool.
 *
 * Adding a subcommand: write query/cmd_NAME.c defining
 * `const struct cmd cmd_NAME = {name, args, formats, ..., run}`, declare it
 * below, add it to cmd_table[] in cmd.c and to CMakeLists.txt, and name it
 * in the scope of each option it takes in opts_table[] (opts.c).  Its usage
 * line, in the overview (`codekb --help`) and in its own usage errors, is
 * made from its args and those options.
 */
#ifndef CODEKB_CMD_H
#define CODEKB_CMD_H

#include <sqlite3.h>
#include <stdio.h>

#include "error.h"
#include "lang.h"
#include "opts.h"
#include "output.h"

/* Exit statuses of the tool. */
enum exit_status {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
};

/* What a subcommand runs with. */
struct ctx {
	/* the database, opened read-only */
	sqlite3 *db;
	/* its path, for messages */
	const char *db_path;
	/* the parsed options and arguments */
	const struct opts *o;
	/* the resolved --lang (default en) */
	char lang[LANG_MAX];
	/* the resolved --format */
	enum format fmt;
	/* where data goes */
	FILE *out;
	/* where the failure is described when run() returns EXIT_FAIL */
	struct kb_error err;
};

struct cmd {
	/* the subcommand's name */
	const char *name;
	/* its arguments as its usage line shows them ("PROTO CODE"); the
	 * options it takes are the ones whose scope names it (opts.c) */
	const char *args;
	/* the formats it takes, as 1 << enum format, and its default */
	unsigned formats;
	enum format default_format;
	/* how many arguments it takes */
	int min_args;
	int max_args;
	/* run it; returns an enum exit_status, with ctx->err set on failure */
	int (*run)(struct ctx *ctx);
};

extern const struct cmd cmd_list;
extern const struct cmd cmd_show;
extern const struct cmd cmd_compare;
extern const struct cmd cmd_sql;
extern const struct cmd cmd_coverage;
extern const struct cmd cmd_check;
extern const struct cmd cmd_search;
extern const struct cmd cmd_export;

/* Every subcommand, NULL-terminated. */
extern const struct cmd *const cmd_table[];

/* The subcommand called name, or NULL. */
const struct cmd *cmd_find(const char *name);

/* Prepare a statement of schema/queries/query.sql; EXIT_FAIL on error. */
int cmd_prepare(struct ctx *ctx, const char *name, sqlite3_stmt **st);

/* Resolve PROTO (case-insensitive) into out (17 bytes); EXIT_FAIL with
 * the known protocols named if there is none. */
int cmd_protocol(struct ctx *ctx, const char *arg, char *out);

/* Parse CODE and check that protocol has it; EXIT_FAIL with the nearest
 * codes suggested if not. */
int cmd_code(struct ctx *ctx, const char *protocol, const char *arg,
	     long long *code);

/* Print the one text column of the first row of st (a page); EXIT_FAIL
 * if there is none. */
int cmd_print_page(struct ctx *ctx, sqlite3_stmt *st, const char *what);

#endif
