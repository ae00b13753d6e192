/*
 * cmd.c - the subcommand table and the helpers that subcommands share.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "embedded.h"

const struct cmd *const cmd_table[] = {
	&cmd_list,
	&cmd_show,
	&cmd_compare,
	&cmd_search,
	&cmd_export,
	&cmd_sql,
	&cmd_coverage,
	&cmd_check,
	NULL,
};

const struct cmd *cmd_find(const char *name)
{
	for (size_t i = 0; cmd_table[i]; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

int cmd_prepare(struct ctx *ctx, const char *name, sqlite3_stmt **st)
{
	if (db_prepare_named(ctx->db, sql_queries_query, name, st, &ctx->err) < 0)
		return EXIT_FAIL;
	return EXIT_OK;
}

/* The text of the first column of the first row of query `name`, with
 * :protocol and :code bound, copied into buf ("" if none). */
static void first_text(struct ctx *ctx, const char *name, const char *protocol,
		       long long code, char *buf, size_t size)
{
	sqlite3_stmt *st = NULL;

	buf[0] = '\0';
	if (cmd_prepare(ctx, name, &st) != EXIT_OK)
		return;
	db_bind_text(st, ":protocol", protocol);
	db_bind_int(st, ":code", code);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, size, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

int cmd_protocol(struct ctx *ctx, const char *arg, char *out)
{
	char known[512];

	first_text(ctx, "protocol_resolve", arg, 0, out, 17);
	if (out[0])
		return EXIT_OK;
	first_text(ctx, "protocol_list", NULL, 0, known, sizeof(known));
	kb_error_set(&ctx->err, "unknown protocol '%s'; known: %s", arg,
		     known[0] ? known : "none");
	return EXIT_FAIL;
}

int cmd_code(struct ctx *ctx, const char *protocol, const char *arg,
	     long long *code)
{
	char found[8];
	char nearest[64];
	char *end;

	errno = 0;
	*code = strtoll(arg, &end, 10);
	if (!isdigit((unsigned char)arg[0]) || *end || errno == ERANGE ||
	    *code > 2147483647LL) {
		kb_error_set(&ctx->err, "%s %s: not a number", protocol, arg);
		return EXIT_FAIL;
	}
	first_text(ctx, "code_exists", protocol, *code, found, sizeof(found));
	if (found[0])
		return EXIT_OK;
	first_text(ctx, "code_nearest", protocol, *code, nearest, sizeof(nearest));
	if (nearest[0])
		kb_error_set(&ctx->err, "no %s code %lld; nearest: %s", protocol,
			     *code, nearest);
	else
		kb_error_set(&ctx->err, "no %s code %lld; %s has no codes yet",
			     protocol, *code, protocol);
	return EXIT_FAIL;
}

int cmd_print_page(struct ctx *ctx, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		const char *text = (const char *)sqlite3_column_text(st, 0);
		size_t len = strlen(text);

		fputs(text, ctx->out);
		if (len && text[len - 1] != '\n')
			fputc('\n', ctx->out);
		return EXIT_OK;
	}
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		kb_error_set(&ctx->err, "cannot build the %s: the class or "
			     "UI strings it needs are missing; run "
			     "'codekb check'", what);
	else
		kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
	return EXIT_FAIL;
}
