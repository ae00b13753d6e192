-- 0002-search.sql: the search index (schema version 2).
--
-- search_doc holds every searchable string: each code's reason phrase and
-- former phrases, and every text in every language.  search_fts is an
-- FTS5 index over it with the trigram tokenizer, so Chinese and Japanese
-- are found without word segmentation.  Triggers keep search_doc current
-- with every write to `code` and `text`, and codekb-import brings the FTS
-- index up to date before it commits, so a search never sees an index
-- older than the data.

CREATE TABLE search_doc (
    id       INTEGER PRIMARY KEY,
    protocol TEXT NOT NULL,
    code     INTEGER NOT NULL,
    locale   TEXT NOT NULL,      -- '' for reason and former phrases
    kind     TEXT NOT NULL CHECK (kind IN ('reason', 'former', 'text')),
    field    TEXT NOT NULL,      -- the text's field, '' otherwise
    body     TEXT NOT NULL,
    UNIQUE (protocol, code, locale, kind, field)
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
    body, content = 'search_doc', content_rowid = 'id',
    tokenize = 'trigram');

-- Flush pending index data at 256 KB instead of 1 MB, so that a large
-- import's memory stays flat.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 262144);

-- Changes to search_doc wait in search_pending and reach the FTS index in
-- one batch at the end of each import, inside its transaction (see
-- search_flush in queries/import.sql).  Writing the index row by row costs
-- a flush of FTS5's pending data at every statement, which made imports
-- many times slower.  `indexed_body` is the text the index holds for the
-- document (NULL if it holds none yet), so that a batch can remove it.
CREATE TABLE search_pending (
    id           INTEGER PRIMARY KEY,
    indexed_body TEXT
) STRICT;

CREATE TRIGGER search_doc_insert AFTER INSERT ON search_doc BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_body)
    VALUES (NEW.id, NULL);
END;

CREATE TRIGGER search_doc_delete AFTER DELETE ON search_doc BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_body)
    VALUES (OLD.id, OLD.body);
END;

CREATE TRIGGER search_doc_update AFTER UPDATE ON search_doc BEGIN
    INSERT OR IGNORE INTO search_pending (id, indexed_body)
    VALUES (OLD.id, OLD.body);
END;

CREATE TRIGGER code_search_insert AFTER INSERT ON code BEGIN
    INSERT INTO search_doc (protocol, code, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, '', 'reason', '', NEW.reason);
    INSERT INTO search_doc (protocol, code, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, '', 'former', '', NEW.former
    WHERE NEW.former <> '';
END;

CREATE TRIGGER code_search_update AFTER UPDATE OF reason, former ON code BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code
      AND kind IN ('reason', 'former');
    INSERT INTO search_doc (protocol, code, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, '', 'reason', '', NEW.reason);
    INSERT INTO search_doc (protocol, code, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, '', 'former', '', NEW.former
    WHERE NEW.former <> '';
END;

CREATE TRIGGER code_search_delete AFTER DELETE ON code BEGIN
    DELETE FROM search_doc WHERE protocol = OLD.protocol AND code = OLD.code;
END;

CREATE TRIGGER text_search_insert AFTER INSERT ON text BEGIN
    INSERT INTO search_doc (protocol, code, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, NEW.locale, 'text', NEW.field, NEW.body);
END;

CREATE TRIGGER text_search_update AFTER UPDATE OF body ON text BEGIN
    UPDATE search_doc SET body = NEW.body
    WHERE protocol = OLD.protocol AND code = OLD.code AND locale = OLD.locale
      AND kind = 'text' AND field = OLD.field;
END;

CREATE TRIGGER text_search_delete AFTER DELETE ON text BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND locale = OLD.locale
      AND kind = 'text' AND field = OLD.field;
END;

-- Index what a version 1 database already holds (search_flush indexes it).
INSERT INTO search_doc (protocol, code, locale, kind, field, body)
SELECT protocol, code, '', 'reason', '', reason FROM code;
INSERT INTO search_doc (protocol, code, locale, kind, field, body)
SELECT protocol, code, '', 'former', '', former FROM code WHERE former <> '';
INSERT INTO search_doc (protocol, code, locale, kind, field, body)
SELECT protocol, code, locale, 'text', field, body FROM text;
