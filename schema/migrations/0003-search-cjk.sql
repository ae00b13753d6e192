-- 0003-search-cjk.sql: the index of short CJK words (schema version 3).
--
-- The trigram index (0002) cannot look up a term of one or two characters,
-- and in Chinese and Japanese that is a whole word: 忙, 認証.  search_cjk
-- holds each document that has a CJK letter, as cjk_spaced() writes it:
-- the text with a space between every two adjacent CJK letters, which the
-- unicode61 tokenizer then reads as one token per letter.  A word of two
-- letters is a phrase of two tokens: search_cjk MATCH '"認 証"'.
--
-- The table is contentless: snippets come from search_doc.  cjk_spaced()
-- is a function of codekb's own (lib/cjk.c), so only codekb-import writes
-- this index; the sqlite3 shell can read it.  It is kept in step with
-- search_fts by the same queue and the same batch (search_flush in
-- queries/import.sql): it holds cjk_spaced() of exactly the text that
-- search_fts holds for each document.

CREATE VIRTUAL TABLE search_cjk USING fts5(
    body, content = '', tokenize = 'unicode61');

INSERT INTO search_cjk (search_cjk, rank) VALUES ('hashsize', 262144);

-- Start both indexes afresh from one state: empty the trigram index and
-- queue every document, so that the batch at the end of this upgrade
-- fills both from the same text.  (Plain SQL, so that the sqlite3 shell
-- also takes this file.)
INSERT INTO search_fts (search_fts) VALUES ('delete-all');
DELETE FROM search_pending;
INSERT INTO search_pending (id, indexed_body) SELECT id, NULL FROM search_doc;
