/* The sanitiser: the only path from server text to a terminal. One linear pass. */
#include "licportal/sanitize.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/text.h"

enum { ESC = 0x1B, BEL = 0x07, CAN = 0x18, SUB = 0x1A };

/* Where output goes; once a character no longer fits, nothing more is written,
 * so truncation always falls on a character boundary. */
typedef struct sink {
    char *out;
    size_t cap;
    size_t len;
    bool full;
} sink;

static void put(sink *sk, const void *bytes, size_t n)
{
    if (sk->full)
        return;
    if (n > sk->cap - sk->len) {
        sk->full = true;
        return;
    }
    memcpy(sk->out + sk->len, bytes, n);
    sk->len += n;
}

/* CSI: parameter and intermediate bytes up to a final byte. Anything else
 * ends the sequence early (as a terminal would) and is looked at afresh. */
static size_t skip_csi(const unsigned char *s, size_t len, size_t j)
{
    for (; j < len; j++) {
        if (s[j] >= 0x40 && s[j] <= 0x7E)
            return j + 1;
        if (s[j] < 0x20 || s[j] > 0x3F)
            return j;
    }
    return len;
}

/* OSC, DCS, SOS, PM, APC: everything up to ST (ESC \ or the C1 form), or BEL
 * for OSC. CAN and SUB cancel; a new ESC starts a new sequence. An
 * unterminated string swallows the rest, as it would on a terminal. */
static size_t skip_control_string(const unsigned char *s, size_t len, size_t j, bool bel_ends)
{
    for (; j < len; j++) {
        unsigned char c = s[j];
        if ((c == BEL && bel_ends) || c == CAN || c == SUB || c == 0x9C)
            return j + 1;
        if (c == ESC)
            return j + 1 < len && s[j + 1] == '\\' ? j + 2 : j;
        if (c == 0xC2 && j + 1 < len && s[j + 1] == 0x9C)
            return j + 2;
    }
    return len;
}

/* `i` is at ESC: returns the index after the whole sequence. */
static size_t skip_escape(const unsigned char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j >= len)
        return len;
    unsigned char c = s[j];
    switch (c) {
    case '[':
        return skip_csi(s, len, j + 1);
    case ']':
        return skip_control_string(s, len, j + 1, true);
    case 'P':
    case 'X':
    case '^':
    case '_':
        return skip_control_string(s, len, j + 1, false);
    default:
        break;
    }
    if (c >= 0x20 && c <= 0x2F) { /* nF: intermediates, then one final byte */
        while (j < len && s[j] >= 0x20 && s[j] <= 0x2F)
            j++;
        return j < len && s[j] >= 0x30 && s[j] <= 0x7E ? j + 1 : j;
    }
    if (c >= 0x30 && c <= 0x7E)
        return j + 1;
    return j; /* a lone ESC before a control or non-ASCII byte */
}

/* C1 controls in their UTF-8 form; `next` is the index after the character. */
static size_t skip_c1(const unsigned char *s, size_t len, size_t next, uint32_t cp)
{
    switch (cp) {
    case 0x9B:
        return skip_csi(s, len, next);
    case 0x9D:
        return skip_control_string(s, len, next, true);
    case 0x90:
    case 0x98:
    case 0x9E:
    case 0x9F:
        return skip_control_string(s, len, next, false);
    default:
        return next;
    }
}

/* Whitespace keeps words apart: a space, or itself for LF and TAB when the
 * output escapes them (JSON). CR LF counts as one line break. Returns the
 * index after it. */
static size_t put_space(const unsigned char *s, size_t len, size_t i, size_t n, bool keep_lines,
                        sink *sk)
{
    unsigned char b = s[i];
    if (b == '\r' && i + 1 < len && s[i + 1] == '\n') {
        i++;
        b = '\n';
    }
    if (keep_lines && (b == '\n' || b == '\t'))
        put(sk, &b, 1);
    else
        put(sk, " ", 1);
    return i + n;
}

static void sanitize(const unsigned char *s, size_t len, bool keep_lines, sink *sk)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t i = 0;
    while (i < len && !sk->full) {
        unsigned char b = s[i];
        if (b == ESC) {
            i = skip_escape(s, len, i);
            continue;
        }
        if (b >= 0x20 && b < 0x7F) {
            put(sk, &s[i], 1);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = lp_utf8_decode(s + i, len - i, &cp);
        if (cp == LP_UTF8_INVALID) {
            put(sk, replacement, 3);
            i += n;
            continue;
        }
        switch (lp_code_point_kind_of(cp)) {
        case LP_CP_PRINTABLE:
            put(sk, s + i, n);
            i += n;
            break;
        case LP_CP_SPACE:
            i = put_space(s, len, i, n, keep_lines, sk);
            break;
        case LP_CP_CONTROL:
            i = cp >= 0x80 ? skip_c1(s, len, i + n, cp) : i + n;
            break;
        case LP_CP_HIDDEN:
            i += n;
            break;
        }
    }
}

/* Length of the leading run of printable ASCII, which the sanitiser keeps as it is. */
static size_t printable_ascii_run(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] >= 0x20 && s[i] < 0x7F)
        i++;
    return i;
}

static char *sanitize_copy(const char *text, size_t len, bool keep_lines)
{
    if (!text)
        len = 0;
    /* Most server text is printable ASCII: one exact copy, no worst-case
     * buffer to shrink afterwards. */
    if (printable_ascii_run((const unsigned char *)text, len) == len) {
        char *copy = malloc(len + 1);
        if (copy) {
            if (len)
                memcpy(copy, text, len);
            copy[len] = '\0';
        }
        return copy;
    }
    /* Each input byte yields at most three output bytes (one U+FFFD). */
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    size_t cap = len * 3;
    char *out = malloc(cap + 1);
    if (!out)
        return NULL;
    sink sk = {out, cap, 0, false};
    if (len)
        sanitize((const unsigned char *)text, len, keep_lines, &sk);
    out[sk.len] = '\0';
    char *shrunk = realloc(out, sk.len + 1);
    if (shrunk)
        out = shrunk;
    return out;
}

char *lp_sanitize(const char *text, size_t len)
{
    return sanitize_copy(text, len, false);
}

char *lp_sanitize_keep_lines(const char *text, size_t len)
{
    return sanitize_copy(text, len, true);
}

char *lp_sanitize_str(const char *text)
{
    return lp_sanitize(text, text ? strlen(text) : 0);
}

char *lp_sanitize_into(const char *text, char *out, size_t size)
{
    if (!out || size == 0)
        return out;
    sink sk = {out, size - 1, 0, false};
    if (text)
        sanitize((const unsigned char *)text, strlen(text), false, &sk);
    out[sk.len] = '\0';
    return out;
}
