/* Text by display width, boxes and tables over curses. */
#include "tui/widgets.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "licportal/text.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"

void tui_fill(tui_rect r, tui_role role)
{
    if (tui_rect_empty(r))
        return;
    attrset(tui_attr(role));
    for (int y = r.y; y < r.y + r.h; y++)
        mvhline(y, r.x, ' ', r.w);
    attrset(A_NORMAL);
}

void tui_format_time(lp_time t, bool with_date, const char *none, char *out, size_t size)
{
    if (t == LP_TIME_NONE) {
        snprintf(out, size, "%s", none);
        return;
    }
    time_t when = (time_t)t;
    struct tm tm;
    localtime_r(&when, &tm);
    size_t n = with_date ? strftime(out, size, "%Y-%m-%d %H:%M", &tm)
                         : strftime(out, size, "%H:%M:%S", &tm);
    if (n == 0 && size > 0)
        out[0] = '\0';
}

tui_rect tui_overlay_box(const tui_layout *layout, int max_width)
{
    int w = layout->cols - 4 < max_width ? layout->cols - 4 : max_width;
    int h = layout->lines - 2;
    tui_rect box = {1, (layout->cols - w) / 2, h, w};
    /* Nothing of the view behind shows through beside the box. */
    tui_rect behind = {1, 0, h, layout->cols};
    tui_fill(behind, TUI_ROLE_NORMAL);
    tui_box(box, TUI_ROLE_BORDER);
    return box;
}

static bool ascii_only;

void tui_widgets_use_ascii(bool ascii)
{
    ascii_only = ascii;
}

bool tui_widgets_ascii(void)
{
    return ascii_only;
}

/* The ASCII stand-in of a code point the terminal cannot show. */
static const char *stand_in(uint32_t cp)
{
    switch (cp) {
    case 0x2026: /* ellipsis */
        return "...";
    case 0x221E: /* infinity */
        return "inf";
    case 0x2192: /* arrow */
        return "->";
    case 0x2013:
    case 0x2014:
    case 0x2500:
        return "-";
    case 0x2588:
    case 0x2580:
    case 0x2584:
        return "#";
    default:
        return "?";
    }
}

void tui_ascii_fit(const char *text, size_t columns, bool pad, char *out, size_t size)
{
    if (size == 0)
        return;
    size_t len = strlen(text), n = 0, at = 0;
    /* One column more than fits tells that the text must be cut. */
    char *wide = out;
    while (at < len && n + 4 < size) {
        uint32_t cp;
        size_t used = lp_utf8_decode((const unsigned char *)text + at, len - at, &cp);
        at += used;
        if (cp < 0x80 && cp != LP_UTF8_INVALID) {
            wide[n++] = (char)cp;
        } else {
            const char *s = stand_in(cp);
            size_t k = strlen(s);
            memcpy(wide + n, s, k);
            n += k;
        }
    }
    wide[n] = '\0';
    if (n > columns) {
        size_t keep = columns >= 3 ? columns - 3 : columns;
        if (columns >= 3)
            memcpy(wide + keep, "...", 3);
        n = columns;
        wide[n] = '\0';
    }
    while (pad && n < columns && n + 1 < size)
        wide[n++] = ' ';
    wide[n] = '\0';
}

int tui_put(int y, int x, int width, const char *text, tui_role role, bool pad)
{
    if (width <= 0)
        return 0;
    size_t size = (size_t)width * 4 + 8;
    char stack[1024];
    char *buf = size <= sizeof stack ? stack : malloc(size);
    if (!buf)
        return 0;
    if (ascii_only) {
        /* Stand-ins grow a character to three bytes at most: room for them first. */
        size_t room = strlen(text ? text : "") * 3 + size;
        char *wide = room <= sizeof stack ? stack : malloc(room);
        if (!wide) {
            if (buf != stack)
                free(buf);
            return 0;
        }
        if (buf != stack)
            free(buf);
        buf = wide;
        size = room;
        tui_ascii_fit(text ? text : "", (size_t)width, pad, buf, size);
    } else {
        lp_text_fit(text ? text : "", (size_t)width, pad, buf, size);
    }
    attrset(tui_attr(role));
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
    int drawn = (int)lp_text_width(buf);
    if (buf != stack)
        free(buf);
    return drawn;
}

int tui_put_server(int y, int x, int width, const char *text, tui_role role, bool pad)
{
    char *clean = lp_sanitize_str(text);
    int drawn = tui_put(y, x, width, clean ? clean : "", role, pad);
    free(clean);
    return drawn;
}

void tui_box(tui_rect r, tui_role role)
{
    if (r.h < 2 || r.w < 2)
        return;
    attrset(tui_attr(role));
    mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
    mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
    mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
    mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
    mvaddch(r.y, r.x, ACS_ULCORNER);
    mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
    mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
    mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
    attrset(A_NORMAL);
}

void tui_table_row(int y, int x, const int *widths, int count, const tui_clean_row *row,
                   tui_role base)
{
    int at = x;
    for (int i = 0; i < count; i++) {
        if (widths[i] <= 0)
            continue;
        if (at > x) {
            tui_put(y, at, 1, " ", base, true);
            at++;
        }
        tui_role role = row->roles[i] != TUI_ROLE_NORMAL && base == TUI_ROLE_NORMAL ? row->roles[i]
                                                                                    : base;
        tui_put(y, at, widths[i], tui_clean_row_cell(row, i), role, true);
        at += widths[i];
    }
}

void tui_table_header(int y, int x, const int *widths, const tui_column *columns, int count)
{
    int at = x;
    for (int i = 0; i < count; i++) {
        if (widths[i] <= 0)
            continue;
        if (at > x) {
            tui_put(y, at, 1, " ", TUI_ROLE_HEADER, true);
            at++;
        }
        tui_put(y, at, widths[i], columns[i].title, TUI_ROLE_HEADER, true);
        at += widths[i];
    }
}

static size_t width_of_span(const char *from, const char *to)
{
    char piece[1024];
    size_t len = (size_t)(to - from) < sizeof piece - 1 ? (size_t)(to - from) : sizeof piece - 1;
    memcpy(piece, from, len);
    piece[len] = '\0';
    return lp_text_width(piece);
}

int tui_put_wrapped(int y, int x, int width, int max_lines, const char *text, tui_role role)
{
    if (width <= 0 || max_lines <= 0)
        return 0;
    char *clean = lp_sanitize_str(text);
    if (!clean)
        return 0;
    int lines = 0;
    const char *at = clean;
    while (lines < max_lines) {
        while (*at == ' ')
            at++;
        if (!*at)
            break;
        /* The longest run of whole words that fits. */
        const char *fit = NULL;
        const char *scan = at;
        for (;;) {
            const char *word_end = strchr(scan, ' ');
            if (!word_end)
                word_end = scan + strlen(scan);
            if (width_of_span(at, word_end) > (size_t)width)
                break;
            fit = word_end;
            if (!*word_end)
                break;
            scan = word_end + 1;
        }
        bool more_after = fit && *fit;
        if (!fit || (lines == max_lines - 1 && more_after)) {
            /* A word longer than the line, or no line left: cut with an ellipsis. */
            tui_put(y + lines, x, width, at, role, false);
            lines++;
            break;
        }
        char line[1024];
        size_t len = (size_t)(fit - at) < sizeof line - 1 ? (size_t)(fit - at) : sizeof line - 1;
        memcpy(line, at, len);
        line[len] = '\0';
        tui_put(y + lines, x, width, line, role, false);
        lines++;
        at = fit;
    }
    free(clean);
    return lines;
}
