/*
 * test_args.c - the importer's command line: its option table, the
 * values it checks, and the rules about files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "args.h"

static char *argv_store[32];
static struct kb_error err;

/* args_parse() over "codekb-import" and the NULL-terminated words. */
static enum parseopt_result parse(struct args *a, ...)
{
	va_list ap;
	int argc = 0;
	const char *w;

	memset(&err, 0, sizeof(err));
	argv_store[argc++] = (char *)"codekb-import";
	va_start(ap, a);
	while ((w = va_arg(ap, const char *)) != NULL)
		argv_store[argc++] = (char *)w;
	va_end(ap);
	argv_store[argc] = NULL;
	return args_parse(argc, argv_store, a, &err);
}

static void test_options(void **state)
{
	struct args a;

	(void)state;
	assert_int_equal(parse(&a, "a.csv", "--db=x.db", "-n", "--kind",
			       "texts", "-c", "skip", "-", "-p", "HTTP", "-O",
			       NULL), PARSEOPT_OK);
	assert_string_equal(a.opt.db_path, "x.db");
	assert_int_equal(a.opt.dry_run, 1);
	assert_int_equal(a.opt.kind, KIND_TEXTS);
	assert_int_equal(a.opt.on_conflict, CONFLICT_SKIP);
	assert_string_equal(a.opt.protocol, "HTTP");
	assert_int_equal(a.opt.optimize, 1);
	assert_int_equal(a.upgrade, 0);
	assert_int_equal(a.npaths, 2);
	assert_string_equal(a.paths[0], "a.csv");
	assert_string_equal(a.paths[1], "-");

	assert_int_equal(parse(&a, "--", "--odd name.csv", NULL), PARSEOPT_OK);
	assert_int_equal(a.npaths, 1);
	assert_string_equal(a.paths[0], "--odd name.csv");
	assert_int_equal(a.opt.kind, KIND_AUTO);
	assert_int_equal(a.opt.on_conflict, CONFLICT_ABORT);
}

static void test_results_and_errors(void **state)
{
	struct args a;

	(void)state;
	assert_int_equal(parse(&a, "--help", NULL), PARSEOPT_HELP);
	assert_int_equal(parse(&a, "-V", NULL), PARSEOPT_VERSION);
	assert_int_equal(parse(&a, "-u", NULL), PARSEOPT_OK);
	assert_int_equal(parse(&a, "--optimize", NULL), PARSEOPT_OK);

	assert_int_equal(parse(&a, NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "no file to import");
	assert_int_equal(parse(&a, "--upgrade", "a.csv", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "--upgrade takes no file");
	assert_int_equal(parse(&a, "--kind", "frob", "a.csv", NULL),
			 PARSEOPT_ERROR);
	assert_string_equal(err.msg, "unknown kind 'frob'");
	assert_int_equal(parse(&a, "--on-conflict=merge", "a.csv", NULL),
			 PARSEOPT_ERROR);
	assert_string_equal(err.msg, "--on-conflict takes abort, replace or "
			    "skip, not 'merge'");
	assert_int_equal(parse(&a, "a.csv", "--db", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--db' needs a value");
	assert_int_equal(parse(&a, "--dry-run=no", "a.csv", NULL),
			 PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--dry-run' takes no value");
}

/* --help names every option of the table. */
static void test_help_lists_everything(void **state)
{
	struct strbuf help = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT;

	(void)state;
	args_help(&help);
	assert_false(help.failed);
	assert_int_equal(strncmp(help.buf, "usage: codekb-import [--db PATH]",
				 32), 0);
	for (const struct parseopt *p = args_table; p->type != OPTION_END; p++) {
		strbuf_reset(&want);
		strbuf_addf(&want, "  -%c, --%s%s%s", p->short_name,
			    p->long_name, p->argname ? " " : "",
			    p->argname ? p->argname : "");
		if (!strstr(help.buf, want.buf))
			fail_msg("--help lacks '%s'", want.buf);
		if (p->type == OPTION_FLAG || p->type == OPTION_STRING) {
			strbuf_reset(&want);
			strbuf_addf(&want, "[--%s", p->long_name);
			assert_non_null(strstr(help.buf, want.buf));
		}
	}
	strbuf_release(&want);
	strbuf_release(&help);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_results_and_errors),
		cmocka_unit_test(test_help_lists_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
