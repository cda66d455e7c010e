/* Looking up a public signing key by its id. */
#ifndef LICPORTAL_LIB_LICENSE_SIGNING_KEYS_H
#define LICPORTAL_LIB_LICENSE_SIGNING_KEYS_H

#include "licportal/license_file.h"

#define LP_ED25519_PUBLIC_KEY_BYTES 32

/* The 32-byte Ed25519 public key `id`, or NULL when the set has none. */
const unsigned char *lp_signing_keys_find(const lp_signing_keys *keys, const char *id);

#endif
