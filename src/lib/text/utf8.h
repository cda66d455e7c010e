/* UTF-8 decoding shared by the sanitiser, the width functions and the JSON checks. */
#ifndef LICPORTAL_LIB_TEXT_UTF8_H
#define LICPORTAL_LIB_TEXT_UTF8_H

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

bool lp_utf8_valid(const char *text, size_t len);

#endif
