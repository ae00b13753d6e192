/*
 * fill.h - the one template engine of codekb's pages.
 *
 * A template is a UI string with {named} placeholders ("{a} ({a_reason})
 * vs {b}").  Every sentence of every page is made by the SQL function
 * fill(), which both programs register on every connection:
 *
 *     fill(template, values, ...)
 *
 * Each `values` argument is a JSON object, as json_object() makes it;
 * a placeholder takes the value of the first object that has its name.
 * A template may also choose a word's form by the value it fills:
 * {name|TEST:FORM|...|FORM} gives the form that name's value chooses, not
 * the value (grammar.h): "{a}{a|final:은|는}" puts the right Korean
 * particle after a code, "{n} {n|=1:code|codes}" counts.
 * Strings go in as they are (they are never read as templates again),
 * numbers as written, and a placeholder whose name no object has, or whose
 * value is null, is left in the text as it was, so that it shows.  A NULL
 * template gives NULL; a NULL object is skipped.
 *
 *     join_list(item, comma, last)
 *
 * is an aggregate that joins its items with two templates of {a} and {b}:
 * "x", "x or y", "x, y or z" for comma "{a}, {b}" and last "{a} or {b}".
 *
 *     differing_keys(order, a, b)
 *
 * gives the members of the object `order`, in its order and with its
 * values, whose names have different values in the objects a and b: one
 * has the name and the other has not (or has it as null), or their JSON
 * texts differ.  A comparison page finds the kinds of fact that tell two
 * codes apart this way, without looking up every kind in both:
 * differing_keys('{"x":1,"y":2,"z":3}', '{"x":[1],"y":[2]}', '{"y":[2],
 * "z":[4]}') is {"x":1,"z":3}.
 *
 *     first_sentence(text, phrase)
 *
 * is the first sentence of text: up to its first "。", or else its first
 * ". " that is not within an occurrence of phrase, the reason phrase the
 * text names ("1010 Mandatory Ext. bedeutet, ..." does not end after
 * "Ext."); the whole text if it has neither.  NULL gives NULL.
 *
 * `codekb check` turns on a log of the placeholders left unfilled
 * (fill_log_start), renders every page, and reads the log: every
 * unfilled placeholder is then reported with the template it is in,
 * although fill() never changes what a page shows.  The log is the
 * process's, for all connections, and costs nothing while it is off.
 */
#ifndef CODEKB_FILL_H
#define CODEKB_FILL_H

#include <sqlite3.h>

#include "strbuf.h"

/* The most placeholders one object may name; more is an error. */
#define FILL_MAX_NAMES 64

/* Register fill(), differing_keys(), first_sentence() and join_list() on db.  Returns an SQLite result code. */
int fill_register(sqlite3 *db);

/*
 * Start logging the placeholders that fill() leaves unfilled, and forget
 * what was logged before.
 */
void fill_log_start(void);

/*
 * Append to out one line "TEMPLATE\tNAME\n" for each distinct template and
 * placeholder left unfilled since fill_log_start(), in the order they were
 * first met, and stop logging.  Returns the number of lines, or -1 if
 * memory ran out (also when logging did).
 */
long fill_log_take(struct strbuf *out);

#endif
