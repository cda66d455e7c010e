/* Bearer and refresh tokens: 256-bit random strings that the database only ever sees hashed. */
#ifndef LP_SERVER_TOKEN_H
#define LP_SERVER_TOKEN_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/timestamp.h"

#define LP_TOKEN_BYTES 32
/* base64url without padding of 32 bytes is 43 characters, plus NUL. */
#define LP_TOKEN_LEN 44
/* Hex of a 32-byte BLAKE2b digest, plus NUL. */
#define LP_TOKEN_HASH_LEN 65

/* Fills `out` with a fresh random token. Returns false when libsodium is not ready. */
bool lpd_token_generate(char out[LP_TOKEN_LEN]);

/* The form a token is stored and looked up in. Deterministic, so lookups are
 * by equality; a token of any length hashes, so garbage simply finds nothing. */
void lpd_token_hash(const char *token, char out[LP_TOKEN_HASH_LEN]);

/* A token issued at `issued_at` with lifetime `ttl` seconds expires then. */
lp_time lpd_token_expiry(lp_time issued_at, long ttl);

/* A token is usable strictly before its expiry instant. */
bool lpd_token_is_expired(lp_time expires_at, lp_time now);

#endif
