/* Text as the library sees it: strict UTF-8, terminal column widths, and the code points never shown.
 * Public for the terminal UI, which edits and lays out text with it.
 *
 * Everything that walks UTF-8 (the sanitiser, the JSON writer, the terminal
 * UI's line editor and views, the download file-name check) uses these
 * functions, so that "what is unsafe" is decided in one place. */
#ifndef LICPORTAL_TEXT_H
#define LICPORTAL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/utf8.h"

/* What a code point is to a terminal. */
typedef enum lp_code_point_kind {
    LP_CP_PRINTABLE, /* shown as it is */
    LP_CP_SPACE,     /* whitespace controls (TAB, LF, CR, VT, FF) and the line and
                       * paragraph separators U+2028/U+2029: shown as a space */
    LP_CP_CONTROL,   /* other C0 controls, DEL, C1 controls (U+0080..U+009F): dropped */
    LP_CP_HIDDEN,    /* draws nothing yet reorders, hides or disguises the text around
                       * it: BiDi embeddings, overrides, isolates and marks, zero-width
                       * space, soft hyphen, Hangul fillers, U+2060..U+206F, the BOM,
                       * interlinear annotations, tag characters...: dropped */
} lp_code_point_kind;

lp_code_point_kind lp_code_point_kind_of(uint32_t cp);

/* Anything but LP_CP_PRINTABLE. */
bool lp_code_point_unsafe(uint32_t cp);

/* Whether `text` is well-formed UTF-8 made of printable code points only:
 * what would be shown of it is exactly what it is. */
bool lp_text_is_printable(const char *text);

/* Terminal columns of one code point: 2 for wide characters, 0 for
 * combining marks and zero-width characters, else 1. Uses wcwidth() when the
 * locale is UTF-8 (so it agrees with the terminal library), else a built-in
 * table; never depends on the locale's character set for decoding. */
int lp_code_point_width(uint32_t cp);

/* Terminal columns taken by UTF-8 `text` (wide characters count 2,
 * combining marks 0). Invalid bytes count 1. */
size_t lp_text_width(const char *text);

/* Copies the longest prefix of `text` that fits in `columns` columns into
 * `out` (ending with "…" when cut), then pads with spaces to exactly
 * `columns` columns when `pad` is set. Never splits a character. */
void lp_text_fit(const char *text, size_t columns, bool pad, char *out, size_t size);
/* The same with another mark for the cut (such as "..." of 3 columns where
 * the terminal's character set is not UTF-8). */
void lp_text_fit_marked(const char *text, size_t columns, bool pad, const char *ellipsis,
                        size_t ellipsis_columns, char *out, size_t size);

#endif
