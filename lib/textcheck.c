/*
 * textcheck.c - see textcheck.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textcheck.h"

int textcheck_doubled_word(const char *s, char *word, size_t size)
{
	char prev[64] = "";
	char cur[64];
	const char *p = s;

	while (*p) {
		size_t n = 0;
		int spaces_only = 1;

		while (*p && !isalnum((unsigned char)*p)) {
			spaces_only &= *p == ' ';
			p++;
		}
		while (isalnum((unsigned char)p[n]))
			n++;
		if (n == 0)
			break;
		snprintf(cur, sizeof(cur), "%.*s", (int)n, p);
		for (char *c = cur; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		if (n > 1 && spaces_only && isalpha((unsigned char)cur[0]) &&
		    strcmp(cur, prev) == 0) {
			snprintf(word, size, "%s", cur);
			return 1;
		}
		memcpy(prev, cur, sizeof(prev));
		p += n;
	}
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int textcheck_placeholders(const char *s, char *out, size_t size)
{
	const char *names[64];
	size_t lens[64];
	size_t n = 0;
	size_t used = 0;
	char *copies[64];

	out[0] = '\0';
	while ((s = strpbrk(s, "{}")) != NULL) {
		const char *end = strchr(s, '}');

		if (*s == '}' || !end || memchr(s + 1, '{', (size_t)(end - s - 1)))
			return -1;
		if (n < 64) {
			names[n] = s;
			lens[n] = (size_t)(end - s + 1);
			n++;
		}
		s = end + 1;
	}
	for (size_t i = 0; i < n; i++) {
		copies[i] = malloc(lens[i] + 1);
		if (!copies[i]) {
			n = i;
			break;
		}
		memcpy(copies[i], names[i], lens[i]);
		copies[i][lens[i]] = '\0';
	}
	qsort(copies, n, sizeof(*copies), cmp_str);
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(out + used, size - used, "%s%s", i ? " " : "",
				 copies[i]);

		if (w > 0 && (size_t)w < size - used)
			used += (size_t)w;
		free(copies[i]);
	}
	return 0;
}
