/* A refused request (non-2xx answer) as a status and words a person can act on. */
#include "lib/session/api_error.h"

#include <stdio.h>
#include <string.h>

#include "lib/model/json_map.h"

typedef struct code_mapping {
    const char *code;
    lp_status status;
} code_mapping;

static const code_mapping mappings[] = {
    {LP_CODE_INVALID_REQUEST, LP_ERR_BAD_REQUEST},
    {LP_CODE_PAYLOAD_TOO_LARGE, LP_ERR_BAD_REQUEST},
    {LP_CODE_INVALID_CREDENTIALS, LP_ERR_CREDENTIALS},
    {LP_CODE_OTP_REQUIRED, LP_ERR_OTP_REQUIRED},
    {LP_CODE_INVALID_OTP, LP_ERR_OTP_INVALID},
    {LP_CODE_TOKEN_EXPIRED, LP_ERR_AUTH},
    {LP_CODE_UNAUTHENTICATED, LP_ERR_AUTH},
    {LP_CODE_INVALID_REFRESH_TOKEN, LP_ERR_AUTH},
    {LP_CODE_FORBIDDEN, LP_ERR_FORBIDDEN},
    {LP_CODE_DEACTIVATION_NOT_ALLOWED, LP_ERR_FORBIDDEN},
    {LP_CODE_NOT_FOUND, LP_ERR_NOT_FOUND},
    {LP_CODE_RATE_LIMITED, LP_ERR_RATE_LIMITED},
    {LP_CODE_INTERNAL_ERROR, LP_ERR_SERVER},
    {LP_CODE_UNAVAILABLE, LP_ERR_SERVER},
};

static lp_status status_by_http(long http_status)
{
    if (http_status == 400 || http_status == 413)
        return LP_ERR_BAD_REQUEST;
    if (http_status == 401)
        return LP_ERR_AUTH;
    if (http_status == 403)
        return LP_ERR_FORBIDDEN;
    if (http_status == 404)
        return LP_ERR_NOT_FOUND;
    if (http_status == 429)
        return LP_ERR_RATE_LIMITED;
    if (http_status >= 500 && http_status <= 599)
        return LP_ERR_SERVER;
    if (http_status >= 400 && http_status <= 499)
        return LP_ERR_BAD_REQUEST;
    return LP_ERR_PROTOCOL;
}

static void compose(lp_status status, const char *code, const char *said, long http_status,
                    long retry_after, lp_error *err)
{
    bool has_said = said && *said;
    const char *sep = has_said ? ": " : "";
    const char *text = has_said ? said : "";
    if (strcmp(code, LP_CODE_PAYLOAD_TOO_LARGE) == 0 || http_status == 413) {
        lp_error_set(err, status, "the request was too large for the server (limit 64 KiB)");
        return;
    }
    if (strcmp(code, LP_CODE_DEACTIVATION_NOT_ALLOWED) == 0) {
        lp_error_set(
            err, status,
            "this license does not allow self-service deactivation: contact the vendor's support");
        return;
    }
    switch (status) {
    case LP_ERR_BAD_REQUEST:
        lp_error_set(err, status, "the server refused the request (HTTP %ld)%s%s", http_status, sep,
                     text);
        break;
    case LP_ERR_CREDENTIALS:
        lp_error_set(err, status, "wrong email or password");
        break;
    case LP_ERR_OTP_REQUIRED:
        lp_error_set(err, status,
                     "this account uses two-factor authentication: give the one-time code");
        break;
    case LP_ERR_OTP_INVALID:
        lp_error_set(
            err, status,
            "the one-time code was not accepted: use a fresh code and check this device's clock");
        break;
    case LP_ERR_AUTH:
        lp_error_set(err, status, LP_SESSION_REFUSED_MESSAGE);
        break;
    case LP_ERR_FORBIDDEN:
        lp_error_set(err, status, "not allowed%s%s", sep, has_said ? text : " for this account");
        break;
    case LP_ERR_NOT_FOUND:
        lp_error_set(err, status, "not found%s%s", sep, has_said ? text : " (or not yours)");
        break;
    case LP_ERR_RATE_LIMITED:
        if (retry_after >= 0)
            lp_error_set(err, status, "too many attempts: try again in %ld s", retry_after);
        else
            lp_error_set(err, status, "too many attempts: try again later");
        break;
    case LP_ERR_SERVER:
        if (retry_after >= 0)
            lp_error_set(err, status, "the server failed (HTTP %ld)%s%s: try again in %ld s",
                         http_status, sep, text, retry_after);
        else
            lp_error_set(err, status, "the server failed (HTTP %ld)%s%s: try again later",
                         http_status, sep, text);
        break;
    default:
        if (http_status >= 300 && http_status <= 399)
            lp_error_set(
                err, status,
                "the server's answer broke the API contract: a redirect (HTTP %ld); check the "
                "server URL",
                http_status);
        else
            lp_error_set(err, status,
                         "the server's answer broke the API contract: unexpected HTTP %ld%s%s",
                         http_status, sep, text);
        break;
    }
}

lp_status lp_api_error(long http_status, const char *body, size_t body_len,
                       const char *request_id_header, long retry_after, lp_error *err)
{
    lp_error parsed;
    lp_error_clear(&parsed);
    bool has_body = body && body_len && lp_parse_error_body(body, body_len, &parsed);
    lp_status status = LP_ERR_PROTOCOL;
    bool known = false;
    if (has_body && http_status >= 400) {
        for (size_t i = 0; i < sizeof mappings / sizeof mappings[0]; i++) {
            if (strcmp(parsed.code, mappings[i].code) == 0) {
                status = mappings[i].status;
                known = true;
                break;
            }
        }
    }
    if (!known)
        status = status_by_http(http_status);
    lp_error result;
    lp_error_clear(&result);
    result.http_status = http_status;
    result.retry_after = retry_after;
    if (has_body) {
        snprintf(result.code, sizeof result.code, "%s", parsed.code);
        snprintf(result.request_id, sizeof result.request_id, "%s", parsed.request_id);
    }
    if (!result.request_id[0] && request_id_header)
        snprintf(result.request_id, sizeof result.request_id, "%s", request_id_header);
    compose(status, result.code, has_body ? parsed.message : NULL, http_status, retry_after,
            &result);
    if (err)
        *err = result;
    return status;
}
