/* Whole decimal numbers from option values and query parameters. */
#ifndef LP_SERVER_DECIMAL_H
#define LP_SERVER_DECIMAL_H

#include <stdbool.h>

/* Parses a whole decimal in [min, max]; false on anything else. */
bool lpd_parse_decimal(const char *text, long min, long max, long *out);

#endif
