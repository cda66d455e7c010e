/* Request accessors over libmicrohttpd's connection values. */
#include "server/request.h"

#include "server/response.h"

#include <string.h>

const char *lpd_request_query(const struct lpd_request *req, const char *name)
{
    const char *value = MHD_lookup_connection_value(req->connection, MHD_GET_ARGUMENT_KIND, name);
    return value != NULL && *value != '\0' ? value : NULL;
}

const char *lpd_request_header(const struct lpd_request *req, const char *name)
{
    return MHD_lookup_connection_value(req->connection, MHD_HEADER_KIND, name);
}

static enum MHD_Result find_nul(void *cls, enum MHD_ValueKind kind, const char *key, size_t key_size, const char *value,
                                size_t value_size)
{
    bool *found = cls;
    if (strlen(key) != key_size || (value != NULL && strlen(value) != value_size)) {
        *found = true;
        return MHD_NO;
    }
    return MHD_YES;
}

bool lpd_request_query_has_nul(const struct lpd_request *req)
{
    bool found = false;
    MHD_get_connection_values_n(req->connection, MHD_GET_ARGUMENT_KIND, find_nul, &found);
    return found;
}

cJSON *lpd_request_json_body(struct lpd_request *req)
{
    cJSON *json = req->body_len > 0 ? cJSON_ParseWithLength(req->body, req->body_len) : NULL;
    if (json == NULL || !cJSON_IsObject(json)) {
        cJSON_Delete(json);
        lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "the request body must be a JSON object");
        return NULL;
    }
    return json;
}

const char *lpd_json_string(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}
