/*
 * textcheck.h - checks on generated and translated text, shared by
 * `codekb check` and the tests.
 */
#ifndef CODEKB_TEXTCHECK_H
#define CODEKB_TEXTCHECK_H

#include <stddef.h>

/*
 * The first Latin word that s repeats right after itself, with only
 * spaces between, ignoring case ("when when", "the The").  Numbers and
 * punctuation break a repeat.  Returns 1 and the word in word[size], or 0 if there is none.
 */
int textcheck_doubled_word(const char *s, char *word, size_t size);

/*
 * The {placeholders} of a template, sorted and joined by spaces, into
 * out[size] ("{a} {a_reason} {b}").  Returns 0, or -1 if the braces do not
 * pair up.
 */
int textcheck_placeholders(const char *s, char *out, size_t size);

#endif
