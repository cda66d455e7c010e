/* Entity tags from a BLAKE2b digest of the body. */
#include "server/etag.h"

#include <sodium.h>
#include <string.h>

void lpd_etag_of(const void *body, size_t len, char out[LP_ETAG_LEN])
{
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, body, len, NULL, 0);
    out[0] = '"';
    sodium_bin2hex(out + 1, 33, digest, sizeof digest);
    out[33] = '"';
    out[34] = '\0';
}

bool lpd_etag_matches(const char *if_none_match, const char *etag)
{
    if (if_none_match == NULL || etag == NULL)
        return false;
    size_t etag_len = strlen(etag);
    const char *p = if_none_match;
    while (*p != '\0') {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '\0')
            break;
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 1 && *p == '*')
            return true;
        const char *tag = p;
        if (len > 2 && strncmp(tag, "W/", 2) == 0) {
            tag += 2;
            len -= 2;
        }
        if (len == etag_len && memcmp(tag, etag, len) == 0)
            return true;
        p = end ? end + 1 : p + strlen(p);
    }
    return false;
}
