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
 *
 * Only a regular file (or a path that does not exist yet) is replaced.  A
 * symbolic link to a regular file keeps the link: the file it points to is
 * replaced.  A FIFO or a character device (/dev/stdout, a terminal, a pipe)
 * is written to in place, as a stream, and never replaced; anything else
 * (a directory, a block device, a socket) is refused.
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
	/* 1 when fp writes to the path itself (a FIFO or a character
	 * device), so there is nothing to rename */
	int direct;
};

/* Create the temporary file for path, or open path itself if it is a FIFO
 * or a character device.  Returns 0, or -1 with err set. */
int outfile_open(struct outfile *f, const char *path, struct kb_error *err);

/* Create the temporary file for path, which is always replaced: a symbolic
 * link or any other file there is replaced, never followed or written
 * through.  Returns 0, or -1 with err set. */
int outfile_open_replace(struct outfile *f, const char *path,
			 struct kb_error *err);

/*
 * Flush, sync and close the temporary file and rename it to the path.
 * On any write error, removes it and returns -1 with err naming the path
 * and the cause.  Releases f either way.
 */
int outfile_commit(struct outfile *f, struct kb_error *err);

/* Close and remove the temporary file, if any; release f. */
void outfile_abort(struct outfile *f);

/*
 * Write len bytes of data to the file name in the directory dirfd, in
 * place, unless it already holds exactly those bytes (a file that failed
 * half-way differs, so the next run rewrites it).  With fresh set, the
 * caller knows that it cannot exist yet (its directory was just made), and
 * no comparison is made.  A symbolic link, a FIFO, a device or any other
 * file that is not regular is refused, never followed or written into;
 * a file with other hard links that must change is replaced by a new one,
 * so that the other names keep their content (export site links the last
 * export's files into the new one this way).  path is the file's name for messages.
 * Returns 1 if it wrote, 0 if the file was already the same, -1 with err
 * set on failure.
 */
int outfile_update_at(int dirfd, const char *name, const char *path,
		      const char *data, size_t len, int fresh,
		      struct kb_error *err);

#endif
