/* One line per finished request on stderr: never a token, a password or a query string. */
#ifndef LP_SERVER_ACCESS_LOG_H
#define LP_SERVER_ACCESS_LOG_H

#include "server/request.h"

void lp_access_log(const struct lp_request *req, int64_t finished_ns);

/* Monotonic clock in nanoseconds, for request durations. */
int64_t lp_monotonic_ns(void);

#endif
