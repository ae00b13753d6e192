/*
 * rank.c - codekb_bm25(): bm25 as FTS5 computes it (fts5_aux.c), with the
 * document length an argument instead of a docsize lookup; and
 * codekb_phrases(), the number of the query's phrases a row matches.
 */
#include "rank.h"

#include <math.h>
#include <string.h>

/* Per query: the IDF of each phrase and the average document length. */
struct bm25_data {
	int nphrase;
	double avgdl;
	double *idf;
	double *freq;
};

static void bm25_data_free(void *p)
{
	sqlite3_free(p);
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts,
		     void *user)
{
	(void)api;
	(void)fts;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

/* The query's bm25_data, computed on the first row and kept as auxdata. */
static int bm25_data(const Fts5ExtensionApi *api, Fts5Context *fts,
		     struct bm25_data **out)
{
	struct bm25_data *d = api->xGetAuxdata(fts, 0);
	sqlite3_int64 nrow = 0, ntoken = 0;
	int nphrase;
	int rc;

	if (d) {
		*out = d;
		return SQLITE_OK;
	}
	nphrase = api->xPhraseCount(fts);
	d = sqlite3_malloc64(sizeof(*d) + 2 * sizeof(double) * (size_t)nphrase);
	if (!d)
		return SQLITE_NOMEM;
	memset(d, 0, sizeof(*d));
	d->nphrase = nphrase;
	d->idf = (double *)(d + 1);
	d->freq = d->idf + nphrase;
	rc = api->xRowCount(fts, &nrow);
	if (rc == SQLITE_OK)
		rc = api->xColumnTotalSize(fts, -1, &ntoken);
	if (rc == SQLITE_OK)
		d->avgdl = nrow ? (double)ntoken / (double)nrow : 0.0;
	for (int i = 0; rc == SQLITE_OK && i < nphrase; i++) {
		sqlite3_int64 nhit = 0;

		rc = api->xQueryPhrase(fts, i, &nhit, count_row);
		if (rc == SQLITE_OK) {
			double idf = log((nrow - nhit + 0.5) / (nhit + 0.5));

			d->idf[i] = idf <= 0.0 ? 1e-6 : idf;
		}
	}
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, d, bm25_data_free);
	else
		sqlite3_free(d);
	if (rc == SQLITE_OK)
		*out = d;
	return rc;
}

static void codekb_bm25(const Fts5ExtensionApi *api, Fts5Context *fts,
			sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	const double k1 = 1.2;
	const double b = 0.75;
	struct bm25_data *d = NULL;
	double score = 0.0;
	double len;
	int ninst = 0;
	int rc;

	if (nval != 1 || sqlite3_value_type(val[0]) == SQLITE_NULL) {
		sqlite3_result_error(ctx, "codekb_bm25: give the document's "
				     "length in tokens", -1);
		return;
	}
	len = sqlite3_value_double(val[0]);
	rc = bm25_data(api, fts, &d);
	if (rc == SQLITE_OK) {
		memset(d->freq, 0, sizeof(double) * (size_t)d->nphrase);
		rc = api->xInstCount(fts, &ninst);
	}
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int phrase, col, off;

		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && phrase >= 0 && phrase < d->nphrase)
			d->freq[phrase] += 1.0;
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	for (int i = 0; i < d->nphrase; i++)
		score += d->idf[i] * (d->freq[i] * (k1 + 1.0)) /
			 (d->freq[i] +
			  k1 * (1 - b + b * len / (d->avgdl > 0 ? d->avgdl : 1)));
	sqlite3_result_double(ctx, -1.0 * score);
}

/* codekb_phrases(T): how many of the query's phrases this row matches. */
static void codekb_phrases(const Fts5ExtensionApi *api, Fts5Context *fts,
			   sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	int nphrase = api->xPhraseCount(fts);
	unsigned char *seen;
	int ninst = 0;
	int count = 0;
	int rc;

	(void)nval;
	(void)val;
	seen = sqlite3_malloc64(nphrase > 0 ? (sqlite3_uint64)nphrase : 1);
	if (!seen) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	memset(seen, 0, nphrase > 0 ? (size_t)nphrase : 1);
	rc = api->xInstCount(fts, &ninst);
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int phrase, col, off;

		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && phrase >= 0 && phrase < nphrase &&
		    !seen[phrase]) {
			seen[phrase] = 1;
			count++;
		}
	}
	sqlite3_free(seen);
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_int(ctx, count);
}

int rank_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	rc = sqlite3_finalize(st);
	if (rc != SQLITE_OK)
		return rc;
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	rc = api->xCreateFunction(api, "codekb_bm25", NULL, codekb_bm25, NULL);
	if (rc == SQLITE_OK)
		rc = api->xCreateFunction(api, "codekb_phrases", NULL,
					  codekb_phrases, NULL);
	return rc;
}
