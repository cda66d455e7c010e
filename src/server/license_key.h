/* License keys: how they are made and how they are shown masked in lists. */
#ifndef LP_SERVER_LICENSE_KEY_H
#define LP_SERVER_LICENSE_KEY_H

#include <stddef.h>
#include <stdint.h>

/* "ATLS-D47Z-GX14-7F3A" plus the NUL, with room for a prefix of up to 8. */
#define LP_LICENSE_KEY_LEN 32
#define LP_LICENSE_KEY_DRAWS 12

/* Copies `key` into `out` with every letter and digit except the last four
 * replaced by 'X'; separators stay ("XXXX-XXXX-XXXX-7F3A"). A key that does
 * not fit comes out as all 'X'. */
void lpd_license_key_mask(const char *key, char *out, size_t out_size);

/* Writes "PREFIX-XXXX-XXXX-XXXX" into `out`, each X chosen by one of
 * `draws` from digits and upper-case letters without I and O. */
void lpd_license_key_format(const char *prefix, const uint64_t draws[LP_LICENSE_KEY_DRAWS],
                            char out[LP_LICENSE_KEY_LEN]);

/* A new key with random groups (libsodium must be initialised). */
void lpd_license_key_generate(const char *prefix, char out[LP_LICENSE_KEY_LEN]);

/* The key prefix of a product: up to four letters and digits of its id
 * after "prd_", upper-cased ("prd_atlas" -> "ATLA"); "LIC" when there are none. */
void lpd_license_key_prefix(const char *product_id, char out[5]);

#endif
