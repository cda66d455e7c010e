/* Opaque page cursors: the last item's sort value and id, authenticated so clients cannot forge them. */
#ifndef LP_SERVER_CURSOR_H
#define LP_SERVER_CURSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LP_CURSOR_KEY_BYTES 32
#define LP_CURSOR_SCOPE_MAX 32
#define LP_CURSOR_VALUE_MAX 256

/* Where the previous page ended. `scope` names the list and its order (for
 * example "licenses:-added_at"), so a cursor from one list or order is
 * refused by another. `value` is the sort key of the last item as text. */
struct lpd_cursor {
    char scope[LP_CURSOR_SCOPE_MAX];
    int64_t id;
    char value[LP_CURSOR_VALUE_MAX];
};

/* Encodes into a malloc'd base64url string; NULL when out of memory or a
 * field is too long. */
char *lpd_cursor_encode(const struct lpd_cursor *cursor, const unsigned char key[LP_CURSOR_KEY_BYTES]);

/* Decodes `text`; false when it is malformed, was altered, was made with
 * another key, or belongs to another scope than `expected_scope`. */
bool lpd_cursor_decode(const char *text, const unsigned char key[LP_CURSOR_KEY_BYTES], const char *expected_scope,
                       struct lpd_cursor *out);

#endif
