/* RFC 3339 UTC time stamps, as the wire contract writes them.
 * Shared (src/common/) by the client library, its programs and the server. */
#ifndef LICPORTAL_TIMESTAMP_H
#define LICPORTAL_TIMESTAMP_H

#include <stdbool.h>
#include <stdint.h>

/* Seconds since the epoch, UTC. LP_TIME_NONE stands for a JSON null. */
typedef int64_t lp_time;
#define LP_TIME_NONE INT64_MIN

/* "YYYY-MM-DDTHH:MM:SSZ" plus the terminating NUL. */
#define LP_TIMESTAMP_LEN 21

/* Writes `t` as "2026-11-28T09:15:00Z" into `out`. Returns false when the
 * time cannot be represented (before year 0 or after 9999). */
bool lp_timestamp_format(lp_time t, char out[LP_TIMESTAMP_LEN]);

/* Parses an RFC 3339 time stamp: "YYYY-MM-DDTHH:MM:SS", optional fraction,
 * then "Z" or "+HH:MM"/"-HH:MM". Lower-case "t"/"z" are accepted, as RFC
 * 3339 allows. Returns false on anything else, leaving *out untouched. */
bool lp_timestamp_parse(const char *text, lp_time *out);

/* Writes the date part "YYYY-MM-DD" (11 bytes with NUL) of `t` in UTC. */
bool lp_date_format(lp_time t, char out[11]);

#endif
