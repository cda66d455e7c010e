/* LicenseSummary, LicenseDetail and their pages, mapped strictly from JSON. */
#include "lib/model/license_json.h"

#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_pull.h"
#include "lib/model/json_reader.h"
#include "lib/model/page_json.h"

/* The fields of a LicenseSummary, in the order they are read (and so the
 * order in which their problems are reported). */
enum summary_field {
    F_ID,
    F_KEY_MASKED,
    F_PRODUCT,
    F_EDITION,
    F_STATUS,
    F_ADDED_AT,
    F_EXPIRES_AT,
    F_MAX_ACTIVATIONS,
    F_ACTIVATIONS_IN_USE,
    F_COUNT
};

static const char *const summary_names[F_COUNT] = {
    "id",         "key_masked",      "product",
    "edition",    "status",          "added_at",
    "expires_at", "max_activations", "activations_in_use",
};

/* The field a member's name (`len` bytes, no NUL needed) stands for, or -1. */
static int summary_field_of(const char *name, size_t len)
{
    int candidate;
    if (len == 0)
        return -1;
    switch (name[0]) {
    case 'i':
        candidate = F_ID;
        break;
    case 'k':
        candidate = F_KEY_MASKED;
        break;
    case 'p':
        candidate = F_PRODUCT;
        break;
    case 'e':
        candidate = len > 1 && name[1] == 'd' ? F_EDITION : F_EXPIRES_AT;
        break;
    case 's':
        candidate = F_STATUS;
        break;
    case 'a':
        candidate = len > 1 && name[1] == 'd' ? F_ADDED_AT : F_ACTIVATIONS_IN_USE;
        break;
    case 'm':
        candidate = F_MAX_ACTIVATIONS;
        break;
    default:
        return -1;
    }
    return strlen(summary_names[candidate]) == len &&
                   memcmp(name, summary_names[candidate], len) == 0
               ? candidate
               : -1;
}

static lp_status read_status(const cJSON *node, const char *path, lp_license_status *out,
                             lp_error *err)
{
    int index;
    lp_status status = lp_json_enum_member(node, path, "status", lp_license_statuses.names, &index,
                                           err);
    if (status == LP_OK)
        *out = (lp_license_status)index;
    return status;
}

lp_status lp_json_license_summary(const cJSON *node, const char *path, lp_license_summary *out,
                                  lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_expect_object(node, path, err);
    if (status != LP_OK)
        return status;
    /* One walk over the members; the first of a repeated name counts, as
     * it would for a lookup by name. */
    const cJSON *f[F_COUNT] = {NULL};
    for (const cJSON *member = node->child; member; member = member->next) {
        int field = member->string ? summary_field_of(member->string, strlen(member->string)) : -1;
        if (field >= 0 && !f[field])
            f[field] = member;
    }
    if ((status = lp_json_string_member(f[F_ID], path, "id", false, &out->id, err)) != LP_OK ||
        (status = lp_json_string_member(f[F_KEY_MASKED], path, "key_masked", false,
                                        &out->key_masked, err)) != LP_OK ||
        (status = lp_json_product_member(f[F_PRODUCT], path, "product", &out->product, err)) !=
            LP_OK ||
        (status = lp_json_string_member(f[F_EDITION], path, "edition", true, &out->edition, err)) !=
            LP_OK ||
        (status = read_status(f[F_STATUS], path, &out->status, err)) != LP_OK ||
        (status = lp_json_time_member(f[F_ADDED_AT], path, "added_at", false, &out->added_at,
                                      err)) != LP_OK ||
        (status = lp_json_time_member(f[F_EXPIRES_AT], path, "expires_at", true, &out->expires_at,
                                      err)) != LP_OK ||
        (status = lp_json_count_member(f[F_MAX_ACTIVATIONS], path, "max_activations", true,
                                       LP_UNLIMITED, &out->max_activations, err)) != LP_OK ||
        (status = lp_json_count_member(f[F_ACTIVATIONS_IN_USE], path, "activations_in_use", false,
                                       0, &out->activations_in_use, err)) != LP_OK)
        lp_license_summary_clear(out);
    return status;
}

static lp_status read_money(const cJSON *parent, const char *path, const char *name, lp_money *out,
                            lp_error *err)
{
    const cJSON *node;
    lp_status status = lp_json_require_object(parent, path, name, &node, err);
    if (status != LP_OK)
        return status;
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    if ((status = lp_json_get_integer(node, full, "amount_minor", &out->amount_minor, err)) !=
        LP_OK)
        return status;
    char *currency;
    if ((status = lp_json_get_string(node, full, "currency", false, &currency, err)) != LP_OK)
        return status;
    bool ok = strlen(currency) == 3;
    for (int i = 0; ok && i < 3; i++)
        ok = currency[i] >= 'A' && currency[i] <= 'Z';
    if (ok)
        memcpy(out->currency, currency, 4);
    free(currency);
    if (!ok) {
        char at[LP_JSON_PATH_MAX];
        lp_json_path(at, full, "currency");
        return lp_json_fail(err, at, "expected three upper-case letters (ISO 4217)");
    }
    return LP_OK;
}

static lp_status read_option(const cJSON *node, const char *path, lp_renewal_option *out,
                             lp_error *err)
{
    lp_status status = lp_json_expect_object(node, path, err);
    if (status == LP_OK &&
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) == LP_OK &&
        (status = lp_json_get_string(node, path, "label", false, &out->label, err)) == LP_OK &&
        (status = lp_json_get_count(node, path, "term_months", false, 0, &out->term_months, err)) ==
            LP_OK &&
        (status = read_money(node, path, "price", &out->price, err)) == LP_OK)
        status = lp_json_get_string(node, path, "checkout_url", false, &out->checkout_url, err);
    if (status != LP_OK) {
        free(out->id);
        free(out->label);
        free(out->checkout_url);
        memset(out, 0, sizeof *out);
    }
    return status;
}

static lp_status read_renewal(const cJSON *root, lp_license_detail *out, lp_error *err)
{
    const cJSON *renewal, *options;
    lp_status status;
    if ((status = lp_json_require_object(root, NULL, "renewal", &renewal, err)) != LP_OK ||
        (status = lp_json_get_bool(renewal, "renewal", "renewable", &out->renewable, err)) !=
            LP_OK ||
        (status = lp_json_require_array(renewal, "renewal", "options", &options, err)) != LP_OK)
        return status;
    size_t n = (size_t)cJSON_GetArraySize(options);
    if (n == 0)
        return LP_OK;
    out->renewal_options = calloc(n, sizeof *out->renewal_options);
    if (!out->renewal_options)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    const cJSON *node;
    cJSON_ArrayForEach(node, options)
    {
        char path[LP_JSON_PATH_MAX];
        lp_json_index_path(path, "renewal", "options", out->renewal_option_count);
        status = read_option(node, path, &out->renewal_options[out->renewal_option_count], err);
        if (status != LP_OK)
            return status;
        out->renewal_option_count++;
    }
    return LP_OK;
}

static lp_status read_license_detail(const cJSON *root, void *into, lp_error *err)
{
    lp_license_detail *out = into;
    lp_status status;
    if ((status = lp_json_license_summary(root, NULL, &out->summary, err)) == LP_OK &&
        (status = lp_json_get_string_array(root, NULL, "features", &out->features,
                                           &out->feature_count, err)) == LP_OK)
        status = read_renewal(root, out, err);
    return status;
}

lp_status lp_parse_license_detail(const char *json, size_t len, lp_license_detail *out,
                                  lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_parse_object(json, len, read_license_detail, out, err);
    if (status != LP_OK)
        lp_license_detail_clear(out);
    return status;
}

static lp_status parse_item(const cJSON *node, const char *path, void *item, lp_error *err)
{
    return lp_json_license_summary(node, path, item, err);
}

static void clear_item(void *item)
{
    lp_license_summary_clear(item);
}

/* {"id", "name"}, each once, both strings; gives up otherwise. */
static bool pull_product(lp_json_pull *r, lp_product *out)
{
    bool first = true, has_id = false, has_name = false;
    lp_json_span name;
    lp_json_pull_open(r, '{');
    while (lp_json_pull_member(r, &first, &name)) {
        bool is_id = lp_json_span_is(name, "id"), is_name = lp_json_span_is(name, "name");
        if ((is_id && has_id) || (is_name && has_name))
            return lp_json_pull_give_up(r);
        if (is_id)
            out->id = lp_json_pull_string_copy(r);
        else if (is_name)
            out->name = lp_json_pull_string_copy(r);
        else
            lp_json_pull_skip(r);
        has_id |= is_id;
        has_name |= is_name;
    }
    if (!has_id || !has_name)
        return lp_json_pull_give_up(r);
    return !r->failed;
}

/* A LicenseSummary as lp_json_license_summary reads it, or giving up. */
static bool pull_summary(lp_json_pull *r, void *item)
{
    lp_license_summary *out = item;
    out->expires_at = LP_TIME_NONE;
    out->max_activations = LP_UNLIMITED;
    unsigned seen = 0;
    lp_json_span name;
    int index;
    lp_json_pull_open(r, '{');
    for (bool first = true; lp_json_pull_member(r, &first, &name);) {
        int field = summary_field_of(name.text, name.len);
        if (field < 0) {
            lp_json_pull_skip(r);
            continue;
        }
        if (seen & (1u << field))
            return lp_json_pull_give_up(r);
        seen |= 1u << field;
        switch ((enum summary_field)field) {
        case F_ID:
            out->id = lp_json_pull_string_copy(r);
            break;
        case F_KEY_MASKED:
            out->key_masked = lp_json_pull_string_copy(r);
            break;
        case F_PRODUCT:
            pull_product(r, &out->product);
            break;
        case F_EDITION:
            if (!lp_json_pull_null(r))
                out->edition = lp_json_pull_string_copy(r);
            break;
        case F_STATUS:
            if (lp_json_pull_enum(r, lp_license_statuses.names, &index))
                out->status = (lp_license_status)index;
            break;
        case F_ADDED_AT:
            lp_json_pull_time(r, &out->added_at);
            break;
        case F_EXPIRES_AT:
            if (!lp_json_pull_null(r))
                lp_json_pull_time(r, &out->expires_at);
            break;
        case F_MAX_ACTIVATIONS:
            if (!lp_json_pull_null(r))
                lp_json_pull_count(r, &out->max_activations);
            break;
        case F_ACTIVATIONS_IN_USE:
            lp_json_pull_count(r, &out->activations_in_use);
            break;
        case F_COUNT:
            break;
        }
    }
    const unsigned required = 1u << F_ID | 1u << F_KEY_MASKED | 1u << F_PRODUCT | 1u << F_STATUS |
                              1u << F_ADDED_AT | 1u << F_ACTIVATIONS_IN_USE;
    return !r->failed && (seen & required) == required;
}

static void take_page(lp_json_page *page, lp_license_page *out)
{
    out->items = page->items;
    out->count = page->count;
    out->next_cursor = page->next_cursor;
    out->total = page->total;
}

bool lp_pull_license_page(const char *json, size_t len, lp_license_page *out)
{
    lp_json_page page;
    bool read = lp_json_pull_page(json, len, sizeof(lp_license_summary), pull_summary, clear_item,
                                  &page);
    take_page(&page, out);
    return read;
}

lp_status lp_read_license_page_tree(const char *json, size_t len, lp_license_page *out,
                                    lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_license_summary), parse_item,
                                         clear_item, &page, err);
    take_page(&page, out);
    return status;
}

/* A page of 200 licenses arrives with every long scroll: read in one pass
 * when it has the common form, by the tree reader (which also names any
 * problem) when it has not. */
lp_status lp_parse_license_page(const char *json, size_t len, lp_license_page *out, lp_error *err)
{
    if (lp_pull_license_page(json, len, out))
        return LP_OK;
    return lp_read_license_page_tree(json, len, out, err);
}
