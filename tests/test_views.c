/*
 * test_views.c - the views over the shipped data: language fallback, the
 * comparison text (localized, grammatical, fully filled in), language
 * tags, and the escaping of CSV and Markdown output.
 *
 * Group setup imports data/ into a new database once; the tests read it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "embedded.h"
#include "import.h"
#include "lang.h"
#include "output.h"
#include "textcheck.h"

struct fixture {
	char path[512];
	sqlite3 *db;
};

static int group_setup(void **state)
{
	static struct fixture f;
	struct import_options opt = {0};
	const char *tmp = getenv("CODEKB_TMP");
	char *data = getenv("CODEKB_DATA");
	struct kb_error err = {{0}};
	FILE *sink = fopen("/dev/null", "w");

	snprintf(f.path, sizeof(f.path), "%s/views.%d.db", tmp ? tmp : "/tmp",
		 (int)getpid());
	unlink(f.path);
	opt.db_path = f.path;
	if (!data || import_run(&opt, &data, 1, sink, stderr) != 0)
		return -1;
	fclose(sink);
	if (db_open(f.path, DB_READONLY, &f.db, &err) < 0 ||
	    db_check_schema(f.db, f.path, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	*state = &f;
	return 0;
}

static int group_teardown(void **state)
{
	struct fixture *f = *state;
	char wal[600];

	sqlite3_close(f->db);
	unlink(f->path);
	snprintf(wal, sizeof(wal), "%s-wal", f->path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", f->path);
	unlink(wal);
	return 0;
}

/* Run sql with up to three text parameters; returns a malloc'ed copy of
 * the first column of the first row, or NULL if there is no row. */
static char *one(struct fixture *f, const char *sql, const char *p1,
		 const char *p2, const char *p3)
{
	sqlite3_stmt *st = NULL;
	const char *params[] = {p1, p2, p3};
	char *result = NULL;

	assert_int_equal(sqlite3_prepare_v2(f->db, sql, -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < 3; i++)
		if (params[i])
			sqlite3_bind_text(st, i + 1, params[i], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		result = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return result;
}

static char *compare(struct fixture *f, const char *lang, const char *a,
		     const char *b)
{
	char sql[256];

	snprintf(sql, sizeof(sql), "SELECT markdown FROM comparison WHERE "
		 "locale = ?1 AND protocol = 'SIP' AND code_a = '%s' AND "
		 "vendor_a = '' AND protocol_b = 'SIP' AND code_b = '%s' AND "
		 "vendor_b = ''", a, b);
	return one(f, sql, lang, NULL, NULL);
}

static void test_fallback_to_english(void **state)
{
	struct fixture *f = *state;
	/* Italian has no texts: every field falls back, none is empty */
	char *ko = one(f, "SELECT description FROM code_l10n WHERE locale = 'it' "
		       "AND protocol = 'SIP' AND code = 486", NULL, NULL, NULL);
	char *en = one(f, "SELECT description FROM code_l10n WHERE locale = 'en' "
		       "AND protocol = 'SIP' AND code = 486", NULL, NULL, NULL);
	char *empty = one(f, "SELECT count(*) FROM code_l10n WHERE "
			  "coalesce(description, '') = '' OR "
			  "coalesce(when_seen, '') = '' OR "
			  "coalesce(how_to_fix, '') = ''", NULL, NULL, NULL);

	(void)state;
	assert_non_null(ko);
	assert_string_equal(ko, en);
	assert_string_equal(empty, "0");
	free(ko);
	free(en);
	free(empty);
}

static void test_translated_text_is_used(void **state)
{
	struct fixture *f = *state;
	char *zh = one(f, "SELECT description FROM code_l10n WHERE locale = 'zh' "
		       "AND protocol = 'SIP' AND code = 486", NULL, NULL, NULL);
	char *en = one(f, "SELECT description FROM code_l10n WHERE locale = 'en' "
		       "AND protocol = 'SIP' AND code = 486", NULL, NULL, NULL);

	assert_non_null(zh);
	assert_string_not_equal(zh, en);
	assert_non_null(strstr(zh, "。"));
	free(zh);
	free(en);
}

/* A summary is the first sentence, and the full stop of a reason phrase
 * the text names does not end it: de "1010 Mandatory Ext. bedeutet, ..." */
static void test_summary_is_a_sentence(void **state)
{
	struct fixture *f = *state;
	char *de = one(f, "SELECT summary FROM code_l10n WHERE locale = 'de' "
		       "AND protocol = 'WEBSOCKET' AND code = '1010'",
		       NULL, NULL, NULL);
	char *when = one(f, "SELECT when_first FROM code_l10n WHERE locale = "
			 "'pt' AND protocol = 'WEBSOCKET' AND code = '1010'",
			 NULL, NULL, NULL);
	/* no summary anywhere stops at the end of its code's reason */
	char *cut = one(f, "SELECT count(*) FROM code_l10n WHERE "
			"summary LIKE '%' || reason OR when_first LIKE '%' || reason",
			NULL, NULL, NULL);

	assert_non_null(de);
	assert_non_null(when);
	assert_non_null(strstr(de, "Mandatory Ext. bedeutet"));
	assert_non_null(strstr(when, "Mandatory Ext. é raro"));
	assert_string_equal(cut, "0");
	free(de);
	free(when);
	free(cut);
}

/* A code page lists its equivalents by protocol and then in the order of
 * that protocol's codes, in its Markdown and its JSON alike: gRPC 3
 * (INVALID_ARGUMENT) before 13 (INTERNAL) on HTTP 400's page, not "13"
 * before "3" as text sorts them. */
static void test_equivalents_in_code_order(void **state)
{
	struct fixture *f = *state;
	char *json = one(f, "SELECT group_concat(e.value ->> 'protocol' || ' ' || "
			 "(e.value ->> 'code'), ',') FROM code_page AS c, "
			 "json_each(c.json, '$.equivalents') AS e WHERE c.locale "
			 "= 'en' AND c.protocol = 'HTTP' AND c.code = '400' AND "
			 "c.vendor = ''", NULL, NULL, NULL);
	char *md = one(f, "SELECT markdown FROM code_page WHERE locale = 'ja' "
		       "AND protocol = 'HTTP' AND code = '400' AND vendor = ''",
		       NULL, NULL, NULL);
	char *three, *thirteen;

	assert_non_null(json);
	assert_string_equal(json, "GRPC 3,GRPC 13,SMTP 501");
	assert_non_null(md);
	three = strstr(md, "[GRPC 3 ");
	thirteen = strstr(md, "[GRPC 13 ");
	assert_non_null(three);
	assert_non_null(thirteen);
	assert_true(three < thirteen);
	free(json);
	free(md);
}

static void test_comparison_headings(void **state)
{
	struct fixture *f = *state;
	static const char *const ja[] = {
		"### 説明", "### このコードが表示される場合", "### 解決方法",
		"## 主な違い", "## どちらをいつ使うか", "## 詳しく見る",
	};
	static const char *const zh[] = {
		"### 描述", "### 何时出现", "### 如何修复", "## 主要区别",
		"## 何时使用哪个", "## 了解更多",
	};
	char *page = compare(f, "ja", "100", "302");

	assert_non_null(page);
	for (size_t i = 0; i < 6; i++)
		assert_non_null(strstr(page, ja[i]));
	/* each code with its Japanese name beside its reason */
	assert_true(strncmp(page, "# SIP 100 Trying（試行中）と 302 Moved "
			    "Temporarily（一時的に移動）の比較\n",
			    strlen("# SIP 100 Trying（試行中）と 302 Moved "
				   "Temporarily（一時的に移動）の比較\n")) == 0);
	free(page);
	page = compare(f, "zh", "100", "410");
	assert_non_null(page);
	for (size_t i = 0; i < 6; i++)
		assert_non_null(strstr(page, zh[i]));
	assert_non_null(strstr(page, "100 Trying 是 1xx（临时）类响应，而 410 Gone 是 "
			       "4xx（客户端失败）类响应。"));
	free(page);
}

static void test_comparison_en_structure(void **state)
{
	struct fixture *f = *state;
	char *page = compare(f, "en", "100", "410");

	assert_non_null(page);
	assert_true(strncmp(page, "# SIP 100 Trying vs 410 Gone\n", 29) == 0);
	assert_non_null(strstr(page, "100 (Trying) is a 1xx Provisional response, "
			       "while 410 (Gone) is a 4xx Client Failure response."));
	assert_non_null(strstr(page, "\n1. Class: 100 is in the 1xx Provisional "
			       "class, 410 in the 4xx Client Failure class.\n"));
	assert_non_null(strstr(page, "\n2. Finality: 100 is a provisional response "
			       "and 410 is a final response"));
	assert_non_null(strstr(page, "(https://www.rfc-editor.org/rfc/rfc3261#section-21.4.10)"));
	assert_non_null(strstr(page, "[SIP 410 Gone](/sip/410.md)"));
	free(page);
}

/* The heading that begins with h ("\n## 451 "), but not a vendor's
 * meaning of the number ("\n## 451 (Microsoft IIS)") unless h names it. */
static const char *heading(const char *md, const char *h)
{
	size_t n = strlen(h);

	for (const char *p = strstr(md, h); p; p = strstr(p + 1, h))
		if (p[n] != '(')
			return p;
	return NULL;
}

/*
 * The pair in the other order: code A's section comes first, and the JSON
 * lists as many differences as the Markdown numbers, the note among them.  The note of a pair
 * is stored once (code_a < code_b) and must appear both ways.
 */
static void test_comparison_reversed(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *st = NULL;
	int rows = 0;

	assert_int_equal(sqlite3_prepare_v2(f->db,
		"SELECT c.markdown, json_array_length(c.json, '$.differences'),"
		"       r.markdown, json_array_length(r.json, '$.differences'),"
		"       n.code_a, n.code_b, n.body, n.vendor_a, n.vendor_b"
		" FROM note AS n"
		" JOIN comparison AS c ON c.locale = n.locale"
		"  AND c.protocol = n.protocol AND c.code_a = n.code_a"
		"  AND c.vendor_a = n.vendor_a AND c.protocol_b = n.protocol"
		"  AND c.code_b = n.code_b AND c.vendor_b = n.vendor_b"
		" JOIN comparison AS r ON r.locale = n.locale"
		"  AND r.protocol = n.protocol AND r.code_a = n.code_b"
		"  AND r.vendor_a = n.vendor_b AND r.protocol_b = n.protocol"
		"  AND r.code_b = n.code_a AND r.vendor_b = n.vendor_a"
		" WHERE n.locale IN ('en', 'ja')", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int side = 0; side < 2; side++) {
			const char *md = (const char *)sqlite3_column_text(st, 2 * side);
			int items = sqlite3_column_int(st, 2 * side + 1);
			char first[160], second[160];
			const char *va = (const char *)sqlite3_column_text(st, 7 + side);
			const char *vb = (const char *)sqlite3_column_text(st, 8 - side);
			const char *p;
			int numbered = 0;

			/* a vendor's meaning is headed "499 (nginx)" */
			snprintf(first, sizeof(first), "\n## %s%s%s%s ",
				 (const char *)sqlite3_column_text(st, 4 + side),
				 *va ? " (" : "", va, *va ? ")" : "");
			snprintf(second, sizeof(second), "\n## %s%s%s%s ",
				 (const char *)sqlite3_column_text(st, 5 - side),
				 *vb ? " (" : "", vb, *vb ? ")" : "");
			assert_non_null(md);
			assert_non_null(heading(md, first));
			assert_non_null(heading(md, second));
			if (heading(md, first) >= heading(md, second))
				fail_msg("'%s' after '%s'", first + 1, second + 1);
			for (p = md; (p = strchr(p, '\n')) != NULL; p++)
				/* "1. " or "12. ", not a text that begins
				 * with a code: "5.2.2 Mailbox full" */
				numbered += p[1] >= '1' && p[1] <= '9' &&
					    ((p[2] == '.' && p[3] == ' ') ||
					     (p[2] >= '0' && p[2] <= '9' &&
					      p[3] == '.' && p[4] == ' '));
			assert_int_equal(numbered, items);
			/* the note is an item, both ways */
			assert_true(items >= 1);
			assert_non_null(strstr(md, (const char *)
					       sqlite3_column_text(st, 6)));
		}
		rows++;
	}
	sqlite3_finalize(st);
	assert_true(rows > 0);
}

/* Whether s holds "{name}": a placeholder left unfilled (a text may hold
 * braces of its own, such as a JSON body: {"error":{"code":498}}). */
static int has_placeholder(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p + 1, '{')) {
		const char *q = p + 1;

		while ((*q >= 'a' && *q <= 'z') || *q == '_')
			q++;
		if (q > p + 1 && *q == '}')
			return 1;
	}
	return 0;
}

/* Every comparison with SIP 100 and with SIP 486, in every language with
 * strings: no placeholder left, no doubled word. */
static void test_comparisons_are_filled_in(void **state)
{
	struct fixture *f = *state;
	sqlite3_stmt *st = NULL;
	int pages = 0;

	assert_int_equal(sqlite3_prepare_v2(f->db,
		"SELECT locale, code_a, code_b, markdown FROM comparison "
		"WHERE locale IN ('en', 'zh', 'ja') AND protocol = 'SIP' "
		"AND code_a IN (100, 486)", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *md = (const char *)sqlite3_column_text(st, 3);
		struct strbuf dup = STRBUF_INIT;

		assert_non_null(md);
		if (has_placeholder(md))
			fail_msg("placeholder left in %s SIP %d vs %d",
				 sqlite3_column_text(st, 0),
				 sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));
		if (textcheck_doubled_word(md, &dup))
			fail_msg("doubled word '%s' in %s SIP %d vs %d", dup.buf,
				 sqlite3_column_text(st, 0),
				 sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));
		pages++;
	}
	sqlite3_finalize(st);
	assert_true(pages >= 3 * 2 * 74);
}

static void test_lang_resolve(void **state)
{
	struct fixture *f = *state;
	struct kb_error err = {{0}};
	char out[LANG_MAX];

	assert_int_equal(lang_resolve(f->db, sql_queries_query, "zh-CN", out, &err), 0);
	assert_string_equal(out, "zh");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "zh-Hans", out, &err), 0);
	assert_string_equal(out, "zh");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "JA", out, &err), 0);
	assert_string_equal(out, "ja");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "en_NZ", out, &err), 0);
	assert_string_equal(out, "en");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "xx", out, &err), -1);
	assert_string_equal(err.msg, "unknown language 'xx'; available: de, en, "
			    "es, fr, ja, ko, pt, zh");
	/* Brazilian Portuguese is pt, as pt-BR and in any case */
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "pt-BR", out, &err), 0);
	assert_string_equal(out, "pt");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "PT-br", out, &err), 0);
	assert_string_equal(out, "pt");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "ko-KR", out, &err), 0);
	assert_string_equal(out, "ko");
	assert_int_equal(lang_resolve(f->db, sql_queries_query, "'; DROP", out, &err), -1);
}

static void test_output_escaping(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	output_md_cell(out, "  a|b\\c`d\nline <x>");
	fputc('#', out);
	output_csv_field(out, "plain");
	fputc('#', out);
	output_csv_field(out, "say \"hi\", then\nleave");
	fclose(out);
	assert_string_equal(buf, "&nbsp;&nbsp;a\\|b\\\\c\\`d<br>line &lt;x>#plain#"
			    "\"say \"\"hi\"\", then\nleave\"");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fallback_to_english),
		cmocka_unit_test(test_translated_text_is_used),
		cmocka_unit_test(test_summary_is_a_sentence),
		cmocka_unit_test(test_equivalents_in_code_order),
		cmocka_unit_test(test_comparison_headings),
		cmocka_unit_test(test_comparison_en_structure),
		cmocka_unit_test(test_comparison_reversed),
		cmocka_unit_test(test_comparisons_are_filled_in),
		cmocka_unit_test(test_lang_resolve),
		cmocka_unit_test(test_output_escaping),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
