/*
 * test_fill.c - fill(), differing_keys() and join_list() (lib/fill.h),
 * through SQL on an in-memory database, the objects fill() keeps read, and
 * the log of unfilled placeholders.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fill.h"

static int setup(void **state)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    fill_register(db) != SQLITE_OK)
		return -1;
	*state = db;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* The one value of sql, as a malloc'ed string ("NULL" for NULL, "ERROR:
 * message" on an error). */
static char *eval(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) != SQLITE_ROW) {
		const char *msg = sqlite3_errmsg(db);

		out = malloc(strlen(msg) + 8);
		strcpy(out, "ERROR: ");
		strcat(out, msg);
	} else if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
		out = strdup("NULL");
	} else {
		out = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return out;
}

static void expect(sqlite3 *db, const char *sql, const char *want)
{
	char *got = eval(db, sql);

	assert_string_equal(got, want);
	free(got);
}

static void fills_names_from_objects(void **state)
{
	sqlite3 *db = *state;

	expect(db, "SELECT fill('{a} ({a_reason}) vs {b}', "
	       "json_object('a', '486', 'a_reason', 'Busy Here', 'b', 600))",
	       "486 (Busy Here) vs 600");
	/* the first object that has a name wins; NULL objects are skipped */
	expect(db, "SELECT fill('{code}: {reason}', json_object('code', "
	       "'SIP 503'), NULL, json_object('code', '503', 'reason', "
	       "'Service Unavailable'))", "SIP 503: Service Unavailable");
	expect(db, "SELECT fill(NULL, json_object('a', 1))", "NULL");
	expect(db, "SELECT fill('no placeholders')", "no placeholders");
}

static void values_are_never_templates(void **state)
{
	sqlite3 *db = *state;

	/* a value that looks like a placeholder stays as it is */
	expect(db, "SELECT fill('{a}{b}', json_object('a', '{b}', 'b', 'x'))",
	       "{b}x");
	/* escapes, control characters and non-ASCII come through whole */
	expect(db, "SELECT fill('[{a}]', json_object('a', 'say \"hi\" \\ "
	       "' || char(10) || char(1) || '忙 😀'))",
	       "[say \"hi\" \\ \n\x01忙 😀]");
	expect(db, "SELECT fill('{a}', '{\"a\":\"\\ud83d\\ude00 \\u00e9\"}')",
	       "😀 é");
}

static void unfilled_placeholders_stay(void **state)
{
	sqlite3 *db = *state;
	struct strbuf log = STRBUF_INIT;

	fill_log_start();
	expect(db, "SELECT fill('{a} and {missing} and {n}', "
	       "json_object('a', 1, 'n', NULL))",
	       "1 and {missing} and {n}");
	/* braces that are not a placeholder are text */
	expect(db, "SELECT fill('{ } {a-b} {{a}}', json_object('a', 'x'))",
	       "{ } {a-b} {x}");
	expect(db, "SELECT fill('{a} and {missing} and {n}', "
	       "json_object('a', 2, 'n', NULL))", "2 and {missing} and {n}");
	/* each template and name once, in the order met */
	assert_int_equal(fill_log_take(&log), 2);
	assert_string_equal(log.buf, "{a} and {missing} and {n}\tmissing\n"
			    "{a} and {missing} and {n}\tn\n");
	strbuf_release(&log);
	/* the log is off again */
	expect(db, "SELECT fill('{gone}', json_object())", "{gone}");
	assert_int_equal(fill_log_take(&log), 0);
	strbuf_release(&log);
}

/* A choice of forms gives the form its value chooses, never the value; a
 * value with JSON escapes is chosen by as decoded; a choice whose value
 * is missing stays, and is logged, as a placeholder does. */
static void chooses_forms_by_value(void **state)
{
	sqlite3 *db = *state;
	struct strbuf log = STRBUF_INIT;

	expect(db, "SELECT fill('{a}{a|final:은|는}, {b}{b|final:은|는}', "
	       "json_object('a', 486, 'b', '302'))", "486은, 302는");
	expect(db, "SELECT fill('{n} {n|<2:résultat|résultats}', "
	       "json_object('n', 0))", "0 résultat");
	expect(db, "SELECT fill('{x|vowel:l''|le }{x}', json_object('x', "
	       "'\u00e9tat'))", "l'état");
	expect(db, "SELECT fill('{x|^\"q:quoted|plain}', '{\"x\": "
	       "\"\\\"quote\"}')", "quoted");
	expect(db, "SELECT fill('{k|^réponse:une|un} {k}', json_object('k', "
	       "'code de fermeture'))", "un code de fermeture");
	/* join_list's templates choose too: Spanish "y" is "e" before i- */
	expect(db, "SELECT join_list(v, '{a}, {b}', '{a} {b|^I:e|y} {b}') FROM "
	       "(SELECT 'Contact' AS v UNION ALL SELECT 'Identity')",
	       "Contact e Identity");
	fill_log_start();
	expect(db, "SELECT fill('{gone|=1:a|b}!', json_object())",
	       "{gone|=1:a|b}!");
	assert_int_equal(fill_log_take(&log), 1);
	assert_string_equal(log.buf, "{gone|=1:a|b}!\tgone\n");
	strbuf_release(&log);
}

static void refuses_what_is_not_an_object(void **state)
{
	sqlite3 *db = *state;

	expect(db, "SELECT fill('{a}', '[1, 2]')",
	       "ERROR: fill: a values argument is not a JSON object of at "
	       "most 64 names");
	expect(db, "SELECT fill('{a}', '{\"a\": \"unterminated')",
	       "ERROR: fill: a values argument is not a JSON object of at "
	       "most 64 names");
	expect(db, "SELECT fill('{a}', '{\"a\": \"bad \\x escape\"}')",
	       "ERROR: fill: a value has a malformed JSON escape");
	/* nested values are kept as JSON text */
	expect(db, "SELECT fill('{a}', json_object('a', json_array(1, 'x')))",
	       "[1,\"x\"]");
}

/* An object read from the cache fills as one read afresh, however many
 * objects come between; a long object with many names too. */
static void fills_the_same_from_kept_objects(void **state)
{
	sqlite3 *db = *state;
	/* longer than what is read again without being kept */
	const char *a = "json_object('a', 'first', 'pad', printf('%.200c', 'x'))";
	const char *b = "json_object('a', 'second', 'pad', printf('%.200c', 'y'))";
	char sql[1024];

	for (int round = 0; round < 3; round++) {
		snprintf(sql, sizeof(sql), "SELECT fill('{a}', %s)", a);
		expect(db, sql, "first");
		snprintf(sql, sizeof(sql), "SELECT fill('{a}', %s)", b);
		expect(db, sql, "second");
		/* the first object that has the name wins, kept or not */
		snprintf(sql, sizeof(sql), "SELECT fill('{a}', %s, %s)", b, a);
		expect(db, sql, "second");
	}
	/* more objects in one call than are kept: all of them count */
	expect(db, "SELECT fill('{a}{b}{c}{d}{e}{f}{g}{h}{i}', "
		   "json_object('a', 1, 'p', printf('%.150c', 'a')), "
		   "json_object('b', 2, 'p', printf('%.150c', 'b')), "
		   "json_object('c', 3, 'p', printf('%.150c', 'c')), "
		   "json_object('d', 4, 'p', printf('%.150c', 'd')), "
		   "json_object('e', 5, 'p', printf('%.150c', 'e')), "
		   "json_object('f', 6, 'p', printf('%.150c', 'f')), "
		   "json_object('g', 7, 'p', printf('%.150c', 'g')), "
		   "json_object('h', 8, 'p', printf('%.150c', 'h')), "
		   "json_object('i', 9, 'p', printf('%.150c', 'i')))",
	       "123456789");
	/* a long object with a malformed value fails again when kept */
	for (int round = 0; round < 2; round++)
		expect(db, "SELECT fill('{b}', '{\"a\": \"' || "
			   "printf('%.300c', 'z') || '\", \"b\": \"bad \\x\"}')",
		       "ERROR: fill: a value has a malformed JSON escape");
}

static void tells_which_keys_differ(void **state)
{
	sqlite3 *db = *state;

	expect(db, "SELECT differing_keys('{\"x\":1,\"y\":2,\"z\":3}', "
		   "'{\"x\":[1],\"y\":[2]}', '{\"y\":[2],\"z\":[4]}')",
	       "{\"x\":1,\"z\":3}");
	/* in order's order, with its values as they are */
	expect(db, "SELECT differing_keys(json_object('b', 'two', 'a', "
		   "json_array(1), 'c', 'q\"t'), json_object('a', 1, 'b', 'x'), "
		   "json_object('a', 2, 'b', 'y', 'c', 0))",
	       "{\"b\":\"two\",\"a\":[1],\"c\":\"q\\\"t\"}");
	/* a null value is none; the same text is the same value */
	expect(db, "SELECT differing_keys('{\"a\":0,\"b\":0}', "
		   "'{\"a\":null,\"b\":\"s\"}', '{\"b\":\"s\"}')", "{}");
	/* a string and a number of the same text differ */
	expect(db, "SELECT differing_keys('{\"a\":0}', '{\"a\":\"1\"}', "
		   "'{\"a\":1}')", "{\"a\":0}");
	/* a NULL object has no names; a NULL order gives NULL */
	expect(db, "SELECT differing_keys('{\"a\":0}', NULL, '{\"a\":1}')",
	       "{\"a\":0}");
	expect(db, "SELECT differing_keys(NULL, '{}', '{}')", "NULL");
	expect(db, "SELECT differing_keys('[1]', '{}', '{}')",
	       "ERROR: differing_keys: an argument is not a JSON object of at "
	       "most 64 names");
}

static void joins_lists(void **state)
{
	sqlite3 *db = *state;
	const char *sql = "SELECT join_list(v, '{a}, {b}', '{a} or {b}') FROM "
			  "(SELECT value AS v FROM json_each(?1))";
	static const char *const cases[][2] = {
		{"[]", "NULL"},
		{"[\"a UAS\"]", "a UAS"},
		{"[\"a UAS\", \"a proxy\"]", "a UAS or a proxy"},
		{"[\"x\", null, \"y\", \"z\"]", "x, y or z"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sqlite3_stmt *st = NULL;
		const char *got;

		assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_text(st, 1, cases[i][0], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		got = (const char *)sqlite3_column_text(st, 0);
		assert_string_equal(got ? got : "NULL", cases[i][1]);
		sqlite3_finalize(st);
	}
	expect(db, "SELECT join_list(v, '{a}、{b}', '{a}或{b}') FROM (SELECT "
	       "'UAS' AS v UNION ALL SELECT '代理' UNION ALL SELECT '注册服务器')",
	       "UAS、代理或注册服务器");
}

static void finds_the_first_sentence(void **state)
{
	sqlite3 *db = *state;

	expect(db, "SELECT first_sentence('A 486 is busy. It may retry. ', 'Busy Here')",
	       "A 486 is busy.");
	/* the full stop of the reason phrase does not end it */
	expect(db, "SELECT first_sentence('1010 Mandatory Ext. bedeutet das. Mehr.', "
	       "'Mandatory Ext.')", "1010 Mandatory Ext. bedeutet das.");
	/* "。" ends it wherever it is */
	expect(db, "SELECT first_sentence('486 Busy Here 表示忙。可以重试。', 'Busy Here')",
	       "486 Busy Here 表示忙。");
	expect(db, "SELECT first_sentence('no stop at all', 'x')", "no stop at all");
	expect(db, "SELECT coalesce(first_sentence(NULL, 'x'), 'NULL')", "NULL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(fills_names_from_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(values_are_never_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(unfilled_placeholders_stay, setup, teardown),
		cmocka_unit_test_setup_teardown(chooses_forms_by_value, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_what_is_not_an_object, setup, teardown),
		cmocka_unit_test_setup_teardown(fills_the_same_from_kept_objects, setup, teardown),
		cmocka_unit_test_setup_teardown(tells_which_keys_differ, setup, teardown),
		cmocka_unit_test_setup_teardown(joins_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(finds_the_first_sentence, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
