/* The rules a JSON body must keep beyond cJSON's grammar, found in one linear scan of its text. */
#ifndef LICPORTAL_LIB_MODEL_JSON_SHAPE_H
#define LICPORTAL_LIB_MODEL_JSON_SHAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "licportal/error.h"

/* cJSON recurses once per level, cuts a string short at an escaped NUL or at
 * a \u escape that is not hexadecimal (it reads both as U+0000), passes
 * control characters in strings and hands strtod numbers such as "01" or
 * "1.". This scan, which does not recurse, finds where `len` bytes of `json`
 * first break one of these rules: nesting deeper than LP_JSON_MAX_DEPTH, a
 * control character or an escaped NUL in a string, a number outside the
 * JSON grammar, a \u escape without four hexadecimal digits, a number longer
 * than 63 characters.
 *
 * Sets *stop to the offset of the first problem of any kind (len when there
 * is none): a value that ends before it is unaffected. Returns the first of
 * the problems that have a name of their own (the first four) as
 * LP_ERR_PROTOCOL with err saying which; the other two are not named
 * (cJSON's "not valid JSON" is the caller's to say) and leave LP_OK. */
lp_status lp_json_shape_scan(const char *json, size_t len, size_t *stop, lp_error *err);

/* The longest number a body may hold: cJSON reads numbers through a 64-byte
 * buffer, and bodies never needed more. */
#define LP_JSON_NUMBER_MAX 63

/* Shared with the one-pass reader (json_pull.h), which must draw the same lines. */
static inline bool lp_json_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline bool lp_json_is_hex(unsigned char c)
{
    return lp_json_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the JSON number at `p` (RFC 8259 grammar), or 0 when malformed.
 * cJSON hands number text to strtod, which would also take "+1", "01" or "1.". */
static inline size_t lp_json_number_length(const unsigned char *p, size_t len)
{
    size_t i = 0;
    if (i < len && p[i] == '-')
        i++;
    if (i < len && p[i] == '0') {
        i++;
    } else if (i < len && lp_json_is_digit(p[i])) {
        while (i < len && lp_json_is_digit(p[i]))
            i++;
    } else {
        return 0;
    }
    if (i < len && p[i] == '.') {
        i++;
        if (i >= len || !lp_json_is_digit(p[i]))
            return 0;
        while (i < len && lp_json_is_digit(p[i]))
            i++;
    }
    if (i < len && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-'))
            i++;
        if (i >= len || !lp_json_is_digit(p[i]))
            return 0;
        while (i < len && lp_json_is_digit(p[i]))
            i++;
    }
    if (i < len && (lp_json_is_digit(p[i]) || p[i] == '.' || p[i] == 'e' || p[i] == 'E' ||
                    p[i] == '+' || p[i] == '-'))
        return 0;
    return i;
}

/* The first byte from `i` on (before `len`) that ends a plain run of string
 * text: a quote, a backslash or a control character. Strings are most of a
 * body, so eight bytes are tested at a time. */
static inline size_t lp_json_string_stop(const unsigned char *text, size_t i, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (len - i >= 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        /* A byte below n shows in (x - n per byte) & ~x & highs, for n <= 128. */
        uint64_t hits = (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                         ((w - ones * 0x20) & ~w)) &
                        highs;
        if (hits) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* A borrow can only mark bytes after a true hit: the lowest mark is exact. */
            return i + (size_t)__builtin_ctzll(hits) / 8;
#else
            break;
#endif
        }
        i += 8;
    }
    while (i < len && text[i] != '"' && text[i] != '\\' && text[i] >= 0x20)
        i++;
    return i;
}

#endif
