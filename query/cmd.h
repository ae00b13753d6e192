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

#include "codekey.h"
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
	/* what the user should know of a result that run() gave, such as
	 * what search tried instead ("did you mean ..."), or empty */
	struct kb_error note;
	/* `sql`: print at most this many rows of a statement (0: all), and
	 * set row_limited if it had more (the MCP server's sql tool) */
	long row_limit;
	int row_limited;
	/* `show` and `compare` in Markdown: where their JSON goes too, from
	 * the same step, or NULL; set to NULL once the first page's is out */
	FILE *json_out;
	/* the prepared statements kept from one command to the next (the
	 * MCP server's), or NULL: cmd_prepare() makes each anew */
	struct cmd_cache *cache;
};

/* The most statements a struct cmd_cache keeps. */
#define CMD_CACHE_MAX 32

/* Statements of schema/queries/query.sql kept prepared, by name (the
 * names are the callers' literals, kept as pointers). */
struct cmd_cache {
	struct {
		const char *name;
		sqlite3_stmt *st;
		/* handed out by cmd_prepare(), not yet released */
		int busy;
	} e[CMD_CACHE_MAX];
	int n;
};

/* Finalize every statement of cache (which must be released). */
void cmd_cache_clear(struct cmd_cache *cache);

struct cmd {
	/* the subcommand's name */
	const char *name;
	/* its arguments as its usage line shows them ("PROTO CODE"); the
	 * options it takes are the ones whose scope names it (opts.c) */
	const char *args;
	/* what it does, in a sentence, for its --help and the manual */
	const char *summary;
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
extern const struct cmd cmd_mcp;

/* The statement of `codekb sql --views`: each view's name and its
 * columns, in order (also the manual's, man/mangen.c). */
extern const char cmd_sql_views[];

/* Every subcommand, NULL-terminated. */
extern const struct cmd *const cmd_table[];

/* The subcommand called name, or NULL. */
const struct cmd *cmd_find(const char *name);

/* Prepare a statement of schema/queries/query.sql; EXIT_FAIL on error.
 * With ctx->cache, a statement prepared before, and not in use, is handed
 * out again, reset.  Give it back with cmd_release(). */
int cmd_prepare(struct ctx *ctx, const char *name, sqlite3_stmt **st);

/* Done with st (from cmd_prepare(), or NULL): reset it into ctx->cache if
 * it came from there, else finalize it. */
void cmd_release(struct ctx *ctx, sqlite3_stmt *st);

/* Resolve PROTO (case-insensitive) into out (17 bytes); EXIT_FAIL with
 * the known protocols named if there is none. */
int cmd_protocol(struct ctx *ctx, const char *arg, char *out);

/* The same without an error: 0 if word names a protocol (into out, 17
 * bytes), else -1. */
int cmd_protocol_named(struct ctx *ctx, const char *word, char *out);

/* The most bytes of a vendor's name that a command takes. */
#define CMD_VENDOR_MAX 256

/* One meaning of a code: protocol, key as stored, vendor ('' for the
 * registered meaning). */
struct code_ref {
	char protocol[17];
	char code[CODEKEY_MAX];
	char vendor[CMD_VENDOR_MAX];
	/* the number has other meanings than this one */
	int meanings;
};

enum code_flags {
	/* a --vendor that the code has no meaning of is ignored: compare
	 * applies it to the side that has it */
	CODE_VENDOR_SOFT = 1 << 0,
	/* several unofficial meanings and no registered one is no error:
	 * show prints them all */
	CODE_ANY_MEANING = 1 << 1,
};

/*
 * Parse CODE, as the user typed it, as a key of protocol (lib/codekey.h)
 * and find the meaning to use: the one of vendor if it is not NULL, else
 * the registered one, else the only one.  EXIT_FAIL with one line saying
 * what is wrong: a malformed key, no such code (the nearest suggested), no
 * such vendor, or several vendors' meanings to choose from with --vendor
 * (flags: enum code_flags).
 */
int cmd_code(struct ctx *ctx, const char *protocol, const char *arg,
	     const char *vendor, unsigned flags, struct code_ref *out);

/* Every meaning of out's code, registered first, as cmd_code() found
 * them: calls fn for each; stops at a non-zero return. */
int cmd_code_meanings(struct ctx *ctx, const struct code_ref *ref,
		      int (*fn)(struct ctx *ctx, const struct code_ref *m,
				void *arg),
		      void *arg);

/* Print the text column of the first row of st (a page); EXIT_FAIL if
 * there is none, or it is empty (see cmd_page_missing).  With
 * ctx->json_out, st's :both is bound and its second column (the page's
 * JSON) goes there, and ctx->json_out is set to NULL. */
int cmd_print_page(struct ctx *ctx, sqlite3_stmt *st, const char *what);

/*
 * Set err to why page (what names it: "the code page", "page 'x.md'")
 * came out empty: the UI strings of db that have no English text, which
 * its templates need; if none is missing, a fault of codekb's own.
 * Returns -1.
 */
int cmd_page_missing(sqlite3 *db, const char *page, struct kb_error *err);

#endif
