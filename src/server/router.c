/* The route table of /api/v1. A '*' segment matches one path segment, the object id. */
#include "server/router.h"

#include <stdbool.h>
#include <string.h>

#include "server/api_handlers.h"
#include "server/auth_guard.h"
#include "server/response.h"

typedef enum MHD_Result (*lpd_handler)(struct lpd_request *req);

struct route {
    const char *method;
    const char *pattern;
    bool needs_auth;
    lpd_handler handler;
};

static const struct route routes[] = {
    {"POST", "/api/v1/auth/login", false, lpd_api_login},
    {"POST", "/api/v1/auth/refresh", false, lpd_api_refresh},
    {"POST", "/api/v1/auth/logout", true, lpd_api_logout},
    {"GET", "/api/v1/me", true, lpd_api_me},
    {"GET", "/api/v1/dashboard", true, lpd_api_dashboard},
    {"GET", "/api/v1/licenses", true, lpd_api_license_list},
    {"GET", "/api/v1/licenses/*", true, lpd_api_license_get},
    {"POST", "/api/v1/licenses/*/reveal", true, lpd_api_license_reveal},
    {"POST", "/api/v1/licenses/*/offline-activations", true, lpd_api_offline_activation},
    {"GET", "/api/v1/signing-keys", false, lpd_api_signing_keys},
    {"GET", "/api/v1/activations", true, lpd_api_activation_list},
    {"DELETE", "/api/v1/activations/*", true, lpd_api_activation_delete},
    {"GET", "/api/v1/downloads", true, lpd_api_download_list},
    {"GET", "/api/v1/downloads/*", true, lpd_api_download_get},
    {"GET", "/api/v1/downloads/*/file", true, lpd_api_download_file},
    {"GET", "/api/v1/products", true, lpd_api_product_list},
    {"POST", "/api/v1/tokens", true, lpd_api_token_create},
    {"GET", "/api/v1/tokens", true, lpd_api_token_list},
    {"DELETE", "/api/v1/tokens/*", true, lpd_api_token_delete},
};

/* Matches `path` against `pattern`; on success *id_start points at the
 * wildcard segment inside `path`. */
static bool path_matches(const char *pattern, const char *path, const char **id_start, size_t *id_len)
{
    *id_start = NULL;
    *id_len = 0;
    while (*pattern != '\0' && *path != '\0') {
        if (*pattern == '*') {
            const char *end = strchr(path, '/');
            size_t len = end ? (size_t)(end - path) : strlen(path);
            if (len == 0)
                return false;
            *id_start = path;
            *id_len = len;
            path += len;
            pattern++;
            continue;
        }
        if (*pattern != *path)
            return false;
        pattern++;
        path++;
    }
    return *pattern == '\0' && *path == '\0';
}

enum MHD_Result lpd_route(struct lpd_request *req)
{
    const char *method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
    bool path_known = false;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        const char *id_start;
        size_t id_len;
        if (!path_matches(routes[i].pattern, req->path, &id_start, &id_len))
            continue;
        path_known = true;
        if (strcmp(routes[i].method, method) != 0)
            continue;
        if (id_start != NULL) {
            if (id_len >= sizeof req->path_id)
                return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such object");
            memcpy(req->path_id, id_start, id_len);
            req->path_id[id_len] = '\0';
        }
        if (routes[i].needs_auth && !lpd_authenticate(req))
            return MHD_YES;
        if (lpd_request_query_has_nul(req))
            return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                                   "query parameters must not contain NUL bytes");
        return routes[i].handler(req);
    }
    if (path_known)
        return lpd_reply_error(req, MHD_HTTP_METHOD_NOT_ALLOWED, LP_CODE_METHOD_NOT_ALLOWED,
                               "this path does not support that method");
    return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such endpoint");
}
