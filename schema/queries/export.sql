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
       c.retry_after, c.former, d.body AS description,
       w.body AS when_seen, h.body AS how_to_fix,
       iif(:json, json_object(
           'protocol', c.protocol, 'code', c.code, 'reason', c.reason,
           'reference', c.reference, 'section', c.section,
           'status', c.status, 'registered', c.registered,
           'expires', c.expires, 'vendor', c.vendor,
           'final', json(iif(c.final, 'true', 'false')),
           'cacheable', json(iif(c.cacheable, 'true', 'false')),
           'retry_after', json(iif(c.retry_after, 'true', 'false')),
           'former', c.former, 'description', d.body,
           'when_seen', w.body, 'how_to_fix', h.body), NULL) AS json
FROM code AS c
LEFT JOIN text AS d
       ON d.protocol = c.protocol AND d.code = c.code
      AND d.locale = 'en' AND d.field = 'description'
LEFT JOIN text AS w
       ON w.protocol = c.protocol AND w.code = c.code
      AND w.locale = 'en' AND w.field = 'when_seen'
LEFT JOIN text AS h
       ON h.protocol = c.protocol AND h.code = c.code
      AND h.locale = 'en' AND h.field = 'how_to_fix'
WHERE :protocol IS NULL OR c.protocol = :protocol
ORDER BY c.protocol, c.code;

-- name: export_texts
-- The translations of :lang (NULL: of every language but English), in the
-- columns of a texts file; a field not translated is empty.
SELECT t.locale, t.protocol, t.code,
       max(CASE WHEN t.field = 'description' THEN t.body END) AS description,
       max(CASE WHEN t.field = 'when_seen' THEN t.body END) AS when_seen,
       max(CASE WHEN t.field = 'how_to_fix' THEN t.body END) AS how_to_fix,
       iif(:json, json_object(
           'locale', t.locale, 'protocol', t.protocol, 'code', t.code,
           'description', max(CASE WHEN t.field = 'description' THEN t.body END),
           'when_seen', max(CASE WHEN t.field = 'when_seen' THEN t.body END),
           'how_to_fix', max(CASE WHEN t.field = 'how_to_fix' THEN t.body END)),
           NULL) AS json
FROM text AS t
WHERE (:lang IS NULL AND t.locale <> 'en' OR t.locale = :lang)
  AND (:protocol IS NULL OR t.protocol = :protocol)
GROUP BY t.locale, t.protocol, t.code
ORDER BY t.locale, t.protocol, t.code;

-- name: export_comparisons
-- The comparison page of every unordered pair of codes (code_a < code_b)
-- of each protocol, in :lang.
SELECT locale, protocol, code_a, code_b, title, markdown,
       iif(:json, json_object(
           'locale', locale, 'protocol', protocol, 'code_a', code_a,
           'code_b', code_b, 'title', title, 'markdown', markdown), NULL)
           AS json
FROM comparison_page
WHERE locale = :lang AND (:protocol IS NULL OR protocol = :protocol)
ORDER BY protocol, code_a, code_b;
