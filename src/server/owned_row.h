/* "Look up a row the user owns, or answer 404": the first step of every handler of /OBJECTS/{id}. */
#ifndef LP_SERVER_OWNED_ROW_H
#define LP_SERVER_OWNED_ROW_H

#include <microhttpd.h>
#include "server/db.h"
#include <stdbool.h>
#include <stdint.h>

#include "server/request.h"

struct lpd_owned_row {
    struct lpd_stmt *st;   /* stepped to the row; the caller resets it */
    int64_t row;           /* the object's row number */
    enum MHD_Result reply; /* what was answered when no row was found */
};

/* Parses the path's id of kind `prefix` ("lic", ...), runs `sql` (a cached
 * statement that binds :id and :user) and steps it to the row. On false the
 * request has been answered: 404 `not_found` with `missing` for an id that is
 * malformed, unknown or another user's (they look the same), 500 when the
 * statement fails; `out->reply` is the answer to return. */
bool lpd_find_owned_row(struct lpd_request *req, const char *prefix, const char *sql, const char *missing,
                        struct lpd_owned_row *out);

#endif
