/* Offline license files: check one against the portal's public signing keys, without a network.
 * Used by `licportal verify` and `licportal activate-offline`, and by vendors' programs.
 *
 * A vendor's program links this to decide whether it may run on an air-gapped
 * machine: load the keys (a saved copy of GET /signing-keys), read the file
 * the portal signed (licportal-license-file(5)), and call
 * lp_license_file_verify with the machine's fingerprint and the time. */
#ifndef LICPORTAL_LICENSE_FILE_H
#define LICPORTAL_LICENSE_FILE_H

#include <stddef.h>

#include "licportal/error.h"
#include "licportal/model.h"
#include "licportal/timestamp.h"

/* The outcome of a check; each needs a different answer from the caller. */
typedef enum lp_license_file_check {
    LP_LICENSE_FILE_VALID = 0,
    LP_LICENSE_FILE_MALFORMED,     /* not a license file of a known format and version */
    LP_LICENSE_FILE_UNKNOWN_KEY,   /* signed by a key not among the keys given */
    LP_LICENSE_FILE_BAD_SIGNATURE, /* the signature does not match: changed or forged */
    LP_LICENSE_FILE_OTHER_MACHINE, /* genuine, but issued for another fingerprint */
    LP_LICENSE_FILE_EXPIRED,       /* genuine, but `now` is past its valid_until */
} lp_license_file_check;

/* A short name for a result ("valid", "bad_signature", ...). */
const char *lp_license_file_check_name(lp_license_file_check check);

/* A set of public signing keys (the answer of GET /signing-keys). */
typedef struct lp_signing_keys lp_signing_keys;

/* Parses {"keys": [{"id", "alg", "public_key", "created_at", "retired_at"}]};
 * keys of an algorithm other than ed25519 are skipped. NULL with *err set
 * (LP_ERR_PROTOCOL) when the text is not such a document. */
lp_signing_keys *lp_signing_keys_parse(const char *json, size_t len, lp_error *err);
size_t lp_signing_keys_count(const lp_signing_keys *keys);
/* Accepts NULL. */
void lp_signing_keys_free(lp_signing_keys *keys);

/* What a genuine license file grants (its signed payload). */
typedef struct lp_license_grant {
    char *key_id; /* the signing key */
    char *license_id;
    char *license_key; /* the full key */
    lp_product product;
    char *edition; /* nullable */
    char **features;
    size_t feature_count;
    lp_time expires_at; /* LP_TIME_NONE: never */
    char *activation_id;
    char *fingerprint; /* the machine it was issued for */
    char *hostname;
    char *platform;
    lp_time issued_at;
    lp_time valid_until;
} lp_license_grant;

/* Checks `len` bytes of a license file against `keys`: the format, the
 * Ed25519 signature over the exact payload bytes, then, when given, the
 * machine (`fingerprint`, 64 lowercase hex; NULL: any machine) and the time
 * (`now`; LP_TIME_NONE: no expiry check). For every result but
 * LP_LICENSE_FILE_MALFORMED, LP_LICENSE_FILE_UNKNOWN_KEY and LP_LICENSE_FILE_BAD_SIGNATURE,
 * `grant` (may be NULL) is filled from the signed payload and must be cleared
 * with lp_license_grant_clear. Any result but LP_LICENSE_FILE_VALID leaves one
 * line in err->message. Server text in `grant` is as signed: sanitise it
 * before it reaches a terminal. */
lp_license_file_check lp_license_file_verify(const char *file, size_t len,
                                             const lp_signing_keys *keys, const char *fingerprint,
                                             lp_time now, lp_license_grant *grant, lp_error *err);

/* Accepts NULL and a cleared grant. */
void lp_license_grant_clear(lp_license_grant *grant);

/* The answer of an offline activation: the new device activation, and the
 * license file as text to store (one member per line, ending in a newline). */
typedef struct lp_offline_activation {
    lp_activation activation;
    char *license_file;
} lp_offline_activation;

/* Accepts NULL. */
void lp_offline_activation_clear(lp_offline_activation *offline);

/* Where a license file goes by default: beside its machine request, the
 * request's extension replaced ("dir/airgap.json" gives "dir/airgap.license";
 * "req" gives "req.license"). Malloc'd; NULL when out of memory. */
char *lp_license_file_path_beside(const char *request_path);

#endif
