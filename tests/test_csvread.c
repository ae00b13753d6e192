/*
 * test_csvread.c - CSV parsing: records, line numbers, and the input that
 * csvread refuses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "csvread.h"

/* What the callback saw: "LINE:field|field" per record, joined by ';'. */
struct seen {
	char log[1024];
	int records;
	int stop_after;
};

static int collect(void *ctx, const struct csv_record *rec, struct kb_error *err)
{
	struct seen *s = ctx;
	size_t n = strlen(s->log);

	snprintf(s->log + n, sizeof(s->log) - n, "%s%lu:", s->records ? ";" : "",
		 rec->line);
	for (size_t i = 0; i < rec->nfields; i++) {
		n = strlen(s->log);
		snprintf(s->log + n, sizeof(s->log) - n, "%s%s", i ? "|" : "",
			 rec->fields[i].data);
	}
	s->records++;
	if (s->stop_after && s->records == s->stop_after)
		return kb_error_set(err, "stopped");
	return 0;
}

/* Parse text (len bytes) and return csvread_stream's result. */
static int parse(const char *text, size_t len, struct seen *s,
		 struct kb_error *err)
{
	FILE *fp = fmemopen((void *)text, len, "rb");
	int rc;

	assert_non_null(fp);
	rc = csvread_stream(fp, collect, s, err);
	fclose(fp);
	return rc;
}

#define PARSE(text, s, err) parse(text, sizeof(text) - 1, s, err)

static void test_plain(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a,b\n1,2\n3,4", &s, &err), 0);
	assert_string_equal(s.log, "1:a|b;2:1|2;3:3|4");
}

static void test_bom_crlf_quotes(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("\xEF\xBB\xBFk,v\r\n\"x, \"\"y\"\"\",z\r\n", &s, &err), 0);
	assert_string_equal(s.log, "1:k|v;2:x, \"y\"|z");
}

static void test_multiline_field_line_numbers(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("h\n\"one\ntwo\nthree\"\nnext\n\nlast\n", &s, &err), 0);
	assert_string_equal(s.log, "1:h;2:one\ntwo\nthree;5:next;7:last");
}

static void test_empty_fields(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a,b,c\n,,\n", &s, &err), 0);
	assert_string_equal(s.log, "1:a|b|c;2:||");
}

static void test_unterminated_quote(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a,b\n1,\"open\nstill open\n", &s, &err), -1);
	assert_string_equal(err.msg, "2:2: unterminated quoted field");
}

static void test_quote_in_unquoted_field(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a,b\nx,\"y\"z\n", &s, &err), -1);
	assert_true(strncmp(err.msg, "2:2: malformed quoting", 22) == 0);
}

static void test_bare_cr(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a,b\r1,2\r", &s, &err), -1);
	assert_true(strstr(err.msg, "1:1: bare CR line end") == err.msg);
}

static void test_nul_byte(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};
	static const char text[] = "a,b\nx,y\0z\n";

	(void)state;
	assert_int_equal(parse(text, sizeof(text) - 1, &s, &err), -1);
	assert_string_equal(err.msg, "2:1: NUL byte in the file (at byte 4 of the line)");
}

static void test_utf16(void **state)
{
	struct seen s = {0};
	struct kb_error err = {{0}};
	static const char text[] = "\xFF\xFE" "a\0,\0b\0";

	(void)state;
	assert_int_equal(parse(text, sizeof(text) - 1, &s, &err), -1);
	assert_string_equal(err.msg, "1:1: file is UTF-16; save it as UTF-8");
}

static void test_callback_stops(void **state)
{
	struct seen s = {.stop_after = 2};
	struct kb_error err = {{0}};

	(void)state;
	assert_int_equal(PARSE("a\nb\nc\n", &s, &err), -1);
	assert_int_equal(s.records, 2);
	assert_string_equal(err.msg, "stopped");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_bom_crlf_quotes),
		cmocka_unit_test(test_multiline_field_line_numbers),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_quote_in_unquoted_field),
		cmocka_unit_test(test_bare_cr),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_callback_stops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
