/* The row of an object the user owns, or the 404 that hides whether it exists at all. */
#include "server/owned_row.h"

#include "server/db.h"
#include "server/object_id.h"
#include "server/response.h"

bool lpd_find_owned_row(struct lpd_request *req, const char *prefix, const char *sql, const char *missing,
                        struct lpd_owned_row *out)
{
    out->st = NULL;
    if (!lpd_object_id_parse(prefix, req->path_id, &out->row)) {
        out->reply = lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, missing);
        return false;
    }
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL) {
        out->reply = lpd_reply_internal(req);
        return false;
    }
    lpd_bind_int(st, ":id", out->row);
    lpd_bind_int(st, ":user", req->user_id);
    if (lpd_step(st) != LPD_ROW) {
        lpd_stmt_reset(st);
        out->reply = lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, missing);
        return false;
    }
    out->st = st;
    return true;
}
