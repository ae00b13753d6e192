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
#include <stdarg.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "strbuf.h"
#include "textcheck.h"

struct check {
	struct ctx *ctx;
	/* problems found */
	long problems;
	/* texts looked at */
	long texts;
};

/* Print "WHERE: WHAT", WHAT from fmt: written out, not into a buffer that
 * a long key or text could outgrow. */
__attribute__((format(printf, 3, 4)))
static void problem(struct check *c, const char *where, const char *fmt, ...)
{
	va_list ap;

	fprintf(c->ctx->out, "%s: ", where);
	va_start(ap, fmt);
	vfprintf(c->ctx->out, fmt, ap);
	va_end(ap);
	fputc('\n', c->ctx->out);
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
		problem(c, (const char *)sqlite3_column_text(st, 0), "%s",
			(const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Record that memory ran out; returns -1. */
static int no_memory(struct check *c)
{
	return kb_error_set(&c->ctx->err, "out of memory");
}

static int check_templates(struct check *c)
{
	sqlite3_stmt *st = NULL;
	struct strbuf mine = STRBUF_INIT, theirs = STRBUF_INIT;
	struct strbuf where = STRBUF_INIT;
	int rc;

	if (cmd_prepare(c->ctx, "check_ui_pairs", &st) != EXIT_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *locale = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		int unbalanced;

		strbuf_reset(&where);
		strbuf_reset(&mine);
		strbuf_reset(&theirs);
		strbuf_addf(&where, "ui %s %s", locale, key);
		c->texts++;
		unbalanced = textcheck_placeholders(
			(const char *)sqlite3_column_text(st, 2), &mine) < 0 ||
			textcheck_placeholders(
			(const char *)sqlite3_column_text(st, 3), &theirs) < 0;
		if (where.failed || mine.failed || theirs.failed)
			break;
		if (unbalanced) {
			problem(c, where.buf, "unbalanced braces");
		} else if (strcmp(mine.buf, theirs.buf) != 0) {
			problem(c, where.buf, "uses placeholders '%s' but "
				"English uses '%s'", mine.buf, theirs.buf);
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		no_memory(c);
	strbuf_release(&mine);
	strbuf_release(&theirs);
	strbuf_release(&where);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Check each (where, text) row of query `name` in language lang. */
static int check_rendered(struct check *c, const char *name, const char *lang)
{
	sqlite3_stmt *st = NULL;
	struct strbuf word = STRBUF_INIT;
	int rc;

	if (cmd_prepare(c->ctx, name, &st) != EXIT_OK)
		return -1;
	db_bind_text(st, ":lang", lang);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *where = (const char *)sqlite3_column_text(st, 0);
		const char *text = (const char *)sqlite3_column_text(st, 1);

		c->texts++;
		strbuf_reset(&word);
		if (!text) {
			problem(c, where, "cannot be built (a string is missing)");
		} else if (strpbrk(text, "{}")) {
			problem(c, where, "unfilled placeholder");
		} else if (textcheck_doubled_word(text, &word)) {
			if (word.failed)
				break;
			problem(c, where, "doubled word '%s'", word.buf);
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		no_memory(c);
	strbuf_release(&word);
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
		/* st is not stepped while its row is checked, so the text
		 * stays valid */
		const char *lang = (const char *)sqlite3_column_text(st, 0);

		failed = check_rendered(c, "check_comparison_pages", lang) < 0 ||
			 check_rendered(c, "check_equivalent_pages", lang) < 0 ||
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
