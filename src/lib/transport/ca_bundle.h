/* Which CAs are trusted: the system's (or the environment's) bundle plus a private one. */
#ifndef LICPORTAL_TRANSPORT_CA_BUNDLE_H
#define LICPORTAL_TRANSPORT_CA_BUNDLE_H

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

#endif
