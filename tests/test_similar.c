/*
 * test_similar.c - edit distance on folded letters, whole names, and the
 * vocabulary entries of a search document.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <string.h>

#include "similar.h"

static int dist(const char *a, const char *b, int max)
{
	return similar_distance(a, strlen(a), b, strlen(b), max);
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(dist("Unauthorized", "unauthorized", 3), 0);
	assert_int_equal(dist("unauthorised", "Unauthorized", 3), 1);
	assert_int_equal(dist("Unathorized", "Unauthorized", 3), 1);
	assert_int_equal(dist("gatway timeout", "Gateway Timeout", 3), 1);
	/* a swap of neighbours is one edit */
	assert_int_equal(dist("Fobridden", "Forbidden", 3), 1);
	assert_int_equal(dist("", "abc", 3), 3);
	assert_int_equal(dist("abc", "", 3), 3);
	/* past the bound: max + 1, early */
	assert_int_equal(dist("busy", "Request Timeout", 2), 3);
	assert_int_equal(dist("abcdef", "uvwxyz", 2), 3);
	/* letters, not bytes */
	assert_int_equal(dist("网关超市", "网关超时", 1), 1);
	assert_int_equal(dist("サーバ", "サーバー", 1), 1);
	/* Latin-1 and Latin Extended-A capitals fold */
	assert_int_equal(dist("ÉCHEC", "échec", 0), 0);
	assert_int_equal(dist("ŁÓDŹ", "łódź", 0), 0);
	assert_int_equal(dist("acces refuse", "accès refusé", 3), 2);
	/* fullwidth letters are the ASCII ones */
	assert_int_equal(dist("ＨＴＴＰ", "http", 0), 0);
	/* too long to compare: farther than any bound */
	{
		char longer[SIMILAR_MAX_CHARS + 2];

		memset(longer, 'a', sizeof(longer) - 1);
		longer[sizeof(longer) - 1] = '\0';
		assert_int_equal(dist(longer, longer, 5), 6);
	}
	/* malformed UTF-8 is a letter per byte, never a crash */
	assert_int_equal(dist("\xFF\xFE", "ab", 3), 2);
}

static void test_fold(void **state)
{
	(void)state;
	assert_int_equal(similar_fold('Q'), 'q');
	assert_int_equal(similar_fold(0xC9), 0xE9);     /* É é */
	assert_int_equal(similar_fold(0xD7), 0xD7);     /* × stays */
	assert_int_equal(similar_fold(0x178), 0xFF);    /* Ÿ ÿ */
	assert_int_equal(similar_fold(0x139), 0x13A);   /* Ĺ ĺ */
	assert_int_equal(similar_fold(0x13A), 0x13A);
	assert_int_equal(similar_fold(0x3000), ' ');
	assert_int_equal(similar_fold(0x5FD9), 0x5FD9); /* 忙 */
}

static void test_bare(void **state)
{
	(void)state;
	assert_int_equal(similar_bare(0xE9), 'e');      /* é */
	assert_int_equal(similar_bare(0xC9), 'e');      /* É */
	assert_int_equal(similar_bare(0xE7), 'c');      /* ç */
	assert_int_equal(similar_bare(0xE3), 'a');      /* ã */
	assert_int_equal(similar_bare(0xFC), 'u');      /* ü */
	assert_int_equal(similar_bare(0xF8), 'o');      /* ø */
	assert_int_equal(similar_bare(0xFF), 'y');      /* ÿ */
	assert_int_equal(similar_bare(0x178), 'y');     /* Ÿ */
	assert_int_equal(similar_bare(0x142), 'l');     /* ł */
	assert_int_equal(similar_bare(0x141), 'l');     /* Ł */
	assert_int_equal(similar_bare(0x17E), 'z');     /* ž */
	assert_int_equal(similar_bare(0x17F), 's');     /* ſ */
	assert_int_equal(similar_bare(0x131), 'i');     /* ı */
	assert_int_equal(similar_bare(0x130), 'i');     /* İ */
	/* letters with no base letter stay themselves, folded */
	assert_int_equal(similar_bare(0xE6), 0xE6);     /* æ */
	assert_int_equal(similar_bare(0xC6), 0xE6);     /* Æ æ */
	assert_int_equal(similar_bare(0xDF), 0xDF);     /* ß */
	assert_int_equal(similar_bare(0x153), 0x153);   /* œ */
	assert_int_equal(similar_bare(0xF7), 0xF7);     /* ÷ */
	assert_int_equal(similar_bare('Q'), 'q');
	assert_int_equal(similar_bare(0x5FD9), 0x5FD9); /* 忙 */
}

static int whole(const char *body, const char *q)
{
	return similar_whole(body, strlen(body), q, strlen(q));
}

static void test_whole(void **state)
{
	(void)state;
	assert_true(whole("Not Found", "not found"));
	assert_true(whole("Not Found", " NOT FOUND "));
	assert_false(whole("Not Found", "found"));
	/* each line of a list of terms, each phrase of former phrases */
	assert_true(whole("rate limit\nthrottled", "Throttled"));
	assert_false(whole("rate limit\nthrottled", "limit"));
	assert_true(whole("Payload Too Large; Request Entity Too Large",
			  "request entity too large"));
	assert_false(whole("", ""));
}

/* search_words(body) through SQLite, as search_flush calls it */
static char *words(sqlite3 *db, const char *body)
{
	sqlite3_stmt *st;
	char *out = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT search_words(?1)", -1,
					    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (sqlite3_column_text(st, 0))
		out = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void test_words(void **state)
{
	sqlite3 *db;
	char *w;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(similar_register(db), SQLITE_OK);
	w = words(db, "Gateway Timeout");
	assert_string_equal(w, "[[\"gateway timeout\",\"Gateway Timeout\",15],"
			    "[\"gateway\",\"Gateway\",7],[\"timeout\",\"Timeout\",7]]");
	sqlite3_free(w);
	/* lines and phrases are parts; short words and numbers are not
	 * entries; a duplicate is dropped */
	w = words(db, "rate limit\nRate Limit; 429 now\n\"x\\y\"");
	assert_string_equal(w, "[[\"rate limit\",\"rate limit\",10],"
			    "[\"rate\",\"rate\",4],[\"limit\",\"limit\",5],"
			    "[\"429 now\",\"429 now\",7],"
			    "[\"\\\"x\\\\y\\\"\",\"\\\"x\\\\y\\\"\",5]]");
	sqlite3_free(w);
	w = words(db, "未找到");
	assert_string_equal(w, "[[\"未找到\",\"未找到\",3]]");
	sqlite3_free(w);
	w = words(db, "");
	assert_string_equal(w, "[]");
	sqlite3_free(w);
	/* search_fold() gives the key a word has in the vocabulary */
	{
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(db, "SELECT search_fold(' \tÉCHEC  Ŀ ')",
						    -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "échec  ŀ");
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
