/* The [keys] section checked against the actions a program offers: known names, known keys, no key twice. */
#include "licportal/config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* More keys than this for one action is a mistake. */
#define MAX_KEYS 8
#define KEY_NAME_MAX 32

typedef struct bound {
    const lp_key_action *action;
    const lp_key_binding *binding; /* NULL: the action keeps its default keys */
    int keys[MAX_KEYS];
    char names[MAX_KEYS][KEY_NAME_MAX]; /* as written, for messages */
    size_t count;
} bound;

static lp_status fail(const lp_config *config, const lp_key_binding *b, lp_error *err,
                      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static lp_status fail(const lp_config *config, const lp_key_binding *b, lp_error *err,
                      const char *fmt, ...)
{
    char what[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return lp_error_set(err, LP_ERR_CONFIG, "%s:%zu: [keys] %s",
                        config->config_path ? config->config_path : "config", b->line, what);
}

static const lp_key_action *action_named(const lp_key_action *actions, size_t count,
                                         const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(actions[i].name, name) == 0)
            return &actions[i];
    return NULL;
}

static const lp_key_binding *binding_of(const lp_config *config, const char *action)
{
    for (size_t i = 0; i < config->key_binding_count; i++)
        if (strcmp(config->key_bindings[i].action, action) == 0)
            return &config->key_bindings[i];
    return NULL;
}

/* Cuts "k, Up" at the commas and parses each name; on a bad one, returns
 * false with the name in out->names[out->count]. */
static bool parse_list(const char *list, bool (*parse_key)(const char *, int *), bound *out)
{
    out->count = 0;
    const char *p = list ? list : "";
    while (*p) {
        size_t len = strcspn(p, ",");
        const char *start = p;
        p += len + (p[len] == ',');
        while (len > 0 && (*start == ' ' || *start == '\t'))
            start++, len--;
        while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\t'))
            len--;
        if (len == 0)
            continue;
        if (out->count == MAX_KEYS)
            return false;
        snprintf(out->names[out->count], KEY_NAME_MAX, "%.*s", (int)len, start);
        if (len >= KEY_NAME_MAX || !parse_key(out->names[out->count], &out->keys[out->count]))
            return false;
        out->count++;
    }
    return true;
}

/* The first key the two share, or -1. */
static int shared_key(const bound *a, const bound *b)
{
    for (size_t i = 0; i < a->count; i++)
        for (size_t j = 0; j < b->count; j++)
            if (a->keys[i] == b->keys[j])
                return (int)i;
    return -1;
}

static lp_status check_conflicts(const lp_config *config, const bound *all, size_t count,
                                 lp_error *err)
{
    for (size_t i = 0; i < count; i++) {
        for (size_t j = i + 1; j < count; j++) {
            const bound *a = &all[i], *b = &all[j];
            if (a->action->scope != b->action->scope || (!a->binding && !b->binding))
                continue;
            int k = shared_key(a, b);
            if (k < 0)
                continue;
            const lp_key_binding *where = !b->binding || (a->binding &&
                                                          a->binding->line > b->binding->line)
                                              ? a->binding
                                              : b->binding;
            return fail(config, where, err, "key \"%s\" is bound to both %s and %s", a->names[k],
                        a->action->name, b->action->name);
        }
    }
    return LP_OK;
}

lp_status lp_config_check_key_bindings(const lp_config *config, const lp_key_action *actions,
                                       size_t count, bool (*parse_key)(const char *name, int *key),
                                       lp_error *err)
{
    if (!config || !actions || !parse_key)
        return lp_error_set(err, LP_ERR_USAGE, "no configuration or actions to check");
    for (size_t i = 0; i < config->key_binding_count; i++) {
        const lp_key_binding *b = &config->key_bindings[i];
        if (!action_named(actions, count, b->action))
            return fail(config, b, err,
                        "unknown action \"%s\" (the help screen, ?, lists the actions)", b->action);
    }
    bound *all = calloc(count ? count : 1, sizeof *all);
    if (!all)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    lp_status status = LP_OK;
    for (size_t i = 0; i < count && status == LP_OK; i++) {
        all[i].action = &actions[i];
        all[i].binding = binding_of(config, actions[i].name);
        const char *list = all[i].binding ? all[i].binding->keys : actions[i].default_keys;
        if (!parse_list(list, parse_key, &all[i]) && all[i].binding) {
            status = all[i].count == MAX_KEYS
                         ? fail(config, all[i].binding, err, "%s: at most %d keys", actions[i].name,
                                MAX_KEYS)
                         : fail(config, all[i].binding, err, "%s: unknown key \"%s\"",
                                actions[i].name, all[i].names[all[i].count]);
        }
    }
    if (status == LP_OK)
        status = check_conflicts(config, all, count, err);
    free(all);
    return status;
}
