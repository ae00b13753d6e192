/*
 * opts.c - the option table of the query tool, and the parsing, usage
 * lines and help made from it; see opts.h.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "opts.h"

/* The width that usage and help lines are wrapped to. */
#define WIDTH 79

static int keep_lang(void *target, const char *value, struct kb_error *err);

const struct parseopt opts_table[] = {
	OPT_STRING('d', "db", "PATH", struct opts, db,
		   "the database (default: $CODEKB_DB, else the one built "
		   "from data/, else the one installed)"),
	OPT_STRING('l', "lang", "L", struct opts, lang,
		   "language, a BCP 47 tag: en, zh, ja, zh-CN, ... (texts "
		   "not yet translated fall back to English); `export site` "
		   "takes several",
		   .check = keep_lang,
		   .scope = "list show compare search export"),
	OPT_STRING('f', "format", "F", struct opts, format,
		   "table, csv, md or json, as the command allows",
		   .scope = "list show compare search export sql coverage"),
	OPT_STRING('p', "protocol", "P", struct opts, protocol,
		   "only this protocol (case-insensitive)",
		   .scope = "list search export coverage"),
	OPT_STRING('c', "class", "N", struct opts, class_label,
		   "only this class: 4xx, or 4",
		   .scope = "list"),
	OPT_STRING(0, "vendor", "NAME", struct opts, vendor,
		   "choose the meaning of a code that one vendor gives it, "
		   "e.g. nginx",
		   .scope = "show compare"),
	OPT_STRING('o', "output", "PATH", struct opts, output,
		   "export into this file (replaced only when the export is "
		   "complete; a FIFO or a device is written to, never "
		   "replaced) or, for a site, directory",
		   .scope = "export"),
	OPT_FLAG(0, "force", struct opts, force,
		 "export a site into a folder that is not empty and was not "
		 "made by codekb",
		 .scope = "export"),
	OPT_STRING('t', "timeout", "S", struct opts, timeout,
		   "stop `sql` after S seconds (default 5)",
		   .scope = "sql"),
	OPT_FLAG(0, "views", struct opts, views,
		 "list the views that `sql` can query, with their columns, "
		 "instead of running a statement",
		 .scope = "sql"),
	OPT_STRING('j', "jobs", "N", struct opts, jobs,
		   "export a site in N threads (default: one per processor, "
		   "up to 8)",
		   .scope = "export"),
	OPT_HELP(),
	OPT_VERSION(),
	OPT_END(),
};

/* `export site` takes several languages; every other command the last. */
static int keep_lang(void *target, const char *value, struct kb_error *err)
{
	struct opts *o = target;

	(void)err;
	o->langs[o->nlangs++] = value;
	return 0;
}

enum parseopt_result opts_parse(int argc, char **argv, struct opts *o,
				struct kb_error *err)
{
	enum parseopt_result result;
	int n = 0;

	memset(o, 0, sizeof(*o));
	/* one slot per argument is enough for every --lang */
	o->langs = calloc((size_t)argc + 1, sizeof(*o->langs));
	if (!o->langs) {
		kb_error_set(err, "out of memory");
		return PARSEOPT_ERROR;
	}
	result = parseopt(argc, argv, opts_table, o, &n, err);
	if (n > 0)
		o->command = argv[1];
	o->args = argv + 1 + (n > 0);
	o->nargs = n > 0 ? n - 1 : 0;
	return result;
}

const struct parseopt *opts_refused(const struct opts *o,
				    const struct cmd *cmd)
{
	return parseopt_refused(opts_table, o, cmd->name);
}

/* The value of --format in cmd's usage: the formats it writes. */
static int format_argname(struct strbuf *sb, const struct parseopt *opt,
			  const void *data)
{
	const struct cmd *cmd = data;
	const char *sep = "";

	if (opt->offset != offsetof(struct opts, format))
		return 0;
	for (int f = FMT_TABLE; f <= FMT_JSON; f++) {
		if (cmd->formats & (1u << f)) {
			strbuf_addf(sb, "%s%s", sep, format_name((enum format)f));
			sep = "|";
		}
	}
	return 1;
}

/* The column the last line of sb has reached. */
static size_t column(const struct strbuf *sb)
{
	size_t i = sb->len;

	while (i > 0 && sb->buf[i - 1] != '\n')
		i--;
	return sb->len - i;
}

/* " ARGS", its choices ("codes|texts|...") continued under indent after a
 * '|' where the line would pass WIDTH. */
static void add_args(struct strbuf *sb, const char *args, size_t indent)
{
	const char *p = args;

	strbuf_addch(sb, ' ');
	while (*p) {
		size_t n = strcspn(p, "|");
		size_t end = column(sb) + n + (p[n] == '|');

		if (p != args && end > WIDTH) {
			strbuf_addch(sb, '\n');
			for (size_t i = 0; i < indent; i++)
				strbuf_addch(sb, ' ');
		}
		strbuf_add(sb, p, n + (p[n] == '|'));
		p += n + (p[n] == '|');
	}
}

void opts_usage(struct strbuf *sb, const struct cmd *cmd)
{
	size_t indent;

	strbuf_addstr(sb, "codekb");
	parseopt_synopsis(sb, opts_table, NULL, 0, WIDTH, NULL, NULL);
	strbuf_addf(sb, " %s", cmd->name);
	/* continued lines start under the command's first argument */
	indent = column(sb) + 1;
	if (cmd->args[0])
		add_args(sb, cmd->args, indent);
	parseopt_synopsis(sb, opts_table, cmd->name, indent, WIDTH,
			  format_argname, cmd);
}

void opts_usage_all(struct strbuf *sb)
{
	strbuf_addstr(sb, "usage: codekb");
	parseopt_synopsis(sb, opts_table, NULL, 0, WIDTH, NULL, NULL);
	strbuf_addstr(sb, " COMMAND [ARGS] [OPTIONS]\n");
	for (size_t i = 0; cmd_table[i]; i++) {
		strbuf_addstr(sb, "       ");
		opts_usage(sb, cmd_table[i]);
		strbuf_addch(sb, '\n');
	}
}

void opts_help(struct strbuf *sb)
{
	opts_usage_all(sb);
	strbuf_addch(sb, '\n');
	parseopt_help(sb, opts_table, WIDTH);
	strbuf_addstr(sb,
		      "\n"
		      "Exit status: 0 success, 1 not found or bad data, 2 usage "
		      "error.\n"
		      "The views that `sql` can query: `codekb sql --views`, "
		      "codekb-views(7).\n"
		      "`codekb COMMAND --help` shows one command's options.\n");
}

void opts_command_help(struct strbuf *sb, const struct cmd *cmd)
{
	const char *summary = cmd->summary;

	strbuf_addstr(sb, "usage: ");
	opts_usage(sb, cmd);
	strbuf_addch(sb, '\n');
	if (summary) {
		const char *p = summary;

		/* wrapped to WIDTH, breaking at spaces */
		strbuf_addch(sb, '\n');
		while (*p) {
			size_t n = strlen(p);

			if (n >= WIDTH) {
				n = WIDTH - 1;
				while (n > 0 && p[n] != ' ')
					n--;
				if (n == 0)
					n = strcspn(p, " ");
			}
			strbuf_add(sb, p, n);
			strbuf_addch(sb, '\n');
			p += n;
			p += strspn(p, " ");
		}
	}
	strbuf_addch(sb, '\n');
	parseopt_help_for(sb, opts_table, cmd->name, WIDTH);
	strbuf_addstr(sb, "\nEvery command's options: 'codekb --help'.\n");
}

void opts_release(struct opts *o)
{
	free(o->langs);
	o->langs = NULL;
	o->nlangs = 0;
}
