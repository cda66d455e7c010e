/* The products the user holds licenses for (GET /products), mapped strictly from JSON. */
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"
#include "lib/model/page_json.h"

static lp_status parse_item(const cJSON *node, const char *path, void *item, lp_error *err)
{
    lp_owned_product *out = item;
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_expect_object(node, path, err);
    if (status == LP_OK &&
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "name", false, &out->name, err)) == LP_OK)
        status = lp_json_get_count(node, path, "licenses", false, 0, &out->licenses, err);
    if (status != LP_OK)
        lp_owned_product_clear(out);
    return status;
}

static void clear_item(void *item)
{
    lp_owned_product_clear(item);
}

lp_status lp_parse_product_page(const char *json, size_t len, lp_product_page *out, lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_owned_product), parse_item,
                                         clear_item, &page, err);
    out->items = page.items;
    out->count = page.count;
    out->next_cursor = page.next_cursor;
    out->total = page.total;
    return status;
}
