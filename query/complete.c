/*
 * complete.c - `codekb --complete WHAT [ARG] [PREFIX]`: the candidates that
 * the shell completions (completion/) offer, one a line, so that no list
 * is written twice.  See complete.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "complete.h"
#include "db.h"

/* What to print, and how many candidates were printed. */
struct out {
	const char *prefix;
	int n;
};

static void offer(struct out *out, const char *word)
{
	if (!word || strncmp(word, out->prefix, strlen(out->prefix)) != 0)
		return;
	puts(word);
	out->n++;
}

/* Each option that command takes (every option if NULL): "--name",
 * then " VALUE" if it takes one, then " -n" if it has a short form. */
static void options(struct out *out, const struct cmd *command)
{
	for (const struct parseopt *o = opts_table; o->type != OPTION_END; o++) {
		if (command && !parseopt_takes(o, command->name))
			continue;
		printf("--%s", o->long_name);
		if (o->argname)
			printf(" %s", o->argname);
		if (o->short_name)
			printf(" -%c", o->short_name);
		putchar('\n');
		out->n++;
	}
}

/* The words of cmd's first argument if it is a choice ("codes|texts"). */
static void choices(struct out *out, const struct cmd *cmd)
{
	const char *p = cmd->args;
	char word[64];

	if (!p[0] || p[strspn(p, "abcdefghijklmnopqrstuvwxyz|")] != '\0' ||
	    !strchr(p, '|'))
		return;
	while (*p) {
		size_t n = strcspn(p, "|");

		if (n < sizeof(word)) {
			memcpy(word, p, n);
			word[n] = '\0';
			offer(out, word);
		}
		p += n + (p[n] == '|');
	}
}

/* Every row's first column of sql, with ?1 bound to param. */
static int from_db(struct out *out, const struct opts *o, const char *sql,
		   const char *param)
{
	char *path = db_choose_path(o->db);
	struct kb_error err = {0};
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int status = EXIT_FAIL;

	if (!path)
		return EXIT_FAIL;
	if (db_open(path, DB_READONLY, &db, &err) == 0 &&
	    db_check_schema(db, path, &err) == 0 &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		int rc;

		if (param)
			sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			offer(out, (const char *)sqlite3_column_text(st, 0));
		status = rc == SQLITE_DONE ? EXIT_OK : EXIT_FAIL;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	free(path);
	return status;
}

/* A protocol by its id or an alias, in any case, as `show` takes it. */
static const char resolve[] =
	"(SELECT id FROM protocol WHERE id = upper(?1) UNION ALL "
	"SELECT id FROM protocol WHERE aliases <> '' AND "
	"instr(' ' || aliases || ' ', ' ' || upper(?1) || ' ') > 0 LIMIT 1)";

int complete_main(int argc, char **argv)
{
	struct opts o;
	struct kb_error err = {0};
	struct out out = {"", 0};
	const char *what;
	const char *arg;
	char sql[512];
	int status = EXIT_OK;

	if (opts_parse(argc, argv, &o, &err) != PARSEOPT_OK || !o.command) {
		opts_release(&o);
		fputs("codekb: usage: codekb --complete WHAT [ARG] [PREFIX]\n",
		      stderr);
		return EXIT_USAGE;
	}
	what = o.command;
	arg = o.nargs > 0 ? o.args[0] : NULL;
	/* the last argument is the prefix, for the WHATs that take one */
	if (strcmp(what, "commands") == 0 || strcmp(what, "protocols") == 0 ||
	    strcmp(what, "languages") == 0) {
		out.prefix = arg ? arg : "";
		arg = NULL;
	} else if (o.nargs > 1) {
		out.prefix = o.args[1];
	}
	if (strcmp(what, "commands") == 0) {
		for (size_t i = 0; cmd_table[i]; i++)
			offer(&out, cmd_table[i]->name);
	} else if (strcmp(what, "options") == 0) {
		options(&out, arg ? cmd_find(arg) : NULL);
	} else if (strcmp(what, "formats") == 0 || strcmp(what, "choices") == 0) {
		const struct cmd *cmd = arg ? cmd_find(arg) : NULL;

		if (cmd && what[0] == 'f') {
			for (int f = FMT_TABLE; f <= FMT_JSON; f++)
				if (cmd->formats & (1u << f))
					offer(&out, format_name((enum format)f));
		} else if (cmd) {
			choices(&out, cmd);
		}
	} else if (strcmp(what, "protocols") == 0) {
		status = from_db(&out, &o, "SELECT id FROM protocol ORDER BY id",
				 NULL);
	} else if (strcmp(what, "languages") == 0) {
		status = from_db(&out, &o, "SELECT locale FROM ui UNION "
				 "SELECT locale FROM text ORDER BY 1",
				 NULL);
	} else if (strcmp(what, "vendors") == 0) {
		snprintf(sql, sizeof(sql), "SELECT DISTINCT vendor FROM code "
			 "WHERE vendor <> '' AND (?1 IS NULL OR protocol = %s) "
			 "ORDER BY vendor", resolve);
		status = from_db(&out, &o, sql, arg ? arg : o.protocol);
	} else if (strcmp(what, "classes") == 0) {
		snprintf(sql, sizeof(sql), "SELECT label FROM class WHERE "
			 "protocol = %s ORDER BY lo, label", resolve);
		status = from_db(&out, &o, sql, arg ? arg : o.protocol);
	} else if (strcmp(what, "codes") == 0) {
		snprintf(sql, sizeof(sql), "SELECT code FROM code WHERE "
			 "protocol = %s GROUP BY code ORDER BY min(sort), code",
			 resolve);
		status = arg ? from_db(&out, &o, sql, arg) : EXIT_USAGE;
	} else {
		fprintf(stderr, "codekb: --complete: unknown WHAT '%s'\n", what);
		status = EXIT_USAGE;
	}
	opts_release(&o);
	return status;
}
