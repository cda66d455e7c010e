/* Raw values for records: no units, no words, nothing for none. */
#include "cli/raw_value.h"

#include <inttypes.h>
#include <stdio.h>

const char *cli_raw_time(lp_time t, char buf[LP_TIMESTAMP_LEN])
{
    return t != LP_TIME_NONE && lp_timestamp_format(t, buf) ? buf : NULL;
}

const char *cli_raw_number(int64_t value, int64_t none, char buf[CLI_RAW_NUMBER_LEN])
{
    if (value == none) {
        return NULL;
    }
    snprintf(buf, CLI_RAW_NUMBER_LEN, "%" PRId64, value);
    return buf;
}
