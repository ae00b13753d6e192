/*
 * columns.c - the names of the columns that codekb's CSV files may have
 * (columns.h), as headers spell them and as import.sql names its
 * parameters.
 */
#include "columns.h"

const char *const column_names[COL_COUNT] = {
	[COL_PROTOCOL] = "protocol",
	[COL_NAME] = "name",
	[COL_REFERENCE] = "reference",
	[COL_CLASS] = "class",
	[COL_FIRST] = "first",
	[COL_LAST] = "last",
	[COL_CODE] = "code",
	[COL_REASON] = "reason",
	[COL_SECTION] = "section",
	[COL_STATUS] = "status",
	[COL_REGISTERED] = "registered",
	[COL_EXPIRES] = "expires",
	[COL_VENDOR] = "vendor",
	[COL_FINAL] = "final",
	[COL_CACHEABLE] = "cacheable",
	[COL_RETRY_AFTER] = "retry_after",
	[COL_FORMER] = "former",
	[COL_DESCRIPTION] = "description",
	[COL_WHEN_SEEN] = "when_seen",
	[COL_HOW_TO_FIX] = "how_to_fix",
	[COL_LOCALE] = "locale",
	[COL_KEY] = "key",
	[COL_TEXT] = "text",
	[COL_CODE_A] = "code_a",
	[COL_CODE_B] = "code_b",
	[COL_NOTE] = "note",
	[COL_VALUE] = "Value",
	[COL_IANA_DESCRIPTION] = "Description",
	[COL_IANA_REFERENCE] = "Reference",
	[COL_FIELD] = "field",
	[COL_ENGLISH] = "english",
	[COL_TRANSLATION] = "translation",
	[COL_PREVIOUS] = "previous",
	[COL_SHAPES] = "shapes",
	[COL_ALIASES] = "aliases",
	[COL_NOUN] = "noun",
	[COL_BASIC] = "basic",
	[COL_VENDOR_A] = "vendor_a",
	[COL_VENDOR_B] = "vendor_b",
	[COL_PROTOCOL_A] = "protocol_a",
	[COL_PROTOCOL_B] = "protocol_b",
	[COL_FACT] = "fact",
	[COL_FACT_VALUE] = "value",
	[COL_TERMS] = "terms",
	[COL_IANA_CODE] = "Code",
	[COL_IANA_SAMPLE] = "Sample Text",
	[COL_IANA_BASIC] = "Associated basic status code",
	[COL_IANA_SUBMITTER] = "Submitter",
	[COL_IANA_CONTROLLER] = "Change Controller",
	[COL_SORT] = "sort",
	[COL_SLUG] = "slug",
	[COL_LO] = "lo",
	[COL_HI] = "hi",
};

const unsigned long column_multiline =
	BIT(COL_DESCRIPTION) | BIT(COL_WHEN_SEEN) | BIT(COL_HOW_TO_FIX) |
	BIT(COL_NOTE) | BIT(COL_ENGLISH) | BIT(COL_TRANSLATION) |
	BIT(COL_PREVIOUS) | BIT(COL_IANA_DESCRIPTION) |
	BIT(COL_IANA_REFERENCE) | BIT(COL_IANA_SAMPLE) | BIT(COL_IANA_BASIC) |
	BIT(COL_IANA_SUBMITTER) | BIT(COL_IANA_CONTROLLER);
