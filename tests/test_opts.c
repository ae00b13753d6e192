/*
 * test_opts.c - the query tool's option table: what it parses, which
 * subcommands take which option, and that the usage lines and --help are
 * made from it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cmd.h"
#include "opts.h"

static char *argv_store[32];
static struct kb_error err;

/* opts_parse() over "codekb" and the NULL-terminated words that follow. */
static enum parseopt_result parse(struct opts *o, ...)
{
	va_list ap;
	int argc = 0;
	const char *w;

	memset(&err, 0, sizeof(err));
	argv_store[argc++] = (char *)"codekb";
	va_start(ap, o);
	while ((w = va_arg(ap, const char *)) != NULL)
		argv_store[argc++] = (char *)w;
	va_end(ap);
	argv_store[argc] = NULL;
	return opts_parse(argc, argv_store, o, &err);
}

static void test_parse(void **state)
{
	struct opts o;

	(void)state;
	assert_int_equal(parse(&o, "--db", "x.db", "-l", "ja", "show", "SIP",
			       "--lang=zh", "486", "-f", "json", "--vendor",
			       "nginx", NULL), PARSEOPT_OK);
	assert_string_equal(o.db, "x.db");
	assert_string_equal(o.command, "show");
	assert_int_equal(o.nargs, 2);
	assert_string_equal(o.args[0], "SIP");
	assert_string_equal(o.args[1], "486");
	assert_string_equal(o.lang, "zh");
	assert_int_equal(o.nlangs, 2);
	assert_string_equal(o.langs[0], "ja");
	assert_string_equal(o.langs[1], "zh");
	assert_string_equal(o.format, "json");
	assert_string_equal(o.vendor, "nginx");
	assert_null(o.protocol);
	opts_release(&o);

	/* a negative number is an argument; "--" ends the options */
	assert_int_equal(parse(&o, "show", "SIP", "-5", NULL), PARSEOPT_OK);
	assert_int_equal(o.nargs, 2);
	assert_string_equal(o.args[1], "-5");
	opts_release(&o);
	assert_int_equal(parse(&o, "search", "--", "--lang", NULL),
			 PARSEOPT_OK);
	assert_string_equal(o.command, "search");
	assert_int_equal(o.nargs, 1);
	assert_string_equal(o.args[0], "--lang");
	assert_null(o.lang);
	opts_release(&o);

	assert_int_equal(parse(&o, NULL), PARSEOPT_OK);
	assert_null(o.command);
	assert_int_equal(o.nargs, 0);
	opts_release(&o);
}

static void test_help_version_errors(void **state)
{
	struct opts o;

	(void)state;
	assert_int_equal(parse(&o, "list", "--help", NULL), PARSEOPT_HELP);
	opts_release(&o);
	assert_int_equal(parse(&o, "-V", NULL), PARSEOPT_VERSION);
	opts_release(&o);
	assert_int_equal(parse(&o, "list", "--colour", NULL), PARSEOPT_ERROR);
	assert_string_equal(err.msg, "unknown option '--colour'");
	opts_release(&o);
	assert_int_equal(parse(&o, "show", "SIP", "486", "--vendor", NULL),
			 PARSEOPT_ERROR);
	assert_string_equal(err.msg, "option '--vendor' needs a value");
	opts_release(&o);
}

/* --vendor is taken by show and compare, and refused by the others. */
static void test_vendor_scope(void **state)
{
	struct opts o;

	(void)state;
	parse(&o, "--vendor", "nginx", NULL);
	assert_null(opts_refused(&o, &cmd_show));
	assert_null(opts_refused(&o, &cmd_compare));
	for (size_t i = 0; cmd_table[i]; i++) {
		const struct parseopt *r = opts_refused(&o, cmd_table[i]);

		if (cmd_table[i] == &cmd_show || cmd_table[i] == &cmd_compare)
			continue;
		assert_non_null(r);
		assert_string_equal(r->long_name, "vendor");
	}
	opts_release(&o);
	/* --db goes with every command */
	parse(&o, "--db", "x", NULL);
	for (size_t i = 0; cmd_table[i]; i++)
		assert_null(opts_refused(&o, cmd_table[i]));
	opts_release(&o);
}

/* A misspelt command in a scope would make an option silently refused. */
static void test_scopes_name_commands(void **state)
{
	(void)state;
	for (const struct parseopt *p = opts_table; p->type != OPTION_END; p++) {
		const char *s = p->scope;

		while (s && *s) {
			char word[32];
			size_t n = strcspn(s, " ");

			assert_true(n > 0 && n < sizeof(word));
			memcpy(word, s, n);
			word[n] = '\0';
			if (!cmd_find(word))
				fail_msg("--%s names '%s', not a command",
					 p->long_name, word);
			s += n + strspn(s + n, " ");
		}
	}
}

static void test_usage_lines(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	opts_usage(&sb, &cmd_show);
	assert_string_equal(sb.buf,
			    "codekb [--db PATH] show PROTO CODE [--lang L] "
			    "[--format md|json]\n"
			    "                        [--vendor NAME]");
	strbuf_reset(&sb);
	opts_usage(&sb, &cmd_list);
	assert_null(strstr(sb.buf, "--vendor"));
	assert_non_null(strstr(sb.buf, "[--format table|csv|md|json]"));
	assert_non_null(strstr(sb.buf, "[--class N]"));
	strbuf_reset(&sb);
	opts_usage(&sb, &cmd_check);
	assert_string_equal(sb.buf, "codekb [--db PATH] check");
	strbuf_release(&sb);
}

/* --help names every option of the table, with its value and the start
 * of its help, and every command's usage line. */
static void test_help_lists_everything(void **state)
{
	struct strbuf help = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT;

	(void)state;
	opts_help(&help);
	assert_false(help.failed);
	for (const struct parseopt *p = opts_table; p->type != OPTION_END; p++) {
		strbuf_reset(&want);
		if (p->short_name)
			strbuf_addf(&want, "  -%c, ", p->short_name);
		else
			strbuf_addstr(&want, "      ");
		strbuf_addf(&want, "--%s%s%s", p->long_name,
			    p->argname ? " " : "", p->argname ? p->argname : "");
		if (!strstr(help.buf, want.buf))
			fail_msg("--help lacks '%s'", want.buf);
		strbuf_reset(&want);
		strbuf_add(&want, p->help, strcspn(p->help, " ,"));
		assert_non_null(strstr(help.buf, want.buf));
	}
	for (size_t i = 0; cmd_table[i]; i++) {
		strbuf_reset(&want);
		strbuf_addstr(&want, "       ");
		opts_usage(&want, cmd_table[i]);
		strbuf_addch(&want, '\n');
		assert_non_null(strstr(help.buf, want.buf));
	}
	assert_non_null(strstr(help.buf, "choose the meaning of a code that "
				"one vendor gives it,\n"));
	strbuf_release(&want);
	strbuf_release(&help);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_help_version_errors),
		cmocka_unit_test(test_vendor_scope),
		cmocka_unit_test(test_scopes_name_commands),
		cmocka_unit_test(test_usage_lines),
		cmocka_unit_test(test_help_lists_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
