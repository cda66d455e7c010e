/* Strict UTF-8 decoding and encoding (RFC 3629), the one UTF-8 walk of the
 * project: the client's text module (licportal/text.h) builds on it and the
 * server uses it for its own text checks. */
#ifndef LICPORTAL_UTF8_H
#define LICPORTAL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Marks an ill-formed sequence in lp_utf8_decode's result. */
#define LP_UTF8_INVALID UINT32_MAX

/* Decodes the character at `s` (len > 0). Returns the bytes consumed (at
 * least 1) and the code point, or LP_UTF8_INVALID for an ill-formed
 * sequence, of which the maximal valid prefix is consumed (as Unicode
 * recommends for U+FFFD substitution). Overlongs, surrogates and values past
 * U+10FFFF are ill-formed. */
size_t lp_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Writes `cp` (a valid scalar value) as UTF-8; returns 1..4 bytes written. */
size_t lp_utf8_encode(uint32_t cp, char out[4]);

/* Whether `len` bytes of `text` are well-formed UTF-8. */
bool lp_utf8_valid(const char *text, size_t len);

#endif
