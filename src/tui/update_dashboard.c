/* The dashboard's transitions: KPIs, quick actions and recent licenses as one selection. */
#include <stdio.h>
#include <string.h>

#include "licportal/text.h"

#include "tui/transition.h"
#include "tui/view_ops.h"

static int item_count(const tui_state *state)
{
    size_t recent = state->dashboard_loaded ? state->dashboard.recent_count : 0;
    return TUI_KPI_COUNT + TUI_QUICK_COUNT + (int)recent;
}

static tui_reaction open_item(tui_state *state, int item, tui_effects *fx)
{
    if (item < TUI_KPI_COUNT) {
        switch ((tui_kpi)item) {
        case TUI_KPI_TOTAL:
            return tui_open_licenses(state, "", -1, fx);
        case TUI_KPI_ACTIVE:
            return tui_open_licenses(state, "active", -1, fx);
        case TUI_KPI_ACTIVATIONS:
            return tui_open_activations(state, "", fx);
        case TUI_KPI_EXPIRING: {
            int window = state->dashboard_loaded ? (int)state->dashboard.kpis.expiring_window_days
                                                 : 30;
            return tui_open_licenses(state, "active", window > 0 ? window : 30, fx);
        }
        }
        return TUI_REACT_NONE;
    }
    item -= TUI_KPI_COUNT;
    if (item < TUI_QUICK_COUNT) {
        if (item == 0)
            return tui_open_licenses(state, "", -1, fx);
        if (item == 1)
            return tui_open_activations(state, "", fx);
        return tui_enter_view(state, TUI_VIEW_DOWNLOADS, true, fx);
    }
    item -= TUI_QUICK_COUNT;
    if (state->dashboard_loaded && (size_t)item < state->dashboard.recent_count)
        return tui_open_license_detail(state, state->dashboard.recent[item].id, fx);
    return TUI_REACT_NONE;
}

static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    tui_start_call(state, fx, TUI_FX_FETCH_DASHBOARD, &state->seq_dashboard);
    return TUI_REACT_REDRAW;
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    (void)fx;
    int count = item_count(state);
    long next = to_end ? (delta > 0 ? count - 1 : 0) : state->dashboard_selected + delta;
    if (next < 0)
        next = 0;
    if (next >= count)
        next = count - 1;
    state->dashboard_selected = (int)next;
    return TUI_REACT_REDRAW;
}

static tui_reaction open(tui_state *state, tui_effects *fx)
{
    return open_item(state, state->dashboard_selected, fx);
}

/* Without a sidebar to go to, Tab jumps between the dashboard's panels. */
static tui_reaction jump_panel(tui_state *state, int direction)
{
    int s = state->dashboard_selected;
    int starts[] = {0, TUI_KPI_COUNT, TUI_KPI_COUNT + TUI_QUICK_COUNT};
    int group = s < starts[1] ? 0 : s < starts[2] ? 1 : 2;
    group = (group + (direction > 0 ? 1 : 2)) % 3;
    if (starts[group] >= item_count(state))
        group = 0;
    state->dashboard_selected = starts[group];
    return TUI_REACT_REDRAW;
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    switch (action) {
    case TUI_ACTION_QUICK_LICENSES:
        return tui_open_licenses(state, "", -1, fx);
    case TUI_ACTION_QUICK_ACTIVATIONS:
        return tui_open_activations(state, "", fx);
    case TUI_ACTION_QUICK_DOWNLOADS:
        return tui_enter_view(state, TUI_VIEW_DOWNLOADS, true, fx);
    case TUI_ACTION_NEXT_PANEL:
        return jump_panel(state, 1);
    case TUI_ACTION_PREV_PANEL:
        return jump_panel(state, -1);
    default:
        return TUI_REACT_NONE;
    }
}

static const struct {
    tui_action action;
    const char *label;
} quick_actions[TUI_QUICK_COUNT] = {
    {TUI_ACTION_QUICK_LICENSES, "View all licenses"},
    {TUI_ACTION_QUICK_ACTIVATIONS, "Manage activations"},
    {TUI_ACTION_QUICK_DOWNLOADS, "Downloads"},
};

void tui_dashboard_quick_text(const tui_state *state, int i, char *out, size_t size)
{
    tui_action action = quick_actions[i].action;
    char key[16];
    if (state->keymap.key_count[action] > 0)
        tui_key_name(state->keymap.keys[action][0], key, sizeof key);
    else
        snprintf(key, sizeof key, ":%s", tui_action_info_of(action)->name);
    snprintf(out, size, "[%s] %s", key, quick_actions[i].label);
}

tui_dashboard_geometry tui_dashboard_geometry_of(const tui_state *state, tui_rect main)
{
    tui_dashboard_geometry g = tui_dashboard_geometry_compute(main);
    int widths[TUI_QUICK_COUNT];
    for (int i = 0; i < TUI_QUICK_COUNT; i++) {
        char text[96];
        tui_dashboard_quick_text(state, i, text, sizeof text);
        widths[i] = (int)lp_text_width(text);
    }
    tui_dashboard_fit_quick(&g, widths);
    return g;
}

static tui_reaction click(tui_state *state, int y, int x, tui_effects *fx)
{
    tui_dashboard_geometry g = tui_dashboard_geometry_of(state, state->layout.main);
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
    if (item < 0 || item >= item_count(state))
        return TUI_REACT_REDRAW;
    state->dashboard_selected = item;
    return open_item(state, item, fx) | TUI_REACT_REDRAW;
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (ev->seq != state->seq_dashboard)
        return TUI_REACT_REDRAW;
    if (ev->status == LP_OK && ev->result) {
        lp_dashboard_clear(&state->dashboard);
        state->dashboard = ev->result->as.dashboard;
        memset(&ev->result->as.dashboard, 0, sizeof ev->result->as.dashboard);
        tui_state_build_recent_rows(state);
        state->dashboard_loaded = true;
        state->offline = false;
        state->last_refresh = ev->now;
        int count = item_count(state);
        if (state->dashboard_selected >= count)
            state->dashboard_selected = count - 1;
        tui_effect *save = tui_push_effect(fx, TUI_FX_SAVE_SNAPSHOT);
        if (save) {
            save->as.body.data = ev->result->body;
            save->as.body.len = ev->result->body_len;
        }
        return TUI_REACT_REDRAW;
    }
    /* No current numbers from the portal, whether it cannot be reached or
     * cannot answer (a 5xx such as 503 unavailable): the last ones, marked
     * offline with their time, are better than none. */
    if (ev->status == LP_ERR_NETWORK || ev->status == LP_ERR_TLS || ev->status == LP_ERR_SERVER)
        tui_push_effect(fx, TUI_FX_LOAD_SNAPSHOT);
    return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
}

const tui_view_ops tui_dashboard_ops = {
    .scope = TUI_SCOPE_DASHBOARD,
    .title = "Dashboard",
    .sidebar_view = TUI_VIEW_DASHBOARD,
    .horizontal = true,
    .calls = {LP_CALL_DASHBOARD},
    .call_count = 1,
    .pager = tui_no_pager,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = click,
    .result = result,
    .hints = {{TUI_ACTION_QUICK_LICENSES, "licenses"},
              {TUI_ACTION_QUICK_ACTIVATIONS, "activations"},
              {TUI_ACTION_QUICK_DOWNLOADS, "downloads"},
              {TUI_ACTION_NONE, NULL}},
};
