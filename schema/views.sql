-- views.sql: the public, documented views of a codekb database.
--
-- Analysts query these directly (docs/views.md describes every column);
-- the codekb program reads nothing else for its pages.  Every localized
-- view has a `locale` column and falls back to English, text by text, so a
-- language never shows an empty field.  Sentences are built here from the
-- templates in `ui` by fill() (lib/fill.h), which fills their {named}
-- placeholders from a JSON object of the page's values; never in C.
--
-- codekb-import drops and re-creates these views each time it writes, so
-- this file may also be run again by hand in the sqlite3 shell.

DROP VIEW IF EXISTS comparison_page;
DROP VIEW IF EXISTS comparison;
DROP VIEW IF EXISTS comparison_side;
DROP VIEW IF EXISTS fact_l10n;
DROP VIEW IF EXISTS fact_phrase;
DROP VIEW IF EXISTS code_facts;
DROP VIEW IF EXISTS list_templates;
DROP VIEW IF EXISTS comparison_difference;
DROP VIEW IF EXISTS pair_sentence;
DROP VIEW IF EXISTS code_page;
DROP VIEW IF EXISTS code_paired;
DROP VIEW IF EXISTS equivalent_l10n;
DROP VIEW IF EXISTS code_l10n;
DROP VIEW IF EXISTS class_l10n;
DROP VIEW IF EXISTS protocol_l10n;
DROP VIEW IF EXISTS ui_l10n;
DROP VIEW IF EXISTS text_l10n;
DROP VIEW IF EXISTS coverage;

-- Every UI string in every language, with English where a language has none.
CREATE VIEW ui_l10n AS
SELECT l.tag AS locale,
       k.key AS key,
       coalesce(u.text, e.text) AS text,
       u.text IS NULL AS is_fallback,
       u.source IS NOT NULL AND u.source IS NOT e.text AS is_stale
FROM locale AS l
CROSS JOIN ui_key AS k
LEFT JOIN ui AS u ON u.locale = l.tag AND u.key = k.key
LEFT JOIN ui AS e ON e.locale = 'en' AND e.key = k.key;

-- Every prose field of every code in every language, with its fallback.
CREATE VIEW text_l10n AS
SELECT l.tag AS locale,
       c.protocol AS protocol,
       c.code AS code,
       c.vendor AS vendor,
       f.name AS field,
       coalesce(t.body, e.body) AS body,
       t.body IS NULL AS is_fallback,
       t.source IS NOT NULL AND t.source IS NOT e.body AS is_stale
FROM locale AS l
CROSS JOIN code AS c
CROSS JOIN field AS f
LEFT JOIN text AS e
       ON e.protocol = c.protocol AND e.code = c.code AND e.vendor = c.vendor
      AND e.locale = 'en' AND e.field = f.name
LEFT JOIN text AS t
       ON t.protocol = c.protocol AND t.code = c.code AND t.vendor = c.vendor
      AND t.locale = l.tag AND t.field = f.name;

CREATE VIEW protocol_l10n AS
SELECT l.tag AS locale,
       p.id AS protocol,
       coalesce(pt.name, p.name) AS name,
       p.reference AS reference
FROM locale AS l
CROSS JOIN protocol AS p
LEFT JOIN protocol_text AS pt ON pt.protocol = p.id AND pt.locale = l.tag;

CREATE VIEW class_l10n AS
SELECT l.tag AS locale,
       c.protocol AS protocol,
       c.label AS label,
       c.first AS first,
       c.last AS last,
       c.lo AS lo,
       c.hi AS hi,
       coalesce(ct.name, c.name) AS name
FROM locale AS l
CROSS JOIN class AS c
LEFT JOIN class_text AS ct
       ON ct.protocol = c.protocol AND ct.label = c.label
      AND ct.locale = l.tag;

-- A code in one language: its facts, its class, its reference as a label
-- and a link, its three texts, and the first sentence of its description
-- (`summary`) and of its when-it-occurs text (`when_first`).  `name` is
-- what the language calls the code (table code_name: zh 未找到 for 404),
-- NULL in English, where a language has none, and where it is the reason
-- phrase itself; `reason_name` is the reason with the name beside it as
-- the language writes it (UI string code.named: "Not Found（未找到）"), the
-- reason alone where there is no name.  Every page shows a code's reason
-- this way wherever it names the code.
CREATE VIEW code_l10n AS
SELECT x.*,
       iif(x.name IS NULL, x.reason,
           coalesce(fill((SELECT text FROM ui_l10n AS u
                          WHERE u.locale = x.locale AND u.key = 'code.named'),
                         json_object('reason', x.reason, 'name', x.name)),
                    x.reason || ' (' || x.name || ')')) AS reason_name,
       -- a sentence ends at "。" or ". ", but not at the full stop of a
       -- reason phrase the text names ("1010 Mandatory Ext. bedeutet")
       first_sentence(x.description, x.reason) AS summary,
       first_sentence(x.when_seen, x.reason) AS when_first,
       CASE WHEN x.reference = '' THEN NULL
            ELSE fill((SELECT text FROM ui_l10n AS u
                       WHERE u.locale = x.locale
                         AND u.key = iif(x.section = '', 'ref.document',
                                         'ref.section')),
                      json_object('document', x.document,
                                  'section', x.section)) END AS ref_label
FROM (
    SELECT l.tag AS locale,
           c.protocol AS protocol,
           c.code AS code,
           c.vendor AS vendor,
           c.sort AS sort,
           c.slug AS slug,
           c.code || iif(c.vendor = '', '', ' (' || c.vendor || ')') AS label,
           c.basic AS basic,
           c.reason AS reason,
           -- a name that only repeats the reason (de OK) is none
           iif(nm.name = '' OR lower(nm.name) = lower(c.reason), NULL, nm.name)
               AS name,
           cl.label AS class_label,
           coalesce(ct.name, cl.name) AS class_name,
           cl.label || ' ' || coalesce(ct.name, cl.name) AS class,
           c.final AS final,
           -- "final response", "preliminary reply", "close code": what
           -- the protocol's codes are called (table code_noun)
           (SELECT coalesce(max(iif(u.locale = l.tag, u.text, NULL)),
                            max(iif(u.locale = 'en', u.text, NULL)))
            FROM ui AS u
            WHERE u.locale IN (l.tag, 'en')
              AND u.key = iif(c.final OR NOT n.provisional, 'kind.final.',
                              'kind.provisional.') || p.noun) AS kind,
           (SELECT coalesce(max(iif(u.locale = l.tag, u.text, NULL)),
                            max(iif(u.locale = 'en', u.text, NULL)))
            FROM ui AS u
            WHERE u.locale IN (l.tag, 'en') AND u.key = 'noun.' || p.noun)
               AS noun,
           (SELECT coalesce(max(iif(u.locale = l.tag, u.text, NULL)),
                            max(iif(u.locale = 'en', u.text, NULL)))
            FROM ui AS u
            WHERE u.locale IN (l.tag, 'en') AND u.key = 'nouns.' || p.noun)
               AS nouns,
           c.cacheable AS cacheable,
           c.retry_after AS retry_after,
           c.status AS status,
           coalesce((SELECT text FROM ui WHERE locale = l.tag AND key = 'status.' || c.status),
                    (SELECT text FROM ui WHERE locale = 'en' AND key = 'status.' || c.status)) AS status_name,
           c.registered AS registered,
           c.expires AS expires,
           c.former AS former,
           c.reference AS reference,
           c.section AS section,
           CASE WHEN c.reference GLOB 'RFC[0-9]*'
                THEN 'RFC ' || substr(c.reference, 4)
                -- a web page is named by its site, and a GitHub page by
                -- its repository: github.com/grpc/grpc
                WHEN c.reference GLOB 'https://github.com/*/*/*'
                THEN substr(c.reference, 9,
                            11 + instr(substr(c.reference, 20), '/')
                            + instr(substr(c.reference, 20 + instr(substr(c.reference, 20), '/')), '/') - 1)
                WHEN c.reference GLOB 'https://*/*'
                THEN substr(c.reference, 9, instr(substr(c.reference, 9), '/') - 1)
                ELSE c.reference END AS document,
           CASE WHEN c.reference GLOB 'RFC[0-9]*'
                THEN 'https://www.rfc-editor.org/rfc/rfc'
                     || lower(substr(c.reference, 4))
                     || iif(c.section = '', '', '#section-' || c.section)
                WHEN c.reference GLOB 'draft-*'
                THEN 'https://datatracker.ietf.org/doc/html/' || c.reference
                     || iif(c.section = '', '', '#section-' || c.section)
                WHEN c.reference GLOB 'https://*' THEN c.reference
                ELSE NULL END AS ref_url,
           coalesce(td.body, ed.body) AS description,
           coalesce(tw.body, ew.body) AS when_seen,
           coalesce(th.body, eh.body) AS how_to_fix,
           (td.body IS NULL) + (tw.body IS NULL) + (th.body IS NULL)
               AS fallbacks
    FROM locale AS l
    CROSS JOIN code AS c
    JOIN protocol AS p ON p.id = c.protocol
    JOIN code_noun AS n ON n.name = p.noun
    JOIN class AS cl
      ON cl.protocol = c.protocol AND c.sort BETWEEN cl.lo AND cl.hi
    LEFT JOIN class_text AS ct
      ON ct.protocol = cl.protocol AND ct.label = cl.label
     AND ct.locale = l.tag
    -- English names a code by its reason
    LEFT JOIN code_name AS nm
      ON nm.protocol = c.protocol AND nm.code = c.code AND nm.vendor = c.vendor
     AND nm.locale = l.tag AND l.tag <> 'en'
    LEFT JOIN text AS ed
      ON ed.protocol = c.protocol AND ed.code = c.code AND ed.vendor = c.vendor
     AND ed.locale = 'en' AND ed.field = 'description'
    LEFT JOIN text AS ew
      ON ew.protocol = c.protocol AND ew.code = c.code AND ew.vendor = c.vendor
     AND ew.locale = 'en' AND ew.field = 'when_seen'
    LEFT JOIN text AS eh
      ON eh.protocol = c.protocol AND eh.code = c.code AND eh.vendor = c.vendor
     AND eh.locale = 'en' AND eh.field = 'how_to_fix'
    LEFT JOIN text AS td
      ON td.protocol = c.protocol AND td.code = c.code AND td.vendor = c.vendor
     AND td.locale = l.tag AND td.field = 'description'
    LEFT JOIN text AS tw
      ON tw.protocol = c.protocol AND tw.code = c.code AND tw.vendor = c.vendor
     AND tw.locale = l.tag AND tw.field = 'when_seen'
    LEFT JOIN text AS th
      ON th.protocol = c.protocol AND th.code = c.code AND th.vendor = c.vendor
     AND th.locale = l.tag AND th.field = 'how_to_fix'
) AS x;

-- Each kind of fact of each code in each language (see 0005-facts.sql):
-- its values in list order, space-separated (`vals`), and as the language
-- writes them (`phrase`): the words' UI texts, or the header field names
-- ("Accept|Accept-Encoding" is one of them), joined into a list with the
-- language's own list templates (list.and for the fields a code must
-- carry, list.or_fields for the others, list.or for words).  Two facts of a kind are the same when
-- their `vals` are.  The code's cacheable flag is its fact `cacheable`,
-- and its retry_after flag a Retry-After among the fields it `may` carry
-- (triggers of 0005-facts.sql keep them in table `fact`).
CREATE VIEW fact_l10n AS
SELECT f.locale, f.protocol, f.code, f.vendor, f.kind, f.position,
       f.one_sided, group_concat(f.value, ' ') AS vals,
       join_list(f.phrase, t.t_comma,
                 CASE WHEN f.words THEN t.t_or WHEN f.kind = 'must' THEN t.t_and
                      ELSE t.t_or_fields END) AS phrase
FROM (SELECT * FROM fact_phrase
      ORDER BY locale, protocol, code, vendor, position, value_position, value)
     AS f
JOIN list_templates AS t ON t.locale = f.locale
GROUP BY f.locale, f.protocol, f.code, f.vendor, f.kind;

-- Each fact of each code in each language, one row a value: `phrase` is
-- the value as the language writes it, the word's UI text or the field
-- names ("A|B" as a list of either).  Plain joins and lookups, so that a
-- filter on a code reaches the tables.
CREATE VIEW fact_phrase AS
SELECT l.tag AS locale, f.protocol, f.code, f.vendor, k.name AS kind,
       k.position, k.one_sided, k.words, f.value,
       v.position AS value_position,
       CASE WHEN k.words
            THEN coalesce((SELECT text FROM ui AS u
                           WHERE u.locale = l.tag
                             AND u.key = 'fact.' || k.name || '.' || f.value),
                          (SELECT text FROM ui AS u
                           WHERE u.locale = 'en'
                             AND u.key = 'fact.' || k.name || '.' || f.value))
            WHEN instr(f.value, '|') = 0 THEN f.value
            ELSE (SELECT join_list(j.value, t.t_comma, t.t_or_fields)
                  FROM json_each('["' || replace(f.value, '|', '","') || '"]')
                       AS j
                  JOIN list_templates AS t ON t.locale = l.tag)
       END AS phrase
FROM fact AS f
JOIN fact_kind AS k ON k.name = f.kind
LEFT JOIN fact_value AS v ON v.kind = f.kind AND v.value = f.value
CROSS JOIN locale AS l;

-- The list templates of every language, English where it has none.
CREATE VIEW list_templates AS
SELECT locale,
       max(iif(key = 'list.comma', text, NULL)) AS t_comma,
       max(iif(key = 'list.and', text, NULL)) AS t_and,
       max(iif(key = 'list.or', text, NULL)) AS t_or,
       max(iif(key = 'list.or_fields', text, NULL)) AS t_or_fields
FROM ui_l10n WHERE key GLOB 'list.*'
GROUP BY locale;

-- Every code in every language: its row of code_l10n with its facts as
-- one JSON object, kind to [vals, phrase] as in fact_l10n (NULL for a
-- code without facts; a language without UI strings of its own reads
-- English words and lists, so its facts are English).  The window column
-- `rows_of_code` (always 1) keeps SQLite from flattening this view into
-- a query that names `facts` in many places, so that each object is built
-- once; and a filter on the locale, protocol or code with a value still
-- reaches code_l10n and fact_phrase, so that one language's facts are
-- built for it alone.
CREATE VIEW code_facts AS
SELECT c.*,
       (SELECT json_group_object(kind, json_array(vals, phrase))
        FROM (SELECT f.kind, group_concat(f.value, ' ') AS vals,
                     join_list(f.phrase, t.t_comma,
                               CASE WHEN f.words THEN t.t_or
                                    WHEN f.kind = 'must' THEN t.t_and
                                    ELSE t.t_or_fields END) AS phrase
              FROM (SELECT * FROM fact_phrase AS f
                    WHERE f.locale = c.locale AND f.protocol = c.protocol
                      AND f.code = c.code AND f.vendor = c.vendor
                    ORDER BY position, value_position, value) AS f
              GROUP BY f.kind)) AS facts,
       count(*) OVER (PARTITION BY c.locale, c.protocol, c.code, c.vendor)
           AS rows_of_code
FROM code_l10n AS c
JOIN list_templates AS t ON t.locale = c.locale;

-- One code's half of its comparison pages, in one language: every column
-- of code_l10n, the localized `protocol_name`, its `facts` as a JSON
-- object (kind: [vals, phrase], from fact_l10n), and the parts of a page
-- that need this code only, each filled by fill() from `side`, the JSON
-- object of the code's own values:
-- - `block`, its section of a page, headed by its label and
--   reason_name: description (without the sentence
--   the intro already gives), when it occurs, how to fix;
-- - `which_same` and `which_cross`, its "when to use which" paragraph,
--   naming it without and with its protocol; NULL for a code that nobody
--   chooses to send (unused, obsolete, deprecated, or sent by the
--   protocol stack on its own) or whose facts do not say what the client does next;
--   `which_key` is the paragraph without the code's name, and a page
--   leaves out the paragraphs of two codes whose keys are the same;
-- - `status_same` and `status_cross`, the sentence on its registry status
--   when that is not current ("499 is not in the registry; nginx uses
--   it"), NULL otherwise;
-- - `links` and `side_json`.
-- `t_*` are the language's comparison templates (English where it has
-- none), which `comparison` fills for the pair.
--
-- The window column `rows_of_key` (always 1) keeps SQLite from
-- flattening this view into `comparison`, which joins it twice, so that a
-- query over many pairs builds each code's side once, not once per pair.
-- A filter on locale, protocol or code with a value (not a subquery) still
-- reaches the tables: `codekb compare` builds two rows, an export of one
-- language builds that language's rows.
CREATE VIEW comparison_side AS
SELECT s.locale, s.protocol, s.code, s.vendor, s.sort, s.slug, s.label,
       s.reason, s.name, s.reason_name, s.class_label, s.class_name, s.class, s.final, s.kind,
       s.noun, s.nouns, s.status, s.summary, s.protocol_name, s.facts, s.side,
       -- the code's column of a facts table: its label and reason (with
       -- its name, reason_name), its class, its
       -- kind, the phrase of each kind of fact (fact_kind's order; null
       -- where it has none), its status and its reference
       (SELECT json_group_array(v)
        FROM (SELECT 0 AS o, s.label || ' ' || s.reason_name AS v
              UNION ALL SELECT 1, s.class
              UNION ALL SELECT 2, s.kind
              UNION ALL SELECT 10 + k.position,
                               json_extract(s.facts, '$.' || k.name || '[1]')
                        FROM fact_kind AS k
              UNION ALL SELECT 1000, s.status_name
              UNION ALL SELECT 1001, s.ref_label
              ORDER BY o)) AS cells,
       -- the code's values as code A and as code B of a pair, named
       -- without and with its protocol
       json_object('protocol', s.protocol, 'protocol_name', s.protocol_name,
                   'a', s.label, 'a_reason', s.reason, 'a_class', s.class,
                   'a_class_label', s.class_label, 'a_class_name', s.class_name,
                   'a_kind', s.kind, 'a_noun', s.noun, 'a_nouns', s.nouns,
                   'a_summary', s.summary) AS as_a,
       json_object('protocol', s.protocol, 'protocol_name', s.protocol_name,
                   'a', s.protocol || ' ' || s.label, 'a_reason', s.reason,
                   'a_protocol', s.protocol,
                   'a_class', s.class, 'a_class_label', s.class_label,
                   'a_class_name', s.class_name, 'a_kind', s.kind,
                   'a_noun', s.noun, 'a_nouns', s.nouns,
                   'a_summary', s.summary) AS as_a_cross,
       json_object('b_protocol_name', s.protocol_name,
                   'b', s.label, 'b_reason', s.reason, 'b_class', s.class,
                   'b_class_label', s.class_label, 'b_class_name', s.class_name,
                   'b_kind', s.kind, 'b_noun', s.noun, 'b_nouns', s.nouns,
                   'b_summary', s.summary) AS as_b,
       json_object('b_protocol_name', s.protocol_name,
                   'b', s.protocol || ' ' || s.label, 'b_reason', s.reason,
                   'b_protocol', s.protocol,
                   'b_class', s.class, 'b_class_label', s.class_label,
                   'b_class_name', s.class_name, 'b_kind', s.kind,
                   'b_noun', s.noun, 'b_nouns', s.nouns,
                   'b_summary', s.summary) AS as_b_cross,
       -- a code without texts has no section: the intro says so
       iif(s.rest IS NULL AND s.when_seen IS NULL AND s.how_to_fix IS NULL, '',
       '## ' || s.label || ' ' || s.reason_name || char(10, 10)
       || iif(s.rest IS NULL, '',
              '### ' || s.h_desc || char(10, 10) || s.rest || char(10, 10))
       || iif(s.when_seen IS NULL, '',
              '### ' || s.h_when || char(10, 10) || s.when_seen || char(10, 10))
       || iif(s.how_to_fix IS NULL, '',
              '### ' || s.h_fix || char(10, 10) || s.how_to_fix || char(10)))
           AS block,
       iif(s.chosen, s.which, NULL) AS which_same,
       -- the paragraph with the code's name left out: two codes whose
       -- paragraphs are the same tell the reader nothing by them
       iif(s.chosen,
           (SELECT group_concat(fill(value, json_object('code', ''), s.side),
                                ' ')
            FROM json_each(s.which_t)),
           NULL) AS which_key,
       iif(s.chosen,
           (SELECT replace(group_concat(fill(value,
                                             json_object('code', s.protocol
                                                         || ' ' || s.label),
                                             s.side), ' '), '。 ', '。')
            FROM json_each(s.which_t)),
           NULL) AS which_cross,
       -- the status sentence names the vendor itself
       fill(s.status_t, json_object('code', s.code), s.side) AS status_same,
       fill(s.status_t, json_object('code', s.protocol || ' ' || s.code),
            s.side) AS status_cross,
       '- [' || s.protocol || ' ' || s.label || ' ' || s.reason_name || ']('
       || '/' || lower(s.protocol) || '/' || s.slug || '.md)'
       || iif(s.ref_url IS NULL, '',
              ' · [' || s.ref_label || '](' || s.ref_url || ')') AS links,
       json_object('protocol', s.protocol, 'code', s.code,
                   'vendor', nullif(s.vendor, ''), 'reason', s.reason,
                   'name', s.name, 'class', s.class, 'kind', s.kind,
                   'status', s.status,
                   'facts', json((SELECT json_group_object(key,
                                             json_extract(value, '$[0]'))
                                  FROM json_each(s.facts))),
                   'description', s.description,
                   'when_seen', s.when_seen,
                   'how_to_fix', s.how_to_fix,
                   'reference', s.ref_label, 'url', s.ref_url,
                   'page', '/' || lower(s.protocol) || '/' || s.slug || '.md')
           AS side_json,
       -- the kinds of fact, in fact_kind's order, each to its flags (1:
       -- one_sided, 2: words), which a pair goes through without reading
       -- a table for each pair
       (SELECT json_group_object(k.name, k.one_sided + 2 * k.words)
        FROM (SELECT name, one_sided, words FROM fact_kind ORDER BY position)
             AS k) AS kinds,
       -- the notes on this code and another, each in this language or
       -- English, as [{p, c, v, body}] (p, c, v: the other code); NULL
       -- for a code without notes.  A pair looks its note up here, not in
       -- the tables.  A note of one protocol is stored once, for either
       -- order of its codes; an equivalent's is equivalent_l10n's.
       (SELECT nullif(json_group_array(json_object('p', o.p, 'c', o.c,
                                                   'v', o.v, 'body', o.body)),
                      '[]')
        FROM (SELECT s.protocol AS p, x.c, x.v,
                     coalesce(max(iif(x.locale = s.locale, x.body, NULL)),
                              max(iif(x.locale = 'en', x.body, NULL))) AS body
              -- each order a lookup of a whole key
              FROM (SELECT n.code_b AS c, n.vendor_b AS v, n.locale, n.body
                    FROM note AS n
                    WHERE n.protocol = s.protocol AND n.code_a = s.code
                      AND n.vendor_a = s.vendor
                    UNION ALL
                    SELECT n.code_a, n.vendor_a, n.locale, n.body
                    FROM note AS n
                    WHERE n.protocol = s.protocol AND n.code_b = s.code
                      AND n.vendor_b = s.vendor) AS x
              WHERE x.locale IN (s.locale, 'en')
              GROUP BY x.c, x.v
              UNION ALL
              SELECT q.protocol, q.code, q.vendor, q.note
              FROM equivalent_l10n AS q
              WHERE q.locale = s.locale AND q.from_protocol = s.protocol
                AND q.from_code = s.code AND q.from_vendor = s.vendor)
             AS o) AS notes,
       s.t_title, s.t_title_cross, s.t_protocol, s.t_protocol_cross,
       s.t_intro, s.t_intro_same, s.t_intro_cross, s.t_diff_class,
       s.t_diff_kind, s.t_note,
       s.t_diffs,
       s.h_diff, s.h_which, s.h_learn,
       -- one row per code already: a window over the key keeps SQLite
       -- from flattening this view into `comparison`, which joins it
       -- twice, so that each code's side is built once, and a filter on
       -- the key still reaches the tables
       count(*) OVER (PARTITION BY s.locale, s.protocol, s.code, s.vendor)
           AS rows_of_key
FROM (
    SELECT x.*,
           -- the "when to use which" paragraph: its sentences, each
           -- filled on its own, joined by a space, except after a
           -- full-width stop
           iif(x.chosen,
               (SELECT replace(group_concat(fill(value, x.side), ' '),
                               '。 ', '。')
                FROM json_each(x.which_t)),
               NULL) AS which
    FROM (
        SELECT y.*,
               json_extract(y.facts, '$.next') IS NOT NULL
               AND json_extract(y.facts, '$.automatic') IS NULL
               -- a code only the client makes reports on its own attempt
               -- (SMTP 4.4.1 of the sending MTA): nobody chooses to send it
               AND json_extract(y.facts, '$.sender[0]') IS NOT 'client'
               -- nobody is advised to send a vendor's unregistered code
               AND y.status NOT IN ('unused', 'obsolete', 'deprecated',
                                    'unofficial')
                   AS chosen,
               -- its templates, each left out when its fact is missing
               json_array(iif(json_extract(y.facts, '$.sender') IS NULL,
                              y.t_which_any, y.t_which),
                          iif(json_extract(y.facts, '$.method') IS NULL, NULL,
                              y.t_which_method),
                          iif(json_extract(y.facts, '$.must') IS NULL, NULL,
                              y.t_which_must),
                          iif(json_extract(y.facts, '$.should') IS NULL, NULL,
                              y.t_which_should)) AS which_t,
               json_object('code', y.label, 'reason', y.reason,
                           'vendor', nullif(y.vendor, ''),
                           'registered', y.registered,
                           'expires', y.expires,
                           'sender', json_extract(y.facts, '$.sender[1]'),
                           'next', json_extract(y.facts, '$.next[1]'),
                           'method', json_extract(y.facts, '$.method[1]'),
                           'must', json_extract(y.facts, '$.must[1]'),
                           'should', json_extract(y.facts, '$.should[1]'))
                   AS side,
               CASE WHEN y.status = 'temporary' AND y.expires < date('now')
                    THEN y.t_expired
                    WHEN y.status = 'current' THEN NULL
                    ELSE (SELECT text FROM ui_l10n AS u
                          WHERE u.locale = y.locale
                            AND u.key = 'code.' || y.status) END AS status_t
        FROM (
            SELECT c.locale, c.protocol, c.code, c.vendor, c.sort, c.slug,
                   c.label, c.reason, c.name, c.reason_name, c.class_label,
                   c.class_name, c.class, c.final, c.kind, c.noun, c.nouns, c.status, c.status_name,
                   c.registered,
                   c.expires, c.ref_label, c.ref_url, c.description, c.when_seen,
                   c.how_to_fix,
                   -- a code without a description says so
                   coalesce(c.summary,
                            fill(t.t_no_text, json_object('code', c.label,
                                                          'reason', c.reason)))
                       AS summary,
                   -- the description after the sentence the intro gives
                   nullif(trim(substr(c.description, length(c.summary) + 1)),
                          '') AS rest,
                   coalesce((SELECT name FROM protocol_text AS pt
                             WHERE pt.protocol = c.protocol
                               AND pt.locale = c.locale),
                            (SELECT name FROM protocol AS pr
                             WHERE pr.id = c.protocol)) AS protocol_name,
                   c.facts,
                   t.*, dt.t_diffs
            -- a language without UI strings of its own has English
            -- templates and facts, by ui_l10n's fallback
            FROM code_facts AS c
            -- every comparison template and heading of each language,
            -- English where the language has none
            JOIN (SELECT locale AS t_locale,
                         max(iif(key = 'pair.title', text, NULL)) AS t_title,
                         max(iif(key = 'pair.title_cross', text, NULL)) AS t_title_cross,
                         max(iif(key = 'pair.protocol', text, NULL)) AS t_protocol,
                         max(iif(key = 'pair.protocol_cross', text, NULL)) AS t_protocol_cross,
                         max(iif(key = 'pair.intro', text, NULL)) AS t_intro,
                         max(iif(key = 'pair.intro_same', text, NULL)) AS t_intro_same,
                         max(iif(key = 'pair.intro_cross', text, NULL)) AS t_intro_cross,
                         max(iif(key = 'pair.diff_class', text, NULL)) AS t_diff_class,
                         max(iif(key = 'pair.diff_kind', text, NULL)) AS t_diff_kind,
                         max(iif(key = 'pair.note', text, NULL)) AS t_note,
                         max(iif(key = 'pair.which', text, NULL)) AS t_which,
                         max(iif(key = 'pair.which_any', text, NULL)) AS t_which_any,
                         max(iif(key = 'pair.which_method', text, NULL)) AS t_which_method,
                         max(iif(key = 'pair.which_must', text, NULL)) AS t_which_must,
                         max(iif(key = 'pair.which_should', text, NULL)) AS t_which_should,
                         max(iif(key = 'code.expired', text, NULL)) AS t_expired,
                         max(iif(key = 'code.no_text', text, NULL)) AS t_no_text,
                         max(iif(key = 'head.description', text, NULL)) AS h_desc,
                         max(iif(key = 'head.when_seen', text, NULL)) AS h_when,
                         max(iif(key = 'head.how_to_fix', text, NULL)) AS h_fix,
                         max(iif(key = 'head.differences', text, NULL)) AS h_diff,
                         max(iif(key = 'head.which', text, NULL)) AS h_which,
                         max(iif(key = 'head.learn_more', text, NULL)) AS h_learn
                  FROM ui_l10n
                  WHERE (key GLOB 'pair.*' OR key GLOB 'head.*'
                         OR key IN ('code.expired', 'code.no_text'))
                  GROUP BY locale) AS t ON t.t_locale = c.locale
            -- the difference templates of the language: KIND or KIND.one
            -- to its text
            JOIN (SELECT locale AS d_locale,
                         json_group_object(substr(key, 6), text) AS t_diffs
                  FROM ui_l10n
                  WHERE key GLOB 'diff.*'
                  GROUP BY locale) AS dt ON dt.d_locale = c.locale
        ) AS y
    ) AS x
) AS s;

-- The comparison page of two codes in one language, as Markdown
-- (`markdown`) and as a JSON object (`json`), for every ordered pair of
-- distinct codes: of one protocol, or of two (HTTP 503 against SIP 503).
-- A code is (protocol, code, vendor): filter on all of them, or on the
-- locale and both sides' keys, to build one page.  In a page of two
-- protocols the codes are named with their protocols, and the note is the
-- equivalent's.
--
-- Every template of the page is filled by fill() from the same two JSON
-- objects, `ctx_a` and `ctx_b`, code A's and code B's values as
-- comparison_side makes them once per code (as_a, as_b); a difference
-- item adds its own values, the note its text.
-- `differences` is the numbered list as a JSON array: the class contrast,
-- finality, each kind of fact whose values differ (fact_kind's order, a
-- kind that only one code has only if it is `one_sided`), and the note.
CREATE VIEW comparison AS
SELECT m.locale, m.protocol, m.code_a, m.vendor_a, m.protocol_b, m.code_b,
       m.vendor_b, m.sort_a, m.sort_b, m.slug_a, m.slug_b, m.protocol_name,
       m.title, m.protocol_line, m.intro, m.section_a, m.section_b,
       m.which_a, m.which_b, m.links_a, m.links_b, m.json_a, m.json_b,
       m.differences, m.cells_a, m.cells_b, m.status_differs, m.sentences,
       m.body, '# ' || m.title || char(10, 10) || m.body AS markdown, m.json
FROM (
SELECT p.locale, p.protocol, p.code_a, p.vendor_a, p.protocol_b, p.code_b,
       p.vendor_b, p.sort_a, p.sort_b, p.slug_a, p.slug_b, p.protocol_name,
       p.title, p.protocol_line, p.intro, p.section_a, p.section_b,
       p.which_a, p.which_b, p.links_a, p.links_b, p.json_a, p.json_b,
       p.differences, p.cells_a, p.cells_b,
       p.a_status <> 'current' OR p.b_status <> 'current' AS status_differs,
       -- every sentence of the page that a template made, for `check`
       (SELECT json_group_array(value)
        FROM (SELECT value FROM json_each(json_array(p.title, p.protocol_line,
                                                     p.intro))
              UNION ALL SELECT value FROM json_each(p.differences)
              UNION ALL SELECT value FROM json_each(json_array(p.which_a,
                                                               p.which_b))
              WHERE type <> 'null')) AS sentences,
       -- the page below its heading, in one printf(): a chain of ||
       -- would copy the page so far at every piece
       printf('%s' || char(10, 10) || '%s' || char(10, 10) || '%s%s%s%s## %s'
              || char(10, 10) || '%s' || char(10) || '%s' || char(10),
              p.protocol_line, p.intro,
              iif(p.section_a = '', '', p.section_a || char(10)),
              iif(p.section_b = '', '', p.section_b || char(10)),
              -- p.differences is named once here: each mention of it
              -- would build it again
              (SELECT iif(count(*) = 0, '',
                          '## ' || p.h_diff || char(10, 10)
                          || group_concat((key + 1) || '. ' || value, char(10))
                          || char(10, 10))
               FROM json_each(p.differences)),
              iif(p.which_a IS NULL AND p.which_b IS NULL, '',
                  '## ' || p.h_which || char(10, 10)
                  || iif(p.which_a IS NULL, '', p.which_a || char(10, 10))
                  || iif(p.which_b IS NULL, '', p.which_b || char(10, 10))),
              p.h_learn, p.links_a, p.links_b) AS body,
       json_object(
           'protocol', p.protocol,
           'protocol_b', p.protocol_b,
           'lang', p.locale,
           'title', p.title,
           'protocol_name', p.protocol_name,
           'intro', p.intro,
           'codes', json_array(json(p.json_a), json(p.json_b)),
           'differences', json(p.differences),
           'which', (SELECT json_group_array(value)
                     FROM json_each(json_array(p.which_a, p.which_b))
                     WHERE type <> 'null')) AS json
FROM (
    SELECT q.*,
           -- the title gives each code's name beside its reason; no
           -- space follows a full-width parenthesis ("Not Found（未找到）与")
           replace(fill(q.t_title, json_object('a_reason', q.a_reason_name,
                                               'b_reason', q.b_reason_name),
                        q.ctx_a, q.ctx_b), '） ', '）') AS title,
           fill(q.t_protocol, q.ctx_a, q.ctx_b) AS protocol_line,
           replace(fill(q.t_intro, q.ctx_a, q.ctx_b)
                   || iif(q.status_a IS NULL, '', ' ' || q.status_a)
                   || iif(q.status_b IS NULL, '', ' ' || q.status_b),
                   '。 ', '。') AS intro,
           (SELECT json_group_array(item) FROM (
                SELECT item FROM (
                    SELECT 1 AS o, 0 AS n,
                           iif(q.k1, fill(q.t_diff_class, q.ctx_a, q.ctx_b), NULL) AS item
                    UNION ALL
                    SELECT 2, 0, iif(q.k2, fill(q.t_diff_kind, q.ctx_a, q.ctx_b), NULL)
                    UNION ALL
                    SELECT 3, 0,
                           fill(json_extract(q.t_diffs, '$."' || d.kind
                                             || iif(d.av IS NULL OR d.bv IS NULL,
                                                    '.one', '') || '"'),
                                iif(d.av IS NULL OR d.bv IS NULL,
                                    json_object('has', iif(d.av IS NULL, q.name_b, q.name_a),
                                                'has_value', coalesce(d.ap, d.bp),
                                                'lacks', iif(d.av IS NULL, q.name_a, q.name_b)),
                                    json_object('a_value', d.ap, 'b_value', d.bp)),
                                q.ctx_a, q.ctx_b)
                    -- the kinds whose values differ, in fact_kind's order
                    -- (differing_keys(), fill.h): the others are not read
                    FROM (SELECT k.key AS kind,
                                 k.value & 1 AS one_sided, k.value / 2 AS words,
                                 json_extract(q.facts_a, '$.' || k.key || '[0]') AS av,
                                 json_extract(q.facts_a, '$.' || k.key || '[1]') AS ap,
                                 json_extract(q.facts_b, '$.' || k.key || '[0]') AS bv,
                                 json_extract(q.facts_b, '$.' || k.key || '[1]') AS bp
                          FROM json_each(differing_keys(q.kinds, q.facts_a, q.facts_b))
                               AS k
                          -- a LIMIT keeps SQLite from merging this query into
                          -- the one of the compound around it, which would
                          -- look each value up again wherever it is named
                          LIMIT -1) AS d
                    WHERE d.av IS NOT d.bv
                      AND (d.one_sided OR (d.av IS NOT NULL AND d.bv IS NOT NULL))
                      -- fields only one code has at this strength, which the
                      -- other has at another, are no difference of this kind
                      AND NOT (d.words = 0 AND (d.av IS NULL OR d.bv IS NULL)
                               AND coalesce(d.av, d.bv) IN (
                                   json_extract(iif(d.av IS NULL, q.facts_a, q.facts_b), '$.must[0]'),
                                   json_extract(iif(d.av IS NULL, q.facts_a, q.facts_b), '$.should[0]'),
                                   json_extract(iif(d.av IS NULL, q.facts_a, q.facts_b), '$.may[0]')))
                    UNION ALL
                    -- the pair's note, in this language or English, from
                    -- code A's notes (comparison_side's `notes`)
                    SELECT 4, 0, fill(q.t_note,
                                      json_object('note', json_extract(y.value, '$.body')),
                                      q.ctx_a, q.ctx_b)
                    FROM json_each(q.notes_a) AS y
                    WHERE json_extract(y.value, '$.p') = q.protocol_b
                      AND json_extract(y.value, '$.c') = q.b_code
                      AND json_extract(y.value, '$.v') = q.b_vendor
                ) WHERE item IS NOT NULL)) AS differences
    FROM (
        SELECT r.*,
               -- the pair's values: code A's and code B's, each named
               -- with its protocol when the two differ
               iif(r.protocol = r.protocol_b, r.as_a, r.as_a_cross) AS ctx_a,
               iif(r.protocol = r.protocol_b, r.as_b, r.as_b_cross) AS ctx_b
        FROM (
            SELECT a.locale AS locale, a.protocol AS protocol,
                   a.code AS code_a, a.vendor AS vendor_a,
                   b.protocol AS protocol_b, b.code AS code_b,
                   b.vendor AS vendor_b, a.sort AS sort_a, b.sort AS sort_b,
                   a.slug AS slug_a, b.slug AS slug_b,
                   a.protocol_name AS protocol_name,
                   b.protocol_name AS b_protocol_name,
                   -- a code is named with its protocol when the two differ
                   iif(a.protocol = b.protocol, '', a.protocol || ' ') || a.label
                       AS name_a,
                   iif(a.protocol = b.protocol, '', b.protocol || ' ') || b.label
                       AS name_b,
                   a.reason AS a_reason, a.reason_name AS a_reason_name,
                   b.reason_name AS b_reason_name, a.class AS a_class,
                   a.class_label AS a_class_label, a.class_name AS a_class_name,
                   a.kind AS a_kind, a.summary AS a_summary,
                   b.reason AS b_reason, b.class AS b_class,
                   b.class_label AS b_class_label, b.class_name AS b_class_name,
                   b.kind AS b_kind, b.summary AS b_summary,
                   a.facts AS facts_a, b.facts AS facts_b, a.kinds,
                   a.notes AS notes_a,
                   a.status AS a_status, b.status AS b_status,
                   a.cells AS cells_a, b.cells AS cells_b,
                   a.as_a, a.as_a_cross, b.as_b, b.as_b_cross,
                   -- two protocols' 5xx are not told apart by their class
                   a.class_label <> b.class_label AS k1,
                   a.final <> b.final AS k2,
                   iif(a.protocol = b.protocol, a.t_title, a.t_title_cross) AS t_title,
                   iif(a.protocol = b.protocol, a.t_protocol, a.t_protocol_cross)
                       AS t_protocol,
                   CASE WHEN a.protocol <> b.protocol THEN a.t_intro_cross
                        WHEN a.class_label = b.class_label THEN a.t_intro_same
                        ELSE a.t_intro END AS t_intro,
                   a.t_diff_class, a.t_diff_kind, a.t_note, a.t_diffs,
                   iif(a.protocol = b.protocol, a.status_same, a.status_cross)
                       AS status_a,
                   iif(a.protocol = b.protocol, b.status_same, b.status_cross)
                       AS status_b,
                   iif(a.which_key IS b.which_key, NULL,
                       iif(a.protocol = b.protocol, a.which_same, a.which_cross))
                       AS which_a,
                   iif(a.which_key IS b.which_key, NULL,
                       iif(a.protocol = b.protocol, b.which_same, b.which_cross))
                       AS which_b,
                   -- a code's heading names its protocol when the two differ
                   iif(a.protocol = b.protocol OR a.block = '', a.block,
                       '## ' || a.protocol || ' ' || substr(a.block, 4)) AS section_a,
                   iif(a.protocol = b.protocol OR b.block = '', b.block,
                       '## ' || b.protocol || ' ' || substr(b.block, 4)) AS section_b,
                   a.links AS links_a, b.links AS links_b,
                   a.side_json AS json_a, b.side_json AS json_b,
                   a.code AS a_code, a.vendor AS a_vendor,
                   b.code AS b_code, b.vendor AS b_vendor,
                   a.h_diff, a.h_which, a.h_learn
            FROM comparison_side AS a
            JOIN comparison_side AS b
              ON b.locale = a.locale
             AND (b.protocol <> a.protocol OR b.code <> a.code
                  OR b.vendor <> a.vendor)
        ) AS r
    ) AS q
) AS p
) AS m;

-- Every unordered pair of codes of a protocol, code A sorting first, with
-- its comparison page, for exports.  Only the languages that have texts
-- or UI strings of their own have rows.  Filter on `locale` (a value):
-- each code's side of that language is then built once for all its pairs.
CREATE VIEW comparison_page AS
SELECT locale, protocol, code_a, vendor_a, code_b, vendor_b, sort_a, sort_b,
       slug_a, slug_b, title, body, markdown, sentences, cells_a, cells_b,
       status_differs
FROM comparison
WHERE protocol_b = protocol
  AND (sort_a < sort_b OR (sort_a = sort_b AND vendor_a < vendor_b))
  AND locale IN (SELECT locale FROM ui UNION SELECT locale FROM text);

-- Each code's equivalents in other protocols, from either side of the
-- stored pair (`from_*` is the code whose page lists it), with the note in
-- each language, English where a language has none, ordered by protocol.
CREATE VIEW equivalent_l10n AS
SELECT l.tag AS locale,
       x.from_protocol, x.from_code, x.from_vendor,
       o.protocol AS protocol, o.code AS code, o.vendor AS vendor,
       o.code || iif(o.vendor = '', '', ' (' || o.vendor || ')') AS label,
       o.reason AS reason, o.sort AS sort, o.slug AS slug,
       coalesce((SELECT body FROM equivalent AS t
                 WHERE t.protocol_a = x.protocol_a AND t.code_a = x.code_a
                   AND t.vendor_a = x.vendor_a AND t.protocol_b = x.protocol_b
                   AND t.code_b = x.code_b AND t.vendor_b = x.vendor_b
                   AND t.locale = l.tag),
                x.body) AS note
FROM (SELECT protocol_a, code_a, vendor_a, protocol_b, code_b, vendor_b,
             protocol_a AS from_protocol, code_a AS from_code,
             vendor_a AS from_vendor, protocol_b AS to_protocol,
             code_b AS to_code, vendor_b AS to_vendor, body
      FROM equivalent WHERE locale = 'en'
      UNION ALL
      SELECT protocol_a, code_a, vendor_a, protocol_b, code_b, vendor_b,
             protocol_b, code_b, vendor_b, protocol_a, code_a, vendor_a, body
      FROM equivalent WHERE locale = 'en') AS x
CROSS JOIN locale AS l
JOIN code AS o
  ON o.protocol = x.to_protocol AND o.code = x.to_code
 AND o.vendor = x.to_vendor;

-- The page of one code in one language, as Markdown and as JSON.  Its
-- sentences are filled by fill() from `ctx`, one JSON object of the
-- code's values.
-- The codes a registry pairs with each other, from either side: an SMTP
-- enhanced status code (its `basic` names the registry's basic replies,
-- "451, 550") and each basic reply of the same class that the database
-- holds (5.1.1 with 550, 4.1.1 with 451).  A reply's class is its first
-- digit, as an enhanced code's is (RFC 3463, Section 2).
CREATE VIEW code_paired AS
SELECT e.protocol AS from_protocol, e.code AS from_code,
       b.protocol, b.code, b.reason, b.slug, b.sort
FROM code AS e
JOIN code AS b
  ON b.protocol = e.protocol AND b.vendor = '' AND b.basic = ''
 AND b.code GLOB '[2-5][0-9][0-9]' AND instr(e.basic, b.code) > 0
 AND substr(b.code, 1, 1) = substr(e.code, 1, 1)
WHERE e.basic <> '' AND e.vendor = ''
UNION ALL
SELECT b.protocol, b.code, e.protocol, e.code, e.reason, e.slug, e.sort
FROM code AS e
JOIN code AS b
  ON b.protocol = e.protocol AND b.vendor = '' AND b.basic = ''
 AND b.code GLOB '[2-5][0-9][0-9]' AND instr(e.basic, b.code) > 0
 AND substr(b.code, 1, 1) = substr(e.code, 1, 1)
WHERE e.basic <> '' AND e.vendor = '';

-- A code page's `title` names the code by its reason phrase ("HTTP 404
-- Not Found"); its `heading`, the first line of its Markdown, gives the
-- code's `name` beside the reason ("HTTP 404 Not Found（未找到）").
CREATE VIEW code_page AS
SELECT c.locale AS locale,
       c.protocol AS protocol,
       c.code AS code,
       c.vendor AS vendor,
       c.sort AS sort,
       c.slug AS slug,
       c.title,
       c.name,
       c.heading,
       c.lead,
       (SELECT json_group_array(value)
        FROM json_each(json_array(c.heading, c.lead, c.no_text))
        WHERE type <> 'null') AS sentences,
       '# ' || c.heading || char(10, 10) || c.lead || char(10, 10)
       -- a code without a description says so; a section without a text
       -- in any language is left out
       || '## ' || c.h_desc || char(10, 10)
       || coalesce(c.description, c.no_text) || char(10, 10)
       || iif(c.when_seen IS NULL, '',
              '## ' || c.h_when || char(10, 10) || c.when_seen || char(10, 10))
       || iif(c.how_to_fix IS NULL, '',
              '## ' || c.h_fix || char(10, 10) || c.how_to_fix || char(10))
       || iif(c.equivalents IS NULL, '',
              char(10) || '## ' || c.h_equiv || char(10, 10) || c.equivalents
              || char(10))
       || iif(c.paired IS NULL, '',
              char(10) || '## ' || iif(c.basic = '', c.h_enhanced, c.h_basic)
              || char(10, 10) || c.paired || char(10))
       || iif(c.ref_url IS NULL, '',
              char(10) || '## ' || c.h_learn || char(10, 10)
              || '- [' || c.ref_label || '](' || c.ref_url || ')' || char(10))
           AS markdown,
       json_object('protocol', c.protocol, 'code', c.code,
                   'reason', c.reason, 'name', c.name, 'lang', c.locale,
                   'class', c.class, 'kind', c.kind,
                   'final', json(iif(c.final, 'true', 'false')),
                   'cacheable', json(iif(c.cacheable, 'true', 'false')),
                   'retry_after', json(iif(c.retry_after, 'true', 'false')),
                   'status', c.status, 'registered', c.registered,
                   'expires', c.expires, 'vendor', nullif(c.vendor, ''),
                   'former', c.former, 'basic', c.basic,
                   'page', '/' || lower(c.protocol) || '/' || c.slug || '.md',
                   'facts', json(c.facts_json),
                   'meanings', json(c.meanings_json),
                   'equivalents', json(c.equivalents_json),
                   'paired', json(c.paired_json),
                   'reference', c.ref_label, 'url', c.ref_url,
                   'description', c.description,
                   'when_seen', c.when_seen,
                   'how_to_fix', c.how_to_fix) AS json
FROM (
    SELECT c.*,
           fill(c.t_title, c.ctx) AS title,
           -- the Markdown's heading: the title with the name beside the
           -- reason (the site's layout shows the name under the title)
           fill(c.t_title, json_object('reason', c.reason_name), c.ctx)
               AS heading,
           iif(c.description IS NULL, fill(c.t_no_text, c.ctx), NULL)
               AS no_text,
           -- its sentences joined by a space, except after a full-width stop
           replace(
               fill(iif(c.ref_label IS NULL, c.t_facts_noref, c.t_facts), c.ctx)
               || iif(c.t_status IS NULL, '', ' ' || fill(c.t_status, c.ctx))
               || iif(c.others IS NULL, '', ' ' || fill(c.t_meanings, c.ctx))
               || iif(c.basic = '', '', ' ' || fill(c.t_basic, c.ctx))
               || iif(c.former = '', '', ' ' || fill(c.t_former, c.ctx))
               || iif(c.retry_after, ' ' || fill(c.t_retry, c.ctx), ''),
               '。 ', '。') AS lead
    FROM (
    SELECT c.*,
           json_object('protocol', c.protocol, 'code', c.code,
                       'reason', c.reason, 'class', c.class,
                       'class_label', c.class_label,
                       'class_name', c.class_name, 'kind', c.kind,
                       'ref', c.ref_label, 'registered', c.registered,
                       'expires', c.expires, 'vendor', nullif(c.vendor, ''),
                       'others', c.others, 'basic', nullif(c.basic, ''),
                       'former', nullif(c.former, '')) AS ctx
    FROM (
    SELECT c.*,
           -- the other meanings of the same number: registered, vendors'
           (SELECT group_concat(o.reason || ' (' || iif(o.vendor = '',
                        (SELECT text FROM ui_l10n AS u
                         WHERE u.locale = c.locale AND u.key = 'word.registered'),
                        o.vendor) || ')', '; ')
            FROM (SELECT reason, vendor FROM code AS o
                  WHERE o.protocol = c.protocol AND o.code = c.code
                    AND o.vendor <> c.vendor
                  ORDER BY o.vendor <> '', o.vendor) AS o) AS others,
           (SELECT json_group_array(json_object('vendor', nullif(o.vendor, ''),
                                                'reason', o.reason,
                                                'page', '/' || lower(o.protocol)
                                                        || '/' || o.slug || '.md'))
            FROM (SELECT protocol, reason, vendor, slug FROM code AS o
                  WHERE o.protocol = c.protocol AND o.code = c.code
                    AND o.vendor <> c.vendor
                  ORDER BY o.vendor <> '', o.vendor) AS o) AS meanings_json,
           -- each kind of fact with its values, and where each is said
           (SELECT json_group_object(k.name, json_object(
                        'values', (SELECT json_group_array(value) FROM (
                                       SELECT value FROM fact AS f
                                       WHERE f.protocol = c.protocol
                                         AND f.code = c.code
                                         AND f.vendor = c.vendor
                                         AND f.kind = k.name
                                       ORDER BY value)),
                        'sources', (SELECT json_group_array(DISTINCT
                                       f.reference || iif(f.section = '', '',
                                                          ' ' || f.section))
                                    FROM fact AS f
                                    WHERE f.protocol = c.protocol
                                      AND f.code = c.code
                                      AND f.vendor = c.vendor
                                      AND f.kind = k.name)))
            FROM fact_kind AS k
            WHERE EXISTS (SELECT 1 FROM fact AS f
                          WHERE f.protocol = c.protocol AND f.code = c.code
                            AND f.vendor = c.vendor AND f.kind = k.name))
               AS facts_json,
           -- the equivalents in other protocols, with their notes in this
           -- language or English
           (SELECT group_concat('- [' || q.protocol || ' ' || q.label || ' '
                                || q.reason || '](/' || lower(q.protocol) || '/'
                                || q.slug || '.md): ' || q.note, char(10))
            FROM (SELECT * FROM equivalent_l10n AS q
                  WHERE q.locale = c.locale AND q.from_protocol = c.protocol
                    AND q.from_code = c.code AND q.from_vendor = c.vendor
                  ORDER BY q.protocol, q.sort, q.vendor) AS q)
               AS equivalents,
           (SELECT json_group_array(json_object('protocol', q.protocol,
                        'code', q.code, 'vendor', nullif(q.vendor, ''),
                        'reason', q.reason, 'note', q.note,
                        'page', '/' || lower(q.protocol) || '/' || q.slug || '.md'))
            FROM (SELECT * FROM equivalent_l10n AS q
                  WHERE q.locale = c.locale AND q.from_protocol = c.protocol
                    AND q.from_code = c.code AND q.from_vendor = c.vendor
                  ORDER BY q.protocol, q.sort, q.vendor) AS q)
               AS equivalents_json,
           -- an SMTP enhanced status code and the basic replies of its
           -- class that the registry pairs it with (5.1.1 and 550), seen
           -- from either side
           (SELECT group_concat('- [' || p.protocol || ' ' || p.code || ' '
                                || p.reason || '](/' || lower(p.protocol) || '/'
                                || p.slug || '.md)', char(10))
            FROM (SELECT * FROM code_paired AS p
                  WHERE p.from_protocol = c.protocol AND p.from_code = c.code
                    AND c.vendor = ''
                  ORDER BY p.sort) AS p) AS paired,
           (SELECT json_group_array(json_object('code', p.code,
                        'reason', p.reason,
                        'page', '/' || lower(p.protocol) || '/' || p.slug || '.md'))
            FROM (SELECT * FROM code_paired AS p
                  WHERE p.from_protocol = c.protocol AND p.from_code = c.code
                    AND c.vendor = ''
                  ORDER BY p.sort) AS p) AS paired_json,
           t.*,
           CASE WHEN c.status = 'temporary' AND c.expires < date('now')
                THEN t.t_expired
                WHEN c.status = 'current' THEN NULL
                ELSE (SELECT text FROM ui_l10n AS u
                      WHERE u.locale = c.locale
                        AND u.key = 'code.' || c.status) END AS t_status
    FROM code_l10n AS c
    -- the templates and headings of each language, English where it has none
    JOIN (SELECT locale AS t_locale,
                 max(iif(key = 'code.meanings', text, NULL)) AS t_meanings,
                 max(iif(key = 'code.basic', text, NULL)) AS t_basic,
                 max(iif(key = 'code.no_text', text, NULL)) AS t_no_text,
                 max(iif(key = 'code.title', text, NULL)) AS t_title,
                 max(iif(key = 'code.facts', text, NULL)) AS t_facts,
                 max(iif(key = 'code.facts_noref', text, NULL)) AS t_facts_noref,
                 max(iif(key = 'code.former', text, NULL)) AS t_former,
                 max(iif(key = 'code.retry_after', text, NULL)) AS t_retry,
                 max(iif(key = 'code.expired', text, NULL)) AS t_expired,
                 max(iif(key = 'head.equivalents', text, NULL)) AS h_equiv,
                 max(iif(key = 'head.basic_replies', text, NULL)) AS h_basic,
                 max(iif(key = 'head.enhanced', text, NULL)) AS h_enhanced,
                 max(iif(key = 'head.description', text, NULL)) AS h_desc,
                 max(iif(key = 'head.when_seen', text, NULL)) AS h_when,
                 max(iif(key = 'head.how_to_fix', text, NULL)) AS h_fix,
                 max(iif(key = 'head.learn_more', text, NULL)) AS h_learn
          FROM ui_l10n
          WHERE key GLOB 'code.*' OR key GLOB 'head.*'
          GROUP BY locale) AS t ON t.t_locale = c.locale
    ) AS c
    ) AS c
) AS c;

-- Translation coverage per protocol and language: how many of the code
-- texts exist (`translated`), are missing (`missing`), or were made from an
-- English text that has changed since (`stale`); and of the codes, how
-- many have a name in the language (`names`: in English every code, whose
-- reason is its name), how many of those names were given for a reason
-- that has changed since (`names_stale`), and how many have search terms
-- (`terms`).
CREATE VIEW coverage AS
SELECT t.protocol AS protocol,
       t.locale AS locale,
       count(*) AS texts,
       sum(NOT t.is_fallback) AS translated,
       sum(t.is_fallback) AS missing,
       sum(t.is_stale) AS stale,
       round(100.0 * sum(NOT t.is_fallback AND NOT t.is_stale) / count(*), 1)
           AS percent_current,
       iif(t.locale = 'en',
           (SELECT count(*) FROM code AS c WHERE c.protocol = t.protocol),
           (SELECT count(*) FROM code_name AS n
            WHERE n.protocol = t.protocol AND n.locale = t.locale
              AND n.name IS NOT NULL)) AS names,
       (SELECT count(*) FROM code_name AS n
        JOIN code AS c ON c.protocol = n.protocol AND c.code = n.code
         AND c.vendor = n.vendor
        WHERE n.protocol = t.protocol AND n.locale = t.locale
          AND n.name IS NOT NULL AND n.source IS NOT c.reason) AS names_stale,
       (SELECT count(*) FROM code_name AS n
        WHERE n.protocol = t.protocol AND n.locale = t.locale
          AND n.terms <> '') AS terms
FROM text_l10n AS t
WHERE t.locale IN (SELECT DISTINCT locale FROM text
                   UNION SELECT DISTINCT locale FROM ui)
GROUP BY t.protocol, t.locale;
