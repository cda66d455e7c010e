/* GET /dashboard: KPIs from trigger-maintained counters and cached expiry counts that advance
 * by small index ranges, and the newest licenses. Its cost does not grow with the license count. */
#include "server/api_handlers.h"
#include "server/kpi.h"
#include "server/kpi_cache.h"
#include "server/license_json.h"
#include "server/response.h"

#define RECENT_LICENSES 5

/* Counts the user's stored-active licenses with expires_at in [from, to]; an
 * index range on (user_id, status, expires_at), never a scan of all rows. */
static bool count_active_expiring(struct lpd_request *req, lp_time from, lp_time to, int64_t *out)
{
    static const char *const sql = "SELECT COUNT(*) FROM licenses WHERE user_id = :user AND status = 'active' "
                                   "AND expires_at >= :from AND expires_at <= :to";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":from", from);
    lpd_bind_int(st, ":to", to);
    bool ok = lpd_step(st) == LPD_ROW;
    *out = ok ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_reset(st);
    return ok;
}

/* The expiry counts at req->now: from the cached snapshot advanced to now
 * when the user's licenses have not changed since, else counted afresh. */
static bool expiry_counts(struct lpd_request *req, int64_t version, int64_t *lapsed, int64_t *expiring)
{
    int days = LP_KPI_EXPIRING_WINDOW_DAYS;
    struct lpd_kpi_snapshot snap;
    if (lpd_kpi_cache_get(req->server->kpi_cache, req->user_id, version, req->now, &snap)) {
        struct lpd_kpi_advance step = lpd_kpi_advance(snap.at, req->now, days);
        int64_t more = 0, left = 0, entered = 0;
        if (snap.at != req->now &&
            (!count_active_expiring(req, step.lapsed_more.from, step.lapsed_more.to, &more) ||
             !count_active_expiring(req, step.entered_window.from, step.entered_window.to, &entered)))
            return false;
        /* Licenses that lapsed since the snapshot are those that left the window. */
        left = more;
        snap.lapsed += more;
        snap.expiring += entered - left;
    } else {
        struct lpd_time_window window = lpd_expiring_window(req->now, days);
        snap.user_id = req->user_id;
        snap.version = version;
        /* Stored-active licenses that expired before now read as expired. */
        if (!count_active_expiring(req, INT64_MIN + 1, req->now - 1, &snap.lapsed) ||
            !count_active_expiring(req, window.from, window.to, &snap.expiring))
            return false;
    }
    snap.at = req->now;
    lpd_kpi_cache_put(req->server->kpi_cache, &snap);
    *lapsed = snap.lapsed;
    *expiring = snap.expiring;
    return true;
}

static enum MHD_Result dashboard_in_snapshot(struct lpd_request *req)
{
    static const char *const counters = "SELECT license_count, active_stored_count, activation_count, kpi_version "
                                        "FROM users WHERE id = :user";
    struct lpd_stmt *st = lpd_db_stmt(req->db, counters);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":user", req->user_id);
    if (lpd_step(st) != LPD_ROW) {
        lpd_stmt_reset(st);
        return lpd_reply_internal(req);
    }
    int64_t total = lpd_col_int(st, 0, 0);
    int64_t active_stored = lpd_col_int(st, 1, 0);
    int64_t activations = lpd_col_int(st, 2, 0);
    int64_t version = lpd_col_int(st, 3, 0);
    lpd_stmt_reset(st);

    int64_t lapsed = 0, expiring = 0;
    if (!expiry_counts(req, version, &lapsed, &expiring))
        return lpd_reply_internal(req);

    static const char *const recent = "SELECT " LP_LICENSE_COLUMNS " FROM licenses l WHERE l.user_id = :user "
                                      "ORDER BY l.added_at DESC, l.id DESC LIMIT :limit";
    st = lpd_db_stmt(req->db, recent);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":limit", RECENT_LICENSES);
    cJSON *body = cJSON_CreateObject();
    cJSON *kpis = cJSON_AddObjectToObject(body, "kpis");
    cJSON_AddNumberToObject(kpis, "total_licenses", (double)total);
    cJSON_AddNumberToObject(kpis, "active_licenses", (double)(active_stored - lapsed));
    cJSON_AddNumberToObject(kpis, "activations_in_use", (double)activations);
    cJSON_AddNumberToObject(kpis, "expiring_soon", (double)expiring);
    cJSON_AddNumberToObject(kpis, "expiring_window_days", LP_KPI_EXPIRING_WINDOW_DAYS);
    cJSON *list = cJSON_AddArrayToObject(body, "recent_licenses");
    while (lpd_step(st) == LPD_ROW)
        cJSON_AddItemToArray(list, lpd_license_summary_json(st, req->now));
    lpd_stmt_reset(st);
    lpd_json_add_time(body, "generated_at", req->now);
    return lpd_reply_json_stable(req, MHD_HTTP_OK, body, "generated_at");
}

enum MHD_Result lpd_api_dashboard(struct lpd_request *req)
{
    /* One read transaction: counters, version and counts from one snapshot. */
    if (!lpd_db_begin_read(req->db, NULL, 0))
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE, "the database is busy");
    enum MHD_Result rc = dashboard_in_snapshot(req);
    lpd_db_commit(req->db, NULL, 0);
    return rc;
}
