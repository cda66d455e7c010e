/* Cursor-paginated list answers: the items array, next_cursor and total. */
#include "lib/model/page_json.h"

#include <stdlib.h>
#include <string.h>

#include "lib/model/json_reader.h"

static void release(lp_json_page *page, size_t item_size, lp_json_item_clear clear)
{
    char *items = page->items;
    for (size_t i = 0; i < page->count; i++)
        clear(items + i * item_size);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}

static lp_status read_items(const cJSON *array, size_t item_size, lp_json_item_parser parse,
                            lp_json_page *page, lp_error *err)
{
    size_t n = (size_t)cJSON_GetArraySize(array);
    if (n == 0)
        return LP_OK;
    page->items = calloc(n, item_size);
    if (!page->items)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    char *items = page->items;
    const cJSON *node;
    size_t i = 0;
    cJSON_ArrayForEach(node, array)
    {
        char path[LP_JSON_PATH_MAX];
        lp_json_index_path(path, NULL, "items", i);
        lp_status status = parse(node, path, items + i * item_size, err);
        if (status != LP_OK)
            return status;
        page->count = ++i;
    }
    return LP_OK;
}

lp_status lp_json_read_page(const char *json, size_t len, size_t item_size,
                            lp_json_item_parser parse, lp_json_item_clear clear, lp_json_page *out,
                            lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_json_doc *doc;
    lp_status status = lp_json_read_object(json, len, &doc, err);
    if (status != LP_OK)
        return status;
    const cJSON *root = lp_json_doc_root(doc);
    const cJSON *array;
    if ((status = lp_json_require_array(root, NULL, "items", &array, err)) == LP_OK &&
        (status = read_items(array, item_size, parse, out, err)) == LP_OK &&
        (status = lp_json_get_string(root, NULL, "next_cursor", true, &out->next_cursor, err)) ==
            LP_OK)
        status = lp_json_get_count(root, NULL, "total", false, 0, &out->total, err);
    lp_json_doc_free(doc);
    if (status != LP_OK)
        release(out, item_size, clear);
    return status;
}
