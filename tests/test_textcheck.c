/*
 * test_textcheck.c - the doubled-word and placeholder checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "textcheck.h"

static void test_doubled_word(void **state)
{
	char word[64];

	(void)state;
	assert_int_equal(textcheck_doubled_word("You encounter 410 when when a user",
						word, sizeof(word)), 1);
	assert_string_equal(word, "when");
	assert_int_equal(textcheck_doubled_word("It is The the end", word,
						sizeof(word)), 1);
	assert_string_equal(word, "the");
	assert_int_equal(textcheck_doubled_word("100 (Trying): 100 Trying", word,
						sizeof(word)), 0);
	assert_int_equal(textcheck_doubled_word("Accept, Accept-Language", word,
						sizeof(word)), 0);
	assert_int_equal(textcheck_doubled_word("请求 Range 头字段 Range", word,
						sizeof(word)), 0);
	assert_int_equal(textcheck_doubled_word("", word, sizeof(word)), 0);
}

static void test_placeholders(void **state)
{
	char out[128];

	(void)state;
	assert_int_equal(textcheck_placeholders("{b} vs {a} ({a_reason})", out,
						sizeof(out)), 0);
	assert_string_equal(out, "{a_reason} {a} {b}");
	assert_int_equal(textcheck_placeholders("no placeholders", out, sizeof(out)), 0);
	assert_string_equal(out, "");
	assert_int_equal(textcheck_placeholders("{a", out, sizeof(out)), -1);
	assert_int_equal(textcheck_placeholders("a}", out, sizeof(out)), -1);
	assert_int_equal(textcheck_placeholders("{a{b}}", out, sizeof(out)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doubled_word),
		cmocka_unit_test(test_placeholders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
