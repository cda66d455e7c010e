/* Drawing helpers shared by the views: text fitted by display width, tables, frames. */
#ifndef LICPORTAL_TUI_WIDGETS_H
#define LICPORTAL_TUI_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/clean_row.h"
#include "tui/colors.h"
#include "tui/layout.h"

/* Fills a rectangle with blanks in `role`. */
void tui_fill(tui_rect r, tui_role role);
/* Draws already-sanitised `text` at (y, x) in at most `width` columns
 * (cut with an ellipsis), padded to `width` when `pad`. Returns the
 * columns drawn. */
int tui_put(int y, int x, int width, const char *text, tui_role role, bool pad);
/* The same for server text: sanitised first. */
int tui_put_server(int y, int x, int width, const char *text, tui_role role, bool pad);
void tui_box(tui_rect r, tui_role role);
/* Sanitised `text` broken at spaces into at most `max_lines` lines of
 * `width` columns; returns the lines drawn. */
int tui_put_wrapped(int y, int x, int width, int max_lines, const char *text, tui_role role);

typedef struct tui_column {
    const char *title;
    int min_width;  /* columns always given when the table is wide enough */
    int weight;     /* share of the columns left over */
} tui_column;

#define TUI_MAX_COLUMNS TUI_ROW_CELLS

/* Splits `width` among columns (one blank between them): minimum widths
 * first, then the rest by weight; columns that do not fit get 0. Pure. */
void tui_table_widths(const tui_column *columns, int count, int width, int *out);
/* One row at line y: its cells were sanitised when the row was built, so
 * nothing from the server reaches this call unsanitised. */
void tui_table_row(int y, int x, const int *widths, int count, const tui_clean_row *row,
                   tui_role base);
void tui_table_header(int y, int x, const int *widths, const tui_column *columns, int count);

#endif
