/* A license's detail: revealing and copying its key, renewal options, its activations, offline activation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/license_file.h"
#include "licportal/sanitize.h"
#include "tui/detail_lines.h"
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

int tui_license_detail_lines(const tui_state *state)
{
    if (!state->detail_loaded)
        return 0;
    const lp_license_detail *d = &state->detail;
    /* Eight fields, a blank line, "Features" and one line each, a blank
     * line, "Renewal", two lines per option and the options' keys. */
    size_t lines = 8 + 1 + 1 + d->feature_count + 1 + 1 + 2 * d->renewal_option_count +
                   (d->renewal_option_count > 0 ? 1 : 0);
    return (int)lines;
}

static tui_reaction move(tui_state *state, long delta, bool to_end, tui_effects *fx)
{
    (void)fx;
    return tui_detail_scroll(state, delta, to_end, tui_license_detail_lines(state));
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

/* The first key bound to `action`, by name; ":name" when none is. */
static void bound_key(const tui_state *state, tui_action action, char *out, size_t size)
{
    if (state->keymap.key_count[action])
        tui_key_name(state->keymap.keys[action][0], out, size);
    else
        snprintf(out, size, ":%s", tui_action_info_of(action)->name);
}

static tui_reaction copy_key(tui_state *state, tui_effects *fx)
{
    if (state->revealed_key)
        return copy_to_clipboard(state, fx, state->revealed_key, "License key copied.");
    char key[64], text[128];
    bound_key(state, TUI_ACTION_REVEAL_KEY, key, sizeof key);
    snprintf(text, sizeof text, "Reveal the key first (%s).", key);
    return tui_set_message(state, true, text);
}

/* The machine request's path is asked first, on the status line. */
static tui_reaction ask_request_path(tui_state *state)
{
    if (state->read_only)
        return tui_refuse_read_only(state);
    if (!state->detail_loaded)
        return TUI_REACT_NONE;
    if (state->offline_running)
        return tui_set_message(state, true, "An offline activation is running.");
    state->prompt[0] = '\0';
    state->modal = TUI_MODAL_OFFLINE_REQUEST;
    return TUI_REACT_REDRAW;
}

tui_reaction tui_activate_offline(tui_state *state, const char *request_path, tui_effects *fx)
{
    if (state->read_only)
        return tui_refuse_read_only(state);
    if (!request_path[0])
        return tui_set_message(state, true, "Not activated: no machine request file given.");
    char *license_path = lp_license_file_path_beside(request_path);
    if (!license_path)
        return tui_set_message(state, true, "Not activated: out of memory.");
    tui_effect *e = tui_start_call(state, fx, TUI_FX_ACTIVATE_OFFLINE, &state->seq_mutation);
    if (e) {
        tui_copy_text(e->as.offline.license_id, sizeof e->as.offline.license_id, state->detail_id);
        tui_copy_text(e->as.offline.request_path, sizeof e->as.offline.request_path, request_path);
        tui_copy_text(e->as.offline.license_path, sizeof e->as.offline.license_path, license_path);
    }
    free(license_path);
    if (!e)
        return TUI_REACT_NONE;
    state->offline_running = true;
    return tui_set_message(state, false, "Activating offline...");
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
        state->qr_of_license_file = false;
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
    case TUI_ACTION_ACTIVATE_OFFLINE:
        return ask_request_path(state);
    case TUI_ACTION_LICENSE_FILE_QR:
        if (!state->license_file)
            return tui_set_message(state, true,
                                   "No license file yet: activate a machine offline first.");
        state->qr_of_license_file = true;
        state->modal = TUI_MODAL_QR;
        return TUI_REACT_REDRAW;
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

/* The refusals a person can act on, in words that name the way out. */
static tui_reaction offline_refused(tui_state *state, const tui_event *ev)
{
    const char *code = ev->error ? ev->error->code : "";
    if (strcmp(code, "seats_exhausted") == 0)
        return tui_set_message(state, true,
                               "Not activated: every seat of this license is in use; deactivate "
                               "one of its activations first.");
    if (strcmp(code, "request_replayed") == 0)
        return tui_set_message(state, true,
                               "Not activated: this machine request was used before; make a new "
                               "one with `licportal offline-request` on the machine.");
    if (ev->status == LP_ERR_AUTH || ev->status == LP_ERR_CANCELLED)
        return tui_call_failed(state, ev);
    const char *why = ev->error && ev->error->message[0] ? ev->error->message : "request failed";
    char text[600];
    if (strcmp(code, "offline_activation_not_allowed") == 0)
        snprintf(text, sizeof text,
                 "Not activated: this license does not allow offline activation (%.400s).", why);
    else
        snprintf(text, sizeof text, "Not activated: %.500s", why);
    return tui_set_message(state, true, text);
}

/* The new activation counts at once: in the seats shown, the dashboard's
 * KPI and the activations list (asked for afresh now when it is shown, else
 * when it is next shown). */
static tui_reaction count_new_activation(tui_state *state, const lp_activation *activation,
                                         tui_effects *fx)
{
    const char *license_id = activation->license_id ? activation->license_id : "";
    if (state->detail_loaded && state->detail.summary.id &&
        strcmp(state->detail.summary.id, license_id) == 0)
        state->detail.summary.activations_in_use++;
    if (state->dashboard_loaded)
        state->dashboard.kpis.activations_in_use++;
    if (state->view == TUI_VIEW_ACTIVATIONS)
        return tui_view_ops_of(TUI_VIEW_ACTIVATIONS)->fetch(state, fx);
    tui_pager_reset(&state->activations);
    return TUI_REACT_NONE;
}

/* The license file was written to ev->target, or (target NULL) the
 * activation exists but the file could not be written, ev->error says why. */
static tui_reaction offline_result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    state->offline_running = false;
    if (ev->status != LP_OK || !ev->result)
        return offline_refused(state, ev) | TUI_REACT_REDRAW;
    const lp_activation *activation = &ev->result->as.offline.activation;
    tui_reaction r = count_new_activation(state, activation, fx);
    /* Kept for its QR code; when it could not be written, that is its only copy. */
    tui_state_forget_license_file(state);
    state->license_file = ev->result->as.offline.license_file;
    ev->result->as.offline.license_file = NULL;
    char key[64], done[600], text[1200];
    bound_key(state, TUI_ACTION_LICENSE_FILE_QR, key, sizeof key);
    if (ev->target)
        snprintf(done, sizeof done, "license file written to %.400s", ev->target);
    else
        snprintf(done, sizeof done, "but the license file was not written: %.400s",
                 ev->error && ev->error->message[0] ? ev->error->message : "unknown error");
    snprintf(text, sizeof text,
             "Activated %.200s offline (activation %.100s); %s (%s shows it as a QR code).",
             activation->name ? activation->name : "the machine",
             activation->id ? activation->id : "?", done, key);
    return r | tui_set_message(state, ev->target == NULL, text);
}

static tui_reaction result(tui_state *state, const tui_event *ev, tui_effects *fx)
{
    if (ev->call_kind == LP_CALL_REVEAL_KEY)
        return reveal_result(state, ev);
    if (ev->call_kind == LP_CALL_OFFLINE_ACTIVATION)
        return offline_result(state, ev, fx);
    return detail_result(state, ev);
}

const tui_view_ops tui_license_detail_ops = {
    .scope = TUI_SCOPE_LICENSE_DETAIL,
    .title = "License",
    .sidebar_view = TUI_VIEW_LICENSES,
    .calls = {LP_CALL_LICENSE, LP_CALL_REVEAL_KEY, LP_CALL_OFFLINE_ACTIVATION},
    .call_count = 3,
    .pager = tui_no_pager,
    .fetch = fetch,
    .move = move,
    .open = open,
    .act = act,
    .click = tui_no_click,
    .result = result,
    .hints = {{TUI_ACTION_REVEAL_KEY, "reveal key"},
              {TUI_ACTION_LICENSE_ACTIVATIONS, "activations"},
              {TUI_ACTION_ACTIVATE_OFFLINE, "activate offline"},
              {TUI_ACTION_NONE, NULL}},
};
