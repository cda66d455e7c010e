/* Formatting and strict parsing of public object ids. */
#include "server/object_id.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

void lpd_object_id_format(const char *prefix, int64_t row, char out[LP_ID_LEN])
{
    snprintf(out, LP_ID_LEN, "%s_%" PRId64, prefix, row);
}

bool lpd_object_id_parse(const char *prefix, const char *text, int64_t *row)
{
    if (text == NULL)
        return false;
    size_t plen = strlen(prefix);
    if (strncmp(text, prefix, plen) != 0 || text[plen] != '_')
        return false;
    const char *digits = text + plen + 1;
    if (*digits < '1' || *digits > '9' || strlen(digits) > 18)
        return false;
    int64_t value = 0;
    for (const char *p = digits; *p != '\0'; p++) {
        if (*p < '0' || *p > '9')
            return false;
        value = value * 10 + (*p - '0');
    }
    *row = value;
    return true;
}
