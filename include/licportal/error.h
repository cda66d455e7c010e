/* Error codes and the error record every library call fills in; every
 * program on the library reads them. */
#ifndef LICPORTAL_ERROR_H
#define LICPORTAL_ERROR_H

#include <stdarg.h>

typedef enum lp_status {
    LP_OK = 0,
    LP_ERR_USAGE, /* the caller passed something invalid */
    LP_ERR_NOMEM,
    LP_ERR_CONFIG,       /* bad configuration file or setting */
    LP_ERR_IO,           /* a local file could not be read or written */
    LP_ERR_NETWORK,      /* DNS, connect, reset, timeout */
    LP_ERR_TLS,          /* certificate not trusted, expired, wrong host name */
    LP_ERR_PROTOCOL,     /* the server's answer breaks the wire contract */
    LP_ERR_BAD_REQUEST,  /* 400/413: the server refused what we sent */
    LP_ERR_AUTH,         /* not logged in, or the session was refused */
    LP_ERR_CREDENTIALS,  /* invalid_credentials at login */
    LP_ERR_OTP_REQUIRED, /* otp_required: ask for a one-time code */
    LP_ERR_OTP_INVALID,  /* invalid_otp */
    LP_ERR_FORBIDDEN,    /* forbidden, deactivation_not_allowed */
    LP_ERR_NOT_FOUND,
    LP_ERR_RATE_LIMITED, /* 429; retry_after says when */
    LP_ERR_SERVER,       /* 5xx */
    LP_ERR_CHECKSUM,     /* downloaded bytes do not match sha256 */
    LP_ERR_EXISTS,       /* the target file already exists */
    LP_ERR_STORE,        /* the credential store failed */
    LP_ERR_CANCELLED,
} lp_status;

/* What went wrong, in words a person can act on. */
typedef struct lp_error {
    lp_status status;
    long http_status;    /* 0 when no HTTP answer was received */
    char code[64];       /* the API's error code ("token_expired"), or "" */
    char request_id[96]; /* X-Request-Id of the failing response, or "" */
    long retry_after;    /* seconds from Retry-After, or -1 */
    char message[512];   /* one line, no trailing newline */
} lp_error;

void lp_error_clear(lp_error *err);

/* Sets status and a printf-style message; returns `status` so that
 * `return lp_error_set(err, LP_ERR_IO, "...")` reads naturally. `err` may be NULL. */
lp_status lp_error_set(lp_error *err, lp_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A short name for a status ("network", "tls", ...). */
const char *lp_status_name(lp_status status);

#endif
