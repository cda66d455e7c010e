/* Activation rows as the contract's Activation objects. */
#include "server/activation_json.h"

#include "server/license_json.h"
#include "server/db.h"
#include "server/license_key.h"
#include "server/object_id.h"

cJSON *lp_activation_json(sqlite3_stmt *st)
{
    cJSON *item = cJSON_CreateObject();
    char id[LP_ID_LEN];
    lp_object_id_format(LP_ID_ACTIVATION, sqlite3_column_int64(st, 0), id);
    cJSON_AddStringToObject(item, "id", id);
    lp_object_id_format(LP_ID_LICENSE, sqlite3_column_int64(st, 1), id);
    cJSON_AddStringToObject(item, "license_id", id);
    char masked[128];
    lp_license_key_mask(lp_col_text(st, 2), masked, sizeof masked);
    cJSON_AddStringToObject(item, "license_key_masked", masked);
    cJSON *product = cJSON_AddObjectToObject(item, "product");
    cJSON_AddStringToObject(product, "id", lp_col_text(st, 3));
    cJSON_AddStringToObject(product, "name", lp_col_text(st, 4));
    cJSON_AddStringToObject(item, "kind", lp_col_text(st, 5));
    cJSON_AddStringToObject(item, "name", lp_col_text(st, 6));
    cJSON_AddStringToObject(item, "fingerprint", lp_col_text(st, 7));
    lp_json_add_string_or_null(item, "platform", lp_col_text(st, 8));
    lp_json_add_string_or_null(item, "ip", lp_col_text(st, 9));
    lp_json_add_time(item, "activated_at", sqlite3_column_int64(st, 10));
    lp_json_add_time(item, "last_seen_at", lp_col_int(st, 11, LP_TIME_NONE));
    return item;
}
