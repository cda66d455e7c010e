/* Every state transition of the UI: keys, clicks, results; effects come out as data. */
#include "tui/update.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"

static const char *const channel_cycle[] = {"", "stable", "beta"};
static const char *const platform_cycle[] = {"", "linux", "windows", "macos", "any"};

static const char *const status_cycle[] = {"", "active", "expired", "suspended", "revoked",
                                           "pending"};
#define STATUS_CYCLE_COUNT ((int)(sizeof status_cycle / sizeof status_cycle[0]))

static tui_effect *push_effect(tui_effects *fx, tui_effect_kind kind)
{
    if (fx->count >= TUI_MAX_EFFECTS)
        return NULL;
    tui_effect *e = &fx->items[fx->count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->expiring_within_days = -1;
    e->page = -1;
    return e;
}

/* An effect whose result comes back as an event: counted for the spinner. */
static tui_effect *start_call(tui_state *state, tui_effects *fx, tui_effect_kind kind, int *slot)
{
    tui_effect *e = push_effect(fx, kind);
    if (!e)
        return NULL;
    e->seq = state->next_seq++;
    if (slot)
        *slot = e->seq;
    state->pending++;
    return e;
}

static void set_message(tui_state *state, bool error, const char *text)
{
    lp_sanitize_into(text, state->message, sizeof state->message);
    state->message_is_error = error;
    state->dirty = true;
}

static void copy_text(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text ? text : "");
}

/* ---- fetching ---------------------------------------------------------------------- */

/* The API's key for the same order read backwards, or NULL: `status`
 * has none, so a list in that order is walked from its first page. */
static const char *reversed_sort(const char *sort)
{
    static const char *const pairs[][2] = {{"added_at", "-added_at"},
                                           {"expires_at", "-expires_at"},
                                           {"product", "-product"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (strcmp(sort, pairs[i][0]) == 0)
            return pairs[i][1];
        if (strcmp(sort, pairs[i][1]) == 0)
            return pairs[i][0];
    }
    return NULL;
}

static void fetch_list_page(tui_state *state, tui_view_id view, tui_effects *fx)
{
    tui_pager *pager = view == TUI_VIEW_LICENSES      ? &state->licenses
                       : view == TUI_VIEW_ACTIVATIONS ? &state->activations
                       : view == TUI_VIEW_DOWNLOADS   ? &state->downloads
                                                      : NULL;
    if (!pager || pager->loading_page >= 0)
        return;
    const char *cursor = NULL;
    long page = tui_pager_wanted(pager, &cursor);
    if (page < 0)
        return;
    tui_effect_kind kind = view == TUI_VIEW_LICENSES      ? TUI_FX_FETCH_LICENSES
                           : view == TUI_VIEW_ACTIVATIONS ? TUI_FX_FETCH_ACTIVATIONS
                                                          : TUI_FX_FETCH_DOWNLOADS;
    tui_effect *e = start_call(state, fx, kind, &state->seq_list);
    if (!e)
        return;
    e->page = page;
    copy_text(e->cursor, sizeof e->cursor, cursor);
    if (view == TUI_VIEW_LICENSES) {
        copy_text(e->status, sizeof e->status, state->license_filter.status);
        copy_text(e->q, sizeof e->q, state->license_filter.q);
        const char *sort = tui_license_sorts[state->license_filter.sort];
        if (pager->from_end)
            sort = reversed_sort(sort);
        copy_text(e->sort, sizeof e->sort, sort);
        e->expiring_within_days = state->license_filter.expiring_within_days;
    } else if (view == TUI_VIEW_ACTIVATIONS) {
        copy_text(e->id, sizeof e->id, state->activations_license);
    } else {
        copy_text(e->channel, sizeof e->channel, state->download_channel);
        copy_text(e->platform, sizeof e->platform, state->download_platform);
    }
    pager->loading_page = page;
    pager->loading_seq = e->seq;
}

/* Each view's data is fetched afresh on entry and on refresh. */
static void fetch_view(tui_state *state, tui_effects *fx)
{
    tui_effect *e;
    switch (state->view) {
    case TUI_VIEW_DASHBOARD:
        start_call(state, fx, TUI_FX_FETCH_DASHBOARD, &state->seq_dashboard);
        break;
    case TUI_VIEW_LICENSES:
    case TUI_VIEW_ACTIVATIONS:
    case TUI_VIEW_DOWNLOADS: {
        tui_pager *pager = tui_state_pager(state);
        tui_pager_reset(pager);
        fetch_list_page(state, state->view, fx);
        break;
    }
    case TUI_VIEW_LICENSE_DETAIL:
        e = start_call(state, fx, TUI_FX_FETCH_LICENSE, &state->seq_detail);
        if (e)
            copy_text(e->id, sizeof e->id, state->detail_id);
        break;
    case TUI_VIEW_DOWNLOAD_DETAIL:
        /* The detail is the list item already held: nothing to fetch. */
        break;
    }
    state->dirty = true;
}

static void enter_view(tui_state *state, tui_view_id view, bool remember, tui_effects *fx)
{
    if (remember && state->view != view) {
        int max = (int)(sizeof state->back_stack / sizeof state->back_stack[0]);
        if (state->back_depth == max) {
            memmove(state->back_stack, state->back_stack + 1,
                    (size_t)(max - 1) * sizeof state->back_stack[0]);
            state->back_depth--;
        }
        state->back_stack[state->back_depth++] = state->view;
    }
    state->view = view;
    state->focus_sidebar = false;
    state->message[0] = '\0';
    for (int i = 0; i < TUI_SIDEBAR_ENTRIES; i++)
        if (tui_sidebar_view(i) == view)
            state->sidebar_selected = i;
    if (view == TUI_VIEW_LICENSE_DETAIL) {
        state->detail_loaded = false;
        state->detail_scroll = 0;
        state->renewal_selected = 0;
        lp_license_detail_clear(&state->detail);
        if (state->revealed_key) {
            memset(state->revealed_key, 0, strlen(state->revealed_key));
            free(state->revealed_key);
            state->revealed_key = NULL;
        }
    }
    fetch_view(state, fx);
}

static void open_licenses(tui_state *state, const char *status, int expiring_days,
                          tui_effects *fx)
{
    memset(&state->license_filter, 0, sizeof state->license_filter);
    copy_text(state->license_filter.status, sizeof state->license_filter.status, status);
    state->license_filter.expiring_within_days = expiring_days;
    enter_view(state, TUI_VIEW_LICENSES, true, fx);
}

static void open_activations(tui_state *state, const char *license_id, tui_effects *fx)
{
    copy_text(state->activations_license, sizeof state->activations_license, license_id);
    enter_view(state, TUI_VIEW_ACTIVATIONS, true, fx);
}

static void open_license_detail(tui_state *state, const char *license_id, tui_effects *fx)
{
    if (!license_id)
        return;
    copy_text(state->detail_id, sizeof state->detail_id, license_id);
    enter_view(state, TUI_VIEW_LICENSE_DETAIL, true, fx);
}

static void go_to_login(tui_state *state, const char *why)
{
    state->screen = TUI_SCREEN_LOGIN;
    state->modal = TUI_MODAL_NONE;
    state->view = TUI_VIEW_DASHBOARD;
    state->back_depth = 0;
    state->dashboard_loaded = false;
    lp_dashboard_clear(&state->dashboard);
    tui_pager_reset(&state->licenses);
    tui_pager_reset(&state->activations);
    tui_pager_reset(&state->downloads);
    state->login.otp_needed = false;
    state->login.otp[0] = '\0';
    state->login.field = state->login.email[0] ? TUI_FIELD_PASSWORD : TUI_FIELD_EMAIL;
    copy_text(state->login.message, sizeof state->login.message, why);
    state->dirty = true;
}

/* ---- the dashboard ----------------------------------------------------------------- */

static int dashboard_item_count(const tui_state *state)
{
    size_t recent = state->dashboard_loaded ? state->dashboard.recent_count : 0;
    return TUI_KPI_COUNT + TUI_QUICK_COUNT + (int)recent;
}

static void open_dashboard_item(tui_state *state, int item, tui_effects *fx)
{
    if (item < TUI_KPI_COUNT) {
        switch ((tui_kpi)item) {
        case TUI_KPI_TOTAL:
            open_licenses(state, "", -1, fx);
            break;
        case TUI_KPI_ACTIVE:
            open_licenses(state, "active", -1, fx);
            break;
        case TUI_KPI_ACTIVATIONS:
            open_activations(state, "", fx);
            break;
        case TUI_KPI_EXPIRING: {
            int window = state->dashboard_loaded
                             ? (int)state->dashboard.kpis.expiring_window_days
                             : 30;
            open_licenses(state, "active", window > 0 ? window : 30, fx);
            break;
        }
        }
        return;
    }
    item -= TUI_KPI_COUNT;
    if (item < TUI_QUICK_COUNT) {
        if (item == 0)
            open_licenses(state, "", -1, fx);
        else if (item == 1)
            open_activations(state, "", fx);
        else
            enter_view(state, TUI_VIEW_DOWNLOADS, true, fx);
        return;
    }
    item -= TUI_QUICK_COUNT;
    if (state->dashboard_loaded && (size_t)item < state->dashboard.recent_count)
        open_license_detail(state, state->dashboard.recent[item].id, fx);
}

/* ---- moving ------------------------------------------------------------------------ */

static void move_selection(tui_state *state, long delta, tui_effects *fx)
{
    if (state->focus_sidebar) {
        int next = state->sidebar_selected + (int)delta;
        if (next < 0)
            next = 0;
        if (next >= TUI_SIDEBAR_ENTRIES)
            next = TUI_SIDEBAR_ENTRIES - 1;
        state->sidebar_selected = next;
        state->dirty = true;
        return;
    }
    switch (state->view) {
    case TUI_VIEW_DASHBOARD: {
        int count = dashboard_item_count(state);
        long next = state->dashboard_selected + delta;
        if (next < 0)
            next = 0;
        if (next >= count)
            next = count - 1;
        state->dashboard_selected = (int)next;
        break;
    }
    case TUI_VIEW_LICENSES:
    case TUI_VIEW_ACTIVATIONS:
    case TUI_VIEW_DOWNLOADS:
        tui_pager_move(tui_state_pager(state), delta, tui_state_list_rows(state));
        fetch_list_page(state, state->view, fx);
        break;
    case TUI_VIEW_LICENSE_DETAIL:
    case TUI_VIEW_DOWNLOAD_DETAIL:
        state->detail_scroll += (int)delta;
        if (state->detail_scroll < 0)
            state->detail_scroll = 0;
        break;
    }
    state->dirty = true;
}

static void move_to_end(tui_state *state, bool last, tui_effects *fx)
{
    tui_pager *pager = tui_state_pager(state);
    if (state->focus_sidebar) {
        state->sidebar_selected = last ? TUI_SIDEBAR_ENTRIES - 1 : 0;
    } else if (pager) {
        int visible = tui_state_list_rows(state);
        long count = tui_pager_count(pager);
        bool reversible = state->view == TUI_VIEW_LICENSES &&
                          reversed_sort(tui_license_sorts[state->license_filter.sort]);
        if (last && reversible && count > 0 && !tui_pager_item(pager, count - 1))
            tui_pager_anchor_end(pager, visible);
        else if (!last && pager->from_end && !tui_pager_item(pager, 0))
            tui_pager_anchor_start(pager);
        else
            tui_pager_select(pager, last ? count - 1 : 0, visible);
        fetch_list_page(state, state->view, fx);
    } else if (state->view == TUI_VIEW_DASHBOARD) {
        state->dashboard_selected = last ? dashboard_item_count(state) - 1 : 0;
    } else {
        state->detail_scroll = last ? 1 << 20 : 0;
    }
    state->dirty = true;
}

static void open_selected(tui_state *state, tui_effects *fx)
{
    if (state->focus_sidebar) {
        enter_view(state, tui_sidebar_view(state->sidebar_selected), true, fx);
        return;
    }
    switch (state->view) {
    case TUI_VIEW_DASHBOARD:
        open_dashboard_item(state, state->dashboard_selected, fx);
        break;
    case TUI_VIEW_LICENSES: {
        lp_license_summary *license = tui_pager_item(&state->licenses, state->licenses.selected);
        if (license)
            open_license_detail(state, license->id, fx);
        break;
    }
    case TUI_VIEW_ACTIVATIONS: {
        lp_activation *activation =
            tui_pager_item(&state->activations, state->activations.selected);
        if (activation)
            open_license_detail(state, activation->license_id, fx);
        break;
    }
    case TUI_VIEW_DOWNLOADS: {
        lp_download *download = tui_pager_item(&state->downloads, state->downloads.selected);
        if (!download)
            break;
        lp_download_clear(&state->download_detail);
        /* A deep copy through the fields that the detail shows. */
        lp_download *d = &state->download_detail;
        *d = *download;
        d->id = strdup(download->id ? download->id : "");
        d->product.id = strdup(download->product.id ? download->product.id : "");
        d->product.name = strdup(download->product.name ? download->product.name : "");
        d->version = strdup(download->version ? download->version : "");
        d->channel = strdup(download->channel ? download->channel : "");
        d->platform = strdup(download->platform ? download->platform : "");
        d->arch = strdup(download->arch ? download->arch : "");
        d->filename = strdup(download->filename ? download->filename : "");
        d->release_notes = download->release_notes ? strdup(download->release_notes) : NULL;
        state->download_detail_loaded = true;
        state->detail_scroll = 0;
        enter_view(state, TUI_VIEW_DOWNLOAD_DETAIL, true, fx);
        break;
    }
    case TUI_VIEW_LICENSE_DETAIL:
        break;
    case TUI_VIEW_DOWNLOAD_DETAIL:
        tui_run_action(state, TUI_ACTION_START_DOWNLOAD, fx);
        break;
    }
}

static void go_back(tui_state *state, tui_effects *fx)
{
    if (state->pending > 0) {
        push_effect(fx, TUI_FX_CANCEL_REQUESTS);
        set_message(state, false, "Cancelled.");
        return;
    }
    if (state->focus_sidebar) {
        state->focus_sidebar = false;
        state->dirty = true;
        return;
    }
    if (state->back_depth > 0) {
        tui_view_id previous = state->back_stack[--state->back_depth];
        enter_view(state, previous, false, fx);
    }
}

static void cycle_status(tui_state *state, tui_effects *fx)
{
    int index = 0;
    for (int i = 0; i < STATUS_CYCLE_COUNT; i++)
        if (strcmp(status_cycle[i], state->license_filter.status) == 0)
            index = i;
    index = (index + 1) % STATUS_CYCLE_COUNT;
    copy_text(state->license_filter.status, sizeof state->license_filter.status,
              status_cycle[index]);
    state->license_filter.expiring_within_days = -1;
    fetch_view(state, fx);
}

const lp_renewal_option *tui_selected_renewal(const tui_state *state)
{
    if (state->view != TUI_VIEW_LICENSE_DETAIL || !state->detail_loaded ||
        state->detail.renewal_option_count == 0)
        return NULL;
    int index = state->renewal_selected;
    if (index < 0 || (size_t)index >= state->detail.renewal_option_count)
        index = 0;
    return &state->detail.renewal_options[index];
}

static void copy_to_clipboard(tui_state *state, tui_effects *fx, const char *text,
                              const char *done)
{
    tui_effect *e = push_effect(fx, TUI_FX_COPY);
    if (!e)
        return;
    lp_sanitize_into(text, e->text, sizeof e->text);
    set_message(state, false, done);
}

/* The value after `current` in `cycle` (the first when it is not there). */
static void cycle_value(char *current, size_t size, const char *const *cycle, int count)
{
    int index = 0;
    for (int i = 0; i < count; i++)
        if (strcmp(cycle[i], current) == 0)
            index = i;
    copy_text(current, size, cycle[(index + 1) % count]);
}

static void ask_deactivate(tui_state *state)
{
    lp_activation *a = tui_pager_item(&state->activations, state->activations.selected);
    if (!a)
        return;
    char name[128], product[128];
    lp_sanitize_into(a->name, name, sizeof name);
    lp_sanitize_into(a->product.name, product, sizeof product);
    copy_text(state->confirm_id, sizeof state->confirm_id, a->id);
    snprintf(state->confirm_label, sizeof state->confirm_label, "%s %.120s (%.120s)",
             a->kind == LP_ACTIVATION_DOMAIN ? "domain" : "device", name, product);
    state->confirm_row = state->activations.selected;
    state->modal = TUI_MODAL_CONFIRM_DEACTIVATE;
    state->dirty = true;
}

void tui_run_action(tui_state *state, tui_action action, tui_effects *fx)
{
    int page = tui_state_list_rows(state);
    switch (action) {
    case TUI_ACTION_NONE:
    case TUI_ACTION_COUNT:
        return;
    case TUI_ACTION_UP:
        move_selection(state, -1, fx);
        break;
    case TUI_ACTION_DOWN:
        move_selection(state, 1, fx);
        break;
    case TUI_ACTION_LEFT:
        if (!state->focus_sidebar && state->view != TUI_VIEW_DASHBOARD &&
            state->layout.sidebar_shown) {
            state->focus_sidebar = true;
            state->dirty = true;
        } else if (!state->focus_sidebar) {
            move_selection(state, -1, fx);
        }
        break;
    case TUI_ACTION_RIGHT:
        if (state->focus_sidebar) {
            state->focus_sidebar = false;
            state->dirty = true;
        } else if (state->view == TUI_VIEW_DASHBOARD) {
            move_selection(state, 1, fx);
        }
        break;
    case TUI_ACTION_PAGE_UP:
        move_selection(state, -page, fx);
        break;
    case TUI_ACTION_PAGE_DOWN:
        move_selection(state, page, fx);
        break;
    case TUI_ACTION_FIRST:
        move_to_end(state, false, fx);
        break;
    case TUI_ACTION_LAST:
        move_to_end(state, true, fx);
        break;
    case TUI_ACTION_OPEN:
        open_selected(state, fx);
        break;
    case TUI_ACTION_BACK:
        go_back(state, fx);
        break;
    case TUI_ACTION_NEXT_PANEL:
    case TUI_ACTION_PREV_PANEL:
        if (state->layout.sidebar_shown) {
            state->focus_sidebar = !state->focus_sidebar;
        } else if (state->view == TUI_VIEW_DASHBOARD) {
            /* No sidebar to go to: jump between the dashboard's panels. */
            int s = state->dashboard_selected;
            int starts[] = {0, TUI_KPI_COUNT, TUI_KPI_COUNT + TUI_QUICK_COUNT};
            int group = s < starts[1] ? 0 : s < starts[2] ? 1 : 2;
            group = (group + (action == TUI_ACTION_NEXT_PANEL ? 1 : 2)) % 3;
            if (starts[group] >= dashboard_item_count(state))
                group = 0;
            state->dashboard_selected = starts[group];
        }
        state->dirty = true;
        break;
    case TUI_ACTION_REFRESH:
        if (state->view == TUI_VIEW_LICENSE_DETAIL) {
            state->detail_loaded = false;
            lp_license_detail_clear(&state->detail);
        }
        fetch_view(state, fx);
        break;
    case TUI_ACTION_HELP:
        state->modal = TUI_MODAL_HELP;
        state->help_scroll = 0;
        state->dirty = true;
        break;
    case TUI_ACTION_PROMPT:
        state->modal = TUI_MODAL_PROMPT;
        state->prompt[0] = '\0';
        state->dirty = true;
        break;
    case TUI_ACTION_QUIT:
        if (state->download_running) {
            state->modal = TUI_MODAL_CONFIRM_QUIT;
            state->dirty = true;
        } else {
            state->quit = true;
        }
        break;
    case TUI_ACTION_GO_DASHBOARD:
        enter_view(state, TUI_VIEW_DASHBOARD, true, fx);
        break;
    case TUI_ACTION_GO_LICENSES:
    case TUI_ACTION_QUICK_LICENSES:
        open_licenses(state, "", -1, fx);
        break;
    case TUI_ACTION_GO_ACTIVATIONS:
    case TUI_ACTION_QUICK_ACTIVATIONS:
        open_activations(state, "", fx);
        break;
    case TUI_ACTION_GO_DOWNLOADS:
    case TUI_ACTION_QUICK_DOWNLOADS:
        enter_view(state, TUI_VIEW_DOWNLOADS, true, fx);
        break;
    case TUI_ACTION_FILTER:
        if (state->view != TUI_VIEW_LICENSES)
            break;
        state->modal = TUI_MODAL_FILTER;
        copy_text(state->prompt, sizeof state->prompt, state->license_filter.q);
        state->dirty = true;
        break;
    case TUI_ACTION_STATUS_FILTER:
        if (state->view == TUI_VIEW_LICENSES)
            cycle_status(state, fx);
        break;
    case TUI_ACTION_SORT:
        if (state->view != TUI_VIEW_LICENSES)
            break;
        state->license_filter.sort = (state->license_filter.sort + 1) % tui_license_sort_count;
        fetch_view(state, fx);
        break;
    case TUI_ACTION_CLEAR_FILTERS:
        if (state->view != TUI_VIEW_LICENSES)
            break;
        memset(&state->license_filter, 0, sizeof state->license_filter);
        state->license_filter.expiring_within_days = -1;
        fetch_view(state, fx);
        break;
    case TUI_ACTION_REVEAL_KEY:
        if (state->view == TUI_VIEW_LICENSE_DETAIL && state->detail_loaded) {
            tui_effect *e = start_call(state, fx, TUI_FX_REVEAL_KEY, &state->seq_mutation);
            if (e)
                copy_text(e->id, sizeof e->id, state->detail_id);
        }
        break;
    case TUI_ACTION_NEXT_RENEWAL:
        if (state->view == TUI_VIEW_LICENSE_DETAIL && state->detail.renewal_option_count > 0) {
            state->renewal_selected =
                (state->renewal_selected + 1) % (int)state->detail.renewal_option_count;
            state->dirty = true;
        }
        break;
    case TUI_ACTION_SHOW_QR:
        if (tui_selected_renewal(state)) {
            state->modal = TUI_MODAL_QR;
            state->dirty = true;
        }
        break;
    case TUI_ACTION_COPY_URL: {
        const lp_renewal_option *option = tui_selected_renewal(state);
        if (option)
            copy_to_clipboard(state, fx, option->checkout_url, "Checkout URL copied.");
        break;
    }
    case TUI_ACTION_COPY_KEY:
        if (state->view != TUI_VIEW_LICENSE_DETAIL)
            break;
        if (state->revealed_key) {
            copy_to_clipboard(state, fx, state->revealed_key, "License key copied.");
        } else {
            char key[16], text[96];
            tui_key_name(state->keymap.key_count[TUI_ACTION_REVEAL_KEY]
                             ? state->keymap.keys[TUI_ACTION_REVEAL_KEY][0]
                             : 'v',
                         key, sizeof key);
            snprintf(text, sizeof text, "Reveal the key first (%s).", key);
            set_message(state, true, text);
        }
        break;
    case TUI_ACTION_LICENSE_ACTIVATIONS:
        if (state->view == TUI_VIEW_LICENSE_DETAIL)
            open_activations(state, state->detail_id, fx);
        break;
    case TUI_ACTION_CHANNEL_FILTER:
        if (state->view != TUI_VIEW_DOWNLOADS)
            break;
        cycle_value(state->download_channel, sizeof state->download_channel, channel_cycle,
                    (int)(sizeof channel_cycle / sizeof channel_cycle[0]));
        fetch_view(state, fx);
        break;
    case TUI_ACTION_PLATFORM_FILTER:
        if (state->view != TUI_VIEW_DOWNLOADS)
            break;
        cycle_value(state->download_platform, sizeof state->download_platform, platform_cycle,
                    (int)(sizeof platform_cycle / sizeof platform_cycle[0]));
        fetch_view(state, fx);
        break;
    case TUI_ACTION_DEACTIVATE:
        if (state->view == TUI_VIEW_ACTIVATIONS)
            ask_deactivate(state);
        break;
    case TUI_ACTION_START_DOWNLOAD:
        if (state->view == TUI_VIEW_DOWNLOAD_DETAIL && state->download_detail_loaded &&
            !state->download_running) {
            tui_effect *e = push_effect(fx, TUI_FX_START_DOWNLOAD);
            if (e) {
                copy_text(e->id, sizeof e->id, state->download_detail.id);
                state->download_running = true;
                memset(&state->download_progress, 0, sizeof state->download_progress);
                state->download_progress.total = state->download_detail.size_bytes;
                state->download_progress.eta_seconds = -1;
                set_message(state, false, "Downloading...");
            }
        }
        break;
    }
}

/* ---- text input -------------------------------------------------------------------- */

static void append_code_point(char *buf, size_t size, int cp)
{
    char utf8[8];
    tui_key_name(cp, utf8, sizeof utf8);
    if (cp == ' ')
        snprintf(utf8, sizeof utf8, " ");
    size_t len = strlen(buf);
    if (len + strlen(utf8) + 1 <= size)
        memcpy(buf + len, utf8, strlen(utf8) + 1);
}

static void delete_last_char(char *buf)
{
    size_t len = strlen(buf);
    while (len > 0) {
        len--;
        if (((unsigned char)buf[len] & 0xC0) != 0x80)
            break;
    }
    buf[len] = '\0';
}

static bool is_text_key(int key)
{
    return key >= ' ' && key < TUI_KEY_UP && key != 0x7F;
}

static char *login_field_text(tui_login *login, size_t *size)
{
    switch (login->field) {
    case TUI_FIELD_EMAIL:
        *size = sizeof login->email;
        return login->email;
    case TUI_FIELD_PASSWORD:
        *size = sizeof login->password;
        return login->password;
    case TUI_FIELD_OTP:
        *size = sizeof login->otp;
        return login->otp;
    case TUI_FIELD_REMEMBER:
        break;
    }
    *size = 0;
    return NULL;
}

static void login_move_field(tui_login *login, int delta)
{
    tui_login_field order[4];
    int n = 0;
    order[n++] = TUI_FIELD_EMAIL;
    order[n++] = TUI_FIELD_PASSWORD;
    if (login->otp_needed)
        order[n++] = TUI_FIELD_OTP;
    if (login->offer_remember)
        order[n++] = TUI_FIELD_REMEMBER;
    int at = 0;
    for (int i = 0; i < n; i++)
        if (order[i] == login->field)
            at = i;
    login->field = order[(at + delta + n) % n];
}

static void submit_login(tui_state *state, tui_effects *fx)
{
    tui_login *login = &state->login;
    if (!login->email[0] || !login->password[0]) {
        copy_text(login->message, sizeof login->message,
                  "Enter your email and password, then press Enter.");
        login->field = login->email[0] ? TUI_FIELD_PASSWORD : TUI_FIELD_EMAIL;
        return;
    }
    if (login->otp_needed && !login->otp[0]) {
        copy_text(login->message, sizeof login->message, "Enter the one-time code.");
        login->field = TUI_FIELD_OTP;
        return;
    }
    tui_effect *e = start_call(state, fx, TUI_FX_LOGIN, &state->seq_login);
    if (!e)
        return;
    copy_text(e->email, sizeof e->email, login->email);
    copy_text(e->password, sizeof e->password, login->password);
    copy_text(e->otp, sizeof e->otp, login->otp_needed ? login->otp : "");
    e->remember_in_file = login->offer_remember && login->remember_in_file;
    copy_text(login->message, sizeof login->message, "Logging in...");
}

static void login_key(tui_state *state, int key, tui_effects *fx)
{
    tui_login *login = &state->login;
    state->dirty = true;
    if (key == 3) { /* Ctrl-C */
        state->quit = true;
        return;
    }
    if (key == TUI_KEY_ESC) {
        if (state->pending > 0) {
            push_effect(fx, TUI_FX_CANCEL_REQUESTS);
            copy_text(login->message, sizeof login->message, "Cancelled.");
        } else {
            state->quit = true;
        }
        return;
    }
    if (key == TUI_KEY_TAB || key == TUI_KEY_DOWN) {
        login_move_field(login, 1);
        return;
    }
    if (key == TUI_KEY_BTAB || key == TUI_KEY_UP) {
        login_move_field(login, -1);
        return;
    }
    if (key == TUI_KEY_ENTER) {
        if (state->pending == 0)
            submit_login(state, fx);
        return;
    }
    if (login->field == TUI_FIELD_REMEMBER) {
        if (key == ' ' || key == 'x' || key == TUI_KEY_LEFT || key == TUI_KEY_RIGHT)
            login->remember_in_file = !login->remember_in_file;
        return;
    }
    size_t size;
    char *text = login_field_text(login, &size);
    if (!text)
        return;
    if (key == TUI_KEY_BACKSPACE) {
        delete_last_char(text);
    } else if (key == 21) { /* Ctrl-U clears the field, as in a shell */
        memset(text, 0, size);
    } else if (is_text_key(key)) {
        if (login->field == TUI_FIELD_OTP && (key < '0' || key > '9'))
            return;
        append_code_point(text, size, key);
    }
}

static void line_input_key(tui_state *state, int key, tui_effects *fx)
{
    state->dirty = true;
    if (key == TUI_KEY_ESC || key == 3) {
        state->modal = TUI_MODAL_NONE;
        return;
    }
    if (key == TUI_KEY_BACKSPACE) {
        delete_last_char(state->prompt);
        return;
    }
    if (key == TUI_KEY_ENTER) {
        tui_modal modal = state->modal;
        state->modal = TUI_MODAL_NONE;
        if (modal == TUI_MODAL_FILTER) {
            copy_text(state->license_filter.q, sizeof state->license_filter.q, state->prompt);
            fetch_view(state, fx);
        } else {
            tui_action action = tui_action_by_name(state->prompt);
            if (action == TUI_ACTION_NONE) {
                char text[200];
                snprintf(text, sizeof text, "No action named \"%.100s\" (? lists them).",
                         state->prompt);
                set_message(state, true, text);
            } else {
                tui_run_action(state, action, fx);
            }
        }
        return;
    }
    if (is_text_key(key))
        append_code_point(state->prompt, sizeof state->prompt, key);
}

static void confirm_key(tui_state *state, int key, tui_effects *fx)
{
    state->dirty = true;
    bool yes = key == 'y' || key == 'Y';
    bool no = key == 'n' || key == 'N' || key == TUI_KEY_ESC || key == 'q';
    if (!yes && !no)
        return;
    tui_modal modal = state->modal;
    state->modal = TUI_MODAL_NONE;
    if (!yes)
        return;
    if (modal == TUI_MODAL_CONFIRM_QUIT) {
        push_effect(fx, TUI_FX_CANCEL_DOWNLOAD);
        state->quit = true;
    } else if (modal == TUI_MODAL_CONFIRM_DEACTIVATE) {
        tui_effect *e = start_call(state, fx, TUI_FX_DEACTIVATE, &state->seq_mutation);
        if (e)
            copy_text(e->id, sizeof e->id, state->confirm_id);
        set_message(state, false, "Deactivating...");
    }
}

static void handle_key(tui_state *state, int key, tui_effects *fx)
{
    if (state->layout.too_small) {
        /* Nothing can be seen to act on: only leaving works. */
        if (tui_keymap_lookup(&state->keymap, TUI_SCOPE_GLOBAL, key) == TUI_ACTION_QUIT)
            state->quit = true;
        return;
    }
    if (state->screen == TUI_SCREEN_LOGIN) {
        login_key(state, key, fx);
        return;
    }
    switch (state->modal) {
    case TUI_MODAL_HELP: {
        tui_action a = tui_keymap_lookup(&state->keymap, TUI_SCOPE_GLOBAL, key);
        if (a == TUI_ACTION_DOWN || a == TUI_ACTION_PAGE_DOWN)
            state->help_scroll += a == TUI_ACTION_DOWN ? 1 : 10;
        else if (a == TUI_ACTION_UP || a == TUI_ACTION_PAGE_UP)
            state->help_scroll -= a == TUI_ACTION_UP ? 1 : 10;
        else
            state->modal = TUI_MODAL_NONE;
        if (state->help_scroll < 0)
            state->help_scroll = 0;
        if (state->help_scroll > TUI_ACTION_COUNT)
            state->help_scroll = TUI_ACTION_COUNT;
        state->dirty = true;
        return;
    }
    case TUI_MODAL_QR:
        state->modal = TUI_MODAL_NONE;
        state->dirty = true;
        return;
    case TUI_MODAL_PROMPT:
    case TUI_MODAL_FILTER:
        line_input_key(state, key, fx);
        return;
    case TUI_MODAL_CONFIRM_DEACTIVATE:
    case TUI_MODAL_CONFIRM_QUIT:
        confirm_key(state, key, fx);
        return;
    case TUI_MODAL_NONE:
        break;
    }
    if (state->message[0]) {
        state->message[0] = '\0';
        state->dirty = true;
    }
    tui_scope scope = state->focus_sidebar ? TUI_SCOPE_GLOBAL : tui_state_scope(state);
    tui_run_action(state, tui_keymap_lookup(&state->keymap, scope, key), fx);
}

/* ---- clicks ------------------------------------------------------------------------ */

static void handle_click(tui_state *state, int y, int x, tui_effects *fx)
{
    const tui_layout *l = &state->layout;
    if (l->too_small || state->screen != TUI_SCREEN_MAIN)
        return;
    if (state->modal == TUI_MODAL_HELP || state->modal == TUI_MODAL_QR) {
        state->modal = TUI_MODAL_NONE;
        state->dirty = true;
        return;
    }
    if (state->modal != TUI_MODAL_NONE)
        return;
    if (l->sidebar_shown && tui_rect_contains(l->sidebar, y, x)) {
        int entry = y - l->sidebar.y - 1; /* entries start below a blank line */
        if (entry >= 0 && entry < TUI_SIDEBAR_ENTRIES) {
            state->sidebar_selected = entry;
            enter_view(state, tui_sidebar_view(entry), true, fx);
        }
        return;
    }
    if (!tui_rect_contains(l->main, y, x))
        return;
    state->focus_sidebar = false;
    if (state->view == TUI_VIEW_DASHBOARD) {
        tui_dashboard_geometry g = tui_dashboard_geometry_compute(l->main);
        int item = -1;
        for (int i = 0; i < TUI_KPI_COUNT; i++)
            if (tui_rect_contains(g.kpi[i], y, x))
                item = i;
        for (int i = 0; i < TUI_QUICK_COUNT; i++)
            if (tui_rect_contains(g.quick[i], y, x))
                item = TUI_KPI_COUNT + i;
        for (int i = 0; i < TUI_RECENT_ROWS; i++)
            if (tui_rect_contains(g.recent[i], y, x))
                item = TUI_KPI_COUNT + TUI_QUICK_COUNT + i;
        if (item >= 0 && item < dashboard_item_count(state)) {
            state->dashboard_selected = item;
            open_dashboard_item(state, item, fx);
        }
        state->dirty = true;
        return;
    }
    tui_pager *pager = tui_state_pager(state);
    if (pager) {
        tui_list_geometry g = tui_list_geometry_compute(l->main);
        if (!tui_rect_contains(g.rows, y, x))
            return;
        long row = pager->top + (y - g.rows.y);
        if (row >= tui_pager_count(pager))
            return;
        bool again = row == pager->selected;
        tui_pager_select(pager, row, g.rows.h);
        state->dirty = true;
        if (again)
            open_selected(state, fx);
    }
}

/* ---- results ----------------------------------------------------------------------- */

static void call_failed(tui_state *state, const tui_event *ev)
{
    const char *text = ev->error && ev->error->message[0] ? ev->error->message : "Request failed.";
    if (ev->status == LP_ERR_AUTH) {
        go_to_login(state, "Your session has ended or was refused: please log in again.");
        return;
    }
    if (ev->status == LP_ERR_CANCELLED) {
        set_message(state, false, "Cancelled.");
        return;
    }
    set_message(state, true, text);
}

static void login_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    tui_login *login = &state->login;
    if (ev->status == LP_OK) {
        memset(login->password, 0, sizeof login->password);
        memset(login->otp, 0, sizeof login->otp);
        login->otp_needed = false;
        login->message[0] = '\0';
        if (ev->result)
            tui_state_set_user(state, ev->result->as.tokens.user.name,
                               ev->result->as.tokens.user.email);
        if (login->offer_remember && login->remember_in_file) {
            push_effect(fx, TUI_FX_REMEMBER_IN_FILE);
            login->offer_remember = false;
        }
        tui_effect *learn = push_effect(fx, TUI_FX_LEARN_LOGIN);
        if (learn)
            snprintf(learn->email, sizeof learn->email, "%s", login->email);
        state->screen = TUI_SCREEN_MAIN;
        state->back_depth = 0;
        state->view = TUI_VIEW_DASHBOARD;
        enter_view(state, TUI_VIEW_DASHBOARD, false, fx);
        return;
    }
    const char *why = ev->error ? ev->error->message : "";
    char text[sizeof login->message];
    /* Only a code is missing: keep the password for the second try. */
    bool keep_password = ev->status == LP_ERR_OTP_REQUIRED || ev->status == LP_ERR_OTP_INVALID;
    if (!keep_password)
        memset(login->password, 0, sizeof login->password);
    switch (ev->status) {
    case LP_ERR_OTP_REQUIRED:
        login->otp_needed = true;
        login->field = TUI_FIELD_OTP;
        snprintf(text, sizeof text,
                 "Two-factor authentication is on: enter the one-time code.");
        break;
    case LP_ERR_OTP_INVALID:
        login->otp[0] = '\0';
        login->field = TUI_FIELD_OTP;
        snprintf(text, sizeof text, "That one-time code was not accepted: try the current one.");
        break;
    case LP_ERR_CREDENTIALS:
        login->field = TUI_FIELD_PASSWORD;
        snprintf(text, sizeof text, "Wrong email or password.");
        break;
    case LP_ERR_RATE_LIMITED:
        if (ev->error && ev->error->retry_after > 0)
            snprintf(text, sizeof text, "Too many attempts: try again in %ld s.",
                     ev->error->retry_after);
        else
            snprintf(text, sizeof text, "Too many attempts: wait a moment and try again.");
        break;
    case LP_ERR_NETWORK:
    case LP_ERR_TLS:
        snprintf(text, sizeof text, "Cannot reach %.100s: %.180s", state->server, why);
        break;
    case LP_ERR_CANCELLED:
        snprintf(text, sizeof text, "Cancelled.");
        break;
    default:
        snprintf(text, sizeof text, "%.300s", why[0] ? why : "Login failed.");
        break;
    }
    lp_sanitize_into(text, login->message, sizeof login->message);
}

static void dashboard_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (ev->status == LP_OK && ev->result) {
        lp_dashboard_clear(&state->dashboard);
        state->dashboard = ev->result->as.dashboard;
        memset(&ev->result->as.dashboard, 0, sizeof ev->result->as.dashboard);
        tui_state_build_recent_rows(state);
        state->dashboard_loaded = true;
        state->offline = false;
        state->last_refresh = ev->now;
        int count = dashboard_item_count(state);
        if (state->dashboard_selected >= count)
            state->dashboard_selected = count - 1;
        push_effect(fx, TUI_FX_SAVE_SNAPSHOT);
        state->dirty = true;
        return;
    }
    if (ev->status == LP_ERR_NETWORK || ev->status == LP_ERR_TLS) {
        push_effect(fx, TUI_FX_LOAD_SNAPSHOT);
    }
    call_failed(state, ev);
}

/* True when a list result changed nothing on screen but the bars: the page
 * is for rows that are not shown and every shown row stays as drawn. */
static bool list_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    tui_view_id view = ev->call_kind == LP_CALL_LICENSES      ? TUI_VIEW_LICENSES
                       : ev->call_kind == LP_CALL_ACTIVATIONS ? TUI_VIEW_ACTIVATIONS
                                                              : TUI_VIEW_DOWNLOADS;
    tui_pager *pager = view == TUI_VIEW_LICENSES      ? &state->licenses
                       : view == TUI_VIEW_ACTIVATIONS ? &state->activations
                                                      : &state->downloads;
    if (pager->loading_seq != ev->seq)
        return false; /* a page asked for before a reset */
    long page = pager->loading_page;
    pager->loading_page = -1;
    if (ev->status != LP_OK || !ev->result) {
        call_failed(state, ev);
        return false;
    }
    lp_result *r = ev->result;
    void *items;
    size_t count;
    const char *next;
    long total;
    if (view == TUI_VIEW_LICENSES) {
        items = r->as.licenses.items;
        count = r->as.licenses.count;
        next = r->as.licenses.next_cursor;
        total = (long)r->as.licenses.total;
        r->as.licenses.items = NULL;
        r->as.licenses.count = 0;
    } else if (view == TUI_VIEW_ACTIVATIONS) {
        items = r->as.activations.items;
        count = r->as.activations.count;
        next = r->as.activations.next_cursor;
        total = (long)r->as.activations.total;
        r->as.activations.items = NULL;
        r->as.activations.count = 0;
    } else {
        items = r->as.downloads.items;
        count = r->as.downloads.count;
        next = r->as.downloads.next_cursor;
        total = (long)r->as.downloads.total;
        r->as.downloads.items = NULL;
        r->as.downloads.count = 0;
    }
    /* Shown rows stay as drawn when they all come from other loaded pages,
     * before and after (the page that makes room is never a shown one, but
     * that is checked, not assumed). */
    bool shown = state->view == view;
    long top = pager->top, selected = pager->selected, known = pager->total;
    int rows = tui_state_list_rows(state);
    bool kept = !shown || (known > 0 && tui_pager_rows_loaded_apart_from(pager, top, rows,
                                                                         (size_t)page));
    tui_pager_accept(pager, (size_t)page, items, count, next, total);
    state->last_refresh = ev->now;
    state->dirty = true;
    if (state->view == view)
        fetch_list_page(state, view, fx);
    return kept && (!shown || (pager->top == top && pager->selected == selected &&
                               pager->total == known &&
                               tui_pager_rows_loaded_apart_from(pager, top, rows, (size_t)page)));
}

static void detail_result(tui_state *state, const tui_event *ev)
{
    if (ev->seq != state->seq_detail)
        return;
    if (ev->status != LP_OK || !ev->result) {
        call_failed(state, ev);
        return;
    }
    lp_license_detail_clear(&state->detail);
    state->detail = ev->result->as.license;
    memset(&ev->result->as.license, 0, sizeof ev->result->as.license);
    state->detail_loaded = true;
    state->last_refresh = ev->now;
    state->dirty = true;
}

static void reveal_result(tui_state *state, const tui_event *ev)
{
    if (ev->status != LP_OK || !ev->result) {
        call_failed(state, ev);
        return;
    }
    if (state->view != TUI_VIEW_LICENSE_DETAIL)
        return;
    free(state->revealed_key);
    state->revealed_key = lp_sanitize_str(ev->result->as.revealed_key);
    state->dirty = true;
}

static void deactivate_result(tui_state *state, const tui_event *ev)
{
    if (ev->status != LP_OK) {
        if (ev->error && strcmp(ev->error->code, "deactivation_not_allowed") == 0) {
            /* The row stays selected, so the words need not repeat its name. */
            set_message(state, true,
                        "Not deactivated: its license does not allow self-service "
                        "deactivation.");
            return;
        }
        call_failed(state, ev);
        return;
    }
    lp_activation *row = tui_pager_item(&state->activations, state->confirm_row);
    if (row && row->id && strcmp(row->id, state->confirm_id) == 0)
        tui_pager_remove(&state->activations, state->confirm_row);
    if (state->dashboard_loaded && state->dashboard.kpis.activations_in_use > 0)
        state->dashboard.kpis.activations_in_use--;
    char text[400];
    snprintf(text, sizeof text, "Deactivated %.300s.", state->confirm_label);
    set_message(state, false, text);
}

static void handle_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (state->pending > 0)
        state->pending--;
    bool was_dirty = state->dirty;
    state->dirty = true;
    switch (ev->call_kind) {
    case LP_CALL_LOGIN:
        if (ev->seq == state->seq_login)
            login_result(state, ev, fx);
        break;
    case LP_CALL_DASHBOARD:
        if (ev->seq == state->seq_dashboard)
            dashboard_result(state, ev, fx);
        break;
    case LP_CALL_LICENSES:
    case LP_CALL_ACTIVATIONS:
    case LP_CALL_DOWNLOADS:
        if (list_result(state, ev, fx) && !was_dirty) {
            /* The refresh time and the spinner: a full frame would draw the
             * same rows again, at the cost of a page of decoding. */
            state->dirty = false;
            state->bars_dirty = true;
        }
        break;
    case LP_CALL_LICENSE:
        detail_result(state, ev);
        break;
    case LP_CALL_REVEAL_KEY:
        reveal_result(state, ev);
        break;
    case LP_CALL_DEACTIVATE:
        deactivate_result(state, ev);
        break;
    default:
        if (ev->status != LP_OK)
            call_failed(state, ev);
        break;
    }
}

static void handle_snapshot(tui_state *state, const tui_event *ev)
{
    state->dirty = true;
    if (!ev->snapshot) {
        char text[sizeof state->message + 64];
        snprintf(text, sizeof text, "%.300s (no offline copy cached yet)", state->message);
        set_message(state, true, text);
        return;
    }
    if (state->dashboard_loaded && !state->offline)
        return; /* fresher data is already on screen */
    lp_dashboard_clear(&state->dashboard);
    state->dashboard = *ev->snapshot;
    memset(ev->snapshot, 0, sizeof *ev->snapshot);
    tui_state_build_recent_rows(state);
    state->dashboard_loaded = true;
    state->offline = true;
    state->offline_as_of = state->dashboard.generated_at;
}

void tui_start(tui_state *state, tui_effects *fx)
{
    if (state->screen == TUI_SCREEN_MAIN)
        enter_view(state, TUI_VIEW_DASHBOARD, false, fx);
}

void tui_update(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    switch (ev->kind) {
    case TUI_EV_KEY:
        handle_key(state, ev->key, fx);
        break;
    case TUI_EV_CLICK:
        handle_click(state, ev->y, ev->x, fx);
        break;
    case TUI_EV_RESIZE: {
        state->layout = tui_layout_compute(ev->cols, ev->lines);
        if (!state->layout.sidebar_shown)
            state->focus_sidebar = false;
        tui_pager *pager = tui_state_pager(state);
        if (pager)
            tui_pager_select(pager, pager->selected, tui_state_list_rows(state));
        state->dirty = true;
        break;
    }
    case TUI_EV_TICK:
        if (state->pending > 0 || state->download_running) {
            state->spinner++;
            state->bars_dirty = true; /* the spinner is in the status bar */
        }
        break;
    case TUI_EV_RESULT:
        handle_result(state, ev, fx);
        break;
    case TUI_EV_SNAPSHOT:
        handle_snapshot(state, ev);
        break;
    case TUI_EV_DOWNLOAD_PROGRESS:
        state->download_progress = ev->progress;
        state->dirty = true;
        break;
    case TUI_EV_DOWNLOAD_DONE: {
        state->download_running = false;
        if (ev->status == LP_OK) {
            /* The bar ends full, with the rate of the whole transfer. */
            state->download_progress = ev->progress;
            state->download_progress.received = state->download_progress.total;
            state->download_progress.eta_seconds = 0;
        }
        char text[700];
        if (ev->status == LP_OK)
            snprintf(text, sizeof text, "Saved %.600s", ev->target ? ev->target : "");
        else
            snprintf(text, sizeof text, "Download failed: %.600s",
                     ev->error ? ev->error->message : "");
        set_message(state, ev->status != LP_OK, text);
        break;
    }
    }
}
