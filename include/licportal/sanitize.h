/* The one path from server text to a terminal: strips what could control it.
 * Every program on the library (the CLI, the terminal UI) runs server text through it. */
#ifndef LICPORTAL_SANITIZE_H
#define LICPORTAL_SANITIZE_H

#include <stddef.h>

/* Returns a malloc'd copy of `len` bytes of `text` that is valid UTF-8 and
 * safe to print: whole ESC/CSI/OSC/DCS sequences (and their C1 forms) are
 * removed; every code point is then treated by its lp_code_point_kind_of
 * (licportal/text.h): whitespace controls and U+2028/U+2029 become a space,
 * other controls and hidden format characters (BiDi controls, zero-width
 * and invisible characters) are removed; invalid UTF-8 bytes become U+FFFD.
 * NULL text gives "". Returns NULL only when out of memory. */
char *lp_sanitize(const char *text, size_t len);

/* The same, except that line feeds and tabs stay (CR LF becomes LF), for
 * output that escapes them, such as JSON; every other character is treated
 * exactly as lp_sanitize treats it. */
char *lp_sanitize_keep_lines(const char *text, size_t len);

/* The same for a NUL-terminated string (NULL gives ""). */
char *lp_sanitize_str(const char *text);

/* The same, written into a caller buffer of `size` bytes, truncated at a
 * character boundary; always NUL-terminated when size > 0. Returns `out`. */
char *lp_sanitize_into(const char *text, char *out, size_t size);

#endif
