/*
 * codekey.h - the shapes that status codes take, and every rule about
 * them: how a key is parsed and validated, how keys sort, which range of
 * sort values a class covers, what a typed prefix matches in search, and
 * the slug of a code's page.  Nothing else in C or SQL knows what a key
 * looks like: the importer stores each code's sort value and slug beside
 * its key, and the SQL compares those.
 *
 * The shapes:
 *
 *   number  a plain decimal number, no sign and no leading zero: SIP 486,
 *           HTTP 404, FTP 425, SMTP 550, WebSocket 1006, gRPC 14.
 *   dotted  an SMTP enhanced status code, class.subject.detail (RFC 3463,
 *           Section 2): class 2, 4 or 5, subject and detail each 0 to
 *           999 without leading zeros, as 5.7.26.  The registry writes
 *           its entries generically, X.7.26; a generic key is understood
 *           when typed but a code is stored under each class it has.
 *
 * A protocol declares the shapes its codes may take (protocol.shapes, a
 * space-separated list such as "number dotted").
 *
 *     struct codekey k;
 *     const char *why;
 *     if (codekey_parse("5.7.26", SHAPE_NUMBER | SHAPE_DOTTED, &k, &why) < 0)
 *             printf("bad key at column %d: %s\n", k.error_col, why);
 *     k.text is "5.7.26", k.sort orders it among the protocol's codes.
 */
#ifndef CODEKB_CODEKEY_H
#define CODEKB_CODEKEY_H

#include <stddef.h>

enum key_shape {
	SHAPE_NUMBER = 1 << 0,
	SHAPE_DOTTED = 1 << 1,
};

/* The longest key of any shape, with its NUL ("5.999.999"; a number has
 * at most 9 digits). */
#define CODEKEY_MAX 16

/* The longest slug: a key, a dash and a vendor of up to 64 bytes. */
#define CODEKEY_SLUG_MAX (CODEKEY_MAX + 1 + 64 + 1)

struct codekey {
	/* the shape the key has */
	enum key_shape shape;
	/* the key as stored: "486", "5.7.26", or for a generic dotted key
	 * "X.7.26" */
	char text[CODEKEY_MAX];
	/* orders keys within a protocol: numbers by value, then dotted keys
	 * by class, subject and detail */
	long long sort;
	/* dotted keys: the parts; class is 0 for a generic key ("X") */
	int cls, subject, detail;
	/* on failure, the 1-based column of the first bad character */
	int error_col;
};

/*
 * Parse s as a key of one of the shapes in `shapes` (enum key_shape
 * bits).  Returns 0 and fills *k, or -1 with *why set to what is wrong
 * with it, as a predicate ("is not a number"), and k->error_col to the
 * 1-based character it is about.
 */
int codekey_parse(const char *s, unsigned shapes, struct codekey *k,
		  const char **why);

/*
 * The shapes named in a protocol's `shapes` list ("number dotted").
 * Returns the enum key_shape bits, or 0 if a name is unknown or the list
 * is empty.
 */
unsigned codekey_shapes(const char *list);

/* The list of every shape name, for messages: "number, dotted". */
const char *codekey_shape_names(void);

/* The sort values that every key of one shape lies between. */
void codekey_shape_range(enum key_shape shape, long long *lo, long long *hi);

/*
 * The concrete key of a generic dotted key for class cls (2, 4 or 5):
 * X.7.26 and 5 give 5.7.26.  k must be generic.
 */
void codekey_with_class(const struct codekey *k, int cls, struct codekey *out);

/*
 * Compare two keys of one protocol, as a sort does: by sort value, then
 * vendor ('' first, then by byte order).  NULL vendors are ''.
 */
int codekey_compare(const struct codekey *a, const char *vendor_a,
		    const struct codekey *b, const char *vendor_b);

/*
 * The GLOB pattern that the codes whose key begins with the typed prefix
 * q match, in out (of outsize bytes): "48" gives "48*", "5.7" and "5.7."
 * give "5.7.*", "5." gives "5.*".  Returns 0, or -1 if q is not the
 * beginning of a key of any of the shapes (then nothing is written).
 * The pattern holds only digits, dots and one '*'.
 */
int codekey_prefix_pattern(const char *q, unsigned shapes, char *out,
			   size_t outsize);

/*
 * The page slug of a code: its key, and for a vendor's meaning a dash and
 * the vendor in lower case with every run of other characters than
 * letters and digits made one dash ("499-nginx", "451-microsoft-iis").
 * Returns 0, or -1 if it does not fit in size bytes.
 */
int codekey_slug(const char *key, const char *vendor, char *out, size_t size);

/* Register the SQL function codekey_slug(key, vendor) on db. */
struct sqlite3;
int codekey_register(struct sqlite3 *db);

#endif
