/* The license list's transitions: filters, sort, paging, opening a license. */
#include <string.h>

#include "tui/transition.h"
#include "tui/view_ops.h"

static tui_pager *pager(tui_state *state)
{
    return &state->licenses;
}

static const tui_list_kind list;

static void fill_query(tui_state *state, bool from_end, tui_effect *e)
{
    const tui_license_filter *f = &state->license_filter;
    tui_copy_text(e->as.list.status, sizeof e->as.list.status, f->status);
    tui_copy_text(e->as.list.q, sizeof e->as.list.q, f->order.q);
    tui_copy_text(e->as.list.sort, sizeof e->as.list.sort, tui_list_sort(state, &list, from_end));
    e->as.list.expiring_within_days = f->expiring_within_days;
}

static tui_list_order *order_of(tui_state *state)
{
    return &state->license_filter.order;
}

static void take(lp_result *result, void **items, size_t *count, const char **next, long *total)
{
    lp_license_page *page = &result->as.licenses;
    *items = page->items;
    *count = page->count;
    *next = page->next_cursor;
    *total = (long)page->total;
    page->items = NULL;
    page->count = 0;
}

static const tui_list_kind list = {
    .view = TUI_VIEW_LICENSES,
    .fetch = TUI_FX_FETCH_LICENSES,
    .pager = pager,
    .fill = fill_query,
    .take = take,
    .order = order_of,
    .sorts = tui_license_sorts,
    .sort_count = &tui_license_sort_count,
};

static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    return tui_list_reload(state, &list, fx);
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    return tui_list_move(state, &list, delta, to_end, fx);
}

static tui_reaction open(tui_state *state, tui_effects *fx)
{
    lp_license_summary *license = tui_pager_item(&state->licenses, state->licenses.selected);
    return license ? tui_open_license_detail(state, license->id, fx) : TUI_REACT_NONE;
}

static tui_reaction cycle_status(tui_state *state, tui_effects *fx)
{
    tui_cycle_wire_value(state->license_filter.status, sizeof state->license_filter.status,
                         &lp_license_statuses);
    state->license_filter.expiring_within_days = -1;
    return fetch(state, fx);
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    switch (action) {
    case TUI_ACTION_STATUS_FILTER:
        return cycle_status(state, fx);
    case TUI_ACTION_CLEAR_FILTERS:
        memset(&state->license_filter, 0, sizeof state->license_filter);
        state->license_filter.expiring_within_days = -1;
        return fetch(state, fx);
    default:
        return TUI_REACT_NONE;
    }
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    return tui_list_result(state, &list, ev, fx);
}

const tui_view_ops tui_licenses_ops = {
    .scope = TUI_SCOPE_LICENSES,
    .title = "Licenses",
    .sidebar_view = TUI_VIEW_LICENSES,
    .calls = {LP_CALL_LICENSES},
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
              {TUI_ACTION_STATUS_FILTER, "status"},
              {TUI_ACTION_SORT, "sort"},
              {TUI_ACTION_NONE, NULL}},
};
