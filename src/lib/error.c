/* The error record: setting, clearing, naming. */
#include "licportal/error.h"

#include <stdio.h>
#include <string.h>

void lp_error_clear(lp_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->retry_after = -1;
}

lp_status lp_error_set(lp_error *err, lp_status status, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* One line only: a message may quote text that contained newlines. */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return status;
}

const char *lp_status_name(lp_status status)
{
    static const char *const names[] = {
        [LP_OK] = "ok",
        [LP_ERR_USAGE] = "usage",
        [LP_ERR_NOMEM] = "out of memory",
        [LP_ERR_CONFIG] = "configuration",
        [LP_ERR_IO] = "file",
        [LP_ERR_NETWORK] = "network",
        [LP_ERR_TLS] = "tls",
        [LP_ERR_PROTOCOL] = "protocol",
        [LP_ERR_BAD_REQUEST] = "bad request",
        [LP_ERR_AUTH] = "not logged in",
        [LP_ERR_CREDENTIALS] = "invalid credentials",
        [LP_ERR_OTP_REQUIRED] = "one-time code required",
        [LP_ERR_OTP_INVALID] = "invalid one-time code",
        [LP_ERR_FORBIDDEN] = "forbidden",
        [LP_ERR_NOT_FOUND] = "not found",
        [LP_ERR_RATE_LIMITED] = "rate limited",
        [LP_ERR_SERVER] = "server error",
        [LP_ERR_CHECKSUM] = "checksum mismatch",
        [LP_ERR_EXISTS] = "file exists",
        [LP_ERR_STORE] = "credential store",
        [LP_ERR_CANCELLED] = "cancelled",
    };
    if ((unsigned)status < sizeof names / sizeof names[0] && names[status])
        return names[status];
    return "unknown";
}
