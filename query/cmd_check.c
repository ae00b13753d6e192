/*
 * cmd_check.c - `codekb check`: validate the whole database.
 *
 * Every code has English text in every field; every UI string has an
 * English source, uses only the placeholders its key allows, and each
 * translation uses the same as English; every reference is well formed; no
 * translation is stale, nor any code's name (written for a reason phrase
 * that has changed since); the search index covers every document.  Then it
 * renders every page that the exports write, in every language, as they
 * write it: no page has a doubled word, no sentence that a template made
 * is empty, and fill() leaves no placeholder unfilled (its log, fill.h,
 * tells which template).  Each problem is one line on stdout,
 * "WHERE: WHAT"; the exit status is 1 if there is any.
 */
#include <stdarg.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "fill.h"
#include "grammar.h"
#include "strbuf.h"
#include "textcheck.h"

struct check {
	struct ctx *ctx;
	/* problems found */
	long problems;
	/* texts looked at */
	long texts;
	/* the phrases that stay English (check_literals), loaded when first
	 * needed: each followed by a NUL, an empty one last */
	struct strbuf literals;
	int literals_loaded;
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
	cmd_release(c->ctx, st);
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
	cmd_release(c->ctx, st);
	if (rc == SQLITE_ROW)
		no_memory(c);
	strbuf_release(&mine);
	strbuf_release(&theirs);
	strbuf_release(&where);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Whether every name of the placeholder list have ("{a} {b}") is a word
 * of allowed ("a a_reason b"); the first that is not goes into bad. */
static int names_allowed(const char *have, const char *allowed,
			 struct strbuf *bad)
{
	const char *p = have;

	while ((p = strchr(p, '{'))) {
		const char *end = strchr(p, '}');
		size_t n = (size_t)(end - p - 1);
		const char *a = allowed;
		int found = 0;

		while (*a && !found) {
			size_t m = strcspn(a, " ");

			found = m == n && strncmp(a, p + 1, n) == 0;
			a += m;
			a += *a == ' ';
		}
		if (!found) {
			strbuf_add(bad, p, n + 2);
			return 0;
		}
		p = end + 1;
	}
	return 1;
}

/* Every UI string uses only the placeholders its key allows. */
static int check_allowed(struct check *c)
{
	sqlite3_stmt *st = NULL;
	struct strbuf have = STRBUF_INIT, bad = STRBUF_INIT;
	int rc;

	if (cmd_prepare(c->ctx, "check_ui_allowed", &st) != EXIT_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *locale = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		const char *allowed = (const char *)sqlite3_column_text(st, 3);

		strbuf_reset(&have);
		strbuf_reset(&bad);
		if (textcheck_placeholders((const char *)sqlite3_column_text(st, 2),
					   &have) < 0)
			continue;       /* check_templates reports it */
		if (have.failed)
			break;
		if (!names_allowed(have.buf, allowed ? allowed : "", &bad))
			problem(c, "ui", "%s %s: placeholder %s is not one its "
				"key allows ('%s')", locale, key, bad.buf,
				allowed ? allowed : "");
	}
	cmd_release(c->ctx, st);
	if (rc == SQLITE_ROW)
		no_memory(c);
	strbuf_release(&have);
	strbuf_release(&bad);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Load the phrases that stay English, splitting other names at "; ". */
static int load_literals(struct check *c)
{
	sqlite3_stmt *st = NULL;
	int rc;

	c->literals_loaded = 1;
	if (cmd_prepare(c->ctx, "check_literals", &st) != EXIT_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 0);

		for (;;) {
			const char *semi = strstr(p, "; ");
			size_t n = semi ? (size_t)(semi - p) : strlen(p);

			if (n) {
				strbuf_add(&c->literals, p, n);
				strbuf_addch(&c->literals, '\0');
			}
			if (!semi)
				break;
			p = semi + 2;
		}
	}
	cmd_release(c->ctx, st);
	strbuf_addch(&c->literals, '\0');
	if (c->literals.failed)
		return no_memory(c);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Where text (in a language other than English) has an English sentence
 * once the phrases that stay English are taken out (textcheck_english):
 * the offset plus 1, 0 if it has none, or -1 on an error. */
static long english_at(struct check *c, const char *text)
{
	struct strbuf copy = STRBUF_INIT;
	long at = textcheck_english(text);

	if (at == 0)
		return 0;
	if (!c->literals_loaded && load_literals(c) < 0)
		return -1;
	strbuf_addstr(&copy, text);
	if (copy.failed) {
		strbuf_release(&copy);
		return no_memory(c);
	}
	for (const char *l = c->literals.buf; l && *l; l += strlen(l) + 1) {
		char *hit;
		size_t n = strlen(l);

		while ((hit = strstr(copy.buf, l)) != NULL)
			memset(hit, ' ', n);
	}
	at = textcheck_english(copy.buf);
	strbuf_release(&copy);
	return at;
}

/* Check a text or sentence in language lang for what only a language
 * other than English can get wrong: English left in it (if english is
 * set), and in Korean a particle after a number that its reading does not
 * take.  A page's sentences are not looked at for English: where a text
 * is not translated yet the page shows the English one, which coverage
 * counts; the texts and templates they are made of are each looked at. */
static int check_language(struct check *c, const char *where,
			  const char *lang, const char *text, int english)
{
	struct strbuf what = STRBUF_INIT;
	long at;

	if (strcmp(lang, "en") == 0)
		return 0;
	at = english ? english_at(c, text) : 0;
	if (at < 0)
		return -1;
	if (at)
		problem(c, where, "an English sentence in a %s text: '%s'", lang,
			text + at - 1);
	if (strcmp(lang, "ko") == 0 &&
	    grammar_ko_particle_mismatch(text, &what)) {
		if (what.failed) {
			strbuf_release(&what);
			return no_memory(c);
		}
		problem(c, where, "particle '%s', in '%s'", what.buf, text);
	}
	strbuf_release(&what);
	return 0;
}

/* Check each translated text of the data (check_texts). */
static int check_texts(struct check *c)
{
	sqlite3_stmt *st = NULL;
	int rc, failed = 0;

	if (cmd_prepare(c->ctx, "check_texts", &st) != EXIT_OK)
		return -1;
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->texts++;
		failed = check_language(c, (const char *)sqlite3_column_text(st, 0),
					(const char *)sqlite3_column_text(st, 1),
					(const char *)sqlite3_column_text(st, 2), 1) < 0;
	}
	cmd_release(c->ctx, st);
	return failed || rc != SQLITE_DONE ? -1 : 0;
}

/* Check one sentence that a template made, of the page at where, in
 * language lang. */
static int check_sentence(struct check *c, const char *where,
			  const char *lang, const char *text,
			  struct strbuf *word)
{
	long at;

	c->texts++;
	if (!text) {
		problem(c, where, "a sentence cannot be built (a string is "
			"missing)");
		return 0;
	}
	at = textcheck_empty_sentence(text);
	if (at)
		problem(c, where, "empty sentence at byte %ld of '%s'", at - 1,
			text);
	strbuf_reset(word);
	if (textcheck_doubled_word(text, word)) {
		if (word->failed)
			return -1;
		problem(c, where, "doubled word '%s' in '%s'", word->buf, text);
	}
	return check_language(c, where, lang, text, 0);
}

/* Check each (where, page, sentences) row of query `name` in language
 * lang: the page for doubled words, each sentence that a template made
 * for emptiness too. */
static int check_rendered(struct check *c, const char *name, const char *lang)
{
	sqlite3_stmt *st = NULL, *each = NULL;
	struct strbuf word = STRBUF_INIT;
	int rc, failed = 0;

	if (cmd_prepare(c->ctx, name, &st) != EXIT_OK ||
	    cmd_prepare(c->ctx, "check_sentences", &each) != EXIT_OK) {
		cmd_release(c->ctx, st);
		return -1;
	}
	db_bind_text(st, ":lang", lang);
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *where = (const char *)sqlite3_column_text(st, 0);
		const char *page = (const char *)sqlite3_column_text(st, 1);
		int erc;

		if (!page) {
			problem(c, where, "cannot be built (a string is missing)");
			continue;
		}
		strbuf_reset(&word);
		if (textcheck_doubled_word(page, &word))
			problem(c, where, "doubled word '%s'", word.buf);
		sqlite3_bind_value(each, 1, sqlite3_column_value(st, 2));
		while (!failed && (erc = sqlite3_step(each)) == SQLITE_ROW)
			failed = check_sentence(c, where, lang, (const char *)
						sqlite3_column_text(each, 0),
						&word) < 0;
		if (!failed && erc != SQLITE_DONE)
			failed = 1;
		sqlite3_reset(each);
		failed |= word.failed;
	}
	cmd_release(c->ctx, each);
	cmd_release(c->ctx, st);
	strbuf_release(&word);
	return failed || rc != SQLITE_DONE ? -1 : 0;
}

/* Report each template that fill() left a placeholder of unfilled while
 * the pages were rendered, by the UI strings it is the text of. */
static int report_unfilled(struct check *c)
{
	struct strbuf log = STRBUF_INIT, keys = STRBUF_INIT;
	sqlite3_stmt *st = NULL;
	long n = fill_log_take(&log);
	char *line;
	int rc = 0;

	if (n < 0) {
		strbuf_release(&log);
		return no_memory(c);
	}
	if (n > 0 && cmd_prepare(c->ctx, "check_template_keys", &st) != EXIT_OK)
		rc = -1;
	for (line = log.buf; n > 0 && rc == 0 && *line; ) {
		char *nl = strchr(line, '\n');
		char *next = nl ? nl + 1 : line + strlen(line);
		char *tab;

		if (nl)
			*nl = '\0';
		/* a template written into the table by hand may hold a line
		 * break of its own: a piece without a tab is reported whole */
		tab = strrchr(line, '\t');
		if (!tab) {
			problem(c, "ui", "a template leaves a placeholder "
				"unfilled on the pages that use it ('%s')", line);
			line = next;
			continue;
		}
		*tab = '\0';
		strbuf_reset(&keys);
		db_bind_text(st, ":text", line);
		while (sqlite3_step(st) == SQLITE_ROW)
			strbuf_addf(&keys, "%s%s", keys.len ? ", " : "",
				    (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
		if (keys.failed)
			rc = no_memory(c);
		else
			problem(c, "ui", "%s: placeholder {%s} is not filled "
				"on the pages that use it ('%s')",
				keys.len ? keys.buf : "a template", tab + 1,
				line);
		line = next;
	}
	cmd_release(c->ctx, st);
	strbuf_release(&log);
	strbuf_release(&keys);
	return rc;
}

static int check_languages(struct check *c)
{
	sqlite3_stmt *st = NULL;
	int rc;
	int failed = 0;

	if (cmd_prepare(c->ctx, "check_locales", &st) != EXIT_OK)
		return -1;
	fill_log_start();
	while (!failed && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* st is not stepped while its row is checked, so the text
		 * stays valid */
		const char *lang = (const char *)sqlite3_column_text(st, 0);

		failed = check_rendered(c, "check_comparison_pages", lang) < 0 ||
			 check_rendered(c, "check_equivalent_pages", lang) < 0 ||
			 check_rendered(c, "check_code_pages", lang) < 0;
	}
	cmd_release(c->ctx, st);
	if (report_unfilled(c) < 0)
		failed = 1;
	return failed ? -1 : 0;
}

static int run(struct ctx *ctx)
{
	struct check c = {ctx, 0, 0, STRBUF_INIT, 0};
	int rc = EXIT_OK;

	if (report_rows(&c, "check_english") < 0 ||
	    report_rows(&c, "check_ui_english") < 0 ||
	    report_rows(&c, "check_references") < 0 ||
	    report_rows(&c, "check_stale") < 0 ||
	    report_rows(&c, "check_stale_names") < 0 ||
	    report_rows(&c, "check_search_pending") < 0 ||
	    check_templates(&c) < 0 || check_allowed(&c) < 0 ||
	    check_texts(&c) < 0 || check_languages(&c) < 0) {
		if (!ctx->err.msg[0])
			kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
		rc = EXIT_FAIL;
	} else if (c.problems) {
		kb_error_set(&ctx->err, "%ld problem%s found", c.problems,
			     c.problems == 1 ? "" : "s");
		rc = EXIT_FAIL;
	} else {
		fprintf(ctx->out, "codekb check: no problems in %ld texts and "
			"templates\n", c.texts);
	}
	strbuf_release(&c.literals);
	return rc;
}

const struct cmd cmd_check = {
	"check",
	"",
	"Render every page in every language and report problems.",
	1 << FMT_TABLE,
	FMT_TABLE,
	0,
	0,
	run,
};
