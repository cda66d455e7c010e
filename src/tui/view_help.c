/* The `?` overlay: every action of the table with its keys and help. */
#include <stdio.h>

#include "tui/views.h"
#include "tui/widgets.h"

static const char *scope_name(tui_scope scope)
{
    switch (scope) {
    case TUI_SCOPE_GLOBAL:
        return "";
    case TUI_SCOPE_DASHBOARD:
        return "dashboard";
    case TUI_SCOPE_LICENSES:
        return "licenses";
    case TUI_SCOPE_LICENSE_DETAIL:
        return "license";
    case TUI_SCOPE_ACTIVATIONS:
        return "activations";
    case TUI_SCOPE_DOWNLOADS:
        return "downloads";
    case TUI_SCOPE_DOWNLOAD_DETAIL:
        return "download";
    }
    return "";
}

void view_help_draw(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    int w = l->cols - 4 < 96 ? l->cols - 4 : 96;
    int h = l->lines - 2;
    tui_rect box = {1, (l->cols - w) / 2, h, w};
    /* Nothing of the view behind shows through beside the box. */
    tui_rect behind = {1, 0, h, l->cols};
    tui_fill(behind, TUI_ROLE_NORMAL);
    tui_box(box, TUI_ROLE_BORDER);
    tui_put(box.y, box.x + 2, box.w - 4, " Keys  (Esc closes; : runs an action by name) ",
            TUI_ROLE_SECTION, false);
    int rows = box.h - 2;
    int key_w = 18, name_w = 20;
    for (int i = 0; i < rows; i++) {
        int index = state->help_scroll + i;
        if (index >= TUI_ACTION_COUNT)
            break;
        const tui_action_info *info = tui_action_info_of((tui_action)index);
        char keys[96], help[200];
        tui_keymap_describe(&state->keymap, (tui_action)index, keys, sizeof keys);
        const char *scope = scope_name(info->scope);
        snprintf(help, sizeof help, "%s%s%s%s", info->help, scope[0] ? " (" : "", scope,
                 scope[0] ? ")" : "");
        int y = box.y + 1 + i;
        int x = box.x + 2;
        int room = box.w - 4;
        tui_put(y, x, key_w < room ? key_w : room, keys, TUI_ROLE_KEY_HINT, true);
        if (room > key_w + 1)
            tui_put(y, x + key_w + 1, name_w < room - key_w - 1 ? name_w : room - key_w - 1,
                    info->name, TUI_ROLE_SECTION, true);
        if (room > key_w + name_w + 2)
            tui_put(y, x + key_w + name_w + 2, room - key_w - name_w - 2, help, TUI_ROLE_NORMAL,
                    false);
    }
}
