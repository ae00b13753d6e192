/*
 * utf8.c - see utf8.h.
 */
#include "utf8.h"

long utf8_decode(const unsigned char *s, size_t len, size_t *used)
{
	unsigned char c = s[0];
	size_t n;
	long cp;
	long min;

	*used = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
		min = 0x10000;
	} else {
		return -1;
	}
	if (len < n)
		return -1;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*used = n;
	return cp;
}

size_t utf8_invalid_at(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t used;

		if (p[i] == 0)
			return i + 1;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (utf8_decode(p + i, len - i, &used) < 0)
			return i + 1;
		i += used;
	}
	return 0;
}

int utf8_is_control(long cp)
{
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp <= 0x9F);
}

size_t utf8_control_at(const char *s, size_t len, int lines, long *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t used;
		long c = utf8_decode(p + i, len - i, &used);
		int line_end = c == '\n' ||
			       (c == '\r' && i + 1 < len && p[i + 1] == '\n');

		if (utf8_is_control(c) && !(lines && (c == '\t' || line_end))) {
			*cp = c == '\r' && line_end ? '\n' : c;
			return i + 1;
		}
		i += used;
	}
	return 0;
}

static int is_wide(long cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

static int is_combining(long cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0xFE00 && cp <= 0xFE0F);
}

size_t utf8_width(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t width = 0;
	size_t i = 0;

	while (i < len) {
		size_t used;
		long cp = utf8_decode(p + i, len - i, &used);

		i += used;
		if (cp < 0)
			width++;
		else if (is_wide(cp))
			width += 2;
		else if (!is_combining(cp))
			width++;
	}
	return width;
}
