/*
 * cmd_coverage.c - `codekb coverage`: how much of each protocol's text
 * each language has, and how much of it is stale.
 */
#include "cmd.h"
#include "db.h"

static int run(struct ctx *ctx)
{
	char protocol[17];
	sqlite3_stmt *st = NULL;
	int status;

	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		return EXIT_FAIL;
	if (cmd_prepare(ctx, "coverage", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":protocol", ctx->o->protocol ? protocol : NULL);
	status = output_rows(ctx->db, st, ctx->fmt, NULL, ctx->out,
			     &ctx->err) < 0 ? EXIT_FAIL : EXIT_OK;
	cmd_release(ctx, st);
	return status;
}

const struct cmd cmd_coverage = {
	"coverage",
	"",
	"Show how much of each protocol is translated.",
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	0,
	0,
	run,
};
