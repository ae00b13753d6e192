-- export.sql: the statements of `codekb export`, one per "-- name:" block.
--
-- The codes, texts and comparisons exports give their columns in the order
-- of the import formats (docs/data-format.md), so that an export imports
-- back as it is, then a last column `json`: the row as one JSON object when
-- :json is 1, else NULL.  CSV and Markdown print every column but the
-- last, JSON prints only the last.  Values come in only through the named
-- parameters: :protocol (NULL for all), :lang, :json.

-- name: export_codes
-- Every code with its English texts, in the columns of a codes file.
SELECT c.protocol, c.code, c.reason, c.reference, c.section, c.status,
       c.registered, c.expires, c.vendor, c.final, c.cacheable,
       c.retry_after, c.former, c.basic, d.body AS description,
       w.body AS when_seen, h.body AS how_to_fix,
       iif(:json, json_object(
           'protocol', c.protocol, 'code', c.code, 'reason', c.reason,
           'reference', c.reference, 'section', c.section,
           'status', c.status, 'registered', c.registered,
           'expires', c.expires, 'vendor', nullif(c.vendor, ''),
           'basic', c.basic,
           'final', json(iif(c.final, 'true', 'false')),
           'cacheable', json(iif(c.cacheable, 'true', 'false')),
           'retry_after', json(iif(c.retry_after, 'true', 'false')),
           'former', c.former, 'description', d.body,
           'when_seen', w.body, 'how_to_fix', h.body), NULL) AS json
FROM code AS c
LEFT JOIN text AS d
       ON d.protocol = c.protocol AND d.code = c.code AND d.vendor = c.vendor
      AND d.locale = 'en' AND d.field = 'description'
LEFT JOIN text AS w
       ON w.protocol = c.protocol AND w.code = c.code AND w.vendor = c.vendor
      AND w.locale = 'en' AND w.field = 'when_seen'
LEFT JOIN text AS h
       ON h.protocol = c.protocol AND h.code = c.code AND h.vendor = c.vendor
      AND h.locale = 'en' AND h.field = 'how_to_fix'
WHERE :protocol IS NULL OR c.protocol = :protocol
ORDER BY c.protocol, c.sort, c.vendor;

-- name: export_texts
-- The translations of :lang (NULL: of every language but English), in the
-- columns of a texts file; a field not translated is empty.
SELECT t.locale, t.protocol, t.code, t.vendor,
       max(CASE WHEN t.field = 'description' THEN t.body END) AS description,
       max(CASE WHEN t.field = 'when_seen' THEN t.body END) AS when_seen,
       max(CASE WHEN t.field = 'how_to_fix' THEN t.body END) AS how_to_fix,
       iif(:json, json_object(
           'locale', t.locale, 'protocol', t.protocol, 'code', t.code,
           'vendor', nullif(t.vendor, ''),
           'description', max(CASE WHEN t.field = 'description' THEN t.body END),
           'when_seen', max(CASE WHEN t.field = 'when_seen' THEN t.body END),
           'how_to_fix', max(CASE WHEN t.field = 'how_to_fix' THEN t.body END)),
           NULL) AS json
FROM text AS t
WHERE (:lang IS NULL AND t.locale <> 'en' OR t.locale = :lang)
  AND (:protocol IS NULL OR t.protocol = :protocol)
GROUP BY t.locale, t.protocol, t.code, t.vendor
ORDER BY t.locale, t.protocol,
         (SELECT sort FROM code AS c
          WHERE c.protocol = t.protocol AND c.code = t.code
            AND c.vendor = t.vendor), t.vendor;

-- name: export_names
-- Each code's name and search terms in :lang (NULL: in every language,
-- English's terms included), in the columns of a names file; an empty
-- cell is no name, or no terms.  Importing it gives the same rows, named
-- from the codes' reasons as they are then.
SELECT n.locale, n.protocol, n.code, nullif(n.vendor, '') AS vendor, n.name,
       nullif(n.terms, '') AS terms,
       iif(:json, json_object(
           'locale', n.locale, 'protocol', n.protocol, 'code', n.code,
           'vendor', nullif(n.vendor, ''), 'name', n.name,
           'terms', nullif(n.terms, '')), NULL) AS json
FROM code_name AS n
JOIN code AS c
  ON c.protocol = n.protocol AND c.code = n.code AND c.vendor = n.vendor
WHERE (:lang IS NULL OR n.locale = :lang)
  AND (:protocol IS NULL OR n.protocol = :protocol)
ORDER BY n.locale, n.protocol, c.sort, n.vendor;

-- name: export_comparisons
-- The comparison page of every unordered pair of codes (code_a < code_b)
-- of each protocol, in :lang.
SELECT locale, protocol, code_a, vendor_a, code_b, vendor_b, title, markdown,
       iif(:json, json_object(
           'locale', locale, 'protocol', protocol, 'code_a', code_a,
           'vendor_a', nullif(vendor_a, ''), 'code_b', code_b,
           'vendor_b', nullif(vendor_b, ''), 'title', title,
           'markdown', markdown), NULL)
           AS json
FROM comparison_page
WHERE locale = :lang AND (:protocol IS NULL OR protocol = :protocol)
ORDER BY protocol, sort_a, vendor_a, sort_b, vendor_b;

-- name: site_files
-- The Hugo configuration of `codekb export site`, as (path, content) rows:
-- one language per locale of :langs (a comma-separated list of tags, or
-- NULL for every language that has texts or UI strings).  The layouts and
-- the stylesheet are the files of site/, compiled in (site.h).
WITH lang AS (
    SELECT l.tag, l.native, row_number() OVER (ORDER BY l.tag <> 'en', l.tag) AS n
    FROM locale AS l
    WHERE iif(:langs IS NULL,
              l.tag IN (SELECT locale FROM ui UNION SELECT locale FROM text),
              instr(',' || :langs || ',', ',' || l.tag || ',') > 0)
)
SELECT 'hugo.toml',
       'baseURL = "/"' || char(10)
       || 'title = "codekb"' || char(10)
       || 'defaultContentLanguage = "' || (SELECT tag FROM lang WHERE n = 1) || '"' || char(10)
       || 'defaultContentLanguageInSubdir = true' || char(10)
       || 'relativeURLs = true' || char(10)
       -- a sitemap per language and one that indexes them, robots.txt
       -- and a 404 page (site/layouts/404.html)
       || 'disableKinds = ["taxonomy", "term", "RSS"]' || char(10)
       || 'enableRobotsTXT = true' || char(10)
       -- every language of the site, in its order, for the hreflang
       -- alternates, the switcher and the sitemaps
       -- (site/layouts/partials/translations.html)
       || '[params]' || char(10)
       || 'siteLanguages = [' || (SELECT group_concat('{ tag = ' || json_quote(tag)
                                                      || ', name = ' || json_quote(native)
                                                      || ' }', ', ')
                                  FROM (SELECT tag, native FROM lang ORDER BY n))
       || ']' || char(10)
       || group_concat('[languages.' || json_quote(tag) || ']' || char(10)
                       || 'languageName = ' || json_quote(native) || char(10)
                       || 'contentDir = ' || json_quote('content/' || tag) || char(10)
                       || 'weight = ' || n || char(10)
                       -- the names the layouts give their navigation
                       || '[languages.' || json_quote(tag) || '.params]' || char(10)
                       || 'navBreadcrumbs = ' || json_quote(coalesce(nav_crumbs, '')) || char(10)
                       || 'navLanguages = ' || json_quote(coalesce(nav_langs, '')) || char(10)
                       -- the rows of a comparison's facts table, in the
                       -- order of comparison_side's cells
                       || 'factLabels = ' || fact_labels || char(10)
                       -- the search box's strings (site/layouts/partials/search.html)
                       || '[languages.' || json_quote(tag) || '.params.search]' || char(10)
                       || coalesce((SELECT group_concat(substr(key, 8) || ' = '
                                                        || json_quote(coalesce(text, '')), char(10))
                                    FROM ui_l10n AS u
                                    WHERE u.locale = tag
                                      AND u.key IN ('search.label', 'search.placeholder',
                                                    'search.none', 'search.count',
                                                    'search.unavailable')) || char(10), ''), '')
FROM (SELECT lang.*,
             (SELECT text FROM ui_l10n AS u
              WHERE u.locale = lang.tag AND u.key = 'nav.breadcrumbs') AS nav_crumbs,
             (SELECT text FROM ui_l10n AS u
              WHERE u.locale = lang.tag AND u.key = 'nav.languages') AS nav_langs,
             (SELECT json_group_array(t)
              FROM (SELECT coalesce(u.text, '') AS t
                    FROM (SELECT 0 AS o, NULL AS key
                          UNION ALL SELECT 1, 'label.class'
                          UNION ALL SELECT 2, 'label.kind'
                          UNION ALL SELECT 10 + position, 'label.fact.' || name
                                    FROM fact_kind
                          UNION ALL SELECT 1000, 'label.status'
                          UNION ALL SELECT 1001, 'label.reference') AS r
                    LEFT JOIN ui_l10n AS u ON u.locale = lang.tag AND u.key = r.key
                    ORDER BY r.o)) AS fact_labels
      FROM lang ORDER BY n)
;

-- name: site_languages
-- The languages of the site: the tags of :langs (as in site_files).
SELECT l.tag
FROM locale AS l
WHERE iif(:langs IS NULL,
          l.tag IN (SELECT locale FROM ui UNION SELECT locale FROM text),
          instr(',' || :langs || ',', ',' || l.tag || ',') > 0)
ORDER BY l.tag;

-- name: site_pages
-- Every page of `codekb export site` in language :lang, one of :langs (as
-- in site_files), as (path, content) rows: a page per code, a page per
-- unordered pair of codes of a protocol, an index per protocol and per
-- class, and a home page that indexes the protocols and the languages.
-- Each page is YAML front matter (JSON strings, arrays and objects are
-- YAML) followed by the Markdown; links name the page file ("410.md").
-- The title is the page's heading, which the layouts give, so the
-- Markdown starts below it.  What the layouts draw from data is in the
-- front matter, where Hugo escapes it: `crumbs`, the trail above the
-- heading (the protocol, and on a code's page its class), as [{title,
-- page}]; on a comparison page
-- `facts`, {a, b, status}: the two codes' cells of comparison_page, which
-- the layout pairs with the row names of hugo.toml (factLabels), leaving
-- out a row neither code has, and the status row unless `status`; on an
-- index `groups`, its
-- codes by class, as [{title, page, codes: [{label, reason, page, status,
-- badge, summary}], none}] (reason: code_l10n's reason_name, the code's name
-- beside its reason), a class page's with each code's summary, a
-- protocol's without (SMTP's 149 summaries alone are 30 KB in Japanese),
-- and `none`, the UI string index.no_codes, for a class without codes.
-- On a code page, `name`, its name in the language (code_l10n's), and
-- `terms`, its search terms (code_name).  A `page` is the path below the language,
-- "/sip/486".  It runs
-- once per language, because comparison_page builds each code's side once
-- per run only for a language given as a value.  :parts runs of it, with
-- :part from 0 to :parts - 1, give every page once between them: run k
-- builds the pair pages whose two codes add up to k modulo :parts, and the
-- code pages whose code is k modulo :parts; run 0 builds the indexes.
-- `export site` runs them side by side, one thread each.
WITH lang AS MATERIALIZED (
    SELECT l.tag, l.native
    FROM locale AS l
    WHERE iif(:langs IS NULL,
              l.tag IN (SELECT locale FROM ui UNION SELECT locale FROM text),
              instr(',' || :langs || ',', ',' || l.tag || ',') > 0)
),
langs AS MATERIALIZED (
    SELECT json_group_array(tag) AS list FROM (SELECT tag FROM lang ORDER BY tag)
),
cls AS MATERIALIZED (
    SELECT k.locale, k.protocol, k.label, k.first, k.last, k.lo, k.hi,
           k.label || ' ' || k.name AS title,
           -- a label is data: a plain one ("4xx", "2.x.x") becomes
           -- letters, digits and '-'; any other, its bytes in hex, under a
           -- prefix that no plain one gets
           CASE WHEN k.label GLOB '*[^A-Za-z0-9 ./-]*'
                THEN 'classx-' || lower(hex(k.label))
                ELSE 'class-' || lower(replace(replace(replace(k.label, ' ', '-'),
                                                   '/', '-'), '.', '-'))
           END AS slug
    FROM class_l10n AS k WHERE k.locale = :lang
),
-- each code of the language as an index lists it, with its badge: its
-- status when that is not current, a temporary one's with its expiry
entry AS MATERIALIZED (
    SELECT c.protocol, c.sort, c.vendor,
           -- the reason with the name beside it, as the Markdown pages
           -- give it: a Japanese SMTP index is near 30 KB of HTML
           json_object('label', c.label, 'reason', c.reason_name,
                       'page', '/' || lower(c.protocol) || '/' || c.slug,
                       'status', c.status,
                       'badge', CASE c.status
                                WHEN 'current' THEN NULL
                                WHEN 'temporary'
                                THEN fill((SELECT text FROM ui_l10n AS u
                                           WHERE u.locale = c.locale
                                             AND u.key = 'badge.temporary'),
                                          json_object('expires', c.expires))
                                ELSE c.status_name END,
                       'summary', c.summary) AS full
    FROM code_l10n AS c WHERE c.locale = :lang AND :part = 0
)
SELECT 'content/' || path AS path, printf('---%stitle: %s%sprotocol: %s%scodes: %s%slang: %s%s'
                    || 'translationKey: %s%sslug: %s%stranslations: %s%s%s---%s%s',
                    char(10), json_quote(title), char(10),
                    json_quote(protocol), char(10), codes, char(10),
                    json_quote(locale), char(10), json_quote(key), char(10),
                    json_quote(slug), char(10), langs.list,
                    char(10), extra, char(10, 10), body) AS content
FROM (
    SELECT p.locale, p.protocol, p.title,
           json_array(p.code_a, p.code_b) AS codes,
           lower(p.protocol) || '/' || p.slug_a || '-vs-' || p.slug_b AS key,
           p.slug_a || '-vs-' || p.slug_b AS slug,
           p.locale || '/' || lower(p.protocol) || '/' || p.slug_a || '-vs-'
           || p.slug_b || '.md' AS path,
           'crumbs: [' || json_object('title', p.protocol,
                                      'page', '/' || lower(p.protocol)) || ']'
           -- the cells are JSON that comparison_side made: joined as
           -- text, not parsed again for every pair
           || char(10) || 'facts: {"a":' || p.cells_a || ',"b":' || p.cells_b
           || ',"status":' || iif(p.status_differs, 'true', 'false') || '}'
           || char(10) AS extra,
           -- the Markdown below its heading
           p.body
    FROM comparison_page AS p
    WHERE p.locale = :lang AND (p.sort_a + p.sort_b) % :parts = :part
    UNION ALL
    SELECT c.locale, c.protocol, c.title, json_array(c.code),
           lower(c.protocol) || '/' || c.slug, c.slug,
           c.locale || '/' || lower(c.protocol) || '/' || c.slug || '.md',
           'crumbs: ' || json_array(json_object('title', c.protocol,
                                                'page', '/' || lower(c.protocol)),
                                    json_object('title', k.title,
                                                'page', '/' || lower(c.protocol)
                                                        || '/' || k.slug))
           || char(10)
           -- its name in the language, shown under the heading, with the
           -- heading that gives both, the title of its search results;
           -- and its search terms, which the site's search reads
           -- (code_name)
           || iif(c.name IS NULL, '', 'name: ' || json_quote(c.name) || char(10)
                                      || 'named: ' || json_quote(c.heading)
                                      || char(10))
           || coalesce('terms: ' || json_quote(nullif(replace(n.terms, '|', ', '), ''))
                       || char(10), ''),
           -- below the Markdown's heading, which gives the name beside
           -- the reason: the layout shows the title, the name under it
           CAST(substr(CAST(c.markdown AS BLOB),
                       length(CAST(c.heading AS BLOB)) + 5) AS TEXT)
           -- its comparisons: none for the only code of a protocol
           || coalesce(char(10) || '## ' || (SELECT text FROM ui_l10n AS u
                                              WHERE u.locale = c.locale
                                                AND u.key = 'head.compare')
               || char(10, 10)
               || (SELECT group_concat('- [' || o.label || ' ' || o.reason || ']('
                                   || iif(o.sort < c.sort OR (o.sort = c.sort
                                                              AND o.vendor < c.vendor),
                                          o.slug || '-vs-' || c.slug,
                                          c.slug || '-vs-' || o.slug)
                                   || '.md)', char(10))
               FROM (SELECT o.code || iif(o.vendor = '', '', ' (' || o.vendor || ')')
                            AS label, o.reason, o.sort, o.vendor, o.slug
                     FROM code AS o
                     WHERE o.protocol = c.protocol
                       AND (o.code <> c.code OR o.vendor <> c.vendor)
                     ORDER BY o.sort, o.vendor) AS o) || char(10), '')
    FROM code_page AS c
    JOIN cls AS k ON k.locale = c.locale AND k.protocol = c.protocol
     AND c.sort BETWEEN k.lo AND k.hi
    LEFT JOIN code_name AS n
      ON n.protocol = c.protocol AND n.code = c.code AND n.vendor = c.vendor
     AND n.locale = c.locale
    WHERE c.locale = :lang AND c.sort % :parts = :part
    UNION ALL
    SELECT k.locale, k.protocol, k.protocol || ' ' || k.title,
           (SELECT json_group_array(code) FROM (SELECT code FROM code
            WHERE protocol = k.protocol AND sort BETWEEN k.lo AND k.hi
            ORDER BY sort, vendor)),
           lower(k.protocol) || '/' || k.slug, k.slug,
           k.locale || '/' || lower(k.protocol) || '/' || k.slug || '.md',
           'crumbs: ' || json_array(json_object('title', k.protocol,
                                                'page', '/' || lower(k.protocol)))
           || char(10) || 'groups: '
           || json_array(json_object('title', k.title,
                                     'page', '/' || lower(k.protocol) || '/' || k.slug,
                                     'codes', (SELECT json_group_array(json(full))
                                               FROM (SELECT full FROM entry AS e
                                                     WHERE e.protocol = k.protocol
                                                       AND e.sort BETWEEN k.lo AND k.hi
                                                     ORDER BY e.sort, e.vendor))))
           || char(10),
           -- a range that holds no code yet (WebSocket's private use,
           -- 4000-4999) says so
           (SELECT iif(n.count = 0,
                       (SELECT text FROM ui_l10n AS u
                        WHERE u.locale = k.locale AND u.key = 'index.no_codes'),
                       fill((SELECT text FROM ui_l10n AS u
                             WHERE u.locale = k.locale AND u.key = 'index.count'),
                            json_object('count', n.count)))
            FROM (SELECT count(*) AS count FROM code
                  WHERE protocol = k.protocol AND sort BETWEEN k.lo AND k.hi) AS n)
           || char(10)
    FROM cls AS k WHERE :part = 0
    UNION ALL
    SELECT r.locale, r.protocol, r.name || ' (' || r.protocol || ')', '[]',
           lower(r.protocol), lower(r.protocol),
           r.locale || '/' || lower(r.protocol) || '/_index.md',
           'crumbs: []' || char(10) || 'groups: '
           -- a class that holds no code says so (WebSocket 4000-4999)
           || (SELECT json_group_array(json_patch(
                          json_object('title', title, 'page', page,
                                      'codes', json(codes)),
                          iif(codes = '[]',
                              json_object('none', (SELECT text FROM ui_l10n AS u
                                                   WHERE u.locale = r.locale
                                                     AND u.key = 'index.no_codes')),
                              '{}')))
               FROM (SELECT k.title, '/' || lower(k.protocol) || '/' || k.slug AS page,
                            (SELECT json_group_array(json_remove(full, '$.summary'))
                             FROM (SELECT full FROM entry AS e
                                   WHERE e.protocol = k.protocol
                                     AND e.sort BETWEEN k.lo AND k.hi
                                   ORDER BY e.sort, e.vendor)) AS codes
                     FROM cls AS k
                     WHERE k.locale = r.locale AND k.protocol = r.protocol
                     ORDER BY k.lo))
           || char(10),
           -- a protocol declared without codes yet says so
           (SELECT iif(n.count = 0,
                       (SELECT text FROM ui_l10n AS u
                        WHERE u.locale = r.locale AND u.key = 'index.no_codes'),
                       fill((SELECT text FROM ui_l10n AS u
                             WHERE u.locale = r.locale AND u.key = 'index.count'),
                            json_object('count', n.count)))
            FROM (SELECT count(*) AS count FROM code
                  WHERE protocol = r.protocol) AS n)
           || char(10)
    FROM protocol_l10n AS r WHERE r.locale = :lang AND :part = 0
    UNION ALL
    SELECT g.tag, '', 'codekb', '[]', '', '', g.tag || '/_index.md', '',
           (SELECT group_concat('- [' || name || ' (' || protocol || ')]('
                                || lower(protocol) || '/_index.md)', char(10))
            FROM (SELECT name, protocol FROM protocol_l10n AS r
                  WHERE r.locale = g.tag ORDER BY protocol))
           || char(10, 10)
           || (SELECT group_concat('- [' || native || '](../' || tag || '/)',
                                   char(10))
               FROM (SELECT tag, native FROM lang ORDER BY tag))
           || char(10)
    FROM lang AS g WHERE g.tag = :lang AND :part = 0
-- CROSS JOIN keeps the pages the outer loop, streamed, not stored first
) CROSS JOIN langs;

-- name: export_translations
-- The translator's worksheet for :lang: every text that is missing, or
-- stale (its English source changed since it was translated), with the
-- English text beside it and the old translation, if any; and likewise
-- each code's name and search terms (code_name, fields `name` and
-- `terms`), whose English source is the code's reason phrase: missing
-- when the language has none, stale when the reason changed since they
-- were written.  A code's name and terms share one source, so they are
-- stale together.  Each code's rows come together: its name and terms
-- first, then its texts in the order of table field.  The empty
-- `translation` column is theirs to fill; codekb-import takes the file
-- back as it is.
WITH work AS (
    SELECT t.locale, t.protocol, t.code, t.vendor, t.field,
           iif(t.is_fallback, 'missing', 'stale') AS status,
           e.body AS english, iif(t.is_fallback, '', t.body) AS previous,
           c.sort, f.position
    FROM text_l10n AS t
    JOIN field AS f ON f.name = t.field
    JOIN text AS e
      ON e.protocol = t.protocol AND e.code = t.code AND e.vendor = t.vendor
     AND e.locale = 'en' AND e.field = t.field
    JOIN code AS c
      ON c.protocol = t.protocol AND c.code = t.code AND c.vendor = t.vendor
    WHERE t.locale = :lang AND (t.is_fallback OR t.is_stale)
      AND (:protocol IS NULL OR t.protocol = :protocol)
    UNION ALL
    SELECT :lang, protocol, code, vendor, field,
           iif(value IS NULL, 'missing', 'stale'), reason,
           coalesce(value, ''), sort, position
    FROM (SELECT c.protocol, c.code, c.vendor, c.sort, c.reason,
                 f.field, f.position, n.source,
                 -- the name or the terms, NULL where there are none
                 iif(f.field = 'name', n.name, nullif(n.terms, '')) AS value
          FROM code AS c
          CROSS JOIN (SELECT 'name' AS field, -1 AS position
                      UNION ALL SELECT 'terms', 0) AS f
          LEFT JOIN code_name AS n
            ON n.protocol = c.protocol AND n.code = c.code
           AND n.vendor = c.vendor AND n.locale = :lang
          WHERE :lang <> 'en'
            AND (:protocol IS NULL OR c.protocol = :protocol))
    WHERE value IS NULL OR source IS NOT reason
)
SELECT locale, protocol, code, nullif(vendor, '') AS vendor, field, status,
       english, previous, '' AS translation,
       iif(:json, json_object(
           'locale', locale, 'protocol', protocol, 'code', code,
           'vendor', nullif(vendor, ''), 'field', field, 'status', status,
           'english', english, 'previous', previous,
           'translation', ''), NULL) AS json
FROM work
ORDER BY protocol, sort, vendor, position;

-- name: site_api
-- The static JSON API of `codekb export site` (docs/api.md), in language
-- :lang, one of :langs (as in site_files), as (path, content) rows below
-- static/api/v1/, which Hugo copies into the built site as /api/v1/: a
-- file per code, a file per protocol, and index.json.  Each file is one
-- JSON object on one line, made by SQLite's JSON functions only; the
-- OpenAPI description of the files is site/static/api/v1/openapi.json.
-- :parts runs of it share the files as site_pages does: run k builds the
-- code files whose code is k modulo :parts, run 0 the protocol files and,
-- in the first language, index.json.  A code's file is its code_page.json
-- without the Markdown page paths, with the URLs of its own file and HTML
-- page, of its meanings', equivalents' and paired codes', and of its
-- comparison pages, and `fallback`, the texts that show in English.
WITH lang AS MATERIALIZED (
    SELECT l.tag, l.native
    FROM locale AS l
    WHERE iif(:langs IS NULL,
              l.tag IN (SELECT locale FROM ui UNION SELECT locale FROM text),
              instr(',' || :langs || ',', ',' || l.tag || ',') > 0)
),
-- this part's code pages, each JSON object built once for the several
-- places that read it
page AS MATERIALIZED (
    SELECT c.locale, c.protocol, c.code, c.vendor, c.sort, c.slug, c.json
    FROM code_page AS c
    WHERE c.locale = :lang AND c.sort % :parts = :part
)
SELECT path, content || char(10) AS content
FROM (
    SELECT 'static/api/v1/' || c.locale || '/' || lower(c.protocol) || '/'
           || c.slug || '.json' AS path,
           -- the lists of the codes the page links to, each entry with
           -- the URLs of its code's file and HTML page, made from its page
           -- path ('/sip/486.md'), in place of that path
           json_patch(json_patch(c.json, (
               SELECT json_group_object(l.list, json((
                   SELECT json_group_array(json_patch(e.value, json_object(
                              'page', NULL,
                              'href', '/api/v1/' || c.locale || e.stem || '.json',
                              'html', '/' || c.locale || e.stem || '/')))
                   FROM (SELECT e.value,
                                substr(e.value ->> '$.page', 1,
                                       length(e.value ->> '$.page') - 3) AS stem
                         FROM json_each(c.json, '$.' || l.list) AS e
                         ORDER BY e.key) AS e)))
               FROM (SELECT 'meanings' AS list UNION ALL SELECT 'equivalents'
                     UNION ALL SELECT 'paired') AS l)), json_object(
               'page', NULL,
               'class_label', k.label,
               'href', '/api/v1/' || c.locale || '/' || lower(c.protocol) || '/'
                       || c.slug || '.json',
               'html', '/' || c.locale || '/' || lower(c.protocol) || '/'
                       || c.slug || '/',
               -- the texts this language has none of, shown in English
               'fallback', json((SELECT json_group_array(f.name) FROM (
                   SELECT f.name FROM field AS f
                   WHERE EXISTS (SELECT 1 FROM text AS e
                                 WHERE e.protocol = c.protocol
                                   AND e.code = c.code AND e.vendor = c.vendor
                                   AND e.locale = 'en' AND e.field = f.name)
                     AND NOT EXISTS (SELECT 1 FROM text AS t
                                     WHERE t.protocol = c.protocol
                                       AND t.code = c.code
                                       AND t.vendor = c.vendor
                                       AND t.locale = c.locale
                                       AND t.field = f.name)
                   ORDER BY f.position) AS f)),
               -- each other code of the protocol and the page comparing
               -- the two, named by the code sorting first (site_pages)
               'comparisons', json((SELECT json_group_array(json_object(
                                'code', o.code, 'vendor', nullif(o.vendor, ''),
                                'reason', o.reason,
                                'html', '/' || c.locale || '/' || lower(c.protocol)
                                        || '/' || iif(o.sort < c.sort
                                                      OR (o.sort = c.sort
                                                          AND o.vendor < c.vendor),
                                                      o.slug || '-vs-' || c.slug,
                                                      c.slug || '-vs-' || o.slug)
                                        || '/'))
                   FROM (SELECT o.code, o.vendor, o.reason, o.sort, o.slug
                         FROM code AS o
                         WHERE o.protocol = c.protocol
                           AND (o.code <> c.code OR o.vendor <> c.vendor)
                         ORDER BY o.sort, o.vendor) AS o)))) AS content
    FROM page AS c
    JOIN class AS k ON k.protocol = c.protocol AND c.sort BETWEEN k.lo AND k.hi
    UNION ALL
    SELECT 'static/api/v1/' || r.locale || '/' || lower(r.protocol) || '.json',
           json_object(
               'version', 1, 'lang', r.locale,
               'protocol', json_object('id', r.protocol, 'name', r.name,
                                       'reference', r.reference),
               'classes', json((SELECT json_group_array(json_object(
                                'label', k.label, 'name', k.name,
                                'first', k.first, 'last', k.last))
                   FROM (SELECT * FROM class_l10n AS k
                         WHERE k.locale = r.locale AND k.protocol = r.protocol
                         ORDER BY k.lo) AS k)),
               'codes', json((SELECT json_group_array(json_object(
                                'code', x.code, 'vendor', nullif(x.vendor, ''),
                                'reason', x.reason, 'name', x.name,
                                'class_label', x.class_label,
                                'status', x.status, 'expires', x.expires,
                                'summary', x.summary,
                                'href', '/api/v1/' || x.locale || '/'
                                        || lower(x.protocol) || '/' || x.slug
                                        || '.json',
                                'html', '/' || x.locale || '/' || lower(x.protocol)
                                        || '/' || x.slug || '/'))
                   FROM (SELECT * FROM code_l10n AS x
                         WHERE x.locale = r.locale AND x.protocol = r.protocol
                         ORDER BY x.sort, x.vendor) AS x)))
    FROM protocol_l10n AS r WHERE r.locale = :lang AND :part = 0
    UNION ALL
    SELECT 'static/api/v1/index.json',
           json_object(
               'version', 1,
               'languages', json((SELECT json_group_array(json_object(
                                'tag', g.tag, 'name', g.native))
                   FROM (SELECT * FROM lang ORDER BY tag) AS g)),
               'protocols', json((SELECT json_group_array(json_object(
                                'id', p.id, 'name', p.name,
                                'reference', p.reference,
                                'codes', (SELECT count(*) FROM code AS o
                                          WHERE o.protocol = p.id),
                                'href', json((SELECT json_group_object(g.tag,
                                             '/api/v1/' || g.tag || '/'
                                             || lower(p.id) || '.json')
                                         FROM (SELECT tag FROM lang ORDER BY tag)
                                              AS g))))
                   FROM (SELECT * FROM protocol ORDER BY id) AS p)))
    WHERE :part = 0 AND :lang = (SELECT min(tag) FROM lang)
);
