/*
 * similar.c - edit distance on case-folded letters, and the vocabulary
 * entries of a search document (similar.h).
 */
#include "similar.h"

#include <string.h>

#include "strbuf.h"
#include "utf8.h"

long similar_fold(long cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	/* Latin-1: À..Þ but × */
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	/* Latin Extended-A pairs its capitals with the next code point,
	 * but for İ, ı, ĸ, ŉ and ſ, and from Ĺ to Ň and Ÿ to Ž with the
	 * odd one first */
	if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) ||
	    (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) ? cp + 1 : cp;
	if (cp == 0x178)
		return 0xFF;
	/* fullwidth ASCII, as a Japanese or Chinese input method types it */
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return cp - 0xFF21 + 'a';
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + '!';
	if (cp == 0x3000)
		return ' ';
	return cp;
}

long similar_bare(long cp)
{
	/* the base letter of each letter of Latin-1 from à to ÿ and of Latin
	 * Extended-A from Ā to ſ, '-' for one without (æ, ð, ÷, þ, ĳ, ĸ, ŉ,
	 * ŋ, œ): "ø" is "o", "ł" "l" */
	static const char latin1[] = "aaaaaa-ceeeeiiii-nooooo-ouuuuy-y";
	static const char ext_a[] = "aaaaaaccccccccddddeeeeeeeeeegggg"
				    "gggghhhhiiiiiiiiii--jjkk-lllllll"
				    "lllnnnnnn---oooooo--rrrrrrssssss"
				    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
	long c = similar_fold(cp);

	if (c >= 0xE0 && c <= 0xFF && latin1[c - 0xE0] != '-')
		return latin1[c - 0xE0];
	if (c >= 0x100 && c <= 0x17F && ext_a[c - 0x100] != '-')
		return ext_a[c - 0x100];
	return c;
}

/* Decode and fold s[0..len) into cps; the number of code points, or -1 if
 * there are more than SIMILAR_MAX_CHARS. */
static int folded(const char *s, size_t len, long *cps)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used;
	int n = 0;

	for (size_t i = 0; i < len; i += used) {
		long cp = utf8_decode(p + i, len - i, &used);

		if (n == SIMILAR_MAX_CHARS)
			return -1;
		cps[n++] = cp < 0 ? 0xDC00 + p[i] : similar_fold(cp);
	}
	return n;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int similar_distance(const char *a, size_t alen, const char *b, size_t blen,
		     int max)
{
	long x[SIMILAR_MAX_CHARS], y[SIMILAR_MAX_CHARS];
	/* three rows of the table: two back, the last and this one */
	int rows[3][SIMILAR_MAX_CHARS + 1];
	int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
	int n = folded(a, alen, x);
	int m = folded(b, blen, y);

	if (max < 0)
		max = 0;
	if (n < 0 || m < 0 || (n > m ? n - m : m - n) > max)
		return max + 1;
	for (int j = 0; j <= m; j++)
		prev[j] = j;
	for (int i = 1; i <= n; i++) {
		int best;

		cur[0] = i;
		best = i;
		for (int j = 1; j <= m; j++) {
			int cost = x[i - 1] != y[j - 1];
			int d = min3(prev[j] + 1, cur[j - 1] + 1,
				     prev[j - 1] + cost);

			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] &&
			    x[i - 2] == y[j - 1] && prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		/* every way on goes through this row */
		if (best > max)
			return max + 1;
		{
			int *t = prev2;

			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[m] > max ? max + 1 : prev[m];
}

static void sql_edit_distance(sqlite3_context *ctx, int argc,
			      sqlite3_value **argv)
{
	const char *a = (const char *)sqlite3_value_text(argv[0]);
	const char *b = (const char *)sqlite3_value_text(argv[1]);
	int max = argc > 2 ? sqlite3_value_int(argv[2]) : SIMILAR_MAX_CHARS;

	if (!a || !b)
		return;
	sqlite3_result_int(ctx, similar_distance(a, (size_t)sqlite3_value_bytes(argv[0]),
						 b, (size_t)sqlite3_value_bytes(argv[1]),
						 max));
}

/* Each part of body (its lines, and the "; "-separated phrases of a line)
 * in turn, trimmed; returns 1 when fn returns 1 for one. */
static int any_part(const char *body, size_t len,
		    int (*fn)(const char *part, size_t len, void *arg), void *arg)
{
	size_t i = 0;

	while (i < len) {
		size_t end = i;
		size_t a, z;

		while (end < len && body[end] != '\n' && body[end] != '\r' &&
		       !(body[end] == ';' && end + 1 < len && body[end + 1] == ' '))
			end++;
		a = i;
		z = end;
		while (a < z && (body[a] == ' ' || body[a] == '\t'))
			a++;
		while (z > a && (body[z - 1] == ' ' || body[z - 1] == '\t'))
			z--;
		if (fn(body + a, z - a, arg))
			return 1;
		i = end + 1;
	}
	return 0;
}

/* A separator between the words of a name: white space and ASCII
 * punctuation but for the apostrophe ("Don't"). */
static int is_separator(long cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0 ||
	       (cp < 0x80 && cp > ' ' && cp != '\'' &&
		!((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		  (cp >= 'A' && cp <= 'Z')));
}

/* The entries made so far, as JSON, and their keys, to drop duplicates. */
struct words {
	struct strbuf json;
	struct strbuf keys;     /* each key followed by '\n' */
	int n;
};

static void add_json_string(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_addch(sb, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, c);
		} else if (c < 0x20) {
			strbuf_addf(sb, "\\u%04x", c);
		} else {
			strbuf_addch(sb, c);
		}
	}
	strbuf_addch(sb, '"');
}

static void add_utf8(struct strbuf *sb, long cp)
{
	if (cp < 0x80) {
		strbuf_addch(sb, (int)cp);
	} else if (cp < 0x800) {
		strbuf_addch(sb, 0xC0 | (int)(cp >> 6));
		strbuf_addch(sb, 0x80 | (int)(cp & 0x3F));
	} else if (cp < 0x10000) {
		strbuf_addch(sb, 0xE0 | (int)(cp >> 12));
		strbuf_addch(sb, 0x80 | (int)((cp >> 6) & 0x3F));
		strbuf_addch(sb, 0x80 | (int)(cp & 0x3F));
	} else {
		strbuf_addch(sb, 0xF0 | (int)(cp >> 18));
		strbuf_addch(sb, 0x80 | (int)((cp >> 12) & 0x3F));
		strbuf_addch(sb, 0x80 | (int)((cp >> 6) & 0x3F));
		strbuf_addch(sb, 0x80 | (int)(cp & 0x3F));
	}
}

/* s[0..len) trimmed of spaces and tabs, each character folded by fold
 * (similar_fold() or similar_bare()), into key; its number of characters,
 * and of letters into *letters; -1 if it is not UTF-8. */
static int fold_into(struct strbuf *key, const char **sp, size_t *lenp,
		     int *letters, long (*fold)(long))
{
	const char *s = *sp;
	size_t len = *lenp;
	const unsigned char *p;
	size_t used;
	int chars = 0;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	*sp = s;
	*lenp = len;
	*letters = 0;
	p = (const unsigned char *)s;
	for (size_t i = 0; i < len; i += used) {
		long cp = utf8_decode(p + i, len - i, &used);

		if (cp < 0)
			return -1;
		add_utf8(key, fold(cp));
		chars++;
		*letters += !(cp >= '0' && cp <= '9') && !is_separator(cp);
	}
	return chars;
}

/* Add s[0..len) as an entry, unless it is empty, too long, only digits, or
 * there already. */
static void add_entry(struct words *w, const char *s, size_t len)
{
	struct strbuf key;
	int chars, letters;

	strbuf_init(&key);
	chars = fold_into(&key, &s, &len, &letters, similar_fold);
	if (chars <= 0 || chars > SIMILAR_MAX_CHARS || letters == 0 ||
	    key.failed) {
		strbuf_release(&key);
		return;
	}
	strbuf_addch(&key, '\n');
	/* a duplicate key is a line of the list that equals it */
	for (const char *k = w->keys.buf; k && *k; k = strchr(k, '\n') + 1) {
		if (strncmp(k, key.buf, key.len) == 0) {
			strbuf_release(&key);
			return;
		}
	}
	strbuf_add(&w->keys, key.buf, key.len);
	strbuf_addstr(&w->json, w->n ? ",[" : "[");
	add_json_string(&w->json, key.buf, key.len - 1);
	strbuf_addch(&w->json, ',');
	add_json_string(&w->json, s, len);
	strbuf_addf(&w->json, ",%d]", chars);
	w->n++;
	strbuf_release(&key);
}

/* Add the part s[0..len) and, if it has several words, each word of four
 * letters or more; 0, for any_part() to go on. */
static int add_part(const char *s, size_t len, void *arg)
{
	struct words *w = arg;
	const unsigned char *p = (const unsigned char *)s;
	size_t starts[SIMILAR_MAX_CHARS], ends[SIMILAR_MAX_CHARS];
	int chars[SIMILAR_MAX_CHARS];
	int nwords = 0;
	int in_word = 0;
	size_t used;

	add_entry(w, s, len);
	for (size_t i = 0; i < len && nwords < SIMILAR_MAX_CHARS; i += used) {
		long cp = utf8_decode(p + i, len - i, &used);

		if (cp >= 0 && is_separator(cp)) {
			in_word = 0;
			continue;
		}
		if (!in_word) {
			starts[nwords] = i;
			chars[nwords] = 0;
			nwords++;
			in_word = 1;
		}
		ends[nwords - 1] = i + used;
		chars[nwords - 1]++;
	}
	if (nwords < 2)
		return 0;
	for (int k = 0; k < nwords; k++)
		if (chars[k] >= 4)
			add_entry(w, s + starts[k], ends[k] - starts[k]);
	return 0;
}

static void sql_search_words(sqlite3_context *ctx, int argc,
			     sqlite3_value **argv)
{
	const char *body = (const char *)sqlite3_value_text(argv[0]);
	size_t len = (size_t)sqlite3_value_bytes(argv[0]);
	struct words w;
	(void)argc;
	if (!body)
		return;
	memset(&w, 0, sizeof(w));
	strbuf_init(&w.json);
	strbuf_init(&w.keys);
	strbuf_addch(&w.json, '[');
	any_part(body, len, add_part, &w);
	strbuf_addch(&w.json, ']');
	if (w.json.failed || w.keys.failed)
		sqlite3_result_error_nomem(ctx);
	else
		sqlite3_result_text(ctx, w.json.buf, (int)w.json.len,
				    SQLITE_TRANSIENT);
	strbuf_release(&w.json);
	strbuf_release(&w.keys);
}

struct whole {
	const char *q;
	size_t len;
};

static int is_whole(const char *part, size_t len, void *arg)
{
	const struct whole *w = arg;

	return len > 0 && similar_distance(part, len, w->q, w->len, 0) == 0;
}

int similar_whole(const char *body, size_t len, const char *q, size_t qlen)
{
	struct whole w = {q, qlen};

	while (w.len && (*w.q == ' ' || *w.q == '\t')) {
		w.q++;
		w.len--;
	}
	while (w.len && (w.q[w.len - 1] == ' ' || w.q[w.len - 1] == '\t'))
		w.len--;
	return any_part(body, len, is_whole, &w);
}

/* search_fold(TEXT): TEXT trimmed and case-folded, as search_word keeps
 * its words; search_bare(TEXT): the same without its accents.  NULL if
 * TEXT is not UTF-8. */
static void fold_text(sqlite3_context *ctx, sqlite3_value *v,
		      long (*fold)(long))
{
	const char *s = (const char *)sqlite3_value_text(v);
	size_t len = (size_t)sqlite3_value_bytes(v);
	struct strbuf key;
	int letters;

	if (!s)
		return;
	strbuf_init(&key);
	if (fold_into(&key, &s, &len, &letters, fold) >= 0) {
		if (key.failed)
			sqlite3_result_error_nomem(ctx);
		else
			sqlite3_result_text(ctx, key.buf, (int)key.len,
					    SQLITE_TRANSIENT);
	}
	strbuf_release(&key);
}

static void sql_search_fold(sqlite3_context *ctx, int argc,
			    sqlite3_value **argv)
{
	(void)argc;
	fold_text(ctx, argv[0], similar_fold);
}

static void sql_search_bare(sqlite3_context *ctx, int argc,
			    sqlite3_value **argv)
{
	(void)argc;
	fold_text(ctx, argv[0], similar_bare);
}

/* search_tier(KIND, FIELD, BODY, Q): the tier of a search document that
 * matched Q, as the search statement ranks it. */
static void sql_search_tier(sqlite3_context *ctx, int argc,
			    sqlite3_value **argv)
{
	const char *kind = (const char *)sqlite3_value_text(argv[0]);
	const char *field = (const char *)sqlite3_value_text(argv[1]);
	const char *body = (const char *)sqlite3_value_text(argv[2]);
	const char *q = (const char *)sqlite3_value_text(argv[3]);
	int name, terms, whole;

	(void)argc;
	if (!kind || !field || !body || !q)
		return;
	name = strcmp(kind, "text") != 0 || strcmp(field, "name") == 0;
	terms = !name && strcmp(field, "terms") == 0;
	if (!name && !terms) {
		sqlite3_result_int(ctx, SEARCH_TIER_TEXT);
		return;
	}
	whole = similar_whole(body, (size_t)sqlite3_value_bytes(argv[2]), q,
			      (size_t)sqlite3_value_bytes(argv[3]));
	if (name)
		sqlite3_result_int(ctx, whole ? SEARCH_TIER_NAME : SEARCH_TIER_NAME_PART);
	else
		sqlite3_result_int(ctx, whole ? SEARCH_TIER_TERM : SEARCH_TIER_TERM_PART);
}

int similar_register(sqlite3 *db)
{
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	int rc = sqlite3_create_function(db, "edit_distance", 3, flags, NULL,
					 sql_edit_distance, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "search_words", 1, flags,
					     NULL, sql_search_words, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "search_fold", 1, flags,
					     NULL, sql_search_fold, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "search_bare", 1, flags,
					     NULL, sql_search_bare, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "search_tier", 4, flags,
					     NULL, sql_search_tier, NULL, NULL);
	return rc;
}
