/*
 * cjk.h - the second search index's view of Chinese, Japanese and Korean
 * text.
 *
 * The trigram index cannot look up a term shorter than three characters,
 * yet one or two characters make a word in Chinese and Japanese (忙, 認証).
 * search_cjk (schema/migrations/0003-search-cjk.sql) is an FTS5 index with
 * the built-in unicode61 tokenizer over each document's text with a space
 * between every two adjacent CJK characters, so that each of them is a
 * token of its own and a word of two is a phrase of two tokens.
 */
#ifndef CODEKB_CJK_H
#define CODEKB_CJK_H

#include <stddef.h>
#include <sqlite3.h>

/* 1 if code point cp is a Han ideograph, kana or Hangul letter. */
int cjk_is_letter(long cp);

/* 1 if s[0..len) is non-empty valid UTF-8 made only of CJK letters. */
int cjk_is_word(const char *s, size_t len);

/* 1 if s[0..len) (UTF-8) has a CJK letter. */
int cjk_has_letter(const char *s, size_t len);

/*
 * s[0..len) with a space between every two adjacent CJK letters, as an
 * sqlite3_malloc() string the caller frees with sqlite3_free().  Sets
 * *found to 1 if s has a CJK letter at all.  Returns NULL if out of memory.
 */
char *cjk_spaced(const char *s, size_t len, int *found);

/*
 * Register the SQL function cjk_spaced(TEXT), which returns its argument
 * spaced as above, or NULL if it holds no CJK letter (or is NULL).
 * Returns an SQLite result code.
 */
int cjk_register(sqlite3 *db);

#endif
