/*
 * main.c - codekb: look up, compare, list and query protocol status codes.
 *
 * Only parses the command line, opens the database read-only and runs the
 * subcommand from cmd_table[]; each subcommand lives in cmd_NAME.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "complete.h"
#include "db.h"
#include "embedded.h"
#include "termsafe.h"

#ifndef CODEKB_VERSION
#define CODEKB_VERSION "unknown"
#endif

/* Print sb to out, or say that there was no memory for it. */
static void print_text(struct strbuf *sb, FILE *out)
{
	if (sb->failed)
		fputs("codekb: out of memory\n", stderr);
	else
		fputs(sb->buf, out);
	strbuf_release(sb);
}

/* Print "codekb: MESSAGE" to stderr, escaped if it is a terminal: a
 * message may quote data. */
static void print_error(const char *msg)
{
	struct strbuf sb = STRBUF_INIT;

	if (!isatty(fileno(stderr))) {
		fprintf(stderr, "codekb: %s\n", msg);
		return;
	}
	termsafe_escape(&sb, msg, strlen(msg));
	fprintf(stderr, "codekb: %s\n", sb.failed ? "out of memory" : sb.buf);
	strbuf_release(&sb);
}

/* Print "codekb: MESSAGE", cmd's usage line (every command's if cmd is
 * NULL) and where to find help; returns EXIT_USAGE. */
__attribute__((format(printf, 2, 3)))
static int usage_error(const struct cmd *cmd, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	fputs("codekb: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd) {
		strbuf_addstr(&sb, "usage: ");
		opts_usage(&sb, cmd);
		strbuf_addch(&sb, '\n');
	} else {
		opts_usage_all(&sb);
	}
	strbuf_addstr(&sb, "try 'codekb --help'\n");
	print_text(&sb, stderr);
	return EXIT_USAGE;
}

/* Check the options and argument count that cmd was given. */
static int check_args(const struct cmd *cmd, struct ctx *ctx)
{
	const struct opts *o = ctx->o;
	const struct parseopt *refused = opts_refused(o, cmd);

	if (refused)
		return usage_error(cmd, "'%s' does not take --%s", cmd->name,
				   refused->long_name);
	if (o->nargs < cmd->min_args || o->nargs > cmd->max_args)
		return usage_error(cmd, "'%s' takes %d argument%s, not %d",
				   cmd->name, cmd->max_args,
				   cmd->max_args == 1 ? "" : "s", o->nargs);
	ctx->fmt = cmd->default_format;
	if (o->format && (format_parse(o->format, &ctx->fmt) < 0 ||
			  !(cmd->formats & (1u << ctx->fmt))))
		return usage_error(cmd, "'%s' cannot write format '%s'",
				   cmd->name, o->format);
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

	/* the shell completions' candidates (completion/) */
	if (argc > 1 && strcmp(argv[1], "--complete") == 0)
		return complete_main(argc - 1, argv + 1);
	ctx.o = &o;
	ctx.out = stdout;
	switch (opts_parse(argc, argv, &o, &ctx.err)) {
	case PARSEOPT_HELP: {
		struct strbuf help = STRBUF_INIT;

		/* `codekb COMMAND --help`: that command's alone */
		cmd = o.command ? cmd_find(o.command) : NULL;
		if (cmd)
			opts_command_help(&help, cmd);
		else
			opts_help(&help);
		status = help.failed ? EXIT_FAIL : EXIT_OK;
		print_text(&help, stdout);
		goto done;
	}
	case PARSEOPT_VERSION:
		printf("codekb %s (schema %d, SQLite %s)\n", CODEKB_VERSION,
		       db_schema_version(), sqlite3_libversion());
		status = EXIT_OK;
		goto done;
	case PARSEOPT_ERROR:
		status = usage_error(NULL, "%s", ctx.err.msg);
		goto done;
	default:
		break;
	}
	if (!o.command) {
		status = usage_error(NULL, "%s", "no command given");
		goto done;
	}
	cmd = cmd_find(o.command);
	if (!cmd) {
		status = usage_error(NULL, "unknown command '%s'", o.command);
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
	/* data may hold control characters; a terminal sees them escaped */
	if (status == EXIT_OK && isatty(fileno(stdout))) {
		ctx.out = termsafe_open(stdout);
		if (!ctx.out) {
			ctx.out = stdout;
			status = EXIT_FAIL;
			kb_error_set(&ctx.err, "out of memory");
		}
	}
	if (status == EXIT_OK)
		status = run(cmd, &ctx);
	if (ctx.out != stdout && fclose(ctx.out) != 0 && status == EXIT_OK) {
		perror("codekb: cannot write output");
		status = EXIT_FAIL;
	}
	if (status == EXIT_OK && ctx.note.msg[0])
		print_error(ctx.note.msg);
	if (status == EXIT_USAGE && ctx.err.msg[0])
		status = usage_error(cmd, "%s", ctx.err.msg);
	else if (status != EXIT_OK && ctx.err.msg[0])
		print_error(ctx.err.msg);
done:
	opts_release(&o);
	if (fflush(stdout) != 0 && status == EXIT_OK) {
		perror("codekb: cannot write output");
		status = EXIT_FAIL;
	}
	return status;
}
