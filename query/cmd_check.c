/*
 * cmd_check.c - `codekb check`: validate the whole database.
 *
 * Every code has English text in every field; every UI string has an
 * English source, and each translation uses the same placeholders; every
 * reference is well formed; no translation is stale; the search index
 * covers every document; and no sentence that
 * a comparison or code page is built from, in any language, has a doubled
 * word or an unfilled placeholder.  Each problem is one line on stdout,
 * "WHERE: WHAT"; the exit status is 1 if there is any.
 */
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "textcheck.h"

struct check {
	struct ctx *ctx;
	/* problems found */
	long problems;
	/* texts looked at */
	long texts;
};

static void problem(struct check *c, const char *where, const char *what)
{
	fprintf(c->ctx->out, "%s: %s\n", where, what);
	c->problems++;
}

/* Run a query whose rows are (where, what) problems. */
static int report_rows(struct check *c, const char *name)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (cmd_prepare(c->ctx, name, &st) != EXIT_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		problem(c, (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int check_templates(struct check *c)
{
	sqlite3_stmt *st = NULL;
	char mine[512], theirs[512], where[128], what[1200];
	int rc;

	if (cmd_prepare(c->ctx, "check_ui_pairs", &st) != EXIT_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *locale = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);

		snprintf(where, sizeof(where), "ui %s %s", locale, key);
		c->texts++;
		if (textcheck_placeholders((const char *)sqlite3_column_text(st, 2),
					   mine, sizeof(mine)) < 0 ||
		    textcheck_placeholders((const char *)sqlite3_column_text(st, 3),
					   theirs, sizeof(theirs)) < 0) {
			problem(c, where, "unbalanced braces");
			continue;
		}
		if (strcmp(mine, theirs) != 0) {
			snprintf(what, sizeof(what), "uses placeholders '%s' but "
				 "English uses '%s'", mine, theirs);
			problem(c, where, what);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Check each (where, text) row of query `name` in language lang. */
static int check_rendered(struct check *c, const char *name, const char *lang)
{
	sqlite3_stmt *st = NULL;
	char word[64], what[128];
	int rc;

	if (cmd_prepare(c->ctx, name, &st) != EXIT_OK)
		return -1;
	db_bind_text(st, ":lang", lang);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *where = (const char *)sqlite3_column_text(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 1);

		c->texts++;
		if (!text) {
			problem(c, where, "cannot be built (a string is missing)");
		} else if (strpbrk(text, "{}")) {
			problem(c, where, "unfilled placeholder");
		} else if (textcheck_doubled_word(text, word, sizeof(word))) {
			snprintf(what, sizeof(what), "doubled word '%s'", word);
			problem(c, where, what);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int check_languages(struct check *c)
{
	sqlite3_stmt *st = NULL;
	int rc;
	int failed = 0;

	if (cmd_prepare(c->ctx, "check_locales", &st) != EXIT_OK)
		return -1;
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char lang[LANG_MAX];

		snprintf(lang, sizeof(lang), "%s", sqlite3_column_text(st, 0));
		failed = check_rendered(c, "check_pair_sentences", lang) < 0 ||
			 check_rendered(c, "check_code_pages", lang) < 0;
	}
	sqlite3_finalize(st);
	return failed ? -1 : 0;
}

static int run(struct ctx *ctx)
{
	struct check c = {ctx, 0, 0};

	if (report_rows(&c, "check_english") < 0 ||
	    report_rows(&c, "check_ui_english") < 0 ||
	    report_rows(&c, "check_references") < 0 ||
	    report_rows(&c, "check_stale") < 0 ||
	    report_rows(&c, "check_search_pending") < 0 ||
	    check_templates(&c) < 0 || check_languages(&c) < 0) {
		if (!ctx->err.msg[0])
			kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
		return EXIT_FAIL;
	}
	if (c.problems) {
		kb_error_set(&ctx->err, "%ld problem%s found", c.problems,
			     c.problems == 1 ? "" : "s");
		return EXIT_FAIL;
	}
	fprintf(ctx->out, "codekb check: no problems in %ld texts and "
		"templates\n", c.texts);
	return EXIT_OK;
}

const struct cmd cmd_check = {
	"check",
	"",
	1 << FMT_TABLE,
	FMT_TABLE,
	0,
	0,
	run,
};
