/*
 * test_parseopt.c - the table-driven option parser: spellings, where
 * options may stand, what ends them, the errors, the subcommand scopes,
 * and the usage and help made from the table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "parseopt.h"

struct target {
	const char *name;
	const char *level;
	const char *only_b;
	int quiet;
	int on_b;
	/* every --level seen, joined */
	char levels[64];
};

static int check_level(void *target, const char *value, struct kb_error *err)
{
	struct target *t = target;

	if (strcmp(value, "bad") == 0)
		return kb_error_set(err, "level '%s' is not one", value);
	strcat(t->levels, value);
	strcat(t->levels, ";");
	return 0;
}

static const struct parseopt table[] = {
	OPT_STRING('n', "name", "NAME", struct target, name,
		   "who it is for"),
	OPT_STRING('l', "level", "N", struct target, level,
		   "how much of it to show; the words of this help are many, "
		   "so that it wraps onto a second and a third line",
		   .check = check_level, .scope = "alpha beta"),
	OPT_FLAG('q', "quiet", struct target, quiet, "say less"),
	OPT_STRING(0, "only-b", "X", struct target, only_b,
		   "for beta alone", .scope = "beta"),
	OPT_FLAG(0, "a-very-long-option-name", struct target, on_b,
		 "its help starts on the next line", .scope = "beta"),
	OPT_HELP(),
	OPT_VERSION(),
	OPT_END(),
};

/* Parse the NULL-terminated words after argv[0] into t.  The words are
 * copied into storage of the test's, since parseopt() reorders argv. */
static char *argv_store[32];
static int nargs;
static struct kb_error err;

static enum parseopt_result parse(struct target *t, ...)
{
	va_list ap;
	int argc = 0;
	const char *w;

	memset(t, 0, sizeof(*t));
	memset(&err, 0, sizeof(err));
	argv_store[argc++] = (char *)"prog";
	va_start(ap, t);
	while ((w = va_arg(ap, const char *)) != NULL)
		argv_store[argc++] = (char *)w;
	va_end(ap);
	argv_store[argc] = NULL;
	nargs = -1;
	return parseopt(argc, argv_store, table, t, &nargs, &err);
}

static void test_spellings(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "-n", "a", NULL), PARSEOPT_OK);
	assert_string_equal(t.name, "a");
	assert_int_equal(parse(&t, "--name", "b", NULL), PARSEOPT_OK);
	assert_string_equal(t.name, "b");
	assert_int_equal(parse(&t, "--name=c=d", NULL), PARSEOPT_OK);
	assert_string_equal(t.name, "c=d");
	assert_int_equal(parse(&t, "-q", "--level", "2", NULL), PARSEOPT_OK);
	assert_int_equal(t.quiet, 1);
	assert_string_equal(t.level, "2");
	assert_int_equal(nargs, 0);
	/* a value may look like an option: it is the option's all the same */
	assert_int_equal(parse(&t, "--name", "-q", NULL), PARSEOPT_OK);
	assert_string_equal(t.name, "-q");
	assert_int_equal(t.quiet, 0);
}

/* Options anywhere; the arguments keep their order, after argv[0]. */
static void test_arguments_in_order(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "-q", "alpha", "one", "--name", "x", "two",
			       "-", "-5", NULL), PARSEOPT_OK);
	assert_int_equal(nargs, 5);
	assert_string_equal(argv_store[0], "prog");
	assert_string_equal(argv_store[1], "alpha");
	assert_string_equal(argv_store[2], "one");
	assert_string_equal(argv_store[3], "two");
	assert_string_equal(argv_store[4], "-");
	assert_string_equal(argv_store[5], "-5");
	assert_string_equal(t.name, "x");
	assert_int_equal(t.quiet, 1);
}

static void test_double_dash(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "a", "--", "-q", "--name", "--", NULL),
			 PARSEOPT_OK);
	assert_int_equal(nargs, 4);
	assert_string_equal(argv_store[1], "a");
	assert_string_equal(argv_store[2], "-q");
	assert_string_equal(argv_store[3], "--name");
	assert_string_equal(argv_store[4], "--");
	assert_int_equal(t.quiet, 0);
	assert_null(t.name);
}

static void test_help_and_version_are_results(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "x", "--help", NULL), PARSEOPT_HELP);
	assert_int_equal(parse(&t, "-h", "--unknown", NULL), PARSEOPT_HELP);
	assert_int_equal(parse(&t, "-V", NULL), PARSEOPT_VERSION);
	assert_int_equal(parse(&t, "--version", NULL), PARSEOPT_VERSION);
	assert_int_equal(parse(&t, "--help=x", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--help' takes no value");
	/* after "--" it is an argument like any other */
	assert_int_equal(parse(&t, "--", "--help", NULL), PARSEOPT_OK);
	assert_int_equal(nargs, 1);
}

static void test_errors(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "--colour", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "unknown option '--colour'");
	assert_int_equal(parse(&t, "-x", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "unknown option '-x'");
	/* no abbreviations, no clusters, nothing glued to a short option */
	assert_int_equal(parse(&t, "--nam", "a", NULL), PARSEOPT_ERROR);
	assert_int_equal(parse(&t, "--names", "a", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "unknown option '--names'");
	assert_int_equal(parse(&t, "-qn", "a", NULL), PARSEOPT_ERROR);
	assert_int_equal(parse(&t, "-na", NULL), PARSEOPT_ERROR);
	assert_int_equal(parse(&t, "--5", NULL), PARSEOPT_ERROR);

	assert_int_equal(parse(&t, "a", "--name", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--name' needs a value");
	assert_int_equal(parse(&t, "-n", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--name' needs a value");
	assert_int_equal(parse(&t, "--name=", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--name' needs a value");
	assert_int_equal(parse(&t, "--name", "", NULL), PARSEOPT_ERROR);
	assert_int_equal(parse(&t, "--quiet=yes", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--quiet' takes no value");
	assert_int_equal(parse(&t, "--level", "bad", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "level 'bad' is not one");
}

/* The last value stands; the check sees every one. */
static void test_repeated(void **state)
{
	struct target t;

	(void)state;
	assert_int_equal(parse(&t, "-l", "1", "--level=2", "--level", "3",
			       NULL), PARSEOPT_OK);
	assert_string_equal(t.level, "3");
	assert_string_equal(t.levels, "1;2;3;");
}

static void test_scope(void **state)
{
	struct target t;

	(void)state;
	assert_true(parseopt_takes(&table[0], "anything"));
	assert_true(parseopt_takes(&table[1], "alpha"));
	assert_true(parseopt_takes(&table[1], "beta"));
	assert_false(parseopt_takes(&table[1], "alp"));
	assert_false(parseopt_takes(&table[1], "gamma"));
	assert_false(parseopt_takes(&table[3], "alpha"));

	parse(&t, "--name", "x", "-q", NULL);
	assert_null(parseopt_refused(table, &t, "gamma"));
	parse(&t, "--level", "1", NULL);
	assert_null(parseopt_refused(table, &t, "alpha"));
	assert_ptr_equal(parseopt_refused(table, &t, "gamma"), &table[1]);
	parse(&t, "--a-very-long-option-name", NULL);
	assert_null(parseopt_refused(table, &t, "beta"));
	assert_ptr_equal(parseopt_refused(table, &t, "alpha"), &table[4]);
}

static int level_for_beta(struct strbuf *sb, const struct parseopt *opt,
			  const void *data)
{
	if (strcmp(opt->long_name, "level") != 0)
		return 0;
	strbuf_addstr(sb, (const char *)data);
	return 1;
}

static void test_synopsis(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_addstr(&sb, "prog");
	assert_int_equal(parseopt_synopsis(&sb, table, NULL, 5, 79, NULL,
					   NULL), 0);
	assert_string_equal(sb.buf, "prog [--name NAME] [--quiet]");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "prog alpha");
	parseopt_synopsis(&sb, table, "alpha", 11, 79, NULL, NULL);
	assert_string_equal(sb.buf, "prog alpha [--level N]");
	/* a narrow line wraps before the item that would pass it */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "prog beta");
	parseopt_synopsis(&sb, table, "beta", 10, 40, level_for_beta, "1|2");
	assert_string_equal(sb.buf,
			    "prog beta [--level 1|2] [--only-b X]\n"
			    "          [--a-very-long-option-name]");
	strbuf_release(&sb);
}

static void test_help(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *line;

	(void)state;
	assert_int_equal(parseopt_help(&sb, table, 60), 0);
	assert_string_equal(sb.buf,
		"  -n, --name NAME  who it is for\n"
		"  -l, --level N    how much of it to show; the words of this\n"
		"                   help are many, so that it wraps onto a\n"
		"                   second and a third line\n"
		"  -q, --quiet      say less\n"
		"      --only-b X   for beta alone\n"
		"      --a-very-long-option-name\n"
		"                   its help starts on the next line\n"
		"  -h, --help       show this help\n"
		"  -V, --version    show the version\n");
	for (line = sb.buf; *line; line += strcspn(line, "\n") + 1)
		assert_true(strcspn(line, "\n") <= 60);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_arguments_in_order),
		cmocka_unit_test(test_double_dash),
		cmocka_unit_test(test_help_and_version_are_results),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_repeated),
		cmocka_unit_test(test_scope),
		cmocka_unit_test(test_synopsis),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
