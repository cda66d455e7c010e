/* The error body every non-2xx answer carries: code, message, request id. */
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "licportal/sanitize.h"
#include "lib/model/json_reader.h"

bool lp_parse_error_body(const char *json, size_t len, lp_error *err)
{
    if (!err)
        return false;
    lp_error scratch;
    lp_error_clear(&scratch);
    lp_json_doc *doc;
    if (lp_json_read_object(json, len, &doc, &scratch) != LP_OK)
        return false;
    const cJSON *root = lp_json_doc_root(doc);
    const cJSON *error = cJSON_GetObjectItemCaseSensitive(root, "error");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(error, "code");
    const cJSON *message = cJSON_GetObjectItemCaseSensitive(error, "message");
    const cJSON *request_id = cJSON_GetObjectItemCaseSensitive(error, "request_id");
    bool ok = cJSON_IsObject(error) && cJSON_IsString(code) && cJSON_IsString(message) &&
              (!request_id || cJSON_IsString(request_id) || cJSON_IsNull(request_id));
    if (ok) {
        /* Everything here ends up on a terminal, so all three pass the sanitiser. */
        lp_sanitize_into(code->valuestring, err->code, sizeof err->code);
        lp_sanitize_into(message->valuestring, err->message, sizeof err->message);
        /* Without one in the body, the X-Request-Id already recorded stays. */
        if (cJSON_IsString(request_id))
            lp_sanitize_into(request_id->valuestring, err->request_id, sizeof err->request_id);
    }
    lp_json_doc_free(doc);
    return ok;
}
