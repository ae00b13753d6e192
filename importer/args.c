/*
 * args.c - the option table of codekb-import, and the parsing, usage and
 * help made from it; see args.h.
 */
#include <string.h>

#include "args.h"

/* The width that usage and help lines are wrapped to. */
#define WIDTH 79

static int check_kind(void *target, const char *value, struct kb_error *err);
static int check_conflict(void *target, const char *value,
			  struct kb_error *err);

const struct parseopt args_table[] = {
	OPT_STRING('d', "db", "PATH", struct args, opt.db_path,
		   "the database (default: $CODEKB_DB, else the database "
		   "built from data/)"),
	OPT_FLAG('n', "dry-run", struct args, opt.dry_run,
		 "check everything, write nothing"),
	OPT_STRING('k', "kind", "KIND", struct args, kind,
		   "what every file holds: auto (from its header), protocols, "
		   "classes, codes, iana, protocol-texts, class-texts, texts, "
		   "ui or notes",
		   .check = check_kind),
	OPT_STRING('c', "on-conflict", "WHAT", struct args, on_conflict,
		   "a row that exists with other values is an error (abort, "
		   "the default), is overwritten (replace) or is left alone "
		   "(skip)",
		   .check = check_conflict),
	OPT_STRING('p', "protocol", "P", struct args, opt.protocol,
		   "the protocol of registry files (iana): the columns "
		   "Value,Description,Reference, as IANA publishes them; "
		   "declared if it is new"),
	OPT_FLAG('u', "upgrade", struct args, upgrade,
		 "create the database or bring its schema up to date, and "
		 "import nothing"),
	OPT_FLAG('O', "optimize", struct args, opt.optimize,
		 "merge each search index into one segment, so that searches "
		 "read less (an import that changes a quarter or more of the "
		 "searchable texts does this by itself)"),
	OPT_HELP(),
	OPT_VERSION(),
	OPT_END(),
};

static int check_kind(void *target, const char *value, struct kb_error *err)
{
	struct args *a = target;
	int kind = import_kind_parse(value);

	if (kind < 0)
		return kb_error_set(err, "unknown kind '%s'", value);
	a->opt.kind = (enum kind)kind;
	return 0;
}

static int check_conflict(void *target, const char *value,
			  struct kb_error *err)
{
	static const char *const names[] = {"abort", "replace", "skip"};
	struct args *a = target;

	for (int i = 0; i < 3; i++) {
		if (strcmp(value, names[i]) == 0) {
			a->opt.on_conflict = (enum on_conflict)i;
			return 0;
		}
	}
	return kb_error_set(err, "--on-conflict takes abort, replace or skip, "
			    "not '%s'", value);
}

enum parseopt_result args_parse(int argc, char **argv, struct args *a,
				struct kb_error *err)
{
	enum parseopt_result result;

	memset(a, 0, sizeof(*a));
	result = parseopt(argc, argv, args_table, a, &a->npaths, err);
	a->paths = argv + 1;
	if (result != PARSEOPT_OK)
		return result;
	if (a->npaths == 0 && !a->upgrade && !a->opt.optimize) {
		kb_error_set(err, "no file to import");
		return PARSEOPT_ERROR;
	}
	if (a->npaths > 0 && a->upgrade) {
		kb_error_set(err, "--upgrade takes no file");
		return PARSEOPT_ERROR;
	}
	return PARSEOPT_OK;
}

void args_usage(struct strbuf *sb)
{
	static const char prog[] = "usage: codekb-import";

	strbuf_addstr(sb, prog);
	parseopt_synopsis(sb, args_table, NULL, sizeof(prog), WIDTH, NULL,
			  NULL);
	/* without --upgrade or --optimize there must be a file */
	strbuf_addstr(sb, " [FILE|DIR|- ...]\n");
}

void args_help(struct strbuf *sb)
{
	args_usage(sb);
	strbuf_addstr(sb,
		      "\n"
		      "Load protocols, classes, codes, texts and UI strings "
		      "from CSV files\n"
		      "into a codekb database, all in one transaction: if any "
		      "row of any\n"
		      "file is wrong, every problem is reported as "
		      "FILE:LINE:COL and nothing\n"
		      "is written.\n"
		      "\n");
	parseopt_help(sb, args_table, WIDTH);
	strbuf_addstr(sb,
		      "\n"
		      "A directory stands for every .csv file under it.  \"-\" "
		      "reads stdin.\n"
		      "docs/data-format.md describes the files.\n");
}
