/* Log text that a client controls, made inert: printable ASCII only. */
#ifndef LP_SERVER_LOG_ESCAPE_H
#define LP_SERVER_LOG_ESCAPE_H

#include <stddef.h>

/* Writes `in` to `out` as one log field: every byte outside printable
 * ASCII, the space, the double quote and the backslash become \xHH, so the
 * field can neither start a new log line, drive a terminal, nor pass for two
 * fields. A NULL `in` is written as "-". The result is cut short (at a whole
 * escape) to fit `out_size`, which must be at least 1. Returns `out`. */
char *lpd_log_escape(const char *in, char *out, size_t out_size);

/* The same for a sentence: spaces are kept as they are. */
char *lpd_log_escape_text(const char *in, char *out, size_t out_size);

#endif
