/*
 * error.c - see error.h.
 */
#include <stdio.h>

#include "error.h"

int kb_error_vset(struct kb_error *err, const char *fmt, va_list ap)
{
	if (err)
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	return -1;
}

int kb_error_set(struct kb_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kb_error_vset(err, fmt, ap);
	va_end(ap);
	return -1;
}
