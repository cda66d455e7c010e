/* The dashboard answer: KPIs, at most five recent licenses, the time it was made. */
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"
#include "lib/model/license_json.h"

static lp_status read_kpis(const cJSON *root, lp_kpis *out, lp_error *err)
{
    const cJSON *kpis;
    lp_status status = lp_json_require_object(root, NULL, "kpis", &kpis, err);
    if (status == LP_OK &&
        (status = lp_json_get_count(kpis, "kpis", "total_licenses", false, 0, &out->total_licenses,
                                    err)) == LP_OK &&
        (status = lp_json_get_count(kpis, "kpis", "active_licenses", false, 0,
                                    &out->active_licenses, err)) == LP_OK &&
        (status = lp_json_get_count(kpis, "kpis", "activations_in_use", false, 0,
                                    &out->activations_in_use, err)) == LP_OK &&
        (status = lp_json_get_count(kpis, "kpis", "expiring_soon", false, 0, &out->expiring_soon,
                                    err)) == LP_OK)
        status = lp_json_get_count(kpis, "kpis", "expiring_window_days", false, 0,
                                   &out->expiring_window_days, err);
    return status;
}

static lp_status read_recent(const cJSON *root, lp_dashboard *out, lp_error *err)
{
    const cJSON *array;
    lp_status status = lp_json_require_array(root, NULL, "recent_licenses", &array, err);
    if (status != LP_OK)
        return status;
    if (cJSON_GetArraySize(array) > LP_DASHBOARD_RECENT_MAX)
        return lp_error_set(err, LP_ERR_PROTOCOL, "recent_licenses: more than %d entries",
                            LP_DASHBOARD_RECENT_MAX);
    const cJSON *node;
    cJSON_ArrayForEach(node, array)
    {
        char path[LP_JSON_PATH_MAX];
        lp_json_index_path(path, NULL, "recent_licenses", out->recent_count);
        status = lp_json_license_summary(node, path, &out->recent[out->recent_count], err);
        if (status != LP_OK)
            return status;
        out->recent_count++;
    }
    return LP_OK;
}

static lp_status read_dashboard(const cJSON *root, void *into, lp_error *err)
{
    lp_dashboard *out = into;
    lp_status status;
    if ((status = read_kpis(root, &out->kpis, err)) == LP_OK &&
        (status = read_recent(root, out, err)) == LP_OK)
        status = lp_json_get_time(root, NULL, "generated_at", false, &out->generated_at, err);
    return status;
}

lp_status lp_parse_dashboard(const char *json, size_t len, lp_dashboard *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_parse_object(json, len, read_dashboard, out, err);
    if (status != LP_OK)
        lp_dashboard_clear(out);
    return status;
}
