/* A download's detail: scrolling and starting the download. */
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/download_dir.h"
#include "tui/transition.h"
#include "tui/view_ops.h"

/* The detail is the list item already held: nothing to fetch. */
static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    (void)state;
    (void)fx;
    return TUI_REACT_REDRAW;
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    (void)fx;
    return tui_detail_scroll(state, delta, to_end);
}

/* The destination is asked first, with the default filled in. */
static tui_reaction start_download(tui_state *state, tui_effects *fx)
{
    if (!state->download_detail_loaded)
        return TUI_REACT_NONE;
    if (state->download_running)
        return tui_set_message(state, true,
                               "A download is running (its progress is in the title).");
    char name[256];
    lp_sanitize_into(state->download_detail.filename, name, sizeof name);
    tui_download_path(state->download_dir, name, state->prompt, sizeof state->prompt);
    state->modal = TUI_MODAL_SAVE_AS;
    return TUI_REACT_REDRAW;
}

tui_reaction tui_save_download(tui_state *state, const char *path, tui_effects *fx)
{
    tui_effect *e = tui_push_effect(fx, TUI_FX_START_DOWNLOAD);
    if (!e)
        return TUI_REACT_NONE;
    e->as.download.meta = state->download_detail;
    tui_copy_text(e->as.download.path, sizeof e->as.download.path, path);
    tui_copy_text(state->download_target, sizeof state->download_target, path);
    state->download_running = true;
    memset(&state->download_progress, 0, sizeof state->download_progress);
    state->download_progress.total = state->download_detail.size_bytes;
    state->download_progress.eta_seconds = -1;
    return tui_set_message(state, false, "Downloading...");
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    if (action == TUI_ACTION_START_DOWNLOAD)
        return start_download(state, fx);
    return TUI_REACT_NONE;
}

static tui_reaction open(tui_state *state, tui_effects *fx)
{
    return start_download(state, fx);
}

/* `:download ID` fetched the download: its detail shows and the save prompt asks. */
static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (ev->seq != state->seq_detail)
        return TUI_REACT_REDRAW;
    if (ev->status != LP_OK || !ev->result)
        return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
    lp_download_clear(&state->download_detail);
    state->download_detail = ev->result->as.download;
    memset(&ev->result->as.download, 0, sizeof ev->result->as.download);
    state->download_detail_loaded = true;
    state->detail_scroll = 0;
    state->last_refresh = ev->now;
    tui_reaction r = tui_enter_view(state, TUI_VIEW_DOWNLOAD_DETAIL, true, fx);
    return r | start_download(state, fx);
}

const tui_view_ops tui_download_detail_ops = {
    .scope = TUI_SCOPE_DOWNLOAD_DETAIL,
    .title = "Download",
    .sidebar_view = TUI_VIEW_DOWNLOADS,
    .calls = {LP_CALL_DOWNLOAD},
    .call_count = 1,
    .pager = tui_no_pager,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_no_click,
    .result = result,
    .hints = {{TUI_ACTION_START_DOWNLOAD, "download"}, {TUI_ACTION_NONE, NULL}},
};
