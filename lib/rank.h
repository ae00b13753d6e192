/*
 * rank.h - codekb_bm25(), FTS5's bm25 ranking with the document length
 * given by the caller.
 *
 * FTS5's own bm25() reads each matching document's length in tokens from
 * the index's docsize table, with a statement run per row: for a common
 * word on a large knowledge base that is most of the ranking's time.  A
 * document of the trigram index (search_fts) has one token per character
 * but the last two, so the search statement can give the length itself,
 * from the row of search_doc it reads anyway:
 *
 *     codekb_bm25(search_fts, max(length(d.body) - 2, 0))
 *
 * The score is otherwise bm25()'s exactly (k1 = 1.2, b = 0.75, the same
 * IDF and average length, one column, weight 1), and as with bm25() a
 * better match is a lower (more negative) number.
 */
#ifndef CODEKB_RANK_H
#define CODEKB_RANK_H

#include <sqlite3.h>

/* codekb_phrases(T) is how many of the query's phrases the row matches:
 * with the phrases of a query's parts OR-ed together, the number of its
 * parts that the document has. */

/* Register codekb_bm25() and codekb_phrases() with the FTS5 module of db;
 * an SQLite code. */
int rank_register(sqlite3 *db);

#endif
