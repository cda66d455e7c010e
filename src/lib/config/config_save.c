/* Changing one setting of a profile in the configuration file, keeping every other line. */
#include "licportal/config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/config/config_file.h"
#include "licportal/buffer.h"
#include "licportal/private_file.h"

static const char *skip_blanks(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

/* Whether the line [p, end) is the header "[profile NAME]". */
static bool is_profile_header(const char *p, const char *end, const char *profile)
{
    p = skip_blanks(p, end);
    while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        end--;
    if (end - p < 2 || *p != '[' || end[-1] != ']')
        return false;
    p = skip_blanks(p + 1, end - 1);
    if (end - 1 - p < 8 || strncmp(p, "profile", 7) != 0 || (p[7] != ' ' && p[7] != '\t'))
        return false;
    const char *name = skip_blanks(p + 7, end - 1);
    const char *name_end = end - 1;
    while (name_end > name && (name_end[-1] == ' ' || name_end[-1] == '\t'))
        name_end--;
    return (size_t)(name_end - name) == strlen(profile) &&
           strncmp(name, profile, (size_t)(name_end - name)) == 0;
}

static bool is_section_header(const char *p, const char *end)
{
    p = skip_blanks(p, end);
    return p < end && *p == '[';
}

/* Whether the line [p, end) sets `key`. */
static bool sets_key(const char *p, const char *end, const char *key)
{
    p = skip_blanks(p, end);
    size_t n = strlen(key);
    if ((size_t)(end - p) < n || strncmp(p, key, n) != 0)
        return false;
    p = skip_blanks(p + n, end);
    return p < end && *p == '=';
}

static bool is_blank_or_comment(const char *p, const char *end)
{
    p = skip_blanks(p, end);
    return p == end || *p == '\r' || *p == '#' || *p == ';';
}

typedef struct line_span {
    const char *start, *end; /* end excludes the newline */
} line_span;

/* The new text: the last `key` line of the profile replaced, or a line added
 * after the profile's last setting, or a new section at the end. */
static char *edit(const char *text, size_t len, const char *profile, const char *key,
                  const char *value)
{
    char setting[1024 + 64];
    snprintf(setting, sizeof setting, "%s = %s", key, value);
    const char *replace_at = NULL, *insert_after = NULL;
    bool in_profile = false;
    for (const char *p = text; p < text + len;) {
        const char *nl = memchr(p, '\n', (size_t)(text + len - p));
        const char *end = nl ? nl : text + len;
        if (is_section_header(p, end)) {
            in_profile = is_profile_header(p, end, profile);
            if (in_profile)
                insert_after = end;
        } else if (in_profile) {
            if (sets_key(p, end, key))
                replace_at = p;
            if (!is_blank_or_comment(p, end) || sets_key(p, end, key))
                insert_after = end;
        }
        p = nl ? nl + 1 : end;
    }
    lp_buffer b;
    lp_buffer_init(&b, 0);
    if (replace_at) {
        const char *end = memchr(replace_at, '\n', (size_t)(text + len - replace_at));
        if (!end)
            end = text + len;
        if (end > replace_at && end[-1] == '\r')
            end--; /* keep a CRLF file's line ending */
        lp_buffer_add(&b, text, (size_t)(replace_at - text));
        lp_buffer_add_str(&b, setting);
        lp_buffer_add(&b, end, (size_t)(text + len - end));
    } else if (insert_after) {
        lp_buffer_add(&b, text, (size_t)(insert_after - text));
        lp_buffer_add_str(&b, "\n");
        lp_buffer_add_str(&b, setting);
        lp_buffer_add(&b, insert_after, (size_t)(text + len - insert_after));
        if (insert_after == text + len)
            lp_buffer_add_str(&b, "\n");
    } else {
        lp_buffer_add(&b, text, len);
        if (len > 0 && text[len - 1] != '\n')
            lp_buffer_add_str(&b, "\n");
        if (len > 0)
            lp_buffer_add_str(&b, "\n");
        lp_buffer_add_str(&b, "[profile ");
        lp_buffer_add_str(&b, profile);
        lp_buffer_add_str(&b, "]\n");
        lp_buffer_add_str(&b, setting);
        lp_buffer_add_str(&b, "\n");
    }
    return lp_buffer_take(&b);
}

static lp_status check_value(const char *key, const char *value, char **normalized, lp_error *err)
{
    *normalized = NULL;
    if (!lp_config_is_profile_key(key))
        return lp_error_set(err, LP_ERR_USAGE,
                            "unknown setting \"%s\" (expected " LP_CONFIG_PROFILE_KEYS ")", key);
    if (!value || !*value || strlen(value) > 1024 || strpbrk(value, "\r\n"))
        return lp_error_set(err, LP_ERR_USAGE,
                            "%s: the value must be one non-empty line of at most 1024 bytes", key);
    if (strcmp(key, "server") == 0)
        return lp_config_check_server(value, "server", LP_ERR_USAGE, normalized, err);
    if (strcmp(key, "credential_store") == 0 && !lp_store_kind_from_name(value, NULL))
        return lp_error_set(err, LP_ERR_USAGE,
                            "credential_store \"%s\": expected auto, keyring, file or none", value);
    *normalized = strdup(value);
    return *normalized ? LP_OK : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
}

lp_status lp_config_save_value(const char *profile, const char *key, const char *value,
                               lp_error *err)
{
    if (!profile)
        profile = "default";
    if (!lp_config_is_profile_name(profile))
        return lp_error_set(err, LP_ERR_USAGE,
                            "profile \"%s\": letters, digits, '.', '_' and '-' only", profile);
    if (!key)
        return lp_error_set(err, LP_ERR_USAGE, "no setting named");
    char *clean;
    lp_status status = check_value(key, value, &clean, err);
    if (status != LP_OK)
        return status;
    char *path = lp_config_file_path();
    char *dir = lp_xdg_dir("config");
    char *text = NULL, *edited = NULL;
    size_t len = 0;
    if (!path || !dir)
        status = lp_error_set(err, LP_ERR_CONFIG, "cannot locate the configuration directory");
    if (status == LP_OK)
        status = lp_private_mkdirs(dir, err);
    if (status == LP_OK)
        status = lp_private_read(path, LP_CONFIG_MAX_BYTES, &text, &len, err);
    if (status == LP_OK) {
        edited = edit(text ? text : "", len, profile, key, clean);
        if (!edited)
            status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    if (status == LP_OK)
        status = lp_private_write_atomic(path, edited, strlen(edited), err);
    free(edited);
    free(text);
    free(dir);
    free(path);
    free(clean);
    return status;
}

lp_status lp_config_learn_login(const lp_config *used, const char *email, lp_error *err)
{
    lp_config_overrides profile_only = {.profile = used->profile};
    lp_config known;
    lp_status status = lp_config_load(&profile_only, &known, err);
    if (status != LP_OK)
        return status;
    char *cacert = NULL;
    if (used->cacert != NULL && known.cacert == NULL)
        cacert = realpath(used->cacert, NULL);
    const struct {
        const char *key;
        const char *value;
    } learnt[] = {
        {"server", known.server == NULL ? used->server : NULL},
        {"cacert", cacert},
        {"email", known.email == NULL ? email : NULL},
    };
    for (size_t i = 0; i < sizeof learnt / sizeof learnt[0] && status == LP_OK; i++) {
        if (learnt[i].value != NULL && learnt[i].value[0] != '\0')
            status = lp_config_save_value(used->profile, learnt[i].key, learnt[i].value, err);
    }
    free(cacert);
    lp_config_free(&known);
    return status;
}
