/* The message log overlay: every status message kept, with its time, errors whole. */
#include <stdio.h>

#include "tui/views.h"
#include "tui/widgets.h"

/* Lines one message may take: long errors wrap rather than being cut. */
#define MESSAGE_LINES 8

void view_log_draw(const tui_state *state)
{
    tui_rect box = tui_overlay_box(&state->layout, 110);
    char title[96];
    snprintf(title, sizeof title, " Messages (%d kept; Esc closes) ", state->log.count);
    tui_put(box.y, box.x + 2, box.w - 4, title, TUI_ROLE_SECTION, false);
    int y = box.y + 1, bottom = box.y + box.h - 1;
    int x = box.x + 2, room = box.w - 4;
    if (state->log.count == 0) {
        tui_put(y, x, room, "No messages yet.", TUI_ROLE_DIM, false);
        return;
    }
    for (int i = state->log_scroll; i < state->log.count && y < bottom; i++) {
        const tui_logged_message *m = tui_message_log_at(&state->log, i);
        char when[16];
        tui_format_time(m->at, false, "--:--:--", when, sizeof when);
        tui_put(y, x, 9, when, TUI_ROLE_DIM, true);
        int lines = bottom - y < MESSAGE_LINES ? bottom - y : MESSAGE_LINES;
        y += tui_put_wrapped(y, x + 10, room - 10, lines, m->text,
                             m->error ? TUI_ROLE_ERROR : TUI_ROLE_NORMAL);
    }
}
