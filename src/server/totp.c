/* TOTP generation and verification delegated to liboath. */
#include "server/totp.h"

#include <ctype.h>
#include <liboath/oath.h>
#include <stdlib.h>
#include <string.h>

static int oath_flags(enum lpd_totp_hash hash)
{
    switch (hash) {
    case LP_TOTP_SHA256:
        return OATH_TOTP_HMAC_SHA256;
    case LP_TOTP_SHA512:
        return OATH_TOTP_HMAC_SHA512;
    case LP_TOTP_SHA1:
    default:
        return 0;
    }
}

bool lpd_totp_init(void)
{
    return oath_init() == OATH_OK;
}

bool lpd_totp_secret_from_base32(const char *text, unsigned char **out, size_t *out_len)
{
    if (text == NULL)
        return false;
    size_t len = strlen(text);
    char *clean = malloc(len + 1);
    if (clean == NULL)
        return false;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ' ' || text[i] == '-')
            continue;
        clean[n++] = (char)toupper((unsigned char)text[i]);
    }
    clean[n] = '\0';
    char *raw = NULL;
    size_t raw_len = 0;
    int rc = n == 0 ? OATH_INVALID_BASE32 : oath_base32_decode(clean, n, &raw, &raw_len);
    free(clean);
    if (rc != OATH_OK || raw_len == 0 || raw_len > LP_TOTP_SECRET_MAX) {
        free(raw);
        return false;
    }
    *out = (unsigned char *)raw;
    *out_len = raw_len;
    return true;
}

bool lpd_totp_generate(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, unsigned digits,
                       enum lpd_totp_hash hash, char *out)
{
    return oath_totp_generate2((const char *)secret, secret_len, (time_t)now, step, 0, digits, oath_flags(hash), out) ==
           OATH_OK;
}

bool lpd_totp_verify(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, size_t window,
                     enum lpd_totp_hash hash, const char *code)
{
    int64_t matched;
    return lpd_totp_match(secret, secret_len, now, step, window, hash, code, &matched);
}

bool lpd_totp_match(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, size_t window,
                    enum lpd_totp_hash hash, const char *code, int64_t *matched_step)
{
    if (code == NULL || secret == NULL || secret_len == 0)
        return false;
    size_t len = strlen(code);
    if (len < 6 || len > 8)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)code[i]))
            return false;
    }
    int position = 0;
    int rc = oath_totp_validate4((const char *)secret, secret_len, (time_t)now, step, 0, window, &position, NULL,
                                 oath_flags(hash), code);
    if (rc < 0)
        return false;
    *matched_step = (int64_t)(now / (lp_time)step) + position;
    return true;
}
