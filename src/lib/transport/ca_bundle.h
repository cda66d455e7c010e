/* Which CAs are trusted: the system's (or the environment's) bundle plus a private one. */
#ifndef LICPORTAL_TRANSPORT_CA_BUNDLE_H
#define LICPORTAL_TRANSPORT_CA_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/error.h"

/* The bundle named by the environment as the curl tool reads it:
 * CURL_CA_BUNDLE, then SSL_CERT_FILE; NULL when neither is set. */
const char *lp_ca_env_file(void);

/* PEM text of `base_file` (skipped when NULL) followed by that of
 * `extra_file`, which must hold at least one certificate. A base file named
 * by the environment must be readable (`base_required`). malloc'd. */
lp_status lp_ca_bundle_build(const char *base_file, int base_required, const char *extra_file,
                             char **pem, size_t *len, lp_error *err);

/* Where libcurl looks for trusted CAs; every member NULL leaves libcurl's
 * own defaults. A private CA goes into `cainfo` with the system's hashed
 * directory as `capath`, so a handshake loads only the issuers it needs
 * instead of parsing the whole system bundle; `pem` (a joined bundle) is
 * left for when there is no directory to look issuers up in, or the
 * environment names a bundle file other than the system's. */
typedef struct lp_ca_trust {
    char *cainfo;
    char *capath;
    char *pem;
    size_t pem_len;
} lp_ca_trust;

/* Decides the trust for a private CA file (`cacert_file`, may be NULL), the
 * bundle named by the environment (`env_file`, may be NULL) and libcurl's
 * built-in bundle and directory (`system_cainfo`, `system_capath`, either
 * may be NULL or missing). The private CA must hold a PEM certificate. */
lp_status lp_ca_trust_decide(const char *cacert_file, const char *env_file,
                             const char *system_cainfo, const char *system_capath, lp_ca_trust *out,
                             lp_error *err);
void lp_ca_trust_clear(lp_ca_trust *trust);

#endif
