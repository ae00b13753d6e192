/*
 * main.c - codekb: look up, compare, list and query protocol status codes.
 *
 * Only parses the command line, opens the database read-only and runs the
 * subcommand from cmd_table[]; each subcommand lives in cmd_NAME.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "embedded.h"

#ifndef CODEKB_VERSION
#define CODEKB_VERSION "unknown"
#endif

static void print_usage(FILE *out)
{
	fputs("usage: codekb [--db PATH] COMMAND [ARGS] [OPTIONS]\n", out);
	for (size_t i = 0; cmd_table[i]; i++)
		fprintf(out, "       codekb [--db PATH] %s\n", cmd_table[i]->usage);
}

static const char help_text[] =
	"\n"
	"  -d, --db PATH       the database (default: $CODEKB_DB, else the one\n"
	"                      built from data/)\n"
	"  -l, --lang L        language, a BCP 47 tag: en, zh, ja, zh-CN, ...\n"
	"                      (texts not yet translated fall back to English)\n"
	"  -f, --format F      table, csv, md or json, as the command allows\n"
	"  -p, --protocol P    only this protocol (case-insensitive)\n"
	"  -c, --class N       only this class: 4xx, or 4\n"
	"  -o, --output PATH   export into this file (replaced only when the\n"
	"                      export is complete; a FIFO or a device is\n"
	"                      written to, never replaced) or, for a site,\n"
	"                      directory\n"
	"  -j, --jobs N        export a site in N threads (default: one per\n"
	"                      processor, up to 8)\n"
	"  -t, --timeout S     stop `sql` after S seconds (default 5)\n"
	"      --force         export a site into a folder that is not empty\n"
	"                      and was not made by codekb\n"
	"  -h, --help          show this help\n"
	"  -V, --version       show the version\n"
	"\n"
	"Exit status: 0 success, 1 not found or bad data, 2 usage error.\n"
	"The views that `sql` can query are described in docs/views.md.\n";

static int usage_error(const struct cmd *cmd, const char *msg)
{
	fprintf(stderr, "codekb: %s\n", msg);
	if (cmd)
		fprintf(stderr, "usage: codekb [--db PATH] %s\n", cmd->usage);
	else
		print_usage(stderr);
	fputs("try 'codekb --help'\n", stderr);
	return EXIT_USAGE;
}

/* Check the options and argument count that cmd was given. */
static int check_args(const struct cmd *cmd, struct ctx *ctx)
{
	const struct opts *o = ctx->o;
	unsigned extra = opts_given(o) & ~cmd->options;
	char msg[256];

	if (extra) {
		snprintf(msg, sizeof(msg), "'%s' does not take that option",
			 cmd->name);
		return usage_error(cmd, msg);
	}
	if (o->nargs < cmd->min_args || o->nargs > cmd->max_args) {
		snprintf(msg, sizeof(msg), "'%s' takes %d argument%s, not %d",
			 cmd->name, cmd->max_args, cmd->max_args == 1 ? "" : "s",
			 o->nargs);
		return usage_error(cmd, msg);
	}
	ctx->fmt = cmd->default_format;
	if (o->format && (format_parse(o->format, &ctx->fmt) < 0 ||
			  !(cmd->formats & (1u << ctx->fmt)))) {
		snprintf(msg, sizeof(msg), "'%s' cannot write format '%s'",
			 cmd->name, o->format);
		return usage_error(cmd, msg);
	}
	return EXIT_OK;
}

/* Open the database and resolve the language; then run cmd. */
static int run(const struct cmd *cmd, struct ctx *ctx)
{
	char *path = db_choose_path(ctx->o->db);
	int status = EXIT_FAIL;

	if (!path) {
		kb_error_set(&ctx->err, "no database: give --db PATH or set "
			     "CODEKB_DB");
		return EXIT_FAIL;
	}
	ctx->db_path = path;
	if (db_open(path, DB_READONLY, &ctx->db, &ctx->err) == 0 &&
	    db_check_schema(ctx->db, path, &ctx->err) == 0 &&
	    lang_resolve(ctx->db, sql_queries_query,
			 ctx->o->lang ? ctx->o->lang : "en", ctx->lang,
			 &ctx->err) == 0)
		status = cmd->run(ctx);
	sqlite3_close(ctx->db);
	ctx->db = NULL;
	free(path);
	return status;
}

int main(int argc, char **argv)
{
	struct opts o;
	struct ctx ctx = {0};
	const struct cmd *cmd = NULL;
	int status;

	ctx.o = &o;
	ctx.out = stdout;
	switch (opts_parse(argc, argv, &o, &ctx.err)) {
	case PARSE_HELP:
		print_usage(stdout);
		fputs(help_text, stdout);
		status = EXIT_OK;
		goto done;
	case PARSE_VERSION:
		printf("codekb %s (schema %d, SQLite %s)\n", CODEKB_VERSION,
		       db_schema_version(), sqlite3_libversion());
		status = EXIT_OK;
		goto done;
	case PARSE_ERROR:
		status = usage_error(NULL, ctx.err.msg);
		goto done;
	default:
		break;
	}
	if (!o.command) {
		status = usage_error(NULL, "no command given");
		goto done;
	}
	cmd = cmd_find(o.command);
	if (!cmd) {
		char msg[128];

		snprintf(msg, sizeof(msg), "unknown command '%.60s'", o.command);
		status = usage_error(NULL, msg);
		goto done;
	}
	/*
	 * No page-cache slabs set up in advance: SQLite would otherwise
	 * allocate and touch 20 pages for every cache it opens, the temporary
	 * b-trees of a query included, and most of a short command's time
	 * would go to the page faults.  `export site` builds its pages in
	 * several threads, each with a connection of its own.
	 */
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
	db_configure_library(cmd == &cmd_export && o.nargs > 0 &&
			     strcmp(o.args[0], "site") == 0);
	status = check_args(cmd, &ctx);
	if (status == EXIT_OK)
		status = run(cmd, &ctx);
	if (status == EXIT_USAGE && ctx.err.msg[0])
		status = usage_error(cmd, ctx.err.msg);
	else if (status != EXIT_OK && ctx.err.msg[0])
		fprintf(stderr, "codekb: %s\n", ctx.err.msg);
done:
	opts_release(&o);
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		perror("codekb: cannot write output");
		status = EXIT_FAIL;
	}
	return status;
}
