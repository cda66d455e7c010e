/* POST /tokens, GET /tokens, DELETE /tokens/{id}: personal access tokens, managed only from a login session. */
#include <stdlib.h>
#include <string.h>

#include "server/api_handlers.h"
#include "server/audit.h"
#include "server/license_json.h"
#include "server/object_id.h"
#include "server/pagination.h"
#include "server/personal_token.h"
#include "server/response.h"

#define SCOPE "pat:-id"
#define NAME_MAX_BYTES 100
#define EXPIRES_MAX_DAYS 3650
#define SECONDS_PER_DAY 86400

/* A token cannot mint, list or revoke tokens: otherwise a leaked one could outlive its revocation. */
static bool refused_to_tokens(struct lpd_request *req)
{
    if (req->personal_token_id == 0)
        return false;
    lpd_reply_error(req, MHD_HTTP_FORBIDDEN, LP_CODE_FORBIDDEN,
                    "personal access tokens are managed from a login session, not with a token");
    return true;
}

/* Columns: id, name, scope, created_at, expires_at, last_used_at. */
static cJSON *token_json(struct lpd_stmt *st)
{
    cJSON *item = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_PERSONAL_TOKEN, lpd_col_int(st, 0, 0), id);
    cJSON_AddStringToObject(item, "id", id);
    cJSON_AddStringToObject(item, "name", lpd_col_text(st, 1));
    cJSON_AddStringToObject(item, "scope", lpd_col_text(st, 2));
    lpd_json_add_time(item, "created_at", lpd_col_int(st, 3, 0));
    lpd_json_add_time(item, "expires_at", lpd_col_int(st, 4, LP_TIME_NONE));
    lpd_json_add_time(item, "last_used_at", lpd_col_int(st, 5, LP_TIME_NONE));
    return item;
}

static bool valid_name(const char *name)
{
    size_t len = name != NULL ? strlen(name) : 0;
    if (len == 0 || len > NAME_MAX_BYTES)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

/* Reads expires_in_days: absent or null is no expiry, otherwise a whole number of days. */
static bool parse_expiry(const cJSON *body, lp_time now, lp_time *expires_at)
{
    const cJSON *days = cJSON_GetObjectItemCaseSensitive(body, "expires_in_days");
    *expires_at = LP_TIME_NONE;
    if (days == NULL || cJSON_IsNull(days))
        return true;
    if (!cJSON_IsNumber(days) || days->valuedouble != (double)(long)days->valuedouble || days->valuedouble < 1 ||
        days->valuedouble > EXPIRES_MAX_DAYS)
        return false;
    *expires_at = now + (lp_time)days->valuedouble * SECONDS_PER_DAY;
    return true;
}

enum MHD_Result lpd_api_token_create(struct lpd_request *req)
{
    if (refused_to_tokens(req))
        return MHD_YES;
    cJSON *body = lpd_request_json_body(req);
    if (body == NULL)
        return MHD_YES;
    const char *name = lpd_json_string(body, "name");
    const cJSON *scope_item = cJSON_GetObjectItemCaseSensitive(body, "scope");
    const char *scope = scope_item == NULL ? LP_SCOPE_READ : lpd_json_string(body, "scope");
    lp_time expires_at;
    const char *problem = NULL;
    if (!valid_name(name))
        problem = "name must be 1 to 100 bytes without control characters";
    else if (scope == NULL || (strcmp(scope, LP_SCOPE_READ) != 0 && strcmp(scope, LP_SCOPE_READ_WRITE) != 0))
        problem = "scope must be read or read_write";
    else if (!parse_expiry(body, req->now, &expires_at))
        problem = "expires_in_days must be null or a whole number from 1 to 3650";
    if (problem != NULL) {
        cJSON_Delete(body);
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, problem);
    }
    char secret[LP_PERSONAL_TOKEN_LEN];
    char hash[LP_TOKEN_HASH_LEN];
    if (!lpd_personal_token_generate(secret)) {
        cJSON_Delete(body);
        return lpd_reply_internal(req);
    }
    lpd_token_hash(secret, hash);
    static const char *const insert = "INSERT INTO personal_tokens(user_id, token_hash, name, scope, created_at, "
                                      "expires_at) VALUES (:user, :hash, :name, :scope, :now, :expires) RETURNING id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, insert);
    bool ok = st != NULL;
    int64_t row = 0;
    if (ok) {
        lpd_bind_int(st, ":user", req->user_id);
        lpd_bind_text(st, ":hash", hash);
        lpd_bind_text(st, ":name", name);
        lpd_bind_text(st, ":scope", scope);
        lpd_bind_int(st, ":now", req->now);
        if (expires_at != LP_TIME_NONE)
            lpd_bind_int(st, ":expires", expires_at);
        ok = lpd_step(st) == LPD_ROW;
        row = ok ? lpd_col_int(st, 0, 0) : 0;
        lpd_stmt_reset(st);
    }
    if (!ok) {
        cJSON_Delete(body);
        return lpd_reply_internal(req);
    }
    cJSON *reply = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_PERSONAL_TOKEN, row, id);
    cJSON_AddStringToObject(reply, "id", id);
    cJSON_AddStringToObject(reply, "name", name);
    cJSON_AddStringToObject(reply, "scope", scope);
    cJSON_AddStringToObject(reply, "token", secret);
    lpd_json_add_time(reply, "created_at", req->now);
    lpd_json_add_time(reply, "expires_at", expires_at);
    cJSON_AddNullToObject(reply, "last_used_at");
    lpd_audit(req, req->user_id, "token_create", id, scope);
    cJSON_Delete(body);
    memset(secret, 0, sizeof secret);
    return lpd_reply_json(req, MHD_HTTP_CREATED, reply);
}

enum MHD_Result lpd_api_token_list(struct lpd_request *req)
{
    if (refused_to_tokens(req))
        return MHD_YES;
    int limit;
    struct lpd_cursor after;
    bool has_cursor;
    if (!lpd_page_params(req, SCOPE, &limit, &after, &has_cursor))
        return MHD_YES;
    static const char *const first_page = "SELECT id, name, scope, created_at, expires_at, last_used_at "
                                          "FROM personal_tokens WHERE user_id = :user AND revoked_at IS NULL "
                                          "ORDER BY id DESC LIMIT :limit";
    static const char *const later_page = "SELECT id, name, scope, created_at, expires_at, last_used_at "
                                          "FROM personal_tokens WHERE user_id = :user AND revoked_at IS NULL "
                                          "AND id < :after ORDER BY id DESC LIMIT :limit";
    struct lpd_stmt *st = lpd_db_prepare(req->db, has_cursor ? later_page : first_page);
    if (st == NULL) {
        return lpd_reply_internal(req);
    }
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":after", after.id);
    lpd_bind_int(st, ":limit", limit + 1);
    char *next = NULL;
    cJSON *items = lpd_page_rows(st, limit, 0, token_json, SCOPE, req->server->cursor_key, &next);

    static const char *const count = "SELECT COUNT(*) FROM personal_tokens WHERE user_id = :user "
                                     "AND revoked_at IS NULL";
    struct lpd_stmt *counter = lpd_db_stmt(req->db, count);
    bool counted = counter != NULL;
    int64_t total = 0;
    if (counted) {
        lpd_bind_int(counter, ":user", req->user_id);
        counted = lpd_step(counter) == LPD_ROW;
        total = counted ? lpd_col_int(counter, 0, 0) : 0;
        lpd_stmt_reset(counter);
    }
    if (!counted) {
        cJSON_Delete(items);
        free(next);
        return lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, next, total));
}

enum MHD_Result lpd_api_token_delete(struct lpd_request *req)
{
    if (refused_to_tokens(req))
        return MHD_YES;
    int64_t row;
    if (!lpd_object_id_parse(LP_ID_PERSONAL_TOKEN, req->path_id, &row))
        return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such token");
    static const char *const revoke = "UPDATE personal_tokens SET revoked_at = :now "
                                      "WHERE id = :id AND user_id = :user AND revoked_at IS NULL";
    struct lpd_stmt *st = lpd_db_stmt(req->db, revoke);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_int(st, ":id", row);
    lpd_bind_int(st, ":user", req->user_id);
    return lpd_reply_after_change(req, lpd_db_step_changes(req->db, st), "no such token", "token_revoke");
}
