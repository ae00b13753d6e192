/*
 * main.c - codekb-import: load code data from CSV into a codekb database.
 *
 * Only parses the command line; import.c does the work.
 */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "import.h"
#include "splitvfs.h"

#ifndef CODEKB_VERSION
#define CODEKB_VERSION "unknown"
#endif

static const char usage_text[] =
	"usage: codekb-import [--db PATH] [--dry-run] "
	"[--kind auto|codes|texts|ui|...]\n"
	"                     [--protocol P] [--on-conflict abort|replace|skip]\n"
	"                     FILE|DIR|- ...\n"
	"       codekb-import [--db PATH] --upgrade | --optimize\n";

static const char help_text[] =
	"\n"
	"Load protocols, classes, codes, texts and UI strings from CSV files\n"
	"into a codekb database, all in one transaction: if any row of any\n"
	"file is wrong, every problem is reported as FILE:LINE:COL and nothing\n"
	"is written.\n"
	"\n"
	"  -d, --db PATH          the database (default: $CODEKB_DB, else the\n"
	"                         database built from data/)\n"
	"  -n, --dry-run          check everything, write nothing\n"
	"  -k, --kind KIND        what every file holds: auto (from its header),\n"
	"                         protocols, classes, codes, iana, protocol-texts,\n"
	"                         class-texts, texts, ui or notes\n"
	"  -c, --on-conflict WHAT a row that exists with other values is an\n"
	"                         error (abort, the default), is overwritten\n"
	"                         (replace) or is left alone (skip)\n"
	"  -p, --protocol P       the protocol of registry files (iana): the\n"
	"                         columns Value,Description,Reference, as IANA\n"
	"                         publishes them; declared if it is new\n"
	"  -u, --upgrade          create the database or bring its schema up\n"
	"                         to date, and import nothing\n"
	"  -O, --optimize         merge each search index into one segment,\n"
	"                         so that searches read less (an import that\n"
	"                         changes a quarter or more of the searchable\n"
	"                         texts does this by itself)\n"
	"  -h, --help             show this help\n"
	"  -V, --version          show the version\n"
	"\n"
	"A directory stands for every .csv file under it.  \"-\" reads stdin.\n"
	"docs/data-format.md describes the files.\n";

enum parse_result {
	PARSE_OK,
	PARSE_HELP,
	PARSE_VERSION,
	PARSE_ERROR,
};

struct args {
	struct import_options opt;
	int upgrade;
	char **paths;
	int npaths;
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("codekb-import: ", stderr);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n%stry 'codekb-import --help'\n", usage_text);
	return PARSE_ERROR;
}

/* The value of option argv[*i] (given as --opt VALUE or --opt=VALUE). */
static const char *option_value(int argc, char **argv, int *i, const char *eq)
{
	if (eq)
		return eq + 1;
	if (*i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int is_opt(const char *arg, const char *s, const char *l, const char **eq)
{
	size_t n = strlen(l);

	*eq = NULL;
	if (strcmp(arg, s) == 0 || strcmp(arg, l) == 0)
		return 1;
	if (strncmp(arg, l, n) == 0 && arg[n] == '=') {
		*eq = arg + n;
		return 1;
	}
	return 0;
}

static int parse_conflict(const char *v, enum on_conflict *out)
{
	static const char *const names[] = {"abort", "replace", "skip"};

	for (int i = 0; i < 3; i++) {
		if (strcmp(v, names[i]) == 0) {
			*out = (enum on_conflict)i;
			return 0;
		}
	}
	return -1;
}

/* Parse argv into a; reports usage errors itself. */
static enum parse_result parse_args(int argc, char **argv, struct args *a)
{
	int only_paths = 0;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq;
		const char *v;

		if (only_paths || arg[0] != '-' || strcmp(arg, "-") == 0) {
			a->paths[a->npaths++] = argv[i];
		} else if (strcmp(arg, "--") == 0) {
			only_paths = 1;
		} else if (is_opt(arg, "-h", "--help", &eq)) {
			return PARSE_HELP;
		} else if (is_opt(arg, "-V", "--version", &eq)) {
			return PARSE_VERSION;
		} else if (is_opt(arg, "-n", "--dry-run", &eq)) {
			a->opt.dry_run = 1;
		} else if (is_opt(arg, "-u", "--upgrade", &eq)) {
			a->upgrade = 1;
		} else if (is_opt(arg, "-O", "--optimize", &eq)) {
			a->opt.optimize = 1;
		} else if (is_opt(arg, "-d", "--db", &eq)) {
			if (!(v = option_value(argc, argv, &i, eq)))
				return usage_error("'%s' needs a value", arg);
			a->opt.db_path = v;
		} else if (is_opt(arg, "-p", "--protocol", &eq)) {
			if (!(v = option_value(argc, argv, &i, eq)))
				return usage_error("'%s' needs a value", arg);
			a->opt.protocol = v;
		} else if (is_opt(arg, "-k", "--kind", &eq)) {
			int kind;

			if (!(v = option_value(argc, argv, &i, eq)))
				return usage_error("'%s' needs a value", arg);
			kind = import_kind_parse(v);
			if (kind < 0)
				return usage_error("unknown kind '%s'", v);
			a->opt.kind = (enum kind)kind;
		} else if (is_opt(arg, "-c", "--on-conflict", &eq)) {
			if (!(v = option_value(argc, argv, &i, eq)))
				return usage_error("'%s' needs a value", arg);
			if (parse_conflict(v, &a->opt.on_conflict) < 0)
				return usage_error("--on-conflict takes abort, "
						   "replace or skip, not '%s'", v);
		} else {
			return usage_error("unknown option '%s'", arg);
		}
	}
	if (a->npaths == 0 && !a->upgrade && !a->opt.optimize)
		return usage_error("%s", "no file to import");
	if (a->npaths > 0 && a->upgrade)
		return usage_error("%s", "--upgrade takes no file");
	return PARSE_OK;
}

/*
 * How much of a statement's undo journal SQLite keeps in memory before it
 * moves it to a temporary file.  Inside the import's one transaction, every
 * INSERT that fires triggers keeps such a journal of the pages it changes:
 * 10 to 20 pages of 16 KiB for a text.  Once a statement outgrows the
 * block, SQLite keeps the file and writes every later statement's journal
 * to it until the commit, so the block must hold a row's journal with room
 * to spare.  A block over 128 KiB needs splitvfs.c.
 */
#define STMT_JOURNAL_SPILL (512 * 1024)

int main(int argc, char **argv)
{
	struct args a;
	char *db_path = NULL;
	int status;

	memset(&a, 0, sizeof(a));
	a.paths = calloc((size_t)argc, sizeof(*a.paths));
	if (!a.paths)
		return 1;
	switch (parse_args(argc, argv, &a)) {
	case PARSE_HELP:
		printf("%s%s", usage_text, help_text);
		free(a.paths);
		return 0;
	case PARSE_VERSION:
		printf("codekb-import %s (schema %d, SQLite %s)\n",
		       CODEKB_VERSION, db_schema_version(), sqlite3_libversion());
		free(a.paths);
		return 0;
	case PARSE_ERROR:
		free(a.paths);
		return 2;
	default:
		break;
	}
	db_path = db_choose_path(a.opt.db_path);
	if (!db_path) {
		fprintf(stderr, "codekb-import: no database: give --db PATH or "
			"set CODEKB_DB\n");
		free(a.paths);
		return 2;
	}
	a.opt.db_path = db_path;
	/* SQLite's FTS5 index allocates and frees large blocks for every few
	 * rows; served by mmap, each costs page faults (an import of 20,000
	 * texts spent 4 of its 5 seconds in the kernel).  Keep them on the
	 * heap instead. */
	mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
	/* Past a file size limit (ulimit -f), fail the write with EFBIG and
	 * roll back, instead of being killed halfway. */
	signal(SIGXFSZ, SIG_IGN);
	db_configure_library(0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMT_JOURNAL_SPILL);
	if (splitvfs_register() != SQLITE_OK) {
		fprintf(stderr, "codekb-import: cannot set up SQLite's file "
			"layer\n");
		free(db_path);
		free(a.paths);
		return 1;
	}
	status = import_run(&a.opt, a.paths, a.npaths, stdout, stderr);
	sqlite3_shutdown();
	free(db_path);
	free(a.paths);
	return status;
}
