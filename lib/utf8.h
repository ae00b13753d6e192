/*
 * utf8.h - strict UTF-8 validation and terminal display width.
 */
#ifndef CODEKB_UTF8_H
#define CODEKB_UTF8_H

#include <stddef.h>

/*
 * Check that s[0..len) is well-formed UTF-8 as RFC 3629 defines it: no
 * overlong forms, no surrogates, nothing above U+10FFFF, and no NUL byte.
 * Returns 0 if it is, or 1 + the byte offset of the first bad sequence.
 */
size_t utf8_invalid_at(const char *s, size_t len);

/* 1 if cp is a control character: C0 (U+0000 to U+001F), DEL (U+007F) or
 * C1 (U+0080 to U+009F). */
int utf8_is_control(long cp);

/*
 * The first control character (see utf8_is_control) in the well-formed
 * UTF-8 s[0..len), leaving out tab and line ends (LF, and CR before LF)
 * when lines is 1.  Returns 0 if there is none, or 1 + its byte offset,
 * with the code point in *cp (LF for a CR LF).
 */
size_t utf8_control_at(const char *s, size_t len, int lines, long *cp);

/* Decode one code point from s[0..len); stores its length in *used.
 * Returns -1 on a malformed sequence (and *used = 1). */
long utf8_decode(const unsigned char *s, size_t len, size_t *used);

/* Columns that s[0..len) takes on a terminal: East Asian wide and
 * fullwidth characters take two, combining marks none. */
size_t utf8_width(const char *s, size_t len);

#endif
