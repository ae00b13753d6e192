/*
 * termsafe.c - see termsafe.h.
 *
 * The stream is a glibc cookie stream: stdio hands its writes, in pieces
 * of any size, to termsafe_write(), which may see a UTF-8 sequence or a
 * CR LF cut in two; the start of one waits in the cookie for the rest.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "termsafe.h"
#include "utf8.h"

struct termsafe {
	/* where the escaped text goes */
	FILE *out;
	/* the bytes of a sequence that the last write cut short */
	unsigned char carry[4];
	size_t ncarry;
	/* the escaped text of one write */
	struct strbuf buf;
};

/* How many bytes the UTF-8 sequence that starts with lead takes, or 1 for
 * a byte that cannot start one. */
static size_t sequence_length(unsigned char lead)
{
	if (lead >= 0xC2 && lead <= 0xDF)
		return 2;
	if (lead >= 0xE0 && lead <= 0xEF)
		return 3;
	if (lead >= 0xF0 && lead <= 0xF4)
		return 4;
	return 1;
}

/* 1 if p[0..len), shorter than its sequence, may yet become a whole one. */
static int cut_short(const unsigned char *p, size_t len)
{
	if (p[0] == '\r')
		return len == 1;
	if (len >= sequence_length(p[0]))
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/*
 * Append p[0..len), escaped, to sb.  Unless final, a sequence that the end
 * cuts short is left out.  Returns how many bytes were taken.
 */
static size_t escape(struct strbuf *sb, const unsigned char *p, size_t len,
		     int final)
{
	size_t i = 0, run = 0;

	while (i < len) {
		size_t used;
		long cp;

		if (!final && cut_short(p + i, len - i))
			break;
		cp = utf8_decode(p + i, len - i, &used);
		if (cp >= 0 && (!utf8_is_control(cp) || cp == '\n' ||
				cp == '\t' ||
				(cp == '\r' && i + 1 < len && p[i + 1] == '\n'))) {
			i += used;
			continue;
		}
		strbuf_add(sb, p + run, i - run);
		if (cp < 0 || cp < 0x80)
			strbuf_addf(sb, "\\x%02x", p[i]);
		else
			strbuf_addf(sb, "\\u%04lx", cp);
		i += used;
		run = i;
	}
	strbuf_add(sb, p + run, i - run);
	return i;
}

int termsafe_escape(struct strbuf *sb, const char *s, size_t len)
{
	escape(sb, (const unsigned char *)s, len, 1);
	return sb->failed ? -1 : 0;
}

static ssize_t termsafe_write(void *cookie, const char *data, size_t size)
{
	struct termsafe *t = cookie;
	const unsigned char *p = (const unsigned char *)data;
	size_t n = size, taken;
	unsigned char *joined = NULL;

	if (t->ncarry) {
		joined = malloc(t->ncarry + size);
		if (!joined)
			return 0;
		memcpy(joined, t->carry, t->ncarry);
		memcpy(joined + t->ncarry, data, size);
		p = joined;
		n = t->ncarry + size;
	}
	strbuf_reset(&t->buf);
	taken = escape(&t->buf, p, n, 0);
	/* what is left is at most a CR or three bytes of one sequence */
	t->ncarry = n - taken;
	memcpy(t->carry, p + taken, t->ncarry);
	free(joined);
	if (t->buf.failed ||
	    fwrite(t->buf.buf, 1, t->buf.len, t->out) != t->buf.len)
		return 0;
	return (ssize_t)size;
}

static int termsafe_close(void *cookie)
{
	struct termsafe *t = cookie;
	int rc = 0;

	strbuf_reset(&t->buf);
	escape(&t->buf, t->carry, t->ncarry, 1);
	if (t->buf.failed ||
	    fwrite(t->buf.buf, 1, t->buf.len, t->out) != t->buf.len ||
	    fflush(t->out) != 0)
		rc = EOF;
	strbuf_release(&t->buf);
	free(t);
	return rc;
}

FILE *termsafe_open(FILE *out)
{
	static const cookie_io_functions_t io = {
		.write = termsafe_write,
		.close = termsafe_close,
	};
	struct termsafe *t = calloc(1, sizeof(*t));
	FILE *fp;

	if (!t)
		return NULL;
	t->out = out;
	strbuf_init(&t->buf);
	fp = fopencookie(t, "w", io);
	if (!fp) {
		strbuf_release(&t->buf);
		free(t);
	}
	return fp;
}
