/* Download objects and pages, mapped strictly from JSON. */
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"
#include "lib/model/page_json.h"

static lp_status read_choice(const cJSON *node, const char *path, const char *name,
                             const char *const *allowed, char **out, lp_error *err)
{
    int index;
    lp_status status = lp_json_get_enum(node, path, name, allowed, &index, err);
    if (status != LP_OK)
        return status;
    *out = strdup(allowed[index]);
    return *out ? LP_OK : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
}

static int hex_lower(int c)
{
    if (c >= '0' && c <= '9')
        return c;
    if (c >= 'a' && c <= 'f')
        return c;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 'a';
    return -1;
}

static lp_status read_sha256(const cJSON *node, const char *path, char out[65], lp_error *err)
{
    char *text;
    lp_status status = lp_json_get_string(node, path, "sha256", false, &text, err);
    if (status != LP_OK)
        return status;
    bool ok = strlen(text) == 64;
    for (size_t i = 0; ok && i < 64; i++) {
        int c = hex_lower((unsigned char)text[i]);
        ok = c >= 0;
        out[i] = (char)c;
    }
    out[64] = '\0';
    free(text);
    if (!ok) {
        memset(out, 0, 65);
        char full[LP_JSON_PATH_MAX];
        lp_json_path(full, path, "sha256");
        return lp_json_fail(err, full, "expected 64 hexadecimal digits");
    }
    return LP_OK;
}

static lp_status parse_download(const cJSON *node, const char *path, lp_download *out,
                                lp_error *err)
{
    static const char *const platforms[] = {"linux", "windows", "macos", "any", NULL};
    static const char *const arches[] = {"x86_64", "aarch64", "any", NULL};
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_expect_object(node, path, err);
    if (status == LP_OK &&
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) == LP_OK &&
        (status = lp_json_get_product(node, path, "product", &out->product, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "version", false, &out->version, err)) == LP_OK &&
        (status = read_choice(node, path, "channel", lp_download_channels.names, &out->channel,
                              err)) == LP_OK &&
        (status = read_choice(node, path, "platform", platforms, &out->platform, err)) == LP_OK &&
        (status = read_choice(node, path, "arch", arches, &out->arch, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "filename", false, &out->filename, err)) ==
            LP_OK &&
        (status = lp_json_get_count(node, path, "size_bytes", false, 0, &out->size_bytes, err)) ==
            LP_OK &&
        (status = read_sha256(node, path, out->sha256, err)) == LP_OK &&
        (status = lp_json_get_time(node, path, "released_at", false, &out->released_at, err)) ==
            LP_OK)
        status = lp_json_get_string(node, path, "release_notes", true, &out->release_notes, err);
    if (status != LP_OK)
        lp_download_clear(out);
    return status;
}

static lp_status read_download_root(const cJSON *root, void *out, lp_error *err)
{
    return parse_download(root, NULL, out, err);
}

lp_status lp_parse_download(const char *json, size_t len, lp_download *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    return lp_json_parse_object(json, len, read_download_root, out, err);
}

static lp_status parse_item(const cJSON *node, const char *path, void *item, lp_error *err)
{
    return parse_download(node, path, item, err);
}

static void clear_item(void *item)
{
    lp_download_clear(item);
}

lp_status lp_parse_download_page(const char *json, size_t len, lp_download_page *out, lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_download), parse_item, clear_item,
                                         &page, err);
    out->items = page.items;
    out->count = page.count;
    out->next_cursor = page.next_cursor;
    out->total = page.total;
    return status;
}
