/* A paged table view: banner, column header, rows drawn from the pager's window. */
#ifndef LICPORTAL_TUI_LIST_VIEW_H
#define LICPORTAL_TUI_LIST_VIEW_H

#include "tui/app_state.h"
#include "tui/widgets.h"

/* The rows are the pager's, built when their page arrived. */
void list_view_draw(const tui_state *state, tui_rect main, const char *banner,
                    const tui_pager *pager, const tui_column *columns, int column_count);

#endif
