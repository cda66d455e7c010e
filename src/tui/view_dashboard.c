/* The dashboard: KPI panel, quick actions, recent licenses, offline marking. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "licportal/format.h"
#include "tui/view_ops.h"
#include "tui/views.h"
#include "tui/widgets.h"

static const char *const kpi_labels[TUI_KPI_COUNT] = {"Total licenses", "Active licenses",
                                                      "Activations in use", "Expiring soon"};

static const tui_column recent_columns[] = {
    {"License Key", 19, 0},
    {"Product", 10, 3},
    {"Status", 9, 0},
    {"Added", 10, 0},
};
#define RECENT_COLUMN_COUNT 4

static int64_t kpi_value(const lp_kpis *k, int i)
{
    switch (i) {
    case TUI_KPI_TOTAL:
        return k->total_licenses;
    case TUI_KPI_ACTIVE:
        return k->active_licenses;
    case TUI_KPI_ACTIVATIONS:
        return k->activations_in_use;
    default:
        return k->expiring_soon;
    }
}

static void draw_banner(const tui_state *state, tui_rect banner)
{
    if (tui_rect_empty(banner))
        return;
    if (state->offline) {
        char when[64];
        tui_format_time(state->offline_as_of, true, "-", when, sizeof when);
        char text[160];
        snprintf(text, sizeof text, " offline, as of %s ", when);
        tui_put(banner.y, banner.x, banner.w, text, TUI_ROLE_OFFLINE, false);
        return;
    }
    /* Once the request has ended without numbers, "loading" would be a lie:
     * the status line says why, and r asks again. */
    view_banner(state, banner,
                state->dashboard_loaded ? "Dashboard"
                : state->pending > 0    ? "Dashboard (loading)"
                                        : "Dashboard (not loaded)");
}

static void draw_kpi(const tui_state *state, int i, tui_rect r)
{
    if (tui_rect_empty(r))
        return;
    bool selected = !state->focus_sidebar && state->dashboard_selected == i;
    char value[32] = "...";
    int64_t v = 0;
    if (state->dashboard_loaded) {
        v = kpi_value(&state->dashboard.kpis, i);
        snprintf(value, sizeof value, "%lld", (long long)v);
    }
    bool alert = i == TUI_KPI_EXPIRING && state->dashboard_loaded && v > 0;
    tui_role value_role = alert ? TUI_ROLE_KPI_ALERT : TUI_ROLE_KPI_VALUE;
    tui_role label_role = selected ? TUI_ROLE_SELECTED : TUI_ROLE_KPI_LABEL;
    const char *label = kpi_labels[i];
    if (alert)
        strncat(value, " !", sizeof value - strlen(value) - 1);
    if (i == TUI_KPI_EXPIRING && state->dashboard_loaded) {
        size_t len = strlen(value);
        snprintf(value + len, sizeof value - len, "  (%lld days)",
                 (long long)state->dashboard.kpis.expiring_window_days);
    }
    if (r.h >= 4) {
        tui_box(r, selected ? TUI_ROLE_SELECTED : TUI_ROLE_BORDER);
        /* The label lines up with the value below it; the space keeps the highlight's edge. */
        char padded[48];
        snprintf(padded, sizeof padded, " %s", label);
        tui_put(r.y + 1, r.x + 1, r.w - 2, padded, label_role, true);
        tui_put(r.y + 2, r.x + 2, r.w - 3, value, value_role, false);
    } else {
        int used = tui_put(r.y, r.x, r.w, label, label_role, false);
        if (used + 2 < r.w) {
            tui_put(r.y, r.x + used, 2, ": ", TUI_ROLE_KPI_LABEL, false);
            tui_put(r.y, r.x + used + 2, r.w - used - 2, value, value_role, false);
        }
    }
}

void view_dashboard_draw(const tui_state *state, tui_rect main)
{
    tui_dashboard_geometry g = tui_dashboard_geometry_of(state, main);
    draw_banner(state, g.banner);
    for (int i = 0; i < TUI_KPI_COUNT; i++)
        draw_kpi(state, i, g.kpi[i]);

    if (!tui_rect_empty(g.quick_title))
        tui_put(g.quick_title.y, g.quick_title.x, g.quick_title.w, "Quick actions",
                TUI_ROLE_SECTION, false);
    for (int i = 0; i < TUI_QUICK_COUNT; i++) {
        tui_rect r = g.quick[i];
        if (tui_rect_empty(r))
            continue;
        char text[96];
        tui_dashboard_quick_text(state, i, text, sizeof text);
        bool selected = !state->focus_sidebar && state->dashboard_selected == TUI_KPI_COUNT + i;
        tui_put(r.y, r.x, r.w, text, selected ? TUI_ROLE_SELECTED : TUI_ROLE_BUTTON, true);
    }

    if (!tui_rect_empty(g.recent_title))
        tui_put(g.recent_title.y, g.recent_title.x, g.recent_title.w, "Recent licenses",
                TUI_ROLE_SECTION, false);
    int widths[RECENT_COLUMN_COUNT];
    tui_table_widths(recent_columns, RECENT_COLUMN_COUNT, g.recent_header.w, widths);
    if (!tui_rect_empty(g.recent_header))
        tui_table_header(g.recent_header.y, g.recent_header.x, widths, recent_columns,
                         RECENT_COLUMN_COUNT);
    if (!state->dashboard_loaded)
        return;
    if (state->dashboard.recent_count == 0 && !tui_rect_empty(g.recent[0]))
        tui_put(g.recent[0].y, g.recent[0].x, g.recent[0].w, "No licenses yet.", TUI_ROLE_DIM,
                false);
    for (size_t i = 0; i < state->dashboard.recent_count && i < TUI_RECENT_ROWS; i++) {
        tui_rect r = g.recent[i];
        if (tui_rect_empty(r))
            continue;
        bool selected = !state->focus_sidebar &&
                        state->dashboard_selected == TUI_KPI_COUNT + TUI_QUICK_COUNT + (int)i;
        tui_role base = selected ? TUI_ROLE_SELECTED : TUI_ROLE_NORMAL;
        if (selected)
            tui_fill(r, base);
        tui_table_row(r.y, r.x, widths, RECENT_COLUMN_COUNT, &state->recent_rows[i], base);
    }
}
