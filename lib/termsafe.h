/*
 * termsafe.h - text bound for a terminal, with its control characters
 * shown escaped, so that no data can move the cursor, retitle the window
 * or rewrite what is on the screen.
 *
 *     FILE *out = isatty(fileno(stdout)) ? termsafe_open(stdout) : stdout;
 *     fputs(text, out);
 *     if (out != stdout)
 *             fclose(out);    (flushes; stdout itself stays open)
 *
 * Shown escaped: C0 controls other than tab and line ends, DEL, and a CR
 * that does not end a line as \xHH; C1 controls (U+0080 to U+009F) as
 * \u00HH; a byte that is not UTF-8 as \xHH.  Everything else, line ends
 * and tabs included, is written as it is.
 */
#ifndef CODEKB_TERMSAFE_H
#define CODEKB_TERMSAFE_H

#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

/*
 * A stream that writes to out what it is given, escaped.  fclose() it to
 * flush it; out is left open.  Returns NULL if there is no memory.
 */
FILE *termsafe_open(FILE *out);

/* Append s[0..len), escaped, to sb.  Returns 0, or -1 if memory ran out
 * (sb->failed is then set). */
int termsafe_escape(struct strbuf *sb, const char *s, size_t len);

#endif
