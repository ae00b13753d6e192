/*
 * cmd.c - the subcommand table and the helpers that subcommands share.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "db.h"
#include "embedded.h"
#include "strbuf.h"

const struct cmd *const cmd_table[] = {
	&cmd_list,
	&cmd_show,
	&cmd_compare,
	&cmd_search,
	&cmd_export,
	&cmd_sql,
	&cmd_coverage,
	&cmd_check,
	&cmd_mcp,
	NULL,
};

const struct cmd *cmd_find(const char *name)
{
	for (size_t i = 0; cmd_table[i]; i++)
		if (strcmp(cmd_table[i]->name, name) == 0)
			return cmd_table[i];
	return NULL;
}

int cmd_prepare(struct ctx *ctx, const char *name, sqlite3_stmt **st)
{
	struct cmd_cache *c = ctx->cache;
	int i = 0;

	for (; c && i < c->n; i++) {
		if (strcmp(c->e[i].name, name) == 0 && !c->e[i].busy) {
			c->e[i].busy = 1;
			*st = c->e[i].st;
			return EXIT_OK;
		}
	}
	if (db_prepare_named(ctx->db, sql_queries_query, name, st, &ctx->err) < 0)
		return EXIT_FAIL;
	if (c && c->n < CMD_CACHE_MAX) {
		c->e[c->n].name = name;
		c->e[c->n].st = *st;
		c->e[c->n].busy = 1;
		c->n++;
	}
	return EXIT_OK;
}

void cmd_release(struct ctx *ctx, sqlite3_stmt *st)
{
	struct cmd_cache *c = ctx->cache;

	for (int i = 0; st && c && i < c->n; i++) {
		if (c->e[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->e[i].busy = 0;
			return;
		}
	}
	sqlite3_finalize(st);
}

void cmd_cache_clear(struct cmd_cache *cache)
{
	for (int i = 0; i < cache->n; i++)
		sqlite3_finalize(cache->e[i].st);
	cache->n = 0;
}

/* The text of the first column of the first row of query `name`, with
 * :protocol bound and value bound to param (if not NULL), copied into buf
 * ("" if none, "..." where a longer text would have been cut). */
static void first_text(struct ctx *ctx, const char *name, const char *protocol,
		       const char *param, const char *value, char *buf,
		       size_t size)
{
	sqlite3_stmt *st = NULL;

	buf[0] = '\0';
	if (cmd_prepare(ctx, name, &st) != EXIT_OK)
		return;
	db_bind_text(st, ":protocol", protocol);
	if (param)
		db_bind_text(st, param, value);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		if (strlen(t) < size)
			snprintf(buf, size, "%s", t);
		else if (size > 3)
			snprintf(buf, size, "...");
	}
	cmd_release(ctx, st);
}

int cmd_protocol_named(struct ctx *ctx, const char *word, char *out)
{
	first_text(ctx, "protocol_resolve", word, NULL, NULL, out, 17);
	return out[0] ? 0 : -1;
}

int cmd_protocol(struct ctx *ctx, const char *arg, char *out)
{
	char known[512];

	first_text(ctx, "protocol_resolve", arg, NULL, NULL, out, 17);
	if (out[0])
		return EXIT_OK;
	first_text(ctx, "protocol_list", NULL, NULL, NULL, known,
		   sizeof(known));
	kb_error_set(&ctx->err, "unknown protocol '%s'; known: %s", arg,
		     known[0] ? known : "none");
	return EXIT_FAIL;
}

/* The shapes of protocol's keys; 0 with err set if unknown. */
static unsigned protocol_shapes(struct ctx *ctx, const char *protocol)
{
	char list[256];
	unsigned shapes;

	first_text(ctx, "protocol_shapes", protocol, NULL, NULL, list,
		   sizeof(list));
	shapes = codekey_shapes(list);
	if (!shapes)
		kb_error_set(&ctx->err, "protocol %s has no known code shapes "
			     "('%s'); run 'codekb check'", protocol, list);
	return shapes;
}

/* The generic dotted key k (X.1.1) typed: name the codes of it that
 * exist. */
static int generic_key(struct ctx *ctx, const char *protocol,
		       const struct codekey *k)
{
	char found[64] = "";
	size_t len = 0;

	for (int cls = 2; cls <= 5; cls++) {
		struct codekey c;
		char hit[8];

		if (cls == 3)
			continue;
		codekey_with_class(k, cls, &c);
		first_text(ctx, "code_exists", protocol, ":code", c.text, hit,
			   sizeof(hit));
		if (hit[0]) {
			snprintf(found + len, sizeof(found) - len, "%s%s",
				 len ? " or " : "", c.text);
			len = strlen(found);
		}
	}
	if (len)
		kb_error_set(&ctx->err, "%s %s is the registry's generic form; "
			     "give its class: %s", protocol, k->text, found);
	else
		kb_error_set(&ctx->err, "no %s code %s in any class", protocol, k->text);
	return EXIT_FAIL;
}

/* A code typed by its name, the reason phrase ("UNAVAILABLE" is gRPC 14):
 * its key into k if exactly one key has that name, else -1 with k as it
 * was. */
static int code_by_name(struct ctx *ctx, const char *protocol,
			const char *name, unsigned shapes, struct codekey *k)
{
	sqlite3_stmt *st = NULL;
	struct codekey named;
	const char *why;
	int n = 0, rc = -1;

	if (cmd_prepare(ctx, "code_by_name", &st) != EXIT_OK)
		return -1;
	db_bind_text(st, ":protocol", protocol);
	db_bind_text(st, ":code", name);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	if (n == 1)
		rc = codekey_parse((const char *)sqlite3_column_text(st, 1),
				   shapes, &named, &why);
	cmd_release(ctx, st);
	if (rc == 0)
		*k = named;
	return rc;
}

int cmd_code(struct ctx *ctx, const char *protocol, const char *arg,
	     const char *vendor, unsigned flags, struct code_ref *out)
{
	sqlite3_stmt *st = NULL;
	struct codekey k;
	const char *why;
	unsigned shapes = protocol_shapes(ctx, protocol);
	int count = 0, registered = 0, chosen = 0, failed = 1;
	struct strbuf vendors = STRBUF_INIT;

	memset(out, 0, sizeof(*out));
	if (!shapes)
		return EXIT_FAIL;
	if (codekey_parse(arg, shapes, &k, &why) < 0 &&
	    code_by_name(ctx, protocol, arg, shapes, &k) < 0) {
		kb_error_set(&ctx->err, "%s %s %s (at character %d)", protocol,
			     arg, why, k.error_col);
		return EXIT_FAIL;
	}
	if (k.shape == SHAPE_DOTTED && k.cls == 0)
		return generic_key(ctx, protocol, &k);
	snprintf(out->protocol, sizeof(out->protocol), "%s", protocol);
	snprintf(out->code, sizeof(out->code), "%s", k.text);
	if (vendor && strlen(vendor) >= sizeof(out->vendor)) {
		kb_error_set(&ctx->err, "--vendor is longer than %zu bytes",
			     sizeof(out->vendor) - 1);
		return EXIT_FAIL;
	}
	if (cmd_prepare(ctx, "code_meanings", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":protocol", protocol);
	db_bind_text(st, ":code", k.text);
	/* the registered meaning comes first: it is the default */
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		int match = vendor && strcasecmp(v, vendor) == 0;

		if (count == 0)
			registered = !*v;
		if (*v)
			strbuf_addf(&vendors, "%s%s", vendors.len ? ", " : "", v);
		if ((count == 0 || match) && !chosen) {
			if (strlen(v) >= sizeof(out->vendor)) {
				cmd_release(ctx, st);
				strbuf_release(&vendors);
				kb_error_set(&ctx->err, "%s %s: a vendor's name is "
					     "longer than %zu bytes", protocol,
					     k.text, sizeof(out->vendor) - 1);
				return EXIT_FAIL;
			}
			snprintf(out->vendor, sizeof(out->vendor), "%s", v);
			chosen = match;
		}
		count++;
	}
	cmd_release(ctx, st);
	out->meanings = count > 1;
	if (count == 0) {
		char nearest[256];
		char sort[32];

		strbuf_release(&vendors);
		snprintf(sort, sizeof(sort), "%lld", k.sort);
		first_text(ctx, "code_nearest", protocol, ":sort", sort, nearest,
			   sizeof(nearest));
		if (nearest[0])
			kb_error_set(&ctx->err, "no %s code %s; nearest: %s",
				     protocol, k.text, nearest);
		else
			kb_error_set(&ctx->err, "no %s code %s; %s has no codes "
				     "yet", protocol, k.text, protocol);
		return EXIT_FAIL;
	}
	if (vendor && !chosen && !(flags & CODE_VENDOR_SOFT))
		kb_error_set(&ctx->err, "%s %s has no meaning of vendor '%s'; %s%s",
			     protocol, k.text, vendor,
			     vendors.len ? "its vendors: " : "it has only its "
			     "registered meaning", vendors.buf);
	/* out holds the first meaning: the registered one, if any */
	else if (!chosen && !registered && count > 1 &&
		 !(flags & CODE_ANY_MEANING))
		kb_error_set(&ctx->err, "%s %s has no registered meaning and "
			     "several unofficial ones; choose one with --vendor: "
			     "%s", protocol, k.text, vendors.buf);
	else
		failed = 0;
	strbuf_release(&vendors);
	return failed ? EXIT_FAIL : EXIT_OK;
}

int cmd_code_meanings(struct ctx *ctx, const struct code_ref *ref,
		      int (*fn)(struct ctx *ctx, const struct code_ref *m,
				void *arg),
		      void *arg)
{
	sqlite3_stmt *st = NULL;
	struct code_ref m = *ref;
	int rc = EXIT_OK;

	if (cmd_prepare(ctx, "code_meanings", &st) != EXIT_OK)
		return EXIT_FAIL;
	db_bind_text(st, ":protocol", ref->protocol);
	db_bind_text(st, ":code", ref->code);
	while (rc == EXIT_OK && sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		if (strlen(v) >= sizeof(m.vendor)) {
			kb_error_set(&ctx->err, "%s %s: a vendor's name is longer "
				     "than %zu bytes", ref->protocol, ref->code,
				     sizeof(m.vendor) - 1);
			rc = EXIT_FAIL;
			break;
		}
		snprintf(m.vendor, sizeof(m.vendor), "%s", v);
		rc = fn(ctx, &m, arg);
	}
	cmd_release(ctx, st);
	return rc;
}

int cmd_page_missing(sqlite3 *db, const char *page, struct kb_error *err)
{
	sqlite3_stmt *st = NULL;
	struct strbuf keys = STRBUF_INIT;
	int n = 0;

	if (db_prepare_named(db, sql_queries_query, "ui_missing", &st,
			     err) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n < 3)
			strbuf_addf(&keys, "%s%s", n ? ", " : "",
				    (const char *)sqlite3_column_text(st, 0));
		n++;
	}
	sqlite3_finalize(st);
	if (n == 0)
		kb_error_set(err, "cannot build %s: it came out empty, though "
			     "every UI string has an English text (a fault of "
			     "codekb; run 'codekb check')", page);
	else
		kb_error_set(err, "cannot build %s: the database has no English "
			     "text for %d UI string%s (%s%s); import them, such "
			     "as data/ui/en.csv", page, n, n == 1 ? "" : "s",
			     keys.failed ? "?" : keys.buf, n > 3 ? ", ..." : "");
	strbuf_release(&keys);
	return -1;
}

int cmd_print_page(struct ctx *ctx, sqlite3_stmt *st, const char *what)
{
	const char *text = NULL;
	char page[64];
	int rc;

	db_bind_int(st, ":both", ctx->json_out != NULL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		text = (const char *)sqlite3_column_text(st, 0);
	if (text && *text) {
		size_t len = strlen(text);

		/* the first page's JSON only, as --format json gives one */
		if (ctx->json_out && sqlite3_column_text(st, 1)) {
			fputs((const char *)sqlite3_column_text(st, 1),
			      ctx->json_out);
			ctx->json_out = NULL;
		}
		fputs(text, ctx->out);
		if (len && text[len - 1] != '\n')
			fputc('\n', ctx->out);
		return EXIT_OK;
	}
	snprintf(page, sizeof(page), "the %s", what);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		cmd_page_missing(ctx->db, page, &ctx->err);
	else
		kb_error_set(&ctx->err, "%s", sqlite3_errmsg(ctx->db));
	return EXIT_FAIL;
}
