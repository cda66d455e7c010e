/* One line per finished request on stderr: never a token, a password or a query string. */
#ifndef LP_SERVER_ACCESS_LOG_H
#define LP_SERVER_ACCESS_LOG_H

#include "server/request.h"

void lpd_access_log(const struct lpd_request *req, int64_t finished_ns);

/* Monotonic clock in nanoseconds, for request durations. */
int64_t lpd_monotonic_ns(void);

#endif
