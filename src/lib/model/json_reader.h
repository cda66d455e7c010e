/* Strict access to the fields of a parsed JSON body, with the field path in every error. */
#ifndef LICPORTAL_LIB_MODEL_JSON_READER_H
#define LICPORTAL_LIB_MODEL_JSON_READER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/error.h"
#include "licportal/model.h"
#include "lib/model/json_doc.h"

/* Room for a field path such as "renewal.options[12].price.currency". */
#define LP_JSON_PATH_MAX 160

/* Larger integers cannot be told apart from their neighbours once cJSON has
 * turned them into a double, so they are refused rather than rounded. */
#define LP_JSON_MAX_EXACT_INTEGER 9007199254740991LL

/* Parses `len` bytes (at most LP_JSON_MAX_BYTES, nested at most
 * LP_JSON_MAX_DEPTH deep) that must be one JSON object; the caller releases
 * *doc with lp_json_doc_free and reads it from lp_json_doc_root. */
lp_status lp_json_read_object(const char *json, size_t len, lp_json_doc **doc, lp_error *err);

/* Reads `len` bytes that must be one JSON object (as lp_json_read_object) and
 * hands its root to `read`, which fills `out`: the shape every lp_parse_* of
 * a single object shares. */
typedef lp_status (*lp_json_root_reader)(const cJSON *root, void *out, lp_error *err);
lp_status lp_json_parse_object(const char *json, size_t len, lp_json_root_reader read, void *out,
                               lp_error *err);

/* "parent.name" (or "name" at the top level) and "parent.name[index]". */
void lp_json_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name);
void lp_json_index_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name,
                        size_t index);

/* The readers below take the parent's path and the field's name apart and
 * join them only when they report an error, so a valid body formats no paths.
 * Presence rules: a required field must be there with the stated type; a
 * nullable field may be null (or absent), giving NULL / the "none" value. */
lp_status lp_json_require_object(const cJSON *parent, const char *path, const char *name,
                                 const cJSON **out, lp_error *err);
lp_status lp_json_require_array(const cJSON *parent, const char *path, const char *name,
                                const cJSON **out, lp_error *err);
lp_status lp_json_get_string(const cJSON *parent, const char *path, const char *name, bool nullable,
                             char **out, lp_error *err);
/* A non-negative integer; `null_value` is stored for null when nullable. */
lp_status lp_json_get_count(const cJSON *parent, const char *path, const char *name, bool nullable,
                            int64_t null_value, int64_t *out, lp_error *err);
/* A signed integer (amounts of money). */
lp_status lp_json_get_integer(const cJSON *parent, const char *path, const char *name, int64_t *out,
                              lp_error *err);
lp_status lp_json_get_bool(const cJSON *parent, const char *path, const char *name, bool *out,
                           lp_error *err);
/* An RFC 3339 time stamp; LP_TIME_NONE for null when nullable. */
lp_status lp_json_get_time(const cJSON *parent, const char *path, const char *name, bool nullable,
                           lp_time *out, lp_error *err);
/* A string that must be one of `allowed` (NULL-terminated); its index goes to *index. */
lp_status lp_json_get_enum(const cJSON *parent, const char *path, const char *name,
                           const char *const *allowed, int *index, lp_error *err);

/* The same readers for a member already in hand (NULL when absent), for
 * mappers that walk an object's members once instead of looking up each. */
lp_status lp_json_string_member(const cJSON *node, const char *path, const char *name,
                                bool nullable, char **out, lp_error *err);
lp_status lp_json_count_member(const cJSON *node, const char *path, const char *name, bool nullable,
                               int64_t null_value, int64_t *out, lp_error *err);
lp_status lp_json_time_member(const cJSON *node, const char *path, const char *name, bool nullable,
                              lp_time *out, lp_error *err);
lp_status lp_json_enum_member(const cJSON *node, const char *path, const char *name,
                              const char *const *allowed, int *index, lp_error *err);
lp_status lp_json_product_member(const cJSON *node, const char *path, const char *name,
                                 lp_product *out, lp_error *err);

/* The same checks for an array element or a value already in hand. */
lp_status lp_json_expect_object(const cJSON *node, const char *path, lp_error *err);
lp_status lp_json_string_value(const cJSON *node, const char *path, char **out, lp_error *err);

/* An array of strings; *out (NULL when empty) holds *count of them, kept
 * even on failure for the caller to free. */
lp_status lp_json_get_string_array(const cJSON *parent, const char *path, const char *name,
                                   char ***out, size_t *count, lp_error *err);

/* {"id", "name"} */
lp_status lp_json_get_product(const cJSON *parent, const char *path, const char *name,
                              lp_product *out, lp_error *err);

/* Sets LP_ERR_PROTOCOL with "PATH: what". */
lp_status lp_json_fail(lp_error *err, const char *path, const char *what);

#endif
