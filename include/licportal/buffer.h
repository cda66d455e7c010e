/* One growable byte buffer (as curl's dynbuf): NUL-terminated, bounded, its failure sticks.
 * The library builds URLs, bodies and files with it; the CLI its JSON and caches.
 *
 *     lp_buffer b;
 *     lp_buffer_init(&b, 0);
 *     lp_buffer_add_str(&b, "licenses: ");
 *     lp_buffer_printf(&b, "%d", count);
 *     char *text = lp_buffer_take(&b); // NULL when any step failed
 *
 * Every add after a failure (out of memory, or past the limit) is refused,
 * so a caller checks once at the end. */
#ifndef LICPORTAL_BUFFER_H
#define LICPORTAL_BUFFER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct lp_buffer {
    char *data;   /* NUL-terminated; NULL until the first byte */
    size_t len;   /* bytes held, not counting the NUL */
    size_t cap;   /* bytes allocated */
    size_t max;   /* the most it may hold */
    bool failed;  /* an add failed: out of memory or past `max` */
    bool too_big; /* ... and it was past `max` */
} lp_buffer;

/* An empty buffer that holds at most `max` bytes (0: no limit of its own). */
void lp_buffer_init(lp_buffer *b, size_t max);

/* Appends `len` bytes; false (and the buffer failed from then on) when out
 * of memory or past the limit, in which case nothing is appended. */
bool lp_buffer_add(lp_buffer *b, const void *data, size_t len);
bool lp_buffer_add_str(lp_buffer *b, const char *text);
bool lp_buffer_printf(lp_buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text so far ("" when empty); valid until the next add. */
const char *lp_buffer_text(const lp_buffer *b);

/* Hands the text over (malloc'd, NUL-terminated, "" when empty) and leaves
 * the buffer empty; NULL when the buffer failed or out of memory. */
char *lp_buffer_take(lp_buffer *b);

/* Frees what it holds (after overwriting it with zeros when `wipe`, for
 * text that held a secret) and leaves it empty, keeping its limit. */
void lp_buffer_free(lp_buffer *b, bool wipe);

#endif
