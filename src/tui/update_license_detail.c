/* A license's detail: revealing and copying its key, renewal options, its activations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/sanitize.h"
#include "tui/transition.h"
#include "tui/update.h"
#include "tui/view_ops.h"

static tui_reaction fetch(tui_state *state, tui_effects *fx)
{
    state->detail_loaded = false;
    lp_license_detail_clear(&state->detail);
    tui_effect *e = tui_start_call(state, fx, TUI_FX_FETCH_LICENSE, &state->seq_detail);
    if (e)
        tui_copy_text(e->as.id, sizeof e->as.id, state->detail_id);
    return TUI_REACT_REDRAW;
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    (void)fx;
    return tui_detail_scroll(state, delta, to_end);
}

static tui_reaction open(tui_state *state, tui_effects *fx)
{
    (void)state;
    (void)fx;
    return TUI_REACT_NONE;
}

static tui_reaction copy_to_clipboard(tui_state *state, tui_effects *fx, const char *text,
                                      const char *done)
{
    tui_effect *e = tui_push_effect(fx, TUI_FX_COPY);
    if (!e)
        return TUI_REACT_NONE;
    lp_sanitize_into(text, e->as.text, sizeof e->as.text);
    return tui_set_message(state, false, done);
}

static tui_reaction copy_key(tui_state *state, tui_effects *fx)
{
    if (state->revealed_key)
        return copy_to_clipboard(state, fx, state->revealed_key, "License key copied.");
    char key[16], text[96];
    tui_key_name(state->keymap.key_count[TUI_ACTION_REVEAL_KEY]
                     ? state->keymap.keys[TUI_ACTION_REVEAL_KEY][0]
                     : 'v',
                 key, sizeof key);
    snprintf(text, sizeof text, "Reveal the key first (%s).", key);
    return tui_set_message(state, true, text);
}

static tui_reaction act(tui_state *state, tui_action action, tui_effects *fx)
{
    switch (action) {
    case TUI_ACTION_REVEAL_KEY:
        if (state->detail_loaded) {
            tui_effect *e = tui_start_call(state, fx, TUI_FX_REVEAL_KEY, &state->seq_mutation);
            if (e)
                tui_copy_text(e->as.id, sizeof e->as.id, state->detail_id);
        }
        return TUI_REACT_NONE;
    case TUI_ACTION_NEXT_RENEWAL:
        if (state->detail.renewal_option_count == 0)
            return TUI_REACT_NONE;
        state->renewal_selected = (state->renewal_selected + 1) %
                                  (int)state->detail.renewal_option_count;
        return TUI_REACT_REDRAW;
    case TUI_ACTION_SHOW_QR:
        if (!tui_selected_renewal(state))
            return TUI_REACT_NONE;
        state->modal = TUI_MODAL_QR;
        return TUI_REACT_REDRAW;
    case TUI_ACTION_COPY_URL: {
        const lp_renewal_option *option = tui_selected_renewal(state);
        return option ? copy_to_clipboard(state, fx, option->checkout_url, "Checkout URL copied.")
                      : TUI_REACT_NONE;
    }
    case TUI_ACTION_COPY_KEY:
        return copy_key(state, fx);
    case TUI_ACTION_LICENSE_ACTIVATIONS:
        return tui_open_activations(state, state->detail_id, fx);
    default:
        return TUI_REACT_NONE;
    }
}

static tui_reaction detail_result(tui_state *state, const tui_event *ev)
{
    if (ev->seq != state->seq_detail)
        return TUI_REACT_REDRAW;
    if (ev->status != LP_OK || !ev->result)
        return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
    lp_license_detail_clear(&state->detail);
    state->detail = ev->result->as.license;
    memset(&ev->result->as.license, 0, sizeof ev->result->as.license);
    state->detail_loaded = true;
    state->last_refresh = ev->now;
    return TUI_REACT_REDRAW;
}

static tui_reaction reveal_result(tui_state *state, const tui_event *ev)
{
    if (ev->status != LP_OK || !ev->result)
        return tui_call_failed(state, ev) | TUI_REACT_REDRAW;
    if (state->view != TUI_VIEW_LICENSE_DETAIL)
        return TUI_REACT_REDRAW;
    free(state->revealed_key);
    state->revealed_key = lp_sanitize_str(ev->result->as.revealed_key);
    return TUI_REACT_REDRAW;
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    (void)fx;
    if (ev->call_kind == LP_CALL_REVEAL_KEY)
        return reveal_result(state, ev);
    return detail_result(state, ev);
}

const tui_view_ops tui_license_detail_ops = {
    .scope = TUI_SCOPE_LICENSE_DETAIL,
    .title = "License",
    .sidebar_view = TUI_VIEW_LICENSES,
    .calls = {LP_CALL_LICENSE, LP_CALL_REVEAL_KEY},
    .call_count = 2,
    .pager = tui_no_pager,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_no_click,
    .result = result,
    .hints = {{TUI_ACTION_REVEAL_KEY, "reveal key"},
              {TUI_ACTION_LICENSE_ACTIVATIONS, "activations"},
              {TUI_ACTION_NONE, NULL}},
};
