/* How the administration sub-commands print what they list: tab-separated
 * text with a header line, or JSON. */
#ifndef LP_SERVER_ADMIN_OUTPUT_H
#define LP_SERVER_ADMIN_OUTPUT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "licportal/timestamp.h"

/* Prints `count` fields separated by tabs and ended by a newline. A NULL
 * field prints as "-"; tabs, line breaks and other control characters in a
 * field print as '?', so a stored value can neither drive the terminal nor
 * add a column or a line. */
void lp_admin_print_row(FILE *out, const char *const *fields, size_t count);

/* Prints `json` on one line followed by a newline, then frees it. False when
 * out of memory. */
bool lp_admin_print_json(FILE *out, cJSON *json);

/* Writes `t` as an RFC 3339 string, or "never" for LP_TIME_NONE. */
const char *lp_admin_time_text(lp_time t, char out[LP_TIMESTAMP_LEN]);

#endif
