/*
 * kinds.c - check and write one row of each kind of file.
 *
 * A handler first checks and normalizes every value of its row (reporting
 * each problem against its column), then asks the database whether the
 * row exists and whether it is the same, and acts on --on-conflict.
 *
 * Adding a kind: add it to enum kind (import.h, in load order), give it its
 * columns in specs[] below and a handler, and its statements in
 * schema/queries/import.sql; import.c tells it from its header in
 * detect_kind().
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "columns.h"
#include "db.h"

const char *const column_names[COL_COUNT] = {
	[COL_PROTOCOL] = "protocol",
	[COL_NAME] = "name",
	[COL_REFERENCE] = "reference",
	[COL_CLASS] = "class",
	[COL_FIRST] = "first",
	[COL_LAST] = "last",
	[COL_CODE] = "code",
	[COL_REASON] = "reason",
	[COL_SECTION] = "section",
	[COL_STATUS] = "status",
	[COL_REGISTERED] = "registered",
	[COL_EXPIRES] = "expires",
	[COL_VENDOR] = "vendor",
	[COL_FINAL] = "final",
	[COL_CACHEABLE] = "cacheable",
	[COL_RETRY_AFTER] = "retry_after",
	[COL_FORMER] = "former",
	[COL_DESCRIPTION] = "description",
	[COL_WHEN_SEEN] = "when_seen",
	[COL_HOW_TO_FIX] = "how_to_fix",
	[COL_LOCALE] = "locale",
	[COL_KEY] = "key",
	[COL_TEXT] = "text",
	[COL_CODE_A] = "code_a",
	[COL_CODE_B] = "code_b",
	[COL_NOTE] = "note",
	[COL_VALUE] = "Value",
	[COL_IANA_DESCRIPTION] = "Description",
	[COL_IANA_REFERENCE] = "Reference",
	[COL_FIELD] = "field",
	[COL_ENGLISH] = "english",
	[COL_TRANSLATION] = "translation",
	[COL_PREVIOUS] = "previous",
};

#define TEXT_COLUMNS (BIT(COL_DESCRIPTION) | BIT(COL_WHEN_SEEN) | BIT(COL_HOW_TO_FIX))

static const struct {
	unsigned long required;
	unsigned long optional;
} specs[KIND_COUNT] = {
	[KIND_PROTOCOLS] = {
		BIT(COL_PROTOCOL) | BIT(COL_NAME),
		BIT(COL_REFERENCE)},
	[KIND_CLASSES] = {
		BIT(COL_PROTOCOL) | BIT(COL_CLASS) | BIT(COL_FIRST) |
		BIT(COL_LAST) | BIT(COL_NAME),
		0},
	[KIND_CODES] = {
		BIT(COL_PROTOCOL) | BIT(COL_CODE) | BIT(COL_REASON),
		BIT(COL_REFERENCE) | BIT(COL_SECTION) | BIT(COL_STATUS) |
		BIT(COL_REGISTERED) | BIT(COL_EXPIRES) | BIT(COL_VENDOR) |
		BIT(COL_FINAL) | BIT(COL_CACHEABLE) | BIT(COL_RETRY_AFTER) |
		BIT(COL_FORMER) | TEXT_COLUMNS},
	[KIND_IANA] = {
		BIT(COL_VALUE) | BIT(COL_IANA_DESCRIPTION) |
		BIT(COL_IANA_REFERENCE),
		0},
	[KIND_PROTOCOL_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_NAME),
		0},
	[KIND_CLASS_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CLASS) |
		BIT(COL_NAME),
		0},
	[KIND_TEXTS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE),
		TEXT_COLUMNS},
	[KIND_UI] = {
		BIT(COL_LOCALE) | BIT(COL_KEY) | BIT(COL_TEXT),
		0},
	[KIND_TRANSLATIONS] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE) |
		BIT(COL_FIELD) | BIT(COL_ENGLISH) | BIT(COL_TRANSLATION),
		BIT(COL_STATUS) | BIT(COL_PREVIOUS)},
	[KIND_NOTES] = {
		BIT(COL_LOCALE) | BIT(COL_PROTOCOL) | BIT(COL_CODE_A) |
		BIT(COL_CODE_B) | BIT(COL_NOTE),
		0},
};

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

		snprintf(buf, size, "%s", text ? (const char *)text : "");
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

/* ---- checking values ---- */

static int set_val(struct row *row, enum column col, const char *value)
{
	snprintf(row->buf[col], ROW_BUF, "%s", value);
	row->val[col] = row->buf[col];
	return 0;
}

static int check_protocol_id(struct import *im, struct row *row)
{
	const char *p = row->val[COL_PROTOCOL];
	char up[ROW_BUF];
	size_t len = strlen(p);

	if (len > 16 || !isalpha((unsigned char)p[0]))
		goto bad;
	for (size_t i = 0; i < len; i++) {
		if (!isalnum((unsigned char)p[i]) && p[i] != '-')
			goto bad;
		up[i] = (char)toupper((unsigned char)p[i]);
	}
	up[len] = '\0';
	return set_val(row, COL_PROTOCOL, up);
bad:
	row_error(im, row, COL_PROTOCOL, "protocol '%s' must be 1 to 16 "
		  "letters, digits or '-', starting with a letter", p);
	return -1;
}

/* Normalize the protocol and check that it has been declared. */
static int check_protocol(struct import *im, struct row *row)
{
	char known[512];
	int rc;

	if (check_protocol_id(im, row) < 0)
		return -1;
	rc = run(im, row, "protocol_exists", NULL, NULL);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (lookup(im, row, "protocol_list", NULL, known, sizeof(known)) < 0)
		return -1;
	row_error(im, row, COL_PROTOCOL, "protocol '%s' is not declared "
		  "(known: %s); declare it first in a protocols file with the "
		  "header 'protocol,name,reference'", row->val[COL_PROTOCOL],
		  known[0] ? known : "none");
	return -1;
}

static int parse_number(const char *s, long long *out)
{
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	*out = strtoll(s, &end, 10);
	if (*end != '\0' || errno == ERANGE || *out > 2147483647LL)
		return -1;
	return 0;
}

static int check_number(struct import *im, struct row *row, enum column col)
{
	long long n;
	char buf[32];

	if (parse_number(row->val[col], &n) < 0) {
		row_error(im, row, col, "%s '%s' is not a number",
			  column_names[col], row->val[col]);
		return -1;
	}
	snprintf(buf, sizeof(buf), "%lld", n);
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

static int check_status(struct import *im, struct row *row)
{
	static const char *const statuses[] = {
		"current", "deprecated", "obsolete", "unused", "temporary",
		"unofficial",
	};
	const char *v = row->val[COL_STATUS];

	if (!v)
		return 0;
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(v, statuses[i]) == 0)
			return 0;
	row_error(im, row, COL_STATUS, "status '%s' must be one of current, "
		  "deprecated, obsolete, unused, temporary, unofficial", v);
	return -1;
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

static enum outcome row_protocol(struct import *im, struct row *row)
{
	char key[ROW_BUF + 16];

	int bad = check_protocol_id(im, row) < 0;

	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	snprintf(key, sizeof(key), "protocol %s", row->val[COL_PROTOCOL]);
	if (duplicate(im, row, COL_PROTOCOL, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "protocol", COL_PROTOCOL, key);
}

static enum outcome row_class(struct import *im, struct row *row)
{
	char key[2 * ROW_BUF + 16];
	int bad = check_protocol(im, row) < 0;

	bad |= check_number(im, row, COL_FIRST) < 0;
	bad |= check_number(im, row, COL_LAST) < 0;
	bad |= check_trimmed(im, row, COL_CLASS) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	if (atoll(row->val[COL_LAST]) < atoll(row->val[COL_FIRST]))
		return row_error(im, row, COL_LAST, "class %s ends (%s) before "
				 "it starts (%s)", row->val[COL_CLASS],
				 row->val[COL_LAST], row->val[COL_FIRST]);
	snprintf(key, sizeof(key), "class %s %s", row->val[COL_PROTOCOL],
		 row->val[COL_CLASS]);
	if (duplicate(im, row, COL_CLASS, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "class", COL_CLASS, key);
}

/* Check that the code is a number inside one of its protocol's classes;
 * sets *label to the class. */
static int check_code(struct import *im, struct row *row, char *label,
		      size_t size)
{
	char span[64];
	int rc;

	if (check_number(im, row, COL_CODE) < 0)
		return -1;
	rc = lookup(im, row, "class_for_code", NULL, label, size);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (lookup(im, row, "class_span", NULL, span, sizeof(span)) < 0)
		return -1;
	row_error(im, row, COL_CODE, "%s has no class for code %s; declare "
		  "one in a classes file (protocol,class,first,last,name)",
		  row->val[COL_PROTOCOL], row->val[COL_CODE]);
	return -1;
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
	char label[ROW_BUF];
	char key[2 * ROW_BUF];
	int exists, same = 0, texts_exist = 0, texts_same = 1;
	enum outcome out;
	int bad = check_protocol(im, row) < 0;

	bad |= check_code_facts(im, row) < 0;
	if (bad)
		return OUT_FAILED;
	if (check_code(im, row, label, sizeof(label)) < 0)
		return OUT_FAILED;
	if (!row->val[COL_FINAL])
		set_val(row, COL_FINAL, strcmp(label, "1xx") == 0 ? "0" : "1");
	snprintf(key, sizeof(key), "%s %s", row->val[COL_PROTOCOL],
		 row->val[COL_CODE]);
	if (duplicate(im, row, COL_CODE, key) < 0)
		return OUT_FAILED;
	set_val(row, COL_LOCALE, "en");
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

static enum outcome row_text(struct import *im, struct row *row)
{
	char label[ROW_BUF];
	char key[3 * ROW_BUF];
	char english[8];
	int exists, same, any = 0;
	enum outcome out;
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	if (bad)
		return OUT_FAILED;
	if (check_code(im, row, label, sizeof(label)) < 0)
		return OUT_FAILED;
	if (run(im, row, "code_exists_plain", NULL, NULL) == 0)
		return row_error(im, row, COL_CODE, "there is no %s code %s to "
				 "attach a text to; add it in a codes file "
				 "first", row->val[COL_PROTOCOL],
				 row->val[COL_CODE]);
	for (size_t i = 0; i < NTEXT; i++) {
		enum column col = text_columns[i];

		if (!row->val[col])
			continue;
		any = 1;
		if (strcmp(row->val[COL_LOCALE], "en") != 0 &&
		    lookup(im, row, "english_body", column_names[col], english,
			   sizeof(english)) == 0)
			return row_error(im, row, col, "%s %s has no English "
					 "%s to translate from",
					 row->val[COL_PROTOCOL],
					 row->val[COL_CODE], column_names[col]);
	}
	if (!any)
		return row_error(im, row, COL_CODE, "row has no text in any of "
				 "description, when_seen, how_to_fix");
	snprintf(key, sizeof(key), "%s %s %s", row->val[COL_LOCALE],
		 row->val[COL_PROTOCOL], row->val[COL_CODE]);
	if (duplicate(im, row, COL_CODE, key) < 0 ||
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

static enum outcome row_protocol_text(struct import *im, struct row *row)
{
	char key[2 * ROW_BUF + 16];

	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	snprintf(key, sizeof(key), "%s name of %s", row->val[COL_LOCALE],
		 row->val[COL_PROTOCOL]);
	if (duplicate(im, row, COL_PROTOCOL, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "protocol_text", COL_NAME, key);
}

static enum outcome row_class_text(struct import *im, struct row *row)
{
	char key[3 * ROW_BUF + 16];

	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	bad |= check_trimmed(im, row, COL_NAME) < 0;
	if (bad)
		return OUT_FAILED;
	if (run(im, row, "class_exists", NULL, NULL) == 0)
		return row_error(im, row, COL_CLASS, "%s has no class '%s'",
				 row->val[COL_PROTOCOL], row->val[COL_CLASS]);
	snprintf(key, sizeof(key), "%s name of %s %s", row->val[COL_LOCALE],
		 row->val[COL_PROTOCOL], row->val[COL_CLASS]);
	if (duplicate(im, row, COL_CLASS, key) < 0)
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
		size_t len;

		if (*p == '}' || !end ||
		    memchr(p + 1, '{', (size_t)(end - p - 1))) {
			row_error(im, row, COL_TEXT, "unbalanced '{' or '}' in "
				  "template '%s'", row->val[COL_KEY]);
			return -1;
		}
		len = (size_t)(end - p - 1);
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
	char key[2 * ROW_BUF + 8];
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
	snprintf(key, sizeof(key), "%s %s", row->val[COL_LOCALE],
		 row->val[COL_KEY]);
	if (duplicate(im, row, COL_KEY, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "ui", COL_TEXT, key);
}

/* Check that the code in column col exists in the row's protocol. */
static int check_code_exists(struct import *im, struct row *row,
			     enum column col)
{
	struct row probe = *row;
	int rc;

	if (check_number(im, row, col) < 0)
		return -1;
	probe.val[COL_CODE] = row->val[col];
	rc = run(im, &probe, "code_exists_plain", NULL, NULL);
	if (rc == 0)
		row_error(im, row, col, "there is no %s code %s",
			  row->val[COL_PROTOCOL], row->val[col]);
	return rc > 0 ? 0 : -1;
}

static enum outcome row_note(struct import *im, struct row *row)
{
	char key[3 * ROW_BUF + 8];
	char english[8];
	int bad = check_locale(im, row) < 0;

	bad |= check_protocol(im, row) < 0;
	if (bad || check_code_exists(im, row, COL_CODE_A) < 0 ||
	    check_code_exists(im, row, COL_CODE_B) < 0)
		return OUT_FAILED;
	if (atoll(row->val[COL_CODE_A]) == atoll(row->val[COL_CODE_B]))
		return row_error(im, row, COL_CODE_B, "a note needs two "
				 "different codes");
	if (atoll(row->val[COL_CODE_A]) > atoll(row->val[COL_CODE_B])) {
		char a[ROW_BUF];

		snprintf(a, sizeof(a), "%s", row->val[COL_CODE_A]);
		set_val(row, COL_CODE_A, row->val[COL_CODE_B]);
		set_val(row, COL_CODE_B, a);
	}
	if (strcmp(row->val[COL_LOCALE], "en") != 0 &&
	    lookup(im, row, "note_english", NULL, english, sizeof(english)) == 0)
		return row_error(im, row, COL_NOTE, "no English note on %s %s "
				 "and %s to translate from",
				 row->val[COL_PROTOCOL], row->val[COL_CODE_A],
				 row->val[COL_CODE_B]);
	snprintf(key, sizeof(key), "%s note on %s %s-%s", row->val[COL_LOCALE],
		 row->val[COL_PROTOCOL], row->val[COL_CODE_A],
		 row->val[COL_CODE_B]);
	if (duplicate(im, row, COL_CODE_A, key) < 0)
		return OUT_FAILED;
	return upsert(im, row, "note", COL_NOTE, key);
}

/* ---- the translators' round trip ---- */

/*
 * One row of `codekb export translations`, filled in: the translation is
 * stored with, as its source, the English text the translator saw (the
 * `english` column), so a translation of an English text that changed in
 * the meantime is stale at once.  Rows left empty are skipped.  A row
 * always replaces the stored translation (unless --on-conflict skip):
 * updating translations is what the file is for.
 */
static enum outcome row_translation(struct import *im, struct row *row)
{
	const char *field = row->val[COL_FIELD];
	char label[ROW_BUF];
	char key[3 * ROW_BUF];
	int exists, same, bad;

	if (!row->val[COL_TRANSLATION])
		return OUT_SKIPPED;
	bad = check_locale(im, row) < 0;
	bad |= check_protocol(im, row) < 0;
	if (bad || check_code(im, row, label, sizeof(label)) < 0)
		return OUT_FAILED;
	if (strcmp(field, "description") != 0 && strcmp(field, "when_seen") != 0 &&
	    strcmp(field, "how_to_fix") != 0)
		return row_error(im, row, COL_FIELD, "field '%s' must be "
				 "description, when_seen or how_to_fix", field);
	if (strcmp(row->val[COL_LOCALE], "en") == 0)
		return row_error(im, row, COL_LOCALE, "English is the source; "
				 "change it in a codes file");
	if (run(im, row, "code_exists_plain", NULL, NULL) == 0)
		return row_error(im, row, COL_CODE, "there is no %s code %s",
				 row->val[COL_PROTOCOL], row->val[COL_CODE]);
	snprintf(key, sizeof(key), "%s %s %s %s", row->val[COL_LOCALE],
		 row->val[COL_PROTOCOL], row->val[COL_CODE], field);
	if (duplicate(im, row, COL_CODE, key) < 0)
		return OUT_FAILED;
	exists = run(im, row, "text_find", field, NULL);
	same = run(im, row, "translation_same", field, row->val[COL_TRANSLATION]);
	if (exists < 0 || same < 0)
		return OUT_FAILED;
	if (same)
		return OUT_UNCHANGED;
	if (exists && im->opt->on_conflict == CONFLICT_SKIP)
		return OUT_SKIPPED;
	if (run(im, row, "translation_upsert", field, row->val[COL_TRANSLATION]) < 0)
		return OUT_FAILED;
	return exists ? OUT_REPLACED : OUT_ADDED;
}

/* ---- registry (IANA) files ---- */

/* A registry annotation at the end of a description, "(Deprecated)" or
 * "(TEMPORARY - registered 2024-11-13, ... expires 2026-11-13)": sets the
 * row's status and dates, and its reason to what stands before it. */
static void parse_annotation(struct row *row, const char *desc)
{
	static const char *const statuses[] = {
		"deprecated", "obsolete", "unused", "temporary",
	};
	const char *open = strrchr(desc, '(');
	size_t len = strlen(desc);
	char reason[ROW_BUF * 2];

	set_val(row, COL_STATUS, "current");
	if (!open || desc[len - 1] != ')') {
		row->val[COL_REASON] = desc;
		return;
	}
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		if (strncasecmp(open + 1, statuses[i], strlen(statuses[i])) == 0)
			set_val(row, COL_STATUS, statuses[i]);
	}
	if (strcmp(row->val[COL_STATUS], "current") == 0) {
		row->val[COL_REASON] = desc;
		return;
	}
	const char *reg = strstr(open, "registered ");
	const char *exp = strstr(open, "expires ");

	if (reg)
		snprintf(row->buf[COL_REGISTERED], 11, "%s", reg + 11);
	row->val[COL_REGISTERED] = reg ? row->buf[COL_REGISTERED] : NULL;
	if (exp)
		snprintf(row->buf[COL_EXPIRES], 11, "%s", exp + 8);
	row->val[COL_EXPIRES] = exp ? row->buf[COL_EXPIRES] : NULL;
	snprintf(reason, sizeof(reason), "%.*s", (int)(open - desc), desc);
	while (*reason && reason[strlen(reason) - 1] == ' ')
		reason[strlen(reason) - 1] = '\0';
	/* "(Unused)" alone: the registry gives no phrase */
	set_val(row, COL_REASON, *reason ? reason : "Unused");
}

/* The first reference of a registry cell: "[RFC9110, Section 15.3.1]"
 * gives RFC9110 and 15.3.1, "[RFC-ietf-sipcore-foo-05]" the draft. */
static void parse_reference(struct row *row, const char *cell)
{
	const char *p = cell ? cell : "";
	size_t len;
	char doc[ROW_BUF];
	const char *section;

	if (*p == '[')
		p++;
	len = strcspn(p, "],;");
	if (len > 4 && strncmp(p, "RFC-", 4) == 0)
		snprintf(doc, sizeof(doc), "draft-%.*s", (int)(len - 4), p + 4);
	else
		snprintf(doc, sizeof(doc), "%.*s", (int)len, p);
	set_val(row, COL_REFERENCE, doc);
	section = strstr(p, "Section ");
	if (section && (size_t)(section - p) < strcspn(p, "]")) {
		section += 8;
		snprintf(row->buf[COL_SECTION], ROW_BUF, "%.*s",
			 (int)strcspn(section, "] ,;"), section);
		row->val[COL_SECTION] = row->buf[COL_SECTION];
	} else {
		set_val(row, COL_SECTION, "");
	}
}

int kind_begin(struct import *im)
{
	struct row row = {0};
	char name[ROW_BUF];
	struct csv_record rec = {0};

	if (im->kind != KIND_IANA)
		return 0;
	rec.line = 1;
	row.rec = &rec;
	if (!im->opt->protocol) {
		row_error(im, &row, COL_VALUE, "a registry file (Value,Description,"
			  "Reference) needs --protocol P to say whose codes it "
			  "holds");
		return -1;
	}
	row.val[COL_PROTOCOL] = im->opt->protocol;
	if (check_protocol_id(im, &row) < 0)
		return -1;
	if (run(im, &row, "protocol_exists", NULL, NULL) != 0)
		return 0;
	snprintf(name, sizeof(name), "%s", row.val[COL_PROTOCOL]);
	set_val(&row, COL_NAME, name);
	if (run(im, &row, "protocol_insert", NULL, NULL) < 0)
		return -1;
	import_change(im, "%s: new protocol, declared from the registry file",
		      row.val[COL_PROTOCOL]);
	return 0;
}

/* Add code to the list of codes a registry file added. */
static void note_added(struct import *im, const char *code)
{
	size_t len = strlen(code);
	char *grown = realloc(im->added, im->added_len + len + 3);

	if (!grown)
		return;
	if (im->added_len) {
		memcpy(grown + im->added_len, ", ", 2);
		im->added_len += 2;
	}
	memcpy(grown + im->added_len, code, len + 1);
	im->added_len += len;
	im->added = grown;
}

int kind_end(struct import *im)
{
	struct row row = {0};
	struct csv_record rec = {0};
	char list[4096];
	char protocol[ROW_BUF];
	int rc;

	if (im->kind != KIND_IANA || !im->opt->protocol)
		return 0;
	row.rec = &rec;
	row.val[COL_PROTOCOL] = im->opt->protocol;
	if (check_protocol_id(im, &row) < 0)
		return -1;
	snprintf(protocol, sizeof(protocol), "%s", row.val[COL_PROTOCOL]);
	if (im->added)
		import_change(im, "%s: new codes: %s", protocol, im->added);
	free(im->added);
	im->added = NULL;
	im->added_len = 0;
	rc = lookup(im, &row, "iana_missing", NULL, list, sizeof(list));
	if (rc > 0 && *list)
		import_change(im, "%s: in the database but not in the registry "
			      "(kept): %s", protocol, list);
	return rc < 0 ? -1 : 0;
}

/* Make sure a class covers the row's code: one per hundred, "4xx". */
static int iana_class(struct import *im, struct row *row, char *label,
		      size_t size)
{
	long long code = atoll(row->val[COL_CODE]);
	char buf[64];
	int rc = lookup(im, row, "class_for_code", NULL, label, size);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	snprintf(label, size, "%lldxx", code / 100);
	set_val(row, COL_CLASS, label);
	snprintf(buf, sizeof(buf), "%lld", code / 100 * 100);
	set_val(row, COL_FIRST, buf);
	snprintf(buf, sizeof(buf), "%lld", code / 100 * 100 + 99);
	set_val(row, COL_LAST, buf);
	snprintf(buf, sizeof(buf), "%lld-%lld", code / 100 * 100,
		 code / 100 * 100 + 99);
	set_val(row, COL_NAME, buf);
	return run(im, row, "class_insert", NULL, NULL) < 0 ? -1 : 0;
}

static enum outcome row_iana(struct import *im, struct row *row)
{
	const char *value = row->val[COL_VALUE];
	const char *desc = row->val[COL_IANA_DESCRIPTION];
	char label[ROW_BUF], key[2 * ROW_BUF], old[256];
	int exists, same;

	if (strchr(value, '-') || (desc && strcasecmp(desc, "Unassigned") == 0)) {
		im->ranges++;
		return OUT_SKIPPED;
	}
	row->val[COL_PROTOCOL] = im->opt->protocol;
	row->val[COL_CODE] = value;
	if (check_protocol_id(im, row) < 0 || check_number(im, row, COL_CODE) < 0)
		return OUT_FAILED;
	if (!desc)
		return row_error(im, row, COL_IANA_DESCRIPTION, "no description");
	parse_annotation(row, desc);
	parse_reference(row, row->val[COL_IANA_REFERENCE]);
	snprintf(key, sizeof(key), "%s %s", row->val[COL_PROTOCOL],
		 row->val[COL_CODE]);
	if (check_date(im, row, COL_REGISTERED) < 0 ||
	    check_date(im, row, COL_EXPIRES) < 0 ||
	    duplicate(im, row, COL_VALUE, key) < 0 ||
	    iana_class(im, row, label, sizeof(label)) < 0)
		return OUT_FAILED;
	set_val(row, COL_FINAL, strcmp(label, "1xx") == 0 ? "0" : "1");
	exists = lookup(im, row, "iana_reason", NULL, old, sizeof(old));
	same = exists > 0 ? run(im, row, "iana_same", NULL, NULL) : 0;
	if (exists < 0 || same < 0)
		return OUT_FAILED;
	if (!exists) {
		note_added(im, row->val[COL_CODE]);
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

enum outcome kind_row(struct import *im, struct row *row)
{
	unsigned long required = specs[im->kind].required;

	/* a registry's range rows ("427-428,Unassigned,") have empty cells,
	 * and so do the rows a translator has not done yet */
	if (im->kind == KIND_IANA)
		required = BIT(COL_VALUE);
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
	case KIND_UI:
		return row_ui(im, row);
	case KIND_NOTES:
		return row_note(im, row);
	case KIND_IANA:
		return row_iana(im, row);
	case KIND_TRANSLATIONS:
		return row_translation(im, row);
	default:
		return OUT_FAILED;
	}
}
