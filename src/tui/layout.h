/* Where each part of the screen goes for a terminal size; pure, no curses. */
#ifndef LICPORTAL_TUI_LAYOUT_H
#define LICPORTAL_TUI_LAYOUT_H

#include <stdbool.h>

#define TUI_MIN_COLS 40
#define TUI_MIN_LINES 10
#define TUI_SIDEBAR_MIN_COLS 80
#define TUI_SIDEBAR_WIDTH 18

typedef struct tui_rect {
    int y, x, h, w;
} tui_rect;

typedef struct tui_layout {
    int cols, lines;
    bool too_small;     /* only the notice is drawn; only quit works */
    bool sidebar_shown; /* folds away below TUI_SIDEBAR_MIN_COLS */
    tui_rect title, sidebar, main, status;
} tui_layout;

tui_layout tui_layout_compute(int cols, int lines);

bool tui_rect_contains(tui_rect r, int y, int x);
bool tui_rect_empty(tui_rect r);

#define TUI_KPI_COUNT 4
#define TUI_QUICK_COUNT 3
#define TUI_RECENT_ROWS 5

/* The dashboard inside the main view: KPI boxes (4 across, 2x2 or stacked
 * as the width allows), the quick-action buttons and the recent rows. Rows
 * that do not fit get empty rectangles. */
typedef struct tui_dashboard_geometry {
    int kpi_columns;
    tui_rect banner; /* offline / error line */
    tui_rect kpi[TUI_KPI_COUNT];
    tui_rect quick_title;
    tui_rect quick[TUI_QUICK_COUNT];
    tui_rect recent_title;
    tui_rect recent_header;
    tui_rect recent[TUI_RECENT_ROWS];
} tui_dashboard_geometry;

tui_dashboard_geometry tui_dashboard_geometry_compute(tui_rect main);
/* The quick actions at their texts' widths, one column apart, where the equal
 * slots would cut a text but all of them fit the row; else the slots stay. */
void tui_dashboard_fit_quick(tui_dashboard_geometry *g, const int text_widths[TUI_QUICK_COUNT]);

/* A list view: a header line of filters, the column header, the rows. */
typedef struct tui_list_geometry {
    tui_rect banner;
    tui_rect header;
    tui_rect rows;
} tui_list_geometry;

tui_list_geometry tui_list_geometry_compute(tui_rect main);

/* Rows of actions the `?` overlay shows at once. */
int tui_help_visible_rows(const tui_layout *layout);

#endif
