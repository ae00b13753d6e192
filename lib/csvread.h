/*
 * csvread.h - read an RFC 4180 CSV stream record by record, with the line
 * number each record starts on.
 *
 * libcsv parses but counts no lines, so csvread feeds it one physical line
 * at a time and hands every complete record to a callback:
 *
 *     static int on_record(void *ctx, const struct csv_record *rec) { ... }
 *     struct kb_error err = {0};
 *     if (csvread_stream(fp, on_record, ctx, &err) < 0)
 *             ... err.msg is "LINE:COL: what is wrong" ...
 *
 * A leading UTF-8 BOM is dropped and CRLF line ends are accepted.  csvread
 * refuses what is not CSV text at all: a UTF-16 file, NUL bytes, a bare CR
 * line end, broken quoting, a field longer than CSVREAD_MAX_FIELD, and a
 * record of more than CSVREAD_MAX_FIELDS fields.  It reads in blocks, so
 * its memory is bounded however long a line is.  It
 * does not check UTF-8; callers check each field, so that they can name it.
 */
#ifndef CODEKB_CSVREAD_H
#define CODEKB_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/* The longest field accepted, in bytes, and the most fields a record may
 * have. */
#define CSVREAD_MAX_FIELD (1024 * 1024)
#define CSVREAD_MAX_FIELDS 1024

struct csv_field {
	/* the bytes of the field, NUL-terminated (the NUL is not counted) */
	char *data;
	/* its length in bytes */
	size_t len;
	/* bytes allocated for data */
	size_t cap;
};

struct csv_record {
	/* the fields, in column order */
	struct csv_field *fields;
	/* how many fields this record has */
	size_t nfields;
	/* how many entries of fields are allocated */
	size_t cap;
	/* the physical line (1-based) on which the record starts */
	unsigned long line;
	/* 1 for the first record of the stream (the header), and so on */
	unsigned long number;
};

/*
 * Called once per record.  Return 0 to go on, or -1 to stop reading; then
 * csvread_stream() returns -1 too, leaving err as the callback set it.
 * The record and its fields belong to csvread and are reused afterwards.
 */
typedef int csvread_fn(void *ctx, const struct csv_record *rec,
		       struct kb_error *err);

/*
 * Read fp to its end, calling fn for every record.  Returns 0 on success,
 * or -1 with err set to "LINE:COL: message" (COL is the 1-based field
 * number) for a syntax error, or to the callback's message.
 */
int csvread_stream(FILE *fp, csvread_fn *fn, void *ctx, struct kb_error *err);

#endif
