/* One license: every field, features, renewal options; the full key only on request. */
#include <stdio.h>
#include <stdlib.h>

#include "licportal/format.h"
#include "licportal/sanitize.h"
#include "tui/detail_lines.h"
#include "tui/views.h"
#include "tui/widgets.h"

static int line(int scroll, tui_rect main, int y, const char *label, const char *value,
                tui_role role)
{
    int row = y - scroll;
    if (row > main.y && row < main.y + main.h) {
        if (label) {
            tui_put(row, main.x + 1, 18, label, TUI_ROLE_KPI_LABEL, true);
            tui_put_server(row, main.x + 20, main.w - 21, value, role, false);
        } else {
            tui_put_server(row, main.x + 3, main.w - 4, value, role, false);
        }
    }
    return y + 1;
}

void view_license_detail_draw(const tui_state *state, tui_rect main)
{
    tui_rect banner = {main.y, main.x, 1, main.w - 1};
    if (!state->detail_loaded) {
        view_banner(state, banner, "License (loading)");
        return;
    }
    const lp_license_detail *d = &state->detail;
    const lp_license_summary *s = &d->summary;
    char title[200], product[128];
    lp_sanitize_into(s->product.name, product, sizeof product);
    snprintf(title, sizeof title, "License: %s", product);
    int lines = tui_license_detail_lines(state);
    int scroll = tui_detail_scroll_shown(state, lines);
    view_detail_banner(state, banner, title, lines, scroll);

    char added[16], expires[16], seats[64], key_hint[96], key[16];
    lp_format_date(s->added_at, added, sizeof added);
    lp_format_date(s->expires_at, expires, sizeof expires);
    lp_format_seats(s->activations_in_use, s->max_activations, seats, sizeof seats);
    view_key_of(state, TUI_ACTION_REVEAL_KEY, key, sizeof key);
    snprintf(key_hint, sizeof key_hint, "%s  (%s reveals the full key)", s->key_masked, key);

    int y = main.y + 2;
    y = line(scroll, main, y, "License key", state->revealed_key ? state->revealed_key : key_hint,
             TUI_ROLE_KPI_VALUE);
    y = line(scroll, main, y, "Product", s->product.name, TUI_ROLE_NORMAL);
    y = line(scroll, main, y, "Edition", s->edition ? s->edition : "-", TUI_ROLE_NORMAL);
    y = line(scroll, main, y, "Status", lp_license_status_name(s->status),
             view_status_role(s->status));
    y = line(scroll, main, y, "Added", added, TUI_ROLE_NORMAL);
    y = line(scroll, main, y, "Expires", s->expires_at == LP_TIME_NONE ? "never" : expires,
             TUI_ROLE_NORMAL);
    y = line(scroll, main, y, "Activations", seats, TUI_ROLE_NORMAL);
    y = line(scroll, main, y, "ID", s->id, TUI_ROLE_DIM);
    y++;
    y = line(scroll, main, y, "Features", d->feature_count ? "" : "(none)", TUI_ROLE_NORMAL);
    for (size_t i = 0; i < d->feature_count; i++)
        y = line(scroll, main, y, NULL, d->features[i], TUI_ROLE_NORMAL);
    y++;
    y = line(scroll, main, y, "Renewal",
             !d->renewable             ? "not renewable"
             : d->renewal_option_count ? ""
                                       : "(no options)",
             TUI_ROLE_NORMAL);
    for (size_t i = 0; i < d->renewal_option_count; i++) {
        const lp_renewal_option *o = &d->renewal_options[i];
        bool selected = (int)i == state->renewal_selected;
        char price[64], label[128], text[320];
        lp_format_money(&o->price, price, sizeof price);
        lp_sanitize_into(o->label, label, sizeof label);
        snprintf(text, sizeof text, "%s %s: %s for %lld months", selected ? ">" : " ", label, price,
                 (long long)o->term_months);
        y = line(scroll, main, y, NULL, text, selected ? TUI_ROLE_SELECTED : TUI_ROLE_NORMAL);
        y = line(scroll, main, y, NULL, o->checkout_url, TUI_ROLE_DIM);
    }
    if (d->renewal_option_count > 0) {
        char next[16], qr[16], copy[16], text[160];
        view_key_of(state, TUI_ACTION_NEXT_RENEWAL, next, sizeof next);
        view_key_of(state, TUI_ACTION_SHOW_QR, qr, sizeof qr);
        view_key_of(state, TUI_ACTION_COPY_URL, copy, sizeof copy);
        snprintf(text, sizeof text, "%s next option  %s QR code  %s copy URL", next, qr, copy);
        y = line(scroll, main, y, NULL, text, TUI_ROLE_DIM);
    }
}
