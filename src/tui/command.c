/* The `:` command line: action names and commands with an argument, Tab completion, history. */
#include "tui/command.h"

#include <stdio.h>
#include <string.h>

#include "tui/transition.h"
#include "tui/update.h"
#include "tui/view_ops.h"

#define HISTORY ((int)(sizeof((tui_state *)0)->history / sizeof((tui_state *)0)->history[0]))

static const char *const commands[] = {"filter", "sort", "status", "open", "download"};
#define COMMAND_COUNT ((int)(sizeof commands / sizeof commands[0]))

static const char *const statuses[] = {"all",       "active",  "expired",
                                       "suspended", "revoked", "pending"};
#define STATUS_COUNT ((int)(sizeof statuses / sizeof statuses[0]))

static tui_reaction filter(tui_state *state, const char *text, tui_effects *fx)
{
    if (!tui_view_ops_of(state->view)->list)
        return tui_set_message(state, true, ":filter works in a list.");
    tui_copy_text(state->prompt, sizeof state->prompt, text);
    return tui_list_apply_filter(state, fx);
}

static tui_reaction sort(tui_state *state, const char *key, tui_effects *fx)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    if (!list)
        return tui_set_message(state, true, ":sort works in a list.");
    for (int i = 0; i < *list->sort_count; i++) {
        if (strcmp(list->sorts[i], key) == 0) {
            list->order(state)->sort = i;
            return tui_list_reload(state, list, fx);
        }
    }
    char text[300];
    int n = snprintf(text, sizeof text, "No order \"%.40s\" here; one of", key);
    for (int i = 0; i < *list->sort_count && n < (int)sizeof text; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, " %s", list->sorts[i]);
    return tui_set_message(state, true, text);
}

static tui_reaction status(tui_state *state, const char *name, tui_effects *fx)
{
    for (int i = 0; i < STATUS_COUNT; i++)
        if (strcmp(statuses[i], name) == 0)
            return tui_open_licenses(state, i == 0 ? "" : name, -1, fx);
    return tui_set_message(state, true,
                           "No such status: all, active, expired, suspended, revoked or pending.");
}

static tui_reaction open_id(tui_state *state, const char *id, tui_effects *fx)
{
    if (strncmp(id, "lic_", 4) == 0)
        return tui_open_license_detail(state, id, fx);
    return tui_set_message(state, true, ":open takes a license id (lic_...).");
}

static tui_reaction download(tui_state *state, const char *id, tui_effects *fx)
{
    if (strncmp(id, "rel_", 4) != 0)
        return tui_set_message(state, true, ":download takes a download id (rel_...).");
    tui_effect *e = tui_start_call(state, fx, TUI_FX_FETCH_DOWNLOAD, &state->seq_detail);
    if (e)
        tui_copy_text(e->as.id, sizeof e->as.id, id);
    return TUI_REACT_REDRAW;
}

tui_reaction tui_command_run(tui_state *state, const char *line, tui_effects *fx)
{
    char word[64];
    const char *rest = line;
    while (*rest == ' ')
        rest++;
    size_t len = strcspn(rest, " ");
    snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), rest);
    rest += len;
    while (*rest == ' ')
        rest++;
    if (!word[0])
        return TUI_REACT_REDRAW;
    tui_command_remember(state, line);
    if (strcmp(word, "filter") == 0)
        return filter(state, rest, fx);
    bool needs_argument = strcmp(word, "sort") == 0 || strcmp(word, "status") == 0 ||
                          strcmp(word, "open") == 0;
    if (needs_argument && !rest[0]) {
        char text[160];
        snprintf(text, sizeof text, ":%s needs an argument (Tab completes it).", word);
        return tui_set_message(state, true, text);
    }
    if (strcmp(word, "sort") == 0)
        return sort(state, rest, fx);
    if (strcmp(word, "status") == 0)
        return status(state, rest, fx);
    if (strcmp(word, "open") == 0)
        return open_id(state, rest, fx);
    /* Without an id, "download" is the action of the detail shown. */
    if (strcmp(word, "download") == 0 && rest[0])
        return download(state, rest, fx);
    tui_action action = tui_action_by_name(word);
    if (action == TUI_ACTION_NONE) {
        char text[200];
        snprintf(text, sizeof text,
                 "No command or action \"%.100s\" (Tab completes; ? lists them).", word);
        return tui_set_message(state, true, text);
    }
    return tui_run_action(state, action, fx) | TUI_REACT_REDRAW;
}

/* Candidates for the word being typed, with `prefix` before it kept as is. */
typedef struct completion {
    char common[128];
    int count;
    char others[256];
} completion;

static void consider(completion *c, const char *candidate, const char *typed)
{
    if (strncmp(candidate, typed, strlen(typed)) != 0)
        return;
    if (c->count == 0) {
        snprintf(c->common, sizeof c->common, "%s", candidate);
    } else {
        size_t i = 0;
        while (c->common[i] && c->common[i] == candidate[i])
            i++;
        c->common[i] = '\0';
    }
    size_t len = strlen(c->others);
    if (len < sizeof c->others)
        snprintf(c->others + len, sizeof c->others - len, "%s%s", c->count ? " " : "", candidate);
    c->count++;
}

void tui_command_complete(const tui_state *state, char *line, size_t size, char *others,
                          size_t others_size)
{
    completion c;
    memset(&c, 0, sizeof c);
    const char *space = strchr(line, ' ');
    char head[64] = "";
    const char *typed = line;
    if (space) {
        snprintf(head, sizeof head, "%.*s", (int)(space - line), line);
        typed = space + 1;
        if (strcmp(head, "sort") == 0) {
            const tui_list_kind *list = tui_view_ops_of(state->view)->list;
            for (int i = 0; list && i < *list->sort_count; i++)
                consider(&c, list->sorts[i], typed);
        } else if (strcmp(head, "status") == 0) {
            for (int i = 0; i < STATUS_COUNT; i++)
                consider(&c, statuses[i], typed);
        }
    } else {
        for (int i = 0; i < COMMAND_COUNT; i++)
            consider(&c, commands[i], typed);
        for (int i = 0; i < TUI_ACTION_COUNT; i++)
            consider(&c, tui_action_info_of((tui_action)i)->name, typed);
    }
    snprintf(others, others_size, "%s", c.count > 1 ? c.others : "");
    if (c.count == 0)
        return;
    bool whole = c.count == 1;
    if (space)
        snprintf(line, size, "%s %s", head, c.common);
    else
        snprintf(line, size, "%s%s", c.common, whole ? " " : "");
}

void tui_command_remember(tui_state *state, const char *line)
{
    int newest = (state->history_next + HISTORY - 1) % HISTORY;
    if (state->history_count > 0 && strcmp(state->history[newest], line) == 0)
        return;
    tui_copy_text(state->history[state->history_next], sizeof state->history[0], line);
    state->history_next = (state->history_next + 1) % HISTORY;
    if (state->history_count < HISTORY)
        state->history_count++;
}

const char *tui_command_recall(const tui_state *state, int back)
{
    if (back < 1 || back > state->history_count)
        return NULL;
    return state->history[(state->history_next + HISTORY - back) % HISTORY];
}
