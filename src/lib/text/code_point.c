/* Which code points a terminal must never receive from server text: the one list for every output. */
#include "licportal/text.h"

#include <string.h>

#include "lib/text/code_point_ranges.h"

/* Format characters (and look-alike blanks) that draw nothing yet reorder,
 * hide or disguise the text around them, in code point order. ZWNJ and ZWJ
 * (U+200C, U+200D) and the variation selectors are not here: scripts and
 * emoji sequences need them, and they cannot reorder text. */
static const lp_code_point_range hidden[] = {
    {0x00AD, 0x00AD},   /* soft hyphen */
    {0x034F, 0x034F},   /* combining grapheme joiner */
    {0x0600, 0x0605},   /* Arabic number signs (prepended marks) */
    {0x061C, 0x061C},   /* Arabic letter mark */
    {0x06DD, 0x06DD},   /* Arabic end of ayah */
    {0x070F, 0x070F},   /* Syriac abbreviation mark */
    {0x08E2, 0x08E2},   /* Arabic disputed end of ayah */
    {0x115F, 0x1160},   /* Hangul fillers, used as blank names */
    {0x17B4, 0x17B5},   /* Khmer inherent vowels (invisible) */
    {0x180B, 0x180F},   /* Mongolian free variation selectors and vowel separator */
    {0x200B, 0x200B},   /* zero width space */
    {0x200E, 0x200F},   /* LRM, RLM */
    {0x202A, 0x202E},   /* embeddings and overrides */
    {0x2060, 0x206F},   /* word joiner, invisible operators, isolates, deprecated */
    {0x3164, 0x3164},   /* Hangul filler */
    {0xFEFF, 0xFEFF},   /* zero width no-break space (BOM) */
    {0xFFA0, 0xFFA0},   /* halfwidth Hangul filler */
    {0xFFF9, 0xFFFB},   /* interlinear annotation */
    {0x110BD, 0x110BD}, /* Kaithi number sign */
    {0x110CD, 0x110CD}, /* Kaithi number sign above */
    {0x13430, 0x1343F}, /* Egyptian hieroglyph format controls */
    {0x1BCA0, 0x1BCA3}, /* shorthand format controls */
    {0x1D173, 0x1D17A}, /* musical format controls */
    {0xE0000, 0xE007F}, /* tags: invisible ASCII look-alikes */
};

static bool is_hidden(uint32_t cp)
{
    return lp_code_point_in(hidden, sizeof hidden / sizeof hidden[0], cp);
}

lp_code_point_kind lp_code_point_kind_of(uint32_t cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x2028 ||
        cp == 0x2029)
        return LP_CP_SPACE;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return LP_CP_CONTROL;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || is_hidden(cp))
        return LP_CP_HIDDEN;
    return LP_CP_PRINTABLE;
}

bool lp_code_point_unsafe(uint32_t cp)
{
    return lp_code_point_kind_of(cp) != LP_CP_PRINTABLE;
}

bool lp_text_is_printable(const char *text)
{
    if (!text)
        return false;
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += lp_utf8_decode(s + i, len - i, &cp);
        if (cp == LP_UTF8_INVALID || lp_code_point_unsafe(cp))
            return false;
    }
    return true;
}
