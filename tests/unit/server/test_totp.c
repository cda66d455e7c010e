/* TOTP: the RFC 6238 appendix B vectors for SHA-1, SHA-256 and SHA-512, and the ±1 step window. */
#include <stdlib.h>
#include <string.h>

#include "../suite_runner.h"
#include "server/totp.h"

static const char seed20[] = "12345678901234567890";
static const char seed32[] = "12345678901234567890123456789012";
static const char seed64[] = "1234567890123456789012345678901234567890123456789012345678901234";

static const struct {
    lp_time t;
    const char *sha1, *sha256, *sha512;
} vectors[] = {
    {59, "94287082", "46119246", "90693936"},         {1111111109, "07081804", "68084774", "25091201"},
    {1111111111, "14050471", "67062674", "99943326"}, {1234567890, "89005924", "91819424", "93441116"},
    {2000000000, "69279037", "90698825", "38618901"}, {20000000000, "65353130", "77737706", "47863826"},
};

static void setup(void)
{
    ck_assert(lpd_totp_init());
}

static void check_vectors(enum lpd_totp_hash hash, const char *seed, size_t seed_len)
{
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        const char *expected = hash == LP_TOTP_SHA1     ? vectors[i].sha1
                               : hash == LP_TOTP_SHA256 ? vectors[i].sha256
                                                        : vectors[i].sha512;
        char code[9];
        ck_assert(lpd_totp_generate((const unsigned char *)seed, seed_len, vectors[i].t, 30, 8, hash, code));
        ck_assert_str_eq(code, expected);
        ck_assert(lpd_totp_verify((const unsigned char *)seed, seed_len, vectors[i].t, 30, 0, hash, expected));
    }
}

START_TEST(matches_rfc6238_sha1_vectors)
{
    check_vectors(LP_TOTP_SHA1, seed20, 20);
}
END_TEST

START_TEST(matches_rfc6238_sha256_vectors)
{
    check_vectors(LP_TOTP_SHA256, seed32, 32);
}
END_TEST

START_TEST(matches_rfc6238_sha512_vectors)
{
    check_vectors(LP_TOTP_SHA512, seed64, 64);
}
END_TEST

START_TEST(accepts_one_step_of_drift_either_way_and_no_more)
{
    const unsigned char *s = (const unsigned char *)seed20;
    lp_time now = 1795857300;
    char code[7];
    ck_assert(lpd_totp_generate(s, 20, now, LP_TOTP_STEP, LP_TOTP_DIGITS, LP_TOTP_SHA1, code));
    ck_assert(lpd_totp_verify(s, 20, now, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, code));
    ck_assert(lpd_totp_verify(s, 20, now - 30, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, code));
    ck_assert(lpd_totp_verify(s, 20, now + 30, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, code));
    ck_assert(!lpd_totp_verify(s, 20, now - 60, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, code));
    ck_assert(!lpd_totp_verify(s, 20, now + 60, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, code));
}
END_TEST

START_TEST(names_the_step_a_code_belongs_to)
{
    const unsigned char *key = (const unsigned char *)seed20;
    lp_time now = 1111111111; /* step 37037037 */
    char previous[7], current[7], next[7];
    ck_assert(lpd_totp_generate(key, 20, now - 30, 30, 6, LP_TOTP_SHA1, previous));
    ck_assert(lpd_totp_generate(key, 20, now, 30, 6, LP_TOTP_SHA1, current));
    ck_assert(lpd_totp_generate(key, 20, now + 30, 30, 6, LP_TOTP_SHA1, next));
    int64_t step = 0;
    ck_assert(lpd_totp_match(key, 20, now, 30, 1, LP_TOTP_SHA1, previous, &step));
    ck_assert_int_eq(step, 37037036);
    ck_assert(lpd_totp_match(key, 20, now, 30, 1, LP_TOTP_SHA1, current, &step));
    ck_assert_int_eq(step, 37037037);
    ck_assert(lpd_totp_match(key, 20, now, 30, 1, LP_TOTP_SHA1, next, &step));
    ck_assert_int_eq(step, 37037038);
}
END_TEST

START_TEST(rejects_wrong_and_malformed_codes)
{
    const unsigned char *s = (const unsigned char *)seed20;
    char code[7];
    ck_assert(lpd_totp_generate(s, 20, 59, 30, 6, LP_TOTP_SHA1, code));
    char wrong[7];
    strcpy(wrong, code);
    wrong[5] = wrong[5] == '9' ? '0' : (char)(wrong[5] + 1);
    ck_assert(!lpd_totp_verify(s, 20, 59, 30, 1, LP_TOTP_SHA1, wrong));
    ck_assert(!lpd_totp_verify(s, 20, 59, 30, 1, LP_TOTP_SHA1, ""));
    ck_assert(!lpd_totp_verify(s, 20, 59, 30, 1, LP_TOTP_SHA1, "12a456"));
    ck_assert(!lpd_totp_verify(s, 20, 59, 30, 1, LP_TOTP_SHA1, NULL));
}
END_TEST

START_TEST(decodes_base32_secrets)
{
    unsigned char *raw = NULL;
    size_t len = 0;
    /* base32 of "12345678901234567890", as authenticator apps show it. */
    ck_assert(lpd_totp_secret_from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", &raw, &len));
    ck_assert_uint_eq(len, 20);
    ck_assert(memcmp(raw, seed20, 20) == 0);
    free(raw);
    ck_assert(!lpd_totp_secret_from_base32("not base32!", &raw, &len));
    ck_assert(!lpd_totp_secret_from_base32("", &raw, &len));
    /* 130 bytes: over LP_TOTP_SECRET_MAX. */
    char longer[210];
    memset(longer, 'A', 208);
    longer[208] = '\0';
    ck_assert(!lpd_totp_secret_from_base32(longer, &raw, &len));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("totp");
    TCase *tc = tcase_create("totp");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, matches_rfc6238_sha1_vectors);
    tcase_add_test(tc, names_the_step_a_code_belongs_to);
    tcase_add_test(tc, matches_rfc6238_sha256_vectors);
    tcase_add_test(tc, matches_rfc6238_sha512_vectors);
    tcase_add_test(tc, accepts_one_step_of_drift_either_way_and_no_more);
    tcase_add_test(tc, rejects_wrong_and_malformed_codes);
    tcase_add_test(tc, decodes_base32_secrets);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
