/*
 * columns.h - the columns that codekb's CSV files may have, and the state
 * of the import that the per-kind row handlers in kinds.c work on.
 */
#ifndef CODEKB_COLUMNS_H
#define CODEKB_COLUMNS_H

#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/stat.h>

#include "csvread.h"
#include "error.h"
#include "strbuf.h"
#include "import.h"

enum column {
	COL_PROTOCOL,
	COL_NAME,
	COL_REFERENCE,
	COL_CLASS,
	COL_FIRST,
	COL_LAST,
	COL_CODE,
	COL_REASON,
	COL_SECTION,
	COL_STATUS,
	COL_REGISTERED,
	COL_EXPIRES,
	COL_VENDOR,
	COL_FINAL,
	COL_CACHEABLE,
	COL_RETRY_AFTER,
	COL_FORMER,
	COL_DESCRIPTION,
	COL_WHEN_SEEN,
	COL_HOW_TO_FIX,
	COL_LOCALE,
	COL_KEY,
	COL_TEXT,
	COL_CODE_A,
	COL_CODE_B,
	COL_NOTE,
	COL_VALUE,
	COL_IANA_DESCRIPTION,
	COL_IANA_REFERENCE,
	COL_FIELD,
	COL_ENGLISH,
	COL_TRANSLATION,
	COL_PREVIOUS,
	COL_SHAPES,
	COL_ALIASES,
	COL_NOUN,
	COL_BASIC,
	COL_VENDOR_A,
	COL_VENDOR_B,
	COL_PROTOCOL_A,
	COL_PROTOCOL_B,
	COL_FACT,
	COL_FACT_VALUE,
	/* a code's search terms in a names file */
	COL_TERMS,
	/* the registry's SMTP enhanced status code export */
	COL_IANA_CODE,
	COL_IANA_SAMPLE,
	COL_IANA_BASIC,
	COL_IANA_SUBMITTER,
	COL_IANA_CONTROLLER,
	/* values the importer works out, never read from a file: a key's
	 * sort value and page slug (lib/codekey.h), a class's sort range */
	COL_SORT,
	COL_SLUG,
	COL_LO,
	COL_HI,
	COL_COUNT
};

#define BIT(col) (1UL << (col))

/* The room for one normalized value inside a row; a longer one is kept
 * whole in memory of its own (struct row's heap). */
#define ROW_BUF 64

enum outcome {
	OUT_ADDED,
	OUT_REPLACED,
	OUT_SKIPPED,
	OUT_UNCHANGED,
	OUT_FAILED,
};

struct counts {
	unsigned long n[OUT_FAILED];
};

/* One data row being imported. */
struct row {
	/* the record as read */
	const struct csv_record *rec;
	/* each column's value after normalization, NULL if the file has no
	 * such column or the cell is empty */
	const char *val[COL_COUNT];
	/* storage for normalized values (upper-cased protocol, 0/1 flags) */
	char buf[COL_COUNT][ROW_BUF];
	/* a normalized value that does not fit in buf (malloc'ed, or NULL);
	 * row_release() frees them */
	char *heap[COL_COUNT];
};

/* Free what normalizing a row's values allocated. */
void row_release(struct row *row);

/* What gives a parameter of a statement its value: a column of the row
 * (0 to COL_COUNT - 1), or one of these. */
enum param_source {
	/* :field, the text field that the caller names */
	PARAM_FIELD = COL_COUNT,
	/* :body, the text that the caller gives */
	PARAM_BODY,
	/* any other (:line), bound by the caller itself */
	PARAM_OTHER,
};

/* The most parameters a statement of import.sql may have. */
#define STMT_MAX_PARAMS 32

/* A prepared statement of import.sql. */
struct stmt {
	/* its name there ("code_insert") */
	char name[32];
	sqlite3_stmt *st;
	/* how many parameters it has, and where each of them (1 to nparams)
	 * takes its value from: an enum column or enum param_source */
	int nparams;
	unsigned char source[STMT_MAX_PARAMS + 1];
};

struct import {
	/* what the user asked for */
	const struct import_options *opt;
	/* the database, inside one transaction for the whole run */
	sqlite3 *db;
	/* where problems are reported */
	FILE *diag;
	/* problems reported so far */
	unsigned errors;
	/* set when the database itself failed (disk full, I/O error): the
	 * transaction is gone and reading stops */
	int fatal;
	/* prepared statements by name, made on first use */
	struct stmt stmts[64];
	size_t nstmts;
	/* rows per kind and outcome */
	struct counts counts[KIND_COUNT];
	/* the file being read, its kind, and each column's field index (-1
	 * if absent) */
	const char *file;
	/* the regular file being read (-1 for a snapshot of stdin or a
	 * FIFO) and how it was when first opened, so that a problem found
	 * in a row is first checked against a change of the file */
	int file_fd;
	const struct stat *file_st;
	enum kind kind;
	int index[COL_COUNT];
	size_t ncolumns;
	/* data rows read from the current file */
	unsigned long rows;
	/* whether diag is a terminal (then progress is shown), and when
	 * the progress line was last drawn, in ms */
	int tty;
	long long progress_ms;
	/* range rows ("427-428,Unassigned") skipped in registry files */
	unsigned long ranges;
	/* what registry files changed, line by line, printed after the
	 * summary (malloc'ed, NUL-terminated, or NULL) */
	struct strbuf changes;
	/* the codes a registry file added, "100, 180, ..." */
	struct strbuf added;
	/* the shapes of the last protocol whose keys were parsed, which
	 * nearly every row of a file shares */
	char shapes_protocol[17];
	unsigned shapes;
	/* the key of the row being imported, as row_key() made it */
	struct strbuf key;
};

/* The columns whose values may span lines and hold tabs: the prose of
 * codes and notes, the translators' copies of it, and the cells of
 * registry files, which the registry wraps.  No other value may hold a
 * control character. */
extern const unsigned long column_multiline;

/* The name of a column as it appears in a header. */
extern const char *const column_names[COL_COUNT];

/* The name of a kind ("codes"). */
const char *kind_name(enum kind kind);

/* The kind that a header announces, or KIND_AUTO if none. */
enum kind kind_detect(const struct csv_record *rec);

/* Columns a kind must have, and may have. */
unsigned long kind_required(enum kind kind);
unsigned long kind_allowed(enum kind kind);

/* Check and write one data row of the current file's kind. */
enum outcome kind_row(struct import *im, struct row *row);

/* Called once a file's header has been read, and after its last row;
 * return -1 (with a reported problem) to stop reading it. */
int kind_begin(struct import *im);
int kind_end(struct import *im);

/* ---- session.c: shared by the run (import.c) and the rows (kinds.c) ---- */

/* Count a problem and write it to diag as "codekb-import: MESSAGE". */
void report(struct import *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* 1 if a and b are the same file with the same size and times. */
int same_file(const struct stat *a, const struct stat *b);

/* Report that path changed while it was being read. */
void report_changed(struct import *im, const char *path);

/* 1 (reported, and the run made fatal) if the regular file being read
 * has changed since it was first opened. */
int file_changed(struct import *im);

/* Append one printf-formatted line to im->changes. */
void import_change(struct import *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Report a problem at the row's line and col's field (the first field if
 * the file has no such column).  Returns OUT_FAILED. */
enum outcome row_error(struct import *im, const struct row *row,
		       enum column col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Report the database's last error for the row: a constraint the row
 * broke, or a failure of the database itself, which makes the run fatal. */
void import_db_error(struct import *im, const struct row *row);

/* The statement called name in import.sql, reset and unbound; NULL (with
 * a reported problem) if it cannot be prepared.  It belongs to im. */
struct stmt *import_stmt(struct import *im, const char *name);

#endif
