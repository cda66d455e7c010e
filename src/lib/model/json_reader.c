/* Strict field access on cJSON trees: every failure names the field's path. */
#include "lib/model/json_reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/json_map.h"
#include "licportal/sanitize.h"
#include "lib/text/utf8.h"

lp_status lp_json_fail(lp_error *err, const char *path, const char *what)
{
    if (path && *path)
        return lp_error_set(err, LP_ERR_PROTOCOL, "%s: %s", path, what);
    return lp_error_set(err, LP_ERR_PROTOCOL, "response body: %s", what);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Length of the JSON number at `p` (RFC 8259 grammar), or 0 when malformed.
 * cJSON hands number text to strtod, which would also take "+1", "01" or "1.". */
static size_t number_length(const char *p, size_t len)
{
    size_t i = 0;
    if (i < len && p[i] == '-')
        i++;
    if (i < len && p[i] == '0') {
        i++;
    } else if (i < len && is_digit(p[i])) {
        while (i < len && is_digit(p[i]))
            i++;
    } else {
        return 0;
    }
    if (i < len && p[i] == '.') {
        i++;
        if (i >= len || !is_digit(p[i]))
            return 0;
        while (i < len && is_digit(p[i]))
            i++;
    }
    if (i < len && (p[i] == 'e' || p[i] == 'E')) {
        i++;
        if (i < len && (p[i] == '+' || p[i] == '-'))
            i++;
        if (i >= len || !is_digit(p[i]))
            return 0;
        while (i < len && is_digit(p[i]))
            i++;
    }
    if (i < len && (is_digit(p[i]) || p[i] == '.' || p[i] == 'e' || p[i] == 'E' ||
                    p[i] == '+' || p[i] == '-'))
        return 0;
    return i;
}

/* One pass over the text before cJSON sees it: cJSON recurses once per level,
 * silently cuts strings at an escaped NUL and is lenient about numbers. */
static lp_status scan_shape(const char *json, size_t len, lp_error *err)
{
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)json[i];
        if (in_string) {
            if (c == '\\') {
                if (i + 5 < len && json[i + 1] == 'u' && memcmp(json + i + 2, "0000", 4) == 0)
                    return lp_json_fail(err, NULL, "a string contains a NUL character");
                i++;
            } else if (c == '"') {
                in_string = false;
            } else if (c < 0x20) {
                return lp_json_fail(err, NULL, "not valid JSON (control character in a string)");
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '-' || c == '+' || c == '.' || is_digit((char)c)) {
            size_t n = number_length(json + i, len - i);
            if (n == 0)
                return lp_json_fail(err, NULL, "not valid JSON (malformed number)");
            i += n - 1;
        } else if (c == '[' || c == '{') {
            if (++depth > LP_JSON_MAX_DEPTH)
                return lp_error_set(err, LP_ERR_PROTOCOL,
                                    "response body: nested deeper than %d levels",
                                    LP_JSON_MAX_DEPTH);
        } else if (c == ']' || c == '}') {
            if (depth > 0)
                depth--;
        }
    }
    return LP_OK;
}

lp_status lp_json_read_object(const char *json, size_t len, cJSON **root, lp_error *err)
{
    *root = NULL;
    if (!json || len == 0)
        return lp_json_fail(err, NULL, "empty");
    if (len > LP_JSON_MAX_BYTES)
        return lp_error_set(err, LP_ERR_PROTOCOL, "response body: larger than %u bytes",
                            LP_JSON_MAX_BYTES);
    lp_status status = scan_shape(json, len, err);
    if (status != LP_OK)
        return status;
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!doc)
        return lp_json_fail(err, NULL, "not valid JSON");
    for (const char *p = end; p && p < json + len; p++) {
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') {
            cJSON_Delete(doc);
            return lp_json_fail(err, NULL, "not valid JSON (text after the value)");
        }
    }
    if (!cJSON_IsObject(doc)) {
        cJSON_Delete(doc);
        return lp_json_fail(err, NULL, "expected a JSON object");
    }
    *root = doc;
    return LP_OK;
}

void lp_json_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name)
{
    if (parent && *parent)
        snprintf(out, LP_JSON_PATH_MAX, "%s.%s", parent, name);
    else
        snprintf(out, LP_JSON_PATH_MAX, "%s", name);
}

void lp_json_index_path(char out[LP_JSON_PATH_MAX], const char *parent, const char *name,
                        size_t index)
{
    if (parent && *parent)
        snprintf(out, LP_JSON_PATH_MAX, "%s.%s[%zu]", parent, name, index);
    else
        snprintf(out, LP_JSON_PATH_MAX, "%s[%zu]", name, index);
}

/* The member `name`, or NULL with an error when it is missing (and not allowed to be). */
static const cJSON *member(const cJSON *parent, const char *path, const char *name,
                           bool may_be_absent, lp_error *err)
{
    const cJSON *node = cJSON_GetObjectItemCaseSensitive(parent, name);
    if (!node && !may_be_absent) {
        char full[LP_JSON_PATH_MAX];
        lp_json_path(full, path, name);
        lp_json_fail(err, full, "required field missing");
    }
    return node;
}

static lp_status wrong_type(const char *path, const char *name, const char *expected,
                            lp_error *err)
{
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    char what[64];
    snprintf(what, sizeof what, "expected %s", expected);
    return lp_json_fail(err, full, what);
}

lp_status lp_json_expect_object(const cJSON *node, const char *path, lp_error *err)
{
    if (!cJSON_IsObject(node))
        return lp_json_fail(err, path, "expected an object");
    return LP_OK;
}

lp_status lp_json_require_object(const cJSON *parent, const char *path, const char *name,
                                 const cJSON **out, lp_error *err)
{
    const cJSON *node = member(parent, path, name, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsObject(node))
        return wrong_type(path, name, "an object", err);
    *out = node;
    return LP_OK;
}

lp_status lp_json_require_array(const cJSON *parent, const char *path, const char *name,
                                const cJSON **out, lp_error *err)
{
    const cJSON *node = member(parent, path, name, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsArray(node))
        return wrong_type(path, name, "an array", err);
    *out = node;
    return LP_OK;
}

lp_status lp_json_string_value(const cJSON *node, const char *path, char **out, lp_error *err)
{
    if (!cJSON_IsString(node) || !node->valuestring)
        return lp_json_fail(err, path, "expected a string");
    size_t len = strlen(node->valuestring);
    if (!lp_utf8_valid(node->valuestring, len))
        return lp_json_fail(err, path, "invalid UTF-8");
    char *copy = malloc(len + 1);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    memcpy(copy, node->valuestring, len + 1);
    *out = copy;
    return LP_OK;
}

lp_status lp_json_get_string(const cJSON *parent, const char *path, const char *name,
                             bool nullable, char **out, lp_error *err)
{
    *out = NULL;
    const cJSON *node = member(parent, path, name, nullable, err);
    if (!node)
        return nullable ? LP_OK : LP_ERR_PROTOCOL;
    if (nullable && cJSON_IsNull(node))
        return LP_OK;
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    if (!cJSON_IsString(node))
        return lp_json_fail(err, full, nullable ? "expected a string or null" : "expected a string");
    return lp_json_string_value(node, full, out, err);
}

/* An integer that a double holds exactly, within [min, LP_JSON_MAX_EXACT_INTEGER]. */
static lp_status integer_value(const cJSON *node, const char *full, int64_t min, int64_t *out,
                               lp_error *err)
{
    if (!cJSON_IsNumber(node))
        return lp_json_fail(err, full, min >= 0 ? "expected a non-negative integer"
                                                : "expected an integer");
    double d = node->valuedouble;
    if (!(d >= -(double)LP_JSON_MAX_EXACT_INTEGER && d <= (double)LP_JSON_MAX_EXACT_INTEGER))
        return lp_json_fail(err, full, "number out of range");
    int64_t value = (int64_t)d;
    if ((double)value != d)
        return lp_json_fail(err, full, "expected an integer, not a fraction");
    if (value < min)
        return lp_json_fail(err, full, "must not be negative");
    *out = value;
    return LP_OK;
}

lp_status lp_json_get_count(const cJSON *parent, const char *path, const char *name,
                            bool nullable, int64_t null_value, int64_t *out, lp_error *err)
{
    const cJSON *node = member(parent, path, name, nullable, err);
    if (!node) {
        if (!nullable)
            return LP_ERR_PROTOCOL;
        *out = null_value;
        return LP_OK;
    }
    if (nullable && cJSON_IsNull(node)) {
        *out = null_value;
        return LP_OK;
    }
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    return integer_value(node, full, 0, out, err);
}

lp_status lp_json_get_integer(const cJSON *parent, const char *path, const char *name,
                              int64_t *out, lp_error *err)
{
    const cJSON *node = member(parent, path, name, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    return integer_value(node, full, -LP_JSON_MAX_EXACT_INTEGER, out, err);
}

lp_status lp_json_get_bool(const cJSON *parent, const char *path, const char *name, bool *out,
                           lp_error *err)
{
    const cJSON *node = member(parent, path, name, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    if (!cJSON_IsBool(node))
        return wrong_type(path, name, "true or false", err);
    *out = cJSON_IsTrue(node);
    return LP_OK;
}

lp_status lp_json_get_time(const cJSON *parent, const char *path, const char *name,
                           bool nullable, lp_time *out, lp_error *err)
{
    const cJSON *node = member(parent, path, name, nullable, err);
    if (!node || (nullable && cJSON_IsNull(node))) {
        if (!node && !nullable)
            return LP_ERR_PROTOCOL;
        *out = LP_TIME_NONE;
        return LP_OK;
    }
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    lp_time t;
    if (!cJSON_IsString(node) || !lp_timestamp_parse(node->valuestring, &t))
        return lp_json_fail(err, full, "not an RFC 3339 time stamp");
    *out = t;
    return LP_OK;
}

lp_status lp_json_get_enum(const cJSON *parent, const char *path, const char *name,
                           const char *const *allowed, int *index, lp_error *err)
{
    const cJSON *node = member(parent, path, name, false, err);
    if (!node)
        return LP_ERR_PROTOCOL;
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    if (!cJSON_IsString(node))
        return lp_json_fail(err, full, "expected a string");
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
    return lp_json_fail(err, full, what);
}

lp_status lp_json_get_product(const cJSON *parent, const char *path, const char *name,
                              lp_product *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    const cJSON *node;
    lp_status status = lp_json_require_object(parent, path, name, &node, err);
    if (status != LP_OK)
        return status;
    char full[LP_JSON_PATH_MAX];
    lp_json_path(full, path, name);
    if ((status = lp_json_get_string(node, full, "id", false, &out->id, err)) != LP_OK ||
        (status = lp_json_get_string(node, full, "name", false, &out->name, err)) != LP_OK)
        lp_product_clear(out);
    return status;
}
