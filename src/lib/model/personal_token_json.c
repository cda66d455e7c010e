/* Personal access tokens and their pages, mapped strictly from JSON. */
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"
#include "lib/model/page_json.h"

/* `with_secret`: the creating answer, which must carry `token`. */
static lp_status parse_token(const cJSON *node, const char *path, bool with_secret,
                             lp_personal_token *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    int scope = 0;
    lp_status status = lp_json_expect_object(node, path, err);
    if (status == LP_OK &&
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "name", false, &out->name, err)) == LP_OK &&
        (status = lp_json_get_enum(node, path, "scope", lp_token_scopes.names, &scope, err)) ==
            LP_OK &&
        (status = lp_json_get_time(node, path, "created_at", false, &out->created_at, err)) ==
            LP_OK &&
        (status = lp_json_get_time(node, path, "expires_at", true, &out->expires_at, err)) ==
            LP_OK &&
        (status = lp_json_get_time(node, path, "last_used_at", true, &out->last_used_at, err)) ==
            LP_OK &&
        with_secret)
        status = lp_json_get_string(node, path, "token", false, &out->token, err);
    if (status == LP_OK && (out->scope = strdup(lp_token_scopes.names[scope])) == NULL)
        status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    if (status != LP_OK)
        lp_personal_token_clear(out);
    return status;
}

static lp_status read_created_token(const cJSON *root, void *out, lp_error *err)
{
    return parse_token(root, NULL, true, out, err);
}

lp_status lp_parse_personal_token(const char *json, size_t len, lp_personal_token *out,
                                  lp_error *err)
{
    memset(out, 0, sizeof *out);
    return lp_json_parse_object(json, len, read_created_token, out, err);
}

static lp_status parse_item(const cJSON *node, const char *path, void *item, lp_error *err)
{
    return parse_token(node, path, false, item, err);
}

static void clear_item(void *item)
{
    lp_personal_token_clear(item);
}

lp_status lp_parse_personal_token_page(const char *json, size_t len, lp_personal_token_page *out,
                                       lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_personal_token), parse_item,
                                         clear_item, &page, err);
    out->items = page.items;
    out->count = page.count;
    out->next_cursor = page.next_cursor;
    out->total = page.total;
    return status;
}
