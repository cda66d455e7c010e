/* GET /licenses, GET /licenses/{id}, POST /licenses/{id}/reveal. Lists page by keyset over
 * (sort key, id) so each page is an index range, never an OFFSET. */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/api_handlers.h"
#include "server/audit.h"
#include "server/decimal.h"
#include "server/kpi.h"
#include "server/license_json.h"
#include "server/license_status.h"
#include "server/object_id.h"
#include "server/owned_row.h"
#include "server/pagination.h"
#include "server/response.h"
#include "server/schema.h"
#include "server/sql_builder.h"

#define STATUS_EXPR "(CASE WHEN l.status = 'active' AND l.expires_at < :now THEN 'expired' ELSE l.status END)"

struct sort_order {
    const char *name;
    const char *scope;
    const char *expr;
    bool descending;
    bool text_key;
};

static const struct sort_order sort_orders[] = {
    {"added_at", "lic:added_at", "l.added_at", false, false},
    {"-added_at", "lic:-added_at", "l.added_at", true, false},
    {"expires_at", "lic:expires_at", "l.expires_key", false, false},
    {"-expires_at", "lic:-expires_at", "l.expires_key", true, false},
    {"product", "lic:product", "l.product_name", false, true},
    {"-product", "lic:-product", "l.product_name", true, true},
    {"status", "lic:status", STATUS_EXPR, false, true},
    {"-status", "lic:-status", STATUS_EXPR, true, true},
};
#define IS_STATUS_ORDER(order) ((order)->expr == sort_orders[6].expr)

/* Sorting by status: the reported statuses in name order, each a set that an
 * index walks in id order. Together they equal ORDER BY STATUS_EXPR, id; walked
 * backwards (last segment first, ids descending) they equal the reverse. */
static const struct {
    const char *status;
    const char *predicate;
} status_segments[] = {
    {"active", " AND l.status = 'active' AND l.expires_key >= :now"},
    {"expired", " AND (l.status = 'expired' OR (l.status = 'active' AND l.expires_key < :now))"},
    {"pending", " AND l.status = 'pending'"},
    {"revoked", " AND l.status = 'revoked'"},
    {"suspended", " AND l.status = 'suspended'"},
};
#define STATUS_SEGMENTS (sizeof status_segments / sizeof status_segments[0])

struct license_filter {
    const char *status;
    const char *product;
    char q[256];
    bool has_q;
    long expiring_days;
    bool has_expiring;
};

/* A search reads the few matching rows from the search index and sorts them,
 * rather than walking every license in sort order to find them. PostgreSQL
 * has no INDEXED BY; its planner picks the index by itself. */
static const char *licenses_source(const struct license_filter *f, enum lpd_db_dialect dialect)
{
    return f->has_q && dialect == LPD_DIALECT_SQLITE ? "licenses l INDEXED BY licenses_search" : "licenses l";
}

static void add_filters(struct lpd_sql *sql, const struct license_filter *f, enum lpd_db_dialect dialect)
{
    lpd_sql_add(sql, " WHERE l.user_id = :user", NULL);
    if (f->status != NULL) {
        if (strcmp(f->status, "active") == 0)
            lpd_sql_add(sql, " AND l.status = 'active' AND (l.expires_at IS NULL OR l.expires_at >= :now)", NULL);
        else if (strcmp(f->status, "expired") == 0)
            lpd_sql_add(sql, " AND (l.status = 'expired' OR (l.status = 'active' AND l.expires_at < :now))", NULL);
        else
            lpd_sql_add(sql, " AND l.status = :status", NULL);
    }
    if (f->product != NULL)
        lpd_sql_add(sql, " AND l.product_id = :product", NULL);
    if (f->has_q)
        lpd_sql_add(sql,
                    dialect == LPD_DIALECT_POSTGRES ? " AND instr(" LP_LICENSE_SEARCH_TEXT_POSTGRES ", :q) > 0"
                                                    : " AND instr(" LP_LICENSE_SEARCH_TEXT ", :q) > 0",
                    NULL);
    if (f->has_expiring)
        lpd_sql_add(sql, " AND l.expires_at >= :now AND l.expires_at <= :until", NULL);
}

static void bind_filters(struct lpd_stmt *st, const struct lpd_request *req, const struct license_filter *f)
{
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_text(st, ":status", f->status);
    lpd_bind_text(st, ":product", f->product);
    if (f->has_q)
        lpd_bind_text(st, ":q", f->q);
    if (f->has_expiring)
        lpd_bind_int(st, ":until", lpd_expiring_window(req->now, (int)f->expiring_days).to);
}

static bool read_filter(struct lpd_request *req, struct license_filter *f, const struct sort_order **order)
{
    memset(f, 0, sizeof *f);
    f->status = lpd_request_query(req, "status");
    enum lp_license_status parsed;
    if (f->status != NULL && !lp_license_status_from_name(f->status, &parsed)) {
        char names[128], message[160];
        snprintf(message, sizeof message, "status must be one of %s",
                 lp_wire_list_text(&lp_license_statuses, names, sizeof names));
        lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, message);
        return false;
    }
    f->product = lpd_request_query(req, "product");
    const char *q = lpd_request_query(req, "q");
    if (q != NULL) {
        if (strlen(q) >= sizeof f->q) {
            lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "q is too long");
            return false;
        }
        for (size_t i = 0; q[i] != '\0'; i++) {
            if ((unsigned char)q[i] < 0x20) {
                lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                                "q must not contain control characters");
                return false;
            }
            f->q[i] = (char)tolower((unsigned char)q[i]);
        }
        f->has_q = true;
    }
    const char *days = lpd_request_query(req, "expiring_within_days");
    if (MHD_lookup_connection_value(req->connection, MHD_GET_ARGUMENT_KIND, "expiring_within_days") != NULL) {
        if (!lpd_parse_decimal(days, 0, 36500, &f->expiring_days)) {
            lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                            "expiring_within_days must be a whole number from 0 to 36500");
            return false;
        }
        f->has_expiring = true;
    }
    const char *sort = lpd_request_query(req, "sort");
    *order = &sort_orders[1];
    if (sort != NULL) {
        *order = NULL;
        for (size_t i = 0; i < sizeof sort_orders / sizeof sort_orders[0]; i++) {
            if (strcmp(sort, sort_orders[i].name) == 0)
                *order = &sort_orders[i];
        }
        if (*order == NULL || lp_wire_index(&lp_license_sort_keys, sort) < 0) {
            char names[160], message[200];
            snprintf(message, sizeof message, "sort must be one of %s",
                     lp_wire_list_text(&lp_license_sort_keys, names, sizeof names));
            lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, message);
            return false;
        }
    }
    return true;
}

static bool count_matching(struct lpd_request *req, const struct license_filter *f, int64_t *total)
{
    if (f->status == NULL && f->product == NULL && !f->has_q && !f->has_expiring) {
        /* Unfiltered: the trigger-maintained counter, not a count of rows. */
        static const char *const sql = "SELECT license_count FROM users WHERE id = :user";
        struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
        if (st == NULL)
            return false;
        lpd_bind_int(st, ":user", req->user_id);
        bool ok = lpd_step(st) == LPD_ROW;
        *total = ok ? lpd_col_int(st, 0, 0) : 0;
        lpd_stmt_reset(st);
        return ok;
    }
    struct lpd_sql sql;
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT COUNT(*) FROM ", licenses_source(f, lpd_db_dialect(req->db)), NULL);
    add_filters(&sql, f, lpd_db_dialect(req->db));
    struct lpd_stmt *st = sql.overflow ? NULL : lpd_db_prepare(req->db, sql.text);
    if (st == NULL)
        return false;
    bind_filters(st, req, f);
    bool ok = lpd_step(st) == LPD_ROW;
    *total = ok ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_free(st);
    return ok;
}

/* Appends up to `want` rows of one status segment after `after_id` to
 * `items`; returns the number of rows read or -1 on error. */
static int read_segment(struct lpd_request *req, const struct license_filter *filter, size_t segment, bool descending,
                        int64_t after_id, int want, int limit, cJSON *items, int rows_before, struct lpd_cursor *last)
{
    struct lpd_sql sql;
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT " LP_LICENSE_COLUMNS " FROM ", licenses_source(filter, lpd_db_dialect(req->db)), NULL);
    add_filters(&sql, filter, lpd_db_dialect(req->db));
    const char *after_clause = after_id <= 0 ? "" : descending ? " AND l.id < :after_id" : " AND l.id > :after_id";
    lpd_sql_add(&sql, status_segments[segment].predicate, after_clause,
                descending ? " ORDER BY l.id DESC LIMIT :limit" : " ORDER BY l.id LIMIT :limit", NULL);
    struct lpd_stmt *st = sql.overflow ? NULL : lpd_db_prepare(req->db, sql.text);
    if (st == NULL) {
        return -1;
    }
    bind_filters(st, req, filter);
    lpd_bind_int(st, ":after_id", after_id);
    lpd_bind_int(st, ":limit", want);
    int rows = 0, rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        rows++;
        if (rows_before + rows > limit)
            break;
        cJSON_AddItemToArray(items, lpd_license_summary_json(st, req->now));
        last->id = lpd_col_int(st, 0, 0);
        snprintf(last->value, sizeof last->value, "%s", status_segments[segment].status);
    }
    lpd_stmt_free(st);
    return rc == LPD_ROW || rc == LPD_DONE ? rows : -1;
}

/* The segment walked `step`-th in the order asked for. */
static size_t segment_at(size_t step, bool descending)
{
    return descending ? STATUS_SEGMENTS - 1 - step : step;
}

static enum MHD_Result list_by_status(struct lpd_request *req, const struct license_filter *filter,
                                      const struct sort_order *order, int limit, bool has_cursor,
                                      const struct lpd_cursor *after)
{
    bool descending = order->descending;
    size_t first = 0;
    if (has_cursor) {
        while (first < STATUS_SEGMENTS &&
               strcmp(status_segments[segment_at(first, descending)].status, after->value) != 0)
            first++;
        if (first == STATUS_SEGMENTS)
            return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                                   "cursor is not valid for this list");
    }
    cJSON *items = cJSON_CreateArray();
    struct lpd_cursor last = {0};
    int rows = 0;
    /* One row beyond the page tells whether another page follows. */
    for (size_t step = first; step < STATUS_SEGMENTS && rows <= limit; step++) {
        size_t seg = segment_at(step, descending);
        if (filter->status != NULL && strcmp(filter->status, status_segments[seg].status) != 0)
            continue;
        int64_t after_id = has_cursor && step == first ? after->id : 0;
        int got = read_segment(req, filter, seg, descending, after_id, limit + 1 - rows, limit, items, rows, &last);
        if (got < 0) {
            cJSON_Delete(items);
            return lpd_reply_internal(req);
        }
        rows += got;
    }
    char *next = NULL;
    if (rows > limit) {
        snprintf(last.scope, sizeof last.scope, "%s", order->scope);
        next = lpd_cursor_encode(&last, req->server->cursor_key);
    }
    int64_t total = 0;
    if (!count_matching(req, filter, &total)) {
        cJSON_Delete(items);
        free(next);
        return lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, next, total));
}

enum MHD_Result lpd_api_license_list(struct lpd_request *req)
{
    struct license_filter filter;
    const struct sort_order *order;
    if (!read_filter(req, &filter, &order))
        return MHD_YES;
    int limit;
    struct lpd_cursor after;
    bool has_cursor;
    if (!lpd_page_params(req, order->scope, &limit, &after, &has_cursor))
        return MHD_YES;
    if (IS_STATUS_ORDER(order))
        return list_by_status(req, &filter, order, limit, has_cursor, &after);
    int64_t after_key = 0;
    if (has_cursor && !order->text_key) {
        char *end = NULL;
        after_key = strtoll(after.value, &end, 10);
        if (end == after.value || *end != '\0')
            return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                                   "cursor is not valid for this list");
    }

    struct lpd_sql sql;
    lpd_sql_init(&sql);
    lpd_sql_add(&sql, "SELECT " LP_LICENSE_COLUMNS ", ", order->expr, " FROM ",
                licenses_source(&filter, lpd_db_dialect(req->db)), NULL);
    add_filters(&sql, &filter, lpd_db_dialect(req->db));
    if (has_cursor)
        lpd_sql_add(&sql, " AND (", order->expr, ", l.id) ", order->descending ? "<" : ">", " (:after, :after_id)",
                    NULL);
    const char *dir = order->descending ? " DESC" : "";
    lpd_sql_add(&sql, " ORDER BY ", order->expr, dir, ", l.id", dir, " LIMIT :limit", NULL);
    struct lpd_stmt *st = sql.overflow ? NULL : lpd_db_prepare(req->db, sql.text);
    if (st == NULL) {
        fprintf(stderr, "licportald: license query: %s\n", lpd_db_errmsg(req->db));
        return lpd_reply_internal(req);
    }
    bind_filters(st, req, &filter);
    if (has_cursor) {
        if (order->text_key)
            lpd_bind_text(st, ":after", after.value);
        else
            lpd_bind_int(st, ":after", after_key);
        lpd_bind_int(st, ":after_id", after.id);
    }
    /* One row more than asked tells whether another page follows. */
    lpd_bind_int(st, ":limit", limit + 1);
    cJSON *items = cJSON_CreateArray();
    int rows = 0;
    struct lpd_cursor last = {0};
    int rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        if (++rows > limit)
            break;
        cJSON_AddItemToArray(items, lpd_license_summary_json(st, req->now));
        last.id = lpd_col_int(st, 0, 0);
        snprintf(last.value, sizeof last.value, "%s", lpd_col_text(st, LP_LICENSE_COLUMN_COUNT));
    }
    lpd_stmt_free(st);
    if (rc != LPD_ROW && rc != LPD_DONE) {
        cJSON_Delete(items);
        return lpd_reply_internal(req);
    }
    char *next = NULL;
    if (rows > limit) {
        snprintf(last.scope, sizeof last.scope, "%s", order->scope);
        next = lpd_cursor_encode(&last, req->server->cursor_key);
    }
    int64_t total = 0;
    if (!count_matching(req, &filter, &total)) {
        cJSON_Delete(items);
        free(next);
        return lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_OK, lpd_page_body(items, next, total));
}

static void add_renewal(struct lpd_request *req, cJSON *detail, const char *license_id, int64_t license_row,
                        const char *product_id, enum lp_license_status status)
{
    static const char *const sql = "SELECT id, label, term_months, amount_minor, currency FROM renewal_options "
                                   "WHERE product_id = :product AND (license_id IS NULL OR license_id = :license) "
                                   "ORDER BY id";
    cJSON *renewal = cJSON_AddObjectToObject(detail, "renewal");
    cJSON *options = cJSON_CreateArray();
    bool renewable = status == LP_LICENSE_ACTIVE || status == LP_LICENSE_EXPIRED;
    struct lpd_stmt *st = renewable ? lpd_db_stmt(req->db, sql) : NULL;
    if (st != NULL) {
        lpd_bind_text(st, ":product", product_id);
        lpd_bind_int(st, ":license", license_row);
        while (lpd_step(st) == LPD_ROW) {
            cJSON *option = cJSON_CreateObject();
            char id[LP_ID_LEN];
            lpd_object_id_format(LP_ID_RENEWAL, lpd_col_int(st, 0, 0), id);
            cJSON_AddStringToObject(option, "id", id);
            cJSON_AddStringToObject(option, "label", lpd_col_text(st, 1));
            cJSON_AddNumberToObject(option, "term_months", (double)lpd_col_int(st, 2, 0));
            cJSON *price = cJSON_AddObjectToObject(option, "price");
            cJSON_AddNumberToObject(price, "amount_minor", (double)lpd_col_int(st, 3, 0));
            cJSON_AddStringToObject(price, "currency", lpd_col_text(st, 4));
            char url[512];
            snprintf(url, sizeof url, "https://portal.example.com/checkout?license=%s&option=%s", license_id, id);
            cJSON_AddStringToObject(option, "checkout_url", url);
            cJSON_AddItemToArray(options, option);
        }
        lpd_stmt_reset(st);
    }
    cJSON_AddBoolToObject(renewal, "renewable", cJSON_GetArraySize(options) > 0);
    cJSON_AddItemToObject(renewal, "options", options);
}

enum MHD_Result lpd_api_license_get(struct lpd_request *req)
{
    static const char *const sql = "SELECT " LP_LICENSE_COLUMNS ", l.features FROM licenses l "
                                   "WHERE l.id = :id AND l.user_id = :user";
    struct lpd_owned_row found;
    if (!lpd_find_owned_row(req, LP_ID_LICENSE, sql, "no such license", &found))
        return found.reply;
    struct lpd_stmt *st = found.st;
    int64_t row = found.row;
    cJSON *detail = lpd_license_summary_json(st, req->now);
    cJSON *features = cJSON_Parse(lpd_col_text(st, LP_LICENSE_COLUMN_COUNT));
    if (!cJSON_IsArray(features)) {
        cJSON_Delete(features);
        features = cJSON_CreateArray();
    }
    cJSON_AddItemToObject(detail, "features", features);
    char product_id[128];
    snprintf(product_id, sizeof product_id, "%s", lpd_col_text(st, 2));
    lpd_stmt_reset(st);
    enum lp_license_status status = LP_LICENSE_PENDING;
    lp_license_status_from_name(cJSON_GetStringValue(cJSON_GetObjectItem(detail, "status")), &status);
    add_renewal(req, detail, req->path_id, row, product_id, status);
    return lpd_reply_json(req, MHD_HTTP_OK, detail);
}

enum MHD_Result lpd_api_license_reveal(struct lpd_request *req)
{
    static const char *const sql = "SELECT license_key FROM licenses WHERE id = :id AND user_id = :user";
    struct lpd_owned_row found;
    if (!lpd_find_owned_row(req, LP_ID_LICENSE, sql, "no such license", &found))
        return found.reply;
    struct lpd_stmt *st = found.st;
    cJSON *body = cJSON_CreateObject();
    cJSON_AddStringToObject(body, "key", lpd_col_text(st, 0));
    lpd_stmt_reset(st);
    lpd_audit(req, req->user_id, "reveal", req->path_id, NULL);
    return lpd_reply_json(req, MHD_HTTP_OK, body);
}
