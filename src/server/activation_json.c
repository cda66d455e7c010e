/* Activation rows as the contract's Activation objects. */
#include "server/activation_json.h"

#include "server/license_json.h"
#include "server/db.h"
#include "server/license_key.h"
#include "server/object_id.h"

cJSON *lpd_activation_json(struct lpd_stmt *st)
{
    cJSON *item = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_ACTIVATION, lpd_col_int(st, 0, 0), id);
    cJSON_AddStringToObject(item, "id", id);
    lpd_object_id_format(LP_ID_LICENSE, lpd_col_int(st, 1, 0), id);
    cJSON_AddStringToObject(item, "license_id", id);
    char masked[128];
    lpd_license_key_mask(lpd_col_text(st, 2), masked, sizeof masked);
    cJSON_AddStringToObject(item, "license_key_masked", masked);
    cJSON *product = cJSON_AddObjectToObject(item, "product");
    cJSON_AddStringToObject(product, "id", lpd_col_text(st, 3));
    cJSON_AddStringToObject(product, "name", lpd_col_text(st, 4));
    cJSON_AddStringToObject(item, "kind", lpd_col_text(st, 5));
    cJSON_AddStringToObject(item, "name", lpd_col_text(st, 6));
    cJSON_AddStringToObject(item, "fingerprint", lpd_col_text(st, 7));
    lpd_json_add_string_or_null(item, "platform", lpd_col_text(st, 8));
    lpd_json_add_string_or_null(item, "ip", lpd_col_text(st, 9));
    lpd_json_add_time(item, "activated_at", lpd_col_int(st, 10, 0));
    lpd_json_add_time(item, "last_seen_at", lpd_col_int(st, 11, LP_TIME_NONE));
    return item;
}
