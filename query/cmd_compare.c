/*
 * cmd_compare.c - `codekb compare PROTO A B` and `codekb compare PROTO_A A
 * PROTO_B B`: the comparison page of two codes, of one protocol or of
 * two, from the comparison view.  --vendor chooses the meaning of the
 * side that has a meaning of that vendor.
 */
#include <string.h>

#include "cmd.h"
#include "db.h"

static int run(struct ctx *ctx)
{
	char pa[17], pb[17];
	struct code_ref a, b;
	const char *vendor = ctx->o->vendor;
	const char *arg_a, *arg_b;
	sqlite3_stmt *st = NULL;
	int status;

	/* PROTO A B, or PROTO_A A PROTO_B B */
	if (ctx->o->nargs == 3) {
		if (cmd_protocol(ctx, ctx->o->args[0], pa) != EXIT_OK)
			return EXIT_FAIL;
		memcpy(pb, pa, sizeof(pb));
		arg_a = ctx->o->args[1];
		arg_b = ctx->o->args[2];
	} else {
		if (cmd_protocol(ctx, ctx->o->args[0], pa) != EXIT_OK ||
		    cmd_protocol(ctx, ctx->o->args[2], pb) != EXIT_OK)
			return EXIT_FAIL;
		arg_a = ctx->o->args[1];
		arg_b = ctx->o->args[3];
	}
	if (cmd_code(ctx, pa, arg_a, vendor, vendor ? CODE_VENDOR_SOFT : 0,
		     &a) != EXIT_OK ||
	    cmd_code(ctx, pb, arg_b, vendor, vendor ? CODE_VENDOR_SOFT : 0,
		     &b) != EXIT_OK)
		return EXIT_FAIL;
	if (vendor && strcasecmp(a.vendor, vendor) != 0 &&
	    strcasecmp(b.vendor, vendor) != 0) {
		kb_error_set(&ctx->err, "neither %s %s nor %s %s has a meaning "
			     "of vendor '%s'", pa, a.code, pb, b.code, vendor);
		return EXIT_FAIL;
	}
	if (strcmp(a.protocol, b.protocol) == 0 && strcmp(a.code, b.code) == 0 &&
	    strcmp(a.vendor, b.vendor) == 0) {
		kb_error_set(&ctx->err, "compare needs two different codes, "
			     "not %s %s twice", pa, a.code);
		return EXIT_USAGE;
	}
	if (cmd_prepare(ctx, "compare", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", a.protocol);
	db_bind_text(st, ":code_a", a.code);
	db_bind_text(st, ":vendor_a", a.vendor);
	db_bind_text(st, ":protocol_b", b.protocol);
	db_bind_text(st, ":code_b", b.code);
	db_bind_text(st, ":vendor_b", b.vendor);
	db_bind_int(st, ":json", ctx->fmt == FMT_JSON);
	status = cmd_print_page(ctx, st, "comparison");
	cmd_release(ctx, st);
	return status;
}

const struct cmd cmd_compare = {
	"compare",
	"PROTO CODE_A [PROTO_B] CODE_B",
	"Compare two codes, of one protocol or of two.",
	1 << FMT_MD | 1 << FMT_JSON,
	FMT_MD,
	3,
	4,
	run,
};
