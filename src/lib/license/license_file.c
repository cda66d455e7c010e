/* Checks a license file: envelope, Ed25519 signature over the exact payload bytes, machine, time. */
#include "licportal/license_file.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/license/base64url.h"
#include "lib/license/signing_keys.h"
#include "lib/model/json_reader.h"

/* A license file is small; anything larger is not one. */
#define LICENSE_FILE_MAX (1024 * 1024)
#define SIGNATURE_BYTES 64

static const char *const check_names[] = {
    [LP_LICENSE_FILE_VALID] = "valid",
    [LP_LICENSE_FILE_MALFORMED] = "malformed",
    [LP_LICENSE_FILE_UNKNOWN_KEY] = "unknown_key",
    [LP_LICENSE_FILE_BAD_SIGNATURE] = "bad_signature",
    [LP_LICENSE_FILE_OTHER_MACHINE] = "other_machine",
    [LP_LICENSE_FILE_EXPIRED] = "expired",
};

const char *lp_license_file_check_name(lp_license_file_check check)
{
    return (unsigned)check < sizeof check_names / sizeof check_names[0] ? check_names[check]
                                                                        : "unknown";
}

static lp_license_file_check fail(lp_license_file_check check, lp_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static lp_license_file_check fail(lp_license_file_check check, lp_error *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
        err->status = check == LP_LICENSE_FILE_MALFORMED ? LP_ERR_PROTOCOL : LP_ERR_CHECKSUM;
    }
    return check;
}

/* The envelope: {"format", "version", "alg", "key_id", "payload", "signature"}. */
struct envelope {
    char *key_id;
    char *payload;
    char *signature;
};

static void envelope_clear(struct envelope *e)
{
    free(e->key_id);
    free(e->payload);
    free(e->signature);
    memset(e, 0, sizeof *e);
}

static lp_status read_envelope(const char *file, size_t len, struct envelope *out, lp_error *err)
{
    static const char *const formats[] = {"licportal-license-file", NULL};
    static const char *const algorithms[] = {"ed25519", NULL};
    lp_json_doc *doc;
    lp_status status = lp_json_read_object(file, len, &doc, err);
    if (status != LP_OK)
        return status;
    const cJSON *root = lp_json_doc_root(doc);
    int index;
    int64_t version = 0;
    if ((status = lp_json_get_enum(root, NULL, "format", formats, &index, err)) == LP_OK &&
        (status = lp_json_get_count(root, NULL, "version", false, 0, &version, err)) == LP_OK &&
        (status = version == 1 ? LP_OK : lp_json_fail(err, "version", "only version 1 is known")) ==
            LP_OK &&
        (status = lp_json_get_enum(root, NULL, "alg", algorithms, &index, err)) == LP_OK &&
        (status = lp_json_get_string(root, NULL, "key_id", false, &out->key_id, err)) == LP_OK &&
        (status = lp_json_get_string(root, NULL, "payload", false, &out->payload, err)) == LP_OK)
        status = lp_json_get_string(root, NULL, "signature", false, &out->signature, err);
    lp_json_doc_free(doc);
    return status;
}

static lp_status read_grant(const char *payload, size_t len, lp_license_grant *g, lp_error *err)
{
    lp_json_doc *doc;
    lp_status status = lp_json_read_object(payload, len, &doc, err);
    if (status != LP_OK)
        return status;
    const cJSON *root = lp_json_doc_root(doc);
    const cJSON *machine = NULL;
    if ((status = lp_json_get_string(root, NULL, "license_id", false, &g->license_id, err)) ==
            LP_OK &&
        (status = lp_json_get_string(root, NULL, "license_key", false, &g->license_key, err)) ==
            LP_OK &&
        (status = lp_json_get_product(root, NULL, "product", &g->product, err)) == LP_OK &&
        (status = lp_json_get_string(root, NULL, "edition", true, &g->edition, err)) == LP_OK &&
        (status = lp_json_get_string_array(root, NULL, "features", &g->features, &g->feature_count,
                                           err)) == LP_OK &&
        (status = lp_json_get_time(root, NULL, "expires_at", true, &g->expires_at, err)) == LP_OK &&
        (status = lp_json_get_string(root, NULL, "activation_id", false, &g->activation_id, err)) ==
            LP_OK &&
        (status = lp_json_require_object(root, NULL, "machine", &machine, err)) == LP_OK &&
        (status = lp_json_get_string(machine, "machine", "fingerprint", false, &g->fingerprint,
                                     err)) == LP_OK &&
        (status = lp_json_get_string(machine, "machine", "hostname", false, &g->hostname, err)) ==
            LP_OK &&
        (status = lp_json_get_string(machine, "machine", "platform", false, &g->platform, err)) ==
            LP_OK &&
        (status = lp_json_get_time(root, NULL, "issued_at", false, &g->issued_at, err)) == LP_OK)
        status = lp_json_get_time(root, NULL, "valid_until", false, &g->valid_until, err);
    lp_json_doc_free(doc);
    return status;
}

/* The signature check; on success the decoded payload goes to *payload. */
static lp_license_file_check check_signature(const struct envelope *e, const lp_signing_keys *keys,
                                             unsigned char **payload, size_t *payload_len,
                                             lp_error *err)
{
    const unsigned char *public_key = lp_signing_keys_find(keys, e->key_id);
    if (!public_key)
        return fail(
            LP_LICENSE_FILE_UNKNOWN_KEY, err,
            "the license file is signed by a key that is not among the portal's signing keys");
    unsigned char signature[SIGNATURE_BYTES];
    size_t signature_len = 0;
    if (!lp_base64url_decode(e->signature, signature, sizeof signature, &signature_len) ||
        signature_len != sizeof signature)
        return fail(LP_LICENSE_FILE_BAD_SIGNATURE, err,
                    "the signature is not 64 bytes of base64url: the license file was changed");
    size_t capacity = strlen(e->payload) / 4 * 3 + 3;
    *payload = malloc(capacity + 1);
    if (!*payload)
        return fail(LP_LICENSE_FILE_MALFORMED, err, "out of memory");
    if (!lp_base64url_decode(e->payload, *payload, capacity, payload_len))
        return fail(LP_LICENSE_FILE_BAD_SIGNATURE, err,
                    "the payload is not base64url: the license file was changed");
    (*payload)[*payload_len] = '\0';
    if (crypto_sign_verify_detached(signature, *payload, *payload_len, public_key) != 0)
        return fail(LP_LICENSE_FILE_BAD_SIGNATURE, err,
                    "the signature does not match: the license file was changed or "
                    "not made by the portal");
    return LP_LICENSE_FILE_VALID;
}

lp_license_file_check lp_license_file_verify(const char *file, size_t len,
                                             const lp_signing_keys *keys, const char *fingerprint,
                                             lp_time now, lp_license_grant *grant, lp_error *err)
{
    lp_license_grant local;
    lp_license_grant *g = grant ? grant : &local;
    memset(g, 0, sizeof *g);
    if (err)
        lp_error_clear(err);
    if (!file || !keys)
        return fail(LP_LICENSE_FILE_MALFORMED, err, "no license file or no signing keys given");
    if (len > LICENSE_FILE_MAX)
        return fail(LP_LICENSE_FILE_MALFORMED, err,
                    "a license file is at most 1 MiB; this is larger");
    if (sodium_init() < 0)
        return fail(LP_LICENSE_FILE_MALFORMED, err, "libsodium failed to initialise");

    struct envelope e = {0};
    unsigned char *payload = NULL;
    size_t payload_len = 0;
    lp_error parse_err;
    lp_error_clear(&parse_err);
    lp_license_file_check check = LP_LICENSE_FILE_VALID;
    if (read_envelope(file, len, &e, &parse_err) != LP_OK)
        check = fail(LP_LICENSE_FILE_MALFORMED, err, "not a license file: %.400s",
                     parse_err.message);
    else if ((check = check_signature(&e, keys, &payload, &payload_len, err)) !=
             LP_LICENSE_FILE_VALID)
        ;
    else if (read_grant((const char *)payload, payload_len, g, &parse_err) != LP_OK)
        check = fail(LP_LICENSE_FILE_MALFORMED, err, "the signed payload is not understood: %.400s",
                     parse_err.message);
    else if (!(g->key_id = strdup(e.key_id)))
        check = fail(LP_LICENSE_FILE_MALFORMED, err, "out of memory");
    else if (fingerprint && strcmp(fingerprint, g->fingerprint) != 0)
        check = fail(LP_LICENSE_FILE_OTHER_MACHINE, err,
                     "the license file was issued for another machine");
    else if (now != LP_TIME_NONE && now > g->valid_until) {
        char until[LP_TIMESTAMP_LEN] = "";
        lp_timestamp_format(g->valid_until, until);
        check = fail(LP_LICENSE_FILE_EXPIRED, err, "the license file expired at %s", until);
    }
    if (payload)
        sodium_memzero(payload, payload_len);
    free(payload);
    envelope_clear(&e);
    bool keep = grant &&
                (check == LP_LICENSE_FILE_VALID || check == LP_LICENSE_FILE_OTHER_MACHINE ||
                 check == LP_LICENSE_FILE_EXPIRED);
    if (!keep)
        lp_license_grant_clear(g);
    return check;
}

static void free_and_wipe(char *text)
{
    if (text) {
        sodium_memzero(text, strlen(text));
        free(text);
    }
}

void lp_license_grant_clear(lp_license_grant *grant)
{
    if (!grant)
        return;
    free(grant->key_id);
    free(grant->license_id);
    free_and_wipe(grant->license_key);
    lp_product_clear(&grant->product);
    free(grant->edition);
    for (size_t i = 0; i < grant->feature_count; i++)
        free(grant->features[i]);
    free(grant->features);
    free(grant->activation_id);
    free(grant->fingerprint);
    free(grant->hostname);
    free(grant->platform);
    memset(grant, 0, sizeof *grant);
}
