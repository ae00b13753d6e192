/*
 * cmd_list.c - `codekb list`: the codes, optionally of one protocol or
 * class, with their names, class and status in the chosen language.
 */
#include "cmd.h"
#include "db.h"

static const char *const label_keys[] = {
	"label.protocol", "label.code", "label.reason", "label.name",
	"label.class", "label.status", "label.vendor",
};

#define NLABELS (sizeof(label_keys) / sizeof(label_keys[0]))

/* Fill labels with the column headings in ctx->lang (owned by the caller,
 * freed with sqlite3_free). */
static void load_labels(struct ctx *ctx, char **labels)
{
	sqlite3_stmt *st = NULL;

	if (cmd_prepare(ctx, "labels", &st) != EXIT_OK)
		return;
	for (size_t i = 0; i < NLABELS; i++) {
		sqlite3_reset(st);
		db_bind_text(st, ":lang", ctx->lang);
		db_bind_text(st, ":key", label_keys[i]);
		if (sqlite3_step(st) == SQLITE_ROW)
			labels[i] = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	}
	cmd_release(ctx, st);
}

static int check_class(struct ctx *ctx, const char *protocol)
{
	sqlite3_stmt *st = NULL;
	int found;

	if (!protocol) {
		kb_error_set(&ctx->err, "--class needs --protocol");
		return EXIT_USAGE;
	}
	if (cmd_prepare(ctx, "class_exists", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":protocol", protocol);
	db_bind_text(st, ":class", ctx->o->class_label);
	found = sqlite3_step(st) == SQLITE_ROW;
	cmd_release(ctx, st);
	if (found)
		return EXIT_OK;
	kb_error_set(&ctx->err, "%s has no class '%s'", protocol,
		     ctx->o->class_label);
	return EXIT_FAIL;
}

static int run(struct ctx *ctx)
{
	char protocol[17];
	char *labels[NLABELS] = {0};
	sqlite3_stmt *st = NULL;
	int status;

	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		return EXIT_FAIL;
	if (ctx->o->class_label) {
		status = check_class(ctx, ctx->o->protocol ? protocol : NULL);
		if (status != EXIT_OK)
			return status;
	}
	if (cmd_prepare(ctx, "list", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", ctx->o->protocol ? protocol : NULL);
	db_bind_text(st, ":class", ctx->o->class_label);
	db_bind_int(st, ":raw", ctx->fmt == FMT_CSV || ctx->fmt == FMT_JSON);
	load_labels(ctx, labels);
	status = output_rows(ctx->db, st, ctx->fmt, (const char *const *)labels,
			     ctx->out, &ctx->err) < 0 ? EXIT_FAIL : EXIT_OK;
	for (size_t i = 0; i < NLABELS; i++)
		sqlite3_free(labels[i]);
	cmd_release(ctx, st);
	return status;
}

const struct cmd cmd_list = {
	"list",
	"",
	"List codes, filtered by protocol and class.",
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	0,
	0,
	run,
};
