/*
 * test_textcheck.c - the doubled-word and placeholder checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "textcheck.h"

/* The doubled word of s, or "" if there is none. */
static const char *doubled(const char *s)
{
	/* kept until the next call; a call that finds nothing frees it */
	static struct strbuf word = STRBUF_INIT;
	int found;

	strbuf_release(&word);
	found = textcheck_doubled_word(s, &word);
	assert_false(word.failed);
	assert_int_equal(found, word.len > 0);
	return word.buf;
}

static void test_doubled_word(void **state)
{
	(void)state;
	assert_string_equal(doubled("You encounter 410 when when a user"), "when");
	assert_string_equal(doubled("It is The the end"), "the");
	assert_string_equal(doubled("100 (Trying): 100 Trying"), "");
	assert_string_equal(doubled("Accept, Accept-Language"), "");
	assert_string_equal(doubled("请求 Range 头字段 Range"), "");
	assert_string_equal(doubled(""), "");
	/* a letter outside ASCII is part of its word */
	assert_string_equal(doubled("ce qui révèle le problème"), "");
	assert_string_equal(doubled("la la"), "la");
	assert_string_equal(doubled("si vous vous connectez"), "");
}

/* Long words are compared and reported whole: two that share their first
 * hundred letters are not a repeat, and a repeated one comes back entire. */
static void test_long_words(void **state)
{
	struct strbuf text = STRBUF_INIT;
	char want[201];

	(void)state;
	memset(want, 'a', 200);
	want[200] = '\0';
	strbuf_addf(&text, "%sb %sc", want, want);
	assert_string_equal(doubled(text.buf), "");
	strbuf_reset(&text);
	strbuf_addf(&text, "x %s %s y", want, want);
	assert_string_equal(doubled(text.buf), want);
	doubled("");
	strbuf_release(&text);
}

static void test_placeholders(void **state)
{
	struct strbuf out = STRBUF_INIT;

	(void)state;
	assert_int_equal(textcheck_placeholders("{b} vs {a} ({a_reason})", &out), 0);
	assert_string_equal(out.buf, "{a} {a_reason} {b}");
	strbuf_reset(&out);
	/* a choice of forms names its placeholder, each name once */
	assert_int_equal(textcheck_placeholders("{a}{a|final:은|는} {b|=1:x|y}",
						&out), 0);
	assert_string_equal(out.buf, "{a} {b}");
	strbuf_reset(&out);
	assert_int_equal(textcheck_placeholders("no placeholders", &out), 0);
	assert_string_equal(out.buf, "");
	assert_int_equal(textcheck_placeholders("{a", &out), -1);
	assert_int_equal(textcheck_placeholders("a}", &out), -1);
	assert_int_equal(textcheck_placeholders("{a{b}}", &out), -1);
	strbuf_release(&out);
}

/* However many placeholders and however long, every one is listed. */
static void test_many_placeholders(void **state)
{
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT, want = STRBUF_INIT;

	(void)state;
	for (int i = 199; i >= 100; i--)
		strbuf_addf(&in, "{placeholder_%d} ", i);
	for (int i = 100; i < 200; i++)
		strbuf_addf(&want, "%s{placeholder_%d}", i > 100 ? " " : "", i);
	assert_int_equal(textcheck_placeholders(in.buf, &out), 0);
	assert_false(out.failed);
	assert_string_equal(out.buf, want.buf);
	strbuf_release(&in);
	strbuf_release(&out);
	strbuf_release(&want);
}

/* Empty sentences: nothing, a mark at the start or after another, empty
 * parentheses; not numbers, dotted codes, ellipses or full sentences. */
static void test_empty_sentence(void **state)
{
	(void)state;
	assert_int_equal(textcheck_empty_sentence(""), 1);
	assert_int_equal(textcheck_empty_sentence("  "), 1);
	assert_int_equal(textcheck_empty_sentence(". Done."), 1);
	assert_int_equal(textcheck_empty_sentence("Sender: ."), 9);
	assert_int_equal(textcheck_empty_sentence("One. . Two."), 6);
	assert_int_equal(textcheck_empty_sentence("486 () is busy."), 6);
	assert_int_equal(textcheck_empty_sentence("区别：。"), 10);
	assert_int_equal(textcheck_empty_sentence("486（）は"), 7);
	assert_int_equal(textcheck_empty_sentence("It must carry , Allow."), 15);
	assert_int_equal(textcheck_empty_sentence(
		"Method: after 302, a user agent may turn a POST into a GET."), 0);
	assert_int_equal(textcheck_empty_sentence("550 5.7.26 and 1.5 s..."), 0);
	assert_int_equal(textcheck_empty_sentence("486（Busy Here）と 600。"), 0);
	assert_int_equal(textcheck_empty_sentence("Wait… then retry (twice)."), 0);
	assert_int_equal(textcheck_empty_sentence("nginx logs connect() failed."), 0);
	assert_int_equal(textcheck_empty_sentence(
		"File unavailable (e.g., file not found, no access)"), 0);
	assert_int_equal(textcheck_empty_sentence("Busy. , then"), 7);
}

static void test_english(void **state)
{
	(void)state;
	/* an English sentence left in a translation */
	assert_int_equal(textcheck_english("No action is needed when the call "
					   "fails."), 1);
	assert_int_equal(textcheck_english("Aucune action. It is the end of "
					   "it."), 15);
	assert_int_equal(textcheck_english("无需处理。It is the first response "
					   "of the call."), 16);
	/* literals and names are not the sentence's words */
	assert_int_equal(textcheck_english("Le serveur répond « It is the end of "
					   "the line » et ferme."), 0);
	assert_int_equal(textcheck_english("RCPT TO, MAIL FROM, The Is That"), 0);
	assert_int_equal(textcheck_english("Die Antwort 486 Busy Here kommt vom "
					   "UAS, wenn das Telefon klingelt."), 0);
	assert_int_equal(textcheck_english("a to-do for the-the is-it"), 0);
	/* two words of the list are not yet a sentence */
	assert_int_equal(textcheck_english("Le code is the 404."), 0);
	assert_int_equal(textcheck_english(""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_doubled_word),
		cmocka_unit_test(test_long_words),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_empty_sentence),
		cmocka_unit_test(test_many_placeholders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
