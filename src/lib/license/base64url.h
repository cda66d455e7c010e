/* base64url without padding (RFC 4648 section 5), strictly: no padding, no whitespace, nothing after. */
#ifndef LICPORTAL_LIB_LICENSE_BASE64URL_H
#define LICPORTAL_LIB_LICENSE_BASE64URL_H

#include <stdbool.h>
#include <stddef.h>

/* Decodes all of `text` into at most `capacity` bytes; false when `text` is
 * not exactly base64url without padding or does not fit. */
bool lp_base64url_decode(const char *text, unsigned char *out, size_t capacity, size_t *out_len);

#endif
