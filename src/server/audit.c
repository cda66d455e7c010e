/* Writes audit_log rows, and answers a request whose change is audited. */
#include "server/audit.h"

#include <stdio.h>

#include "server/response.h"

void lpd_audit(struct lpd_request *req, int64_t user_id, const char *action, const char *object_id, const char *detail)
{
    static const char *const sql = "INSERT INTO audit_log(at, user_id, action, object_id, ip, detail) "
                                   "VALUES (:at, :user, :action, :object, :ip, :detail)";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return;
    lpd_bind_int(st, ":at", req->now);
    if (user_id > 0)
        lpd_bind_int(st, ":user", user_id);
    lpd_bind_text(st, ":action", action);
    lpd_bind_text(st, ":object", object_id);
    lpd_bind_text(st, ":ip", req->client_addr);
    lpd_bind_text(st, ":detail", detail);
    if (lpd_step(st) != LPD_DONE)
        fprintf(stderr, "licportald: cannot write audit log: %s\n", lpd_db_errmsg(req->db));
    lpd_stmt_reset(st);
}

enum MHD_Result lpd_reply_after_change(struct lpd_request *req, int changed, const char *not_found_message,
                                       const char *action)
{
    if (changed < 0)
        return lpd_reply_internal(req);
    if (changed == 0)
        return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, not_found_message);
    lpd_audit(req, req->user_id, action, req->path_id, NULL);
    return lpd_reply_no_content(req);
}
