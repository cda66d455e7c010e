/* LicenseSummary rows: the one column list every license query selects, and its JSON. */
#ifndef LP_SERVER_LICENSE_JSON_H
#define LP_SERVER_LICENSE_JSON_H

#include <cjson/cJSON.h>
#include "server/db.h"

#include "licportal/timestamp.h"

/* Columns 0..10 of every license query, in this order, from alias `l`. */
#define LP_LICENSE_COLUMNS                                                                               \
    "l.id, l.license_key, l.product_id, l.product_name, l.edition, l.status, l.added_at, l.expires_at, " \
    "l.max_activations, l.activations_in_use, l.expires_key"
#define LP_LICENSE_COLUMN_COUNT 11

/* Builds a LicenseSummary from the current row, with status computed at `now`. */
cJSON *lpd_license_summary_json(struct lpd_stmt *st, lp_time now);

/* Adds an RFC 3339 string, or null for LP_TIME_NONE. */
void lpd_json_add_time(cJSON *object, const char *name, lp_time t);

/* Adds a string member or null. */
void lpd_json_add_string_or_null(cJSON *object, const char *name, const char *value);

#endif
