/* The rules a JSON body must keep beyond cJSON's grammar, found in one linear scan of its text. */
#include "lib/model/json_shape.h"

#include <string.h>

#include "lib/model/json_map.h"

/* The four digits of the \u escape whose backslash is at `at`. */
static bool unicode_escape_is_hex(const unsigned char *text, size_t len, size_t at)
{
    if (len - at < 6)
        return false;
    for (size_t d = at + 2; d < at + 6; d++)
        if (!lp_json_is_hex(text[d]))
            return false;
    return true;
}

static lp_status named(size_t *stop, size_t unnamed, size_t at, lp_status status)
{
    *stop = unnamed < at ? unnamed : at;
    return status;
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
            for (i++; (i = lp_json_string_stop(text, i, len)) < len && text[i] != '"';) {
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
            size_t n = lp_json_number_length(text + i, len - i);
            if (n == 0)
                return named(stop, unnamed, i,
                             lp_error_set(err, LP_ERR_PROTOCOL,
                                          "response body: not valid JSON (malformed number)"));
            if (n > LP_JSON_NUMBER_MAX && unnamed == len)
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
