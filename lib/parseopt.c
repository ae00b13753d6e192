/*
 * parseopt.c - see parseopt.h.
 */
#include <string.h>

#include "parseopt.h"

/* The help column stops moving right at this; a longer option name puts
 * its help on the next line. */
#define HELP_COLUMN_MAX 28

/* "-" alone is stdin, and "-5" a number: arguments, not options. */
static int is_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0' &&
	       !(arg[1] >= '0' && arg[1] <= '9');
}

/* The option that arg spells, with *value pointing after the '=' of
 * "--name=VALUE", or NULL if there is none. */
static const struct parseopt *find(const struct parseopt *table,
				   const char *arg, const char **value)
{
	*value = NULL;
	for (const struct parseopt *o = table; o->type != OPTION_END; o++) {
		if (arg[1] != '-') {
			if (o->short_name && arg[1] == o->short_name &&
			    arg[2] == '\0')
				return o;
		} else {
			size_t n = strlen(o->long_name);

			if (strncmp(arg + 2, o->long_name, n) != 0)
				continue;
			if (arg[2 + n] == '=')
				*value = arg + 3 + n;
			if (arg[2 + n] == '\0' || arg[2 + n] == '=')
				return o;
		}
	}
	return NULL;
}

static void *field(void *target, const struct parseopt *o)
{
	return (char *)target + o->offset;
}

/* Take the value of o (from "=VALUE" or the next argument) and set its
 * field.  Returns 0, or -1 with err set. */
static int take(const struct parseopt *o, const char *value, int argc,
		char **argv, int *i, void *target, struct kb_error *err)
{
	if (o->type == OPTION_FLAG) {
		if (value)
			return kb_error_set(err, "option '--%s' takes no value",
					    o->long_name);
		*(int *)field(target, o) = 1;
		return 0;
	}
	if (!value && *i + 1 < argc)
		value = argv[++*i];
	if (!value || !*value)
		return kb_error_set(err, "option '--%s' needs a value",
				    o->long_name);
	*(const char **)field(target, o) = value;
	return o->check ? o->check(target, value, err) : 0;
}

enum parseopt_result parseopt(int argc, char **argv,
			      const struct parseopt *table, void *target,
			      int *nargs, struct kb_error *err)
{
	enum parseopt_result result = PARSEOPT_OK;
	int only_args = 0;
	int n = 0;

	for (int i = 1; i < argc && result == PARSEOPT_OK; i++) {
		char *arg = argv[i];
		const struct parseopt *o;
		const char *value;

		if (only_args || !is_option(arg)) {
			argv[++n] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_args = 1;
			continue;
		}
		o = find(table, arg, &value);
		if (!o) {
			kb_error_set(err, "unknown option '%s'", arg);
			result = PARSEOPT_ERROR;
		} else if (value && (o->type == OPTION_HELP ||
				     o->type == OPTION_VERSION)) {
			kb_error_set(err, "option '--%s' takes no value",
				     o->long_name);
			result = PARSEOPT_ERROR;
		} else if (o->type == OPTION_HELP) {
			result = PARSEOPT_HELP;
		} else if (o->type == OPTION_VERSION) {
			result = PARSEOPT_VERSION;
		} else if (take(o, value, argc, argv, &i, target, err) < 0) {
			result = PARSEOPT_ERROR;
		}
	}
	*nargs = n;
	return result;
}

int parseopt_takes(const struct parseopt *opt, const char *name)
{
	size_t n = strlen(name);

	if (!opt->scope)
		return 1;
	for (const char *p = opt->scope; *p; p += strcspn(p, " ")) {
		p += strspn(p, " ");
		if (strncmp(p, name, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	}
	return 0;
}

static int given(const struct parseopt *o, const void *target)
{
	const char *at = (const char *)target + o->offset;

	if (o->type == OPTION_FLAG)
		return *(const int *)at != 0;
	if (o->type == OPTION_STRING)
		return *(const char *const *)at != NULL;
	return 0;
}

const struct parseopt *parseopt_refused(const struct parseopt *table,
					const void *target, const char *name)
{
	for (const struct parseopt *o = table; o->type != OPTION_END; o++)
		if (given(o, target) && !parseopt_takes(o, name))
			return o;
	return NULL;
}

/* The column the last line of sb has reached. */
static size_t column(const struct strbuf *sb)
{
	size_t i = sb->len;

	while (i > 0 && sb->buf[i - 1] != '\n')
		i--;
	return sb->len - i;
}

static void pad(struct strbuf *sb, size_t to)
{
	for (size_t col = column(sb); col < to; col++)
		strbuf_addch(sb, ' ');
}

/* Append word to sb after a space, or on a new line at indent if it would
 * reach past width. */
static void add_word(struct strbuf *sb, const char *word, size_t len,
		     size_t indent, size_t width)
{
	size_t col = column(sb);

	if (col > indent && col + 1 + len > width) {
		strbuf_addch(sb, '\n');
		pad(sb, indent);
	} else if (col > indent) {
		strbuf_addch(sb, ' ');
	} else {
		pad(sb, indent);
	}
	strbuf_add(sb, word, len);
}

int parseopt_synopsis(struct strbuf *sb, const struct parseopt *table,
		      const char *scope, size_t indent, size_t width,
		      int (*argname)(struct strbuf *sb,
				     const struct parseopt *opt,
				     const void *data),
		      const void *data)
{
	struct strbuf item = STRBUF_INIT;

	for (const struct parseopt *o = table; o->type != OPTION_END; o++) {
		if (o->type != OPTION_FLAG && o->type != OPTION_STRING)
			continue;
		if (scope ? !o->scope || !parseopt_takes(o, scope) : !!o->scope)
			continue;
		strbuf_reset(&item);
		strbuf_addf(&item, "[--%s", o->long_name);
		if (o->argname) {
			strbuf_addch(&item, ' ');
			if (!argname || !argname(&item, o, data))
				strbuf_addstr(&item, o->argname);
		}
		strbuf_addch(&item, ']');
		if (item.failed)
			sb->failed = 1;
		add_word(sb, item.buf, item.len, indent, width);
	}
	strbuf_release(&item);
	return sb->failed ? -1 : 0;
}

/* "  -d, --db PATH", the left side of the help. */
static void add_label(struct strbuf *sb, const struct parseopt *o)
{
	if (o->short_name)
		strbuf_addf(sb, "  -%c, --%s", o->short_name, o->long_name);
	else
		strbuf_addf(sb, "      --%s", o->long_name);
	if (o->argname)
		strbuf_addf(sb, " %s", o->argname);
}

int parseopt_help(struct strbuf *sb, const struct parseopt *table,
		  size_t width)
{
	return parseopt_help_for(sb, table, NULL, width);
}

int parseopt_help_for(struct strbuf *sb, const struct parseopt *table,
		      const char *name, size_t width)
{
	struct strbuf label = STRBUF_INIT;
	size_t col = 0;

	for (const struct parseopt *o = table; o->type != OPTION_END; o++) {
		if (name && !parseopt_takes(o, name))
			continue;
		strbuf_reset(&label);
		add_label(&label, o);
		if (label.len + 2 > col && label.len + 2 <= HELP_COLUMN_MAX)
			col = label.len + 2;
	}
	for (const struct parseopt *o = table; o->type != OPTION_END; o++) {
		const char *p = o->help;

		if (name && !parseopt_takes(o, name))
			continue;
		add_label(sb, o);
		if (column(sb) + 2 > col)
			strbuf_addch(sb, '\n');
		pad(sb, col);
		while (*(p += strspn(p, " "))) {
			size_t n = strcspn(p, " ");

			add_word(sb, p, n, col, width);
			p += n;
		}
		strbuf_addch(sb, '\n');
	}
	if (label.failed)
		sb->failed = 1;
	strbuf_release(&label);
	return sb->failed ? -1 : 0;
}
