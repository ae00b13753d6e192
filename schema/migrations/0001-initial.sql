-- 0001-initial.sql: the base tables of a codekb database (schema version 1).
--
-- Every migration file in this folder takes the database from version N-1 to
-- version N, where N is the number in its name.  codekb applies the missing
-- ones in order, each in its own transaction, and sets PRAGMA user_version.
-- The file also runs as it is in the stock sqlite3 shell:
--     sqlite3 kb.db < schema/migrations/0001-initial.sql
--
-- The tables refuse bad rows themselves (CHECK, FOREIGN KEY, triggers), so a
-- row written by hand in the sqlite3 shell is held to the same rules as one
-- written by codekb-import.  Foreign keys need PRAGMA foreign_keys = ON,
-- which codekb sets on every connection.

-- A protocol whose codes the knowledge base holds: SIP, HTTP, SMTP, ...
CREATE TABLE protocol (
    id        TEXT PRIMARY KEY
              CHECK (length(id) BETWEEN 1 AND 16
                     AND id GLOB '[A-Z]*' AND id NOT GLOB '*[^A-Z0-9-]*'),
    name      TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    reference TEXT NOT NULL DEFAULT ''
) STRICT;

-- A named range of codes inside a protocol.  Ranges, not first digits, so
-- that DNS RCODEs (0-23) or WebSocket close codes (1000-4999) fit too.
CREATE TABLE class (
    protocol TEXT NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
    label    TEXT NOT NULL CHECK (label <> '' AND label = trim(label)),
    first    INTEGER NOT NULL CHECK (first >= 0),
    last     INTEGER NOT NULL,
    name     TEXT NOT NULL CHECK (name <> '' AND name = trim(name)),
    PRIMARY KEY (protocol, label),
    CHECK (last >= first)
) STRICT;

CREATE TRIGGER class_no_overlap_insert BEFORE INSERT ON class
WHEN EXISTS (SELECT 1 FROM class
             WHERE protocol = NEW.protocol AND label <> NEW.label
               AND first <= NEW.last AND last >= NEW.first)
BEGIN
    SELECT RAISE(ABORT, 'class range overlaps another class of the protocol');
END;

CREATE TRIGGER class_no_overlap_update BEFORE UPDATE ON class
WHEN EXISTS (SELECT 1 FROM class
             WHERE protocol = NEW.protocol AND label <> NEW.label
               AND first <= NEW.last AND last >= NEW.first)
BEGIN
    SELECT RAISE(ABORT, 'class range overlaps another class of the protocol');
END;

-- Languages, by BCP 47 tag.  English ('en') is the source language.
CREATE TABLE locale (
    tag    TEXT PRIMARY KEY CHECK (tag GLOB '[a-z][a-z]*' AND length(tag) <= 35),
    name   TEXT NOT NULL,          -- the language's English name
    native TEXT NOT NULL           -- the language's name in itself
) STRICT;

-- Other spellings of a tag: zh-CN and zh-Hans mean zh.
CREATE TABLE locale_alias (
    alias TEXT PRIMARY KEY COLLATE NOCASE,
    tag   TEXT NOT NULL REFERENCES locale(tag) ON DELETE CASCADE
) STRICT;

-- A status code.  `reason` is the clean phrase sent on the wire; registry
-- annotations such as "(Deprecated)" live in `status` and its dates.
CREATE TABLE code (
    protocol    TEXT NOT NULL REFERENCES protocol(id),
    code        INTEGER NOT NULL CHECK (code >= 0),
    reason      TEXT NOT NULL CHECK (reason <> '' AND reason = trim(reason)),
    reference   TEXT NOT NULL DEFAULT '',   -- RFC3261, draft-ietf-...
    section     TEXT NOT NULL DEFAULT ''    -- 21.4.19, 15.5.14, A.1
                CHECK (section NOT GLOB '*[^0-9A-Za-z.]*'),
    status      TEXT NOT NULL DEFAULT 'current'
                CHECK (status IN ('current', 'deprecated', 'obsolete',
                                  'unused', 'temporary', 'unofficial')),
    registered  TEXT CHECK (registered IS NULL OR date(registered) IS registered),
    expires     TEXT CHECK (expires IS NULL OR date(expires) IS expires),
    vendor      TEXT CHECK (vendor IS NULL OR vendor <> ''),
    final       INTEGER NOT NULL CHECK (final IN (0, 1)),
    cacheable   INTEGER NOT NULL DEFAULT 0 CHECK (cacheable IN (0, 1)),
    retry_after INTEGER NOT NULL DEFAULT 0 CHECK (retry_after IN (0, 1)),
    former      TEXT NOT NULL DEFAULT '',   -- older phrases, '; ' between
    PRIMARY KEY (protocol, code),
    CHECK ((status = 'temporary') = (expires IS NOT NULL)),
    CHECK ((status = 'unofficial') = (vendor IS NOT NULL))
) STRICT;

CREATE TRIGGER code_in_class_insert BEFORE INSERT ON code
WHEN NOT EXISTS (SELECT 1 FROM class
                 WHERE protocol = NEW.protocol
                   AND NEW.code BETWEEN first AND last)
BEGIN
    SELECT RAISE(ABORT, 'code lies outside every class of its protocol');
END;

CREATE TRIGGER code_in_class_update BEFORE UPDATE OF code ON code
WHEN NOT EXISTS (SELECT 1 FROM class
                 WHERE protocol = NEW.protocol
                   AND NEW.code BETWEEN first AND last)
BEGIN
    SELECT RAISE(ABORT, 'code lies outside every class of its protocol');
END;

-- The prose fields of a code, in page order.
CREATE TABLE field (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE
) STRICT;

INSERT INTO field (name, position) VALUES
    ('description', 1), ('when_seen', 2), ('how_to_fix', 3);

-- The prose of a code in one language.  English rows are the source and
-- have source NULL.  A translation keeps, in `source`, the English body it
-- was made from: when the English body changes, the translation is stale.
CREATE TABLE text (
    protocol TEXT NOT NULL,
    code     INTEGER NOT NULL,
    locale   TEXT NOT NULL REFERENCES locale(tag),
    field    TEXT NOT NULL REFERENCES field(name),
    body     TEXT NOT NULL CHECK (body <> ''),
    source   TEXT,
    PRIMARY KEY (protocol, code, locale, field),
    FOREIGN KEY (protocol, code) REFERENCES code(protocol, code)
        ON DELETE CASCADE,
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;

-- Localized protocol and class names; `source` as in `text`.
CREATE TABLE protocol_text (
    protocol TEXT NOT NULL REFERENCES protocol(id) ON DELETE CASCADE,
    locale   TEXT NOT NULL REFERENCES locale(tag),
    name     TEXT NOT NULL CHECK (name <> ''),
    source   TEXT NOT NULL,
    PRIMARY KEY (protocol, locale)
) STRICT;

CREATE TABLE class_text (
    protocol TEXT NOT NULL,
    label    TEXT NOT NULL,
    locale   TEXT NOT NULL REFERENCES locale(tag),
    name     TEXT NOT NULL CHECK (name <> ''),
    source   TEXT NOT NULL,
    PRIMARY KEY (protocol, label, locale),
    FOREIGN KEY (protocol, label) REFERENCES class(protocol, label)
        ON DELETE CASCADE
) STRICT;

-- The UI strings and sentence templates that the views use.  The set of
-- keys belongs to the program, so it is fixed here; `placeholders` lists
-- the {names} a template may use, separated by spaces.
CREATE TABLE ui_key (
    key          TEXT PRIMARY KEY,
    placeholders TEXT NOT NULL DEFAULT '',
    purpose      TEXT NOT NULL
) STRICT;

-- One UI string in one language.  English has source NULL, as in `text`.
CREATE TABLE ui (
    locale TEXT NOT NULL REFERENCES locale(tag),
    key    TEXT NOT NULL REFERENCES ui_key(key),
    text   TEXT NOT NULL CHECK (text <> ''),
    source TEXT,
    PRIMARY KEY (locale, key),
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;

-- Which versions of seed.sql and views.sql the database holds, so that
-- codekb re-applies them only when they have changed.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- A hand-written note on telling two often-confused codes apart.
CREATE TABLE note (
    protocol TEXT NOT NULL,
    code_a   INTEGER NOT NULL,
    code_b   INTEGER NOT NULL,
    locale   TEXT NOT NULL REFERENCES locale(tag),
    body     TEXT NOT NULL CHECK (body <> ''),
    source   TEXT,
    PRIMARY KEY (protocol, code_a, code_b, locale),
    FOREIGN KEY (protocol, code_a) REFERENCES code(protocol, code)
        ON DELETE CASCADE,
    FOREIGN KEY (protocol, code_b) REFERENCES code(protocol, code)
        ON DELETE CASCADE,
    CHECK (code_a < code_b),
    CHECK ((locale = 'en') = (source IS NULL))
) STRICT;
