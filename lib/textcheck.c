/*
 * textcheck.c - see textcheck.h.
 *
 * Words and placeholders are compared where they stand in the text, as
 * spans, so that there is no copy of a fixed size to cut a long one short.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "textcheck.h"

struct span {
	const char *p;
	size_t n;
};

static int same_word(struct span a, struct span b)
{
	if (a.n != b.n)
		return 0;
	for (size_t i = 0; i < a.n; i++)
		if (tolower((unsigned char)a.p[i]) != tolower((unsigned char)b.p[i]))
			return 0;
	return 1;
}

int textcheck_doubled_word(const char *s, struct strbuf *word)
{
	struct span prev = {NULL, 0};
	const char *p = s;

	while (*p) {
		struct span cur = {NULL, 0};
		int spaces_only = 1;

		/* a byte of a UTF-8 letter is part of its word: "révèle le"
		 * holds no "le le" */
		while (*p && !isalnum((unsigned char)*p) &&
		       !((unsigned char)*p & 0x80)) {
			spaces_only &= *p == ' ';
			p++;
		}
		cur.p = p;
		while (isalnum((unsigned char)p[cur.n]) ||
		       ((unsigned char)p[cur.n] & 0x80))
			cur.n++;
		if (cur.n == 0)
			break;
		/* French repeats its reflexive pronouns: "vous vous connectez" */
		if (cur.n > 1 && spaces_only && isalpha((unsigned char)cur.p[0]) &&
		    same_word(cur, prev) &&
		    !(cur.n == 4 && (strncasecmp(cur.p, "vous", 4) == 0 ||
				     strncasecmp(cur.p, "nous", 4) == 0))) {
			for (size_t i = 0; i < cur.n; i++)
				strbuf_addch(word, tolower((unsigned char)cur.p[i]));
			return 1;
		}
		prev = cur;
		p += cur.n;
	}
	return 0;
}

/* strcmp's order, on spans that hold no NUL. */
static int cmp_span(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	int c = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);

	if (c)
		return c;
	return x->n < y->n ? -1 : x->n > y->n;
}

/* Call each {placeholder} of s a span, into v if it is not NULL; returns
 * how many there are, or -1 if the braces do not pair up. */
static long find_placeholders(const char *s, struct span *v)
{
	long n = 0;

	while ((s = strpbrk(s, "{}")) != NULL) {
		const char *end = strchr(s, '}');

		if (*s == '}' || !end || memchr(s + 1, '{', (size_t)(end - s - 1)))
			return -1;
		if (v) {
			/* {name|TEST:FORM|...} names name, as {name} does */
			const char *bar = memchr(s, '|', (size_t)(end - s));

			v[n] = (struct span){s + 1, (size_t)((bar ? bar : end) - s - 1)};
		}
		n++;
		s = end + 1;
	}
	return n;
}

int textcheck_placeholders(const char *s, struct strbuf *out)
{
	long n = find_placeholders(s, NULL);
	struct span *v;

	if (n <= 0)
		return n < 0 ? -1 : 0;
	v = calloc((size_t)n, sizeof(*v));
	if (!v) {
		out->failed = 1;
		return 0;
	}
	find_placeholders(s, v);
	qsort(v, (size_t)n, sizeof(*v), cmp_span);
	for (long i = 0; i < n; i++) {
		if (i && cmp_span(&v[i - 1], &v[i]) == 0)
			continue;       /* each name once */
		if (i)
			strbuf_addch(out, ' ');
		strbuf_addch(out, '{');
		strbuf_add(out, v[i].p, v[i].n);
		strbuf_addch(out, '}');
	}
	free(v);
	return 0;
}

/* The length of the sentence mark at p ('.', '。', ':' and the like), or
 * 0 if there is none. */
static size_t mark_len(const char *p)
{
	static const char *const wide[] = {
		"\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f", "\xef\xbc\x9b",
		"\xef\xbc\x9a", "\xef\xbc\x8c", "\xe3\x80\x81",
	};

	if (*p && strchr(".!?;:,", *p))
		return 1;
	for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (strncmp(p, wide[i], 3) == 0)
			return 3;
	return 0;
}

/* Whether the bytes from p to end are all spaces (none at all counts). */
static int blank(const char *p, const char *end)
{
	for (; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n')
			return 0;
	return 1;
}

long textcheck_empty_sentence(const char *s)
{
	const char *prev = NULL;        /* just after the last mark */
	const char *p = s;

	if (blank(s, s + strlen(s)))
		return 1;
	for (; *p; p++) {
		size_t n = mark_len(p);

		if ((*p == ')' || strncmp(p, "\xef\xbc\x89", 3) == 0)) {
			/* "()" or "（）" with nothing inside */
			const char *q = p;

			while (q > s && (q[-1] == ' '))
				q--;
			/* after a word it is code, as in "connect()" */
			if ((q > s && q[-1] == '(' &&
			     (q - 1 == s || q[-2] == ' ')) ||
			    (q - s >= 3 && strncmp(q - 3, "\xef\xbc\x88", 3) == 0))
				return (long)(p - s) + 1;
		}
		if (n == 0)
			continue;
		/* nothing before a comma or full stop but a space: an empty
		 * item ("carry , Allow") */
		if ((*p == ',' || *p == '.') && p > s && p[-1] == ' ')
			return (long)(p - s) + 1;
		/* a mark right at the start, or after another mark with only
		 * spaces between ("a: .", ". ."), closes an empty sentence;
		 * "..." and digits around a '.' ("1.5", "5.7.26") do not */
		if ((p == s || blank(prev ? prev : s, p)) &&
		    !(n == 1 && *p == '.' && prev && prev == p && p[-1] == '.') &&
		    /* an abbreviation's full stop before a mark: "e.g.," */
		    !(prev && prev == p && p - s >= 2 && p[-1] == '.' &&
		      isalpha((unsigned char)p[-2])))
			return (long)(p - s) + 1;
		prev = p + n;
		p += n - 1;
	}
	return 0;
}

/* The English words that mark a sentence as English: common in any
 * English sentence and words of no other language codekb is written in
 * ("an", "so", "was", "will", "on", "no" and "or" are German, French,
 * Spanish or Portuguese words too, and are left out). */
static const char *const english_words[] = {
	"after", "are", "at", "be", "because", "been", "before", "by", "can",
	"cannot", "could", "does", "for", "from", "has", "have", "if", "into",
	"is", "it", "its", "must", "not", "of", "only", "should", "than",
	"that", "the", "their", "then", "there", "these", "they", "this",
	"those", "to", "until", "were", "what", "when", "where", "which",
	"while", "who", "with", "would", "you", "your",
};

#define ENGLISH_WORDS (sizeof(english_words) / sizeof(english_words[0]))

/* The index of the lower-case word w (n bytes) in english_words, or -1. */
static int english_word(const char *w, size_t n)
{
	for (size_t i = 0; i < ENGLISH_WORDS; i++)
		if (strlen(english_words[i]) == n &&
		    memcmp(english_words[i], w, n) == 0)
			return (int)i;
	return -1;
}

/* The quotation marks whose contents are quoted text, not the sentence's
 * own words: “…”, «…», „…“, "…" and `…`. */
static const char *closing_quote(const char *p, size_t *open)
{
	static const struct {
		const char *open, *close;
	} quotes[] = {
		{"\xe2\x80\x9c", "\xe2\x80\x9d"}, {"\xc2\xab", "\xc2\xbb"},
		{"\xe2\x80\x9e", "\xe2\x80\x9c"}, {"\"", "\""}, {"`", "`"},
		{"\xe3\x80\x8c", "\xe3\x80\x8d"},
	};

	for (size_t i = 0; i < sizeof(quotes) / sizeof(quotes[0]); i++) {
		size_t n = strlen(quotes[i].open);

		if (strncmp(p, quotes[i].open, n) == 0) {
			*open = n;
			return quotes[i].close;
		}
	}
	return NULL;
}

long textcheck_english(const char *s)
{
	const char *sentence = s, *p = s;
	unsigned char seen[ENGLISH_WORDS];
	int distinct = 0;

	memset(seen, 0, sizeof(seen));
	while (*p) {
		size_t qn;
		const char *close = closing_quote(p, &qn);

		if (close) {
			const char *end = strstr(p + qn, close);

			if (end) {
				p = end + strlen(close);
				continue;
			}
		}
		if (islower((unsigned char)*p) &&
		    (p == s || (!isalnum((unsigned char)p[-1]) &&
				!strchr("-_./@=", p[-1])))) {
			const char *w = p;
			int i;

			while (isalpha((unsigned char)*p))
				p++;
			/* a word, not part of a name ("to-do", "mail.example") */
			if ((*p & 0x80) == 0 && *p != '-' && *p != '_' &&
			    !(*p == '.' && isalnum((unsigned char)p[1])) &&
			    (i = english_word(w, (size_t)(p - w))) >= 0 &&
			    !seen[i]) {
				seen[i] = 1;
				if (++distinct == 3)
					return (long)(sentence - s) + 1;
			}
			continue;
		}
		if ((*p && strchr(".!?;", *p) && (p[1] == ' ' || p[1] == '\0')) ||
		    *p == '\n' || strncmp(p, "\xe3\x80\x82", 3) == 0) {
			p += (unsigned char)*p == 0xe3 ? 3 : 1;
			memset(seen, 0, sizeof(seen));
			distinct = 0;
			sentence = p;
			continue;
		}
		p++;
	}
	return 0;
}
