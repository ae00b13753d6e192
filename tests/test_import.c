/*
 * test_import.c - the importer: kinds, validation messages with their
 * FILE:LINE:COL, --on-conflict, --dry-run, and all-or-nothing runs.
 *
 * Each test gets a new database in $CODEKB_TMP with SIP declared (setup),
 * writes the CSV it needs, and runs import_run() as codekb-import would.
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
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"

struct fixture {
	char dir[512];
	char db[600];
	/* what the last run wrote to stdout and stderr */
	char *out;
	char *diag;
};

static const char base_protocols[] =
	"protocol,name,reference\nSIP,Session Initiation Protocol,RFC3261\n";
static const char base_classes[] =
	"protocol,class,first,last,name\n"
	"SIP,1xx,100,199,Provisional\nSIP,4xx,400,499,Client Failure\n";
static const char base_codes[] =
	"protocol,code,reason,reference,section,description\n"
	"SIP,100,Trying,RFC3261,21.1.1,The next hop is working on it.\n"
	"SIP,486,Busy Here,RFC3261,21.4.24,The callee is on another call.\n";

static void write_file(struct fixture *f, const char *name, const char *text,
		       size_t len)
{
	char path[700];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", f->dir, name);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	fclose(fp);
}

#define WRITE(f, name, text) write_file(f, name, text, sizeof(text) - 1)

/* Import the named files of the fixture's directory. */
static int run(struct fixture *f, const struct import_options *given,
	       int n, ...)
{
	struct import_options opt = {0};
	char paths[4][700];
	char *argv[4];
	size_t outlen, diaglen;
	FILE *out, *diag;
	va_list ap;
	int rc;

	if (given)
		opt = *given;
	opt.db_path = f->db;
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/%s", f->dir,
			 va_arg(ap, const char *));
		argv[i] = paths[i];
	}
	va_end(ap);
	free(f->out);
	free(f->diag);
	out = open_memstream(&f->out, &outlen);
	diag = open_memstream(&f->diag, &diaglen);
	rc = import_run(&opt, argv, n, out, diag);
	fclose(out);
	fclose(diag);
	return rc;
}

/* The first column of the first row of sql, as text ("" if none). */
static char *query(struct fixture *f, const char *sql)
{
	static char buf[512];
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;

	buf[0] = '\0';
	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(buf, sizeof(buf), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return buf;
}

static int setup(void **state)
{
	static int n;
	struct fixture *f = calloc(1, sizeof(*f));
	const char *tmp = getenv("CODEKB_TMP");

	snprintf(f->dir, sizeof(f->dir), "%s/import.%d.%d", tmp ? tmp : "/tmp",
		 (int)getpid(), n++);
	snprintf(f->db, sizeof(f->db), "%s/kb.db", f->dir);
	assert_int_equal(mkdir(f->dir, 0700), 0);
	WRITE(f, "protocols.csv", base_protocols);
	WRITE(f, "classes.csv", base_classes);
	WRITE(f, "codes.csv", base_codes);
	if (run(f, NULL, 3, "protocols.csv", "classes.csv", "codes.csv") != 0)
		fail_msg("setup import failed: %s", f->diag);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[700];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f->out);
	free(f->diag);
	free(f);
	return 0;
}

static void test_summary(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(f->out, "codekb-import: protocols: 1 added, 0 "
			    "replaced, 0 skipped, 0 unchanged; classes: 2 "
			    "added, 0 replaced, 0 skipped, 0 unchanged; codes: "
			    "2 added, 0 replaced, 0 skipped, 0 unchanged\n");
	assert_string_equal(query(f, "SELECT count(*) FROM code"), "2");
	assert_string_equal(query(f, "SELECT final FROM code WHERE code = 100"), "0");
}

static void test_reimport_unchanged(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(run(f, NULL, 1, "codes.csv"), 0);
	assert_string_equal(f->out, "codekb-import: codes: 0 added, 0 "
			    "replaced, 0 skipped, 2 unchanged\n");
}

static const char changed_codes[] =
	"protocol,code,reason\nSIP,100,Trying Hard\n";

static void test_conflict_abort(void **state)
{
	struct fixture *f = *state;

	WRITE(f, "changed.csv", changed_codes);
	assert_int_equal(run(f, NULL, 1, "changed.csv"), 1);
	assert_non_null(strstr(f->diag, "changed.csv:2:2: SIP 100 already exists "
			       "with other values; use --on-conflict replace "
			       "or skip\n"));
	assert_string_equal(query(f, "SELECT reason FROM code WHERE code = 100"),
			    "Trying");
}

static void test_conflict_replace_and_skip(void **state)
{
	struct fixture *f = *state;
	struct import_options opt = {.on_conflict = CONFLICT_SKIP};

	WRITE(f, "changed.csv", changed_codes);
	assert_int_equal(run(f, &opt, 1, "changed.csv"), 0);
	assert_non_null(strstr(f->out, "1 skipped"));
	assert_string_equal(query(f, "SELECT reason FROM code WHERE code = 100"),
			    "Trying");
	opt.on_conflict = CONFLICT_REPLACE;
	assert_int_equal(run(f, &opt, 1, "changed.csv"), 0);
	assert_non_null(strstr(f->out, "1 replaced"));
	assert_string_equal(query(f, "SELECT reason FROM code WHERE code = 100"),
			    "Trying Hard");
	/* columns the file does not have keep their values */
	assert_string_equal(query(f, "SELECT section FROM code WHERE code = 100"),
			    "21.1.1");
}

static void test_dry_run_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct import_options opt = {.dry_run = 1};

	WRITE(f, "more.csv", "protocol,code,reason\nSIP,180,Ringing\n");
	assert_int_equal(run(f, &opt, 1, "more.csv"), 0);
	assert_non_null(strstr(f->out, "dry run, nothing written: codes: 1 added"));
	assert_string_equal(query(f, "SELECT count(*) FROM code"), "2");
}

/* Import text as a file and expect exactly message on stderr. */
static void expect_error(struct fixture *f, const char *name, const char *text,
			 size_t len, const char *message)
{
	char expected[1024];

	write_file(f, name, text, len);
	assert_int_equal(run(f, NULL, 1, name), 1);
	snprintf(expected, sizeof(expected), "codekb-import: %s/%s:%s\n"
		 "codekb-import: 1 problem; nothing was imported\n", f->dir,
		 name, message);
	assert_string_equal(f->diag, expected);
	assert_string_equal(query(f, "SELECT count(*) FROM code"), "2");
}

#define EXPECT_ERROR(f, name, text, message) \
	expect_error(f, name, text, sizeof(text) - 1, message)

static void test_bad_headers(void **state)
{
	struct fixture *f = *state;

	EXPECT_ERROR(f, "a.csv", "protocol,code,reason,colour\nSIP,180,Ringing,red\n",
		     "1:4: unknown column 'colour' for a codes file");
	EXPECT_ERROR(f, "b.csv", "protocol,code,reason,reason\nSIP,180,R,R\n",
		     "1:4: column 'reason' appears twice");
	EXPECT_ERROR(f, "c.csv", "locale,protocol\nzh,SIP\n",
		     "1:1: a protocol-texts file needs a 'name' column");
	EXPECT_ERROR(f, "d.csv", "",
		     "1:1: file is empty; expected a header row");
	EXPECT_ERROR(f, "e.csv", "colour,size\nred,2\n",
		     "1:1: cannot tell what the file holds from its header; "
		     "codes files start 'protocol,code,reason', texts files "
		     "'locale,protocol,code', ui files 'locale,key,text'");
}

static void test_bad_rows(void **state)
{
	struct fixture *f = *state;

	EXPECT_ERROR(f, "a.csv", "protocol,code,reason\nSIP,180\n",
		     "2:3: expected 3 fields but found 2");
	EXPECT_ERROR(f, "b.csv", "protocol,code,reason\nSIP,180,Ringing,extra\n",
		     "2:4: expected 3 fields but found 4");
	EXPECT_ERROR(f, "c.csv", "protocol,code,reason\nSIP,4O4,Not Found\n",
		     "2:2: code '4O4' is not a number (at character 2)");
	EXPECT_ERROR(f, "d.csv", "protocol,code,reason\nSIP,700,Nope\n",
		     "2:2: SIP has no class for code 700; declare one in a "
		     "classes file (protocol,class,first,last,name)");
	EXPECT_ERROR(f, "e.csv", "protocol,code,reason\nXMPP,404,Not Found\n",
		     "2:1: protocol 'XMPP' is not declared (known: SIP); declare "
		     "it first in a protocols file with the header "
		     "'protocol,name,reference'");
	EXPECT_ERROR(f, "f.csv", "protocol,code,reason\nSIP,180,Ringing\nSIP,180,Ringing\n",
		     "3:2: duplicate row for SIP 180 (first on line 2)");
	EXPECT_ERROR(f, "g.csv", "protocol,code,reason\nSIP,180,Ring\xC0\xAF\n",
		     "2:3: invalid UTF-8 in column 'reason' (byte 5 of the field)");
	EXPECT_ERROR(f, "h.csv", "protocol,code,reason,status\nSIP,180,Ringing,gone\n",
		     "2:4: status 'gone' must be one of current, deprecated, "
		     "obsolete, unused, temporary, unofficial");
}

static void test_bad_texts(void **state)
{
	struct fixture *f = *state;

	EXPECT_ERROR(f, "a.csv", "locale,protocol,code,description\nxx,SIP,100,Texte\n",
		     "2:1: unknown locale 'xx'; use a BCP 47 tag such as en, zh "
		     "or ja");
	EXPECT_ERROR(f, "b.csv", "locale,protocol,code,description\nzh,SIP,487,已终止。\n",
		     "2:3: there is no SIP code 487 to attach a text to; add it "
		     "in a codes file first");
	EXPECT_ERROR(f, "c.csv", "locale,key,text\nen,pair.title,{a} versus {c}\n",
		     "2:3: template 'pair.title' uses unknown placeholder '{c}'; "
		     "it may use: protocol a a_reason b b_reason");
	EXPECT_ERROR(f, "d.csv", "locale,key,text\nen,no.such.key,Hello\n",
		     "2:2: unknown UI key 'no.such.key'");
}

static void test_keeps_reading_and_rolls_back(void **state)
{
	struct fixture *f = *state;

	WRITE(f, "good.csv", "protocol,code,reason\nSIP,180,Ringing\n");
	WRITE(f, "bad.csv", "protocol,code,reason\nSIP,x,A\nSIP,181,Call Is Being Forwarded\nSIP,y,B\n");
	assert_int_equal(run(f, NULL, 2, "good.csv", "bad.csv"), 1);
	assert_non_null(strstr(f->diag, "bad.csv:2:2: code 'x' is not a number (at character 1)"));
	assert_non_null(strstr(f->diag, "bad.csv:4:2: code 'y' is not a number (at character 1)"));
	assert_non_null(strstr(f->diag, "2 problems; nothing was imported"));
	assert_string_equal(query(f, "SELECT count(*) FROM code"), "2");
}

static void test_translation_and_staleness(void **state)
{
	struct fixture *f = *state;
	struct import_options opt = {.on_conflict = CONFLICT_REPLACE};

	WRITE(f, "zh.csv", "locale,protocol,code,description\nzh-CN,SIP,486,被叫正在通话。\n");
	assert_int_equal(run(f, NULL, 1, "zh.csv"), 0);
	assert_string_equal(query(f, "SELECT stale FROM coverage WHERE locale = 'zh'"), "0");
	WRITE(f, "en.csv", "protocol,code,reason,description\nSIP,486,Busy Here,The callee is busy.\n");
	assert_int_equal(run(f, &opt, 1, "en.csv"), 0);
	assert_string_equal(query(f, "SELECT stale FROM coverage WHERE locale = 'zh'"), "1");
	assert_int_equal(run(f, NULL, 1, "zh.csv"), 0);
	assert_string_equal(query(f, "SELECT stale FROM coverage WHERE locale = 'zh'"), "0");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_summary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reimport_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_abort, setup, teardown),
		cmocka_unit_test_setup_teardown(test_conflict_replace_and_skip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dry_run_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_headers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_texts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keeps_reading_and_rolls_back, setup, teardown),
		cmocka_unit_test_setup_teardown(test_translation_and_staleness, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
