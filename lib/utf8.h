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

/* Decode one code point from s[0..len); stores its length in *used.
 * Returns -1 on a malformed sequence (and *used = 1). */
long utf8_decode(const unsigned char *s, size_t len, size_t *used);

/* Columns that s[0..len) takes on a terminal: East Asian wide and
 * fullwidth characters take two, combining marks none. */
size_t utf8_width(const char *s, size_t len);

#endif
