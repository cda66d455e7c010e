/* Masking of licence keys for lists and activations. */
#include "server/license_key.h"

#include <ctype.h>
#include <string.h>

void lp_license_key_mask(const char *key, char *out, size_t out_size)
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
