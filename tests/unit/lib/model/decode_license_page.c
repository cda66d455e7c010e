/* Decodes a 200-license page repeatedly so callgrind can count the mapping's instructions. */
#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"

#define PAGE_ITEMS 200

/* A page as the server sends it: every field present, some nullable ones null. */
static char *build_page(size_t *len_out)
{
    size_t cap = 512 * PAGE_ITEMS + 128, len = 0;
    char *json = malloc(cap);
    if (!json)
        return NULL;
    len += (size_t)snprintf(json + len, cap - len, "{\"items\":[");
    for (int i = 0; i < PAGE_ITEMS; i++) {
        bool unlimited = i % 4 == 3;
        len += (size_t)snprintf(
            json + len, cap - len,
            "%s{\"id\":\"lic_%05d\",\"key_masked\":\"XXXX-XXXX-XXXX-%04X\","
            "\"product\":{\"id\":\"prod_%d\",\"name\":\"Acme Product %d\"},\"edition\":%s,"
            "\"status\":\"%s\",\"added_at\":\"2026-01-%02dT09:15:00Z\","
            "\"expires_at\":%s,\"max_activations\":%s,\"activations_in_use\":%d}",
            i ? "," : "", i, i, i % 7, i % 7, unlimited ? "null" : "\"Pro\"",
            i % 5 == 4 ? "expired" : "active", 1 + i % 28,
            unlimited ? "null" : "\"2027-11-28T09:15:00Z\"", unlimited ? "null" : "5", i % 5);
    }
    len += (size_t)snprintf(json + len, cap - len, "],\"next_cursor\":\"c2\",\"total\":100000}");
    *len_out = len;
    return json;
}

/* Usage: decode_license_page [ROUNDS] [cjson]. "cjson" parses and frees the
 * same text with cJSON alone, the baseline the mapping is measured against. */
int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 1;
    bool cjson_only = argc > 2 && strcmp(argv[2], "cjson") == 0;
    size_t len;
    char *json = build_page(&len);
    if (!json || rounds < 1)
        return 1;
    int failures = 0;
    for (int r = 0; r < rounds; r++) {
        if (cjson_only) {
            cJSON *doc = cJSON_ParseWithLength(json, len);
            failures += cJSON_GetArraySize(cJSON_GetObjectItem(doc, "items")) != PAGE_ITEMS;
            cJSON_Delete(doc);
            continue;
        }
        lp_license_page page;
        lp_error err = {0};
        lp_status status = lp_parse_license_page(json, len, &page, &err);
        if (status != LP_OK || page.count != PAGE_ITEMS || page.total != 100000 ||
            page.items[3].max_activations != LP_UNLIMITED ||
            strcmp(page.items[PAGE_ITEMS - 1].id, "lic_00199") != 0) {
            fprintf(stderr, "decode failed: %s\n", status == LP_OK ? "wrong values" : err.message);
            failures++;
        }
        lp_license_page_clear(&page);
    }
    free(json);
    return failures ? 1 : 0;
}
