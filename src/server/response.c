/* Building and queuing replies. */
#include "server/response.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/etag.h"

enum MHD_Result lpd_reply(struct lpd_request *req, unsigned status, struct MHD_Response *response)
{
    if (response == NULL)
        return MHD_NO;
    MHD_add_response_header(response, "X-Request-Id", req->request_id);
    enum MHD_Result rc = MHD_queue_response(req->connection, status, response);
    MHD_destroy_response(response);
    req->status = status;
    req->replied = true;
    return rc;
}

static struct MHD_Response *buffer_response(char *text, size_t len)
{
    return MHD_create_response_from_buffer(len, text, MHD_RESPMEM_MUST_FREE);
}

/* Tags the body without `volatile_member`, so that a member that changes on
 * every request (a generation time) does not defeat revalidation. */
static void tag_without(cJSON *body, const char *volatile_member, char etag[LP_ETAG_LEN])
{
    cJSON *detached = volatile_member ? cJSON_DetachItemFromObjectCaseSensitive(body, volatile_member) : NULL;
    char *text = cJSON_PrintUnformatted(body);
    if (text != NULL)
        lpd_etag_of(text, strlen(text), etag);
    else
        etag[0] = '\0';
    free(text);
    if (detached != NULL)
        cJSON_AddItemToObject(body, volatile_member, detached);
}

enum MHD_Result lpd_reply_json_stable(struct lpd_request *req, unsigned status, cJSON *body,
                                      const char *volatile_member)
{
    bool cacheable = status == MHD_HTTP_OK && (strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0);
    char etag[LP_ETAG_LEN] = "";
    if (cacheable && volatile_member != NULL)
        tag_without(body, volatile_member, etag);
    char *text = cJSON_PrintUnformatted(body);
    cJSON_Delete(body);
    if (text == NULL)
        return lpd_reply_internal(req);
    size_t len = strlen(text);
    if (cacheable) {
        if (etag[0] == '\0')
            lpd_etag_of(text, len, etag);
        if (lpd_etag_matches(lpd_request_header(req, "If-None-Match"), etag)) {
            free(text);
            struct MHD_Response *empty = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
            MHD_add_response_header(empty, "ETag", etag);
            MHD_add_response_header(empty, "Cache-Control", "private, no-cache");
            return lpd_reply(req, MHD_HTTP_NOT_MODIFIED, empty);
        }
    }
    struct MHD_Response *response = buffer_response(text, len);
    if (response == NULL) {
        free(text);
        return MHD_NO;
    }
    MHD_add_response_header(response, "Content-Type", "application/json");
    MHD_add_response_header(response, "Cache-Control", "private, no-cache");
    if (cacheable)
        MHD_add_response_header(response, "ETag", etag);
    return lpd_reply(req, status, response);
}

enum MHD_Result lpd_reply_json(struct lpd_request *req, unsigned status, cJSON *body)
{
    return lpd_reply_json_stable(req, status, body, NULL);
}

enum MHD_Result lpd_reply_error(struct lpd_request *req, unsigned status, const char *code, const char *message)
{
    cJSON *body = cJSON_CreateObject();
    cJSON *error = cJSON_AddObjectToObject(body, "error");
    cJSON_AddStringToObject(error, "code", code);
    cJSON_AddStringToObject(error, "message", message);
    cJSON_AddStringToObject(error, "request_id", req->request_id);
    return lpd_reply_json(req, status, body);
}

enum MHD_Result lpd_reply_rate_limited(struct lpd_request *req, long retry_after)
{
    cJSON *body = cJSON_CreateObject();
    cJSON *error = cJSON_AddObjectToObject(body, "error");
    cJSON_AddStringToObject(error, "code", LP_CODE_RATE_LIMITED);
    cJSON_AddStringToObject(error, "message", "too many failed attempts; try again later");
    cJSON_AddStringToObject(error, "request_id", req->request_id);
    char *text = cJSON_PrintUnformatted(body);
    cJSON_Delete(body);
    if (text == NULL)
        return lpd_reply_internal(req);
    struct MHD_Response *response = buffer_response(text, strlen(text));
    char seconds[24];
    snprintf(seconds, sizeof seconds, "%ld", retry_after);
    MHD_add_response_header(response, "Content-Type", "application/json");
    MHD_add_response_header(response, "Retry-After", seconds);
    return lpd_reply(req, MHD_HTTP_TOO_MANY_REQUESTS, response);
}

enum MHD_Result lpd_reply_no_content(struct lpd_request *req)
{
    struct MHD_Response *empty = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    return lpd_reply(req, MHD_HTTP_NO_CONTENT, empty);
}

enum MHD_Result lpd_reply_internal(struct lpd_request *req)
{
    /* A store that cannot be reached (a PostgreSQL restart, a failover) is
     * passing trouble, which a client may retry, not a fault of the request. */
    if (req->db != NULL && lpd_db_unreachable(req->db))
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE, "the database is not available");
    return lpd_reply_error(req, MHD_HTTP_INTERNAL_SERVER_ERROR, LP_CODE_INTERNAL_ERROR, "the server failed to answer");
}
