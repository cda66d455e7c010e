/* Writes audit_log rows. */
#include "server/audit.h"

#include <stdio.h>

void lp_audit(struct lp_request *req, int64_t user_id, const char *action, const char *object_id, const char *detail)
{
    static const char *const sql = "INSERT INTO audit_log(at, user_id, action, object_id, ip, detail) "
                                   "VALUES (:at, :user, :action, :object, :ip, :detail)";
    sqlite3_stmt *st = lp_db_stmt(req->db, sql);
    if (st == NULL)
        return;
    lp_bind_int(st, ":at", req->now);
    if (user_id > 0)
        lp_bind_int(st, ":user", user_id);
    lp_bind_text(st, ":action", action);
    lp_bind_text(st, ":object", object_id);
    lp_bind_text(st, ":ip", req->client_addr);
    lp_bind_text(st, ":detail", detail);
    if (sqlite3_step(st) != SQLITE_DONE)
        fprintf(stderr, "licportald: cannot write audit log: %s\n", sqlite3_errmsg(lp_db_handle(req->db)));
    sqlite3_reset(st);
}
