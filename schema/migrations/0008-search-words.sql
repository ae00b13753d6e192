-- 0008-search-words.sql: the vocabulary of names, for "did you mean",
-- and an index of the names alone (schema version 8).
--
-- search_word holds what a code can be called, each spelling once however
-- many codes share it: every reason phrase, former phrase and localized
-- name (kind 'name'), and every search term (kind 'term'), and the words of
-- four letters or more of each that has several ("gateway" of "Gateway
-- Timeout").  `word` is the case-folded spelling, `shown` one as written,
-- `chars` its length in characters, and `n` how many search documents
-- hold it.  A query that matches nothing is compared with the entries of
-- about its length, by edit distance (lib/similar.h): the vocabulary of a
-- language grows far more slowly than the number of codes, so that stays
-- fast on a large knowledge base.
--
-- search_word_doc names each search document whose entries are counted,
-- with its kind, so that a changed or deleted document's entries can be
-- taken back.  Both are kept by search_flush (queries/import.sql), with the
-- two indexes, from the documents of search_pending.
CREATE TABLE search_word (
    word  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('name', 'term')),
    shown TEXT NOT NULL,
    chars INTEGER NOT NULL,
    n     INTEGER NOT NULL,
    PRIMARY KEY (word, kind)
) STRICT, WITHOUT ROWID;

CREATE INDEX search_word_chars ON search_word (chars);

CREATE TABLE search_word_doc (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('name', 'term'))
) STRICT;

-- search_names is a trigram index of the documents that hold names and
-- terms alone (those of search_word_doc), kept by the same batch: a query
-- whose names and terms fill the page need not read the texts' much
-- larger index.  Contentless, like search_cjk: its text is search_doc's.
CREATE VIRTUAL TABLE search_names USING fts5(
    body, content = '', tokenize = 'trigram');

-- Search ranks the codes of a whole name by how many others name them as
-- their equivalent, from either side of the pair.
CREATE INDEX equivalent_b ON equivalent (protocol_b, code_b, vendor_b);

-- Queue the documents that hold names and terms, with the text the
-- indexes already hold for them, so that the batch at the end of this
-- upgrade counts their entries and indexes them in search_names (and
-- indexes them again, unchanged, in the other two).
INSERT OR IGNORE INTO search_pending (id, indexed_body)
SELECT id, body FROM search_doc
WHERE kind IN ('reason', 'former') OR field IN ('name', 'terms');
