/* How many lines the detail views take at the current size, so that
 * scrolling stops at their last line and the banner can say where you are. */
#ifndef LP_TUI_DETAIL_LINES_H
#define LP_TUI_DETAIL_LINES_H

#include "tui/app_state.h"

/* Lines below the banner and its blank line, as the views draw them. */
int tui_license_detail_lines(const tui_state *state);
int tui_download_detail_lines(const tui_state *state);

/* The lines of a detail view the main area shows at scroll 0. */
int tui_detail_visible_lines(const tui_state *state);

/* The scroll the view draws with: the state's, or less where a resize left
 * it past the end. */
int tui_detail_scroll_shown(const tui_state *state, int lines);

#endif
