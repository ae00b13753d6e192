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
SELECT id FROM protocol WHERE id = upper(:protocol);

-- name: protocol_list
SELECT group_concat(id, ', ') FROM (SELECT id FROM protocol ORDER BY id);

-- name: class_exists
SELECT 1 FROM class
WHERE protocol = :protocol
  AND (label = :class COLLATE NOCASE OR label = :class || 'xx' COLLATE NOCASE);

-- name: code_exists
SELECT 1 FROM code WHERE protocol = :protocol AND code = :code;

-- name: code_nearest
-- The three codes nearest to :code, those of its own class first.
SELECT group_concat(code, ', ') FROM (
    SELECT code FROM (
        SELECT c.code AS code FROM code AS c
        LEFT JOIN class AS k
          ON k.protocol = c.protocol AND :code BETWEEN k.first AND k.last
        WHERE c.protocol = :protocol
        ORDER BY c.code BETWEEN coalesce(k.first, -1) AND coalesce(k.last, -1) DESC,
                 abs(c.code - :code), c.code
        LIMIT 3)
    ORDER BY code);

-- name: labels
SELECT text FROM ui_l10n WHERE locale = :lang AND key = :key;

-- name: list
SELECT protocol, code, reason, class,
       iif(:raw, status, status_name) AS status
FROM code_l10n
WHERE locale = :lang
  AND (:protocol IS NULL OR protocol = :protocol)
  AND (:class IS NULL OR class_label = :class COLLATE NOCASE
       OR class_label = :class || 'xx' COLLATE NOCASE)
ORDER BY protocol, code;

-- name: show
SELECT iif(:json, json, markdown) FROM code_page
WHERE locale = :lang AND protocol = :protocol AND code = :code;

-- name: compare
SELECT iif(:json, json, markdown) FROM comparison
WHERE locale = :lang AND protocol = :protocol
  AND code_a = :code_a AND code_b = :code_b;
