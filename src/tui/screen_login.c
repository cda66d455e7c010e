/* The login screen: email, hidden password, one-time code, where to keep the session. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "tui/views.h"
#include "tui/widgets.h"

static void draw_field(int y, int x, int w, const char *label, const char *value, bool focused)
{
    tui_put(y, x, 16, label, focused ? TUI_ROLE_SECTION : TUI_ROLE_KPI_LABEL, true);
    /* What was typed can hold pasted control characters too. */
    tui_put_server(y, x + 17, w - 17, value, focused ? TUI_ROLE_FIELD_FOCUS : TUI_ROLE_FIELD, true);
}

void screen_login_draw(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    const tui_login *login = &state->login;
    int w = l->cols - 4 < 72 ? l->cols - 4 : 72;
    /* A short terminal gets the same fields without the blank lines. */
    bool compact = l->lines < 24;
    int step = compact ? 1 : 2;
    int note_lines = compact ? 1 : 3;
    int fields = 2 + (login->otp_needed ? 1 : 0);
    int h = 2 + fields * step + (login->offer_remember ? note_lines + (compact ? 1 : 3) : 0) +
            (compact ? 1 : 2) + 3;
    if (h > l->lines)
        h = l->lines;
    tui_rect box = {(l->lines - h) / 2, (l->cols - w) / 2, h, w};
    tui_box(box, TUI_ROLE_BORDER);
    char title[320];
    snprintf(title, sizeof title, " Log in to %s ", state->server);
    tui_put(box.y, box.x + 2, box.w - 4, title, TUI_ROLE_SECTION, false);
    int x = box.x + 2, fw = box.w - 4;
    int y = box.y + (compact ? 1 : 2);
    int cursor_y = -1, cursor_x = -1;

    draw_field(y, x, fw, "Email", login->email, login->field == TUI_FIELD_EMAIL);
    if (login->field == TUI_FIELD_EMAIL) {
        cursor_y = y;
        cursor_x = x + 17 + (int)strlen(login->email);
    }
    y += step;
    /* The password is never echoed, not even its length. */
    draw_field(y, x, fw, "Password", login->password[0] ? "********" : "",
               login->field == TUI_FIELD_PASSWORD);
    if (login->field == TUI_FIELD_PASSWORD) {
        cursor_y = y;
        cursor_x = x + 17 + (login->password[0] ? 8 : 0);
    }
    y += step;
    if (login->otp_needed) {
        draw_field(y, x, fw, "One-time code", login->otp, login->field == TUI_FIELD_OTP);
        if (login->field == TUI_FIELD_OTP) {
            cursor_y = y;
            cursor_x = x + 17 + (int)strlen(login->otp);
        }
        y += step;
    }
    if (login->offer_remember) {
        y += tui_put_wrapped(y, x, fw, note_lines,
                             login->store_note[0] ? login->store_note : "No keyring answered.",
                             TUI_ROLE_DIM);
        char choice[160];
        snprintf(choice, sizeof choice, "[%c] Remember this login in a file (mode 0600)",
                 login->remember_in_file ? 'x' : ' ');
        tui_put(y, x, fw, choice,
                login->field == TUI_FIELD_REMEMBER ? TUI_ROLE_FIELD_FOCUS : TUI_ROLE_NORMAL, false);
        y++;
        if (!compact) {
            tui_put(y, x + 4, fw - 4,
                    login->remember_in_file ? "(kept for later runs)" : "(for this run only)",
                    TUI_ROLE_DIM, false);
            y += 2;
        }
    }
    if (login->message[0])
        tui_put_wrapped(y, x, fw, compact ? 1 : 2, login->message,
                        state->pending > 0 ? TUI_ROLE_DIM : TUI_ROLE_ERROR);
    tui_put(box.y + box.h - 2, x, fw,
            login->offer_remember ? "Enter log in  Tab next field  Space toggle  Esc quit"
                                  : "Enter log in  Tab next field  Esc quit",
            TUI_ROLE_DIM, false);
    if (cursor_y >= 0 && cursor_x < l->cols) {
        move(cursor_y, cursor_x);
        curs_set(1);
    } else {
        curs_set(0);
    }
}
