/* Values as records for scripts carry them: RFC 3339 times, whole numbers, NULL (an empty field) for none. */
#ifndef LICPORTAL_CLI_RAW_VALUE_H
#define LICPORTAL_CLI_RAW_VALUE_H

#include <stdint.h>

#include "licportal/timestamp.h"

#define CLI_RAW_NUMBER_LEN 24

/* `buf`, holding the time stamp, or NULL for LP_TIME_NONE. */
const char *cli_raw_time(lp_time t, char buf[LP_TIMESTAMP_LEN]);

/* `buf`, holding the number in decimal, or NULL when `value` equals `none`. */
const char *cli_raw_number(int64_t value, int64_t none, char buf[CLI_RAW_NUMBER_LEN]);

#endif
