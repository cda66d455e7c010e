/* Table columns by priority: which fit at a width, and how wide each is. Pure. */
#ifndef LICPORTAL_TUI_COLUMNS_H
#define LICPORTAL_TUI_COLUMNS_H

#include "tui/clean_row.h"

typedef struct tui_column {
    const char *title;
    int min_width; /* never drawn narrower */
    int weight;    /* share of the columns left over */
    int max_width; /* never drawn wider; 0: no bound */
    int priority;  /* 1 first; a column shows only when every one before it does (0: last) */
} tui_column;

#define TUI_MAX_COLUMNS TUI_ROW_CELLS

/* Splits `width` among columns (one blank between shown ones): in priority
 * order each gets its minimum while it fits, then the rest goes by weight up
 * to each maximum. A column that does not fit gets 0, and so do all of lower
 * priority. */
void tui_table_widths(const tui_column *columns, int count, int width, int *out);

#endif
