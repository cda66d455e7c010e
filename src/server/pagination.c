/* Page parameters and the page envelope. */
#include "server/pagination.h"

#include <stdio.h>
#include <stdlib.h>

#include "server/decimal.h"
#include "server/response.h"

bool lpd_page_params(struct lpd_request *req, const char *scope, int *limit, struct lpd_cursor *cursor,
                     bool *has_cursor)
{
    const char *limit_text = lpd_request_query(req, "limit");
    long value = LP_PAGE_DEFAULT_LIMIT;
    if (MHD_lookup_connection_value(req->connection, MHD_GET_ARGUMENT_KIND, "limit") != NULL &&
        !lpd_parse_decimal(limit_text, 1, LP_PAGE_MAX_LIMIT, &value)) {
        lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                        "limit must be a whole number from 1 to 200");
        return false;
    }
    *limit = (int)value;
    const char *cursor_text = lpd_request_query(req, "cursor");
    *has_cursor = cursor_text != NULL;
    if (cursor_text != NULL && !lpd_cursor_decode(cursor_text, req->server->cursor_key, scope, cursor)) {
        lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "cursor is not valid for this list");
        return false;
    }
    return true;
}

cJSON *lpd_page_body(cJSON *items, char *next_cursor, int64_t total)
{
    cJSON *body = cJSON_CreateObject();
    cJSON_AddItemToObject(body, "items", items);
    if (next_cursor != NULL)
        cJSON_AddStringToObject(body, "next_cursor", next_cursor);
    else
        cJSON_AddNullToObject(body, "next_cursor");
    free(next_cursor);
    cJSON_AddNumberToObject(body, "total", (double)total);
    return body;
}

cJSON *lpd_page_rows(struct lpd_stmt *st, int limit, int key_column, cJSON *(*to_json)(struct lpd_stmt *st),
                     const char *scope, const unsigned char key[LP_CURSOR_KEY_BYTES], char **next)
{
    cJSON *items = cJSON_CreateArray();
    int rows = 0;
    struct lpd_cursor last = {0};
    while (lpd_step(st) == LPD_ROW) {
        if (++rows > limit)
            break;
        cJSON_AddItemToArray(items, to_json(st));
        last.id = lpd_col_int(st, 0, 0);
        /* Text or integer, the key column reads as text in both stores. */
        const char *value = lpd_col_text(st, key_column);
        snprintf(last.value, sizeof last.value, "%s", value != NULL ? value : "");
    }
    lpd_stmt_free(st);
    *next = NULL;
    if (rows > limit) {
        snprintf(last.scope, sizeof last.scope, "%s", scope);
        *next = lpd_cursor_encode(&last, key);
    }
    return items;
}
