-- views.sql: the public, documented views of a codekb database.
--
-- Analysts query these directly (docs/views.md describes every column);
-- the codekb program reads nothing else for its pages.  Every localized
-- view has a `locale` column and falls back to English, text by text, so a
-- language never shows an empty field.  Sentences are built here from the
-- templates in `ui`, by replacing {named} placeholders, never in C.
--
-- codekb-import drops and re-creates these views each time it writes, so
-- this file may also be run again by hand in the sqlite3 shell.

DROP VIEW IF EXISTS comparison_page;
DROP VIEW IF EXISTS comparison;
DROP VIEW IF EXISTS comparison_side;
DROP VIEW IF EXISTS comparison_difference;
DROP VIEW IF EXISTS pair_sentence;
DROP VIEW IF EXISTS code_page;
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
-- (`summary`) and of its when-it-occurs text (`when_first`).
CREATE VIEW code_l10n AS
SELECT x.*,
       CASE WHEN instr(x.description, '。') > 0
            THEN substr(x.description, 1, instr(x.description, '。'))
            WHEN instr(x.description, '. ') > 0
            THEN substr(x.description, 1, instr(x.description, '. '))
            ELSE x.description END AS summary,
       CASE WHEN instr(x.when_seen, '。') > 0
            THEN substr(x.when_seen, 1, instr(x.when_seen, '。'))
            WHEN instr(x.when_seen, '. ') > 0
            THEN substr(x.when_seen, 1, instr(x.when_seen, '. '))
            ELSE x.when_seen END AS when_first,
       CASE WHEN x.reference = '' THEN NULL
            WHEN x.section = ''
            THEN replace(coalesce((SELECT text FROM ui WHERE locale = x.locale AND key = 'ref.document'),
                    (SELECT text FROM ui WHERE locale = 'en' AND key = 'ref.document')),
                         '{document}', x.document)
            ELSE replace(replace(coalesce((SELECT text FROM ui WHERE locale = x.locale AND key = 'ref.section'),
                    (SELECT text FROM ui WHERE locale = 'en' AND key = 'ref.section')),
                                 '{document}', x.document),
                         '{section}', x.section) END AS ref_label
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
           cl.label AS class_label,
           coalesce(ct.name, cl.name) AS class_name,
           cl.label || ' ' || coalesce(ct.name, cl.name) AS class,
           c.final AS final,
           coalesce((SELECT text FROM ui WHERE locale = l.tag AND key = iif(c.final, 'word.final', 'word.provisional')),
                    (SELECT text FROM ui WHERE locale = 'en' AND key = iif(c.final, 'word.final', 'word.provisional'))) AS kind,
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
                ELSE c.reference END AS document,
           CASE WHEN c.reference GLOB 'RFC[0-9]*'
                THEN 'https://www.rfc-editor.org/rfc/rfc'
                     || lower(substr(c.reference, 4))
                     || iif(c.section = '', '', '#section-' || c.section)
                WHEN c.reference GLOB 'draft-*'
                THEN 'https://datatracker.ietf.org/doc/html/' || c.reference
                     || iif(c.section = '', '', '#section-' || c.section)
                ELSE NULL END AS ref_url,
           coalesce(td.body, ed.body) AS description,
           coalesce(tw.body, ew.body) AS when_seen,
           coalesce(th.body, eh.body) AS how_to_fix,
           (td.body IS NULL) + (tw.body IS NULL) + (th.body IS NULL)
               AS fallbacks
    FROM locale AS l
    CROSS JOIN code AS c
    JOIN class AS cl
      ON cl.protocol = c.protocol AND c.sort BETWEEN cl.lo AND cl.hi
    LEFT JOIN class_text AS ct
      ON ct.protocol = cl.protocol AND ct.label = cl.label
     AND ct.locale = l.tag
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

-- A code in one language with its own side of every comparison template
-- filled in: `f_*` as code A of a pair, `g_*` as code B; the placeholders
-- of the other code, the note and the numbers stay for the pair.  Also the
-- templates that need both codes (`retry_*`, `cache_*`, `t_note`) and the
-- headings (`h_*`), each with English fallback.  `comparison` joins two of
-- these rows into a page.
--
-- There is one row per code already; the GROUP BY keeps SQLite from
-- flattening this view into `comparison`, which joins it twice, so that a
-- query over many pairs builds each code's side once, not once per pair.
-- A filter on locale, protocol or code with a value (not a subquery) still
-- reaches the tables: `codekb compare` builds two rows, an export of one
-- language builds that language's rows.
CREATE VIEW comparison_side AS
SELECT s.*,
       replace(replace(replace(replace(replace(replace(replace(replace(
           t.title, '{protocol_name}', s.protocol_name),
           '{protocol}', s.protocol), '{a_reason}', s.reason),
           '{a_class}', s.class), '{a_kind}', s.kind),
           '{a_summary}', s.summary), '{a_when_all}', coalesce(s.when_seen, '')),
           '{a_when}', s.when_first) AS f_title,
       replace(t.title_cross, '{a_reason}', s.reason) AS f_title_cross,
       replace(t.protocol_cross, '{protocol_name}', s.protocol_name)
           AS f_protocol_cross,
       replace(replace(replace(replace(replace(replace(replace(replace(
           t.intro_same, '{protocol_name}', s.protocol_name),
           '{protocol}', s.protocol), '{a_reason}', s.reason),
           '{a_class}', s.class), '{a_kind}', s.kind),
           '{a_summary}', s.summary), '{a_when_all}', coalesce(s.when_seen, '')),
           '{a_when}', s.when_first) AS f_intro_same,
       replace(replace(replace(replace(replace(replace(replace(replace(
           t.intro, '{protocol_name}', s.protocol_name),
           '{protocol}', s.protocol), '{a_reason}', s.reason),
           '{a_class}', s.class), '{a_kind}', s.kind),
           '{a_summary}', s.summary), '{a_when_all}', coalesce(s.when_seen, '')),
           '{a_when}', s.when_first) AS f_intro,
       replace(replace(replace(replace(
           t.diff_class, '{a_class}', s.class), '{a_kind}', s.kind),
           '{a_reason}', s.reason), '{protocol}', s.protocol) AS f_diff_class,
       replace(replace(replace(replace(
           t.diff_kind, '{a_class}', s.class), '{a_kind}', s.kind),
           '{a_reason}', s.reason), '{protocol}', s.protocol) AS f_diff_kind,
       replace(replace(replace(replace(
           t.protocol, '{protocol_name}', s.protocol_name),
           '{protocol}', s.protocol), '{a_reason}', s.reason),
           '{a_class}', s.class) AS f_protocol,
       replace(replace(replace(replace(
           t.meaning_a, '{a_summary}', s.summary), '{a_when}', s.when_first),
           '{a_reason}', s.reason), '{protocol}', s.protocol) AS f_meaning,
       replace(replace(replace(replace(
           t.when_a, '{a_summary}', s.summary), '{a_when}', s.when_first),
           '{a_reason}', s.reason), '{protocol}', s.protocol) AS f_when,
       replace(replace(replace(replace(
           t.which_a, '{a_when_all}', coalesce(s.when_seen, '')), '{a_when}', s.when_first),
           '{a_reason}', s.reason), '{protocol}', s.protocol) AS f_which,
       replace(replace(replace(replace(
           t.meaning_b, '{b_summary}', s.summary), '{b_when}', s.when_first),
           '{b_reason}', s.reason), '{protocol}', s.protocol) AS g_meaning,
       replace(replace(replace(replace(
           t.when_b, '{b_summary}', s.summary), '{b_when}', s.when_first),
           '{b_reason}', s.reason), '{protocol}', s.protocol) AS g_when,
       replace(replace(replace(replace(
           t.which_b, '{b_when_all}', coalesce(s.when_seen, '')), '{b_when}', s.when_first),
           '{b_reason}', s.reason), '{protocol}', s.protocol) AS g_which,
       '## ' || s.label || ' ' || s.reason || char(10, 10)
       || iif(s.description IS NULL, '',
              '### ' || t.h_desc || char(10, 10) || s.description || char(10, 10))
       || iif(s.when_seen IS NULL, '',
              '### ' || t.h_when || char(10, 10) || s.when_seen || char(10, 10))
       || iif(s.how_to_fix IS NULL, '',
              '### ' || t.h_fix || char(10, 10) || s.how_to_fix || char(10))
           AS block,
       '- [' || s.protocol || ' ' || s.label || ' ' || s.reason || ']('
       || '/' || lower(s.protocol) || '/' || s.slug || '.md)'
       || iif(s.ref_url IS NULL, '',
              ' · [' || s.ref_label || '](' || s.ref_url || ')') AS links,
       json_object('protocol', s.protocol, 'code', s.code,
                   'vendor', nullif(s.vendor, ''), 'reason', s.reason,
                   'class', s.class, 'kind', s.kind,
                   'status', s.status,
                   'description', s.description,
                   'when_seen', s.when_seen,
                   'how_to_fix', s.how_to_fix,
                   'reference', s.ref_label, 'url', s.ref_url,
                   'page', '/' || lower(s.protocol) || '/' || s.slug || '.md')
           AS side_json,
       t.retry_a, t.retry_b, t.retry_both, t.cache_a, t.cache_b,
       t.note AS t_note, t.h_diff, t.h_which, t.h_learn
FROM (SELECT c.locale, c.protocol, c.code, c.vendor, c.sort, c.slug,
             c.label, c.basic, c.reason, c.class_label, c.class_name, c.class,
             c.final, c.kind, c.cacheable, c.retry_after, c.status,
             c.status_name, c.registered, c.expires, c.former, c.reference,
             c.section, c.document, c.ref_url, c.description, c.when_seen,
             c.how_to_fix, c.fallbacks, c.ref_label,
             -- a code without texts: its reason stands in for them
             coalesce(c.summary, c.reason || '.') AS summary,
             coalesce(c.when_first, '') AS when_first,
             coalesce((SELECT name FROM protocol_text AS pt
                       WHERE pt.protocol = c.protocol AND pt.locale = c.locale),
                      (SELECT name FROM protocol AS pr WHERE pr.id = c.protocol))
                 AS protocol_name
      FROM code_l10n AS c) AS s
-- every comparison template and heading of each language, English where
-- the language has none
JOIN (SELECT l.tag AS locale,
             max(CASE WHEN u.key = 'pair.title' THEN u.text END) AS title,
             max(CASE WHEN u.key = 'pair.title_cross' THEN u.text END) AS title_cross,
             max(CASE WHEN u.key = 'pair.protocol' THEN u.text END) AS protocol,
             max(CASE WHEN u.key = 'pair.protocol_cross' THEN u.text END) AS protocol_cross,
             max(CASE WHEN u.key = 'pair.intro' THEN u.text END) AS intro,
             max(CASE WHEN u.key = 'pair.intro_same' THEN u.text END) AS intro_same,
             max(CASE WHEN u.key = 'pair.diff_class' THEN u.text END) AS diff_class,
             max(CASE WHEN u.key = 'pair.diff_kind' THEN u.text END) AS diff_kind,
             max(CASE WHEN u.key = 'pair.meaning_a' THEN u.text END) AS meaning_a,
             max(CASE WHEN u.key = 'pair.meaning_b' THEN u.text END) AS meaning_b,
             max(CASE WHEN u.key = 'pair.when_a' THEN u.text END) AS when_a,
             max(CASE WHEN u.key = 'pair.when_b' THEN u.text END) AS when_b,
             max(CASE WHEN u.key = 'pair.retry_a' THEN u.text END) AS retry_a,
             max(CASE WHEN u.key = 'pair.retry_b' THEN u.text END) AS retry_b,
             max(CASE WHEN u.key = 'pair.retry_both' THEN u.text END) AS retry_both,
             max(CASE WHEN u.key = 'pair.cache_a' THEN u.text END) AS cache_a,
             max(CASE WHEN u.key = 'pair.cache_b' THEN u.text END) AS cache_b,
             max(CASE WHEN u.key = 'pair.which_a' THEN u.text END) AS which_a,
             max(CASE WHEN u.key = 'pair.which_b' THEN u.text END) AS which_b,
             max(CASE WHEN u.key = 'pair.note' THEN u.text END) AS note,
             max(CASE WHEN u.key = 'head.description' THEN u.text END) AS h_desc,
             max(CASE WHEN u.key = 'head.when_seen' THEN u.text END) AS h_when,
             max(CASE WHEN u.key = 'head.how_to_fix' THEN u.text END) AS h_fix,
             max(CASE WHEN u.key = 'head.differences' THEN u.text END) AS h_diff,
             max(CASE WHEN u.key = 'head.which' THEN u.text END) AS h_which,
             max(CASE WHEN u.key = 'head.learn_more' THEN u.text END) AS h_learn
      FROM locale AS l
      JOIN ui_key AS k ON k.key GLOB 'pair.*' OR k.key GLOB 'head.*'
      JOIN ui AS u ON u.key = k.key
       AND u.locale = coalesce((SELECT locale FROM ui AS x
                                WHERE x.locale = l.tag AND x.key = k.key), 'en')
      GROUP BY l.tag) AS t ON t.locale = s.locale
GROUP BY s.locale, s.protocol, s.code, s.vendor;

-- The comparison page of two codes in one language, as Markdown
-- (`markdown`) and as a JSON object (`json`), for every ordered pair of
-- distinct codes: of one protocol, or of two (HTTP 503 against SIP 503).
-- A code is (protocol, code, vendor): filter on all of them, or on the
-- locale and both sides' keys, to build one page.  In a page of two
-- protocols the codes are named with their protocols, and the note is the
-- equivalent's.
CREATE VIEW comparison AS
SELECT p.locale, p.protocol, p.code_a, p.vendor_a, p.protocol_b, p.code_b,
       p.vendor_b, p.sort_a, p.sort_b, p.slug_a, p.slug_b, p.protocol_name,
       p.title, p.protocol_line, p.intro, p.section_a, p.section_b,
       p.which_a, p.which_b, p.links_a, p.links_b, p.json_a, p.json_b,
       -- one printf, not a chain of ||, so the page is copied once
       printf('# %s%s%s%s%s%s%s%s%s%s## %s%s%s%s%d. %s%s%d. %s%s%d. %s%s%d. %s%s%s%s%s'
              || '## %s%s%s%s%s%s## %s%s%s%s%s%s',
              p.title, char(10, 10), p.protocol_line, char(10, 10),
              p.intro, char(10, 10), p.section_a, char(10),
              p.section_b, char(10), p.h_diff, char(10, 10),
              iif(p.k1, '1. ' || p.diff_class || char(10), ''),
              iif(p.k2, (p.k1 + 1) || '. ' || p.diff_kind || char(10), ''),
              p.k1 + p.k2 + 1, p.meaning_a, char(10),
              p.k1 + p.k2 + 2, p.meaning_b, char(10),
              p.k1 + p.k2 + 3, p.when_a, char(10),
              p.k1 + p.k2 + 4, p.when_b,
              iif(p.retry IS NULL, '',
                  char(10) || (p.k1 + p.k2 + 5) || '. ' || p.retry),
              iif(p.cache IS NULL, '',
                  char(10) || (p.k1 + p.k2 + 5 + (p.retry IS NOT NULL))
                  || '. ' || p.cache),
              iif(p.note IS NULL, '',
                  char(10) || (p.k1 + p.k2 + 5 + (p.retry IS NOT NULL)
                               + (p.cache IS NOT NULL)) || '. ' || p.note),
              char(10, 10),
              p.h_which, char(10, 10), p.which_a, char(10, 10),
              p.which_b, char(10, 10), p.h_learn, char(10, 10),
              p.links_a, char(10), p.links_b, char(10)) AS markdown,
       json_object(
           'protocol', p.protocol,
           'protocol_b', p.protocol_b,
           'lang', p.locale,
           'title', p.title,
           'protocol_name', p.protocol_name,
           'intro', p.intro,
           'codes', json_array(json(p.json_a), json(p.json_b)),
           'differences',
           (SELECT json_group_array(value)
            FROM json_each(json_array(iif(p.k1, p.diff_class, NULL),
                                      iif(p.k2, p.diff_kind, NULL),
                                      p.meaning_a, p.meaning_b,
                                      p.when_a, p.when_b,
                                      p.retry, p.cache, p.note))
            WHERE type <> 'null'),
           'which', json_array(p.which_a, p.which_b)) AS json
FROM (
    SELECT q.locale, q.protocol, q.code_a, q.vendor_a, q.protocol_b,
           q.code_b, q.vendor_b, q.sort_a, q.sort_b, q.slug_a, q.slug_b,
           q.protocol_name, q.k1,
           q.k2, q.section_a, q.section_b, q.links_a, q.links_b, q.json_a,
           q.json_b, q.h_diff, q.h_which, q.h_learn,
           -- the placeholders of code B, the note, and both codes' names
           replace(replace(replace(
               q.title, '{b_reason}', q.b_reason),
               '{a}', q.name_a), '{b}', q.name_b) AS title,
           replace(replace(replace(replace(
               q.protocol_line, '{b_reason}', q.b_reason),
               '{b_protocol_name}', q.b_protocol_name),
               '{a}', q.name_a), '{b}', q.name_b) AS protocol_line,
           replace(replace(replace(replace(replace(replace(
               q.intro, '{b_reason}', q.b_reason), '{b_class}', q.b_class),
               '{b_summary}', q.b_summary), '{b_kind}', q.b_kind),
               '{a}', q.name_a), '{b}', q.name_b) AS intro,
           replace(replace(replace(replace(replace(
               q.diff_class, '{b_class}', q.b_class), '{b_kind}', q.b_kind),
               '{b_reason}', q.b_reason), '{a}', q.name_a),
               '{b}', q.name_b) AS diff_class,
           replace(replace(replace(replace(replace(
               q.diff_kind, '{b_class}', q.b_class), '{b_kind}', q.b_kind),
               '{b_reason}', q.b_reason), '{a}', q.name_a),
               '{b}', q.name_b) AS diff_kind,
           replace(q.meaning_a, '{a}', q.name_a) AS meaning_a,
           replace(q.meaning_b, '{b}', q.name_b) AS meaning_b,
           replace(q.when_a, '{a}', q.name_a) AS when_a,
           replace(q.when_b, '{b}', q.name_b) AS when_b,
           replace(q.which_a, '{a}', q.name_a) AS which_a,
           replace(q.which_b, '{b}', q.name_b) AS which_b,
           replace(replace(q.retry, '{a}', q.name_a), '{b}', q.name_b) AS retry,
           replace(replace(q.cache, '{a}', q.name_a), '{b}', q.name_b) AS cache,
           -- NULL when the pair has no note: replace() of a NULL is NULL
           replace(replace(replace(q.note, '{note}', q.note_body),
                           '{a}', q.name_a), '{b}', q.name_b) AS note
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
               a.class_label <> b.class_label OR a.protocol <> b.protocol AS k1,
               a.final <> b.final AS k2,
               iif(a.protocol = b.protocol, a.f_title, a.f_title_cross) AS title,
               iif(a.protocol = b.protocol, a.f_protocol, a.f_protocol_cross)
                   AS protocol_line,
               iif(a.class_label = b.class_label AND a.protocol = b.protocol,
                   a.f_intro_same, a.f_intro) AS intro,
               a.f_diff_class AS diff_class, a.f_diff_kind AS diff_kind,
               a.f_meaning AS meaning_a, b.g_meaning AS meaning_b,
               a.f_when AS when_a, b.g_when AS when_b,
               a.f_which AS which_a, b.g_which AS which_b,
               -- a code's heading names its protocol when the two differ
               iif(a.protocol = b.protocol, a.block,
                   '## ' || a.protocol || ' ' || substr(a.block, 4)) AS section_a,
               iif(a.protocol = b.protocol, b.block,
                   '## ' || b.protocol || ' ' || substr(b.block, 4)) AS section_b,
               a.links AS links_a, b.links AS links_b,
               a.side_json AS json_a, b.side_json AS json_b,
               a.h_diff, a.h_which, a.h_learn,
               b.reason AS b_reason, b.class AS b_class, b.kind AS b_kind,
               b.summary AS b_summary,
               CASE WHEN a.retry_after AND b.retry_after THEN a.retry_both
                    WHEN a.retry_after THEN a.retry_a
                    WHEN b.retry_after THEN a.retry_b END AS retry,
               CASE WHEN a.cacheable AND NOT b.cacheable THEN a.cache_a
                    WHEN b.cacheable AND NOT a.cacheable THEN a.cache_b END
                   AS cache,
               a.t_note AS note,
               -- the pair's note in this language or English, '' if it has
               -- no text in either, and NULL if the pair has none: then the
               -- note item is NULL.  A note of one protocol is stored once,
               -- code A sorting first; an equivalent once, protocol A
               -- first by name.
               (SELECT iif(count(*) = 0, NULL,
                           coalesce(max(iif(x.locale = a.locale, x.body, NULL)),
                                    max(iif(x.locale = 'en', x.body, NULL)),
                                    ''))
                FROM (SELECT n.locale, n.body FROM note AS n
                      WHERE a.protocol = b.protocol AND n.protocol = a.protocol
                        AND ((n.code_a = a.code AND n.vendor_a = a.vendor
                              AND n.code_b = b.code AND n.vendor_b = b.vendor)
                          OR (n.code_a = b.code AND n.vendor_a = b.vendor
                              AND n.code_b = a.code AND n.vendor_b = a.vendor))
                      UNION ALL
                      SELECT e.locale, e.body FROM equivalent AS e
                      WHERE a.protocol <> b.protocol
                        AND ((e.protocol_a = a.protocol AND e.code_a = a.code
                              AND e.vendor_a = a.vendor
                              AND e.protocol_b = b.protocol
                              AND e.code_b = b.code AND e.vendor_b = b.vendor)
                          OR (e.protocol_a = b.protocol AND e.code_a = b.code
                              AND e.vendor_a = b.vendor
                              AND e.protocol_b = a.protocol
                              AND e.code_b = a.code AND e.vendor_b = a.vendor)))
                     AS x) AS note_body
        FROM comparison_side AS a
        JOIN comparison_side AS b
          ON b.locale = a.locale
         AND (b.protocol <> a.protocol OR b.code <> a.code
              OR b.vendor <> a.vendor)
    ) AS q
) AS p;

-- Every unordered pair of codes of a protocol, code A sorting first, with
-- its comparison page, for exports.  Only the languages that have texts
-- or UI strings of their own have rows.  Filter on `locale` (a value):
-- each code's side of that language is then built once for all its pairs.
CREATE VIEW comparison_page AS
SELECT locale, protocol, code_a, vendor_a, code_b, vendor_b, sort_a, sort_b,
       slug_a, slug_b, title, markdown
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
       o.reason AS reason, o.slug AS slug,
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

-- The page of one code in one language, as Markdown and as JSON.
CREATE VIEW code_page AS
SELECT c.locale AS locale,
       c.protocol AS protocol,
       c.code AS code,
       c.vendor AS vendor,
       c.sort AS sort,
       c.slug AS slug,
       replace(replace(replace(c.t_title, '{protocol}', c.protocol),
               '{code}', c.code), '{reason}', c.reason) AS title,
       '# ' || replace(replace(replace(c.t_title, '{protocol}', c.protocol),
               '{code}', c.code), '{reason}', c.reason) || char(10, 10)
       -- sentences are joined by a space, except after a full-width stop
       || replace(
          replace(replace(replace(replace(replace(replace(
              iif(c.ref_label IS NULL, c.t_facts_noref, c.t_facts),
              '{protocol}', c.protocol), '{code}', c.code),
              '{reason}', c.reason), '{class}', c.class),
              '{kind}', c.kind), '{ref}', coalesce(c.ref_label, ''))
       || iif(c.t_status IS NULL, '',
              ' ' || replace(replace(replace(replace(replace(c.t_status,
                  '{code}', c.code), '{reason}', c.reason),
                  '{registered}', coalesce(c.registered, '')),
                  '{expires}', coalesce(c.expires, '')),
                  '{vendor}', c.vendor))
       || iif(c.others IS NULL, '',
              ' ' || replace(replace(c.t_meanings, '{code}', c.code),
                             '{others}', c.others))
       || iif(c.basic = '', '',
              ' ' || replace(replace(c.t_basic, '{code}', c.code),
                             '{basic}', c.basic))
       || iif(c.former = '', '',
              ' ' || replace(replace(c.t_former, '{code}', c.code),
                             '{former}', c.former))
       || iif(c.retry_after, ' ' || replace(c.t_retry, '{code}', c.code), ''),
          '。 ', '。')
       || char(10, 10)
       -- a section without a text in any language is left out
       || iif(c.description IS NULL, '',
              '## ' || c.h_desc || char(10, 10) || c.description || char(10, 10))
       || iif(c.when_seen IS NULL, '',
              '## ' || c.h_when || char(10, 10) || c.when_seen || char(10, 10))
       || iif(c.how_to_fix IS NULL, '',
              '## ' || c.h_fix || char(10, 10) || c.how_to_fix || char(10))
       || iif(c.equivalents IS NULL, '',
              char(10) || '## ' || c.h_equiv || char(10, 10) || c.equivalents
              || char(10))
       || iif(c.ref_url IS NULL, '',
              char(10) || '## ' || c.h_learn || char(10, 10)
              || '- [' || c.ref_label || '](' || c.ref_url || ')' || char(10))
           AS markdown,
       json_object('protocol', c.protocol, 'code', c.code,
                   'reason', c.reason, 'lang', c.locale,
                   'class', c.class, 'kind', c.kind,
                   'final', json(iif(c.final, 'true', 'false')),
                   'cacheable', json(iif(c.cacheable, 'true', 'false')),
                   'retry_after', json(iif(c.retry_after, 'true', 'false')),
                   'status', c.status, 'registered', c.registered,
                   'expires', c.expires, 'vendor', nullif(c.vendor, ''),
                   'former', c.former, 'basic', c.basic,
                   'page', '/' || lower(c.protocol) || '/' || c.slug || '.md',
                   'meanings', json(c.meanings_json),
                   'equivalents', json(c.equivalents_json),
                   'reference', c.ref_label, 'url', c.ref_url,
                   'description', c.description,
                   'when_seen', c.when_seen,
                   'how_to_fix', c.how_to_fix) AS json
FROM (
    SELECT c.*,
           -- the other meanings of the same number: registered, vendors'
           (SELECT group_concat(o.reason || ' (' || iif(o.vendor = '',
                        coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'word.registered'),
                                 (SELECT text FROM ui WHERE locale = 'en' AND key = 'word.registered')),
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
           -- the equivalents in other protocols, with their notes in this
           -- language or English
           (SELECT group_concat('- [' || q.protocol || ' ' || q.label || ' '
                                || q.reason || '](/' || lower(q.protocol) || '/'
                                || q.slug || '.md): ' || q.note, char(10))
            FROM (SELECT * FROM equivalent_l10n AS q
                  WHERE q.locale = c.locale AND q.from_protocol = c.protocol
                    AND q.from_code = c.code AND q.from_vendor = c.vendor
                  ORDER BY q.protocol, q.code, q.vendor) AS q)
               AS equivalents,
           (SELECT json_group_array(json_object('protocol', q.protocol,
                        'code', q.code, 'vendor', nullif(q.vendor, ''),
                        'reason', q.reason, 'note', q.note,
                        'page', '/' || lower(q.protocol) || '/' || q.slug || '.md'))
            FROM equivalent_l10n AS q
            WHERE q.locale = c.locale AND q.from_protocol = c.protocol
              AND q.from_code = c.code AND q.from_vendor = c.vendor)
               AS equivalents_json,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.meanings'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.meanings')) AS t_meanings,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.basic'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.basic')) AS t_basic,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'head.equivalents'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'head.equivalents')) AS h_equiv,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.title'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.title')) AS t_title,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.facts'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.facts')) AS t_facts,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.facts_noref'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.facts_noref')) AS t_facts_noref,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.former'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.former')) AS t_former,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'code.retry_after'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'code.retry_after')) AS t_retry,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'head.description'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'head.description')) AS h_desc,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'head.when_seen'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'head.when_seen')) AS h_when,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'head.how_to_fix'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'head.how_to_fix')) AS h_fix,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = 'head.learn_more'),
                (SELECT text FROM ui WHERE locale = 'en' AND key = 'head.learn_more')) AS h_learn,
           coalesce((SELECT text FROM ui WHERE locale = c.locale AND key = CASE WHEN c.status = 'temporary' AND c.expires < date('now')
                          THEN 'code.expired'
                          WHEN c.status <> 'current' THEN 'code.' || c.status END),
                (SELECT text FROM ui WHERE locale = 'en' AND key = CASE WHEN c.status = 'temporary' AND c.expires < date('now')
                          THEN 'code.expired'
                          WHEN c.status <> 'current' THEN 'code.' || c.status END)) AS t_status
    FROM code_l10n AS c
) AS c;

-- Translation coverage per protocol and language: how many of the code
-- texts exist (`translated`), are missing (`missing`), or were made from an
-- English text that has changed since (`stale`).
CREATE VIEW coverage AS
SELECT t.protocol AS protocol,
       t.locale AS locale,
       count(*) AS texts,
       sum(NOT t.is_fallback) AS translated,
       sum(t.is_fallback) AS missing,
       sum(t.is_stale) AS stale,
       round(100.0 * sum(NOT t.is_fallback AND NOT t.is_stale) / count(*), 1)
           AS percent_current
FROM text_l10n AS t
WHERE t.locale IN (SELECT DISTINCT locale FROM text
                   UNION SELECT DISTINCT locale FROM ui)
GROUP BY t.protocol, t.locale;
