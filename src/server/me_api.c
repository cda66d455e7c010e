/* GET /me: the signed-in user's profile. */
#include "server/api_handlers.h"
#include "server/license_json.h"
#include "server/object_id.h"
#include "server/response.h"

enum MHD_Result lpd_api_me(struct lpd_request *req)
{
    static const char *const sql = "SELECT email, name, organization FROM users WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":id", req->user_id);
    if (lpd_step(st) != LPD_ROW) {
        lpd_stmt_reset(st);
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_UNAUTHENTICATED, "the account no longer exists");
    }
    cJSON *body = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_USER, req->user_id, id);
    cJSON_AddStringToObject(body, "id", id);
    cJSON_AddStringToObject(body, "email", lpd_col_text(st, 0));
    cJSON_AddStringToObject(body, "name", lpd_col_text(st, 1));
    lpd_json_add_string_or_null(body, "organization", lpd_col_text(st, 2));
    lpd_stmt_reset(st);
    return lpd_reply_json(req, MHD_HTTP_OK, body);
}
