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
    ('pt', 'Portuguese (Brazil)', 'Português (Brasil)'),
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

-- The kinds of fact a code may have (0005-facts.sql), in the order a list
-- of differences gives them, the most telling first; and the words of
-- each kind that takes words.  A header kind takes field names.
-- Positions are unique: move the old ones out of the way first.
UPDATE fact_kind SET position = position + 1000;

INSERT INTO fact_kind (name, position, words, one_sided, purpose) VALUES
    ('method', 1, 1, 0, 'what a redirect lets the method of the request become'),
    ('wire', 2, 1, 1, 'whether the code is ever sent to the peer'),
    ('must', 3, 0, 1, 'the header fields the response must carry'),
    ('next', 4, 1, 0, 'what the client does next'),
    ('closes', 5, 1, 1, 'whether the sender closes the connection after it'),
    ('forking', 6, 1, 1, 'what the response does to a forking proxy'),
    ('sender', 7, 1, 0, 'who sends the response'),
    ('should', 8, 0, 1, 'the header fields the response should carry'),
    ('hop', 9, 1, 1, 'whether the response goes one hop only'),
    ('automatic', 10, 1, 1, 'whether the protocol stack sends it on its own'),
    ('cacheable', 11, 1, 1, 'whether it is cacheable by default (from the code''s flag)'),
    ('may', 12, 0, 1, 'the header fields the response may carry')
ON CONFLICT (name) DO UPDATE SET position = excluded.position,
    words = excluded.words, one_sided = excluded.one_sided,
    purpose = excluded.purpose;

INSERT INTO fact_value (kind, value, position, purpose) VALUES
    ('method', 'may_get', 1, 'a user agent may turn POST into GET'),
    ('method', 'get', 2, 'the redirected request is a GET'),
    ('method', 'keep', 3, 'the method and body stay the same'),
    ('next', 'wait', 1, 'wait for the final response'),
    ('next', 'done', 2, 'nothing more to do'),
    ('next', 'switch', 3, 'switch to the protocol of Upgrade'),
    ('next', 'repeat', 4, 'repeat the request as it is'),
    ('next', 'credentials', 5, 'retry with credentials'),
    ('next', 'redirect', 6, 'follow the redirect'),
    ('next', 'later', 7, 'retry later'),
    ('next', 'modify', 8, 'change the request and retry'),
    ('next', 'elsewhere', 9, 'try another location, server or route'),
    ('next', 'stop', 10, 'do not retry the request'),
    ('next', 'continue', 11, 'send what the reply asks for next'),
    ('next', 'reconnect', 12, 'open a new connection and try again'),
    ('next', 'restart', 13, 'retry the whole transaction from its start'),
    ('next', 'after_fix', 14, 'retry only once the state has been fixed'),
    ('forking', 'stops', 1, 'a forking proxy cancels its other branches'),
    ('sender', 'uas', 1, 'a user agent server'),
    ('sender', 'proxy', 2, 'a proxy'),
    ('sender', 'registrar', 3, 'a registrar'),
    ('sender', 'redirect', 4, 'a redirect server'),
    ('sender', 'origin', 5, 'an origin server'),
    ('sender', 'intermediary', 6, 'a gateway or proxy'),
    ('sender', 'cdn', 7, 'a content delivery network'),
    ('sender', 'server', 8, 'the server'),
    ('sender', 'client', 9, 'the client'),
    ('sender', 'endpoint', 10, 'either endpoint'),
    ('wire', 'never', 1, 'never sent to the peer; the local side reports or logs it'),
    ('closes', 'yes', 1, 'the sender closes the connection after it'),
    ('hop', 'hop_by_hop', 1, 'each hop makes its own and never forwards it'),
    ('automatic', 'yes', 1, 'the protocol stack sends it on its own'),
    ('cacheable', 'yes', 1, 'cacheable by default')
ON CONFLICT (kind, value) DO UPDATE SET position = excluded.position,
    purpose = excluded.purpose;

-- A text for every word of a fact, and the difference templates of each
-- kind: `diff.KIND` when both codes have the kind and its values differ,
-- `diff.KIND.one` when only one has it (kinds that are one_sided).
INSERT INTO ui_key (key, placeholders, purpose)
SELECT 'fact.' || kind || '.' || value, '', 'fact word: ' || purpose
FROM fact_value
WHERE true
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

INSERT INTO ui_key (key, placeholders, purpose)
SELECT 'diff.' || name, 'a b a_value b_value',
       'difference item: the two codes differ in ' || purpose
FROM fact_kind
WHERE NOT words OR NOT one_sided
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

INSERT INTO ui_key (key, placeholders, purpose)
SELECT 'diff.' || name || '.one', 'has has_value lacks',
       'difference item: only one of the codes has ' || purpose
FROM fact_kind
WHERE one_sided
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

-- A row label of the facts table of a comparison page for every kind.
INSERT INTO ui_key (key, placeholders, purpose)
SELECT 'label.fact.' || name, '', 'facts table row: ' || purpose
FROM fact_kind
WHERE true
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

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
    ('label.name', '', 'column or label: what the language calls a code (its name beside the reason phrase)'),
    ('code.named', 'reason name',
     'a reason phrase with the code''s name in the language beside it, in titles, headings and facts'),
    ('ref.section', 'document section', 'a reference with its section'),
    ('ref.document', 'document', 'a reference without a section'),
    ('code.title', 'protocol code reason', 'title of a code page'),
    ('code.facts', 'protocol code reason class class_label class_name kind ref',
     'first sentence of a code page: class, kind and reference'),
    ('code.facts_noref', 'protocol code reason class class_label class_name kind',
     'the same, for a code without a reference'),
    ('code.deprecated', 'code reason', 'note on a deprecated code'),
    ('code.obsolete', 'code reason', 'note on an obsolete code'),
    ('code.unused', 'code', 'note on an unused code'),
    ('code.temporary', 'code registered expires',
     'note on a temporary registration that is still valid'),
    ('code.expired', 'code registered expires',
     'note on a temporary registration whose date has passed'),
    ('code.unofficial', 'code reason vendor', 'note on an unregistered code'),
    ('code.meanings', 'code others',
     'the other meanings of the same number, registered and vendors'''),
    ('code.basic', 'code basic',
     'the basic replies that the registry associates with the code'),
    ('code.no_text', 'code reason',
     'what a code page and a comparison say of a code without a description'),
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
    ('pair.intro', 'a a_reason a_class a_class_label a_class_name a_noun a_summary b b_reason b_class b_class_label b_class_name b_noun b_summary',
     'intro: the classes of codes in different classes, and their meanings'),
    ('pair.intro_cross', 'a a_reason a_class a_class_label a_class_name a_noun a_summary a_protocol b b_reason b_class b_class_label b_class_name b_noun b_summary b_protocol',
     'comparison intro of two codes of different protocols: each summary after its protocol'),
    ('pair.intro_same', 'a a_reason a_summary b b_reason b_summary a_class a_class_label a_class_name a_nouns',
     'intro: the class of codes in the same class, and their meanings'),
    ('pair.diff_class', 'a a_class a_class_label a_class_name b b_class b_class_label b_class_name',
     'difference item: the codes are in different classes'),
    ('pair.diff_kind', 'a a_kind b b_kind',
     'difference item: one is provisional, the other final'),
    ('pair.note', 'a b note', 'difference item: the hand-written note'),
    ('pair.which', 'code reason sender next',
     'when-to-use paragraph: who sends the code, and when'),
    ('pair.which_any', 'code reason next',
     'when-to-use paragraph of a code whose sender the facts do not name'),
    ('pair.which_method', 'code method',
     'when-to-use sentence: what a redirect lets the method become'),
    ('pair.which_must', 'code must',
     'when-to-use sentence: the header fields the code must carry'),
    ('pair.which_should', 'code should',
     'when-to-use sentence: the header fields the code should carry'),
    ('list.comma', 'a b', 'a list: one more item before the last'),
    ('list.and', 'a b', 'a list: its last item, all of them together'),
    ('list.or', 'a b', 'a list: its last item, any one of them'),
    ('list.or_fields', 'a b',
     'a list of header field names: its last item, any one of them'),
    ('index.no_codes', '', 'class or protocol page: it holds no code yet'),
    ('index.count', 'count',
     'class or protocol page: how many codes its list holds (a plural)'),
    ('head.basic_replies', '', 'code page heading: the basic replies an enhanced status code goes with'),
    ('head.enhanced', '', 'code page heading: the enhanced status codes a basic reply goes with'),
    ('label.kind', '', 'facts table row: provisional or final'),
    ('head.compare', '', 'code page heading: its comparisons with the other codes'),
    ('nav.breadcrumbs', '', 'site: the name of the trail protocol, class, code'),
    ('nav.languages', '', 'site: the name of the language switcher'),
    ('badge.temporary', 'expires',
     'site index: the badge of a temporary registration, with its expiry'),
    ('search.former', 'phrase protocol code reason',
     'search result: the phrase searched for is an older name of the code'),
    ('search.label', '', 'site: the label of the search box'),
    ('search.placeholder', '', 'site: the hint shown in the empty search box'),
    ('search.none', '', 'site: the search found nothing'),
    ('search.count', 'count',
     'site: how many pages the search found (a plural; the browser fills it, with the tests = and <)'),
    ('search.unavailable', '', 'site: the search index cannot be loaded (a page opened from a file)')
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

-- What each noun of table code_noun is called: alone, in the plural, and
-- as a code's kind, final or provisional.
WITH k(prefix, what) AS (
    VALUES ('noun.', 'what a code is called: '),
           ('nouns.', 'what codes are called, in the plural: '),
           ('kind.final.', 'a final one of: '),
           ('kind.provisional.', 'a provisional one of: '))
INSERT INTO ui_key (key, placeholders, purpose)
SELECT k.prefix || n.name, '', k.what || n.purpose
FROM code_noun AS n CROSS JOIN k
WHERE n.provisional OR k.prefix <> 'kind.provisional.'
ON CONFLICT (key) DO UPDATE SET placeholders = excluded.placeholders,
                                purpose = excluded.purpose;

-- Keys that the pages no longer use, and their texts.
DELETE FROM ui WHERE key IN ('word.final', 'word.provisional');
DELETE FROM ui_key WHERE key IN ('word.final', 'word.provisional');
DELETE FROM ui WHERE key IN ('pair.meaning_a', 'pair.meaning_b', 'pair.when_a',
    'pair.when_b', 'pair.retry_a', 'pair.retry_b', 'pair.retry_both',
    'pair.cache_a', 'pair.cache_b', 'pair.which_a', 'pair.which_b');
DELETE FROM ui_key WHERE key IN ('pair.meaning_a', 'pair.meaning_b',
    'pair.when_a', 'pair.when_b', 'pair.retry_a', 'pair.retry_b',
    'pair.retry_both', 'pair.cache_a', 'pair.cache_b', 'pair.which_a',
    'pair.which_b');

-- A code is deprecated when the registry or the specification that
-- defines it says so (RFC 9110 deprecates HTTP 305; the registry does not
-- mark it).
UPDATE status SET purpose = 'in the registry, deprecated by it or by its defining specification'
WHERE name = 'deprecated';
