/*
 * cmd_export.c - `codekb export`: the codes, the texts, the codes' names
 * and search terms, the translators' worksheet or the comparison pages as
 * CSV, Markdown or JSON, streamed row by row to stdout or, atomically, to
 * --output FILE; and `codekb export site`, the whole reference as a static
 * site (site.c).
 *
 * The statements are in schema/queries/export.sql.  Each has the columns
 * of its import format and a last column, `json`, that holds the row as a
 * JSON object when :json is bound to 1.
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "embedded.h"
#include "outfile.h"
#include "site.h"

struct what {
	/* the argument that names the export */
	const char *name;
	/* its statement in export.sql */
	const char *query;
};

static const struct what whats[] = {
	{"codes", "export_codes"},
	{"texts", "export_texts"},
	{"names", "export_names"},
	{"translations", "export_translations"},
	{"comparisons", "export_comparisons"},
};

static const struct what *find_what(const char *name)
{
	for (size_t i = 0; i < sizeof(whats) / sizeof(whats[0]); i++)
		if (strcmp(whats[i].name, name) == 0)
			return &whats[i];
	return NULL;
}

/* Bind the options to st: :protocol (resolved, or NULL), :lang and :json.
 * The texts export takes every language but English, and the names export
 * every language, unless --lang is given. */
static int bind_options(struct ctx *ctx, const struct what *w,
			sqlite3_stmt *st)
{
	char protocol[17];
	int every = strcmp(w->name, "texts") == 0 ||
		    strcmp(w->name, "names") == 0;

	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":protocol", ctx->o->protocol ? protocol : NULL);
	db_bind_text(st, ":lang", every && !ctx->o->lang ? NULL : ctx->lang);
	db_bind_int(st, ":json", ctx->fmt == FMT_JSON);
	return EXIT_OK;
}

/* Print the rows of st to out in ctx->fmt. */
static int print(struct ctx *ctx, sqlite3_stmt *st, FILE *out)
{
	int last = sqlite3_column_count(st) - 1;
	long rows;

	if (ctx->fmt == FMT_JSON)
		rows = output_json_column(ctx->db, st, last, out, &ctx->err);
	else
		rows = output_columns(ctx->db, st, ctx->fmt, last, NULL, out,
				      &ctx->err);
	return rows < 0 ? EXIT_FAIL : EXIT_OK;
}

/* Print st to --output FILE, replacing it only if all went well. */
static int print_to_file(struct ctx *ctx, sqlite3_stmt *st)
{
	struct outfile f;
	int status;

	if (outfile_open(&f, ctx->o->output, &ctx->err) < 0)
		return EXIT_FAIL;
	status = print(ctx, st, f.fp);
	if (status != EXIT_OK) {
		outfile_abort(&f);
		return status;
	}
	return outfile_commit(&f, &ctx->err) < 0 ? EXIT_FAIL : EXIT_OK;
}

static int run_table(struct ctx *ctx, const struct what *w)
{
	sqlite3_stmt *st = NULL;
	int status;

	if (db_prepare_named(ctx->db, sql_queries_export, w->query, &st,
			     &ctx->err) < 0)
		return EXIT_FAIL;
	status = bind_options(ctx, w, st);
	if (status == EXIT_OK && ctx->o->output)
		status = print_to_file(ctx, st);
	else if (status == EXIT_OK)
		status = print(ctx, st, ctx->out);
	if (status == EXIT_OK && !ctx->o->output &&
	    (fflush(ctx->out) != 0 || ferror(ctx->out))) {
		kb_error_set(&ctx->err, "cannot write the output: %s",
			     strerror(errno ? errno : EIO));
		status = EXIT_FAIL;
	}
	sqlite3_finalize(st);
	return status;
}

static int run(struct ctx *ctx)
{
	const char *name = ctx->o->args[0];
	const struct what *w = find_what(name);

	if (strcmp(name, "site") == 0)
		return site_run(ctx);
	if (!w) {
		kb_error_set(&ctx->err, "cannot export '%s'; choose codes, "
			     "texts, names, translations, comparisons or "
			     "site", name);
		return EXIT_USAGE;
	}
	if (ctx->o->nlangs > 1) {
		kb_error_set(&ctx->err, "'export %s' takes one --lang", name);
		return EXIT_USAGE;
	}
	if (ctx->o->jobs || ctx->o->force) {
		kb_error_set(&ctx->err, "'export %s' does not take %s; "
			     "only 'export site' does", name,
			     ctx->o->jobs ? "--jobs" : "--force");
		return EXIT_USAGE;
	}
	if (strcmp(name, "translations") == 0 &&
	    (!ctx->o->lang || strcmp(ctx->lang, "en") == 0)) {
		kb_error_set(&ctx->err, "'export translations' needs --lang L, "
			     "a language other than English");
		return EXIT_USAGE;
	}
	if (ctx->fmt == FMT_TABLE)
		ctx->fmt = FMT_CSV;
	return run_table(ctx, w);
}

const struct cmd cmd_export = {
	"export",
	"codes|texts|names|translations|comparisons|site",
	"Export codes, texts, names, translations or comparisons as "
	"tables, or the whole reference as a Hugo site.",
	1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_CSV,
	1,
	1,
	run,
};
