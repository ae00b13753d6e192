/*
 * test_termsafe.c - control characters shown escaped, whole and when a
 * stream is written in pieces that cut sequences in two.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "termsafe.h"

static const char hostile[] =
	"Red \x1b[31m 忙\t tab\r\nCRLF, lone \r CR, C1 \xC2\x9B, DEL \x7f, "
	"stray \x9b\xff, cut \xE5\xBF";
static const char shown[] =
	"Red \\x1b[31m 忙\t tab\r\nCRLF, lone \\x0d CR, C1 \\u009b, DEL \\x7f, "
	"stray \\x9b\\xff, cut \\xe5\\xbf";

static void test_escape(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(termsafe_escape(&sb, hostile, strlen(hostile)), 0);
	assert_string_equal(sb.buf, shown);
	strbuf_reset(&sb);
	termsafe_escape(&sb, "plain 認証\n", strlen("plain 認証\n"));
	assert_string_equal(sb.buf, "plain 認証\n");
	strbuf_release(&sb);
}

/* Write hostile through a stream in pieces of every size from 1 byte. */
static void test_stream_in_pieces(void **state)
{
	(void)state;
	for (size_t piece = 1; piece <= 8; piece++) {
		char *got = NULL;
		size_t size = 0;
		FILE *mem = open_memstream(&got, &size);
		FILE *out;

		assert_non_null(mem);
		out = termsafe_open(mem);
		assert_non_null(out);
		setvbuf(out, NULL, _IONBF, 0);
		for (size_t i = 0; i < strlen(hostile); i += piece) {
			size_t n = strlen(hostile) - i;

			fwrite(hostile + i, 1, n < piece ? n : piece, out);
		}
		assert_int_equal(fclose(out), 0);
		assert_int_equal(fclose(mem), 0);
		assert_string_equal(got, shown);
		free(got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_stream_in_pieces),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
