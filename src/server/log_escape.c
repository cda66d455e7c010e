/* Escaping of client-controlled text before it reaches the log. */
#include "server/log_escape.h"

#include <stdbool.h>

static bool needs_escape(unsigned char c, bool keep_spaces)
{
    if (c == ' ')
        return !keep_spaces;
    return c < ' ' || c >= 0x7f || c == '"' || c == '\\';
}

static char *escape(const char *in, char *out, size_t out_size, bool keep_spaces)
{
    static const char hex[] = "0123456789abcdef";
    if (in == NULL)
        in = "-";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)in; *p != '\0'; p++) {
        bool escaped = needs_escape(*p, keep_spaces);
        if (n + (escaped ? 4 : 1) >= out_size)
            break;
        if (!escaped) {
            out[n++] = (char)*p;
            continue;
        }
        out[n++] = '\\';
        out[n++] = 'x';
        out[n++] = hex[*p >> 4];
        out[n++] = hex[*p & 0x0f];
    }
    out[n] = '\0';
    return out;
}

char *lpd_log_escape(const char *in, char *out, size_t out_size)
{
    return escape(in, out, out_size, false);
}

char *lpd_log_escape_text(const char *in, char *out, size_t out_size)
{
    return escape(in, out, out_size, true);
}
