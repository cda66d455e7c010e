/* Strict field access on cJSON trees: every failure names the field's path. */
#include "lib/model/json_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "licportal/sanitize.h"
#include "lib/model/json_shape.h"
#include "licportal/text.h"

lp_status lp_json_fail(lp_error *err, const char *path, const char *what)
{
    if (path && *path)
        return lp_error_set(err, LP_ERR_PROTOCOL, "%s: %s", path, what);
    return lp_error_set(err, LP_ERR_PROTOCOL, "response body: %s", what);
}

/* The shape scan runs first inside the parse; it runs again only to name
 * the problem when the parse fails. A shape problem anywhere in the text is
 * the one reported, since the parse may have stopped before reaching it. */
lp_status lp_json_read_object(const char *json, size_t len, lp_json_doc **doc_out, lp_error *err)
{
    *doc_out = NULL;
    if (!json || len == 0)
        return lp_json_fail(err, NULL, "empty");
    if (len > LP_JSON_MAX_BYTES)
        return lp_error_set(err, LP_ERR_PROTOCOL, "response body: larger than %u bytes",
                            LP_JSON_MAX_BYTES);
    const char *end = NULL;
    bool out_of_memory = false;
    lp_json_doc *doc = lp_json_doc_parse(json, len, &end, &out_of_memory);
    if (!doc && out_of_memory)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    bool trailing = false;
    for (const char *p = end; doc && p < json + len && !trailing; p++)
        trailing = *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n';
    if (!doc || trailing) {
        lp_json_doc_free(doc);
        size_t stop;
        lp_status status = lp_json_shape_scan(json, len, &stop, err);
        if (status != LP_OK)
            return status;
        return lp_json_fail(err, NULL,
                            trailing ? "not valid JSON (text after the value)" : "not valid JSON");
    }
    if (!cJSON_IsObject(lp_json_doc_root(doc))) {
        lp_json_doc_free(doc);
        return lp_json_fail(err, NULL, "expected a JSON object");
    }
    *doc_out = doc;
    return LP_OK;
}

lp_status lp_json_parse_object(const char *json, size_t len, lp_json_root_reader read, void *out,
                               lp_error *err)
{
    lp_json_doc *doc;
    lp_status status = lp_json_read_object(json, len, &doc, err);
    if (status != LP_OK)
        return status;
    status = read(lp_json_doc_root(doc), out, err);
    lp_json_doc_free(doc);
    return status;
}

/* Appends `text` to the path being built in `out`, cutting it where snprintf
 * would; paths are built for every array element, so no format parsing. */
static size_t append(char out[LP_JSON_PATH_MAX], size_t used, const char *text, size_t len)
{
    if (used + len > LP_JSON_PATH_MAX - 1)
        len = LP_JSON_PATH_MAX - 1 - used;
    memcpy(out + used, text, len);
    used += len;
    out[used] = '\0';
    return used;
}

static size_t start_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name)
{
    size_t used = 0;
    out[0] = '\0';
    if (parent && *parent) {
        used = append(out, used, parent, strlen(parent));
        used = append(out, used, ".", 1);
    }
    return append(out, used, name, strlen(name));
}

void lp_json_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name)
{
    start_path(out, parent, name);
}

void lp_json_index_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name,
                        size_t index)
{
    size_t used = start_path(out, parent, name);
    char digits[24];
    size_t n = sizeof digits;
    digits[--n] = ']';
    do {
        digits[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    digits[--n] = '[';
    append(out, used, digits + n, sizeof digits - n);
}

/* A field's path kept as its parts ("path", optional "within", "name") until
 * a message needs it, so reading a field that is fine formats nothing. */
typedef struct field_at {
    const char *path;
    const char *within;
    const char *name;
} field_at;

static lp_status fail_at(lp_error *err, const field_at *at, const char *what)
{
    char full[LP_JSON_PATH_MAX];
    if (at->within) {
        char outer[LP_JSON_PATH_MAX];
        lp_json_path(outer, at->path, at->within);
        lp_json_path(full, outer, at->name);
    } else {
        lp_json_path(full, at->path, at->name);
    }
    return lp_json_fail(err, full, what);
}

/* `node` as the member `at` names: NULL with an error when it is missing
 * (and not allowed to be). */
static const cJSON *present(const cJSON *node, const field_at *at, bool may_be_absent,
                            lp_error *err)
{
    if (!node && !may_be_absent)
        fail_at(err, at, "required field missing");
    return node;
}

lp_status lp_json_expect_object(const cJSON *node, const char *path, lp_error *err)
{
    if (!cJSON_IsObject(node))
        return lp_json_fail(err, path, "expected an object");
    return LP_OK;
}

static lp_status require_object(const cJSON *node, const field_at *at, const cJSON **out,
                                lp_error *err)
{
    if (!present(node, at, false, err))
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsObject(node))
        return fail_at(err, at, "expected an object");
    *out = node;
    return LP_OK;
}

lp_status lp_json_require_object(const cJSON *parent, const char *path, const char *name,
                                 const cJSON **out, lp_error *err)
{
    const field_at at = {path, NULL, name};
    return require_object(cJSON_GetObjectItemCaseSensitive(parent, name), &at, out, err);
}

lp_status lp_json_require_array(const cJSON *parent, const char *path, const char *name,
                                const cJSON **out, lp_error *err)
{
    const field_at at = {path, NULL, name};
    const cJSON *node = present(cJSON_GetObjectItemCaseSensitive(parent, name), &at, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsArray(node))
        return fail_at(err, &at, "expected an array");
    *out = node;
    return LP_OK;
}

/* A copy of a string node known to be a string; checked to be UTF-8. */
static lp_status copy_string(const cJSON *node, const field_at *at, char **out, lp_error *err)
{
    const char *text = node->valuestring;
    size_t len = strlen(text);
    if (!lp_utf8_valid(text, len))
        return at->name ? fail_at(err, at, "invalid UTF-8")
                        : lp_json_fail(err, at->path, "invalid UTF-8");
    char *copy = malloc(len + 1);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    memcpy(copy, text, len + 1);
    *out = copy;
    return LP_OK;
}

lp_status lp_json_string_value(const cJSON *node, const char *path, char **out, lp_error *err)
{
    if (!cJSON_IsString(node) || !node->valuestring)
        return lp_json_fail(err, path, "expected a string");
    const field_at at = {path, NULL, NULL};
    return copy_string(node, &at, out, err);
}

static lp_status string_member(const cJSON *node, const field_at *at, bool nullable, char **out,
                               lp_error *err)
{
    *out = NULL;
    if (!present(node, at, nullable, err))
        return nullable ? LP_OK : LP_ERR_PROTOCOL;
    if (nullable && cJSON_IsNull(node))
        return LP_OK;
    if (!cJSON_IsString(node))
        return fail_at(err, at, nullable ? "expected a string or null" : "expected a string");
    if (!node->valuestring)
        return fail_at(err, at, "expected a string");
    return copy_string(node, at, out, err);
}

lp_status lp_json_string_member(const cJSON *node, const char *path, const char *name,
                                bool nullable, char **out, lp_error *err)
{
    const field_at at = {path, NULL, name};
    return string_member(node, &at, nullable, out, err);
}

lp_status lp_json_get_string(const cJSON *parent, const char *path, const char *name, bool nullable,
                             char **out, lp_error *err)
{
    return lp_json_string_member(cJSON_GetObjectItemCaseSensitive(parent, name), path, name,
                                 nullable, out, err);
}

/* An integer that a double holds exactly, within [min, LP_JSON_MAX_EXACT_INTEGER]. */
static lp_status integer_value(const cJSON *node, const field_at *at, int64_t min, int64_t *out,
                               lp_error *err)
{
    if (!cJSON_IsNumber(node))
        return fail_at(err, at,
                       min >= 0 ? "expected a non-negative integer" : "expected an integer");
    double d = node->valuedouble;
    if (!(d >= -(double)LP_JSON_MAX_EXACT_INTEGER && d <= (double)LP_JSON_MAX_EXACT_INTEGER))
        return fail_at(err, at, "number out of range");
    int64_t value = (int64_t)d;
    if ((double)value != d)
        return fail_at(err, at, "expected an integer, not a fraction");
    if (value < min)
        return fail_at(err, at, "must not be negative");
    *out = value;
    return LP_OK;
}

lp_status lp_json_count_member(const cJSON *node, const char *path, const char *name, bool nullable,
                               int64_t null_value, int64_t *out, lp_error *err)
{
    const field_at at = {path, NULL, name};
    if (!present(node, &at, nullable, err)) {
        if (!nullable)
            return LP_ERR_PROTOCOL;
        *out = null_value;
        return LP_OK;
    }
    if (nullable && cJSON_IsNull(node)) {
        *out = null_value;
        return LP_OK;
    }
    return integer_value(node, &at, 0, out, err);
}

lp_status lp_json_get_count(const cJSON *parent, const char *path, const char *name, bool nullable,
                            int64_t null_value, int64_t *out, lp_error *err)
{
    return lp_json_count_member(cJSON_GetObjectItemCaseSensitive(parent, name), path, name,
                                nullable, null_value, out, err);
}

lp_status lp_json_get_integer(const cJSON *parent, const char *path, const char *name, int64_t *out,
                              lp_error *err)
{
    const field_at at = {path, NULL, name};
    const cJSON *node = present(cJSON_GetObjectItemCaseSensitive(parent, name), &at, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    return integer_value(node, &at, -LP_JSON_MAX_EXACT_INTEGER, out, err);
}

lp_status lp_json_get_bool(const cJSON *parent, const char *path, const char *name, bool *out,
                           lp_error *err)
{
    const field_at at = {path, NULL, name};
    const cJSON *node = present(cJSON_GetObjectItemCaseSensitive(parent, name), &at, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsBool(node))
        return fail_at(err, &at, "expected true or false");
    *out = cJSON_IsTrue(node);
    return LP_OK;
}

lp_status lp_json_time_member(const cJSON *node, const char *path, const char *name, bool nullable,
                              lp_time *out, lp_error *err)
{
    const field_at at = {path, NULL, name};
    if (!present(node, &at, nullable, err) || (nullable && cJSON_IsNull(node))) {
        if (!node && !nullable)
            return LP_ERR_PROTOCOL;
        *out = LP_TIME_NONE;
        return LP_OK;
    }
    lp_time t;
    if (!cJSON_IsString(node) || !lp_timestamp_parse(node->valuestring, &t))
        return fail_at(err, &at, "not an RFC 3339 time stamp");
    *out = t;
    return LP_OK;
}

lp_status lp_json_get_time(const cJSON *parent, const char *path, const char *name, bool nullable,
                           lp_time *out, lp_error *err)
{
    return lp_json_time_member(cJSON_GetObjectItemCaseSensitive(parent, name), path, name, nullable,
                               out, err);
}

lp_status lp_json_enum_member(const cJSON *node, const char *path, const char *name,
                              const char *const *allowed, int *index, lp_error *err)
{
    const field_at at = {path, NULL, name};
    if (!present(node, &at, false, err))
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsString(node))
        return fail_at(err, &at, "expected a string");
    for (int i = 0; allowed[i]; i++) {
        if (strcmp(node->valuestring, allowed[i]) == 0) {
            *index = i;
            return LP_OK;
        }
    }
    /* The value is quoted for the reader, so it passes the sanitiser first. */
    char shown[40], what[64];
    lp_sanitize_into(node->valuestring, shown, sizeof shown);
    snprintf(what, sizeof what, "unknown value \"%s\"", shown);
    return fail_at(err, &at, what);
}

lp_status lp_json_get_enum(const cJSON *parent, const char *path, const char *name,
                           const char *const *allowed, int *index, lp_error *err)
{
    return lp_json_enum_member(cJSON_GetObjectItemCaseSensitive(parent, name), path, name, allowed,
                               index, err);
}

lp_status lp_json_product_member(const cJSON *node, const char *path, const char *name,
                                 lp_product *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    const field_at at = {path, NULL, name};
    lp_status status = require_object(node, &at, &node, err);
    if (status != LP_OK)
        return status;
    const field_at id = {path, name, "id"}, product_name = {path, name, "name"};
    if ((status = string_member(cJSON_GetObjectItemCaseSensitive(node, "id"), &id, false, &out->id,
                                err)) != LP_OK ||
        (status = string_member(cJSON_GetObjectItemCaseSensitive(node, "name"), &product_name,
                                false, &out->name, err)) != LP_OK)
        lp_product_clear(out);
    return status;
}

lp_status lp_json_get_product(const cJSON *parent, const char *path, const char *name,
                              lp_product *out, lp_error *err)
{
    return lp_json_product_member(cJSON_GetObjectItemCaseSensitive(parent, name), path, name, out,
                                  err);
}

lp_status lp_json_get_string_array(const cJSON *parent, const char *path, const char *name,
                                   char ***out, size_t *count, lp_error *err)
{
    const cJSON *array;
    lp_status status = lp_json_require_array(parent, path, name, &array, err);
    if (status != LP_OK)
        return status;
    size_t n = (size_t)cJSON_GetArraySize(array);
    if (n == 0)
        return LP_OK;
    *out = calloc(n, sizeof **out);
    if (!*out)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    const cJSON *node;
    cJSON_ArrayForEach(node, array)
    {
        char item_path[LP_JSON_PATH_MAX];
        lp_json_index_path(item_path, path, name, *count);
        status = lp_json_string_value(node, item_path, &(*out)[*count], err);
        if (status != LP_OK)
            return status;
        (*count)++;
    }
    return LP_OK;
}
