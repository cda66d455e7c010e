/* Single byte-range parsing. */
#include "server/byte_range.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

static bool parse_number(const char **p, uint64_t *out)
{
    if (!isdigit((unsigned char)**p))
        return false;
    uint64_t value = 0;
    while (isdigit((unsigned char)**p)) {
        unsigned digit = (unsigned)(**p - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return false;
        value = value * 10 + digit;
        (*p)++;
    }
    *out = value;
    return true;
}

enum lpd_range_result lpd_byte_range_parse(const char *header, uint64_t size, uint64_t *first, uint64_t *last)
{
    if (header == NULL || strncmp(header, "bytes=", 6) != 0 || strchr(header, ',') != NULL)
        return LP_RANGE_NONE;
    const char *p = header + 6;
    while (*p == ' ')
        p++;
    uint64_t start = 0, end = 0;
    if (*p == '-') {
        p++;
        uint64_t suffix;
        if (!parse_number(&p, &suffix) || *p != '\0')
            return LP_RANGE_NONE;
        if (suffix == 0 || size == 0)
            return LP_RANGE_UNSATISFIABLE;
        *first = suffix >= size ? 0 : size - suffix;
        *last = size - 1;
        return LP_RANGE_PARTIAL;
    }
    if (!parse_number(&p, &start) || *p != '-')
        return LP_RANGE_NONE;
    p++;
    bool open_ended = *p == '\0';
    if (!open_ended && (!parse_number(&p, &end) || *p != '\0' || end < start))
        return LP_RANGE_NONE;
    if (start >= size)
        return LP_RANGE_UNSATISFIABLE;
    *first = start;
    *last = open_ended || end >= size ? size - 1 : end;
    return LP_RANGE_PARTIAL;
}
