/*
 * cjk.c - CJK letters and the spaced text of the search_cjk index.
 */
#include "cjk.h"

#include <string.h>

#include "utf8.h"

int cjk_is_letter(long cp)
{
	return (cp >= 0x3005 && cp <= 0x3007) ||   /* 々 〆 〇 */
	       (cp >= 0x3041 && cp <= 0x309F) ||   /* hiragana */
	       (cp >= 0x30A1 && cp <= 0x30FF && cp != 0x30FB) || /* katakana */
	       (cp >= 0x3131 && cp <= 0x318E) ||   /* Hangul compatibility jamo */
	       (cp >= 0x31F0 && cp <= 0x31FF) ||   /* katakana extensions */
	       (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK extension A */
	       (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified ideographs */
	       (cp >= 0xAC00 && cp <= 0xD7A3) ||   /* Hangul syllables */
	       (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility */
	       (cp >= 0xFF66 && cp <= 0xFF9F) ||   /* halfwidth katakana */
	       (cp >= 0x20000 && cp <= 0x3134F);   /* extensions B to G */
}

int cjk_is_word(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used;

	if (len == 0)
		return 0;
	for (size_t i = 0; i < len; i += used)
		if (!cjk_is_letter(utf8_decode(p + i, len - i, &used)))
			return 0;
	return 1;
}

int cjk_has_letter(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used;

	for (size_t i = 0; i < len; i += used)
		if (cjk_is_letter(utf8_decode(p + i, len - i, &used)))
			return 1;
	return 0;
}

char *cjk_spaced(const char *s, size_t len, int *found)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = sqlite3_malloc64((sqlite3_uint64)len * 2 + 1);
	size_t n = 0;
	size_t used;
	int prev = 0;

	*found = 0;
	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i += used) {
		int cur = cjk_is_letter(utf8_decode(p + i, len - i, &used));

		if (cur && prev)
			out[n++] = ' ';
		memcpy(out + n, s + i, used);
		n += used;
		*found |= cur;
		prev = cur;
	}
	out[n] = '\0';
	return out;
}

static void sql_cjk_spaced(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	int found;
	char *out;

	(void)argc;
	if (!s)
		return;         /* NULL in, NULL out */
	out = cjk_spaced(s, (size_t)sqlite3_value_bytes(argv[0]), &found);
	if (!out) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!found) {
		sqlite3_free(out);
		return;
	}
	sqlite3_result_text(ctx, out, -1, sqlite3_free);
}

int cjk_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "cjk_spaced", 1,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				       SQLITE_INNOCUOUS,
				       NULL, sql_cjk_spaced, NULL, NULL);
}
