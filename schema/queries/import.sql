-- import.sql: the statements codekb-import runs, one per "-- name:" block.
--
-- Values come in only through the named parameters (:protocol, :code, ...).
-- A parameter that a file has no column for is bound NULL: an insert then
-- takes the column's default, and an update keeps the stored value.  Each
-- kind has four statements: find (does the row exist), same (does it exist
-- with exactly these values), insert and update.

-- name: seen_create
CREATE TEMP TABLE IF NOT EXISTS import_seen (
    key  TEXT PRIMARY KEY,
    line INTEGER NOT NULL
) WITHOUT ROWID;

-- name: seen_reset
DELETE FROM temp.import_seen;

-- name: seen_add
INSERT OR IGNORE INTO temp.import_seen (key, line) VALUES (:key, :line);

-- name: seen_line
SELECT line FROM temp.import_seen WHERE key = :key;

-- name: protocol_exists
SELECT 1 FROM protocol WHERE id = :protocol;

-- name: protocol_list
SELECT group_concat(id, ', ') FROM (SELECT id FROM protocol ORDER BY id);

-- name: protocol_shapes
SELECT shapes FROM protocol WHERE id = :protocol;

-- name: protocol_add_dotted
UPDATE protocol SET shapes = shapes || ' dotted'
WHERE id = :protocol AND ' ' || shapes || ' ' NOT GLOB '* dotted *';

-- name: noun_exists
SELECT 1 FROM code_noun WHERE name = :noun;

-- name: noun_list
SELECT group_concat(name, ', ') FROM (SELECT name FROM code_noun ORDER BY name);

-- name: status_exists
SELECT 1 FROM status WHERE name = :status;

-- name: status_list
SELECT group_concat(name, ', ') FROM (SELECT name FROM status ORDER BY position);

-- name: status_of_annotation
-- The status that a registry annotation names: "Deprecated", "OBSOLETED",
-- "TEMPORARY - registered ...", "Unused".
SELECT name FROM status
WHERE lower(:status) GLOB name || '*' AND name NOT IN ('current', 'unofficial')
UNION ALL
SELECT 'obsolete' WHERE lower(:status) GLOB 'obsoleted*'
LIMIT 1;

-- name: class_for_code
-- :sort is the code's sort value (lib/codekey.h).
SELECT label FROM class
WHERE protocol = :protocol AND :sort BETWEEN lo AND hi;

-- name: class_exists
SELECT 1 FROM class WHERE protocol = :protocol AND label = :class;

-- name: code_exists_plain
SELECT 1 FROM code
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '');

-- name: locale_resolve
SELECT tag FROM locale WHERE tag = :locale COLLATE NOCASE
UNION ALL
SELECT tag FROM locale_alias WHERE alias = :locale
LIMIT 1;

-- name: ui_key_placeholders
SELECT placeholders FROM ui_key WHERE key = :key;

-- name: english_body
SELECT 1 FROM text
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = 'en' AND field = :field;

-- name: protocol_find
SELECT 1 FROM protocol WHERE id = :protocol;

-- name: protocol_same
SELECT 1 FROM protocol
WHERE id = :protocol AND name = :name
  AND (:reference IS NULL OR reference = :reference)
  AND (:shapes IS NULL OR shapes = :shapes)
  AND (:aliases IS NULL OR aliases = :aliases)
  AND (:noun IS NULL OR noun = :noun);

-- name: protocol_insert
INSERT INTO protocol (id, name, reference, shapes, aliases, noun)
VALUES (:protocol, :name, coalesce(:reference, ''), coalesce(:shapes, 'number'),
        coalesce(:aliases, ''), coalesce(:noun, 'response'));

-- name: protocol_update
UPDATE protocol SET name = :name, reference = coalesce(:reference, reference),
                    shapes = coalesce(:shapes, shapes),
                    aliases = coalesce(:aliases, aliases),
                    noun = coalesce(:noun, noun)
WHERE id = :protocol;

-- name: protocol_alias_clash
-- Another protocol whose id is one of :aliases, or which has an alias
-- that is :protocol or one of :aliases.
SELECT p.id FROM protocol AS p
WHERE p.id <> :protocol
  AND (instr(' ' || :aliases || ' ', ' ' || p.id || ' ') > 0
       OR instr(' ' || p.aliases || ' ', ' ' || :protocol || ' ') > 0
       OR EXISTS (SELECT 1 FROM json_each('["' || replace(:aliases, ' ', '","') || '"]') AS a
                  WHERE a.value <> '' AND instr(' ' || p.aliases || ' ', ' ' || a.value || ' ') > 0))
LIMIT 1;

-- name: class_find
SELECT 1 FROM class WHERE protocol = :protocol AND label = :class;

-- name: class_same
SELECT 1 FROM class
WHERE protocol = :protocol AND label = :class AND first = :first
  AND last = :last AND name = :name;

-- name: class_insert
INSERT INTO class (protocol, label, first, last, lo, hi, name)
VALUES (:protocol, :class, :first, :last, :lo, :hi, :name);

-- name: class_update
UPDATE class SET first = :first, last = :last, lo = :lo, hi = :hi, name = :name
WHERE protocol = :protocol AND label = :class;

-- name: code_find
SELECT 1 FROM code
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '');

-- name: code_same
SELECT 1 FROM code
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND reason = :reason AND sort = :sort AND slug = :slug
  AND (:reference IS NULL OR reference = :reference)
  AND (:section IS NULL OR section = :section)
  AND (:status IS NULL OR status = :status)
  AND (:registered IS NULL OR registered IS nullif(:registered, ''))
  AND (:expires IS NULL OR expires IS nullif(:expires, ''))
  AND (:basic IS NULL OR basic = :basic)
  AND final = :final
  AND (:cacheable IS NULL OR cacheable = :cacheable)
  AND (:retry_after IS NULL OR retry_after = :retry_after)
  AND (:former IS NULL OR former = :former);

-- name: code_insert
INSERT INTO code (protocol, code, vendor, sort, slug, reason, reference,
                  section, status, registered, expires, final, cacheable,
                  retry_after, former, basic)
VALUES (:protocol, :code, coalesce(:vendor, ''), :sort, :slug, :reason,
        coalesce(:reference, ''), coalesce(:section, ''),
        coalesce(:status, 'current'), nullif(:registered, ''),
        nullif(:expires, ''), :final, coalesce(:cacheable, 0),
        coalesce(:retry_after, 0), coalesce(:former, ''),
        coalesce(:basic, ''));

-- name: code_update
UPDATE code SET
    reason = :reason,
    reference = coalesce(:reference, reference),
    section = coalesce(:section, section),
    status = coalesce(:status, status),
    registered = iif(:registered IS NULL, registered, nullif(:registered, '')),
    expires = iif(:expires IS NULL, expires, nullif(:expires, '')),
    sort = :sort,
    slug = :slug,
    final = :final,
    cacheable = coalesce(:cacheable, cacheable),
    retry_after = coalesce(:retry_after, retry_after),
    former = coalesce(:former, former),
    basic = coalesce(:basic, basic)
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '');

-- name: text_find
SELECT 1 FROM text
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND field = :field;

-- name: text_same
SELECT 1 FROM text
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND field = :field AND body = :body;

-- name: text_upsert
INSERT INTO text (protocol, code, vendor, locale, field, body, source)
VALUES (:protocol, :code, coalesce(:vendor, ''), :locale, :field, :body,
        iif(:locale = 'en', NULL,
            (SELECT body FROM text AS e
             WHERE e.protocol = :protocol AND e.code = :code
               AND e.vendor = coalesce(:vendor, '')
               AND e.locale = 'en' AND e.field = :field)))
ON CONFLICT (protocol, code, vendor, locale, field) DO UPDATE
SET body = excluded.body, source = excluded.source;

-- name: protocol_text_find
SELECT 1 FROM protocol_text WHERE protocol = :protocol AND locale = :locale;

-- name: protocol_text_same
SELECT 1 FROM protocol_text
WHERE protocol = :protocol AND locale = :locale AND name = :name;

-- name: protocol_text_insert
INSERT INTO protocol_text (protocol, locale, name, source)
SELECT :protocol, :locale, :name, name FROM protocol WHERE id = :protocol;

-- name: protocol_text_update
UPDATE protocol_text
SET name = :name,
    source = (SELECT name FROM protocol WHERE id = :protocol)
WHERE protocol = :protocol AND locale = :locale;

-- name: code_name_find
SELECT 1 FROM code_name
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale;

-- name: code_name_same
SELECT 1 FROM code_name
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND name IS :name AND terms = coalesce(:terms, '')
  AND source = (SELECT reason FROM code
                WHERE protocol = :protocol AND code = :code
                  AND vendor = coalesce(:vendor, ''));

-- name: code_name_insert
INSERT INTO code_name (protocol, code, vendor, locale, name, terms, source)
SELECT :protocol, :code, coalesce(:vendor, ''), :locale, :name,
       coalesce(:terms, ''), reason
FROM code
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '');

-- name: code_name_update
UPDATE code_name
SET name = :name, terms = coalesce(:terms, ''),
    source = (SELECT reason FROM code
              WHERE protocol = :protocol AND code = :code
                AND vendor = coalesce(:vendor, ''))
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale;

-- name: class_text_find
SELECT 1 FROM class_text
WHERE protocol = :protocol AND label = :class AND locale = :locale;

-- name: class_text_same
SELECT 1 FROM class_text
WHERE protocol = :protocol AND label = :class AND locale = :locale
  AND name = :name;

-- name: class_text_insert
INSERT INTO class_text (protocol, label, locale, name, source)
SELECT :protocol, :class, :locale, :name, name FROM class
WHERE protocol = :protocol AND label = :class;

-- name: class_text_update
UPDATE class_text
SET name = :name,
    source = (SELECT name FROM class
              WHERE protocol = :protocol AND label = :class)
WHERE protocol = :protocol AND label = :class AND locale = :locale;

-- name: ui_find
SELECT 1 FROM ui WHERE locale = :locale AND key = :key;

-- name: ui_same
SELECT 1 FROM ui WHERE locale = :locale AND key = :key AND text = :text;

-- name: ui_insert
INSERT INTO ui (locale, key, text, source)
VALUES (:locale, :key, :text,
        iif(:locale = 'en', NULL,
            (SELECT text FROM ui AS e WHERE e.locale = 'en' AND e.key = :key)));

-- name: ui_update
UPDATE ui
SET text = :text,
    source = iif(:locale = 'en', NULL,
                 (SELECT text FROM ui AS e
                  WHERE e.locale = 'en' AND e.key = :key))
WHERE locale = :locale AND key = :key;

-- name: note_english
SELECT 1 FROM note
WHERE protocol = :protocol AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND code_b = :code_b
  AND vendor_b = coalesce(:vendor_b, '') AND locale = 'en';

-- name: note_find
SELECT 1 FROM note
WHERE protocol = :protocol AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND code_b = :code_b
  AND vendor_b = coalesce(:vendor_b, '') AND locale = :locale;

-- name: note_same
SELECT 1 FROM note
WHERE protocol = :protocol AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND code_b = :code_b
  AND vendor_b = coalesce(:vendor_b, '') AND locale = :locale
  AND body = :note;

-- name: note_insert
INSERT INTO note (protocol, code_a, vendor_a, code_b, vendor_b, locale, body,
                  source)
VALUES (:protocol, :code_a, coalesce(:vendor_a, ''), :code_b,
        coalesce(:vendor_b, ''), :locale, :note,
        iif(:locale = 'en', NULL,
            (SELECT body FROM note AS e
             WHERE e.protocol = :protocol AND e.code_a = :code_a
               AND e.vendor_a = coalesce(:vendor_a, '')
               AND e.code_b = :code_b AND e.vendor_b = coalesce(:vendor_b, '')
               AND e.locale = 'en')));

-- name: note_update
UPDATE note
SET body = :note,
    source = iif(:locale = 'en', NULL,
                 (SELECT body FROM note AS e
                  WHERE e.protocol = :protocol AND e.code_a = :code_a
                    AND e.vendor_a = coalesce(:vendor_a, '')
                    AND e.code_b = :code_b
                    AND e.vendor_b = coalesce(:vendor_b, '')
                    AND e.locale = 'en'))
WHERE protocol = :protocol AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND code_b = :code_b
  AND vendor_b = coalesce(:vendor_b, '') AND locale = :locale;

-- name: equivalent_english
SELECT 1 FROM equivalent
WHERE protocol_a = :protocol_a AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND protocol_b = :protocol_b
  AND code_b = :code_b AND vendor_b = coalesce(:vendor_b, '')
  AND locale = 'en';

-- name: equivalent_find
SELECT 1 FROM equivalent
WHERE protocol_a = :protocol_a AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND protocol_b = :protocol_b
  AND code_b = :code_b AND vendor_b = coalesce(:vendor_b, '')
  AND locale = :locale;

-- name: equivalent_same
SELECT 1 FROM equivalent
WHERE protocol_a = :protocol_a AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND protocol_b = :protocol_b
  AND code_b = :code_b AND vendor_b = coalesce(:vendor_b, '')
  AND locale = :locale AND body = :note;

-- name: equivalent_insert
INSERT INTO equivalent (protocol_a, code_a, vendor_a, protocol_b, code_b,
                        vendor_b, locale, body, source)
VALUES (:protocol_a, :code_a, coalesce(:vendor_a, ''), :protocol_b, :code_b,
        coalesce(:vendor_b, ''), :locale, :note,
        iif(:locale = 'en', NULL,
            (SELECT body FROM equivalent AS e
             WHERE e.protocol_a = :protocol_a AND e.code_a = :code_a
               AND e.vendor_a = coalesce(:vendor_a, '')
               AND e.protocol_b = :protocol_b AND e.code_b = :code_b
               AND e.vendor_b = coalesce(:vendor_b, '') AND e.locale = 'en')));

-- name: equivalent_update
UPDATE equivalent
SET body = :note,
    source = iif(:locale = 'en', NULL,
                 (SELECT body FROM equivalent AS e
                  WHERE e.protocol_a = :protocol_a AND e.code_a = :code_a
                    AND e.vendor_a = coalesce(:vendor_a, '')
                    AND e.protocol_b = :protocol_b AND e.code_b = :code_b
                    AND e.vendor_b = coalesce(:vendor_b, '')
                    AND e.locale = 'en'))
WHERE protocol_a = :protocol_a AND code_a = :code_a
  AND vendor_a = coalesce(:vendor_a, '') AND protocol_b = :protocol_b
  AND code_b = :code_b AND vendor_b = coalesce(:vendor_b, '')
  AND locale = :locale;

-- name: iana_reason
-- A registry file states the registered meaning of each code (vendor '').
SELECT reason FROM code
WHERE protocol = :protocol AND code = :code AND vendor = '';

-- name: iana_same
SELECT 1 FROM code
WHERE protocol = :protocol AND code = :code AND vendor = ''
  AND reason = :reason
  -- a registry that says current keeps a deprecation its RFC states
  AND (status = :status OR (status = 'deprecated' AND :status = 'current'))
  AND registered IS :registered
  AND expires IS :expires AND reference = :reference AND basic = :basic
  -- a registry without sections keeps the sections we know
  AND (section = :section OR :section = '');

-- name: iana_insert
INSERT INTO code (protocol, code, vendor, sort, slug, reason, reference,
                  section, status, registered, expires, final, basic)
VALUES (:protocol, :code, '', :sort, :slug, :reason, :reference, :section,
        :status, :registered, :expires, :final, :basic);

-- name: iana_update
-- The registry's facts change; the prose and the other facts stay.  An
-- old phrase joins `former`, so that search still finds it.
UPDATE code SET
    former = iif(reason = :reason
                 OR instr('; ' || former || '; ', '; ' || reason || '; ') > 0,
                 former,
                 iif(former = '', reason, former || '; ' || reason)),
    reason = :reason,
    status = iif(status = 'deprecated' AND :status = 'current', status,
                 :status),
    registered = :registered,
    expires = :expires, basic = :basic,
    section = iif(:section = '' AND reference = :reference, section, :section),
    reference = :reference
WHERE protocol = :protocol AND code = :code AND vendor = '';

-- name: iana_missing
-- Registered codes of the protocol, of the shape the registry file holds
-- (sort values :lo to :hi), that the file just read did not list.  An
-- enhanced status code is listed when its generic entry is: the data may
-- keep 4.2.2 where the registry pairs X.2.2 with 552 alone.
SELECT group_concat(code, ', ') FROM (
    SELECT code FROM code
    WHERE protocol = :protocol AND vendor = '' AND sort BETWEEN :lo AND :hi
      AND :protocol || ' ' || code NOT IN (SELECT key FROM temp.import_seen)
      AND NOT (code GLOB '[245].*.*'
               AND EXISTS (SELECT 1 FROM temp.import_seen
                           WHERE key GLOB :protocol || ' [245]' || substr(code, 2)))
    ORDER BY sort);

-- name: translation_same
SELECT 1 FROM text
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND field = :field AND body = :body
  AND source IS :english;

-- name: translation_insert
-- (An insert and an update, not an upsert: the search triggers' INSERT OR
-- IGNORE would take the upsert's conflict policy, and fail on a text that
-- an earlier file of the same run wrote.)
INSERT INTO text (protocol, code, vendor, locale, field, body, source)
VALUES (:protocol, :code, coalesce(:vendor, ''), :locale, :field, :body,
        :english);

-- name: translation_update
UPDATE text SET body = :body, source = :english
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND field = :field;

-- name: name_translation_find
-- Whether the code has a name (:field 'name') or terms (:field 'terms') in
-- the language.
SELECT 1 FROM code_name
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale
  AND iif(:field = 'name', name IS NOT NULL, terms <> '');

-- name: name_translation_same
SELECT 1 FROM code_name
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale AND iif(:field = 'name', name, terms) = :body
  AND source IS :english;

-- name: name_translation_insert
-- A name or terms from a translations file, for a code that has neither
-- in the language yet; the row's source is the reason the translator saw.
INSERT INTO code_name (protocol, code, vendor, locale, name, terms, source)
VALUES (:protocol, :code, coalesce(:vendor, ''), :locale,
        iif(:field = 'name', :body, NULL), iif(:field = 'terms', :body, ''),
        :english);

-- name: name_translation_update
-- The same for a code that has a row in the language: the other of the
-- two stays as it is.  (Not an upsert, as for translation_insert.)
UPDATE code_name
SET name = iif(:field = 'name', :body, name),
    terms = iif(:field = 'terms', :body, terms),
    source = :english
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND locale = :locale;

-- name: search_pending_share
-- Whether documents wait for the search index (0 none, 1 some), and 2 when
-- they are a quarter or more of all documents: a batch that large rewrites
-- most of the index anyway, and merging it into one segment then costs
-- little more and makes every later search read less.
SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM search_pending) THEN 0
            WHEN (SELECT count(*) FROM search_pending) * 4
                 >= (SELECT count(*) FROM search_doc) THEN 2
            ELSE 1 END;

-- name: search_flush
-- Bring both FTS indexes up to date with search_doc: remove what they hold
-- for every changed document, add the documents' current text, and empty
-- the queue.  Run once, just before an import commits.  search_cjk only
-- holds documents with a CJK letter, spaced (migration 0003).
--
-- Most of the time goes into FTS5 merging the segments that it writes
-- each time its pending data reaches 'hashsize': it rewrites every entry
-- once per level of segments, and merges 'automerge' segments of a level
-- into one of the next.  For the batch, merging 12 segments at a time
-- instead of 4 makes fewer levels, so less rewriting (200,000 codes: 30%
-- less time in this batch, the same memory).  A search reads the same
-- index either way.  FTS5's default of 4 is back before the import
-- commits.  (A 'hashsize' of 1 MB instead of 256 KB would save another
-- 20%, but costs about 1 MB of peak memory in a large import.)
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 12);
INSERT INTO search_cjk (search_cjk, rank) VALUES ('automerge', 12);
INSERT INTO search_fts (search_fts, rowid, body)
SELECT 'delete', id, indexed_body FROM search_pending
WHERE indexed_body IS NOT NULL;
INSERT INTO search_cjk (search_cjk, rowid, body)
SELECT 'delete', id, spaced
FROM (SELECT id, cjk_spaced(indexed_body) AS spaced FROM search_pending)
WHERE spaced IS NOT NULL;
INSERT INTO search_fts (rowid, body)
SELECT p.id, d.body FROM search_pending AS p
JOIN search_doc AS d ON d.id = p.id;
INSERT INTO search_cjk (rowid, body)
SELECT id, spaced
FROM (SELECT p.id, cjk_spaced(d.body) AS spaced FROM search_pending AS p
      JOIN search_doc AS d ON d.id = p.id)
WHERE spaced IS NOT NULL;
-- The vocabulary and the index of names (migration 0008): take back the
-- entries and the index rows of each changed document that were counted,
-- then count and index its current text.
INSERT INTO search_word (word, kind, shown, chars, n)
SELECT w.value ->> 0, v.kind, w.value ->> 1, w.value ->> 2, -count(*)
FROM search_pending AS p JOIN search_word_doc AS v ON v.id = p.id,
     json_each(search_words(p.indexed_body)) AS w
WHERE p.indexed_body IS NOT NULL
GROUP BY 1, 2
ON CONFLICT (word, kind) DO UPDATE SET n = n + excluded.n;
INSERT INTO search_names (search_names, rowid, body)
SELECT 'delete', p.id, p.indexed_body
FROM search_pending AS p JOIN search_word_doc AS v ON v.id = p.id
WHERE p.indexed_body IS NOT NULL;
DELETE FROM search_word_doc WHERE id IN (SELECT id FROM search_pending);
INSERT INTO search_word_doc (id, kind)
SELECT d.id, iif(d.field = 'terms', 'term', 'name')
FROM search_pending AS p JOIN search_doc AS d ON d.id = p.id
WHERE d.kind IN ('reason', 'former') OR d.field IN ('name', 'terms');
INSERT INTO search_names (rowid, body)
SELECT d.id, d.body
FROM search_pending AS p JOIN search_word_doc AS v ON v.id = p.id
JOIN search_doc AS d ON d.id = p.id;
INSERT INTO search_word (word, kind, shown, chars, n)
SELECT w.value ->> 0, v.kind, w.value ->> 1, w.value ->> 2, count(*)
FROM search_pending AS p JOIN search_word_doc AS v ON v.id = p.id
JOIN search_doc AS d ON d.id = p.id,
     json_each(search_words(d.body)) AS w
WHERE true
GROUP BY 1, 2
ON CONFLICT (word, kind) DO UPDATE SET n = n + excluded.n;
DELETE FROM search_word WHERE n <= 0;
DELETE FROM search_pending;
INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 4);
INSERT INTO search_cjk (search_cjk, rank) VALUES ('automerge', 4);

-- name: search_optimize
-- Merge each search index into a single segment (codekb-import
-- --optimize).  Imports add segments, and FTS5 merges them only in part;
-- a query reads every segment, so a large knowledge base answers faster
-- after this.  It rewrites both indexes.
INSERT INTO search_fts (search_fts) VALUES ('optimize');
INSERT INTO search_cjk (search_cjk) VALUES ('optimize');

-- name: fact_kind
SELECT words FROM fact_kind WHERE name = :fact;

-- name: fact_word
SELECT 1 FROM fact_value WHERE kind = :fact AND value = :value;

-- name: fact_find
SELECT 1 FROM fact
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND kind = :fact AND value = :value;

-- name: fact_same
SELECT 1 FROM fact
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND kind = :fact AND value = :value
  AND reference = coalesce(:reference, '') AND section = coalesce(:section, '');

-- name: fact_insert
INSERT INTO fact (protocol, code, vendor, kind, value, reference, section)
VALUES (:protocol, :code, coalesce(:vendor, ''), :fact, :value,
        coalesce(:reference, ''), coalesce(:section, ''));

-- name: fact_update
UPDATE fact
SET reference = coalesce(:reference, ''), section = coalesce(:section, '')
WHERE protocol = :protocol AND code = :code AND vendor = coalesce(:vendor, '')
  AND kind = :fact AND value = :value;
