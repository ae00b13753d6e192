/*
 * cmd_search.c - `codekb search TEXT...`: find codes by number, prefix,
 * class, reason phrase (current or former), localized name, search term
 * or text in any language.
 *
 * The ranking and the indexes live in SQL (query "search", migrations
 * 0002, 0003 and 0008); this file classifies the query, builds the FTS5
 * queries, and decides what to try when the query finds nothing:
 *
 *   0. A name or search term typed without its accents ("acces refuse"),
 *      or in a CJK query with other spaces ("찾을수없음"): the name as it
 *      is written ("accès refusé", "찾을 수 없음").
 *   1. A code number or a protocol with words ("550 mailbox unavailable",
 *      "grpc 서비스 사용 불가") looks for the words among the codes with
 *      that number, or of that protocol, first; if none of a number's
 *      codes has them, the number's codes are the answer.
 *   2. The query as a whole: every word of three or more characters is a
 *      quoted phrase of the trigram index, every CJK word of one or two
 *      (忙, 認証) a phrase of the CJK index, and the words must all match.
 *      A short word of another script ("IP") is in neither index, so the
 *      query then falls back to a substring scan.  When this finds only
 *      one or two codes, the codes that match some of the words follow.
 *   3. A number typed with a letter for a digit ("4O4"): the number.
 *   4. The nearest name or search term by edit distance ("gatway
 *      timeout": Gateway Timeout), from the vocabulary of migration 0008.
 *   5. The query's parts: any of its words, and for a CJK word of three
 *      or more characters any pair of neighbours, the codes that match
 *      more of them first.
 *
 * What was tried instead is said in ctx->note ("did you mean ...").
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "codekey.h"
#include "cmd.h"
#include "db.h"
#include "strbuf.h"
#include "utf8.h"

/* The most results shown. */
#define SEARCH_LIMIT 50

/* The longest search text, in characters.  Building the index queries
 * and matching them cost more than linearly in the number of words, so
 * a long text would take long for nothing: no reason phrase or word of a
 * text is so long. */
#define SEARCH_MAX_CHARS 256

/* From how many search documents on a whole query reads the names' index
 * before the texts': below it, reading both costs about the same as
 * reading the texts' alone (the shipped data has about 17,000). */
#define SEARCH_NAMES_FIRST 100000

/* The most words of a query that its parts (step 5) are made of. */
#define SEARCH_MAX_PARTS 16

static size_t utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* How many edits a typed word of chars characters may be from a name: none
 * below four characters, where nearly every word is near another. */
static int typo_max(size_t chars)
{
	return chars >= 10 ? 3 : chars >= 6 ? 2 : chars >= 4 ? 1 : 0;
}

/* The queries for the two search indexes, built from the words of a text. */
struct search_terms {
	char *fts;      /* search_fts: words of 3+ characters, or NULL */
	char *cjk;      /* search_cjk: CJK words of 1 or 2, or NULL */
	char *mark;     /* the first of the latter, for the snippet */
	int scan;       /* a short word that neither index can find */
	int any;        /* the parts: a document matches any phrase */
	int phrases;    /* how many phrases there are */
};

/* Append the quoted FTS5 phrase for word to *query, after " OR " when
 * any is set; %w doubles quotes. */
static int append_phrase(char **query, const char *word, size_t len, int any)
{
	char *joined = sqlite3_mprintf("%s%s\"%.*w\"", *query ? *query : "",
				       *query ? (any ? " OR " : " ") : "",
				       (int)len, word);

	sqlite3_free(*query);
	*query = joined;
	return joined ? 0 : -1;
}

/* Append the CJK phrase for the CJK word p[0..len) to t->cjk, spaced as
 * its index holds it (lib/cjk.h). */
static int append_cjk(struct search_terms *t, const char *p, size_t len)
{
	int found;
	char *spaced = cjk_spaced(p, len, &found);
	int rc = spaced ? append_phrase(&t->cjk, spaced, strlen(spaced), t->any)
			: -1;

	sqlite3_free(spaced);
	if (rc == 0 && !t->mark)
		t->mark = sqlite3_mprintf("%.*s", (int)len, p);
	if (!t->mark)
		rc = -1;
	t->phrases++;
	return rc;
}

/* The parts of a CJK word of three or more characters: each two
 * neighbours, for the CJK index. */
static int append_cjk_pairs(struct search_terms *t, const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t first, second;

	utf8_decode(u, len, &first);
	for (size_t i = 0; i + first < len; i += first) {
		utf8_decode(u + i, len - i, &first);
		utf8_decode(u + i + first, len - i - first, &second);
		if (i + first + second > len)
			break;
		if (append_cjk(t, p + i, first + second) < 0)
			return -1;
	}
	return 0;
}

/*
 * Sort each word of text into the index that can look it up: the trigram
 * index takes words of three characters or more, the CJK index takes
 * CJK words of one or two.  Any other short word ("du", "IP") is left
 * out, as a word too common to look up, unless there is no other: then
 * scan is set.  With any (the query's parts) the phrases are OR-ed, and a
 * CJK word of three or more becomes its pairs of characters.  Returns -1
 * if out of memory.
 */
static int search_terms(const char *text, int any, struct search_terms *t)
{
	const char *p = text;
	int short_words = 0;

	memset(t, 0, sizeof(*t));
	t->any = any;
	for (int words = 0; words < SEARCH_MAX_PARTS || !any; words++) {
		size_t len;
		size_t chars;
		int rc = 0;

		while (*p && isspace((unsigned char)*p))
			p++;
		len = strcspn(p, " \t\r\n");
		if (len == 0)
			break;
		chars = utf8_chars(p, len);
		if (any && chars >= 3 && cjk_is_word(p, len)) {
			rc = append_cjk_pairs(t, p, len);
		} else if (chars >= 3) {
			rc = append_phrase(&t->fts, p, len, any);
			t->phrases++;
		} else if (cjk_is_word(p, len)) {
			rc = append_cjk(t, p, len);
		} else {
			short_words = 1;
		}
		if (rc < 0)
			return -1;
		p += len;
	}
	/* short words of another script ("du", "de", "no") are left to the
	 * check for a whole name; only a query of nothing else is scanned */
	if (!t->fts && !t->cjk)
		t->scan = !any && short_words;
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

/* What one run of the search statement looks for. */
struct attempt {
	const char *text;       /* the words */
	int any;                /* any of its parts */
	const char *key;        /* only codes with this key, or NULL */
	int names;              /* only names, phrases and terms */
};

/*
 * Run the search statement for a, printing its rows into *page (a
 * buffer, so that nothing is printed when a run finds nothing).  Returns
 * the number of rows, or -1 with ctx->err set.
 */
static long search_once(struct ctx *ctx, const struct attempt *a,
			const char *protocol, struct strbuf *page)
{
	struct search_terms terms;
	char pattern[CODEKEY_MAX + 3];
	sqlite3_stmt *st = NULL;
	char *buf = NULL;
	size_t size = 0;
	FILE *out;
	long rows;

	if (search_terms(a->text, a->any, &terms) < 0) {
		search_terms_free(&terms);
		kb_error_set(&ctx->err, "out of memory");
		return -1;
	}
	if (a->any && terms.phrases < 2) {
		search_terms_free(&terms);
		return 0;
	}
	if (cmd_prepare(ctx, "search", &st) != EXIT_OK) {
		search_terms_free(&terms);
		return -1;
	}
	db_bind_text(st, ":q", a->text);
	db_bind_text(st, ":fts", terms.fts);
	db_bind_text(st, ":cjk", terms.cjk);
	db_bind_text(st, ":mark", terms.mark);
	db_bind_int(st, ":scan", terms.scan);
	db_bind_int(st, ":any", terms.any);
	db_bind_int(st, ":names", a->names);
	db_bind_int(st, ":parts", terms.phrases);
	/* a number, or the start of a dotted key ("5.7"), matches keys */
	if (!a->any && !a->key &&
	    codekey_prefix_pattern(a->text, SHAPE_NUMBER | SHAPE_DOTTED,
				   pattern, sizeof(pattern)) == 0)
		db_bind_text(st, ":pattern", pattern);
	db_bind_text(st, ":key", a->key);
	db_bind_text(st, ":lang", ctx->lang);
	db_bind_text(st, ":protocol", protocol);
	db_bind_int(st, ":limit", SEARCH_LIMIT);
	out = open_memstream(&buf, &size);
	if (!out) {
		search_terms_free(&terms);
		cmd_release(ctx, st);
		kb_error_set(&ctx->err, "out of memory");
		return -1;
	}
	rows = output_rows(ctx->db, st, ctx->fmt, NULL, out, &ctx->err);
	if (fclose(out) != 0 && rows >= 0) {
		kb_error_set(&ctx->err, "out of memory");
		rows = -1;
	}
	if (rows > 0) {
		strbuf_reset(page);
		strbuf_add(page, buf, size);
		if (page->failed) {
			kb_error_set(&ctx->err, "out of memory");
			rows = -1;
		}
	}
	free(buf);
	search_terms_free(&terms);
	cmd_release(ctx, st);
	return rows;
}

/* The first column of the first row of query statement name, run with :q
 * bound to q, as a number; 0 if there is no row, -1 with ctx->err set on
 * an error. */
static long long first_number(struct ctx *ctx, const char *name, const char *q)
{
	sqlite3_stmt *st = NULL;
	long long n = 0;
	int rc;

	if (cmd_prepare(ctx, name, &st) != EXIT_OK)
		return -1;
	db_bind_text(st, ":q", q);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
	} else if (rc != SQLITE_DONE) {
		kb_error_set(&ctx->err, "search: %s", sqlite3_errmsg(ctx->db));
		n = -1;
	}
	cmd_release(ctx, st);
	return n;
}

/*
 * The same, first over names, phrases and terms alone if names_first:
 * when they fill the page, the texts cannot change it (they are the last
 * tier, and a whole query ranks by tier first), so their larger index is
 * not read.  A query's parts rank by how many of them a document has
 * before the tier, so they read both.
 */
static long search_page(struct ctx *ctx, const struct attempt *a,
			const char *protocol, int names_first,
			struct strbuf *page)
{
	struct attempt names = *a;
	long rows;

	if (a->any || !names_first)
		return search_once(ctx, a, protocol, page);
	names.names = 1;
	rows = search_once(ctx, &names, protocol, page);
	if (rows < 0 || rows == SEARCH_LIMIT)
		return rows;
	return search_once(ctx, a, protocol, page);
}

/*
 * The entry of the names vocabulary nearest to text, of kind ("name",
 * "term" or NULL for either), between least and max edits away, into
 * shown (of size bytes).  Returns the number of edits, -1 if there is
 * none, or -2 with ctx->err set.
 */
static int suggest(struct ctx *ctx, const char *text, const char *kind,
		   int least, int max, char *shown, size_t size)
{
	size_t chars = utf8_chars(text, strlen(text));
	sqlite3_stmt *st = NULL;
	int distance = -1;
	int rc;

	if (cmd_prepare(ctx, "search_suggest", &st) != EXIT_OK)
		return -2;
	db_bind_text(st, ":q", text);
	db_bind_text(st, ":kind", kind);
	db_bind_int(st, ":least", least);
	db_bind_int(st, ":max", max);
	db_bind_int(st, ":lo", chars > (size_t)max ? (int)(chars - (size_t)max) : 0);
	db_bind_int(st, ":hi", (int)chars + max);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(shown, size, "%s", (const char *)sqlite3_column_text(st, 0));
		distance = sqlite3_column_int(st, 2);
	} else if (rc != SQLITE_DONE) {
		kb_error_set(&ctx->err, "search: %s", sqlite3_errmsg(ctx->db));
		distance = -2;
	}
	cmd_release(ctx, st);
	return distance;
}

/* The name or search term that text is, typed without (some of) its
 * accents or, in a CJK query, with other spaces, into shown (of size
 * bytes): 2 if only accents differ, 1 if spaces do, 0 if there is no such
 * entry, -1 on an error. */
static int respelled(struct ctx *ctx, const char *text, char *shown,
		     size_t size)
{
	sqlite3_stmt *st = NULL;
	int found = 0;
	int rc;

	if (cmd_prepare(ctx, "search_respelled", &st) != EXIT_OK)
		return -1;
	db_bind_text(st, ":q", text);
	/* a CJK query's words need not be spaced as the vocabulary's are */
	db_bind_int(st, ":spacing", cjk_has_letter(text, strlen(text)));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(shown, size, "%s", (const char *)sqlite3_column_text(st, 0));
		found = sqlite3_column_int(st, 1) ? 2 : 1;
	} else if (rc != SQLITE_DONE) {
		kb_error_set(&ctx->err, "search: %s", sqlite3_errmsg(ctx->db));
		found = -1;
	}
	cmd_release(ctx, st);
	return found;
}

/* A number typed with a letter that looks like a digit ("4O4", "5.l.1"):
 * the number, into out (of size bytes); 0, or -1 if text is no such
 * thing. */
static int lookalike_number(const char *text, char *out, size_t size)
{
	size_t n = 0;
	int digits = 0, letters = 0;

	for (const char *p = text; *p; p++) {
		char c = *p;

		if (c == 'O' || c == 'o') {
			c = '0';
			letters++;
		} else if (c == 'I' || c == 'l' || c == '|') {
			c = '1';
			letters++;
		} else if (isdigit((unsigned char)c)) {
			digits++;
		} else if (c != '.') {
			return -1;
		}
		if (n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	out[n] = '\0';
	return digits && letters ? 0 : -1;
}

/* A query's words that say where to look: a code number ("550" of "550
 * mailbox unavailable"), a protocol ("grpc" of "grpc 서비스 사용 불가"),
 * and the other words. */
struct scope {
	char key[CODEKEY_MAX];
	char protocol[17];
	struct strbuf rest;
};

/* Split text into s; 0, or -1 if it has neither a number nor a protocol
 * (a protocol only where none is given), or several of one, or nothing
 * else. */
static int scope_of(struct ctx *ctx, const char *text, int protocol_given,
		    struct scope *s)
{
	const char *p = text;
	int keys = 0, protocols = 0;

	s->key[0] = s->protocol[0] = '\0';
	strbuf_reset(&s->rest);
	for (;;) {
		char word[CODEKEY_MAX];
		char named[sizeof(s->protocol)];
		struct codekey k;
		const char *why;
		size_t len;

		while (*p && isspace((unsigned char)*p))
			p++;
		len = strcspn(p, " \t\r\n");
		if (len == 0)
			break;
		word[0] = '\0';
		if (len < sizeof(word)) {
			memcpy(word, p, len);
			word[len] = '\0';
		}
		if (word[0] && codekey_parse(word, SHAPE_NUMBER | SHAPE_DOTTED,
					     &k, &why) == 0) {
			keys++;
			snprintf(s->key, sizeof(s->key), "%s", word);
		} else if (word[0] && !protocol_given &&
			   cmd_protocol_named(ctx, word, named) == 0) {
			protocols++;
			memcpy(s->protocol, named, sizeof(named));
		} else {
			if (s->rest.len)
				strbuf_addch(&s->rest, ' ');
			strbuf_add(&s->rest, p, len);
		}
		p += len;
	}
	if (keys > 1 || protocols > 1 || (!keys && !protocols) ||
	    !s->rest.len || s->rest.failed)
		return -1;
	return 0;
}

/* Search for q instead of what was typed; if it finds codes, the note says
 * so, as fmt and the rest make it. */
__attribute__((format(printf, 6, 7)))
static long search_instead(struct ctx *ctx, const char *q, const char *protocol,
			   int names_first, struct strbuf *page,
			   const char *fmt, ...)
{
	struct attempt t = {q, 0, NULL, 0};
	long rows = search_page(ctx, &t, protocol, names_first, page);
	va_list ap;

	if (rows > 0) {
		va_start(ap, fmt);
		kb_error_vset(&ctx->note, fmt, ap);
		va_end(ap);
	}
	return rows;
}

/*
 * The steps of the file's header, for text; sets ctx->note when a step
 * after the second answered.  Returns the rows found (0: none) or -1.
 */
static long search_steps(struct ctx *ctx, const char *text,
			 const char *protocol, struct strbuf *page)
{
	struct attempt a = {text, 0, NULL, 0};
	struct scope s = {.rest = STRBUF_INIT};
	char key[CODEKEY_MAX];
	char near[512];
	long rows = 0;
	/* a small knowledge base reads its texts as fast as its names */
	long long docs = first_number(ctx, "search_docs", NULL);
	int names_first = docs >= SEARCH_NAMES_FIRST;
	int d;

	if (docs < 0)
		return -1;
	/* a name without its accents, or spaced otherwise, is the name,
	 * not the texts that happen to hold its words ("non autorise": Non
	 * autorisé) */
	d = respelled(ctx, text, near, sizeof(near));
	if (d < 0)
		return -1;
	if (d > 0) {
		rows = search_instead(ctx, near, protocol, names_first, page,
				      d == 2 ? "did you mean '%s'? '%s' is that "
					       "without its accents"
					     : "did you mean '%s'? '%s' is that "
					       "spaced differently", near, text);
		if (rows != 0)
			return rows;
	}
	if (scope_of(ctx, text, protocol != NULL, &s) == 0) {
		struct attempt k = {s.rest.buf, 0, s.key[0] ? s.key : NULL, 0};
		const char *in = s.protocol[0] ? s.protocol : protocol;

		rows = search_page(ctx, &k, in, names_first, page);
		/* nothing of code 404 says 에러: the codes 404 */
		if (rows == 0 && s.key[0]) {
			struct attempt n = {s.key, 0, NULL, 0};

			rows = search_page(ctx, &n, in, names_first, page);
			if (rows > 0)
				kb_error_set(&ctx->note, "no code %s matches "
					     "'%s'; these are the codes %s",
					     s.key, s.rest.buf, s.key);
		}
	}
	strbuf_release(&s.rest);
	if (rows != 0)
		return rows;
	rows = search_page(ctx, &a, protocol, names_first, page);
	/* a few whole matches: the codes that match some words follow */
	if (rows > 0 && rows < 3) {
		struct strbuf more = STRBUF_INIT;
		struct attempt m = {text, 1, NULL, 0};
		long found = search_once(ctx, &m, protocol, &more);

		if (found > rows) {
			strbuf_reset(page);
			strbuf_add(page, more.buf, more.len);
			rows = page->failed ? -1 : found;
		}
		strbuf_release(&more);
		if (found < 0)
			rows = -1;
	}
	if (rows != 0)
		return rows;
	if (lookalike_number(text, key, sizeof(key)) == 0) {
		rows = search_instead(ctx, key, protocol, names_first, page,
				      "'%s' is not a code number; did you "
				      "mean '%s'?", text, key);
		if (rows != 0)
			return rows;
	}
	d = suggest(ctx, text, NULL, 1, typo_max(utf8_chars(text, strlen(text))),
		    near, sizeof(near));
	if (d < -1)
		return -1;
	if (d > 0) {
		rows = search_instead(ctx, near, protocol, names_first, page,
				      "no code matches '%s'; did you mean "
				      "'%s'?", text, near);
		if (rows != 0)
			return rows;
	}
	a.any = 1;
	rows = search_page(ctx, &a, protocol, names_first, page);
	if (rows > 0)
		kb_error_set(&ctx->note, "no code matches '%s' as a whole; these "
			     "match some of its words", text);
	return rows;
}

/* The search text: the arguments, one space between them. */
static int join_args(const struct opts *o, struct strbuf *text)
{
	for (int i = 0; i < o->nargs; i++) {
		if (i)
			strbuf_addch(text, ' ');
		strbuf_addstr(text, o->args[i]);
	}
	return text->failed ? -1 : 0;
}

static int run(struct ctx *ctx)
{
	struct strbuf text = STRBUF_INIT;
	struct strbuf page = STRBUF_INIT;
	char protocol[17];
	char near[512];
	size_t chars;
	long rows;
	int status = EXIT_FAIL;

	if (join_args(ctx->o, &text) < 0) {
		kb_error_set(&ctx->err, "out of memory");
		goto done;
	}
	if (utf8_invalid_at(text.buf, text.len) || !text.len) {
		kb_error_set(&ctx->err, "search text must be non-empty UTF-8");
		status = EXIT_USAGE;
		goto done;
	}
	chars = utf8_chars(text.buf, text.len);
	if (chars > SEARCH_MAX_CHARS) {
		kb_error_set(&ctx->err, "the search text has %zu characters; "
			     "search takes at most %d", chars, SEARCH_MAX_CHARS);
		goto done;
	}
	if (ctx->o->protocol &&
	    cmd_protocol(ctx, ctx->o->protocol, protocol) != EXIT_OK)
		goto done;
	rows = search_steps(ctx, text.buf, ctx->o->protocol ? protocol : NULL,
			    &page);
	if (rows < 0)
		goto done;
	if (rows == 0) {
		kb_error_set(&ctx->err, "no code matches '%s'", text.buf);
		goto done;
	}
	/* a search term that is another spelling of a name: say the name */
	if (!ctx->note.msg[0] &&
	    first_number(ctx, "search_is_term", text.buf) == 1 &&
	    suggest(ctx, text.buf, "name", 0, typo_max(chars), near,
		    sizeof(near)) > 0)
		kb_error_set(&ctx->note, "did you mean '%s'? '%s' is another "
			     "spelling", near, text.buf);
	if (fwrite(page.buf, 1, page.len, ctx->out) != page.len) {
		kb_error_set(&ctx->err, "cannot write the results");
		goto done;
	}
	status = EXIT_OK;
done:
	strbuf_release(&text);
	strbuf_release(&page);
	return status;
}

const struct cmd cmd_search = {
	"search",
	"TEXT...",
	"Search codes by number, prefix, class, reason phrase, "
	"localized name, search term or free text, in any "
	"language; a typo gets the nearest name.",
	1 << FMT_TABLE | 1 << FMT_CSV | 1 << FMT_MD | 1 << FMT_JSON,
	FMT_TABLE,
	1,
	SEARCH_MAX_PARTS,
	run,
};
