/*
 * outfile.h - write a file atomically: into a temporary file beside it,
 * renamed over it only once everything is written and flushed to disk.
 *
 *     struct outfile f;
 *     if (outfile_open(&f, "codes.csv", &err) < 0) ...
 *     ... write to f.fp ...
 *     if (outfile_commit(&f, &err) < 0) ...    (the old file is intact)
 *
 * A reader never sees a half-written file, and a failed write (a full
 * disk) leaves the old file as it was.
 */
#ifndef CODEKB_OUTFILE_H
#define CODEKB_OUTFILE_H

#include <stdio.h>

#include "error.h"

struct outfile {
	/* the stream to write to, or NULL when closed */
	FILE *fp;
	/* the file to replace, and the temporary file beside it (malloc'ed) */
	char *path;
	char *tmp;
	/* 1 to fsync before the rename (the default of outfile_open) */
	int sync;
};

/* Create the temporary file for path.  Returns 0, or -1 with err set. */
int outfile_open(struct outfile *f, const char *path, struct kb_error *err);

/*
 * Flush, sync and close the temporary file and rename it to the path.
 * On any write error, removes it and returns -1 with err naming the path
 * and the cause.  Releases f either way.
 */
int outfile_commit(struct outfile *f, struct kb_error *err);

/* Close and remove the temporary file, if any; release f. */
void outfile_abort(struct outfile *f);

/*
 * Write len bytes of data to path in place, unless path already holds
 * exactly those bytes (a file that failed half-way differs, so the next
 * run rewrites it).  With fresh set, the caller knows that path cannot
 * exist yet (its directory was just made), and no comparison is made.
 * Returns 1 if it wrote, 0 if the file was already the same, -1 with err
 * set on failure.
 */
int outfile_update(const char *path, const char *data, size_t len, int fresh,
		   struct kb_error *err);

#endif
