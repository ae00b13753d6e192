/*
 * outfile.c - see outfile.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

int outfile_open(struct outfile *f, const char *path, struct kb_error *err)
{
	size_t size = strlen(path) + 16;
	int fd;

	memset(f, 0, sizeof(*f));
	f->path = strdup(path);
	f->tmp = malloc(size);
	if (!f->path || !f->tmp) {
		outfile_abort(f);
		return kb_error_set(err, "out of memory");
	}
	snprintf(f->tmp, size, "%s.tmpXXXXXX", path);
	fd = mkstemp(f->tmp);
	if (fd < 0) {
		kb_error_set(err, "cannot write '%s': %s", path, strerror(errno));
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
		kb_error_set(err, "cannot write '%s': %s", path, strerror(errno));
		outfile_abort(f);
		return -1;
	}
	return 0;
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
	if (!failed && rename(f->tmp, f->path) != 0) {
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

/* 1 if path holds exactly len bytes of data, else 0. */
static int same_content(const char *path, const char *data, size_t len)
{
	struct stat st;
	char *old = NULL;
	int fd = -1;
	int same = 0;

	if (stat(path, &st) != 0 || (size_t)st.st_size != len)
		return 0;
	fd = open(path, O_RDONLY);
	old = malloc(len + 1);
	if (fd < 0 || !old)
		goto cleanup;
	same = read(fd, old, len + 1) == (ssize_t)len &&
	       memcmp(old, data, len) == 0;
cleanup:
	if (fd >= 0)
		close(fd);
	free(old);
	return same;
}

int outfile_update(const char *path, const char *data, size_t len, int fresh,
		   struct kb_error *err)
{
	int fd;
	ssize_t n = 0;
	int saved = 0;

	if (!fresh && same_content(path, data, len))
		return 0;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return kb_error_set(err, "cannot write '%s': %s", path,
				    strerror(errno));
	for (size_t done = 0; done < len; done += (size_t)n) {
		n = write(fd, data + done, len - done);
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
