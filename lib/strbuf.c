/*
 * strbuf.c - see strbuf.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

/* What an empty strbuf points at, so that buf is a string before the first
 * allocation.  Never written to: only buffers with cap > 0 are. */
char strbuf_empty[1];

void strbuf_init(struct strbuf *sb)
{
	sb->buf = strbuf_empty;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = 0;
}

static int fail(struct strbuf *sb)
{
	sb->failed = 1;
	return -1;
}

int strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t need, cap;
	char *grown;

	if (sb->failed)
		return -1;
	if (extra > SIZE_MAX - 1 - sb->len)
		return fail(sb);
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return 0;
	cap = sb->cap ? sb->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	/* realloc(strbuf_empty) would be wrong: start a new block instead */
	grown = realloc(sb->cap ? sb->buf : NULL, cap);
	if (!grown)
		return fail(sb);
	if (!sb->cap)
		grown[0] = '\0';
	sb->buf = grown;
	sb->cap = cap;
	return 0;
}

int strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (strbuf_grow(sb, len) < 0)
		return -1;
	if (len)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
	return 0;
}

int strbuf_addstr(struct strbuf *sb, const char *s)
{
	return strbuf_add(sb, s, strlen(s));
}

int strbuf_addch(struct strbuf *sb, int c)
{
	char ch = (char)c;

	return strbuf_add(sb, &ch, 1);
}

int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	if (sb->failed)
		return -1;
	/* First into whatever room there is, which is often enough; the
	 * count vsnprintf returns says how much to grow if it was not. */
	va_copy(again, ap);
	n = vsnprintf(sb->cap ? sb->buf + sb->len : NULL,
		      sb->cap ? sb->cap - sb->len : 0, fmt, ap);
	if (n < 0) {
		va_end(again);
		if (sb->cap)
			sb->buf[sb->len] = '\0';
		return fail(sb);
	}
	if ((size_t)n >= (sb->cap ? sb->cap - sb->len : 0)) {
		if (strbuf_grow(sb, (size_t)n) < 0) {
			va_end(again);
			if (sb->cap)
				sb->buf[sb->len] = '\0';
			return -1;
		}
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, again);
	}
	va_end(again);
	sb->len += (size_t)n;
	return 0;
}

int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->failed = 0;
	if (sb->cap)
		sb->buf[0] = '\0';
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *s;

	if (sb->failed) {
		strbuf_release(sb);
		return NULL;
	}
	if (!sb->cap && strbuf_grow(sb, 0) < 0) {
		strbuf_init(sb);
		return NULL;
	}
	s = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb);
	return s;
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->cap)
		free(sb->buf);
	strbuf_init(sb);
}
