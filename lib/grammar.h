/*
 * grammar.h - what a template may choose a word's form by.
 *
 * A template picks one of several forms by the value it fills (fill.h):
 *
 *     {name|TEST:FORM|TEST:FORM|...|FORM}
 *
 * gives the FORM of the first TEST that the value of name passes, or the
 * last FORM without a test if none does (nothing if there is none).  It
 * writes the form only, never the value: "{a}{a|final:은|는}" is the
 * value followed by its particle, "{x|vowel:l'|le }{x}" an article before
 * it.  The tests:
 *
 *     =TEXT    the value is TEXT                       {n|=1:result|results}
 *     ^TEXT    the value starts with TEXT              {k|^réponse:une|un}
 *     $TEXT    the value ends with TEXT                {k|$Antwort:eine|ein}
 *     <N       the value is a number below N           {n|<2:résultat|résultats}
 *     final    read in Korean, the value ends in a consonant (batchim)
 *     final_l  read in Korean, the value ends in ㄹ    {a|final_l:로|final:으로|로}
 *     vowel    the value starts with a vowel sound     {x|vowel:d'|de }
 *
 * A form holds no '|', '{' or '}'.  How Korean reads a value: a number in
 * its Sino-Korean reading (486 사백팔십육, 302 삼백이, and the last part of
 * 5.7.26, 이십육); a Hangul word as written; a Latin word by the rules of
 * loanwords (UNKNOWN 언노운 ends in ㄴ, INTERNAL 인터널 and UNAVAILABLE
 * 언어베일러블 in ㄹ, NOT_FOUND 낫 파운드 in a vowel) and an abbreviation of up to three capitals by
 * its letters (OK 오케이).
 */
#ifndef CODEKB_GRAMMAR_H
#define CODEKB_GRAMMAR_H

#include <stddef.h>

#include "strbuf.h"

/* How a value ends, read in Korean. */
enum ko_final {
	KO_VOWEL,               /* no final consonant: 는, 가, 를, 와, 로 */
	KO_CONSONANT,           /* a final consonant: 은, 이, 을, 과, 으로 */
	KO_RIEUL                /* final ㄹ: 은, 이, 을, 과, but 로 */
};

/* How Korean reads the end of the len bytes at s. */
enum ko_final grammar_ko_final(const char *s, size_t len);

/* Append the Sino-Korean reading of n to out: 486 "사백팔십육", 0 "영". */
void grammar_ko_reading(unsigned long long n, struct strbuf *out);

/* Whether the len bytes at s start with a vowel sound (a French elision):
 * a vowel letter, accented or not, or h. */
int grammar_vowel_onset(const char *s, size_t len);

/*
 * The form that cases ("TEST:FORM|...|FORM", clen bytes) choose for the
 * value (vlen bytes): its start in *form and length in *flen, or an empty
 * form if none is chosen.
 */
void grammar_select(const char *value, size_t vlen, const char *cases,
		    size_t clen, const char **form, size_t *flen);

/*
 * Whether cases (clen bytes) are well formed: each test known, and a form
 * without a test only last.  Returns 0, or -1 with the reason in *why.
 */
int grammar_check_cases(const char *cases, size_t clen, const char **why);

/*
 * The first Korean particle in s written right after a number, or after
 * a parenthesis that follows it ("302(Found)은"), that does not agree with
 * the number's reading ("302은", "486는", "410로"):
 * returns its byte offset plus 1 and appends a description to what, or
 * returns 0 if every one agrees.
 */
long grammar_ko_particle_mismatch(const char *s, struct strbuf *what);

#endif
