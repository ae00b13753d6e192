-- 0004-code-keys.sql: codes that are not integers, several meanings for
-- one number, equivalents across protocols (schema version 4).
--
-- A code's key becomes TEXT ("486", "5.7.26"), and a code is known by
-- (protocol, code, vendor): vendor is '' for the registered meaning and
-- names the vendor of each unofficial one (HTTP 499 of nginx, of Esri).
-- Beside the key, each code stores `sort`, which orders the keys of a
-- protocol, and `slug`, the name of its page.  Both come from the rules
-- of lib/codekey.c, which codekb-import applies to every key it writes;
-- no SQL looks inside a key.  Classes keep their first and last keys as
-- written, and the sort values `lo` and `hi` that a code's sort must lie
-- between.
--
-- The statuses get a table of their own, the one list that the tables,
-- the importer and the UI keys read.
--
-- A version 3 database holds numbers only, so each sort value is the
-- number and each slug the number, but for a vendor's code: its slug is
-- written here as the number and the vendor's bytes in hex, which plain
-- SQL can make, and codekb-import then gives it the slug of
-- lib/codekey.c ("499-nginx").  So the file also runs as it is in the
-- stock sqlite3 shell.  It rebuilds the tables in place, inside the upgrade's one transaction:
-- the children are copied and dropped before their parents, so that no
-- ON DELETE CASCADE fires, and the search documents keep their ids, so
-- that the search indexes stay valid.

DROP VIEW IF EXISTS comparison_page;
DROP VIEW IF EXISTS comparison;
DROP VIEW IF EXISTS comparison_side;
DROP VIEW IF EXISTS comparison_difference;
DROP VIEW IF EXISTS pair_sentence;
DROP VIEW IF EXISTS code_page;
DROP VIEW IF EXISTS code_l10n;
DROP VIEW IF EXISTS class_l10n;
DROP VIEW IF EXISTS protocol_l10n;
DROP VIEW IF EXISTS ui_l10n;
DROP VIEW IF EXISTS text_l10n;
DROP VIEW IF EXISTS coverage;

-- The statuses a code may have, in the order pages and lists give them.
CREATE TABLE status (
    name     TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*'),
    position INTEGER NOT NULL UNIQUE,
    purpose  TEXT NOT NULL
) STRICT;

INSERT INTO status (name, position, purpose) VALUES
    ('current', 1, 'in the registry and in use'),
    ('deprecated', 2, 'in the registry, marked deprecated'),
    ('obsolete', 3, 'in the registry for the record only'),
    ('unused', 4, 'reserved by the registry, with no meaning'),
    ('temporary', 5, 'a temporary registration, until its expiry date'),
    ('unofficial', 6, 'not in the registry; a vendor gives it a meaning');

-- The shapes the protocol's codes take (lib/codekey.h), space-separated.
ALTER TABLE protocol ADD COLUMN shapes TEXT NOT NULL DEFAULT 'number'
    CHECK (shapes <> '' AND shapes = trim(shapes));

CREATE TABLE class_v4 (
    protocol TEXT NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
    label    TEXT NOT NULL CHECK (label <> '' AND label = trim(label)),
    first    TEXT NOT NULL CHECK (first <> ''),
    last     TEXT NOT NULL CHECK (last <> ''),
    lo       INTEGER NOT NULL CHECK (lo >= 0),
    hi       INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    PRIMARY KEY (protocol, label),
    CHECK (hi >= lo)
) STRICT;

INSERT INTO class_v4 (protocol, label, first, last, lo, hi, name)
SELECT protocol, label, CAST(first AS TEXT), CAST(last AS TEXT), first,
       last, name
FROM class;

CREATE TABLE code_v4 (
    protocol    TEXT NOT NULL REFERENCES protocol(id),
    code        TEXT NOT NULL
                CHECK (code <> '' AND code NOT GLOB '*[^0-9.]*'),
    vendor      TEXT NOT NULL DEFAULT ''
                CHECK (vendor = trim(vendor)),
    sort        INTEGER NOT NULL,
    slug        TEXT NOT NULL
                CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    reason      TEXT NOT NULL CHECK (reason <> '' AND reason = trim(reason)),
    reference   TEXT NOT NULL DEFAULT '',
    section     TEXT NOT NULL DEFAULT ''
                CHECK (section NOT GLOB '*[^0-9A-Za-z.]*'),
    status      TEXT NOT NULL DEFAULT 'current' REFERENCES status(name),
    registered  TEXT CHECK (registered IS NULL OR date(registered) IS registered),
    expires     TEXT CHECK (expires IS NULL OR date(expires) IS expires),
    final       INTEGER NOT NULL CHECK (final IN (0, 1)),
    cacheable   INTEGER NOT NULL DEFAULT 0 CHECK (cacheable IN (0, 1)),
    retry_after INTEGER NOT NULL DEFAULT 0 CHECK (retry_after IN (0, 1)),
    former      TEXT NOT NULL DEFAULT '',   -- older phrases, '; ' between
    -- the basic replies a registry associates with the code, as the
    -- registry writes them (SMTP enhanced codes: '451, 550')
    basic       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (protocol, code, vendor),
    UNIQUE (protocol, slug),
    CHECK ((status = 'temporary') = (expires IS NOT NULL)),
    CHECK ((status = 'unofficial') = (vendor <> ''))
) STRICT;

INSERT INTO code_v4 (protocol, code, vendor, sort, slug, reason, reference,
                     section, status, registered, expires, final, cacheable,
                     retry_after, former)
SELECT protocol, CAST(code AS TEXT), coalesce(vendor, ''), code,
       CAST(code AS TEXT) || iif(vendor IS NULL, '', '-' || lower(hex(vendor))),
       reason,
       reference, section, status, registered, expires, final, cacheable,
       retry_after, former
FROM code;

CREATE TABLE text_v4 (
    protocol TEXT NOT NULL,
    code     TEXT NOT NULL,
    vendor   TEXT NOT NULL DEFAULT '',
    locale   TEXT NOT NULL REFERENCES locale(tag),
    field    TEXT NOT NULL REFERENCES field(name),
    body     TEXT NOT NULL CHECK (body <> ''),
    source   TEXT,
    PRIMARY KEY (protocol, code, vendor, locale, field),
    FOREIGN KEY (protocol, code, vendor)
        REFERENCES code_v4(protocol, code, vendor) ON DELETE CASCADE,
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;

INSERT INTO text_v4 (protocol, code, vendor, locale, field, body, source)
SELECT t.protocol, CAST(t.code AS TEXT), coalesce(c.vendor, ''), t.locale,
       t.field, t.body, t.source
FROM text AS t JOIN code AS c ON c.protocol = t.protocol AND c.code = t.code;

-- A note on telling two codes of one protocol apart, stored once per
-- pair: code A sorts before code B (the importer puts them in order).
CREATE TABLE note_v4 (
    protocol TEXT NOT NULL,
    code_a   TEXT NOT NULL,
    vendor_a TEXT NOT NULL DEFAULT '',
    code_b   TEXT NOT NULL,
    vendor_b TEXT NOT NULL DEFAULT '',
    locale   TEXT NOT NULL REFERENCES locale(tag),
    body     TEXT NOT NULL CHECK (body <> ''),
    source   TEXT,
    PRIMARY KEY (protocol, code_a, vendor_a, code_b, vendor_b, locale),
    FOREIGN KEY (protocol, code_a, vendor_a)
        REFERENCES code_v4(protocol, code, vendor) ON DELETE CASCADE,
    FOREIGN KEY (protocol, code_b, vendor_b)
        REFERENCES code_v4(protocol, code, vendor) ON DELETE CASCADE,
    CHECK (code_a <> code_b OR vendor_a <> vendor_b),
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;

INSERT INTO note_v4 (protocol, code_a, vendor_a, code_b, vendor_b, locale,
                     body, source)
SELECT n.protocol, CAST(n.code_a AS TEXT), coalesce(a.vendor, ''),
       CAST(n.code_b AS TEXT), coalesce(b.vendor, ''), n.locale, n.body,
       n.source
FROM note AS n
JOIN code AS a ON a.protocol = n.protocol AND a.code = n.code_a
JOIN code AS b ON b.protocol = n.protocol AND b.code = n.code_b;

CREATE TABLE search_doc_v4 (
    id       INTEGER PRIMARY KEY,
    protocol TEXT NOT NULL,
    code     TEXT NOT NULL,
    vendor   TEXT NOT NULL,
    locale   TEXT NOT NULL,      -- '' for reason and former phrases
    kind     TEXT NOT NULL CHECK (kind IN ('reason', 'former', 'text')),
    field    TEXT NOT NULL,      -- the text's field, '' otherwise
    body     TEXT NOT NULL,
    UNIQUE (protocol, code, vendor, locale, kind, field)
) STRICT;

INSERT INTO search_doc_v4 (id, protocol, code, vendor, locale, kind, field,
                           body)
SELECT d.id, d.protocol, CAST(d.code AS TEXT), coalesce(c.vendor, ''),
       d.locale, d.kind, d.field, d.body
FROM search_doc AS d
JOIN code AS c ON c.protocol = d.protocol AND c.code = d.code;

CREATE TABLE class_text_v4 (
    protocol TEXT NOT NULL,
    label    TEXT NOT NULL,
    locale   TEXT NOT NULL REFERENCES locale(tag),
    name     TEXT NOT NULL CHECK (name <> ''),
    source   TEXT NOT NULL,
    PRIMARY KEY (protocol, label, locale),
    FOREIGN KEY (protocol, label) REFERENCES class_v4(protocol, label)
        ON DELETE CASCADE
) STRICT;

INSERT INTO class_text_v4 SELECT * FROM class_text;

-- Children first, so that dropping a parent deletes nothing through a
-- foreign key.  Dropping a table drops its triggers too.
DROP TABLE class_text;
DROP TABLE note;
DROP TABLE text;
DROP TABLE search_doc;
DROP TABLE code;
DROP TABLE class;

ALTER TABLE class_v4 RENAME TO class;
ALTER TABLE code_v4 RENAME TO code;
ALTER TABLE text_v4 RENAME TO text;
ALTER TABLE note_v4 RENAME TO note;
ALTER TABLE search_doc_v4 RENAME TO search_doc;
ALTER TABLE class_text_v4 RENAME TO class_text;

CREATE INDEX code_sort ON code (protocol, sort);

-- Two codes of different protocols that mean nearly the same, with a
-- short note per language on how they differ.  Stored once per pair,
-- with protocol A before protocol B by name; the views give both
-- directions.
CREATE TABLE equivalent (
    protocol_a TEXT NOT NULL,
    code_a     TEXT NOT NULL,
    vendor_a   TEXT NOT NULL DEFAULT '',
    protocol_b TEXT NOT NULL,
    code_b     TEXT NOT NULL,
    vendor_b   TEXT NOT NULL DEFAULT '',
    locale     TEXT NOT NULL REFERENCES locale(tag),
    body       TEXT NOT NULL CHECK (body <> ''),
    source     TEXT,
    PRIMARY KEY (protocol_a, code_a, vendor_a, protocol_b, code_b, vendor_b,
                 locale),
    FOREIGN KEY (protocol_a, code_a, vendor_a)
        REFERENCES code(protocol, code, vendor) ON DELETE CASCADE,
    FOREIGN KEY (protocol_b, code_b, vendor_b)
        REFERENCES code(protocol, code, vendor) ON DELETE CASCADE,
    CHECK (protocol_a < protocol_b),
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;

CREATE TRIGGER class_no_overlap_insert BEFORE INSERT ON class
WHEN EXISTS (SELECT 1 FROM class
             WHERE protocol = NEW.protocol AND label <> NEW.label
               AND lo <= NEW.hi AND hi >= NEW.lo)
BEGIN
    SELECT RAISE(ABORT, 'class range overlaps another class of the protocol');
END;

CREATE TRIGGER class_no_overlap_update BEFORE UPDATE ON class
WHEN EXISTS (SELECT 1 FROM class
             WHERE protocol = NEW.protocol AND label <> NEW.label
               AND lo <= NEW.hi AND hi >= NEW.lo)
BEGIN
    SELECT RAISE(ABORT, 'class range overlaps another class of the protocol');
END;

CREATE TRIGGER code_in_class_insert BEFORE INSERT ON code
WHEN NOT EXISTS (SELECT 1 FROM class
                 WHERE protocol = NEW.protocol
                   AND NEW.sort BETWEEN lo AND hi)
BEGIN
    SELECT RAISE(ABORT, 'code lies outside every class of its protocol');
END;

CREATE TRIGGER code_in_class_update BEFORE UPDATE OF sort ON code
WHEN NOT EXISTS (SELECT 1 FROM class
                 WHERE protocol = NEW.protocol
                   AND NEW.sort BETWEEN lo AND hi)
BEGIN
    SELECT RAISE(ABORT, 'code lies outside every class of its protocol');
END;

-- The search documents follow the codes and texts, as in 0002.
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
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, NEW.vendor, '', 'reason', '', NEW.reason);
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, '', 'former', '', NEW.former
    WHERE NEW.former <> '';
END;

CREATE TRIGGER code_search_update AFTER UPDATE OF reason, former ON code BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor
      AND kind IN ('reason', 'former');
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, NEW.vendor, '', 'reason', '', NEW.reason);
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    SELECT NEW.protocol, NEW.code, NEW.vendor, '', 'former', '', NEW.former
    WHERE NEW.former <> '';
END;

CREATE TRIGGER code_search_delete AFTER DELETE ON code BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor;
END;

CREATE TRIGGER text_search_insert AFTER INSERT ON text BEGIN
    INSERT INTO search_doc (protocol, code, vendor, locale, kind, field, body)
    VALUES (NEW.protocol, NEW.code, NEW.vendor, NEW.locale, 'text', NEW.field,
            NEW.body);
END;

CREATE TRIGGER text_search_update AFTER UPDATE OF body ON text BEGIN
    UPDATE search_doc SET body = NEW.body
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor
      AND locale = OLD.locale AND kind = 'text' AND field = OLD.field;
END;

CREATE TRIGGER text_search_delete AFTER DELETE ON text BEGIN
    DELETE FROM search_doc
    WHERE protocol = OLD.protocol AND code = OLD.code AND vendor = OLD.vendor
      AND locale = OLD.locale AND kind = 'text' AND field = OLD.field;
END;
