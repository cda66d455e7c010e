/* The list envelope shared by every list endpoint: limit, cursor, items, next_cursor, total. */
#ifndef LP_SERVER_PAGINATION_H
#define LP_SERVER_PAGINATION_H

#include <cjson/cJSON.h>
#include "server/db.h"
#include <stdbool.h>
#include <stdint.h>

#include "server/cursor.h"
#include "server/request.h"

#define LP_PAGE_DEFAULT_LIMIT 50
#define LP_PAGE_MAX_LIMIT 200

/* Reads `limit` (1..200, default 50) and `cursor` (checked against `scope`).
 * *has_cursor tells whether a cursor was given. On a bad value replies 400
 * invalid_request and returns false. */
bool lpd_page_params(struct lpd_request *req, const char *scope, int *limit, struct lpd_cursor *cursor,
                     bool *has_cursor);

/* {"items": items, "next_cursor": cursor or null, "total": total}; takes
 * ownership of `items` and frees `next_cursor`. */
cJSON *lpd_page_body(cJSON *items, char *next_cursor, int64_t total);

/* Steps `st` (column 0 the row id, `key_column` the sort key, text or integer) into up to
 * `limit` items made by `to_json`, then finalizes it. The query asks for one row
 * more than `limit` so that *next (else NULL) can carry the cursor, in `scope`,
 * of the page that follows. */
cJSON *lpd_page_rows(struct lpd_stmt *st, int limit, int key_column, cJSON *(*to_json)(struct lpd_stmt *st),
                     const char *scope, const unsigned char key[LP_CURSOR_KEY_BYTES], char **next);

#endif
