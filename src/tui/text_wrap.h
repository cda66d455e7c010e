/* Word wrapping of sanitised text by display width, for drawing and for
 * counting the lines a text takes before it is drawn. */
#ifndef LP_TUI_TEXT_WRAP_H
#define LP_TUI_TEXT_WRAP_H

#include <stdbool.h>
#include <stddef.h>

/* The next line of `text` (of `len` bytes) from *at, at most `width` columns
 * of whole characters; a word the width would cut goes to the next line
 * whole, unless it is the line's only one. The line is text[*start, *start +
 * *line_len); *at moves past it and the spaces after it. False when nothing
 * is left (or the width is 0). */
bool tui_wrap_next(const char *text, size_t len, size_t *at, int width, size_t *start,
                   size_t *line_len);

/* How many lines tui_wrap_next() cuts `text` into. */
int tui_wrap_count(const char *text, int width);

#endif
