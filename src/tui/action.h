/* The one action table: names, keys and help drive key dispatch, `?` help and the `:` prompt. */
#ifndef LICPORTAL_TUI_ACTION_H
#define LICPORTAL_TUI_ACTION_H

#include <stdbool.h>
#include <stddef.h>

/* One keymap: a key means the same in every view. A view's action takes a
 * key no global action has, or the key of the global action it stands for
 * in that view (the dashboard's quick actions are 2, 3, 4 as everywhere). */

/* Keys as plain numbers so that the table knows nothing of curses: Unicode
 * code points for characters, 1..26 for Ctrl-A..Ctrl-Z, and these above
 * the Unicode range for the rest. */
enum {
    TUI_KEY_UP = 0x110000,
    TUI_KEY_DOWN,
    TUI_KEY_LEFT,
    TUI_KEY_RIGHT,
    TUI_KEY_PGUP,
    TUI_KEY_PGDN,
    TUI_KEY_HOME,
    TUI_KEY_END,
    TUI_KEY_ENTER,
    TUI_KEY_ESC,
    TUI_KEY_BACKSPACE,
    TUI_KEY_TAB,
    TUI_KEY_BTAB,
    TUI_KEY_DELETE,
    TUI_KEY_F1,
};

/* Where an action applies; a view's own binding wins over a global one. */
typedef enum tui_scope {
    TUI_SCOPE_GLOBAL,
    TUI_SCOPE_DASHBOARD,
    TUI_SCOPE_LICENSES,
    TUI_SCOPE_LICENSE_DETAIL,
    TUI_SCOPE_ACTIVATIONS,
    TUI_SCOPE_DOWNLOADS,
    TUI_SCOPE_DOWNLOAD_DETAIL,
} tui_scope;

/* X(ID, name, scope, default keys, help) */
#define TUI_ACTIONS(X)                                                                             \
    X(UP, "up", GLOBAL, "k, Up", "Move the selection up")                                          \
    X(DOWN, "down", GLOBAL, "j, Down", "Move the selection down")                                  \
    X(LEFT, "left", GLOBAL, "h, Left", "Move left (previous item)")                                \
    X(RIGHT, "right", GLOBAL, "l, Right", "Move right (next item)")                                \
    X(PAGE_UP, "page-up", GLOBAL, "PgUp, C-b", "Scroll one page up")                               \
    X(PAGE_DOWN, "page-down", GLOBAL, "PgDn, C-f", "Scroll one page down")                         \
    X(FIRST, "first", GLOBAL, "g, Home", "Go to the first row")                                    \
    X(LAST, "last", GLOBAL, "G, End", "Go to the last row")                                        \
    X(OPEN, "open", GLOBAL, "Enter", "Open the selected item")                                     \
    X(BACK, "back", GLOBAL, "Esc, Backspace", "Go back (cancels a running request first)")         \
    X(NEXT_PANEL, "next-panel", GLOBAL, "Tab", "Move between the sidebar and the view")            \
    X(PREV_PANEL, "prev-panel", GLOBAL, "BTab", "Move between the view and the sidebar")           \
    X(REFRESH, "refresh", GLOBAL, "r, C-r", "Fetch this view's data afresh")                       \
    X(HELP, "help", GLOBAL, "?, F1", "Show this list of actions")                                  \
    X(PROMPT, "prompt", GLOBAL, ":", "Run an action by name")                                      \
    X(QUIT, "quit", GLOBAL, "q, C-c", "Quit licportal")                                            \
    X(REDRAW, "redraw", GLOBAL, "C-l", "Redraw the whole screen")                                  \
    X(MESSAGES, "messages", GLOBAL, "M", "Show the messages kept, whole, with their times")        \
    X(SUSPEND, "suspend", GLOBAL, "C-z", "Suspend to the shell (fg resumes)")                      \
    X(MOUSE, "mouse", GLOBAL, "m", "Switch mouse reporting off (select text) or on")               \
    X(GO_DASHBOARD, "dashboard", GLOBAL, "1", "Go to the dashboard")                               \
    X(GO_LICENSES, "licenses", GLOBAL, "2", "Go to the list of licenses")                          \
    X(GO_ACTIVATIONS, "activations", GLOBAL, "3", "Go to the list of activations")                 \
    X(GO_DOWNLOADS, "downloads", GLOBAL, "4", "Go to the list of downloads")                       \
    X(QUICK_LICENSES, "view-all-licenses", DASHBOARD, "2", "Quick action: view all licenses")      \
    X(QUICK_ACTIVATIONS, "manage-activations", DASHBOARD, "3", "Quick action: manage activations") \
    X(QUICK_DOWNLOADS, "open-downloads", DASHBOARD, "4", "Quick action: downloads")                \
    X(FILTER, "filter", GLOBAL, "/", "Filter the list as you type (Esc clears)")                   \
    X(STATUS_FILTER, "status-filter", LICENSES, "s", "Cycle the status filter")                    \
    X(SORT, "sort", GLOBAL, "o", "Cycle the list's sort order")                                    \
    X(REVERSE_SORT, "reverse-sort", GLOBAL, "O", "Reverse the list's sort order")                  \
    X(MARK, "mark", GLOBAL, "Space", "Mark or unmark the selected row")                            \
    X(MARK_ALL, "mark-all", GLOBAL, "*", "Mark every loaded row the filter shows (again: none)")   \
    X(CLEAR_FILTERS, "clear-filters", LICENSES, "x", "Clear every filter")                         \
    X(REVEAL_KEY, "reveal-key", LICENSE_DETAIL, "v", "Reveal the full license key")                \
    X(LICENSE_ACTIVATIONS, "license-activations", LICENSE_DETAIL, "a",                             \
      "Show the activations of this license")                                                      \
    X(NEXT_RENEWAL, "next-renewal-option", LICENSE_DETAIL, "n", "Select the next renewal option")  \
    X(SHOW_QR, "qr-code", LICENSE_DETAIL, "Q",                                                     \
      "Show the selected renewal's checkout URL as a QR code")                                     \
    X(COPY_URL, "copy-url", LICENSE_DETAIL, "y",                                                   \
      "Copy the selected renewal's checkout URL (OSC 52, works over SSH)")                         \
    X(COPY_KEY, "copy-key", LICENSE_DETAIL, "Y", "Copy the revealed license key (OSC 52)")         \
    X(ACTIVATE_OFFLINE, "activate-offline", LICENSE_DETAIL, "A",                                   \
      "Activate an air-gapped machine from its request file; the license file goes beside it")     \
    X(LICENSE_FILE_QR, "license-file-qr", LICENSE_DETAIL, "F",                                     \
      "Show the license file activated last as one QR code (needs a large terminal)")              \
    X(DEACTIVATE, "deactivate", ACTIVATIONS, "d, Delete",                                          \
      "Deactivate the marked activations, or the selected one")                                    \
    X(CHANNEL_FILTER, "channel-filter", DOWNLOADS, "c", "Cycle the channel filter")                \
    X(PLATFORM_FILTER, "platform-filter", DOWNLOADS, "p", "Cycle the platform filter")             \
    X(START_DOWNLOAD, "download", DOWNLOAD_DETAIL, "D, Enter", "Download this file")

typedef enum tui_action {
    TUI_ACTION_NONE = -1,
#define TUI_ACTION_ENUM(id, name, scope, keys, help) TUI_ACTION_##id,
    TUI_ACTIONS(TUI_ACTION_ENUM)
#undef TUI_ACTION_ENUM
        TUI_ACTION_COUNT
} tui_action;

#define TUI_MAX_KEYS_PER_ACTION 6

typedef struct tui_action_info {
    const char *name;
    tui_scope scope;
    const char *default_keys;
    const char *help;
} tui_action_info;

/* The keys bound to each action right now (defaults, then [keys]). */
typedef struct tui_keymap {
    int keys[TUI_ACTION_COUNT][TUI_MAX_KEYS_PER_ACTION];
    int key_count[TUI_ACTION_COUNT];
} tui_keymap;

const tui_action_info *tui_action_info_of(tui_action action);
/* TUI_ACTION_NONE when no action has that name. */
tui_action tui_action_by_name(const char *name);

void tui_keymap_init(tui_keymap *map);
/* Replaces the keys of `action_name` with `keys` ("k, Up, C-p"), taking
 * them from any other action that had them. On a wrong name or key, says so
 * in `why` and changes nothing. */
bool tui_keymap_bind(tui_keymap *map, const char *action_name, const char *keys, char *why,
                     size_t why_size);
/* The action `key` runs in `scope`: the scope's own bindings first, then
 * the global ones. */
tui_action tui_keymap_lookup(const tui_keymap *map, tui_scope scope, int key);
/* A row of the `?` overlay: a heading (action NONE) or an action. */
typedef struct tui_help_row {
    tui_action action;
    const char *heading;
} tui_help_row;

#define TUI_MAX_HELP_ROWS (TUI_ACTION_COUNT + 2)

/* The `?` overlay's rows for `scope`: the view's own actions first (under
 * `view_title`), then the global ones. Returns the count. */
int tui_help_rows(tui_scope scope, const char *view_title, tui_help_row *out);
/* The same rows narrowed to the actions whose name, keys (as `map` binds
 * them) or help contain `search`, ignoring case, each under its heading; a
 * heading with no action left goes too. An empty search keeps every row. */
int tui_help_rows_matching(const tui_keymap *map, tui_scope scope, const char *view_title,
                           const char *search, tui_help_row *out);

/* "k, Up" for the help overlay. */
void tui_keymap_describe(const tui_keymap *map, tui_action action, char *out, size_t size);

/* Key names as written in [keys]: "x", "Up", "PgDn", "Enter", "Esc",
 * "Space", "Tab", "BTab", "Delete", "Backspace", "Home", "End", "F1", "C-x". */
bool tui_key_parse(const char *text, int *key);
void tui_key_name(int key, char *out, size_t size);

#endif
