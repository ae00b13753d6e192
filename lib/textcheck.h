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
 * The names of the {placeholders} of a template, each once, sorted and
 * joined by spaces, appended to out ("{a} {a_reason} {b}"); a choice of
 * forms, {a|final:은|는} (grammar.h), names {a}.  Returns 0, or -1 if the braces do not
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

/*
 * Where s has a sentence in English, in a text that should be in another
 * language: three different common English words ("the", "is", "which",
 * ...) in lower case in one sentence, outside quotation marks.  Literals
 * that hold such words (reason phrases such as "Authentication mechanism
 * is too weak") must be taken out first.  Returns the byte offset of the
 * sentence plus 1, or 0 if there is none.
 */
long textcheck_english(const char *s);

#endif
