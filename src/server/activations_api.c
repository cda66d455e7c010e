/* GET /activations and DELETE /activations/{id}: the user's devices and domains, in any of the API's orders. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/api_handlers.h"
#include "server/audit.h"
#include "server/activation_json.h"
#include "server/object_id.h"
#include "server/owned_row.h"
#include "server/pagination.h"
#include "server/response.h"
#include "server/sql_builder.h"

#include "server/sort_order.h"

/* Never seen sorts last both ways. */
static const struct lpd_sort_order orders[] = {
    {"-activated_at", "act:-activated_at", "a.activated_at", true, false},
    {"activated_at", "act:activated_at", "a.activated_at", false, false},
    {"name", "act:name", "a.name", false, true},
    {"-name", "act:-name", "a.name", true, true},
    {"last_seen_at", "act:last_seen_at", "coalesce(a.last_seen_at, 9223372036854775807)", false, false},
    {"-last_seen_at", "act:-last_seen_at", "coalesce(a.last_seen_at, -1)", true, false},
    {"product", "act:product", "l.product_name", false, true},
    {"-product", "act:-product", "l.product_name", true, true},
};

static void add_filters(struct lpd_sql *sql, bool by_license, bool by_q)
{
    lpd_sql_add(sql, " WHERE a.user_id = :user", NULL);
    if (by_license)
        lpd_sql_add(sql, " AND a.license_id = :license", NULL);
    if (by_q)
        lpd_sql_add(sql,
                    " AND (instr(lower(a.name), :q) > 0 OR instr(lower(a.fingerprint), :q) > 0"
                    " OR instr(lower(coalesce(a.platform, '')), :q) > 0 OR instr(lower(l.product_name), :q) > 0)",
                    NULL);
}

/* The total of a listing. Without a search it comes from the trigger-kept
 * counters or one license's index range, so it never walks all rows. */
static bool count_matching(struct lpd_request *req, int64_t license_row, const char *q, int64_t *total)
{
    static const char *const per_user = "SELECT activation_count FROM users WHERE id = :user";
    static const char *const per_license = "SELECT COUNT(*) FROM activations WHERE license_id = :license "
                                           "AND user_id = :user";
    struct lpd_stmt *st = NULL;
    bool cached = q == NULL;
    if (cached) {
        st = lpd_db_stmt(req->db, license_row != 0 ? per_license : per_user);
    } else {
        struct lpd_sql sql;
        lpd_sql_init(&sql);
        lpd_sql_add(&sql, "SELECT COUNT(*) FROM activations a JOIN licenses l ON l.id = a.license_id", NULL);
        add_filters(&sql, license_row != 0, true);
        st = lpd_db_prepare(req->db, sql.text);
        if (st != NULL)
            lpd_bind_text(st, ":q", q);
    }
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":license", license_row);
    bool ok = lpd_step(st) == LPD_ROW;
    *total = ok ? lpd_col_int(st, 0, 0) : 0;
    if (cached)
        lpd_stmt_reset(st);
    else
        lpd_stmt_free(st);
    return ok;
}

enum MHD_Result lpd_api_activation_list(struct lpd_request *req)
{
    const struct lpd_sort_order *order = lpd_sort_order_pick(req, orders, sizeof orders / sizeof orders[0],
                                                             &lp_activation_sort_keys, lpd_request_query(req, "sort"));
    if (order == NULL)
        return MHD_YES;
    int limit;
    struct lpd_cursor after;
    bool has_cursor;
    if (!lpd_page_params(req, order->scope, &limit, &after, &has_cursor))
        return MHD_YES;
    const char *license_text = lpd_request_query(req, "license_id");
    int64_t license_row = 0;
    /* A malformed id matches no license, like another user's. */
    bool by_license = license_text != NULL;
    if (by_license && !lpd_object_id_parse(LP_ID_LICENSE, license_text, &license_row))
        license_row = -1;
    const char *q_text = lpd_request_query(req, "q");
    char q[256] = "";
    if (q_text != NULL && !lpd_lowercase_query(q_text, q, sizeof q))
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "q is too long");
    struct lpd_sql sql;
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT " LP_ACTIVATION_COLUMNS ", ", order->expr,
                " FROM activations a JOIN licenses l ON l.id = a.license_id", NULL);
    add_filters(&sql, by_license, q_text != NULL);
    enum MHD_Result reply;
    struct lpd_stmt *st = lpd_sort_order_prepare(req, &sql, order, "a.id", has_cursor ? &after : NULL, &reply);
    if (st == NULL)
        return reply;
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":license", license_row);
    lpd_bind_text(st, ":q", q);
    lpd_bind_int(st, ":limit", limit + 1);
    char *next = NULL;
    cJSON *items = lpd_page_rows(st, limit, 12, lpd_activation_json, order->scope, req->server->cursor_key, &next);

    int64_t total = 0;
    if (!count_matching(req, by_license ? license_row : 0, q_text != NULL ? q : NULL, &total)) {
        cJSON_Delete(items);
        free(next);
        return lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, next, total));
}

enum MHD_Result lpd_api_activation_delete(struct lpd_request *req)
{
    static const char *const find = "SELECT l.allow_deactivation FROM activations a JOIN licenses l "
                                    "ON l.id = a.license_id WHERE a.id = :id AND a.user_id = :user";
    struct lpd_owned_row found;
    if (!lpd_find_owned_row(req, LP_ID_ACTIVATION, find, "no such activation", &found))
        return found.reply;
    struct lpd_stmt *st = found.st;
    int64_t row = found.row;
    bool allowed = (int)lpd_col_int(st, 0, 0) != 0;
    lpd_stmt_reset(st);
    if (!allowed)
        return lpd_reply_error(req, MHD_HTTP_FORBIDDEN, LP_CODE_DEACTIVATION_NOT_ALLOWED,
                               "this license does not allow self-service deactivation");
    static const char *const del = "DELETE FROM activations WHERE id = :id AND user_id = :user";
    st = lpd_db_stmt(req->db, del);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":id", row);
    lpd_bind_int(st, ":user", req->user_id);
    return lpd_reply_after_change(req, lpd_db_step_changes(req->db, st), "no such activation", "deactivate");
}
