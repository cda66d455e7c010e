/* Tokens: 256 random bits as base64url, stored as a stable hash, usable strictly before expiry. */
#include <string.h>

#include "../suite_runner.h"
#include "server/personal_token.h"
#include "server/token.h"

START_TEST(generates_43_url_safe_characters)
{
    char token[LP_TOKEN_LEN];
    ck_assert(lpd_token_generate(token));
    ck_assert_uint_eq(strlen(token), 43);
    ck_assert_uint_eq(strspn(token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"), 43);
}
END_TEST

START_TEST(generates_a_different_token_each_time)
{
    char a[LP_TOKEN_LEN], b[LP_TOKEN_LEN];
    ck_assert(lpd_token_generate(a));
    ck_assert(lpd_token_generate(b));
    ck_assert_str_ne(a, b);
}
END_TEST

START_TEST(hashes_deterministically_to_hex_that_hides_the_token)
{
    char token[LP_TOKEN_LEN], h1[LP_TOKEN_HASH_LEN], h2[LP_TOKEN_HASH_LEN];
    ck_assert(lpd_token_generate(token));
    lpd_token_hash(token, h1);
    lpd_token_hash(token, h2);
    ck_assert_str_eq(h1, h2);
    ck_assert_uint_eq(strlen(h1), 64);
    ck_assert_uint_eq(strspn(h1, "0123456789abcdef"), 64);
    ck_assert_ptr_null(strstr(h1, token));
}
END_TEST

START_TEST(hashes_different_tokens_differently)
{
    char h1[LP_TOKEN_HASH_LEN], h2[LP_TOKEN_HASH_LEN];
    lpd_token_hash("token-a", h1);
    lpd_token_hash("token-b", h2);
    ck_assert_str_ne(h1, h2);
}
END_TEST

START_TEST(hash_matches_blake2b_256_of_the_text)
{
    /* BLAKE2b-256("abc"), so stored hashes stay valid across versions. */
    char h[LP_TOKEN_HASH_LEN];
    lpd_token_hash("abc", h);
    ck_assert_str_eq(h, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}
END_TEST

START_TEST(expires_exactly_at_issue_time_plus_ttl)
{
    lp_time expires = lpd_token_expiry(1000, 900);
    ck_assert_int_eq(expires, 1900);
    ck_assert(!lpd_token_is_expired(expires, 1899));
    ck_assert(lpd_token_is_expired(expires, 1900));
    ck_assert(lpd_token_is_expired(expires, 1901));
}
END_TEST

START_TEST(personal_tokens_carry_their_prefix_and_are_told_apart)
{
    char a[LP_PERSONAL_TOKEN_LEN], b[LP_PERSONAL_TOKEN_LEN];
    ck_assert(lpd_personal_token_generate(a));
    ck_assert(lpd_personal_token_generate(b));
    ck_assert_uint_eq(strlen(a), 4 + 43);
    ck_assert(strncmp(a, "lpt_", 4) == 0);
    ck_assert_str_ne(a, b);
    ck_assert(lpd_personal_token_is_one(a));
    ck_assert(!lpd_personal_token_is_one("lpt"));
    ck_assert(!lpd_personal_token_is_one("LPT_abc"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("token");
    TCase *tc = tcase_create("token");
    tcase_add_test(tc, generates_43_url_safe_characters);
    tcase_add_test(tc, generates_a_different_token_each_time);
    tcase_add_test(tc, hashes_deterministically_to_hex_that_hides_the_token);
    tcase_add_test(tc, hashes_different_tokens_differently);
    tcase_add_test(tc, hash_matches_blake2b_256_of_the_text);
    tcase_add_test(tc, expires_exactly_at_issue_time_plus_ttl);
    tcase_add_test(tc, personal_tokens_carry_their_prefix_and_are_told_apart);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
