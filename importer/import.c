/*
 * import.c - see import.h.  The per-kind checks live in kinds.c.
 *
 * A run: expand the paths into files, read each file's header to learn its
 * kind, sort the files into load order (protocols, classes, codes, ...),
 * then, inside one transaction, read every file record by record.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "columns.h"
#include "db.h"
#include "embedded.h"
#include "termsafe.h"
#include "utf8.h"

/* One file to load. */
struct input {
	/* the name used in messages; "-" is shown as "<stdin>" */
	char *path;
	/* the content of stdin, a FIFO or a device, read once into a
	 * temporary file; NULL for a regular file, read where it is */
	FILE *tmp;
	/* a regular file as it was when first opened, and whether it was:
	 * each later opening and the end of its reading must find it so */
	struct stat st;
	int have_st;
	/* its kind, from --kind or its header; KIND_AUTO if unknown */
	enum kind kind;
	/* its place on the command line, to keep the order stable */
	size_t order;
	/* whether its first row is in English (a file with a locale column) */
	int english;
};

struct inputs {
	struct input *v;
	size_t n;
	size_t cap;
	/* the directories walked and the files found in them, by device
	 * and inode, so that a link loop or a second link is read once */
	struct file_id {
		dev_t dev;
		ino_t ino;
	} *ids;
	size_t nids, capids;
};


/* ---- collecting the inputs ---- */

static int inputs_add(struct inputs *in, const char *path, FILE *tmp)
{
	if (in->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 16;
		struct input *grown = realloc(in->v, cap * sizeof(*grown));

		if (!grown)
			return -1;
		in->v = grown;
		in->cap = cap;
	}
	in->v[in->n].path = strdup(path);
	if (!in->v[in->n].path)
		return -1;
	in->v[in->n].tmp = tmp;
	in->v[in->n].have_st = 0;
	in->v[in->n].kind = KIND_AUTO;
	in->v[in->n].order = in->n;
	in->n++;
	return 0;
}

static void inputs_release(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		free(in->v[i].path);
		if (in->v[i].tmp)
			fclose(in->v[i].tmp);
	}
	free(in->v);
	in->v = NULL;
	in->n = in->cap = 0;
	free(in->ids);
	in->ids = NULL;
	in->nids = in->capids = 0;
}

/* 1 if st's file was seen before; else remembers it and returns 0, or
 * -1 if out of memory. */
static int inputs_seen(struct inputs *in, const struct stat *st)
{
	for (size_t i = 0; i < in->nids; i++)
		if (in->ids[i].dev == st->st_dev && in->ids[i].ino == st->st_ino)
			return 1;
	if (in->nids == in->capids) {
		size_t cap = in->capids ? in->capids * 2 : 32;
		struct file_id *grown = realloc(in->ids, cap * sizeof(*grown));

		if (!grown)
			return -1;
		in->ids = grown;
		in->capids = cap;
	}
	in->ids[in->nids].dev = st->st_dev;
	in->ids[in->nids].ino = st->st_ino;
	in->nids++;
	return 0;
}

static int has_csv_suffix(const char *name)
{
	size_t len = strlen(name);

	return len > 4 && strcasecmp(name + len - 4, ".csv") == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add every .csv file under dir, in sorted order, recursing; a directory
 * or file reached a second time (through a link) is skipped. */
static int add_dir(struct import *im, struct inputs *in, const char *dir,
		   const struct stat *dst)
{
	DIR *d;
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	size_t before = in->n;
	int rc = inputs_seen(in, dst);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	d = opendir(dir);
	if (!d) {
		report(im, "%s: cannot read directory: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **grown;

			cap = cap ? cap * 2 : 32;
			grown = realloc(names, cap * sizeof(*grown));
			if (!grown) {
				rc = -1;
				break;
			}
			names = grown;
		}
		names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!names[n]) {
			rc = -1;
			break;
		}
		sprintf(names[n], "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (rc == 0 && n > 0)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct stat st;
		int seen;

		if (stat(names[i], &st) < 0) {
			report(im, "%s: cannot open: %s%s", names[i],
			       strerror(errno),
			       lstat(names[i], &st) == 0 && S_ISLNK(st.st_mode)
				       ? " (a broken symbolic link)" : "");
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc = add_dir(im, in, names[i], &st) < 0 ? -1 : 0;
		} else if (S_ISREG(st.st_mode) && has_csv_suffix(names[i])) {
			seen = inputs_seen(in, &st);
			rc = seen < 0 ? -1 : seen ? 0 : inputs_add(in, names[i], NULL);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (rc == 0 && in->n == before) {
		report(im, "%s: directory holds no .csv file", dir);
		return -1;
	}
	return rc;
}

/*
 * Read src (stdin, a FIFO, a device), which can be read only once, into a
 * temporary file, and add that as name.  A block with a NUL byte ends the
 * copy: no CSV text holds one, so the reading stops there with that error
 * (and /dev/zero does not fill the disk).
 */
static int add_snapshot(struct import *im, struct inputs *in,
			const char *name, FILE *src)
{
	FILE *tmp = tmpfile();
	char buf[65536];
	size_t n;

	if (!tmp) {
		report(im, "%s: cannot make a temporary file: %s", name,
		       strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), src)) > 0) {
		if (fwrite(buf, 1, n, tmp) != n) {
			report(im, "%s: cannot copy input: %s", name,
			       strerror(errno));
			fclose(tmp);
			return -1;
		}
		if (memchr(buf, '\0', n))
			break;
	}
	if (ferror(src)) {
		report(im, "%s: read error: %s", name, strerror(errno));
		fclose(tmp);
		return -1;
	}
	if (inputs_add(in, name, tmp) < 0) {
		report(im, "out of memory");
		fclose(tmp);
		return -1;
	}
	return 0;
}

/* Add path, which is not a regular file or a directory, as a snapshot. */
static int add_special(struct import *im, struct inputs *in, const char *path)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	if (!fp) {
		report(im, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	rc = add_snapshot(im, in, path, fp);
	fclose(fp);
	return rc;
}

static int collect(struct import *im, struct inputs *in, char *const *paths,
		   int npaths)
{
	int rc = 0;

	for (int i = 0; i < npaths; i++) {
		struct stat st;

		if (strcmp(paths[i], "-") == 0) {
			rc |= add_snapshot(im, in, "<stdin>", stdin);
		} else if (stat(paths[i], &st) < 0) {
			report(im, "%s: cannot open: %s", paths[i], strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			rc |= add_dir(im, in, paths[i], &st);
		} else if (!S_ISREG(st.st_mode)) {
			/* a FIFO, /dev/stdin, <(...): it can be read once */
			rc |= add_special(im, in, paths[i]);
		} else if (inputs_add(in, paths[i], NULL) < 0) {
			report(im, "out of memory");
			rc = -1;
		}
	}
	return rc;
}

/* ---- headers and kinds ---- */

struct sniff {
	/* the kind found, KIND_AUTO if the header names none */
	enum kind kind;
	/* set when the header was read (so the stop is not an error) */
	int done;
	/* the header's locale column, or -1; and whether the first row's
	 * locale is English */
	long locale_col;
	int english;
};

/* Read the header, and the first row's locale if the header has one. */
static int sniff_record(void *ctx, const struct csv_record *rec,
			struct kb_error *err)
{
	struct sniff *s = ctx;

	(void)err;
	if (s->done) {
		s->english = (size_t)s->locale_col < rec->nfields &&
			     strcmp(rec->fields[s->locale_col].data, "en") == 0;
		return -1;
	}
	s->kind = kind_detect(rec);
	s->done = 1;
	s->locale_col = -1;
	for (size_t i = 0; i < rec->nfields; i++)
		if (strcmp(rec->fields[i].data, "locale") == 0)
			s->locale_col = (long)i;
	return s->locale_col < 0 || s->kind == KIND_AUTO ? -1 : 0;
}

/*
 * Open in for reading.  A regular file must still be the file it was when
 * first opened, with the same size and times, or it is reported as
 * changed (a writer is at work on it).
 */
static FILE *open_input(struct import *im, struct input *in)
{
	struct stat st;
	FILE *fp;
	int fd;

	if (in->tmp) {
		rewind(in->tmp);
		return in->tmp;
	}
	fd = open(in->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		report(im, "%s: cannot open: %s", in->path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (in->have_st && !same_file(&st, &in->st))) {
		report_changed(im, in->path);
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	in->st = st;
	in->have_st = 1;
	fp = fdopen(fd, "rb");
	if (!fp) {
		report(im, "%s: cannot open: %s", in->path, strerror(errno));
		close(fd);
	}
	return fp;
}

/* 0 if in, read to its end through fp, was the whole file as it was when
 * first opened; else reports it as changed and returns -1. */
static int check_whole(struct import *im, struct input *in, FILE *fp)
{
	struct stat st;

	if (in->tmp)
		return 0;
	if (fstat(fileno(fp), &st) != 0 || !same_file(&st, &in->st) ||
	    ftello(fp) != st.st_size) {
		report_changed(im, in->path);
		return -1;
	}
	return 0;
}

static void close_input(struct input *in, FILE *fp)
{
	if (fp && fp != in->tmp)
		fclose(fp);
}

/* Read the header of in to find its kind (unless --kind gave it). */
static int sniff(struct import *im, struct input *in)
{
	struct sniff s = {0};
	struct kb_error err = {{0}};
	FILE *fp;
	int rc = 0;

	if (im->opt->kind != KIND_AUTO) {
		in->kind = im->opt->kind;
		return 0;
	}
	fp = open_input(im, in);
	if (!fp)
		return -1;
	if (csvread_stream(fp, sniff_record, &s, &err) < 0 && !s.done) {
		report(im, "%s:%s", in->path, err.msg);
		rc = -1;
	} else if (!s.done) {
		report(im, "%s:1:1: file is empty; expected a header row",
		       in->path);
		rc = -1;
	} else if (s.kind == KIND_AUTO) {
		report(im, "%s:1:1: cannot tell what the file holds from its "
		       "header; codes files start 'protocol,code,reason', "
		       "texts files 'locale,protocol,code', ui files "
		       "'locale,key,text'", in->path);
		rc = -1;
	}
	in->kind = s.kind;
	in->english = s.english;
	close_input(in, fp);
	return rc;
}

static int cmp_inputs(const void *a, const void *b)
{
	const struct input *x = a;
	const struct input *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	/* the English texts of a kind first: a translation records the
	 * English it was made from (data/ui/de.csv sorts before en.csv) */
	if (x->english != y->english)
		return x->english ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Map the header's names to columns; report unknown, repeated and
 * missing ones. */
static int read_header(struct import *im, const struct csv_record *rec)
{
	unsigned long allowed = kind_allowed(im->kind);
	unsigned long required = kind_required(im->kind);
	unsigned long seen = 0;
	int bad = 0;

	for (int c = 0; c < COL_COUNT; c++)
		im->index[c] = -1;
	im->ncolumns = rec->nfields;
	for (size_t i = 0; i < rec->nfields; i++) {
		const char *name = rec->fields[i].data;
		int col = -1;

		for (int c = 0; c < COL_COUNT && col < 0; c++)
			if (strcmp(name, column_names[c]) == 0)
				col = c;
		if (col < 0 || !(allowed & BIT(col))) {
			struct strbuf shown = STRBUF_INIT;

			/* a name is not checked yet: quote it escaped */
			termsafe_escape(&shown, name, rec->fields[i].len);
			report(im, "%s:%lu:%zu: unknown column '%s' for a %s "
			       "file", im->file, rec->line, i + 1,
			       shown.failed ? "?" : shown.buf,
			       kind_name(im->kind));
			strbuf_release(&shown);
			bad = 1;
		} else if (seen & BIT(col)) {
			report(im, "%s:%lu:%zu: column '%s' appears twice",
			       im->file, rec->line, i + 1, name);
			bad = 1;
		} else {
			seen |= BIT(col);
			im->index[col] = (int)i;
		}
	}
	for (int c = 0; c < COL_COUNT; c++) {
		if ((required & BIT(c)) && !(seen & BIT(c))) {
			report(im, "%s:%lu:1: a %s file needs a '%s' column",
			       im->file, rec->line, kind_name(im->kind),
			       column_names[c]);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* The physical line that byte off of field i of rec is on: the record's
 * first line, and the line breaks in the fields before it and in it. */
static unsigned long field_line(const struct csv_record *rec, size_t i,
				size_t off)
{
	unsigned long line = rec->line;

	for (size_t j = 0; j <= i; j++) {
		const struct csv_field *f = &rec->fields[j];
		size_t n = j == i ? off : f->len;

		for (size_t k = 0; k < n; k++)
			line += f->data[k] == '\n';
	}
	return line;
}

/* Report the first control character in column c's field of rec that
 * the column may not hold (see column_multiline).  Returns 0 if there is
 * none, or -1. */
static int check_controls(struct import *im, const struct csv_record *rec,
			  int c)
{
	size_t i = (size_t)im->index[c];
	const struct csv_field *f = &rec->fields[i];
	int lines = (column_multiline & BIT(c)) != 0;
	size_t chars = 1;
	long cp = 0;
	size_t at = utf8_control_at(f->data, f->len, lines, &cp);
	unsigned long line;

	if (!at)
		return 0;
	if (file_changed(im))
		return -1;
	line = field_line(rec, i, at - 1);
	if (cp == '\n' || cp == '\t') {
		report(im, "%s:%lu:%zu: %s in column '%s', which holds one line",
		       im->file, line, i + 1, cp == '\n' ? "line break" : "tab",
		       column_names[c]);
		return -1;
	}
	for (size_t k = 0; k + 1 < at; k++)
		chars += ((unsigned char)f->data[k] & 0xC0) != 0x80;
	report(im, "%s:%lu:%zu: control character U+%04lX in column '%s' "
	       "(character %zu of the field)", im->file, line, i + 1, cp,
	       column_names[c], chars);
	return -1;
}

/* Check the shape and encoding of a data record and fill row->val. */
static int read_fields(struct import *im, struct row *row)
{
	const struct csv_record *rec = row->rec;
	int bad = 0;

	if (rec->nfields != im->ncolumns) {
		if (file_changed(im))
			return -1;
		report(im, "%s:%lu:%zu: expected %zu fields but found %zu",
		       im->file, rec->line,
		       (rec->nfields < im->ncolumns ? rec->nfields : im->ncolumns) + 1,
		       im->ncolumns, rec->nfields);
		return -1;
	}
	for (int c = 0; c < COL_COUNT; c++) {
		const struct csv_field *f;
		size_t bad_at;

		row->val[c] = NULL;
		if (im->index[c] < 0)
			continue;
		f = &rec->fields[im->index[c]];
		bad_at = utf8_invalid_at(f->data, f->len);
		if (bad_at && file_changed(im))
			return -1;
		if (bad_at) {
			report(im, "%s:%lu:%d: invalid UTF-8 in column '%s' "
			       "(byte %zu of the field)", im->file, rec->line,
			       im->index[c] + 1, column_names[c], bad_at);
			bad = 1;
		} else if (check_controls(im, rec, c) < 0) {
			bad = 1;
		} else if (f->len > 0) {
			row->val[c] = f->data;
		}
	}
	return bad ? -1 : 0;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* On a terminal, redraw "FILE: N rows" at most five times a second. */
static void progress(struct import *im)
{
	long long ms;

	if (!im->tty || im->rows % 1024 != 0)
		return;
	ms = now_ms();
	if (ms - im->progress_ms < 200)
		return;
	im->progress_ms = ms;
	fprintf(im->diag, "\rcodekb-import: %s: %lu rows", im->file, im->rows);
	fflush(im->diag);
}

static void progress_clear(struct import *im)
{
	if (im->tty && im->progress_ms) {
		fputs("\r\033[K", im->diag);
		im->progress_ms = 0;
	}
}

static int on_record(void *ctx, const struct csv_record *rec,
		     struct kb_error *err)
{
	struct import *im = ctx;
	struct row row;
	enum outcome out;

	(void)err;
	memset(row.heap, 0, sizeof(row.heap));
	if (rec->number == 1)
		return read_header(im, rec) < 0 || kind_begin(im) < 0 ? -1 : 0;
	row.rec = rec;
	im->rows++;
	progress(im);
	if (read_fields(im, &row) == 0) {
		out = kind_row(im, &row);
		if (out != OUT_FAILED)
			im->counts[im->kind].n[out]++;
	}
	row_release(&row);
	return im->errors >= IMPORT_MAX_ERRORS || im->fatal ? -1 : 0;
}

static void load(struct import *im, struct input *in)
{
	struct kb_error err = {{0}};
	unsigned errors = im->errors;
	struct stmt *reset = import_stmt(im, "seen_reset");
	FILE *fp;
	int rc;

	if (!reset || sqlite3_step(reset->st) != SQLITE_DONE)
		return;
	im->file = in->path;
	im->kind = in->kind;
	im->ncolumns = 0;
	im->rows = 0;
	fp = open_input(im, in);
	if (!fp)
		return;
	im->file_fd = in->tmp ? -1 : fileno(fp);
	im->file_st = in->tmp ? NULL : &in->st;
	rc = csvread_stream(fp, on_record, im, &err);
	progress_clear(im);
	if ((rc < 0 && file_changed(im)) ||
	    (rc == 0 && check_whole(im, in, fp) < 0)) {
		im->file_fd = -1;
		im->file_st = NULL;
		close_input(in, fp);
		return;
	}
	im->file_fd = -1;
	im->file_st = NULL;
	if (rc == 0 && im->rows > 0)
		kind_end(im);
	if (rc < 0 && im->errors == errors)
		report(im, "%s:%s", in->path, err.msg);
	else if (rc == 0 && im->ncolumns == 0)
		report(im, "%s:1:1: file is empty; expected a header row",
		       in->path);
	else if (rc == 0 && im->rows == 0 && im->errors == errors)
		report(im, "%s:2:1: file has a header but no rows", in->path);
	close_input(in, fp);
}

/* ---- the run ---- */

static void print_summary(struct import *im, FILE *out)
{
	static const char *const what[] = {"added", "replaced", "skipped",
					   "unchanged"};
	int printed = 0;

	fprintf(out, "codekb-import: %s", im->opt->dry_run ? "dry run, "
		"nothing written: " : "");
	for (int k = 0; k < KIND_COUNT; k++) {
		unsigned long total = 0;

		for (int o = 0; o < OUT_FAILED; o++)
			total += im->counts[k].n[o];
		if (!total)
			continue;
		fprintf(out, "%s%s:", printed ? "; " : "", kind_name((enum kind)k));
		for (int o = 0; o < OUT_FAILED; o++)
			fprintf(out, "%s %lu %s", o ? "," : "",
				im->counts[k].n[o], what[o]);
		if (k == KIND_IANA)
			fprintf(out, " (%lu range rows)", im->ranges);
		printed = 1;
	}
	fprintf(out, "%s\n", printed ? "" : "no rows");
	if (im->changes.failed)
		fprintf(out, "codekb-import: (out of memory: the list of changes is "
			"incomplete)\n");
	for (char *line = im->changes.buf; line && *line;) {
		char *end = strchr(line, '\n');

		fprintf(out, "codekb-import: %.*s\n", (int)(end - line), line);
		line = end + 1;
	}
}

static void release(struct import *im)
{
	for (size_t i = 0; i < im->nstmts; i++)
		sqlite3_finalize(im->stmts[i].st);
	im->nstmts = 0;
	strbuf_release(&im->changes);
	strbuf_release(&im->added);
	strbuf_release(&im->key);
	sqlite3_close(im->db);
	im->db = NULL;
}

static int begin(struct import *im)
{
	struct kb_error err = {{0}};
	struct stmt *st;

	/* its messages name the database */
	if (db_open(im->opt->db_path, DB_WRITE, &im->db, &err) < 0) {
		report(im, "%s", err.msg);
		return -1;
	}
	/* Small, bounded page caches keep memory nearly flat however large
	 * the import (docs/performance.md): 1 MiB for the database, whose
	 * rows mostly arrive in key order, and 64 KiB for the temporary
	 * import_seen table.  Larger ones did not make imports faster; pages
	 * that do not fit are read back from the WAL and the temporary file,
	 * which the kernel caches. */
	if (db_exec(im->db, "PRAGMA cache_size = -1024; "
		    "PRAGMA temp.cache_size = -64", &err) < 0 ||
	    db_exec(im->db, "BEGIN IMMEDIATE", &err) < 0 ||
	    db_upgrade(im->db, &err) < 0) {
		report(im, "%s: %s", im->opt->db_path, err.msg);
		return -1;
	}
	st = import_stmt(im, "seen_create");
	if (!st || sqlite3_step(st->st) != SQLITE_DONE) {
		report(im, "%s: %s", im->opt->db_path, sqlite3_errmsg(im->db));
		return -1;
	}
	return 0;
}

/*
 * What the search index needs before the commit: 0 nothing, 1 the queued
 * documents indexed, 2 that and a merge into one segment, because a
 * quarter or more of the documents changed (see search_pending_share).
 * If the check fails, 1, so that search_flush reports the error.  With
 * nothing queued, the batch is skipped: its settings would be written, and
 * an import that changes nothing must leave the file as it was.
 */
static int search_pending(struct import *im)
{
	struct stmt *s = import_stmt(im, "search_pending_share");
	int rc;

	if (!s)
		return 1;
	rc = sqlite3_step(s->st);
	rc = rc != SQLITE_ROW ? 1 : sqlite3_column_int(s->st, 0);
	sqlite3_reset(s->st);
	return rc;
}

static int finish(struct import *im)
{
	struct kb_error err = {{0}};
	int pending;

	if (im->errors || im->opt->dry_run) {
		if (sqlite3_get_autocommit(im->db) == 0)
			db_exec(im->db, "ROLLBACK", &err);
		return im->errors ? -1 : 0;
	}
	for (size_t i = 0; i < im->nstmts; i++)
		sqlite3_reset(im->stmts[i].st);
	pending = search_pending(im);
	if (pending &&
	    db_exec_named(im->db, sql_queries_import, "search_flush", &err) < 0) {
		report(im, "%s: cannot update the search index: %s",
		       im->opt->db_path, err.msg);
		db_exec(im->db, "ROLLBACK", &err);
		return -1;
	}
	if ((im->opt->optimize || pending == 2) &&
	    db_exec_named(im->db, sql_queries_import, "search_optimize",
			  &err) < 0) {
		report(im, "%s: cannot optimize the search index: %s",
		       im->opt->db_path, err.msg);
		db_exec(im->db, "ROLLBACK", &err);
		return -1;
	}
	if (db_exec(im->db, "COMMIT", &err) < 0) {
		report(im, "%s: cannot commit: %s", im->opt->db_path, err.msg);
		if (sqlite3_get_autocommit(im->db) == 0)
			db_exec(im->db, "ROLLBACK", &err);
		return -1;
	}
	return 0;
}

/* Remove a database file that this run created and did not fill. */
static void remove_new_db(const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	char name[4096];

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, suffixes[i]);
		unlink(name);
	}
}

int import_run(const struct import_options *opt, char *const *paths,
	       int npaths, FILE *out, FILE *diag)
{
	struct import im = {0};
	struct inputs in = {0};
	struct stat st;
	int existed = stat(opt->db_path, &st) == 0;
	int no_db = 0;
	int rc;

	strbuf_init(&im.changes);
	strbuf_init(&im.added);
	strbuf_init(&im.key);
	im.opt = opt;
	im.diag = diag;
	im.file_fd = -1;
	im.tty = isatty(fileno(diag));
	if (collect(&im, &in, paths, npaths) == 0) {
		for (size_t i = 0; i < in.n; i++)
			sniff(&im, &in.v[i]);
		if (in.n > 0)
			qsort(in.v, in.n, sizeof(*in.v), cmp_inputs);
	}
	if (im.errors == 0 && begin(&im) < 0)
		no_db = 1;
	else if (im.errors == 0) {
		for (size_t i = 0; i < in.n && im.errors < IMPORT_MAX_ERRORS &&
				   !im.fatal; i++)
			load(&im, &in.v[i]);
	}
	if (im.errors > IMPORT_MAX_ERRORS)
		fprintf(diag, "codekb-import: %u more problems not shown\n",
			im.errors - IMPORT_MAX_ERRORS);
	rc = im.db ? finish(&im) : -1;
	/* a database that cannot be opened is named in one line */
	if (im.errors && !no_db)
		fprintf(diag, "codekb-import: %u problem%s; nothing was "
			"imported\n", im.errors, im.errors == 1 ? "" : "s");
	else if (npaths > 0)
		print_summary(&im, out);
	release(&im);
	inputs_release(&in);
	if (rc < 0 && !existed)
		remove_new_db(opt->db_path);
	return rc < 0 ? 1 : 0;
}
