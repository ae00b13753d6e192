/*
 * codekey.c - see codekey.h.
 */
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#include "codekey.h"

/* Dotted keys sort after every number (numbers have at most 9 digits). */
#define DOTTED_BASE 1000000000000LL

static const struct {
	const char *name;
	enum key_shape shape;
} shape_names[] = {
	{"number", SHAPE_NUMBER},
	{"dotted", SHAPE_DOTTED},
};

#define NSHAPES (sizeof(shape_names) / sizeof(shape_names[0]))

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int fail(struct codekey *k, int col, const char **why, const char *msg)
{
	k->error_col = col;
	*why = msg;
	return -1;
}

/* A run of 1 to max digits without a leading zero at s[*i]; its value in
 * *out.  Moves *i past it. */
static int digits(const char *s, size_t *i, int max, long long *out,
		  struct codekey *k, const char **why, const char *what)
{
	size_t start = *i;
	long long v = 0;

	if (!is_digit(s[start]))
		return fail(k, (int)start + 1, why, what);
	while (is_digit(s[*i])) {
		if ((int)(*i - start) == max)
			return fail(k, (int)*i + 1, why, "has too many digits");
		v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	if (s[start] == '0' && *i - start > 1)
		return fail(k, (int)start + 1, why, "has a leading zero");
	*out = v;
	return 0;
}

static int parse_number(const char *s, struct codekey *k, const char **why)
{
	size_t i = 0;
	long long v;

	if (digits(s, &i, 9, &v, k, why, "is not a number") < 0)
		return -1;
	if (s[i])
		return fail(k, (int)i + 1, why, "is not a number");
	k->shape = SHAPE_NUMBER;
	k->sort = v;
	snprintf(k->text, sizeof(k->text), "%lld", v);
	return 0;
}

static void dotted_set(struct codekey *k, int cls, int subject, int detail)
{
	k->shape = SHAPE_DOTTED;
	k->cls = cls;
	k->subject = subject;
	k->detail = detail;
	k->sort = DOTTED_BASE + cls * 1000000LL + subject * 1000LL + detail;
	if (cls)
		snprintf(k->text, sizeof(k->text), "%d.%d.%d", cls, subject,
			 detail);
	else
		snprintf(k->text, sizeof(k->text), "X.%d.%d", subject, detail);
}

/* RFC 3463, Section 2: class "2" / "4" / "5", subject and detail
 * "0" / (%x31-39 0*2DIGIT). */
static int parse_dotted(const char *s, struct codekey *k, const char **why)
{
	size_t i = 1;
	long long subject, detail;
	int cls;
	size_t dots = 0;

	for (const char *p = s; *p; p++)
		dots += *p == '.';
	if (dots != 2)
		return fail(k, 1, why, "is not an enhanced status code, "
			    "class.subject.detail");
	if (s[0] == 'X' || s[0] == 'x')
		cls = 0;
	else if (s[0] == '2' || s[0] == '4' || s[0] == '5')
		cls = s[0] - '0';
	else
		return fail(k, 1, why, "is not an enhanced status code: its "
			    "class is 2, 4 or 5");
	if (s[i] != '.')
		return fail(k, (int)i + 1, why, "is not an enhanced status code: its "
			    "class is one digit");
	i++;
	if (digits(s, &i, 3, &subject, k, why, "is not an enhanced status code: its "
			    "subject is a number") < 0)
		return -1;
	if (s[i] != '.')
		return fail(k, (int)i + 1, why, "is not an enhanced status code: its "
			    "subject is a number");
	i++;
	if (digits(s, &i, 3, &detail, k, why, "is not an enhanced status code: its "
			    "detail is a number") < 0)
		return -1;
	if (s[i])
		return fail(k, (int)i + 1, why, "is not an enhanced status code: its "
			    "detail is a number");
	dotted_set(k, cls, (int)subject, (int)detail);
	return 0;
}

int codekey_parse(const char *s, unsigned shapes, struct codekey *k,
		  const char **why)
{
	memset(k, 0, sizeof(*k));
	if (!s || !*s)
		return fail(k, 1, why, "is empty");
	if (strlen(s) >= CODEKEY_MAX)
		return fail(k, CODEKEY_MAX, why, "is too long");
	if (strchr(s, '.')) {
		if (!(shapes & SHAPE_DOTTED))
			return fail(k, (int)(strchr(s, '.') - s) + 1, why,
				    "is dotted, but the protocol's codes "
				    "are plain numbers");
		return parse_dotted(s, k, why);
	}
	if (!(shapes & SHAPE_NUMBER))
		return fail(k, 1, why, "is a number, but the protocol's codes "
			    "are dotted, class.subject.detail");
	return parse_number(s, k, why);
}

unsigned codekey_shapes(const char *list)
{
	unsigned shapes = 0;
	const char *p = list;

	if (!p)
		return 0;
	while (*p) {
		size_t n;
		size_t i;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n == 0)
			break;
		for (i = 0; i < NSHAPES; i++)
			if (strlen(shape_names[i].name) == n &&
			    strncmp(shape_names[i].name, p, n) == 0)
				break;
		if (i == NSHAPES)
			return 0;
		shapes |= shape_names[i].shape;
		p += n;
	}
	return shapes;
}

const char *codekey_shape_names(void)
{
	static char names[64];

	if (!names[0])
		for (size_t i = 0, len = 0; i < NSHAPES; i++)
			len += (size_t)snprintf(names + len, sizeof(names) - len,
						"%s%s", i ? ", " : "",
						shape_names[i].name);
	return names;
}

void codekey_shape_range(enum key_shape shape, long long *lo, long long *hi)
{
	if (shape == SHAPE_DOTTED) {
		*lo = DOTTED_BASE;
		*hi = DOTTED_BASE + 9999999LL;
	} else {
		*lo = 0;
		*hi = 999999999LL;
	}
}

void codekey_with_class(const struct codekey *k, int cls, struct codekey *out)
{
	*out = *k;
	dotted_set(out, cls, k->subject, k->detail);
}

int codekey_compare(const struct codekey *a, const char *vendor_a,
		    const struct codekey *b, const char *vendor_b)
{
	if (a->sort != b->sort)
		return a->sort < b->sort ? -1 : 1;
	return strcmp(vendor_a ? vendor_a : "", vendor_b ? vendor_b : "");
}

int codekey_prefix_pattern(const char *q, unsigned shapes, char *out,
			   size_t outsize)
{
	size_t n = strlen(q);
	size_t dots = 0;

	if (n == 0 || n >= CODEKEY_MAX || outsize < n + 3)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (q[i] == '.')
			dots++;
		else if (!is_digit(q[i]))
			return -1;
		if (q[i] == '.' && (i == 0 || q[i - 1] == '.'))
			return -1;
	}
	if (dots == 0) {
		if (!(shapes & SHAPE_NUMBER) && !(shapes & SHAPE_DOTTED))
			return -1;
		snprintf(out, outsize, "%s*", q);
		return 0;
	}
	if (!(shapes & SHAPE_DOTTED) || dots > 2)
		return -1;
	if (q[0] != '2' && q[0] != '4' && q[0] != '5')
		return -1;
	/* the parts typed so far are whole: "5.7" means subject 7 */
	if (q[n - 1] == '.' || dots == 2)
		snprintf(out, outsize, "%s*", q);
	else
		snprintf(out, outsize, "%s.*", q);
	return 0;
}

int codekey_slug(const char *key, const char *vendor, char *out, size_t size)
{
	size_t len = 0;
	int dash = 0;

	for (const char *p = key; *p; p++) {
		if (len + 1 >= size)
			return -1;
		out[len++] = *p == '.' ? '-' : *p;
	}
	if (vendor && *vendor) {
		size_t before = len;

		dash = 1;
		for (const unsigned char *p = (const unsigned char *)vendor; *p;
		     p++) {
			int alnum = (*p >= 'a' && *p <= 'z') ||
				    (*p >= 'A' && *p <= 'Z') || is_digit((char)*p);

			if (!alnum) {
				dash = 1;
				continue;
			}
			if (len + 2 >= size)
				return -1;
			if (dash)
				out[len++] = '-';
			dash = 0;
			out[len++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		}
		/* a vendor with no letter or digit would share the page of
		 * the registered meaning */
		if (len == before)
			return -1;
	}
	if (len >= size)
		return -1;
	out[len] = '\0';
	return 0;
}

/* codekey_slug(key, vendor): the page slug, as codekey_slug() makes it. */
static void sql_slug(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char slug[CODEKEY_SLUG_MAX];
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	const char *vendor = argc > 1 ? (const char *)sqlite3_value_text(argv[1])
				      : NULL;

	if (!key) {
		sqlite3_result_null(ctx);
		return;
	}
	if (codekey_slug(key, vendor, slug, sizeof(slug)) < 0) {
		sqlite3_result_error(ctx, "codekey_slug: the key or vendor "
				     "makes no slug", -1);
		return;
	}
	sqlite3_result_text(ctx, slug, -1, SQLITE_TRANSIENT);
}

int codekey_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "codekey_slug", 2,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				       SQLITE_INNOCUOUS, NULL, sql_slug, NULL,
				       NULL);
}
