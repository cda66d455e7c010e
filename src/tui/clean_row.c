/* Sanitising a row's cells once, when its data arrives. */
#include "tui/clean_row.h"

#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"

bool tui_clean_row_set(tui_clean_row *row, int column, const char *server_text, tui_role role)
{
    if (column < 0 || column >= TUI_ROW_CELLS)
        return false;
    free(row->cells[column]);
    row->cells[column] = server_text ? lp_sanitize_str(server_text) : NULL;
    row->roles[column] = role;
    return !server_text || row->cells[column];
}

const char *tui_clean_row_cell(const tui_clean_row *row, int column)
{
    if (column < 0 || column >= TUI_ROW_CELLS || !row->cells[column])
        return "";
    return row->cells[column];
}

void tui_clean_row_clear(tui_clean_row *row)
{
    if (!row)
        return;
    for (int i = 0; i < TUI_ROW_CELLS; i++)
        free(row->cells[i]);
    memset(row, 0, sizeof *row);
}
