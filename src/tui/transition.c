/* Steps the views' transitions share: effects, messages, moving between views, paging a list. */
#include "tui/transition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/detail_lines.h"
#include "tui/view_ops.h"

tui_effect *tui_push_effect(tui_effects *fx, tui_effect_kind kind)
{
    if (fx->count >= TUI_MAX_EFFECTS)
        return NULL;
    tui_effect *e = &fx->items[fx->count++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    return e;
}

tui_effect *tui_start_call(tui_state *state, tui_effects *fx, tui_effect_kind kind, int *slot)
{
    tui_effect *e = tui_push_effect(fx, kind);
    if (!e)
        return NULL;
    e->seq = state->next_seq++;
    if (slot)
        *slot = e->seq;
    state->pending++;
    return e;
}

tui_reaction tui_set_message(tui_state *state, bool error, const char *text)
{
    lp_sanitize_into(text, state->message, sizeof state->message);
    state->message_is_error = error;
    char whole[sizeof state->log.entries[0].text];
    lp_sanitize_into(text, whole, sizeof whole);
    tui_message_log_add(&state->log, state->now, error, whole);
    return TUI_REACT_REDRAW;
}

void tui_copy_text(char *out, size_t size, const char *text)
{
    snprintf(out, size, "%s", text ? text : "");
}

void tui_cycle_wire_value(char *current, size_t size, const lp_wire_names *values)
{
    int index = current[0] ? lp_wire_index(values, current) : -1;
    int next = index + 1 < (int)values->count ? index + 1 : -1;
    tui_copy_text(current, size, next >= 0 ? values->names[next] : "");
}

tui_reaction tui_refuse_read_only(tui_state *state)
{
    return tui_set_message(state, true,
                           "Read-only (--read-only or read_only = true in the profile): nothing is "
                           "changed.");
}

tui_reaction tui_call_failed(tui_state *state, const tui_event *ev)
{
    const char *text = ev->error && ev->error->message[0] ? ev->error->message : "Request failed.";
    if (ev->status == LP_ERR_AUTH)
        return tui_go_to_login(state,
                               "Your session has ended or was refused: please log in again.");
    if (ev->status == LP_ERR_CANCELLED)
        return tui_set_message(state, false, "Cancelled.");
    return tui_set_message(state, true, text);
}

/* A license detail about to show another license starts afresh; its full
 * key is not kept. */
static void forget_license_detail(tui_state *state)
{
    state->detail_scroll = 0;
    state->renewal_selected = 0;
    if (state->revealed_key) {
        memset(state->revealed_key, 0, strlen(state->revealed_key));
        free(state->revealed_key);
        state->revealed_key = NULL;
    }
}

/* The current view as it is left, to come back to. */
static void remember_view(tui_state *state)
{
    int max = (int)(sizeof state->back_stack / sizeof state->back_stack[0]);
    if (state->back_depth == max) {
        memmove(state->back_stack, state->back_stack + 1,
                (size_t)(max - 1) * sizeof state->back_stack[0]);
        state->back_depth--;
    }
    tui_back_entry *e = &state->back_stack[state->back_depth++];
    memset(e, 0, sizeof *e);
    e->view = state->view;
    e->license_filter = state->license_filter;
    tui_copy_text(e->activations_license, sizeof e->activations_license,
                  state->activations_license);
    tui_copy_text(e->download_channel, sizeof e->download_channel, state->download_channel);
    tui_copy_text(e->download_platform, sizeof e->download_platform, state->download_platform);
    e->activations_order = state->activations_order;
    e->downloads_order = state->downloads_order;
    tui_copy_text(e->detail_id, sizeof e->detail_id, state->detail_id);
    e->detail_scroll = state->detail_scroll;
    tui_pager *pager = tui_view_ops_of(state->view)->pager(state);
    if (pager) {
        e->selected = pager->selected;
        e->top = pager->top;
        tui_copy_text(e->selected_id, sizeof e->selected_id, tui_list_selected_id(state));
    }
}

static tui_reaction show_view(tui_state *state, tui_view_id view, tui_effects *fx)
{
    state->view = view;
    state->focus_sidebar = false;
    state->message[0] = '\0';
    for (int i = 0; i < TUI_SIDEBAR_ENTRIES; i++)
        if (tui_sidebar_view(i) == view)
            state->sidebar_selected = i;
    return tui_view_ops_of(view)->fetch(state, fx) | TUI_REACT_REDRAW;
}

tui_reaction tui_enter_view(tui_state *state, tui_view_id view, bool remember, tui_effects *fx)
{
    if (remember && state->view != view)
        remember_view(state);
    return show_view(state, view, fx);
}

static void place_pager(tui_pager *pager, const tui_back_entry *e)
{
    pager->selected = e->selected;
    pager->top = e->top;
    tui_copy_text(pager->select_id, sizeof pager->select_id, e->selected_id);
}

tui_reaction tui_go_back(tui_state *state, tui_effects *fx)
{
    if (state->back_depth == 0)
        return TUI_REACT_NONE;
    const tui_back_entry *e = &state->back_stack[--state->back_depth];
    state->license_filter = e->license_filter;
    tui_copy_text(state->activations_license, sizeof state->activations_license,
                  e->activations_license);
    tui_copy_text(state->download_channel, sizeof state->download_channel, e->download_channel);
    tui_copy_text(state->download_platform, sizeof state->download_platform, e->download_platform);
    state->activations_order = e->activations_order;
    state->downloads_order = e->downloads_order;
    if (strcmp(state->detail_id, e->detail_id) != 0) {
        forget_license_detail(state);
        tui_copy_text(state->detail_id, sizeof state->detail_id, e->detail_id);
    }
    state->detail_scroll = e->detail_scroll;
    tui_pager *pager = tui_view_ops_of(e->view)->pager(state);
    if (pager)
        place_pager(pager, e);
    tui_reaction r = show_view(state, e->view, fx);
    if (pager && pager->mark_count == 0)
        place_pager(pager, e); /* another query was shown meanwhile: walk back to the row */
    return r;
}

tui_reaction tui_open_licenses(tui_state *state, const char *status, int expiring_days,
                               tui_effects *fx)
{
    memset(&state->license_filter, 0, sizeof state->license_filter);
    tui_copy_text(state->license_filter.status, sizeof state->license_filter.status, status);
    state->license_filter.expiring_within_days = expiring_days;
    return tui_enter_view(state, TUI_VIEW_LICENSES, true, fx);
}

tui_reaction tui_open_activations(tui_state *state, const char *license_id, tui_effects *fx)
{
    tui_copy_text(state->activations_license, sizeof state->activations_license, license_id);
    return tui_enter_view(state, TUI_VIEW_ACTIVATIONS, true, fx);
}

tui_reaction tui_open_license_detail(tui_state *state, const char *license_id, tui_effects *fx)
{
    if (!license_id)
        return TUI_REACT_NONE;
    tui_copy_text(state->detail_id, sizeof state->detail_id, license_id);
    forget_license_detail(state);
    return tui_enter_view(state, TUI_VIEW_LICENSE_DETAIL, true, fx);
}

tui_reaction tui_go_to_login(tui_state *state, const char *why)
{
    state->screen = TUI_SCREEN_LOGIN;
    state->modal = TUI_MODAL_NONE;
    tui_state_forget_license_file(state);
    state->view = TUI_VIEW_DASHBOARD;
    state->back_depth = 0;
    state->dashboard_loaded = false;
    lp_dashboard_clear(&state->dashboard);
    tui_pager_reset(&state->licenses);
    tui_pager_reset(&state->activations);
    tui_pager_reset(&state->downloads);
    state->login.otp_needed = false;
    state->login.otp[0] = '\0';
    state->login.field = state->login.email[0] ? TUI_FIELD_PASSWORD : TUI_FIELD_EMAIL;
    tui_copy_text(state->login.message, sizeof state->login.message, why);
    return TUI_REACT_REDRAW;
}

/* ---- lists --------------------------------------------------------------------------- */

void tui_list_fetch_page(tui_state *state, const tui_list_kind *list, tui_effects *fx)
{
    tui_pager *pager = list->pager(state);
    if (pager->loading_page >= 0)
        return;
    const char *cursor = NULL;
    long page = tui_pager_wanted(pager, &cursor);
    if (page < 0)
        return;
    tui_effect *e = tui_start_call(state, fx, list->fetch, &state->seq_list);
    if (!e)
        return;
    e->as.list.page = page;
    tui_copy_text(e->as.list.cursor, sizeof e->as.list.cursor, cursor);
    e->as.list.expiring_within_days = -1;
    list->fill(state, pager->from_end, e);
    pager->loading_page = page;
    pager->loading_seq = e->seq;
}

/* The same order read backwards, from the list's own table. */
static const char *reversed(const tui_list_kind *list, const char *sort)
{
    char want[32];
    snprintf(want, sizeof want, "%s", sort[0] == '-' ? sort + 1 : "");
    if (sort[0] != '-')
        snprintf(want, sizeof want, "-%s", sort);
    for (int i = 0; i < *list->sort_count; i++)
        if (strcmp(list->sorts[i], want) == 0)
            return list->sorts[i];
    return NULL;
}

const char *tui_list_sort(tui_state *state, const tui_list_kind *list, bool from_end)
{
    const char *sort = list->sorts[list->order(state)->sort];
    return from_end ? reversed(list, sort) : sort;
}

tui_reaction tui_list_open_filter(tui_state *state)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    if (!list)
        return TUI_REACT_NONE;
    state->modal = TUI_MODAL_FILTER;
    state->filter_wait = 0;
    tui_copy_text(state->prompt, sizeof state->prompt, list->order(state)->q);
    return TUI_REACT_REDRAW;
}

tui_reaction tui_list_apply_filter(tui_state *state, tui_effects *fx)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    state->filter_wait = 0;
    if (!list || strcmp(list->order(state)->q, state->prompt) == 0)
        return TUI_REACT_REDRAW;
    tui_list_order *order = list->order(state);
    tui_copy_text(order->q, sizeof order->q, state->prompt);
    return tui_list_reload(state, list, fx);
}

tui_reaction tui_list_clear_filter(tui_state *state, tui_effects *fx)
{
    state->prompt[0] = '\0';
    return tui_list_apply_filter(state, fx);
}

static bool mark_row(tui_pager *pager, long index)
{
    const void *item = tui_pager_item(pager, index);
    if (!item)
        return false;
    char label[160], group[64];
    pager->describe(item, label, sizeof label, group, sizeof group);
    return tui_marks_add(&pager->marked, pager->id_of(item), label, group);
}

tui_reaction tui_list_mark(tui_state *state)
{
    tui_pager *pager = tui_view_ops_of(state->view)->pager(state);
    if (!pager)
        return TUI_REACT_NONE;
    const void *item = tui_pager_item(pager, pager->selected);
    if (!item)
        return TUI_REACT_NONE;
    const char *id = pager->id_of(item);
    if (tui_marks_has(&pager->marked, id))
        tui_marks_remove(&pager->marked, id);
    else
        mark_row(pager, pager->selected);
    tui_pager_move(pager, 1, tui_state_list_rows(state));
    return TUI_REACT_REDRAW;
}

tui_reaction tui_list_mark_all(tui_state *state)
{
    tui_pager *pager = tui_view_ops_of(state->view)->pager(state);
    if (!pager)
        return TUI_REACT_NONE;
    long count = tui_pager_count(pager), loaded = 0, before = (long)pager->marked.count;
    for (long i = 0; i < count; i++)
        if (tui_pager_item(pager, i) && mark_row(pager, i))
            loaded++;
    char text[160];
    if ((long)pager->marked.count == before && before > 0) {
        tui_marks_clear(&pager->marked);
        snprintf(text, sizeof text, "No row marked.");
    } else if (loaded < count) {
        snprintf(text, sizeof text, "Marked %zu rows (those loaded of %ld).", pager->marked.count,
                 count);
    } else {
        snprintf(text, sizeof text, "Marked %zu rows.", pager->marked.count);
    }
    return tui_set_message(state, false, text);
}

tui_reaction tui_list_cycle_sort(tui_state *state, tui_effects *fx)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    if (!list)
        return TUI_REACT_NONE;
    tui_list_order *order = list->order(state);
    order->sort = (order->sort + 1) % *list->sort_count;
    return tui_list_reload(state, list, fx);
}

tui_reaction tui_list_reverse_sort(tui_state *state, tui_effects *fx)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    if (!list)
        return TUI_REACT_NONE;
    tui_list_order *order = list->order(state);
    const char *back = reversed(list, list->sorts[order->sort]);
    if (!back) {
        char text[96];
        snprintf(text, sizeof text, "The order \"%s\" has no reverse.", list->sorts[order->sort]);
        return tui_set_message(state, true, text);
    }
    for (int i = 0; i < *list->sort_count; i++)
        if (list->sorts[i] == back)
            order->sort = i;
    return tui_list_reload(state, list, fx);
}

/* The list's query as one string, to tell whether it changed. */
static void query_key(tui_state *state, const tui_list_kind *list, char *out, size_t size)
{
    tui_effect e;
    memset(&e, 0, sizeof e);
    e.as.list.expiring_within_days = -1;
    list->fill(state, false, &e);
    const tui_list_query *q = &e.as.list;
    snprintf(out, size, "%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%s", q->q, q->sort, q->status,
             q->expiring_within_days, q->license_id, q->channel, q->platform);
}

static bool has_id(const void *item, const void *ctx)
{
    const tui_pager *pager = ((const void *const *)ctx)[0];
    const char *id = ((const void *const *)ctx)[1];
    const char *item_id = pager->id_of(item);
    return item_id && strcmp(item_id, id) == 0;
}

tui_reaction tui_list_reload(tui_state *state, const tui_list_kind *list, tui_effects *fx)
{
    tui_pager *pager = list->pager(state);
    char key[sizeof pager->query];
    query_key(state, list, key, sizeof key);
    if (pager->mark_count > 0 && strcmp(key, pager->query) == 0) {
        const void *item = tui_pager_item(pager, pager->selected);
        const char *id = item ? pager->id_of(item) : NULL;
        if (id && !pager->select_id[0])
            tui_copy_text(pager->select_id, sizeof pager->select_id, id);
        tui_pager_reload(pager);
    } else {
        tui_pager_reset(pager);
        memcpy(pager->query, key, sizeof pager->query);
    }
    tui_list_fetch_page(state, list, fx);
    return TUI_REACT_REDRAW;
}

/* Selects the row asked for by id once it has come back; where it is gone,
 * the selection keeps its index. */
static void find_selected_again(tui_state *state, const tui_list_kind *list, tui_pager *pager)
{
    if (!pager->select_id[0])
        return;
    const void *ctx[2] = {pager, pager->select_id};
    long at = tui_pager_find(pager, has_id, ctx);
    if (at >= 0) {
        pager->top += at - pager->selected;
        if (pager->top < 0)
            pager->top = 0;
        pager->selected = at;
        tui_pager_select(pager, at, tui_state_list_rows(state));
        pager->select_id[0] = '\0';
    } else if (tui_pager_item(pager, pager->selected)) {
        pager->select_id[0] = '\0';
    }
}

const char *tui_list_selected_id(tui_state *state)
{
    const tui_list_kind *list = tui_view_ops_of(state->view)->list;
    if (!list)
        return "";
    tui_pager *pager = list->pager(state);
    const void *item = tui_pager_item(pager, pager->selected);
    const char *id = item ? pager->id_of(item) : NULL;
    return id ? id : pager->select_id;
}

static void move_within(tui_state *state, const tui_list_kind *list, long delta, bool to_end)
{
    tui_pager *pager = list->pager(state);
    int visible = tui_state_list_rows(state);
    if (!to_end) {
        tui_pager_move(pager, delta, visible);
        return;
    }
    bool last = delta > 0;
    long count = tui_pager_count(pager);
    if (last && tui_list_sort(state, list, true) && count > 0 && !tui_pager_item(pager, count - 1))
        tui_pager_anchor_end(pager, visible);
    else if (!last && pager->from_end && !tui_pager_item(pager, 0))
        tui_pager_anchor_start(pager);
    else
        tui_pager_select(pager, last ? count - 1 : 0, visible);
}

tui_reaction tui_list_move(tui_state *state, const tui_list_kind *list, long delta, bool to_end,
                           tui_effects *fx)
{
    move_within(state, list, delta, to_end);
    tui_list_fetch_page(state, list, fx);
    return TUI_REACT_REDRAW;
}

tui_reaction tui_list_result(tui_state *state, const tui_list_kind *list, const tui_event *ev,
                             tui_effects *fx)
{
    tui_pager *pager = list->pager(state);
    if (pager->loading_seq != ev->seq)
        return TUI_REACT_REDRAW; /* a page asked for before a reset */
    long page = pager->loading_page;
    pager->loading_page = -1;
    if (ev->status != LP_OK || !ev->result)
        return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
    void *items;
    size_t count;
    const char *next;
    long total;
    list->take(ev->result, &items, &count, &next, &total);
    /* Shown rows stay as drawn when they all come from other loaded pages,
     * before and after (the page that makes room is never a shown one, but
     * that is checked, not assumed). */
    bool shown = state->view == list->view;
    long top = pager->top, selected = pager->selected, known = pager->total;
    int rows = tui_state_list_rows(state);
    bool kept = !shown ||
                (known > 0 && tui_pager_rows_loaded_apart_from(pager, top, rows, (size_t)page));
    tui_pager_accept(pager, (size_t)page, items, count, next, total);
    find_selected_again(state, list, pager);
    state->last_refresh = ev->now;
    kept = kept &&
           (!shown || (pager->top == top && pager->selected == selected && pager->total == known &&
                       tui_pager_rows_loaded_apart_from(pager, top, rows, (size_t)page)));
    if (shown)
        tui_list_fetch_page(state, list, fx);
    /* The refresh time and the spinner: a full frame would draw the same
     * rows again, at the cost of a page of decoding. */
    return kept ? TUI_REACT_REDRAW_BARS : TUI_REACT_REDRAW;
}

tui_reaction tui_list_click(tui_state *state, int y, int x, tui_effects *fx)
{
    const tui_view_ops *ops = tui_view_ops_of(state->view);
    tui_pager *pager = ops->pager(state);
    tui_list_geometry g = tui_list_geometry_compute(state->layout.main);
    if (!pager || !tui_rect_contains(g.rows, y, x))
        return TUI_REACT_NONE;
    long row = pager->top + (y - g.rows.y);
    if (row >= tui_pager_count(pager))
        return TUI_REACT_NONE;
    bool again = row == pager->selected;
    tui_pager_select(pager, row, g.rows.h);
    return again ? ops->open(state, fx) | TUI_REACT_REDRAW : TUI_REACT_REDRAW;
}

tui_pager *tui_no_pager(tui_state *state)
{
    (void)state;
    return NULL;
}

tui_reaction tui_no_click(tui_state *state, int y, int x, tui_effects *fx)
{
    (void)state;
    (void)y;
    (void)x;
    (void)fx;
    return TUI_REACT_NONE;
}

int tui_detail_visible_lines(const tui_state *state)
{
    /* The banner and the blank line under it come first. */
    int visible = state->layout.main.h - 2;
    return visible > 1 ? visible : 1;
}

/* The furthest a detail of `lines` lines scrolls: its last line at the bottom. */
static int detail_max_scroll(const tui_state *state, int lines)
{
    int beyond = lines - tui_detail_visible_lines(state);
    return beyond > 0 ? beyond : 0;
}

int tui_detail_scroll_shown(const tui_state *state, int lines)
{
    int max = detail_max_scroll(state, lines);
    return state->detail_scroll < max ? state->detail_scroll : max;
}

tui_reaction tui_detail_scroll(tui_state *state, long delta, bool to_end, int lines)
{
    int max = detail_max_scroll(state, lines);
    int before = state->detail_scroll;
    /* From where the view shows it: a resize may have left the scroll past
     * the end. */
    long scroll = to_end ? (delta > 0 ? max : 0)
                         : (long)tui_detail_scroll_shown(state, lines) + delta;
    state->detail_scroll = scroll < 0 ? 0 : scroll > max ? max : (int)scroll;
    return state->detail_scroll != before ? TUI_REACT_REDRAW : TUI_REACT_NONE;
}
