/*
 * fuzz_site.c - libFuzzer target for the site page builder (query/site.c
 * and the site queries of schema/queries/export.sql).
 *
 * A small database is made once: protocol FUZ with two classes, three
 * codes with texts, a note, and the UI strings of data/ui/.  Each input is
 * split at 0xFF bytes into values that are written into a copy of it as
 * another tool could write them, past the importer's checks: a class
 * label and name, a reason, texts, a note and the protocol's name (a
 * value that a constraint refuses is left out).  Then `export site`
 * writes the site into a fresh folder inside a sandbox, twice.  It is a
 * bug, reported as a crash, if:
 * - anything is written beside the site's folder in the sandbox;
 * - the list of files names a path that is not plain parts below the
 *   folder, or a file that is not a regular file there;
 * - a page's front matter is not one line a key of ours, or its Markdown holds a '<'
 *   or "{{" (raw HTML and Hugo shortcodes, which the export escapes);
 * - a page is empty after its front matter;
 * - an export fails, or the second one writes any file.
 *
 * Build and run: scripts/fuzz SECONDS
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "db.h"
#include "import.h"
#include "site.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* the sandbox, the site folder in it, and the database */
static char box[4096];
static char site[4200];
static char db_path[4200];
/* the database as made once, copied for every input */
static char *base;
static size_t base_len;

static const char *const files[][2] = {
	{"protocols.csv", "protocol,name,reference\nFUZ,Fuzz Protocol,RFC1\n"},
	{"classes.csv", "protocol,class,first,last,name\n"
			"FUZ,1xx,100,199,Provisional\nFUZ,2xx,200,299,Success\n"},
	{"codes.csv", "protocol,code,reason,reference,section,description,"
		      "when_seen,how_to_fix\n"
		      "FUZ,100,Trying,RFC1,1,Tries. More.,When trying.,Wait.\n"
		      "FUZ,200,OK,RFC1,2,It worked.,When it works.,Nothing.\n"
		      "FUZ,201,Created,RFC1,3,Made it.,When made.,Nothing.\n"},
	{"notes.csv", "locale,protocol,code_a,code_b,note\n"
		      "en,FUZ,100,200,One tries and one is done.\n"},
};

/* The values an input sets, in its order.  A class gets a new label as a
 * new row: an UPDATE would overlap its old self, for the overlap trigger. */
static const char *const updates[] = {
	"INSERT INTO class SELECT protocol, ?1, first, last, lo, hi, name "
	"FROM temp.old_class",
	"UPDATE class SET name = ?1 WHERE protocol = 'FUZ' AND first = 200",
	"UPDATE code SET reason = ?1 WHERE protocol = 'FUZ' AND code = '100'",
	"UPDATE text SET body = ?1 WHERE protocol = 'FUZ' AND code = '100' "
	"AND locale = 'en' AND field = 'description'",
	"UPDATE text SET body = ?1 WHERE protocol = 'FUZ' AND code = '200' "
	"AND locale = 'en' AND field = 'when_seen'",
	"UPDATE text SET body = ?1 WHERE protocol = 'FUZ' AND code = '201' "
	"AND locale = 'en' AND field = 'how_to_fix'",
	"UPDATE note SET body = ?1 WHERE protocol = 'FUZ'",
	"UPDATE protocol SET name = ?1 WHERE id = 'FUZ'",
};

#define NUPDATES (sizeof(updates) / sizeof(updates[0]))

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_tree(const char *path)
{
	nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void)
{
	remove_tree(box);
	free(base);
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		fprintf(stderr, "fuzz_site: cannot write %s\n", path);
		exit(1);
	}
}

static char *read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0) {
		buf = malloc((size_t)n + 1);
		rewind(fp);
		if (buf && fread(buf, 1, (size_t)n, fp) == (size_t)n) {
			buf[n] = '\0';
			*len = (size_t)n;
		} else {
			free(buf);
			buf = NULL;
		}
	}
	fclose(fp);
	return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct import_options opt = {0};
	const char *tmp = getenv("TMPDIR");
	const char *data = getenv("CODEKB_DATA");
	char dir[4300], ui[4300];
	char *paths[2] = {dir, ui};
	FILE *sink = fopen("/dev/null", "w");

	(void)argc;
	(void)argv;
	/* as the query tool configures SQLite (query/main.c) */
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
	db_configure_library(1);
	if (!data || !sink) {
		fprintf(stderr, "fuzz_site: set CODEKB_DATA to the data/ folder\n");
		exit(1);
	}
	snprintf(box, sizeof(box), "%s/fuzz-site-%d", tmp ? tmp : "/tmp",
		 (int)getpid());
	snprintf(site, sizeof(site), "%s/site", box);
	snprintf(db_path, sizeof(db_path), "%s/kb.db", box);
	snprintf(dir, sizeof(dir), "%s/in", box);
	snprintf(ui, sizeof(ui), "%s/ui", data);
	if (mkdir(box, 0700) < 0 || mkdir(dir, 0700) < 0) {
		fprintf(stderr, "fuzz_site: cannot make %s\n", dir);
		exit(1);
	}
	atexit(cleanup);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char path[4400];

		snprintf(path, sizeof(path), "%s/%s", dir, files[i][0]);
		write_file(path, files[i][1], strlen(files[i][1]));
	}
	opt.db_path = db_path;
	if (import_run(&opt, paths, 2, sink, stderr) != 0)
		exit(1);
	fclose(sink);
	remove_tree(dir);
	base = read_file(db_path, &base_len);
	if (!base)
		exit(1);
	return 0;
}

/* Write the values of data, split at 0xFF, into the database. */
static void write_values(const uint8_t *data, size_t size)
{
	struct kb_error err = {{0}};
	sqlite3 *db = NULL;
	size_t start = 0;

	/* one transaction without syncs: a value that a constraint refuses
	 * undoes its own statement only */
	if (db_open(db_path, DB_WRITE, &db, &err) < 0 ||
	    db_exec(db, "PRAGMA synchronous = OFF; BEGIN; "
		    "CREATE TEMP TABLE old_class AS SELECT * FROM class "
		    "WHERE protocol = 'FUZ' AND label = '1xx'; "
		    "DELETE FROM class WHERE protocol = 'FUZ' AND label = '1xx'",
		    &err) < 0)
		abort();
	for (size_t i = 0; i < NUPDATES && (i == 0 || start <= size); i++) {
		const uint8_t *end = memchr(data + start, 0xFF, size - start);
		size_t len = end ? (size_t)(end - data) - start : size - start;
		sqlite3_stmt *st = NULL;

		if (sqlite3_prepare_v2(db, updates[i], -1, &st, NULL) != SQLITE_OK)
			abort();
		sqlite3_bind_text(st, 1, (const char *)data + start, (int)len,
				  SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE && i == 0 &&
		    db_exec(db, "INSERT INTO class SELECT * FROM temp.old_class",
			    &err) < 0)
			abort();
		sqlite3_finalize(st);
		start += len + 1;
	}
	if (db_exec(db, "COMMIT", &err) < 0)
		abort();
	sqlite3_close(db);
}

/* Export the site; returns the status, and the summary line (or the
 * error) in summary. */
static int export(int jobs, char *summary, size_t size)
{
	struct kb_error err = {{0}};
	struct opts o = {0};
	struct ctx ctx = {0};
	char *args[] = {(char *)"site"};
	/* one language: the values are written in English only */
	const char *langs[] = {"en"};
	FILE *out = fmemopen(summary, size, "w");
	int status;

	if (!out)
		abort();
	memset(summary, 0, size);
	if (db_open(db_path, DB_READONLY, &ctx.db, &err) < 0 ||
	    db_check_schema(ctx.db, db_path, &err) < 0) {
		fprintf(stderr, "fuzz_site: %s\n", err.msg);
		abort();
	}
	o.command = "export";
	o.langs = langs;
	o.nlangs = 1;
	o.args = args;
	o.nargs = 1;
	o.output = site;
	o.force = 1;
	o.jobs = jobs == 1 ? "1" : "2";
	ctx.db_path = db_path;
	ctx.o = &o;
	strcpy(ctx.lang, "en");
	ctx.out = out;
	status = site_run(&ctx);
	fclose(out);
	sqlite3_close(ctx.db);
	if (status != EXIT_OK)
		snprintf(summary, size, "%s", ctx.err.msg);
	return status;
}

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_site: %s: %.300s\n", what, detail);
	abort();
}

/* Check the page rel of the site: its front matter and its Markdown. */
static void check_page(const char *rel)
{
	char path[8400];
	size_t len = 0;
	char *page;
	const char *body;
	unsigned seen = 0;

	snprintf(path, sizeof(path), "%s/%s", site, rel);
	page = read_file(path, &len);
	if (!page)
		fail("a listed file cannot be read", rel);
	if (strncmp(rel, "content/", 8) == 0) {
		if (strncmp(page, "---\n", 4) != 0)
			fail("a page has no front matter", rel);
		body = strstr(page + 3, "\n---\n");
		if (!body)
			fail("a page's front matter does not end", rel);
		/* one line a key, each of the page's keys once: the seven
		 * every page has, and the trail, facts table or groups of
		 * some; a value that made a line of its own would show */
		for (const char *p = page + 4; p <= body; p = strchr(p, '\n') + 1) {
			static const char *const keys[] = {
				"title", "protocol", "codes", "lang",
				"translationKey", "slug", "translations",
				"crumbs", "facts", "groups", "name", "terms",
			};
			size_t klen = strcspn(p, ":\n");
			size_t k;

			for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
				if (strlen(keys[k]) == klen &&
				    strncmp(p, keys[k], klen) == 0)
					break;
			if (k == sizeof(keys) / sizeof(keys[0]) ||
			    strncmp(p + klen, ": ", 2) != 0)
				fail("a front matter line is not a key of ours",
				     rel);
			if (seen & (1u << k))
				fail("a front matter key is there twice", rel);
			seen |= 1u << k;
		}
		if ((seen & 0x7f) != 0x7f)
			fail("a page's front matter lacks one of its seven keys",
			     rel);
		body += 5;
		if (strchr(body, '<'))
			fail("a page holds a '<'", rel);
		if (strstr(body, "{{"))
			fail("a page holds '{{'", rel);
		if (body[strspn(body, "\n")] == '\0')
			fail("a page is empty", rel);
	}
	free(page);
}

/* Check the list of files and every file on it. */
static void check_site(void)
{
	char path[4300];
	size_t len = 0;
	char *list;
	char *line;

	snprintf(path, sizeof(path), "%s/.codekb-site", site);
	list = read_file(path, &len);
	if (!list)
		fail("no list of files", site);
	for (line = list; *line;) {
		char *end = strchr(line, '\n');
		struct stat st;
		char file[8400];

		if (!end)
			fail("the list does not end with a line end", line);
		*end = '\0';
		if (line[0] == '/' || strstr(line, "..") || strstr(line, "//") ||
		    strchr(line, '\r'))
			fail("the list names a path that is not plain", line);
		for (const char *p = line; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				fail("the list names a control character", line);
		snprintf(file, sizeof(file), "%s/%s", site, line);
		if (lstat(file, &st) < 0 || !S_ISREG(st.st_mode))
			fail("the list names no regular file", line);
		check_page(line);
		line = end + 1;
	}
	free(list);
}

/* Only the database and the site may be in the sandbox. */
static void check_box(void)
{
	DIR *d = opendir(box);
	struct dirent *e;

	if (!d)
		abort();
	while ((e = readdir(d)) != NULL) {
		const char *n = e->d_name;

		if (strcmp(n, ".") && strcmp(n, "..") && strcmp(n, "site") &&
		    strncmp(n, "kb.db", 5))
			fail("a file was written beside the site", n);
	}
	closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char summary[256];
	int jobs;

	if (size == 0)
		return 0;
	jobs = data[0] & 1 ? 2 : 1;
	remove_tree(site);
	unlink(db_path);
	write_file(db_path, base, base_len);
	write_values(data + 1, size - 1);
	if (export(jobs, summary, sizeof(summary)) != EXIT_OK)
		fail("the export failed", summary);
	check_site();
	if (export(jobs, summary, sizeof(summary)) != EXIT_OK ||
	    strncmp(summary, "0 files written,", 16) != 0)
		fail("a second export wrote files", summary);
	check_box();
	return 0;
}
