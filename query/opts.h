/*
 * opts.h - the options of the codekb query tool.
 *
 * Options may come before or after the subcommand and its arguments, in
 * short or long form, as "--opt VALUE" or "--opt=VALUE".  The parser
 * returns "help requested" as a value instead of exiting, so tests can
 * call it.
 */
#ifndef CODEKB_OPTS_H
#define CODEKB_OPTS_H

#include "error.h"

enum opt_flags {
	OPT_LANG = 1 << 0,
	OPT_FORMAT = 1 << 1,
	OPT_PROTOCOL = 1 << 2,
	OPT_CLASS = 1 << 3,
	OPT_OUTPUT = 1 << 4,
	OPT_JOBS = 1 << 5,
	OPT_FORCE = 1 << 6,
	OPT_TIMEOUT = 1 << 7,
};

enum parse_result {
	PARSE_OK,
	PARSE_HELP,
	PARSE_VERSION,
	PARSE_ERROR,
};

struct opts {
	/* --db, or NULL */
	const char *db;
	/* --lang, --format, --protocol, --class, --output, --jobs, or NULL */
	const char *lang;
	const char *format;
	const char *protocol;
	const char *class_label;
	const char *output;
	const char *jobs;
	/* --timeout SECONDS of `sql`, or NULL */
	const char *timeout;
	/* --force (takes no value): export a site into a folder that codekb
	 * did not make */
	int force;
	/* every --lang given, in order (argv's strings; the array is owned) */
	const char **langs;
	int nlangs;
	/* the subcommand, or NULL if none was given */
	const char *command;
	/* the subcommand's arguments (argv's strings; the array is owned) */
	char **args;
	int nargs;
};

/*
 * Parse argv (argv[0] is the program).  Every option in enum opt_flags is
 * accepted here; the subcommand checks which of them it takes.  Returns
 * PARSE_OK, PARSE_HELP, PARSE_VERSION, or PARSE_ERROR with err set.  The
 * caller frees o->args and o->langs with opts_release().
 */
enum parse_result opts_parse(int argc, char **argv, struct opts *o,
			     struct kb_error *err);

/* The options set in o, as enum opt_flags. */
unsigned opts_given(const struct opts *o);

void opts_release(struct opts *o);

#endif
