/* A download's detail: scrolling and starting the download. */
#include <string.h>

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

static tui_reaction start_download(tui_state *state, tui_effects *fx)
{
    if (!state->download_detail_loaded || state->download_running)
        return TUI_REACT_NONE;
    tui_effect *e = tui_push_effect(fx, TUI_FX_START_DOWNLOAD);
    if (!e)
        return TUI_REACT_NONE;
    e->as.download = state->download_detail;
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

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    (void)fx;
    return ev->status != LP_OK ? tui_call_failed(state, ev) | TUI_REACT_REDRAW : TUI_REACT_REDRAW;
}

const tui_view_ops tui_download_detail_ops = {
    .scope = TUI_SCOPE_DOWNLOAD_DETAIL,
    .title = "Download",
    .sidebar_view = TUI_VIEW_DOWNLOADS,
    .call_count = 0,
    .pager = tui_no_pager,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_no_click,
    .result = result,
    .hints = {{TUI_ACTION_START_DOWNLOAD, "download"}, {TUI_ACTION_NONE, NULL}},
};
