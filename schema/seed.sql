-- seed.sql: rows that belong to the program rather than to the data.
--
-- The languages codekb knows and their aliases, and the keys of the UI
-- strings and sentence templates that the views in views.sql read.  It is
-- applied after the migrations every time codekb-import opens a database,
-- and may be applied again at any time: it only inserts or refreshes.
--
-- Adding a template: add its key here with the placeholders it may use,
-- use it in views.sql, and give it an English text in data/ui/en.csv.
-- `codekb check` then reports every language whose text is missing or uses
-- other placeholders.

INSERT INTO locale (tag, name, native) VALUES
    ('en', 'English', 'English'),
    ('zh', 'Chinese (Simplified)', '简体中文'),
    ('ja', 'Japanese', '日本語'),
    ('ko', 'Korean', '한국어'),
    ('de', 'German', 'Deutsch'),
    ('fr', 'French', 'Français'),
    ('es', 'Spanish', 'Español'),
    ('pt', 'Portuguese', 'Português'),
    ('it', 'Italian', 'Italiano'),
    ('nl', 'Dutch', 'Nederlands'),
    ('pl', 'Polish', 'Polski'),
    ('ru', 'Russian', 'Русский'),
    ('uk', 'Ukrainian', 'Українська'),
    ('tr', 'Turkish', 'Türkçe'),
    ('vi', 'Vietnamese', 'Tiếng Việt'),
    ('zh-Hant', 'Chinese (Traditional)', '繁體中文')
ON CONFLICT (tag) DO UPDATE SET name = excluded.name, native = excluded.native;

-- Chinese aliases map by script: zh-TW and zh-HK are Traditional.
INSERT INTO locale_alias (alias, tag) VALUES
    ('en-US', 'en'), ('en-GB', 'en'), ('en-AU', 'en'), ('en-CA', 'en'),
    ('zh-CN', 'zh'), ('zh-SG', 'zh'), ('zh-Hans', 'zh'), ('zh-Hans-CN', 'zh'),
    ('zh-TW', 'zh-Hant'), ('zh-HK', 'zh-Hant'), ('zh-MO', 'zh-Hant'),
    ('zh-Hant-TW', 'zh-Hant'),
    ('ja-JP', 'ja'), ('ko-KR', 'ko'), ('de-DE', 'de'), ('de-AT', 'de'),
    ('de-CH', 'de'), ('fr-FR', 'fr'), ('fr-CA', 'fr'), ('es-ES', 'es'),
    ('es-MX', 'es'), ('pt-BR', 'pt'), ('pt-PT', 'pt'), ('it-IT', 'it'),
    ('nl-NL', 'nl'), ('pl-PL', 'pl'), ('ru-RU', 'ru'), ('uk-UA', 'uk'),
    ('tr-TR', 'tr'), ('vi-VN', 'vi')
ON CONFLICT (alias) DO UPDATE SET tag = excluded.tag;

-- A status name for every status (the statuses live in table `status`).
INSERT INTO ui_key (key, placeholders, purpose)
SELECT 'status.' || name, '', 'registry status: ' || name FROM status
WHERE true
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

INSERT INTO ui_key (key, placeholders, purpose) VALUES
    ('head.description', '', 'heading of a code''s description'),
    ('head.when_seen', '', 'heading of when a code occurs'),
    ('head.how_to_fix', '', 'heading of how to fix it'),
    ('head.differences', '', 'heading of the key differences list'),
    ('head.which', '', 'heading of the when-to-use-which paragraphs'),
    ('head.learn_more', '', 'heading of the links section'),
    ('label.protocol', '', 'column or label: protocol'),
    ('label.code', '', 'column or label: code number'),
    ('label.reason', '', 'column or label: reason phrase'),
    ('label.class', '', 'column or label: class'),
    ('label.status', '', 'column or label: registry status'),
    ('label.vendor', '', 'column or label: the vendor of an unofficial code'),
    ('label.reference', '', 'column or label: defining reference'),
    ('word.provisional', '', 'adjective for a 1xx-type response'),
    ('word.final', '', 'adjective for a final response'),
    ('ref.section', 'document section', 'a reference with its section'),
    ('ref.document', 'document', 'a reference without a section'),
    ('code.title', 'protocol code reason', 'title of a code page'),
    ('code.facts', 'protocol code reason class kind ref',
     'first sentence of a code page: class, kind and reference'),
    ('code.facts_noref', 'protocol code reason class kind',
     'the same, for a code without a reference'),
    ('code.deprecated', 'code reason', 'note on a deprecated code'),
    ('code.obsolete', 'code reason', 'note on an obsolete code'),
    ('code.unused', 'code', 'note on an unused code'),
    ('code.temporary', 'code registered expires',
     'note on a temporary registration that is still valid'),
    ('code.expired', 'code registered expires',
     'note on a temporary registration whose date has passed'),
    ('code.unofficial', 'code vendor', 'note on an unregistered code'),
    ('code.meanings', 'code others',
     'the other meanings of the same number, registered and vendors'''),
    ('code.basic', 'code basic',
     'the basic replies that the registry associates with the code'),
    ('word.registered', '', 'what marks the registered meaning of a number'),
    ('head.equivalents', '', 'heading of the equivalents in other protocols'),
    ('pair.title_cross', 'a a_reason b b_reason',
     'title of a comparison of codes of two protocols'),
    ('pair.protocol_cross', 'protocol_name b_protocol_name',
     'the protocol line of a comparison of two protocols'),
    ('code.former', 'code former', 'older phrases of the code'),
    ('code.retry_after', 'code', 'note that the code may carry Retry-After'),
    ('pair.title', 'protocol a a_reason b b_reason',
     'title of a comparison page'),
    ('pair.protocol', 'protocol protocol_name', 'the protocol line of a comparison'),
    ('pair.intro', 'a a_reason a_class a_summary b b_reason b_class b_summary',
     'intro: the classes of codes in different classes, and their meanings'),
    ('pair.intro_same', 'a a_reason a_summary b b_reason b_summary a_class',
     'intro: the class of codes in the same class, and their meanings'),
    ('pair.diff_class', 'a a_class b b_class',
     'difference item: the codes are in different classes'),
    ('pair.diff_kind', 'a a_kind b b_kind',
     'difference item: one is provisional, the other final'),
    ('pair.meaning_a', 'a a_summary', 'difference item: meaning of A'),
    ('pair.meaning_b', 'b b_summary', 'difference item: meaning of B'),
    ('pair.when_a', 'a a_when', 'difference item: when A is encountered'),
    ('pair.when_b', 'b b_when', 'difference item: when B is encountered'),
    ('pair.retry_a', 'a b', 'difference item: only A may carry Retry-After'),
    ('pair.retry_b', 'a b', 'difference item: only B may carry Retry-After'),
    ('pair.retry_both', 'a b', 'difference item: both may carry Retry-After'),
    ('pair.cache_a', 'a b', 'difference item: only A is cacheable by default'),
    ('pair.cache_b', 'a b', 'difference item: only B is cacheable by default'),
    ('pair.which_a', 'a a_reason a_when_all', 'when-to-use paragraph for A'),
    ('pair.which_b', 'b b_reason b_when_all', 'when-to-use paragraph for B'),
    ('pair.note', 'a b note', 'difference item: the hand-written note'),
    ('search.former', 'phrase protocol code reason',
     'search result: the phrase searched for is an older name of the code')
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;
