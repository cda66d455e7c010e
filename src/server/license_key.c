/* Masking of license keys for lists and activations. */
#include "server/license_key.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

void lpd_license_key_format(const char *prefix, const uint64_t draws[LP_LICENSE_KEY_DRAWS],
                            char out[LP_LICENSE_KEY_LEN])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    char groups[3][5];
    for (int g = 0; g < 3; g++) {
        for (int i = 0; i < 4; i++)
            groups[g][i] = alphabet[draws[g * 4 + i] % (sizeof alphabet - 1)];
        groups[g][4] = '\0';
    }
    snprintf(out, LP_LICENSE_KEY_LEN, "%.8s-%s-%s-%s", prefix, groups[0], groups[1], groups[2]);
}

void lpd_license_key_generate(const char *prefix, char out[LP_LICENSE_KEY_LEN])
{
    uint64_t draws[LP_LICENSE_KEY_DRAWS];
    randombytes_buf(draws, sizeof draws);
    lpd_license_key_format(prefix, draws, out);
}

void lpd_license_key_prefix(const char *product_id, char out[5])
{
    const char *p = strncmp(product_id, "prd_", 4) == 0 ? product_id + 4 : product_id;
    size_t n = 0;
    for (; *p != '\0' && n < 4; p++) {
        if (isalnum((unsigned char)*p))
            out[n++] = (char)toupper((unsigned char)*p);
    }
    if (n == 0)
        memcpy(out, "LIC", (n = 3));
    out[n] = '\0';
}

void lpd_license_key_mask(const char *key, char *out, size_t out_size)
{
    if (out_size == 0)
        return;
    size_t len = strlen(key);
    if (len >= out_size) {
        /* A cut-off key would show characters other than its last four. */
        memset(out, 'X', out_size - 1);
        out[out_size - 1] = '\0';
        return;
    }
    size_t visible = 0;
    for (size_t i = len; i > 0; i--) {
        unsigned char c = (unsigned char)key[i - 1];
        out[i - 1] = (char)c;
        if (isalnum(c)) {
            if (visible >= 4)
                out[i - 1] = 'X';
            else
                visible++;
        }
    }
    out[len] = '\0';
}
