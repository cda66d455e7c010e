/* Fuzz target for offline license files and signing-key documents: a verdict is always one of the six, and consistent. */
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "licportal/license_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_license_file";

/* The seeds (make_seeds.py) are signed with the key from this seed. */
static const char KEY_SEED[] = "licportal-fuzz-license-file-key!";
#define FINGERPRINT "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
#define NOW 1796604723L

static lp_signing_keys *fixed_keys(void)
{
    static lp_signing_keys *keys;
    if (keys)
        return keys;
    FUZZ_REQUIRE(TARGET, sodium_init() >= 0, "libsodium failed to initialise");
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES], secret_key[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(public_key, secret_key, (const unsigned char *)KEY_SEED);
    char encoded[64], json[256];
    sodium_bin2base64(encoded, sizeof encoded, public_key, sizeof public_key,
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    snprintf(json, sizeof json,
             "{\"keys\": [{\"id\": \"key_fuzz\", \"alg\": \"ed25519\", \"public_key\": \"%s\", "
             "\"created_at\": \"2026-01-01T00:00:00Z\", \"retired_at\": null}]}",
             encoded);
    lp_error err;
    keys = lp_signing_keys_parse(json, strlen(json), &err);
    FUZZ_REQUIRE(TARGET, keys != NULL, "the fixed key set does not parse");
    return keys;
}

static void check_verdict(const char *file, size_t len, const lp_signing_keys *keys,
                          const char *fingerprint, lp_time now)
{
    lp_license_grant grant;
    lp_error err;
    lp_license_file_check check = lp_license_file_verify(file, len, keys, fingerprint, now, &grant,
                                                         &err);
    FUZZ_REQUIRE(TARGET, check >= LP_LICENSE_FILE_VALID && check <= LP_LICENSE_FILE_EXPIRED,
                 "verdict out of range");
    bool genuine = check == LP_LICENSE_FILE_VALID || check == LP_LICENSE_FILE_OTHER_MACHINE ||
                   check == LP_LICENSE_FILE_EXPIRED;
    if (check != LP_LICENSE_FILE_VALID)
        FUZZ_REQUIRE(TARGET, err.message[0] != '\0' && strchr(err.message, '\n') == NULL,
                     "a refusal without a one-line message");
    if (!genuine) {
        FUZZ_REQUIRE(TARGET, fuzz_all_zero(&grant, sizeof grant),
                     "a refused file left a grant behind");
        return;
    }
    FUZZ_REQUIRE(TARGET,
                 grant.key_id && grant.license_id && grant.license_key && grant.product.id &&
                     grant.product.name && grant.activation_id && grant.fingerprint &&
                     grant.hostname && grant.platform,
                 "a genuine file's grant lacks a required field");
    FUZZ_REQUIRE(TARGET, grant.feature_count == 0 || grant.features != NULL,
                 "features counted but missing");
    /* The same file for its own machine, at no particular time, is valid. */
    lp_error again_err;
    FUZZ_REQUIRE(TARGET,
                 lp_license_file_verify(file, len, keys, grant.fingerprint, LP_TIME_NONE, NULL,
                                        &again_err) == LP_LICENSE_FILE_VALID,
                 "a genuine file is not valid for its own machine");
    if (check == LP_LICENSE_FILE_EXPIRED)
        FUZZ_REQUIRE(TARGET, now != LP_TIME_NONE && now > grant.valid_until,
                     "expired before valid_until");
    lp_license_grant_clear(&grant);
    FUZZ_REQUIRE(TARGET, fuzz_all_zero(&grant, sizeof grant), "a cleared grant is not empty");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* An exact-size copy, so reading past the end is caught. */
    char *text = malloc(size - 1 ? size - 1 : 1);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    if (data[0] % 2 == 0) {
        check_verdict(text, size - 1, fixed_keys(), FINGERPRINT, NOW);
        check_verdict(text, size - 1, fixed_keys(), NULL, LP_TIME_NONE);
    } else {
        lp_error err;
        lp_signing_keys *keys = lp_signing_keys_parse(text, size - 1, &err);
        if (keys) {
            static const char file[] =
                "{\"format\": \"licportal-license-file\", \"version\": 1, \"alg\": "
                "\"ed25519\", \"key_id\": \"key_fuzz\", \"payload\": \"e30\", "
                "\"signature\": \"AA\"}";
            check_verdict(file, sizeof file - 1, keys, FINGERPRINT, NOW);
        } else {
            FUZZ_REQUIRE(TARGET, err.message[0] != '\0', "a refused key set without a message");
        }
        lp_signing_keys_free(keys);
    }
    free(text);
    return 0;
}
