/* Password hashing with argon2id (libsodium crypto_pwhash_str, interactive limits). */
#ifndef LP_SERVER_PASSWORD_H
#define LP_SERVER_PASSWORD_H

#include <stdbool.h>

#define LP_PASSWORD_HASH_LEN 128

/* Hashes `password` into `out`. False when out of memory. */
bool lpd_password_hash(const char *password, char out[LP_PASSWORD_HASH_LEN]);

/* True when `password` matches `hash`. A NULL hash (an account without a
 * password) matches nothing but still costs one verification, so that the
 * response time does not tell which accounts exist. */
bool lpd_password_verify(const char *hash, const char *password);

#endif
