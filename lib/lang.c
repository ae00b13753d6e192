/*
 * lang.c - see lang.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "db.h"
#include "lang.h"

static int well_formed(const char *tag)
{
	size_t len = strlen(tag);

	if (len == 0 || len >= LANG_MAX || !isalpha((unsigned char)tag[0]))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isalnum((unsigned char)tag[i]) && tag[i] != '-' && tag[i] != '_')
			return 0;
	return 1;
}

/* 1 and the locale in out if tag names one exactly or as an alias. */
static int lookup(sqlite3_stmt *st, const char *tag, char *out)
{
	int found = 0;

	sqlite3_reset(st);
	db_bind_text(st, ":tag", tag);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, LANG_MAX, "%s", sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_reset(st);
	return found;
}

/* The error for an unknown tag, naming every language the database has
 * (however many). */
static int unknown(sqlite3 *db, const char *queries, const char *tag,
		   struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	const char *known = "en";

	if (db_prepare_named(db, queries, "locale_available", &st, NULL) == 0 &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		known = (const char *)sqlite3_column_text(st, 0);
	kb_error_set(err, "unknown language '%s'; available: %s", tag, known);
	sqlite3_finalize(st);
	return -1;
}

int lang_resolve(sqlite3 *db, const char *queries, const char *tag, char *out,
		 struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	char work[LANG_MAX];
	int found = 0;

	if (well_formed(tag)) {
		snprintf(work, sizeof(work), "%s", tag);
		for (char *p = work; *p; p++)
			if (*p == '_')
				*p = '-';
		if (db_prepare_named(db, queries, "locale_resolve", &st, err) < 0)
			return -1;
		for (;;) {
			char *dash = strrchr(work, '-');

			found = lookup(st, work, out);
			if (found || !dash)
				break;
			*dash = '\0';
		}
		sqlite3_finalize(st);
	}
	if (found)
		return 0;
	return unknown(db, queries, tag, err);
}
