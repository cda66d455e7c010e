/* Table columns by priority: which fit at a width, and how wide each is. */
#include "tui/columns.h"

#include <limits.h>

static int rank(const tui_column *c)
{
    return c->priority > 0 ? c->priority : INT_MAX;
}

static bool can_grow(const tui_column *c, int width)
{
    return width > 0 && c->weight > 0 && (c->max_width == 0 || width < c->max_width);
}

void tui_table_widths(const tui_column *columns, int count, int width, int *out)
{
    int order[TUI_MAX_COLUMNS];
    if (count > TUI_MAX_COLUMNS)
        count = TUI_MAX_COLUMNS;
    for (int i = 0; i < count; i++) {
        out[i] = 0;
        /* Insertion by priority; equal ones keep their order. */
        int at = i;
        while (at > 0 && rank(&columns[order[at - 1]]) > rank(&columns[i])) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = i;
    }
    int used = 0, shown = 0;
    for (int k = 0; k < count; k++) {
        const tui_column *c = &columns[order[k]];
        int need = c->min_width + (shown > 0);
        if (used + need > width)
            break;
        out[order[k]] = c->min_width;
        used += need;
        shown++;
    }
    int spare = width - used;
    while (spare > 0) {
        int weights = 0;
        for (int i = 0; i < count; i++)
            if (can_grow(&columns[i], out[i]))
                weights += columns[i].weight;
        if (weights == 0)
            break;
        int given = 0;
        for (int i = 0; i < count; i++) {
            if (!can_grow(&columns[i], out[i]))
                continue;
            int extra = spare * columns[i].weight / weights;
            if (columns[i].max_width > 0 && out[i] + extra > columns[i].max_width)
                extra = columns[i].max_width - out[i];
            out[i] += extra;
            given += extra;
        }
        if (given == 0) {
            /* Rounding left a few: one more to the most important that grows. */
            for (int k = 0; k < count && given == 0; k++) {
                if (can_grow(&columns[order[k]], out[order[k]])) {
                    out[order[k]]++;
                    given = 1;
                }
            }
        }
        spare -= given;
    }
}
