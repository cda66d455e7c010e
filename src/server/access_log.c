/* Access log lines: time, client, method, path, status, duration, request id. */
#include "server/access_log.h"

#include <stdio.h>

#include "server/log_escape.h"
#include <time.h>

int64_t lpd_monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void lpd_access_log(const struct lpd_request *req, int64_t finished_ns)
{
    char stamp[LP_TIMESTAMP_LEN];
    if (!lp_timestamp_format(req->now, stamp))
        stamp[0] = '\0';
    double ms = (double)(finished_ns - req->started_ns) / 1e6;
    /* MHD hands over the path without its query string, so secrets in a
     * query never reach the log. The method and the (decoded) path are the
     * client's words: escaped, they cannot start a line or drive a terminal. */
    char method[64], path[1024];
    lpd_log_escape(req->method, method, sizeof method);
    lpd_log_escape(req->path, path, sizeof path);
    fprintf(stderr, "%s %s %s %s %u %.3fms request_id=%s\n", stamp, req->client_addr, method, path, req->status, ms,
            req->request_id);
}
