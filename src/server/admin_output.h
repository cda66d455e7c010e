/* How the administration sub-commands print what they list: tab-separated
 * text with a header line, or JSON. */
#ifndef LP_SERVER_ADMIN_OUTPUT_H
#define LP_SERVER_ADMIN_OUTPUT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "licportal/timestamp.h"
#include "server/db.h"

/* How a listed column is read from its statement column and shown. */
enum lpd_admin_column_kind {
    LP_ADMIN_TEXT,   /* text; NULL shows as "-" and null */
    LP_ADMIN_INT,    /* integer; NULL shows as "-" and null */
    LP_ADMIN_SEATS,  /* integer; NULL shows as "unlimited" and null */
    LP_ADMIN_TIME,   /* seconds since the epoch as RFC 3339; NULL shows as "-" and null */
    LP_ADMIN_EXPIRY, /* the same, with NULL shown as "never" */
    LP_ADMIN_BOOL,   /* 0 or 1 as no/yes and false/true */
    LP_ADMIN_ID,     /* a row number as a public id with `id_prefix` */
    LP_ADMIN_JSON,   /* text holding JSON, printed as it is and embedded in JSON */
};

struct lpd_admin_column {
    const char *header;    /* the text header ("EMAIL") */
    const char *json_name; /* the JSON member ("email") */
    enum lpd_admin_column_kind kind;
    const char *id_prefix; /* for LP_ADMIN_ID */
};

/* The current row of `st` as one JSON object, statement column i as `columns[i]`. */
cJSON *lpd_admin_row_json(struct lpd_stmt *st, const struct lpd_admin_column *columns, size_t count);

/* Steps `st` to the end and prints each row, statement column i as
 * `columns[i]`: tab-separated under a header line, or with `json` one JSON
 * array of objects. Returns an exit code, after a one-line message on a
 * database error. */
int lpd_admin_list(struct lpd_db *db, struct lpd_stmt *st, const struct lpd_admin_column *columns, size_t count,
                   bool json);

/* Prints `count` fields separated by tabs and ended by a newline. A NULL
 * field prints as "-"; tabs, line breaks and other control characters in a
 * field print as '?', so a stored value can neither drive the terminal nor
 * add a column or a line. */
void lpd_admin_print_row(FILE *out, const char *const *fields, size_t count);

/* Prints `json` on one line followed by a newline, then frees it. False when
 * out of memory. */
bool lpd_admin_print_json(FILE *out, cJSON *json);

/* Writes `t` as an RFC 3339 string, or "never" for LP_TIME_NONE. */
const char *lpd_admin_time_text(lp_time t, char out[LP_TIMESTAMP_LEN]);

#endif
