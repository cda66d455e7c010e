/* Screen geometry for any terminal size: bars, sidebar, main view, dashboard parts. */
#include "tui/layout.h"

static tui_rect rect(int y, int x, int h, int w)
{
    tui_rect r = {y, x, h > 0 ? h : 0, w > 0 ? w : 0};
    if (r.h == 0 || r.w == 0)
        r.h = r.w = 0;
    return r;
}

bool tui_rect_empty(tui_rect r)
{
    return r.h <= 0 || r.w <= 0;
}

bool tui_rect_contains(tui_rect r, int y, int x)
{
    return !tui_rect_empty(r) && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

tui_layout tui_layout_compute(int cols, int lines)
{
    tui_layout l = {0};
    l.cols = cols > 0 ? cols : 0;
    l.lines = lines > 0 ? lines : 0;
    if (l.cols < TUI_MIN_COLS || l.lines < TUI_MIN_LINES) {
        l.too_small = true;
        l.main = rect(0, 0, l.lines, l.cols);
        return l;
    }
    l.title = rect(0, 0, 1, l.cols);
    l.status = rect(l.lines - 1, 0, 1, l.cols);
    int body_h = l.lines - 2;
    if (l.cols >= TUI_SIDEBAR_MIN_COLS) {
        l.sidebar_shown = true;
        l.sidebar = rect(1, 0, body_h, TUI_SIDEBAR_WIDTH);
        l.main = rect(1, TUI_SIDEBAR_WIDTH + 1, body_h, l.cols - TUI_SIDEBAR_WIDTH - 1);
    } else {
        l.main = rect(1, 0, body_h, l.cols);
    }
    return l;
}

tui_dashboard_geometry tui_dashboard_geometry_compute(tui_rect main)
{
    tui_dashboard_geometry g = {0};
    int bottom = main.y + main.h;
    int y = main.y;
    int usable_w = main.w - 1;
    g.banner = rect(y, main.x, 1, usable_w);
    y++;

    /* A KPI box holds a label line and a value line plus a frame. */
    const int kpi_h = 4;
    g.kpi_columns = usable_w >= 4 * 22 ? 4 : usable_w >= 2 * 21 ? 2 : 1;
    /* On a short screen stacked boxes would push everything else away. */
    int kpi_rows = TUI_KPI_COUNT / g.kpi_columns;
    int box_h = kpi_h;
    if (kpi_rows * box_h > main.h / 2)
        box_h = 1;
    int box_w = usable_w / g.kpi_columns;
    for (int i = 0; i < TUI_KPI_COUNT; i++) {
        int row = i / g.kpi_columns;
        int col = i % g.kpi_columns;
        int by = y + row * box_h;
        if (by + box_h <= bottom)
            g.kpi[i] = rect(by, main.x + col * box_w, box_h, box_w - 1);
    }
    y += kpi_rows * box_h;

    if (y < bottom) {
        g.quick_title = rect(y, main.x, 1, usable_w);
        y++;
    }
    if (y < bottom) {
        int qw = usable_w / TUI_QUICK_COUNT;
        for (int i = 0; i < TUI_QUICK_COUNT; i++)
            g.quick[i] = rect(y, main.x + i * qw, 1, qw - 1);
        y++;
    }
    if (y + 1 < bottom) {
        y++; /* a blank line before the table reads better */
        g.recent_title = rect(y, main.x, 1, usable_w);
        y++;
    }
    if (y < bottom) {
        g.recent_header = rect(y, main.x, 1, usable_w);
        y++;
    }
    for (int i = 0; i < TUI_RECENT_ROWS && y < bottom; i++, y++)
        g.recent[i] = rect(y, main.x, 1, usable_w);
    return g;
}

void tui_dashboard_fit_quick(tui_dashboard_geometry *g, const int text_widths[TUI_QUICK_COUNT])
{
    if (tui_rect_empty(g->quick[0]))
        return;
    int row_end = g->quick_title.x + g->quick_title.w;
    bool cut = false;
    int needed = TUI_QUICK_COUNT - 1;
    for (int i = 0; i < TUI_QUICK_COUNT; i++) {
        cut = cut || text_widths[i] > g->quick[i].w;
        needed += text_widths[i];
    }
    if (!cut || needed > row_end - g->quick[0].x)
        return;
    int x = g->quick[0].x;
    for (int i = 0; i < TUI_QUICK_COUNT; i++) {
        g->quick[i].x = x;
        g->quick[i].w = text_widths[i];
        x += text_widths[i] + 1;
    }
}

tui_list_geometry tui_list_geometry_compute(tui_rect main)
{
    tui_list_geometry g = {0};
    int usable_w = main.w - 1;
    if (main.h >= 1)
        g.banner = rect(main.y, main.x, 1, usable_w);
    if (main.h >= 2)
        g.header = rect(main.y + 1, main.x, 1, usable_w);
    if (main.h >= 3)
        g.rows = rect(main.y + 2, main.x, main.h - 2, usable_w);
    return g;
}

int tui_help_visible_rows(const tui_layout *layout)
{
    /* The box leaves the title and status bars, and has a border. */
    int rows = layout->lines - 4;
    return rows > 1 ? rows : 1;
}
