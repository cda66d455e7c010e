/* The one path from server text to a terminal: strips what could control it. */
#ifndef LICPORTAL_SANITIZE_H
#define LICPORTAL_SANITIZE_H

#include <stddef.h>

/* Returns a malloc'd copy of `len` bytes of `text` that is valid UTF-8 and
 * safe to print: C0 controls (including ESC, CR, LF, TAB) and DEL become a
 * space or are dropped, whole ESC/CSI/OSC/DCS sequences are removed, C1
 * controls (U+0080..U+009F), BiDi embedding/override/isolate characters
 * (U+202A..U+202E, U+2066..U+2069), and other invisible format characters
 * that reorder or hide text are removed, and invalid UTF-8 bytes become
 * U+FFFD. NULL text gives "". Returns NULL only when out of memory. */
char *lp_sanitize(const char *text, size_t len);

/* The same for a NUL-terminated string (NULL gives ""). */
char *lp_sanitize_str(const char *text);

/* The same, written into a caller buffer of `size` bytes, truncated at a
 * character boundary; always NUL-terminated when size > 0. Returns `out`. */
char *lp_sanitize_into(const char *text, char *out, size_t size);

#endif
