/*
 * strbuf.h - a string that grows as it is appended to.
 *
 *     struct strbuf sb = STRBUF_INIT;
 *     strbuf_addstr(&sb, "known: ");
 *     strbuf_addf(&sb, "%s, %s", a, b);
 *     if (sb.failed)
 *             return kb_error_set(err, "out of memory");
 *     puts(sb.buf);
 *     strbuf_release(&sb);
 *
 * sb.buf is always a NUL-terminated string, "" before anything is added,
 * and may hold NUL bytes of its own (sb.len counts them).  An append that
 * cannot get the memory, or whose size would overflow, adds nothing,
 * returns -1 and sets sb.failed; every later append then fails too, so a
 * caller can make several and check once.  Nothing is ever cut short.
 */
#ifndef CODEKB_STRBUF_H
#define CODEKB_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	/* the text, NUL-terminated; points at a shared "" until it grows */
	char *buf;
	/* its length, without the NUL */
	size_t len;
	/* bytes allocated for buf, 0 while it is the shared "" */
	size_t cap;
	/* set once an append has failed */
	int failed;
};

extern char strbuf_empty[];

#define STRBUF_INIT {strbuf_empty, 0, 0, 0}

void strbuf_init(struct strbuf *sb);

/* Make room for extra more bytes (and the NUL).  0, or -1. */
int strbuf_grow(struct strbuf *sb, size_t extra);

/* Append len bytes of data.  0, or -1 with nothing added. */
int strbuf_add(struct strbuf *sb, const void *data, size_t len);

/* Append the string s. */
int strbuf_addstr(struct strbuf *sb, const char *s);

/* Append the byte c. */
int strbuf_addch(struct strbuf *sb, int c);

/* Append printf(fmt, ...), however long it is. */
int strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Empty sb, keeping its memory, and clear sb->failed. */
void strbuf_reset(struct strbuf *sb);

/*
 * Hand the text over as a malloc'ed string, its length in *len if len is
 * not NULL, and leave sb empty.  Returns NULL, and frees the text, if an
 * append failed (the text would be incomplete) or memory runs out.
 */
char *strbuf_detach(struct strbuf *sb, size_t *len);

/* Free the text and leave sb empty. */
void strbuf_release(struct strbuf *sb);

#endif
