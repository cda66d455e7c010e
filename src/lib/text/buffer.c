/* One growable byte buffer (as curl's dynbuf): NUL-terminated, bounded, its failure sticks. */
#include "licportal/buffer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a buffer starts; it then doubles. */
#define FIRST_CAP 256
/* No buffer grows past this, whatever its own limit. */
#define HARD_MAX (SIZE_MAX / 4)

void lp_buffer_init(lp_buffer *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max > 0 && max < HARD_MAX ? max : HARD_MAX;
}

static bool fail(lp_buffer *b, bool too_big)
{
    b->failed = true;
    b->too_big = b->too_big || too_big;
    return false;
}

/* Makes room for `more` bytes and the NUL. */
static bool reserve(lp_buffer *b, size_t more)
{
    if (more > b->max - b->len)
        return fail(b, true);
    size_t need = b->len + more + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : FIRST_CAP;
    while (cap < need)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown)
        return fail(b, false);
    b->data = grown;
    b->cap = cap;
    return true;
}

bool lp_buffer_add(lp_buffer *b, const void *data, size_t len)
{
    if (b->failed || !reserve(b, len))
        return false;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return true;
}

bool lp_buffer_add_str(lp_buffer *b, const char *text)
{
    return lp_buffer_add(b, text, text ? strlen(text) : 0);
}

bool lp_buffer_printf(lp_buffer *b, const char *fmt, ...)
{
    if (b->failed)
        return false;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n))
        return n < 0 ? fail(b, false) : false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

const char *lp_buffer_text(const lp_buffer *b)
{
    return b->data ? b->data : "";
}

char *lp_buffer_take(lp_buffer *b)
{
    char *text = b->failed ? NULL : b->data ? b->data : strdup("");
    if (b->failed)
        free(b->data);
    size_t max = b->max;
    memset(b, 0, sizeof *b);
    b->max = max;
    return text;
}

void lp_buffer_free(lp_buffer *b, bool wipe)
{
    if (wipe && b->data)
        explicit_bzero(b->data, b->cap);
    free(b->data);
    size_t max = b->max;
    memset(b, 0, sizeof *b);
    b->max = max;
}
