/*
 * site.c - see site.h.
 */
#define _GNU_SOURCE /* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"
#include "embedded.h"
#include "outfile.h"
#include "site.h"

struct site {
	/* the output directory, with a trailing '/', for messages, and the
	 * descriptor every file is opened through (shared by the parts) */
	char root[4096];
	int rootfd;
	/* the last directory opened, below the root, so that each is made
	 * and opened once; its descriptor (-1 for none), and whether this
	 * run created it */
	char made[4096];
	int madefd;
	int made_now;
	/* files written, files left as they were, and stale files removed */
	long written;
	long unchanged;
	long removed;
	/* the path of every file of this export, below the root: the
	 * strings, NUL-separated, in names[0..used), and their offsets */
	char *names;
	size_t used, cap;
	size_t *offsets;
	size_t count, slots;
};

/*
 * The list of the files the last export wrote, one path below the root
 * per line.  A file on the list that this export does not write belongs
 * to a page that no longer exists (a code was removed, or a language), so
 * it is deleted.  Files that are not on the list, such as a maintainer's
 * own, are never touched.
 */
#define SITE_MANIFEST ".codekb-site"

/* Remember rel as a file of this export.  Returns 0 or -1 with err. */
static int site_remember(struct site *s, const char *rel,
			 struct kb_error *err)
{
	size_t len = strlen(rel) + 1;

	if (s->used + len > s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 65536;
		char *names;

		while (cap < s->used + len)
			cap *= 2;
		names = realloc(s->names, cap);
		if (!names)
			return kb_error_set(err, "out of memory");
		s->names = names;
		s->cap = cap;
	}
	if (s->count == s->slots) {
		size_t slots = s->slots ? s->slots * 2 : 4096;
		size_t *offsets = realloc(s->offsets, slots * sizeof(*offsets));

		if (!offsets)
			return kb_error_set(err, "out of memory");
		s->offsets = offsets;
		s->slots = slots;
	}
	memcpy(s->names + s->used, rel, len);
	s->offsets[s->count++] = s->used;
	s->used += len;
	return 0;
}

static const char *sort_names;

static int compare_names(const void *a, const void *b)
{
	return strcmp(sort_names + *(const size_t *)a,
		      sort_names + *(const size_t *)b);
}

static int compare_key(const void *key, const void *b)
{
	return strcmp(key, sort_names + *(const size_t *)b);
}

/*
 * 1 if rel is a safe path below the root: relative, of parts that are not
 * empty, "." or "..", and without control characters (a line break would
 * split the list of files).
 */
static int safe_path(const char *rel)
{
	const char *part = rel;

	if (strlen(rel) >= 2048)
		return 0;
	for (const char *p = rel;; p++) {
		if (*p == '/' || *p == '\0') {
			size_t n = (size_t)(p - part);

			if (n == 0 || (n == 1 && part[0] == '.') ||
			    (n == 2 && part[0] == '.' && part[1] == '.'))
				return 0;
			if (*p == '\0')
				return 1;
			part = p + 1;
		} else if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			return 0;
		}
	}
}

/* rel into buf for a message, each control character shown as '?'. */
static const char *shown(const char *rel, char *buf, size_t size)
{
	size_t i;

	for (i = 0; rel[i] && i + 1 < size; i++)
		buf[i] = (unsigned char)rel[i] < 0x20 || rel[i] == 0x7f ? '?'
									: rel[i];
	buf[i] = '\0';
	return buf;
}

/*
 * Open the directory dir below the root ("" for the root itself), part by
 * part, never following a symbolic link, so that nothing is written or
 * removed outside the root.  With create set, missing parts are made, and
 * *made tells whether dir itself was made now; page names the file to be
 * written, for messages.  Returns the descriptor, or -1: with err set when
 * err is not NULL, else quietly.
 */
static int open_dir(const struct site *s, const char *dir, int create,
		    int *made, const char *page, struct kb_error *err)
{
	char part[4096];
	int fd = openat(s->rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int now = 0;

	if (fd < 0) {
		if (err)
			kb_error_set(err, "cannot open '%s': %s", s->root,
				     strerror(errno));
		return -1;
	}
	for (const char *p = dir; *p;) {
		size_t n = strcspn(p, "/");
		struct stat st;
		int next;

		snprintf(part, sizeof(part), "%.*s", (int)n, p);
		now = 0;
		if (create && mkdirat(fd, part, 0755) == 0)
			now = 1;
		else if (create && errno != EEXIST)
			goto fail;
		next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			      O_CLOEXEC);
		if (next < 0) {
			int saved = errno;

			if (err && fstatat(fd, part, &st,
					   AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISLNK(st.st_mode)) {
				kb_error_set(err, "cannot write '%s': '%s%.*s' "
					     "is a symbolic link; export site "
					     "writes only inside its folder",
					     page, s->root, (int)(p - dir + n),
					     dir);
				close(fd);
				return -1;
			}
			errno = saved;
			goto fail;
		}
		close(fd);
		fd = next;
		p += n;
		if (*p == '/')
			p++;
	}
	if (made)
		*made = now;
	return fd;
fail:
	if (err)
		kb_error_set(err, "cannot write '%s': %s", page,
			     strerror(errno));
	close(fd);
	return -1;
}

/* Remove rel, a file of the last export, without following any link. */
static int remove_stale(struct site *s, const char *rel, struct kb_error *err)
{
	char dir[4096];
	const char *slash = strrchr(rel, '/');
	int fd;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - rel) : 0, rel);
	fd = open_dir(s, dir, 0, NULL, NULL, NULL);
	if (fd < 0)
		return 0;
	if (unlinkat(fd, slash ? slash + 1 : rel, 0) == 0) {
		s->removed++;
	} else if (errno != ENOENT) {
		kb_error_set(err, "cannot remove '%s%s': %s", s->root, rel,
			     strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/*
 * Remove the tree name in dirfd, never following a link: a link is
 * removed, not what it points to.  Returns 0, or -1 with errno set.
 */
static int remove_tree(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			O_CLOEXEC);
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (fd < 0)
		return errno == ENOENT ? 0 : unlinkat(dirfd, name, 0);
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN) {
			if (remove_tree(fd, e->d_name) < 0)
				rc = -1;
		} else if (unlinkat(fd, e->d_name, 0) != 0 && errno != ENOENT) {
			rc = -1;
		}
	}
	closedir(d);
	if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0 && errno != ENOENT &&
	    errno != ENOTDIR)
		rc = -1;
	return rc;
}

/* Copy the regular file name of from into to, for a file system where it
 * cannot be linked.  Returns 0, or -1 with errno set. */
static int copy_file(int from, int to, const char *name, mode_t mode)
{
	char buf[65536];
	int in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	int out = in < 0 ? -1 : openat(to, name, O_WRONLY | O_CREAT | O_EXCL |
				       O_NOFOLLOW | O_CLOEXEC, mode & 07777);
	ssize_t n;
	int rc = in < 0 || out < 0 ? -1 : 0;

	while (rc == 0 && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0 || write(out, buf, (size_t)n) != n)
			rc = -1;
	}
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = -1;
	return rc;
}

/*
 * Give the new tree to every name of the tree from: the same files, by
 * hard links (copies where the file system has none), links as links
 * and FIFOs as FIFOs; devices and sockets are left out.  The export then
 * rewrites, in the new tree, only the files whose content changes, each
 * by a new file (outfile_update_at), so the old tree stays as it was.
 * Returns 0, or -1 with errno set.
 */
static int link_tree(int from, int to)
{
	int fd = openat(from, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (fstatat(from, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
			rc = errno == ENOENT ? 0 : -1;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			int a, b;

			if (mkdirat(to, e->d_name, st.st_mode & 07777) != 0)
				rc = -1;
			a = openat(from, e->d_name, O_RDONLY | O_DIRECTORY |
				   O_NOFOLLOW | O_CLOEXEC);
			b = openat(to, e->d_name, O_RDONLY | O_DIRECTORY |
				   O_NOFOLLOW | O_CLOEXEC);
			if (rc == 0 && a >= 0 && b >= 0)
				rc = link_tree(a, b);
			else
				rc = -1;
			if (a >= 0)
				close(a);
			if (b >= 0)
				close(b);
		} else if (S_ISREG(st.st_mode)) {
			if (linkat(from, e->d_name, to, e->d_name, 0) != 0)
				rc = copy_file(from, to, e->d_name, st.st_mode);
		} else if (S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t n = readlinkat(from, e->d_name, target,
					       sizeof(target) - 1);

			if (n < 0)
				rc = -1;
			else {
				target[n] = '\0';
				rc = symlinkat(target, to, e->d_name);
			}
		} else if (S_ISFIFO(st.st_mode)) {
			rc = mkfifoat(to, e->d_name, st.st_mode & 07777);
		}
	}
	closedir(d);
	return rc;
}

/* Open the list of the last export, if there is one (a regular file). */
static FILE *open_manifest(const struct site *s)
{
	int fd = openat(s->rootfd, SITE_MANIFEST, O_RDONLY | O_NOFOLLOW |
			O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	FILE *fp;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !(fp = fdopen(fd, "r"))) {
		close(fd);
		return NULL;
	}
	return fp;
}

/*
 * Delete the files of the last export's list that this export did not
 * write, then write this export's list.  Returns 0 or -1 with err.
 */
static int site_prune(struct site *s, struct kb_error *err)
{
	char path[sizeof(s->root) + sizeof(SITE_MANIFEST)];
	char line[4096];
	FILE *old;
	char *list;
	size_t len = 0;
	int rc;

	sort_names = s->names;
	qsort(s->offsets, s->count, sizeof(*s->offsets), compare_names);
	snprintf(path, sizeof(path), "%s" SITE_MANIFEST, s->root);
	old = open_manifest(s);
	while (old && fgets(line, sizeof(line), old)) {
		if (!strchr(line, '\n') && !feof(old)) {
			/* longer than any path this export writes: skip it */
			int c;

			while ((c = fgetc(old)) != EOF && c != '\n')
				;
			continue;
		}
		line[strcspn(line, "\n")] = '\0';
		/* only pages and layouts are ever removed: never the
		 * configuration, nor a file beside them */
		if (!safe_path(line) ||
		    (strncmp(line, "content/", 8) != 0 &&
		     strncmp(line, "layouts/", 8) != 0 &&
		     strncmp(line, "static/", 7) != 0) ||
		    bsearch(line, s->offsets, s->count, sizeof(*s->offsets),
			    compare_key))
			continue;
		if (remove_stale(s, line, err) < 0) {
			fclose(old);
			return -1;
		}
	}
	if (old)
		fclose(old);
	/* the names and their line breaks take as many bytes as the names
	 * and their NULs */
	list = malloc(s->used + 1);
	if (!list)
		return kb_error_set(err, "out of memory");
	for (size_t i = 0; i < s->count; i++) {
		size_t n = strlen(s->names + s->offsets[i]);

		memcpy(list + len, s->names + s->offsets[i], n);
		list[len + n] = '\n';
		len += n + 1;
	}
	rc = outfile_update_at(s->rootfd, SITE_MANIFEST, path, list, len, 0,
			       err);
	free(list);
	return rc < 0 ? -1 : 0;
}

/* Make dir and its parents (like mkdir -p).  Returns 1 if dir itself was
 * made now, 0 if it was there, -1 with err set on failure. */
static int make_dirs(const char *dir, struct kb_error *err)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s", dir);
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return kb_error_set(err, "cannot create '%s': %s", path,
					    strerror(errno));
		*p = '/';
	}
	if (mkdir(path, 0755) == 0)
		return 1;
	if (errno != EEXIST)
		return kb_error_set(err, "cannot create '%s': %s", path,
				    strerror(errno));
	return 0;
}

/* Write one file, rel being its path below the root. */
static int site_write(struct site *s, const char *rel, const char *data,
		      size_t len, struct kb_error *err)
{
	char path[4096 + sizeof(s->root)];
	char dir[4096];
	const char *slash;
	int rc;

	if (!safe_path(rel))
		return kb_error_set(err, "refusing to write '%s%s': a page "
				    "path must be plain parts below the "
				    "folder, without '.', '..' or control "
				    "characters", s->root,
				    shown(rel, dir, sizeof(dir)));
	if (site_remember(s, rel, err) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s%s", s->root, rel);
	slash = strrchr(rel, '/');
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - rel) : 0, rel);
	if (s->madefd < 0 || strcmp(dir, s->made) != 0) {
		if (s->madefd >= 0)
			close(s->madefd);
		s->madefd = open_dir(s, dir, 1, &s->made_now, path, err);
		if (s->madefd < 0)
			return -1;
		snprintf(s->made, sizeof(s->made), "%s", dir);
	}
	/* in a directory this run made, no file can be there to compare */
	rc = outfile_update_at(s->madefd, slash ? slash + 1 : rel, path, data,
			       len, s->made_now, err);
	if (rc < 0)
		return -1;
	if (rc)
		s->written++;
	else
		s->unchanged++;
	return 0;
}

/* Where the Markdown starts in data, the content of the file rel: after
 * the front matter of a page under content/; NULL for any other file. */
static const char *page_body(const char *rel, const char *data)
{
	const char *end;

	if (strncmp(rel, "content/", 8) != 0 || strncmp(data, "---\n", 4) != 0)
		return NULL;
	end = strstr(data + 3, "\n---\n");
	return end ? end + 5 : NULL;
}

/* The first '<' or '{' at or after p, or end: strcspn() reads many bytes
 * at a time, and goes on after a NUL that is in the text. */
static const char *next_special(const char *p, const char *end)
{
	while (p < end) {
		p += strcspn(p, "<{");
		if (p >= end || *p)
			return p < end ? p : end;
		p++;
	}
	return end;
}

/*
 * The Markdown of the pages is built from data, so the Markdown after the
 * front matter of each page under content/ is escaped where data could
 * make it do more than show text.  Hugo runs a shortcode, "{{< name >}}"
 * or "{{% name %}}", wherever one is in a page, so every '{' that follows
 * a '{' becomes "\{".  Every '<' becomes "&lt;", so that no text can open
 * raw HTML (a <script>) or an autolink (<javascript:...>); the pages'
 * own Markdown has neither.  Markdown shows both as the characters they
 * stand for.  body is where the Markdown starts in data (page_body()),
 * NULL for a file that is not a page.  Returns a malloc'ed copy in *out
 * (its length in *outlen) if the page needed it, else sets *out to NULL;
 * -1 if out of memory.
 */
static int escape_body(const char *data, const char *body, size_t len,
		       char **out, size_t *outlen)
{
	const char *p;
	const char *end = data + len;
	size_t extra = 0;
	char *copy, *w;

	*out = NULL;
	if (!body)
		return 0;
	for (p = next_special(body, end); p < end; p = next_special(p + 1, end))
		extra += *p == '<' ? 3 : p > body && p[-1] == '{';
	if (!extra)
		return 0;
	copy = malloc(len + extra + 1);
	if (!copy)
		return -1;
	memcpy(copy, data, (size_t)(body - data));
	w = copy + (body - data);
	for (const char *from = body; from < end; from = p + 1) {
		p = next_special(from, end);
		memcpy(w, from, (size_t)(p - from));
		w += p - from;
		if (p == end)
			break;
		if (*p == '<') {
			memcpy(w, "&lt;", 4);
			w += 4;
			continue;
		}
		if (p > body && p[-1] == '{')
			*w++ = '\\';
		*w++ = *p;
	}
	*w = '\0';
	*out = copy;
	*outlen = (size_t)(w - copy);
	return 0;
}

/* Step st and write each (path, content) row; stop early (returning 0)
 * once *stop is set, by another part that failed. */
static int site_write_rows(struct site *s, sqlite3 *db, sqlite3_stmt *st,
			   atomic_int *stop, struct kb_error *err)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *rel = (const char *)sqlite3_column_text(st, 0);
		const char *data = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		const char *body = rel && data ? page_body(rel, data) : NULL;
		char *escaped = NULL;
		int failed;

		/* a page with nothing after its front matter is one the
		 * data lacks */
		if (!rel || !data || (body && !body[strspn(body, "\n")])) {
			char page[2100];

			snprintf(page, sizeof(page), "page '%.2048s'",
				 rel ? rel : "?");
			return cmd_page_missing(db, page, err);
		}
		if (escape_body(data, body, len, &escaped, &len) < 0) {
			kb_error_set(err, "out of memory");
			return -1;
		}
		failed = site_write(s, rel, escaped ? escaped : data, len,
				    err) < 0;
		free(escaped);
		if (failed)
			return -1;
		if (stop && atomic_load_explicit(stop, memory_order_relaxed))
			return 0;
	}
	if (rc != SQLITE_DONE) {
		kb_error_set(err, "%s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Write the configuration (site_files of export.sql) and the theme. */
static int site_write_files(struct site *s, sqlite3 *db, const char *langs,
			    struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare_named(db, sql_queries_export, "site_files", &st,
			     err) < 0)
		return -1;
	db_bind_text(st, ":langs", langs);
	rc = site_write_rows(s, db, st, NULL, err);
	sqlite3_finalize(st);
	for (const struct site_file *f = site_theme; rc == 0 && f->path; f++)
		rc = site_write(s, f->path, f->data, *f->len, err);
	return rc;
}

/*
 * One part of the pages (site_pages of export.sql with :part and :parts),
 * written by one thread through its own connection.  Each part has its own
 * struct site: its files, counts and last directory.
 */
struct part {
	struct site site;
	sqlite3 *db;
	const char *langs;
	int part, parts;
	atomic_int *stop;
	pthread_t thread;
	int started;
	int failed;
	struct kb_error err;
};

/* Write this part's pages of every language, one language at a time,
 * and its files of the JSON API (site_api of export.sql) beside them. */
static int part_write_pages(struct part *p)
{
	sqlite3_stmt *tags = NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_stmt *api = NULL;
	int rc = -1;

	if (db_prepare_named(p->db, sql_queries_export, "site_languages",
			     &tags, &p->err) < 0 ||
	    db_prepare_named(p->db, sql_queries_export, "site_pages", &st,
			     &p->err) < 0 ||
	    db_prepare_named(p->db, sql_queries_export, "site_api", &api,
			     &p->err) < 0)
		goto done;
	db_bind_text(tags, ":langs", p->langs);
	db_bind_text(st, ":langs", p->langs);
	db_bind_text(api, ":langs", p->langs);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":part"),
			 p->part);
	sqlite3_bind_int(st, sqlite3_bind_parameter_index(st, ":parts"),
			 p->parts);
	sqlite3_bind_int(api, sqlite3_bind_parameter_index(api, ":part"),
			 p->part);
	sqlite3_bind_int(api, sqlite3_bind_parameter_index(api, ":parts"),
			 p->parts);
	while ((rc = sqlite3_step(tags)) == SQLITE_ROW) {
		const char *tag = (const char *)sqlite3_column_text(tags, 0);

		if (atomic_load_explicit(p->stop, memory_order_relaxed)) {
			rc = SQLITE_DONE;
			break;
		}
		db_bind_text(st, ":lang", tag);
		db_bind_text(api, ":lang", tag);
		if (site_write_rows(&p->site, p->db, st, p->stop, &p->err) < 0 ||
		    site_write_rows(&p->site, p->db, api, p->stop, &p->err) < 0)
			break;
		sqlite3_reset(st);
		sqlite3_reset(api);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc == SQLITE_ROW)
		rc = -1;
	else
		rc = kb_error_set(&p->err, "%s", sqlite3_errmsg(p->db));
done:
	sqlite3_finalize(tags);
	sqlite3_finalize(st);
	sqlite3_finalize(api);
	return rc;
}

static void *part_main(void *arg)
{
	struct part *p = arg;

	if (part_write_pages(p) < 0) {
		p->failed = 1;
		atomic_store(p->stop, 1);
	}
	return NULL;
}

/* The most parts --jobs may ask for, and the most chosen without it. */
#define SITE_MAX_JOBS 64
#define SITE_DEFAULT_MAX_JOBS 8

/*
 * How many parts to write the pages in: --jobs, else one per processor, up
 * to SITE_DEFAULT_MAX_JOBS.  Each part builds its pages with SQL on a connection of its own
 * and writes them to files, so the parts keep as many cores busy.  Each
 * costs about 6.5 MB of memory, most of it its connection's.  Returns 0
 * with ctx->err set if --jobs is not a number from 1 to SITE_MAX_JOBS.
 */
static int site_parts(struct ctx *ctx)
{
	const char *jobs = ctx->o->jobs;
	long n;

	if (jobs) {
		char *end;

		errno = 0;
		n = strtol(jobs, &end, 10);
		if (errno || end == jobs || *end || n < 1 || n > SITE_MAX_JOBS) {
			kb_error_set(&ctx->err, "--jobs takes a number from 1 "
				     "to %d, not '%s'", SITE_MAX_JOBS, jobs);
			return 0;
		}
		return (int)n;
	}
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > SITE_DEFAULT_MAX_JOBS ? SITE_DEFAULT_MAX_JOBS
						       : (int)n;
}

/* PRAGMA data_version of db: changes when another connection commits. */
static int data_version(sqlite3 *db, sqlite3_int64 *version,
			struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL);

	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
		*version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return kb_error_set(err, "%s", sqlite3_errmsg(db));
	return 0;
}

static void parts_close(struct part *parts, int n)
{
	for (int i = 0; i < n; i++) {
		sqlite3_close(parts[i].db);
		parts[i].db = NULL;
	}
}

/*
 * Open a read transaction for every part, all on the same state of the
 * database: ctx->db's data_version is read before and after, and if an
 * import committed in between, they are opened again.
 */
static int parts_open(struct ctx *ctx, struct part *parts, int n)
{
	for (int attempt = 0; attempt < 10; attempt++) {
		sqlite3_int64 before, after;
		int i;

		if (data_version(ctx->db, &before, &ctx->err) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			if (db_open(ctx->db_path, DB_READONLY, &parts[i].db,
				    &ctx->err) < 0 ||
			    db_exec(parts[i].db, "BEGIN", &ctx->err) < 0 ||
			    db_check_schema(parts[i].db, ctx->db_path,
					    &ctx->err) < 0)
				break;
		}
		if (i < n) {
			parts_close(parts, i + 1);
			return -1;
		}
		if (data_version(ctx->db, &after, &ctx->err) < 0) {
			parts_close(parts, n);
			return -1;
		}
		if (before == after)
			return 0;
		parts_close(parts, n);
	}
	return kb_error_set(&ctx->err, "the database '%s' kept changing "
			    "while the export started; try again",
			    ctx->db_path);
}

/* Add the files of from to the list of into. */
static int site_merge(struct site *into, const struct site *from,
		      struct kb_error *err)
{
	for (size_t i = 0; i < from->count; i++)
		if (site_remember(into, from->names + from->offsets[i], err) < 0)
			return -1;
	into->written += from->written;
	into->unchanged += from->unchanged;
	return 0;
}

/* Write the pages in n parts side by side, then merge their lists into
 * parts[0].site.  Returns 0 or -1 with ctx->err set. */
static int site_write_parts(struct ctx *ctx, struct part *parts, int n)
{
	atomic_int stop = 0;
	int rc = 0;

	for (int i = 0; i < n; i++) {
		parts[i].part = i;
		parts[i].parts = n;
		parts[i].stop = &stop;
	}
	for (int i = 1; i < n; i++) {
		int e = pthread_create(&parts[i].thread, NULL, part_main,
				       &parts[i]);

		if (e != 0) {
			kb_error_set(&ctx->err, "cannot start a thread: %s",
				     strerror(e));
			atomic_store(&stop, 1);
			rc = -1;
			break;
		}
		parts[i].started = 1;
	}
	if (rc == 0)
		part_main(&parts[0]);
	for (int i = 1; i < n; i++)
		if (parts[i].started)
			pthread_join(parts[i].thread, NULL);
	for (int i = 0; i < n && rc == 0; i++) {
		if (parts[i].failed) {
			ctx->err = parts[i].err;
			rc = -1;
		}
	}
	for (int i = 1; i < n && rc == 0; i++)
		rc = site_merge(&parts[0].site, &parts[i].site, &ctx->err);
	return rc;
}

/* The resolved --lang values as "en,zh" into buf, or NULL for none. */
static const char *site_langs(struct ctx *ctx, char *buf, size_t size)
{
	char tag[LANG_MAX];
	size_t used = 0;

	if (ctx->o->nlangs == 0)
		return NULL;
	buf[0] = '\0';
	for (int i = 0; i < ctx->o->nlangs; i++) {
		if (lang_resolve(ctx->db, sql_queries_query, ctx->o->langs[i],
				 tag, &ctx->err) < 0)
			return "";
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i ? "," : "", tag);
		if (used >= size)
			return "";
	}
	return buf;
}

/*
 * 0 if the folder open as rootfd is empty or holds the list of an earlier
 * export (it was made by codekb); else -1 with ctx->err naming it, so that
 * a user's own folder is not written over without --force.
 */
static int site_foreign(struct ctx *ctx, int rootfd)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int fd;
	int empty = 1;

	if (fstatat(rootfd, SITE_MANIFEST, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode))
		return 0;
	fd = openat(rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		if (fd >= 0)
			close(fd);
		return kb_error_set(&ctx->err, "cannot read '%s': %s",
				    ctx->o->output, strerror(errno));
	}
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 ||
			strcmp(e->d_name, "..") == 0;
	closedir(d);
	if (empty)
		return 0;
	return kb_error_set(&ctx->err, "'%s' is not empty and was not made by "
			    "codekb export site (it has no " SITE_MANIFEST
			    "); give --force to export into it anyway",
			    ctx->o->output);
}

/*
 * Where the export builds and swaps: the folder's parent, open, the
 * folder itself, open and locked (flock), and the names beside the
 * folder.  The lock is on the folder, not on its parent, so that exports
 * into two folders side by side run at once; the new tree is locked too
 * before it takes the folder's place, so that an export that opens the
 * folder just after the swap finds it locked as well.  Locks go with the
 * descriptors when the run ends, however it ends.
 */
struct swap {
	int parentfd;
	int rootfd;
	char base[256];
	char fresh[300];
	char old[300];
	char shown[4096];
};

/* Open the folder w->base of the parent and lock it: 1 when w->rootfd
 * holds it, 0 when another export swapped a new tree in between the open
 * and the lock (try again), -1 with err set. */
static int swap_lock(struct swap *w, struct kb_error *err)
{
	struct stat held, now;

	w->rootfd = openat(w->parentfd, w->base, O_RDONLY | O_DIRECTORY |
			   O_NOFOLLOW | O_CLOEXEC);
	if (w->rootfd < 0)
		return kb_error_set(err, "cannot open '%s': %s", w->shown,
				    strerror(errno));
	if (flock(w->rootfd, LOCK_EX | LOCK_NB) != 0)
		return kb_error_set(err, "cannot export into '%s': %s",
				    w->shown, errno == EWOULDBLOCK ?
				    "another export into it is running" :
				    strerror(errno));
	if (fstat(w->rootfd, &held) != 0 ||
	    fstatat(w->parentfd, w->base, &now, AT_SYMLINK_NOFOLLOW) != 0)
		return kb_error_set(err, "cannot open '%s': %s", w->shown,
				    strerror(errno));
	if (held.st_dev == now.st_dev && held.st_ino == now.st_ino)
		return 1;
	close(w->rootfd);
	w->rootfd = -1;
	return 0;
}

/* Open the parent of the folder dir (made already) and the folder, lock
 * the folder, and finish what an interrupted export left: its trees
 * beside the folder, which no running export holds once the folder is
 * locked.  Returns 0, or -1 with err set. */
static int swap_open(struct swap *w, const char *dir, struct kb_error *err)
{
	char real[4096];
	char *slash;
	struct stat st;
	int rc = 0;

	w->parentfd = -1;
	w->rootfd = -1;
	snprintf(w->shown, sizeof(w->shown), "%s", dir);
	if (!realpath(dir, real))
		return kb_error_set(err, "cannot open '%s': %s", dir,
				    strerror(errno));
	slash = strrchr(real, '/');
	if (!slash || !slash[1] || strlen(slash + 1) >= sizeof(w->base) - 20)
		return kb_error_set(err, "cannot export a site into '%s': "
				    "give a folder below another", dir);
	snprintf(w->base, sizeof(w->base), "%s", slash + 1);
	snprintf(w->fresh, sizeof(w->fresh), ".%s.codekb-new", w->base);
	snprintf(w->old, sizeof(w->old), ".%s.codekb-old", w->base);
	*slash = '\0';
	w->parentfd = open(slash == real ? "/" : real,
			   O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (w->parentfd < 0)
		return kb_error_set(err, "cannot open the folder of '%s': %s",
				    dir, strerror(errno));
	/* a handful of exports finishing one after another cannot keep
	 * swapping the folder away for long */
	for (int i = 0; i < 8 && rc == 0; i++)
		rc = swap_lock(w, err);
	if (rc <= 0)
		return rc < 0 ? -1 : kb_error_set(err, "cannot export into "
						  "'%s': other exports keep "
						  "replacing it", dir);
	/* killed between the two renames of swap_commit: the old site is
	 * the folder, and the folder is the empty one make_dirs made (after
	 * the second rename the folder is the new site, not empty, and the
	 * old one a leftover) */
	if (fstatat(w->parentfd, w->old, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode) &&
	    unlinkat(w->parentfd, w->base, AT_REMOVEDIR) == 0) {
		if (renameat(w->parentfd, w->old, w->parentfd, w->base) != 0)
			return kb_error_set(err, "cannot restore '%s' from "
					    "'%s': %s", dir, w->old,
					    strerror(errno));
		close(w->rootfd);
		if (swap_lock(w, err) <= 0)
			return kb_error_set(err, "cannot lock '%s' again after "
					    "restoring it", dir);
	}
	if (remove_tree(w->parentfd, w->fresh) < 0 ||
	    remove_tree(w->parentfd, w->old) < 0)
		return kb_error_set(err, "cannot remove what an interrupted "
				    "export left beside '%s': %s", dir,
				    strerror(errno));
	return 0;
}

/* Make the new tree beside the folder, holding every file of the folder
 * (link_tree).  Returns its descriptor, or -1 with err set. */
static int swap_begin(struct swap *w, int rootfd, struct kb_error *err)
{
	struct stat st;
	int fd;

	if (fstat(rootfd, &st) != 0 ||
	    mkdirat(w->parentfd, w->fresh, st.st_mode & 07777) != 0 ||
	    (fd = openat(w->parentfd, w->fresh, O_RDONLY | O_DIRECTORY |
			 O_NOFOLLOW | O_CLOEXEC)) < 0) {
		kb_error_set(err, "cannot create '%s' beside '%s': %s",
			     w->fresh, w->shown, strerror(errno));
		return -1;
	}
	/* locked before it takes the folder's place (see struct swap) */
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		kb_error_set(err, "cannot lock '%s' beside '%s': %s",
			     w->fresh, w->shown, strerror(errno));
		close(fd);
		return -1;
	}
	if (link_tree(rootfd, fd) < 0) {
		kb_error_set(err, "cannot link the files of '%s' into '%s': %s",
			     w->shown, w->fresh, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * Put the new tree in the folder's place in one step (renameat2 with
 * RENAME_EXCHANGE), then remove the old tree.  Where the file system
 * cannot exchange, the folder is renamed aside first; an export killed
 * between the two renames is finished by the next (swap_open).  Returns
 * 0, or -1 with err set if the folder still holds the old site.
 */
static int swap_commit(struct swap *w, struct kb_error *err)
{
	if (renameat2(w->parentfd, w->fresh, w->parentfd, w->base,
		      RENAME_EXCHANGE) == 0) {
		if (remove_tree(w->parentfd, w->fresh) < 0)
			fprintf(stderr, "codekb: warning: cannot remove the "
				"last site, left beside '%s' as '%s': %s\n",
				w->shown, w->fresh, strerror(errno));
		return 0;
	}
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return kb_error_set(err, "cannot put the new site in place "
				    "of '%s': %s", w->shown, strerror(errno));
	if (renameat(w->parentfd, w->base, w->parentfd, w->old) != 0)
		return kb_error_set(err, "cannot put the new site in place "
				    "of '%s': %s", w->shown, strerror(errno));
	if (renameat(w->parentfd, w->fresh, w->parentfd, w->base) != 0) {
		int saved = errno;

		renameat(w->parentfd, w->old, w->parentfd, w->base);
		return kb_error_set(err, "cannot put the new site in place "
				    "of '%s': %s", w->shown, strerror(saved));
	}
	if (remove_tree(w->parentfd, w->old) < 0)
		fprintf(stderr, "codekb: warning: cannot remove the last site, "
			"left beside '%s' as '%s': %s\n", w->shown, w->old,
			strerror(errno));
	return 0;
}

int site_run(struct ctx *ctx)
{
	int n = site_parts(ctx);
	struct part *parts = n ? calloc((size_t)n, sizeof(*parts)) : NULL;
	struct swap swap = { .parentfd = -1, .rootfd = -1 };
	int rootfd = -1;
	int newfd = -1;
	int swapped = 0;
	char langs[1024];
	const char *list;
	int status = EXIT_FAIL;

	if (n == 0)
		return EXIT_USAGE;
	if (!parts) {
		kb_error_set(&ctx->err, "out of memory");
		return EXIT_FAIL;
	}
	for (int i = 0; i < n; i++)
		parts[i].site.madefd = -1;
	if (!ctx->o->output || ctx->o->format || ctx->o->protocol) {
		kb_error_set(&ctx->err, "'export site' takes --output DIR, "
			     "--lang, --jobs and --force, and no --format or "
			     "--protocol");
		status = EXIT_USAGE;
		goto cleanup;
	}
	list = site_langs(ctx, langs, sizeof(langs));
	if (list && !*list)
		goto cleanup;
	if (make_dirs(ctx->o->output, &ctx->err) < 0 ||
	    swap_open(&swap, ctx->o->output, &ctx->err) < 0)
		goto cleanup;
	rootfd = swap.rootfd;
	swap.rootfd = -1;
	if (!ctx->o->force && site_foreign(ctx, rootfd) != 0)
		goto cleanup;
	/* the export writes into a new tree beside the folder, which holds
	 * the folder's files to begin with, and then takes the folder's
	 * place: a failed or killed export leaves the last site whole */
	newfd = swap_begin(&swap, rootfd, &ctx->err);
	if (newfd < 0)
		goto cleanup;
	for (int i = 0; i < n; i++) {
		snprintf(parts[i].site.root, sizeof(parts[i].site.root), "%s/",
			 ctx->o->output);
		parts[i].site.rootfd = newfd;
		parts[i].langs = list;
	}
	if (parts_open(ctx, parts, n) < 0)
		goto cleanup;
	if (site_write_files(&parts[0].site, parts[0].db, list,
			     &ctx->err) < 0 ||
	    site_write_parts(ctx, parts, n) < 0 ||
	    site_prune(&parts[0].site, &ctx->err) < 0)
		goto cleanup;
	for (int i = 0; i < n; i++) {
		if (parts[i].site.madefd >= 0)
			close(parts[i].site.madefd);
		parts[i].site.madefd = -1;
	}
	if (swap_commit(&swap, &ctx->err) < 0)
		goto cleanup;
	swapped = 1;
	fprintf(ctx->out, "%ld files written, %ld unchanged, %ld removed\n",
		parts[0].site.written, parts[0].site.unchanged,
		parts[0].site.removed);
	status = EXIT_OK;
cleanup:
	parts_close(parts, n);
	for (int i = 0; i < n; i++) {
		if (parts[i].site.madefd >= 0)
			close(parts[i].site.madefd);
		free(parts[i].site.names);
		free(parts[i].site.offsets);
	}
	if (newfd >= 0)
		close(newfd);
	if (newfd >= 0 && !swapped)
		remove_tree(swap.parentfd, swap.fresh);
	if (rootfd >= 0)
		close(rootfd);
	if (swap.rootfd >= 0)
		close(swap.rootfd);
	if (swap.parentfd >= 0)
		close(swap.parentfd);
	free(parts);
	return status;
}
