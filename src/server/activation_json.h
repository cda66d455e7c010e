/* Activation rows: the one column list every activation query selects, and its JSON. */
#ifndef LP_SERVER_ACTIVATION_JSON_H
#define LP_SERVER_ACTIVATION_JSON_H

#include <cjson/cJSON.h>
#include "server/db.h"

/* Columns 0..11 of every activation query, from aliases `a` (activations)
 * and `l` (their licenses). */
#define LP_ACTIVATION_COLUMNS                                                                                      \
    "a.id, a.license_id, l.license_key, l.product_id, l.product_name, a.kind, a.name, a.fingerprint, a.platform, " \
    "a.ip, a.activated_at, a.last_seen_at"

/* Builds an Activation from the current row. */
cJSON *lpd_activation_json(struct lpd_stmt *st);

#endif
