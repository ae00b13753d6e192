/*
 * import.h - load CSV files into a codekb database in one transaction.
 *
 * Usage, as importer/main.c does it:
 *
 *     struct import_options opt = { .db_path = path, .kind = KIND_AUTO };
 *     int status = import_run(&opt, files, nfiles, stdout, stderr);
 *
 * Every file is read and checked; every problem is written to diag as
 * "codekb-import: FILE:LINE:COL: message" (up to IMPORT_MAX_ERRORS).  If
 * any was found, or on --dry-run, the transaction is rolled back and the
 * database is exactly as before.  Otherwise it is committed, and a summary
 * line goes to out.
 */
#ifndef CODEKB_IMPORT_H
#define CODEKB_IMPORT_H

#include <stdio.h>

/* The most problems reported before the importer gives up reading. */
#define IMPORT_MAX_ERRORS 50

/* What a file holds.  The order is the order files are loaded in, so
 * that a protocol exists before its classes, a code before its texts.
 * KIND_AUTO, zero, means "tell it from the header". */
enum kind {
	KIND_AUTO,
	KIND_PROTOCOLS,
	KIND_CLASSES,
	KIND_CODES,
	KIND_IANA,
	KIND_PROTOCOL_TEXTS,
	KIND_CLASS_TEXTS,
	KIND_TEXTS,
	KIND_NAMES,
	KIND_TRANSLATIONS,
	KIND_UI,
	KIND_NOTES,
	KIND_EQUIVALENTS,
	KIND_FACTS,
	KIND_COUNT
};

enum on_conflict {
	/* a row that exists with other values is an error */
	CONFLICT_ABORT,
	/* it is overwritten */
	CONFLICT_REPLACE,
	/* it is left as it is */
	CONFLICT_SKIP,
};

struct import_options {
	/* the database file */
	const char *db_path;
	/* check everything, write nothing */
	int dry_run;
	/* the kind of every file, or KIND_AUTO to tell it from the header */
	enum kind kind;
	/* what to do with rows that already exist */
	enum on_conflict on_conflict;
	/* the protocol of registry (iana) files, as given by --protocol */
	const char *protocol;
	/* 1 to merge each search index into one segment before commit */
	int optimize;
};

/* The kind called name, or KIND_AUTO for "auto"; -1 if there is none. */
int import_kind_parse(const char *name);

/*
 * Import paths (files, directories of .csv files, or "-" for stdin).
 * With npaths 0 it only creates or upgrades the database.  Returns 0 on
 * success and 1 on any failure, with every message written to diag.
 */
int import_run(const struct import_options *opt, char *const *paths,
	       int npaths, FILE *out, FILE *diag);

#endif
