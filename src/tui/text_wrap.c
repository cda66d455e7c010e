/* Word wrapping by display width. */
#include "tui/text_wrap.h"

#include <stdint.h>
#include <string.h>

#include "licportal/text.h"
#include "licportal/utf8.h"

bool tui_wrap_next(const char *text, size_t len, size_t *at, int width, size_t *start,
                   size_t *line_len)
{
    size_t from = *at;
    if (text == NULL || from >= len || width <= 0)
        return false;
    /* Whole characters up to the width. */
    size_t cols = 0, end = from;
    while (end < len && cols < (size_t)width) {
        uint32_t cp;
        size_t step = lp_utf8_decode((const unsigned char *)text + end, len - end, &cp);
        /* An ill-formed sequence shows one replacement a byte, as lp_text_width counts it. */
        size_t w = cp == LP_UTF8_INVALID ? step : (size_t)lp_code_point_width(cp);
        if (cols + w > (size_t)width)
            break;
        cols += w;
        end += step;
    }
    if (end == from)
        return false;
    size_t next = end;
    if (end < len && text[end] != ' ') {
        size_t space = end;
        while (space > from && text[space - 1] != ' ')
            space--;
        if (space > from)
            end = next = space;
    }
    while (next < len && text[next] == ' ')
        next++;
    *start = from;
    *line_len = end - from;
    *at = next;
    return true;
}

int tui_wrap_count(const char *text, int width)
{
    size_t len = text ? strlen(text) : 0, at = 0, start, line_len;
    int lines = 0;
    while (tui_wrap_next(text, len, &at, width, &start, &line_len))
        lines++;
    return lines;
}
