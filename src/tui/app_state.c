/* Setting up and tearing down the UI state. */
#include "tui/app_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/list_rows.h"
#include "tui/view_ops.h"

/* Each list's orders in the sequence `o` cycles through (the default first);
 * every one is a sort key of the contract (licportal/wire_names.h). */
const char *const tui_license_sorts[] = {"-added_at", "added_at", "expires_at", "-expires_at",
                                         "product",   "-product", "status",     "-status"};
const int tui_license_sort_count = (int)(sizeof tui_license_sorts / sizeof tui_license_sorts[0]);
const char *const tui_activation_sorts[] = {"-activated_at", "activated_at", "name",    "-name",
                                            "-last_seen_at", "last_seen_at", "product", "-product"};
const int tui_activation_sort_count = (int)(sizeof tui_activation_sorts /
                                            sizeof tui_activation_sorts[0]);
const char *const tui_download_sorts[] = {"-released_at", "released_at", "product", "-product"};
const int tui_download_sort_count = (int)(sizeof tui_download_sorts / sizeof tui_download_sorts[0]);

static void clear_license(void *item)
{
    lp_license_summary_clear(item);
}

static void clear_activation(void *item)
{
    lp_activation_clear(item);
}

static void clear_download(void *item)
{
    lp_download_clear(item);
}

void tui_state_init(tui_state *state, const char *email, const char *server, bool has_session,
                    bool offer_remember)
{
    memset(state, 0, sizeof *state);
    tui_keymap_init(&state->keymap);
    state->layout = tui_layout_compute(80, 24);
    state->screen = has_session ? TUI_SCREEN_MAIN : TUI_SCREEN_LOGIN;
    state->view = TUI_VIEW_DASHBOARD;
    state->last_refresh = LP_TIME_NONE;
    state->offline_as_of = LP_TIME_NONE;
    state->unreachable_since = LP_TIME_NONE;
    state->next_seq = 1;
    state->license_filter.expiring_within_days = -1;
    state->login.offer_remember = offer_remember;
    if (email)
        lp_sanitize_into(email, state->login.email, sizeof state->login.email);
    state->login.field = state->login.email[0] ? TUI_FIELD_PASSWORD : TUI_FIELD_EMAIL;
    if (server)
        lp_sanitize_into(server, state->server, sizeof state->server);
    tui_pager_init(&state->licenses, sizeof(lp_license_summary), clear_license);
    tui_pager_init(&state->activations, sizeof(lp_activation), clear_activation);
    tui_pager_init(&state->downloads, sizeof(lp_download), clear_download);
    tui_pager_build_rows_with(&state->licenses, tui_license_row);
    tui_pager_build_rows_with(&state->activations, tui_activation_row);
    tui_pager_build_rows_with(&state->downloads, tui_download_row);
    state->licenses.id_of = tui_license_id;
    state->activations.id_of = tui_activation_id;
    state->downloads.id_of = tui_download_id;
    state->licenses.describe = tui_license_describe;
    state->activations.describe = tui_activation_describe;
    state->downloads.describe = tui_download_describe;
}

void tui_state_forget_license_file(tui_state *state)
{
    if (state->license_file) {
        /* It holds the full license key. */
        memset(state->license_file, 0, strlen(state->license_file));
        free(state->license_file);
        state->license_file = NULL;
    }
    state->qr_of_license_file = false;
}

void tui_state_free(tui_state *state)
{
    if (!state)
        return;
    tui_state_forget_license_file(state);
    lp_dashboard_clear(&state->dashboard);
    for (int i = 0; i < TUI_RECENT_ROWS; i++)
        tui_clean_row_clear(&state->recent_rows[i]);
    lp_license_detail_clear(&state->detail);
    lp_download_clear(&state->download_detail);
    if (state->revealed_key) {
        memset(state->revealed_key, 0, strlen(state->revealed_key));
        free(state->revealed_key);
        state->revealed_key = NULL;
    }
    tui_message_log_free(&state->log);
    tui_pager_free(&state->licenses);
    tui_pager_free(&state->activations);
    tui_pager_free(&state->downloads);
    memset(state->login.password, 0, sizeof state->login.password);
}

void tui_state_build_recent_rows(tui_state *state)
{
    for (int i = 0; i < TUI_RECENT_ROWS; i++) {
        tui_clean_row_clear(&state->recent_rows[i]);
        if ((size_t)i < state->dashboard.recent_count)
            tui_recent_license_row(&state->dashboard.recent[i], &state->recent_rows[i]);
    }
}

tui_scope tui_state_scope(const tui_state *state)
{
    return tui_view_ops_of(state->view)->scope;
}

int tui_state_list_rows(const tui_state *state)
{
    tui_list_geometry g = tui_list_geometry_compute(state->layout.main);
    return g.rows.h > 0 ? g.rows.h : 1;
}

tui_pager *tui_state_pager(tui_state *state)
{
    return tui_view_ops_of(state->view)->pager(state);
}

tui_view_id tui_sidebar_view(int entry)
{
    static const tui_view_id views[TUI_SIDEBAR_ENTRIES] = {
        TUI_VIEW_DASHBOARD, TUI_VIEW_LICENSES, TUI_VIEW_ACTIVATIONS, TUI_VIEW_DOWNLOADS};
    if (entry < 0 || entry >= TUI_SIDEBAR_ENTRIES)
        return TUI_VIEW_DASHBOARD;
    return views[entry];
}

const char *tui_view_title(tui_view_id view)
{
    return tui_view_ops_of(view)->title;
}

void tui_state_set_user(tui_state *state, const char *name, const char *email)
{
    char clean_name[128], clean_email[128];
    lp_sanitize_into(name ? name : "", clean_name, sizeof clean_name);
    lp_sanitize_into(email ? email : "", clean_email, sizeof clean_email);
    if (clean_name[0] && clean_email[0])
        snprintf(state->user_label, sizeof state->user_label, "%.120s <%.120s>", clean_name,
                 clean_email);
    else
        snprintf(state->user_label, sizeof state->user_label, "%s",
                 clean_name[0] ? clean_name : clean_email);
}
