/*
 * site.c - see site.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db.h"
#include "embedded.h"
#include "outfile.h"
#include "site.h"

struct site {
	/* the output directory, with a trailing '/' */
	char root[4096];
	/* the last directory made, so that each is made once */
	char made[4096];
	/* files written and files left as they were */
	long written;
	long unchanged;
};

/* Make dir and its parents (like mkdir -p).  Returns 0 or -1 with err. */
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
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return kb_error_set(err, "cannot create '%s': %s", path,
				    strerror(errno));
	return 0;
}

/* Write one file, rel being its path below the root. */
static int site_write(struct site *s, const char *rel, const char *data,
		      size_t len, struct kb_error *err)
{
	char path[4096];
	char *slash;
	int rc;

	if (strstr(rel, "..") || rel[0] == '/')
		return kb_error_set(err, "refusing to write '%s'", rel);
	snprintf(path, sizeof(path), "%s%s", s->root, rel);
	slash = strrchr(path, '/');
	*slash = '\0';
	if (strcmp(path, s->made) != 0) {
		if (make_dirs(path, err) < 0)
			return -1;
		snprintf(s->made, sizeof(s->made), "%s", path);
	}
	*slash = '/';
	rc = outfile_update(path, data, len, err);
	if (rc < 0)
		return -1;
	if (rc)
		s->written++;
	else
		s->unchanged++;
	return 0;
}

/* Run statement name of export.sql and write each (path, content) row. */
static int site_write_all(struct site *s, struct ctx *ctx, const char *name,
			  const char *langs)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (db_prepare_named(ctx->db, sql_queries_export, name, &st,
			     &ctx->err) < 0)
		return -1;
	db_bind_text(st, ":langs", langs);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *rel = (const char *)sqlite3_column_text(st, 0);
		const char *data = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);

		if (!rel || !data) {
			kb_error_set(&ctx->err, "cannot build page '%s': the "
				     "UI strings it needs are missing; run "
				     "'codekb check'", rel ? rel : "?");
			break;
		}
		if (site_write(s, rel, data, len, &ctx->err) < 0)
			break;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
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

int site_run(struct ctx *ctx)
{
	struct site *s = calloc(1, sizeof(*s));
	char langs[1024];
	const char *list;
	int status = EXIT_FAIL;

	if (!s) {
		kb_error_set(&ctx->err, "out of memory");
		return EXIT_FAIL;
	}
	if (!ctx->o->output || ctx->o->format || ctx->o->protocol) {
		kb_error_set(&ctx->err, "'export site' takes --output DIR and "
			     "--lang, and no --format or --protocol");
		status = EXIT_USAGE;
		goto cleanup;
	}
	list = site_langs(ctx, langs, sizeof(langs));
	if (list && !*list)
		goto cleanup;
	snprintf(s->root, sizeof(s->root), "%s/", ctx->o->output);
	if (make_dirs(ctx->o->output, &ctx->err) < 0 ||
	    site_write_all(s, ctx, "site_files", list) < 0 ||
	    site_write_all(s, ctx, "site_pages", list) < 0)
		goto cleanup;
	fprintf(ctx->out, "%ld files written, %ld unchanged\n", s->written,
		s->unchanged);
	status = EXIT_OK;
cleanup:
	free(s);
	return status;
}
