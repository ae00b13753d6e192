/*
 * cmd_compare.c - `codekb compare PROTO A B`: the comparison page of two
 * codes, from the comparison view.
 */
#include "cmd.h"
#include "db.h"

static int run(struct ctx *ctx)
{
	char protocol[17];
	long long a, b;
	sqlite3_stmt *st = NULL;
	int status;

	if (cmd_protocol(ctx, ctx->o->args[0], protocol) != EXIT_OK ||
	    cmd_code(ctx, protocol, ctx->o->args[1], &a) != EXIT_OK ||
	    cmd_code(ctx, protocol, ctx->o->args[2], &b) != EXIT_OK)
		return EXIT_FAIL;
	if (a == b) {
		kb_error_set(&ctx->err, "compare needs two different codes, "
			     "not %s %lld twice", protocol, a);
		return EXIT_USAGE;
	}
	if (cmd_prepare(ctx, "compare", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", protocol);
	db_bind_int(st, ":code_a", a);
	db_bind_int(st, ":code_b", b);
	db_bind_int(st, ":json", ctx->fmt == FMT_JSON);
	status = cmd_print_page(ctx, st, "comparison");
	sqlite3_finalize(st);
	return status;
}

const struct cmd cmd_compare = {
	"compare",
	"PROTO CODE_A CODE_B",
	1 << FMT_MD | 1 << FMT_JSON,
	FMT_MD,
	3,
	3,
	run,
};
