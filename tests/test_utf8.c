/*
 * test_utf8.c - strict UTF-8 validation and display width.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "utf8.h"

static size_t bad_at(const char *s, size_t len)
{
	return utf8_invalid_at(s, len);
}

static void test_valid(void **state)
{
	static const char text[] = "Busy Here 忙 認証 \xF0\x9F\x98\x80 é";

	(void)state;
	assert_int_equal(bad_at(text, strlen(text)), 0);
	assert_int_equal(bad_at("", 0), 0);
}

static void test_overlong(void **state)
{
	(void)state;
	/* "/" as two and three bytes */
	assert_int_equal(bad_at("a\xC0\xAF", 3), 2);
	assert_int_equal(bad_at("ab\xE0\x80\xAF", 5), 3);
	assert_int_equal(bad_at("\xF0\x80\x80\xAF", 4), 1);
}

static void test_surrogates_and_range(void **state)
{
	(void)state;
	assert_int_equal(bad_at("\xED\xA0\x80", 3), 1);
	assert_int_equal(bad_at("\xF4\x90\x80\x80", 4), 1);
	assert_int_equal(bad_at("\xF5\x80\x80\x80", 4), 1);
}

static void test_truncated_and_stray(void **state)
{
	(void)state;
	assert_int_equal(bad_at("abc\xE5\xBF", 5), 4);
	assert_int_equal(bad_at("\x80", 1), 1);
	assert_int_equal(bad_at("ok\xFF", 3), 3);
}

static void test_nul(void **state)
{
	(void)state;
	assert_int_equal(bad_at("ab\0cd", 5), 3);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("abc", 3), 3);
	assert_int_equal(utf8_width("忙碌", strlen("忙碌")), 4);
	assert_int_equal(utf8_width("クラス", strlen("クラス")), 6);
	assert_int_equal(utf8_width("e\xCC\x81", 3), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogates_and_range),
		cmocka_unit_test(test_truncated_and_stray),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
