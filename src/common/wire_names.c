/* The Portal API's fixed names, shared by client and server (see wire_names.h). */
#include "licportal/wire_names.h"

#include <stdio.h>
#include <string.h>

/* Each array ends with NULL, which the count leaves out. */
#define WIRE_LIST(array)                          \
    {                                             \
        array, sizeof array / sizeof array[0] - 1 \
    }

static const char *const status_names[LP_LICENSE_STATUS_COUNT + 1] = {
    [LP_LICENSE_ACTIVE] = "active",       [LP_LICENSE_EXPIRED] = "expired",
    [LP_LICENSE_SUSPENDED] = "suspended", [LP_LICENSE_REVOKED] = "revoked",
    [LP_LICENSE_PENDING] = "pending",     [LP_LICENSE_STATUS_COUNT] = NULL,
};
const lp_wire_names lp_license_statuses = WIRE_LIST(status_names);

static const char *const license_sorts[] = {"added_at",    "-added_at", "expires_at",
                                            "-expires_at", "product",   "-product",
                                            "status",      "-status",   NULL};
const lp_wire_names lp_license_sort_keys = WIRE_LIST(license_sorts);

static const char *const activation_sorts[] = {"-activated_at", "activated_at", "name",
                                               "-name",         "last_seen_at", "-last_seen_at",
                                               "product",       "-product",     NULL};
const lp_wire_names lp_activation_sort_keys = WIRE_LIST(activation_sorts);

static const char *const download_sorts[] = {"-released_at", "released_at", "product", "-product",
                                             NULL};
const lp_wire_names lp_download_sort_keys = WIRE_LIST(download_sorts);

static const char *const channels[] = {"stable", "beta", NULL};
const lp_wire_names lp_download_channels = WIRE_LIST(channels);

static const char *const platforms[] = {"linux", "windows", "macos", "any", NULL};
const lp_wire_names lp_download_platforms = WIRE_LIST(platforms);

static const char *const scopes[] = {"read", "read_write", NULL};
const lp_wire_names lp_token_scopes = WIRE_LIST(scopes);

int lp_wire_index(const lp_wire_names *list, const char *name)
{
    if (name == NULL)
        return -1;
    for (size_t i = 0; i < list->count; i++) {
        if (strcmp(list->names[i], name) == 0)
            return (int)i;
    }
    return -1;
}

char *lp_wire_list_text(const lp_wire_names *list, char *out, size_t size)
{
    size_t used = 0;
    if (size == 0)
        return out;
    out[0] = '\0';
    for (size_t i = 0; i < list->count && used < size; i++) {
        const char *separator = i == 0 ? "" : i + 1 == list->count ? " or " : ", ";
        int n = snprintf(out + used, size - used, "%s%s", separator, list->names[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    return out;
}

const char *lp_license_status_name(lp_license_status status)
{
    if ((unsigned)status < LP_LICENSE_STATUS_COUNT)
        return status_names[status];
    return "unknown";
}

bool lp_license_status_from_name(const char *name, lp_license_status *out)
{
    int index = lp_wire_index(&lp_license_statuses, name);
    if (index < 0)
        return false;
    if (out != NULL)
        *out = (lp_license_status)index;
    return true;
}
