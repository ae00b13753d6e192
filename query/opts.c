/*
 * opts.c - see opts.h.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

struct option_def {
	/* short and long spelling */
	const char *s;
	const char *l;
	/* the field of struct opts it sets, by offset; -1 for none */
	long offset;
};

#define FIELD(name) ((long)offsetof(struct opts, name))

static const struct option_def defs[] = {
	{"-d", "--db", FIELD(db)},
	{"-l", "--lang", FIELD(lang)},
	{"-f", "--format", FIELD(format)},
	{"-p", "--protocol", FIELD(protocol)},
	{"-c", "--class", FIELD(class_label)},
	{"-o", "--output", FIELD(output)},
	{"-j", "--jobs", FIELD(jobs)},
	{"-t", "--timeout", FIELD(timeout)},
};

/* The option that arg spells, with *eq pointing at "=VALUE" if any. */
static const struct option_def *find(const char *arg, const char **eq)
{
	for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++) {
		size_t n = strlen(defs[i].l);

		*eq = NULL;
		if (strcmp(arg, defs[i].s) == 0 || strcmp(arg, defs[i].l) == 0)
			return &defs[i];
		if (strncmp(arg, defs[i].l, n) == 0 && arg[n] == '=') {
			*eq = arg + n + 1;
			return &defs[i];
		}
	}
	return NULL;
}

static int is_number(const char *arg)
{
	return arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9';
}

enum parse_result opts_parse(int argc, char **argv, struct opts *o,
			     struct kb_error *err)
{
	int only_args = 0;

	memset(o, 0, sizeof(*o));
	o->args = calloc((size_t)argc + 1, sizeof(*o->args));
	o->langs = calloc((size_t)argc + 1, sizeof(*o->langs));
	if (!o->args || !o->langs) {
		kb_error_set(err, "out of memory");
		return PARSE_ERROR;
	}
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const struct option_def *def;
		const char *eq;

		if (only_args || arg[0] != '-' || arg[1] == '\0' || is_number(arg)) {
			if (!o->command)
				o->command = arg;
			else
				o->args[o->nargs++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_args = 1;
		} else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			return PARSE_HELP;
		} else if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
			return PARSE_VERSION;
		} else if (strcmp(arg, "--force") == 0) {
			o->force = 1;
		} else if ((def = find(arg, &eq)) != NULL) {
			const char *value = eq;

			if (!value && i + 1 < argc)
				value = argv[++i];
			if (!value || !*value) {
				kb_error_set(err, "option '%s' needs a value", def->l);
				return PARSE_ERROR;
			}
			*(const char **)((char *)o + def->offset) = value;
			if (def->offset == FIELD(lang))
				o->langs[o->nlangs++] = value;
		} else {
			kb_error_set(err, "unknown option '%s'", arg);
			return PARSE_ERROR;
		}
	}
	return PARSE_OK;
}

unsigned opts_given(const struct opts *o)
{
	return (o->lang ? OPT_LANG : 0) | (o->format ? OPT_FORMAT : 0) |
	       (o->protocol ? OPT_PROTOCOL : 0) |
	       (o->class_label ? OPT_CLASS : 0) | (o->output ? OPT_OUTPUT : 0) |
	       (o->jobs ? OPT_JOBS : 0) | (o->force ? OPT_FORCE : 0) |
	       (o->timeout ? OPT_TIMEOUT : 0);
}

void opts_release(struct opts *o)
{
	free(o->args);
	free(o->langs);
	o->args = NULL;
	o->langs = NULL;
	o->nargs = 0;
	o->nlangs = 0;
}
