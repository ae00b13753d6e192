/*
 * cmd_show.c - `codekb show PROTO CODE`: one code's page, from the
 * code_page view.  A number with several meanings shows each, the
 * registered one first, unless --vendor names one; JSON gives one object,
 * of the meaning chosen, whose `meanings` lists the others.
 */
#include "cmd.h"
#include "db.h"

struct show {
	sqlite3_stmt *st;
	int printed;
};

static int show_one(struct ctx *ctx, const struct code_ref *m, void *arg)
{
	struct show *s = arg;
	int status;

	sqlite3_reset(s->st);
	db_bind_text(s->st, ":lang", ctx->lang);
	db_bind_text(s->st, ":protocol", m->protocol);
	db_bind_text(s->st, ":code", m->code);
	db_bind_text(s->st, ":vendor", m->vendor);
	db_bind_int(s->st, ":json", ctx->fmt == FMT_JSON);
	if (s->printed)
		fputs("\n---\n\n", ctx->out);
	status = cmd_print_page(ctx, s->st, "code page");
	s->printed++;
	return status;
}

static int run(struct ctx *ctx)
{
	char protocol[17];
	struct code_ref ref;
	struct show s = {NULL, 0};
	int status;

	if (cmd_protocol(ctx, ctx->o->args[0], protocol) != EXIT_OK ||
	    cmd_code(ctx, protocol, ctx->o->args[1], ctx->o->vendor,
		     CODE_ANY_MEANING, &ref) != EXIT_OK ||
	    cmd_prepare(ctx, "show", &s.st) != EXIT_OK)
		return EXIT_FAIL;
	if (ctx->o->vendor || ctx->fmt == FMT_JSON || !ref.meanings)
		status = show_one(ctx, &ref, &s);
	else
		status = cmd_code_meanings(ctx, &ref, show_one, &s);
	cmd_release(ctx, s.st);
	return status;
}

const struct cmd cmd_show = {
	"show",
	"PROTO CODE",
	"Show the page of one code.",
	1 << FMT_MD | 1 << FMT_JSON,
	FMT_MD,
	2,
	2,
	run,
};
