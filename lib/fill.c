/*
 * fill.c - fill() and join_list(), the template engine of fill.h.
 *
 * A values object is read once per call into a table of names and
 * values (struct value); each placeholder is then looked up in it.  Only
 * what json_object() makes has to be read: an object whose values are
 * strings, numbers, true, false, null, or (kept as their JSON text)
 * arrays and objects.  Anything else is an error, never a guess.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "fill.h"
#include "grammar.h"

/* One name of a values object and its value. */
struct value {
	/* the name, as written between its quotes */
	const char *name;
	size_t name_len;
	/* the value: a string's text between its quotes (JSON escapes
	 * still in it if escaped), or the JSON text of anything else */
	const char *text;
	size_t text_len;
	/* whether text is a JSON string with escapes to decode */
	int escaped;
	/* whether the value is null: the placeholder stays unfilled */
	int null;
	/* whether it is a JSON string (text is between its quotes) */
	int string;
};

/* The most values of all the objects of one call. */
#define MAX_VALUES (4 * FILL_MAX_NAMES)

/* ---- the log of unfilled placeholders ---- */

static struct {
	pthread_mutex_t lock;
	/* read without the lock: logging is off almost always */
	int on;
	/* "TEMPLATE\tNAME\n" lines */
	struct strbuf lines;
	long count;
} fill_log = {PTHREAD_MUTEX_INITIALIZER, 0, STRBUF_INIT, 0};

void fill_log_start(void)
{
	pthread_mutex_lock(&fill_log.lock);
	strbuf_release(&fill_log.lines);
	fill_log.count = 0;
	__atomic_store_n(&fill_log.on, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&fill_log.lock);
}

long fill_log_take(struct strbuf *out)
{
	long count;

	pthread_mutex_lock(&fill_log.lock);
	__atomic_store_n(&fill_log.on, 0, __ATOMIC_RELEASE);
	count = fill_log.lines.failed ? -1 : fill_log.count;
	if (count > 0 && strbuf_add(out, fill_log.lines.buf + 1,
				    fill_log.lines.len - 1) < 0)
		count = -1;
	strbuf_release(&fill_log.lines);
	fill_log.count = 0;
	pthread_mutex_unlock(&fill_log.lock);
	return count;
}

/* Log that name was left unfilled in tmpl, once per pair.  The log's
 * lines follow a '\n' of its own, so that a line is found whole. */
static void log_unfilled(const char *tmpl, const char *name, size_t len)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addch(&line, '\n');
	strbuf_addstr(&line, tmpl);
	strbuf_addch(&line, '\t');
	strbuf_add(&line, name, len);
	strbuf_addch(&line, '\n');
	pthread_mutex_lock(&fill_log.lock);
	if (line.failed) {
		fill_log.lines.failed = 1;
	} else {
		if (fill_log.lines.len == 0)
			strbuf_addch(&fill_log.lines, '\n');
		if (!strstr(fill_log.lines.buf, line.buf) &&
		    strbuf_add(&fill_log.lines, line.buf + 1, line.len - 1) == 0)
			fill_log.count++;
	}
	pthread_mutex_unlock(&fill_log.lock);
	strbuf_release(&line);
}

/* ---- reading a values object ---- */

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/* p is at a '"': the end of the string, after its closing quote, or NULL
 * if it has none.  *escaped tells if it has a backslash. */
static const char *skip_string(const char *p, const char *end, int *escaped)
{
	*escaped = 0;
	for (p++; p < end;) {
		/* memchr finds the next quote; only a backslash before it
		 * makes the bytes between worth reading one by one */
		const char *quote = memchr(p, '"', (size_t)(end - p));
		const char *slash;

		if (!quote)
			return NULL;
		slash = memchr(p, '\\', (size_t)(quote - p));
		if (!slash)
			return quote + 1;
		*escaped = 1;
		p = slash + 2;
	}
	return NULL;
}

/* The end of the value that starts at p (not a string), or NULL: a
 * number or word runs to the next ',' or '}', an array or object to its
 * matching bracket. */
static const char *skip_other(const char *p, const char *end)
{
	int depth = 0;
	int escaped;

	while (p < end) {
		if (*p == '"') {
			p = skip_string(p, end, &escaped);
			if (!p)
				return NULL;
			continue;
		}
		if (*p == '[' || *p == '{') {
			depth++;
		} else if (*p == ']' || *p == '}') {
			if (depth == 0)
				return p;
			depth--;
		} else if (*p == ',' && depth == 0) {
			return p;
		}
		p++;
	}
	return depth == 0 ? p : NULL;
}

/* Add the names and values of the object json to v[*n..]; -1 if it is
 * not an object or has more values than fit (max in all). */
static int read_object(const char *json, size_t len, struct value *v, int *n,
		       int max)
{
	const char *p = json, *end = json + len;
	int escaped;

	p = skip_space(p, end);
	if (p == end || *p++ != '{')
		return -1;
	p = skip_space(p, end);
	if (p < end && *p == '}')
		return 0;
	for (;;) {
		struct value *x;
		const char *q;

		if (*n == max || p == end || *p != '"')
			return -1;
		x = &v[(*n)++];
		q = skip_string(p, end, &escaped);
		if (!q)
			return -1;
		x->name = p + 1;
		x->name_len = (size_t)(q - p - 2);
		p = skip_space(q, end);
		if (p == end || *p++ != ':')
			return -1;
		p = skip_space(p, end);
		if (p < end && *p == '"') {
			q = skip_string(p, end, &x->escaped);
			if (!q)
				return -1;
			x->text = p + 1;
			x->text_len = (size_t)(q - p - 2);
			x->null = 0;
			x->string = 1;
		} else {
			q = skip_other(p, end);
			if (!q || q == p)
				return -1;
			x->text = p;
			x->text_len = (size_t)(q - p);
			x->escaped = 0;
			x->string = 0;
			while (x->text_len && (x->text[x->text_len - 1] == ' ' ||
					       x->text[x->text_len - 1] == '\n'))
				x->text_len--;
			x->null = x->text_len == 4 && memcmp(p, "null", 4) == 0;
		}
		p = skip_space(q, end);
		if (p < end && *p == ',') {
			p = skip_space(p + 1, end);
			continue;
		}
		return p < end && *p == '}' ? 0 : -1;
	}
}

/* ---- the objects read last ----
 *
 * A page fills each of its templates from the same few objects (a
 * comparison page fills about ten from the values of code A and of code
 * B, near 450 bytes each), so each thread keeps the last objects it read,
 * with their names and values found: an object seen again costs a
 * comparison of its bytes.  A slot that the call in progress uses is
 * never given to another object. */

#define CACHE_SLOTS 8
/* an object shorter than this is read again: reading it costs no more
 * than looking for it */
#define CACHE_MIN 128
#define CACHE_BYTES 2048

struct cached {
	/* the object's bytes; len 0: an empty slot */
	size_t len;
	char text[CACHE_BYTES];
	/* its values, pointing into text */
	struct value v[FILL_MAX_NAMES];
	int n;
	/* the clock at its last use */
	unsigned long used;
};

static __thread struct {
	unsigned long clock;
	struct cached slot[CACHE_SLOTS];
} cache;

/* read_object() of json into v[*n..max), through the cache; a call that
 * began at clock `call` keeps the slots it has used. */
static int read_cached(const char *json, size_t len, struct value *v, int *n,
		       int max, unsigned long call)
{
	struct cached *hit = NULL, *free_slot = NULL;

	if (len < CACHE_MIN || len > CACHE_BYTES)
		return read_object(json, len, v, n, max);
	for (int i = 0; i < CACHE_SLOTS && !hit; i++) {
		struct cached *c = &cache.slot[i];

		if (c->len == len && memcmp(c->text, json, len) == 0)
			hit = c;
		else if (c->used < call &&
			 (!free_slot || c->used < free_slot->used))
			free_slot = c;
	}
	if (!hit) {
		if (!free_slot)
			return read_object(json, len, v, n, max);
		memcpy(free_slot->text, json, len);
		free_slot->n = 0;
		if (read_object(free_slot->text, len, free_slot->v,
				&free_slot->n, FILL_MAX_NAMES) < 0) {
			/* not one to keep: read as it is, with its error */
			free_slot->len = 0;
			return read_object(json, len, v, n, max);
		}
		free_slot->len = len;
		hit = free_slot;
	}
	hit->used = ++cache.clock;
	if (*n + hit->n > max)
		return -1;
	memcpy(v + *n, hit->v, (size_t)hit->n * sizeof *v);
	*n += hit->n;
	return 0;
}

static int hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The four hex digits at p, or -1. */
static long hex4(const char *p, const char *end)
{
	long u = 0;

	if (end - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int d = hex_digit((unsigned char)p[i]);

		if (d < 0)
			return -1;
		u = u * 16 + d;
	}
	return u;
}

static void add_utf8(struct strbuf *out, unsigned long u)
{
	char b[4];
	size_t n;

	if (u < 0x80) {
		b[0] = (char)u;
		n = 1;
	} else if (u < 0x800) {
		b[0] = (char)(0xC0 | u >> 6);
		b[1] = (char)(0x80 | (u & 0x3F));
		n = 2;
	} else if (u < 0x10000) {
		b[0] = (char)(0xE0 | u >> 12);
		b[1] = (char)(0x80 | (u >> 6 & 0x3F));
		b[2] = (char)(0x80 | (u & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | u >> 18);
		b[1] = (char)(0x80 | (u >> 12 & 0x3F));
		b[2] = (char)(0x80 | (u >> 6 & 0x3F));
		b[3] = (char)(0x80 | (u & 0x3F));
		n = 4;
	}
	strbuf_add(out, b, n);
}

/* Append the JSON string text s (without its quotes), its escapes
 * decoded; -1 on a malformed escape. */
static int add_decoded(struct strbuf *out, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";

	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		const char *esc;
		long u, lo;

		if (!bs)
			return strbuf_add(out, p, (size_t)(end - p));
		strbuf_add(out, p, (size_t)(bs - p));
		if (bs + 1 == end)
			return -1;
		esc = strchr(from, bs[1]);
		if (esc && bs[1]) {
			strbuf_addch(out, to[esc - from]);
			p = bs + 2;
			continue;
		}
		if (bs[1] != 'u')
			return -1;
		u = hex4(bs + 2, end);
		p = bs + 6;
		if (u >= 0xD800 && u < 0xDC00 && end - p >= 6 && p[0] == '\\' &&
		    p[1] == 'u') {
			lo = hex4(p + 2, end);
			if (lo >= 0xDC00 && lo < 0xE000) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				p += 6;
			}
		}
		if (u < 0)
			return -1;
		add_utf8(out, (unsigned long)u);
	}
	return 0;
}

/* ---- filling ---- */

static int is_name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* The value named name, the first of v[0..n), or NULL. */
static const struct value *find(const struct value *v, int n,
				const char *name, size_t len)
{
	for (int i = 0; i < n; i++)
		if (v[i].name_len == len && memcmp(v[i].name, name, len) == 0)
			return &v[i];
	return NULL;
}

/* Append the form that cases (len bytes) choose for x's value
 * (grammar.h); -1 on a malformed escape in it. */
static int add_form(struct strbuf *out, const struct value *x,
		    const char *cases, size_t len)
{
	struct strbuf decoded = STRBUF_INIT;
	const char *value = x->text, *form;
	size_t vlen = x->text_len, flen;

	if (x->escaped) {
		if (add_decoded(&decoded, x->text, x->text_len) < 0) {
			strbuf_release(&decoded);
			return -1;
		}
		if (decoded.failed) {
			out->failed = 1;
			strbuf_release(&decoded);
			return 0;
		}
		value = decoded.buf ? decoded.buf : "";
		vlen = decoded.len;
	}
	grammar_select(value, vlen, cases, len, &form, &flen);
	strbuf_add(out, form, flen);
	strbuf_release(&decoded);
	return 0;
}

/*
 * Append tmpl with each {name} that v has (and is not null) replaced by
 * its value; other braces are copied.  Returns -1 on a malformed escape
 * in a value (out->failed tells of memory).
 */
static int expand(struct strbuf *out, const char *tmpl, const struct value *v,
		  int n)
{
	const char *p = tmpl;

	for (;;) {
		const char *open = strchr(p, '{');
		const char *name, *q, *cases, *close;
		const struct value *x;

		if (!open) {
			strbuf_addstr(out, p);
			return 0;
		}
		strbuf_add(out, p, (size_t)(open - p));
		name = open + 1;
		for (q = name; is_name_char((unsigned char)*q); q++)
			;
		cases = NULL;
		if (*q == '|' && q != name) {
			/* {name|TEST:FORM|...}: a form chosen by the value */
			cases = q + 1;
			close = strpbrk(cases, "{}");
			if (!close || *close != '}')
				close = NULL;
		} else {
			close = *q == '}' && q != name ? q : NULL;
		}
		if (!close) {
			strbuf_addch(out, '{');
			p = name;
			continue;
		}
		x = find(v, n, name, (size_t)(q - name));
		if (!x || x->null) {
			if (__atomic_load_n(&fill_log.on, __ATOMIC_ACQUIRE))
				log_unfilled(tmpl, name, (size_t)(q - name));
			strbuf_add(out, open, (size_t)(close + 1 - open));
		} else if (cases) {
			if (add_form(out, x, cases, (size_t)(close - cases)) < 0)
				return -1;
		} else if (x->escaped) {
			if (add_decoded(out, x->text, x->text_len) < 0)
				return -1;
		} else {
			strbuf_add(out, x->text, x->text_len);
		}
		p = close + 1;
	}
}

/* Give ctx the text of sb as its result, or the error of its failure. */
static void result_strbuf(sqlite3_context *ctx, struct strbuf *sb)
{
	size_t len;
	char *text = strbuf_detach(sb, &len);

	if (!text) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	sqlite3_result_text64(ctx, text, len, free, SQLITE_UTF8);
}

static void sql_fill(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct value v[MAX_VALUES];
	struct strbuf out = STRBUF_INIT;
	const char *tmpl = (const char *)sqlite3_value_text(argv[0]);
	int n = 0;
	unsigned long call = cache.clock + 1;

	if (!tmpl)
		return;         /* NULL in, NULL out */
	for (int i = 1; i < argc; i++) {
		const char *json = (const char *)sqlite3_value_text(argv[i]);

		if (!json)
			continue;
		if (read_cached(json, (size_t)sqlite3_value_bytes(argv[i]), v,
				&n, MAX_VALUES, call) < 0) {
			sqlite3_result_error(ctx, "fill: a values argument is "
					     "not a JSON object of at most "
					     "64 names", -1);
			return;
		}
	}
	if (expand(&out, tmpl, v, n) < 0) {
		strbuf_release(&out);
		sqlite3_result_error(ctx, "fill: a value has a malformed JSON "
				     "escape", -1);
		return;
	}
	result_strbuf(ctx, &out);
}

/* ---- differing_keys ---- */

/* Whether x and y, values of two objects or NULL where one has none,
 * differ: a null value is none, and two values are the same when their
 * JSON texts are. */
static int values_differ(const struct value *x, const struct value *y)
{
	if (x && x->null)
		x = NULL;
	if (y && y->null)
		y = NULL;
	if (!x || !y)
		return x != y;
	return x->text_len != y->text_len || x->string != y->string ||
	       x->escaped != y->escaped ||
	       memcmp(x->text, y->text, x->text_len) != 0;
}

static void sql_differing_keys(sqlite3_context *ctx, int argc,
			       sqlite3_value **argv)
{
	struct value v[3][FILL_MAX_NAMES];
	int n[3] = {0, 0, 0};
	unsigned long call = cache.clock + 1;
	struct strbuf out = STRBUF_INIT;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
		return;         /* NULL order, NULL out */
	for (int i = 0; i < 3; i++) {
		const char *json = (const char *)sqlite3_value_text(argv[i]);

		if (!json)
			continue;       /* a NULL object has no names */
		if (read_cached(json, (size_t)sqlite3_value_bytes(argv[i]), v[i],
				&n[i], FILL_MAX_NAMES, call) < 0) {
			sqlite3_result_error(ctx, "differing_keys: an argument "
					     "is not a JSON object of at most "
					     "64 names", -1);
			return;
		}
	}
	strbuf_addch(&out, '{');
	for (int k = 0; k < n[0]; k++) {
		const struct value *key = &v[0][k];

		if (!values_differ(find(v[1], n[1], key->name, key->name_len),
				   find(v[2], n[2], key->name, key->name_len)))
			continue;
		if (out.len > 1)
			strbuf_addch(&out, ',');
		/* the member as order wrote it, escapes and all */
		strbuf_addch(&out, '"');
		strbuf_add(&out, key->name, key->name_len);
		strbuf_add(&out, "\":", 2);
		if (key->string) {
			strbuf_addch(&out, '"');
			strbuf_add(&out, key->text, key->text_len);
			strbuf_addch(&out, '"');
		} else {
			strbuf_add(&out, key->text, key->text_len);
		}
	}
	strbuf_addch(&out, '}');
	result_strbuf(ctx, &out);
}

/* ---- join_list ---- */

struct list {
	/* the items, each followed by a NUL */
	struct strbuf items;
	long count;
	/* the templates, from the first row */
	struct strbuf comma;
	struct strbuf last;
};

static void list_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct list *l = sqlite3_aggregate_context(ctx, sizeof(*l));
	const char *item = (const char *)sqlite3_value_text(argv[0]);

	(void)argc;
	if (!l) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (l->count == 0 && !l->items.buf) {
		strbuf_init(&l->items);
		strbuf_init(&l->comma);
		strbuf_init(&l->last);
	}
	if (!item)
		return;
	if (l->count == 0) {
		const char *comma = (const char *)sqlite3_value_text(argv[1]);
		const char *last = (const char *)sqlite3_value_text(argv[2]);

		strbuf_addstr(&l->comma, comma ? comma : "{a}, {b}");
		strbuf_addstr(&l->last, last ? last : "{a}, {b}");
	}
	strbuf_add(&l->items, item, (size_t)sqlite3_value_bytes(argv[0]) + 1);
	l->count++;
}

static void list_release(struct list *l)
{
	strbuf_release(&l->items);
	strbuf_release(&l->comma);
	strbuf_release(&l->last);
}

static void list_final(sqlite3_context *ctx)
{
	struct list *l = sqlite3_aggregate_context(ctx, 0);
	struct strbuf acc = STRBUF_INIT, next = STRBUF_INIT;
	const char *item;

	if (!l || !l->items.buf)
		return;         /* no rows: NULL */
	if (l->count == 0 || l->items.failed || l->comma.failed ||
	    l->last.failed) {
		if (l->count)
			sqlite3_result_error_nomem(ctx);
		list_release(l);
		return;
	}
	item = l->items.buf;
	strbuf_addstr(&acc, item);
	for (long i = 1; i < l->count; i++) {
		struct value v[2] = {
			{"a", 1, acc.buf, acc.len, 0, 0, 1},
			{"b", 1, NULL, 0, 0, 0, 1},
		};
		struct strbuf tmp;

		item += strlen(item) + 1;
		v[1].text = item;
		v[1].text_len = strlen(item);
		strbuf_reset(&next);
		expand(&next, i + 1 == l->count ? l->last.buf : l->comma.buf,
		       v, 2);
		tmp = acc;
		acc = next;
		next = tmp;
	}
	strbuf_release(&next);
	list_release(l);
	result_strbuf(ctx, &acc);
}

/* 1 if p, in t, lies within an occurrence of phrase[0..plen) in t. */
static int within(const char *t, const char *p, const char *phrase,
		  size_t plen)
{
	if (plen == 0)
		return 0;
	for (const char *q = strstr(t, phrase); q && q <= p;
	     q = strstr(q + plen, phrase))
		if (p < q + plen)
			return 1;
	return 0;
}

/* first_sentence(TEXT, PHRASE): see fill.h. */
static void sql_first_sentence(sqlite3_context *ctx, int argc,
			       sqlite3_value **argv)
{
	const char *t = (const char *)sqlite3_value_text(argv[0]);
	const char *phrase = (const char *)sqlite3_value_text(argv[1]);
	size_t plen = phrase ? strlen(phrase) : 0;
	const char *end = NULL;

	(void)argc;
	if (!t)
		return;
	end = strstr(t, "。");
	if (end) {
		end += strlen("。");
	} else {
		for (const char *p = strstr(t, ". "); p; p = strstr(p + 1, ". "))
			if (!within(t, p, phrase, plen)) {
				end = p + 1;
				break;
			}
	}
	sqlite3_result_text(ctx, t, end ? (int)(end - t)
				   : sqlite3_value_bytes(argv[0]),
			    SQLITE_TRANSIENT);
}

int fill_register(sqlite3 *db)
{
	int rc = sqlite3_create_function(db, "fill", -1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC |
					 SQLITE_INNOCUOUS,
					 NULL, sql_fill, NULL, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "differing_keys", 3,
					     SQLITE_UTF8 |
					     SQLITE_DETERMINISTIC |
					     SQLITE_INNOCUOUS,
					     NULL, sql_differing_keys, NULL,
					     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db, "first_sentence", 2,
					     SQLITE_UTF8 |
					     SQLITE_DETERMINISTIC |
					     SQLITE_INNOCUOUS,
					     NULL, sql_first_sentence, NULL,
					     NULL);
	if (rc != SQLITE_OK)
		return rc;
	return sqlite3_create_function(db, "join_list", 3,
				       SQLITE_UTF8 | SQLITE_DETERMINISTIC |
				       SQLITE_INNOCUOUS,
				       NULL, NULL, list_step, list_final);
}
