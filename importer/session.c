/*
 * session.c - what an import run and its row handlers share: reporting
 * problems and changes, and the prepared statements of import.sql.
 * import.c (the run) and kinds.c (the rows) both call into it; it calls
 * neither.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "columns.h"
#include "db.h"
#include "embedded.h"

void report(struct import *im, const char *fmt, ...)
{
	va_list ap;

	im->errors++;
	if (im->errors > IMPORT_MAX_ERRORS)
		return;
	fputs("codekb-import: ", im->diag);
	va_start(ap, fmt);
	vfprintf(im->diag, fmt, ap);
	va_end(ap);
	fputc('\n', im->diag);
}

/* 1 if a and b are the same file with the same size and times. */
int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	       a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

void report_changed(struct import *im, const char *path)
{
	report(im, "%s: the file changed while it was being imported (its "
	       "size or modification time); import it again once it is "
	       "complete", path);
}

/*
 * 1 if the regular file being read has changed since it was first opened:
 * then that is reported, once, and the reading stops, because a problem in
 * its rows may be no more than a writer at work.
 */
int file_changed(struct import *im)
{
	struct stat st;

	if (im->file_fd < 0 || !im->file_st)
		return 0;
	if (fstat(im->file_fd, &st) == 0 && same_file(&st, im->file_st))
		return 0;
	if (!im->fatal)
		report_changed(im, im->file);
	im->fatal = 1;
	return 1;
}

enum outcome row_error(struct import *im, const struct row *row,
		       enum column col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int field = col < COL_COUNT ? im->index[col] : -1;

	if (file_changed(im))
		return OUT_FAILED;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	report(im, "%s:%lu:%d: %s", im->file, row->rec->line,
	       field < 0 ? 1 : field + 1, msg);
	return OUT_FAILED;
}

void import_db_error(struct import *im, const struct row *row)
{
	int code = sqlite3_extended_errcode(im->db);
	int sys = sqlite3_system_errno(im->db);

	if ((code & 0xff) == SQLITE_CONSTRAINT) {
		row_error(im, row, COL_COUNT, "%s", sqlite3_errmsg(im->db));
		return;
	}
	if (im->fatal)
		return;
	im->fatal = 1;
	row_error(im, row, COL_COUNT, "cannot write the database '%s': %s%s%s",
		  im->opt->db_path, sqlite3_errmsg(im->db), sys ? ": " : "",
		  sys ? strerror(sys) : "");
}

void import_change(struct import *im, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&im->changes, fmt, ap);
	va_end(ap);
	strbuf_addch(&im->changes, '\n');
}

/* Where the parameter called name takes its value from. */
static enum param_source param_source(const char *name)
{
	if (!name || name[0] != ':')
		return PARAM_OTHER;
	if (strcmp(name, ":field") == 0)
		return PARAM_FIELD;
	if (strcmp(name, ":body") == 0)
		return PARAM_BODY;
	for (int c = 0; c < COL_COUNT; c++)
		if (strcmp(name + 1, column_names[c]) == 0)
			return (enum param_source)c;
	return PARAM_OTHER;
}

/* Prepare the statement called name into s, and learn where each of its
 * parameters takes its value from, once, rather than by name at every
 * row. */
static int stmt_prepare(struct import *im, struct stmt *s, const char *name)
{
	struct kb_error err = {{0}};

	if (db_prepare_named(im->db, sql_queries_import, name, &s->st, &err) < 0) {
		report(im, "%s", err.msg);
		return -1;
	}
	s->nparams = sqlite3_bind_parameter_count(s->st);
	if (s->nparams > STMT_MAX_PARAMS) {
		report(im, "internal error: query '%s' has more than %d "
		       "parameters", name, STMT_MAX_PARAMS);
		sqlite3_finalize(s->st);
		return -1;
	}
	for (int i = 1; i <= s->nparams; i++)
		s->source[i] = (unsigned char)param_source(
			sqlite3_bind_parameter_name(s->st, i));
	snprintf(s->name, sizeof(s->name), "%s", name);
	return 0;
}

struct stmt *import_stmt(struct import *im, const char *name)
{
	struct stmt *s;

	for (size_t i = 0; i < im->nstmts; i++) {
		if (strcmp(im->stmts[i].name, name) == 0) {
			sqlite3_reset(im->stmts[i].st);
			sqlite3_clear_bindings(im->stmts[i].st);
			return &im->stmts[i];
		}
	}
	if (im->nstmts == sizeof(im->stmts) / sizeof(im->stmts[0])) {
		report(im, "internal error: too many statements");
		return NULL;
	}
	s = &im->stmts[im->nstmts];
	if (stmt_prepare(im, s, name) < 0)
		return NULL;
	im->nstmts++;
	return s;
}
