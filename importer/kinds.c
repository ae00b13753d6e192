/*
 * kinds.c - check and write one row of each kind of file.
 *
 * A handler first checks and normalizes every value of its row (reporting
 * each problem against its column), then asks the database whether the
 * row exists and whether it is the same, and acts on --on-conflict.
 *
 * Everything about the kinds of file lives here: their names, the headers
 * that announce them (kind_detect), their columns (specs[]) and their row
 * handlers.  Adding a kind: add it to enum kind (import.h, in load order),
 * give it a name, a header test, its columns and a handler below, and its
 * statements in schema/queries/import.sql.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codekey.h"
#include "columns.h"
#include "db.h"
#include "grammar.h"


#define TEXT_COLUMNS (BIT(COL_DESCRIPTION) | BIT(COL_WHEN_SEEN) | BIT(COL_HOW_TO_FIX))

static const struct {
	unsigned long required;
	unsigned long optional;
} specs[KIND_COUNT] = {
	[KIND_PROTOCOLS] = {
		BIT(COL_PROTOCOL) | BIT(COL_NAME),
		BIT(COL_REFERENCE) | BIT(COL_SHAPES) | BIT(COL_ALIASES) |
		BIT(COL_NOUN)},
	[KIND_CLASSES] = {
		BIT(COL_PROTOCOL) | BIT(COL_CLASS) | BIT(COL_FIRST) |
		BIT(COL_LAST) | BIT(COL_NAME),
		0},
	[KIND_CODES] = {
		BIT(COL_PROTOCOL) | BIT(COL_CODE) | BIT(COL_REASON),
		BIT(COL_REFERENCE) | BIT(COL_SECTION) | BIT(COL_STATUS) |
		BIT(COL_REGISTERED) | BIT(COL_EXPIRES) | BIT(COL_VENDOR) |
		BIT(COL_FINAL) | BIT(COL_CACHEABLE) | BIT(COL_RETRY_AFTER) |
		BIT(COL_FORMER) | BIT(COL_BASIC) | TEXT_COLUMNS},
	/* a registry's own CSV export: the common one (Value,Description,
	 * Reference), or SMTP's enhanced status codes (Code,Sample Text,
	 * ...); kind_begin() tells which */
	[KIND_IANA] = {
		BIT(COL_IANA_DESCRIPTION) | BIT(COL_IANA_REFERENCE),
		BIT(COL_VALUE) | BIT(COL_IANA_CODE) | BIT(COL_IANA_SAMPLE) |
		BIT(COL_IANA_BASIC) | BIT(COL_IANA_SUBMITTER) |
		BIT(COL_IANA_CONTROLLER)},
	[KIND_PROTOCOL_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_NAME),
		0},
	[KIND_CLASS_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CLASS) |
		BIT(COL_NAME),
		0},
	[KIND_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE),
		BIT(COL_VENDOR) | TEXT_COLUMNS},
	/* a code's name in a language, and its search terms; a row may
	 * carry either */
	[KIND_NAMES] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE),
		BIT(COL_VENDOR) | BIT(COL_NAME) | BIT(COL_TERMS)},
	[KIND_UI] = {
		BIT(COL_LOCALE) | BIT(COL_KEY) | BIT(COL_TEXT),
		0},
	[KIND_TRANSLATIONS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE) |
		BIT(COL_FIELD) | BIT(COL_ENGLISH) | BIT(COL_TRANSLATION),
		BIT(COL_VENDOR) | BIT(COL_STATUS) | BIT(COL_PREVIOUS)},
	[KIND_NOTES] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE_A) |
		BIT(COL_CODE_B) | BIT(COL_NOTE),
		BIT(COL_VENDOR_A) | BIT(COL_VENDOR_B)},
	[KIND_EQUIVALENTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL_A) | BIT(COL_CODE_A) |
		BIT(COL_PROTOCOL_B) | BIT(COL_CODE_B) | BIT(COL_NOTE),
		BIT(COL_VENDOR_A) | BIT(COL_VENDOR_B)},
	[KIND_FACTS] = {
		BIT(COL_PROTOCOL) | BIT(COL_CODE) | BIT(COL_FACT) |
		BIT(COL_FACT_VALUE),
		BIT(COL_VENDOR) | BIT(COL_REFERENCE) | BIT(COL_SECTION)},
};

/* The name of each kind, as --kind and the summary give it. */
static const char *const kind_names[KIND_COUNT] = {
	[KIND_AUTO] = "auto",
	[KIND_PROTOCOLS] = "protocols",
	[KIND_CLASSES] = "classes",
	[KIND_CODES] = "codes",
	[KIND_IANA] = "iana",
	[KIND_PROTOCOL_TEXTS] = "protocol-texts",
	[KIND_CLASS_TEXTS] = "class-texts",
	[KIND_TEXTS] = "texts",
	[KIND_NAMES] = "names",
	[KIND_TRANSLATIONS] = "translations",
	[KIND_UI] = "ui",
	[KIND_NOTES] = "notes",
	[KIND_EQUIVALENTS] = "equivalents",
	[KIND_FACTS] = "facts",
};

int import_kind_parse(const char *name)
{
	for (int k = 0; k < KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return k;
	return -1;
}

const char *kind_name(enum kind kind)
{
	return kind_names[kind];
}

static int header_has(const struct csv_record *rec, const char *name)
{
	for (size_t i = 0; i < rec->nfields; i++)
		if (strcmp(rec->fields[i].data, name) == 0)
			return 1;
	return 0;
}

/* The kind that a header announces, or KIND_AUTO if none. */
enum kind kind_detect(const struct csv_record *rec)
{
	if ((header_has(rec, "Value") || header_has(rec, "Sample Text")) &&
	    header_has(rec, "Description"))
		return KIND_IANA;
	if (header_has(rec, "reason"))
		return KIND_CODES;
	if (header_has(rec, "fact"))
		return KIND_FACTS;
	if (header_has(rec, "locale")) {
		if (header_has(rec, "key"))
			return KIND_UI;
		if (header_has(rec, "translation"))
			return KIND_TRANSLATIONS;
		if (header_has(rec, "protocol_a") || header_has(rec, "protocol_b"))
			return KIND_EQUIVALENTS;
		if (header_has(rec, "code_a") || header_has(rec, "code_b"))
			return KIND_NOTES;
		if (header_has(rec, "terms"))
			return KIND_NAMES;
		if (header_has(rec, "code"))
			return KIND_TEXTS;
		if (header_has(rec, "class"))
			return KIND_CLASS_TEXTS;
		return KIND_PROTOCOL_TEXTS;
	}
	if (header_has(rec, "first") || header_has(rec, "last") ||
	    header_has(rec, "class"))
		return KIND_CLASSES;
	if (header_has(rec, "protocol") && header_has(rec, "name"))
		return KIND_PROTOCOLS;
	return KIND_AUTO;
}

unsigned long kind_required(enum kind kind)
{
	return specs[kind].required;
}

unsigned long kind_allowed(enum kind kind)
{
	return specs[kind].required | specs[kind].optional;
}

/* ---- running statements ---- */

/*
 * Bind each parameter of s to its value: a column's to the row's value,
 * :field and :body to field and body; NULL values stay unbound (NULL).
 * The values are not copied: they must stay as they are until s has been
 * stepped, and import_stmt() unbinds them before s is used again.
 */
static void bind_row(const struct stmt *s, const struct row *row,
		     const char *field, const char *body)
{
	for (int i = 1; i <= s->nparams; i++) {
		const char *value;

		switch (s->source[i]) {
		case PARAM_FIELD:
			value = field;
			break;
		case PARAM_BODY:
			value = body;
			break;
		case PARAM_OTHER:
			value = NULL;
			break;
		default:
			value = row->val[s->source[i]];
			break;
		}
		if (value)
			sqlite3_bind_text(s->st, i, value, -1, SQLITE_STATIC);
	}
}

/* Step st to its end.  Returns 1 if it gave a row, 0 if not, -1 (with a
 * reported problem) on error. */
static int step(struct import *im, const struct row *row, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	int result = rc == SQLITE_ROW;

	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		import_db_error(im, row);
		result = -1;
	}
	sqlite3_reset(st);
	return result;
}

/* Run the statement `name` with the row's values bound, plus extra
 * :field and :body if they are not NULL. */
static int run(struct import *im, const struct row *row, const char *name,
	       const char *field, const char *body)
{
	struct stmt *s = import_stmt(im, name);

	if (!s)
		return -1;
	bind_row(s, row, field, body);
	return step(im, row, s->st);
}

/* The first column of the first row of `name`, copied into buf; returns 1
 * if there was a row, 0 if not, -1 on error. */
static int lookup(struct import *im, const struct row *row, const char *name,
		  const char *field, char *buf, size_t size)
{
	struct stmt *s = import_stmt(im, name);
	sqlite3_stmt *st;
	int rc;

	if (!s)
		return -1;
	st = s->st;
	bind_row(s, row, field, NULL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *text = sqlite3_column_text(st, 0);
		size_t len = text ? strlen((const char *)text) : 0;

		if (len >= size) {
			row_error(im, row, COL_PROTOCOL, "internal error: a "
				  "value of %zu bytes from '%s' does not fit "
				  "in %zu", len, name, size);
			sqlite3_reset(st);
			return -1;
		}
		memcpy(buf, text ? (const char *)text : "", len + 1);
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		import_db_error(im, row);
		rc = -1;
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * The key that names the row in messages and in the check for duplicate
 * rows ("SIP 486"), formatted into memory that grows as it needs: no key
 * is cut short.  It stays valid until the next call.  NULL (with a
 * reported problem) when out of memory.
 */
static const char *row_key(struct import *im, const struct row *row,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static const char *row_key(struct import *im, const struct row *row,
			   const char *fmt, ...)
{
	va_list ap;
	int rc;

	strbuf_reset(&im->key);
	va_start(ap, fmt);
	rc = strbuf_vaddf(&im->key, fmt, ap);
	va_end(ap);
	if (rc < 0) {
		row_error(im, row, COL_PROTOCOL, "out of memory");
		return NULL;
	}
	return im->key.buf;
}

/* ---- checking values ---- */

/* Make value the row's value of col, copied: into the row's own room if
 * it fits, else into memory of its own, never cut short. */
static int set_val(struct row *row, enum column col, const char *value)
{
	size_t len = strlen(value);
	char *copy;

	if (len < ROW_BUF) {
		memmove(row->buf[col], value, len + 1);
		row->val[col] = row->buf[col];
		return 0;
	}
	copy = malloc(len + 1);
	if (!copy)
		return -1;
	memcpy(copy, value, len + 1);
	free(row->heap[col]);
	row->heap[col] = copy;
	row->val[col] = copy;
	return 0;
}

/* set_val() of the first len bytes of value. */
static int set_valn(struct row *row, enum column col, const char *value,
		    size_t len)
{
	char small[ROW_BUF];
	char *copy;
	int rc;

	if (len < ROW_BUF) {
		memcpy(small, value, len);
		small[len] = '\0';
		return set_val(row, col, small);
	}
	copy = malloc(len + 1);
	if (!copy)
		return -1;
	memcpy(copy, value, len);
	copy[len] = '\0';
	rc = set_val(row, col, copy);
	free(copy);
	return rc;
}

/* set_val() of value with each run of white space (a registry's cells
 * span lines) made one space, and none at either end. */
static int set_squeezed(struct row *row, enum column col, const char *value)
{
	size_t len = strlen(value), n = 0;
	char *copy = malloc(len + 1);
	int rc;

	if (!copy)
		return -1;
	for (const char *p = value; *p; p++) {
		if (isspace((unsigned char)*p)) {
			if (n && copy[n - 1] != ' ')
				copy[n++] = ' ';
		} else {
			copy[n++] = *p;
		}
	}
	while (n && copy[n - 1] == ' ')
		n--;
	copy[n] = '\0';
	rc = set_val(row, col, copy);
	free(copy);
	return rc;
}

void row_release(struct row *row)
{
	for (int c = 0; c < COL_COUNT; c++) {
		free(row->heap[c]);
		row->heap[c] = NULL;
	}
}

/* Normalize the protocol id in column col (upper case). */
static int check_protocol_id_col(struct import *im, struct row *row,
				 enum column col)
{
	const char *p = row->val[col];
	char up[17];
	size_t len = strlen(p);

	if (len > 16 || !isalpha((unsigned char)p[0]))
		goto bad;
	for (size_t i = 0; i < len; i++) {
		if (!isalnum((unsigned char)p[i]) && p[i] != '-')
			goto bad;
		up[i] = (char)toupper((unsigned char)p[i]);
	}
	up[len] = '\0';
	return set_val(row, col, up);
bad:
	row_error(im, row, col, "protocol '%s' must be 1 to 16 "
		  "letters, digits or '-', starting with a letter", p);
	return -1;
}

static int check_protocol_id(struct import *im, struct row *row)
{
	return check_protocol_id_col(im, row, COL_PROTOCOL);
}

/* Normalize the protocol in column col and check that it has been
 * declared. */
static int check_protocol_col(struct import *im, struct row *row,
			      enum column col)
{
	struct row probe;
	char known[4096];
	int rc;

	if (check_protocol_id_col(im, row, col) < 0)
		return -1;
	probe = *row;
	probe.val[COL_PROTOCOL] = row->val[col];
	rc = run(im, &probe, "protocol_exists", NULL, NULL);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (lookup(im, row, "protocol_list", NULL, known, sizeof(known)) < 0)
		return -1;
	row_error(im, row, col, "protocol '%s' is not declared "
		  "(known: %s); declare it first in a protocols file with the "
		  "header 'protocol,name,reference'", row->val[col],
		  known[0] ? known : "none");
	return -1;
}

static int check_protocol(struct import *im, struct row *row)
{
	return check_protocol_col(im, row, COL_PROTOCOL);
}

/* The shapes that the keys of protocol (a declared, normalized id) take. */
static int protocol_shapes(struct import *im, const struct row *row,
			   const char *protocol, unsigned *shapes)
{
	struct row probe;
	char list[256];
	int rc;

	if (im->shapes && strcmp(im->shapes_protocol, protocol) == 0) {
		*shapes = im->shapes;
		return 0;
	}
	probe = *row;
	probe.val[COL_PROTOCOL] = protocol;
	rc = lookup(im, &probe, "protocol_shapes", NULL, list, sizeof(list));
	if (rc < 0)
		return -1;
	*shapes = rc ? codekey_shapes(list) : SHAPE_NUMBER;
	if (!*shapes) {
		row_error(im, row, COL_PROTOCOL, "protocol %s has shapes '%s'; "
			  "a shape is one of %s", protocol, list,
			  codekey_shape_names());
		return -1;
	}
	snprintf(im->shapes_protocol, sizeof(im->shapes_protocol), "%s",
		 protocol);
	im->shapes = *shapes;
	return 0;
}

/*
 * Check the key in column col as a key of the protocol in column pcol,
 * and write it as codekb stores it; *k gets it.  A generic dotted key
 * (X.7.26) is refused unless generic_ok: a code is stored under its class.
 */
static int check_key(struct import *im, struct row *row, enum column col,
		     enum column pcol, int generic_ok, struct codekey *k)
{
	unsigned shapes;
	const char *why;
	const char *v = row->val[col];

	if (protocol_shapes(im, row, row->val[pcol], &shapes) < 0)
		return -1;
	if (codekey_parse(v, shapes, k, &why) < 0) {
		row_error(im, row, col, "%s '%s' %s (at character %d)",
			  column_names[col], v, why, k->error_col);
		return -1;
	}
	if (k->shape == SHAPE_DOTTED && k->cls == 0 && !generic_ok) {
		row_error(im, row, col, "%s '%s' is the registry's generic "
			  "form; write it with its class, as 2.%d.%d, 4.%d.%d "
			  "or 5.%d.%d", column_names[col], v, k->subject,
			  k->detail, k->subject, k->detail, k->subject,
			  k->detail);
		return -1;
	}
	return set_val(row, col, k->text);
}

/* Set the row's sort value (COL_SORT) from k. */
static int set_sort(struct row *row, enum column col, const struct codekey *k)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", k->sort);
	return set_val(row, col, buf);
}

static int check_flag(struct import *im, struct row *row, enum column col)
{
	static const char *const yes[] = {"1", "yes", "true", "y"};
	static const char *const no[] = {"0", "no", "false", "n"};
	const char *v = row->val[col];

	if (!v)
		return 0;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (strcasecmp(v, yes[i]) == 0)
			return set_val(row, col, "1");
		if (strcasecmp(v, no[i]) == 0)
			return set_val(row, col, "0");
	}
	row_error(im, row, col, "%s '%s' must be 1 or 0 (yes or no)",
		  column_names[col], v);
	return -1;
}

static int check_date(struct import *im, struct row *row, enum column col)
{
	const char *v = row->val[col];
	int y, m, d, n = 0;

	if (!v)
		return 0;
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || m < 1 || m > 12 || d < 1 || d > 31) {
		row_error(im, row, col, "%s '%s' is not a date (YYYY-MM-DD)",
			  column_names[col], v);
		return -1;
	}
	return 0;
}

/* The status must be one of table `status`, the statuses' one home. */
/* Check that the row's value in col is one of a table's names: statement
 * `<what>_exists` finds it, `<what>_list` lists them for the error. */
static int check_listed(struct import *im, struct row *row, enum column col,
			const char *what)
{
	char name[64], known[512];
	int rc;

	if (!row->val[col])
		return 0;
	snprintf(name, sizeof(name), "%s_exists", what);
	rc = run(im, row, name, NULL, NULL);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	snprintf(name, sizeof(name), "%s_list", what);
	if (lookup(im, row, name, NULL, known, sizeof(known)) < 0)
		return -1;
	row_error(im, row, col, "%s '%s' must be one of %s", what,
		  row->val[col], known);
	return -1;
}

static int check_status(struct import *im, struct row *row)
{
	return check_listed(im, row, COL_STATUS, "status");
}

static int check_section(struct import *im, struct row *row)
{
	const char *v = row->val[COL_SECTION];

	if (!v)
		return 0;
	for (const char *p = v; *p; p++) {
		if (!isalnum((unsigned char)*p) && *p != '.') {
			row_error(im, row, COL_SECTION, "section '%s' must be "
				  "a section number such as 21.4.19", v);
			return -1;
		}
	}
	return 0;
}

static int check_locale(struct import *im, struct row *row)
{
	char tag[ROW_BUF];
	int rc = lookup(im, row, "locale_resolve", NULL, tag, sizeof(tag));

	if (rc == 1)
		return set_val(row, COL_LOCALE, tag);
	if (rc == 0)
		row_error(im, row, COL_LOCALE, "unknown locale '%s'; use a BCP "
			  "47 tag such as en, zh or ja", row->val[COL_LOCALE]);
	return -1;
}

static int check_trimmed(struct import *im, struct row *row, enum column col)
{
	const char *v = row->val[col];
	size_t len;

	if (!v)
		return 0;
	len = strlen(v);
	if (isspace((unsigned char)v[0]) || isspace((unsigned char)v[len - 1])) {
		row_error(im, row, col, "%s '%s' has leading or trailing "
			  "spaces", column_names[col], v);
		return -1;
	}
	return 0;
}

static int require(struct import *im, const struct row *row, enum column col)
{
	if (row->val[col])
		return 0;
	row_error(im, row, col, "%s is empty", column_names[col]);
	return -1;
}

/* ---- deciding and writing ---- */

/* The outcome for a row that exists (same tells if unchanged), under
 * --on-conflict; what names it in the message. */
static enum outcome conflict(struct import *im, const struct row *row,
			     int same, enum column col, const char *what)
{
	if (same)
		return OUT_UNCHANGED;
	switch (im->opt->on_conflict) {
	case CONFLICT_REPLACE:
		return OUT_REPLACED;
	case CONFLICT_SKIP:
		return OUT_SKIPPED;
	default:
		return row_error(im, row, col, "%s already exists with other "
				 "values; use --on-conflict replace or skip",
				 what);
	}
}

/* The usual find/same/insert/update cycle for kinds of one table. */
static enum outcome upsert(struct import *im, struct row *row,
			   const char *prefix, enum column col,
			   const char *what)
{
	char name[64];
	enum outcome out;
	int exists, same = 0;

	snprintf(name, sizeof(name), "%s_find", prefix);
	exists = run(im, row, name, NULL, NULL);
	if (exists > 0) {
		snprintf(name, sizeof(name), "%s_same", prefix);
		same = run(im, row, name, NULL, NULL);
	}
	if (exists < 0 || same < 0)
		return OUT_FAILED;
	if (!exists)
		out = OUT_ADDED;
	else
		out = conflict(im, row, same, col, what);
	if (out == OUT_ADDED || out == OUT_REPLACED) {
		snprintf(name, sizeof(name), "%s_%s", prefix,
			 out == OUT_ADDED ? "insert" : "update");
		if (run(im, row, name, NULL, NULL) < 0)
			return OUT_FAILED;
	}
	return out;
}

/* Whether the row's key was already seen in this file. */
static int duplicate(struct import *im, const struct row *row,
		     enum column col, const char *key)
{
	struct stmt *add = import_stmt(im, "seen_add");
	struct stmt *line = NULL;
	int rc;

	if (!add)
		return -1;
	db_bind_text(add->st, ":key", key);
	db_bind_int(add->st, ":line", (long long)row->rec->line);
	if (step(im, row, add->st) < 0)
		return -1;
	if (sqlite3_changes(im->db) > 0)
		return 0;
	line = import_stmt(im, "seen_line");
	if (!line)
		return -1;
	db_bind_text(line->st, ":key", key);
	rc = sqlite3_step(line->st) == SQLITE_ROW ?
		     sqlite3_column_int(line->st, 0) : 0;
	sqlite3_reset(line->st);
	row_error(im, row, col, "duplicate row for %s (first on line %d)",
		  key, rc);
	return -1;
}

/* Normalize a protocol's aliases ("ws" -> "WS"): ids of the same form as
 * a protocol's, separated by single spaces, none of them another
 * protocol's id or alias. */
static int check_aliases(struct import *im, struct row *row)
{
	const char *p = row->val[COL_ALIASES];
	char buf[256], clash[64];
	size_t n = 0;
	int rc;

	while (*p) {
		size_t len = strcspn(p, " ");

		if (len == 0 || len > 16 || !isalpha((unsigned char)p[0]) ||
		    n + len + 2 > sizeof(buf))
			goto bad;
		if (n)
			buf[n++] = ' ';
		for (size_t i = 0; i < len; i++) {
			if (!isalnum((unsigned char)p[i]) && p[i] != '-')
				goto bad;
			buf[n++] = (char)toupper((unsigned char)p[i]);
		}
		p += len;
		if (*p == ' ' && p[1] == '\0')
			goto bad;
		if (*p == ' ')
			p++;
	}
	buf[n] = '\0';
	if (set_val(row, COL_ALIASES, buf) < 0) {
		row_error(im, row, COL_ALIASES, "out of memory");
		return -1;
	}
	rc = lookup(im, row, "protocol_alias_clash", NULL, clash, sizeof(clash));
	if (rc < 0)
		return -1;
	if (rc > 0) {
		row_error(im, row, COL_ALIASES, "protocol %s: an alias in '%s' "
			  "clashes with protocol %s, its id or an alias",
			  row->val[COL_PROTOCOL], buf, clash);
		return -1;
	}
	return 0;
bad:
	row_error(im, row, COL_ALIASES, "aliases '%s' must be protocol ids (1 "
		  "to 16 letters, digits or '-', starting with a letter) "
		  "separated by single spaces", row->val[COL_ALIASES]);
	return -1;
}

static enum outcome row_protocol(struct import *im, struct row *row)
{
	const char *key;
	int bad = check_protocol_id(im, row) < 0;

	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (!bad && row->val[COL_SHAPES] && !codekey_shapes(row->val[COL_SHAPES])) {
		row_error(im, row, COL_SHAPES, "shapes '%s' must be a list of "
			  "%s, separated by spaces", row->val[COL_SHAPES],
			  codekey_shape_names());
		bad = 1;
	}
	if (!bad && row->val[COL_ALIASES])
		bad |= check_aliases(im, row) < 0;
	/* what the protocol's codes are called: one of table code_noun */
	if (!bad)
		bad |= check_listed(im, row, COL_NOUN, "noun") < 0;
	if (bad)
		return OUT_FAILED;
	/* the protocol's shapes may change */
	im->shapes = 0;
	key = row_key(im, row, "protocol %s", row->val[COL_PROTOCOL]);
	if (!key || duplicate(im, row, COL_PROTOCOL, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "protocol", COL_PROTOCOL, key);
}

static enum outcome row_class(struct import *im, struct row *row)
{
	struct codekey first, last;
	const char *key;
	int bad = check_protocol(im, row) < 0;

	bad |= check_trimmed(im, row, COL_CLASS) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	bad |= check_key(im, row, COL_FIRST, COL_PROTOCOL, 0, &first) < 0;
	bad |= check_key(im, row, COL_LAST, COL_PROTOCOL, 0, &last) < 0;
	if (bad)
		return OUT_FAILED;
	if (first.shape != last.shape || last.sort < first.sort)
		return row_error(im, row, COL_LAST, "class %s ends (%s) before "
				 "it starts (%s)", row->val[COL_CLASS],
				 row->val[COL_LAST], row->val[COL_FIRST]);
	if (set_sort(row, COL_LO, &first) < 0 || set_sort(row, COL_HI, &last) < 0)
		return row_error(im, row, COL_FIRST, "out of memory");
	key = row_key(im, row, "class %s %s", row->val[COL_PROTOCOL],
		      row->val[COL_CLASS]);
	if (!key || duplicate(im, row, COL_CLASS, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "class", COL_CLASS, key);
}

/* The class that a row's code (its sort value set) lies in, into label;
 * a problem is reported against col if it has none. */
static int code_class(struct import *im, struct row *row, enum column col,
		      char *label, size_t size)
{
	int rc = lookup(im, row, "class_for_code", NULL, label, size);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	row_error(im, row, col, "%s has no class for code %s; declare "
		  "one in a classes file (protocol,class,first,last,name)",
		  row->val[COL_PROTOCOL], row->val[col]);
	return -1;
}

/* Check that the code is a key of its protocol inside one of its
 * classes, and its vendor, if any; sets *label to the class. */
static int check_code(struct import *im, struct row *row, char *label,
		      size_t size)
{
	struct codekey k;

	if (check_key(im, row, COL_CODE, COL_PROTOCOL, 0, &k) < 0 ||
	    check_trimmed(im, row, COL_VENDOR) < 0)
		return -1;
	if (set_sort(row, COL_SORT, &k) < 0)
		return row_error(im, row, COL_CODE, "out of memory");
	return code_class(im, row, COL_CODE, label, size);
}

/* The slug of the row's code and vendor, into COL_SLUG. */
static int check_slug(struct import *im, struct row *row)
{
	char slug[CODEKEY_SLUG_MAX];

	if (codekey_slug(row->val[COL_CODE], row->val[COL_VENDOR], slug,
			 sizeof(slug)) < 0) {
		row_error(im, row, COL_VENDOR, "vendor '%s' needs a letter or "
			  "digit, and at most 64 of them, to name the page of "
			  "its meaning", row->val[COL_VENDOR]);
		return -1;
	}
	return set_val(row, COL_SLUG, slug);
}

/* The name of the row's code in messages: "HTTP 499 (nginx)". */
static const char *code_key(struct import *im, const struct row *row,
			    const char *prefix)
{
	const char *vendor = row->val[COL_VENDOR];

	return row_key(im, row, "%s%s%s %s%s%s%s", prefix, *prefix ? " " : "",
		       row->val[COL_PROTOCOL],
		       row->val[COL_CODE], vendor ? " (" : "",
		       vendor ? vendor : "", vendor ? ")" : "");
}

static int is_status(const char *status, const char *which)
{
	return status && strcmp(status, which) == 0;
}

static int check_code_facts(struct import *im, struct row *row)
{
	int bad = check_status(im, row) < 0;
	const char *status = row->val[COL_STATUS];

	bad |= check_section(im, row) < 0;
	bad |= check_date(im, row, COL_REGISTERED) < 0;
	bad |= check_date(im, row, COL_EXPIRES) < 0;
	bad |= check_flag(im, row, COL_FINAL) < 0;
	bad |= check_flag(im, row, COL_CACHEABLE) < 0;
	bad |= check_flag(im, row, COL_RETRY_AFTER) < 0;
	bad |= check_trimmed(im, row, COL_REASON) < 0;
	if (bad)
		return -1;
	if (is_status(status, "temporary") != (row->val[COL_EXPIRES] != NULL)) {
		row_error(im, row, row->val[COL_EXPIRES] ? COL_EXPIRES : COL_STATUS,
			  "a code has an 'expires' date "
			  "exactly when its status is 'temporary'");
		return -1;
	}
	if (is_status(status, "unofficial") != (row->val[COL_VENDOR] != NULL)) {
		row_error(im, row, row->val[COL_VENDOR] ? COL_VENDOR : COL_STATUS,
			  "a code has a 'vendor' exactly "
			  "when its status is 'unofficial'");
		return -1;
	}
	return 0;
}

static const enum column text_columns[] = {
	COL_DESCRIPTION, COL_WHEN_SEEN, COL_HOW_TO_FIX,
};

#define NTEXT (sizeof(text_columns) / sizeof(text_columns[0]))

/* Whether each text the row carries exists, and is the same. */
static int texts_state(struct import *im, const struct row *row,
		       int *exists, int *same)
{
	*exists = 0;
	*same = 1;
	for (size_t i = 0; i < NTEXT; i++) {
		enum column col = text_columns[i];
		const char *body = row->val[col];
		int found, equal;

		if (!body)
			continue;
		found = run(im, row, "text_find", column_names[col], NULL);
		equal = run(im, row, "text_same", column_names[col], body);
		if (found < 0 || equal < 0)
			return -1;
		*exists |= found;
		*same &= equal;
	}
	return 0;
}

static int texts_write(struct import *im, const struct row *row)
{
	for (size_t i = 0; i < NTEXT; i++) {
		enum column col = text_columns[i];

		if (row->val[col] &&
		    run(im, row, "text_upsert", column_names[col],
			row->val[col]) < 0)
			return -1;
	}
	return 0;
}

static enum outcome row_code(struct import *im, struct row *row)
{
	char label[256];
	const char *key;
	int exists, same = 0, texts_exist = 0, texts_same = 1;
	enum outcome out;
	int bad = check_protocol(im, row) < 0;

	bad |= check_code_facts(im, row) < 0;
	bad |= check_trimmed(im, row, COL_BASIC) < 0;
	if (bad)
		return OUT_FAILED;
	if (check_code(im, row, label, sizeof(label)) < 0 ||
	    check_slug(im, row) < 0)
		return OUT_FAILED;
	if (!row->val[COL_FINAL] &&
	    set_val(row, COL_FINAL, strcmp(label, "1xx") == 0 ? "0" : "1") < 0)
		return OUT_FAILED;
	key = code_key(im, row, "");
	if (!key || duplicate(im, row, COL_CODE, key) < 0)
		return OUT_FAILED;
	if (set_val(row, COL_LOCALE, "en") < 0)
		return OUT_FAILED;
	exists = run(im, row, "code_find", NULL, NULL);
	if (exists > 0)
		same = run(im, row, "code_same", NULL, NULL);
	/* a new code has no texts yet (they belong to it by foreign key) */
	if (exists < 0 || same < 0 || (exists &&
	    texts_state(im, row, &texts_exist, &texts_same) < 0))
		return OUT_FAILED;
	out = exists ? conflict(im, row, same && texts_same, COL_CODE, key)
		     : OUT_ADDED;
	if (out == OUT_ADDED || out == OUT_REPLACED) {
		if (run(im, row, out == OUT_ADDED ? "code_insert" : "code_update",
			NULL, NULL) < 0 || texts_write(im, row) < 0)
			return OUT_FAILED;
	}
	return out;
}

/* Check that the row's code exists, for a text or translation of it. */
static int check_code_found(struct import *im, struct row *row,
			    const char *what)
{
	int rc = run(im, row, "code_exists_plain", NULL, NULL);
	const char *vendor;

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	vendor = row->val[COL_VENDOR];
	row_error(im, row, COL_CODE, "there is no %s code %s%s%s%s to attach %s "
		  "to; add it in a codes file first", row->val[COL_PROTOCOL],
		  row->val[COL_CODE], vendor ? " (" : "", vendor ? vendor : "",
		  vendor ? ")" : "", what);
	return -1;
}

static enum outcome row_text(struct import *im, struct row *row)
{
	char label[256];
	const char *key;
	int exists, same, any = 0;
	enum outcome out;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	if (bad)
		return OUT_FAILED;
	if (check_code(im, row, label, sizeof(label)) < 0 ||
	    check_code_found(im, row, "a text") < 0)
		return OUT_FAILED;
	for (size_t i = 0; i < NTEXT; i++) {
		enum column col = text_columns[i];

		if (!row->val[col])
			continue;
		any = 1;
		if (strcmp(row->val[COL_LOCALE], "en") != 0 &&
		    run(im, row, "english_body", column_names[col], NULL) == 0)
			return row_error(im, row, col, "%s %s has no English "
					 "%s to translate from",
					 row->val[COL_PROTOCOL],
					 row->val[COL_CODE], column_names[col]);
	}
	if (!any)
		return row_error(im, row, COL_CODE, "row has no text in any of "
				 "description, when_seen, how_to_fix");
	key = code_key(im, row, row->val[COL_LOCALE]);
	if (!key || duplicate(im, row, COL_CODE, key) < 0 ||
	    texts_state(im, row, &exists, &same) < 0)
		return OUT_FAILED;
	if (!exists) {
		if (texts_write(im, row) < 0)
			return OUT_FAILED;
		return OUT_ADDED;
	}
	/* Writing an unchanged text again also marks it current. */
	out = conflict(im, row, same, COL_CODE, key);
	if ((out == OUT_UNCHANGED || out == OUT_REPLACED) &&
	    texts_write(im, row) < 0)
		return OUT_FAILED;
	return out;
}

/* The terms of a names row: separated by '|', each one trimmed, not
 * empty, and at most NAME_TERM_MAX bytes. */
#define NAME_TERM_MAX 80

static int check_terms(struct import *im, struct row *row, enum column col)
{
	const char *t = row->val[col];

	while (t && *t) {
		size_t len = strcspn(t, "|");

		if (len == 0 || len > NAME_TERM_MAX ||
		    isspace((unsigned char)t[0]) ||
		    isspace((unsigned char)t[len - 1]) ||
		    (t[len] == '|' && !t[len + 1])) {
			row_error(im, row, col, "terms are words or "
				  "phrases of 1 to %d bytes, without spaces "
				  "around them, with '|' between them: '%s'",
				  NAME_TERM_MAX, row->val[col]);
			return -1;
		}
		t += len;
		if (*t == '|')
			t++;
	}
	return 0;
}

static enum outcome row_name(struct import *im, struct row *row)
{
	char label[256];
	const char *key;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	bad |= check_terms(im, row, COL_TERMS) < 0;
	if (bad)
		return OUT_FAILED;
	if (!row->val[COL_NAME] && !row->val[COL_TERMS])
		return row_error(im, row, COL_NAME, "row has neither a name "
				 "nor terms");
	if (check_code(im, row, label, sizeof(label)) < 0 ||
	    check_code_found(im, row, "a name") < 0)
		return OUT_FAILED;
	key = code_key(im, row, row->val[COL_LOCALE]);
	if (!key || duplicate(im, row, COL_CODE, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "code_name", row->val[COL_NAME] ? COL_NAME
							       : COL_TERMS, key);
}

static enum outcome row_protocol_text(struct import *im, struct row *row)
{
	const char *key;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	key = row_key(im, row, "%s name of %s", row->val[COL_LOCALE],
		      row->val[COL_PROTOCOL]);
	if (!key || duplicate(im, row, COL_PROTOCOL, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "protocol_text", COL_NAME, key);
}

static enum outcome row_class_text(struct import *im, struct row *row)
{
	const char *key;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	if (run(im, row, "class_exists", NULL, NULL) == 0)
		return row_error(im, row, COL_CLASS, "%s has no class '%s'",
				 row->val[COL_PROTOCOL], row->val[COL_CLASS]);
	key = row_key(im, row, "%s name of %s %s", row->val[COL_LOCALE],
		      row->val[COL_PROTOCOL], row->val[COL_CLASS]);
	if (!key || duplicate(im, row, COL_CLASS, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "class_text", COL_NAME, key);
}

/* Whether the space-separated list `allowed` holds name[0..len). */
static int allowed_has(const char *allowed, const char *name, size_t len)
{
	const char *w = allowed;

	while (*w) {
		size_t wl = strcspn(w, " ");

		if (wl == len && strncmp(w, name, len) == 0)
			return 1;
		w += wl;
		w += strspn(w, " ");
	}
	return 0;
}

/* Check that every {name} in the row's text is one the key allows, and
 * that braces pair up. */
static int check_placeholders(struct import *im, const struct row *row,
			      const char *allowed)
{
	const char *p = row->val[COL_TEXT];

	while ((p = strpbrk(p, "{}")) != NULL) {
		const char *end = strchr(p, '}');
		const char *bar, *why;
		size_t len;

		if (*p == '}' || !end ||
		    memchr(p + 1, '{', (size_t)(end - p - 1))) {
			row_error(im, row, COL_TEXT, "unbalanced '{' or '}' in "
				  "template '%s'", row->val[COL_KEY]);
			return -1;
		}
		bar = memchr(p, '|', (size_t)(end - p));
		len = (size_t)((bar ? bar : end) - p - 1);
		if (bar && grammar_check_cases(bar + 1, (size_t)(end - bar - 1),
					       &why) < 0) {
			row_error(im, row, COL_TEXT, "template '%s': in '%.*s', "
				  "%s", row->val[COL_KEY],
				  (int)(end - p + 1), p, why);
			return -1;
		}
		if (!allowed_has(allowed, p + 1, len)) {
			row_error(im, row, COL_TEXT, "template '%s' uses unknown "
				  "placeholder '%.*s'; it may use: %s",
				  row->val[COL_KEY], (int)(len + 2), p,
				  *allowed ? allowed : "none");
			return -1;
		}
		p = end + 1;
	}
	return 0;
}

static enum outcome row_ui(struct import *im, struct row *row)
{
	char allowed[256];
	const char *key;
	int rc;

	if (check_locale(im, row) < 0)
		return OUT_FAILED;
	rc = lookup(im, row, "ui_key_placeholders", NULL, allowed,
		    sizeof(allowed));
	if (rc < 0)
		return OUT_FAILED;
	if (rc == 0)
		return row_error(im, row, COL_KEY, "unknown UI key '%s'",
				 row->val[COL_KEY]);
	if (check_placeholders(im, row, allowed) < 0)
		return OUT_FAILED;
	key = row_key(im, row, "%s %s", row->val[COL_LOCALE], row->val[COL_KEY]);
	if (!key || duplicate(im, row, COL_KEY, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "ui", COL_TEXT, key);
}

/* Check that the code in column col, with the vendor in vcol, exists in
 * the protocol of column pcol; *k gets its key. */
static int check_code_exists(struct import *im, struct row *row,
			     enum column col, enum column vcol,
			     enum column pcol, struct codekey *k)
{
	struct row probe;
	const char *vendor;
	int rc;

	if (check_key(im, row, col, pcol, 0, k) < 0 ||
	    check_trimmed(im, row, vcol) < 0)
		return -1;
	probe = *row;
	probe.val[COL_PROTOCOL] = row->val[pcol];
	probe.val[COL_CODE] = row->val[col];
	probe.val[COL_VENDOR] = row->val[vcol];
	rc = run(im, &probe, "code_exists_plain", NULL, NULL);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	vendor = row->val[vcol];
	row_error(im, row, col, "there is no %s code %s%s%s%s",
		  row->val[pcol], row->val[col], vendor ? " of vendor '" : "",
		  vendor ? vendor : "", vendor ? "'" : "");
	return -1;
}

/* Swap the values of two columns. */
static void swap_vals(struct row *row, enum column a, enum column b)
{
	const char *v = row->val[a];

	row->val[a] = row->val[b];
	row->val[b] = v;
}

static enum outcome row_note(struct import *im, struct row *row)
{
	struct codekey a, b;
	const char *key;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	if (bad ||
	    check_code_exists(im, row, COL_CODE_A, COL_VENDOR_A, COL_PROTOCOL,
			      &a) < 0 ||
	    check_code_exists(im, row, COL_CODE_B, COL_VENDOR_B, COL_PROTOCOL,
			      &b) < 0)
		return OUT_FAILED;
	if (codekey_compare(&a, row->val[COL_VENDOR_A], &b,
			    row->val[COL_VENDOR_B]) == 0)
		return row_error(im, row, COL_CODE_B, "a note needs two "
				 "different codes");
	/* stored once per pair, the code that sorts first as A */
	if (codekey_compare(&a, row->val[COL_VENDOR_A], &b,
			    row->val[COL_VENDOR_B]) > 0) {
		swap_vals(row, COL_CODE_A, COL_CODE_B);
		swap_vals(row, COL_VENDOR_A, COL_VENDOR_B);
	}
	if (strcmp(row->val[COL_LOCALE], "en") != 0 &&
	    run(im, row, "note_english", NULL, NULL) == 0)
		return row_error(im, row, COL_NOTE, "no English note on %s %s "
				 "and %s to translate from",
				 row->val[COL_PROTOCOL], row->val[COL_CODE_A],
				 row->val[COL_CODE_B]);
	key = row_key(im, row, "%s note on %s %s%s%s-%s%s%s",
		      row->val[COL_LOCALE], row->val[COL_PROTOCOL],
		      row->val[COL_CODE_A], row->val[COL_VENDOR_A] ? " " : "",
		      row->val[COL_VENDOR_A] ? row->val[COL_VENDOR_A] : "",
		      row->val[COL_CODE_B], row->val[COL_VENDOR_B] ? " " : "",
		      row->val[COL_VENDOR_B] ? row->val[COL_VENDOR_B] : "");
	if (!key || duplicate(im, row, COL_CODE_A, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "note", COL_NOTE, key);
}

/* Two codes of different protocols that mean nearly the same, with a note
 * on how they differ; stored once, the protocol first by name as A. */
static enum outcome row_equivalent(struct import *im, struct row *row)
{
	struct codekey a, b;
	const char *key;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol_col(im, row, COL_PROTOCOL_A) < 0;
	bad |= check_protocol_col(im, row, COL_PROTOCOL_B) < 0;
	if (bad ||
	    check_code_exists(im, row, COL_CODE_A, COL_VENDOR_A, COL_PROTOCOL_A,
			      &a) < 0 ||
	    check_code_exists(im, row, COL_CODE_B, COL_VENDOR_B, COL_PROTOCOL_B,
			      &b) < 0)
		return OUT_FAILED;
	if (strcmp(row->val[COL_PROTOCOL_A], row->val[COL_PROTOCOL_B]) == 0)
		return row_error(im, row, COL_PROTOCOL_B, "an equivalent links "
				 "codes of two protocols; to tell two codes of "
				 "%s apart, write a note", row->val[COL_PROTOCOL_A]);
	if (strcmp(row->val[COL_PROTOCOL_A], row->val[COL_PROTOCOL_B]) > 0) {
		swap_vals(row, COL_PROTOCOL_A, COL_PROTOCOL_B);
		swap_vals(row, COL_CODE_A, COL_CODE_B);
		swap_vals(row, COL_VENDOR_A, COL_VENDOR_B);
	}
	if (strcmp(row->val[COL_LOCALE], "en") != 0 &&
	    run(im, row, "equivalent_english", NULL, NULL) == 0)
		return row_error(im, row, COL_NOTE, "no English note on %s %s "
				 "and %s %s to translate from",
				 row->val[COL_PROTOCOL_A], row->val[COL_CODE_A],
				 row->val[COL_PROTOCOL_B], row->val[COL_CODE_B]);
	key = row_key(im, row, "%s equivalent %s %s%s%s = %s %s%s%s",
		      row->val[COL_LOCALE], row->val[COL_PROTOCOL_A],
		      row->val[COL_CODE_A], row->val[COL_VENDOR_A] ? " " : "",
		      row->val[COL_VENDOR_A] ? row->val[COL_VENDOR_A] : "",
		      row->val[COL_PROTOCOL_B], row->val[COL_CODE_B],
		      row->val[COL_VENDOR_B] ? " " : "",
		      row->val[COL_VENDOR_B] ? row->val[COL_VENDOR_B] : "");
	if (!key || duplicate(im, row, COL_CODE_A, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "equivalent", COL_NOTE, key);
}

/* ---- facts ---- */

/* Whether the n bytes at s are a header field name: a token of RFC 9110
 * Section 5.6.2. */
static int is_field_name(const char *s, size_t n)
{
	static const char extra[] = "!#$%&'*+-.^_`~";

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!isalnum(c) && !memchr(extra, c, sizeof(extra) - 1))
			return 0;
	}
	return 1;
}

/* A header kind's value: field names, '|' between those of which one is
 * meant ("Accept|Accept-Encoding").  Retry-After has a column of its own
 * in the codes file. */
static int check_fields(struct import *im, struct row *row)
{
	const char *v = row->val[COL_FACT_VALUE];

	for (const char *p = v;;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		if (!is_field_name(p, n)) {
			row_error(im, row, COL_FACT_VALUE, "'%s' is not a "
				  "header field name, or names joined by '|'",
				  v);
			return -1;
		}
		if (n == 11 && strncasecmp(p, "Retry-After", 11) == 0) {
			row_error(im, row, COL_FACT_VALUE, "Retry-After is the "
				  "codes file's retry_after column, not a fact");
			return -1;
		}
		if (!bar)
			return 0;
		p = bar + 1;
	}
}

/* One fact of a code: a kind of fact_kind and a value, a word of that
 * kind (fact_value) or header field names. */
static enum outcome row_fact(struct import *im, struct row *row)
{
	struct codekey k;
	char words[8];
	const char *key;
	int rc;
	int bad = check_protocol(im, row) < 0;

	bad |= check_section(im, row) < 0;
	if (bad || check_code_exists(im, row, COL_CODE, COL_VENDOR,
				     COL_PROTOCOL, &k) < 0)
		return OUT_FAILED;
	rc = lookup(im, row, "fact_kind", NULL, words, sizeof(words));
	if (rc < 0)
		return OUT_FAILED;
	if (rc == 0)
		return row_error(im, row, COL_FACT, "unknown kind of fact '%s'; "
				 "the kinds are those of table fact_kind",
				 row->val[COL_FACT]);
	if (strcmp(row->val[COL_FACT], "cacheable") == 0)
		return row_error(im, row, COL_FACT, "cacheable is the codes "
				 "file's cacheable column, not a fact");
	if (strcmp(words, "1") == 0) {
		rc = run(im, row, "fact_word", NULL, NULL);
		if (rc < 0)
			return OUT_FAILED;
		if (rc == 0)
			return row_error(im, row, COL_FACT_VALUE, "'%s' is not a "
					 "value of fact '%s'; its values are "
					 "those of table fact_value",
					 row->val[COL_FACT_VALUE],
					 row->val[COL_FACT]);
	} else if (check_fields(im, row) < 0) {
		return OUT_FAILED;
	}
	key = row_key(im, row, "%s %s%s%s fact %s %s", row->val[COL_PROTOCOL],
		      row->val[COL_CODE], row->val[COL_VENDOR] ? " " : "",
		      row->val[COL_VENDOR] ? row->val[COL_VENDOR] : "",
		      row->val[COL_FACT], row->val[COL_FACT_VALUE]);
	if (!key || duplicate(im, row, COL_FACT, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "fact", COL_FACT_VALUE, key);
}

/* ---- the translators' round trip ---- */

/*
 * A code's name or its search terms in a translations file (field `name`
 * or `terms`): one line, without spaces around it, terms as a names file
 * holds them.
 */
static int check_name_translation(struct import *im, struct row *row,
				  const char *field)
{
	const char *v = row->val[COL_TRANSLATION];

	if (strcspn(v, "\n\t") != strlen(v)) {
		row_error(im, row, COL_TRANSLATION, "a code's %s %s one line; "
			  "the translation holds a %s", field,
			  strcmp(field, "name") == 0 ? "is" : "are",
			  strchr(v, '\n') ? "line break" : "tab");
		return -1;
	}
	if (v[strspn(v, " ")] == '\0') {
		row_error(im, row, COL_TRANSLATION, "the %s is empty; leave "
			  "the translation empty to skip the row", field);
		return -1;
	}
	if (check_trimmed(im, row, COL_TRANSLATION) < 0)
		return -1;
	return strcmp(field, "terms") == 0 ?
		       check_terms(im, row, COL_TRANSLATION) : 0;
}

/*
 * One row of `codekb export translations`, filled in: the translation is
 * stored with, as its source, the English text the translator saw (the
 * `english` column), so a translation of an English text that changed in
 * the meantime is stale at once.  A code's name and terms (fields `name`
 * and `terms`) go to code_name, with the reason phrase of the `english`
 * column as the source of the code's row of the language.  Rows left
 * empty are skipped.  A row always replaces the stored translation
 * (unless --on-conflict skip): updating translations is what the file is
 * for.
 */
static enum outcome row_translation(struct import *im, struct row *row)
{
	const char *field = row->val[COL_FIELD];
	char label[256];
	const char *key, *writer;
	int exists, same, bad, naming;

	if (!row->val[COL_TRANSLATION])
		return OUT_SKIPPED;
	bad = check_locale(im, row) < 0;
	bad |= check_protocol(im, row) < 0;
	if (bad || check_code(im, row, label, sizeof(label)) < 0)
		return OUT_FAILED;
	naming = strcmp(field, "name") == 0 || strcmp(field, "terms") == 0;
	if (!naming && strcmp(field, "description") != 0 &&
	    strcmp(field, "when_seen") != 0 && strcmp(field, "how_to_fix") != 0)
		return row_error(im, row, COL_FIELD, "field '%s' must be "
				 "description, when_seen, how_to_fix, name or "
				 "terms", field);
	if (strcmp(row->val[COL_LOCALE], "en") == 0)
		return row_error(im, row, COL_LOCALE, "English is the source; "
				 "change it in a %s file",
				 naming ? "codes or names" : "codes");
	if (naming && check_name_translation(im, row, field) < 0)
		return OUT_FAILED;
	if (check_code_found(im, row, naming ? "a name" : "a translation") < 0)
		return OUT_FAILED;
	key = row_key(im, row, "%s %s %s%s%s%s %s", row->val[COL_LOCALE],
		      row->val[COL_PROTOCOL], row->val[COL_CODE],
		      row->val[COL_VENDOR] ? " (" : "",
		      row->val[COL_VENDOR] ? row->val[COL_VENDOR] : "",
		      row->val[COL_VENDOR] ? ")" : "", field);
	if (!key || duplicate(im, row, COL_CODE, key) < 0)
		return OUT_FAILED;
	exists = run(im, row, naming ? "name_translation_find" : "text_find",
		     field, NULL);
	same = run(im, row, naming ? "name_translation_same" : "translation_same",
		   field, row->val[COL_TRANSLATION]);
	if (exists < 0 || same < 0)
		return OUT_FAILED;
	if (same)
		return OUT_UNCHANGED;
	if (exists && im->opt->on_conflict == CONFLICT_SKIP)
		return OUT_SKIPPED;
	writer = exists ? "translation_update" : "translation_insert";
	if (naming) {
		/* a row of the language holds the name and the terms */
		int any = run(im, row, "code_name_find", NULL, NULL);

		if (any < 0)
			return OUT_FAILED;
		writer = any ? "name_translation_update"
			     : "name_translation_insert";
	}
	if (run(im, row, writer, field, row->val[COL_TRANSLATION]) < 0)
		return OUT_FAILED;
	return exists ? OUT_REPLACED : OUT_ADDED;
}

/* ---- registry (IANA) files ---- */

/* Whether the registry file is SMTP's enhanced status codes export
 * (Code,Sample Text,...) rather than the common Value,Description,... */
static int iana_enhanced(const struct import *im)
{
	return im->index[COL_IANA_CODE] >= 0;
}

/* A registry annotation at the end of a description, "(Deprecated)" or
 * "(TEMPORARY - registered 2024-11-13, ... expires 2026-11-13)": sets the
 * row's status (one of table `status`) and dates, and its reason to what
 * stands before it. */
static int parse_annotation(struct import *im, struct row *row,
			    const char *desc)
{
	const char *open = strrchr(desc, '(');
	size_t len = strlen(desc);
	char status[32];
	size_t rlen;
	int rc;

	row->val[COL_REASON] = desc;
	if (!open || desc[len - 1] != ')')
		return set_val(row, COL_STATUS, "current");
	if (set_val(row, COL_STATUS, open + 1) < 0)
		return -1;
	rc = lookup(im, row, "status_of_annotation", NULL, status,
		    sizeof(status));
	if (rc < 0)
		return -1;
	if (set_val(row, COL_STATUS, rc ? status : "current") < 0)
		return -1;
	if (!rc)
		return 0;
	const char *reg = strstr(open, "registered ");
	const char *exp = strstr(open, "expires ");

	row->val[COL_REGISTERED] = NULL;
	row->val[COL_EXPIRES] = NULL;
	if (reg && set_valn(row, COL_REGISTERED, reg + 11,
			    strnlen(reg + 11, 10)) < 0)
		return -1;
	if (exp && set_valn(row, COL_EXPIRES, exp + 8, strnlen(exp + 8, 10)) < 0)
		return -1;
	rlen = (size_t)(open - desc);
	while (rlen && desc[rlen - 1] == ' ')
		rlen--;
	/* "(Unused)" alone: the registry gives no phrase */
	if (!rlen)
		return set_val(row, COL_REASON, "Unused");
	return set_valn(row, COL_REASON, desc, rlen);
}

/* The first reference of a registry cell: "[RFC9110, Section 15.3.1]"
 * gives RFC9110 and 15.3.1, "[RFC-ietf-sipcore-foo-05]" the draft. */
static int parse_reference(struct row *row, const char *cell)
{
	const char *p = cell ? cell : "";
	const char *section;
	size_t len;
	int rc;

	if (*p == '[')
		p++;
	len = strcspn(p, "],;");
	if (len > 4 && strncmp(p, "RFC-", 4) == 0) {
		char *doc = malloc(len + 3);

		if (!doc)
			return -1;
		memcpy(doc, "draft-", 6);
		memcpy(doc + 6, p + 4, len - 4);
		doc[len + 2] = '\0';
		rc = set_val(row, COL_REFERENCE, doc);
		free(doc);
	} else {
		rc = set_valn(row, COL_REFERENCE, p, len);
	}
	if (rc < 0)
		return -1;
	section = strstr(p, "Section ");
	if (section && (size_t)(section - p) < strcspn(p, "]")) {
		section += 8;
		return set_valn(row, COL_SECTION, section,
				strcspn(section, "] ,;"));
	}
	return set_val(row, COL_SECTION, "");
}

int kind_begin(struct import *im)
{
	struct row row = {0};
	struct csv_record rec = {0};
	int rc;

	if (im->kind != KIND_IANA)
		return 0;
	rec.line = 1;
	row.rec = &rec;
	if ((im->index[COL_VALUE] >= 0) == (im->index[COL_IANA_CODE] >= 0) ||
	    (iana_enhanced(im) && (im->index[COL_IANA_SAMPLE] < 0 ||
				   im->index[COL_IANA_BASIC] < 0))) {
		row_error(im, &row, COL_IANA_DESCRIPTION, "a registry file "
			  "has either the columns Value,Description,Reference "
			  "or Code,Sample Text,Associated basic status code,"
			  "Description,Reference");
		return -1;
	}
	if (!im->opt->protocol) {
		row_error(im, &row, COL_VALUE, "a registry file (Value,Description,"
			  "Reference) needs --protocol P to say whose codes it "
			  "holds");
		return -1;
	}
	row.val[COL_PROTOCOL] = im->opt->protocol;
	if (check_protocol_id(im, &row) < 0)
		goto fail;
	/* enhanced status codes are dotted: the protocol takes them too */
	if (set_val(&row, COL_SHAPES, iana_enhanced(im) ? "number dotted"
							 : "number") < 0)
		goto fail;
	rc = run(im, &row, "protocol_exists", NULL, NULL);
	if (rc > 0 && iana_enhanced(im)) {
		rc = run(im, &row, "protocol_add_dotted", NULL, NULL);
		if (rc > 0)
			import_change(im, "%s: its codes may now be dotted "
				      "(class.subject.detail)",
				      row.val[COL_PROTOCOL]);
		im->shapes = 0;
		row_release(&row);
		return rc < 0 ? -1 : 0;
	}
	if (rc != 0) {
		row_release(&row);
		return rc < 0 ? -1 : 0;
	}
	if (set_val(&row, COL_NAME, row.val[COL_PROTOCOL]) < 0 ||
	    run(im, &row, "protocol_insert", NULL, NULL) < 0)
		goto fail;
	import_change(im, "%s: new protocol, declared from the registry file",
		      row.val[COL_PROTOCOL]);
	row_release(&row);
	return 0;
fail:
	row_release(&row);
	return -1;
}

/* Add code to the list of codes a registry file added. */
static void note_added(struct import *im, const char *code)
{
	if (im->added.len)
		strbuf_addstr(&im->added, ", ");
	strbuf_addstr(&im->added, code);
}

int kind_end(struct import *im)
{
	struct row row = {0};
	struct csv_record rec = {0};
	struct codekey lo = {0}, hi = {0};
	struct stmt *s;
	int rc;

	if (im->kind != KIND_IANA || !im->opt->protocol)
		return 0;
	row.rec = &rec;
	row.val[COL_PROTOCOL] = im->opt->protocol;
	if (check_protocol_id(im, &row) < 0)
		return -1;
	if (im->added.len)
		import_change(im, "%s: new codes: %s%s", row.val[COL_PROTOCOL],
			      im->added.buf, im->added.failed ? ", ... (out of "
			      "memory)" : "");
	strbuf_release(&im->added);
	/* the codes of the shape the file holds that it did not list */
	codekey_shape_range(iana_enhanced(im) ? SHAPE_DOTTED : SHAPE_NUMBER,
			    &lo.sort, &hi.sort);
	if (set_sort(&row, COL_LO, &lo) < 0 || set_sort(&row, COL_HI, &hi) < 0) {
		row_release(&row);
		return -1;
	}
	/* the list goes into the changes while the statement holds it */
	s = import_stmt(im, "iana_missing");
	rc = -1;
	if (s) {
		int step_rc;
		const char *list;

		bind_row(s, &row, NULL, NULL);
		step_rc = sqlite3_step(s->st);
		list = step_rc == SQLITE_ROW ?
			(const char *)sqlite3_column_text(s->st, 0) : NULL;
		if (list && *list)
			import_change(im, "%s: in the database but not in the "
				      "registry (kept): %s", row.val[COL_PROTOCOL],
				      list);
		rc = step_rc == SQLITE_ROW || step_rc == SQLITE_DONE ? 0 : -1;
		if (rc < 0)
			import_db_error(im, &row);
		sqlite3_reset(s->st);
	}
	row_release(&row);
	return rc;
}

/* Make sure a class covers the row's code (its sort value set): for a
 * number one class per hundred, "4xx"; for a dotted code one per class
 * digit, "5.XXX.YYY". */
static int iana_class(struct import *im, struct row *row,
		      const struct codekey *k, char *label, size_t size)
{
	struct codekey first, last;
	char buf[64];
	const char *why;
	int rc = lookup(im, row, "class_for_code", NULL, label, size);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (k->shape == SHAPE_DOTTED) {
		snprintf(label, size, "%d.XXX.YYY", k->cls);
		snprintf(buf, sizeof(buf), "%d.0.0", k->cls);
		codekey_parse(buf, SHAPE_DOTTED, &first, &why);
		snprintf(buf, sizeof(buf), "%d.999.999", k->cls);
		codekey_parse(buf, SHAPE_DOTTED, &last, &why);
	} else {
		snprintf(label, size, "%lldxx", k->sort / 100);
		snprintf(buf, sizeof(buf), "%lld", k->sort / 100 * 100);
		codekey_parse(buf, SHAPE_NUMBER, &first, &why);
		snprintf(buf, sizeof(buf), "%lld", k->sort / 100 * 100 + 99);
		codekey_parse(buf, SHAPE_NUMBER, &last, &why);
	}
	snprintf(buf, sizeof(buf), "%s-%s", first.text, last.text);
	if (set_val(row, COL_CLASS, label) < 0 ||
	    set_val(row, COL_FIRST, first.text) < 0 ||
	    set_val(row, COL_LAST, last.text) < 0 ||
	    set_val(row, COL_NAME, buf) < 0 || set_sort(row, COL_LO, &first) < 0 ||
	    set_sort(row, COL_HI, &last) < 0)
		return -1;
	return run(im, row, "class_insert", NULL, NULL) < 0 ? -1 : 0;
}

/* Write the registry's facts of one code (key k, the row's values set),
 * adding it or updating what changed. */
static enum outcome iana_write(struct import *im, struct row *row,
			       const struct codekey *k)
{
	char label[256], old[1024];
	const char *key;
	int exists, same;

	if (set_val(row, COL_CODE, k->text) < 0 || set_sort(row, COL_SORT, k) < 0 ||
	    set_val(row, COL_VENDOR, "") < 0 || check_slug(im, row) < 0 ||
	    iana_class(im, row, k, label, sizeof(label)) < 0)
		return OUT_FAILED;
	if (set_val(row, COL_FINAL, strcmp(label, "1xx") == 0 ? "0" : "1") < 0)
		return OUT_FAILED;
	key = row_key(im, row, "%s %s", row->val[COL_PROTOCOL], k->text);
	if (!key || duplicate(im, row, iana_enhanced(im) ? COL_IANA_CODE
							 : COL_VALUE, key) < 0)
		return OUT_FAILED;
	exists = lookup(im, row, "iana_reason", NULL, old, sizeof(old));
	same = exists > 0 ? run(im, row, "iana_same", NULL, NULL) : 0;
	if (exists < 0 || same < 0)
		return OUT_FAILED;
	if (!exists) {
		note_added(im, k->text);
		return run(im, row, "iana_insert", NULL, NULL) < 0 ? OUT_FAILED
								   : OUT_ADDED;
	}
	if (same)
		return OUT_UNCHANGED;
	if (im->opt->on_conflict == CONFLICT_SKIP)
		return OUT_SKIPPED;
	import_change(im, "%s: '%s' -> '%s' (%s)", key, old,
		      row->val[COL_REASON], row->val[COL_STATUS]);
	return run(im, row, "iana_update", NULL, NULL) < 0 ? OUT_FAILED
							   : OUT_REPLACED;
}

static enum outcome row_iana(struct import *im, struct row *row)
{
	const char *value = row->val[COL_VALUE];
	const char *desc = row->val[COL_IANA_DESCRIPTION];
	struct codekey k;

	if (strchr(value, '-') || (desc && strcasecmp(desc, "Unassigned") == 0)) {
		im->ranges++;
		return OUT_SKIPPED;
	}
	row->val[COL_PROTOCOL] = im->opt->protocol;
	row->val[COL_CODE] = value;
	if (check_protocol_id(im, row) < 0 ||
	    check_key(im, row, COL_CODE, COL_PROTOCOL, 0, &k) < 0)
		return OUT_FAILED;
	if (!desc)
		return row_error(im, row, COL_IANA_DESCRIPTION, "no description");
	/* the description is the reason, which is one line */
	if (set_squeezed(row, COL_IANA_DESCRIPTION, desc) < 0)
		return row_error(im, row, COL_IANA_DESCRIPTION, "out of memory");
	desc = row->val[COL_IANA_DESCRIPTION];
	if (parse_annotation(im, row, desc) < 0 ||
	    parse_reference(row, row->val[COL_IANA_REFERENCE]) < 0)
		return row_error(im, row, COL_IANA_DESCRIPTION, "out of memory");
	if (set_val(row, COL_BASIC, "") < 0 ||
	    check_date(im, row, COL_REGISTERED) < 0 ||
	    check_date(im, row, COL_EXPIRES) < 0)
		return OUT_FAILED;
	return iana_write(im, row, &k);
}

/*
 * The classes an enhanced status code is used with, from the basic
 * replies the registry associates with it (bit 1 << class): every reply
 * the cell names, "451, 550", "250 or 251", "5XX", "(other 4XX or 5XX
 * codes are allowed)", gives its first digit.  "Any", "Not given", "." or
 * an empty cell allow every class.  Returns 0, 1 if the cell named no
 * reply but allows every class, or -1 if it names no reply and is none of
 * those.
 */
static int basic_classes(const char *cell, unsigned *classes)
{
	const char *p = cell ? cell : "";
	int words = 0;

	*classes = 0;
	while (*p) {
		size_t n;

		p += strcspn(p, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.");
		n = strspn(p, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.");
		if (!n)
			break;
		if (n == 3 && p[0] >= '2' && p[0] <= '5' &&
		    (isdigit((unsigned char)p[1]) || p[1] == 'X' || p[1] == 'x') &&
		    (isdigit((unsigned char)p[2]) || p[2] == 'X' || p[2] == 'x')) {
			if (p[0] != '3')
				*classes |= 1u << (p[0] - '0');
		} else {
			words++;
		}
		p += n;
	}
	if (*classes)
		return 0;
	if (words && strcasecmp(cell, "Any") != 0 &&
	    strcasecmp(cell, "Not given") != 0 && strcmp(cell, ".") != 0)
		return -1;
	*classes = 1u << 2 | 1u << 4 | 1u << 5;
	return 1;
}

/* The classes under which the database already holds the generic code k
 * (X.1.2), as bits 1 << class; 0 if none, -1 on error. */
static int enhanced_stored(struct import *im, struct row *row,
			   const struct codekey *k)
{
	char reason[1024];
	int found = 0;

	for (int cls = 2; cls <= 5; cls++) {
		struct codekey concrete;
		int rc;

		if (cls == 3)
			continue;
		codekey_with_class(k, cls, &concrete);
		if (set_val(row, COL_CODE, concrete.text) < 0)
			return -1;
		rc = lookup(im, row, "iana_reason", NULL, reason, sizeof(reason));
		if (rc < 0)
			return -1;
		if (rc > 0)
			found |= 1 << cls;
	}
	return found;
}

/*
 * One row of the SMTP enhanced status codes registry: a generic code,
 * X.7.26, stored under each class its associated basic replies belong to
 * (5.7.26 for 550).  An entry whose basic replies the registry does not
 * give (X.1.2, "Not given") goes under every class in a database that has
 * none of it, and is kept to the classes it has in one that does, which
 * its data chose.  The sample text is the reason phrase; an entry with
 * none (X.6.10) takes its description.
 */
static enum outcome row_iana_enhanced(struct import *im, struct row *row)
{
	const char *sample = row->val[COL_IANA_SAMPLE];
	const char *desc = row->val[COL_IANA_DESCRIPTION];
	const char *basic = row->val[COL_IANA_BASIC];
	enum outcome result = OUT_UNCHANGED;
	unsigned classes;
	struct codekey k;
	int generic;

	row->val[COL_PROTOCOL] = im->opt->protocol;
	row->val[COL_CODE] = row->val[COL_IANA_CODE];
	if (check_protocol_id(im, row) < 0 ||
	    check_key(im, row, COL_CODE, COL_PROTOCOL, 1, &k) < 0)
		return OUT_FAILED;
	if (k.shape != SHAPE_DOTTED || k.cls != 0)
		return row_error(im, row, COL_IANA_CODE, "code '%s': the registry "
				 "writes its codes generically, X.subject.detail",
				 row->val[COL_IANA_CODE]);
	if (!sample && !desc)
		return row_error(im, row, COL_IANA_SAMPLE, "no sample text and no "
				 "description");
	generic = basic_classes(basic, &classes);
	if (generic < 0)
		return row_error(im, row, COL_IANA_BASIC, "associated basic "
				 "status code '%s' names no reply (such as "
				 "550 or 5XX), nor 'Any' or 'Not given'", basic);
	if (parse_reference(row, row->val[COL_IANA_REFERENCE]) < 0 ||
	    set_squeezed(row, COL_REASON, sample ? sample : desc) < 0 ||
	    set_val(row, COL_BASIC, basic && strcasecmp(basic, "Not given") != 0 &&
				    strcmp(basic, ".") != 0 ? basic : "") < 0 ||
	    set_val(row, COL_STATUS, desc && strstr(desc, "deprecated")
					     ? "deprecated" : "current") < 0)
		return row_error(im, row, COL_IANA_CODE, "out of memory");
	row->val[COL_REGISTERED] = NULL;
	row->val[COL_EXPIRES] = NULL;
	/* a description standing in for a phrase loses its full stop, so that
	 * it sits in a sentence: "This is a duplicate of X.6.8 and is thus
	 * deprecated" */
	if (!sample) {
		const char *r = row->val[COL_REASON];
		size_t n = strlen(r);

		if (n > 1 && r[n - 1] == '.' && set_valn(row, COL_REASON, r, n - 1) < 0)
			return row_error(im, row, COL_IANA_CODE, "out of memory");
	}
	if (check_trimmed(im, row, COL_REASON) < 0)
		return OUT_FAILED;
	if (generic) {
		int stored = enhanced_stored(im, row, &k);

		if (stored < 0)
			return OUT_FAILED;
		if (stored)
			classes = (unsigned)stored;
	}
	for (int cls = 2; cls <= 5; cls++) {
		struct codekey concrete;
		enum outcome out;

		if (!(classes & 1u << cls))
			continue;
		codekey_with_class(&k, cls, &concrete);
		out = iana_write(im, row, &concrete);
		if (out == OUT_FAILED)
			return OUT_FAILED;
		/* the row counts as its strongest change */
		if (out == OUT_ADDED || (out == OUT_REPLACED && result != OUT_ADDED) ||
		    (out == OUT_SKIPPED && result == OUT_UNCHANGED))
			result = out;
	}
	return result;
}

enum outcome kind_row(struct import *im, struct row *row)
{
	unsigned long required = specs[im->kind].required;

	/* a registry's range rows ("427-428,Unassigned,") have empty cells,
	 * and so do the rows a translator has not done yet */
	if (im->kind == KIND_IANA)
		required = iana_enhanced(im) ? BIT(COL_IANA_CODE) : BIT(COL_VALUE);
	if (im->kind == KIND_TRANSLATIONS)
		required &= ~BIT(COL_TRANSLATION);
	for (int c = 0; c < COL_COUNT; c++)
		if ((required & BIT(c)) && require(im, row, (enum column)c) < 0)
			return OUT_FAILED;
	switch (im->kind) {
	case KIND_PROTOCOLS:
		return row_protocol(im, row);
	case KIND_CLASSES:
		return row_class(im, row);
	case KIND_CODES:
		return row_code(im, row);
	case KIND_PROTOCOL_TEXTS:
		return row_protocol_text(im, row);
	case KIND_CLASS_TEXTS:
		return row_class_text(im, row);
	case KIND_TEXTS:
		return row_text(im, row);
	case KIND_NAMES:
		return row_name(im, row);
	case KIND_UI:
		return row_ui(im, row);
	case KIND_NOTES:
		return row_note(im, row);
	case KIND_EQUIVALENTS:
		return row_equivalent(im, row);
	case KIND_FACTS:
		return row_fact(im, row);
	case KIND_IANA:
		return iana_enhanced(im) ? row_iana_enhanced(im, row)
					 : row_iana(im, row);
	case KIND_TRANSLATIONS:
		return row_translation(im, row);
	default:
		return OUT_FAILED;
	}
}
