/* The list envelope shared by every list endpoint: limit, cursor, items, next_cursor, total. */
#ifndef LP_SERVER_PAGINATION_H
#define LP_SERVER_PAGINATION_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "server/cursor.h"
#include "server/request.h"

#define LP_PAGE_DEFAULT_LIMIT 50
#define LP_PAGE_MAX_LIMIT 200

/* Reads `limit` (1..200, default 50) and `cursor` (checked against `scope`).
 * *has_cursor tells whether a cursor was given. On a bad value replies 400
 * invalid_request and returns false. */
bool lp_page_params(struct lp_request *req, const char *scope, int *limit, struct lp_cursor *cursor,
                    bool *has_cursor);

/* {"items": items, "next_cursor": cursor or null, "total": total}; takes
 * ownership of `items` and frees `next_cursor`. */
cJSON *lp_page_body(cJSON *items, char *next_cursor, int64_t total);

#endif
