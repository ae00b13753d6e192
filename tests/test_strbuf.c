/*
 * test_strbuf.c - the growing string: appends of every kind, long text
 * kept whole, and a failed append that reports itself and adds nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static void test_empty(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct strbuf other;

	(void)state;
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
	strbuf_init(&other);
	assert_string_equal(other.buf, "");
	strbuf_reset(&sb);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
	strbuf_release(&other);
}

static void test_appends(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(strbuf_addstr(&sb, "known: "), 0);
	assert_int_equal(strbuf_add(&sb, "HTTPS", 4), 0);
	assert_int_equal(strbuf_addch(&sb, ','), 0);
	assert_int_equal(strbuf_addf(&sb, " %s %d%%", "SIP", 100), 0);
	assert_string_equal(sb.buf, "known: HTTP, SIP 100%");
	assert_int_equal(sb.len, strlen("known: HTTP, SIP 100%"));
	assert_int_equal(sb.failed, 0);
	strbuf_reset(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(strbuf_addf(&sb, "%s", ""), 0);
	assert_string_equal(sb.buf, "");
	assert_int_equal(strbuf_addch(&sb, 'x'), 0);
	assert_string_equal(sb.buf, "x");
	strbuf_release(&sb);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.len, 0);
}

/* Text far past the first allocation, by every kind of append, is kept
 * whole: the point of the type is that nothing is cut short. */
static void test_long_text(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = 100000;
	char *big = malloc(n + 1);

	(void)state;
	assert_non_null(big);
	memset(big, 'a', n);
	big[n] = '\0';
	assert_int_equal(strbuf_addf(&sb, "<%s>", big), 0);
	assert_int_equal(sb.len, n + 2);
	assert_int_equal(sb.buf[0], '<');
	assert_int_equal(sb.buf[n + 1], '>');
	assert_int_equal(sb.buf[n + 2], '\0');
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strbuf_addch(&sb, 'b'), 0);
	assert_int_equal(strbuf_add(&sb, big, n), 0);
	assert_int_equal(sb.len, 3 * n + 2);
	assert_int_equal(strlen(sb.buf), 3 * n + 2);
	/* a printf that only just fits, and one that just does not */
	strbuf_reset(&sb);
	while (sb.cap - sb.len > 2)
		strbuf_addch(&sb, 'c');
	assert_int_equal(strbuf_addf(&sb, "%s", "d"), 0);
	assert_int_equal(strbuf_addf(&sb, "%s", "ef"), 0);
	assert_int_equal(sb.buf[sb.len - 3], 'd');
	assert_string_equal(sb.buf + sb.len - 2, "ef");
	strbuf_release(&sb);
	free(big);
}

/* NUL bytes are data like any other. */
static void test_nul_bytes(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_add(&sb, "a\0b", 3);
	strbuf_addf(&sb, "%c", 0);
	assert_int_equal(sb.len, 4);
	assert_memory_equal(sb.buf, "a\0b\0", 5);
	strbuf_release(&sb);
}

/* An append too large to be possible fails without crashing, leaves the
 * text as it was, and makes every later append fail until a reset. */
static void test_failure_reported(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "kept");
	assert_int_equal(strbuf_add(&sb, "x", SIZE_MAX - 2), -1);
	assert_int_equal(sb.failed, 1);
	assert_string_equal(sb.buf, "kept");
	assert_int_equal(sb.len, 4);
	assert_int_equal(strbuf_addstr(&sb, "more"), -1);
	assert_int_equal(strbuf_addch(&sb, 'y'), -1);
	assert_int_equal(strbuf_addf(&sb, "%d", 1), -1);
	assert_string_equal(sb.buf, "kept");
	/* incomplete text is not handed over */
	assert_null(strbuf_detach(&sb, NULL));
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.failed, 0);

	strbuf_addstr(&sb, "again");
	assert_int_equal(strbuf_grow(&sb, SIZE_MAX), -1);
	strbuf_reset(&sb);
	assert_int_equal(sb.failed, 0);
	assert_int_equal(strbuf_addstr(&sb, "fine"), 0);
	assert_string_equal(sb.buf, "fine");
	strbuf_release(&sb);
}

static void test_detach(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = 99;
	char *s;

	(void)state;
	/* even an empty buffer gives a string the caller can free */
	s = strbuf_detach(&sb, &len);
	assert_non_null(s);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	strbuf_addf(&sb, "%s-%s", "zh", "CN");
	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "zh-CN");
	assert_int_equal(len, 5);
	assert_string_equal(sb.buf, "");
	assert_int_equal(sb.cap, 0);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_failure_reported),
		cmocka_unit_test(test_detach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
