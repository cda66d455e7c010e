/* Terminal column widths of UTF-8 text, and fitting text into a number of columns.
 *
 * Code points are decoded here, never by mbrtowc, so the result does not
 * depend on the locale's character set. When the active LC_CTYPE is UTF-8,
 * wcwidth() (glibc's wchar_t is UCS-4) agrees with what the terminal library
 * will draw; otherwise a built-in table is used: East Asian Wide and
 * Fullwidth ranges count 2, combining marks and zero-width characters 0,
 * everything else 1. */
#include "licportal/text.h"

#include <langinfo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "lib/text/code_point_ranges.h"

static const lp_code_point_range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},   {0x05BF, 0x05BF},   {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},   {0x064B, 0x065F},   {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0711, 0x0711},
    {0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x0900, 0x0902},   {0x093A, 0x093A},   {0x093C, 0x093C},
    {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},
    {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},   {0x200B, 0x200F},   {0x202A, 0x202E},
    {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0x302A, 0x302D},   {0x3099, 0x309A},   {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
};

static const lp_code_point_range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x2614, 0x2615},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},
    {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int builtin_width(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 0;
    if (lp_code_point_in(zero_width, sizeof zero_width / sizeof zero_width[0], cp))
        return 0;
    if (lp_code_point_in(wide, sizeof wide / sizeof wide[0], cp))
        return 2;
    return 1;
}

static bool utf8_locale(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

static int char_width(uint32_t cp, bool use_wcwidth)
{
    if (use_wcwidth && cp >= 0x20 && sizeof(wchar_t) >= 4) {
        int w = wcwidth((wchar_t)cp);
        if (w >= 0)
            return w;
    }
    return builtin_width(cp);
}

int lp_code_point_width(uint32_t cp)
{
    return char_width(cp, utf8_locale());
}

/* The next character: its byte length and width (an invalid byte is 1 and 1). */
static size_t next_char(const unsigned char *s, size_t len, bool use_wcwidth, int *width)
{
    uint32_t cp;
    size_t n = lp_utf8_decode(s, len, &cp);
    if (cp == LP_UTF8_INVALID) {
        *width = 1;
        return 1;
    }
    *width = char_width(cp, use_wcwidth);
    return n;
}

size_t lp_text_width(const char *text)
{
    if (!text)
        return 0;
    bool use_wcwidth = utf8_locale();
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text), width = 0;
    for (size_t i = 0; i < len;) {
        int w;
        i += next_char(s + i, len - i, use_wcwidth, &w);
        width += (size_t)w;
    }
    return width;
}

/* Copies whole characters while they fit in `columns` and `room` bytes;
 * returns the bytes copied and whether all of `text` went in. */
static bool copy_prefix(const unsigned char *s, size_t len, size_t columns, size_t room,
                        bool use_wcwidth, char *out, size_t *used, size_t *width)
{
    *used = 0;
    *width = 0;
    for (size_t i = 0; i < len;) {
        int w;
        size_t n = next_char(s + i, len - i, use_wcwidth, &w);
        if (*width + (size_t)w > columns || *used + n > room)
            return false;
        memcpy(out + *used, s + i, n);
        *used += n;
        *width += (size_t)w;
        i += n;
    }
    return true;
}

void lp_text_fit(const char *text, size_t columns, bool pad, char *out, size_t size)
{
    lp_text_fit_marked(text, columns, pad, "\xE2\x80\xA6", 1, out, size);
}

void lp_text_fit_marked(const char *text, size_t columns, bool pad, const char *ellipsis,
                        size_t ellipsis_columns, char *out, size_t size)
{
    const size_t ellipsis_len = strlen(ellipsis);
    if (!out || size == 0)
        return;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    size_t len = strlen((const char *)s), room = size - 1, used, width;
    bool use_wcwidth = utf8_locale();
    if (!copy_prefix(s, len, columns, room, use_wcwidth, out, &used, &width) && columns > 0) {
        /* Cut: the ellipsis takes the last columns, or is left out where it does not fit. */
        size_t keep = columns >= ellipsis_columns ? columns - ellipsis_columns : columns;
        bool marked = columns >= ellipsis_columns && room >= ellipsis_len;
        copy_prefix(s, len, keep, marked ? room - ellipsis_len : room, use_wcwidth, out, &used,
                    &width);
        if (marked) {
            memcpy(out + used, ellipsis, ellipsis_len);
            used += ellipsis_len;
            width += ellipsis_columns;
        }
    }
    while (pad && width < columns && used < room) {
        out[used++] = ' ';
        width++;
    }
    out[used] = '\0';
}
