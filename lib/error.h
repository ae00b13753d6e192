/*
 * error.h - the caller-owned error message that library functions fill in.
 *
 * Library functions never print.  On failure they return -1 (or an error
 * enum) and write one line, without a trailing newline, into a struct
 * kb_error that the caller passes in.  Only main() prints it and chooses
 * the exit status.
 *
 *     struct kb_error err = {0};
 *     if (db_open(path, DB_READONLY, &db, &err) < 0)
 *             fprintf(stderr, "codekb: %s\n", err.msg);
 */
#ifndef CODEKB_ERROR_H
#define CODEKB_ERROR_H

#include <stdarg.h>

struct kb_error {
	/* the message: lower case, no full stop, subject in quotes */
	char msg[1024];
};

/* Format a message into err (if err is not NULL).  Always returns -1, so
 * that a failing function can `return kb_error_set(err, ...)`. */
int kb_error_set(struct kb_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int kb_error_vset(struct kb_error *err, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
