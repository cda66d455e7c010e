/* License files: a genuine file verifies; a changed byte, another key, machine or time each give their own result. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "lib/model/json_map.h"
#include "licportal/license_file.h"

#define FINGERPRINT "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define OTHER_FINGERPRINT "0000000000000000000000000000000000000000000000000000000000000000"
#define PAYLOAD                                                                                    \
    "{\"license_id\":\"lic_7\",\"license_key\":\"Q4NM-82KD-LX0P-7F3A\",\"product\":{\"id\":\"prd_" \
    "atlas\","                                                                                     \
    "\"name\":\"Atlas "                                                                            \
    "Studio\"},\"edition\":null,\"features\":[\"editor\",\"export-pdf\"],\"expires_at\":null,"     \
    "\"activation_id\":\"act_9\",\"machine\":{\"fingerprint\":\"" FINGERPRINT                      \
    "\",\"hostname\":\"airgap-01\","                                                               \
    "\"platform\":\"linux-x86_64\"},\"issued_at\":\"2026-12-01T00:00:00Z\",\"valid_until\":"       \
    "\"2027-12-01T00:00:00Z\"}"
#define ISSUED 1796083200L
#define VALID_UNTIL 1827619200L

static unsigned char public_key[crypto_sign_PUBLICKEYBYTES], secret_key[crypto_sign_SECRETKEYBYTES];
static char keys_json[512];

static void setup(void)
{
    ck_assert_int_ge(sodium_init(), 0);
    crypto_sign_keypair(public_key, secret_key);
    char encoded[64];
    sodium_bin2base64(encoded, sizeof encoded, public_key, sizeof public_key,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    snprintf(
        keys_json, sizeof keys_json,
        "{\"keys\": [{\"id\": \"key_old\", \"alg\": \"ed25519\", \"public_key\": \"%s\", "
        "\"created_at\": "
        "\"2026-01-01T00:00:00Z\", \"retired_at\": \"2026-06-01T00:00:00Z\"},"
        " {\"id\": \"key_future\", \"alg\": \"ed448\", \"public_key\": \"xyz\", \"created_at\": "
        "\"2026-01-01T00:00:00Z\", \"retired_at\": null}]}",
        encoded);
}

/* A license file over `payload`, signed by the test key, as key `key_id`. */
static char *make_file(const char *payload, const char *key_id)
{
    size_t len = strlen(payload);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, NULL, (const unsigned char *)payload, len, secret_key);
    size_t payload_size = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *payload_text = malloc(payload_size), signature_text[128];
    sodium_bin2base64(payload_text, payload_size, (const unsigned char *)payload, len,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_bin2base64(signature_text, sizeof signature_text, signature, sizeof signature,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    size_t size = payload_size + 512;
    char *file = malloc(size);
    snprintf(file, size,
             "{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": \"ed25519\", "
             "\"key_id\": \"%s\", "
             "\"payload\": \"%s\", \"signature\": \"%s\"}\n",
             key_id, payload_text, signature_text);
    free(payload_text);
    return file;
}

static lp_license_file_check verify(const char *file, const char *fingerprint, lp_time now,
                                    lp_license_grant *grant, lp_error *err)
{
    lp_error parse_err;
    lp_signing_keys *keys = lp_signing_keys_parse(keys_json, strlen(keys_json), &parse_err);
    ck_assert_msg(keys != NULL, "%s", parse_err.message);
    lp_license_file_check check = lp_license_file_verify(file, strlen(file), keys, fingerprint, now,
                                                         grant, err);
    lp_signing_keys_free(keys);
    return check;
}

START_TEST(a_genuine_file_verifies_and_gives_its_grant)
{
    char *file = make_file(PAYLOAD, "key_old");
    lp_license_grant grant;
    lp_error err;
    ck_assert_int_eq(verify(file, FINGERPRINT, ISSUED + 10, &grant, &err), LP_LICENSE_FILE_VALID);
    ck_assert_str_eq(grant.key_id, "key_old");
    ck_assert_str_eq(grant.license_id, "lic_7");
    ck_assert_str_eq(grant.license_key, "Q4NM-82KD-LX0P-7F3A");
    ck_assert_str_eq(grant.product.name, "Atlas Studio");
    ck_assert_ptr_null(grant.edition);
    ck_assert_int_eq((int)grant.feature_count, 2);
    ck_assert_str_eq(grant.features[1], "export-pdf");
    ck_assert(grant.expires_at == LP_TIME_NONE);
    ck_assert_str_eq(grant.hostname, "airgap-01");
    ck_assert_int_eq(grant.issued_at, ISSUED);
    ck_assert_int_eq(grant.valid_until, VALID_UNTIL);
    lp_license_grant_clear(&grant);
    /* Neither machine nor time given: the signature alone. */
    ck_assert_int_eq(verify(file, NULL, LP_TIME_NONE, NULL, &err), LP_LICENSE_FILE_VALID);
    free(file);
}
END_TEST

START_TEST(a_changed_byte_anywhere_in_payload_or_signature_is_caught)
{
    char *file = make_file(PAYLOAD, "key_old");
    const char *payload = strstr(file, "\"payload\": \"") + 12;
    const char *signature = strstr(file, "\"signature\": \"") + 14;
    size_t payload_len = strcspn(payload, "\""), signature_len = strcspn(signature, "\"");
    lp_error err;
    for (int round = 0; round < 2; round++) {
        size_t start = (size_t)((round == 0 ? payload : signature) - file);
        size_t len = round == 0 ? payload_len : signature_len;
        for (size_t i = start; i < start + len; i += 3) {
            char saved = file[i];
            file[i] = saved == 'A' ? 'B' : 'A';
            lp_license_file_check check = verify(file, FINGERPRINT, ISSUED, NULL, &err);
            ck_assert_msg(check == LP_LICENSE_FILE_BAD_SIGNATURE, "byte %zu changed: %s", i,
                          lp_license_file_check_name(check));
            file[i] = saved;
        }
    }
    ck_assert_int_eq(verify(file, FINGERPRINT, ISSUED, NULL, &err), LP_LICENSE_FILE_VALID);
    free(file);
}
END_TEST

START_TEST(each_failure_has_its_own_result_and_message)
{
    lp_error err;
    lp_license_grant grant;
    char *file = make_file(PAYLOAD, "key_old");
    ck_assert_int_eq(verify(file, OTHER_FINGERPRINT, ISSUED, &grant, &err),
                     LP_LICENSE_FILE_OTHER_MACHINE);
    ck_assert_ptr_nonnull(strstr(err.message, "another machine"));
    ck_assert_str_eq(grant.fingerprint, FINGERPRINT);
    lp_license_grant_clear(&grant);
    ck_assert_int_eq(verify(file, FINGERPRINT, VALID_UNTIL + 1, &grant, &err),
                     LP_LICENSE_FILE_EXPIRED);
    ck_assert_ptr_nonnull(strstr(err.message, "2027-12-01T00:00:00Z"));
    lp_license_grant_clear(&grant);
    ck_assert_int_eq(verify(file, FINGERPRINT, VALID_UNTIL, NULL, &err), LP_LICENSE_FILE_VALID);
    free(file);

    file = make_file(PAYLOAD, "key_unknown");
    ck_assert_int_eq(verify(file, FINGERPRINT, ISSUED, &grant, &err), LP_LICENSE_FILE_UNKNOWN_KEY);
    ck_assert_ptr_null(grant.license_key);
    free(file);
    /* A key of an unknown algorithm is skipped, not trusted. */
    file = make_file(PAYLOAD, "key_future");
    ck_assert_int_eq(verify(file, FINGERPRINT, ISSUED, NULL, &err), LP_LICENSE_FILE_UNKNOWN_KEY);
    free(file);
    /* Genuinely signed, but not the payload the format promises. */
    file = make_file("{\"license_id\": \"lic_7\"}", "key_old");
    ck_assert_int_eq(verify(file, FINGERPRINT, ISSUED, NULL, &err), LP_LICENSE_FILE_MALFORMED);
    ck_assert_ptr_nonnull(strstr(err.message, "license_key"));
    free(file);
}
END_TEST

static const char *const malformed[] = {
    "",
    "[]",
    "{\"format\": \"licportal-license-file\"}",
    ("{\"format\": \"other\", \"version\": 1, \"alg\": \"ed25519\", \"key_id\": \"key_old\", "
     "\"payload\": \"e30\", "
     "\"signature\": \"AA\"}"),
    ("{\"format\": \"licportal-license-file\", \"version\": 2, \"alg\": \"ed25519\", \"key_id\": "
     "\"key_old\", "
     "\"payload\": \"e30\", \"signature\": \"AA\"}"),
    ("{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": \"rsa\", \"key_id\": "
     "\"key_old\", "
     "\"payload\": \"e30\", \"signature\": \"AA\"}"),
    ("{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": \"ed25519\", \"key_id\": "
     "7, "
     "\"payload\": \"e30\", \"signature\": \"AA\"}"),
};

/* Fields that cannot be decoded cannot match: a changed file, not an unknown format. */
static const char *const undecodable[] = {
    ("{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": \"ed25519\", \"key_id\": "
     "\"key_old\", "
     "\"payload\": \"e30\", \"signature\": \"AA\"}"),
    ("{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": \"ed25519\", \"key_id\": "
     "\"key_old\", "
     "\"payload\": \"e30=\", \"signature\": \""
     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"),
};

START_TEST(an_undecodable_payload_or_signature_is_a_bad_signature)
{
    lp_error err;
    ck_assert_int_eq(verify(undecodable[_i], FINGERPRINT, ISSUED, NULL, &err),
                     LP_LICENSE_FILE_BAD_SIGNATURE);
}
END_TEST

START_TEST(what_is_not_a_license_file_is_malformed)
{
    lp_error err;
    ck_assert_int_eq(verify(malformed[_i], FINGERPRINT, ISSUED, NULL, &err),
                     LP_LICENSE_FILE_MALFORMED);
    ck_assert(err.message[0] != '\0');
}
END_TEST

START_TEST(signing_keys_documents_are_checked)
{
    lp_error err;
    ck_assert_ptr_null(lp_signing_keys_parse("{}", 2, &err));
    ck_assert_ptr_nonnull(strstr(err.message, "keys"));
    const char *short_key =
        "{\"keys\": [{\"id\": \"k\", \"alg\": \"ed25519\", \"public_key\": \"AAAA\", "
        "\"created_at\": \"2026-01-01T00:00:00Z\", \"retired_at\": null}]}";
    ck_assert_ptr_null(lp_signing_keys_parse(short_key, strlen(short_key), &err));
    ck_assert_ptr_nonnull(strstr(err.message, "32 bytes"));
    lp_signing_keys *keys = lp_signing_keys_parse(keys_json, strlen(keys_json), &err);
    ck_assert_int_eq((int)lp_signing_keys_count(keys), 1);
    lp_signing_keys_free(keys);
    lp_signing_keys_free(NULL);
    ck_assert_int_eq(lp_license_file_verify("{}", 2, NULL, NULL, LP_TIME_NONE, NULL, &err),
                     LP_LICENSE_FILE_MALFORMED);
}
END_TEST

static const char activation_json[] =
    "{\"id\": \"act_9\", \"license_id\": \"lic_7\", \"license_key_masked\": \"XXXX-7F3A\", "
    "\"product\": {\"id\": \"prd_atlas\", \"name\": \"Atlas Studio\"}, \"kind\": \"device\", "
    "\"name\": \"airgap-01\", \"fingerprint\": \"" FINGERPRINT
    "\", \"platform\": \"linux-x86_64\", "
    "\"ip\": null, \"activated_at\": \"2026-12-01T00:00:00Z\", \"last_seen_at\": null}";

START_TEST(an_offline_activation_answer_gives_a_file_that_verifies)
{
    char *file = make_file(PAYLOAD, "key_old");
    char answer[4096];
    snprintf(answer, sizeof answer, "{\"activation\": %s, \"license_file\": %s}", activation_json,
             file);
    lp_offline_activation offline;
    lp_error err;
    ck_assert_msg(lp_parse_offline_activation(answer, strlen(answer), &offline, &err) == LP_OK,
                  "%s", err.message);
    ck_assert_str_eq(offline.activation.id, "act_9");
    ck_assert_int_eq(verify(offline.license_file, FINGERPRINT, ISSUED, NULL, &err),
                     LP_LICENSE_FILE_VALID);
    ck_assert(offline.license_file[strlen(offline.license_file) - 1] == '\n');
    lp_offline_activation_clear(&offline);
    /* A key id that would need escaping in the stored file is refused. */
    free(file);
    file = make_file(PAYLOAD, "key\\\"x");
    snprintf(answer, sizeof answer, "{\"activation\": %s, \"license_file\": %s}", activation_json,
             file);
    ck_assert_int_eq(lp_parse_offline_activation(answer, strlen(answer), &offline, &err),
                     LP_ERR_PROTOCOL);
    ck_assert_ptr_null(offline.license_file);
    lp_offline_activation_clear(&offline);
    free(file);
}
END_TEST

START_TEST(the_license_file_goes_beside_the_request)
{
    static const char *const cases[][2] = {
        {"airgap.json", "airgap.license"},
        {"/srv/in/airgap.request.json", "/srv/in/airgap.request.license"},
        {"req", "req.license"},
        {"dir.d/req", "dir.d/req.license"},
        {".hidden", ".hidden.license"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = lp_license_file_path_beside(cases[i][0]);
        ck_assert_str_eq(path, cases[i][1]);
        free(path);
    }
    ck_assert_ptr_null(lp_license_file_path_beside(NULL));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("license_file");
    TCase *tc = tcase_create("license_file");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, a_genuine_file_verifies_and_gives_its_grant);
    tcase_add_test(tc, a_changed_byte_anywhere_in_payload_or_signature_is_caught);
    tcase_add_test(tc, each_failure_has_its_own_result_and_message);
    tcase_add_loop_test(tc, what_is_not_a_license_file_is_malformed, 0,
                        (int)(sizeof malformed / sizeof malformed[0]));
    tcase_add_loop_test(tc, an_undecodable_payload_or_signature_is_a_bad_signature, 0,
                        (int)(sizeof undecodable / sizeof undecodable[0]));
    tcase_add_test(tc, signing_keys_documents_are_checked);
    tcase_add_test(tc, an_offline_activation_answer_gives_a_file_that_verifies);
    tcase_add_test(tc, the_license_file_goes_beside_the_request);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
