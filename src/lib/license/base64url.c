/* Strict base64url decoding through libsodium. */
#include "lib/license/base64url.h"

#include <sodium.h>
#include <string.h>

bool lp_base64url_decode(const char *text, unsigned char *out, size_t capacity, size_t *out_len)
{
    size_t len = strlen(text);
    const char *end = NULL;
    *out_len = 0;
    if (sodium_init() < 0)
        return false;
    return sodium_base642bin(out, capacity, text, len, NULL, out_len, &end,
                             sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
           end == text + len;
}
