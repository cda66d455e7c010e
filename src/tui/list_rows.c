/* The cells of license, activation and download rows, sanitised as they are built. */
#include "tui/list_rows.h"

#include "licportal/format.h"

tui_role tui_license_status_role(lp_license_status status)
{
    switch (status) {
    case LP_LICENSE_ACTIVE:
        return TUI_ROLE_LICENSE_ACTIVE;
    case LP_LICENSE_EXPIRED:
    case LP_LICENSE_REVOKED:
        return TUI_ROLE_LICENSE_EXPIRED;
    default:
        return TUI_ROLE_LICENSE_OTHER;
    }
}

void tui_license_row(const void *item, tui_clean_row *row)
{
    const lp_license_summary *l = item;
    char expires[64];
    lp_format_date(l->expires_at, expires, sizeof expires);
    const char *texts[] = {l->key_masked, l->product.name, l->edition ? l->edition : "-",
                           lp_license_status_name(l->status),
                           l->expires_at == LP_TIME_NONE ? "never" : expires};
    const tui_role roles[] = {TUI_ROLE_NORMAL, TUI_ROLE_NORMAL, TUI_ROLE_NORMAL,
                              tui_license_status_role(l->status), TUI_ROLE_NORMAL};
    tui_clean_row_set_all(row, texts, roles, 5);
}

void tui_activation_row(const void *item, tui_clean_row *row)
{
    const lp_activation *a = item;
    char seen[64];
    lp_format_date(a->last_seen_at, seen, sizeof seen);
    tui_clean_row_set(row, 0, a->license_key_masked, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, a->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, lp_activation_kind_name(a->kind), TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 3, a->name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 4, a->platform ? a->platform : "-", TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 5, a->last_seen_at == LP_TIME_NONE ? "never" : seen,
                      TUI_ROLE_NORMAL);
}

void tui_download_row(const void *item, tui_clean_row *row)
{
    const lp_download *d = item;
    char size[64], released[64];
    lp_format_size(d->size_bytes, size, sizeof size);
    lp_format_date(d->released_at, released, sizeof released);
    tui_clean_row_set(row, 0, d->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, d->version, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, d->channel, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 3, d->platform, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 4, d->arch, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 5, size, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 6, released, TUI_ROLE_NORMAL);
}

void tui_recent_license_row(const lp_license_summary *license, tui_clean_row *row)
{
    char added[16];
    lp_format_date(license->added_at, added, sizeof added);
    tui_clean_row_set(row, 0, license->key_masked, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 1, license->product.name, TUI_ROLE_NORMAL);
    tui_clean_row_set(row, 2, lp_license_status_name(license->status),
                      tui_license_status_role(license->status));
    tui_clean_row_set(row, 3, added, TUI_ROLE_NORMAL);
}
