/* The activation list's transitions: paging, opening the license, deactivating. */
#include <stdio.h>
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/transition.h"
#include "tui/view_ops.h"

static tui_pager *pager(tui_state *state)
{
    return &state->activations;
}

static const tui_list_kind list;

static void fill_query(tui_state *state, bool from_end, tui_effect *e)
{
    tui_copy_text(e->as.list.q, sizeof e->as.list.q, state->activations_order.q);
    tui_copy_text(e->as.list.sort, sizeof e->as.list.sort, tui_list_sort(state, &list, from_end));
    tui_copy_text(e->as.list.license_id, sizeof e->as.list.license_id, state->activations_license);
}

static void take(lp_result *result, void **items, size_t *count, const char **next, long *total)
{
    lp_activation_page *page = &result->as.activations;
    *items = page->items;
    *count = page->count;
    *next = page->next_cursor;
    *total = (long)page->total;
    page->items = NULL;
    page->count = 0;
}

static tui_list_order *order_of(tui_state *state)
{
    return &state->activations_order;
}

static const tui_list_kind list = {
    .view = TUI_VIEW_ACTIVATIONS,
    .fetch = TUI_FX_FETCH_ACTIVATIONS,
    .pager = pager,
    .fill = fill_query,
    .take = take,
    .order = order_of,
    .sorts = tui_activation_sorts,
    .sort_count = &tui_activation_sort_count,
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
    lp_activation *activation = tui_pager_item(&state->activations, state->activations.selected);
    return activation ? tui_open_license_detail(state, activation->license_id, fx) : TUI_REACT_NONE;
}

static tui_reaction ask_deactivate(tui_state *state)
{
    lp_activation *a = tui_pager_item(&state->activations, state->activations.selected);
    if (!a)
        return TUI_REACT_NONE;
    char name[128], product[128];
    lp_sanitize_into(a->name, name, sizeof name);
    lp_sanitize_into(a->product.name, product, sizeof product);
    tui_copy_text(state->confirm_id, sizeof state->confirm_id, a->id);
    snprintf(state->confirm_label, sizeof state->confirm_label, "%s %.120s (%.120s)",
             a->kind == LP_ACTIVATION_DOMAIN ? "domain" : "device", name, product);
    state->confirm_row = state->activations.selected;
    state->modal = TUI_MODAL_CONFIRM_DEACTIVATE;
    return TUI_REACT_REDRAW;
}

/* One question for every marked row: how many, and of which licenses. */
static tui_reaction ask_deactivate_marked(tui_state *state)
{
    const tui_marks *marked = &state->activations.marked;
    char licenses[160];
    size_t groups = tui_marks_groups(marked, licenses, sizeof licenses);
    snprintf(state->confirm_label, sizeof state->confirm_label,
             "%zu activation%s of %zu license%s (%s)", marked->count, marked->count == 1 ? "" : "s",
             groups, groups == 1 ? "" : "s", licenses);
    state->confirm_marked = true;
    state->modal = TUI_MODAL_CONFIRM_DEACTIVATE;
    return TUI_REACT_REDRAW;
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    (void)fx;
    if (action != TUI_ACTION_DEACTIVATE)
        return TUI_REACT_NONE;
    if (state->read_only)
        return tui_refuse_read_only(state);
    if (state->bulk_running)
        return tui_set_message(state, true, "Deactivations are still running.");
    if (state->activations.marked.count > 0)
        return ask_deactivate_marked(state);
    state->confirm_marked = false;
    return ask_deactivate(state);
}

static void start_deactivation(tui_state *state, const char *id, tui_effects *fx)
{
    tui_effect *e = tui_start_call(state, fx, TUI_FX_DEACTIVATE, &state->seq_mutation);
    if (e)
        tui_copy_text(e->as.id, sizeof e->as.id, id);
    if (id != state->confirm_id)
        tui_copy_text(state->confirm_id, sizeof state->confirm_id, id);
}

tui_reaction tui_confirm_deactivation(tui_state *state, tui_effects *fx)
{
    if (state->read_only)
        return tui_refuse_read_only(state);
    if (!state->confirm_marked) {
        start_deactivation(state, state->confirm_id, fx);
        return tui_set_message(state, false, "Deactivating...");
    }
    if (state->activations.marked.count == 0)
        return TUI_REACT_REDRAW;
    state->bulk_running = true;
    state->bulk_next = 0;
    state->bulk_done = state->bulk_failed = 0;
    start_deactivation(state, state->activations.marked.items[0].id, fx);
    return tui_set_message(state, false, "Deactivating the marked activations...");
}

/* The row of activation `id`, when it is loaded, or -1. */
static long loaded_row(tui_state *state, const char *id)
{
    tui_pager *pager = &state->activations;
    for (long i = pager->top; i < tui_pager_count(pager); i++) {
        const lp_activation *a = tui_pager_item(pager, i);
        if (a && a->id && strcmp(a->id, id) == 0)
            return i;
    }
    for (long i = 0; i < pager->top && i < tui_pager_count(pager); i++) {
        const lp_activation *a = tui_pager_item(pager, i);
        if (a && a->id && strcmp(a->id, id) == 0)
            return i;
    }
    return -1;
}

static void one_fewer_in_use(tui_state *state)
{
    if (state->dashboard_loaded && state->dashboard.kpis.activations_in_use > 0)
        state->dashboard.kpis.activations_in_use--;
}

/* One of the marked rows is done: each failure is said (and kept in the
 * log), the row stays marked; the next one starts until none is left. */
static tui_reaction bulk_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    tui_marks *marked = &state->activations.marked;
    if (state->bulk_next >= marked->count) {
        state->bulk_running = false;
        return TUI_REACT_REDRAW;
    }
    tui_mark *m = &marked->items[state->bulk_next];
    tui_reaction r = TUI_REACT_REDRAW;
    if (ev->status == LP_OK) {
        long row = loaded_row(state, m->id);
        if (row >= 0)
            tui_pager_remove(&state->activations, row);
        one_fewer_in_use(state);
        tui_marks_remove(marked, m->id);
        state->bulk_done++;
    } else {
        char text[700];
        const char *why = ev->error && ev->error->code[0] &&
                                  strcmp(ev->error->code, LP_CODE_DEACTIVATION_NOT_ALLOWED) == 0
                              ? "its license does not allow self-service deactivation"
                          : ev->error && ev->error->message[0] ? ev->error->message
                                                               : "request failed";
        snprintf(text, sizeof text, "Not deactivated %.200s (%.60s): %.400s", m->label, m->group,
                 why);
        r |= tui_set_message(state, true, text);
        state->bulk_failed++;
        state->bulk_next++;
        if (ev->status == LP_ERR_AUTH)
            return tui_call_failed(state, ev);
    }
    if (state->bulk_next < marked->count) {
        start_deactivation(state, marked->items[state->bulk_next].id, fx);
        return r;
    }
    state->bulk_running = false;
    char text[200];
    if (state->bulk_failed == 0)
        snprintf(text, sizeof text, "Deactivated %d activation%s.", state->bulk_done,
                 state->bulk_done == 1 ? "" : "s");
    else
        snprintf(text, sizeof text, "Deactivated %d; %d failed and stay marked (M shows why).",
                 state->bulk_done, state->bulk_failed);
    return r | tui_set_message(state, state->bulk_failed > 0, text);
}

static tui_reaction page_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    return tui_list_result(state, &list, ev, fx);
}

static tui_reaction deactivate_result(tui_state *state, const tui_event *ev)
{
    if (ev->status != LP_OK) {
        if (ev->error && strcmp(ev->error->code, LP_CODE_DEACTIVATION_NOT_ALLOWED) == 0)
            /* The row stays selected, so the words need not repeat its name. */
            return tui_set_message(state, true,
                                   "Not deactivated: its license does not allow self-service "
                                   "deactivation.");
        return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
    }
    lp_activation *row = tui_pager_item(&state->activations, state->confirm_row);
    if (row && row->id && strcmp(row->id, state->confirm_id) == 0)
        tui_pager_remove(&state->activations, state->confirm_row);
    one_fewer_in_use(state);
    char text[400];
    snprintf(text, sizeof text, "Deactivated %.300s.", state->confirm_label);
    return tui_set_message(state, false, text);
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (ev->call_kind == LP_CALL_DEACTIVATE)
        return state->bulk_running ? bulk_result(state, ev, fx) : deactivate_result(state, ev);
    return page_result(state, ev, fx);
}

const tui_view_ops tui_activations_ops = {
    .scope = TUI_SCOPE_ACTIVATIONS,
    .title = "Activations",
    .sidebar_view = TUI_VIEW_ACTIVATIONS,
    .calls = {LP_CALL_ACTIVATIONS, LP_CALL_DEACTIVATE},
    .call_count = 2,
    .pager = pager,
    .list = &list,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_list_click,
    .result = result,
    .hints = {{TUI_ACTION_FILTER, "filter"},
              {TUI_ACTION_SORT, "sort"},
              {TUI_ACTION_DEACTIVATE, "deactivate"},
              {TUI_ACTION_NONE, NULL}},
};
