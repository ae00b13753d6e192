-- query.sql: the statements the codekb query tool runs, one per
-- "-- name:" block.  They read only the documented views and the base
-- tables' keys; user values come in only through named parameters.

-- name: locale_resolve
SELECT tag FROM locale WHERE tag = :tag COLLATE NOCASE
UNION ALL
SELECT tag FROM locale_alias WHERE alias = :tag
LIMIT 1;

-- name: locale_available
SELECT group_concat(locale, ', ') FROM (
    SELECT locale FROM ui UNION SELECT locale FROM text ORDER BY 1);

-- name: protocol_resolve
-- A protocol by its id or one of its aliases, in any case.
SELECT id FROM protocol WHERE id = upper(:protocol)
UNION ALL
SELECT id FROM protocol
WHERE aliases <> '' AND instr(' ' || aliases || ' ', ' ' || upper(:protocol) || ' ') > 0
LIMIT 1;

-- name: protocol_shapes
SELECT shapes FROM protocol WHERE id = :protocol;

-- name: protocol_list
SELECT group_concat(id, ', ') FROM (SELECT id FROM protocol ORDER BY id);

-- name: class_exists
SELECT 1 FROM class
WHERE protocol = :protocol
  AND (label = :class COLLATE NOCASE OR label = :class || 'xx' COLLATE NOCASE
       OR label LIKE :class || '.%');

-- name: code_exists
SELECT 1 FROM code WHERE protocol = :protocol AND code = :code LIMIT 1;

-- name: code_by_name
-- The codes whose reason phrase is :name, in any case and with '_' for a
-- space (gRPC's canonical names: UNAVAILABLE, DEADLINE_EXCEEDED): how many
-- different keys, and the first.
SELECT count(DISTINCT code), min(code) FROM code
WHERE protocol = :protocol
  AND replace(upper(reason), ' ', '_') = replace(upper(trim(:code)), ' ', '_');

-- name: code_meanings
-- The meanings of a number: the registered one first, then the vendors'.
SELECT vendor, reason FROM code
WHERE protocol = :protocol AND code = :code
ORDER BY vendor <> '', vendor;

-- name: code_nearest
-- The three codes nearest to the key whose sort value is :sort (see
-- lib/codekey.h), those of its own class first.
SELECT group_concat(code, ', ') FROM (
    SELECT code, sort FROM (
        SELECT DISTINCT c.code AS code, c.sort AS sort FROM code AS c
        LEFT JOIN class AS k
          ON k.protocol = c.protocol AND :sort BETWEEN k.lo AND k.hi
        WHERE c.protocol = :protocol
        ORDER BY c.sort BETWEEN coalesce(k.lo, -1) AND coalesce(k.hi, -1) DESC,
                 abs(c.sort - :sort), c.sort
        LIMIT 3)
    ORDER BY sort);

-- name: labels
SELECT text FROM ui_l10n WHERE locale = :lang AND key = :key;

-- name: list
-- The codes, each with its name in :lang beside its reason (NULL where
-- it has none).
SELECT protocol, code, reason, name, class,
       iif(:raw, status, status_name) AS status, vendor
FROM code_l10n
WHERE locale = :lang
  AND (:protocol IS NULL OR protocol = :protocol)
  AND (:class IS NULL OR class_label = :class COLLATE NOCASE
       OR class_label = :class || 'xx' COLLATE NOCASE
       OR class_label LIKE :class || '.%')
ORDER BY protocol, sort, vendor;

-- name: show
-- The page, and with :both its JSON too (the MCP server's one step).
SELECT iif(:json, json, markdown), iif(:both, json, NULL) FROM code_page
WHERE locale = :lang AND protocol = :protocol AND code = :code
  AND vendor = :vendor;

-- name: compare
SELECT iif(:json, json, markdown), iif(:both, json, NULL) FROM comparison
WHERE locale = :lang AND protocol = :protocol AND code_a = :code_a
  AND vendor_a = :vendor_a AND protocol_b = :protocol_b AND code_b = :code_b
  AND vendor_b = :vendor_b;

-- name: coverage
SELECT protocol, locale, texts, translated, missing, stale, percent_current,
       names, names_stale, terms
FROM coverage
WHERE :protocol IS NULL OR protocol = :protocol
ORDER BY protocol, locale = 'en' DESC, locale;

-- name: check_english
-- Codes without an English text in some field.
SELECT c.protocol || ' ' || c.code
       || iif(c.vendor = '', '', ' (' || c.vendor || ')') || ' en ' || f.name,
       'no English text (every other language falls back to it)'
FROM code AS c CROSS JOIN field AS f
WHERE NOT EXISTS (SELECT 1 FROM text AS t
                  WHERE t.protocol = c.protocol AND t.code = c.code
                    AND t.vendor = c.vendor AND t.locale = 'en'
                    AND t.field = f.name)
ORDER BY c.protocol, c.sort, c.vendor, f.position;

-- name: check_ui_english
SELECT 'ui en ' || k.key, 'no English text for this UI string'
FROM ui_key AS k
WHERE NOT EXISTS (SELECT 1 FROM ui WHERE locale = 'en' AND key = k.key)
ORDER BY k.key;

-- name: ui_missing
-- The UI strings without an English text, which every page falls back to.
SELECT key FROM ui_key AS k
WHERE NOT EXISTS (SELECT 1 FROM ui WHERE locale = 'en' AND key = k.key)
ORDER BY key;

-- name: check_references
SELECT protocol || ' ' || code
       || iif(vendor = '', '', ' (' || vendor || ')') || ' reference',
       CASE WHEN reference = '' THEN 'no reference'
            ELSE 'malformed reference ''' || reference || ''' section '''
                 || section || '''' END
FROM code
WHERE (reference = '' AND status <> 'unofficial')
   OR (reference <> ''
       AND NOT (reference GLOB 'RFC[1-9]*'
                AND substr(reference, 4) NOT GLOB '*[^0-9]*')
       AND NOT (reference GLOB 'draft-[a-z]*-[0-9][0-9]'
                AND reference NOT GLOB '*[^a-z0-9-]*')
       AND NOT (reference GLOB 'https://[a-z0-9]*.[a-z]*/*'
                AND reference NOT GLOB '*[^A-Za-z0-9./_#%~:-]*'
                AND section = ''))
   OR (section <> ''
       AND (section GLOB '.*' OR section GLOB '*.' OR section GLOB '*..*'))
ORDER BY protocol, sort, vendor;

-- name: check_stale
SELECT t.protocol || ' ' || t.code
       || iif(t.vendor = '', '', ' (' || t.vendor || ')') || ' ' || t.locale
       || ' ' || t.field,
       'stale translation: its English text has changed since'
FROM text_l10n AS t
JOIN code AS c
  ON c.protocol = t.protocol AND c.code = t.code AND c.vendor = t.vendor
WHERE t.is_stale AND t.locale IN (SELECT DISTINCT locale FROM text)
ORDER BY t.protocol, c.sort, t.vendor, t.locale, t.field;

-- name: check_stale_names
-- Names, and terms given without a name, that were written for a reason
-- phrase the code no longer has.
SELECT n.protocol || ' ' || n.code
       || iif(n.vendor = '', '', ' (' || n.vendor || ')') || ' ' || n.locale
       || iif(n.name IS NULL, ' terms', ' name'),
       'stale ' || iif(n.name IS NULL, 'terms', 'name') || ': written for '
       || 'the reason ''' || n.source || ''', which is now ''' || c.reason
       || ''''
FROM code_name AS n
JOIN code AS c
  ON c.protocol = n.protocol AND c.code = n.code AND c.vendor = n.vendor
WHERE n.source IS NOT c.reason
ORDER BY n.protocol, c.sort, n.vendor, n.locale;

-- name: check_ui_pairs
-- Every translated UI string beside its English source.
SELECT u.locale, u.key, u.text, e.text
FROM ui AS u JOIN ui AS e ON e.locale = 'en' AND e.key = u.key
WHERE u.locale <> 'en'
ORDER BY u.key, u.locale;

-- name: check_locales
SELECT DISTINCT locale FROM ui ORDER BY locale;

-- name: check_texts
-- Every translated text of the data, with where it is and its language:
-- code texts, notes, equivalents, class and protocol names and UI strings.
SELECT protocol || ' ' || code || iif(vendor = '', '', ' (' || vendor || ')')
       || ' ' || locale || ' ' || field, locale, body
FROM text WHERE locale <> 'en'
UNION ALL
SELECT 'note ' || protocol || ' ' || code_a || ' ' || code_b || ' ' || locale,
       locale, body
FROM note WHERE locale <> 'en'
UNION ALL
SELECT 'equivalent ' || protocol_a || ' ' || code_a || ' ' || protocol_b
       || ' ' || code_b || ' ' || locale, locale, body
FROM equivalent WHERE locale <> 'en'
UNION ALL
SELECT 'class ' || protocol || ' ' || label || ' ' || locale, locale, name
FROM class_text WHERE locale <> 'en'
UNION ALL
SELECT 'ui ' || locale || ' ' || key, locale, text
FROM ui WHERE locale <> 'en'
UNION ALL
SELECT 'protocol ' || protocol || ' ' || locale, locale, name
FROM protocol_text WHERE locale <> 'en';

-- name: check_literals
-- The phrases that stay in English in every language: reason phrases and
-- other names of codes, longest first, so that a longer one is taken out
-- before a shorter one inside it.
SELECT phrase FROM (SELECT reason AS phrase FROM code
                    UNION SELECT former FROM code WHERE former <> '')
ORDER BY length(phrase) DESC, phrase;

-- name: check_comparison_pages
-- Every comparison page of :lang, as the pages and exports render it, with
-- the sentences on it that templates made.
SELECT protocol || ' ' || code_a
       || iif(vendor_a = '', '', ' (' || vendor_a || ')') || ' vs ' || code_b
       || iif(vendor_b = '', '', ' (' || vendor_b || ')') || ' ' || locale,
       markdown, sentences
FROM comparison_page
WHERE locale = :lang;

-- name: check_equivalent_pages
-- The comparison page of every equivalent pair in :lang, both ways.
SELECT c.protocol || ' ' || c.code_a || ' vs ' || c.protocol_b || ' '
       || c.code_b || ' ' || c.locale, c.markdown, c.sentences
FROM equivalent AS e
JOIN comparison AS c
  ON c.locale = :lang
 AND ((c.protocol = e.protocol_a AND c.code_a = e.code_a
       AND c.vendor_a = e.vendor_a AND c.protocol_b = e.protocol_b
       AND c.code_b = e.code_b AND c.vendor_b = e.vendor_b)
   OR (c.protocol = e.protocol_b AND c.code_a = e.code_b
       AND c.vendor_a = e.vendor_b AND c.protocol_b = e.protocol_a
       AND c.code_b = e.code_a AND c.vendor_b = e.vendor_a))
WHERE e.locale = 'en';

-- name: check_code_pages
SELECT protocol || ' ' || code || iif(vendor = '', '', ' (' || vendor || ')')
       || ' ' || locale || ' page', markdown, sentences
FROM code_page
WHERE locale = :lang;

-- name: check_sentences
-- The sentences of a page, from its `sentences` column.
SELECT value FROM json_each(:sentences);

-- name: check_ui_allowed
-- Every UI string with the placeholders its key allows.
SELECT u.locale, u.key, u.text, k.placeholders
FROM ui AS u JOIN ui_key AS k ON k.key = u.key
ORDER BY u.key, u.locale;

-- name: check_template_keys
-- The UI strings whose text is :text: where a logged template comes from.
SELECT locale || ' ' || key FROM ui WHERE text = :text ORDER BY locale, key;

-- name: search
-- Every hit for :q, best first, in tiers: an exact code (rank 0); codes
-- with that prefix or in that class (1); a whole reason phrase, former
-- phrase or localized name, in any language (2); a whole search term (3);
-- part of a phrase or name (4); part of a search term (5); and texts (6).
-- search_tier() gives a document's tier (lib/similar.h); "whole"
-- compares case-folded, so "not found" and "NOT FOUND" are the reason
-- "Not Found".  Within a tier, a hit in :lang (or in
-- a wire phrase) comes first, then a registered code before a vendor's,
-- then the better bm25 score for a part (for a whole match the score
-- says nothing), then the code more others name as their equivalent (for
-- 未找到: HTTP 404 before gRPC NOT_FOUND and SIP 404, which map to it).
--
-- The words of :q are looked up in two indexes: :fts is the search_fts
-- query for the words of three or more characters, :cjk the search_cjk
-- query for the CJK words of one or two (NULL when there are none), and a
-- document must match both.  With :any (a query's parts, when it matches
-- nothing whole) a document may match either, and a document that
-- matches more of the :parts phrases comes first.  :mark is the first
-- short CJK word, which the snippet of a search_cjk hit highlights.
-- :scan is 1 when a short word is not CJK ("IP"): then a substring scan
-- for :q stands in.  :pattern is the GLOB pattern of the keys that begin
-- with :q (lib/codekey.h), NULL when :q cannot begin a key.  codekb_bm25
-- is bm25 with the length of a trigram document (one token per character
-- but the last two) given rather than looked up (lib/rank.h).  :key, if
-- not NULL, keeps only the codes with that key ("550 mailbox
-- unavailable": the words among the codes 550).  With :names, only the
-- names, phrases and terms are looked at, in their own index
-- (search_names): when they fill the page, the texts, a tier below, could
-- not change it, and a common word is in thousands of texts.
WITH
cjk_hit (id, score, matched) AS (
    SELECT rowid, bm25(search_cjk), codekb_phrases(search_cjk)
    FROM search_cjk
    WHERE :cjk IS NOT NULL AND search_cjk MATCH :cjk
      -- with :names, only the documents of names and terms
      AND (NOT :names OR rowid IN (SELECT id FROM search_word_doc))
),
-- doc is the search_doc row that matched, if any; mark is the word its
-- snippet highlights, NULL when the trigram index makes the snippet;
-- miss is how many of the :parts phrases it lacks.
found (protocol, code, vendor, rank, score, locale, doc, mark, miss) AS (
    SELECT protocol, code, vendor, 0, 0, '', NULL, NULL, 0
    FROM code WHERE :pattern IS NOT NULL AND code = :q
    UNION ALL
    SELECT protocol, code, vendor, 1, 0, '', NULL, NULL, 0
    FROM code
    WHERE :pattern IS NOT NULL AND code <> :q AND code GLOB :pattern
    UNION ALL
    SELECT c.protocol, c.code, c.vendor, 1, 0, '', NULL, NULL, 0
    FROM code AS c JOIN class AS k
      ON k.protocol = c.protocol AND c.sort BETWEEN k.lo AND k.hi
    WHERE k.label = :q COLLATE NOCASE
    UNION ALL
    SELECT d.protocol, d.code, d.vendor, search_tier(d.kind, d.field, d.body, :q),
           codekb_bm25(search_fts, max(length(d.body) - 2, 0)),
           d.locale, d.id, NULL,
           iif(:any, :parts - codekb_phrases(search_fts), 0)
    FROM search_fts JOIN search_doc AS d ON d.id = search_fts.rowid
    WHERE :fts IS NOT NULL AND NOT :names AND search_fts MATCH :fts
      AND (:cjk IS NULL OR :any OR d.id IN (SELECT id FROM cjk_hit))
    UNION ALL
    SELECT d.protocol, d.code, d.vendor, search_tier(d.kind, d.field, d.body, :q),
           codekb_bm25(search_names, max(length(d.body) - 2, 0)),
           d.locale, d.id, NULL, 0
    FROM search_names JOIN search_doc AS d ON d.id = search_names.rowid
    WHERE :fts IS NOT NULL AND :names AND search_names MATCH :fts
      AND (:cjk IS NULL OR d.id IN (SELECT id FROM cjk_hit))
    UNION ALL
    SELECT d.protocol, d.code, d.vendor, search_tier(d.kind, d.field, d.body, :q),
           h.score, d.locale, d.id,
           -- among the parts, a document that has the whole query shows it
           iif(:any AND instr(d.body, :q) > 0, :q, :mark),
           iif(:any, :parts - h.matched, 0)
    FROM cjk_hit AS h JOIN search_doc AS d ON d.id = h.id
    WHERE (:fts IS NULL OR :any)
      AND (NOT :names OR d.kind <> 'text' OR d.field IN ('name', 'terms'))
    UNION ALL
    SELECT protocol, code, vendor, search_tier(kind, field, body, :q),
           -1.0 / instr(body, :q), locale, id, :q, 0
    FROM search_doc
    WHERE :scan AND :pattern IS NULL AND instr(body, :q) > 0
      AND (NOT :names OR kind <> 'text' OR field IN ('name', 'terms'))
),
-- The best hit of each code: by the parts it lacks, its tier, then in
-- :lang, then by score (bm25 scores are small negative numbers; a whole
-- match counts as 0); SQLite takes the other columns from the row with
-- the min().
best AS (
    SELECT protocol, code, vendor, rank, locale, doc, mark, miss,
           iif(rank IN (2, 3), 0, score) AS score,
           locale NOT IN (:lang, '') AS elsewhere,
           min(miss * 1e9 + rank * 1e6 + (locale NOT IN (:lang, '')) * 1e3
               + iif(rank IN (2, 3), 0, score)) AS n
    FROM found
    WHERE (:protocol IS NULL OR protocol = :protocol)
      AND (:key IS NULL OR code = :key)
    GROUP BY protocol, code, vendor
)
-- The page is cut before snippets and texts are made: a common word
-- matches thousands of documents in a large knowledge base.
SELECT b.protocol AS protocol,
       b.code || iif(b.vendor = '', '', ' (' || b.vendor || ')') AS code,
       c.reason AS reason,
       CASE WHEN b.rank = 2
             AND (SELECT kind FROM search_doc WHERE id = b.doc) = 'former'
            THEN fill(coalesce((SELECT text FROM ui WHERE locale = :lang AND key = 'search.former'),
                               (SELECT text FROM ui WHERE locale = 'en' AND key = 'search.former')),
                      json_object('phrase', :q, 'code', b.code,
                                  'reason', c.reason, 'protocol', b.protocol))
            WHEN b.doc IS NOT NULL AND b.mark IS NULL
            THEN (SELECT replace(snippet(search_fts, 0, '**', '**', '…', 40),
                                 char(10), ' ')
                  FROM search_fts
                  WHERE search_fts MATCH :fts AND search_fts.rowid = b.doc)
            WHEN b.doc IS NOT NULL
            THEN (SELECT replace(
                      iif(pos = 0,
                          substr(body, 1, 40) || iif(length(body) > 40, '…', ''),
                          iif(pos > 21, '…', '')
                          || substr(body, max(1, pos - 20), min(pos - 1, 20))
                          || '**' || substr(body, pos, length(b.mark)) || '**'
                          || substr(body, pos + length(b.mark), 20)
                          || iif(pos + length(b.mark) + 20 <= length(body), '…', '')),
                      char(10), ' ')
                  FROM (SELECT body, instr(body, b.mark) AS pos
                        FROM search_doc WHERE id = b.doc))
            -- the first sentence of the description, as code_l10n's
            -- summary; read from text directly, since preparing the whole
            -- code_l10n view costs a search a third of a millisecond
            ELSE (SELECT CASE WHEN instr(d, '。') > 0
                              THEN substr(d, 1, instr(d, '。'))
                              WHEN instr(d, '. ') > 0
                              THEN substr(d, 1, instr(d, '. '))
                              ELSE d END
                  FROM (SELECT coalesce(
                            (SELECT body FROM text AS t
                             WHERE t.protocol = b.protocol AND t.code = b.code
                               AND t.vendor = b.vendor AND t.locale = :lang
                               AND t.field = 'description'),
                            (SELECT body FROM text AS t
                             WHERE t.protocol = b.protocol AND t.code = b.code
                               AND t.vendor = b.vendor AND t.locale = 'en'
                               AND t.field = 'description')) AS d)) END AS match
FROM (SELECT best.*, c.sort AS sort,
             -- how many codes name this one as their equivalent, only
             -- where it decides: among whole matches
             CASE WHEN best.rank IN (2, 3)
                  THEN (SELECT count(*) FROM equivalent AS e
                        WHERE e.locale = 'en' AND e.protocol_a = best.protocol
                          AND e.code_a = best.code AND e.vendor_a = best.vendor)
                       + (SELECT count(*) FROM equivalent AS e
                          WHERE e.locale = 'en' AND e.protocol_b = best.protocol
                            AND e.code_b = best.code AND e.vendor_b = best.vendor)
                  ELSE 0 END AS links
      FROM best
      JOIN code AS c
        ON c.protocol = best.protocol AND c.code = best.code
       AND c.vendor = best.vendor
      ORDER BY best.miss, best.rank, best.elsewhere, best.vendor <> '',
               best.score, links DESC, best.protocol, c.sort, best.vendor
      LIMIT :limit) AS b
JOIN code AS c
  ON c.protocol = b.protocol AND c.code = b.code AND c.vendor = b.vendor
ORDER BY b.miss, b.rank, b.elsewhere, b.vendor <> '', b.score, b.links DESC,
         b.protocol, b.sort, b.vendor;

-- name: search_is_term
-- 1 if :q is a search term of some code, as written or in another case;
-- a look-up of the vocabulary's key, not a scan.
SELECT 1 FROM search_word WHERE word = search_fold(:q) AND kind = 'term';

-- name: search_docs
-- How many search documents there are, about: the last id, found from the
-- end of search_doc's b-tree.
SELECT coalesce(max(id), 0) FROM search_doc;

-- name: search_suggest
-- The entry of the names vocabulary (search_word, migration 0008) nearest
-- to :q, at most :max edits away, among those of :lo to :hi characters:
-- the fewest edits, then a name before a term, then the one most
-- documents hold.  :kind limits it to names or terms (NULL: either).
-- Its distance is 0 when :q is an entry.
SELECT shown, kind, distance
FROM (SELECT shown, kind, n, edit_distance(:q, word, :max) AS distance
      FROM search_word
      WHERE chars BETWEEN :lo AND :hi AND (:kind IS NULL OR kind = :kind))
WHERE distance <= :max AND distance >= :least
ORDER BY distance, kind = 'term', n DESC, shown
LIMIT 1;

-- name: search_respelled
-- The entry of the names vocabulary that :q is, typed without some or all
-- of its accents ("acces refuse" is "accès refusé", "nao encontrado"
-- "não encontrado"), or, when :spacing (a query with a CJK letter), with
-- other spaces (Korean "찾을수없음" is "찾을 수 없음").  None when :q is an
-- entry as it is.  Only the entries of :q's length are read for the
-- accents (index search_word_chars), and only those that begin with its
-- first letter for the spaces (the key).  Other accents come before other
-- spaces, then a name before a term, then the one most documents hold;
-- `accents` is 1 when the entry differs from :q in its accents only.
SELECT shown, accents
FROM (SELECT shown, kind, n, 1 AS accents
      FROM search_word
      WHERE chars = length(search_fold(:q))
        AND search_bare(word) = search_bare(:q)
      UNION ALL
      SELECT shown, kind, n, 0
      FROM search_word
      WHERE :spacing
        AND word >= substr(search_fold(:q), 1, 1)
        AND word < substr(search_fold(:q), 1, 1) || char(1114111)
        AND replace(word, ' ', '') = replace(search_fold(:q), ' ', ''))
WHERE NOT EXISTS (SELECT 1 FROM search_word WHERE word = search_fold(:q))
ORDER BY accents DESC, kind = 'term', n DESC, shown
LIMIT 1;

-- name: check_search_pending
-- Documents written outside codekb-import (say, in the sqlite3 shell) that
-- the search index does not cover yet.
SELECT 'search index',
       count(*) || ' changed documents are not indexed yet; run '
       || 'codekb-import --upgrade to index them'
FROM search_pending HAVING count(*) > 0;
