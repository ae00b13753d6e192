/*
 * cmd_mcp.c - `codekb mcp`: a Model Context Protocol server on stdin and
 * stdout, JSON-RPC 2.0 with one message a line (MCP revision 2025-06-18).
 *
 * Its tools are the commands: lookup is `show`, compare `compare`, search
 * `search`, list `list` and sql `sql`, each run by its own run() on the
 * read-only connection the other commands use, writing into a memory
 * stream instead of stdout: once in the command's default format (the
 * text content) and once as --format json (the structured content).  Its
 * resources are the code pages, codekb://LANG/PROTOCOL/CODE.
 *
 * Every message is read and every answer made with SQLite's JSON functions
 * on a connection of its own, in memory; only the bounds come first, in C:
 * a line longer than MCP_LINE_MAX, not UTF-8, or nested deeper than
 * MCP_DEPTH_MAX is refused before SQLite sees it.  An answer holds at most
 * MCP_RESULT_MAX bytes of a command's output, and the sql tool at most
 * MCP_SQL_ROWS rows.  Nothing is kept from one request to the next but the
 * prepared statements and the buffers, so memory stays flat.
 */
#define _GNU_SOURCE /* fopencookie */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "db.h"
#include "embedded.h"
#include "strbuf.h"
#include "utf8.h"

#ifndef CODEKB_VERSION
#define CODEKB_VERSION "unknown"
#endif

/* The longest message line read, in bytes; a longer one is refused. */
#define MCP_LINE_MAX (1024 * 1024)
/* The deepest nesting of arrays and objects in a message. */
#define MCP_DEPTH_MAX 64
/* The most bytes of a command's output that one answer carries. */
#define MCP_RESULT_MAX (1024 * 1024)
/* The most rows the sql tool returns. */
#define MCP_SQL_ROWS 1000
/* Resources in one page of resources/list. */
#define MCP_PAGE 100

/* The protocol revision of this server, and the older ones it also
 * speaks (an initialize asking for one of them gets it). */
static const char *const revisions[] = {
	"2025-06-18", "2025-03-26", "2024-11-05",
};

/* JSON-RPC's error codes, and MCP's for an unknown resource. */
enum rpc_error {
	RPC_PARSE = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_NO_METHOD = -32601,
	RPC_BAD_PARAMS = -32602,
	RPC_INTERNAL = -32603,
	RPC_NO_RESOURCE = -32002,
};

/* The tools, as tools/list gives them (joined by json_array() once). */
static const char *const tools_json[] = {
	"{\"name\":\"lookup\",\"title\":\"Look up a status code\","
	"\"description\":\"One code's page, as `codekb show PROTOCOL CODE`: "
	"reason phrase and its name in the language, class, defining RFC "
	"section, facts, description, when "
	"it is seen and how to fix it. Codes are typed as they are seen: 486, "
	"5.7.26, UNAVAILABLE.\","
	"\"inputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"protocol\":{\"type\":\"string\",\"description\":\"SIP, HTTP, SMTP, "
	"FTP, WS (WebSocket) or GRPC, in any case\"},"
	"\"code\":{\"type\":\"string\",\"description\":\"the code: 486, 5.7.26, "
	"UNAVAILABLE\"},"
	"\"vendor\":{\"type\":\"string\",\"description\":\"the meaning one "
	"vendor gives the number, e.g. nginx\"},"
	"\"lang\":{\"type\":\"string\",\"description\":\"a BCP 47 tag: en "
	"(default), zh, ja, ko, es, fr, de, pt-BR\"}},"
	"\"required\":[\"protocol\",\"code\"],\"additionalProperties\":false},"
	"\"outputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"protocol\":{\"type\":\"string\"},\"code\":{\"type\":\"string\"},"
	"\"reason\":{\"type\":\"string\"},"
	"\"name\":{\"type\":[\"string\",\"null\"]},\"lang\":{\"type\":\"string\"},"
	"\"class\":{\"type\":[\"string\",\"null\"]},\"reference\":{\"type\":[\"string\",\"null\"]},"
	"\"url\":{\"type\":[\"string\",\"null\"]},\"description\":{\"type\":[\"string\",\"null\"]},"
	"\"facts\":{\"type\":\"object\"},\"meanings\":{\"type\":\"array\"},"
	"\"equivalents\":{\"type\":\"array\"}},"
	"\"required\":[\"protocol\",\"code\",\"reason\"]},"
	"\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":false}}",
	"{\"name\":\"compare\",\"title\":\"Compare two status codes\","
	"\"description\":\"The comparison page of two codes, as `codekb "
	"compare PROTOCOL A B` (or `codekb compare PROTOCOL A PROTOCOL_B B` "
	"across protocols): what each means, the key differences and when to "
	"use which.\","
	"\"inputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"protocol\":{\"type\":\"string\",\"description\":\"the protocol of "
	"a (and of b, without protocol_b)\"},"
	"\"a\":{\"type\":\"string\",\"description\":\"the first code\"},"
	"\"b\":{\"type\":\"string\",\"description\":\"the second code\"},"
	"\"protocol_b\":{\"type\":\"string\",\"description\":\"the protocol of "
	"b, for a comparison across protocols (HTTP 503 with SIP 503)\"},"
	"\"vendor\":{\"type\":\"string\",\"description\":\"the meaning one "
	"vendor gives the side that has it\"},"
	"\"lang\":{\"type\":\"string\",\"description\":\"a BCP 47 tag, default "
	"en\"}},"
	"\"required\":[\"protocol\",\"a\",\"b\"],\"additionalProperties\":false},"
	"\"outputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"title\":{\"type\":\"string\"},\"protocol\":{\"type\":\"string\"},"
	"\"protocol_b\":{\"type\":\"string\"},\"lang\":{\"type\":\"string\"},"
	"\"intro\":{\"type\":[\"string\",\"null\"]},\"codes\":{\"type\":\"array\"}},"
	"\"required\":[\"title\",\"codes\"]},"
	"\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":false}}",
	"{\"name\":\"search\",\"title\":\"Search status codes\","
	"\"description\":\"Find codes, as `codekb search TEXT`: by number, "
	"prefix (48), class (4xx), reason phrase, old or new, localized name "
	"(未找到), search term (rate limit) or free text in any language (up "
	"to 256 characters); at most 50 results.  When nothing matches, it "
	"tries the nearest name (a typo) or the query's parts, and says so in "
	"note.\","
	"\"inputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"query\":{\"type\":\"string\",\"description\":\"what to look for\"},"
	"\"protocol\":{\"type\":\"string\",\"description\":\"only this "
	"protocol\"},"
	"\"lang\":{\"type\":\"string\",\"description\":\"a BCP 47 tag, default "
	"en\"}},"
	"\"required\":[\"query\"],\"additionalProperties\":false},"
	"\"outputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"rows\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	"\"properties\":{\"protocol\":{\"type\":\"string\"},"
	"\"code\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"},"
	"\"match\":{\"type\":[\"string\",\"null\"]}}}},"
	"\"note\":{\"type\":\"string\",\"description\":\"what was "
	"searched for instead, as \\\"did you mean\\\"\"}},"
	"\"required\":[\"rows\"]},"
	"\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":false}}",
	"{\"name\":\"list\",\"title\":\"List status codes\","
	"\"description\":\"The codes of a protocol, optionally of one class, "
	"as `codekb list --protocol P --class N`, with reason phrase, name in "
	"the language, class, status and vendor.\","
	"\"inputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"protocol\":{\"type\":\"string\",\"description\":\"the protocol\"},"
	"\"class\":{\"type\":\"string\",\"description\":\"only this class: "
	"4xx, or 4, or 5.7\"},"
	"\"lang\":{\"type\":\"string\",\"description\":\"a BCP 47 tag, default "
	"en\"}},"
	"\"required\":[\"protocol\"],\"additionalProperties\":false},"
	"\"outputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"rows\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
	"\"properties\":{\"protocol\":{\"type\":\"string\"},"
	"\"code\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"},"
	"\"name\":{\"type\":[\"string\",\"null\"]},"
	"\"class\":{\"type\":[\"string\",\"null\"]},\"status\":{\"type\":[\"string\",\"null\"]},"
	"\"vendor\":{\"type\":[\"string\",\"null\"]}}}}},"
	"\"required\":[\"rows\"]},"
	"\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":false}}",
	"{\"name\":\"sql\",\"title\":\"Run read-only SQL\","
	"\"description\":\"One read-only SELECT on the documented views "
	"(docs/views.md), as `codekb sql`: no writes, no ATTACH, no pragmas "
	"that set anything, a 5 s time limit, at most 1000 rows (truncated "
	"says if there were more) and 1 MiB of output.\","
	"\"inputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"sql\":{\"type\":\"string\",\"description\":\"one SELECT "
	"statement\"}},"
	"\"required\":[\"sql\"],\"additionalProperties\":false},"
	"\"outputSchema\":{\"type\":\"object\",\"properties\":{"
	"\"rows\":{\"type\":\"array\",\"items\":{\"type\":\"object\"}},"
	"\"truncated\":{\"type\":\"boolean\"}},"
	"\"required\":[\"rows\",\"truncated\"]},"
	"\"annotations\":{\"readOnlyHint\":true,\"openWorldHint\":false}}",
};

#define NTOOLS (sizeof(tools_json) / sizeof(tools_json[0]))

/* The statements of the JSON connection. */
enum js_stmt {
	/* :m is JSON */
	JS_VALID,
	/* the parts of a message :m */
	JS_PARSE,
	/* the type and value at path :p of :j */
	JS_GET,
	/* {"jsonrpc":"2.0","id":ID,"result":RESULT} */
	JS_RESULT,
	/* {"jsonrpc":"2.0","id":ID,"error":{"code":..,"message":..}} */
	JS_ERROR,
	/* a tools/call result */
	JS_TOOL,
	/* a resources/read result */
	JS_CONTENTS,
	/* a resources/list result */
	JS_RESOURCES,
	/* an initialize result */
	JS_INIT,
	/* the tools/list result, from the five tools */
	JS_JSON,
	/* the names of the arguments of a tools/call :j */
	JS_KEYS,
	JS_COUNT,
};

static const char *const js_sql[JS_COUNT] = {
	[JS_VALID] = "SELECT json_valid(:m)",
	[JS_PARSE] = "SELECT json_type(:m), json_type(:m, '$.jsonrpc'), "
		     ":m ->> '$.jsonrpc', json_type(:m, '$.id'), :m -> '$.id', "
		     "json_type(:m, '$.method'), :m ->> '$.method', "
		     "json_type(:m, '$.params'), :m -> '$.params'",
	[JS_GET] = "SELECT json_type(:j, :p), :j ->> :p",
	[JS_RESULT] = "SELECT json_object('jsonrpc', '2.0', 'id', json(:id), "
		      "'result', json(:result))",
	[JS_ERROR] = "SELECT json_object('jsonrpc', '2.0', 'id', json(:id), "
		     "'error', iif(:data IS NULL, "
		     "json_object('code', :code, 'message', :message), "
		     "json_object('code', :code, 'message', :message, "
		     "'data', json(:data))))",
	[JS_TOOL] = "SELECT iif(:json IS NULL, "
		    "json_object('content', json_array(json_object('type', "
		    "'text', 'text', :text)), 'isError', json(iif(:error, "
		    "'true', 'false'))), "
		    "json_object('content', json_array(json_object('type', "
		    "'text', 'text', iif(:note IS NULL, :text, "
		    ":note || char(10) || char(10) || :text))), "
		    "'structuredContent', "
		    "CASE WHEN NOT :wrap THEN json(:json) "
		    "WHEN :truncated IS NULL AND :note IS NULL "
		    "THEN json_object('rows', json(:json)) "
		    "WHEN :truncated IS NULL "
		    "THEN json_object('rows', json(:json), 'note', :note) "
		    "ELSE json_object('rows', json(:json), 'truncated', "
		    "json(iif(:truncated, 'true', 'false'))) END, "
		    "'isError', json('false')))",
	[JS_CONTENTS] = "SELECT json_object('contents', json_array("
			"json_object('uri', :uri, 'mimeType', 'text/markdown', "
			"'text', :text)))",
	[JS_RESOURCES] = "SELECT iif(:next IS NULL, "
			 "json_object('resources', json(:list)), "
			 "json_object('resources', json(:list), "
			 "'nextCursor', :next))",
	[JS_INIT] = "SELECT json_object('protocolVersion', :version, "
		    "'capabilities', json_object("
		    "'tools', json_object('listChanged', json('false')), "
		    "'resources', json_object('listChanged', json('false'), "
		    "'subscribe', json('false'))), "
		    "'serverInfo', json_object('name', 'codekb', "
		    "'title', 'codekb: protocol status codes', "
		    "'version', :server), "
		    "'instructions', :instructions)",
	[JS_JSON] = "SELECT json_object('tools', json_array(json(?1), json(?2), "
		    "json(?3), json(?4), json(?5)))",
	[JS_KEYS] = "SELECT key FROM json_each(:j, '$.arguments')",
};

/* The page of resources/list at :offset, as a JSON array, on the
 * database: one resource per code (a number with several meanings is one
 * page, which shows each), in English. */
static const char resources_sql[] =
	"SELECT json_group_array(json_object("
	"'uri', 'codekb://en/' || protocol || '/' || code, "
	"'name', protocol || ' ' || code, "
	"'title', protocol || ' ' || code || ' ' || reason, "
	"'mimeType', 'text/markdown')) FILTER (WHERE i <= :offset + :page), "
	"count(*) > :page FROM ("
	"SELECT protocol, code, reason, row_number() OVER (ORDER BY protocol, "
	"sort) AS i FROM ("
	"SELECT protocol, code, reason, sort, row_number() OVER ("
	"PARTITION BY protocol, code ORDER BY vendor <> '', vendor) AS n "
	"FROM code) WHERE n = 1 ORDER BY protocol, sort "
	"LIMIT :page + 1 OFFSET :offset)";

/* A memory stream that keeps at most MCP_RESULT_MAX bytes. */
struct capbuf {
	struct strbuf sb;
	/* more was written than it keeps, or memory ran out */
	int overflow;
};

struct mcp {
	/* the database connection and its path */
	struct ctx *ctx;
	/* the commands' statements, kept prepared between calls */
	struct cmd_cache cache;
	/* the JSON connection and its statements */
	sqlite3 *js;
	sqlite3_stmt *st[JS_COUNT];
	/* the tools list, minified */
	char *tools;
	/* where answers go */
	FILE *out;
	/* the line being handled, and the two outputs of a command */
	struct strbuf line;
	struct capbuf text;
	struct capbuf json;
	/* the id of the request being answered (JSON), or NULL */
	char *id;
	/* the params of that request (JSON), or NULL */
	char *params;
	/* set once an answer could not be written */
	int broken;
	/* the note of the last command run (struct ctx), or empty */
	struct kb_error note;
};

static ssize_t capbuf_write(void *cookie, const char *buf, size_t size)
{
	struct capbuf *cb = cookie;

	if (cb->overflow || cb->sb.len + size > MCP_RESULT_MAX ||
	    strbuf_add(&cb->sb, buf, size) < 0)
		cb->overflow = 1;
	/* taken whatever happens, so that the command runs to its end */
	return (ssize_t)size;
}

/* Step st (a statement of the JSON connection, its parameters bound) and
 * send its first column as one message line; resets st. */
static void send_stmt(struct mcp *m, sqlite3_stmt *st)
{
	const char *text = NULL;

	if (sqlite3_step(st) == SQLITE_ROW)
		text = (const char *)sqlite3_column_text(st, 0);
	if (!text) {
		/* only out of memory, or a fault of codekb's own */
		text = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
		       "-32603,\"message\":\"internal error: cannot build the "
		       "answer\"}}";
	}
	if (fputs(text, m->out) == EOF || fputc('\n', m->out) == EOF ||
	    fflush(m->out) == EOF)
		m->broken = 1;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void send_error(struct mcp *m, int code, const char *msg,
		       const char *data)
{
	sqlite3_stmt *st = m->st[JS_ERROR];

	db_bind_text(st, ":id", m->id);
	db_bind_int(st, ":code", code);
	db_bind_text(st, ":message", msg);
	db_bind_text(st, ":data", data);
	send_stmt(m, st);
}

/* Answer the request with result, a JSON text. */
static void send_result(struct mcp *m, const char *result)
{
	sqlite3_stmt *st = m->st[JS_RESULT];

	db_bind_text(st, ":id", m->id);
	db_bind_text(st, ":result", result);
	send_stmt(m, st);
}

/* Step st (its parameters bound) and answer with its first column as the
 * result; resets st. */
static void send_result_of(struct mcp *m, sqlite3_stmt *st)
{
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		char *result = strdup((const char *)sqlite3_column_text(st, 0));

		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (result)
			send_result(m, result);
		else
			send_error(m, RPC_INTERNAL, "out of memory", NULL);
		free(result);
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	send_error(m, RPC_INTERNAL, "internal error: cannot build the answer",
		   NULL);
}

/*
 * The member at path (e.g. "$.arguments.code") of the JSON text j: its
 * json_type() into *type ("" if it is missing) and, for a string, its
 * value into *value (malloc'ed).  Returns 0, or -1 if out of memory.
 */
static int get_member(struct mcp *m, const char *j, const char *path,
		      char *type, size_t type_size, char **value)
{
	sqlite3_stmt *st = m->st[JS_GET];
	int rc = 0;

	*value = NULL;
	type[0] = '\0';
	if (!j)
		return 0;
	db_bind_text(st, ":j", j);
	db_bind_text(st, ":p", path);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
		snprintf(type, type_size, "%s",
			 (const char *)sqlite3_column_text(st, 0));
		if (strcmp(type, "text") == 0) {
			*value = strdup((const char *)sqlite3_column_text(st, 1));
			if (!*value)
				rc = -1;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/*
 * The string member name of the request's params (below "arguments" for
 * a tool) into *value (malloc'ed, NULL if it is missing).  Answers
 * -32602 and returns -1 if it is missing but required, or not a string.
 */
static int param_string(struct mcp *m, const char *below, const char *name,
			int required, char **value)
{
	char path[128];
	char type[16];
	char msg[256];

	snprintf(path, sizeof(path), "$.%s%s%s", below ? below : "",
		 below ? "." : "", name);
	if (get_member(m, m->params, path, type, sizeof(type), value) < 0) {
		send_error(m, RPC_INTERNAL, "out of memory", NULL);
		return -1;
	}
	if (*value || (!type[0] && !required))
		return 0;
	snprintf(msg, sizeof(msg), "%s '%s' %s", below ? "argument" : "param",
		 name, type[0] ? "must be a string" : "is required");
	send_error(m, RPC_BAD_PARAMS, msg, NULL);
	return -1;
}

/*
 * Run cmd with the options o in lang (NULL: en), writing into cb in fmt;
 * row_limit bounds the rows of `sql`.  Returns the command's exit status,
 * with err set on failure (a result that outgrew MCP_RESULT_MAX is one);
 * *limited says if rows were left out.
 */
static int run_cmd(struct mcp *m, const struct cmd *cmd, struct opts *o,
		   const char *lang, enum format fmt, long row_limit,
		   struct capbuf *cb, struct capbuf *json, struct kb_error *err,
		   int *limited)
{
	static const cookie_io_functions_t io = {.write = capbuf_write};
	struct ctx c;
	int status;
	FILE *json_out = NULL;

	memset(&c, 0, sizeof(c));
	c.db = m->ctx->db;
	c.db_path = m->ctx->db_path;
	c.o = o;
	c.fmt = fmt;
	c.row_limit = row_limit;
	c.cache = &m->cache;
	strbuf_reset(&cb->sb);
	cb->overflow = 0;
	if (lang_resolve(c.db, sql_queries_query, lang ? lang : "en", c.lang,
			 &c.err) < 0) {
		*err = c.err;
		return EXIT_USAGE;
	}
	if (json) {
		strbuf_reset(&json->sb);
		json->overflow = 0;
		json_out = c.json_out = fopencookie(json, "w", io);
	}
	c.out = fopencookie(cb, "w", io);
	if (!c.out || (json && !json_out)) {
		if (c.out)
			fclose(c.out);
		if (json_out)
			fclose(json_out);
		kb_error_set(err, "out of memory");
		return EXIT_FAIL;
	}
	status = cmd->run(&c);
	m->note = c.note;
	fclose(c.out);
	if (json_out) {
		fclose(json_out);
		if (status == EXIT_OK && !json->sb.len && !json->overflow) {
			kb_error_set(&c.err, "%s gave no JSON", cmd->name);
			status = EXIT_FAIL;
		}
		cb->overflow |= json->overflow;
	}
	if (status == EXIT_OK && cb->overflow) {
		if (cb->sb.failed)
			kb_error_set(&c.err, "out of memory");
		else
			kb_error_set(&c.err, "the result is larger than the %d "
				     "MiB an answer holds; ask for less (add a "
				     "LIMIT, fewer columns)",
				     MCP_RESULT_MAX / (1024 * 1024));
		status = EXIT_FAIL;
	}
	if (status != EXIT_OK && !c.err.msg[0])
		kb_error_set(&c.err, "%s failed", cmd->name);
	*err = c.err;
	if (limited)
		*limited = c.row_limited;
	return status;
}

/* Answer a tools/call with a tool error: isError and the message. */
static void send_tool_error(struct mcp *m, const char *msg)
{
	sqlite3_stmt *st = m->st[JS_TOOL];

	db_bind_text(st, ":text", msg);
	db_bind_int(st, ":error", 1);
	send_result_of(m, st);
}

/* The arguments of a tool, each a string or missing. */
struct tool_args {
	const char *names[6];
	char *values[6];
};

static void tool_args_free(struct tool_args *a)
{
	for (size_t i = 0; i < 6; i++)
		free(a->values[i]);
}

/* The value of argument name, or NULL. */
static char *arg(const struct tool_args *a, const char *name)
{
	size_t len = strlen(name);

	for (size_t i = 0; i < 6 && a->names[i]; i++)
		if (strncmp(a->names[i], name, len) == 0 &&
		    (a->names[i][len] == '\0' || a->names[i][len] == '*'))
			return a->values[i];
	return NULL;
}

/* Answer -32602 and return -1 if the arguments have a name that is not
 * one of names (each maybe followed by '*'). */
static int known_args(struct mcp *m, const char *const *names)
{
	sqlite3_stmt *st = m->st[JS_KEYS];
	char msg[200];
	int rc = 0;

	db_bind_text(st, ":j", m->params);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t i = 0;

		for (; key && names[i]; i++) {
			size_t len = strcspn(names[i], "*");

			if (strlen(key) == len && strncmp(key, names[i], len) == 0)
				break;
		}
		if (!key || !names[i]) {
			snprintf(msg, sizeof(msg), "unknown argument '%.100s'",
				 key ? key : "");
			rc = -1;
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc < 0)
		send_error(m, RPC_BAD_PARAMS, msg, NULL);
	return rc;
}

/*
 * Read the tool's arguments: names lists them, a '*' after a name marks
 * it required.  Answers -32602 and returns -1 for a missing or mistyped
 * one, or an argument that the tool does not take.
 */
static int read_args(struct mcp *m, const char *const *names,
		     struct tool_args *a)
{
	char type[16];
	char *ignored;

	memset(a, 0, sizeof(*a));
	if (get_member(m, m->params, "$.arguments", type, sizeof(type),
		       &ignored) < 0) {
		send_error(m, RPC_INTERNAL, "out of memory", NULL);
		return -1;
	}
	free(ignored);
	if (type[0] && strcmp(type, "object") != 0) {
		send_error(m, RPC_BAD_PARAMS, "arguments must be an object", NULL);
		return -1;
	}
	for (size_t i = 0; names[i]; i++) {
		char name[32];
		size_t len = strcspn(names[i], "*");

		snprintf(name, sizeof(name), "%.*s", (int)len, names[i]);
		a->names[i] = names[i];
		if (param_string(m, "arguments", name, names[i][len] == '*',
				 &a->values[i]) < 0)
			return -1;
	}
	return type[0] ? known_args(m, names) : 0;
}

/* Run cmd for the text and the structured content and answer with the
 * tool's result: a page (paged: show, compare) in Markdown with its JSON
 * from the same step; rows twice, in the command's format and as JSON,
 * then put into {"rows": [...]}. */
static void tool_run(struct mcp *m, const struct cmd *cmd, struct opts *o,
		     const char *lang, int paged, long row_limit)
{
	int wrap = !paged;
	struct kb_error err;
	sqlite3_stmt *st = m->st[JS_TOOL];
	int limited = 0;

	err.msg[0] = '\0';
	/* a page gives its JSON from the same step; rows need a second run */
	if (paged ? run_cmd(m, cmd, o, lang, FMT_MD, 0, &m->text, &m->json,
			    &err, NULL) != EXIT_OK
		  : run_cmd(m, cmd, o, lang, FMT_JSON, row_limit, &m->json, NULL,
			    &err, &limited) != EXIT_OK ||
		    run_cmd(m, cmd, o, lang, cmd->default_format, row_limit,
			    &m->text, NULL, &err, NULL) != EXIT_OK) {
		send_tool_error(m, err.msg);
		return;
	}
	db_bind_text(st, ":text", m->text.sb.buf);
	/* no statement (only a comment) printed no rows */
	db_bind_text(st, ":json", m->json.sb.len ? m->json.sb.buf : "[]");
	db_bind_int(st, ":wrap", wrap);
	db_bind_text(st, ":note", m->note.msg[0] ? m->note.msg : NULL);
	if (row_limit)
		db_bind_int(st, ":truncated", limited);
	db_bind_int(st, ":error", 0);
	send_result_of(m, st);
}

static void tools_call(struct mcp *m)
{
	static const char *const lookup_args[] = {"protocol*", "code*", "vendor",
						  "lang", NULL};
	static const char *const compare_args[] = {"protocol*", "a*", "b*",
						   "protocol_b", "vendor",
						   "lang", NULL};
	static const char *const search_args[] = {"query*", "protocol", "lang",
						  NULL};
	static const char *const list_args[] = {"protocol*", "class", "lang",
						NULL};
	static const char *const sql_args[] = {"sql*", NULL};
	struct tool_args a;
	struct opts o;
	char *argv[5] = {0};
	char *name = NULL;

	memset(&a, 0, sizeof(a));
	if (param_string(m, NULL, "name", 1, &name) < 0)
		return;
	memset(&o, 0, sizeof(o));
	o.args = argv;
	if (strcmp(name, "lookup") == 0) {
		if (read_args(m, lookup_args, &a) == 0) {
			argv[0] = arg(&a, "protocol");
			argv[1] = arg(&a, "code");
			o.nargs = 2;
			o.vendor = arg(&a, "vendor");
			tool_run(m, &cmd_show, &o, arg(&a, "lang"), 1, 0);
		}
	} else if (strcmp(name, "compare") == 0) {
		if (read_args(m, compare_args, &a) == 0) {
			argv[0] = arg(&a, "protocol");
			argv[1] = arg(&a, "a");
			argv[2] = arg(&a, "b");
			o.nargs = 3;
			if (arg(&a, "protocol_b")) {
				argv[2] = arg(&a, "protocol_b");
				argv[3] = arg(&a, "b");
				o.nargs = 4;
			}
			o.vendor = arg(&a, "vendor");
			tool_run(m, &cmd_compare, &o, arg(&a, "lang"), 1, 0);
		}
	} else if (strcmp(name, "search") == 0) {
		if (read_args(m, search_args, &a) == 0) {
			argv[0] = arg(&a, "query");
			o.nargs = 1;
			o.protocol = arg(&a, "protocol");
			tool_run(m, &cmd_search, &o, arg(&a, "lang"), 0, 0);
		}
	} else if (strcmp(name, "list") == 0) {
		if (read_args(m, list_args, &a) == 0) {
			o.protocol = arg(&a, "protocol");
			o.class_label = arg(&a, "class");
			tool_run(m, &cmd_list, &o, arg(&a, "lang"), 0, 0);
		}
	} else if (strcmp(name, "sql") == 0) {
		if (read_args(m, sql_args, &a) == 0) {
			argv[0] = arg(&a, "sql");
			o.nargs = 1;
			tool_run(m, &cmd_sql, &o, NULL, 0, MCP_SQL_ROWS);
		}
	} else {
		char msg[256];

		snprintf(msg, sizeof(msg), "unknown tool '%.100s'; the tools: "
			 "lookup, compare, search, list, sql", name);
		send_error(m, RPC_BAD_PARAMS, msg, NULL);
		free(name);
		return;
	}
	tool_args_free(&a);
	free(name);
}

static void initialize(struct mcp *m)
{
	sqlite3_stmt *st = m->st[JS_INIT];
	const char *version = revisions[0];
	char *asked = NULL;

	if (param_string(m, NULL, "protocolVersion", 0, &asked) < 0)
		return;
	for (size_t i = 0; asked && i < sizeof(revisions) / sizeof(revisions[0]); i++)
		if (strcmp(asked, revisions[i]) == 0)
			version = revisions[i];
	db_bind_text(st, ":version", version);
	db_bind_text(st, ":server", CODEKB_VERSION);
	db_bind_text(st, ":instructions",
		     "codekb knows the status codes of SIP, HTTP, SMTP, FTP, "
		     "WebSocket and gRPC, and vendors' unregistered ones: look "
		     "one up, compare two, search by number or text, list a "
		     "protocol's codes, or query the documented views with "
		     "read-only SQL. Pages come in en, zh, ja, ko, es, fr, de "
		     "and pt-BR.");
	send_result_of(m, st);
	free(asked);
}

static void resources_list(struct mcp *m)
{
	sqlite3_stmt *st = NULL;
	char *cursor = NULL;
	char next[32];
	long offset = 0;

	if (param_string(m, NULL, "cursor", 0, &cursor) < 0)
		return;
	if (cursor) {
		char *end;

		offset = strtol(cursor, &end, 10);
		if (!*cursor || *end || offset < 0 || offset > 1000000000L) {
			free(cursor);
			send_error(m, RPC_BAD_PARAMS, "invalid cursor", NULL);
			return;
		}
		free(cursor);
	}
	if (sqlite3_prepare_v2(m->ctx->db, resources_sql, -1, &st, NULL) !=
	    SQLITE_OK) {
		send_error(m, RPC_INTERNAL, sqlite3_errmsg(m->ctx->db), NULL);
		return;
	}
	db_bind_int(st, ":page", MCP_PAGE);
	db_bind_int(st, ":offset", offset);
	if (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_stmt *r = m->st[JS_RESOURCES];
		const char *list = (const char *)sqlite3_column_text(st, 0);

		snprintf(next, sizeof(next), "%ld", offset + MCP_PAGE);
		db_bind_text(r, ":list", list ? list : "[]");
		db_bind_text(r, ":next", sqlite3_column_int(st, 1) ? next : NULL);
		send_result_of(m, r);
	} else {
		send_error(m, RPC_INTERNAL, sqlite3_errmsg(m->ctx->db), NULL);
	}
	sqlite3_finalize(st);
}

static void resources_templates(struct mcp *m)
{
	send_result(m, "{\"resourceTemplates\":[{"
		    "\"uriTemplate\":\"codekb://{lang}/{protocol}/{code}\","
		    "\"name\":\"code-page\",\"title\":\"A status code's page\","
		    "\"description\":\"The page of one code in one language, "
		    "as `codekb show PROTOCOL CODE --lang LANG`: lang is en, "
		    "zh, ja, ko, es, fr, de or pt-BR; protocol SIP, HTTP, SMTP, "
		    "FTP, WEBSOCKET or GRPC; code as it is seen (486, 5.7.26)\","
		    "\"mimeType\":\"text/markdown\"}]}");
}

/* codekb://LANG/PROTOCOL/CODE: the code page, in Markdown. */
static void resources_read(struct mcp *m)
{
	static const char scheme[] = "codekb://";
	char *uri = NULL;
	char *copy = NULL;
	char *parts[3] = {0};
	struct kb_error err;
	struct opts o;
	char *argv[2];
	sqlite3_stmt *st = m->st[JS_CONTENTS];
	size_t n = 0;

	if (param_string(m, NULL, "uri", 1, &uri) < 0)
		return;
	if (strncmp(uri, scheme, sizeof(scheme) - 1) == 0 &&
	    (copy = strdup(uri + sizeof(scheme) - 1)) != NULL) {
		char *p = copy;

		for (n = 0; n < 3 && p; n++) {
			parts[n] = p;
			p = strchr(p, '/');
			if (p)
				*p++ = '\0';
		}
		if (p || n != 3 || !*parts[0] || !*parts[1] || !*parts[2])
			n = 0;
	}
	if (n != 3) {
		send_error(m, RPC_BAD_PARAMS, "a resource of codekb is "
			   "codekb://LANG/PROTOCOL/CODE, such as "
			   "codekb://en/SIP/486", NULL);
		goto done;
	}
	memset(&o, 0, sizeof(o));
	argv[0] = parts[1];
	argv[1] = parts[2];
	o.args = argv;
	o.nargs = 2;
	err.msg[0] = '\0';
	if (run_cmd(m, &cmd_show, &o, parts[0], FMT_MD, 0, &m->text, NULL,
		    &err, NULL) != EXIT_OK) {
		sqlite3_stmt *d = NULL;
		char *data = NULL;

		/* data: {"uri": URI}, made by SQLite as the rest */
		if (sqlite3_prepare_v2(m->js, "SELECT json_object('uri', :uri)",
				       -1, &d, NULL) == SQLITE_OK) {
			db_bind_text(d, ":uri", uri);
			if (sqlite3_step(d) == SQLITE_ROW)
				data = strdup((const char *)sqlite3_column_text(d, 0));
			sqlite3_finalize(d);
		}
		send_error(m, RPC_NO_RESOURCE, err.msg, data);
		free(data);
		goto done;
	}
	db_bind_text(st, ":uri", uri);
	db_bind_text(st, ":text", m->text.sb.buf);
	send_result_of(m, st);
done:
	free(copy);
	free(uri);
}

/* Nesting of arrays and objects in s goes deeper than max (strings
 * skipped); bounded work before SQLite parses it. */
static int too_deep(const char *s, size_t len, int max)
{
	int depth = 0, in_string = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = 0;
		} else if (c == '"') {
			in_string = 1;
		} else if (c == '[' || c == '{') {
			if (++depth > max)
				return 1;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return 0;
}

/* Copy column i of st (NULL stays NULL); -1 if out of memory. */
static int copy_column(sqlite3_stmt *st, int i, char **out)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	*out = NULL;
	if (!t)
		return 0;
	*out = strdup((const char *)t);
	return *out ? 0 : -1;
}

/* Handle one message line of len bytes. */
static void handle(struct mcp *m, const char *line, size_t len)
{
	sqlite3_stmt *st;
	char type[16] = "", id_type[16] = "", method_type[16] = "";
	char params_type[16] = "";
	char *method = NULL;
	int has_version;

	free(m->id);
	free(m->params);
	m->id = m->params = NULL;
	if (utf8_invalid_at(line, len)) {
		send_error(m, RPC_PARSE, "parse error: the message is not "
			   "UTF-8 (or holds a NUL byte)", NULL);
		return;
	}
	if (too_deep(line, len, MCP_DEPTH_MAX)) {
		send_error(m, RPC_INVALID_REQUEST, "the message nests arrays "
			   "and objects deeper than 64", NULL);
		return;
	}
	st = m->st[JS_VALID];
	sqlite3_bind_text(st, 1, line, (int)len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0) != 1) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		send_error(m, RPC_PARSE, "parse error: the message is not JSON",
			   NULL);
		return;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	st = m->st[JS_PARSE];
	sqlite3_bind_text(st, 1, line, (int)len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		send_error(m, RPC_INTERNAL, "internal error: cannot read the "
			   "message", NULL);
		return;
	}
#define TYPE_OF(col, buf) snprintf(buf, sizeof(buf), "%s", \
	sqlite3_column_text(st, col) ? (const char *)sqlite3_column_text(st, col) : "")
	TYPE_OF(0, type);
	TYPE_OF(3, id_type);
	TYPE_OF(5, method_type);
	TYPE_OF(7, params_type);
#undef TYPE_OF
	has_version = sqlite3_column_text(st, 2) &&
		      strcmp((const char *)sqlite3_column_text(st, 1), "text") == 0 &&
		      strcmp((const char *)sqlite3_column_text(st, 2), "2.0") == 0;
	if ((strcmp(id_type, "integer") == 0 || strcmp(id_type, "text") == 0 ||
	     strcmp(id_type, "real") == 0) &&
	    copy_column(st, 4, &m->id) < 0) {
		sqlite3_reset(st);
		send_error(m, RPC_INTERNAL, "out of memory", NULL);
		return;
	}
	if (copy_column(st, 6, &method) < 0 || copy_column(st, 8, &m->params) < 0) {
		sqlite3_reset(st);
		send_error(m, RPC_INTERNAL, "out of memory", NULL);
		goto done;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (strcmp(type, "object") != 0) {
		send_error(m, RPC_INVALID_REQUEST, "invalid request: a message "
			   "is one JSON object (batches are not taken)", NULL);
		goto done;
	}
	/* a response to us, of which we asked none: nothing to answer */
	if (!method_type[0] && id_type[0])
		goto done;
	if (!has_version || strcmp(method_type, "text") != 0 ||
	    (id_type[0] && !m->id) ||
	    (params_type[0] && strcmp(params_type, "object") != 0)) {
		send_error(m, RPC_INVALID_REQUEST, "invalid request: it needs "
			   "\"jsonrpc\": \"2.0\", a string method, an id that "
			   "is a string or a number, and params, if any, an "
			   "object", NULL);
		goto done;
	}
	/* a notification gets no answer, whatever it is */
	if (!id_type[0])
		goto done;
	if (strcmp(method, "initialize") == 0)
		initialize(m);
	else if (strcmp(method, "ping") == 0)
		send_result(m, "{}");
	else if (strcmp(method, "tools/list") == 0)
		send_result(m, m->tools);
	else if (strcmp(method, "tools/call") == 0)
		tools_call(m);
	else if (strcmp(method, "resources/list") == 0)
		resources_list(m);
	else if (strcmp(method, "resources/templates/list") == 0)
		resources_templates(m);
	else if (strcmp(method, "resources/read") == 0)
		resources_read(m);
	else {
		char msg[160];

		snprintf(msg, sizeof(msg), "method not found: '%.100s'", method);
		send_error(m, RPC_NO_METHOD, msg, NULL);
	}
done:
	free(method);
}

/* Read one line into m->line, without its newline (or CR LF).  Returns 1,
 * 0 at the end of input, or -2 for a line longer than MCP_LINE_MAX, whose
 * rest is read and dropped. */
static int read_line(struct mcp *m, FILE *in)
{
	int c, got = 0, too_long = 0;

	strbuf_reset(&m->line);
	while ((c = getc_unlocked(in)) != EOF) {
		got = 1;
		if (c == '\n')
			break;
		if (m->line.len >= MCP_LINE_MAX)
			too_long = 1;
		else if (strbuf_addch(&m->line, c) < 0)
			too_long = 1;
	}
	if (!got)
		return 0;
	if (too_long)
		return -2;
	if (m->line.len && m->line.buf[m->line.len - 1] == '\r')
		m->line.buf[--m->line.len] = '\0';
	return 1;
}

static int setup(struct mcp *m, struct kb_error *err)
{
	sqlite3_stmt *st;

	if (sqlite3_open_v2(":memory:", &m->js, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
		return kb_error_set(err, "cannot open a memory database for "
				    "JSON: %s", m->js ? sqlite3_errmsg(m->js) :
				    "out of memory");
	for (int i = 0; i < JS_COUNT; i++)
		if (sqlite3_prepare_v3(m->js, js_sql[i], -1,
				       SQLITE_PREPARE_PERSISTENT, &m->st[i],
				       NULL) != SQLITE_OK)
			return kb_error_set(err, "cannot prepare JSON statement "
					    "%d: %s", i, sqlite3_errmsg(m->js));
	st = m->st[JS_JSON];
	for (size_t i = 0; i < NTOOLS; i++)
		sqlite3_bind_text(st, (int)i + 1, tools_json[i], -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		m->tools = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (!m->tools)
		return kb_error_set(err, "cannot read the tools' list: %s",
				    sqlite3_errmsg(m->js));
	return 0;
}

static int run(struct ctx *ctx)
{
	struct mcp m;
	int status = EXIT_OK;
	int got;

	memset(&m, 0, sizeof(m));
	m.ctx = ctx;
	m.out = ctx->out;
	strbuf_init(&m.line);
	strbuf_init(&m.text.sb);
	strbuf_init(&m.json.sb);
	/* a client that goes away is the end of input, not a signal */
	signal(SIGPIPE, SIG_IGN);
	if (setup(&m, &ctx->err) < 0)
		status = EXIT_FAIL;
	while (status == EXIT_OK && !m.broken &&
	       (got = read_line(&m, stdin)) != 0) {
		if (got == -2) {
			free(m.id);
			m.id = NULL;
			send_error(&m, RPC_INVALID_REQUEST, "the message is longer "
				   "than 1 MiB", NULL);
		} else if (m.line.len) {
			handle(&m, m.line.buf, m.line.len);
		}
	}
	for (int i = 0; i < JS_COUNT; i++)
		sqlite3_finalize(m.st[i]);
	sqlite3_close(m.js);
	cmd_cache_clear(&m.cache);
	free(m.tools);
	free(m.id);
	free(m.params);
	strbuf_release(&m.line);
	strbuf_release(&m.text.sb);
	strbuf_release(&m.json.sb);
	return status;
}

const struct cmd cmd_mcp = {
	"mcp",
	"",
	"Serve the knowledge base to AI assistants: a Model Context "
	"Protocol server on standard input and output, read-only and "
	"offline.",
	1 << FMT_JSON,
	FMT_JSON,
	0,
	0,
	run,
};
