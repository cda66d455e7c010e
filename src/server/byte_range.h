/* The Range request header, as far as resumable downloads need it (one byte range). */
#ifndef LP_SERVER_BYTE_RANGE_H
#define LP_SERVER_BYTE_RANGE_H

#include <stdint.h>

enum lpd_range_result {
    /* No usable Range header: send the whole file with 200. */
    LP_RANGE_NONE,
    /* Send bytes [first, last] with 206. */
    LP_RANGE_PARTIAL,
    /* The range starts at or past the end: 416. */
    LP_RANGE_UNSATISFIABLE,
};

/* Interprets `header` (may be NULL) for a file of `size` bytes. Accepts
 * "bytes=N-", "bytes=N-M" and "bytes=-N"; malformed headers and multiple
 * ranges are ignored, as RFC 9110 allows. */
enum lpd_range_result lpd_byte_range_parse(const char *header, uint64_t size, uint64_t *first, uint64_t *last);

#endif
