/* Token generation and hashing with libsodium. */
#include "server/token.h"

#include <sodium.h>
#include <string.h>

bool lpd_token_generate(char out[LP_TOKEN_LEN])
{
    if (sodium_init() < 0)
        return false;
    unsigned char raw[LP_TOKEN_BYTES];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2base64(out, LP_TOKEN_LEN, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    return true;
}

void lpd_token_hash(const char *token, char out[LP_TOKEN_HASH_LEN])
{
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, LP_TOKEN_HASH_LEN, digest, sizeof digest);
}

lp_time lpd_token_expiry(lp_time issued_at, long ttl)
{
    return issued_at + (lp_time)ttl;
}

bool lpd_token_is_expired(lp_time expires_at, lp_time now)
{
    return now >= expires_at;
}
