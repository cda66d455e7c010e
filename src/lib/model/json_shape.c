/* The rules a JSON body must keep beyond cJSON's grammar, found in one linear scan of its text. */
#include "lib/model/json_shape.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lib/model/json_map.h"

/* The longest number the body may hold: the parser this scan stands in for
 * read numbers through a 64-byte buffer, and bodies never needed more. */
#define NUMBER_MAX 63

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the JSON number at `p` (RFC 8259 grammar), or 0 when malformed.
 * cJSON hands number text to strtod, which would also take "+1", "01" or "1.". */
static size_t number_length(const unsigned char *p, size_t len)
{
    size_t i = 0;
    if (i < len && p[i] == '-')
        i++;
    if (i < len && p[i] == '0') {
        i++;
    } else if (i < len && is_digit(p[i])) {
        while (i < len && is_digit(p[i]))
            i++;
    } else {
        return 0;
    }
    if (i < len && p[i] == '.') {
        i++;
        if (i >= len || !is_digit(p[i]))
            return 0;
        while (i < len && is_digit(p[i]))
            i++;
    }
    if (i < len && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-'))
            i++;
        if (i >= len || !is_digit(p[i]))
            return 0;
        while (i < len && is_digit(p[i]))
            i++;
    }
    if (i < len &&
        (is_digit(p[i]) || p[i] == '.' || p[i] == 'e' || p[i] == 'E' || p[i] == '+' || p[i] == '-'))
        return 0;
    return i;
}

/* The four digits of the \u escape whose backslash is at `at`. */
static bool unicode_escape_is_hex(const unsigned char *text, size_t len, size_t at)
{
    if (len - at < 6)
        return false;
    for (size_t d = at + 2; d < at + 6; d++)
        if (!is_hex(text[d]))
            return false;
    return true;
}

static lp_status named(size_t *stop, size_t unnamed, size_t at, lp_status status)
{
    *stop = unnamed < at ? unnamed : at;
    return status;
}

/* The first byte from `i` on (before `len`) that ends a plain run of string
 * text: a quote, a backslash or a control character. Strings are most of a
 * body, so eight bytes are tested at a time. */
static inline size_t string_stop(const unsigned char *text, size_t i, size_t len)
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

enum byte_kind { OTHER, QUOTE, NUMBER, OPEN, CLOSE };

/* What a byte outside a string starts; most are OTHER. */
static const unsigned char kind_of[256] = {
    ['"'] = QUOTE,  ['-'] = NUMBER, ['+'] = NUMBER, ['.'] = NUMBER, ['0'] = NUMBER, ['1'] = NUMBER,
    ['2'] = NUMBER, ['3'] = NUMBER, ['4'] = NUMBER, ['5'] = NUMBER, ['6'] = NUMBER, ['7'] = NUMBER,
    ['8'] = NUMBER, ['9'] = NUMBER, ['['] = OPEN,   ['{'] = OPEN,   [']'] = CLOSE,  ['}'] = CLOSE,
};

/* An unnamed problem is remembered and the scan goes on: a named one
 * anywhere in the text is the one reported. */
lp_status lp_json_shape_scan(const char *json, size_t len, size_t *stop, lp_error *err)
{
    const unsigned char *text = (const unsigned char *)json;
    size_t depth = 0, unnamed = len;
    for (size_t i = 0; i < len; i++) {
        switch (kind_of[text[i]]) {
        case QUOTE:
            for (i++; (i = string_stop(text, i, len)) < len && text[i] != '"';) {
                if (text[i] != '\\')
                    return named(stop, unnamed, i,
                                 lp_error_set(err, LP_ERR_PROTOCOL,
                                              "response body: not valid JSON (control character "
                                              "in a string)"));
                if (i + 1 < len && text[i + 1] == 'u') {
                    if (i + 5 < len && memcmp(text + i + 2, "0000", 4) == 0)
                        return named(stop, unnamed, i,
                                     lp_error_set(err, LP_ERR_PROTOCOL,
                                                  "response body: a string contains a NUL "
                                                  "character"));
                    if (unnamed == len && !unicode_escape_is_hex(text, len, i))
                        unnamed = i;
                }
                /* The backslash and the byte it escapes. */
                i = len - i < 2 ? len : i + 2;
            }
            break;
        case NUMBER: {
            size_t n = number_length(text + i, len - i);
            if (n == 0)
                return named(stop, unnamed, i,
                             lp_error_set(err, LP_ERR_PROTOCOL,
                                          "response body: not valid JSON (malformed number)"));
            if (n > NUMBER_MAX && unnamed == len)
                unnamed = i;
            i += n - 1;
            break;
        }
        case OPEN:
            if (++depth > LP_JSON_MAX_DEPTH)
                return named(stop, unnamed, i,
                             lp_error_set(err, LP_ERR_PROTOCOL,
                                          "response body: nested deeper than %d levels",
                                          LP_JSON_MAX_DEPTH));
            break;
        case CLOSE:
            if (depth > 0)
                depth--;
            break;
        default:
            break;
        }
    }
    *stop = unnamed;
    return LP_OK;
}
