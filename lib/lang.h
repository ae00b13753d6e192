/*
 * lang.h - turn a --lang value into one of the database's locales.
 */
#ifndef CODEKB_LANG_H
#define CODEKB_LANG_H

#include <sqlite3.h>
#include <stddef.h>

#include "error.h"

/* The longest locale tag kept. */
#define LANG_MAX 36

/*
 * Resolve a BCP 47 tag: case-insensitively, through the aliases (zh-CN and
 * zh-Hans are zh), then by dropping subtags from the end (en-NZ is en).
 * Copies the locale into out (LANG_MAX bytes) and returns 0, or returns -1
 * with err naming the tag and the languages the database has.
 */
int lang_resolve(sqlite3 *db, const char *queries, const char *tag, char *out,
		 struct kb_error *err);

#endif
