-- 0006-protocol-aliases.sql: other names a protocol answers to (schema
-- version 6).
--
-- `aliases` holds the protocol's other ids, upper-case and separated by
-- single spaces ("WS" for WEBSOCKET).  A reader resolves a protocol that a
-- user types by its id first, then by an alias; an alias may not be
-- another protocol's id (the importer checks both ways).

ALTER TABLE protocol ADD COLUMN aliases TEXT NOT NULL DEFAULT ''
    CHECK (aliases = trim(aliases) AND aliases NOT GLOB '*  *'
           AND aliases NOT GLOB '*[^A-Z0-9 -]*');
