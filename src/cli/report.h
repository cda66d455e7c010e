/* The one-line report of a failure on stderr, and its exit code. */
#ifndef LP_CLI_REPORT_H
#define LP_CLI_REPORT_H

#include <stddef.h>

#include "licportal/error.h"

/* Prints "licportal: WHAT failed: MESSAGE[; HINT]" on one line to stderr and
 * returns the exit code for err->status. */
int cli_report(const char *what, const lp_error *err);
/* The line cli_report prints, without the "licportal: " prefix, into `out`. */
void cli_report_text(const char *what, const lp_error *err, char *out, size_t size);
/* The same for a failure found here rather than in the library. */
int cli_fail(int exit_code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
