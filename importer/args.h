/*
 * args.h - the command line of codekb-import.
 *
 * Its options are declared once, in args_table[] (args.c); the parser,
 * the usage lines and `codekb-import --help` are made from it, so adding
 * an option is adding a row there and the field it sets.
 */
#ifndef CODEKB_ARGS_H
#define CODEKB_ARGS_H

#include "error.h"
#include "import.h"
#include "parseopt.h"
#include "strbuf.h"

struct args {
	/* what --db, --dry-run, --kind, --on-conflict, --protocol and
	 * --optimize set */
	struct import_options opt;
	/* --kind and --on-conflict as given, or NULL */
	const char *kind;
	const char *on_conflict;
	/* --upgrade */
	int upgrade;
	/* the files to import (a part of argv) */
	char **paths;
	int npaths;
};

/* Every option, ended by an OPTION_END row. */
extern const struct parseopt args_table[];

/*
 * Parse argv (argv[0] is the program; the array is reordered, see
 * parseopt()) into a.  Returns PARSEOPT_OK, PARSEOPT_HELP,
 * PARSEOPT_VERSION, or PARSEOPT_ERROR with err set.  Nothing to free.
 */
enum parseopt_result args_parse(int argc, char **argv, struct args *a,
				struct kb_error *err);

/* Append the usage lines, each ending in a newline. */
void args_usage(struct strbuf *sb);

/* Append the whole of `codekb-import --help`. */
void args_help(struct strbuf *sb);

#endif
