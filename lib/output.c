/*
 * output.c - see output.h.
 *
 * The table format must know every column's width before it prints, so it
 * keeps the rows, up to TABLE_MAX_BYTES; the other formats stream row by
 * row.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "utf8.h"

int format_parse(const char *name, enum format *out)
{
	static const struct {
		const char *name;
		enum format fmt;
	} names[] = {
		{"table", FMT_TABLE}, {"csv", FMT_CSV}, {"md", FMT_MD},
		{"markdown", FMT_MD}, {"json", FMT_JSON},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].fmt;
			return 0;
		}
	}
	return -1;
}

const char *format_name(enum format fmt)
{
	static const char *const names[] = {"table", "csv", "md", "json"};

	return names[fmt];
}

void output_csv_field(FILE *out, const char *s)
{
	size_t len = strlen(s);
	const char *quote;

	if (s[strcspn(s, ",\"\r\n")] == '\0' &&
	    !(len && (s[0] == ' ' || s[len - 1] == ' '))) {
		fwrite(s, 1, len, out);
		return;
	}
	fputc('"', out);
	while ((quote = strchr(s, '"')) != NULL) {
		fwrite(s, 1, (size_t)(quote - s) + 1, out);
		fputc('"', out);
		s = quote + 1;
	}
	fputs(s, out);
	fputc('"', out);
}

/* The escape of one character that a GFM table cell cannot hold as it is,
 * or NULL for one it can. */
static const char *md_escape(char c)
{
	switch (c) {
	case '|':
		return "\\|";
	case '\\':
		return "\\\\";
	case '`':
		return "\\`";
	case '<':
		return "&lt;";
	case '&':
		return "&amp;";
	case '\r':
		return "";
	case '\n':
		return "<br>";
	default:
		return NULL;
	}
}

void output_md_cell(FILE *out, const char *s)
{
	size_t run;

	for (; *s == ' '; s++)
		fputs("&nbsp;", out);
	while (*s) {
		run = strcspn(s, "|\\`<&\r\n");
		fwrite(s, 1, run, out);
		s += run;
		if (!*s)
			break;
		fputs(md_escape(*s), out);
		s++;
	}
}

static const char *cell(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? (const char *)t : "";
}

static const char *heading(sqlite3_stmt *st, const char *const *labels, int i)
{
	return labels && labels[i] ? labels[i] : sqlite3_column_name(st, i);
}

static int finish_step(sqlite3 *db, sqlite3_stmt *st, int rc,
		       struct kb_error *err)
{
	if (rc == SQLITE_DONE)
		return 0;
	kb_error_set(err, "%s", sqlite3_errmsg(db));
	sqlite3_reset(st);
	return -1;
}

/* Step st for the next row to print: SQLITE_ROW while fewer than max
 * (< 0 for no limit) have been printed; at max, SQLITE_DONE with *more
 * set if there is another row (st is then reset). */
static int next_row(sqlite3_stmt *st, long rows, long max, int *more)
{
	int rc;

	if (max >= 0 && rows >= max) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			if (more)
				*more = 1;
			sqlite3_reset(st);
			return SQLITE_DONE;
		}
		return rc;
	}
	return sqlite3_step(st);
}

static long print_csv(sqlite3 *db, sqlite3_stmt *st, int n, long max,
		      int *more, FILE *out, struct kb_error *err)
{
	long rows = 0;
	int rc;

	for (int i = 0; i < n; i++) {
		fputs(i ? "," : "", out);
		output_csv_field(out, sqlite3_column_name(st, i));
	}
	fputs("\r\n", out);
	while ((rc = next_row(st, rows, max, more)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			fputs(i ? "," : "", out);
			output_csv_field(out, cell(st, i));
		}
		fputs("\r\n", out);
		rows++;
	}
	return finish_step(db, st, rc, err) < 0 ? -1 : rows;
}

static long print_md(sqlite3 *db, sqlite3_stmt *st, int n,
		     const char *const *labels, long max, int *more, FILE *out,
		     struct kb_error *err)
{
	long rows = 0;
	int rc;

	for (int i = 0; i < n; i++) {
		fputs("| ", out);
		output_md_cell(out, heading(st, labels, i));
		fputc(' ', out);
	}
	fputs("|\n", out);
	for (int i = 0; i < n; i++)
		fputs("| --- ", out);
	fputs("|\n", out);
	while ((rc = next_row(st, rows, max, more)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			fputs("| ", out);
			output_md_cell(out, cell(st, i));
			fputc(' ', out);
		}
		fputs("|\n", out);
		rows++;
	}
	return finish_step(db, st, rc, err) < 0 ? -1 : rows;
}

/* Write s[0..len) as a JSON string: quotes, backslashes and control
 * characters escaped, and each byte that is not UTF-8 as U+FFFD. */
static void json_string(FILE *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	for (size_t i = 0; i < len;) {
		size_t used;
		long cp = utf8_decode(p + i, len - i, &used);

		if (cp < 0 || cp == 0) {
			fputs(cp < 0 ? "\\ufffd" : "\\u0000", out);
		} else if (cp == '"' || cp == '\\') {
			fputc('\\', out);
			fputc((int)cp, out);
		} else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029) {
			fprintf(out, "\\u%04lx", cp);
		} else {
			fwrite(p + i, 1, used, out);
		}
		i += used;
	}
	fputc('"', out);
}

/* Write value as JSON: a number, a string, null; a BLOB as a string of
 * hex digits, and a real that JSON cannot hold (Inf, NaN) as null. */
static void json_value(sqlite3_value *value, FILE *out)
{
	switch (sqlite3_value_type(value)) {
	case SQLITE_INTEGER:
		fprintf(out, "%lld", (long long)sqlite3_value_int64(value));
		break;
	case SQLITE_FLOAT: {
		double d = sqlite3_value_double(value);

		if (isfinite(d))
			fprintf(out, "%.17g", d);
		else
			fputs("null", out);
		break;
	}
	case SQLITE_BLOB: {
		const unsigned char *b = sqlite3_value_blob(value);
		int n = sqlite3_value_bytes(value);

		fputc('"', out);
		for (int i = 0; i < n; i++)
			fprintf(out, "%02x", b[i]);
		fputc('"', out);
		break;
	}
	case SQLITE_TEXT:
		json_string(out, (const char *)sqlite3_value_text(value),
			    (size_t)sqlite3_value_bytes(value));
		break;
	default:
		fputs("null", out);
	}
}

/* The key of column i: its name, or for a name an earlier column has,
 * the name and ":N", N its 1-based column number, so keys are unique. */
static void json_key(FILE *out, sqlite3_stmt *st, int i)
{
	const char *name = sqlite3_column_name(st, i);
	char buf[512];

	if (!name)
		name = "";
	for (int j = 0; j < i; j++) {
		const char *other = sqlite3_column_name(st, j);

		if (other && strcmp(other, name) == 0) {
			snprintf(buf, sizeof(buf), "%.480s:%d", name, i + 1);
			name = buf;
			break;
		}
	}
	json_string(out, name, strlen(name));
}

static long print_json(sqlite3 *db, sqlite3_stmt *st, long max, int *more,
		       FILE *out, struct kb_error *err)
{
	int n = sqlite3_column_count(st);
	long rows = 0;
	int rc;

	fputc('[', out);
	while ((rc = next_row(st, rows, max, more)) == SQLITE_ROW) {
		fputs(rows ? ",\n{" : "\n{", out);
		for (int i = 0; i < n; i++) {
			if (i)
				fputc(',', out);
			json_key(out, st, i);
			fputc(':', out);
			json_value(sqlite3_column_value(st, i), out);
		}
		fputc('}', out);
		rows++;
	}
	fputs(rows ? "\n]\n" : "]\n", out);
	return finish_step(db, st, rc, err) < 0 ? -1 : rows;
}

/* The most bytes of cells the table format keeps: it must see every row
 * before it prints, so a larger result is refused, not held. */
#define TABLE_MAX_BYTES (16 * 1024 * 1024)

struct table {
	/* the cells, row after row, each malloc'ed, and their bytes */
	char **cells;
	size_t ncells;
	size_t cap;
	size_t bytes;
	/* each column's width in terminal columns */
	size_t *width;
};

static int table_add(struct table *t, const char *s, int col)
{
	size_t w;

	if (t->ncells == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		char **grown = realloc(t->cells, cap * sizeof(*grown));

		if (!grown)
			return -1;
		t->cells = grown;
		t->cap = cap;
	}
	t->bytes += strlen(s) + 1 + sizeof(*t->cells);
	if (t->bytes > TABLE_MAX_BYTES)
		return -2;
	t->cells[t->ncells] = strdup(s);
	if (!t->cells[t->ncells])
		return -1;
	for (char *p = t->cells[t->ncells]; *p; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	w = utf8_width(s, strlen(s));
	if (w > t->width[col])
		t->width[col] = w;
	t->ncells++;
	return 0;
}

static void table_print(const struct table *t, int n, FILE *out)
{
	/* the last cell of the row that is not empty: a line ends there,
	 * with no spaces after it */
	int last = 0;

	for (size_t i = 0; i < t->ncells; i++) {
		int col = (int)(i % (size_t)n);
		const char *s = t->cells[i];

		if (col == 0) {
			last = 0;
			for (int c = 1; c < n && i + (size_t)c < t->ncells; c++)
				if (*t->cells[i + (size_t)c])
					last = c;
		}
		fputs(s, out);
		if (col >= last) {
			if (col == n - 1)
				fputc('\n', out);
		} else {
			size_t pad = t->width[col] - utf8_width(s, strlen(s)) + 2;

			fprintf(out, "%*s", (int)pad, "");
		}
		if (i == (size_t)n - 1) {
			for (int c = 0; c < n; c++) {
				for (size_t k = 0; k < t->width[c]; k++)
					fputc('-', out);
				fputs(c == n - 1 ? "\n" : "  ", out);
			}
		}
	}
}

static long print_table(sqlite3 *db, sqlite3_stmt *st, const char *const *labels,
			long max, int *more, FILE *out, struct kb_error *err)
{
	struct table t = {0};
	int n = sqlite3_column_count(st);
	long rows = -1;
	int rc;

	t.width = calloc((size_t)n + 1, sizeof(*t.width));
	if (!t.width)
		goto nomem;
	for (int i = 0; i < n; i++)
		if (table_add(&t, heading(st, labels, i), i) < 0)
			goto nomem;
	while ((rc = next_row(st, (long)(t.ncells / (size_t)(n ? n : 1)) - 1,
			      max, more)) == SQLITE_ROW) {
		for (int i = 0; i < n; i++) {
			int added = table_add(&t, cell(st, i), i);

			if (added == -2) {
				kb_error_set(err, "the result is larger than the "
					     "table format holds (%d MB); use "
					     "--format csv or json, which "
					     "stream, or add a LIMIT",
					     TABLE_MAX_BYTES / (1024 * 1024));
				sqlite3_reset(st);
				goto cleanup;
			}
			if (added < 0)
				goto nomem;
		}
	}
	if (finish_step(db, st, rc, err) < 0)
		goto cleanup;
	if (n > 0)
		table_print(&t, n, out);
	rows = n ? (long)(t.ncells / (size_t)n) - 1 : 0;
	goto cleanup;
nomem:
	kb_error_set(err, "out of memory");
	sqlite3_reset(st);
cleanup:
	for (size_t i = 0; i < t.ncells; i++)
		free(t.cells[i]);
	free(t.cells);
	free(t.width);
	return rows;
}

long output_columns(sqlite3 *db, sqlite3_stmt *st, enum format fmt, int ncols,
		    const char *const *labels, FILE *out, struct kb_error *err)
{
	switch (fmt) {
	case FMT_CSV:
		return print_csv(db, st, ncols, -1, NULL, out, err);
	case FMT_MD:
		return print_md(db, st, ncols, labels, -1, NULL, out, err);
	default:
		return output_rows(db, st, fmt, labels, out, err);
	}
}

long output_rows(sqlite3 *db, sqlite3_stmt *st, enum format fmt,
		 const char *const *labels, FILE *out, struct kb_error *err)
{
	return output_rows_max(db, st, fmt, labels, -1, NULL, out, err);
}

long output_rows_max(sqlite3 *db, sqlite3_stmt *st, enum format fmt,
		     const char *const *labels, long max, int *more, FILE *out,
		     struct kb_error *err)
{
	int n = sqlite3_column_count(st);

	switch (fmt) {
	case FMT_CSV:
		return print_csv(db, st, n, max, more, out, err);
	case FMT_MD:
		return print_md(db, st, n, labels, max, more, out, err);
	case FMT_JSON:
		return print_json(db, st, max, more, out, err);
	default:
		return print_table(db, st, labels, max, more, out, err);
	}
}

long output_json_column(sqlite3 *db, sqlite3_stmt *st, int col, FILE *out,
			struct kb_error *err)
{
	long rows = 0;
	int rc;

	fputc('[', out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fputs(rows ? ",\n" : "\n", out);
		fputs(cell(st, col), out);
		rows++;
	}
	fputs(rows ? "\n]\n" : "]\n", out);
	return finish_step(db, st, rc, err) < 0 ? -1 : rows;
}
