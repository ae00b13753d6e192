-- 0007-names.sql: each code's name in each language, and the words people
-- type when they look for it (schema version 7).
--
-- The wire phrase ("Not Found") stays the code's reason; `name` is what
-- the language's documentation calls the code (zh 未找到), NULL where the
-- row carries only search terms (English, whose name is the reason).
-- `terms` are the words engineers type that the name and the texts may
-- lack (zh 486: 占线|忙线), '|' between them, '' for none.  `source` is the
-- reason phrase the row was written for: when the reason changes, the
-- name is stale.  A name and its terms are search documents (kind
-- 'text', field 'name' or 'terms'), so that search finds a code by them.
CREATE TABLE code_name (
    protocol TEXT NOT NULL,
    code     TEXT NOT NULL,
    vendor   TEXT NOT NULL DEFAULT '',
    locale   TEXT NOT NULL REFERENCES locale(tag),
    name     TEXT CHECK (name IS NULL OR (name <> '' AND name = trim(name))),
    terms    TEXT NOT NULL DEFAULT ''
             CHECK (terms = trim(terms) AND terms NOT GLOB '*||*'
                    AND terms NOT GLOB '|*' AND terms NOT GLOB '*|'),
    source   TEXT NOT NULL,
    PRIMARY KEY (protocol, code, vendor, locale),
    FOREIGN KEY (protocol, code, vendor)
        REFERENCES code(protocol, code, vendor) ON DELETE CASCADE,
    CHECK (name IS NOT NULL OR terms <> '')
) STRICT;

CREATE TRIGGER name_search_insert AFTER INSERT ON code_name BEGIN
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, NEW.locale, 'text', 'name',
           NEW.name
    WHERE NEW.name IS NOT NULL;
    -- the terms one per line, so that each is matched on its own
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, NEW.locale, 'text', 'terms',
           replace(NEW.terms, '|', char(10))
    WHERE NEW.terms <> '';
END;

CREATE TRIGGER name_search_update AFTER UPDATE OF name, terms ON code_name
BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor
      AND locale = OLD.locale AND kind = 'text' AND field IN ('name', 'terms');
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, NEW.locale, 'text', 'name',
           NEW.name
    WHERE NEW.name IS NOT NULL;
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, NEW.locale, 'text', 'terms',
           replace(NEW.terms, '|', char(10))
    WHERE NEW.terms <> '';
END;

CREATE TRIGGER name_search_delete AFTER DELETE ON code_name BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor
      AND locale = OLD.locale AND kind = 'text' AND field IN ('name', 'terms');
END;
