/*
 * csvread.c - see csvread.h.
 *
 * Line numbers: input is fed to libcsv one physical line at a time.  Before
 * each line, if no record is under way, that line is where the next record
 * starts (libcsv's pstate is 0, ROW_NOT_BEGUN, between records; blank lines
 * leave it there).
 */
#include <csv.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>

#include "csvread.h"

/* How much of a line libcsv is given at a time. */
#define FEED_CHUNK 65536

struct reader {
	/* the libcsv parser */
	struct csv_parser parser;
	/* the record being assembled */
	struct csv_record rec;
	/* the physical line now being fed (1-based) */
	unsigned long line;
	/* the line on which the record under way started */
	unsigned long start_line;
	/* records delivered so far */
	unsigned long records;
	/* the callback and its context */
	csvread_fn *fn;
	void *ctx;
	/* set once the callback or a field check has failed */
	int failed;
	/* where a failure is described */
	struct kb_error *err;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	struct csv_record *rec = &r->rec;
	struct csv_field *f;

	if (r->failed)
		return;
	if (rec->nfields >= CSVREAD_MAX_FIELDS) {
		r->failed = 1;
		kb_error_set(r->err, "%lu:%zu: record has more than %d fields",
			     r->line, rec->nfields + 1, CSVREAD_MAX_FIELDS);
		return;
	}
	if (len > CSVREAD_MAX_FIELD) {
		r->failed = 1;
		kb_error_set(r->err, "%lu:%zu: field is longer than %d bytes",
			     r->line, rec->nfields + 1, CSVREAD_MAX_FIELD);
		return;
	}
	if (rec->nfields == rec->cap) {
		size_t cap = rec->cap ? rec->cap * 2 : 16;
		struct csv_field *grown = realloc(rec->fields, cap * sizeof(*grown));

		if (!grown)
			goto nomem;
		memset(grown + rec->cap, 0, (cap - rec->cap) * sizeof(*grown));
		rec->fields = grown;
		rec->cap = cap;
	}
	f = &rec->fields[rec->nfields];
	if (f->cap < len + 1) {
		char *grown = realloc(f->data, len + 1);

		if (!grown)
			goto nomem;
		f->data = grown;
		f->cap = len + 1;
	}
	if (len)
		memcpy(f->data, s, len);
	f->data[len] = '\0';
	f->len = len;
	if (rec->nfields == 0)
		rec->line = r->start_line;
	rec->nfields++;
	return;
nomem:
	r->failed = 1;
	kb_error_set(r->err, "%lu:%zu: out of memory", r->line, rec->nfields + 1);
}

static void on_record(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (!r->failed && r->rec.nfields > 0) {
		r->rec.number = ++r->records;
		if (r->fn(r->ctx, &r->rec, r->err) < 0)
			r->failed = 1;
	}
	r->rec.nfields = 0;
}

/* Feed one line to libcsv, in pieces, so that an overlong field is
 * refused as soon as it passes the limit rather than at its end. */
static int feed(struct reader *r, const char *buf, size_t len)
{
	if (r->rec.nfields == 0 && r->parser.pstate == 0)
		r->start_line = r->line;
	while (len > 0 && !r->failed) {
		size_t n = len < FEED_CHUNK ? len : FEED_CHUNK;

		if (csv_parse(&r->parser, buf, n, on_field, on_record, r) != n &&
		    !r->failed) {
			r->failed = 1;
			return kb_error_set(r->err, "%lu:%zu: malformed quoting: "
					    "a quote inside an unquoted field, "
					    "or text after a closing quote",
					    r->line, r->rec.nfields + 1);
		}
		if (r->parser.entry_pos > CSVREAD_MAX_FIELD && !r->failed) {
			r->failed = 1;
			return kb_error_set(r->err, "%lu:%zu: field is longer "
					    "than %d bytes", r->line,
					    r->rec.nfields + 1, CSVREAD_MAX_FIELD);
		}
		buf += n;
		len -= n;
	}
	return r->failed ? -1 : 0;
}

/* Refuse bytes that no CSV text file holds in one line buf[0..len). */
static int check_bytes(struct reader *r, const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\0')
			return kb_error_set(r->err, "%lu:%zu: NUL byte in the "
					    "file (at byte %zu of the line)",
					    r->line, r->rec.nfields + 1, i + 1);
		if (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'))
			return kb_error_set(r->err, "%lu:%zu: bare CR line end; "
					    "save the file with LF or CRLF line "
					    "ends", r->line, r->rec.nfields + 1);
	}
	return 0;
}

static int check_encoding(struct reader *r, const unsigned char *b, size_t n)
{
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
		       (b[0] == 0xFE && b[1] == 0xFF)))
		return kb_error_set(r->err, "1:1: file is UTF-16; save it as "
				    "UTF-8");
	if (n >= 2 && (b[0] == 0 || b[1] == 0))
		return kb_error_set(r->err, "1:1: file looks like UTF-16 or "
				    "binary data (NUL bytes); save it as UTF-8");
	return 0;
}

/*
 * Read fp in blocks of FEED_CHUNK bytes and feed it a piece at a time: a
 * whole line, or as much of a long one as the block holds, so that memory
 * stays bounded however long a line is (or /dev/zero).  A CR at the end
 * of a piece waits for the next, to be seen with its LF.
 */
static int read_lines(FILE *fp, struct reader *r)
{
	char *buf = malloc(FEED_CHUNK);
	size_t have = 0, off = 0;
	int first = 1, eof = 0;
	int rc = 0;

	if (!buf)
		return kb_error_set(r->err, "%lu:1: out of memory", r->line);
	for (;;) {
		char *p, *nl;
		size_t len;

		if (off > 0) {
			memmove(buf, buf + off, have - off);
			have -= off;
			off = 0;
		}
		if (!eof && have < FEED_CHUNK) {
			size_t n = fread(buf + have, 1, FEED_CHUNK - have, fp);

			have += n;
			eof = n == 0;
		}
		if (have == 0)
			break;
		if (first) {
			first = 0;
			if (check_encoding(r, (unsigned char *)buf, have) < 0) {
				rc = -1;
				break;
			}
			if (have >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
				off = 3;
		}
		p = buf + off;
		nl = memchr(p, '\n', have - off);
		len = nl ? (size_t)(nl - p) + 1 : have - off;
		if (!nl && !eof && len > 0 && p[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		if (check_bytes(r, p, len) < 0 || feed(r, p, len) < 0) {
			rc = -1;
			break;
		}
		r->line += p[len - 1] == '\n';
		off += len;
	}
	if (rc == 0 && ferror(fp))
		rc = kb_error_set(r->err, "%lu:1: read error", r->line);
	free(buf);
	return rc;
}

/* RFC 4180: spaces are part of a field; libcsv would trim them. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int csvread_stream(FILE *fp, csvread_fn *fn, void *ctx, struct kb_error *err)
{
	struct reader r = {0};
	int rc;

	if (csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return kb_error_set(err, "1:1: out of memory");
	csv_set_space_func(&r.parser, no_space);
	/* grow a field's buffer in large steps: libcsv's default of 128
	 * bytes makes a long field cost quadratic copying */
	csv_set_blk_size(&r.parser, FEED_CHUNK);
	r.line = 1;
	r.fn = fn;
	r.ctx = ctx;
	r.err = err;
	rc = read_lines(fp, &r);
	if (rc == 0 && csv_fini(&r.parser, on_field, on_record, &r) != 0 &&
	    !r.failed) {
		r.failed = 1;
		kb_error_set(err, "%lu:%zu: unterminated quoted field",
			     r.start_line,
			     r.rec.nfields + 1);
	}
	if (r.failed)
		rc = -1;
	csv_free(&r.parser);
	for (size_t i = 0; i < r.rec.cap; i++)
		free(r.rec.fields[i].data);
	free(r.rec.fields);
	return rc;
}
