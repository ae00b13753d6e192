-- 0006-protocol-aliases.sql: other names a protocol answers to, and what
-- its codes are called (schema version 6).
--
-- `aliases` holds the protocol's other ids, upper-case and separated by
-- single spaces ("WS" for WEBSOCKET).  A reader resolves a protocol that a
-- user types by its id first, then by an alias; an alias may not be
-- another protocol's id (the importer checks both ways).

ALTER TABLE protocol ADD COLUMN aliases TEXT NOT NULL DEFAULT ''
    CHECK (aliases = trim(aliases) AND aliases NOT GLOB '*  *'
           AND aliases NOT GLOB '*[^A-Z0-9 -]*');

-- What a protocol's codes are called, which the pages' sentences say:
-- SIP and HTTP send responses, SMTP and FTP replies, WebSocket closes a
-- connection with a close code, gRPC ends a call with a status.  The UI
-- strings of each noun (`noun.NAME`, `nouns.NAME`, `kind.final.NAME`,
-- `kind.provisional.NAME`) come from seed.sql.
CREATE TABLE code_noun (
    name        TEXT PRIMARY KEY CHECK (name GLOB '[a-z]*'),
    -- whether such a code may be provisional (a 1xx response, an FTP
    -- preliminary reply), not only final
    provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
    purpose     TEXT NOT NULL
) STRICT;

INSERT INTO code_noun (name, provisional, purpose) VALUES
    ('response', 1, 'a response to a request (SIP, HTTP)'),
    ('reply', 1, 'a reply to a command (SMTP, FTP)'),
    ('close', 0, 'a close code that ends a connection (WebSocket)'),
    ('status', 0, 'a status that ends a call (gRPC)');

-- SQLite adds no column with both a REFERENCES clause and a default, so
-- triggers hold the noun to table code_noun.
ALTER TABLE protocol ADD COLUMN noun TEXT NOT NULL DEFAULT 'response';

CREATE TRIGGER protocol_noun_insert BEFORE INSERT ON protocol
WHEN NEW.noun NOT IN (SELECT name FROM code_noun)
BEGIN
    SELECT RAISE(ABORT, 'protocol.noun must be a name of table code_noun');
END;

CREATE TRIGGER protocol_noun_update BEFORE UPDATE OF noun ON protocol
WHEN NEW.noun NOT IN (SELECT name FROM code_noun)
BEGIN
    SELECT RAISE(ABORT, 'protocol.noun must be a name of table code_noun');
END;
