/*
 * mangen.c - make a man page's scdoc source from its hand-written template
 * (the .scd files of man/) and the programs' own tables, so that the manual cannot
 * drift from the programs.
 *
 *     codekb-mangen TEMPLATE OUTPUT [DATABASE VIEWS_MD]
 *
 * copies TEMPLATE to OUTPUT, replacing each line that is one of
 *
 *     %%CODEKB_SYNOPSIS%%   every command's usage line (query/opts.c)
 *     %%CODEKB_COMMANDS%%   every command, its usage and what it does
 *     %%CODEKB_OPTIONS%%    every option of codekb, with its help
 *     %%IMPORT_SYNOPSIS%%   codekb-import's usage line (importer/args.c)
 *     %%IMPORT_OPTIONS%%    every option of codekb-import
 *     %%VIEWS%%             every view of DATABASE, its columns as
 *                         `codekb sql --views` lists them, and the title of
 *                         its section in VIEWS_MD (docs/views.md)
 *
 * Build-time only; not installed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd.h"
#include "db.h"

/* Append s to sb with scdoc's markup characters escaped. */
static void escaped(struct strbuf *sb, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '*' || s[i] == '_' || s[i] == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, s[i]);
	}
}

/* s with every run of spaces and newlines made one space. */
static void one_line(struct strbuf *out, const char *s)
{
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n') {
			space = 1;
			continue;
		}
		if (space && out->len)
			strbuf_addch(out, ' ');
		space = 0;
		strbuf_addch(out, *s);
	}
}

/* A usage line, its first word in bold; lines end in "++" to keep them
 * apart, but for the last. */
static void usage_line(struct strbuf *sb, const char *usage, int last)
{
	struct strbuf flat = STRBUF_INIT;
	size_t word;

	one_line(&flat, usage);
	word = strcspn(flat.buf, " ");
	strbuf_addch(sb, '*');
	escaped(sb, flat.buf, word);
	strbuf_addch(sb, '*');
	escaped(sb, flat.buf + word, flat.len - word);
	strbuf_addstr(sb, last ? "\n" : " ++\n");
	strbuf_release(&flat);
}

static void codekb_synopsis(struct strbuf *sb)
{
	struct strbuf usage = STRBUF_INIT;

	for (size_t i = 0; cmd_table[i]; i++) {
		strbuf_reset(&usage);
		opts_usage(&usage, cmd_table[i]);
		usage_line(sb, usage.buf, !cmd_table[i + 1]);
	}
	strbuf_release(&usage);
}

static void codekb_commands(struct strbuf *sb)
{
	struct strbuf usage = STRBUF_INIT;

	for (size_t i = 0; cmd_table[i]; i++) {
		const char *summary = cmd_table[i]->summary;
		const char *at;

		strbuf_reset(&usage);
		opts_usage(&usage, cmd_table[i]);
		/* from the command's name on: the options before it are
		 * every command's */
		at = strstr(usage.buf, "] ");
		at = at ? at + 2 : usage.buf;
		strbuf_addstr(sb, "*");
		escaped(sb, cmd_table[i]->name, strlen(cmd_table[i]->name));
		strbuf_addstr(sb, "*\n\t");
		{
			struct strbuf flat = STRBUF_INIT;

			one_line(&flat, at);
			escaped(sb, flat.buf, flat.len);
			strbuf_release(&flat);
		}
		strbuf_addstr(sb, "\n\n");
		if (summary) {
			strbuf_addch(sb, '\t');
			escaped(sb, summary, strlen(summary));
			strbuf_addstr(sb, "\n\n");
		}
	}
	strbuf_release(&usage);
}

/* Every option of table: "*-d*, *--db* _PATH_" and its help below. */
static void options(struct strbuf *sb, const struct parseopt *table)
{
	for (const struct parseopt *o = table; o->type != OPTION_END; o++) {
		if (o->short_name)
			strbuf_addf(sb, "*-%c*, ", o->short_name);
		strbuf_addstr(sb, "*--");
		escaped(sb, o->long_name, strlen(o->long_name));
		strbuf_addch(sb, '*');
		if (o->argname) {
			strbuf_addstr(sb, " _");
			escaped(sb, o->argname, strlen(o->argname));
			strbuf_addch(sb, '_');
		}
		strbuf_addstr(sb, "\n\t");
		/* help lines start in lower case, without a full stop */
		escaped(sb, o->help, strlen(o->help));
		strbuf_addstr(sb, ".\n\n");
	}
}

/* The title of the section of views.md that documents view, or NULL:
 * "## `a`, `b`: TITLE" documents a and b. */
static const char *view_title(char *md, const char *view, size_t *len)
{
	char want[128];

	snprintf(want, sizeof(want), "`%s`", view);
	for (char *line = md; line && *line;) {
		char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *colon = memchr(line, ':', n);

		if (strncmp(line, "## `", 4) == 0 && colon) {
			char *hit = strstr(line, want);

			if (hit && hit < colon) {
				*len = n - (size_t)(colon + 2 - line);
				return colon + 2;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return NULL;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f) {
		perror(path);
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	if (sb.failed) {
		fputs("codekb-mangen: out of memory\n", stderr);
		exit(1);
	}
	return strbuf_detach(&sb, NULL);
}

static int views(struct strbuf *sb, const char *db_path, const char *md_path)
{
	struct kb_error err = {0};
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *md;
	int rc;

	if (!db_path || !md_path) {
		fputs("codekb-mangen: %%VIEWS%% needs DATABASE and VIEWS_MD\n",
		      stderr);
		return -1;
	}
	md = slurp(md_path);
	if (db_open(db_path, DB_READONLY, &db, &err) < 0 ||
	    sqlite3_prepare_v2(db, cmd_sql_views, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "codekb-mangen: %s: %s\n", db_path,
			err.msg[0] ? err.msg : sqlite3_errmsg(db));
		sqlite3_close(db);
		free(md);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *columns = (const char *)sqlite3_column_text(st, 1);
		size_t len = 0;
		const char *title = view_title(md, name, &len);

		strbuf_addstr(sb, "*");
		escaped(sb, name, strlen(name));
		strbuf_addstr(sb, "*\n");
		if (title) {
			struct strbuf plain = STRBUF_INIT;

			/* the title's `code` spans as plain text */
			for (size_t i = 0; i < len; i++)
				if (title[i] != '`')
					strbuf_addch(&plain, title[i]);
			/* a sentence of its own: "A code in one language." */
			if (plain.len && plain.buf[0] >= 'a' && plain.buf[0] <= 'z')
				plain.buf[0] = (char)(plain.buf[0] - 'a' + 'A');
			strbuf_addch(sb, '\t');
			escaped(sb, plain.buf ? plain.buf : "", plain.len);
			strbuf_addstr(sb, ".\n\n");
			strbuf_release(&plain);
		}
		strbuf_addstr(sb, "\tColumns: ");
		escaped(sb, columns ? columns : "", columns ? strlen(columns) : 0);
		strbuf_addstr(sb, ".\n\n");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(md);
	return rc == SQLITE_DONE ? 0 : -1;
}

int main(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	struct strbuf usage = STRBUF_INIT;
	char *text;
	FILE *out;

	if (argc != 3 && argc != 5) {
		fputs("usage: codekb-mangen TEMPLATE OUTPUT [DATABASE VIEWS_MD]\n",
		      stderr);
		return 2;
	}
	text = slurp(argv[1]);
	for (char *line = text; *line;) {
		char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);

#define IS(word) (n == sizeof(word) - 1 && memcmp(line, word, n) == 0)
		if (IS("%%CODEKB_SYNOPSIS%%")) {
			codekb_synopsis(&sb);
		} else if (IS("%%CODEKB_COMMANDS%%")) {
			codekb_commands(&sb);
		} else if (IS("%%CODEKB_OPTIONS%%")) {
			options(&sb, opts_table);
		} else if (IS("%%IMPORT_SYNOPSIS%%")) {
			args_usage(&usage);
			/* without "usage: " */
			usage_line(&sb, usage.buf + strlen("usage: "), 1);
		} else if (IS("%%IMPORT_OPTIONS%%")) {
			options(&sb, args_table);
		} else if (IS("%%VIEWS%%")) {
			if (views(&sb, argc == 5 ? argv[3] : NULL,
				  argc == 5 ? argv[4] : NULL) < 0)
				return 1;
		} else {
			strbuf_add(&sb, line, n);
			strbuf_addch(&sb, '\n');
		}
#undef IS
		line = end ? end + 1 : line + n;
	}
	free(text);
	strbuf_release(&usage);
	out = fopen(argv[2], "wb");
	if (!out || sb.failed || fwrite(sb.buf, 1, sb.len, out) != sb.len ||
	    fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	strbuf_release(&sb);
	return 0;
}
