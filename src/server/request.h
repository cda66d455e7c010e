/* One HTTP request as the handlers see it: method, path, body, caller and the reply status. */
#ifndef LP_SERVER_REQUEST_H
#define LP_SERVER_REQUEST_H

#include <cjson/cJSON.h>
#include <microhttpd.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/timestamp.h"
#include "server/db.h"
#include "server/server_context.h"

#define LP_MAX_BODY (64 * 1024)
#define LP_REQUEST_ID_LEN 17
#define LP_CLIENT_ADDR_LEN 64

struct lpd_request {
    struct MHD_Connection *connection;
    const struct lpd_server *server;
    const char *method;
    char *path;
    char request_id[LP_REQUEST_ID_LEN];
    char client_addr[LP_CLIENT_ADDR_LEN];
    char *body;
    size_t body_len;
    bool body_too_large;
    bool replied;
    unsigned status;
    int64_t started_ns;
    lp_time now;
    /* The {id} segment of the matched route; empty when the route has none. */
    char path_id[256];
    /* Set by authentication. */
    int64_t user_id;
    int64_t session_id;
    /* The personal access token the request came with; 0 for a login session. */
    int64_t personal_token_id;
    struct lpd_db *db;
};

/* A query-string argument, NULL when absent or empty. */
const char *lpd_request_query(const struct lpd_request *req, const char *name);

/* Whether a query argument name or value holds a NUL byte (%00), which no
 * parameter of the API accepts and C strings would silently cut short. */
bool lpd_request_query_has_nul(const struct lpd_request *req);

/* A request header, NULL when absent. */
const char *lpd_request_header(const struct lpd_request *req, const char *name);

/* Parses the body as a JSON object. NULL (after replying 400) when it is not. */
cJSON *lpd_request_json_body(struct lpd_request *req);

/* A string member of a JSON object, NULL when missing or not a string. */
const char *lpd_json_string(const cJSON *object, const char *name);

#endif
