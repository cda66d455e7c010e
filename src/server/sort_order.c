/* A list's sort orders by name: keyset paging over (key, id), reversible, the key text or integer. */
#include "server/sort_order.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/db.h"
#include "server/response.h"

const struct lpd_sort_order *lpd_sort_order_pick(struct lpd_request *req, const struct lpd_sort_order *orders,
                                                 size_t count, const lp_wire_names *keys, const char *name)
{
    if (name == NULL)
        return &orders[0];
    if (lp_wire_index(keys, name) < 0) {
        char names[256], message[300];
        snprintf(message, sizeof message, "sort must be one of %s", lp_wire_list_text(keys, names, sizeof names));
        lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, message);
        return NULL;
    }
    for (size_t i = 0; i < count; i++)
        if (strcmp(orders[i].name, name) == 0)
            return &orders[i];
    fprintf(stderr, "licportald: the sort key %s of the contract has no order here\n", name);
    lpd_reply_internal(req);
    return NULL;
}

void lpd_sort_order_sql(struct lpd_sql *sql, const struct lpd_sort_order *order, const char *id_column, bool has_cursor)
{
    if (has_cursor)
        lpd_sql_add(sql, " AND (", order->expr, ", ", id_column, ") ", order->descending ? "<" : ">",
                    " (:after, :after_id)", NULL);
    const char *dir = order->descending ? " DESC" : "";
    lpd_sql_add(sql, " ORDER BY ", order->expr, dir, ", ", id_column, dir, " LIMIT :limit", NULL);
}

bool lpd_sort_order_bind(struct lpd_stmt *st, const struct lpd_sort_order *order, const struct lpd_cursor *after)
{
    lpd_bind_int(st, ":after_id", after->id);
    if (order->text_key) {
        lpd_bind_text(st, ":after", after->value);
        return true;
    }
    char *end = NULL;
    long long key = strtoll(after->value, &end, 10);
    if (end == after->value || *end != '\0')
        return false;
    lpd_bind_int(st, ":after", key);
    return true;
}

struct lpd_stmt *lpd_sort_order_prepare(struct lpd_request *req, struct lpd_sql *sql,
                                        const struct lpd_sort_order *order, const char *id_column,
                                        const struct lpd_cursor *after, enum MHD_Result *reply)
{
    lpd_sort_order_sql(sql, order, id_column, after != NULL);
    struct lpd_stmt *st = sql->overflow ? NULL : lpd_db_prepare(req->db, sql->text);
    if (st == NULL) {
        *reply = lpd_reply_internal(req);
        return NULL;
    }
    if (after != NULL && !lpd_sort_order_bind(st, order, after)) {
        lpd_stmt_free(st);
        *reply = lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                                 "cursor is not valid for this list");
        return NULL;
    }
    return st;
}

bool lpd_lowercase_query(const char *q, char *out, size_t size)
{
    size_t len = strlen(q);
    if (len >= size)
        return false;
    for (size_t i = 0; i <= len; i++)
        out[i] = (char)tolower((unsigned char)q[i]);
    return true;
}
