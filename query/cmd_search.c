/*
 * cmd_search.c - `codekb search TEXT`: find codes by number, prefix,
 * class, reason phrase (current or former) or text in any language.
 *
 * The ranking and the index live in SQL (query "search" and migration
 * 0002); this file only classifies the query and builds the FTS5 query:
 * every term of three or more characters becomes a quoted trigram phrase,
 * and the terms must all match.  A shorter term (one or two CJK
 * characters, such as 忙 or 認証) cannot be looked up by trigrams, so the
 * query then falls back to a substring scan.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "utf8.h"

/* The most results shown. */
#define SEARCH_LIMIT 50

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/*
 * The FTS5 query for text, as an sqlite3_mprintf() string the caller
 * frees, or NULL if a term is shorter than three characters (or text has
 * no term).  %w doubles the quotes inside a term.
 */
static char *fts_query(const char *text)
{
	char *query = NULL;
	const char *p = text;

	while (*p) {
		size_t len;
		char *term;
		char *joined;

		while (*p && isspace((unsigned char)*p))
			p++;
		len = strcspn(p, " \t\r\n");
		if (len == 0)
			break;
		if (utf8_chars(p, len) < 3) {
			sqlite3_free(query);
			return NULL;
		}
		term = sqlite3_mprintf("%.*w", (int)len, p);
		joined = sqlite3_mprintf("%s%s\"%s\"", query ? query : "",
					 query ? " " : "", term);
		sqlite3_free(term);
		sqlite3_free(query);
		query = joined;
		p += len;
	}
	return query;
}

static int run(struct ctx *ctx)
{
	const char *text = ctx->o->args[0];
	char protocol[17];
	char *fts = NULL;
	sqlite3_stmt *st = NULL;
	long rows;

	if (utf8_invalid_at(text, strlen(text)) || !*text) {
		kb_error_set(&ctx->err, "search text must be non-empty UTF-8");
		return EXIT_USAGE;
	}
	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		return EXIT_FAIL;
	if (cmd_prepare(ctx, "search", &st) != EXIT_OK)
		return EXIT_FAIL;
	fts = fts_query(text);
	db_bind_text(st, ":q", text);
	db_bind_text(st, ":fts", fts);
	db_bind_int(st, ":digits", all_digits(text));
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", ctx->o->protocol ? protocol : NULL);
	db_bind_int(st, ":limit", SEARCH_LIMIT);
	rows = output_rows(ctx->db, st, ctx->fmt, NULL, ctx->out, &ctx->err);
	sqlite3_free(fts);
	sqlite3_finalize(st);
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
	"search TEXT [--protocol P] [--lang L] [--format table|csv|md|json]",
	OPT_PROTOCOL | OPT_LANG | OPT_FORMAT,
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	1,
	1,
	run,
};
