/* The shell's transitions: keys through the scope lookup, global actions, modals, clicks, results. */
#include "tui/update.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/text.h"
#include "licportal/sanitize.h"
#include "tui/command.h"
#include "tui/transition.h"
#include "tui/view_ops.h"

const lp_renewal_option *tui_selected_renewal(const tui_state *state)
{
    if (state->view != TUI_VIEW_LICENSE_DETAIL || !state->detail_loaded ||
        state->detail.renewal_option_count == 0)
        return NULL;
    int index = state->renewal_selected;
    if (index < 0 || (size_t)index >= state->detail.renewal_option_count)
        index = 0;
    return &state->detail.renewal_options[index];
}

static const tui_view_ops *current(const tui_state *state)
{
    return tui_view_ops_of(state->view);
}

/* ---- global actions ------------------------------------------------------------------ */

static tui_reaction move_selection(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    if (state->focus_sidebar) {
        int next = to_end ? (delta > 0 ? TUI_SIDEBAR_ENTRIES - 1 : 0)
                          : state->sidebar_selected + (int)delta;
        if (next < 0)
            next = 0;
        if (next >= TUI_SIDEBAR_ENTRIES)
            next = TUI_SIDEBAR_ENTRIES - 1;
        state->sidebar_selected = next;
        return TUI_REACT_REDRAW;
    }
    return current(state)->move(state, delta, to_end, fx);
}

static tui_reaction open_selected(tui_state *state, tui_effects *fx)
{
    if (state->focus_sidebar)
        return tui_enter_view(state, tui_sidebar_view(state->sidebar_selected), true, fx);
    return current(state)->open(state, fx);
}

static tui_reaction go_back(tui_state *state, tui_effects *fx)
{
    if (state->pending > 0) {
        tui_push_effect(fx, TUI_FX_CANCEL_REQUESTS);
        /* The portal may have taken the seat before the answer was dropped. */
        if (state->offline_running)
            return tui_set_message(state, true,
                                   "Cancelled. The portal may have activated the machine already: "
                                   "look in the activations (3) before you try again.");
        return tui_set_message(state, false, "Cancelled.");
    }
    if (state->focus_sidebar) {
        state->focus_sidebar = false;
        return TUI_REACT_REDRAW;
    }
    return tui_go_back(state, fx);
}

static tui_reaction switch_panel(tui_state *state, tui_action action, tui_effects *fx)
{
    if (state->layout.sidebar_shown) {
        state->focus_sidebar = !state->focus_sidebar;
        return TUI_REACT_REDRAW;
    }
    /* No sidebar to go to: the view may move between its own panels. */
    return current(state)->act(state, action, fx) | TUI_REACT_REDRAW;
}

static tui_reaction quit(tui_state *state)
{
    if (state->download_running) {
        state->modal = TUI_MODAL_CONFIRM_QUIT;
        return TUI_REACT_REDRAW;
    }
    state->quit = true;
    return TUI_REACT_QUIT;
}

static tui_reaction run_global(tui_state *state, tui_action action, tui_effects *fx)
{
    long page = tui_state_list_rows(state);
    bool horizontal = current(state)->horizontal;
    switch (action) {
    case TUI_ACTION_UP:
        return move_selection(state, -1, false, fx);
    case TUI_ACTION_DOWN:
        return move_selection(state, 1, false, fx);
    case TUI_ACTION_LEFT:
        if (!state->focus_sidebar && !horizontal && state->layout.sidebar_shown) {
            state->focus_sidebar = true;
            return TUI_REACT_REDRAW;
        }
        return state->focus_sidebar ? TUI_REACT_NONE : move_selection(state, -1, false, fx);
    case TUI_ACTION_RIGHT:
        if (state->focus_sidebar) {
            state->focus_sidebar = false;
            return TUI_REACT_REDRAW;
        }
        return horizontal ? move_selection(state, 1, false, fx) : TUI_REACT_NONE;
    case TUI_ACTION_PAGE_UP:
        return move_selection(state, -page, false, fx);
    case TUI_ACTION_PAGE_DOWN:
        return move_selection(state, page, false, fx);
    case TUI_ACTION_FIRST:
        return move_selection(state, -1, true, fx);
    case TUI_ACTION_LAST:
        return move_selection(state, 1, true, fx);
    case TUI_ACTION_OPEN:
        return open_selected(state, fx);
    case TUI_ACTION_BACK:
        return go_back(state, fx);
    case TUI_ACTION_NEXT_PANEL:
    case TUI_ACTION_PREV_PANEL:
        return switch_panel(state, action, fx);
    case TUI_ACTION_REFRESH:
        return current(state)->fetch(state, fx);
    case TUI_ACTION_HELP:
        state->modal = TUI_MODAL_HELP;
        state->help_scroll = 0;
        state->help_search[0] = '\0';
        state->help_searching = false;
        return TUI_REACT_REDRAW;
    case TUI_ACTION_PROMPT:
        state->modal = TUI_MODAL_PROMPT;
        state->prompt[0] = '\0';
        state->history_back = 0;
        return TUI_REACT_REDRAW;
    case TUI_ACTION_QUIT:
        return quit(state);
    case TUI_ACTION_MESSAGES:
        state->modal = TUI_MODAL_LOG;
        /* The newest in view, a line each at least. */
        state->log_scroll = state->log.count - tui_help_visible_rows(&state->layout);
        if (state->log_scroll < 0)
            state->log_scroll = 0;
        return TUI_REACT_REDRAW;
    case TUI_ACTION_MOUSE: {
        state->mouse_on = !state->mouse_on;
        tui_effect *e = tui_push_effect(fx, TUI_FX_MOUSE);
        if (e)
            e->as.on = state->mouse_on;
        return tui_set_message(state, false,
                               state->mouse_on ? "Mouse on: clicks select and open."
                                               : "Mouse off: the terminal selects text.");
    }
    case TUI_ACTION_REDRAW:
        return TUI_REACT_REPAINT | TUI_REACT_REDRAW;
    case TUI_ACTION_SUSPEND:
        return TUI_REACT_SUSPEND;
    case TUI_ACTION_GO_DASHBOARD:
        return tui_enter_view(state, TUI_VIEW_DASHBOARD, true, fx);
    case TUI_ACTION_GO_LICENSES:
        return tui_open_licenses(state, "", -1, fx);
    case TUI_ACTION_GO_ACTIVATIONS:
        return tui_open_activations(state, "", fx);
    case TUI_ACTION_GO_DOWNLOADS:
        return tui_enter_view(state, TUI_VIEW_DOWNLOADS, true, fx);
    case TUI_ACTION_FILTER:
        return tui_list_open_filter(state);
    case TUI_ACTION_SORT:
        return tui_list_cycle_sort(state, fx);
    case TUI_ACTION_REVERSE_SORT:
        return tui_list_reverse_sort(state, fx);
    case TUI_ACTION_MARK:
        return tui_list_mark(state);
    case TUI_ACTION_MARK_ALL:
        return tui_list_mark_all(state);
    default:
        return TUI_REACT_NONE;
    }
}

tui_reaction tui_run_action(tui_state *state, tui_action action, tui_effects *fx)
{
    if (action == TUI_ACTION_NONE || action == TUI_ACTION_COUNT)
        return TUI_REACT_NONE;
    tui_scope scope = tui_action_info_of(action)->scope;
    if (scope == TUI_SCOPE_GLOBAL)
        return run_global(state, action, fx);
    /* A view's action runs only in its view, whether from a key or the `:` prompt. */
    const tui_view_ops *view = current(state);
    if (state->focus_sidebar || view->scope != scope)
        return TUI_REACT_NONE;
    return view->act(state, action, fx);
}

/* ---- text input -------------------------------------------------------------------- */

static void append_code_point(char *buf, size_t size, int cp)
{
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return;
    char utf8[4];
    size_t n = lp_utf8_encode((uint32_t)cp, utf8);
    size_t len = strlen(buf);
    if (len + n + 1 <= size) {
        memcpy(buf + len, utf8, n);
        buf[len + n] = '\0';
    }
}

/* Drops the last character, however many bytes it takes. */
static void delete_last_char(char *buf)
{
    size_t len = strlen(buf), at = 0, last = 0;
    while (at < len) {
        uint32_t cp;
        last = at;
        at += lp_utf8_decode((const unsigned char *)buf + at, len - at, &cp);
    }
    buf[last] = '\0';
}

static bool is_text_key(int key)
{
    return key >= ' ' && key < TUI_KEY_UP && key != 0x7F;
}

static char *login_field_text(tui_login *login, size_t *size)
{
    switch (login->field) {
    case TUI_FIELD_EMAIL:
        *size = sizeof login->email;
        return login->email;
    case TUI_FIELD_PASSWORD:
        *size = sizeof login->password;
        return login->password;
    case TUI_FIELD_OTP:
        *size = sizeof login->otp;
        return login->otp;
    case TUI_FIELD_REMEMBER:
        break;
    }
    *size = 0;
    return NULL;
}

static void login_move_field(tui_login *login, int delta)
{
    tui_login_field order[4];
    int n = 0;
    order[n++] = TUI_FIELD_EMAIL;
    order[n++] = TUI_FIELD_PASSWORD;
    if (login->otp_needed)
        order[n++] = TUI_FIELD_OTP;
    if (login->offer_remember)
        order[n++] = TUI_FIELD_REMEMBER;
    int at = 0;
    for (int i = 0; i < n; i++)
        if (order[i] == login->field)
            at = i;
    login->field = order[(at + delta + n) % n];
}

static void submit_login(tui_state *state, tui_effects *fx)
{
    tui_login *login = &state->login;
    if (!login->email[0] || !login->password[0]) {
        tui_copy_text(login->message, sizeof login->message,
                      "Enter your email and password, then press Enter.");
        login->field = login->email[0] ? TUI_FIELD_PASSWORD : TUI_FIELD_EMAIL;
        return;
    }
    if (login->otp_needed && !login->otp[0]) {
        tui_copy_text(login->message, sizeof login->message, "Enter the one-time code.");
        login->field = TUI_FIELD_OTP;
        return;
    }
    tui_effect *e = tui_start_call(state, fx, TUI_FX_LOGIN, &state->seq_login);
    if (!e)
        return;
    tui_copy_text(e->as.login.email, sizeof e->as.login.email, login->email);
    tui_copy_text(e->as.login.password, sizeof e->as.login.password, login->password);
    tui_copy_text(e->as.login.otp, sizeof e->as.login.otp, login->otp_needed ? login->otp : "");
    e->as.login.remember_in_file = login->offer_remember && login->remember_in_file;
    tui_copy_text(login->message, sizeof login->message, "Logging in...");
}

static tui_reaction login_key(tui_state *state, int key, tui_effects *fx)
{
    tui_login *login = &state->login;
    if (key == 3) { /* Ctrl-C */
        state->quit = true;
        return TUI_REACT_QUIT;
    }
    if (key == TUI_KEY_ESC) {
        if (state->pending == 0) {
            state->quit = true;
            return TUI_REACT_QUIT;
        }
        tui_push_effect(fx, TUI_FX_CANCEL_REQUESTS);
        tui_copy_text(login->message, sizeof login->message, "Cancelled.");
    } else if (key == TUI_KEY_TAB || key == TUI_KEY_DOWN) {
        login_move_field(login, 1);
    } else if (key == TUI_KEY_BTAB || key == TUI_KEY_UP) {
        login_move_field(login, -1);
    } else if (key == TUI_KEY_ENTER) {
        if (state->pending == 0)
            submit_login(state, fx);
    } else if (login->field == TUI_FIELD_REMEMBER) {
        if (key == ' ' || key == 'x' || key == TUI_KEY_LEFT || key == TUI_KEY_RIGHT)
            login->remember_in_file = !login->remember_in_file;
    } else {
        size_t size;
        char *text = login_field_text(login, &size);
        if (!text)
            return TUI_REACT_REDRAW;
        if (key == TUI_KEY_BACKSPACE)
            delete_last_char(text);
        else if (key == 21) /* Ctrl-U clears the field, as in a shell */
            memset(text, 0, size);
        else if (is_text_key(key) && (login->field != TUI_FIELD_OTP || (key >= '0' && key <= '9')))
            append_code_point(text, size, key);
    }
    return TUI_REACT_REDRAW;
}

/* Typing pauses this many ticks before the filter is asked for. */
#define FILTER_DEBOUNCE_TICKS 2

static tui_reaction filter_key(tui_state *state, int key, tui_effects *fx)
{
    if (key == TUI_KEY_ESC || key == 3) {
        state->modal = TUI_MODAL_NONE;
        return tui_list_clear_filter(state, fx) | TUI_REACT_REDRAW;
    }
    if (key == TUI_KEY_ENTER) {
        state->modal = TUI_MODAL_NONE;
        return tui_list_apply_filter(state, fx) | TUI_REACT_REDRAW;
    }
    if (key == TUI_KEY_BACKSPACE)
        delete_last_char(state->prompt);
    else if (key == 21) /* Ctrl-U */
        state->prompt[0] = '\0';
    else if (is_text_key(key))
        append_code_point(state->prompt, sizeof state->prompt, key);
    else
        return TUI_REACT_NONE;
    state->filter_wait = FILTER_DEBOUNCE_TICKS;
    return TUI_REACT_REDRAW_BARS;
}

/* A path prompt (a download's destination, a machine request): Enter goes
 * on with the path, Esc leaves it. */
static tui_reaction path_prompt_key(tui_state *state, int key, tui_effects *fx)
{
    if (key == TUI_KEY_ESC || key == 3) {
        state->modal = TUI_MODAL_NONE;
    } else if (key == TUI_KEY_BACKSPACE) {
        delete_last_char(state->prompt);
    } else if (key == 21) { /* Ctrl-U */
        state->prompt[0] = '\0';
    } else if (key == TUI_KEY_ENTER) {
        tui_modal modal = state->modal;
        state->modal = TUI_MODAL_NONE;
        char path[sizeof state->prompt];
        tui_copy_text(path, sizeof path, state->prompt);
        if (modal == TUI_MODAL_OFFLINE_REQUEST)
            return tui_activate_offline(state, path, fx) | TUI_REACT_REDRAW;
        return tui_save_download(state, path, fx) | TUI_REACT_REDRAW;
    } else if (is_text_key(key)) {
        append_code_point(state->prompt, sizeof state->prompt, key);
    }
    return TUI_REACT_REDRAW;
}

/* The `:` line: Tab completes, Up and Down walk the history, Enter runs it. */
static tui_reaction line_input_key(tui_state *state, int key, tui_effects *fx)
{
    if (key == TUI_KEY_ESC || key == 3) {
        state->modal = TUI_MODAL_NONE;
    } else if (key == TUI_KEY_BACKSPACE) {
        delete_last_char(state->prompt);
    } else if (key == TUI_KEY_ENTER) {
        state->modal = TUI_MODAL_NONE;
        state->history_back = 0;
        char line[sizeof state->prompt];
        tui_copy_text(line, sizeof line, state->prompt);
        return tui_command_run(state, line, fx) | TUI_REACT_REDRAW;
    } else if (key == TUI_KEY_TAB) {
        char others[256];
        tui_command_complete(state, state->prompt, sizeof state->prompt, others, sizeof others);
        state->message[0] = '\0';
        if (others[0])
            tui_copy_text(state->message, sizeof state->message, others);
    } else if (key == TUI_KEY_UP || key == TUI_KEY_DOWN) {
        int back = state->history_back + (key == TUI_KEY_UP ? 1 : -1);
        const char *line = tui_command_recall(state, back);
        if (line || back == 0) {
            state->history_back = back;
            tui_copy_text(state->prompt, sizeof state->prompt, line ? line : "");
        }
    } else if (is_text_key(key)) {
        append_code_point(state->prompt, sizeof state->prompt, key);
    }
    return TUI_REACT_REDRAW;
}

static tui_reaction confirm_key(tui_state *state, int key, tui_effects *fx)
{
    bool yes = key == 'y' || key == 'Y';
    bool no = key == 'n' || key == 'N' || key == TUI_KEY_ESC || key == 'q';
    if (!yes && !no)
        return TUI_REACT_REDRAW;
    tui_modal modal = state->modal;
    state->modal = TUI_MODAL_NONE;
    if (!yes)
        return TUI_REACT_REDRAW;
    if (modal == TUI_MODAL_CONFIRM_QUIT) {
        tui_push_effect(fx, TUI_FX_CANCEL_DOWNLOAD);
        state->quit = true;
        return TUI_REACT_QUIT;
    }
    return tui_confirm_deactivation(state, fx);
}

/* An overlay scrolls `*scroll` within [0, last] by `page`; the keys that
 * do not scroll close it. */
static tui_reaction scroll_overlay(tui_state *state, int key, int *scroll, int last, int page)
{
    switch (tui_keymap_lookup(&state->keymap, TUI_SCOPE_GLOBAL, key)) {
    case TUI_ACTION_DOWN:
        ++*scroll;
        break;
    case TUI_ACTION_UP:
        --*scroll;
        break;
    case TUI_ACTION_PAGE_DOWN:
        *scroll += page;
        break;
    case TUI_ACTION_PAGE_UP:
        *scroll -= page;
        break;
    case TUI_ACTION_FIRST:
        *scroll = 0;
        break;
    case TUI_ACTION_LAST:
        *scroll = last;
        break;
    default:
        state->modal = TUI_MODAL_NONE;
        break;
    }
    if (*scroll > last)
        *scroll = last;
    if (*scroll < 0)
        *scroll = 0;
    return TUI_REACT_REDRAW;
}

/* Typing the `?` overlay's search: Enter keeps it, Esc clears it. */
static tui_reaction help_search_key(tui_state *state, int key)
{
    size_t len = strlen(state->help_search);
    if (key == TUI_KEY_ESC) {
        state->help_search[0] = '\0';
        state->help_searching = false;
    } else if (key == TUI_KEY_ENTER) {
        state->help_searching = false;
    } else if (key == TUI_KEY_BACKSPACE) {
        if (len > 0)
            state->help_search[len - 1] = '\0';
    } else if (key >= 0x20 && key < 0x7f && len + 1 < sizeof state->help_search) {
        /* Action names, keys and help are ASCII: nothing else can match. */
        state->help_search[len] = (char)key;
        state->help_search[len + 1] = '\0';
    }
    state->help_scroll = 0;
    return TUI_REACT_REDRAW;
}

/* The `?` overlay scrolls within its rows, never into an empty box; `/`
 * narrows them, Esc clears the search before it closes the overlay. */
static tui_reaction help_key(tui_state *state, int key)
{
    if (state->help_searching)
        return help_search_key(state, key);
    if (key == '/') {
        state->help_searching = true;
        state->help_search[0] = '\0';
        state->help_scroll = 0;
        return TUI_REACT_REDRAW;
    }
    if (key == TUI_KEY_ESC && state->help_search[0]) {
        state->help_search[0] = '\0';
        state->help_scroll = 0;
        return TUI_REACT_REDRAW;
    }
    tui_help_row rows[TUI_MAX_HELP_ROWS];
    const tui_view_ops *view = current(state);
    int count = tui_help_rows_matching(&state->keymap, view->scope, view->title, state->help_search,
                                       rows);
    int visible = tui_help_visible_rows(&state->layout);
    return scroll_overlay(state, key, &state->help_scroll, count > visible ? count - visible : 0,
                          visible);
}

/* The log scrolls by messages: 0 shows the oldest at the top. */
static tui_reaction log_key(tui_state *state, int key)
{
    int last = state->log.count > 0 ? state->log.count - 1 : 0;
    return scroll_overlay(state, key, &state->log_scroll, last, 10);
}

static tui_reaction handle_key(tui_state *state, int key, tui_effects *fx)
{
    if (state->layout.too_small) {
        /* Nothing can be seen to act on: only leaving works. */
        if (tui_keymap_lookup(&state->keymap, TUI_SCOPE_GLOBAL, key) != TUI_ACTION_QUIT)
            return TUI_REACT_NONE;
        state->quit = true;
        return TUI_REACT_QUIT;
    }
    if (state->screen == TUI_SCREEN_LOGIN)
        return login_key(state, key, fx);
    switch (state->modal) {
    case TUI_MODAL_HELP:
        return help_key(state, key);
    case TUI_MODAL_QR:
        state->modal = TUI_MODAL_NONE;
        return TUI_REACT_REDRAW;
    case TUI_MODAL_LOG:
        return log_key(state, key);
    case TUI_MODAL_PROMPT:
        return line_input_key(state, key, fx);
    case TUI_MODAL_FILTER:
        return filter_key(state, key, fx);
    case TUI_MODAL_SAVE_AS:
    case TUI_MODAL_OFFLINE_REQUEST:
        return path_prompt_key(state, key, fx);
    case TUI_MODAL_CONFIRM_DEACTIVATE:
    case TUI_MODAL_CONFIRM_QUIT:
        return confirm_key(state, key, fx);
    case TUI_MODAL_NONE:
        break;
    }
    tui_reaction r = TUI_REACT_NONE;
    if (state->message[0]) {
        state->message[0] = '\0';
        r |= TUI_REACT_REDRAW;
    }
    tui_scope scope = state->focus_sidebar ? TUI_SCOPE_GLOBAL : current(state)->scope;
    return r | tui_run_action(state, tui_keymap_lookup(&state->keymap, scope, key), fx);
}

/* ---- clicks ------------------------------------------------------------------------ */

static tui_reaction handle_click(tui_state *state, int y, int x, tui_effects *fx)
{
    const tui_layout *l = &state->layout;
    if (l->too_small || state->screen != TUI_SCREEN_MAIN)
        return TUI_REACT_NONE;
    if (state->modal == TUI_MODAL_HELP || state->modal == TUI_MODAL_QR ||
        state->modal == TUI_MODAL_LOG) {
        state->modal = TUI_MODAL_NONE;
        return TUI_REACT_REDRAW;
    }
    if (state->modal != TUI_MODAL_NONE)
        return TUI_REACT_NONE;
    if (l->sidebar_shown && tui_rect_contains(l->sidebar, y, x)) {
        int entry = y - l->sidebar.y - 1; /* entries start below a blank line */
        if (entry < 0 || entry >= TUI_SIDEBAR_ENTRIES)
            return TUI_REACT_NONE;
        state->sidebar_selected = entry;
        return tui_enter_view(state, tui_sidebar_view(entry), true, fx);
    }
    if (!tui_rect_contains(l->main, y, x))
        return TUI_REACT_NONE;
    state->focus_sidebar = false;
    return current(state)->click(state, y, x, fx);
}

/* ---- results ----------------------------------------------------------------------- */

static tui_reaction login_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    tui_login *login = &state->login;
    if (ev->status == LP_OK) {
        memset(login->password, 0, sizeof login->password);
        memset(login->otp, 0, sizeof login->otp);
        login->otp_needed = false;
        login->message[0] = '\0';
        if (ev->result)
            tui_state_set_user(state, ev->result->as.tokens.user.name,
                               ev->result->as.tokens.user.email);
        if (login->offer_remember && login->remember_in_file) {
            tui_push_effect(fx, TUI_FX_REMEMBER_IN_FILE);
            login->offer_remember = false;
        }
        tui_effect *learn = tui_push_effect(fx, TUI_FX_LEARN_LOGIN);
        if (learn)
            tui_copy_text(learn->as.login.email, sizeof learn->as.login.email, login->email);
        state->screen = TUI_SCREEN_MAIN;
        state->back_depth = 0;
        state->view = TUI_VIEW_DASHBOARD;
        return tui_enter_view(state, TUI_VIEW_DASHBOARD, false, fx);
    }
    const char *why = ev->error ? ev->error->message : "";
    char text[sizeof login->message];
    /* Only a code is missing: keep the password for the second try. */
    bool keep_password = ev->status == LP_ERR_OTP_REQUIRED || ev->status == LP_ERR_OTP_INVALID;
    if (!keep_password)
        memset(login->password, 0, sizeof login->password);
    switch (ev->status) {
    case LP_ERR_OTP_REQUIRED:
        login->otp_needed = true;
        login->field = TUI_FIELD_OTP;
        snprintf(text, sizeof text, "Two-factor authentication is on: enter the one-time code.");
        break;
    case LP_ERR_OTP_INVALID:
        login->otp[0] = '\0';
        login->field = TUI_FIELD_OTP;
        snprintf(text, sizeof text, "That one-time code was not accepted: try the current one.");
        break;
    case LP_ERR_CREDENTIALS:
        login->field = TUI_FIELD_PASSWORD;
        snprintf(text, sizeof text, "Wrong email or password.");
        break;
    case LP_ERR_RATE_LIMITED:
        if (ev->error && ev->error->retry_after > 0)
            snprintf(text, sizeof text, "Too many attempts: try again in %ld s.",
                     ev->error->retry_after);
        else
            snprintf(text, sizeof text, "Too many attempts: wait a moment and try again.");
        break;
    case LP_ERR_NETWORK:
    case LP_ERR_TLS:
        snprintf(text, sizeof text, "Cannot reach %.100s: %.180s", state->server, why);
        break;
    case LP_ERR_CANCELLED:
        snprintf(text, sizeof text, "Cancelled.");
        break;
    default:
        snprintf(text, sizeof text, "%.300s", why[0] ? why : "Login failed.");
        break;
    }
    lp_sanitize_into(text, login->message, sizeof login->message);
    return TUI_REACT_REDRAW;
}

static tui_reaction handle_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (state->pending > 0)
        state->pending--;
    /* The title says "refreshed" only for answers, "offline since" once none comes. */
    if (ev->status == LP_OK)
        state->unreachable_since = LP_TIME_NONE;
    else if ((ev->status == LP_ERR_NETWORK || ev->status == LP_ERR_TLS) &&
             state->unreachable_since == LP_TIME_NONE)
        state->unreachable_since = ev->now;
    if (ev->call_kind == LP_CALL_LOGIN)
        return ev->seq == state->seq_login ? login_result(state, ev, fx) : TUI_REACT_REDRAW;
    const tui_view_ops *view = tui_view_ops_for_call(ev->call_kind);
    if (view)
        return view->result(state, ev, fx);
    return ev->status != LP_OK ? tui_call_failed(state, ev) | TUI_REACT_REDRAW : TUI_REACT_REDRAW;
}

static tui_reaction handle_snapshot(tui_state *state, const tui_event *ev)
{
    if (!ev->snapshot) {
        char text[sizeof state->message + 64];
        snprintf(text, sizeof text, "%.300s (no offline copy cached yet)", state->message);
        return tui_set_message(state, true, text);
    }
    if (state->dashboard_loaded && !state->offline)
        return TUI_REACT_REDRAW; /* fresher data is already on screen */
    lp_dashboard_clear(&state->dashboard);
    state->dashboard = *ev->snapshot;
    memset(ev->snapshot, 0, sizeof *ev->snapshot);
    tui_state_build_recent_rows(state);
    state->dashboard_loaded = true;
    state->offline = true;
    state->offline_as_of = state->dashboard.generated_at;
    return TUI_REACT_REDRAW;
}

static tui_reaction download_done(tui_state *state, const tui_event *ev)
{
    state->download_running = false;
    if (ev->status == LP_OK) {
        /* The bar ends full, with the rate of the whole transfer. */
        state->download_progress = ev->progress;
        state->download_progress.received = state->download_progress.total;
        state->download_progress.eta_seconds = 0;
    }
    char text[700];
    if (ev->status == LP_OK)
        snprintf(text, sizeof text, "Saved %.600s (SHA-256 verified)",
                 ev->target ? ev->target : "");
    else
        snprintf(text, sizeof text, "Download failed: %.600s", ev->error ? ev->error->message : "");
    return tui_set_message(state, ev->status != LP_OK, text);
}

static tui_reaction resize(tui_state *state, int cols, int lines)
{
    state->layout = tui_layout_compute(cols, lines);
    if (!state->layout.sidebar_shown)
        state->focus_sidebar = false;
    tui_pager *pager = current(state)->pager(state);
    if (pager)
        tui_pager_select(pager, pager->selected, tui_state_list_rows(state));
    return TUI_REACT_REDRAW;
}

static tui_reaction tick(tui_state *state, tui_effects *fx)
{
    tui_reaction r = TUI_REACT_NONE;
    if (state->modal == TUI_MODAL_FILTER && state->filter_wait > 0 && --state->filter_wait == 0)
        r |= tui_list_apply_filter(state, fx);
    if (state->pending > 0 || state->download_running) {
        state->spinner++;
        r |= TUI_REACT_REDRAW_BARS; /* the spinner is in the status bar */
    }
    return r;
}

void tui_start(tui_state *state, tui_effects *fx)
{
    if (state->screen == TUI_SCREEN_MAIN)
        tui_enter_view(state, TUI_VIEW_DASHBOARD, false, fx);
}

tui_reaction tui_update(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    state->now = ev->now;
    switch (ev->kind) {
    case TUI_EV_KEY:
        return handle_key(state, ev->key, fx);
    case TUI_EV_CLICK:
        return handle_click(state, ev->y, ev->x, fx);
    case TUI_EV_RESIZE:
        return resize(state, ev->cols, ev->lines);
    case TUI_EV_TICK:
        return tick(state, fx);
    case TUI_EV_RESULT:
        return handle_result(state, ev, fx);
    case TUI_EV_SNAPSHOT:
        return handle_snapshot(state, ev);
    case TUI_EV_DOWNLOAD_PROGRESS:
        state->download_progress = ev->progress;
        return TUI_REACT_REDRAW;
    case TUI_EV_DOWNLOAD_DONE:
        return download_done(state, ev);
    }
    return TUI_REACT_NONE;
}
