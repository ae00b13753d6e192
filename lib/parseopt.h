/*
 * parseopt.h - command-line options declared once, in a table that drives
 * the parsing, the usage lines and the --help text.
 *
 * A program lists its options, each with its short and long spelling, the
 * name of its value, one help line and the field of the program's own
 * struct that it sets:
 *
 *     static const struct parseopt table[] = {
 *             OPT_STRING('d', "db", "PATH", struct args, db,
 *                        "the database"),
 *             OPT_FLAG('n', "dry-run", struct args, dry_run,
 *                      "check everything, write nothing"),
 *             OPT_HELP(),
 *             OPT_END(),
 *     };
 *
 *     switch (parseopt(argc, argv, table, &args, &nargs, &err)) ...
 *
 * Adding an option is adding a row, and the field it sets.  Options may
 * come anywhere among the arguments, as "-d VALUE", "--db VALUE" or
 * "--db=VALUE"; "--" ends them; "-" and negative numbers ("-5") are
 * arguments.  Asking for help or the version is a result, not an exit, so
 * that tests can call the parser.
 */
#ifndef CODEKB_PARSEOPT_H
#define CODEKB_PARSEOPT_H

#include <stddef.h>

#include "error.h"
#include "strbuf.h"

enum parseopt_type {
	/* ends a table */
	OPTION_END,
	/* takes no value; sets an int field to 1 */
	OPTION_FLAG,
	/* takes a value; sets a const char * field to it (the argv string) */
	OPTION_STRING,
	/* asks for the help text */
	OPTION_HELP,
	/* asks for the version */
	OPTION_VERSION,
};

struct parseopt {
	enum parseopt_type type;
	/* 'd' for -d, or 0 for none */
	char short_name;
	/* "db" for --db; every option has one, the name messages use */
	const char *long_name;
	/* what the value is called in usage and help ("PATH"); NULL for a flag */
	const char *argname;
	/* what the option does, for --help; wrapped to fit the terminal */
	const char *help;
	/* the field it sets, as an offset into the parser's target struct */
	size_t offset;
	/*
	 * Called after a value is stored, to check or convert it, or to keep
	 * every value of an option given more than once.  Returns 0, or -1
	 * with err set.  NULL for none.
	 */
	int (*check)(void *target, const char *value, struct kb_error *err);
	/*
	 * For a program with subcommands: the ones that take the option,
	 * separated by spaces; NULL for every one.  The parser itself does
	 * not look at it (the subcommand may come after the option): see
	 * parseopt_refused().
	 */
	const char *scope;
};

/* The offset of field in type, which must be of type ctype: a field of
 * another type is a compile error, not a misread. */
#define PARSEOPT_FIELD(type, field, ctype) \
	_Generic(((type *)0)->field, ctype: offsetof(type, field))

/*
 * The rows of a table.  After the help text, other fields may follow as
 * designated initializers:
 *
 *     OPT_STRING('l', "lang", "L", struct opts, lang, "language",
 *                .check = keep_lang, .scope = "list show"),
 */
#define OPT_STRING(s, l, arg, st, field, ...) \
	{ .type = OPTION_STRING, .short_name = s, .long_name = l, \
	  .argname = arg, \
	  .offset = PARSEOPT_FIELD(st, field, const char *), \
	  .help = __VA_ARGS__ }
#define OPT_FLAG(s, l, st, field, ...) \
	{ .type = OPTION_FLAG, .short_name = s, .long_name = l, \
	  .offset = PARSEOPT_FIELD(st, field, int), .help = __VA_ARGS__ }
#define OPT_HELP() \
	{ .type = OPTION_HELP, .short_name = 'h', .long_name = "help", \
	  .help = "show this help" }
#define OPT_VERSION() \
	{ .type = OPTION_VERSION, .short_name = 'V', .long_name = "version", \
	  .help = "show the version" }
#define OPT_END() { .type = OPTION_END }

enum parseopt_result {
	PARSEOPT_OK,
	PARSEOPT_HELP,
	PARSEOPT_VERSION,
	PARSEOPT_ERROR,
};

/*
 * Parse argv[1..argc) against table, setting the fields of target.  The
 * arguments that are not options are moved, in order, to argv[1..*nargs],
 * so argv must be writable; argv[0] stays.  Returns PARSEOPT_OK, one of
 * the two "asked" results as soon as that option is seen, or
 * PARSEOPT_ERROR with err set (an unknown option, a missing or unwanted
 * value, or what a check refused).
 */
enum parseopt_result parseopt(int argc, char **argv,
			      const struct parseopt *table, void *target,
			      int *nargs, struct kb_error *err);

/* 1 if the subcommand called name takes opt (see struct parseopt.scope). */
int parseopt_takes(const struct parseopt *opt, const char *name);

/* The first option of table that was given in target but that the
 * subcommand called name does not take, or NULL. */
const struct parseopt *parseopt_refused(const struct parseopt *table,
					const void *target, const char *name);

/*
 * Append " [--db PATH]" for each option that scope takes, to the last line
 * of sb, breaking lines before width columns; a new line starts with indent
 * spaces.  With scope NULL, the options that every subcommand takes; else
 * those that name it.  argname, if not NULL, may append a value's name in
 * place of opt->argname (for a value that depends on the subcommand) and
 * return 1, or return 0 to keep opt->argname.
 */
int parseopt_synopsis(struct strbuf *sb, const struct parseopt *table,
		      const char *scope, size_t indent, size_t width,
		      int (*argname)(struct strbuf *sb,
				     const struct parseopt *opt,
				     const void *data),
		      const void *data);

/*
 * Append one line per option, "  -d, --db PATH   its help", the help
 * wrapped to width columns.  Returns 0, or -1 if memory ran out.
 */
int parseopt_help(struct strbuf *sb, const struct parseopt *table,
		  size_t width);

/* The same, for only the options that the subcommand called name takes
 * (see parseopt_takes); every option if name is NULL. */
int parseopt_help_for(struct strbuf *sb, const struct parseopt *table,
		      const char *name, size_t width);

#endif
