/* The download list's transitions: channel and platform filters, paging, opening a file's detail. */
#include <stdlib.h>
#include <string.h>

#include "licportal/wire_names.h"
#include "tui/transition.h"
#include "tui/view_ops.h"

static tui_pager *pager(tui_state *state)
{
    return &state->downloads;
}

static const tui_list_kind list;

static void fill_query(tui_state *state, bool from_end, tui_effect *e)
{
    tui_copy_text(e->as.list.q, sizeof e->as.list.q, state->downloads_order.q);
    tui_copy_text(e->as.list.sort, sizeof e->as.list.sort, tui_list_sort(state, &list, from_end));
    tui_copy_text(e->as.list.channel, sizeof e->as.list.channel, state->download_channel);
    tui_copy_text(e->as.list.platform, sizeof e->as.list.platform, state->download_platform);
}

static void take(lp_result *result, void **items, size_t *count, const char **next, long *total)
{
    lp_download_page *page = &result->as.downloads;
    *items = page->items;
    *count = page->count;
    *next = page->next_cursor;
    *total = (long)page->total;
    page->items = NULL;
    page->count = 0;
}

static tui_list_order *order_of(tui_state *state)
{
    return &state->downloads_order;
}

static const tui_list_kind list = {
    .view = TUI_VIEW_DOWNLOADS,
    .fetch = TUI_FX_FETCH_DOWNLOADS,
    .pager = pager,
    .fill = fill_query,
    .take = take,
    .order = order_of,
    .sorts = tui_download_sorts,
    .sort_count = &tui_download_sort_count,
};

static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    return tui_list_reload(state, &list, fx);
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    return tui_list_move(state, &list, delta, to_end, fx);
}

static char *dup_or_empty(const char *text)
{
    return strdup(text ? text : "");
}

/* A deep copy through the fields that the detail shows. */
static void hold_detail(tui_state *state, const lp_download *download)
{
    lp_download_clear(&state->download_detail);
    lp_download *d = &state->download_detail;
    *d = *download;
    d->id = dup_or_empty(download->id);
    d->product.id = dup_or_empty(download->product.id);
    d->product.name = dup_or_empty(download->product.name);
    d->version = dup_or_empty(download->version);
    d->channel = dup_or_empty(download->channel);
    d->platform = dup_or_empty(download->platform);
    d->arch = dup_or_empty(download->arch);
    d->filename = dup_or_empty(download->filename);
    d->release_notes = download->release_notes ? strdup(download->release_notes) : NULL;
    state->download_detail_loaded = true;
    state->detail_scroll = 0;
}

static tui_reaction open(tui_state *state, tui_effects *fx)
{
    lp_download *download = tui_pager_item(&state->downloads, state->downloads.selected);
    if (!download)
        return TUI_REACT_NONE;
    hold_detail(state, download);
    return tui_enter_view(state, TUI_VIEW_DOWNLOAD_DETAIL, true, fx);
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    switch (action) {
    case TUI_ACTION_CHANNEL_FILTER:
        tui_cycle_wire_value(state->download_channel, sizeof state->download_channel,
                             &lp_download_channels);
        return fetch(state, fx);
    case TUI_ACTION_PLATFORM_FILTER:
        tui_cycle_wire_value(state->download_platform, sizeof state->download_platform,
                             &lp_download_platforms);
        return fetch(state, fx);
    default:
        return TUI_REACT_NONE;
    }
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    return tui_list_result(state, &list, ev, fx);
}

const tui_view_ops tui_downloads_ops = {
    .scope = TUI_SCOPE_DOWNLOADS,
    .title = "Downloads",
    .sidebar_view = TUI_VIEW_DOWNLOADS,
    .calls = {LP_CALL_DOWNLOADS},
    .call_count = 1,
    .pager = pager,
    .list = &list,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_list_click,
    .result = result,
    .hints = {{TUI_ACTION_FILTER, "filter"},
              {TUI_ACTION_CHANNEL_FILTER, "channel"},
              {TUI_ACTION_PLATFORM_FILTER, "platform"},
              {TUI_ACTION_NONE, NULL}},
};
