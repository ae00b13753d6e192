/*
 * textcheck.h - checks on generated and translated text, shared by
 * `codekb check` and the tests.
 */
#ifndef CODEKB_TEXTCHECK_H
#define CODEKB_TEXTCHECK_H

#include <stddef.h>

#include "strbuf.h"

/*
 * The first Latin word that s repeats right after itself, with only
 * spaces between, ignoring case ("when when", "the The").  Numbers and
 * punctuation break a repeat.  Returns 1 and appends the word, in lower
 * case, to word; or returns 0 if there is none.  word->failed tells if
 * memory ran out.
 */
int textcheck_doubled_word(const char *s, struct strbuf *word);

/*
 * The {placeholders} of a template, sorted and joined by spaces, appended
 * to out ("{a} {a_reason} {b}").  Returns 0, or -1 if the braces do not
 * pair up; out->failed tells if memory ran out.
 */
int textcheck_placeholders(const char *s, struct strbuf *out);

/*
 * Where s has an empty sentence: nothing but spaces, a sentence mark
 * ('.', ':', ',', '。', '：', ...) at the start or after another with only
 * spaces between ("Sender: .", "。。"), a comma or full stop after a
 * space ("carry , Allow"), or empty parentheses ("486 ()", but not
 * "connect()").
 * Returns the byte offset of the mark plus 1, or 0 if there is none.
 */
long textcheck_empty_sentence(const char *s);

#endif
