/* Activation pages, mapped strictly from JSON. */
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/activation_json.h"
#include "lib/model/json_reader.h"
#include "lib/model/page_json.h"

lp_status lp_json_read_activation(const cJSON *node, const char *path, lp_activation *out,
                                  lp_error *err)
{
    static const char *const kinds[] = {"device", "domain", NULL};
    static const lp_activation_kind kind_values[] = {LP_ACTIVATION_DEVICE, LP_ACTIVATION_DOMAIN};
    memset(out, 0, sizeof *out);
    int kind = 0;
    lp_status status = lp_json_expect_object(node, path, err);
    if (status == LP_OK &&
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "license_id", false, &out->license_id, err)) ==
            LP_OK &&
        (status = lp_json_get_string(node, path, "license_key_masked", false,
                                     &out->license_key_masked, err)) == LP_OK &&
        (status = lp_json_get_product(node, path, "product", &out->product, err)) == LP_OK &&
        (status = lp_json_get_enum(node, path, "kind", kinds, &kind, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "name", false, &out->name, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "fingerprint", false, &out->fingerprint, err)) ==
            LP_OK &&
        (status = lp_json_get_string(node, path, "platform", true, &out->platform, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "ip", true, &out->ip, err)) == LP_OK &&
        (status = lp_json_get_time(node, path, "activated_at", false, &out->activated_at, err)) ==
            LP_OK)
        status = lp_json_get_time(node, path, "last_seen_at", true, &out->last_seen_at, err);
    if (status != LP_OK)
        lp_activation_clear(out);
    else
        out->kind = kind_values[kind];
    return status;
}

static lp_status parse_item(const cJSON *node, const char *path, void *item, lp_error *err)
{
    return lp_json_read_activation(node, path, item, err);
}

static void clear_item(void *item)
{
    lp_activation_clear(item);
}

lp_status lp_parse_activation_page(const char *json, size_t len, lp_activation_page *out,
                                   lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_activation), parse_item, clear_item,
                                         &page, err);
    out->items = page.items;
    out->count = page.count;
    out->next_cursor = page.next_cursor;
    out->total = page.total;
    return status;
}
