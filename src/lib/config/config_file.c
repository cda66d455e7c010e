/* The INI-style configuration file: [profile NAME] sections and a [keys] section. */
#include "lib/config/config_file.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "licportal/buffer.h"

static const char *const profile_keys[] = {"server",
                                           "email",
                                           "cacert",
                                           "credential_store",
                                           "download_min_speed",
                                           "download_slow_seconds",
                                           "read_only",
                                           "mouse",
                                           "download_dir"};

/* Seconds or bytes per second: a whole number, at most a day's worth of seconds or 1 GiB/s. */
#define MAX_DOWNLOAD_SETTING 1073741824L

bool lp_config_is_profile_key(const char *key)
{
    for (size_t i = 0; i < sizeof profile_keys / sizeof profile_keys[0]; i++)
        if (strcmp(key, profile_keys[i]) == 0)
            return true;
    return false;
}

bool lp_config_is_profile_name(const char *name)
{
    if (!name || !*name)
        return false;
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-')
            return false;
    return true;
}

static bool is_action_name(const char *name)
{
    if (!*name)
        return false;
    for (const char *p = name; *p; p++)
        if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && *p != '_' && *p != '-')
            return false;
    return true;
}

char *lp_config_file_path(void)
{
    char *dir = lp_xdg_dir("config");
    if (!dir)
        return NULL;
    size_t len = strlen(dir) + sizeof "/config";
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/config", dir);
    free(dir);
    return path;
}

lp_status lp_config_check_server(const char *value, const char *origin, lp_status failure,
                                 char **normalized, lp_error *err)
{
    *normalized = NULL;
    if (strncasecmp(value, "http://", 7) == 0)
        return lp_error_set(err, failure,
                            "%s: server \"%s\" uses plain http: https:// is required (the "
                            "connection carries passwords and tokens)",
                            origin, value);
    if (strncasecmp(value, "https://", 8) != 0)
        return lp_error_set(err, failure, "%s: server \"%s\" is not an https:// URL", origin,
                            value);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++)
        if (*p <= 0x20 || *p == 0x7F)
            return lp_error_set(err, failure,
                                "%s: server \"%s\" contains a space or control character", origin,
                                value);
    size_t len = strlen(value);
    while (len > 8 && value[len - 1] == '/')
        len--;
    if (len == 8 || value[8] == '/')
        return lp_error_set(err, failure, "%s: server \"%s\" has no host name", origin, value);
    char *copy = malloc(len + 1);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    memcpy(copy, "https://", 8); /* the scheme in lower case */
    memcpy(copy + 8, value + 8, len - 8);
    copy[len] = '\0';
    *normalized = copy;
    return LP_OK;
}

typedef enum section_kind { SECTION_NONE, SECTION_PROFILE, SECTION_KEYS } section_kind;

typedef struct parser {
    const char *filename;
    const char *profile;
    size_t line;
    section_kind section;
    bool in_wanted_profile;
    lp_config *out;
    lp_error *err;
} parser;

static lp_status fail(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static lp_status fail(parser *p, const char *fmt, ...)
{
    char what[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return lp_error_set(p->err, LP_ERR_CONFIG, "%s:%zu: %s", p->filename, p->line, what);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        s[--len] = '\0';
    return s;
}

static lp_status replace_string(char **slot, const char *value, lp_error *err)
{
    char *copy = strdup(value);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    free(*slot);
    *slot = copy;
    return LP_OK;
}

/* Adds `name` to the comma-separated list of the file's profiles, once. */
static lp_status note_profile_name(parser *p, const char *name)
{
    char **names = &p->out->profile_names;
    size_t name_len = strlen(name);
    for (const char *at = *names; at && (at = strstr(at, name)) != NULL; at += name_len) {
        bool starts = at == *names || at[-1] == ' ';
        if (starts && (at[name_len] == ',' || at[name_len] == '\0'))
            return LP_OK;
    }
    lp_buffer list;
    lp_buffer_init(&list, 0);
    if (*names)
        lp_buffer_printf(&list, "%s, ", *names);
    lp_buffer_add_str(&list, name);
    char *joined = lp_buffer_take(&list);
    if (!joined)
        return lp_error_set(p->err, LP_ERR_NOMEM, "out of memory");
    free(*names);
    *names = joined;
    return LP_OK;
}

static lp_status section_header(parser *p, char *line)
{
    size_t len = strlen(line);
    if (line[len - 1] != ']')
        return fail(p, "malformed section header \"%s\"", line);
    line[len - 1] = '\0';
    char *name = trim(line + 1);
    if (strcmp(name, "keys") == 0) {
        p->section = SECTION_KEYS;
        return LP_OK;
    }
    if (strncmp(name, "profile", 7) == 0 && (name[7] == ' ' || name[7] == '\t')) {
        char *profile = trim(name + 7);
        if (!lp_config_is_profile_name(profile))
            return fail(p, "bad profile name \"%s\" (letters, digits, '.', '_', '-')", profile);
        p->section = SECTION_PROFILE;
        p->in_wanted_profile = strcmp(profile, p->profile) == 0;
        if (p->in_wanted_profile)
            p->out->profile_found = true;
        return note_profile_name(p, profile);
    }
    return fail(p, "unknown section [%s] (expected [profile NAME] or [keys])", name);
}

static bool parse_whole_number(const char *value, long *out)
{
    long n = 0;
    if (!*value)
        return false;
    for (const char *c = value; *c; c++) {
        if (*c < '0' || *c > '9' || n > MAX_DOWNLOAD_SETTING / 10)
            return false;
        n = n * 10 + (*c - '0');
    }
    if (n > MAX_DOWNLOAD_SETTING)
        return false;
    *out = n;
    return true;
}

/* download_min_speed (bytes/s, 0 turns the floor off) and
 * download_slow_seconds (how long a download may stay under it). */
static lp_status download_setting(parser *p, const char *key, const char *value)
{
    long n;
    bool speed = strcmp(key, "download_min_speed") == 0;
    if (!parse_whole_number(value, &n) || (!speed && n == 0))
        return fail(p, "%s \"%s\": expected a whole number%s", key, value,
                    speed ? " of bytes per second (0: no floor)" : " of seconds, at least 1");
    if (!p->in_wanted_profile)
        return LP_OK;
    if (speed)
        p->out->download_min_speed = n == 0 ? -1 : n;
    else
        p->out->download_slow_seconds = n;
    return LP_OK;
}

static lp_status profile_setting(parser *p, const char *key, const char *value)
{
    if (!lp_config_is_profile_key(key))
        return fail(p, "unknown key \"%s\" (expected " LP_CONFIG_PROFILE_KEYS ")", key);
    char origin[320];
    snprintf(origin, sizeof origin, "%s:%zu", p->filename, p->line);
    if (strcmp(key, "server") == 0) {
        char *server;
        lp_status status = lp_config_check_server(value, origin, LP_ERR_CONFIG, &server, p->err);
        if (status != LP_OK)
            return status;
        if (p->in_wanted_profile) {
            free(p->out->server);
            p->out->server = server;
        } else {
            free(server);
        }
        return LP_OK;
    }
    if (strcmp(key, "credential_store") == 0) {
        lp_store_kind kind;
        if (!lp_store_kind_from_name(value, &kind))
            return fail(p, "credential_store \"%s\": expected auto, keyring, file or none", value);
        if (p->in_wanted_profile)
            p->out->credential_store = kind;
        return LP_OK;
    }
    if (strcmp(key, "read_only") == 0 || strcmp(key, "mouse") == 0) {
        bool on = strcmp(value, "true") == 0;
        if (!on && strcmp(value, "false") != 0)
            return fail(p, "%s \"%s\": expected true or false", key, value);
        if (p->in_wanted_profile && strcmp(key, "mouse") == 0)
            p->out->no_mouse = !on;
        else if (p->in_wanted_profile)
            p->out->read_only = on;
        return LP_OK;
    }
    if (strcmp(key, "download_min_speed") == 0 || strcmp(key, "download_slow_seconds") == 0)
        return download_setting(p, key, value);
    if (!p->in_wanted_profile)
        return LP_OK;
    char **field = strcmp(key, "email") == 0    ? &p->out->email
                   : strcmp(key, "cacert") == 0 ? &p->out->cacert
                                                : &p->out->download_dir;
    return replace_string(field, value, p->err);
}

static lp_status key_binding(parser *p, const char *action, const char *keys)
{
    if (!is_action_name(action))
        return fail(p, "bad action name \"%s\" (lower-case letters, digits, '_', '-')", action);
    lp_config *c = p->out;
    for (size_t i = 0; i < c->key_binding_count; i++)
        if (strcmp(c->key_bindings[i].action, action) == 0) {
            c->key_bindings[i].line = p->line;
            return replace_string(&c->key_bindings[i].keys, keys, p->err);
        }
    lp_key_binding *grown = realloc(c->key_bindings, (c->key_binding_count + 1) * sizeof *grown);
    if (!grown)
        return lp_error_set(p->err, LP_ERR_NOMEM, "out of memory");
    c->key_bindings = grown;
    lp_key_binding *b = &grown[c->key_binding_count];
    b->line = p->line;
    b->action = strdup(action);
    b->keys = strdup(keys);
    if (!b->action || !b->keys) {
        free(b->action);
        free(b->keys);
        return lp_error_set(p->err, LP_ERR_NOMEM, "out of memory");
    }
    c->key_binding_count++;
    return LP_OK;
}

/* A ';' or '#' at the start of a line, or after white space, starts a
 * comment that runs to the end of the line; one inside a value ("a#b",
 * "https://host/#x") is part of it. */
static void drop_comment(char *line)
{
    for (char *c = line; *c; c++) {
        if ((*c == ';' || *c == '#') && (c == line || c[-1] == ' ' || c[-1] == '\t')) {
            *c = '\0';
            return;
        }
    }
}

static lp_status parse_line(parser *p, char *raw)
{
    drop_comment(raw);
    char *line = trim(raw);
    if (*line == '\0')
        return LP_OK;
    if (*line == '[')
        return section_header(p, line);
    char *equals = strchr(line, '=');
    if (!equals)
        return fail(p, "expected \"key = value\", found \"%s\"", line);
    *equals = '\0';
    char *key = trim(line), *value = trim(equals + 1);
    if (*key == '\0')
        return fail(p, "missing key before \"=\"");
    if (p->section == SECTION_NONE)
        return fail(p, "\"%s\" outside a section (start with [profile NAME])", key);
    if (*value == '\0')
        return fail(p, "empty value for \"%s\"", key);
    if (p->section == SECTION_KEYS)
        return key_binding(p, key, value);
    return profile_setting(p, key, value);
}

lp_status lp_config_parse(const char *text, size_t len, const char *filename, const char *profile,
                          lp_config *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    parser p = {filename ? filename : "config",
                profile ? profile : "default",
                0,
                SECTION_NONE,
                false,
                out,
                err};
    lp_status status = replace_string(&out->profile, p.profile, err);
    size_t start = 0;
    while (status == LP_OK && start < len) {
        p.line++;
        const char *newline = memchr(text + start, '\n', len - start);
        size_t end = newline ? (size_t)(newline - text) : len;
        if (memchr(text + start, '\0', end - start)) {
            status = fail(&p, "NUL byte in the line");
            break;
        }
        char *line = strndup(text + start, end - start);
        if (!line) {
            status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
            break;
        }
        status = parse_line(&p, line);
        free(line);
        start = end + 1;
    }
    if (status != LP_OK)
        lp_config_free(out);
    return status;
}
