/* A refused request (non-2xx answer) as a status and words a person can act on. */
#ifndef LICPORTAL_SESSION_API_ERROR_H
#define LICPORTAL_SESSION_API_ERROR_H

#include <stddef.h>

#include "licportal/error.h"

/* Maps the error body's code (or, when the body is missing or the code
 * unknown, the HTTP status) onto an lp_status. Fills *err completely:
 * status, http_status, code, request_id (body, else `request_id_header`),
 * retry_after and message. */
lp_status lp_api_error(long http_status, const char *body, size_t body_len,
                       const char *request_id_header, long retry_after, lp_error *err);

/* The message for a refused session, shared with the refresh logic. */
#define LP_SESSION_REFUSED_MESSAGE "session expired or revoked: run `licportal login`"
#define LP_PERSONAL_TOKEN_REFUSED_MESSAGE                                                       \
    "the personal access token was refused (revoked, expired or unknown): create another with " \
    "`licportal token create`"

#endif
