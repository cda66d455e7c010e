/* GET /dashboard: KPIs from trigger-maintained counters plus two index range counts, and the newest licences. */
#include "server/api_handlers.h"
#include "server/kpi.h"
#include "server/license_json.h"
#include "server/response.h"

#define RECENT_LICENSES 5

/* Counts the user's stored-active licences with expires_at in [from, to]; an
 * index range on (user_id, status, expires_at), never a scan of all rows. */
static bool count_active_expiring(struct lp_request *req, lp_time from, lp_time to, int64_t *out)
{
    static const char *const sql = "SELECT COUNT(*) FROM licenses WHERE user_id = :user AND status = 'active' "
                                   "AND expires_at >= :from AND expires_at <= :to";
    sqlite3_stmt *st = lp_db_stmt(req->db, sql);
    if (st == NULL)
        return false;
    lp_bind_int(st, ":user", req->user_id);
    lp_bind_int(st, ":from", from);
    lp_bind_int(st, ":to", to);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    *out = ok ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return ok;
}

enum MHD_Result lp_api_dashboard(struct lp_request *req)
{
    static const char *const counters = "SELECT license_count, active_stored_count, activation_count "
                                        "FROM users WHERE id = :user";
    sqlite3_stmt *st = lp_db_stmt(req->db, counters);
    if (st == NULL)
        return lp_reply_internal(req);
    lp_bind_int(st, ":user", req->user_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sqlite3_reset(st);
        return lp_reply_internal(req);
    }
    int64_t total = sqlite3_column_int64(st, 0);
    int64_t active_stored = sqlite3_column_int64(st, 1);
    int64_t activations = sqlite3_column_int64(st, 2);
    sqlite3_reset(st);

    /* Stored-active licences that expired before now read as expired:
     * expires_at in [minimum, now - 1]. */
    int64_t lapsed = 0, expiring = 0;
    struct lp_time_window window = lp_expiring_window(req->now, LP_KPI_EXPIRING_WINDOW_DAYS);
    if (!count_active_expiring(req, INT64_MIN + 1, req->now - 1, &lapsed) ||
        !count_active_expiring(req, window.from, window.to, &expiring))
        return lp_reply_internal(req);

    static const char *const recent = "SELECT " LP_LICENSE_COLUMNS " FROM licenses l WHERE l.user_id = :user "
                                      "ORDER BY l.added_at DESC, l.id DESC LIMIT :limit";
    st = lp_db_stmt(req->db, recent);
    if (st == NULL)
        return lp_reply_internal(req);
    lp_bind_int(st, ":user", req->user_id);
    lp_bind_int(st, ":limit", RECENT_LICENSES);
    cJSON *body = cJSON_CreateObject();
    cJSON *kpis = cJSON_AddObjectToObject(body, "kpis");
    cJSON_AddNumberToObject(kpis, "total_licenses", (double)total);
    cJSON_AddNumberToObject(kpis, "active_licenses", (double)(active_stored - lapsed));
    cJSON_AddNumberToObject(kpis, "activations_in_use", (double)activations);
    cJSON_AddNumberToObject(kpis, "expiring_soon", (double)expiring);
    cJSON_AddNumberToObject(kpis, "expiring_window_days", LP_KPI_EXPIRING_WINDOW_DAYS);
    cJSON *list = cJSON_AddArrayToObject(body, "recent_licenses");
    while (sqlite3_step(st) == SQLITE_ROW)
        cJSON_AddItemToArray(list, lp_license_summary_json(st, req->now));
    sqlite3_reset(st);
    lp_json_add_time(body, "generated_at", req->now);
    return lp_reply_json_stable(req, MHD_HTTP_OK, body, "generated_at");
}
