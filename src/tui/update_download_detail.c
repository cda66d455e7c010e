/* A download's detail: scrolling and starting the download. */
#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/download_dir.h"
#include "tui/detail_lines.h"
#include "tui/text_wrap.h"
#include "tui/transition.h"
#include "tui/view_ops.h"

/* The detail is the list item already held: nothing to fetch. */
static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    (void)state;
    (void)fx;
    return TUI_REACT_REDRAW;
}

int tui_download_detail_lines(const tui_state *state)
{
    if (!state->download_detail_loaded)
        return 0;
    const lp_download *d = &state->download_detail;
    int width = state->layout.main.w;
    /* Six fields; the digest on one line, or in halves on two where one
     * would cut it; a blank line; the progress bar and its numbers and a
     * blank line, or the download hint and a blank line; "Release notes"
     * and the notes wrapped to the width. */
    int digest = width - 17 > 0 && (size_t)(width - 17) < strlen(d->sha256) ? 2 : 1;
    bool progress = state->download_running || state->download_progress.received > 0;
    char *notes = lp_sanitize_str(d->release_notes ? d->release_notes : "(none)");
    int note_lines = tui_wrap_count(notes, width - 3);
    free(notes);
    return 6 + digest + 1 + (progress ? 3 : 2) + 1 + note_lines;
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    (void)fx;
    return tui_detail_scroll(state, delta, to_end, tui_download_detail_lines(state));
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
