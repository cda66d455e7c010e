/* Drawing helpers shared by the views: text fitted by display width, tables, frames. */
#ifndef LICPORTAL_TUI_WIDGETS_H
#define LICPORTAL_TUI_WIDGETS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/clean_row.h"
#include "tui/colors.h"
#include "tui/columns.h"
#include "licportal/timestamp.h"
#include "tui/layout.h"

/* Without UTF-8 (LANG=C) every glyph is drawn as an ASCII stand-in:
 * "..." for an ellipsis, "inf", "#" for blocks, "?" for the rest. */
void tui_widgets_use_ascii(bool ascii);
bool tui_widgets_ascii(void);
/* `text` in ASCII stand-ins, fitted to `columns` (cut with "...", padded
 * when `pad`). Pure. */
void tui_ascii_fit(const char *text, size_t columns, bool pad, char *out, size_t size);

/* `t` as local "HH:MM:SS" (with_date: "YYYY-MM-DD HH:MM"), or `none` when there is no time. */
void tui_format_time(lp_time t, bool with_date, const char *none, char *out, size_t size);

/* An overlay's box over the screen below the title bar, at most `max_width` wide;
 * what is behind it is blanked. */
tui_rect tui_overlay_box(const tui_layout *layout, int max_width);

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

/* One row at line y: its cells were sanitised when the row was built, so
 * nothing from the server reaches this call unsanitised. */
void tui_table_row(int y, int x, const int *widths, int count, const tui_clean_row *row,
                   tui_role base);
void tui_table_header(int y, int x, const int *widths, const tui_column *columns, int count);

#endif
