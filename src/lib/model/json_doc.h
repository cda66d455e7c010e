/* A parsed JSON body: cJSON's tree, all of it in one arena, released with one free. */
#ifndef LICPORTAL_LIB_MODEL_JSON_DOC_H
#define LICPORTAL_LIB_MODEL_JSON_DOC_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct lp_json_doc lp_json_doc;

/* Parses the value at the start of `len` bytes of `json` (a UTF-8 byte order
 * mark and whitespace before it are skipped) and sets *end to the byte after
 * it. cJSON parses it, so the tree and the grammar are cJSON's, only
 * stricter where cJSON is lenient: the value must end before the first place
 * where the text breaks a rule of lp_json_shape_scan (a control character or
 * U+0000 in a string, an escape such as \u00ZZ, which cJSON reads as U+0000,
 * a number outside the JSON grammar, nesting deeper than LP_JSON_MAX_DEPTH).
 * NULL when the text is not valid JSON or memory runs out (*out_of_memory
 * tells which). */
lp_json_doc *lp_json_doc_parse(const char *json, size_t len, const char **end, bool *out_of_memory);

/* The value parsed; valid until lp_json_doc_free. */
const cJSON *lp_json_doc_root(const lp_json_doc *doc);

/* Accepts NULL. */
void lp_json_doc_free(lp_json_doc *doc);

#endif
