/* The model's values: releasing them, and the wire names of its enumerations. */
#include "licportal/model.h"

#include <stdlib.h>
#include <string.h>

void lp_product_clear(lp_product *product)
{
    if (!product)
        return;
    free(product->id);
    free(product->name);
    memset(product, 0, sizeof *product);
}

void lp_license_summary_clear(lp_license_summary *license)
{
    if (!license)
        return;
    free(license->id);
    free(license->key_masked);
    lp_product_clear(&license->product);
    free(license->edition);
    memset(license, 0, sizeof *license);
}

void lp_license_detail_clear(lp_license_detail *detail)
{
    if (!detail)
        return;
    lp_license_summary_clear(&detail->summary);
    for (size_t i = 0; i < detail->feature_count; i++)
        free(detail->features[i]);
    free(detail->features);
    for (size_t i = 0; i < detail->renewal_option_count; i++) {
        lp_renewal_option *option = &detail->renewal_options[i];
        free(option->id);
        free(option->label);
        free(option->checkout_url);
    }
    free(detail->renewal_options);
    memset(detail, 0, sizeof *detail);
}

void lp_activation_clear(lp_activation *activation)
{
    if (!activation)
        return;
    free(activation->id);
    free(activation->license_id);
    free(activation->license_key_masked);
    lp_product_clear(&activation->product);
    free(activation->name);
    free(activation->fingerprint);
    free(activation->platform);
    free(activation->ip);
    memset(activation, 0, sizeof *activation);
}

void lp_download_clear(lp_download *download)
{
    if (!download)
        return;
    free(download->id);
    lp_product_clear(&download->product);
    free(download->version);
    free(download->channel);
    free(download->platform);
    free(download->arch);
    free(download->filename);
    free(download->release_notes);
    memset(download, 0, sizeof *download);
}

void lp_dashboard_clear(lp_dashboard *dashboard)
{
    if (!dashboard)
        return;
    for (size_t i = 0; i < dashboard->recent_count && i < LP_DASHBOARD_RECENT_MAX; i++)
        lp_license_summary_clear(&dashboard->recent[i]);
    memset(dashboard, 0, sizeof *dashboard);
}

void lp_user_clear(lp_user *user)
{
    if (!user)
        return;
    free(user->id);
    free(user->email);
    free(user->name);
    free(user->organization);
    memset(user, 0, sizeof *user);
}

void lp_tokens_clear(lp_tokens *tokens)
{
    if (!tokens)
        return;
    free(tokens->access_token);
    free(tokens->token_type);
    free(tokens->refresh_token);
    lp_user_clear(&tokens->user);
    memset(tokens, 0, sizeof *tokens);
}

void lp_license_page_clear(lp_license_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->count; i++)
        lp_license_summary_clear(&page->items[i]);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}

void lp_activation_page_clear(lp_activation_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->count; i++)
        lp_activation_clear(&page->items[i]);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}

void lp_download_page_clear(lp_download_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->count; i++)
        lp_download_clear(&page->items[i]);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}

static const char *const license_status_names[LP_LICENSE_STATUS_COUNT] = {
    [LP_LICENSE_ACTIVE] = "active",       [LP_LICENSE_EXPIRED] = "expired",
    [LP_LICENSE_SUSPENDED] = "suspended", [LP_LICENSE_REVOKED] = "revoked",
    [LP_LICENSE_PENDING] = "pending",
};

const char *const lp_license_status_values[] = {"active", "expired", "suspended", "revoked", "pending", NULL};
const char *const lp_license_sort_values[] = {"added_at", "-added_at", "expires_at", "-expires_at", "product",
                                              "-product",  "status",    "-status",    NULL};
const char *const lp_download_channel_values[] = {"stable", "beta", NULL};
const char *const lp_download_platform_values[] = {"linux", "windows", "macos", "any", NULL};
const char *const lp_token_scope_values[] = {"read", "read_write", NULL};

const char *lp_license_status_name(lp_license_status status)
{
    if ((unsigned)status < LP_LICENSE_STATUS_COUNT)
        return license_status_names[status];
    return "unknown";
}

bool lp_license_status_from_name(const char *name, lp_license_status *out)
{
    if (!name)
        return false;
    for (int i = 0; i < LP_LICENSE_STATUS_COUNT; i++) {
        if (strcmp(name, license_status_names[i]) == 0) {
            if (out)
                *out = (lp_license_status)i;
            return true;
        }
    }
    return false;
}

const char *lp_activation_kind_name(lp_activation_kind kind)
{
    switch (kind) {
    case LP_ACTIVATION_DEVICE:
        return "device";
    case LP_ACTIVATION_DOMAIN:
        return "domain";
    }
    return "unknown";
}

void lp_personal_token_clear(lp_personal_token *token)
{
    if (!token)
        return;
    free(token->id);
    free(token->name);
    free(token->scope);
    if (token->token) {
        explicit_bzero(token->token, strlen(token->token));
        free(token->token);
    }
    memset(token, 0, sizeof *token);
}

void lp_personal_token_page_clear(lp_personal_token_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->count; i++)
        lp_personal_token_clear(&page->items[i]);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}

void lp_owned_product_clear(lp_owned_product *product)
{
    if (!product)
        return;
    free(product->id);
    free(product->name);
    memset(product, 0, sizeof *product);
}

void lp_product_page_clear(lp_product_page *page)
{
    if (!page)
        return;
    for (size_t i = 0; i < page->count; i++)
        lp_owned_product_clear(&page->items[i]);
    free(page->items);
    free(page->next_cursor);
    memset(page, 0, sizeof *page);
}
