/* A table row of server text, sanitised once when it arrives rather than in every frame. */
#ifndef LICPORTAL_TUI_CLEAN_ROW_H
#define LICPORTAL_TUI_CLEAN_ROW_H

#include <stdbool.h>

#include "tui/colors.h"

#define TUI_ROW_CELLS 8

/* Only tui_clean_row_set and tui_clean_row_set_all write cells, and they
 * sanitise: a cell is safe to draw as it is. */
typedef struct tui_clean_row {
    char *cells[TUI_ROW_CELLS]; /* NULL: empty */
    tui_role roles[TUI_ROW_CELLS];
    char *block;       /* the cells set together share it */
    unsigned in_block; /* bit i: cells[i] points into block */
} tui_clean_row;

/* Stores a sanitised copy of `server_text` (NULL: empty) in `column`;
 * false when out of memory or `column` is out of range (the cell is then empty). */
bool tui_clean_row_set(tui_clean_row *row, int column, const char *server_text, tui_role role);
/* The first `count` cells at once, in one allocation (a page of rows is
 * built when it arrives); texts[i] NULL leaves cell i empty. False when out
 * of memory or `count` is out of range (the row is then empty). */
bool tui_clean_row_set_all(tui_clean_row *row, const char *const server_texts[],
                           const tui_role roles[], int count);
/* The cell's text, "" when empty. */
const char *tui_clean_row_cell(const tui_clean_row *row, int column);
void tui_clean_row_clear(tui_clean_row *row);

#endif
