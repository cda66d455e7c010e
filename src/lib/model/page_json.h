/* The envelope shared by every list answer: items, next_cursor, total. */
#ifndef LICPORTAL_LIB_MODEL_PAGE_JSON_H
#define LICPORTAL_LIB_MODEL_PAGE_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/error.h"
#include "lib/model/json_pull.h"

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

/* Reads one element, whose '{' is still to come, into `item`, which starts
 * zeroed; false when the reader gave up (`clear` then releases the item). */
typedef bool (*lp_json_item_puller)(lp_json_pull *r, void *item);

/* The same page read in one pass (json_pull.h): true with *out filled, or
 * false with *out zeroed when the pull reader gave up, and the caller reads
 * the text with lp_json_read_page instead. */
bool lp_json_pull_page(const char *json, size_t len, size_t item_size, lp_json_item_puller pull,
                       lp_json_item_clear clear, lp_json_page *out);

#endif
