/*
 * test_grammar.c - the forms a template chooses by value: Korean readings
 * and particles, elision, counts, and the tests of a choice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "grammar.h"

static const char *reading(unsigned long long n)
{
	static struct strbuf out = STRBUF_INIT;

	strbuf_release(&out);
	grammar_ko_reading(n, &out);
	assert_false(out.failed);
	return out.buf;
}

static void test_readings(void **state)
{
	(void)state;
	assert_string_equal(reading(0), "영");
	assert_string_equal(reading(1), "일");
	assert_string_equal(reading(10), "십");
	assert_string_equal(reading(11), "십일");
	assert_string_equal(reading(100), "백");
	assert_string_equal(reading(302), "삼백이");
	assert_string_equal(reading(410), "사백십");
	assert_string_equal(reading(486), "사백팔십육");
	assert_string_equal(reading(1000), "천");
	assert_string_equal(reading(1001), "천일");
	assert_string_equal(reading(4999), "사천구백구십구");
	assert_string_equal(reading(10000), "만");
	assert_string_equal(reading(10100), "만백");
	assert_string_equal(reading(25000), "이만오천");
	assert_string_equal(reading(100000000), "일억");
	reading(0);
}

/* How the last syllable of a Hangul string ends, worked out from the
 * syllable itself rather than from grammar.c's rules. */
static enum ko_final hangul_final(const char *s)
{
	size_t n = strlen(s);
	const unsigned char *p = (const unsigned char *)s + n - 3;
	long u = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	long f = (u - 0xAC00) % 28;

	return f == 0 ? KO_VOWEL : f == 8 ? KO_RIEUL : KO_CONSONANT;
}

/* The final sound of every number a code may have, 0 to 99999, as the
 * particle check and the templates see it, agrees with the number's
 * written reading; and with the rule a Korean reader applies, by the last
 * digit that is not zero. */
static void test_every_number(void **state)
{
	static const enum ko_final digit[10] = {
		KO_CONSONANT, KO_RIEUL, KO_VOWEL, KO_CONSONANT, KO_VOWEL,
		KO_VOWEL, KO_CONSONANT, KO_RIEUL, KO_RIEUL, KO_VOWEL,
	};
	char num[32];

	(void)state;
	for (unsigned n = 0; n < 100000; n++) {
		enum ko_final rule = n == 0 ? KO_CONSONANT
				     : n % 10 ? digit[n % 10] : KO_CONSONANT;
		int len = snprintf(num, sizeof(num), "%u", n);

		if (grammar_ko_final(num, (size_t)len) != rule ||
		    hangul_final(reading(n)) != rule)
			fail_msg("%u (%s)", n, reading(n));
	}
	reading(0);
}

static enum ko_final final_of(const char *s)
{
	return grammar_ko_final(s, strlen(s));
}

static void test_finals(void **state)
{
	(void)state;
	/* dotted codes end in their last number */
	assert_int_equal(final_of("5.7.26"), KO_CONSONANT);    /* 이십육 */
	assert_int_equal(final_of("4.2.2"), KO_VOWEL);         /* 이 */
	assert_int_equal(final_of("5.7.0"), KO_CONSONANT);     /* 영 */
	assert_int_equal(final_of("2.1.5"), KO_VOWEL);         /* 오 */
	assert_int_equal(final_of("1,000"), KO_CONSONANT);     /* 천 */
	/* Hangul as written */
	assert_int_equal(final_of("응답"), KO_CONSONANT);
	assert_int_equal(final_of("프록시"), KO_VOWEL);
	assert_int_equal(final_of("서버(프록시)"), KO_VOWEL);
	assert_int_equal(final_of("레일"), KO_RIEUL);
	/* gRPC's names, as Korean engineers say them */
	assert_int_equal(final_of("OK"), KO_VOWEL);                 /* 오케이 */
	assert_int_equal(final_of("CANCELLED"), KO_VOWEL);          /* 캔슬드 */
	assert_int_equal(final_of("UNKNOWN"), KO_CONSONANT);        /* 언노운 */
	assert_int_equal(final_of("INVALID_ARGUMENT"), KO_VOWEL);   /* 아규먼트 */
	assert_int_equal(final_of("DEADLINE_EXCEEDED"), KO_VOWEL);  /* 익시디드 */
	assert_int_equal(final_of("NOT_FOUND"), KO_VOWEL);          /* 파운드 */
	assert_int_equal(final_of("ALREADY_EXISTS"), KO_VOWEL);     /* 이그지스츠 */
	assert_int_equal(final_of("PERMISSION_DENIED"), KO_VOWEL);  /* 디나이드 */
	assert_int_equal(final_of("RESOURCE_EXHAUSTED"), KO_VOWEL); /* 이그조스티드 */
	assert_int_equal(final_of("FAILED_PRECONDITION"), KO_CONSONANT); /* 프리컨디션 */
	assert_int_equal(final_of("ABORTED"), KO_VOWEL);            /* 어보티드 */
	assert_int_equal(final_of("OUT_OF_RANGE"), KO_VOWEL);       /* 레인지 */
	assert_int_equal(final_of("UNIMPLEMENTED"), KO_VOWEL);      /* 언임플리멘티드 */
	assert_int_equal(final_of("INTERNAL"), KO_RIEUL);           /* 인터널 */
	assert_int_equal(final_of("UNAVAILABLE"), KO_RIEUL);        /* 언어베일러블 */
	assert_int_equal(final_of("DATA_LOSS"), KO_VOWEL);          /* 로스 */
	assert_int_equal(final_of("UNAUTHENTICATED"), KO_VOWEL);    /* 언어센티케이티드 */
	/* reason phrases */
	assert_int_equal(final_of("Trying"), KO_CONSONANT);         /* 트라잉 */
	assert_int_equal(final_of("Gone"), KO_CONSONANT);           /* 곤 */
	assert_int_equal(final_of("Busy Here"), KO_VOWEL);          /* 히어 */
	assert_int_equal(final_of("Not Acceptable"), KO_RIEUL);     /* 억셉터블 */
	assert_int_equal(final_of("Temporarily Unavailable"), KO_RIEUL);
	assert_int_equal(final_of("Request Timeout"), KO_CONSONANT); /* 타임아웃 */
	assert_int_equal(final_of("Conflict"), KO_VOWEL);           /* 컨플릭트 */
	assert_int_equal(final_of("SIP"), KO_VOWEL);                /* 에스아이피 */
	assert_int_equal(final_of("URL"), KO_RIEUL);                /* 유알엘 */
	assert_int_equal(final_of(""), KO_VOWEL);
}

static const char *choose(const char *value, const char *cases)
{
	static char out[64];
	const char *form;
	size_t n;

	grammar_select(value, strlen(value), cases, strlen(cases), &form, &n);
	assert_true(n < sizeof(out));
	memcpy(out, form, n);
	out[n] = '\0';
	return out;
}

static void test_select(void **state)
{
	(void)state;
	/* Korean particles by the reading */
	assert_string_equal(choose("486", "final:은|는"), "은");
	assert_string_equal(choose("302", "final:은|는"), "는");
	assert_string_equal(choose("486", "final:이|가"), "이");
	assert_string_equal(choose("302", "final:을|를"), "를");
	assert_string_equal(choose("410", "final_l:로|final:으로|로"), "으로");
	assert_string_equal(choose("201", "final_l:로|final:으로|로"), "로");
	assert_string_equal(choose("302", "final_l:로|final:으로|로"), "로");
	assert_string_equal(choose("5.7.26", "final:을|를"), "을");
	assert_string_equal(choose("UNAVAILABLE", "final:은|는"), "은");
	assert_string_equal(choose("Not Acceptable", "final_l:로|final:으로|로"), "로");
	/* French elision and gender */
	assert_string_equal(choose("erreur", "vowel:l'|le "), "l'");
	assert_string_equal(choose("code 404", "vowel:l'|le "), "le ");
	assert_string_equal(choose("hôte", "vowel:l'|le "), "l'");
	assert_string_equal(choose("Échec client", "vowel:d'|de "), "d'");
	assert_string_equal(choose("réponse finale", "^réponse:une|un"), "une");
	assert_string_equal(choose("code de fermeture", "^réponse:une|un"), "un");
	assert_string_equal(choose("endgültige Antwort", "$Antwort:eine|ein"), "eine");
	assert_string_equal(choose("Server", "=Server:vom|von einem"), "vom");
	assert_string_equal(choose("Proxy", "=Server:vom|von einem"), "von einem");
	/* counts: French says 0 and 1 in the singular, English only 1 */
	assert_string_equal(choose("0", "<2:résultat|résultats"), "résultat");
	assert_string_equal(choose("1", "<2:résultat|résultats"), "résultat");
	assert_string_equal(choose("2", "<2:résultat|résultats"), "résultats");
	assert_string_equal(choose("0", "=1:result|results"), "results");
	assert_string_equal(choose("1", "=1:result|results"), "result");
	assert_string_equal(choose("12", "=1:result|results"), "results");
	assert_string_equal(choose("x", "<2:one|other"), "other");
	/* no test passes and no form without one: nothing */
	assert_string_equal(choose("2", "=1:result"), "");
	/* a form may hold a colon after a space */
	assert_string_equal(choose("2", "=1:a|Note : b"), "Note : b");
}

static void test_check_cases(void **state)
{
	const char *why = NULL;

	(void)state;
	assert_int_equal(grammar_check_cases("final:은|는", strlen("final:은|는"), &why), 0);
	assert_int_equal(grammar_check_cases("=1:result|results", 17, &why), 0);
	assert_int_equal(grammar_check_cases("finl:은|는", strlen("finl:은|는"),
					     &why), -1);
	assert_non_null(strstr(why, "not one of"));
	assert_int_equal(grammar_check_cases("은|final:는", strlen("은|final:는"),
					     &why), -1);
	assert_non_null(strstr(why, "comes last"));
}

/* The particle after a number, where the check finds it wrong. */
static const char *mismatch(const char *s)
{
	static struct strbuf what = STRBUF_INIT;
	long at;

	strbuf_release(&what);
	at = grammar_ko_particle_mismatch(s, &what);
	assert_false(what.failed);
	assert_int_equal(at != 0, what.len != 0);
	return at ? what.buf : "";
}

static void test_particles(void **state)
{
	(void)state;
	assert_string_equal(mismatch("486은 최종 응답이고 302는 리디렉션입니다."), "");
	assert_string_equal(mismatch("302은 리디렉션입니다."),
			    "302은: 302 takes 는");
	assert_string_equal(mismatch("486는"), "486는: 486 takes 은");
	assert_string_equal(mismatch("410로 바꾸십시오"), "410로: 410 takes 으로");
	assert_string_equal(mismatch("201로, 410으로, 302로"), "");
	assert_string_equal(mismatch("5.7.26를 보냅니다"),
			    "5.7.26를: 5.7.26 takes 을");
	assert_string_equal(mismatch("4.2.2가 옵니다"), "");
	assert_string_equal(mismatch("1000과 1001이"), "");
	/* a particle after a parenthesis follows the number before it */
	assert_string_equal(mismatch("302(Found)은 리디렉션"),
			    "302(Found)은: 302 takes 는");
	assert_string_equal(mismatch("486(Busy Here)은, 14(UNAVAILABLE)는"), "");
	/* nor is a syllable inside a word a particle */
	assert_string_equal(mismatch("3가지, 200이며, 30초"), "");
	assert_string_equal(mismatch("RFC3261를"), "");
	mismatch("");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_readings),
		cmocka_unit_test(test_every_number),
		cmocka_unit_test(test_finals),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_check_cases),
		cmocka_unit_test(test_particles),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
