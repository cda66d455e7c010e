/* The `?` overlay: the current view's actions, then the global ones, with keys and help. */
#include <stdio.h>

#include "tui/views.h"
#include "tui/widgets.h"

void view_help_draw(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    tui_rect box = tui_overlay_box(l, 96);
    char heading[128];
    if (state->help_searching || state->help_search[0])
        snprintf(heading, sizeof heading, " Keys  /%s%s  (Esc clears) ", state->help_search,
                 state->help_searching ? "_" : "");
    else
        snprintf(heading, sizeof heading, " Keys  (/ searches, Esc closes, : runs by name) ");
    tui_put(box.y, box.x + 2, box.w - 4, heading, TUI_ROLE_SECTION, false);
    tui_help_row entries[TUI_MAX_HELP_ROWS];
    const char *title = tui_view_title(state->view);
    int count = tui_help_rows_matching(&state->keymap, tui_state_scope(state), title,
                                       state->help_search, entries);
    if (count == 0)
        tui_put(box.y + 1, box.x + 2, box.w - 4, "No action matches.", TUI_ROLE_DIM, false);
    int rows = tui_help_visible_rows(l);
    /* Where the description would get fewer than 30 columns, the name (what
     * `:` takes) gives way and the keys narrow: what an action does matters
     * more than its long name. */
    int key_w = 18, name_w = 20;
    if (box.w - 4 - key_w - name_w - 2 < 30) {
        key_w = 14;
        name_w = -1;
    }
    for (int i = 0; i < rows && i < box.h - 2; i++) {
        int index = state->help_scroll + i;
        if (index >= count)
            break;
        int y = box.y + 1 + i;
        int x = box.x + 2;
        int room = box.w - 4;
        if (entries[index].action == TUI_ACTION_NONE) {
            tui_put(y, x, room, entries[index].heading, TUI_ROLE_HEADER, false);
            continue;
        }
        tui_action action = entries[index].action;
        const tui_action_info *info = tui_action_info_of(action);
        char keys[96];
        tui_keymap_describe(&state->keymap, action, keys, sizeof keys);
        tui_put(y, x, key_w < room ? key_w : room, keys, TUI_ROLE_KEY_HINT, true);
        if (name_w > 0 && room > key_w + 1)
            tui_put(y, x + key_w + 1, name_w < room - key_w - 1 ? name_w : room - key_w - 1,
                    info->name, TUI_ROLE_SECTION, true);
        if (room > key_w + name_w + 2)
            tui_put(y, x + key_w + name_w + 2, room - key_w - name_w - 2, info->help,
                    TUI_ROLE_NORMAL, false);
    }
}
