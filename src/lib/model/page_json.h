/* The envelope shared by every list answer: items, next_cursor, total. */
#ifndef LICPORTAL_LIB_MODEL_PAGE_JSON_H
#define LICPORTAL_LIB_MODEL_PAGE_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/error.h"

/* Parses one element (`path` is "items[N]") into `item`, which starts zeroed;
 * on failure it leaves `item` zeroed. */
typedef lp_status (*lp_json_item_parser)(const cJSON *node, const char *path, void *item,
                                         lp_error *err);
typedef void (*lp_json_item_clear)(void *item);

typedef struct lp_json_page {
    void *items;
    size_t count;
    char *next_cursor;
    int64_t total;
} lp_json_page;

/* On failure everything parsed so far is released and *out is zeroed. */
lp_status lp_json_read_page(const char *json, size_t len, size_t item_size,
                            lp_json_item_parser parse, lp_json_item_clear clear, lp_json_page *out,
                            lp_error *err);

#endif
