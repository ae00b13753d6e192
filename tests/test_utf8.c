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

static void test_controls(void **state)
{
	long cp = 0;

	(void)state;
	assert_int_equal(utf8_control_at("plain 忙", strlen("plain 忙"), 0, &cp), 0);
	assert_int_equal(utf8_control_at("a\x1b[2J", 6, 1, &cp), 2);
	assert_int_equal(cp, 0x1b);
	assert_int_equal(utf8_control_at("a\x7f", 2, 1, &cp), 2);
	assert_int_equal(cp, 0x7f);
	/* U+009B, the C1 control sequence introducer, is two bytes */
	assert_int_equal(utf8_control_at("ab\xC2\x9B", 4, 1, &cp), 3);
	assert_int_equal(cp, 0x9b);
	assert_int_equal(utf8_control_at("\xC2\xA0", 2, 0, &cp), 0);
	/* tab and line ends only where lines are allowed */
	assert_int_equal(utf8_control_at("a\tb\nc\r\nd", 8, 1, &cp), 0);
	assert_int_equal(utf8_control_at("a\tb", 3, 0, &cp), 2);
	assert_int_equal(cp, '\t');
	assert_int_equal(utf8_control_at("ab\r\n", 4, 0, &cp), 3);
	assert_int_equal(cp, '\n');
	assert_int_equal(utf8_control_at("a\rb", 3, 1, &cp), 2);
	assert_int_equal(cp, '\r');
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
		cmocka_unit_test(test_controls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
