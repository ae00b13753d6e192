/*
 * output.h - print the rows of a statement as an aligned table, CSV
 * (RFC 4180), GitHub-flavoured Markdown or JSON.
 *
 *     enum format fmt;
 *     if (format_parse("csv", &fmt) < 0) ... usage error ...
 *     if (output_rows(db, st, fmt, NULL, stdout, &err) < 0) ...
 */
#ifndef CODEKB_OUTPUT_H
#define CODEKB_OUTPUT_H

#include <sqlite3.h>
#include <stdio.h>

#include "error.h"

enum format {
	FMT_TABLE,
	FMT_CSV,
	FMT_MD,
	FMT_JSON,
};

/* Parse a --format value.  Returns 0, or -1 if name is none of table,
 * csv, md (or markdown) and json. */
int format_parse(const char *name, enum format *out);

/* The name of fmt, as --format takes it. */
const char *format_name(enum format fmt);

/*
 * Step st to its end and print its rows to out in fmt.  labels, if not
 * NULL, gives a heading per column for the table and Markdown formats;
 * CSV and JSON always use the column names.  JSON is an array of objects
 * and always valid: a name that an earlier column has gets ":N" (its
 * column number), a BLOB is a string of hex digits, Inf and NaN are null,
 * and bytes that are not UTF-8 are U+FFFD.  The table format keeps at most
 * 16 MB of cells and refuses a larger result.  Returns the number of rows
 * printed, or -1 with err set (st is then left reset).
 */
long output_rows(sqlite3 *db, sqlite3_stmt *st, enum format fmt,
		 const char *const *labels, FILE *out, struct kb_error *err);

/*
 * The same, printing at most max rows (max < 0: every row); if st has
 * more, *more (if not NULL) is set to 1 and st is left reset.
 */
long output_rows_max(sqlite3 *db, sqlite3_stmt *st, enum format fmt,
		     const char *const *labels, long max, int *more, FILE *out,
		     struct kb_error *err);

/*
 * The same for the first ncols columns only, in CSV or Markdown (any other
 * format prints every column, as output_rows()).
 */
long output_columns(sqlite3 *db, sqlite3_stmt *st, enum format fmt, int ncols,
		    const char *const *labels, FILE *out, struct kb_error *err);

/*
 * Step st to its end and print column col of each row, which must hold a
 * JSON value made by SQLite (json_object() and the like), as the items of
 * one JSON array.  Returns the number of rows, or -1 with err set.
 */
long output_json_column(sqlite3 *db, sqlite3_stmt *st, int col, FILE *out,
			struct kb_error *err);

/* Write s as one RFC 4180 CSV field (quoted only when it must be). */
void output_csv_field(FILE *out, const char *s);

/* Write s as the content of one GFM table cell: '|', '\', '`', '<', '&'
 * and newlines escaped (a newline becomes <br>, a CR is dropped), leading
 * spaces kept as &nbsp;. */
void output_md_cell(FILE *out, const char *s);

#endif
