/*
 * outfile.c - see outfile.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

/* Make the temporary file beside path, to be renamed to path. */
static int open_temporary(struct outfile *f, const char *path,
			  const char *shown, struct kb_error *err)
{
	size_t size = strlen(path) + 16;
	int fd;

	f->path = strdup(path);
	f->tmp = malloc(size);
	if (!f->path || !f->tmp) {
		outfile_abort(f);
		return kb_error_set(err, "out of memory");
	}
	snprintf(f->tmp, size, "%s.tmpXXXXXX", path);
	fd = mkstemp(f->tmp);
	if (fd < 0) {
		kb_error_set(err, "cannot write '%s': %s", shown, strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
		outfile_abort(f);
		return -1;
	}
	fchmod(fd, 0644);
	f->sync = 1;
	f->fp = fdopen(fd, "wb");
	if (!f->fp) {
		close(fd);
		kb_error_set(err, "cannot write '%s': %s", shown, strerror(errno));
		outfile_abort(f);
		return -1;
	}
	return 0;
}

int outfile_open_replace(struct outfile *f, const char *path,
			 struct kb_error *err)
{
	memset(f, 0, sizeof(*f));
	return open_temporary(f, path, path, err);
}

/* Write to path itself, a FIFO or a character device, as a stream. */
static int open_direct(struct outfile *f, const char *path,
		       struct kb_error *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	struct stat st;

	if (fd < 0)
		return kb_error_set(err, "cannot write '%s': %s", path,
				    strerror(errno));
	/* what was opened, not what was looked at before */
	if (fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) ||
				     S_ISCHR(st.st_mode))) {
		close(fd);
		return kb_error_set(err, "cannot write '%s': it changed while "
				    "it was opened", path);
	}
	f->path = strdup(path);
	f->fp = f->path ? fdopen(fd, "wb") : NULL;
	if (!f->fp) {
		close(fd);
		outfile_abort(f);
		return kb_error_set(err, "out of memory");
	}
	f->direct = 1;
	return 0;
}

int outfile_open(struct outfile *f, const char *path, struct kb_error *err)
{
	struct stat st;
	char *real;
	int rc;

	memset(f, 0, sizeof(*f));
	if (stat(path, &st) != 0) {
		/* a new file, or a dangling link: make it (the rename
		 * replaces a dangling link, never writes through it) */
		if (errno != ENOENT)
			return kb_error_set(err, "cannot write '%s': %s", path,
					    strerror(errno));
		return open_temporary(f, path, path, err);
	}
	if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
		return open_direct(f, path, err);
	if (S_ISDIR(st.st_mode))
		return kb_error_set(err, "cannot write '%s': it is a directory",
				    path);
	if (!S_ISREG(st.st_mode))
		return kb_error_set(err, "cannot write '%s': not a regular "
				    "file, a FIFO or a character device", path);
	if (lstat(path, &st) == 0 && !S_ISLNK(st.st_mode))
		return open_temporary(f, path, path, err);
	/* a link to a regular file: replace the file, and keep the link */
	real = realpath(path, NULL);
	if (!real)
		return kb_error_set(err, "cannot write '%s': %s", path,
				    strerror(errno));
	rc = open_temporary(f, real, path, err);
	free(real);
	return rc;
}

int outfile_commit(struct outfile *f, struct kb_error *err)
{
	int failed = ferror(f->fp);
	int saved = failed ? EIO : 0;

	if (fflush(f->fp) != 0 || (f->sync && fsync(fileno(f->fp)) != 0)) {
		failed = 1;
		saved = errno;
	}
	if (fclose(f->fp) != 0 && !failed) {
		failed = 1;
		saved = errno;
	}
	f->fp = NULL;
	if (!failed && !f->direct && rename(f->tmp, f->path) != 0) {
		failed = 1;
		saved = errno;
	}
	if (failed) {
		kb_error_set(err, "cannot write '%s': %s", f->path, strerror(saved));
		outfile_abort(f);
		return -1;
	}
	free(f->tmp);
	free(f->path);
	f->tmp = NULL;
	f->path = NULL;
	return 0;
}

void outfile_abort(struct outfile *f)
{
	if (f->fp)
		fclose(f->fp);
	if (f->tmp)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	memset(f, 0, sizeof(*f));
}

/* 1 if the file open as fd, of size size, holds exactly len bytes of
 * data, else 0. */
static int same_content(int fd, off_t size, const char *data, size_t len)
{
	char *old;
	int same;

	if ((size_t)size != len)
		return 0;
	old = malloc(len + 1);
	if (!old)
		return 0;
	same = pread(fd, old, len + 1, 0) == (ssize_t)len &&
	       memcmp(old, data, len) == 0;
	free(old);
	return same;
}

/* Open name in dirfd to be rewritten: a regular file, never a link or
 * anything else.  Returns the descriptor, or -1 with err set. */
static int open_regular(int dirfd, const char *name, const char *path,
			struct stat *st, struct kb_error *err)
{
	/* O_NONBLOCK: a FIFO put there must not stop the export */
	int fd = openat(dirfd, name, O_RDWR | O_CREAT | O_NOFOLLOW |
			O_NONBLOCK | O_CLOEXEC, 0644);

	if (fd < 0 && errno == ELOOP)
		return kb_error_set(err, "cannot write '%s': it is a symbolic "
				    "link; export site writes only inside its "
				    "folder", path);
	if (fd < 0)
		return kb_error_set(err, "cannot write '%s': %s", path,
				    strerror(errno));
	if (fstat(fd, st) != 0) {
		kb_error_set(err, "cannot write '%s': %s", path,
			     strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		return kb_error_set(err, "cannot write '%s': not a regular "
				    "file", path);
	}
	return fd;
}

int outfile_update_at(int dirfd, const char *name, const char *path,
		      const char *data, size_t len, int fresh,
		      struct kb_error *err)
{
	struct stat st;
	int fd = open_regular(dirfd, name, path, &st, err);
	ssize_t n = 0;
	int saved = 0;

	if (fd < 0)
		return -1;
	if (!fresh && same_content(fd, st.st_size, data, len)) {
		close(fd);
		return 0;
	}
	/* another name shares this file (the last export's site, or a file
	 * of the user's): give this name a new one, never write through */
	if (st.st_nlink > 1) {
		close(fd);
		if (unlinkat(dirfd, name, 0) != 0)
			return kb_error_set(err, "cannot write '%s': %s", path,
					    strerror(errno));
		fd = open_regular(dirfd, name, path, &st, err);
		if (fd < 0)
			return -1;
		if (st.st_nlink > 1) {
			close(fd);
			return kb_error_set(err, "cannot write '%s': it keeps "
					    "changing", path);
		}
	}
	if (st.st_size > 0 && ftruncate(fd, 0) != 0)
		saved = errno;
	for (size_t done = 0; !saved && done < len; done += (size_t)n) {
		n = pwrite(fd, data + done, len - done, (off_t)done);
		if (n < 0 && errno == EINTR) {
			n = 0;
		} else if (n <= 0) {
			saved = n < 0 ? errno : ENOSPC;
			break;
		}
	}
	if (close(fd) != 0 && !saved)
		saved = errno;
	if (saved)
		return kb_error_set(err, "cannot write '%s': %s", path,
				    strerror(saved));
	return 1;
}
