/*
 * cmd_search.c - `codekb search TEXT`: find codes by number, prefix,
 * class, reason phrase (current or former) or text in any language.
 *
 * The ranking and the indexes live in SQL (query "search", migrations
 * 0002 and 0003); this file only classifies the query and builds the FTS5
 * queries: every word of three or more characters becomes a quoted
 * phrase of the trigram index, every CJK word of one or two characters
 * (忙, 認証) a phrase of the CJK index, and the words must all match.  A
 * short word of another script ("IP") is in neither index, so the query
 * then falls back to a substring scan.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "codekey.h"
#include "cmd.h"
#include "db.h"
#include "utf8.h"

/* The most results shown. */
#define SEARCH_LIMIT 50

/* The longest search text, in characters.  Building the index queries
 * and matching them cost more than linearly in the number of words, so
 * a long text would take long for nothing: no reason phrase or word of a
 * text is so long. */
#define SEARCH_MAX_CHARS 256

static size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* The queries for the two search indexes, built from the words of :q. */
struct search_terms {
	char *fts;      /* search_fts: words of 3+ characters, or NULL */
	char *cjk;      /* search_cjk: CJK words of 1 or 2, or NULL */
	char *mark;     /* the first of the latter, for the snippet */
	int scan;       /* a short word that neither index can find */
};

/* Append the quoted FTS5 phrase for word to *query; %w doubles quotes. */
static int append_phrase(char **query, const char *word, size_t len)
{
	char *joined = sqlite3_mprintf("%s%s\"%.*w\"", *query ? *query : "",
				       *query ? " " : "", (int)len, word);

	sqlite3_free(*query);
	*query = joined;
	return joined ? 0 : -1;
}

/*
 * Sort each word of text into the index that can look it up: the trigram
 * index takes words of three characters or more, the CJK index takes
 * CJK words of one or two, written as its spaced text (lib/cjk.h).  Any
 * other short word sets scan.  Returns -1 if out of memory.
 */
static int search_terms(const char *text, struct search_terms *t)
{
	const char *p = text;

	memset(t, 0, sizeof(*t));
	for (;;) {
		size_t len;
		char *spaced;
		int found;
		int rc;

		while (*p && isspace((unsigned char)*p))
			p++;
		len = strcspn(p, " \t\r\n");
		if (len == 0)
			break;
		if (utf8_chars(p, len) >= 3) {
			rc = append_phrase(&t->fts, p, len);
		} else if (cjk_is_word(p, len)) {
			spaced = cjk_spaced(p, len, &found);
			rc = spaced ? append_phrase(&t->cjk, spaced, strlen(spaced)) : -1;
			sqlite3_free(spaced);
			if (rc == 0 && !t->mark)
				t->mark = sqlite3_mprintf("%.*s", (int)len, p);
			if (!t->mark)
				rc = -1;
		} else {
			t->scan = 1;
			rc = 0;
		}
		if (rc < 0)
			return -1;
		p += len;
	}
	if (!t->fts && !t->cjk)
		t->scan = 1;
	if (t->scan) {
		sqlite3_free(t->fts);
		sqlite3_free(t->cjk);
		t->fts = t->cjk = NULL;
	}
	return 0;
}

static void search_terms_free(struct search_terms *t)
{
	sqlite3_free(t->fts);
	sqlite3_free(t->cjk);
	sqlite3_free(t->mark);
}

static int run(struct ctx *ctx)
{
	const char *text = ctx->o->args[0];
	char protocol[17];
	struct search_terms terms;
	char pattern[CODEKEY_MAX + 3];
	sqlite3_stmt *st = NULL;
	long rows;
	size_t chars;

	if (utf8_invalid_at(text, strlen(text)) || !*text) {
		kb_error_set(&ctx->err, "search text must be non-empty UTF-8");
		return EXIT_USAGE;
	}
	chars = utf8_chars(text, strlen(text));
	if (chars > SEARCH_MAX_CHARS) {
		kb_error_set(&ctx->err, "the search text has %zu characters; "
			     "search takes at most %d", chars, SEARCH_MAX_CHARS);
		return EXIT_FAIL;
	}
	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		return EXIT_FAIL;
	if (cmd_prepare(ctx, "search", &st) != EXIT_OK)
		return EXIT_FAIL;
	if (search_terms(text, &terms) < 0) {
		search_terms_free(&terms);
		cmd_release(ctx, st);
		kb_error_set(&ctx->err, "out of memory");
		return EXIT_FAIL;
	}
	db_bind_text(st, ":q", text);
	db_bind_text(st, ":fts", terms.fts);
	db_bind_text(st, ":cjk", terms.cjk);
	db_bind_text(st, ":mark", terms.mark);
	db_bind_int(st, ":scan", terms.scan);
	/* a number, or the start of a dotted key ("5.7"), matches keys */
	if (codekey_prefix_pattern(text, SHAPE_NUMBER | SHAPE_DOTTED, pattern,
				   sizeof(pattern)) == 0)
		db_bind_text(st, ":pattern", pattern);
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", ctx->o->protocol ? protocol : NULL);
	db_bind_int(st, ":limit", SEARCH_LIMIT);
	rows = output_rows(ctx->db, st, ctx->fmt, NULL, ctx->out, &ctx->err);
	search_terms_free(&terms);
	cmd_release(ctx, st);
	if (rows < 0)
		return EXIT_FAIL;
	if (rows == 0) {
		kb_error_set(&ctx->err, "no code matches '%s'", text);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

const struct cmd cmd_search = {
	"search",
	"TEXT",
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	1,
	1,
	run,
};
