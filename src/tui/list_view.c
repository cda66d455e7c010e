/* Drawing a paged table; rows whose page is not loaded yet say so. */
#include "tui/list_view.h"

#include <stdio.h>
#include <string.h>

#include "tui/views.h"

void list_view_draw(const tui_state *state, tui_rect main, const char *banner,
                    const tui_pager *pager, const tui_column *columns, int column_count)
{
    tui_list_geometry g = tui_list_geometry_compute(main);
    char position[48] = "";
    if (pager->total > 0)
        snprintf(position, sizeof position, " %ld/%ld", pager->selected + 1, pager->total);
    int position_w = (int)strlen(position);
    tui_rect left = g.banner;
    if (left.w > position_w + 20) {
        left.w -= position_w;
        tui_put(g.banner.y, g.banner.x + left.w, position_w, position, TUI_ROLE_DIM, false);
    }
    view_banner(state, left, banner);
    /* With rows marked, a gutter on the left shows which. */
    int gutter = pager->marked.count > 0 ? 2 : 0;
    int widths[TUI_MAX_COLUMNS];
    tui_table_widths(columns, column_count, g.header.w - gutter, widths);
    if (!tui_rect_empty(g.header))
        tui_table_header(g.header.y, g.header.x + gutter, widths, columns, column_count);
    if (tui_rect_empty(g.rows))
        return;
    long count = tui_pager_count(pager);
    if (pager->total == 0 && pager->loading_page < 0) {
        tui_put(g.rows.y, g.rows.x, g.rows.w, "Nothing to show.", TUI_ROLE_DIM, false);
        return;
    }
    if (pager->total < 0) {
        char key[16], text[64];
        view_key_of(state, TUI_ACTION_REFRESH, key, sizeof key);
        if (pager->loading_page >= 0)
            snprintf(text, sizeof text, "Loading...");
        else
            snprintf(text, sizeof text, "Not loaded: %s fetches it.", key);
        tui_put(g.rows.y, g.rows.x, g.rows.w, text, TUI_ROLE_DIM, false);
        return;
    }
    for (int i = 0; i < g.rows.h; i++) {
        long index = pager->top + i;
        if (index >= count)
            break;
        int y = g.rows.y + i;
        bool selected = index == pager->selected;
        tui_role base = selected ? (state->focus_sidebar ? TUI_ROLE_SELECTED_UNFOCUSED
                                                         : TUI_ROLE_SELECTED)
                                 : TUI_ROLE_NORMAL;
        tui_rect line = {y, g.rows.x, 1, g.rows.w};
        if (selected)
            tui_fill(line, base);
        const tui_clean_row *row = tui_pager_row(pager, index);
        if (!row) {
            tui_put(y, g.rows.x, g.rows.w, "  loading...", selected ? base : TUI_ROLE_DIM, true);
            continue;
        }
        if (gutter) {
            const void *item = tui_pager_item(pager, index);
            bool marked = item && tui_marks_has(&pager->marked, pager->id_of(item));
            tui_put(y, g.rows.x, gutter, marked ? "*" : "", selected ? base : TUI_ROLE_KPI_ALERT,
                    true);
        }
        tui_table_row(y, g.rows.x + gutter, widths, column_count, row, base);
    }
}
