/* A list's sort orders by name: keyset paging over (key, id), reversible, the key text or integer. */
#ifndef LP_SERVER_SORT_ORDER_H
#define LP_SERVER_SORT_ORDER_H

#include "server/db.h"
#include <stdbool.h>
#include <stddef.h>

#include "licportal/wire_names.h"
#include "server/cursor.h"
#include "server/request.h"
#include "server/sql_builder.h"

struct lpd_sort_order {
    const char *name;  /* as the API spells it: "name", "-name" */
    const char *scope; /* of its cursors, so one order's cursor is refused by another */
    const char *expr;  /* the key; never NULL for a row (NULLs are mapped to an end) */
    bool descending;
    bool text_key;
};

/* The order called `name` (NULL: the first, the default). A name that is not
 * one of the contract's keys for the list (`keys`) gets 400 invalid_request
 * listing them, and a key `orders` lacks a 500; both return NULL after the
 * reply. */
const struct lpd_sort_order *lpd_sort_order_pick(struct lpd_request *req, const struct lpd_sort_order *orders,
                                                 size_t count, const lp_wire_names *keys, const char *name);

/* Appends the keyset condition (when paging on from a cursor) and the ORDER
 * BY with `id_column` breaking ties in the same direction. */
void lpd_sort_order_sql(struct lpd_sql *sql, const struct lpd_sort_order *order, const char *id_column,
                        bool has_cursor);

/* Binds :after and :after_id from `after`; false when its value does not fit
 * the order's key. */
bool lpd_sort_order_bind(struct lpd_stmt *st, const struct lpd_sort_order *order, const struct lpd_cursor *after);

/* Appends the order to `sql` (as lpd_sort_order_sql), prepares it and binds
 * the cursor `after` (NULL on a first page). NULL after a reply in *reply:
 * 500 when the statement cannot be made, 400 when the cursor does not fit
 * the order. */
struct lpd_stmt *lpd_sort_order_prepare(struct lpd_request *req, struct lpd_sql *sql,
                                        const struct lpd_sort_order *order, const char *id_column,
                                        const struct lpd_cursor *after, enum MHD_Result *reply);

/* A search text `q` in lower case (as the lists compare it); false when it
 * does not fit `size`. */
bool lpd_lowercase_query(const char *q, char *out, size_t size);

#endif
