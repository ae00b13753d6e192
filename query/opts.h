/*
 * opts.h - the options of the codekb query tool.
 *
 * They are declared once, in opts_table[] (opts.c): each row gives the
 * option's spelling, its value's name, its help line, the field of struct
 * opts it sets and the subcommands that take it.  The parser, the usage
 * lines and `codekb --help` are all made from that table, so adding an
 * option is adding a row there and its field below.
 *
 * Options may come before or after the subcommand and its arguments, in
 * short or long form, as "--opt VALUE" or "--opt=VALUE".  The parser
 * returns "help requested" as a value instead of exiting, so tests can
 * call it.
 */
#ifndef CODEKB_OPTS_H
#define CODEKB_OPTS_H

#include "error.h"
#include "parseopt.h"
#include "strbuf.h"

struct cmd;

struct opts {
	/* each option's value (argv's string), or NULL if it was not given;
	 * a repeated option keeps its last value */
	const char *db;
	const char *lang;
	const char *format;
	const char *protocol;
	const char *class_label;
	const char *output;
	const char *jobs;
	const char *vendor;
	const char *timeout;
	/* --force was given */
	int force;
	/* --views was given */
	int views;
	/* every --lang given, in order (argv's strings; the array is owned) */
	const char **langs;
	int nlangs;
	/* the subcommand, or NULL if none was given */
	const char *command;
	/* the subcommand's arguments (a part of argv) */
	char **args;
	int nargs;
};

/* Every option, ended by an OPTION_END row. */
extern const struct parseopt opts_table[];

/*
 * Parse argv (argv[0] is the program; the array is reordered, see
 * parseopt()).  Every option of opts_table is accepted here, whatever the
 * subcommand; opts_refused() tells which it does not take.  Returns
 * PARSEOPT_OK, PARSEOPT_HELP, PARSEOPT_VERSION, or PARSEOPT_ERROR with err
 * set.  The caller frees o->langs with opts_release().
 */
enum parseopt_result opts_parse(int argc, char **argv, struct opts *o,
				struct kb_error *err);

/* The first option given in o that cmd does not take, or NULL. */
const struct parseopt *opts_refused(const struct opts *o,
				    const struct cmd *cmd);

/* Append cmd's usage line, "codekb [--db PATH] show PROTO CODE [...]",
 * without "usage: " or a final newline. */
void opts_usage(struct strbuf *sb, const struct cmd *cmd);

/* Append "usage: codekb [--db PATH] COMMAND ..." and every command's
 * usage line, each ending in a newline. */
void opts_usage_all(struct strbuf *sb);

/* Append the whole of `codekb --help`. */
void opts_help(struct strbuf *sb);

/* Append `codekb COMMAND --help`: cmd's usage line, what it does, and
 * only the options it takes. */
void opts_command_help(struct strbuf *sb, const struct cmd *cmd);

void opts_release(struct opts *o);

#endif
