/*
 * cmd_show.c - `codekb show PROTO CODE`: one code's page, from the
 * code_page view.
 */
#include "cmd.h"
#include "db.h"

static int run(struct ctx *ctx)
{
	char protocol[17];
	long long code;
	sqlite3_stmt *st = NULL;
	int status;

	if (cmd_protocol(ctx, ctx->o->args[0], protocol) != EXIT_OK ||
	    cmd_code(ctx, protocol, ctx->o->args[1], &code) != EXIT_OK ||
	    cmd_prepare(ctx, "show", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", protocol);
	db_bind_int(st, ":code", code);
	db_bind_int(st, ":json", ctx->fmt == FMT_JSON);
	status = cmd_print_page(ctx, st, "code page");
	sqlite3_finalize(st);
	return status;
}

const struct cmd cmd_show = {
	"show",
	"PROTO CODE",
	1 << FMT_MD | 1 << FMT_JSON,
	FMT_MD,
	2,
	2,
	run,
};
