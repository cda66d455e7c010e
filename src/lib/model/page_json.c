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

/* Room for the next item, doubling: the count is known only at the ']'. */
static bool grow_items(lp_json_page *page, size_t *capacity, size_t item_size)
{
    if (page->count < *capacity)
        return true;
    size_t wanted = *capacity ? *capacity * 2 : 32;
    void *grown = realloc(page->items, wanted * item_size);
    if (!grown)
        return false;
    page->items = grown;
    *capacity = wanted;
    return true;
}

static bool pull_items(lp_json_pull *r, size_t item_size, lp_json_item_puller pull,
                       lp_json_item_clear clear, lp_json_page *page)
{
    size_t capacity = 0;
    if (!lp_json_pull_open(r, '['))
        return false;
    for (bool first = true; lp_json_pull_element(r, &first);) {
        if (!grow_items(page, &capacity, item_size))
            return lp_json_pull_give_up(r);
        char *item = (char *)page->items + page->count * item_size;
        memset(item, 0, item_size);
        if (!pull(r, item)) {
            clear(item);
            return lp_json_pull_give_up(r);
        }
        page->count++;
    }
    return !r->failed;
}

enum page_member { M_ITEMS = 1u << 0, M_NEXT_CURSOR = 1u << 1, M_TOTAL = 1u << 2 };

bool lp_json_pull_page(const char *json, size_t len, size_t item_size, lp_json_item_puller pull,
                       lp_json_item_clear clear, lp_json_page *out)
{
    memset(out, 0, sizeof *out);
    lp_json_pull r;
    lp_json_pull_init(&r, json, len);
    unsigned seen = 0;
    lp_json_span name;
    lp_json_pull_open(&r, '{');
    for (bool first = true; lp_json_pull_member(&r, &first, &name);) {
        unsigned member = lp_json_span_is(name, "items")         ? M_ITEMS
                          : lp_json_span_is(name, "next_cursor") ? M_NEXT_CURSOR
                          : lp_json_span_is(name, "total")       ? M_TOTAL
                                                                 : 0;
        /* The tree reader takes the first of a repeated name; this one leaves it to it. */
        if (member & seen) {
            lp_json_pull_give_up(&r);
            break;
        }
        seen |= member;
        if (member == M_ITEMS)
            pull_items(&r, item_size, pull, clear, out);
        else if (member == M_NEXT_CURSOR && !lp_json_pull_null(&r))
            out->next_cursor = lp_json_pull_string_copy(&r);
        else if (member == M_TOTAL)
            lp_json_pull_count(&r, &out->total);
        else if (member == 0)
            lp_json_pull_skip(&r);
    }
    /* Room is made only when an element comes, and one not read gives up:
     * a page taken without items has no items array, as the tree reader leaves it. */
    if (lp_json_pull_finish(&r) && (seen & (M_ITEMS | M_TOTAL)) == (M_ITEMS | M_TOTAL))
        return true;
    release(out, item_size, clear);
    return false;
}
