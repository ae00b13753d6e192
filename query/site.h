/*
 * site.h - `codekb export site --output DIR`: the whole reference as a
 * Hugo site, written in one pass over the database.
 *
 * DIR gets hugo.toml and content/LANG/..., from the statements site_files
 * and site_pages of schema/queries/export.sql, and the theme: layouts/ and
 * static/, the files of site/ in the source tree.  A
 * file that already holds the same bytes is left alone, so re-running the
 * export rewrites only the pages whose content changed.  DIR/.codekb-site
 * lists the files the export wrote; the next export deletes those of them
 * it no longer writes (the pages of a removed code or language), and no
 * other file.
 */
#ifndef CODEKB_SITE_H
#define CODEKB_SITE_H

#include <stddef.h>

#include "cmd.h"

/* One file of the theme: site/PATH of the source tree, compiled in by
 * CMakeLists.txt and written to DIR/PATH. */
struct site_file {
	const char *path;
	const char *data;
	const size_t *len;
};

/* The files of site/, ended by one whose path is NULL. */
extern const struct site_file site_theme[];

/* Export the site for ctx (every --lang given, else every language with
 * texts or UI strings).  Returns an enum exit_status, with ctx->err set
 * on failure. */
int site_run(struct ctx *ctx);

#endif
