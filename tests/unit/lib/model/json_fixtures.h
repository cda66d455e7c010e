/* Valid answers from the wire contract, and a way to break them one field at a time. */
#ifndef LICPORTAL_TESTS_JSON_FIXTURES_H
#define LICPORTAL_TESTS_JSON_FIXTURES_H

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LICENSE_ACTIVE                                                              \
    "{\"id\":\"lic_01\",\"key_masked\":\"XXXX-XXXX-XXXX-7F3A\","                    \
    "\"product\":{\"id\":\"prod_1\",\"name\":\"Acme Studio\"},\"edition\":\"Pro\"," \
    "\"status\":\"active\",\"added_at\":\"2026-11-28T09:15:00Z\","                  \
    "\"expires_at\":\"2027-11-28T09:15:00Z\",\"max_activations\":5,\"activations_in_use\":3}"

#define LICENSE_EXPIRED_UNLIMITED                                                       \
    "{\"id\":\"lic_02\",\"key_masked\":\"XXXX-XXXX-XXXX-0001\","                        \
    "\"product\":{\"id\":\"prod_2\",\"name\":\"Acme Server\"},\"edition\":null,"        \
    "\"status\":\"expired\",\"added_at\":\"2026-01-01T00:00:00Z\",\"expires_at\":null," \
    "\"max_activations\":null,\"activations_in_use\":0}"

static const char dashboard_json[] =
    "{\"kpis\":{\"total_licenses\":12,\"active_licenses\":9,\"activations_in_use\":21,"
    "\"expiring_soon\":2,\"expiring_window_days\":30},"
    "\"recent_licenses\":[" LICENSE_ACTIVE "," LICENSE_EXPIRED_UNLIMITED "],"
    "\"generated_at\":\"2026-11-28T09:15:00Z\"}";

static const char license_page_json[] = "{\"items\":[" LICENSE_ACTIVE "," LICENSE_EXPIRED_UNLIMITED
                                        "],"
                                        "\"next_cursor\":\"c2\",\"total\":57}";

static const char license_detail_json[] =
    "{\"id\":\"lic_01\",\"key_masked\":\"XXXX-XXXX-XXXX-7F3A\","
    "\"product\":{\"id\":\"prod_1\",\"name\":\"Acme Studio\"},\"edition\":\"Pro\","
    "\"status\":\"suspended\",\"added_at\":\"2026-11-28T09:15:00Z\",\"expires_at\":null,"
    "\"max_activations\":5,\"activations_in_use\":3,"
    "\"features\":[\"render\",\"export-4k\"],"
    "\"renewal\":{\"renewable\":true,\"options\":[{\"id\":\"ren_1\",\"label\":\"1 year\","
    "\"term_months\":12,\"price\":{\"amount_minor\":9900,\"currency\":\"EUR\"},"
    "\"checkout_url\":\"https://shop.example/checkout/ren_1\"}]}}";

static const char activation_page_json[] =
    "{\"items\":[{\"id\":\"act_1\",\"license_id\":\"lic_01\","
    "\"license_key_masked\":\"XXXX-XXXX-XXXX-7F3A\","
    "\"product\":{\"id\":\"prod_1\",\"name\":\"Acme Studio\"},\"kind\":\"device\","
    "\"name\":\"build-01\",\"fingerprint\":\"fp:ab12\",\"platform\":\"linux\","
    "\"ip\":\"192.0.2.7\",\"activated_at\":\"2026-11-28T09:15:00Z\","
    "\"last_seen_at\":\"2026-11-28T10:15:00Z\"},"
    "{\"id\":\"act_2\",\"license_id\":\"lic_01\","
    "\"license_key_masked\":\"XXXX-XXXX-XXXX-7F3A\","
    "\"product\":{\"id\":\"prod_1\",\"name\":\"Acme Studio\"},\"kind\":\"domain\","
    "\"name\":\"example.org\",\"fingerprint\":\"fp:cd34\",\"platform\":null,"
    "\"ip\":null,\"activated_at\":\"2026-11-27T09:15:00Z\",\"last_seen_at\":null}],"
    "\"next_cursor\":null,\"total\":2}";

#define DOWNLOAD_ONE                                                                           \
    "{\"id\":\"dl_1\",\"product\":{\"id\":\"prod_1\",\"name\":\"Acme Studio\"},"               \
    "\"version\":\"4.2.0\",\"channel\":\"stable\",\"platform\":\"linux\",\"arch\":\"x86_64\"," \
    "\"filename\":\"acme-studio-4.2.0.tar.gz\",\"size_bytes\":1610612736,"                     \
    "\"sha256\":\"9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\","         \
    "\"released_at\":\"2026-11-20T00:00:00Z\",\"release_notes\":null}"

static const char download_json[] = DOWNLOAD_ONE;
static const char download_page_json[] = "{\"items\":[" DOWNLOAD_ONE
                                         "],\"next_cursor\":null,\"total\":1}";

static const char user_json[] =
    "{\"id\":\"usr_1\",\"email\":\"ada@example.com\",\"name\":\"Ada\",\"organization\":null}";

static const char tokens_json[] =
    "{\"access_token\":\"at.1\",\"token_type\":\"Bearer\",\"expires_in\":900,"
    "\"refresh_token\":\"rt.1\",\"refresh_expires_in\":2592000,"
    "\"user\":{\"id\":\"usr_1\",\"email\":\"ada@example.com\",\"name\":\"Ada\"}}";

/* Finds the node at a dotted path ("items.1.product"; digits index arrays). */
static inline cJSON *fixture_node(cJSON *root, const char *path)
{
    cJSON *node = root;
    char buf[128];
    strncpy(buf, path, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (char *save = NULL, *part = strtok_r(buf, ".", &save); part && node;
         part = strtok_r(NULL, ".", &save))
        node = isdigit((unsigned char)part[0]) ? cJSON_GetArrayItem(node, atoi(part))
                                               : cJSON_GetObjectItemCaseSensitive(node, part);
    return node;
}

/* A copy of `json` with `field` of the object at `path` replaced by the JSON
 * text `value` (spliced in verbatim, since printing numbers through cJSON
 * would round them), or removed when `value` is NULL. The caller frees it. */
static inline char *fixture_edit(const char *json, const char *path, const char *field,
                                 const char *value)
{
    static const char placeholder[] = "\"@@fixture-value@@\"";
    cJSON *root = cJSON_Parse(json);
    cJSON *object = path && *path ? fixture_node(root, path) : root;
    if (!object)
        abort();
    if (value) {
        cJSON *marker = cJSON_CreateString("@@fixture-value@@");
        if (cJSON_HasObjectItem(object, field))
            cJSON_ReplaceItemInObjectCaseSensitive(object, field, marker);
        else
            cJSON_AddItemToObject(object, field, marker);
    } else {
        cJSON_DeleteItemFromObjectCaseSensitive(object, field);
    }
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!value)
        return text;
    char *at = strstr(text, placeholder);
    size_t head = (size_t)(at - text), tail = strlen(at + strlen(placeholder));
    char *spliced = malloc(head + strlen(value) + tail + 1);
    memcpy(spliced, text, head);
    memcpy(spliced + head, value, strlen(value));
    memcpy(spliced + head + strlen(value), at + strlen(placeholder), tail + 1);
    free(text);
    return spliced;
}

#endif
