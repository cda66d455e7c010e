/* JSON form of licenses as the wire contract names them. */
#include "server/license_json.h"

#include "server/db.h"
#include "server/license_key.h"
#include "server/license_status.h"
#include "server/object_id.h"

void lpd_json_add_time(cJSON *object, const char *name, lp_time t)
{
    char stamp[LP_TIMESTAMP_LEN];
    if (t == LP_TIME_NONE || !lp_timestamp_format(t, stamp))
        cJSON_AddNullToObject(object, name);
    else
        cJSON_AddStringToObject(object, name, stamp);
}

void lpd_json_add_string_or_null(cJSON *object, const char *name, const char *value)
{
    if (value == NULL)
        cJSON_AddNullToObject(object, name);
    else
        cJSON_AddStringToObject(object, name, value);
}

cJSON *lpd_license_summary_json(struct lpd_stmt *st, lp_time now)
{
    cJSON *item = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_LICENSE, lpd_col_int(st, 0, 0), id);
    cJSON_AddStringToObject(item, "id", id);
    char masked[128];
    lpd_license_key_mask(lpd_col_text(st, 1), masked, sizeof masked);
    cJSON_AddStringToObject(item, "key_masked", masked);
    cJSON *product = cJSON_AddObjectToObject(item, "product");
    cJSON_AddStringToObject(product, "id", lpd_col_text(st, 2));
    cJSON_AddStringToObject(product, "name", lpd_col_text(st, 3));
    lpd_json_add_string_or_null(item, "edition", lpd_col_text(st, 4));
    enum lp_license_status stored = LP_LICENSE_PENDING;
    lp_license_status_from_name(lpd_col_text(st, 5), &stored);
    lp_time expires_at = lpd_col_int(st, 7, LP_TIME_NONE);
    cJSON_AddStringToObject(item, "status",
                            lp_license_status_name(lpd_license_status_effective(stored, expires_at, now)));
    lpd_json_add_time(item, "added_at", lpd_col_int(st, 6, 0));
    lpd_json_add_time(item, "expires_at", expires_at);
    if (lpd_col_is_null(st, 8))
        cJSON_AddNullToObject(item, "max_activations");
    else
        cJSON_AddNumberToObject(item, "max_activations", (double)lpd_col_int(st, 8, 0));
    cJSON_AddNumberToObject(item, "activations_in_use", (double)lpd_col_int(st, 9, 0));
    return item;
}
