/* The action table and the key map built from it and from the [keys] section. */
#include "tui/action.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>

#include "licportal/text.h"

static const tui_action_info action_infos[TUI_ACTION_COUNT] = {
#define TUI_ACTION_INFO(id, name, scope, keys, help) {name, TUI_SCOPE_##scope, keys, help},
    TUI_ACTIONS(TUI_ACTION_INFO)
#undef TUI_ACTION_INFO
};

static const struct {
    const char *name;
    int key;
} named_keys[] = {
    {"Up", TUI_KEY_UP},       {"Down", TUI_KEY_DOWN},
    {"Left", TUI_KEY_LEFT},   {"Right", TUI_KEY_RIGHT},
    {"PgUp", TUI_KEY_PGUP},   {"PageUp", TUI_KEY_PGUP},
    {"PgDn", TUI_KEY_PGDN},   {"PageDown", TUI_KEY_PGDN},
    {"Home", TUI_KEY_HOME},   {"End", TUI_KEY_END},
    {"Enter", TUI_KEY_ENTER}, {"Esc", TUI_KEY_ESC},
    {"Escape", TUI_KEY_ESC},  {"Backspace", TUI_KEY_BACKSPACE},
    {"Tab", TUI_KEY_TAB},     {"BTab", TUI_KEY_BTAB},
    {"S-Tab", TUI_KEY_BTAB},  {"Delete", TUI_KEY_DELETE},
    {"Del", TUI_KEY_DELETE},  {"F1", TUI_KEY_F1},
    {"Space", ' '},
};

const tui_action_info *tui_action_info_of(tui_action action)
{
    if (action < 0 || action >= TUI_ACTION_COUNT)
        return NULL;
    return &action_infos[action];
}

tui_action tui_action_by_name(const char *name)
{
    if (!name)
        return TUI_ACTION_NONE;
    for (int i = 0; i < TUI_ACTION_COUNT; i++)
        if (strcmp(action_infos[i].name, name) == 0)
            return (tui_action)i;
    return TUI_ACTION_NONE;
}

/* The one UTF-8 character making up all of `text`; -1 otherwise. */
static int single_code_point(const char *text)
{
    size_t len = strlen(text);
    uint32_t cp;
    size_t used = lp_utf8_decode((const unsigned char *)text, len, &cp);
    if (cp == LP_UTF8_INVALID || used != len)
        return -1;
    return (int)cp;
}

int tui_help_rows(tui_scope scope, const char *view_title, tui_help_row *out)
{
    int n = 0;
    if (scope != TUI_SCOPE_GLOBAL) {
        out[n++] = (tui_help_row){TUI_ACTION_NONE, view_title};
        for (int i = 0; i < TUI_ACTION_COUNT; i++)
            if (action_infos[i].scope == scope)
                out[n++] = (tui_help_row){(tui_action)i, NULL};
    }
    out[n++] = (tui_help_row){TUI_ACTION_NONE, "Everywhere"};
    for (int i = 0; i < TUI_ACTION_COUNT; i++)
        if (action_infos[i].scope == TUI_SCOPE_GLOBAL)
            out[n++] = (tui_help_row){(tui_action)i, NULL};
    return n;
}

static bool contains_ignoring_case(const char *text, const char *part)
{
    size_t n = strlen(part);
    for (; *text; text++)
        if (strncasecmp(text, part, n) == 0)
            return true;
    return n == 0;
}

int tui_help_rows_matching(const tui_keymap *map, tui_scope scope, const char *view_title,
                           const char *search, tui_help_row *out)
{
    tui_help_row all[TUI_MAX_HELP_ROWS];
    int count = tui_help_rows(scope, view_title, all);
    if (!search || !*search) {
        memcpy(out, all, (size_t)count * sizeof all[0]);
        return count;
    }
    int n = 0, heading = -1;
    for (int i = 0; i < count; i++) {
        if (all[i].action == TUI_ACTION_NONE) {
            heading = i;
            continue;
        }
        const tui_action_info *info = tui_action_info_of(all[i].action);
        char keys[96];
        tui_keymap_describe(map, all[i].action, keys, sizeof keys);
        if (!contains_ignoring_case(info->name, search) && !contains_ignoring_case(keys, search) &&
            !contains_ignoring_case(info->help, search))
            continue;
        if (heading >= 0)
            out[n++] = all[heading];
        heading = -1;
        out[n++] = all[i];
    }
    return n;
}

bool tui_key_parse(const char *text, int *key)
{
    if (!text || !*text)
        return false;
    for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++) {
        if (strcasecmp(text, named_keys[i].name) == 0) {
            *key = named_keys[i].key;
            return true;
        }
    }
    if ((text[0] == 'C' && text[1] == '-' && text[2] && !text[3]) ||
        (text[0] == '^' && text[1] && !text[2])) {
        char c = (char)tolower((unsigned char)text[text[0] == '^' ? 1 : 2]);
        if (c < 'a' || c > 'z')
            return false;
        *key = c - 'a' + 1;
        return true;
    }
    int cp = single_code_point(text);
    if (cp <= ' ' || cp == 0x7F)
        return false;
    *key = cp;
    return true;
}

void tui_key_name(int key, char *out, size_t size)
{
    if (size == 0)
        return;
    for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++) {
        if (named_keys[i].key == key) {
            snprintf(out, size, "%s", named_keys[i].name);
            return;
        }
    }
    if (key >= 1 && key <= 26) {
        snprintf(out, size, "C-%c", 'a' + key - 1);
    } else if (key < 0x80) {
        snprintf(out, size, "%c", key);
    } else if (key < 0x110000 && (key < 0xD800 || key > 0xDFFF)) {
        char utf8[4];
        size_t n = lp_utf8_encode((uint32_t)key, utf8);
        snprintf(out, size, "%.*s", (int)n, utf8);
    } else {
        snprintf(out, size, "?");
    }
}

/* Parses "k, Up" into keys; false with a reason on any bad name. */
static bool parse_key_list(const char *text, int *keys, int *count, char *why, size_t why_size)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text ? text : "");
    *count = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ' || *tok == '\t')
            tok++;
        size_t len = strlen(tok);
        while (len > 0 && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
            tok[--len] = '\0';
        if (len == 0)
            continue;
        int key;
        if (!tui_key_parse(tok, &key)) {
            snprintf(why, why_size, "unknown key \"%s\"", tok);
            return false;
        }
        if (*count == TUI_MAX_KEYS_PER_ACTION) {
            snprintf(why, why_size, "at most %d keys per action", TUI_MAX_KEYS_PER_ACTION);
            return false;
        }
        keys[(*count)++] = key;
    }
    if (*count == 0) {
        snprintf(why, why_size, "no key given");
        return false;
    }
    return true;
}

void tui_keymap_init(tui_keymap *map)
{
    memset(map, 0, sizeof *map);
    char why[128];
    for (int i = 0; i < TUI_ACTION_COUNT; i++)
        parse_key_list(action_infos[i].default_keys, map->keys[i], &map->key_count[i], why,
                       sizeof why);
}

bool tui_keymap_bind(tui_keymap *map, const char *action_name, const char *keys, char *why,
                     size_t why_size)
{
    tui_action action = tui_action_by_name(action_name);
    if (action == TUI_ACTION_NONE) {
        snprintf(why, why_size, "no action named \"%s\"", action_name ? action_name : "");
        return false;
    }
    int parsed[TUI_MAX_KEYS_PER_ACTION];
    int count;
    if (!parse_key_list(keys, parsed, &count, why, why_size))
        return false;
    memcpy(map->keys[action], parsed, sizeof parsed);
    map->key_count[action] = count;
    /* One keymap: a key given to an action is taken from any other. */
    for (int other = 0; other < TUI_ACTION_COUNT; other++) {
        if (other == (int)action)
            continue;
        int kept = 0;
        for (int k = 0; k < map->key_count[other]; k++) {
            bool taken = false;
            for (int n = 0; n < count; n++)
                taken = taken || map->keys[other][k] == parsed[n];
            if (!taken)
                map->keys[other][kept++] = map->keys[other][k];
        }
        map->key_count[other] = kept;
    }
    return true;
}

static tui_action lookup_in_scope(const tui_keymap *map, tui_scope scope, int key)
{
    for (int i = 0; i < TUI_ACTION_COUNT; i++) {
        if (action_infos[i].scope != scope)
            continue;
        for (int k = 0; k < map->key_count[i]; k++)
            if (map->keys[i][k] == key)
                return (tui_action)i;
    }
    return TUI_ACTION_NONE;
}

tui_action tui_keymap_lookup(const tui_keymap *map, tui_scope scope, int key)
{
    if (scope != TUI_SCOPE_GLOBAL) {
        tui_action own = lookup_in_scope(map, scope, key);
        if (own != TUI_ACTION_NONE)
            return own;
    }
    return lookup_in_scope(map, TUI_SCOPE_GLOBAL, key);
}

void tui_keymap_describe(const tui_keymap *map, tui_action action, char *out, size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if (action < 0 || action >= TUI_ACTION_COUNT)
        return;
    size_t used = 0;
    for (int k = 0; k < map->key_count[action] && used + 1 < size; k++) {
        char name[16];
        tui_key_name(map->keys[action][k], name, sizeof name);
        int n = snprintf(out + used, size - used, "%s%s", k ? ", " : "", name);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}
