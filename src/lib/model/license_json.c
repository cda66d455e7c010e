/* LicenseSummary, LicenseDetail and their pages, mapped strictly from JSON. */
#include "lib/model/license_json.h"

#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
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

static int summary_field_of(const char *name)
{
    int candidate;
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
        candidate = name[1] == 'd' ? F_EDITION : F_EXPIRES_AT;
        break;
    case 's':
        candidate = F_STATUS;
        break;
    case 'a':
        candidate = name[1] == 'd' ? F_ADDED_AT : F_ACTIVATIONS_IN_USE;
        break;
    case 'm':
        candidate = F_MAX_ACTIVATIONS;
        break;
    default:
        return -1;
    }
    return strcmp(name, summary_names[candidate]) == 0 ? candidate : -1;
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
        int field = member->string ? summary_field_of(member->string) : -1;
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

lp_status lp_parse_license_page(const char *json, size_t len, lp_license_page *out, lp_error *err)
{
    lp_json_page page;
    lp_status status = lp_json_read_page(json, len, sizeof(lp_license_summary), parse_item,
                                         clear_item, &page, err);
    out->items = page.items;
    out->count = page.count;
    out->next_cursor = page.next_cursor;
    out->total = page.total;
    return status;
}
