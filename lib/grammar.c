/*
 * grammar.c - the forms a template chooses by value (grammar.h).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "grammar.h"

/* ---- Korean ---- */

/* The first Hangul syllable, 가. */
#define HANGUL_FIRST 0xAC00
#define HANGUL_LAST 0xD7A3
/* The final consonants a syllable may have, none counted: 28. */
#define HANGUL_FINALS 28
/* ㄹ among them. */
#define HANGUL_FINAL_RIEUL 8

static const char *const ko_digit[10] = {
	"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구",
};

/* Append the reading of 1 <= n <= 9999, without the 일 that Korean
 * leaves out before 십, 백 and 천. */
static void reading_group(unsigned n, struct strbuf *out)
{
	static const char *const place[4] = {"천", "백", "십", ""};
	unsigned div = 1000;

	for (int i = 0; i < 4; i++, div /= 10) {
		unsigned d = n / div % 10;

		if (d == 0)
			continue;
		if (d != 1 || i == 3)
			strbuf_addstr(out, ko_digit[d]);
		strbuf_addstr(out, place[i]);
	}
}

void grammar_ko_reading(unsigned long long n, struct strbuf *out)
{
	static const char *const big[] = {"", "만", "억", "조", "경"};
	unsigned group[5];
	int top = 0;

	if (n == 0) {
		strbuf_addstr(out, ko_digit[0]);
		return;
	}
	for (top = 0; n && top < 5; top++, n /= 10000)
		group[top] = (unsigned)(n % 10000);
	while (top-- > 0) {
		if (group[top] == 0)
			continue;
		/* 만, not 일만; but 일억 */
		if (!(group[top] == 1 && top == 1))
			reading_group(group[top], out);
		strbuf_addstr(out, big[top]);
	}
}

/* The code point of the UTF-8 character that ends at end (after s), and
 * its start in *start; or -1. */
static long last_char(const char *s, const char *end, const char **start)
{
	const char *p = end;
	long u;
	int n;

	if (p == s)
		return -1;
	do
		p--;
	while (p > s && ((unsigned char)*p & 0xC0) == 0x80);
	*start = p;
	u = (unsigned char)*p;
	if (u < 0x80)
		return u;
	n = u >= 0xF0 ? 3 : u >= 0xE0 ? 2 : 1;
	u &= 0x3F >> n;
	for (int i = 1; i <= n && p + i < end; i++)
		u = u << 6 | ((unsigned char)p[i] & 0x3F);
	return u;
}

static enum ko_final syllable_final(long u)
{
	long f = (u - HANGUL_FIRST) % HANGUL_FINALS;

	return f == 0 ? KO_VOWEL : f == HANGUL_FINAL_RIEUL ? KO_RIEUL
			     : KO_CONSONANT;
}

/* How Korean says the last letter of an abbreviation: 엘, 엠, 엔, 알 end
 * in a consonant; every other letter's name in a vowel. */
static enum ko_final letter_final(int c)
{
	switch (toupper(c)) {
	case 'L': case 'R':
		return KO_RIEUL;
	case 'M': case 'N':
		return KO_CONSONANT;
	default:
		return KO_VOWEL;
	}
}

static int is_vowel_letter(int c)
{
	return c && strchr("aeiou", tolower(c)) != NULL;
}

/* How a Latin word (w, n letters, n > 0) ends as a Korean loanword. */
static enum ko_final word_final(const char *w, size_t n)
{
	char lw[64];
	size_t caps = 0;

	for (size_t i = 0; i < n; i++)
		caps += isupper((unsigned char)w[i]) != 0;
	/* an abbreviation is read letter by letter: OK 오케이, SIP 에스아이피 */
	if (caps == n && n <= 3)
		return letter_final((unsigned char)w[n - 1]);
	if (n >= sizeof(lw)) {
		w += n - (sizeof(lw) - 1);
		n = sizeof(lw) - 1;
	}
	for (size_t i = 0; i < n; i++)
		lw[i] = (char)tolower((unsigned char)w[i]);
	lw[n] = '\0';
	/* a silent final e: gone 곤, time 타임, while 와일; and -ble, -ple
	 * end in ㄹ too: 테이블, 피플 */
	if (n >= 3 && lw[n - 1] == 'e' && !is_vowel_letter(lw[n - 2])) {
		if (lw[n - 2] == 'l')
			return KO_RIEUL;
		if (lw[n - 2] == 'm' || lw[n - 2] == 'n')
			return KO_CONSONANT;
		return KO_VOWEL;
	}
	switch (lw[n - 1]) {
	case 'm': case 'n':
		return KO_CONSONANT;        /* stream 스트림, down 다운 */
	case 'g':                           /* ring 링, but log 로그 */
		return n >= 2 && lw[n - 2] == 'n' ? KO_CONSONANT : KO_VOWEL;
	case 'l':
		return KO_RIEUL;            /* internal 인터널, full 풀 */
	case 'k':                           /* lock 록, back 백 */
		return n >= 2 && (lw[n - 2] == 'c' || is_vowel_letter(lw[n - 2]))
			       ? KO_CONSONANT : KO_VOWEL;
	case 'p': case 't':
		/* after a vowel: stop 스톱, timeout 타임아웃, set 셋; after a
		 * consonant: argument 아규먼트, request 리퀘스트 */
		return n >= 2 && is_vowel_letter(lw[n - 2]) ? KO_CONSONANT
							    : KO_VOWEL;
	default:
		return KO_VOWEL;            /* found 파운드, status 스테이터스 */
	}
}

enum ko_final grammar_ko_final(const char *s, size_t len)
{
	const char *end = s + len, *start;
	long u;

	/* closing marks and spaces say nothing */
	for (;;) {
		u = last_char(s, end, &start);
		if (u < 0)
			return KO_VOWEL;
		if (u != ' ' && u != '"' && u != '\'' && u != ')' && u != ']' &&
		    u != '.' && u != 0x201D && u != 0x2019 && u != 0xFF09)
			break;
		end = start;
	}
	if (u >= HANGUL_FIRST && u <= HANGUL_LAST)
		return syllable_final(u);
	if (u >= '0' && u <= '9') {
		/* the last number: of 5.7.26, 26; of 1,000, 1000 */
		unsigned long long n = 0, scale = 1;
		const char *p = end;
		struct strbuf r = STRBUF_INIT;
		enum ko_final f;

		while (p > s && (isdigit((unsigned char)p[-1]) ||
				 (p[-1] == ',' && p - 1 > s &&
				  isdigit((unsigned char)p[-2]) &&
				  end - p >= 3))) {
			p--;
			if (*p != ',' && scale <= 1000000000000000ULL) {
				n += (unsigned long long)(*p - '0') * scale;
				scale *= 10;
			}
		}
		grammar_ko_reading(n, &r);
		u = r.failed ? -1 : last_char(r.buf, r.buf + r.len, &start);
		f = u < 0 ? KO_VOWEL : syllable_final(u);
		strbuf_release(&r);
		return f;
	}
	if (u < 0x80 && isalpha((int)u)) {
		const char *p = end;

		while (p > s && isalpha((unsigned char)p[-1]))
			p--;
		return word_final(p, (size_t)(end - p));
	}
	return KO_VOWEL;
}

/* ---- elision ---- */

int grammar_vowel_onset(const char *s, size_t len)
{
	/* the accented vowels of French, Spanish and Portuguese, either case */
	static const char *const accented[] = {
		"à", "â", "é", "è", "ê", "ë", "î", "ï", "ô", "ö", "ù", "û", "ü",
		"á", "í", "ó", "ú", "ã", "õ", "À", "Â", "É", "È", "Ê", "Î", "Ô",
		"Á", "Í", "Ó", "Ú",
	};
	const char *end = s + len;

	while (s < end && (*s == ' ' || *s == '"' || *s == '(' || *s == '\''))
		s++;
	if (s == end)
		return 0;
	if (is_vowel_letter((unsigned char)*s) || tolower((unsigned char)*s) == 'h')
		return 1;
	for (size_t i = 0; i < sizeof(accented) / sizeof(accented[0]); i++) {
		size_t n = strlen(accented[i]);

		if ((size_t)(end - s) >= n && memcmp(s, accented[i], n) == 0)
			return 1;
	}
	return 0;
}

/* ---- choosing a form ---- */

/* Whether the value passes the test (tlen bytes, before the ':'). */
static int passes(const char *v, size_t vlen, const char *t, size_t tlen)
{
	const char *arg = t + 1;
	size_t alen = tlen - 1;

	switch (*t) {
	case '=':
		return vlen == alen && memcmp(v, arg, alen) == 0;
	case '^':
		return vlen >= alen && memcmp(v, arg, alen) == 0;
	case '$':
		return vlen >= alen && memcmp(v + vlen - alen, arg, alen) == 0;
	case '<': {
		char num[32], bound[32];
		char *e1, *e2;
		double x, b;

		if (vlen == 0 || vlen >= sizeof(num) || alen == 0 ||
		    alen >= sizeof(bound))
			return 0;
		memcpy(num, v, vlen);
		num[vlen] = '\0';
		memcpy(bound, arg, alen);
		bound[alen] = '\0';
		x = strtod(num, &e1);
		b = strtod(bound, &e2);
		return *e1 == '\0' && *e2 == '\0' && x < b;
	}
	default:
		break;
	}
	if (tlen == 5 && memcmp(t, "final", 5) == 0)
		return grammar_ko_final(v, vlen) != KO_VOWEL;
	if (tlen == 7 && memcmp(t, "final_l", 7) == 0)
		return grammar_ko_final(v, vlen) == KO_RIEUL;
	if (tlen == 5 && memcmp(t, "vowel", 5) == 0)
		return grammar_vowel_onset(v, vlen);
	return 0;
}

/* The length of the test that case c (n bytes) starts with, or 0 if it
 * is a form without one. */
static size_t test_len(const char *c, size_t n)
{
	static const char *const words[] = {"final_l", "final", "vowel"};
	const char *colon = memchr(c, ':', n);

	if (!colon)
		return 0;
	if (n && strchr("=^$<", *c))
		return (size_t)(colon - c);
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t w = strlen(words[i]);

		if ((size_t)(colon - c) == w && memcmp(c, words[i], w) == 0)
			return w;
	}
	return 0;
}

void grammar_select(const char *value, size_t vlen, const char *cases,
		    size_t clen, const char **form, size_t *flen)
{
	const char *p = cases, *end = cases + clen;

	*form = cases;
	*flen = 0;
	while (p <= end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		size_t n = (size_t)((bar ? bar : end) - p);
		size_t t = test_len(p, n);

		if (t == 0 || passes(value, vlen, p, t)) {
			*form = p + (t ? t + 1 : 0);
			*flen = n - (t ? t + 1 : 0);
			return;
		}
		if (!bar)
			break;
		p = bar + 1;
	}
}

int grammar_check_cases(const char *cases, size_t clen, const char **why)
{
	const char *p = cases, *end = cases + clen;

	for (;;) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		size_t n = (size_t)((bar ? bar : end) - p);
		const char *colon = memchr(p, ':', n);

		if (test_len(p, n) == 0) {
			if (colon && !memchr(p, ' ', (size_t)(colon - p)) &&
			    colon - p > 1 && isalpha((unsigned char)*p)) {
				*why = "a test is not one of =, ^, $, <, final, "
				       "final_l, vowel";
				return -1;
			}
			if (bar) {
				*why = "a form without a test comes last";
				return -1;
			}
		}
		if (!bar)
			return 0;
		p = bar + 1;
	}
}

/* ---- checking particles ---- */

/* The particles that a reading chooses between, each pair's consonant
 * form first; 으로 and 로 are told apart by final_l. */
static const struct {
	const char *after_consonant, *after_vowel;
} particles[] = {
	{"은", "는"}, {"이", "가"}, {"을", "를"}, {"과", "와"}, {"으로", "로"},
};

/* Whether p starts a word boundary: the end, or not a Hangul syllable. */
static int boundary(const char *p)
{
	const unsigned char *b = (const unsigned char *)p;
	long u;

	/* a Hangul syllable is three bytes of UTF-8, 0xE? 0x8?-0xB? ... */
	if ((b[0] & 0xF0) != 0xE0 || (b[1] & 0xC0) != 0x80 ||
	    (b[2] & 0xC0) != 0x80)
		return 1;
	u = (long)(b[0] & 0x0F) << 12 | (long)(b[1] & 0x3F) << 6 | (b[2] & 0x3F);
	return !(u >= HANGUL_FIRST && u <= HANGUL_LAST);
}

long grammar_ko_particle_mismatch(const char *s, struct strbuf *what)
{
	for (const char *p = s; *p; p++) {
		const char *num = p, *numend;
		enum ko_final f;

		if (!isdigit((unsigned char)*p) ||
		    (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '.')))
			continue;
		while (isdigit((unsigned char)*p) ||
		       ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1])))
			p++;
		f = grammar_ko_final(num, (size_t)(p - num));
		numend = p;
		/* "302(Moved Temporarily)는": a particle after a parenthesis
		 * follows the word before it */
		if (*p == '(') {
			const char *close = strchr(p, ')');

			if (close && !memchr(p, '\n', (size_t)(close - p)))
				p = close + 1;
		}
		for (size_t i = 0; i < sizeof(particles) / sizeof(particles[0]); i++) {
			const char *c = particles[i].after_consonant;
			const char *v = particles[i].after_vowel;
			const char *want, *got = NULL;

			if (strncmp(p, c, strlen(c)) == 0 && boundary(p + strlen(c)))
				got = c;
			else if (strncmp(p, v, strlen(v)) == 0 &&
				 boundary(p + strlen(v)))
				got = v;
			if (!got)
				continue;
			if (i == 4)
				want = f == KO_CONSONANT ? c : v;
			else
				want = f == KO_VOWEL ? v : c;
			if (got == want)
				break;
			strbuf_add(what, num, (size_t)(p - num));
			strbuf_addf(what, "%s: %.*s takes %s", got,
				    (int)(numend - num), num, want);
			return (long)(p - s) + 1;
		}
		p = numend - 1;
	}
	return 0;
}
