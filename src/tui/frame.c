/* The shell around the views: title bar, sidebar, status bar, overlays, the too-small notice. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tui/colors.h"
#include "tui/detail_lines.h"
#include "tui/list_rows.h"
#include "tui/view_ops.h"
#include "tui/views.h"
#include "tui/widgets.h"

static const char spinner_frames[] = "-\\|/";

/* Each view's drawing, beside its record in the view table (which knows nothing of curses). */
static void (*const view_draws[TUI_VIEW_COUNT])(const tui_state *state, tui_rect main) = {
    [TUI_VIEW_DASHBOARD] = view_dashboard_draw,
    [TUI_VIEW_LICENSES] = view_licenses_draw,
    [TUI_VIEW_ACTIVATIONS] = view_activations_draw,
    [TUI_VIEW_DOWNLOADS] = view_downloads_draw,
    [TUI_VIEW_LICENSE_DETAIL] = view_license_detail_draw,
    [TUI_VIEW_DOWNLOAD_DETAIL] = view_download_detail_draw,
};

void view_key_of(const tui_state *state, tui_action action, char *out, size_t size)
{
    if (state->keymap.key_count[action] > 0)
        tui_key_name(state->keymap.keys[action][0], out, size);
    else
        snprintf(out, size, ":%s", tui_action_info_of(action)->name);
}

tui_role view_status_role(lp_license_status status)
{
    return tui_license_status_role(status);
}

void view_banner(const tui_state *state, tui_rect banner, const char *title)
{
    if (tui_rect_empty(banner))
        return;
    (void)state;
    tui_put_server(banner.y, banner.x, banner.w, title, TUI_ROLE_SECTION, false);
}

void view_detail_banner(const tui_state *state, tui_rect banner, const char *title, int lines,
                        int scroll)
{
    int visible = tui_detail_visible_lines(state);
    if (lines <= visible) {
        view_banner(state, banner, title);
        return;
    }
    /* Where the view is, as a pager says it, when the whole does not fit. */
    int first = scroll > 0 ? scroll : 1;
    int last = visible + scroll < lines ? visible + scroll : lines;
    char text[400];
    snprintf(text, sizeof text, "%.300s  (lines %d-%d of %d)", title, first, last, lines);
    view_banner(state, banner, text);
}

static void draw_title(const tui_state *state, tui_rect r)
{
    tui_fill(r, TUI_ROLE_TITLE);
    /* "refreshed" only for a real answer; once none comes, since when. */
    bool unreachable = state->unreachable_since != LP_TIME_NONE;
    lp_time shown = unreachable ? state->unreachable_since : state->last_refresh;
    char when[32];
    tui_format_time(shown, false, "never", when, sizeof when);
    /* The refresh time keeps its place on the right; the rest is cut first. */
    char right[160];
    int n = 0;
    if (state->download_running) {
        /* A download keeps going while you browse: its progress stays in sight. */
        const lp_download_progress *p = &state->download_progress;
        int share = p->total > 0 ? (int)(100.0 * (double)p->received / (double)p->total) : 0;
        n = snprintf(right, sizeof right, " download %d%% |", share > 100 ? 100 : share);
    }
    snprintf(right + n, sizeof right - (size_t)n, " %s %s ",
             unreachable ? "offline since" : "refreshed", when);
    int right_w = (int)strlen(right);
    if (right_w > r.w / 2)
        right_w = 0;
    else
        tui_put(r.y, r.x + r.w - right_w, right_w, right,
                unreachable ? TUI_ROLE_OFFLINE : TUI_ROLE_TITLE, false);
    char left[800];
    snprintf(left, sizeof left, " licportal | %s | %s",
             state->user_label[0] ? state->user_label : "-", state->server);
    tui_put(r.y, r.x, r.w - right_w, left, TUI_ROLE_TITLE, false);
}

static void draw_sidebar(const tui_state *state, tui_rect r)
{
    tui_fill(r, TUI_ROLE_SIDEBAR);
    for (int i = 0; i < TUI_SIDEBAR_ENTRIES && 1 + i < r.h; i++) {
        tui_view_id view = tui_sidebar_view(i);
        bool current = tui_view_ops_of(state->view)->sidebar_view == view;
        tui_role role = TUI_ROLE_SIDEBAR;
        if (state->focus_sidebar && state->sidebar_selected == i)
            role = TUI_ROLE_SELECTED;
        else if (current)
            role = TUI_ROLE_SIDEBAR_CURRENT;
        char text[64];
        snprintf(text, sizeof text, " %d %s", i + 1, tui_view_title(view));
        tui_put(r.y + 1 + i, r.x, r.w, text, role, true);
    }
    attrset(tui_attr(TUI_ROLE_BORDER));
    mvvline(r.y, r.x + r.w, ACS_VLINE, r.h);
    attrset(A_NORMAL);
}

static void append_hint(const tui_state *state, char *out, size_t size, tui_action action,
                        const char *label)
{
    char key[16];
    view_key_of(state, action, key, sizeof key);
    size_t len = strlen(out);
    snprintf(out + len, size - len, "%s %s  ", key, label);
}

static void draw_status(const tui_state *state, tui_rect r)
{
    tui_fill(r, TUI_ROLE_STATUS_BAR);
    if (state->modal == TUI_MODAL_SAVE_AS) {
        char text[700];
        snprintf(text, sizeof text, "Save to: %s_   (Enter saves, Esc cancels)", state->prompt);
        tui_put_server(r.y, r.x, r.w, text, TUI_ROLE_STATUS_BAR, true);
        return;
    }
    if (state->modal == TUI_MODAL_OFFLINE_REQUEST) {
        char text[700];
        snprintf(text, sizeof text, "Machine request file: %s_   (Enter activates, Esc cancels)",
                 state->prompt);
        tui_put_server(r.y, r.x, r.w, text, TUI_ROLE_STATUS_BAR, true);
        return;
    }
    if (state->modal == TUI_MODAL_PROMPT || state->modal == TUI_MODAL_FILTER) {
        char text[600];
        /* Tab's candidates follow the line. */
        bool candidates = state->modal == TUI_MODAL_PROMPT && state->message[0];
        snprintf(text, sizeof text, "%s%s_%s%s",
                 state->modal == TUI_MODAL_PROMPT ? ":" : "Filter: ", state->prompt,
                 candidates ? "   " : "", candidates ? state->message : "");
        tui_put_server(r.y, r.x, r.w, text, TUI_ROLE_STATUS_BAR, true);
        return;
    }
    char hints[512] = " ";
    const tui_hint *view_hints = tui_view_ops_of(state->view)->hints;
    for (int i = 0; i < TUI_MAX_HINTS && view_hints[i].label; i++)
        append_hint(state, hints, sizeof hints, view_hints[i].action, view_hints[i].label);
    append_hint(state, hints, sizeof hints, TUI_ACTION_REFRESH, "refresh");
    append_hint(state, hints, sizeof hints, TUI_ACTION_HELP, "help");
    append_hint(state, hints, sizeof hints, TUI_ACTION_QUIT, "quit");
    int right = 0;
    if (state->pending > 0) {
        char busy[64];
        snprintf(busy, sizeof busy, "%c Loading (Esc cancels) ",
                 spinner_frames[state->spinner % 4]);
        right = (int)strlen(busy);
        if (right < r.w)
            tui_put(r.y, r.x + r.w - right, right, busy, TUI_ROLE_KEY_HINT, false);
        else
            right = 0;
    }
    /* A message (an outcome, an error) takes the hints' place until the next key. */
    if (state->message[0]) {
        char text[sizeof state->message + 2];
        snprintf(text, sizeof text, " %s", state->message);
        tui_put(r.y, r.x, r.w - right, text,
                state->message_is_error ? TUI_ROLE_ERROR : TUI_ROLE_STATUS_BAR, true);
    } else {
        tui_put(r.y, r.x, r.w - right, hints, TUI_ROLE_STATUS_BAR, false);
    }
}

static void draw_confirm(const tui_state *state, const tui_layout *l)
{
    char text[400];
    if (state->modal == TUI_MODAL_CONFIRM_QUIT)
        snprintf(text, sizeof text, "A download is running. Quit and stop it?");
    else
        snprintf(text, sizeof text, "Deactivate %s?", state->confirm_label);
    int w = l->cols - 4 < 70 ? l->cols - 4 : 70;
    tui_rect box = {l->lines / 2 - 3, (l->cols - w) / 2, 6, w};
    tui_fill(box, TUI_ROLE_NORMAL);
    tui_box(box, TUI_ROLE_BORDER);
    /* Long device or domain names wrap: the question must be read whole. */
    tui_put_wrapped(box.y + 1, box.x + 2, box.w - 4, 2, text, TUI_ROLE_ERROR);
    tui_put(box.y + 4, box.x + 2, box.w - 4, "y yes   n no", TUI_ROLE_DIM, false);
}

static void draw_too_small(const tui_layout *l)
{
    const char *lines[] = {"Terminal too small", "(at least 40x10)", "q quits"};
    for (int i = 0; i < 3 && i < l->lines; i++) {
        int w = (int)strlen(lines[i]);
        int x = l->cols > w ? (l->cols - w) / 2 : 0;
        int y = l->lines / 2 - 1 + i;
        if (y >= 0 && y < l->lines)
            tui_put(y, x, l->cols - x, lines[i], i == 0 ? TUI_ROLE_ERROR : TUI_ROLE_NORMAL, false);
    }
}

void tui_draw_bars(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    bool overlay = state->modal == TUI_MODAL_HELP || state->modal == TUI_MODAL_QR ||
                   state->modal == TUI_MODAL_LOG || state->modal == TUI_MODAL_CONFIRM_DEACTIVATE ||
                   state->modal == TUI_MODAL_CONFIRM_QUIT;
    if (l->too_small || state->screen != TUI_SCREEN_MAIN || overlay) {
        tui_draw(state);
        return;
    }
    draw_title(state, l->title);
    draw_status(state, l->status);
}

void tui_draw(const tui_state *state)
{
    const tui_layout *l = &state->layout;
    erase();
    curs_set(0);
    if (l->too_small) {
        draw_too_small(l);
        return;
    }
    if (state->screen == TUI_SCREEN_LOGIN) {
        screen_login_draw(state);
        return;
    }
    draw_title(state, l->title);
    if (l->sidebar_shown)
        draw_sidebar(state, l->sidebar);
    view_draws[state->view](state, l->main);
    draw_status(state, l->status);
    if (state->modal == TUI_MODAL_HELP)
        view_help_draw(state);
    else if (state->modal == TUI_MODAL_QR)
        view_qr_draw(state);
    else if (state->modal == TUI_MODAL_LOG)
        view_log_draw(state);
    else if (state->modal == TUI_MODAL_CONFIRM_DEACTIVATE || state->modal == TUI_MODAL_CONFIRM_QUIT)
        draw_confirm(state, l);
}
