-- 0005-facts.sql: structured facts per code (schema version 5).
--
-- A fact is one thing a specification says about a code, in a form that
-- pages can compare: who sends it, which header fields it must, should or
-- may carry, what the client does next, whether a redirect lets the
-- method change, whether it ends a forking proxy's search.  Each is one
-- row per value, with the section that says it.  The comparison pages
-- build their list of differences from the facts that differ.
--
-- The kinds of fact and the words each may take are the program's, not
-- the data's: seed.sql fills fact_kind and fact_value.

-- The kinds of fact, in the order a list of differences gives them, the
-- most telling first.  A kind takes words of fact_value (`words` 1) or
-- header field names (`words` 0).  `one_sided` tells whether it is a
-- difference when only one of two codes has the fact at all.
CREATE TABLE fact_kind (
    name      TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*'),
    position  INTEGER NOT NULL UNIQUE,
    words     INTEGER NOT NULL CHECK (words IN (0, 1)),
    one_sided INTEGER NOT NULL CHECK (one_sided IN (0, 1)),
    purpose   TEXT NOT NULL
) STRICT;

-- The words a kind of fact may take, in the order a list gives them.
CREATE TABLE fact_value (
    kind     TEXT NOT NULL REFERENCES fact_kind(name),
    value    TEXT NOT NULL CHECK (value GLOB '[a-z]*'),
    position INTEGER NOT NULL,
    purpose  TEXT NOT NULL,
    PRIMARY KEY (kind, value)
) STRICT;

CREATE TABLE fact (
    protocol  TEXT NOT NULL,
    code      TEXT NOT NULL,
    vendor    TEXT NOT NULL DEFAULT '',
    kind      TEXT NOT NULL REFERENCES fact_kind(name),
    value     TEXT NOT NULL CHECK (value <> ''),
    reference TEXT NOT NULL DEFAULT '',
    section   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (protocol, code, vendor, kind, value),
    FOREIGN KEY (protocol, code, vendor)
        REFERENCES code(protocol, code, vendor) ON DELETE CASCADE
) STRICT;

-- Two facts are flags of the code itself, and only there are they written:
-- a code that is cacheable by default has the fact `cacheable` (yes), and
-- one that may carry Retry-After has Retry-After among the fields it
-- `may` carry.  These triggers keep the facts in step with the flags, so
-- that every view finds all of a code's facts in one table; the importer
-- refuses both in a file of facts.
CREATE TRIGGER fact_flags_insert AFTER INSERT ON code
BEGIN
    INSERT INTO fact (protocol, code, vendor, kind, value, reference, section)
    SELECT new.protocol, new.code, new.vendor, 'cacheable', 'yes',
           new.reference, new.section
    WHERE new.cacheable
    UNION ALL
    SELECT new.protocol, new.code, new.vendor, 'may', 'Retry-After',
           new.reference, new.section
    WHERE new.retry_after;
END;

CREATE TRIGGER fact_flags_update
AFTER UPDATE OF cacheable, retry_after, reference, section ON code
BEGIN
    DELETE FROM fact
    WHERE protocol = new.protocol AND code = new.code AND vendor = new.vendor
      AND ((kind = 'cacheable' AND value = 'yes')
           OR (kind = 'may' AND value = 'Retry-After'));
    INSERT INTO fact (protocol, code, vendor, kind, value, reference, section)
    SELECT new.protocol, new.code, new.vendor, 'cacheable', 'yes',
           new.reference, new.section
    WHERE new.cacheable
    UNION ALL
    SELECT new.protocol, new.code, new.vendor, 'may', 'Retry-After',
           new.reference, new.section
    WHERE new.retry_after;
END;

-- The two kinds the flags need (seed.sql adds the others and keeps all of
-- them current), and the facts of the codes already here.
INSERT INTO fact_kind (name, position, words, one_sided, purpose) VALUES
    ('cacheable', 9, 1, 1, 'whether it is cacheable by default'),
    ('may', 10, 0, 1, 'the header fields the response may carry');

INSERT INTO fact (protocol, code, vendor, kind, value, reference, section)
SELECT protocol, code, vendor, 'cacheable', 'yes', reference, section
FROM code WHERE cacheable
UNION ALL
SELECT protocol, code, vendor, 'may', 'Retry-After', reference, section
FROM code WHERE retry_after;
