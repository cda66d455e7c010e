/* Invariant checks shared by the fuzz targets. */
#include "fuzz_check.h"

#include <stdio.h>
#include <stdlib.h>

void fuzz_fail(const char *target, const char *what)
{
    fprintf(stderr, "%s: invariant violated: %s\n", target, what);
    fflush(stderr);
    abort();
}

/* Decodes one code point at s[i]; returns its length, or 0 when the bytes
 * there are not well-formed UTF-8. */
static size_t decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned char b = s[i];
    size_t need;
    uint32_t min;
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        min = 0x80;
        *cp = b & 0x1Fu;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        min = 0x800;
        *cp = b & 0x0Fu;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        min = 0x10000;
        *cp = b & 0x07u;
    } else {
        return 0;
    }
    if (len - i <= need)
        return 0;
    for (size_t k = 1; k <= need; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (s[i + k] & 0x3Fu);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return need + 1;
}

bool fuzz_utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        size_t n = decode(s, len, i, &cp);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* Written out here rather than taken from licportal/text.h, so that the
 * oracle does not share a mistake with the code it checks: controls, BiDi
 * controls, separators, and the invisible format characters of the audit
 * (soft hyphen, Hangul fillers, zero width space, U+2060..U+206F, BOM, tags). */
static bool is_forbidden(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x00AD || cp == 0x061C ||
           cp == 0x115F || cp == 0x1160 || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 ||
           (cp >= 0xE0000 && cp <= 0xE007F);
}

bool fuzz_terminal_safe(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        size_t n = decode(s, len, i, &cp);
        if (n == 0 || is_forbidden(cp))
            return false;
        i += n;
    }
    return true;
}

bool fuzz_all_zero(const void *p, size_t len)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < len; i++) {
        if (b[i] != 0)
            return false;
    }
    return true;
}
