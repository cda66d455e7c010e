/* The rules a JSON body must keep beyond cJSON's grammar, found in one linear scan of its text. */
#ifndef LICPORTAL_LIB_MODEL_JSON_SHAPE_H
#define LICPORTAL_LIB_MODEL_JSON_SHAPE_H

#include <stddef.h>

#include "licportal/error.h"

/* cJSON recurses once per level, cuts a string short at an escaped NUL or at
 * a \u escape that is not hexadecimal (it reads both as U+0000), passes
 * control characters in strings and hands strtod numbers such as "01" or
 * "1.". This scan, which does not recurse, finds where `len` bytes of `json`
 * first break one of these rules: nesting deeper than LP_JSON_MAX_DEPTH, a
 * control character or an escaped NUL in a string, a number outside the
 * JSON grammar, a \u escape without four hexadecimal digits, a number longer
 * than 63 characters.
 *
 * Sets *stop to the offset of the first problem of any kind (len when there
 * is none): a value that ends before it is unaffected. Returns the first of
 * the problems that have a name of their own (the first four) as
 * LP_ERR_PROTOCOL with err saying which; the other two are not named
 * (cJSON's "not valid JSON" is the caller's to say) and leave LP_OK. */
lp_status lp_json_shape_scan(const char *json, size_t len, size_t *stop, lp_error *err);

#endif
