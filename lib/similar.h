/*
 * similar.h - how far apart two spellings are, and the words of a name or
 * a list of search terms, for search's "did you mean".
 *
 * Search keeps a vocabulary of what a code can be called (search_word,
 * migration 0008): every reason phrase, former phrase and localized name,
 * and every search term, each also broken into its words.  When a query
 * matches nothing, or matches only through search terms and texts, the
 * nearest entries by edit distance are offered instead:
 *
 *     $ codekb search "gatway timeout"
 *     codekb: no code matches 'gatway timeout'; did you mean 'Gateway Timeout'?
 *
 * Both functions compare letters case-folded (A-Z, Latin-1, Latin
 * Extended-A and fullwidth forms), so "unauthorised" is one edit from
 * "Unauthorized" and "ÉCHEC" none from "échec".
 */
#ifndef CODEKB_SIMILAR_H
#define CODEKB_SIMILAR_H

#include <stddef.h>
#include <sqlite3.h>

/* The longest string, in characters, that similar_distance() compares;
 * a longer one is farther than any bound. */
#define SIMILAR_MAX_CHARS 96

/* The case-folded form of the code point cp. */
long similar_fold(long cp);

/* The case-folded form of cp without its accent: the base letter of a
 * letter of Latin-1 or Latin Extended-A ("é" and "É" are "e", "ł" is
 * "l"), else similar_fold(cp). */
long similar_bare(long cp);

/*
 * The edit distance between a[0..alen) and b[0..blen) (UTF-8), counting
 * an insertion, a deletion, a substitution or a swap of two neighbours as
 * one edit, on case-folded code points.  If it is more than max, returns
 * max + 1 (and stops early).  Malformed UTF-8 counts a byte as a letter.
 */
int similar_distance(const char *a, size_t alen, const char *b, size_t blen,
		     int max);

/* 1 if a part of body (a line, or a "; "-separated phrase of one) is
 * q, case-folded and trimmed; else 0. */
int similar_whole(const char *body, size_t len, const char *q, size_t qlen);

/* The tiers of a search document that matched, best first, after those of
 * an exact code (0) and a prefix or class (1): the whole of a reason
 * phrase, former phrase or name; a whole search term; part of a phrase or
 * name; part of a term; a text. */
enum search_tier {
	SEARCH_TIER_NAME = 2,
	SEARCH_TIER_TERM = 3,
	SEARCH_TIER_NAME_PART = 4,
	SEARCH_TIER_TERM_PART = 5,
	SEARCH_TIER_TEXT = 6,
};

/*
 * Register, on db:
 *   edit_distance(A, B, MAX)  similar_distance(); NULL if A or B is NULL
 *   search_words(BODY)        a JSON array of [key, shown, chars] for each
 *                             entry of the vocabulary in BODY: each of its
 *                             lines and "; "-separated parts, and each word
 *                             of four letters or more of a part that has
 *                             several, key case-folded, duplicates dropped
 *   search_fold(TEXT)         TEXT trimmed and case-folded, as the keys
 *                             of search_words() are
 *   search_bare(TEXT)         search_fold(TEXT) without accents:
 *                             "accès refusé" is "acces refuse"
 *   search_tier(KIND, FIELD, BODY, Q)
 *                             the enum search_tier of a search document
 *                             (search_doc's kind, field and body) that
 *                             matched Q
 * Returns an SQLite code.
 */
int similar_register(sqlite3 *db);

#endif
