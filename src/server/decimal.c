/* Whole decimal numbers from option values and query parameters. */
#include "server/decimal.h"

#include <errno.h>
#include <stdlib.h>

bool lpd_parse_decimal(const char *text, long min, long max, long *out)
{
    if (text == NULL || *text == '\0')
        return false;
    char *end = NULL;
    errno = 0;
    long value = strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || value < min || value > max)
        return false;
    *out = value;
    return true;
}
