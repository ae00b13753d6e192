/*
 * main.c - codekb-import: load code data from CSV into a codekb database.
 *
 * Only reads the command line (args.c); import.c does the work.
 */
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "db.h"
#include "import.h"
#include "splitvfs.h"

#ifndef CODEKB_VERSION
#define CODEKB_VERSION "unknown"
#endif

/* Print sb to out, or say that there was no memory for it. */
static void print_text(struct strbuf *sb, FILE *out)
{
	if (sb->failed)
		fputs("codekb-import: out of memory\n", stderr);
	else
		fputs(sb->buf, out);
	strbuf_release(sb);
}

static int usage_error(const char *msg)
{
	struct strbuf sb = STRBUF_INIT;

	fprintf(stderr, "codekb-import: %s\n", msg);
	args_usage(&sb);
	strbuf_addstr(&sb, "try 'codekb-import --help'\n");
	print_text(&sb, stderr);
	return 2;
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
	struct kb_error err = {{0}};
	struct strbuf help = STRBUF_INIT;
	char *db_path = NULL;
	int status;

	switch (args_parse(argc, argv, &a, &err)) {
	case PARSEOPT_HELP:
		args_help(&help);
		status = help.failed ? 1 : 0;
		print_text(&help, stdout);
		return status;
	case PARSEOPT_VERSION:
		printf("codekb-import %s (schema %d, SQLite %s)\n",
		       CODEKB_VERSION, db_schema_version(), sqlite3_libversion());
		return 0;
	case PARSEOPT_ERROR:
		return usage_error(err.msg);
	default:
		break;
	}
	db_path = db_choose_path(a.opt.db_path);
	if (!db_path) {
		fprintf(stderr, "codekb-import: no database: give --db PATH or "
			"set CODEKB_DB\n");
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
		return 1;
	}
	status = import_run(&a.opt, a.paths, a.npaths, stdout, stderr);
	sqlite3_shutdown();
	free(db_path);
	return status;
}
